/*
** tables.c — lookups in the tables generated from ext/data (see
** include/article_tables.h).  The hash must match ext/tools/gentable.c.
*/
#include <string.h>
#include "article_tables.h"

uint32_t art_table_hash(const char *key, size_t len) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)key[i];
    h *= 16777619u;
  }
  return h;
}

const art_table_entry *art_table_find(const art_table *t, const char *key, size_t len) {
  if (t->nslots == 0) return NULL;
  uint32_t mask = t->nslots - 1;
  uint32_t i = art_table_hash(key, len) & mask;
  for (;;) {
    uint32_t slot = t->slots[i];
    if (slot == 0) return NULL;
    const art_table_entry *e = &t->entries[slot - 1];
    if (e->key_len == len && memcmp(e->key, key, len) == 0) return e;
    i = (i + 1) & mask;
  }
}
