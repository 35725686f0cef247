/*
** test_lexicon.c — a user lexicon is found the same way whether it is
** searched row by row or, sorted by art_lexicon_sort(), by bisection:
** longest name first, the first of equal rows, whole words only.
*/
#include <stdlib.h>
#include "check.h"
#include "article_context.h"
#include "article_entities.h"

/* Same rows (span, type, canonical) in both lists? */
static int same_entities(const art_entity_list *a, const art_entity_list *b) {
  if (a->count != b->count) return 0;
  for (size_t i = 0; i < a->count; i++) {
    const art_entity *x = &a->items[i], *y = &b->items[i];
    if (x->start != y->start || x->end != y->end || x->type != y->type || strcmp(x->canonical, y->canonical) != 0)
      return 0;
  }
  return 1;
}

static unsigned rng_state = 12345;
static unsigned rng(void) { rng_state = rng_state * 1103515245u + 12345u; return (rng_state >> 16) & 0x7FFF; }

int main(void) {
  const char *err = NULL;
  art_context *ctx = art_context_new(&err);
  CHECK("context", ctx != NULL);
  if (!ctx) CHECK_DONE();

  /* Names that are prefixes of each other, share first bytes, repeat with
     another type, are one byte long, or start with a non-ASCII letter. */
  static const char *const names[] = {
    "New York", "New York Times", "New", "N", "Newark", "Nuuk", "Northvale Water Board", "Lars Berg",
    "Lars", "Berg", "Fjordbank", "Fjordbank", "\xc3\x98stfold", "\xc3\x98st", "Ola", "Ola Nordmann",
    "A", "AB", "ABC Corp", "Zeta", "Zeta Zeta", "Mira Sol", "Mira", "IMF", "IM", "I",
  };
  enum { N = sizeof names / sizeof names[0] };
  art_lexicon_entry plain[N], sorted[N];
  for (size_t i = 0; i < N; i++) {
    plain[i].name = names[i];
    plain[i].type = (art_etype)(1 + i % 5);
    plain[i].canonical = i % 3 ? NULL : names[(i + 7) % N];
  }
  memcpy(sorted, plain, sizeof plain);
  art_ent_options by_row = {0, plain, N, 0}, by_bisection = {0, sorted, N, 0};
  CHECK("sort", art_lexicon_sort(sorted, N, &by_bisection) == 0 && by_bisection.lexicon_sorted);
  int in_order = 1;
  for (size_t i = 1; i < N; i++) if (strcmp(sorted[i - 1].name, sorted[i].name) > 0) in_order = 0;
  CHECK("sorted by name", in_order);
  /* the two "Fjordbank" rows (different types) keep their order */
  art_etype want[2] = {ART_ENT_NONE, ART_ENT_NONE}, got[2] = {ART_ENT_NONE, ART_ENT_NONE};
  for (size_t i = 0, k = 0, j = 0; i < N; i++) {
    if (strcmp(plain[i].name, "Fjordbank") == 0 && k < 2) want[k++] = plain[i].type;
    if (strcmp(sorted[i].name, "Fjordbank") == 0 && j < 2) got[j++] = sorted[i].type;
  }
  CHECK("equal names keep their order", want[0] != want[1] && got[0] == want[0] && got[1] == want[1]);

  /* Documents made of the names, their pieces and filler, in random order. */
  static const char *const filler[] = {
    " said ", ", ", ". ", " and ", " in ", "s ", "-", " \xe2\x80\x94 ", "York ", "Newer ", "ABCD ", "\n",
  };
  art_entity_list a = {0}, b = {0};
  int same = 1, found_any = 0;
  for (int d = 0; d < 300 && same; d++) {
    char doc[2048];
    size_t n = 0;
    for (int k = 0; k < 40; k++) {
      const char *piece = rng() % 2 ? names[rng() % N] : filler[rng() % (sizeof filler / sizeof filler[0])];
      size_t len = strlen(piece);
      if (n + len >= sizeof doc) break;
      memcpy(doc + n, piece, len);
      n += len;
    }
    if (art_entities_extract(ctx, doc, n, NULL, &by_row, &a) || art_entities_extract(ctx, doc, n, NULL, &by_bisection, &b)) {
      same = 0;
      break;
    }
    if (!same_entities(&a, &b)) {
      printf("# differs on: %.*s\n", (int)n, doc);
      same = 0;
    }
    found_any += a.count > 0;
  }
  CHECK("bisection finds what the row-by-row search finds (300 documents)", same && found_any > 200);

  /* The longest name wins, on whole words only. */
  const char *doc = "The New York Times and Newark papers.";
  art_entities_extract(ctx, doc, strlen(doc), NULL, &by_bisection, &b);
  int longest = 0, newark = 0;
  for (size_t i = 0; i < b.count; i++) {
    size_t len = b.items[i].end - b.items[i].start;
    if (len == 14 && memcmp(doc + b.items[i].start, "New York Times", 14) == 0) longest = 1;
    if (len == 6 && memcmp(doc + b.items[i].start, "Newark", 6) == 0) newark = 1;
  }
  CHECK("longest lexicon name wins", longest && newark);

  art_entity_list_free(&a);
  art_entity_list_free(&b);
  art_context_free(ctx);
  CHECK_DONE();
}
