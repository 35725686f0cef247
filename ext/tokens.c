/*
** tokens.c — split one sentence into word, number and punctuation tokens.
**
** The entity tagger looks at every token of every sentence, so this loop is
** on the hot path of article_entities().  The rules (see
** include/article_tokens.h) are the ones entity spans need:
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
**
** How it stays fast (news text has a token every 5-6 bytes):
**
**   - Every byte is classified by one constant 256-entry table; only bytes
**     of 0x80 and above (C_HIGH) pay for a UTF-8 decode and a utf8proc
**     category lookup.
**   - The run of lower-case letters that makes most of a word (usually
**     all of it after its first letter) is found 16 bytes a step with
**     SSE2 (a byte at a time elsewhere), and a word that is a first
**     character and lower case letters has its whole shape from its first
**     byte.
**   - simple_loop() takes the commonest tokens (such words before a space
**     or a mark that joins nothing, single marks, spaces) in a small loop
**     that calls nothing for them, so its few variables stay in
**     registers; on a rare path of its own, still without a call, it takes
**     numbers of digits only, a word with "'s" after it and "U.S.".
**     other_token(), a call, takes one token it stops at, the next
**     commonest ("two-year", "1,200", words with capitals inside, curly
**     double quotes, an abbreviation's period), and the loop goes on;
**     anything else with a rule to
**     apply (other joined words, other quotes and apostrophes, runs of
**     marks, non-ASCII text) goes to the general loop, one token, and
**     back.  The token array has room for a token per byte before the
**     loops start, so they never check for room.
**   - The flags that depend on the neighbours (SPACE_AFTER, INITIAL) are
**     set as the tokens are pushed (simple_loop() ORs the entries of a
**     word's first byte and of the byte after it, and sets INITIAL once
**     where it waits, not for every word), and so is the ART_TF_* byte that
**     art_tokenize_append() can write beside each token: the entity stage
**     tokenizes a batch of sentences into one array, without a copy, and
**     gets the facts its scans need without a second pass.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "article_tokens.h"
#include "article_tables.h"
#include "article_text.h"

#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define NOINLINE
#define ALWAYS_INLINE inline
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

/* Character classes. */
enum { C_SPACE = 1, C_UPPER = 2, C_LOWER = 4, C_DIGIT = 8, C_ALNUM = 16, C_PUNCT = 32,
       C_JOIN = 64 /* may join two parts of a word: . - & ' , : / */,
       C_HIGH = 128 /* a byte >= 0x80: decode the character to know */ };

/* The class of byte c, as a constant expression so the table is built by the compiler. */
#define BYTE_CLASS(c) \
  ((c) >= 0x80 ? C_HIGH : \
   ((c) == ' ' || (c) < 0x20 || (c) == 0x7F) ? C_SPACE : \
   ((c) >= 'A' && (c) <= 'Z') ? C_UPPER | C_ALNUM : \
   ((c) >= 'a' && (c) <= 'z') ? C_LOWER | C_ALNUM : \
   ((c) >= '0' && (c) <= '9') ? C_DIGIT | C_ALNUM : \
   ((c) == '.' || (c) == '-' || (c) == '&' || (c) == '\'' || (c) == ',' || (c) == ':' || (c) == '/') \
     ? C_PUNCT | C_JOIN : C_PUNCT)

/* art_token_shape() of the one-byte token c (c < 0x80), likewise. */
#define ONE_BYTE_SHAPE(c) \
  ((BYTE_CLASS(c) & C_ALNUM) \
     ? ART_TOK_WORD | ((BYTE_CLASS(c) & C_UPPER) ? ART_TOK_CAP | ART_TOK_HAS_UPPER : 0) | \
       ((BYTE_CLASS(c) & C_LOWER) ? ART_TOK_LOWER : 0) | ((BYTE_CLASS(c) & C_DIGIT) ? ART_TOK_DIGIT : 0) \
     : ART_TOK_PUNCT | (((c) == '"' || (c) == '\'') ? ART_TOK_QUOTE : 0) | \
       (((c) == '(' || (c) == '[') ? ART_TOK_OPEN : 0) | ((c) == '-' ? ART_TOK_DASH : 0) | \
       ((c) == '.' ? ART_TOK_PERIOD : 0))

#define R4(m, c) m(c), m((c) + 1), m((c) + 2), m((c) + 3)
#define R16(m, c) R4(m, c), R4(m, (c) + 4), R4(m, (c) + 8), R4(m, (c) + 12)
#define R64(m, c) R16(m, c), R16(m, (c) + 16), R16(m, (c) + 32), R16(m, (c) + 48)

static const unsigned char byte_class[256] = {
  R64(BYTE_CLASS, 0), R64(BYTE_CLASS, 64), R64(BYTE_CLASS, 128), R64(BYTE_CLASS, 192)
};
static const uint16_t ascii_shape[128] = { R64(ONE_BYTE_SHAPE, 0), R64(ONE_BYTE_SHAPE, 64) };

static unsigned cp_class(int32_t cp) {
  if (cp < 128) return byte_class[cp];
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
  if (z[i] < 0x80) { *cp = z[i]; *len = 1; return byte_class[z[i]]; }
  return char_at_slow(z, i, n, cp, len);
}

/* The same, returned by value (no variable of the hot loop has its address taken). */
typedef struct uchar { int32_t cp; unsigned len, cls; } uchar;
static uchar uchar_slow(const unsigned char *z, size_t i, size_t n) {
  uchar c;
  size_t len;
  c.cls = char_at_slow(z, i, n, &c.cp, &len);
  c.len = (unsigned)len;
  return c;
}
static inline uchar uchar_at(const unsigned char *z, size_t i, size_t n) {
  if (z[i] < 0x80) { uchar c = { z[i], 1, byte_class[z[i]] }; return c; }
  return uchar_slow(z, i, n);
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

/* What shape_of() asks of an ASCII byte, as bits (SB_UPPER is 1: it is counted). */
enum { SB_UPPER = 1, SB_LOWER = 2, SB_DIGIT = 4, SB_PERIOD = 8, SB_HYPHEN = 16, SB_HIGH = 32 };
#define SHAPE_BYTE(c) \
  ((c) >= 0x80 ? SB_HIGH : (BYTE_CLASS(c) & C_UPPER) ? SB_UPPER : (BYTE_CLASS(c) & C_LOWER) ? SB_LOWER : \
   (BYTE_CLASS(c) & C_DIGIT) ? SB_DIGIT : (c) == '.' ? SB_PERIOD : (c) == '-' ? SB_HYPHEN : 0)
static const unsigned char shape_byte[256] = {
  R64(SHAPE_BYTE, 0), R64(SHAPE_BYTE, 64), R64(SHAPE_BYTE, 128), R64(SHAPE_BYTE, 192)
};

static uint32_t shape_of(const char *zs, size_t n) {
  const unsigned char *z = (const unsigned char *)zs;
  uint32_t f = 0;
  size_t i = 0, upper = 0, lower = 0;
  /* The common case, a plain ASCII word, without the general loop: one
     look-up a byte, its facts OR-ed together (a '-' first is not a word). */
  if (n && (byte_class[z[0]] & C_ALNUM)) {
    unsigned k0 = byte_class[z[0]], any = 0;
    f = ART_TOK_WORD | (k0 & C_LOWER ? ART_TOK_LOWER : 0) | (k0 & C_UPPER ? ART_TOK_CAP : 0);
    for (; i < n; i++) {
      unsigned k = shape_byte[z[i]];
      if (k & SB_HIGH) break;
      any |= k;
      upper += k & SB_UPPER;
    }
    if (i == n) {
      f |= (any & SB_DIGIT ? ART_TOK_DIGIT : 0) | (any & SB_PERIOD ? ART_TOK_PERIOD : 0) |
           (any & SB_HYPHEN ? ART_TOK_HYPHEN : 0);
      if (upper) f |= ART_TOK_HAS_UPPER;
      if (upper >= 2 && !(any & SB_LOWER)) f |= ART_TOK_ALLCAPS;
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

/*
** Which lengths and first letters the keys of token_abbrevs.tsv have: bit
** c - 'a' of abbrev_first[len] when a key of len bytes starts with c, bit
** 31 when one starts with another byte.  Most words before a period ("said.",
** "year.") match no key by these two facts and skip the lookup.
** abbrev_pair[len][first] is the same for the last byte, of the keys of len
** bytes whose first is that one (first as above: c - 'a', or 31):
** simple_loop() asks about both ends at once ("says." has a key's length
** and first letter, "ago." a key's first and another key's last).  Built once.
*/
#define ABBREV_MAX 12
static uint32_t abbrev_first[ABBREV_MAX + 1], abbrev_pair[ABBREV_MAX + 1][32];
static pthread_once_t abbrev_once = PTHREAD_ONCE_INIT;
static atomic_int abbrev_ready;   /* set once built: later calls skip pthread_once() */

static void abbrev_filter_build(void) {
  const art_table *t = &art_table_token_abbrevs;
  for (uint32_t i = 0; i < t->count; i++) {
    const art_table_entry *e = &t->entries[i];
    unsigned char c = (unsigned char)e->key[0], l = (unsigned char)e->key[e->key_len - 1];
    if (e->key_len > ABBREV_MAX) continue;
    unsigned first = c >= 'a' && c <= 'z' ? c - 'a' : 31;
    abbrev_first[e->key_len] |= 1u << first;
    abbrev_pair[e->key_len][first] |= l >= 'a' && l <= 'z' ? 1u << (l - 'a') : 1u << 31;
  }
  atomic_store_explicit(&abbrev_ready, 1, memory_order_release);
}

/*
** True when the word z[0..n) followed by '.' is an abbreviation that keeps
** its period.  The scan knows whether the word holds an ASCII digit or a
** period; a word starts with a letter or digit, so without digits it holds
** a letter.
*/
static NOINLINE int keeps_period(const unsigned char *z, size_t n, int has_digit, int has_period) {
  if (has_digit) return 0;
  if (has_period) return 1;                                       /* U.S  a.m  U.N */
  if (n == 1 && z[0] >= 'A' && z[0] <= 'Z') return 1;            /* an initial */
  if (n > ABBREV_MAX) return 0;
  if (!atomic_load_explicit(&abbrev_ready, memory_order_acquire)) pthread_once(&abbrev_once, abbrev_filter_build);
  unsigned c = z[0] | 0x20u;
  if (!((abbrev_first[n] >> (c >= 'a' && c <= 'z' ? c - 'a' : 31)) & 1)) return 0;
  char low[16];
  art_ascii_lower(low, (const char *)z, n);
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

/*
** ascii_run(): the ASCII letters and digits from z[i] on.  Returns where
** they stop, and adds to the word's facts: *upper counts capitals (only 0,
** 1 and 2 or more matter, so a step may stop counting at 2), *lower and
** *digit become nonzero when there are any.  A word is taken 16 bytes a
** step with SSE2 (every x86-64), else 8 bytes a step with SWAR range tests
** on a 64-bit word.
*/
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
static inline size_t ascii_run(const unsigned char *z, size_t i, size_t end, unsigned *upper, unsigned *lower,
                               unsigned *digit) {
  while (i < end) {
    __m128i x;
    if (end - i >= 16) {
      x = _mm_loadu_si128((const __m128i *)(z + i));
    } else {
      unsigned char tail[16] = {0};   /* the last bytes, copied: nothing past end is read */
      memcpy(tail, z + i, end - i);
      x = _mm_loadu_si128((const __m128i *)tail);
    }
    /* x - lo <= span, unsigned  <=>  min(x - lo, span) == x - lo */
    __m128i folded = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    __m128i digits = _mm_sub_epi8(x, _mm_set1_epi8('0'));
    unsigned letter = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(folded, _mm_set1_epi8(25)), folded));
    unsigned digit16 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(digits, _mm_set1_epi8(9)), digits));
    unsigned bit5 = (unsigned)_mm_movemask_epi8(_mm_slli_epi16(x, 2));   /* lower case: bit 5 moved to bit 7 */
    unsigned n = (unsigned)__builtin_ctz(~(letter | digit16));   /* bits 16-31 are set: n <= 16 */
    unsigned keep = (1u << n) - 1;
    unsigned up = letter & ~bit5 & keep;
    *upper += (up != 0) + ((up & (up - 1)) != 0);
    *lower |= letter & bit5 & keep;
    *digit |= digit16 & keep;
    i += n;
    if (n < 16) break;
  }
  return i < end ? i : end;
}
#else
#define B8(c) ((uint64_t)(c) * 0x0101010101010101ull)
#define HIGH B8(0x80)
static inline size_t ascii_run(const unsigned char *z, size_t i, size_t end, unsigned *upper, unsigned *lower,
                               unsigned *digit) {
  while (i + 8 <= end) {
    const unsigned char *p = z + i;   /* little-endian: byte 0 lowest (one load where allowed) */
    uint64_t v = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
                 (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
    /* With x the low seven bits, (x | 0x80) - c has its top bit set when
       x >= c, (c | 0x80) - x when x <= c; neither borrows across bytes. */
    uint64_t ascii = ~v & HIGH, x = v & ~HIGH, folded = x | B8(0x20);
    uint64_t d = ((x | HIGH) - B8('0')) & (B8('9' | 0x80) - x) & ascii;
    uint64_t letter = ((folded | HIGH) - B8('a')) & (B8('z' | 0x80) - folded) & ascii;
    uint64_t stop = ~(d | letter) & HIGH;
    uint64_t keep = (stop & (0 - stop)) - 1;   /* the bytes before the first stop; all when none */
    uint64_t up = letter & ~(v << 2) & keep;   /* bit 5 (lower case) moved to bit 7 */
    *upper += (unsigned)((((up >> 7) * B8(1)) >> 56) & 0xFF);
    *lower |= (letter & (v << 2) & keep) != 0;
    *digit |= (d & keep) != 0;
    if (stop) {
#if defined(__GNUC__) || defined(__clang__)
      return i + ((unsigned)__builtin_ctzll(stop) >> 3);
#else
      unsigned n = 0;
      while (!((stop >> (8 * n + 7)) & 1)) n++;
      return i + n;
#endif
    }
    i += 8;
  }
  while (i < end && (byte_class[z[i]] & C_ALNUM)) {
    unsigned k = byte_class[z[i++]];
    *upper += (k & C_UPPER) != 0;
    *lower |= k & C_LOWER;
    *digit |= k & C_DIGIT;
  }
  return i;
}
#endif

/* ART_TOK_SPACE_AFTER when the byte is whitespace, or 0xC2, which leads
   U+00A0, the no-break space (and other Latin-1 characters: a cheap test,
   kept as it was). */
#define SPACE_AFTER_OF(c) ((BYTE_CLASS(c) & C_SPACE) || (c) == 0xC2 ? ART_TOK_SPACE_AFTER : 0)
static const uint16_t space_after_of[256] = {
  R64(SPACE_AFTER_OF, 0), R64(SPACE_AFTER_OF, 64), R64(SPACE_AFTER_OF, 128), R64(SPACE_AFTER_OF, 192)
};

/* ART_TOK_SPACE_AFTER when whitespace (or the end of the sentence) follows byte e. */
static inline uint32_t space_after(const unsigned char *z, size_t e, size_t end) {
  return e < end ? space_after_of[z[e]] : ART_TOK_SPACE_AFTER;
}

/* Flags that need the neighbouring tokens, for tokens pushed by the general path. */
static void finish_tokens(art_tokens *out, size_t from, const unsigned char *z, size_t end, uint32_t *initial) {
  for (size_t t = from; t < out->count; t++) {
    art_token *tk = &out->items[t];
    tk->flags |= space_after(z, tk->end, end);
    if (tk->flags & ART_TOK_WORD) {
      tk->flags |= *initial;
      *initial = 0;
    } else if (tk->flags & ART_TOK_OPEN) {
      *initial = ART_TOK_INITIAL;
    }
  }
}

/*
** The end of the word that starts at z[s] (rule 1, then rule 2's period).
** first is the class of its first character, len its byte length.  On
** return *flags holds the word's whole shape when it is plain ASCII, else
** 0; *may_split is set when a possessive or a hyphen may split off
** (emit_word() decides).
*/
static inline size_t scan_word(const unsigned char *z, size_t s, size_t len, unsigned first, size_t end,
                               uint32_t *flags, int *may_split) {
  size_t i = s;
  unsigned upper = 0, lower = 0, digit = 0;   /* see ascii_run() */
  unsigned prev_high = first;  /* class of the last non-ASCII letter taken */
  uint32_t marks = 0;
  int ascii = 1, apostrophe = 0;
  if (len > 1) { i += len; ascii = 0; }
  for (;;) {
    i = ascii_run(z, i, end, &upper, &lower, &digit);
    if (i >= end) break;
    /* a connector, or a non-ASCII character */
    uchar c2 = { z[i], 1, byte_class[z[i]] };
    if (c2.cls & C_HIGH) {
      c2 = uchar_slow(z, i, end);
      if (c2.cls & C_ALNUM) { prev_high = c2.cls; i += c2.len; ascii = 0; continue; }
      if (!is_apostrophe(c2.cp)) break;
    } else if (!(c2.cls & C_JOIN)) {
      break;   /* space or other mark: the word ends */
    }
    if (i + c2.len >= end) break;
    uchar c3 = uchar_at(z, i + c2.len, end);
    if (!(c3.cls & C_ALNUM)) break;
    if (c2.cp == ',' || c2.cp == ':' || c2.cp == '/') {
      /* only between digits; z[i - 1] ends the character before */
      unsigned prev = z[i - 1] < 0x80 ? byte_class[z[i - 1]] : prev_high;
      if (!(prev & C_DIGIT) || !(c3.cls & C_DIGIT)) break;
      if (c2.cp == ',') {
        /* 1,200 but not "1,2": a thousands group is exactly three digits. */
        size_t d = i + 1;
        while (d < end && z[d] >= '0' && z[d] <= '9') d++;
        if (d - (i + 1) != 3) break;
      }
    }
    if (c2.cp == '.') marks |= ART_TOK_PERIOD;
    else if (c2.cp == '-') marks |= ART_TOK_HYPHEN;
    else if (is_apostrophe(c2.cp)) { apostrophe = 1; if (c2.cp >= 0x80) ascii = 0; }
    i += c2.len;
    prev_high = c3.cls;
  }
  /* Rule 2: an abbreviation keeps its period. */
  if (i < end && z[i] == '.' && keeps_period(z + s, i - s, digit != 0, (marks & ART_TOK_PERIOD) != 0)) {
    i++;
    marks |= ART_TOK_PERIOD;
  }
  *may_split = apostrophe || (marks & ART_TOK_HYPHEN);
  /* The shape, without branches: each flag is a class bit or a test, scaled. */
  marks |= ART_TOK_WORD | (first & C_LOWER) / C_LOWER * ART_TOK_LOWER | (first & C_UPPER) / C_UPPER * ART_TOK_CAP |
           (uint32_t)(digit != 0) * ART_TOK_DIGIT | (uint32_t)(upper != 0) * ART_TOK_HAS_UPPER |
           (uint32_t)((upper >= 2) & (lower == 0)) * ART_TOK_ALLCAPS;
  *flags = ascii ? marks : 0;
  return i;
}

/* Marks that may run on: "...", "--", "?!" (see art_tokenize()). */
#define RUN_MARKS ((1ull << '.') | (1ull << '-') | (1ull << '!') | (1ull << '?'))
/* Marks with rules of their own: possessives, opening quotes. */
#define QUOTE_MARKS ((1ull << '\'') | (1ull << '"'))

/* The trailing zeros of m != 0, as a size_t (GCC's __builtin_ctzll() gives
   an int that it then sign-extends, one instruction more a word). */
static inline size_t ctz64(uint64_t m) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  uint64_t r;
  __asm__("bsf %1, %0" : "=r"(r) : "rm"(m) : "cc");
  return (size_t)r;
#elif defined(__GNUC__) || defined(__clang__)
  return (size_t)__builtin_ctzll(m);
#else
  size_t r = 0;
  while (!(m & 1)) { m >>= 1; r++; }
  return r;
#endif
}

/*
** The end of the run of ASCII lower-case letters from z[j] on (j <= n):
** the first position at or after j whose byte is not one, or n.  Most of a
** word is such a run (usually all of it after its first letter), so it is
** taken 16 bytes a step with SSE2 (every x86-64): c - 'a' + 102, adding
** unsigned with saturation, has its top bit set unless c - 'a' <= 25.
** lim is n - 16 when n >= 16, else 0 (a run always starts at j >= 1).
** Nothing at or past n is read: the last bytes of a sentence are read as
** the 16 bytes that end at n, which are in the document when n >= 16
** (positions are the document's), else a byte at a time; that is a call,
** out of the loops' way.
*/
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
static inline unsigned not_lower_bits(__m128i v) {
  return (unsigned)_mm_movemask_epi8(_mm_adds_epu8(_mm_sub_epi8(v, _mm_set1_epi8('a')), _mm_set1_epi8(102)));
}
static inline unsigned not_lower16(const unsigned char *z) {
  return not_lower_bits(_mm_loadu_si128((const __m128i *)z));
}
#endif
static NOINLINE size_t lower_run_end_tail(const unsigned char *z, size_t j, size_t n) {
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
  if (n >= 16) return j + ctz64(not_lower16(z + n - 16) >> (16 - (n - j)) | 1u << (n - j));   /* bit n - j: the end */
#endif
  while (j < n && (byte_class[z[j]] & C_LOWER)) j++;
  return j;
}
static ALWAYS_INLINE size_t lower_run_end(const unsigned char *z, size_t j, size_t n, size_t lim) {
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
  for (; LIKELY(j <= lim); j += 16) {
    unsigned m = not_lower16(z + j);
    if (LIKELY(m)) return j + ctz64(m);
  }
#else
  (void)lim;
#endif
  return lower_run_end_tail(z, j, n);
}

/*
** The end of the ASCII word z[s..) whose first byte and lower-case run
** end at i (z[i] a letter or digit that is not lower case), and in *shape
** the flags ascii_shape[] of its first byte does not give: DIGIT,
** HAS_UPPER, ALLCAPS.  The rest of the word is taken a byte at a time,
** counting as it goes (numbers and capitals are short).
*/
static inline size_t word_rest(const unsigned char *z, size_t s, size_t i, size_t n, uint32_t *shape) {
  unsigned k = byte_class[z[s]], upper = (k & C_UPPER) != 0, digit = k & C_DIGIT;
  unsigned lower = (k & C_LOWER) | (i > s + 1 ? C_LOWER : 0);   /* the run was lower case */
  for (; i < n && ((k = byte_class[z[i]]) & C_ALNUM); i++) {
    upper += (k & C_UPPER) != 0;
    lower |= k & C_LOWER;
    digit |= k & C_DIGIT;
  }
  *shape = (uint32_t)(digit != 0) * ART_TOK_DIGIT | (uint32_t)(upper != 0) * ART_TOK_HAS_UPPER |
           (uint32_t)((upper >= 2) & (lower == 0)) * ART_TOK_ALLCAPS;
  return i;
}

/* ART_TF_HE or ART_TF_SHE when z[0..n) (two or three bytes) is one of the
   pronouns of article_tokens.h, else 0.  One switch on the bytes as a
   number, and no call: fast_run() keeps its state in registers. */
#define KEY3(a, b, c) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16)
static inline uint8_t pronoun_fact(const unsigned char *z, size_t n) {
  switch (KEY3(z[0], z[1], n == 3 ? z[2] : 0)) {
    case KEY3('h', 'e', 0): case KEY3('H', 'e', 0): case KEY3('h', 'i', 's'): case KEY3('H', 'i', 's'):
    case KEY3('h', 'i', 'm'):   /* "Him" is not asked for */
      return ART_TF_HE;
    case KEY3('s', 'h', 'e'): case KEY3('S', 'h', 'e'): case KEY3('h', 'e', 'r'): case KEY3('H', 'e', 'r'):
      return ART_TF_SHE;
    default: return 0;
  }
}

/* The ART_TF_* byte of the token z[0..n) of shape flags: most tokens are
   decided by their flags and length, pronouns need a look at the bytes. */
static inline uint8_t token_fact(const unsigned char *z, size_t n, uint32_t flags) {
  const uint32_t opens_mask = ART_TOK_WORD | ART_TOK_HAS_UPPER | ART_TOK_DIGIT;
  uint8_t f = (uint8_t)(((flags & opens_mask) == (ART_TOK_WORD | ART_TOK_HAS_UPPER) ? ART_TF_OPENS : 0) |
                        (flags & ART_TOK_DIGIT));
  if (n - 2 <= 1 && ((z[0] | 0x20) == 'h' || (z[0] | 0x20) == 's')) f |= pronoun_fact(z, n);
  return f;
}

/* The facts of the tokens out->items[from..) the general loop pushed. */
static void fill_facts(const unsigned char *z, const art_tokens *out, size_t from, uint8_t *facts) {
  for (size_t t = from; t < out->count; t++) {
    const art_token *tk = &out->items[t];
    facts[t] = token_fact(z + tk->start, tk->end - tk->start, tk->flags);
  }
}

/*
** What fast_run() needs to know of a byte, in one 64-bit entry: the shape
** of the byte as a one-byte token (bits 0-14; SPACE_AFTER is never part of
** a shape, so its bit 11 says instead whether the byte counts as space
** after a token), its class (bits 16-23), tests of the loop as bits of
** their own, and in bits 32-39 the ART_TF_* byte of a word that starts
** with it and goes on in lower case (ART_TF_OPENS after a capital,
** ART_TF_DIGIT after a digit).  Byte 0 stands for the end of the sentence
** too: it is space after a token, and nothing else the loop asks about.
*/
#define FT_CLASS_SHIFT 16
#define FT_CLASS(c) ((uint32_t)BYTE_CLASS(c) << FT_CLASS_SHIFT)
#define FT_QUOTE (1u << 24)       /* ' or ": a possessive or an opening quote, for the general loop */
#define FT_RUN (1u << 25)         /* . - ! ?: may run on ("...", "--") */
#define FT_WORD_GOES_ON (1u << 26)/* after a word: a letter, digit, joiner or non-ASCII byte */
#define FT_H_OR_S (1u << 27)      /* h H s S: a word of two or three letters may be a pronoun (token_fact()) */
#define FT_DIGIT_FIRST (1u << 28) /* 0-9: the marks that join only digits (, : /) may join the word */
#define FT_FACT_SHIFT 32
#define FT_POSSESSIVE ((uint64_t)1 << 40)   /* never in the table: fast_loop()'s mark of a word with "'s" after it */
#define FT_LETTER_SHIFT 48        /* bits 48-52: c - 'a' of a letter c, either case (the abbreviation filter's bit) */
#define FT_LETTER(c) ((uint64_t)((BYTE_CLASS(c) & (C_UPPER | C_LOWER)) ? ((c) | 0x20) - 'a' : 31) << FT_LETTER_SHIFT)
#define FT_FACT(c) ((uint64_t)((BYTE_CLASS(c) & C_UPPER) ? ART_TF_OPENS : (BYTE_CLASS(c) & C_DIGIT) ? ART_TF_DIGIT : 0) \
                    << FT_FACT_SHIFT)
#define FT_BLANK (1u << 31)       /* ' ', the usual single space between tokens (the top bit: one shift) */
#define FT_SHAPE_MASK (0x7FFFu & ~(uint32_t)ART_TOK_SPACE_AFTER)
#define FAST_ENTRY(c) \
  (((c) < 0x80 ? (uint32_t)ONE_BYTE_SHAPE(c) : 0u) | (uint32_t)SPACE_AFTER_OF(c) | FT_CLASS(c) | FT_FACT(c) | \
   ((c) == '\'' || (c) == '"' ? FT_QUOTE : 0u) | \
   ((c) == '.' || (c) == '-' || (c) == '!' || (c) == '?' ? FT_RUN : 0u) | \
   (BYTE_CLASS(c) & (C_ALNUM | C_HIGH | C_JOIN) ? FT_WORD_GOES_ON : 0u) | ((c) == ' ' ? FT_BLANK : 0u) | \
   (((c) | 0x20) == 'h' || ((c) | 0x20) == 's' ? FT_H_OR_S : 0u) | \
   (BYTE_CLASS(c) & C_DIGIT ? FT_DIGIT_FIRST : 0u) | FT_LETTER(c))
#define FT_HAS(t, cls) ((t) & ((uint32_t)(cls) << FT_CLASS_SHIFT))
/* What simple_loop() asks of the byte after a word: the low half of
   fast_entry[] without the byte's own shape (bits 0-14 hold only
   ART_TOK_SPACE_AFTER, so the word's entry OR this one has the token's
   flags in its bits 0-14), and with FT_QUOTE's bit, which no word's first
   byte has, saying FT_WORD_GOES_ON instead (FT_AFTER_GOES_ON), so that one
   test of the OR asks the rare questions of a word at once, and the OR
   alone answers the rest (the word's own class has no C_JOIN).  The marks
   that join only digits (, : /) do not say it: after a word that starts
   with a letter, whose last byte is then a letter, they join nothing
   ("said," "said:"); FT_DIGIT_FIRST asks about them for the others. */
#define FT_AFTER_GOES_ON FT_QUOTE
#define FT_AFTER_LOWER FT_RUN     /* a lower-case letter: the run went on past the 16 bytes simple_loop() looked at */
#define FT_RARE (FT_H_OR_S | FT_DIGIT_FIRST | FT_AFTER_GOES_ON)
#define JOINS_DIGITS_ONLY(c) ((c) == ',' || (c) == ':' || (c) == '/')
#define AFTER_ENTRY(c) \
  (((uint32_t)FAST_ENTRY(c) & ~(FT_RARE | FT_RUN | 0x7FFFu)) | (uint32_t)SPACE_AFTER_OF(c) | \
   (FAST_ENTRY(c) & FT_WORD_GOES_ON && !JOINS_DIGITS_ONLY(c) ? FT_AFTER_GOES_ON : 0u) | \
   (BYTE_CLASS(c) & C_LOWER ? FT_AFTER_LOWER : 0u))
/* Both tables in one object, so that the loops address them from one
   register (fast_run()'s registers are all in use). */
static const struct entry_tables {
  uint64_t fast[256];
  uint32_t after[256];
} entry_tables = {
  { R64(FAST_ENTRY, 0), R64(FAST_ENTRY, 64), R64(FAST_ENTRY, 128), R64(FAST_ENTRY, 192) },
  { R64(AFTER_ENTRY, 0), R64(AFTER_ENTRY, 64), R64(AFTER_ENTRY, 128), R64(AFTER_ENTRY, 192) }
};
#define fast_entry (entry_tables.fast)
#define after_entry (entry_tables.after)

/* A curly double quote (U+201C, U+201D) at z[i]: a mark, never part of a word. */
static inline int curly_double_quote_at(const unsigned char *z, size_t i, size_t n) {
  return i + 2 < n && z[i] == 0xE2 && z[i + 1] == 0x80 && (z[i + 2] == 0x9C || z[i + 2] == 0x9D);
}

/*
** The end of the ASCII word z[s..i) of fast_loop() when the byte after its
** lower-case run, of entry *after, may go on with it (a letter, digit,
** joiner or non-ASCII byte): the rest of the word, its shape and facts
** (in *t_io, the entry of its first byte) completed, and the period of an
** abbreviation.  Returns where the word ends, or s when the general loop
** must take it; FT_POSSESSIVE is set in *t_io when a possessive "'s" follows the end.
*/
static ALWAYS_INLINE size_t word_tail(const unsigned char *z, size_t s, size_t i, size_t n, uint32_t *flags_io,
                                      uint64_t *t_io, uint64_t *after_io) {
  uint64_t after = *after_io;
  uint32_t flags = *flags_io;
  int lower_case = (byte_class[z[s]] & C_LOWER) != 0;   /* so far, the whole word */
  if (FT_HAS(after, C_ALNUM)) {
    lower_case = 0;
    /* capitals or digits further on: the rest of the word a byte at a time */
    uint32_t shape;
    i = word_rest(z, s, i, n, &shape);
    after = fast_entry[i < n ? z[i] : 0];
    if (FT_HAS(after, C_HIGH) && !curly_double_quote_at(z, i, n)) return s;   /* a non-ASCII letter may go on */
    flags |= shape;
    /* the facts, from the whole word's flags (no pronoun has more than lower case) */
    *t_io = (*t_io & ~((uint64_t)0xFF << FT_FACT_SHIFT)) | (uint64_t)token_fact(z + s, 0, flags) << FT_FACT_SHIFT;
  } else if (FT_HAS(after, C_HIGH)) {
    if (!curly_double_quote_at(z, i, n)) return s;   /* "force”" ends before its quote */
  }
  if (FT_HAS(after, C_JOIN)) {
    /* ". , - ' & : /": the word goes on if a letter or digit (or a
       non-ASCII character, which might be one) follows */
    if (i + 1 < n && (byte_class[z[i + 1]] & (C_ALNUM | C_HIGH)) && !curly_double_quote_at(z, i + 1, n)) {
      /* Rule 3's "Iran's" (most of the words that go on): the word, then
         "'s" for the caller, when nothing can go on after the s */
      if (z[i] == '\'' && (z[i + 1] | 0x20) == 's' && !(fast_entry[i + 2 < n ? z[i + 2] : 0] & FT_WORD_GOES_ON)) {
        *t_io |= FT_POSSESSIVE;
        *flags_io = flags;
        *after_io = after;
        return i;
      }
      /* Rules 1 and 2's "U.S.", "a.m.": two letters joined by a period, and
         the period after them, when nothing can go on after that */
      if (z[i] == '.' && i == s + 1 && i + 2 < n && z[i + 2] == '.' &&
          (byte_class[z[s]] & (C_UPPER | C_LOWER)) && (byte_class[z[i + 1]] & (C_UPPER | C_LOWER)) &&
          (i + 3 >= n || !(byte_class[z[i + 3]] & (C_ALNUM | C_HIGH)))) {
        /* art_token_shape()'s flags, without a call in the loop */
        unsigned ka = byte_class[z[s]], kb = byte_class[z[i + 1]];
        flags = ART_TOK_WORD | ART_TOK_PERIOD | (ka & C_UPPER ? ART_TOK_CAP : ART_TOK_LOWER) |
                ((ka | kb) & C_UPPER ? ART_TOK_HAS_UPPER : 0) | (ka & kb & C_UPPER ? ART_TOK_ALLCAPS : 0);
        *t_io = (*t_io & ~((uint64_t)0xFF << FT_FACT_SHIFT)) | (uint64_t)token_fact(z + s, 0, flags) << FT_FACT_SHIFT;
        *flags_io = flags;
        *after_io = fast_entry[i + 3 < n ? z[i + 3] : 0];
        return i + 3;
      }
      /* "two-year", "so-called": lower-case parts joined by hyphens, which
         rule 4 never splits; they end as a word does */
      if (z[i] == '-' && lower_case && (byte_class[z[i + 1]] & C_LOWER)) {
        size_t e = i + 1;
        for (;;) {
          while (e < n && (byte_class[z[e]] & C_LOWER)) e++;
          if (e + 1 < n && z[e] == '-' && (byte_class[z[e + 1]] & C_LOWER)) { e++; continue; }
          break;
        }
        after = fast_entry[e < n ? z[e] : 0];
        flags = ART_TOK_WORD | ART_TOK_LOWER | ART_TOK_HYPHEN;   /* art_token_shape()'s */
        if (after & FT_WORD_GOES_ON) {
          if (!FT_HAS(after, C_JOIN) || (e + 1 < n && (byte_class[z[e + 1]] & (C_ALNUM | C_HIGH)))) return s;
          if (z[e] == '.' && keeps_period(z + s, e - s, 0, 0)) {
            e++;
            flags |= ART_TOK_PERIOD;
            after = fast_entry[e < n ? z[e] : 0];
          }
        }
        *flags_io = flags;   /* lower case and no digit: no facts */
        *after_io = after;
        return e;
      }
      /* Rule 1's numbers, "1,200", "3.5", "1,200.50": digits joined by
         periods, or by commas before exactly three digits */
      if ((z[i] == ',' || z[i] == '.') && (byte_class[z[i + 1]] & C_DIGIT)) {
        size_t e = s, d;
        while (e < i && (byte_class[z[e]] & C_DIGIT)) e++;
        if (e < i) return s;   /* not digits only so far */
        uint32_t period = 0;
        while (e + 1 < n && (z[e] == ',' || z[e] == '.') && (byte_class[z[e + 1]] & C_DIGIT)) {
          for (d = e + 1; d < n && (byte_class[z[d]] & C_DIGIT); d++) {}
          if (z[e] == ',' && d - (e + 1) != 3) break;   /* "1,20": the number ends before the comma */
          period |= z[e] == '.' ? ART_TOK_PERIOD : 0;
          e = d;
        }
        /* it ends here unless something may go on with it (a letter, "7:30", a non-ASCII character) */
        if (e < n && (byte_class[z[e]] & (C_ALNUM | C_HIGH))) return s;
        if (e + 1 < n && (byte_class[z[e]] & C_JOIN) && (byte_class[z[e + 1]] & (C_ALNUM | C_HIGH)) &&
            !(z[e] == ',' && (byte_class[z[e + 1]] & C_DIGIT)))
          return s;
        *flags_io = ART_TOK_WORD | ART_TOK_DIGIT | period;   /* art_token_shape()'s; a number keeps no period */
        *after_io = fast_entry[e < n ? z[e] : 0];
        return e;
      }
      return s;
    }
    /* Rule 2: an abbreviation keeps its period. */
    if (z[i] == '.' && keeps_period(z + s, i - s, (flags & ART_TOK_DIGIT) != 0, 0)) {
      i++;
      flags |= ART_TOK_PERIOD;
      after = fast_entry[i < n ? z[i] : 0];
    }
  }
  *flags_io = flags;
  *after_io = after;
  return i;
}

/* Set INITIAL on the first word of tok[0..end - tok); 1 if there is one. */
static inline int mark_first_word(art_token *tok, const art_token *end) {
  for (; tok < end; tok++) {
    if (tok->flags & ART_TOK_WORD) {
      tok->flags |= ART_TOK_INITIAL;
      return 1;
    }
  }
  return 0;
}

/*
** What the loops below carry from token to token: where the next token
** and its facts byte go, the position, and the INITIAL flag for the next
** word.
*/
typedef struct fast_state {
  art_token *tok;
  uint8_t *fact_at;
  size_t i;
  size_t lower_end;   /* for a word at i: where its first byte and lower-case run end */
  uint32_t initial;
} fast_state;

/*
** One token at st->i that simple_loop() does not take: a word that
** word_tail() can finish ("Iran's", "U.S.", "two-year", "1,200", words
** with capitals or digits inside, an abbreviation's period), or a curly
** double quote.  Returns 0, with nothing done, when the general loop must
** take it.  A call from simple_loop(), out of its way.
*/
static ALWAYS_INLINE int other_token(const unsigned char *z, size_t n, fast_state *st, const int with_facts) {
  size_t i = st->i, s = i;
  uint64_t t = fast_entry[z[i]], after;
  uint32_t flags = t & FT_SHAPE_MASK;   /* t's bits 32-39 become the token's facts as they are known */
  if (FT_HAS(t, C_ALNUM)) {
    i = st->lower_end;   /* simple_loop() found it */
    after = fast_entry[i < n ? z[i] : 0];
    if (after & FT_WORD_GOES_ON) {
      i = word_tail(z, s, i, n, &flags, &t, &after);
      if (i == s) return 0;
    }
    if ((t & FT_H_OR_S) && i - s - 2 <= 1) t |= (uint64_t)pronoun_fact(z + s, i - s) << FT_FACT_SHIFT;
    flags |= st->initial;
    st->initial = 0;
    if (t & FT_POSSESSIVE) {
      /* the word, then "'s" with the shape emit_word() gives it (art_token_shape()'s; no facts) */
      if (with_facts) { st->fact_at[0] = (uint8_t)(t >> FT_FACT_SHIFT); st->fact_at[1] = 0; st->fact_at += 2; }
      art_token *tok = st->tok;
      tok[0].start = s;
      tok[0].end = i;
      tok[0].flags = flags;   /* the apostrophe follows: no space */
      after = fast_entry[i + 2 < n ? z[i + 2] : 0];
      tok[1].start = i;
      tok[1].end = i + 2;
      tok[1].flags = ART_TOK_PUNCT | ART_TOK_QUOTE | (z[i + 1] == 'S' ? ART_TOK_HAS_UPPER : 0) | ART_TOK_POSSESSIVE |
                     (uint32_t)(after & ART_TOK_SPACE_AFTER);
      st->tok += 2;
      i += 2;
      st->i = i + (after & FT_BLANK ? 1 : 0);
      return 1;
    }
  } else if (curly_double_quote_at(z, i, n)) {
    /* the curly double quotes of most news copy, a token each, with the
       shape art_token_shape() gives them (the opening one opens) */
    flags = ART_TOK_PUNCT | ART_TOK_QUOTE;
    if (z[i + 2] == 0x9C) { flags |= ART_TOK_OPEN; st->initial = ART_TOK_INITIAL; }
    i += 3;
    after = fast_entry[i < n ? z[i] : 0];
  } else {
    return 0;
  }
  if (with_facts) *st->fact_at++ = (uint8_t)(t >> FT_FACT_SHIFT);
  st->tok->start = s;
  st->tok->end = i;
  st->tok->flags = flags | (after & ART_TOK_SPACE_AFTER);
  st->tok++;
  st->i = i + (after & FT_BLANK ? 1 : 0);   /* the usual single space (the end's entry has no FT_BLANK) */
  return 1;
}
static NOINLINE int other_token_plain(const unsigned char *z, size_t n, fast_state *st) {
  return other_token(z, n, st, 0);
}
static NOINLINE int other_token_facts(const unsigned char *z, size_t n, fast_state *st) {
  return other_token(z, n, st, 1);
}

/*
** The commonest tokens, in the tightest loop: a word whose first byte is
** followed by lower-case letters only, ending before a space or a mark
** that cannot join it ("said" in "said ", "said, ", "said." unless it may be
** an abbreviation), a single mark with no rule of its own, and spaces.
** Another token goes to other_token(), a call out of the loop's way (its
** state goes through *st), and the loop goes on after it; when that does
** not take it either, the loop stops there, for the general loop.
*/
static ALWAYS_INLINE void simple_loop(const unsigned char *z, size_t n, art_token *tok, uint8_t *fact_at, size_t i,
                                      uint32_t initial, fast_state *st, const int with_facts) {
  /* *st is written as the loop leaves (and for other_token()), not read.
     INITIAL goes to the first word at or after initial_at (NULL: none
     waits for it), set when the loop leaves: not a register a word */
  art_token *initial_at = initial ? tok : NULL;
  const size_t lim = n >= 16 ? n - 16 : 0;   /* see lower_run_end() */
  while (i < n) {
    uint64_t t = fast_entry[z[i]];
    uint32_t after;   /* after_entry[] of the byte after a word, fast_entry[] of one after a mark */
    /* words, each with the single space after it, in the inner loop */
    while (LIKELY(FT_HAS(t, C_ALNUM))) {
      size_t s = i, e, blank;
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
      if (LIKELY(s < lim)) {   /* s + 1 <= lim */
      fast_word:
        /* bit 15 stands for the 16th byte whatever it is, so that there is
           no test for a mask of none: a run that goes on there shows as
           FT_AFTER_LOWER, on the rare path */
        {
          /* whether a space follows the word comes from the same 16 bytes
             (a second mask, its bit at the run's end), not from the table
             entry of the byte after it: the next word's position then waits
             for the mask, not for two loads in a row, and the loop is
             bound by that chain from word to word, not by its instructions */
          __m128i v = _mm_loadu_si128((const __m128i *)(z + s + 1));
          unsigned lowm = not_lower_bits(v) | 0x8000u;
          unsigned spm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')));
          size_t k = ctz64(lowm);
          e = s + 1 + k;
          blank = (spm >> k) & 1;
        }
        after = after_entry[z[e]];   /* e < n: one of the 16 bytes before n */
        goto word_end;
      }
#endif
      e = lower_run_end(z, s + 1, n, lim);
      after = after_entry[e < n ? z[e] : 0];
      blank = after >> 31;
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
    word_end:;
#endif
      uint32_t both = after | (uint32_t)t;
      if (UNLIKELY(both & FT_RARE)) {
        if (UNLIKELY(both & FT_AFTER_LOWER)) {
          /* more than 15 lower-case letters after the first: the rest of the run */
          e = lower_run_end(z, e, n, lim);
          after = after_entry[e < n ? z[e] : 0];
          both = after | (uint32_t)fast_entry[z[s]];
        }
        if ((t & FT_DIGIT_FIRST) && e < n && (byte_class[z[e]] & C_DIGIT)) {
          /* digits ("2013", "99", "2003."): the word ends with them, unless
             what follows may go on with it ("1,200", "7:30", "1990s", "3.5"):
             those are other_token()'s, or the general loop's.  No number
             keeps a period (keeps_period()) */
          size_t d = e + 1;
          while (d < n && (byte_class[z[d]] & C_DIGIT)) d++;
          uint32_t next = after_entry[d < n ? z[d] : 0];
          if (FT_HAS(next, C_ALNUM | C_HIGH) ||
              (FT_HAS(next, C_JOIN) && d + 1 < n && (byte_class[z[d + 1]] & (C_ALNUM | C_HIGH)))) {
            st->lower_end = e;
            goto other;
          }
          e = d;
          /* a number's shape is its first digit's (word_rest() adds nothing);
             its entry read again, which keeps the loop from copying t for this */
          both = next | (uint32_t)fast_entry[z[s]];
        }
        if ((both & FT_AFTER_GOES_ON) || ((t & FT_DIGIT_FIRST) && FT_HAS(both, C_JOIN))) {
          /* a joiner that joins nothing (word_tail()'s last case): the word
             ends before it, unless it is a period an abbreviation may keep */
          if (!FT_HAS(both, C_JOIN) || (e + 1 < n && (byte_class[z[e + 1]] & (C_ALNUM | C_HIGH)))) {
            if (z[e] == '\'' && (z[e + 1] | 0x20) == 's' && !(fast_entry[e + 2 < n ? z[e + 2] : 0] & FT_WORD_GOES_ON)) {
              /* Rule 3's "Iran's" (10 K words): the word, then "'s" with the
                 shape emit_word() gives it (art_token_shape()'s; no facts);
                 the apostrophe follows the word: no space */
              if ((t & FT_H_OR_S) && e - s - 2 <= 1) t |= (uint64_t)pronoun_fact(z + s, e - s) << FT_FACT_SHIFT;
              if (with_facts) *fact_at++ = (uint8_t)(t >> FT_FACT_SHIFT);
              tok->start = s;
              tok->end = e;
              tok->flags = (uint16_t)t;   /* the first byte's shape: the rest is lower case */
              tok++;
              /* then "'s", stored as the loop stores a word */
              uint32_t next = after_entry[e + 2 < n ? z[e + 2] : 0];
              both = ART_TOK_PUNCT | ART_TOK_QUOTE | (z[e + 1] == 'S' ? ART_TOK_HAS_UPPER : 0) | ART_TOK_POSSESSIVE |
                     (next & (ART_TOK_SPACE_AFTER | FT_BLANK));
              s = e;
              e += 2;
              t = 0;   /* no facts */
              blank = both >> 31;
              goto store;
            }
            if (z[e] == '.' && e == s + 1 && e + 2 < n && z[e + 2] == '.' && (t & (ART_TOK_CAP | ART_TOK_LOWER)) &&
                (byte_class[z[e + 1]] & (C_UPPER | C_LOWER)) &&
                (e + 3 >= n || !(byte_class[z[e + 3]] & (C_ALNUM | C_HIGH)))) {
              /* Rules 1 and 2's "U.S.", "a.m." (word_tail()'s, 5 K words):
                 two letters joined by a period, and the period after them */
              unsigned ka = byte_class[z[s]], kb = byte_class[z[e + 1]];
              uint32_t flags = ART_TOK_WORD | ART_TOK_PERIOD | (ka & C_UPPER ? ART_TOK_CAP : ART_TOK_LOWER) |
                               ((ka | kb) & C_UPPER ? ART_TOK_HAS_UPPER : 0) | (ka & kb & C_UPPER ? ART_TOK_ALLCAPS : 0);
              uint32_t next = after_entry[e + 3 < n ? z[e + 3] : 0];
              both = flags | (next & (ART_TOK_SPACE_AFTER | FT_BLANK));
              t = (uint64_t)token_fact(z + s, 0, flags) << FT_FACT_SHIFT;
              e += 3;
              blank = both >> 31;
              goto store;
            }
            st->lower_end = e;
            goto other;
          }
          if (z[e] == '.' && !(t & ART_TOK_DIGIT) && e - s <= ABBREV_MAX &&
              (e - s == 1 || ((abbrev_pair[e - s][(t >> FT_LETTER_SHIFT) & 31] >> (z[e - 1] - 'a')) & 1))) {
            /* (z[e - 1] is lower case) a key's first and last letters: keeps_period() decides */
            st->lower_end = e;
            goto other;
          }
        }
        if ((t & FT_H_OR_S) && e - s - 2 <= 1) t |= (uint64_t)pronoun_fact(z + s, e - s) << FT_FACT_SHIFT;
        blank = both >> 31;
      }
    store:
      if (with_facts) {
        fact_at[0] = (uint8_t)(t >> FT_FACT_SHIFT);
        fact_at++;
        __asm__("" : "+r"(fact_at));   /* one register for it on every path (else GCC copies it a word) */
      }
      tok->start = s;
      tok->end = e;
      tok->flags = (uint16_t)both;   /* the shape, and SPACE_AFTER (see after_entry[]; bit 15 is in neither entry) */
      tok++;
      i = e + blank;   /* FT_BLANK of the byte after: the usual single space (not in the end's entry; never in t) */
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
      /* i < lim, the usual case, says both that i < n and that the next
         word, if one starts there, takes the fast way: one test */
      if (LIKELY(i < lim)) {
        t = fast_entry[z[i]];
        if (!FT_HAS(t, C_ALNUM)) break;
        s = i;
        goto fast_word;
      }
#endif
      if (i >= n) goto done;
      t = fast_entry[z[i]];
    }
    if (FT_HAS(t, C_SPACE)) {
      i++;
      continue;
    }
    if (!FT_HAS(t, C_PUNCT) || (t & FT_QUOTE) || ((t & FT_RUN) && i + 1 < n && (fast_entry[z[i + 1]] & FT_RUN))) {
      if (z[i] != 0xE2) break;   /* the general loop's */
      goto other;   /* a curly quote, maybe */
    }
    /* a mark that is a token by itself */
    if (UNLIKELY(t & ART_TOK_OPEN)) {   /* an opening bracket */
      if (initial_at) mark_first_word(initial_at, tok);
      initial_at = tok;
    }
    after = after_entry[i + 1 < n ? z[i + 1] : 0];
    if (with_facts) *fact_at++ = 0;
    tok->start = i;
    tok->end = i + 1;
    tok->flags = (after | (uint32_t)t) & 0x7FFFu;   /* as a word's (a mark's entry has no SPACE_AFTER) */
    tok++;
    i += 1 + (after >> 31);   /* FT_BLANK */
    continue;
  other:
    /* a token for other_token(), or for the general loop when it does not take it */
    st->tok = tok;
    st->fact_at = fact_at;
    st->i = i;
    st->initial = initial_at && !mark_first_word(initial_at, tok) ? ART_TOK_INITIAL : 0;
    if (!(with_facts ? other_token_facts : other_token_plain)(z, n, st)) return;
    tok = st->tok;
    fact_at = st->fact_at;
    i = st->i;
    initial_at = st->initial ? tok : NULL;
  }
done:
  st->tok = tok;
  st->fact_at = fact_at;
  st->i = i;
  st->initial = initial_at && !mark_first_word(initial_at, tok) ? ART_TOK_INITIAL : 0;
}
/*
** The tokens of z[i0..n) that need no general rule, up to the first that
** does: its position is returned, for the general loop in
** art_tokenize_append().  Positions are the document's.  The token array
** has room for every token (art_tokenize_append() reserved it).
*/
static ALWAYS_INLINE size_t fast_loop(const unsigned char *z, size_t i0, size_t n, art_tokens *out,
                                      const int with_facts, uint8_t *facts, uint32_t *initial_io) {
  fast_state st;
  simple_loop(z, n, out->items + out->count, with_facts ? facts + out->count : NULL, i0, *initial_io, &st, with_facts);
  out->count = (size_t)(st.tok - out->items);
  *initial_io = st.initial;
  return st.i;
}

/* fast_loop() made twice, so that art_tokenize() does not pay for facts it is not asked for. */
static NOINLINE size_t fast_run(const unsigned char *doc, size_t i, size_t end, art_tokens *out, uint8_t *facts,
                                uint32_t *initial_io) {
  return fast_loop(doc, i, end, out, 0, NULL, initial_io);
}
static NOINLINE size_t fast_run_facts(const unsigned char *doc, size_t i, size_t end, art_tokens *out,
                                      uint8_t *facts, uint32_t *initial_io) {
  return fast_loop(doc, i, end, out, 1, facts, initial_io);
}

long art_tokenize(const char *doc, size_t start, size_t end, art_tokens *out) {
  out->count = 0;
  return art_tokenize_append(doc, start, end, out, NULL);
}

/*
** The rest of the sentence doc[start..end) from z[i], where fast_run()
** stopped at a token for the general loop: that token, then fast_run()
** and the general loop in turn.  A call of its own, so that a sentence
** fast_loop() takes whole (most of them) pays for no more than
** append_facts()'s registers.
*/
static NOINLINE long tokenize_rest(const char *doc, size_t start, size_t i, size_t end, art_tokens *out,
                                   uint8_t *facts, size_t from0, uint32_t initial) {
  const unsigned char *z = (const unsigned char *)doc;
  size_t first = out->count;
  goto general;
  while (i < end) {
    if (facts && out->count > first) fill_facts(z, out, first, facts);   /* the general loop's tokens since */
    i = (facts ? fast_run_facts : fast_run)(z, i, end, out, facts, &initial);
    first = out->count;
    if (i >= end) break;
  general:;
    uchar c = { z[i], 1, byte_class[z[i]] };
    if (c.cls & C_SPACE) { i++; continue; }
    if (c.cls & C_HIGH) {
      c = uchar_slow(z, i, end);
      if (c.cls & C_SPACE) { i += c.len; continue; }
    }
    int32_t cp = c.cp;
    size_t len = c.len;
    unsigned k = c.cls;
    size_t s = i;
    if (k & C_ALNUM) {
      uint32_t flags;
      int may_split;
      i = scan_word(z, s, len, k, end, &flags, &may_split);
      if (flags && !may_split) {
        /* the common case: nothing to split off, and the shape is known */
        if (push_shaped(out, s, i, flags | space_after(z, i, end) | initial)) return -1;
        initial = 0;
      } else {
        size_t from = out->count;
        if (emit_word(out, doc, s, i, flags)) return -1;
        finish_tokens(out, from, z, end, &initial);
      }
      continue;
    }
    i += len;
    if (cp == '.' || cp == '-' || cp == '!' || cp == '?') {
      /* "...", "--", "?!" stay one token */
      while (i < end && (z[i] == '.' || z[i] == '-' || z[i] == '!' || z[i] == '?') &&
             (z[i] == (unsigned char)cp || cp != '-')) i++;
    }
    uint32_t flags = i - s == 1 && cp < 0x80 ? ascii_shape[cp] : art_token_shape(doc + s, i - s);
    if (is_apostrophe(cp) && s > start && out->count > from0 && out->items[out->count - 1].end == s &&
        (z[s - 1] == 's' || z[s - 1] == 'S') && (out->items[out->count - 1].flags & ART_TOK_WORD)) {
      /* Rule 3: "officials’" — a possessive, unless a word follows directly. */
      if (i >= end || !(uchar_at(z, i, end).cls & C_ALNUM))
        flags = (flags & ~(uint32_t)(ART_TOK_QUOTE | ART_TOK_OPEN)) | ART_TOK_POSSESSIVE;
    }
    /* A straight quote opens when it follows a space or the sentence start. */
    if (cp == '"' && (s == start || (byte_class[z[s - 1]] & C_SPACE))) flags |= ART_TOK_OPEN;
    if (flags & ART_TOK_OPEN) initial = ART_TOK_INITIAL;
    if (push_shaped(out, s, i, flags | space_after(z, i, end))) return -1;
  }
  if (facts && out->count > first) fill_facts(z, out, first, facts);
  return (long)(out->count - from0);
}

/* Room for a token per byte of the sentence, when the array has less
   (rare: the entity stage makes the room before it asks); -1 when facts[]
   would have to grow with it, or out of memory. */
static NOINLINE int make_room(art_tokens *out, size_t need, const uint8_t *facts) {
  while (out->cap - out->count < need) {
    if (facts || grow(out)) return -1;   /* facts[] cannot grow with the array */
  }
  return 0;
}

/* A sentence with facts from its start, as the entity stage asks for
   them: fast_loop() inlined, then the general loop only when it stops
   early.  art_tokenize_append() ends by jumping here, so a sentence that
   fast_loop() takes whole saves and restores one function's registers. */
static NOINLINE long append_facts(const char *doc, size_t start, size_t end, art_tokens *out, uint8_t *facts) {
  uint32_t initial = ART_TOK_INITIAL;   /* for the next word: art_tokens_mark_initial(), as the tokens come */
  const size_t from0 = out->count;      /* the tokens before are another sentence's */
  size_t i = fast_loop((const unsigned char *)doc, start, end, out, 1, facts, &initial);
  if (i < end) return tokenize_rest(doc, start, i, end, out, facts, from0, initial);
  return (long)(out->count - from0);
}

/* The same without facts (art_tokenize()): fast_run() and the general loop. */
static NOINLINE long append_plain(const char *doc, size_t start, size_t end, art_tokens *out) {
  uint32_t initial = ART_TOK_INITIAL;
  const size_t from0 = out->count;
  size_t i = fast_run((const unsigned char *)doc, start, end, out, NULL, &initial);
  if (i < end) return tokenize_rest(doc, start, i, end, out, NULL, from0, initial);
  return (long)(out->count - from0);
}

/* The first call (the abbreviation filter is built), or an array without
   room: what art_tokenize_append() leaves out of its way. */
static NOINLINE long append_slow(const char *doc, size_t start, size_t end, art_tokens *out, uint8_t *facts) {
  if (!atomic_load_explicit(&abbrev_ready, memory_order_acquire)) pthread_once(&abbrev_once, abbrev_filter_build);
  /* A token holds at least one byte: room for end - start tokens is room for all. */
  if (make_room(out, end - start, facts)) return -1;
  return facts ? append_facts(doc, start, end, out, facts) : append_plain(doc, start, end, out);
}

/* Nothing but tests and a jump, so that it saves no register. */
long art_tokenize_append(const char *doc, size_t start, size_t end, art_tokens *out, uint8_t *facts) {
  if (end <= start) return 0;
  if (!atomic_load_explicit(&abbrev_ready, memory_order_acquire) || out->cap - out->count < end - start)
    return append_slow(doc, start, end, out, facts);
  return facts ? append_facts(doc, start, end, out, facts) : append_plain(doc, start, end, out);
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
      want = 1;   /* a quotation opens: its first word is initial too; other marks keep `want` */
    }
  }
}

void art_tokens_free(art_tokens *t) {
  free(t->items);
  t->items = NULL;
  t->count = t->cap = 0;
}
