/*
** article_hash.h — the byte-string hash shared by the generated tables
** (ext/tables.c probes what ext/tools/gentable.c lays out at build time,
** so both must compute it bit for bit: one definition here) and the
** tagger's private tables.
**
** Keys of up to 16 bytes (nearly all) are read as two overlapping words
** that together cover every byte: 1-3 bytes as bytes 0, len/2 and len-1,
** 4-8 bytes as the first and last four, 9-16 as the first and last eight.
** Longer keys fold sixteen bytes a step into the seed first.  The length
** is in the seed, so the overlaps cannot make two keys alike.  Words are
** mixed by 64x64 -> 128-bit multiplies whose halves are XORed.  Loads are
** little-endian byte by byte (one load each where the compiler can), so the
** value is the same on every machine and nothing outside the key is read.
*/
#ifndef ARTICLE_HASH_H
#define ARTICLE_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t art_load64(const unsigned char *p) {
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
         (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

static inline uint64_t art_load32(const unsigned char *p) {
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

/* The two halves of the 128-bit product a*b, XORed (the portable fallback gives the same value). */
static inline uint64_t art_fold_mul(uint64_t a, uint64_t b) {
#ifdef __SIZEOF_INT128__
  __uint128_t r = (__uint128_t)a * b;
  return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
  uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
  return (mid << 32 | (uint32_t)p00) ^ (p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32));
#endif
}

/* The 64-bit mix of key[0..len) with seed (the length is folded into the seed). */
static inline uint64_t art_hash_core(const unsigned char *p, size_t len, uint64_t seed) {
  seed ^= (uint64_t)len * 0x9e3779b97f4a7c15ull;
  uint64_t a, b;
  if (len <= 8) {
    if (len >= 4) { a = art_load32(p); b = art_load32(p + len - 4); }
    else if (len > 0) { a = (uint64_t)p[0] << 16 | (uint64_t)p[len >> 1] << 8 | p[len - 1]; b = 0; }
    else a = b = 0;
  } else if (len <= 16) {
    a = art_load64(p);
    b = art_load64(p + len - 8);
  } else {
    size_t n = len;
    for (; n > 16; p += 16, n -= 16)
      seed = art_fold_mul(art_load64(p) ^ 0xa0761d6478bd642full, art_load64(p + 8) ^ seed);
    a = art_load64(p + n - 16);   /* the last sixteen bytes, overlapping what was taken */
    b = art_load64(p + n - 8);
  }
  return art_fold_mul(a ^ 0xe7037ed1a0b428dbull, b ^ seed);
}

/* The generated tables' hash of key[0..len) (art_table_hash()). */
static inline uint32_t art_hash_bytes(const char *key, size_t len) {
  return (uint32_t)art_hash_core((const unsigned char *)key, len, 0x243f6a8885a308d3ull);
}

#endif
