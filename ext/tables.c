/*
** tables.c — lookups in the tables generated from ext/data (see
** include/article_tables.h).
**
** Most lookups miss: the entity stage asks every token whether it is a
** title, a unit, a common word, and so on.  So a lookup is built to say
** "no" cheaply:
**
**   - the hash reads the key a word at a time (overlapping loads for the
**     tail, never a byte outside the key) and mixes with one folded
**     128-bit multiply, so a key of up to 16 bytes costs one multiply
**     instead of one per byte;
**   - each slot of the index carries the top bits of its key's hash beside
**     the entry number, so a probe whose bits differ moves on without
**     touching the entry or its key string.  A miss then reads only the
**     slot array, usually one or two adjacent words.
**
** The hash must stay bit-for-bit the same as in ext/tools/gentable.c,
** which lays out the slot index at build time; tests/unit/test_tables.c
** finds every key of every table to keep the two honest.  It is also the
** general-purpose string hash of other modules (the entity stage's span
** map, the boilerplate word sets, the value scanner's Bloom filters).
*/
#include <string.h>
#include "article_tables.h"

#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define NOINLINE __attribute__((noinline))
#else
#define ALWAYS_INLINE inline
#define NOINLINE
#endif

/* Little-endian loads, byte by byte so the hash is the same on every
** machine; compilers turn each into a single load where that is allowed. */
static inline uint64_t load64(const unsigned char *p) {
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
         (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}
static inline uint64_t load32(const unsigned char *p) {
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

/*
** The 64x64 -> 128-bit product of a and b, its two halves XORed: one
** multiply that mixes every bit of both operands into the low bits too.
** Portable fallback where the compiler has no 128-bit integer (same value).
*/
static inline uint64_t fold_mul(uint64_t a, uint64_t b) {
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

/*
** Keys of up to 16 bytes (nearly all) are read as two overlapping words
** that together cover every byte: 1-3 bytes as bytes 0, len/2 and len-1,
** 4-8 bytes as the first and last four, 9-16 as the first and last eight.
** Longer keys fold sixteen bytes a step into the seed first.  The length
** is in the seed, so the overlaps cannot make two keys alike.
*/
static ALWAYS_INLINE uint32_t hash_bytes(const char *key, size_t len) {
  const unsigned char *p = (const unsigned char *)key;
  uint64_t seed = 0x243f6a8885a308d3ull ^ ((uint64_t)len * 0x9e3779b97f4a7c15ull);
  uint64_t a, b;
  if (len <= 8) {
    if (len >= 4) { a = load32(p); b = load32(p + len - 4); }
    else if (len > 0) { a = (uint64_t)p[0] << 16 | (uint64_t)p[len >> 1] << 8 | p[len - 1]; b = 0; }
    else a = b = 0;
  } else if (len <= 16) {
    a = load64(p);
    b = load64(p + len - 8);
  } else {
    size_t n = len;
    for (; n > 16; p += 16, n -= 16) seed = fold_mul(load64(p) ^ 0xa0761d6478bd642full, load64(p + 8) ^ seed);
    a = load64(p + n - 16);   /* the last sixteen bytes, overlapping what was taken */
    b = load64(p + n - 8);
  }
  return (uint32_t)fold_mul(a ^ 0xe7037ed1a0b428dbull, b ^ seed);
}

uint32_t art_table_hash(const char *key, size_t len) {
  return hash_bytes(key, len);
}

/* The probe loop from slot i on, comparing keys where the hash bits match. */
static NOINLINE const art_table_entry *find_from(const art_table *t, const char *key, size_t len, uint32_t i, uint32_t tag) {
  uint32_t mask = t->nslots - 1;
  for (;; i = (i + 1) & mask) {
    uint32_t slot = t->slots[i];
    if (slot == 0) return NULL;
    if (slot >> ART_TABLE_INDEX_BITS != tag) continue;
    const art_table_entry *e = &t->entries[(slot & ART_TABLE_INDEX_MASK) - 1];
    if (e->key_len == len && memcmp(e->key, key, len) == 0) return e;
  }
}

/*
** Most lookups end here at an empty slot after passing over a slot or two
** of other keys, without a call and so without saving registers; the first
** slot whose hash bits match hands over to find_from().
*/
const art_table_entry *art_table_find(const art_table *t, const char *key, size_t len) {
  if (t->nslots == 0) return NULL;
  uint32_t mask = t->nslots - 1;
  uint32_t h = hash_bytes(key, len);
  uint32_t tag = h >> ART_TABLE_INDEX_BITS;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t slot = t->slots[i];
    if (slot == 0) return NULL;
    if (slot >> ART_TABLE_INDEX_BITS == tag) return find_from(t, key, len, i, tag);
    /* another key: no need to look at it */
  }
}
