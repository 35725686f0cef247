/*
** test_tables.c — the generated lookup tables (ext/tables.c,
** ext/tools/gentable.c): every key of every table is found, duplicates
** keep their first entry, nothing else is found, and the hash that lays
** out the index at build time is the one the lookups use.
*/
#include <stdlib.h>
#include "check.h"
#include "article_tables.h"

static const art_table *const tables[] = {
#define ART_TABLE(name) &art_table_##name,
#include "article_table_list.h"
#undef ART_TABLE
};
#define TABLE_COUNT (sizeof tables / sizeof tables[0])

/* The hash of key[0..n) copied to a heap block of exactly n bytes, so that the
   sanitizer run sees any read past the key. */
static uint32_t hash_exact(const char *key, size_t n) {
  char *copy = malloc(n ? n : 1);
  memcpy(copy, key, n);
  uint32_t h = art_table_hash(copy, n);
  free(copy);
  return h;
}

int main(void) {
  char name[160];

  CHECK("some tables are generated", TABLE_COUNT > 0);
  for (size_t t = 0; t < TABLE_COUNT; t++) {
    const art_table *tb = tables[t];
    size_t missing = 0, later = 0, false_hits = 0, bad_slots = 0, used = 0;
    for (uint32_t i = 0; i < tb->count; i++) {
      const art_table_entry *e = &tb->entries[i];
      const art_table_entry *f = art_table_find(tb, e->key, e->key_len);
      /* Found, with the same key, and never a later duplicate: if every
         entry finds itself or an earlier one, each key finds its first entry. */
      if (!f || f->key_len != e->key_len || memcmp(f->key, e->key, e->key_len) != 0) missing++;
      else if (f > e) later++;
      /* One byte more or less is another key, or nothing. */
      char longer[1024];
      if ((size_t)e->key_len + 1 < sizeof longer) {
        memcpy(longer, e->key, e->key_len);
        longer[e->key_len] = '\x01';   /* no data file holds a control character */
        if (art_table_find(tb, longer, (size_t)e->key_len + 1)) false_hits++;
      }
      if (e->key_len > 1) {
        f = art_table_find(tb, e->key, e->key_len - 1U);
        if (f && (f->key_len != e->key_len - 1U || memcmp(f->key, e->key, f->key_len) != 0)) false_hits++;
      }
    }
    /* Each slot carries its key's hash bits and a valid entry number. */
    for (uint32_t s = 0; s < tb->nslots; s++) {
      uint32_t slot = tb->slots[s];
      if (!slot) continue;
      used++;
      uint32_t idx = (slot & ART_TABLE_INDEX_MASK) - 1;
      if (idx >= tb->count) { bad_slots++; continue; }
      const art_table_entry *e = &tb->entries[idx];
      if (slot >> ART_TABLE_INDEX_BITS != art_table_hash(e->key, e->key_len) >> ART_TABLE_INDEX_BITS) bad_slots++;
    }
    snprintf(name, sizeof name, "%s: every key found", tb->name);
    CHECK(name, missing == 0);
    snprintf(name, sizeof name, "%s: a duplicate key finds its first entry", tb->name);
    CHECK(name, later == 0);
    snprintf(name, sizeof name, "%s: nothing but its keys found", tb->name);
    CHECK(name, false_hits == 0);
    snprintf(name, sizeof name, "%s: slots hold hash bits and an entry", tb->name);
    CHECK(name, bad_slots == 0 && used <= tb->count && (tb->nslots & (tb->nslots - 1)) == 0);
  }

  /* The hash is part of the generated files' layout: the same value on every
     machine (little- or big-endian), whatever the key's alignment. */
  CHECK("hash: fixed value of the empty key", art_table_hash("", 0) == 0xb5107a8eu);
  CHECK("hash: fixed value of a short key", art_table_hash("sen", 3) == 0x02b4c7f2u);
  CHECK("hash: fixed value of an 8-byte key", art_table_hash("minister", 8) == 0x70cf1da2u);
  CHECK("hash: fixed value of a 16-byte key", art_table_hash("Security Council", 16) == 0xe307035fu);
  CHECK("hash: fixed value of a long key", art_table_hash("United Nations Security Council", 31) == 0x071506a1u);
  {
    char buf[64];
    const char *key = "International Atomic Energy";
    size_t n = strlen(key), moved = 0;
    for (size_t off = 1; off < 8; off++) {
      memcpy(buf + off, key, n);
      if (art_table_hash(buf + off, n) != art_table_hash(key, n)) moved++;
    }
    CHECK("hash: independent of alignment", moved == 0);
  }

  /* Every byte of the key counts, at every length, and no byte after it. */
  {
    char key[48];
    size_t same = 0, reads_past = 0;
    for (size_t n = 1; n <= 40; n++) {
      for (size_t i = 0; i < n; i++) key[i] = (char)('a' + (i * 7) % 26);
      uint32_t h = hash_exact(key, n);
      for (size_t i = 0; i < n; i++) {
        key[i] ^= 0x20;
        if (hash_exact(key, n) == h) same++;
        key[i] ^= 0x20;
      }
      key[n] = 'x';
      if (art_table_hash(key, n) != h) reads_past++;
      key[n] = 'y';
      if (art_table_hash(key, n) != h) reads_past++;
    }
    CHECK("hash: a change in any byte changes it", same == 0);
    CHECK("hash: bytes after the key do not count", reads_past == 0);
    /* The same bytes at different lengths ("a", "aa", "aaa"...) differ too. */
    size_t same_len = 0;
    memset(key, 'a', sizeof key);
    for (size_t n = 0; n < 40; n++)
      if (art_table_hash(key, n) == art_table_hash(key, n + 1)) same_len++;
    CHECK("hash: the length counts", same_len == 0);
  }

  /* Lookups of what is not there, and of what differs only after 8 bytes. */
  CHECK("find: empty key", art_table_find(&art_table_common_words, "", 0) == NULL);
  CHECK("find: a word not in the table",
        art_table_find(&art_table_common_words, "zzqxj", 5) == NULL);
  {
    const art_table *tb = &art_table_gaz_countries;
    const art_table_entry *e = NULL;
    for (uint32_t i = 0; i < tb->count && !e; i++)
      if (tb->entries[i].key_len > 9) e = &tb->entries[i];
    char buf[256];
    int ok = e != NULL && e->key_len < sizeof buf;
    if (ok) {
      memcpy(buf, e->key, e->key_len);
      buf[e->key_len - 1] ^= 0x01;   /* the last byte only */
      const art_table_entry *f = art_table_find(tb, buf, e->key_len);
      ok = art_table_find(tb, e->key, e->key_len) != NULL &&
           (!f || (f->key_len == e->key_len && memcmp(f->key, buf, e->key_len) == 0));
    }
    CHECK("find: a long key differing in its last byte is another key", ok);
  }
  CHECK_DONE();
}
