/*
** test_tagger.c — the name tagger's fast decoder (art_tagger_tag: word
** cache, neighbour rows, vector sums, float comparisons) against a plain
** decoder written here from the reference API alone (art_tagger_scorable,
** art_tagger_features, art_tagger_score, art_tagger_allowed).  The two must
** give the same label and the same margin for every token, whatever the
** state of the cache: fresh, warm, crowded with other words, after the
** scratch's stamp wraps, and under models whose sums are too large to be
** compared as floats.
**
** The sentences are written for this test (news-like: names with titles,
** particles, possessives, multi-word places, sentence-initial common words,
** all-capital acronyms, hyphens).
*/
#include <stdint.h>
#include <stdlib.h>
#include "check.h"
#include "article_tagger.h"
#include "article_tokens.h"

static const char *const sentences[] = {
  "Foreign Minister Alda Verhoeven told reporters in Brussels on Monday that the talks would resume.",
  "The United States and the European Union said the Security Council should meet again.",
  "Osama bin Laden's former aide was seen near the Gulf of Aden, officials said.",
  "But the Bank of America and Wells Fargo declined to comment on the report.",
  "Maria de la Cruz, a spokeswoman for the Ministry of Health, said 12 people died.",
  "WASHINGTON (AP) - President Joe Biden met Prime Minister Benjamin Netanyahu at the White House.",
  "Officials in New South Wales and Queensland warned of floods along the Murray River.",
  "The U.N. refugee agency, UNHCR, said Jean-Pierre Dubois would lead the mission.",
  "Gen. Yusuf al-Rashid, who heads the army, visited Kabul and Kandahar last week.",
  "Apple's chief executive said the iPhone would be sold in China, India and Brazil.",
  "Dr. Chen Wei of Tsinghua University and Prof. Ana Lucia da Silva wrote the study.",
  "\"We will not give up,\" said Ahmed, a 34-year-old teacher from Gaza City.",
  "THE COMMITTEE ON FOREIGN AFFAIRS met with the Deputy Secretary of State.",
  "Voters in Sao Paulo and Rio de Janeiro backed Luiz Inacio Lula da Silva.",
  "Sen. Mitch McConnell's office and the Democratic National Committee traded barbs.",
  "A court in The Hague ordered Serbia to pay damages to Bosnia and Herzegovina.",
  "Several Palestinians and Israelis were hurt, the Red Crescent said on Twitter.",
  "The World Health Organization reported cases in Nigeria, Ghana and Sierra Leone.",
  "Van der Berg and von Trapp joined the Amsterdam-based firm in 2019.",
  "Asked about Iran, Secretary Blinken said only that diplomacy remained the best path.",
};
#define NSENT (sizeof sentences / sizeof sentences[0])

/* The plain decoder: every feature hashed and probed, the arg max by a scalar loop. */
static void reference_tag(const art_tagger_model *m, const char *doc, const art_token *toks, size_t n,
                          uint8_t *tags, int32_t *margin) {
  art_tagger_scratch sc = {0};
  art_tagger_scratch_reset(&sc, n);
  uint32_t feats[ART_TAGGER_MAX_FEATURES];
  int prev = ART_TAG_O;
  for (size_t i = 0; i < n; i++) {
    tags[i] = ART_TAG_O;
    margin[i] = 0;
    if (!art_tagger_scorable(doc, toks, n, i, prev)) { prev = ART_TAG_O; continue; }
    int32_t scores[ART_TAGGER_DENSE_WIDTH] = {0};
    art_tagger_score(m, feats, art_tagger_features(doc, toks, n, &sc, i, prev, feats), scores);
    int best = ART_TAG_O;
    int32_t top = scores[0], run = INT32_MIN;
    for (int t = 1; t < ART_TAGGER_LABELS; t++) {
      if (!art_tagger_allowed(prev, t)) continue;
      if (scores[t] > top) { run = top; top = scores[t]; best = t; }
      else if (scores[t] > run) run = scores[t];
    }
    if (ART_TAG_IS_B(best) && prev != ART_TAG_O && ART_TAG_TYPE(best) != ART_TAG_TYPE(prev) &&
        (toks[i].flags & ART_TOK_CAP) && i > 0 && (toks[i - 1].flags & ART_TOK_WORD)) {
      int cont = ART_TAG_I(ART_TAG_TYPE(prev));
      if (top - scores[cont] < ART_TAGGER_CONTINUE_MARGIN) { run = top; top = scores[cont]; best = cont; }
    }
    tags[i] = (uint8_t)best;
    margin[i] = top - run;
    prev = best;
  }
  art_tagger_scratch_free(&sc);
}

/*
** Tag every sentence with the fast decoder (through sc) and the plain one;
** returns how many tokens differ, and adds the names found to *names.
*/
static size_t compare_all(const art_tagger_model *m, art_tagger_scratch *sc, size_t *names) {
  art_tokens tk = {0};
  size_t differ = 0;
  for (size_t s = 0; s < NSENT; s++) {
    const char *doc = sentences[s];
    art_tokenize(doc, 0, strlen(doc), &tk);
    size_t n = tk.count;
    uint8_t fast_tags[256], ref_tags[256];
    int32_t fast_margin[256], ref_margin[256];
    if (n > 256) { differ++; continue; }
    if (art_tagger_tag(m, doc, tk.items, n, sc, fast_tags, fast_margin)) { differ += n; continue; }
    reference_tag(m, doc, tk.items, n, ref_tags, ref_margin);
    for (size_t i = 0; i < n; i++) {
      if (fast_tags[i] != ref_tags[i] || fast_margin[i] != ref_margin[i]) {
        if (differ < 5)
          printf("# sentence %zu token %zu '%.*s': fast %d/%d, plain %d/%d\n", s, i,
                 (int)(tk.items[i].end - tk.items[i].start), doc + tk.items[i].start, fast_tags[i],
                 fast_margin[i], ref_tags[i], ref_margin[i]);
        differ++;
      }
      if (names && ART_TAG_IS_B(fast_tags[i])) (*names)++;
    }
  }
  art_tokens_free(&tk);
  return differ;
}

/* Sentences of made-up capitalised words, enough to evict every cached word several times. */
static void crowd_cache(const art_tagger_model *m, art_tagger_scratch *sc) {
  art_tokens tk = {0};
  char doc[512];
  uint8_t tags[128];
  int32_t margin[128];
  uint32_t x = 12345;
  for (int s = 0; s < 8000; s++) {
    size_t o = 0;
    for (int w = 0; w < 12 && o < sizeof doc - 40; w++) {
      x = x * 1103515245u + 12345u;
      o += (size_t)snprintf(doc + o, sizeof doc - o, w % 3 == 2 ? "and %c%cx%u " : "%c%cq%u ",
                            'A' + (int)(x >> 27) % 26, 'a' + (int)(x >> 22) % 26, (unsigned)(x >> 8) % 100000);
    }
    art_tokenize(doc, 0, o, &tk);
    art_tagger_tag(m, doc, tk.items, tk.count, sc, tags, margin);
  }
  art_tokens_free(&tk);
}

int main(void) {
  const art_tagger_model *m = &art_tagger_default_model;
  art_tagger_scratch sc = {0};
  size_t names = 0;

  CHECK("fresh cache: fast decoder equals plain decoder", compare_all(m, &sc, &names) == 0);
  CHECK("the sentences have names to find", names >= 40);
  CHECK("warm cache: still equal", compare_all(m, &sc, NULL) == 0);
  crowd_cache(m, &sc);
  CHECK("after evictions: still equal", compare_all(m, &sc, NULL) == 0);

  sc.stamp = UINT32_MAX - 5;   /* a few sentences from the stamp wrapping round */
  CHECK("across the stamp wrapping: still equal", compare_all(m, &sc, NULL) == 0);
  CHECK("stamp started over", sc.stamp < 1000);

  /*
  ** Models with larger dense weights: scaled by 4 the sums still compare as
  ** floats; scaled by 300 they may not (the scalar loop decides), and self
  ** sums no longer fit the cache's 16-bit lanes.
  */
  static const int scales[] = { 4, 300 };
  size_t nd = (size_t)m->ndense * ART_TAGGER_DENSE_WIDTH;
  int32_t *dense[2];
  for (int k = 0; k < 2; k++) {   /* both live at once: the cache tells models apart by address */
    dense[k] = malloc(nd * sizeof *dense[k]);
    for (size_t j = 0; dense[k] && j < nd; j++) dense[k][j] = m->dense[j] * scales[k];
  }
  for (int k = 0; k < 2; k++) {
    art_tagger_model scaled = *m;
    scaled.dense = dense[k];
    char name[80];
    snprintf(name, sizeof name, "dense weights x%d: fast decoder equals plain decoder", scales[k]);
    CHECK(name, dense[k] && compare_all(&scaled, &sc, NULL) == 0);
  }
  free(dense[0]);
  free(dense[1]);
  CHECK("back to the default model: still equal", compare_all(m, &sc, NULL) == 0);

  art_tagger_scratch_free(&sc);
  CHECK_DONE();
}
