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
#include "article_hash.h"
#include "article_tables.h"

#if defined(__GNUC__) || defined(__clang__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define NOINLINE __attribute__((noinline))
#else
#define ALWAYS_INLINE inline
#define NOINLINE
#endif

uint32_t art_table_hash(const char *key, size_t len) {
  return art_hash_bytes(key, len);
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
  uint32_t h = art_hash_bytes(key, len);
  uint32_t tag = h >> ART_TABLE_INDEX_BITS;
  for (uint32_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t slot = t->slots[i];
    if (slot == 0) return NULL;
    if (slot >> ART_TABLE_INDEX_BITS == tag) return find_from(t, key, len, i, tag);
    /* another key: no need to look at it */
  }
}
