/*
** article_quotes.h — quotations, who said them and how.
**
** The last stage of the pipeline: sentences + entities -> quotes.  A quote
** is the text between a pair of quotation marks, at the outermost level
** (a quote inside a quote stays part of the outer one).  For each quote the
** stage finds the cue ("said", "told reporters", "according to"), the
** speaker as written at the attribution ("Gallant", "he", "the
** spokeswoman") and the speaker's canonical name, taken from the entity
** list ("Yoav Gallant").  Spans are byte offsets into the caller's
** document; the SQLite layer turns them into character positions.
**
** The work is split in three so each part can be tested on its own:
**   art_quotes_pair()       marks -> quote spans, per paragraph (cheap scan)
**   art_quotes_attribute()  spans + sentences + entities -> speakers, cues
**   art_quotes_extract()    the whole pipeline over one document; it runs the
**                           segmenter, and the entity extractor only when
**                           the document has at least one quote, and then
**                           only on the paragraphs around quotes
*/
#ifndef ARTICLE_QUOTES_H
#define ARTICLE_QUOTES_H

#include <stddef.h>
#include "article_segment.h"
#include "article_entities.h"

typedef enum art_quote_kind {
  ART_QUOTE_STATEMENT = 1,   /* a clause or more of quoted speech */
  ART_QUOTE_FRAGMENT = 2     /* a scare quote, a few words inside the writer's sentence */
} art_quote_kind;

const char *art_quote_kind_name(art_quote_kind k);            /* "statement", "fragment" */
art_quote_kind art_quote_kind_from_name(const char *s, size_t n);  /* 0 if unknown */

typedef struct art_quote {
  size_t start, end;          /* the quoted text, marks excluded */
  size_t mark_start, mark_end;/* the whole quote with its marks; mark_end == end
                              ** when the quote runs on to the next paragraph */
  int sentence, paragraph;    /* where the quoted text starts */
  int group;                  /* rows of one multi-paragraph quote share it */
  art_quote_kind kind;
  const char *speaker;        /* canonical name, speaker_len bytes; NULL: unknown.
                              ** Points into the document, the entity list or
                              ** the list's names (one space between words). */
  size_t speaker_len;
  size_t speaker_start, speaker_end;  /* speaker as written; empty: none */
  size_t cue_start, cue_end;          /* the cue as written; empty: none */
} art_quote;

typedef struct art_quote_list {
  art_quote *items;
  size_t count, cap;
  /* private scratch, reused from call to call */
  art_sentence *sents;
  size_t nsents, sents_cap;
  art_entity_list entities;   /* the entities near quotes, offsets into the document */
  art_entity_list window;     /* one window's entities, before they are moved over */
  size_t *name_off;           /* where each entity's canonical name sits in entities.arena */
  size_t name_off_cap;
  char *names;                /* speakers whose spacing was tidied ("Samuel K.⏎Oyelaran") */
  size_t names_len, names_cap;
} art_quote_list;

typedef struct art_quote_options {
  art_seg_options seg;
  unsigned kinds;             /* bit (1u << kind); 0 = every kind */
} art_quote_options;

/*
** True when doc[0..n) holds a character that can open a quotation.  A
** document without one has no quotes, and the pipeline stops there.
*/
int art_quotes_possible(const char *doc, size_t n);

/*
** Pair the quotation marks in each paragraph of sents[0..nsents) (the
** segmenter's sentences, in order) and append one quote per outermost pair
** to out (speaker and cue empty, kind unset).  A quote that a paragraph
** opens and leaves open, when the next paragraph opens again, gives one row
** per paragraph with a shared group.  Returns the count, or -1 when out of
** memory.
*/
long art_quotes_pair(const char *doc, size_t n, const art_sentence *sents,
                     size_t nsents, art_quote_list *out);

/*
** Fill kind, speaker and cue for every quote in list (as art_quotes_pair
** left it), reading the sentences around each quote and the entity list
** (may be NULL or empty: names are then taken as written).  Returns 0, or
** -1 when out of memory.
*/
int art_quotes_attribute(const char *doc, size_t n, const art_sentence *sents,
                         size_t nsents, const art_entity_list *entities,
                         art_quote_list *list);

/*
** The whole pipeline over doc[0..n).  The list must be zeroed before the
** first call; it is reset by each call and freed with art_quote_list_free().
** Returns 0, or -1 when out of memory.
*/
int art_quotes_extract(art_context *ctx, const char *doc, size_t n,
                       const art_quote_options *opts, art_quote_list *out);
void art_quote_list_free(art_quote_list *list);

#endif
