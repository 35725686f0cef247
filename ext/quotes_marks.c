/*
** quotes_marks.c — find quotations by pairing quotation marks.
**
** The first half of the quotes stage (include/article_quotes.h): a scan of
** each paragraph that pairs opening and closing marks and reports every
** outermost pair.  Typographic marks say which way they face, so most of
** the work is the marks that do not:
**
**   “…” ‘…’ „…“ ‚…‘ «…» »…« ‹…› 「…」 『…』   a fixed opener and closer
**   "…"  '…'                                  paired by context: a mark with
**                                             a space before it and a letter
**                                             after it opens, one that hugs
**                                             the word before it closes
**
** The apostrophe shares its character with the closing single quote (’)
** and the straight single quote ('), so a single mark only counts when its
** neighbours rule the apostrophe out:
**
**   don’t, Israel’s        between two letters: an apostrophe
**   ’90s, rock ’n’ roll    an elided word or a decade: an apostrophe
**   players’ union         an "s’" followed by a word, when a later mark
**                          can close the quote instead: a possessive
**
** and an opening single mark is only taken when a mark that can close it
** follows in the same paragraph.
**
** Marks nest: the scan keeps a small stack, and a quote inside a quote is
** part of the outer one.  A closer that matches a mark deeper in the stack
** closes it and drops the unclosed marks above it.
**
** Quotes do not cross paragraphs, with one exception from print
** convention: a quote that runs over several paragraphs leaves each one
** open and reopens the next with a fresh opening mark.  Such a quote gives
** one row per paragraph, and the rows share a group number so that the
** attribution step can give them one speaker.  An opening double mark that
** is never closed and not continued still gives a row to the paragraph's
** end (the writer forgot the closer); an unclosed single or straight mark
** in mid-paragraph is dropped as noise.
**
** The scan looks at each byte once, and only bytes that can start a mark
** lead to any work, so it runs at memory speed on ordinary prose.
*/
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "article_quotes.h"
#include "article_tables.h"
#include "article_text.h"

/* ---- mark families ----------------------------------------------------- */

enum {
  FAM_DQ = 1,        /* “ … ”            */
  FAM_DQ_LOW,        /* „ … “ or ”       */
  FAM_DQ_RIGHT,      /* ” … ”  (Swedish, or a typo) */
  FAM_DQ_STRAIGHT,   /* " … "            */
  FAM_GUIL,          /* « … »            */
  FAM_GUIL_REV,      /* » … «            */
  FAM_CJK,           /* 「 … 」           */
  FAM_CJK2,          /* 『 … 』           */
  FAM_SQ,            /* ‘ … ’            */
  FAM_SQ_LOW,        /* ‚ … ‘ or ’       */
  FAM_SQ_STRAIGHT,   /* ' … '            */
  FAM_SGUIL,         /* ‹ … ›            */
  FAM_SGUIL_REV      /* › … ‹            */
};

static int fam_is_single(int f) { return f >= FAM_SQ; }

/* The characters a mark scan cares about. */
enum {
  M_NONE = 0, M_DQ_STRAIGHT, M_SQ_STRAIGHT, M_LDQ, M_RDQ, M_LOW_DQ, M_LSQ, M_RSQ,
  M_LOW_SQ, M_LGUIL, M_RGUIL, M_LSGUIL, M_RSGUIL, M_LCJK, M_RCJK, M_LCJK2, M_RCJK2
};

/* Decode the mark at doc[i] (if any); *len gets its length in bytes. */
static int mark_at(const unsigned char *z, size_t i, size_t end, size_t *len) {
  unsigned char b = z[i];
  *len = 1;
  if (b == '"') return M_DQ_STRAIGHT;
  if (b == '\'') return M_SQ_STRAIGHT;
  if (b == 0xC2 && i + 1 < end) {
    *len = 2;
    if (z[i + 1] == 0xAB) return M_LGUIL;
    if (z[i + 1] == 0xBB) return M_RGUIL;
    return M_NONE;
  }
  if (i + 2 >= end) return M_NONE;
  *len = 3;
  if (b == 0xE2 && z[i + 1] == 0x80) {
    switch (z[i + 2]) {
      case 0x98: return M_LSQ;
      case 0x99: return M_RSQ;
      case 0x9A: return M_LOW_SQ;
      case 0x9C: return M_LDQ;
      case 0x9D: return M_RDQ;
      case 0x9E: return M_LOW_DQ;
      case 0xB9: return M_LSGUIL;
      case 0xBA: return M_RSGUIL;
    }
  } else if (b == 0xE3 && z[i + 1] == 0x80) {
    switch (z[i + 2]) {
      case 0x8C: return M_LCJK;
      case 0x8D: return M_RCJK;
      case 0x8E: return M_LCJK2;
      case 0x8F: return M_RCJK2;
    }
  }
  return M_NONE;
}

/* Bytes that can start a mark; everything else is skipped at once. */
static const unsigned char mark_lead[256] = {
  ['"'] = 1, ['\''] = 1, [0xC2] = 1, [0xE2] = 1, [0xE3] = 1
};

int art_quotes_possible(const char *doc, size_t n) {
  const unsigned char *z = (const unsigned char *)doc;
  for (size_t i = 0; i < n; i++) {
    if (!mark_lead[z[i]]) continue;
    size_t len;
    int m = mark_at(z, i, n, &len);
    switch (m) {
      case M_NONE: case M_RSQ: case M_RGUIL: case M_RSGUIL: case M_RCJK: case M_RCJK2:
        break;   /* only a mark that can open makes a quote possible */
      case M_SQ_STRAIGHT:
        /* An apostrophe inside or after a word opens nothing. */
        if (i == 0 || z[i - 1] <= ' ' || z[i - 1] == '(' || z[i - 1] == '[') return 1;
        break;
      default:
        return 1;
    }
    i += len - 1;
  }
  /* » can open in German (»…«): count it only when no other mark did. */
  for (size_t i = 0; i + 1 < n; i++) {
    if (z[i] == 0xC2 && z[i + 1] == 0xBB) return 1;
  }
  return 0;
}

/* ---- character context ------------------------------------------------- */

typedef struct scan {
  const unsigned char *z;
  size_t pstart, pend;   /* the paragraph */
} scan;

enum { C_SPACE, C_WORD, C_OPEN, C_CLOSE, C_OTHER };

static int classify(int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return C_SPACE;
  if (cp == '(' || cp == '[' || cp == '{' || cp == '/' || cp == '-' || cp == 0x2014 || cp == 0x2013
      || cp == 0x201C || cp == 0x2018 || cp == 0x201E || cp == 0x201A || cp == 0xAB
      || cp == 0x2039 || cp == '"' || cp == 0x300C || cp == 0x300E) return C_OPEN;
  if (cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == ')'
      || cp == ']' || cp == '}' || cp == 0x2026) return C_CLOSE;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
      return C_SPACE;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return C_WORD;
    case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PD:
      return C_OPEN;
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PF:
      return C_CLOSE;
    default:
      return C_OTHER;
  }
}

/* Class of the character before doc[i]; the paragraph's edge is a space. */
static int class_before(const scan *s, size_t i) {
  if (i <= s->pstart) return C_SPACE;
  size_t l;
  return classify(art_utf8_decode_before(s->z, i, &l));
}

static int class_after(const scan *s, size_t i, int32_t *cp_out) {
  if (i >= s->pend) { if (cp_out) *cp_out = 0; return C_SPACE; }
  size_t l;
  int32_t cp = art_utf8_decode(s->z + i, s->pend - i, &l);
  if (cp_out) *cp_out = cp;
  return classify(cp);
}

static int is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/*
** True when the apostrophe-like mark ending at doc[i] starts an elided
** word ("’em", "’til", "’n’") or a decade ("’90s", "’20"); *skip gets the
** bytes to jump so that the closing half of "’n’" is not seen as a mark.
*/
static int elision_after(const scan *s, size_t i, size_t *skip) {
  const unsigned char *z = s->z;
  *skip = 0;
  if (i + 1 < s->pend && is_ascii_digit(z[i]) && is_ascii_digit(z[i + 1])) {
    size_t j = i + 2;
    if (j >= s->pend || z[j] == 's' || !(is_ascii_digit(z[j]) || (z[j] >= 'a' && z[j] <= 'z')
                                         || (z[j] >= 'A' && z[j] <= 'Z'))) return 1;
    return 0;
  }
  char word[12];
  size_t k = 0, j = i;
  while (j < s->pend && k < sizeof word - 1 && ((z[j] >= 'a' && z[j] <= 'z') || (z[j] >= 'A' && z[j] <= 'Z'))) {
    word[k++] = (char)(z[j] | 0x20);
    j++;
  }
  if (k == 0 || k == sizeof word - 1) return 0;
  const art_table_entry *e = art_table_find(&art_table_quote_words, word, k);
  if (!e || strcmp(e->value, "elision") != 0) return 0;
  /* The word must end there: "’tis" yes, "’tissue" no. */
  size_t l;
  int32_t cp = j < s->pend ? art_utf8_decode(z + j, s->pend - j, &l) : 0;
  if (j < s->pend && classify(cp) == C_WORD) return 0;
  if (k == 1 && word[0] == 'n') {
    /* "’n’" needs its closing half. */
    size_t ml;
    int m = j < s->pend ? mark_at(z, j, s->pend, &ml) : M_NONE;
    if (m != M_RSQ && m != M_SQ_STRAIGHT && m != M_LSQ) return 0;
    *skip = j + ml - i;
  }
  return 1;
}

/*
** Can the single mark (kind m, len bytes) at doc[i] close a quote?  It must
** hug the word before it and not sit inside a word.
*/
static int single_can_close(const scan *s, size_t i, size_t len) {
  int before = class_before(s, i);
  if (before == C_SPACE || before == C_OPEN) return 0;
  int after = class_after(s, i + len, NULL);
  if (before == C_WORD && after == C_WORD) return 0;   /* don’t */
  return 1;
}

/* Is a closer for single family fam present in doc[from..pend)? */
static int single_closer_ahead(const scan *s, size_t from, int fam) {
  size_t limit = s->pend;
  if (limit - from > 8192) limit = from + 8192;  /* a quote longer than this is not a quote */
  for (size_t i = from; i < limit; i++) {
    if (!mark_lead[s->z[i]]) continue;
    size_t len;
    int m = mark_at(s->z, i, s->pend, &len);
    int fits = (fam == FAM_SQ && m == M_RSQ) || (fam == FAM_SQ_STRAIGHT && m == M_SQ_STRAIGHT)
               || (fam == FAM_SQ_LOW && (m == M_RSQ || m == M_LSQ));
    if (fits && single_can_close(s, i, len)) return 1;
    i += len - 1;
  }
  return 0;
}

/*
** At a possible single closer that follows "s" and precedes a word
** ("players’ union"): a possessive when a later closer can end the quote.
*/
static int looks_possessive(const scan *s, size_t i, size_t len, int fam) {
  if (i == s->pstart || (s->z[i - 1] != 's' && s->z[i - 1] != 'S')) return 0;
  int32_t cp;
  if (class_after(s, i + len, &cp) != C_SPACE || cp == 0) return 0;
  size_t j = i + len;
  while (j < s->pend && (s->z[j] == ' ' || s->z[j] == '\t')) j++;
  if (j >= s->pend) return 0;
  size_t l;
  if (classify(art_utf8_decode(s->z + j, s->pend - j, &l)) != C_WORD) return 0;
  return single_closer_ahead(s, i + len, fam);
}

/* ---- the list ------------------------------------------------------------ */

static int list_push(art_quote_list *out, const art_quote *q) {
  if (out->count == out->cap) {
    size_t cap = out->cap ? out->cap * 2 : 16;
    art_quote *items = realloc(out->items, cap * sizeof *items);
    if (!items) return -1;
    out->items = items;
    out->cap = cap;
  }
  out->items[out->count++] = *q;
  return 0;
}

/* True when doc[a..b) holds a letter or digit: an empty quote is no quote. */
static int has_word(const unsigned char *z, size_t a, size_t b) {
  while (a < b) {
    size_t l;
    int32_t cp = art_utf8_decode(z + a, b - a, &l);
    if (classify(cp) == C_WORD) return 1;
    a += l;
  }
  return 0;
}

/* Sentence (1-based number) and paragraph holding byte `at`. */
static void locate(const art_sentence *sents, size_t lo, size_t hi, size_t at, int *sentence, int *paragraph) {
  /* sents[lo..hi) is one paragraph: find the first sentence ending after `at`. */
  size_t k = lo;
  while (k + 1 < hi && sents[k].end <= at) k++;
  *sentence = sents[k].sentence;
  *paragraph = sents[k].paragraph;
}

/* ---- pairing ------------------------------------------------------------- */

#define MAX_DEPTH 16

typedef struct open_mark {
  int fam;
  size_t mark, content;   /* where the mark starts, where the quote text starts */
} open_mark;

typedef struct pair_state {
  const unsigned char *z;
  const art_sentence *sents;
  size_t lo, hi;          /* the paragraph's sentences */
  art_quote_list *out;
  int next_group;
  int carry_group;        /* group of a quote continued from the paragraph before, or 0 */
} pair_state;

static int emit(pair_state *ps, const open_mark *m, size_t end, size_t mark_end) {
  if (end <= m->content || !has_word(ps->z, m->content, end)) return 0;
  art_quote q;
  memset(&q, 0, sizeof q);
  q.start = m->content;
  q.end = end;
  q.mark_start = m->mark;
  q.mark_end = mark_end;
  locate(ps->sents, ps->lo, ps->hi, m->content, &q.sentence, &q.paragraph);
  if (ps->carry_group) { q.group = ps->carry_group; ps->carry_group = 0; }
  else q.group = ++ps->next_group;
  return list_push(ps->out, &q);
}

/* Index of the innermost open mark of one of the families in fams, or -1. */
static int find_open(const open_mark *stack, int depth, const int *fams, int nfams) {
  for (int k = depth - 1; k >= 0; k--) {
    for (int f = 0; f < nfams; f++) if (stack[k].fam == fams[f]) return k;
  }
  return -1;
}

/* Does the paragraph starting at doc[at] open with a mark that continues a quote? */
static int opens_with_mark(const unsigned char *z, size_t at, size_t end, int single) {
  size_t len;
  if (at >= end) return 0;
  int m = mark_at(z, at, end, &len);
  if (single) return m == M_LSQ || m == M_SQ_STRAIGHT || m == M_LOW_SQ || m == M_LSGUIL;
  return m == M_LDQ || m == M_DQ_STRAIGHT || m == M_LOW_DQ || m == M_LGUIL || m == M_RGUIL
         || m == M_LCJK || m == M_LCJK2 || m == M_RDQ;
}

/*
** Scan one paragraph.  next_start is where the next paragraph starts
** (or (size_t)-1 when there is none) to tell a continued quote.
*/
static int pair_paragraph(pair_state *ps, size_t next_start, size_t doc_end) {
  scan sc;
  sc.z = ps->z;
  sc.pstart = ps->sents[ps->lo].start;
  sc.pend = ps->sents[ps->hi - 1].end;
  const unsigned char *z = ps->z;
  open_mark stack[MAX_DEPTH];
  int depth = 0;

  for (size_t i = sc.pstart; i < sc.pend; i++) {
    if (!mark_lead[z[i]]) continue;
    size_t len;
    int m = mark_at(z, i, sc.pend, &len);
    if (m == M_NONE) continue;
    size_t after = i + len;
    int before = class_before(&sc, i);
    int32_t next_cp;
    int next = class_after(&sc, after, &next_cp);
    int close_k = -1, open_fam = 0;

    switch (m) {
      case M_DQ_STRAIGHT: {
        static const int f[] = {FAM_DQ_STRAIGHT};
        close_k = find_open(stack, depth, f, 1);
        if (close_k < 0) {
          if (next == C_SPACE) break;                        /* a stray closer */
          if (before == C_WORD && is_ascii_digit(z[i - 1])) break;  /* 12" */
          /* Open only when a partner follows, or at the paragraph start (a
          ** quote running on to the next paragraph). */
          if (memchr(z + after, '"', sc.pend - after) || i == sc.pstart) open_fam = FAM_DQ_STRAIGHT;
        }
        break;
      }
      case M_LDQ: {
        static const int low[] = {FAM_DQ_LOW}, dq[] = {FAM_DQ};
        close_k = find_open(stack, depth, low, 1);
        if (close_k < 0 && before != C_SPACE && before != C_OPEN
            && (next == C_SPACE || next == C_CLOSE)) {
          close_k = find_open(stack, depth, dq, 1);   /* “…“ typed the wrong way */
        }
        if (close_k < 0) open_fam = FAM_DQ;
        break;
      }
      case M_RDQ: {
        static const int f[] = {FAM_DQ, FAM_DQ_LOW, FAM_DQ_RIGHT};
        close_k = find_open(stack, depth, f, 3);
        if (close_k < 0 && (before == C_SPACE || before == C_OPEN) && next == C_WORD
            && memchr(z + after, 0xE2, sc.pend - after)) open_fam = FAM_DQ_RIGHT;
        break;
      }
      case M_LOW_DQ:
        open_fam = FAM_DQ_LOW;
        break;
      case M_LGUIL: {
        static const int f[] = {FAM_GUIL_REV};
        close_k = find_open(stack, depth, f, 1);
        if (close_k < 0) open_fam = FAM_GUIL;
        break;
      }
      case M_RGUIL: {
        static const int f[] = {FAM_GUIL};
        close_k = find_open(stack, depth, f, 1);
        if (close_k < 0 && (before == C_SPACE || before == C_OPEN) && next != C_SPACE) open_fam = FAM_GUIL_REV;
        break;
      }
      case M_LSGUIL: {
        static const int f[] = {FAM_SGUIL_REV};
        close_k = find_open(stack, depth, f, 1);
        if (close_k < 0) open_fam = FAM_SGUIL;
        break;
      }
      case M_RSGUIL: {
        static const int f[] = {FAM_SGUIL};
        close_k = find_open(stack, depth, f, 1);
        if (close_k < 0 && (before == C_SPACE || before == C_OPEN) && next != C_SPACE) open_fam = FAM_SGUIL_REV;
        break;
      }
      case M_LCJK: open_fam = FAM_CJK; break;
      case M_LCJK2: open_fam = FAM_CJK2; break;
      case M_RCJK: { static const int f[] = {FAM_CJK}; close_k = find_open(stack, depth, f, 1); break; }
      case M_RCJK2: { static const int f[] = {FAM_CJK2}; close_k = find_open(stack, depth, f, 1); break; }
      case M_LOW_SQ:
        if ((before == C_SPACE || before == C_OPEN) && next == C_WORD
            && single_closer_ahead(&sc, after, FAM_SQ_LOW)) open_fam = FAM_SQ_LOW;
        break;
      case M_LSQ: case M_RSQ: case M_SQ_STRAIGHT: {
        size_t skip;
        if (before == C_WORD && next == C_WORD) break;        /* don’t, Israel’s */
        if ((before == C_SPACE || before == C_OPEN) && elision_after(&sc, after, &skip)) {
          if (skip) i = after + skip - 1;                     /* past "’n’" */
          break;
        }
        /* Closing? */
        if (m == M_RSQ || m == M_LSQ) {
          static const int sq[] = {FAM_SQ}, low[] = {FAM_SQ_LOW};
          if (m == M_RSQ) close_k = find_open(stack, depth, sq, 1);
          if (close_k < 0) close_k = find_open(stack, depth, low, 1);
          if (close_k >= 0 && (!single_can_close(&sc, i, len)
                               || looks_possessive(&sc, i, len, stack[close_k].fam))) close_k = -1;
          if (close_k < 0 && m == M_LSQ && (before == C_SPACE || before == C_OPEN) && next != C_SPACE
              && single_closer_ahead(&sc, after, FAM_SQ)) open_fam = FAM_SQ;
        } else {
          static const int st[] = {FAM_SQ_STRAIGHT};
          close_k = find_open(stack, depth, st, 1);
          if (close_k >= 0 && (!single_can_close(&sc, i, len)
                               || looks_possessive(&sc, i, len, FAM_SQ_STRAIGHT))) close_k = -1;
          if (close_k < 0 && (before == C_SPACE || before == C_OPEN) && next != C_SPACE
              && single_closer_ahead(&sc, after, FAM_SQ_STRAIGHT)) open_fam = FAM_SQ_STRAIGHT;
        }
        break;
      }
    }

    if (close_k >= 0) {
      if (close_k == 0 && emit(ps, &stack[0], i, after) < 0) return -1;
      depth = close_k;
    } else if (open_fam) {
      if (depth < MAX_DEPTH) {
        stack[depth].fam = open_fam;
        stack[depth].mark = i;
        stack[depth].content = after;
        depth++;
      }
    }
    i = after - 1 > i ? after - 1 : i;
  }

  /* A quote left open at the paragraph's end. */
  if (depth > 0) {
    const open_mark *b = &stack[0];
    int single = fam_is_single(b->fam);
    int continued = next_start != (size_t)-1 && opens_with_mark(z, next_start, doc_end, single);
    int at_start = b->mark == sc.pstart;
    int strong = !single && b->fam != FAM_DQ_STRAIGHT;
    if (continued && (strong || at_start)) {
      size_t had = ps->out->count;
      int carried = ps->carry_group;
      if (emit(ps, b, sc.pend, sc.pend) < 0) return -1;
      ps->carry_group = ps->out->count > had ? ps->out->items[ps->out->count - 1].group : carried;
      return 0;
    }
    if (strong || at_start) {
      if (emit(ps, b, sc.pend, sc.pend) < 0) return -1;
    }
  }
  ps->carry_group = 0;
  return 0;
}

long art_quotes_pair(const char *doc, size_t n, const art_sentence *sents,
                     size_t nsents, art_quote_list *out) {
  pair_state ps;
  memset(&ps, 0, sizeof ps);
  ps.z = (const unsigned char *)doc;
  ps.sents = sents;
  ps.out = out;
  for (size_t i = 0; i < out->count; i++) {
    if (out->items[i].group > ps.next_group) ps.next_group = out->items[i].group;
  }
  size_t first = out->count;
  size_t lo = 0;
  while (lo < nsents) {
    size_t hi = lo + 1;
    while (hi < nsents && sents[hi].paragraph == sents[lo].paragraph) hi++;
    ps.lo = lo;
    ps.hi = hi;
    /* A continued quote only continues into the very next paragraph. */
    size_t next_start = (hi < nsents && sents[hi].paragraph == sents[lo].paragraph + 1)
                        ? sents[hi].start : (size_t)-1;
    if (pair_paragraph(&ps, next_start, n) < 0) return -1;
    lo = hi;
  }
  return (long)(out->count - first);
}

/* ---- names --------------------------------------------------------------- */

const char *art_quote_kind_name(art_quote_kind k) {
  switch (k) {
    case ART_QUOTE_STATEMENT: return "statement";
    case ART_QUOTE_FRAGMENT: return "fragment";
  }
  return "statement";
}

art_quote_kind art_quote_kind_from_name(const char *s, size_t n) {
  if (n == 9 && memcmp(s, "statement", 9) == 0) return ART_QUOTE_STATEMENT;
  if (n == 8 && memcmp(s, "fragment", 8) == 0) return ART_QUOTE_FRAGMENT;
  return (art_quote_kind)0;
}
