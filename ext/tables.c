/*
** tables.c — lookups in the tables generated from ext/data (see
** include/article_tables.h).
**
** Most lookups miss: the entity stage asks every token whether it is a
** title, a unit, a common word, and so on.  So a lookup is built to say
** "no" cheaply:
**
**   - the hash reads the key eight bytes at a time (overlapping loads for
**     the tail, never a byte past the key) and mixes once at the end, so a
**     short key costs two multiplies instead of one per byte;
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

/* Little-endian loads, byte by byte so the hash is the same on every
** machine; compilers turn each into a single load where that is allowed. */
static inline uint64_t load64(const unsigned char *p) {
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
         (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}
static inline uint64_t load32(const unsigned char *p) {
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

/* One multiply and a shift: enough between words, the final mix does the rest. */
static inline uint64_t absorb(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 32);
}

static inline uint32_t hash_bytes(const char *key, size_t len) {
  const unsigned char *p = (const unsigned char *)key;
  uint64_t h = 0x243f6a8885a308d3ull ^ ((uint64_t)len * 0xff51afd7ed558ccdull);
  uint64_t v;
  if (len <= 8) {
    /* The first and last four bytes (or bytes 0, len/2, len-1) cover the
    ** whole key, and the length is already in h: no two keys share v and h. */
    if (len >= 4) v = load32(p) << 32 | load32(p + len - 4);
    else if (len > 0) v = (uint64_t)p[0] << 16 | (uint64_t)p[len >> 1] << 8 | p[len - 1];
    else v = 0;
  } else {
    for (; len > 8; p += 8, len -= 8) h = absorb(h, load64(p));
    v = load64(p + len - 8);   /* the last eight bytes, overlapping the previous word */
  }
  /* The final mix of SplitMix64: every output bit depends on every input bit. */
  h ^= v;
  h ^= h >> 30; h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27; h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return (uint32_t)h;
}

uint32_t art_table_hash(const char *key, size_t len) {
  return hash_bytes(key, len);
}

const art_table_entry *art_table_find(const art_table *t, const char *key, size_t len) {
  if (t->nslots == 0) return NULL;
  uint32_t mask = t->nslots - 1;
  uint32_t h = hash_bytes(key, len);
  uint32_t tag = h >> ART_TABLE_INDEX_BITS;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t slot = t->slots[i];
    if (slot == 0) return NULL;
    if (slot >> ART_TABLE_INDEX_BITS != tag) continue;   /* another key: no need to look at it */
    const art_table_entry *e = &t->entries[(slot & ART_TABLE_INDEX_MASK) - 1];
    if (e->key_len == len && memcmp(e->key, key, len) == 0) return e;
  }
}
