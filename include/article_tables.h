/*
** article_tables.h — lookup tables generated from the data files in ext/data.
**
** The build turns each ext/data/NAME.tsv into build/gen/table_NAME.c with
** ext/tools/gentable.c: the entries in file order plus an open-addressing
** hash index, so a lookup costs one hash and usually one comparison, with no
** allocation and nothing read at run time.  Each slot of the index holds
** the entry number + 1 in its low ART_TABLE_INDEX_BITS bits and the top
** bits of the key's art_table_hash() above them, so that a probe can pass
** over another key without reading it (ext/tables.c).
**
** Data file format: UTF-8 text, one entry a line, `#` starts a comment line,
** blank lines are ignored.  Column 1 is the key; an optional second column,
** after a TAB, is the entry's value (a short word or number), and an optional
** third column is free text (a canonical form, say).  Keys are stored as
** written: each data file's header says what form (lower case, say) the
** module looks them up in.
*/
#ifndef ARTICLE_TABLES_H
#define ARTICLE_TABLES_H

#include <stddef.h>
#include <stdint.h>

typedef struct art_table_entry {
  const char *key;
  const char *value;   /* column 2, "" when absent */
  const char *extra;   /* column 3, "" when absent */
  uint16_t key_len;
} art_table_entry;

typedef struct art_table {
  const char *name;
  const art_table_entry *entries;
  uint32_t count;
  const uint32_t *slots;  /* hash tag | entry index + 1, 0 = empty; size is a power of 2 */
  uint32_t nslots;
} art_table;

/* A slot: (art_table_hash(key) >> ART_TABLE_INDEX_BITS) << ART_TABLE_INDEX_BITS | (index + 1). */
#define ART_TABLE_INDEX_BITS 20
#define ART_TABLE_INDEX_MASK ((1u << ART_TABLE_INDEX_BITS) - 1)

/* The table hash, also a general string hash (same on every machine). */
uint32_t art_table_hash(const char *key, size_t len);
/* The entry whose key is exactly key[0..len), or NULL. */
const art_table_entry *art_table_find(const art_table *t, const char *key, size_t len);

/* Every generated table, declared here so modules can name them. */
#define ART_TABLE(name) extern const art_table art_table_##name;
#include "article_table_list.h"
#undef ART_TABLE

#endif
