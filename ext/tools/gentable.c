/*
** gentable.c — build-time tool: turn one ext/data/NAME.tsv file into C.
**
**   gentable NAME ext/data/NAME.tsv > build/gen/table_NAME.c
**
** Emits `const art_table art_table_NAME` (see include/article_tables.h):
** entries in file order and an open-addressing hash index whose slots hold
** the entry number and the top bits of the key's hash.  A duplicate key
** keeps its first entry, so a data file can list a form once in the section
** where it matters most.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

/* The slot layout of include/article_tables.h (this tool is built without
** the include path, so the two numbers are repeated here). */
#define INDEX_BITS 20
#define INDEX_MASK ((1u << INDEX_BITS) - 1)

/*
** art_table_hash() of ext/tables.c, copied bit for bit: the index is laid
** out here and probed there.  Change both or neither (the table test finds
** every key of every table, so a mismatch fails `make test`).
*/
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
static uint32_t table_hash(const char *key, size_t len) {
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

static void put_c_string(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
    else if (c < 0x20 || c >= 0x7F) fprintf(out, "\\%03o", c);
    else fputc(c, out);
  }
  fputc('"', out);
}

typedef struct { char *key, *value, *extra; } Entry;

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: gentable NAME FILE\n"); return 2; }
  FILE *in = fopen(argv[2], "r");
  if (!in) { perror(argv[2]); return 1; }
  size_t cap = 1024, n = 0;
  Entry *e = malloc(cap * sizeof *e);
  char line[4096];
  int lineno = 0;
  while (fgets(line, sizeof line, in)) {
    lineno++;
    size_t len = strcspn(line, "\r\n");
    line[len] = 0;
    if (len == 0 || line[0] == '#') continue;
    char *cols[3] = {line, "", ""};
    char *tab = strchr(line, '\t');
    if (tab) { *tab = 0; cols[1] = tab + 1; tab = strchr(cols[1], '\t'); }
    if (tab) { *tab = 0; cols[2] = tab + 1; }
    if (!cols[0][0]) { fprintf(stderr, "%s:%d: empty key\n", argv[2], lineno); return 1; }
    if (strlen(cols[0]) > 65535) { fprintf(stderr, "%s:%d: key too long\n", argv[2], lineno); return 1; }
    if (n == cap) { cap *= 2; e = realloc(e, cap * sizeof *e); }
    e[n].key = strdup(cols[0]);
    e[n].value = strdup(cols[1]);
    e[n].extra = strdup(cols[2]);
    n++;
  }
  fclose(in);
  if (n >= INDEX_MASK) { fprintf(stderr, "%s: too many entries (%zu)\n", argv[2], n); return 1; }
  uint32_t nslots = 16;
  while (nslots < n * 2 + 1) nslots *= 2;
  uint32_t *slots = calloc(nslots, sizeof *slots);
  for (size_t i = 0; i < n; i++) {
    size_t kl = strlen(e[i].key);
    uint32_t hash = table_hash(e[i].key, kl), h = hash & (nslots - 1);
    int dup = 0;
    while (slots[h]) {
      Entry *o = &e[(slots[h] & INDEX_MASK) - 1];
      if (strcmp(o->key, e[i].key) == 0) { dup = 1; break; }
      h = (h + 1) & (nslots - 1);
    }
    if (!dup) slots[h] = (hash >> INDEX_BITS) << INDEX_BITS | ((uint32_t)i + 1);
  }
  printf("/* Generated by ext/tools/gentable.c from %s. Do not edit. */\n", argv[2]);
  printf("#include \"article_tables.h\"\n\n");
  printf("static const art_table_entry entries[] = {\n");
  for (size_t i = 0; i < n; i++) {
    printf("  {");
    put_c_string(stdout, e[i].key);
    printf(", ");
    put_c_string(stdout, e[i].value);
    printf(", ");
    put_c_string(stdout, e[i].extra);
    printf(", %zu},\n", strlen(e[i].key));
  }
  if (n == 0) printf("  {\"\", \"\", \"\", 0},\n");
  printf("};\n\nstatic const uint32_t slots[%u] = {", nslots);
  for (uint32_t i = 0; i < nslots; i++)
    printf("%s%s%u", i ? "," : "", i % 16 ? "" : "\n  ", slots[i]);
  printf("\n};\n\nconst art_table art_table_%s = {\"%s\", entries, %zu, slots, %u};\n",
         argv[1], argv[1], n, nslots);
  return 0;
}
