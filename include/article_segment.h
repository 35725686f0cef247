/*
** article_segment.h — paragraphs, boilerplate and sentences.
**
** The first stage of the pipeline: a document (UTF-8 bytes, possibly
** invalid) becomes paragraphs, each marked headline / body / boilerplate,
** and each paragraph becomes sentences.  Everything is expressed as byte
** spans into the caller's document; nothing is copied.
**
** Streaming: art_segmenter_next() yields one sentence at a time and holds
** only the current paragraph's sentences, so memory stays bounded by the
** longest paragraph, not the document.
*/
#ifndef ARTICLE_SEGMENT_H
#define ARTICLE_SEGMENT_H

#include <stddef.h>

typedef struct art_context art_context;   /* article_context.h */

typedef enum art_kind {
  ART_KIND_HEADLINE = 1,
  ART_KIND_BODY = 2,
  ART_KIND_BOILERPLATE = 3
} art_kind;

const char *art_kind_name(art_kind k);   /* "headline", "body", "boilerplate" */

/* What a single line break means ("newline" option). */
typedef enum art_newline {
  ART_NEWLINE_AUTO = 0,   /* "auto": BREAK, unless the document is hard-wrapped */
  ART_NEWLINE_SPACE = 1,  /* "space": a space; only a blank line ends a paragraph */
  ART_NEWLINE_BREAK = 2   /* "break": ends a paragraph (one paragraph a line) */
} art_newline;

typedef struct art_seg_options {
  art_newline newline;
  int keep_boilerplate;   /* "boilerplate": true — also yield boilerplate */
} art_seg_options;

/*
** Does doc[0..n) look hard-wrapped (PDF or e-mail text broken at a fixed
** width), so that single line breaks are spaces?  Looks at the first
** megabyte: lines of similar, moderate length, none much longer, and many
** that stop mid-sentence and go on in lower case on the next line.
*/
int art_text_is_hard_wrapped(const char *doc, size_t n);

typedef struct art_sentence {
  size_t start, end;      /* byte span [start, end), no surrounding whitespace */
  int sentence;           /* 1, 2, 3… over the sentences yielded */
  int paragraph;          /* 1, 2, 3… over the paragraphs yielded */
  art_kind kind;
} art_sentence;

typedef struct art_segmenter art_segmenter;

/*
** Start segmenting doc[0..n).  The document must outlive the segmenter.
** Returns NULL only when out of memory.
*/
art_segmenter *art_segmenter_new(art_context *ctx, const char *doc, size_t n,
                                 const art_seg_options *opts);
/* Index in sents[0..n) (in document order) of the sentence holding byte at,
   or of the last one that starts before it; 0 when none does. */
size_t art_sentence_index(const art_sentence *sents, size_t n, size_t at);

/* Start over on another document, keeping the buffers (no allocation). */
void art_segmenter_reset(art_segmenter *s, art_context *ctx, const char *doc, size_t n,
                         const art_seg_options *opts);
/* 1: *out holds the next sentence; 0: no more; -1: out of memory. */
int art_segmenter_next(art_segmenter *s, art_sentence *out);
void art_segmenter_free(art_segmenter *s);

/* A byte span [start, end) and a growable list of them. */
typedef struct art_span { size_t start, end; } art_span;
typedef struct art_span_buf {
  art_span *v;
  size_t n, cap;
  void *scratch;            /* private to the splitter; freed with the buffer */
} art_span_buf;
void art_span_buf_free(art_span_buf *b);

/*
** Split one paragraph doc[start..end) into sentences, replacing the contents
** of *out with their spans (trimmed of whitespace).  Line breaks inside the
** paragraph are treated as spaces.  Returns 0, or -1 when out of memory.
** The buffer (zero it before first use) is reused across calls, so splitting
** a document allocates only while its longest paragraph grows the buffers.
*/
int art_split_paragraph(art_context *ctx, const char *doc, size_t start, size_t end,
                        art_span_buf *out);

/* True when the line doc[start..end) is boilerplate (byline, ad, credit…). */
int art_is_boilerplate_line(art_context *ctx, const char *doc, size_t start, size_t end);
/* True when the article's LAST paragraph is an author's note or similar. */
int art_is_boilerplate_last(art_context *ctx, const char *doc, size_t start, size_t end);
/* True when the line is only a dateline ("WASHINGTON (AP) —"). */
int art_is_dateline_line(art_context *ctx, const char *doc, size_t start, size_t end);

#endif
