/*
** entities_internal.h — what the two files of the entity stage share:
** ext/entities.c (pass 1 over each sentence, the entry points) and
** ext/entities_document.c (pass 2 over the whole document, and the output).
** Not part of the library's interface.
*/
#ifndef ARTICLE_ENTITIES_INTERNAL_H
#define ARTICLE_ENTITIES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "article_entities.h"
#include "article_tables.h"

/* ---- the working set of mentions ---------------------------------------- */

typedef struct mention {
  size_t start, end;          /* bytes */
  size_t last_start;          /* start of the last token (surname matching) */
  size_t first_end;           /* end of the first token */
  size_t prev_start, prev_end;/* the token before the mention (equal when none) */
  int sentence, paragraph;
  art_etype type;
  int32_t score;              /* tagger confidence */
  int ntok;
  unsigned initial:1, from_lexicon:1, is_value:1, orphan:1, dropped:1, dateline:1, has_value:1, weak:1;
  unsigned fixed:1;           /* its context decided the type: the article-wide vote leaves it */
  unsigned context_org:1;     /* the words around it make it a team or a company ("Arsenal beat") */
  unsigned team:1;            /* ...a sports team ("Leverkusen coach", "beat Chelsea 3-1") */
  double value;
  char date[11];
  int canon;                  /* index of the mention whose text is the canonical, -1: own text */
  long lex_canon;             /* lexicon entry giving the canonical, -1: none */
  int gender;
  int he, she;                /* pronouns seen after the mention in its sentence */
  uint32_t hash;              /* art_table_hash of its text, set by the document pass */
  int32_t text_id;            /* the document pass's number of its text (equal texts, equal numbers) */
} mention;

typedef struct work {
  const char *doc;
  size_t doc_len;
  mention *m;
  size_t count, cap;
  int match_report;           /* two teams or more by their words: set by the document pass */
  const uint32_t *text;       /* the document pass's list of the mentions that are not values, */
  size_t ntext;               /* in order: most of its steps look at names only */
} work;

/* Tables whose values matter (gender, facility type); plain membership goes through art_gazetteer_bits(). */
typedef struct tables {
  uint32_t business_ends;     /* last letters ('a' = bit 0) of org_context.tsv's company nouns, and 's' */
  uint32_t fac_heads;         /* first letters of fac_words.tsv's "head" words ("Avenida", "Plaza") */
  const uint32_t *particle_firsts; /* [min(length, 15)]: first letters of quote_words.tsv's particles ("van") */
  const uint32_t *cue_firsts; /* [min(length, 15)], [16 + min(length, 15)]: first and second letters of the
                                 words before a name that may say "product" ("the drug Veltrana") */
} tables;

/*
** A map from byte strings (spans of the document, or short keys in a side
** buffer) to an int, sized up front for the number of inserts: every
** document-level step is one pass with lookups, so the pass stays linear in
** the number of mentions.  The slots outlive the document (they belong to
** the connection's art_entity_state): a document uses the first 2^k of
** them, and sm_clear() empties only the slots it filled, so a short
** article pays for its own mentions, not for a calloc of the table.
*/
typedef struct sm_slot { const char *z; uint32_t n; int32_t value; } sm_slot;
typedef struct span_map {
  sm_slot *slot;        /* cap slots, all empty between documents */
  size_t mask;          /* this document's table: slot[0..mask] */
  size_t cap;
  uint32_t *used;       /* indexes of the filled slots, for sm_clear() */
  size_t nused;
} span_map;

#define ACRONYM_MAX 8

/* Sort keys for the output order: by start, the longer span first, then
   the order found (so equal spans keep it).  Keys are small, so sorting
   them moves far less memory than sorting mentions. */
typedef struct order_key { size_t start, end, index; } order_key;

/* The buffers of the document pass and of emit(), kept across documents in
   the connection's art_entity_state. */
typedef struct doc_buffers {
  span_map spans[2];
  int64_t *votes;
  char *acr_keys;
  size_t *canon_off;
  order_key *order;
  uint8_t *group_bytes;      /* the vote's groups (vote_group in entities_document.c), one per text number */
  uint32_t *text;
  int32_t *by_text;
  size_t votes_cap, acr_cap, canon_cap, order_cap, group_bytes_cap, text_cap, by_text_cap;
} doc_buffers;

/* A new mention at the end of w (zeroed, canon -1), or NULL when out of memory. */
mention *art_ent_add_mention(work *w);
/* z[0..n) lower-cased looked up in tab (and without a final period when strip_period and no hit). */
const art_table_entry *art_ent_lookup_lower(const art_table *tab, const char *z, size_t n, int strip_period);
/* Gazetteer bits of z[0..n) lower-cased (and without a final period when strip_period and no hit). */
uint32_t art_ent_gaz_bits(const char *z, size_t n, int strip_period);
/* Is z[0..n) a lower-case name particle ("van", "bin")?  tb may be NULL. */
int art_ent_is_particle(const tables *tb, const char *z, size_t n);

/* Pass 2 over every mention of w (ext/entities_document.c): 0, or -1 when out of memory. */
int art_ent_document_pass(work *w, const tables *tb, doc_buffers *b);
/* The kept mentions of w, in document order, into out: 0, or -1 when out of memory. */
int art_ent_emit(work *w, const art_ent_options *opts, doc_buffers *b, art_entity_list *out);
void art_ent_doc_buffers_release(doc_buffers *b);
/* Bytes doc_buffers hold for the next document. */
size_t art_ent_doc_buffers_bytes(const doc_buffers *b);

#endif
