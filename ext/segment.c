/*
** segment.c — a document into paragraphs, and paragraphs into sentences,
** one sentence at a time.
**
** Paragraphs: by default every line is a paragraph, because web and wire
** copy put one paragraph on a line.  Two exceptions keep wrapped text whole:
** a line that ends in a space before the break and is followed by a line
** starting in lower case continues (the format=flowed convention of mail and
** some CMS exports), and a line that is only a dateline ("WASHINGTON (AP) —")
** joins the paragraph after it.  With "newline": "space" only blank lines
** end paragraphs, for hard-wrapped and PDF text; the default, "auto",
** chooses "space" for a document whose lines look hard-wrapped (moderate,
** even lengths, many stopping mid-sentence and going on in lower case) and
** "break" for every other.
**
** Each paragraph is then classified: boilerplate (ext/boilerplate.c), a
** headline (the first paragraph, short, with no final punctuation, and
** followed by more text), or body; boilerplate is skipped unless asked for.
** Sentences and paragraphs are numbered over what is yielded.
**
** Memory: the segmenter holds one paragraph's sentence spans at a time.
*/
#include <stdlib.h>
#include <string.h>
#include "article_context.h"
#include "article_segment.h"
#include "article_text.h"

#define HEADLINE_MAX_BYTES 200
/* A paragraph longer than this (a PDF dump with no blank line, say) is split
   in pieces of about this size at a sentence-like break, so the splitter's
   buffers stay small.  No real paragraph comes near it. */
#define PIECE_BYTES (1u << 20)
/* An author's note stands in the article's last few hundred bytes. */
#define LAST_PARAGRAPH_ZONE 800

typedef unsigned char uchar;

typedef struct para { size_t start, end; } para;

struct art_segmenter {
  art_context *ctx;
  const uchar *z;
  size_t n;
  art_seg_options opts;
  size_t pos;              /* where the next paragraph search starts */
  int has_cr;              /* the document has a carriage return */
  int space_mode;          /* single line breaks are spaces */
  int paragraphs_read;     /* raw paragraphs seen, boilerplate included */
  int paragraph_no;        /* paragraphs yielded */
  int sentence_no;
  art_span_buf spans;      /* the current paragraph's sentences */
  size_t span_i;
  art_kind kind;
  size_t rest_start, rest_end;   /* the part of a huge paragraph not yet split */
  int have_peek;
  para peek;
};

const char *art_kind_name(art_kind k) {
  switch (k) {
    case ART_KIND_HEADLINE: return "headline";
    case ART_KIND_BODY: return "body";
    case ART_KIND_BOILERPLATE: return "boilerplate";
  }
  return "body";
}

static int is_hspace(uchar c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

/* Byte after the line that starts at i (past its \n, \r\n or \r).
   has_cr: the document holds a \r somewhere (most do not). */
static inline __attribute__((always_inline)) size_t line_end(const uchar *z, size_t n, size_t i, int has_cr,
                                                              size_t *content_end) {
  const uchar *nl = memchr(z + i, '\n', n - i);
  size_t e = nl ? (size_t)(nl - z) : n;
  const uchar *cr = has_cr ? memchr(z + i, '\r', e - i) : NULL;
  if (cr) e = (size_t)(cr - z);
  *content_end = e;
  if (e < n && z[e] == '\r') e++;
  if (e < n && z[e] == '\n' && (e == *content_end || z[e - 1] == '\r')) e++;
  return e;
}

/* Trim ASCII and Unicode spaces from both ends of [*a, *b). */
static __attribute__((noinline)) void trim_slow(const uchar *z, size_t *a, size_t *b);
static inline __attribute__((always_inline)) void trim(const uchar *z, size_t *a, size_t *b) {
  /* Most lines start and end with a printable ASCII byte: nothing to trim. */
  if (*a < *b && z[*a] > ' ' && z[*a] < 0x80 && z[*b - 1] > ' ' && z[*b - 1] < 0x80) return;
  trim_slow(z, a, b);
}

static void trim_slow(const uchar *z, size_t *a, size_t *b) {
  while (*a < *b) {
    if (is_hspace(z[*a]) || z[*a] == '\n' || z[*a] == '\r') { (*a)++; continue; }
    if (z[*a] == 0xC2 && *a + 1 < *b && z[*a + 1] == 0xA0) { *a += 2; continue; }
    if (z[*a] == 0xE2 && *a + 2 < *b && z[*a + 1] == 0x80 &&
        (z[*a + 2] <= 0x8A || z[*a + 2] == 0xAF)) { *a += 3; continue; }
    if (z[*a] == 0xEF && *a + 2 < *b && z[*a + 1] == 0xBB && z[*a + 2] == 0xBF) { *a += 3; continue; }
    break;
  }
  while (*b > *a) {
    uchar c = z[*b - 1];
    if (is_hspace(c) || c == '\n' || c == '\r') { (*b)--; continue; }
    if (c == 0xA0 && *b - 2 >= *a && z[*b - 2] == 0xC2) { *b -= 2; continue; }
    break;
  }
}

static int blank(const uchar *z, size_t a, size_t b) {
  trim(z, &a, &b);
  return a >= b;
}

/* The first non-space byte of the line at i is a lower-case letter. */
static int starts_lower(const uchar *z, size_t n, size_t i) {
  while (i < n && is_hspace(z[i])) i++;
  if (i >= n) return 0;
  size_t l;
  int32_t c = art_utf8_decode(z + i, n - i, &l);
  if (c < 0x80) return c >= 'a' && c <= 'z';
  /* Non-ASCII lower case is rare at a soft break; treat as not lower. */
  return 0;
}

/* Read the next raw paragraph; 0 when the document is exhausted. */
static int read_paragraph(art_segmenter *s, para *p) {
  const uchar *z = s->z;
  size_t n = s->n, i = s->pos, ce, next;
  /* skip blank lines; the first other line's end is kept for the loop below */
  for (;;) {
    if (i >= n) { s->pos = n; return 0; }
    if (z[i] == '\n') { i++; continue; }   /* an empty line (most blank lines): no search */
    next = line_end(z, n, i, s->has_cr, &ce);
    if (!blank(z, i, ce)) break;
    i = next;
  }
  size_t start = i, end;
  for (;;) {
    if (i != start) next = line_end(z, n, i, s->has_cr, &ce);
    end = ce;
    i = next;
    if (i >= n) break;
    if (s->space_mode) {
      size_t ce2;
      line_end(z, n, i, s->has_cr, &ce2);
      if (blank(z, i, ce2)) break;
      continue;
    }
    /* flowed: trailing space, then a lower-case continuation */
    if (ce > start && is_hspace(z[ce - 1]) && starts_lower(z, n, i)) continue;
    break;
  }
  s->pos = i;
  trim(z, &start, &end);
  p->start = start;
  p->end = end;
  return 1;
}

static int next_paragraph(art_segmenter *s, para *p) {
  if (s->have_peek) {
    *p = s->peek;
    s->have_peek = 0;
    return 1;
  }
  return read_paragraph(s, p);
}

static int peek_paragraph(art_segmenter *s, para *p) {
  if (!s->have_peek) {
    if (!read_paragraph(s, &s->peek)) return 0;
    s->have_peek = 1;
  }
  *p = s->peek;
  return 1;
}

/* Ends in . ! ? … : ; or , possibly followed by closing quotes/brackets. */
static int ends_with_punct(const uchar *z, size_t a, size_t b) {
  while (b > a) {
    size_t l;
    int32_t c = art_utf8_decode_before(z, b, &l);
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB) {
      b -= l;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' || c == ',';
  }
  return 0;
}

/* Line statistics for art_text_is_hard_wrapped(), over the first
   WRAP_SAMPLE_BYTES. */
#define WRAP_SAMPLE_BYTES (1u << 20)

int art_text_is_hard_wrapped(const char *doc, size_t n) {
  const uchar *z = (const uchar *)doc;
  if (n > WRAP_SAMPLE_BYTES) n = WRAP_SAMPLE_BYTES;
  size_t lines = 0, long_lines = 0, pairs = 0, runon = 0, pair_bytes = 0;
  size_t prev_len = 0;
  int prev_open = 0;            /* the previous line stopped mid-sentence */
  for (size_t i = 0; i < n;) {
    if (z[i] == '\n') { prev_len = 0; i++; continue; }   /* an empty line: no search */
    const uchar *nl = memchr(z + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - z) : n, a = i, b = e;
    i = nl ? e + 1 : n;
    trim(z, &a, &b);
    if (a >= b) { prev_len = 0; continue; }   /* a blank line */
    size_t len = b - a;
    lines++;
    if (len > 120) long_lines++;
    /* One paragraph a line shows at once: long lines from the start. */
    if (long_lines >= 3 && long_lines * 2 > lines) return 0;
    if (prev_len) {
      pairs++;
      pair_bytes += prev_len;
      if (prev_open && z[a] >= 'a' && z[a] <= 'z') runon++;
    }
    prev_len = len;
    uchar last = z[b - 1];
    prev_open = !(last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
                  (b - a >= 3 && z[b - 3] == 0xE2 && z[b - 2] == 0x80 &&
                   (last == 0xA6 || last == 0x9D || last == 0x99)));   /* … ” ’ */
  }
  return pairs >= 3 && runon * 3 >= pairs && pair_bytes >= pairs * 35 && long_lines * 10 <= lines;
}

art_segmenter *art_segmenter_new(art_context *ctx, const char *doc, size_t n,
                                 const art_seg_options *opts) {
  art_segmenter *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  art_segmenter_reset(s, ctx, doc, n, opts);
  return s;
}

void art_segmenter_reset(art_segmenter *s, art_context *ctx, const char *doc, size_t n,
                         const art_seg_options *opts) {
  art_span_buf keep = s->spans;   /* buffers survive: a table scan reuses them */
  memset(s, 0, sizeof *s);
  s->spans = keep;
  s->spans.n = 0;
  s->ctx = ctx;
  s->z = (const uchar *)doc;
  s->n = n;
  if (opts) s->opts = *opts;
  s->has_cr = memchr(doc, '\r', n) != NULL;
  s->space_mode = s->opts.newline == ART_NEWLINE_SPACE ||
                  (s->opts.newline == ART_NEWLINE_AUTO && art_text_is_hard_wrapped(doc, n));
}

void art_segmenter_free(art_segmenter *s) {
  if (!s) return;
  art_span_buf_free(&s->spans);
  free(s);
}

/* Where to end the piece of a huge paragraph that starts at a: after a
   period, question or exclamation mark and a space near PIECE_BYTES, else at
   a space, else at a character boundary. */
static size_t piece_end(const uchar *z, size_t a, size_t end) {
  if (end - a <= PIECE_BYTES) return end;
  size_t target = a + PIECE_BYTES, floor = target - PIECE_BYTES / 4;
  for (size_t i = target; i > floor; i--)
    if ((z[i - 1] == '.' || z[i - 1] == '?' || z[i - 1] == '!') && is_hspace(z[i])) return i;
  for (size_t i = target; i > floor; i--)
    if (is_hspace(z[i]) || z[i] == '\n') return i;
  while (target > a && (z[target] & 0xC0) == 0x80) target--;
  return target;
}

/* Split the next piece of a huge paragraph, or all of a normal one. */
static int split_piece(art_segmenter *s) {
  size_t e = piece_end(s->z, s->rest_start, s->rest_end);
  if (art_split_paragraph(s->ctx, (const char *)s->z, s->rest_start, e, &s->spans)) return -1;
  s->rest_start = e;
  s->span_i = 0;
  return 0;
}

/* The paragraph just read is the article's last but for boilerplate lines
   ("© 2026 …" after an author's note). */
static int near_end(art_segmenter *s) {
  para nx;
  if (!peek_paragraph(s, &nx)) return 1;
  if (!art_is_boilerplate_line(s->ctx, (const char *)s->z, nx.start, nx.end)) return 0;
  /* one boilerplate line may follow; look no further */
  size_t save = s->pos;
  para after;
  int more = read_paragraph(s, &after);
  s->pos = save;
  return !more;
}

/* Load the next paragraph that is to be yielded into s->spans. */
static int load_paragraph(art_segmenter *s) {
  para p;
  for (;;) {
    if (!next_paragraph(s, &p)) return 0;
    int first = s->paragraphs_read++ == 0;
    para nx;
    /* A dateline alone on a line belongs to the paragraph after it. */
    if (art_is_dateline_line(s->ctx, (const char *)s->z, p.start, p.end) &&
        peek_paragraph(s, &nx)) {
      next_paragraph(s, &nx);
      p.end = nx.end;
    }
    art_kind kind = ART_KIND_BODY;
    if (art_is_boilerplate_line(s->ctx, (const char *)s->z, p.start, p.end) ||
        (s->n - p.end <= LAST_PARAGRAPH_ZONE &&
         art_is_boilerplate_last(s->ctx, (const char *)s->z, p.start, p.end) && near_end(s))) {
      kind = ART_KIND_BOILERPLATE;
    } else if (first && p.end - p.start <= HEADLINE_MAX_BYTES &&
               !ends_with_punct(s->z, p.start, p.end) && !starts_lower(s->z, p.end, p.start) &&
               peek_paragraph(s, &nx)) {
      kind = ART_KIND_HEADLINE;
    }
    if (kind == ART_KIND_BOILERPLATE && !s->opts.keep_boilerplate) continue;
    if (kind == ART_KIND_HEADLINE || kind == ART_KIND_BOILERPLATE) {
      s->spans.n = 0;
      if (!s->spans.v) {
        s->spans.v = malloc(4 * sizeof(art_span));
        if (!s->spans.v) return -1;
        s->spans.cap = 4;
      }
      s->spans.v[0] = (art_span){p.start, p.end};
      s->spans.n = 1;
      s->rest_start = s->rest_end = p.end;
    } else {
      s->rest_start = p.start;
      s->rest_end = p.end;
      if (split_piece(s)) return -1;
      while (s->spans.n == 0 && s->rest_start < s->rest_end)
        if (split_piece(s)) return -1;
    }
    if (s->spans.n == 0) continue;
    s->kind = kind;
    s->span_i = 0;
    s->paragraph_no++;
    return 1;
  }
}

/* Hand over the next sentence of s->spans, which holds one. */
static inline int yield_sentence(art_segmenter *s, art_sentence *out) {
  art_span sp = s->spans.v[s->span_i++];
  out->start = sp.start;
  out->end = sp.end;
  out->paragraph = s->paragraph_no;
  out->sentence = ++s->sentence_no;
  out->kind = s->kind;
  return 1;
}

/* art_segmenter_next() when the paragraph's sentences are all handed
   over: split the paragraph's next piece, or load the next paragraph. */
static __attribute__((noinline)) int next_after_refill(art_segmenter *s, art_sentence *out) {
  while (s->span_i >= s->spans.n && s->rest_start < s->rest_end) {
    if (split_piece(s)) return -1;     /* same paragraph, next piece */
  }
  if (s->span_i >= s->spans.n) {
    int rc = load_paragraph(s);
    if (rc <= 0) return rc;
  }
  return yield_sentence(s, out);
}

int art_segmenter_next(art_segmenter *s, art_sentence *out) {
  /* most calls: a sentence of the paragraph already split */
  if (s->span_i < s->spans.n) return yield_sentence(s, out);
  return next_after_refill(s, out);
}

size_t art_sentence_index(const art_sentence *sents, size_t n, size_t at) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (sents[mid].start <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo ? lo - 1 : 0;
}
