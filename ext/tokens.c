/*
** tokens.c — split one sentence into word, number and punctuation tokens.
**
** The entity tagger looks at every token of every sentence, so this loop is
** on the hot path of article_entities().  ASCII bytes are classified by a
** 256-entry table; only non-ASCII characters pay for a UTF-8 decode and a
** utf8proc category lookup.  The rules (see include/article_tokens.h) are
** the ones entity spans need:
**
**   1. A word is a run of letters, digits and combining marks, joined by
**      inner connectors when an alphanumeric follows: '.', '-', '&', the
**      apostrophes ' and ’, and between digits also ',', ':' and '/'.
**   2. A period right after a word joins it when the word is an
**      abbreviation: letters with inner periods ("U.S" + "."), one letter
**      (an initial), or a form in ext/data/token_abbrevs.tsv ("Sen", "Jr").
**   3. A word ending in 's or ’s gives the possessive its own token; a
**      lone apostrophe glued to a word ending in s is a possessive too.
**   4. A hyphen where the case of the two sides changes is its own token
**      ("Hamas-run", "U.S.-led", "pro-Western") when the lower-case side is
**      an ordinary word (ext/data/common_words.tsv) and not a name particle
**      ("al-Qaida", "Chen Shui-bian", "Port-au-Prince" stay whole).
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "article_tokens.h"
#include "article_tables.h"
#include "article_text.h"

/* Character classes. */
enum { C_SPACE = 1, C_UPPER = 2, C_LOWER = 4, C_DIGIT = 8, C_ALNUM = 16, C_PUNCT = 32,
       C_JOIN = 64 /* may join two parts of a word: . - & ' , : / */ };

static unsigned char ascii_class[128];
static uint16_t ascii_shape[128];   /* art_token_shape() of each one-byte token */
static pthread_once_t ascii_once = PTHREAD_ONCE_INIT;   /* the tables are built once per process */

static uint32_t shape_of(const char *zs, size_t n);

static void init_ascii(void) {
  for (int c = 0; c < 128; c++) {
    unsigned char k = C_PUNCT;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') k = C_SPACE;
    else if (c >= 'A' && c <= 'Z') k = C_UPPER | C_ALNUM;
    else if (c >= 'a' && c <= 'z') k = C_LOWER | C_ALNUM;
    else if (c >= '0' && c <= '9') k = C_DIGIT | C_ALNUM;
    else if (c < 0x20 || c == 0x7F) k = C_SPACE;
    if (c == '.' || c == '-' || c == '&' || c == '\'' || c == ',' || c == ':' || c == '/') k |= C_JOIN;
    ascii_class[c] = k;
  }
  for (int c = 0; c < 128; c++) {
    char one = (char)c;
    ascii_shape[c] = (uint16_t)shape_of(&one, 1);
  }
}

static unsigned cp_class(int32_t cp) {
  if (cp < 128) return ascii_class[cp];
  if (cp == 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0x200B) return C_SPACE;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return C_UPPER | C_ALNUM;
    case UTF8PROC_CATEGORY_LL: return C_LOWER | C_ALNUM;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return C_ALNUM;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return C_DIGIT | C_ALNUM;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
      return C_SPACE;
    default: return C_PUNCT;
  }
}

static unsigned char_at_slow(const unsigned char *z, size_t i, size_t n, int32_t *cp, size_t *len) {
  *cp = art_utf8_decode(z + i, n - i, len);
  if (*cp == ART_REPLACEMENT_CHAR) return C_PUNCT;
  return cp_class(*cp);
}

/* Class and code point of the character at z[i] (i < n); *len its byte length. */
static inline unsigned char_at(const unsigned char *z, size_t i, size_t n, int32_t *cp, size_t *len) {
  if (z[i] < 0x80) { *cp = z[i]; *len = 1; return ascii_class[z[i]]; }
  return char_at_slow(z, i, n, cp, len);
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

static int is_quote(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
         cp == 0x2019 || cp == 0x00AB || cp == 0x00BB || cp == 0x201E || cp == 0x201A ||
         cp == 0x2039 || cp == 0x203A;
}

static int is_open_quote(int32_t cp) {
  return cp == 0x201C || cp == 0x2018 || cp == 0x00AB || cp == 0x201E || cp == 0x201A || cp == 0x2039;
}

static uint32_t shape_of(const char *zs, size_t n) {
  const unsigned char *z = (const unsigned char *)zs;
  uint32_t f = 0;
  size_t i = 0, upper = 0, lower = 0;
  /* The common case, a plain ASCII word, without the general loop. */
  if (n && z[0] < 0x80 && (ascii_class[z[0]] & C_ALNUM)) {
    unsigned k0 = ascii_class[z[0]];
    f = ART_TOK_WORD | (k0 & C_LOWER ? ART_TOK_LOWER : 0) | (k0 & C_UPPER ? ART_TOK_CAP : 0);
    for (; i < n && z[i] < 0x80; i++) {
      unsigned k = ascii_class[z[i]];
      upper += (k & C_UPPER) != 0;
      lower += (k & C_LOWER) != 0;
      if (k & C_DIGIT) f |= ART_TOK_DIGIT;
      else if (z[i] == '.') f |= ART_TOK_PERIOD;
      else if (z[i] == '-' && i > 0) f |= ART_TOK_HYPHEN;
    }
    if (i == n) {
      if (upper) f |= ART_TOK_HAS_UPPER;
      if (upper >= 2 && lower == 0) f |= ART_TOK_ALLCAPS;
      return f;
    }
    f = 0; i = 0; upper = 0; lower = 0;   /* non-ASCII inside: take the general loop */
  }
  while (i < n) {
    int32_t cp; size_t len;
    unsigned k = char_at(z, i, n, &cp, &len);
    if (i == 0) {
      if (k & C_ALNUM) f |= ART_TOK_WORD; else f |= ART_TOK_PUNCT;
      if (k & C_LOWER) f |= ART_TOK_LOWER;
      if (k & C_UPPER) f |= ART_TOK_CAP;
      if (is_quote(cp)) f |= ART_TOK_QUOTE;
      if (is_open_quote(cp) || cp == '(' || cp == '[') f |= ART_TOK_OPEN;
      if (cp == '-' || cp == 0x2013 || cp == 0x2014) f |= ART_TOK_DASH;
    } else if (cp == '-' && (f & ART_TOK_WORD)) {
      f |= ART_TOK_HYPHEN;
    }
    if (k & C_UPPER) upper++;
    if (k & C_LOWER) lower++;
    if (k & C_DIGIT) f |= ART_TOK_DIGIT;
    if (cp == '.') f |= ART_TOK_PERIOD;
    i += len;
  }
  if (upper) f |= ART_TOK_HAS_UPPER;
  if (upper >= 2 && lower == 0) f |= ART_TOK_ALLCAPS;
  return f;
}

uint32_t art_token_shape(const char *z, size_t n) {
  pthread_once(&ascii_once, init_ascii);
  return shape_of(z, n);
}

static int grow(art_tokens *out) {
  size_t cap = out->cap ? out->cap * 2 : 64;
  art_token *p = realloc(out->items, cap * sizeof *p);
  if (!p) return -1;
  out->items = p;
  out->cap = cap;
  return 0;
}

static inline int push_shaped(art_tokens *out, size_t s, size_t e, uint32_t flags) {
  if (out->count == out->cap && grow(out)) return -1;
  art_token *t = &out->items[out->count++];
  t->start = s;
  t->end = e;
  t->flags = flags;
  return 0;
}

static int push(art_tokens *out, const char *doc, size_t s, size_t e, uint32_t extra) {
  return push_shaped(out, s, e, art_token_shape(doc + s, e - s) | extra);
}

/* Lower-case name particles that may be glued by a hyphen to a capitalised name. */
static int is_particle(const unsigned char *z, size_t n) {
  static const char *const particles[] = {"al", "el", "ul", "bin", "ibn", "abu", "ben", "de", "da", "van", "von", "la", "le", "ad", "as", "an", "ash", "az", "at", "ar", NULL};
  for (int i = 0; particles[i]; i++) {
    size_t l = strlen(particles[i]);
    if (l == n && memcmp(z, particles[i], n) == 0) return 1;
  }
  return 0;
}

/*
** The lower-case part after a hyphen is split off only when it is an
** ordinary word ("Hamas-run", "U.S.-led"), not part of a name
** ("Chen Shui-bian", "Port-au-Prince").  Only the part up to the next hyphen counts.
*/
static int is_common_word(const unsigned char *z, size_t n) {
  size_t l = 0;
  while (l < n && z[l] != '-') l++;
  return l > 0 && l <= 24 && art_table_find(&art_table_common_words, (const char *)z, l) != NULL;
}

/* True when word[0..n) followed by '.' is an abbreviation that keeps its period. */
static int keeps_period(const unsigned char *z, size_t n) {
  size_t letters = 0, periods = 0, digits = 0;
  for (size_t i = 0; i < n; i++) {
    if (z[i] == '.') periods++;
    else if (z[i] >= '0' && z[i] <= '9') digits++;
    else if (z[i] != '-') letters++;
  }
  if (digits) return 0;
  if (periods && letters) return 1;                               /* U.S  a.m  U.N */
  if (n == 1 && z[0] >= 'A' && z[0] <= 'Z') return 1;            /* an initial */
  if (n > 12) return 0;
  char low[16];
  for (size_t i = 0; i < n; i++) low[i] = (char)(z[i] >= 'A' && z[i] <= 'Z' ? z[i] + 32 : z[i]);
  return art_table_find(&art_table_token_abbrevs, low, n) != NULL;
}

/* Emit the word z[s..e): possessive and case-changing hyphens split off. */
static int emit_word(art_tokens *out, const char *doc, size_t s, size_t e, uint32_t shape) {
  const unsigned char *z = (const unsigned char *)doc;
  size_t poss = e;
  /* 's or ’s at the end (not the whole word). */
  if (e - s >= 3 && (z[e - 1] == 's' || z[e - 1] == 'S')) {
    if (z[e - 2] == '\'') poss = e - 2;
    else if (e - s >= 5 && z[e - 4] == 0xE2 && z[e - 3] == 0x80 && z[e - 2] == 0x99) poss = e - 4;
  }
  /* Split hyphens where case changes.  part starts at p. */
  size_t p = s;
  const unsigned char *dash = poss > s + 1 ? memchr(z + s + 1, '-', poss - s - 1) : NULL;
  for (size_t i = dash ? (size_t)(dash - z) : poss; i + 1 < poss; i++) {
    if (z[i] != '-') continue;
    unsigned char a = z[p], b = z[i + 1];
    int a_up = a >= 'A' && a <= 'Z', a_low = a >= 'a' && a <= 'z';
    int b_up = b >= 'A' && b <= 'Z', b_low = b >= 'a' && b <= 'z';
    int split = (a_up && b_low && is_common_word(z + i + 1, poss - i - 1)) ||
                (a_low && b_up && !is_particle(z + p, i - p));
    if (!split) continue;
    if (push(out, doc, p, i, 0) || push(out, doc, i, i + 1, 0)) return -1;
    p = i + 1;
  }
  if (p == s && poss == e && shape) {
    /* the whole run is one token and its shape is known already */
    if (push_shaped(out, s, e, shape)) return -1;
    return 0;
  }
  if (push(out, doc, p, poss, 0)) return -1;
  if (poss < e && push(out, doc, poss, e, ART_TOK_POSSESSIVE)) return -1;
  return 0;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && (defined(__GNUC__) || defined(__clang__))
#define SWAR_SCAN 1
#else
#define SWAR_SCAN 0
#endif

#if SWAR_SCAN
/*
** Eight bytes at a time: how many leading bytes of v are ASCII letters or
** digits, and which of those are upper case, lower case, digits (as the top
** bit of each byte).  Range tests per byte: with x the low seven bits,
** (x | 0x80) - c has its top bit set when x >= c, (c | 0x80) - x when x <= c;
** neither borrows across bytes.
*/
#define B8(c) ((uint64_t)(c) * 0x0101010101010101ull)
#define HIGH B8(0x80)
static inline size_t alnum_run8(uint64_t v, uint64_t *up, uint64_t *low, uint64_t *dig) {
  uint64_t ascii = ~v & HIGH, x = v & ~HIGH;
  uint64_t d = ((x | HIGH) - B8('0')) & (B8('9' | 0x80) - x) & ascii;
  uint64_t u = ((x | HIGH) - B8('A')) & (B8('Z' | 0x80) - x) & ascii;
  uint64_t l = ((x | HIGH) - B8('a')) & (B8('z' | 0x80) - x) & ascii;
  uint64_t stop = ~(d | u | l) & HIGH;
  size_t n = stop ? (size_t)__builtin_ctzll(stop) >> 3 : 8;
  uint64_t keep = n == 8 ? ~0ull : (1ull << (8 * n)) - 1;
  *up = u & keep;
  *low = l & keep;
  *dig = d & keep;
  return n;
}
/* The number of bytes whose top bit is set in m (only top bits set). */
static inline unsigned count_high(uint64_t m) { return (unsigned)(((m >> 7) * B8(1)) >> 56); }
#endif

/* Flags that need the neighbouring tokens: space after, first word of the sentence or a quotation. */
static inline void finish_tokens(art_tokens *out, size_t from, const unsigned char *z, size_t end, int *want) {
  for (size_t t = from; t < out->count; t++) {
    art_token *tk = &out->items[t];
    size_t e = tk->end;
    if (e >= end || (z[e] < 0x80 && (ascii_class[z[e]] & C_SPACE)) || z[e] == 0xC2) tk->flags |= ART_TOK_SPACE_AFTER;
    if (tk->flags & ART_TOK_WORD) {
      if (*want) tk->flags |= ART_TOK_INITIAL;
      *want = 0;
    } else if (tk->flags & ART_TOK_OPEN) {
      *want = 1;
    }
  }
}

long art_tokenize(const char *doc, size_t start, size_t end, art_tokens *out) {
  const unsigned char *z = (const unsigned char *)doc;
  pthread_once(&ascii_once, init_ascii);
  out->count = 0;
  int want_initial = 1;   /* art_tokens_mark_initial(), as the tokens come */
  size_t i = start;
  while (i < end) {
    int32_t cp;
    size_t len;
    unsigned k;
    if (z[i] < 0x80) { cp = z[i]; len = 1; k = ascii_class[cp]; }
    else k = char_at_slow(z, i, end, &cp, &len);
    if (k & C_SPACE) { i += len; continue; }
    size_t s = i, first = out->count;
    if (k & C_ALNUM) {
      /* Rule 1: the word run with inner connectors. */
      unsigned prev = k;
      /* Shape of the run, gathered while scanning: pure-ASCII words need no second pass. */
      int digits = (k & C_DIGIT) != 0, ascii = len == 1, apostrophe = 0;
      size_t upper = (k & C_UPPER) != 0, lower = (k & C_LOWER) != 0;
      uint32_t marks = 0;
      i += len;
      while (i < end) {
        /* the plain ASCII letters and digits of a word, without the general step */
#if SWAR_SCAN
        while (i + 8 <= end) {
          uint64_t v, u, l, d;
          memcpy(&v, z + i, 8);
          size_t n = alnum_run8(v, &u, &l, &d);
          if (n == 0) break;
          upper += count_high(u);
          lower += l != 0;
          digits |= d != 0;
          prev = ascii_class[z[i + n - 1]];
          i += n;
          if (n < 8) break;
        }
#endif
        while (i < end && z[i] < 0x80 && (ascii_class[z[i]] & C_ALNUM)) {
          prev = ascii_class[z[i++]];
          upper += (prev & C_UPPER) != 0;
          lower += (prev & C_LOWER) != 0;
          digits |= (prev & C_DIGIT) != 0;
        }
        if (i >= end) break;
        int32_t c2;
        size_t l2;
        unsigned k2;
        if (z[i] < 0x80) {
          k2 = ascii_class[z[i]];
          if (!(k2 & C_JOIN)) break;   /* space or other mark: the word ends */
          c2 = z[i];
          l2 = 1;
        } else {
          k2 = char_at_slow(z, i, end, &c2, &l2);
          if (k2 & C_ALNUM) { prev = k2; i += l2; ascii = 0; continue; }
          if (!is_apostrophe(c2)) break;
        }
        if (i + l2 >= end) break;
        int32_t c3;
        size_t l3;
        unsigned k3 = char_at(z, i + l2, end, &c3, &l3);
        if (!(k3 & C_ALNUM)) break;
        int join = c2 == '.' || c2 == '-' || c2 == '&' || is_apostrophe(c2) ||
                   ((c2 == ',' || c2 == ':' || c2 == '/') && (prev & C_DIGIT) && (k3 & C_DIGIT));
        if (!join) break;
        if (c2 == ',') {
          /* 1,200 but not "1,2": a thousands group is exactly three digits. */
          size_t d = i + 1;
          while (d < end && z[d] >= '0' && z[d] <= '9') d++;
          if (d - (i + 1) != 3) break;
        }
        if (c2 == '.') marks |= ART_TOK_PERIOD;
        else if (c2 == '-') marks |= ART_TOK_HYPHEN;
        else if (is_apostrophe(c2)) { apostrophe = 1; if (c2 >= 0x80) ascii = 0; }
        i += l2;
        prev = k3;
      }
      /* Rule 2: an abbreviation keeps its period. */
      if (i < end && z[i] == '.' && keeps_period(z + s, i - s)) { i++; marks |= ART_TOK_PERIOD; }
      if (ascii && !apostrophe && !(marks & ART_TOK_HYPHEN)) {
        /* nothing to split off, and the shape is known: the common case */
        uint32_t shape = ART_TOK_WORD | marks | (k & C_LOWER ? ART_TOK_LOWER : 0) | (k & C_UPPER ? ART_TOK_CAP : 0) |
                         (digits ? ART_TOK_DIGIT : 0) | (upper ? ART_TOK_HAS_UPPER : 0) |
                         (upper >= 2 && lower == 0 ? ART_TOK_ALLCAPS : 0);
        if (push_shaped(out, s, i, shape)) return -1;
      } else {
        uint32_t shape = 0;
        if (ascii) {
          shape = ART_TOK_WORD | marks | (k & C_LOWER ? ART_TOK_LOWER : 0) | (k & C_UPPER ? ART_TOK_CAP : 0) |
                  (digits ? ART_TOK_DIGIT : 0) | (upper ? ART_TOK_HAS_UPPER : 0) |
                  (upper >= 2 && lower == 0 ? ART_TOK_ALLCAPS : 0);
        }
        if (emit_word(out, doc, s, i, shape)) return -1;
      }
    } else {
      i += len;
      if (cp == '.' || cp == '-' || cp == '!' || cp == '?') {
        /* "...", "--", "?!" stay one token */
        while (i < end && (z[i] == '.' || z[i] == '-' || z[i] == '!' || z[i] == '?') &&
               (z[i] == (unsigned char)cp || cp != '-')) i++;
      }
      uint32_t extra = 0;
      if (is_apostrophe(cp) && s > start && out->count > 0 && out->items[out->count - 1].end == s &&
          (z[s - 1] == 's' || z[s - 1] == 'S') && (out->items[out->count - 1].flags & ART_TOK_WORD)) {
        /* Rule 3: "officials’" — a possessive, unless a word follows directly. */
        int32_t c2; size_t l2;
        if (i >= end || !(char_at(z, i, end, &c2, &l2) & C_ALNUM)) extra = ART_TOK_POSSESSIVE;
      }
      uint32_t shape = i - s == 1 && cp < 0x80 ? ascii_shape[cp] : art_token_shape(doc + s, i - s);
      if (push_shaped(out, s, i, shape | extra)) return -1;
      if (extra) out->items[out->count - 1].flags &= ~(uint32_t)(ART_TOK_QUOTE | ART_TOK_OPEN);
      /* A straight quote opens when it follows a space or the sentence start. */
      if (cp == '"' && (s == start || (z[s - 1] < 0x80 && (ascii_class[z[s - 1]] & C_SPACE))))
        out->items[out->count - 1].flags |= ART_TOK_OPEN;
    }
    finish_tokens(out, first, z, end, &want_initial);
  }
  return (long)out->count;
}

void art_tokens_mark_initial(const char *doc, art_token *toks, size_t n) {
  (void)doc;
  int want = 1;
  for (size_t t = 0; t < n; t++) {
    uint32_t f = toks[t].flags;
    if (f & ART_TOK_WORD) {
      if (want) toks[t].flags |= ART_TOK_INITIAL;
      want = 0;
    } else if (f & ART_TOK_OPEN) {
      want = 1;
    } else if (!(f & (ART_TOK_QUOTE | ART_TOK_DASH)) && !(f & ART_TOK_POSSESSIVE)) {
      /* bullets and other marks before the first word keep `want` */
    }
  }
}

void art_tokens_free(art_tokens *t) {
  free(t->items);
  t->items = NULL;
  t->count = t->cap = 0;
}
