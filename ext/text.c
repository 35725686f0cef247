/*
** text.c — UTF-8 decoding and SQLite-compatible character positions.
** See include/article_text.h for the counting rule and why it matters.
*/
#include <string.h>
#include "article_text.h"

#define IS_CONT(b) (((b) & 0xC0) == 0x80)

int32_t art_utf8_decode(const unsigned char *z, size_t n, size_t *len) {
  if (n == 0) { *len = 0; return 0; }
  unsigned c = z[0];
  if (c < 0x80) { *len = 1; return (int32_t)c; }
  size_t need;
  int32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
  else { *len = 1; return ART_REPLACEMENT_CHAR; }
  if (n < need + 1) { *len = 1; return ART_REPLACEMENT_CHAR; }
  for (size_t i = 1; i <= need; i++) {
    if (!IS_CONT(z[i])) { *len = 1; return ART_REPLACEMENT_CHAR; }
    cp = (cp << 6) | (z[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *len = 1;
    return ART_REPLACEMENT_CHAR;
  }
  *len = need + 1;
  return cp;
}

int32_t art_utf8_decode_before(const unsigned char *z, size_t at, size_t *len) {
  if (at == 0) { *len = 0; return 0; }
  /* A valid sequence is at most 4 bytes: try the longest start first. */
  size_t lo = at > 4 ? at - 4 : 0;
  for (size_t s = lo; s < at; s++) {
    if (IS_CONT(z[s])) continue;
    size_t l;
    int32_t cp = art_utf8_decode(z + s, at - s, &l);
    if (s + l == at && cp != ART_REPLACEMENT_CHAR) { *len = l; return cp; }
  }
  *len = 1;
  return z[at - 1] < 0x80 ? (int32_t)z[at - 1] : ART_REPLACEMENT_CHAR;
}

size_t art_sqlite_char_count(const unsigned char *z, size_t n) {
  size_t count = 0, i = 0;
  while (i < n) {
    count++;
    if (z[i++] >= 0xC0) {
      while (i < n && IS_CONT(z[i])) i++;
    }
  }
  return count;
}

void art_charpos_init(art_charpos *cp, const unsigned char *z, size_t n) {
  cp->z = z;
  cp->n = n;
  cp->byte = 0;
  cp->chars = 0;
  cp->char_start = 0;
}

/* Are the bytes of z[from..to) all ASCII (a character a byte)?  to >= 8: the
   last word read may start before `from` (a byte there that is not ASCII
   only says no). */
static inline int ascii_span(const unsigned char *z, size_t from, size_t to) {
  uint64_t acc = 0, v;
  size_t p = from;
  for (; p + 8 <= to; p += 8) { memcpy(&v, z + p, 8); acc |= v; }
  if (p < to) { memcpy(&v, z + to - 8, 8); acc |= v; }
  return !(acc & 0x8080808080808080ull);
}

/* Advance so that cp->byte > at (or the end): cp->char_start then holds
   `at`.  Most text between two spans is ASCII: then it is passed at once. */
static void charpos_advance_past(art_charpos *cp, size_t at) {
  const unsigned char *z = cp->z;
  if (at < cp->n && cp->byte <= at && at + 1 >= 8 && ascii_span(z, cp->byte, at + 1)) {
    cp->chars += at + 1 - cp->byte;
    cp->char_start = at;
    cp->byte = at + 1;
    return;
  }
  while (cp->byte <= at && cp->byte < cp->n) {
    cp->char_start = cp->byte;
    cp->chars++;
    if (z[cp->byte++] >= 0xC0) {
      while (cp->byte < cp->n && IS_CONT(z[cp->byte])) cp->byte++;
    }
  }
}

void art_charpos_span(art_charpos *cp, size_t start, size_t end,
                      size_t *char0, size_t *nchars, size_t *bstart, size_t *bend) {
  if (start >= cp->n) {
    /* Empty span at the very end. */
    size_t total = cp->chars + art_sqlite_char_count(cp->z + cp->byte, cp->n - cp->byte);
    *char0 = total;
    *nchars = 0;
    if (bstart) *bstart = cp->n;
    if (bend) *bend = cp->n;
    return;
  }
  if (start < cp->char_start) start = cp->char_start; /* caller went backwards: clamp */
  charpos_advance_past(cp, start);
  size_t s = cp->char_start;
  *char0 = cp->chars - 1;
  /* Count characters from s until we reach or pass `end`. */
  size_t i = s, count = 0;
  if (end <= s) end = s;
  if (end <= cp->n && end >= 8 && ascii_span(cp->z, s, end)) {   /* most names */
    count = end - s;
    i = end;
  }
  while (i < end && i < cp->n) {
    count++;
    if (cp->z[i++] >= 0xC0) {
      while (i < cp->n && IS_CONT(cp->z[i])) i++;
    }
  }
  *nchars = count;
  if (bstart) *bstart = s;
  if (bend) *bend = i;
}

int art_cpu_has_avx2(void) {
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
  static int known;   /* 0 not asked yet, 1 no, 2 yes: a race only asks twice */
  int k = __atomic_load_n(&known, __ATOMIC_RELAXED);
  if (!k) {
    __builtin_cpu_init();
    k = __builtin_cpu_supports("avx2") ? 2 : 1;
    __atomic_store_n(&known, k, __ATOMIC_RELAXED);
  }
  return k == 2;
#else
  return 0;
#endif
}
