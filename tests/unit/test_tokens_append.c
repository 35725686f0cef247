/*
** test_tokens_append.c — art_tokenize_append() (ext/tokens.c): sentences
** appended to one array give the same tokens as art_tokenize() one by one,
** and the ART_TF_* byte of each token says what token_fact's rules say.
*/
#include <stdlib.h>
#include "check.h"
#include "article_tokens.h"

/* The ART_TF_* byte as the header defines it, from a token's flags and bytes. */
static uint8_t expected_fact(const char *doc, const art_token *t) {
  const char *z = doc + t->start;
  size_t n = t->end - t->start;
  uint8_t f = (t->flags & ART_TOK_DIGIT) ? ART_TF_DIGIT : 0;
  if ((t->flags & ART_TOK_WORD) && (t->flags & ART_TOK_HAS_UPPER) && !(t->flags & ART_TOK_DIGIT)) f |= ART_TF_OPENS;
  static const char *const he[] = {"he", "He", "his", "His", "him"}, *const she[] = {"she", "She", "her", "Her"};
  for (size_t k = 0; k < sizeof he / sizeof *he; k++)
    if (n == strlen(he[k]) && memcmp(z, he[k], n) == 0) f |= ART_TF_HE;
  for (size_t k = 0; k < sizeof she / sizeof *she; k++)
    if (n == strlen(she[k]) && memcmp(z, she[k], n) == 0) f |= ART_TF_SHE;
  return f;
}

int main(void) {
  /* Sentences that take both of the tokenizer's loops: plain words, capitals
     inside words, digits, abbreviations, possessives, quotes, non-ASCII. */
  const char *doc =
      "He said his plan works. She met him and her aide at 7:30 p.m. in Z\xc3\xbcrich. "
      "\xe2\x80\x9cHis iPhone,\xe2\x80\x9d Her Majesty's H2O-maker F-16s cost $3.5 million. "
      "HE SHE Him hers shed she's he'd hi. Sen. Ana-Maria Ruiz of U.S.-led talks said: 'she' "
      "in Iran's and IRAN'S or Gates'S, he's so-called two-year-old cease-fire, by-election. re-run";
  size_t len = strlen(doc), cuts[8], ncut = 0, at = 0;
  /* sentence ends: after ". " */
  for (size_t i = 0; i + 1 < len; i++)
    if (doc[i] == '.' && doc[i + 1] == ' ' && ncut < 7) { cuts[ncut++] = i + 1; }
  cuts[ncut++] = len;

  art_tokens one = {0}, all = {0};
  size_t cap = len + 1;
  all.items = malloc(cap * sizeof *all.items);
  all.cap = cap;
  uint8_t *facts = malloc(cap);
  int same = 1, facts_ok = 1, counts_ok = 1;
  for (size_t c = 0; c < ncut; c++) {
    size_t start = at, end = cuts[c];
    at = end;
    long want = art_tokenize(doc, start, end, &one);
    size_t before = all.count;
    long got = art_tokenize_append(doc, start, end, &all, facts);
    if (got != want || all.count != before + (size_t)got) { counts_ok = 0; continue; }
    for (long k = 0; k < got; k++) {
      const art_token *a = &one.items[k], *b = &all.items[before + (size_t)k];
      if (a->start != b->start || a->end != b->end || a->flags != b->flags) same = 0;
      if (facts[before + (size_t)k] != expected_fact(doc, b)) {
        facts_ok = 0;
        printf("# fact of [%.*s]: %u, want %u\n", (int)(b->end - b->start), doc + b->start,
               facts[before + (size_t)k], expected_fact(doc, b));
      }
    }
  }
  CHECK("append counts", counts_ok && ncut >= 4);
  /* Whichever loop made them, words and "'s" carry the shape art_token_shape() gives. */
  int shapes_ok = 1, possessives = 0;
  for (size_t k = 0; k < all.count; k++) {
    const art_token *t = &all.items[k];
    uint32_t context = ART_TOK_INITIAL | ART_TOK_SPACE_AFTER | ART_TOK_POSSESSIVE;
    int poss_s = (t->flags & ART_TOK_POSSESSIVE) && t->end - t->start == 2;
    if (!(t->flags & ART_TOK_WORD) && !poss_s) continue;
    possessives += poss_s;
    if ((t->flags & ~context) != art_token_shape(doc + t->start, t->end - t->start)) {
      shapes_ok = 0;
      printf("# shape of [%.*s]: %x\n", (int)(t->end - t->start), doc + t->start, (unsigned)t->flags);
    }
  }
  CHECK("shapes as art_token_shape()", shapes_ok && possessives >= 3);
  CHECK("append gives art_tokenize's tokens", same);
  CHECK("facts byte per token", facts_ok);

  /* The facts that matter, by name: a pronoun, a capitalised word, a digit word. */
  int he = 0, she = 0, opens = 0, digit = 0;
  for (size_t k = 0; k < all.count; k++) {
    he += (facts[k] & ART_TF_HE) != 0;
    she += (facts[k] & ART_TF_SHE) != 0;
    opens += (facts[k] & ART_TF_OPENS) != 0;
    digit += (facts[k] & ART_TF_DIGIT) != 0;
  }
  /* He his him His he('s) / She her Her she('s) she: not HE SHE Him hers shed he'd */
  CHECK("pronouns found", he == 5 && she == 5);
  CHECK("openers and digits found", opens >= 10 && digit >= 4);

  /* Without room, an append with facts fails rather than grow under facts[]. */
  art_tokens small = {0};
  small.items = malloc(4 * sizeof *small.items);
  small.cap = 4;
  CHECK("no room: -1", art_tokenize_append(doc, 0, 23, &small, facts) == -1 && small.count == 0);
  /* Without facts it grows as art_tokenize() does, after the tokens it holds. */
  long n1 = art_tokenize_append(doc, 0, 23, &small, NULL);
  long n2 = art_tokenize_append(doc, 0, 23, &small, NULL);
  CHECK("append without facts grows", n1 == 6 && n2 == 6 && small.count == 12 &&
        small.items[6].start == small.items[0].start && (small.items[6].flags & ART_TOK_INITIAL));

  free(facts);
  art_tokens_free(&one);
  art_tokens_free(&all);
  art_tokens_free(&small);
  return check_failures != 0;
}
