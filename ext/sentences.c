/*
** sentences.c — split one paragraph into sentences.
**
** A sentence ends at a terminator run (". ? ! … 。" and spaced ". . ."), with
** the closing quotes, brackets and footnote marks that follow it attached,
** when what comes next starts a new sentence.  Most of the work is deciding
** the "when":
**
**   She has $100.00. It is in her bag.        -> 2 sentences (plain word)
**   I work for the U.S. Government.           -> 1 (acronym before a noun)
**   I live in the U.S. How about you?         -> 2 (acronym before "How")
**   At 5 a.m. Mr. Smith left. He ate.         -> 2 (fronted time phrase)
**   Albert I. Jones came. You and I. Did…     -> initials vs. the pronoun
**   "This is great." she said.                -> 1 (lower case continues)
**   Hello world.Today is Tuesday.             -> 2 (missing space)
**   1. The first item 2. The second item      -> 2 (list markers)
**
** The word before a period is looked up in ext/data/abbreviations.tsv, whose
** class says how that abbreviation behaves; the word after it in
** sentence_starters.tsv (pronouns, determiners… that open sentences) and
** common_words.tsv (words usually written in lower case, so capitalised
** they start a sentence rather than a name).
**
** Quotes and brackets are paired first (straight quotes by context).  Inside
** a paired bracket, a straight single quote, a backtick quote or a ''…''
** quote, periods do not end sentences: those are asides, titles or the
** dialogue of fiction.  Inside double and curly quotes they do, because
** news copy quotes several sentences at a time.  A quote mark that is never
** closed and is the paragraph's first mark closes a quotation opened before
** the text began, so it stays with the sentence before it.
**
** Everything works on bytes of the caller's document; the only allocation
** is growing the reusable buffers in art_span_buf.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "article_segment.h"
#include "article_tables.h"
#include "article_text.h"

typedef unsigned char uchar;

/* Words longer than this are not words; looking further back or ahead would
   make pathological input ("x.x.x.x…" for megabytes) cost quadratic time. */
#define MAX_TOKEN_SCAN 256
#define MAX_CLAUSE_SCAN 2000


/* ------------------------------------------------------------------------ */
/* Characters                                                                */

static inline int32_t next_cp(const uchar *z, size_t end, size_t i, size_t *len) {
  if (i >= end) { *len = 0; return -1; }
  if (z[i] < 0x80) { *len = 1; return z[i]; }
  return art_utf8_decode(z + i, end - i, len);
}

static inline int32_t prev_cp(const uchar *z, size_t begin, size_t i, size_t *len) {
  if (i <= begin) { *len = 0; return -1; }
  if (z[i - 1] < 0x80) { *len = 1; return z[i - 1]; }
  int32_t c = art_utf8_decode_before(z, i, len);
  if (i - *len < begin) { *len = 1; return ART_REPLACEMENT_CHAR; }
  return c;
}

/* ASCII white space as bits: \t \n \v \f \r and ' '. */
#define ASCII_SPACE_BITS ((1ull << '\t') | (1ull << '\n') | (1ull << '\v') | (1ull << '\f') | (1ull << '\r') | (1ull << ' '))

static inline int is_space(int32_t c) {
  if (c < 0) return 0;
  if (c < 0x80) return c < 64 && ((ASCII_SPACE_BITS >> c) & 1);
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static inline int is_upper(int32_t c) {
  if (c < 0) return 0;
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_category_t k = utf8proc_category(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static inline int is_lower(int32_t c) {
  if (c < 0) return 0;
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

static inline int is_letter(int32_t c) {
  if (c < 0) return 0;
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  utf8proc_category_t k = utf8proc_category(c);
  return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static inline int is_digit(int32_t c) {
  if (c < 0) return 0;
  if (c < 0x80) return c >= '0' && c <= '9';
  return utf8proc_category(c) == UTF8PROC_CATEGORY_ND;
}

static inline int is_alnum(int32_t c) { return is_letter(c) || is_digit(c); }

static inline int is_terminator(int32_t c) {
  return c == '.' || c == '?' || c == '!' || c == 0x2026 || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049;
}

static inline int is_bullet(int32_t c) {
  return c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x25E6 || c == 0x25AA ||
         c == 0x25CF || c == 0x25A0 || c == 0x25BA || c == 0x25B6 || c == 0x2219;
}

/* Punctuation after which a following word continues the sentence. */
static int is_continuing_punct(int32_t c) {
  return c == ',' || c == ';' || c == ':' || c == 0x2014 || c == 0x2013 || c == '-' ||
         c == '/' || c == '&' || c == '%' || c == 0xFF0C || c == 0x3001;
}

/* ------------------------------------------------------------------------ */
/* Quote and bracket marks                                                   */

enum family {
  F_NONE, F_PAREN, F_SQUARE, F_BRACE, F_FWPAREN, F_CJK_ANGLE, F_CJK_LENT, F_CJK_CORNER,
  F_CJK_WCORNER, F_DQ, F_DQ_CURLY, F_SQ_CURLY, F_SQ, F_PTB, F_GUIL, F_SGUIL
};

/* Families whose inside never holds a sentence break (see the essay). */
static int suppressing(int f) {
  return f != F_DQ && f != F_DQ_CURLY && f != F_SQ_CURLY && f != F_GUIL && f != F_SGUIL &&
         f != F_NONE;
}
static int is_bracket_family(int f) { return f >= F_PAREN && f <= F_CJK_LENT; }

enum dir { D_OPEN = 1, D_CLOSE = 2, D_AMBIG = 3 };
enum role { R_APOS = 0, R_OPEN, R_CLOSE, R_OPEN_UNMATCHED, R_CLOSE_UNMATCHED };

typedef struct mark {
  size_t pos, len;
  unsigned char family, dir, role;
  int partner;          /* index of the matching mark, -1 when unmatched */
} mark;

typedef struct event { size_t pos; int delta; } event;

typedef struct scratch {
  mark *marks;
  size_t nmarks, cap_marks;
  event *events;
  size_t nevents, cap_events;
} scratch;

static int grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 0;
  size_t n = *cap ? *cap * 2 : 64;
  while (n < need) n *= 2;
  void *q = realloc(*p, n * size);
  if (!q) return -1;
  *p = q;
  *cap = n;
  return 0;
}

void art_span_buf_free(art_span_buf *b) {
  if (b->scratch) {
    scratch *s = b->scratch;
    free(s->marks);
    free(s->events);
    free(s);
  }
  free(b->v);
  memset(b, 0, sizeof *b);
}

/* Elided words written with a leading apostrophe: 'tis, 'em, 'n'. */
static int is_elision(const uchar *z, size_t end, size_t i) {
  size_t j = i;
  while (j < end && j - i < 8 && ((z[j] | 0x20) >= 'a' && (z[j] | 0x20) <= 'z')) j++;
  if (j == i) return 0;
  char low[8];
  for (size_t k = i; k < j; k++) low[k - i] = (char)(z[k] | 0x20);
  return art_table_find(&art_table_elisions, low, j - i) != NULL;
}

/*
** A quote mark with space on both sides, as tokenised text writes them
** ("said , '' Stanley").  What follows decides: closing punctuation means it
** closes; an ellipsis or a capital could go either way and pairing decides;
** a lower-case word means it closes ("'' Why , '' she wrote").  A mark right
** after a sentence's end in ordinary prose ("went through. ' The") that is the
** paragraph's first closes a quotation opened before the text began.
*/
static int spaced_mark_dir(const uchar *z, size_t begin, size_t end, size_t i, size_t after_mark,
                           int first_mark) {
  size_t j = after_mark, nl, pl;
  while (j < end && (z[j] == ' ' || z[j] == '\t')) j++;
  int32_t n2 = next_cp(z, end, j, &nl);
  if (n2 < 0 || n2 == ',' || n2 == ';' || n2 == ':' || n2 == ')' || n2 == '?' || n2 == '!')
    return D_CLOSE;
  if (n2 == '.') return (j + 1 < end && z[j + 1] == '.') ? D_OPEN : D_CLOSE;
  if (is_lower(n2)) return D_CLOSE;
  if (first_mark) {
    size_t k = i;
    while (k > begin && (z[k - 1] == ' ' || z[k - 1] == '\t')) k--;
    int32_t t = prev_cp(z, begin, k, &pl);
    if (is_terminator(t)) {
      size_t tl;
      int32_t w = prev_cp(z, begin, k - pl, &tl);
      if (is_alnum(w)) return D_CLOSE;
    }
  }
  return D_AMBIG;
}

/* Tokenised clitics: "Walter 's", "they 're". */
static int is_clitic(const uchar *z, size_t end, size_t i) {
  size_t j = i;
  while (j < end && j - i < 3 && z[j] >= 'a' && z[j] <= 'z') j++;
  if (j < end && is_letter(z[j])) return 0;
  size_t n = j - i;
  return (n == 1 && (z[i] == 's' || z[i] == 'd' || z[i] == 'm')) ||
         (n == 2 && (!memcmp(z + i, "re", 2) || !memcmp(z + i, "ve", 2) || !memcmp(z + i, "ll", 2)));
}

/* Classify the quote or bracket at z[i] (of byte length len, code point c). */
static int classify_mark(const uchar *z, size_t begin, size_t end, size_t i, size_t len,
                         int32_t c, int first_mark, mark *m) {
  size_t pl, nl;
  int32_t before = prev_cp(z, begin, i, &pl);
  int32_t after = next_cp(z, end, i + len, &nl);
  int sp_before = before < 0 || is_space(before);
  int sp_after = after < 0 || is_space(after);
  int open_before = sp_before || before == '(' || before == '[' || before == '{' ||
                    before == 0x2014 || before == 0x2013 || before == '-' || before == '"' ||
                    before == 0x201C || before == 0x2018 || before == '`';
  m->pos = i;
  m->len = len;
  m->partner = -1;
  m->role = R_APOS;
  switch (c) {
    case '(': m->family = F_PAREN; m->dir = D_OPEN; return 1;
    case ')': m->family = F_PAREN; m->dir = D_CLOSE; return 1;
    case '[': m->family = F_SQUARE; m->dir = D_OPEN; return 1;
    case ']': m->family = F_SQUARE; m->dir = D_CLOSE; return 1;
    case '{': m->family = F_BRACE; m->dir = D_OPEN; return 1;
    case '}': m->family = F_BRACE; m->dir = D_CLOSE; return 1;
    case 0xFF08: m->family = F_FWPAREN; m->dir = D_OPEN; return 1;
    case 0xFF09: m->family = F_FWPAREN; m->dir = D_CLOSE; return 1;
    case 0x300A: m->family = F_CJK_ANGLE; m->dir = D_OPEN; return 1;
    case 0x300B: m->family = F_CJK_ANGLE; m->dir = D_CLOSE; return 1;
    case 0x3010: m->family = F_CJK_LENT; m->dir = D_OPEN; return 1;
    case 0x3011: m->family = F_CJK_LENT; m->dir = D_CLOSE; return 1;
    case 0x300C: m->family = F_CJK_CORNER; m->dir = D_OPEN; return 1;
    case 0x300D: m->family = F_CJK_CORNER; m->dir = D_CLOSE; return 1;
    case 0x300E: m->family = F_CJK_WCORNER; m->dir = D_OPEN; return 1;
    case 0x300F: m->family = F_CJK_WCORNER; m->dir = D_CLOSE; return 1;
    case 0x201C: /* “ opens; closes a „ quote */
      m->family = F_DQ_CURLY; m->dir = (sp_after && !sp_before) ? D_CLOSE : D_OPEN; return 1;
    case 0x201E: m->family = F_DQ_CURLY; m->dir = D_OPEN; return 1;
    case 0x201D: /* ” closes; mis-encoded openers exist */
      m->family = F_DQ_CURLY; m->dir = (sp_before && !sp_after && is_alnum(after)) ? D_OPEN : D_CLOSE;
      return 1;
    case 0x2018: /* ‘ */
      if (is_letter(before) && is_letter(after)) return 0;   /* misused apostrophe */
      m->family = F_SQ_CURLY; m->dir = D_OPEN; return 1;
    case 0x201A: m->family = F_SQ_CURLY; m->dir = D_OPEN; return 1;
    case 0x2019: /* ’ is mostly an apostrophe */
      if (is_alnum(before) && is_letter(after)) return 0;
      if (open_before && (is_digit(after) || is_elision(z, end, i + len))) return 0;
      m->family = F_SQ_CURLY; m->dir = D_CLOSE; return 1;
    case 0xAB:
      m->family = F_GUIL; m->dir = (!sp_before && sp_after) ? D_CLOSE : D_OPEN; return 1;
    case 0xBB:
      m->family = F_GUIL; m->dir = (sp_before && !sp_after && before >= 0) ? D_OPEN : D_CLOSE;
      return 1;
    case 0x2039: m->family = F_SGUIL; m->dir = D_OPEN; return 1;
    case 0x203A: m->family = F_SGUIL; m->dir = D_CLOSE; return 1;
    default: break;
  }
  /* Straight quotes, backticks and the '' `` pairs of tokenised text. */
  if (c == '\'' || c == '`') {
    if (is_alnum(before) && is_letter(after)) return 0;          /* don't, it`s */
    if (open_before && (is_digit(after) || (c == '\'' && is_elision(z, end, i + len))))
      return 0;                                                  /* '80s, 'tis */
    if (c == '\'' && sp_before && is_clitic(z, end, i + len)) return 0;   /* Walter 's */
  }
  if (c == '`') m->family = F_SQ;
  else if (c == '\'') m->family = F_SQ;
  else if (c == '"') m->family = F_DQ;
  else return 0;
  if (c == '`' && !sp_after) { m->dir = D_OPEN; return 1; }
  if (!sp_before && sp_after) m->dir = D_CLOSE;
  else if (open_before && !sp_after) {
    /* An opener is followed by the quoted words, not by closing punctuation. */
    m->dir = (after == ',' || after == '.' || after == ';' || after == ':' || after == ')' ||
              after == '?' || after == '!') ? D_CLOSE : D_OPEN;
  } else if (sp_before && sp_after) {
    m->dir = (unsigned char)spaced_mark_dir(z, begin, end, i, i + len, first_mark);
  } else {
    m->dir = is_alnum(after) ? D_OPEN : D_CLOSE;
  }
  return 1;
}

/* Bytes that can begin a quote or bracket mark (ASCII marks and the lead
   bytes of « » “ ” ‘ ’ 「 」 （ ）…), and bytes that can begin a terminator
   or bullet; the scans skip everything else a byte at a time. */
#define MARK_BYTE 1
#define STOP_BYTE 2
#define ALPHA_BYTE 4   /* A-Z a-z: the walks over a word need no decoding there */
#define DIGIT_BYTE 8   /* 0-9 */
#define OPENER_BYTE 16 /* ( [ { ` ' and the lead bytes of CJK and full-width brackets: next_opener() */
#define AZ(v) [v] = ALPHA_BYTE, [v + 32] = ALPHA_BYTE
#define AZ4(v) AZ(v), AZ(v + 1), AZ(v + 2), AZ(v + 3)
static const unsigned char byte_class[256] = {
  AZ4('A'), AZ4('E'), AZ4('I'), AZ4('M'), AZ4('Q'), AZ4('U'), AZ('Y'), AZ('Z'),
  ['0'] = DIGIT_BYTE, ['1'] = DIGIT_BYTE, ['2'] = DIGIT_BYTE, ['3'] = DIGIT_BYTE, ['4'] = DIGIT_BYTE,
  ['5'] = DIGIT_BYTE, ['6'] = DIGIT_BYTE, ['7'] = DIGIT_BYTE, ['8'] = DIGIT_BYTE, ['9'] = DIGIT_BYTE,
  ['"'] = MARK_BYTE, ['\''] = MARK_BYTE | OPENER_BYTE, ['`'] = MARK_BYTE | OPENER_BYTE,
  ['('] = MARK_BYTE | OPENER_BYTE, [')'] = MARK_BYTE, ['['] = MARK_BYTE | OPENER_BYTE, [']'] = MARK_BYTE,
  ['{'] = MARK_BYTE | OPENER_BYTE, ['}'] = MARK_BYTE, [0xC2] = MARK_BYTE,
  [0xE2] = MARK_BYTE | STOP_BYTE, [0xE3] = MARK_BYTE | STOP_BYTE | OPENER_BYTE,
  [0xEF] = MARK_BYTE | STOP_BYTE | OPENER_BYTE,
  ['.'] = STOP_BYTE, ['?'] = STOP_BYTE, ['!'] = STOP_BYTE,
};

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

#ifdef __SSE2__
/* The bytes of v that may begin a terminator or a bullet: . ? ! and every
   byte from 0xE2 up (lead bytes of … 。 ！ ？ • ‼, and of other characters
   too, which split() steps over), as a 16-bit mask. */
static ALWAYS_INLINE unsigned stop_bits16(__m128i v) {
  __m128i hit = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)0xE2)), v);
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('.')));
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('!')));
  return (unsigned)_mm_movemask_epi8(hit);
}
#endif

/* The first byte at or after i in [i, end) that may begin a terminator or
   a bullet (STOP_BYTE, or another byte from 0xE2 up); end if none.  z is
   the whole document (offsets are absolute).  32 bytes a step where SSE2
   is available: this scan and the one for quote marks are most of the
   splitter's time on ordinary prose.  The last few bytes are taken as the
   16 that end at `end`, those before i dropped, so no scan ends in a loop
   of single bytes. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#include <immintrin.h>
#define HAVE_AVX2_STOPS 1
/* scan_stop() 32 bytes a step in one register, on machines with AVX2 (most
   of the splitter's bytes pass through this loop).  end >= 32: the last
   few bytes are read as the 32 that end at end. */
__attribute__((target("avx2"))) static ALWAYS_INLINE unsigned stop_bits32(__m256i v) {
  __m256i hit = _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8((char)0xE2)), v),
                                _mm256_cmpeq_epi8(v, _mm256_set1_epi8('.')));
  hit = _mm256_or_si256(hit, _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('?')),
                                             _mm256_cmpeq_epi8(v, _mm256_set1_epi8('!'))));
  return (unsigned)_mm256_movemask_epi8(hit);
}

/* The first position in [i, limit) whose byte bits32() marks, or limit, 32
   bytes a step; limit >= 32: the last few bytes are read as the 32 that end
   at limit, those before i dropped.  Inlined with its bits32(), a constant. */
__attribute__((target("avx2"))) static ALWAYS_INLINE size_t scan32_avx2(const uchar *z, size_t i, size_t limit,
                                                                        unsigned (*bits32)(__m256i)) {
  for (; i + 32 <= limit; i += 32) {
    unsigned bits = bits32(_mm256_loadu_si256((const __m256i *)(z + i)));
    if (bits) return i + (size_t)__builtin_ctz(bits);
  }
  if (i >= limit) return limit;
  unsigned bits = bits32(_mm256_loadu_si256((const __m256i *)(z + limit - 32))) >> (32 - (limit - i));
  return bits ? i + (size_t)__builtin_ctz(bits) : limit;
}

__attribute__((target("avx2"))) static size_t scan_stop_avx2(const uchar *z, size_t i, size_t end) {
  return scan32_avx2(z, i, end, stop_bits32);
}
#endif

/* avx2: art_cpu_has_avx2() && end >= 32, asked once a paragraph. */
static ALWAYS_INLINE size_t scan_stop(const uchar *z, size_t i, size_t end, int avx2) {
#ifdef HAVE_AVX2_STOPS
  if (avx2) return scan_stop_avx2(z, i, end);
#endif
#ifdef __SSE2__
  while (i + 32 <= end) {
    unsigned bits = stop_bits16(_mm_loadu_si128((const __m128i *)(z + i))) |
                    stop_bits16(_mm_loadu_si128((const __m128i *)(z + i + 16))) << 16;
    if (bits) return i + (size_t)__builtin_ctz(bits);
    i += 32;
  }
  if (i + 16 <= end) {
    unsigned bits = stop_bits16(_mm_loadu_si128((const __m128i *)(z + i)));
    if (bits) return i + (size_t)__builtin_ctz(bits);
    i += 16;
  }
  if (i < end && end >= 16) {
    unsigned bits = stop_bits16(_mm_loadu_si128((const __m128i *)(z + end - 16))) >> (16 - (end - i));
    return bits ? i + (size_t)__builtin_ctz(bits) : end;
  }
#endif
  while (i < end && !(byte_class[z[i]] & STOP_BYTE)) i++;
  return i;
}

#ifdef __SSE2__
/* A few more bytes than MARK_BYTE's, in fewer steps: " # $ % & ' ( ),
   [ \ ], { | }, ` and every byte from 0xC2 up (lead bytes of « » “ ” …,
   but of other characters too).  The caller looks each up in byte_class[]. */
static ALWAYS_INLINE unsigned maybe_mark_bits16(__m128i v) {
  __m128i high = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)0xC2)), v);
  __m128i q = _mm_sub_epi8(v, _mm_set1_epi8('"'));                      /* " to ) */
  __m128i quote_paren = _mm_cmpeq_epi8(_mm_min_epu8(q, _mm_set1_epi8(')' - '"')), q);
  __m128i b = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('{'));   /* [ to ], { to } */
  __m128i bracket = _mm_cmpeq_epi8(_mm_min_epu8(b, _mm_set1_epi8('}' - '{')), b);
  __m128i tick = _mm_cmpeq_epi8(v, _mm_set1_epi8('`'));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(high, quote_paren), _mm_or_si128(bracket, tick)));
}
#endif

/* The first byte at or after i in [i, end) that may begin a mark (a
   superset of MARK_BYTE: see maybe_mark_bits16()); end if none. */
static ALWAYS_INLINE size_t scan_maybe_mark(const uchar *z, size_t i, size_t end) {
#ifdef __SSE2__
  while (i + 16 <= end) {
    unsigned bits = maybe_mark_bits16(_mm_loadu_si128((const __m128i *)(z + i)));
    if (bits) return i + (size_t)__builtin_ctz(bits);
    i += 16;
  }
  if (i < end && end >= 16) {
    unsigned bits = maybe_mark_bits16(_mm_loadu_si128((const __m128i *)(z + end - 16))) >> (16 - (end - i));
    return bits ? i + (size_t)__builtin_ctz(bits) : end;
  }
#endif
  while (i < end && !(byte_class[z[i]] & MARK_BYTE)) i++;
  return i;
}

#ifdef __SSE2__
/* Bit k set when z[k] (k < 16) is an ASCII letter, or with `digits` an
   ASCII letter or digit. */
static ALWAYS_INLINE unsigned alnum_bits16(const uchar *z, int digits) {
  __m128i v = _mm_loadu_si128((const __m128i *)z);
  __m128i f = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
  __m128i hit = _mm_cmpeq_epi8(_mm_min_epu8(f, _mm_set1_epi8(25)), f);
  if (digits) {
    __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d));
  }
  return (unsigned)_mm_movemask_epi8(hit);
}
#endif

/* The end of the run of ASCII letters at j (j itself when there is none),
   at most `end`.  Words are short and their lengths vary: sixteen bytes a
   step spare a loop whose exit the processor cannot guess. */
static ALWAYS_INLINE size_t ascii_letters_end(const uchar *z, size_t j, size_t end) {
#ifdef __SSE2__
  while (j + 16 <= end) {
    unsigned stop = ~alnum_bits16(z + j, 0) & 0xFFFFu;
    if (stop) return j + (size_t)__builtin_ctz(stop);
    j += 16;
  }
#endif
  while (j < end && (byte_class[z[j]] & ALPHA_BYTE)) j++;
  return j;
}

/* The start of the run of ASCII letters and digits that ends at i (i itself
   when there is none), at least `floor`. */
static ALWAYS_INLINE size_t ascii_alnum_start(const uchar *z, size_t floor, size_t i) {
#ifdef __SSE2__
  while (i - floor >= 16) {
    unsigned stop = ~alnum_bits16(z + i - 16, 1) & 0xFFFFu;   /* bit 15 is z[i - 1] */
    if (stop) return i - 16 + (size_t)(32 - __builtin_clz(stop));
    i -= 16;
  }
#endif
  while (i > floor && (byte_class[z[i - 1]] & (ALPHA_BYTE | DIGIT_BYTE))) i--;
  return i;
}

/* Two quotes in a row ('' or ``) are one mark in tokenised text. */
static void collect_marks(const uchar *z, size_t begin, size_t end, scratch *s, int *oom) {
  s->nmarks = 0;
  int seen_quote = 0;
  for (size_t i = begin; i < end;) {
    i = scan_maybe_mark(z, i, end);
    if (i >= end) break;
    if (!(byte_class[z[i]] & MARK_BYTE)) { i++; continue; }
    uchar b = z[i];
    size_t len = 1;
    int32_t c = b < 0x80 ? b : art_utf8_decode(z + i, end - i, &len);
    mark m;
    if ((c == '\'' || c == '`') && i + 1 < end && z[i + 1] == (uchar)c) {
      /* '' or `` */
      m.pos = i; m.len = 2; m.partner = -1; m.role = R_APOS; m.family = F_PTB;
      size_t pl, nl;
      int32_t before = prev_cp(z, begin, i, &pl), after = next_cp(z, end, i + 2, &nl);
      int sp_before = before < 0 || is_space(before), sp_after = after < 0 || is_space(after);
      if (!sp_before && sp_after) m.dir = D_CLOSE;
      else if (c == '`' || (sp_before && !sp_after)) m.dir = D_OPEN;
      else m.dir = (unsigned char)spaced_mark_dir(z, begin, end, i, i + 2, !seen_quote);
      len = 2;
    } else if (!classify_mark(z, begin, end, i, len, c, !seen_quote, &m)) {
      i += len;
      continue;
    }
    if (!is_bracket_family(m.family)) seen_quote = 1;
    if (grow((void **)&s->marks, &s->cap_marks, s->nmarks + 1, sizeof(mark))) { *oom = 1; return; }
    s->marks[s->nmarks++] = m;
    i += len;
  }
}

/* Backticks open what a straight quote closes: they pair as one family. */
static int same_family(const mark *open, const mark *close) {
  return open->family == close->family;
}

static void pair_marks(scratch *s) {
  enum { MAXDEPTH = 64 };
  int stack[MAXDEPTH];
  int depth = 0;
  for (size_t k = 0; k < s->nmarks; k++) {
    mark *m = &s->marks[k];
    if (m->dir == D_CLOSE || m->dir == D_AMBIG) {
      int found = -1;
      for (int d = depth - 1; d >= 0 && d >= depth - 4; d--) {
        if (same_family(&s->marks[stack[d]], m)) { found = d; break; }
        /* Brackets do not close across an open bracket of another kind. */
        if (is_bracket_family(m->family) && is_bracket_family(s->marks[stack[d]].family)) break;
      }
      if (found >= 0) {
        for (int d = depth - 1; d > found; d--) s->marks[stack[d]].role = R_OPEN_UNMATCHED;
        mark *o = &s->marks[stack[found]];
        o->role = R_OPEN;
        o->partner = (int)k;
        m->role = R_CLOSE;
        m->partner = stack[found];
        depth = found;
        continue;
      }
      if (m->dir == D_CLOSE) { m->role = R_CLOSE_UNMATCHED; continue; }
    }
    m->role = R_OPEN_UNMATCHED;   /* until its partner comes */
    if (depth == MAXDEPTH) {
      memmove(stack, stack + 1, (MAXDEPTH - 1) * sizeof stack[0]);
      depth--;
    }
    stack[depth++] = (int)k;
  }
}

static int cmp_event(const void *a, const void *b) {
  const event *x = a, *y = b;
  if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
  return x->delta - y->delta;
}

/* Suppressing pairs become +1/-1 events; the sweep keeps a depth. */
static int build_events(scratch *s) {
  enum { MAX_SUPPRESS_SPAN = 1000 };
  s->nevents = 0;
  for (size_t k = 0; k < s->nmarks; k++) {
    mark *m = &s->marks[k];
    if (m->role != R_OPEN || !suppressing(m->family)) continue;
    mark *c = &s->marks[m->partner];
    size_t close_end = c->pos + c->len;
    if (close_end - m->pos > MAX_SUPPRESS_SPAN) continue;
    if (grow((void **)&s->events, &s->cap_events, s->nevents + 2, sizeof(event))) return -1;
    s->events[s->nevents++] = (event){m->pos + m->len, +1};
    s->events[s->nevents++] = (event){close_end, -1};
  }
  if (s->nevents > 2) qsort(s->events, s->nevents, sizeof(event), cmp_event);
  return 0;
}

/* ------------------------------------------------------------------------ */
/* The splitter                                                              */

typedef struct splitter {
  const uchar *z;
  size_t begin, end;      /* the paragraph */
  scratch *s;
  size_t mark_i;          /* marks before this index lie behind the scan */
  size_t event_i;
  int depth;              /* suppressing pairs open at the sweep position */
  int first_quote;        /* index of the paragraph's first quote mark, -1 none */
  size_t sent_start;
  /* list items: "1." "2)" "a." … */
  int list_active;
  int list_next;          /* next number, or next letter as a code point */
  int list_is_letter;
  char list_delim[3];
  art_span_buf *out;
  size_t addr_a, addr_b;  /* in_address(): the token last looked at */
  int addr_is;
  int marks_ready;        /* quotes and brackets paired (done on first need) */
  size_t opener_free_to;  /* no mark before this byte can open a suppressing pair... */
  int opener_seen;        /* ...unless one was seen: then pair the marks */
  int oom;
  int avx2;               /* the AVX2 scans may run (the CPU has it, the paragraph ends past byte 32) */
} splitter;

/* Pair the paragraph's quotes and brackets the first time a decision needs
   them: most one-sentence paragraphs never do. */
static void ensure_marks(splitter *sp) {
  if (sp->marks_ready) return;
  sp->marks_ready = 1;
  int oom = 0;
  collect_marks(sp->z, sp->begin, sp->end, sp->s, &oom);
  if (oom) { sp->oom = 1; sp->s->nmarks = 0; sp->s->nevents = 0; return; }
  pair_marks(sp->s);
  if (build_events(sp->s)) { sp->oom = 1; sp->s->nevents = 0; }
  for (size_t k = 0; k < sp->s->nmarks; k++) {
    if (!is_bracket_family(sp->s->marks[k].family)) { sp->first_quote = (int)k; break; }
  }
}

/* The mark that starts exactly at byte i, or NULL.  i must not go backwards
   by more than the marks already passed.  Most bytes asked about cannot
   begin a mark: that test is inlined, the search is not. */
static mark *find_mark(splitter *sp, size_t i);
static inline mark *mark_at(splitter *sp, size_t i) {
  if (i >= sp->end || !(byte_class[sp->z[i]] & MARK_BYTE)) return NULL;
  return find_mark(sp, i);
}

static mark *find_mark(splitter *sp, size_t i) {
  ensure_marks(sp);
  scratch *s = sp->s;
  while (sp->mark_i < s->nmarks && s->marks[sp->mark_i].pos < i) sp->mark_i++;
  if (sp->mark_i < s->nmarks && s->marks[sp->mark_i].pos == i) return &s->marks[sp->mark_i];
  return NULL;
}

/*
** Can the paragraph hold a suppressing pair at all?  Only marks that open one
** matter: ( [ { `, a straight quote that is not an apostrophe inside a word
** ("Iran's" never is a mark), and the CJK and full-width brackets (lead
** bytes 0xE3, 0xEF).  Most paragraphs have none: then no decision asks
** for the paragraph's marks to be paired just to learn that no aside is open.
*/
#ifdef __SSE2__
/* The bytes of v that next_opener() must look at, as a 16-bit mask: ' and (
   (one range), [ and { (one test on the byte with bit 5 set, which takes a
   few other bytes too: the caller looks each up), ` and every byte from
   0xE3 up. */
static ALWAYS_INLINE unsigned opener_bits16(__m128i v) {
  __m128i r = _mm_sub_epi8(v, _mm_set1_epi8('\''));
  __m128i hit = _mm_cmpeq_epi8(_mm_min_epu8(r, _mm_set1_epi8(1)), r);
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('{')));
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8('`')));
  hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)0xE3)), v));
  return (unsigned)_mm_movemask_epi8(hit);
}
#endif

#ifdef HAVE_AVX2_STOPS
/* The bytes opener_bits16() takes, 32 a step: the first in [i, limit), or
   limit.  limit >= 32: the last few bytes are read as the 32 that end at
   limit, those before i dropped.  next_opener() reads most of a
   paragraph's bytes through here, once. */
__attribute__((target("avx2"))) static ALWAYS_INLINE unsigned opener_bits32(__m256i v) {
  __m256i r = _mm256_sub_epi8(v, _mm256_set1_epi8('\''));   /* ' and ( */
  __m256i hit = _mm256_cmpeq_epi8(_mm256_min_epu8(r, _mm256_set1_epi8(1)), r);
  hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), _mm256_set1_epi8('{')));
  hit = _mm256_or_si256(hit, _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('`')),
                                             _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8((char)0xE3)), v)));
  return (unsigned)_mm256_movemask_epi8(hit);
}

__attribute__((target("avx2"))) static size_t scan_opener_avx2(const uchar *z, size_t i, size_t limit) {
  return scan32_avx2(z, i, limit, opener_bits32);
}
#endif

/* The first byte in [i, limit) that may begin a mark opening a suppressing
   pair, or limit.  begin and end bound the paragraph (an apostrophe's
   neighbours are read there). */
static size_t next_opener(const uchar *z, size_t begin, size_t i, size_t limit, size_t end, int avx2) {
  for (;;) {
#ifdef HAVE_AVX2_STOPS
    if (avx2 && limit >= 32) {
      i = scan_opener_avx2(z, i, limit);
      if (i >= limit) return limit;
      goto hit;
    }
#endif
#ifdef __SSE2__
    while (i + 16 <= limit) {
      unsigned bits = opener_bits16(_mm_loadu_si128((const __m128i *)(z + i)));
      if (bits) { i += (size_t)__builtin_ctz(bits); goto hit; }
      i += 16;
    }
    if (i < limit && limit >= 16) {
      /* the last few bytes as the 16 that end at limit, those before i dropped */
      unsigned bits = opener_bits16(_mm_loadu_si128((const __m128i *)(z + limit - 16))) >> (16 - (limit - i));
      if (!bits) return limit;
      i += (size_t)__builtin_ctz(bits);
      goto hit;
    }
#endif
    while (i < limit && !(byte_class[z[i]] & OPENER_BYTE)) i++;
    if (i >= limit) return limit;
#ifdef __SSE2__
  hit:
#endif
    if (!(byte_class[z[i]] & OPENER_BYTE)) { i++; continue; }   /* a byte the mask takes too */
    /* an apostrophe between an ASCII letter or digit and an ASCII letter
       is no mark (classify_mark()); every other hit may be */
    if (z[i] != '\'' || i == begin || i + 1 >= end || !(byte_class[z[i - 1]] & (ALPHA_BYTE | DIGIT_BYTE)) ||
        !(byte_class[z[i + 1]] & ALPHA_BYTE))
      return i;
    i++;
  }
}

/* Is the sweep position q inside a suppressing pair?  Only an opener before
   q can make it so: while the paragraph up to q has none, the answer is no
   without pairing its marks (the bytes looked at are not looked at again). */
static int inside_suppressing(splitter *sp, size_t q) {
  if (!sp->marks_ready && !sp->opener_seen) {
    if (sp->opener_free_to < q) {
      size_t at = next_opener(sp->z, sp->begin, sp->opener_free_to, q, sp->end, sp->avx2);
      if (at < q) sp->opener_seen = 1;
      else sp->opener_free_to = q;
    }
    if (!sp->opener_seen) return 0;
  }
  ensure_marks(sp);
  scratch *s = sp->s;
  while (sp->event_i < s->nevents && s->events[sp->event_i].pos <= q) {
    sp->depth += s->events[sp->event_i].delta;
    sp->event_i++;
  }
  return sp->depth > 0;
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static int emit_trimmed(splitter *sp, size_t a, size_t b);

/* Yield the sentence [a, b), without the white space at its ends.  Most
   sentences have none and find room: that test is inlined, the rest not. */
static ALWAYS_INLINE int emit(splitter *sp, size_t a, size_t b) {
  const uchar *z = sp->z;
  art_span_buf *o = sp->out;
  /* ends on printable ASCII (! to DEL): nothing to trim; any other byte
     goes the long way, which trims only white space */
  if (a < b && (uchar)(z[a] - 0x21) < 0x5F && (uchar)(z[b - 1] - 0x21) < 0x5F && o->n < o->cap) {
    o->v[o->n++] = (art_span){a, b};
    return 0;
  }
  return emit_trimmed(sp, a, b);
}

static int emit_trimmed(splitter *sp, size_t a, size_t b) {
  /* Trim whitespace on both ends (usually there is none: two bytes tell). */
  size_t l;
  while (a < b && !(sp->z[a] < 0x80 && !is_space(sp->z[a]))) {
    int32_t c = next_cp(sp->z, b, a, &l);
    if (!is_space(c)) break;
    a += l;
  }
  while (b > a && !(sp->z[b - 1] < 0x80 && !is_space(sp->z[b - 1]))) {
    int32_t c = prev_cp(sp->z, a, b, &l);
    if (!is_space(c)) break;
    b -= l;
  }
  if (a >= b) return 0;
  art_span_buf *o = sp->out;
  if (grow((void **)&o->v, &o->cap, o->n + 1, sizeof(art_span))) return -1;
  o->v[o->n++] = (art_span){a, b};
  return 0;
}

static size_t skip_spaces_slow(const uchar *z, size_t end, size_t i) {
  size_t l;
  while (i < end) {
    int32_t c = next_cp(z, end, i, &l);
    if (!is_space(c)) break;
    i += l;
  }
  return i;
}

/* Past the white space at i: ASCII spaces here, anything else in the loop
   above. */
static ALWAYS_INLINE size_t skip_spaces(const uchar *z, size_t end, size_t i) {
  while (i < end && z[i] == ' ') i++;
  if (i >= end || (z[i] < 0x80 && !is_space(z[i]))) return i;
  return skip_spaces_slow(z, end, i);
}

/* Lower-case ASCII copy of z[a..b) into buf (cap bytes); 0 if it does not fit
   or holds bytes that no table key has. */
static size_t fold_word(const uchar *z, size_t a, size_t b, char *buf, size_t cap) {
  if (b - a >= cap || b <= a) return 0;
  size_t n = 0;
  for (size_t i = a; i < b; i++) {
    uchar c = z[i];
    if (c >= 'A' && c <= 'Z') c |= 0x20;
    buf[n++] = (char)c;
  }
  buf[n] = 0;
  return n;
}

/* A list marker at i: optional bullet, then 1-3 digits or one lower-case
   letter, then "." ")" or ".)", then a space.  Returns the byte after the
   marker's delimiter, or 0. */
static size_t list_marker_at(const uchar *z, size_t end, size_t i, int *value, int *is_letter,
                             char delim[3]);
/* Most sentences start with a capital or a quote mark: no marker there. */
static inline size_t list_marker(const uchar *z, size_t end, size_t i, int *value, int *is_letter,
                                 char delim[3]) {
  if (i < end && z[i] < 0x80 && !(z[i] >= '0' && z[i] <= '9') && !(z[i] >= 'a' && z[i] <= 'z')) return 0;
  return list_marker_at(z, end, i, value, is_letter, delim);
}

static size_t list_marker_at(const uchar *z, size_t end, size_t i, int *value, int *is_letter,
                             char delim[3]) {
  size_t j = i, l;
  int32_t c = next_cp(z, end, j, &l);
  if (is_bullet(c)) { j += l; j = skip_spaces(z, end, j); }
  size_t k = j;
  int v = 0;
  while (k < end && k - j < 3 && z[k] >= '0' && z[k] <= '9') v = v * 10 + (z[k++] - '0');
  if (k > j) *is_letter = 0;
  else if (k < end && z[k] >= 'a' && z[k] <= 'z') { v = z[k++]; *is_letter = 1; }
  else return 0;
  size_t d = k;
  if (k < end && z[k] == '.') k++;
  if (k < end && z[k] == ')') k++;
  if (k == d || k >= end || !is_space(z[k])) return 0;
  memcpy(delim, z + d, k - d);
  delim[k - d] = 0;
  *value = v;
  return k;
}

/* Does the expected next list marker start at i? */
static size_t expected_marker(splitter *sp, size_t i) {
  int v, letter;
  char delim[3];
  size_t k = list_marker(sp->z, sp->end, i, &v, &letter, delim);
  if (!k || v != sp->list_next || letter != sp->list_is_letter || strcmp(delim, sp->list_delim))
    return 0;
  return k;
}

/* Start a sentence at i: note a list marker there.  Returns where scanning
   for terminators may begin (after the marker's own period). */
static size_t start_list_item(splitter *sp, size_t i);
static ALWAYS_INLINE size_t start_sentence(splitter *sp, size_t i) {
  sp->sent_start = i;
  const uchar *z = sp->z;
  /* Most sentences start with a capital or a quote mark: no marker there. */
  if (i < sp->end && z[i] < 0x80 && !(z[i] >= '0' && z[i] <= '9') && !(z[i] >= 'a' && z[i] <= 'z')) return i;
  return start_list_item(sp, i);
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static size_t start_list_item(splitter *sp, size_t i) {
  int v, letter;
  char delim[3];
  size_t k = list_marker(sp->z, sp->end, i, &v, &letter, delim);
  if (!k) return i;
  sp->list_active = 1;
  sp->list_next = v + 1;
  sp->list_is_letter = letter;
  memcpy(sp->list_delim, delim, sizeof delim);
  return k;
}

/* The first word of the sentence, or of its last clause after ':' or ';'
   before `limit`, is a preposition ("At 5 a.m.", "He noted: In 44 B.C."). */
static int word_is_prep(const uchar *z, size_t a, size_t limit) {
  size_t b = a;
  while (b < limit && ((z[b] | 0x20) >= 'a' && (z[b] | 0x20) <= 'z')) b++;
  char buf[16];
  size_t n = fold_word(z, a, b, buf, sizeof buf);
  if (!n) return 0;
  const art_table_entry *e = art_table_find(&art_table_sentence_starters, buf, n);
  return e && strcmp(e->value, "prep") == 0;
}

static int fronted_time_phrase(splitter *sp, size_t limit) {
  const uchar *z = sp->z;
  size_t a = sp->sent_start;
  /* skip opening punctuation */
  while (a < limit && (z[a] == '"' || z[a] == '\'' || z[a] == '(')) a++;
  if (word_is_prep(z, a, limit)) return 1;
  size_t floor = limit - sp->sent_start > MAX_CLAUSE_SCAN ? limit - MAX_CLAUSE_SCAN : sp->sent_start;
  for (size_t i = limit; i > floor; i--) {
    if (z[i - 1] == ':' || z[i - 1] == ';') {
      size_t j = skip_spaces(z, limit, i);
      return word_is_prep(z, j, limit);
    }
  }
  return 0;
}

/* The token that ends just before byte `at`: [*a, at). */
static size_t token_start(const uchar *z, size_t begin, size_t at) {
  size_t i = at, l;
  if (at - begin > MAX_TOKEN_SCAN) begin = at - MAX_TOKEN_SCAN;
  while (i > begin) {
    int32_t c = prev_cp(z, begin, i, &l);
    if (is_space(c)) break;
    i -= l;
  }
  return i;
}

/* Where the word that ends at wb begins: back to a space or the sentence
   start, and past opening punctuation or a slash ("171/U.S", "(see", "“the"). */
static size_t word_start(splitter *sp, size_t wb) {
  const uchar *z = sp->z;
  size_t i = wb, l, floor = sp->sent_start > sp->begin ? sp->sent_start : sp->begin;
  if (wb - floor > MAX_TOKEN_SCAN) floor = wb - MAX_TOKEN_SCAN;
  while (i > floor) {
    /* ASCII letters and digits never stop the walk: skip them without decoding */
    i = ascii_alnum_start(z, floor, i);
    if (i <= floor) break;
    int32_t c = prev_cp(z, floor, i, &l);
    if (is_space(c) || c == '/' || c == '(' || c == '[' || c == '{' || c == '"' || c == '`' ||
        c == 0x201C || c == 0x2018 || c == 0x2014 || c == 0x2013 || c == 0xAB)
      break;
    if (c == '\'' && (i - l == floor || !is_alnum(prev_cp(z, floor, i - l, &l)))) break;
    i -= l;
  }
  return i;
}

/* The token before z[a] is a number ("5", "1,200", "six") or a unit after one. */
static int number_before(splitter *sp, size_t a, int allow_unit) {
  const uchar *z = sp->z;
  size_t e = a, l;
  while (e > sp->begin) {
    int32_t c = prev_cp(z, sp->begin, e, &l);
    if (!is_space(c)) break;
    e -= l;
  }
  if (e == a || e == sp->begin) return 0;
  size_t s = token_start(z, sp->begin, e);
  if (is_digit(z[e - 1])) return 1;
  char buf[24];
  size_t n = fold_word(z, s, z[e - 1] == '.' ? e - 1 : e, buf, sizeof buf);
  if (!n) return 0;
  if (art_table_find(&art_table_count_words, buf, n)) return 1;
  if (allow_unit && z[e - 1] == '.') {
    const art_table_entry *u = art_table_find(&art_table_abbreviations, buf, n);
    if (u && strcmp(u->value, "unit") == 0) return number_before(sp, s, 0);
  }
  return 0;
}

enum next_kind { N_END, N_LOWER, N_UPPER, N_DIGIT, N_PUNCT, N_BULLET };

typedef struct next_info {
  enum next_kind kind;
  size_t word, word_end;   /* the next word's letters (empty: no word) */
  int32_t first;           /* its first letter */
  size_t stop_len;         /* the length of the character that ends it (1 at the end) */
  int after_opener;        /* an opening quote or bracket came first */
} next_info;

/* Rare paths, kept out of the splitter's loop so that the code a paragraph
   runs stays in few cache lines (the loop's code is loaded again for every
   document: the later stages evict it). */
#if defined(__GNUC__) || defined(__clang__)
#define RARE __attribute__((cold, noinline))
#else
#define RARE
#endif

/* look_next() when the next byte is no ASCII letter: step over opening
   quotes and brackets, then classify.  Returns where the word starts, or
   (size_t)-1 when n->kind is final; *first is its first character. */
static RARE size_t look_next_other(splitter *sp, size_t i, next_info *n, int32_t *first) {
  const uchar *z = sp->z;
  size_t l;
  int32_t c;
  for (int guard = 0; guard < 4; guard++) {
    c = next_cp(z, sp->end, i, &l);
    if (c < 0) { n->kind = N_END; return (size_t)-1; }
    mark *m = mark_at(sp, i);
    if (m && (m->role == R_OPEN || m->role == R_OPEN_UNMATCHED)) {
      i += m->len;
      n->after_opener = 1;
      i = skip_spaces(z, sp->end, i);
      continue;
    }
    break;
  }
  c = next_cp(z, sp->end, i, &l);
  if (c < 0) { n->kind = N_END; return (size_t)-1; }
  if (is_bullet(c)) { n->kind = N_BULLET; return (size_t)-1; }
  if (c == '$' || c == 0xA3 || c == 0x20AC || c == 0xA5 || c == '#') { n->kind = N_DIGIT; return (size_t)-1; }
  if (is_digit(c)) { n->kind = N_DIGIT; return (size_t)-1; }
  if (!is_letter(c)) { n->kind = is_continuing_punct(c) ? N_PUNCT : N_UPPER; return (size_t)-1; }
  n->kind = is_upper(c) ? N_UPPER : (is_lower(c) ? N_LOWER : N_UPPER);
  *first = c;
  return i;
}

static void look_next(splitter *sp, size_t i, next_info *n) {
  const uchar *z = sp->z;
  size_t l;
  memset(n, 0, sizeof *n);
  int32_t c;
  if (i < sp->end && (byte_class[z[i]] & ALPHA_BYTE)) {
    /* the usual: an ASCII letter, with no mark to skip and nothing else to ask */
    c = z[i];
    n->kind = c <= 'Z' ? N_UPPER : N_LOWER;
  } else {
    i = look_next_other(sp, i, n, &c);
    if (i == (size_t)-1) return;
  }
  size_t j = i;
  for (;;) {
    j = ascii_letters_end(z, j, sp->end);   /* ASCII letters, no decoding */
    l = 1;   /* as next_cp() of the ASCII byte that stops the word (or of its last letter) leaves it */
    if (j >= sp->end || z[j] < 0x80) break;
    int32_t d = next_cp(z, sp->end, j, &l);
    if (!is_letter(d)) break;
    j += l;
  }
  n->word = i;
  n->word_end = j;
  n->first = c;
  n->stop_len = l;
}

/* What the next word is, asked only by the decisions that need it (most
   periods are decided without). */
/* "R." — a single letter and a period */
static int next_is_initial(splitter *sp, const next_info *n) {
  size_t i = n->word, j = n->word_end;
  return j > i && (j - i == n->stop_len || j - i == 1) && j < sp->end && sp->z[j] == '.' && is_upper(n->first);
}

/* "I" */
static int next_is_pronoun_i(splitter *sp, const next_info *n) {
  return n->word_end - n->word == 1 && sp->z[n->word] == 'I' && !next_is_initial(sp, n);
}

/* II, IV…: only a short word of Roman digits (a non-ASCII letter is none) */
static int next_is_roman(splitter *sp, const next_info *n) {
  const uchar *z = sp->z;
  size_t i = n->word, j = n->word_end;
  if (j <= i || j - i > 4) return 0;
  for (size_t k = i; k < j; k++)
    if (!(z[k] == 'I' || z[k] == 'V' || z[k] == 'X' || z[k] == 'L' || z[k] == 'C')) return 0;
  return j >= sp->end || !is_letter(z[j]);
}

/* The next word is one that starts sentences ("The", "He", "However"). */
static int next_is_starter(splitter *sp, const next_info *n) {
  char buf[24];
  size_t len = fold_word(sp->z, n->word, n->word_end, buf, sizeof buf);
  return len && art_table_find(&art_table_sentence_starters, buf, len) != NULL;
}

/* The next word is a time zone ("EDT", "GMT"): ext/data/value_context.tsv
   gives those the role "zone". */
static int next_is_time_zone(splitter *sp, const next_info *n) {
  char buf[8];
  size_t len = fold_word(sp->z, n->word, n->word_end, buf, sizeof buf);
  const art_table_entry *e = len ? art_table_find(&art_table_value_context, buf, len) : NULL;
  return e && strstr(e->value, "zone") != NULL;
}

/* The next word names a weekday or a month ("Tuesday", "Sept."):
   ext/data/value_words.tsv gives those the roles "weekday" and "month…". */
static int next_is_day_or_month(splitter *sp, const next_info *n) {
  char buf[12];
  size_t len = fold_word(sp->z, n->word, n->word_end, buf, sizeof buf);
  const art_table_entry *e = len ? art_table_find(&art_table_value_words, buf, len) : NULL;
  return e && (strcmp(e->value, "weekday") == 0 || strncmp(e->value, "month", 5) == 0);
}

/* The word before the initial at wa is a given name: "Daniel P. Harrow". */
static int first_name_before(splitter *sp, size_t wa) {
  const uchar *z = sp->z;
  size_t e = wa;
  while (e > sp->begin && z[e - 1] == ' ') e--;
  size_t a = e;
  while (a > sp->begin && ((z[a - 1] | 0x20) >= 'a' && (z[a - 1] | 0x20) <= 'z')) a--;
  if (e - a < 2 || !is_upper(z[a])) return 0;
  char buf[24];
  size_t len = fold_word(z, a, e, buf, sizeof buf);
  return len && art_table_find(&art_table_gaz_first_names, buf, len) != NULL;
}

/* The next word is a common lower-case word written with a capital. */
static int next_is_common(splitter *sp, const next_info *n) {
  if (next_is_starter(sp, n)) return 1;
  char buf[32];
  size_t len = fold_word(sp->z, n->word, n->word_end, buf, sizeof buf);
  return len && art_table_find(&art_table_common_words, buf, len) != NULL;
}

/* A token with an @, :// or www. is an address, not prose.  The answer for
   the last token looked at is kept: a long run of glued periods asks about
   the same token again and again. */
static int in_address(splitter *sp, size_t at) {
  const uchar *z = sp->z;
  if (at >= sp->addr_a && at < sp->addr_b) return sp->addr_is;
  size_t a = token_start(z, sp->begin, at), b = at;
  while (b < sp->end && b - at < MAX_TOKEN_SCAN && !is_space(z[b])) b++;
  int found = 0;
  for (size_t i = a; i < b && !found; i++) {
    if (z[i] == '@') found = 1;
    else if (z[i] == ':' && i + 2 < b && z[i + 1] == '/' && z[i + 2] == '/') found = 1;
    else if ((z[i] | 0x20) == 'w' && i + 3 < b && (z[i + 1] | 0x20) == 'w' &&
             (z[i + 2] | 0x20) == 'w' && z[i + 3] == '.')
      found = 1;
  }
  sp->addr_a = a;
  sp->addr_b = b;
  sp->addr_is = found;
  return found;
}

/* "world.Today": a period with no space, between a lower-case letter or digit
   and a capitalised word of letters. */
static int glued_boundary(splitter *sp, size_t dot, size_t after) {
  const uchar *z = sp->z;
  size_t l;
  int32_t before = prev_cp(z, sp->begin, dot, &l);
  if (!(is_lower(before) || is_digit(before))) return 0;
  int32_t c = next_cp(z, sp->end, after, &l);
  if (!is_upper(c)) return 0;
  size_t j = after + l;
  int lowers = 0;
  while (j < sp->end) {
    int32_t d = next_cp(z, sp->end, j, &l);
    if (is_lower(d)) { lowers++; j += l; continue; }
    if (is_letter(d) || is_digit(d)) return 0;
    break;
  }
  if (!lowers) return 0;
  /* "Jane.Doe@x.com", "example.com/Page" */
  return !in_address(sp, dot);
}

/*
** Which lengths and first bytes the keys of abbreviations.tsv have: bit
** c - 'a' of abbreviation_first[len] when a key of len bytes starts with c,
** bit 31 when one starts with another byte.  Most words before a period
** ("said", "year") match no key by these two facts: they are neither
** folded nor looked up.  Built once.
*/
#define ABBREVIATION_MAX 15
static uint32_t abbreviation_first[ABBREVIATION_MAX + 1];
static pthread_once_t abbreviation_once = PTHREAD_ONCE_INIT;

static unsigned first_byte_bit(unsigned char c) { return c >= 'a' && c <= 'z' ? c - 'a' : 31; }

static int abbreviation_filter_off;   /* a key longer than ABBREVIATION_MAX: ask the table */
static atomic_int abbreviation_ready;  /* set once built: later calls skip pthread_once() */

static void abbreviation_filter_build(void) {
  const art_table *t = &art_table_abbreviations;
  for (uint32_t i = 0; i < t->count; i++) {
    const art_table_entry *e = &t->entries[i];
    if (e->key_len > ABBREVIATION_MAX || e->key_len == 0) abbreviation_filter_off = 1;
    else abbreviation_first[e->key_len] |= 1u << first_byte_bit((unsigned char)e->key[0]);
  }
  atomic_store_explicit(&abbreviation_ready, 1, memory_order_release);
}

/* May the word z[a..b) (b > a), folded as fold_word() folds it, be a key of
   abbreviations.tsv? */
static int may_be_abbreviation(const uchar *z, size_t a, size_t b) {
  if (!atomic_load_explicit(&abbreviation_ready, memory_order_acquire))
    pthread_once(&abbreviation_once, abbreviation_filter_build);
  if (abbreviation_filter_off) return 1;
  if (b - a > ABBREVIATION_MAX) return 0;
  uchar c = z[a];
  if (c >= 'A' && c <= 'Z') c |= 0x20;
  return (abbreviation_first[b - a] >> first_byte_bit(c)) & 1;
}

/* "a. m.": the letter at wa and the one before ". " make a time
   abbreviation. */
static RARE int spaced_time_abbreviation(splitter *sp, size_t wa) {
  const uchar *z = sp->z;
  if (!is_letter(z[wa - 3]) || (wa - 3 != sp->begin && is_letter(z[wa - 4]))) return 0;
  char pair[4] = {(char)(z[wa - 3] | 0x20), '.', (char)(z[wa] | 0x20), 0};
  const art_table_entry *t = art_table_find(&art_table_abbreviations, pair, 3);
  return t && strcmp(t->value, "time") == 0;
}

/* Lower case continues the sentence, except after an ordinary word:
   "There are several in. of rain" is a cut-off sentence.  buf holds the
   word folded (len bytes, 0 when it did not fit). */
static RARE int lower_after_word_ends(const uchar *z, size_t wa, size_t wb, const char *buf, size_t len) {
  for (size_t i = wa; i < wb; i++)
    if (!(z[i] >= 'a' && z[i] <= 'z')) return 0;
  return wb - wa >= 2 && art_table_find(&art_table_common_words, buf, len) != NULL;
}

/* A time abbreviation ("p.m.") before the period at the end of [wa, …). */
static RARE int time_abbreviation_ends(splitter *sp, size_t wa, const next_info *n, int lead_digits) {
  int has_number = lead_digits || number_before(sp, wa, 0);
  if (n->kind == N_DIGIT) return has_number;
  if (!has_number) return 0;              /* "A.D. 79" */
  if (next_is_time_zone(sp, n)) return 0;   /* "3 p.m. EDT" */
  if (next_is_day_or_month(sp, n)) return 0; /* "4:15 a.m. Tuesday" */
  if (next_is_starter(sp, n)) return 1;
  return !fronted_time_phrase(sp, wa);
}

/* A single capital before the period: an initial, or the pronoun I. */
static RARE int initial_ends(splitter *sp, size_t wa, const next_info *n) {
  if (n->kind != N_UPPER || next_is_initial(sp, n)) return 0;
  if (next_is_starter(sp, n)) return 1;
  if (first_name_before(sp, wa)) return 0;   /* a given name, an initial: a surname follows */
  return next_is_common(sp, n);
}

/* Acronyms with inner periods: U.S., N.E.  [wa, wb) holds a period. */
static RARE int acronym_ends(splitter *sp, size_t wa, size_t wb, const next_info *n) {
  const uchar *z = sp->z;
  int dots = 0, letters = 0, shape_ok = 1;
  for (size_t i = wa; i < wb; i++) dots += z[i] == '.';
  for (size_t i = wa; i < wb && dots > 0; i++) {
    if (z[i] == '.') continue;
    else if (is_letter(z[i])) letters++;
    else shape_ok = 0;
  }
  if (shape_ok && dots > 0 && letters <= dots * 3 + 3) {
    if (n->kind == N_DIGIT) return 0;
    return n->after_opener || next_is_starter(sp, n);
  }
  return 1;
}

/* Decide whether a single period at `dot` ends the sentence, given what
   follows.  `word` is the token before the period (opening punctuation
   stripped), [wa, wb). */
static int period_ends(splitter *sp, size_t wa, size_t wb, const next_info *n, int bare) {
  const uchar *z = sp->z;
  if (n->kind == N_BULLET) return 1;
  if (n->kind == N_PUNCT) return 0;
  if (wa >= wb) return 1;                 /* a stray period: "(." */
  /* Digits glued to a time: "7a.m" */
  size_t la = wa;
  int lead_digits = 0;
  while (la < wb && z[la] >= '0' && z[la] <= '9') { la++; lead_digits = 1; }
  /* A single capital is an initial, not the page "p." or the "v." of versus */
  int may_abbr = wb > la && !(wb - la == 1 && is_upper(z[la])) && may_be_abbreviation(z, la, wb);
  char buf[32];
  size_t len = may_abbr || n->kind == N_LOWER ? fold_word(z, la, wb, buf, sizeof buf) : 0;
  const art_table_entry *abbr = len && may_abbr ? art_table_find(&art_table_abbreviations, buf, len) : NULL;
  const char *cls = abbr ? abbr->value : NULL;
  /* "a. m." written with a space */
  if (!abbr && wb - wa == 1 && wa >= sp->begin + 3 && z[wa - 1] == ' ' && z[wa - 2] == '.' &&
      spaced_time_abbreviation(sp, wa)) {
    cls = "time";
    lead_digits = 1;
  }
  if (cls && strcmp(cls, "unit") == 0 && !number_before(sp, wa, 1)) {
    /* Not after a number it is a word, or capitalised a title: "Ft. Worth" */
    cls = is_upper(z[wa]) && !is_upper(z[wb - 1]) ? "title" : NULL;
  }

  if (n->kind == N_LOWER) return !cls && bare && lower_after_word_ends(z, wa, wb, buf, len);
  if (cls) {
    switch (cls[0]) {
      case 't':
        if (cls[1] == 'i') return time_abbreviation_ends(sp, wa, n, lead_digits);
        return 0;                                 /* title */
      case 'i': return 0;                         /* inner */
      case 'n':                                   /* number */
      case 'm':                                   /* month */
        if (n->kind == N_DIGIT || next_is_roman(sp, n)) return 0;
        return 1;
      case 'u': return n->kind != N_DIGIT;        /* unit after a number */
      case 'e': return 1;                         /* end: degrees */
      case 'g':                                   /* general */
        return n->kind == N_UPPER && (n->after_opener || next_is_starter(sp, n));
      default: return 1;
    }
  }
  /* Single capital letter: an initial, or the pronoun I. */
  size_t l;
  int32_t c0 = next_cp(z, wb, wa, &l);
  /* A letter and period before another ("z. B.", "U. A. E.") is one
     spaced abbreviation. */
  if (wa + l == wb && is_letter(c0) && next_is_initial(sp, n)) return 0;
  if (wa + l == wb && is_upper(c0)) return initial_ends(sp, wa, n);
  /* most words before a period hold no other: then this is no acronym */
  if (memchr(z + wa, '.', wb - wa)) return acronym_ends(sp, wa, wb, n);
  return 1;
}

/* Parse the terminator run at i.  Returns its end after attached closers;
   *kind: 0 period, 1 ?/!, 2 ellipsis, 3 ideographic. *split_early is set to
   the byte after the first period in "word. . . . Next". */
static size_t terminator_run(splitter *sp, size_t i, int *kind, size_t *split_early) {
  const uchar *z = sp->z;
  /* Most runs are one period before a letter or digit ("U.S", "3.5"), or
     before a space and a byte that begins no mark and no terminator ("said.
     The"): the loop below would stop after the period. */
  if (z[i] == '.' && i + 2 < sp->end &&
      ((byte_class[z[i + 1]] & (ALPHA_BYTE | DIGIT_BYTE)) ||
       (z[i + 1] == ' ' && !(byte_class[z[i + 2]] & (MARK_BYTE | STOP_BYTE))))) {
    *kind = 0;
    *split_early = 0;
    return i + 1;
  }
  size_t l, q = i;
  int dots = 0, qe = 0, ellipsis = 0, ideo = 0;
  *split_early = 0;
  int attached = 0;
  {
    int32_t b = prev_cp(z, sp->begin, i, &l);
    attached = is_alnum(b);
  }
  for (;;) {
    int32_t c = next_cp(z, sp->end, q, &l);
    if (c == '.') { dots++; q += l; continue; }
    if (c == '?' || c == '!' || c == 0x203C || c == 0x2047 || c == 0x2048 || c == 0x2049) {
      qe++; q += l; continue;
    }
    if (c == 0x2026) { ellipsis++; q += l; continue; }
    if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) { ideo++; q += l; continue; }
    /* Spaced continuation: ". . ." or "! ! !" */
    if (c == ' ' && q + 1 < sp->end) {
      int32_t d = next_cp(z, sp->end, q + 1, &l);
      size_t after = q + 1 + l;
      int32_t e = next_cp(z, sp->end, after, &l);
      if ((d == '.' || d == '?' || d == '!') && (e < 0 || is_space(e) || e == '.' || e == '?' ||
                                                 e == '!' || e == '"' || e == '\'' ||
                                                 e == 0x201D || e == 0x2019)) {
        if (d == '.' && dots == 1 && !qe && !ellipsis && attached && q == i + 1)
          *split_early = i + 1;
        if (d == '.') dots++; else qe++;
        q = after;
        continue;
      }
    }
    /* Closing marks, possibly after one space (tokenised text). */
    size_t at = q;
    int spaced = 0;
    if (c == ' ') { at = q + 1; spaced = 1; }
    mark *m = mark_at(sp, at);
    if (m) {
      int closes = m->role == R_CLOSE || m->role == R_CLOSE_UNMATCHED ||
                   (m->role == R_OPEN_UNMATCHED && (int)(m - sp->s->marks) == sp->first_quote &&
                    !is_bracket_family(m->family));
      if (closes && !(spaced && is_bracket_family(m->family) && m->family != F_SQUARE)) {
        q = at + m->len;
        continue;
      }
      /* Footnotes: [1], [2–11], also after a space */
      if (m->family == F_SQUARE && m->role == R_OPEN && m->partner >= 0) {
        mark *cl = &sp->s->marks[m->partner];
        int footnote = cl->pos - at <= 12;
        for (size_t k = at + 1; k < cl->pos && footnote; k++)
          if (!(is_digit(z[k]) || z[k] == ',' || z[k] == '-' || z[k] == ' ' || z[k] >= 0x80))
            footnote = 0;
        if (footnote && cl->pos > at + 1) {
          q = cl->pos + cl->len;
          continue;
        }
      }
    }
    break;
  }
  if (ideo) *kind = 3;
  else if (ellipsis || dots >= 2) *kind = 2;
  else if (qe) *kind = 1;
  else *kind = 0;
  if (*kind != 2) *split_early = 0;
  return q;
}

static int split(splitter *sp) {
  const uchar *z = sp->z;
  size_t i = skip_spaces(z, sp->end, sp->begin);
  i = start_sentence(sp, i);
  size_t l;
  while (i < sp->end) {
    /* Fast path: bytes that can start nothing of interest. */
    if (!sp->list_active) {
      i = scan_stop(z, i, sp->end, sp->avx2);
      if (i >= sp->end) break;
    } else if (!(byte_class[z[i]] & STOP_BYTE) && !is_space(z[i])) {
      i++;
      continue;
    }
    if (z[i] == '.') {
      l = 1;   /* most stops: a period is a terminator, and neither a space nor a bullet */
    } else {
      int32_t c = next_cp(z, sp->end, i, &l);
      if (sp->list_active && is_space(c)) {
        size_t j = skip_spaces(z, sp->end, i);
        if (j > sp->sent_start && expected_marker(sp, j)) {
          if (emit(sp, sp->sent_start, i)) return -1;
          i = start_sentence(sp, j);
          continue;
        }
        i = j > i ? j : i + l;
        continue;
      }
      if (is_bullet(c)) {
        size_t pl;
        int32_t p = prev_cp(z, sp->begin, i, &pl);
        if (is_space(p) && i > sp->sent_start) {
          if (emit(sp, sp->sent_start, i)) return -1;
          i = start_sentence(sp, i);
          if (i == sp->sent_start) i += l;
          continue;
        }
        i += l;
        continue;
      }
      if (!is_terminator(c)) { i += l; continue; }
    }

    /* "[...]" and "[…]" mark an omission, not an end. */
    if (i > sp->begin && z[i - 1] == '[') {
      size_t j = i;
      while (j < sp->end && (z[j] == '.' || z[j] == 0xE2 || z[j] == 0x80 || z[j] == 0xA6)) j++;
      if (j < sp->end && z[j] == ']') { i = j + 1; continue; }
    }
    int kind;
    size_t early;
    size_t q = terminator_run(sp, i, &kind, &early);
    size_t nxt = skip_spaces(z, sp->end, q);
    if (nxt >= sp->end) break;                    /* the paragraph's end */
    int ends;
    if (nxt == q) {
      /* No space after the run. */
      ends = kind == 0 && q == i + 1 && glued_boundary(sp, i, q);
      if (!ends && (kind == 1) && q - i == 1) {
        int32_t d = next_cp(z, sp->end, q, &l);
        ends = is_upper(d) && !in_address(sp, i) && glued_boundary(sp, i, q);
      }
    } else if (inside_suppressing(sp, q)) {
      ends = 0;
    } else {
      next_info n;
      look_next(sp, nxt, &n);
      if (kind == 3) ends = 1;
      else if (kind == 1) ends = n.kind != N_LOWER && n.kind != N_PUNCT;
      else if (kind == 2) ends = (n.kind == N_UPPER && !next_is_pronoun_i(sp, &n)) || n.kind == N_BULLET;
      else {
        /* The word before the period; a space may separate them ("Mr ."). */
        size_t wb = i;
        if (wb > sp->begin && z[wb - 1] == ' ') {
          wb--;
          /* skip closing quote marks in tokenised text: "itself '' ." */
          while (wb > sp->begin && (z[wb - 1] == '\'' || z[wb - 1] == '"')) wb--;
          while (wb > sp->begin && z[wb - 1] == ' ') wb--;
        }
        size_t wa = word_start(sp, wb);
        while (wb > wa && (z[wb - 1] == ')' || z[wb - 1] == '"' || z[wb - 1] == '\'')) wb--;
        ends = period_ends(sp, wa, wb, &n, q == i + 1);
        /* "(." — a period right after an opening bracket */
        if (!ends && i > sp->begin && (z[i - 1] == '(' || z[i - 1] == '[')) ends = 1;
      }
      if (ends && early) {
        if (emit(sp, sp->sent_start, early)) return -1;
        start_sentence(sp, skip_spaces(z, sp->end, early));   /* ". . . The" opens the next */
        i = q;
        continue;
      }
    }
    if (ends) {
      if (emit(sp, sp->sent_start, q)) return -1;
      i = start_sentence(sp, nxt);
      continue;
    }
    i = q > i ? q : i + l;
  }
  return emit(sp, sp->sent_start, sp->end);
}

int art_split_paragraph(art_context *ctx, const char *doc, size_t start, size_t end,
                        art_span_buf *out) {
  (void)ctx;
  out->n = 0;
  if (!out->scratch) {
    out->scratch = calloc(1, sizeof(scratch));
    if (!out->scratch) return -1;
  }
  /* Every field set by name: a memset() of the whole struct became a
     "rep stos", whose start-up cost a paragraph paid. */
  splitter sp = {
    .z = (const uchar *)doc, .begin = start, .end = end, .s = out->scratch,
    .mark_i = 0, .event_i = 0, .depth = 0, .first_quote = -1, .sent_start = 0,
    .list_active = 0, .list_next = 0, .list_is_letter = 0, .list_delim = {0, 0, 0},
    .out = out, .addr_a = 0, .addr_b = 0, .addr_is = 0, .marks_ready = 0,
    .opener_free_to = start, .opener_seen = 0, .oom = 0, .avx2 = 0,
  };
#ifdef HAVE_AVX2_STOPS
  sp.avx2 = end >= 32 && art_cpu_has_avx2();
#endif
  sp.s->nmarks = 0;
  sp.s->nevents = 0;
  int rc = split(&sp);
  return sp.oom ? -1 : rc;
}
