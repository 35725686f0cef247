/*
** article_text.h — UTF-8 reading and SQLite-compatible character positions.
**
** Every stage of the pipeline works on byte offsets into the original
** document; only the SQLite layer turns them into the 1-based character
** positions users see.  Those positions must agree with SQLite's own
** substr()/length(), which count characters like this (sqlite3 func.c,
** SQLITE_SKIP_UTF8): a byte >= 0xC0 starts a character that swallows every
** following continuation byte (0x80..0xBF), however many; any other byte is
** one character.  That rule also holds on invalid UTF-8, so positions stay
** exact on scraped text.
**
** Nothing here allocates.
*/
#ifndef ARTICLE_TEXT_H
#define ARTICLE_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Replacement for any byte sequence that is not valid UTF-8. */
#define ART_REPLACEMENT_CHAR 0xFFFD

/*
** Decode one code point at z[0..n).  Sets *len to the bytes consumed (>= 1
** when n > 0).  Invalid or truncated sequences yield ART_REPLACEMENT_CHAR
** and consume one byte.  n == 0 yields 0 with *len = 0.
*/
int32_t art_utf8_decode(const unsigned char *z, size_t n, size_t *len);

/* Decode the code point that ends just before z[at]; *len as above. */
int32_t art_utf8_decode_before(const unsigned char *z, size_t at, size_t *len);

/* Number of characters in z[0..n) as SQLite's length() counts them. */
size_t art_sqlite_char_count(const unsigned char *z, size_t n);

/*
** A forward-only byte->character position converter.  Offsets passed to
** art_charpos_at() must not decrease; the total cost over a document is
** linear in its size.
*/
typedef struct art_charpos {
  const unsigned char *z;
  size_t n;
  size_t byte;        /* next byte to look at */
  size_t chars;       /* characters that start before `byte` */
  size_t char_start;  /* byte where the character holding byte-1 starts */
} art_charpos;

void art_charpos_init(art_charpos *cp, const unsigned char *z, size_t n);

/*
** Turn the byte span [start, end) into SQLite characters: *char0 is the
** 0-based index of the character holding byte `start`, *nchars the number of
** characters from there through the character holding byte end-1.  *bstart
** and *bend (either may be NULL) receive the byte span widened to those
** character boundaries; on valid UTF-8 they equal start and end.  Spans must
** be passed in non-decreasing order of `start`.
*/
void art_charpos_span(art_charpos *cp, size_t start, size_t end,
                      size_t *char0, size_t *nchars, size_t *bstart, size_t *bend);

/*
** dst[0..n) = src[0..n) with ASCII A-Z lowered and every other byte as it
** is (the tables in ext/data are keyed that way).  Eight bytes a step: table
** keys are looked up lower-cased many times a sentence.
*/
static inline void art_ascii_lower(char *dst, const char *src, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x, low7, upper;
    memcpy(&x, src + i, 8);
    low7 = x & 0x7F7F7F7F7F7F7F7Full;
    /* a byte's top bit: (low7 + 0x3F) says >= 'A', (low7 + 0x25) says > 'Z' */
    upper = ((low7 + 0x3F3F3F3F3F3F3F3Full) ^ (low7 + 0x2525252525252525ull)) & ~x & 0x8080808080808080ull;
    x |= upper >> 2;
    memcpy(dst + i, &x, 8);
  }
  for (; i < n; i++) {
    unsigned char c = (unsigned char)src[i];
    dst[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
}

/*
** 1 when the processor runs AVX2 (asked once, then remembered), else 0;
** always 0 where the AVX2 paths are not built (GCC on x86-64 only).  The
** segmenter's stop scan and the entity stage's lowering choose with it.
*/
int art_cpu_has_avx2(void);

#endif
