/*
** test_entities.c — art_entities_extract() end to end on short articles
** written for these tests: every name type, the span conventions, canonical
** linking, gender, values, options and robustness.
*/
#include <stdlib.h>
#include "check.h"
#include "article_context.h"
#include "article_entities.h"
#include "article_tagger.h"

static art_context *ctx;

/* The first entity whose text is `text` (after position `from`), or NULL. */
static const art_entity *find(const art_entity_list *l, const char *doc, const char *text, size_t from) {
  size_t n = strlen(text);
  for (size_t i = 0; i < l->count; i++) {
    const art_entity *e = &l->items[i];
    if (e->start >= from && e->end - e->start == n && memcmp(doc + e->start, text, n) == 0) return e;
  }
  return NULL;
}

/* Does any entity's span contain doc[pos]? */
static int covered(const art_entity_list *l, size_t pos) {
  for (size_t i = 0; i < l->count; i++)
    if (l->items[i].start <= pos && pos < l->items[i].end) return 1;
  return 0;
}

#define CHECK_ENT(name, l, doc, text, want_type, want_canon) do { \
    const art_entity *e_ = find(l, doc, text, 0); \
    int ok_ = e_ && e_->type == (want_type) && strcmp(e_->canonical, (want_canon)) == 0; \
    if (ok_) printf("ok - %s\n", name); \
    else { printf("not ok - %s: [%s] got %s / %s\n", name, text, e_ ? art_etype_name(e_->type) : "(none)", \
                  e_ ? e_->canonical : "-"); check_failures++; } \
  } while (0)

static const char *ARTICLE =
  "OSLO (Reuters) \xe2\x80\x94 Norwegian Foreign Minister Ingrid Solberg met Sen. Marcus Hale Jr. "
  "at the Nobel Institute on Tuesday.\n"
  "Solberg said the talks with Hale were useful, and she thanked the European Union for its work in Sudan.\n"
  "The International Monetary Fund (IMF) said 1,250 workers lost their jobs. The IMF expects 3.5% growth.\n"
  "- Advertisement -\n"
  "Mr. Hale visited Germany's capital Berlin last week with 40 aides.\n"
  "Officials in Kenya said Democrats and Muslims had protested near the Mombasa Airport.\n"
  "Farmers along the Danube River reported floods.\n";

static void test_article(void) {
  art_entity_list l = {0};
  const char *doc = ARTICLE;
  CHECK("extract ok", art_entities_extract(ctx, doc, strlen(doc), NULL, NULL, &l) == 0);
  /* types */
  CHECK_ENT("PERSON full name", &l, doc, "Ingrid Solberg", ART_ENT_PERSON, "Ingrid Solberg");
  CHECK_ENT("NORP nationality", &l, doc, "Norwegian", ART_ENT_NORP, "Norwegian");
  CHECK_ENT("NORP political group", &l, doc, "Democrats", ART_ENT_NORP, "Democrats");
  CHECK_ENT("NORP religious group", &l, doc, "Muslims", ART_ENT_NORP, "Muslims");
  CHECK_ENT("ORG", &l, doc, "International Monetary Fund", ART_ENT_ORG, "International Monetary Fund");
  CHECK_ENT("GPE country", &l, doc, "Sudan", ART_ENT_GPE, "Sudan");
  CHECK_ENT("GPE city mid-sentence", &l, doc, "Berlin", ART_ENT_GPE, "Berlin");
  CHECK_ENT("FAC airport", &l, doc, "Mombasa Airport", ART_ENT_FAC, "Mombasa Airport");
  CHECK_ENT("LOC river", &l, doc, "Danube River", ART_ENT_LOC, "Danube River");
  /* span conventions */
  CHECK_ENT("no title, Jr. kept", &l, doc, "Marcus Hale Jr.", ART_ENT_PERSON, "Marcus Hale Jr.");
  CHECK("no title in span", !find(&l, doc, "Foreign Minister Ingrid Solberg", 0) && !find(&l, doc, "Sen. Marcus Hale Jr.", 0));
  CHECK_ENT("no leading the", &l, doc, "European Union", ART_ENT_ORG, "European Union");
  CHECK_ENT("no possessive", &l, doc, "Germany", ART_ENT_GPE, "Germany");
  CHECK("sentence-initial common word is not a name", !find(&l, doc, "Officials", 0) && !find(&l, doc, "Farmers", 0));
  /* canonical linking */
  const char *second = strstr(doc, "Solberg said");
  const art_entity *sol = find(&l, doc, "Solberg", (size_t)(second - doc));
  CHECK("surname -> full name", sol && sol->type == ART_ENT_PERSON && strcmp(sol->canonical, "Ingrid Solberg") == 0);
  const art_entity *hale = find(&l, doc, "Hale", (size_t)(strstr(doc, "Mr. Hale") - doc));
  CHECK("surname after Mr. -> full name with Jr.", hale && strcmp(hale->canonical, "Marcus Hale Jr.") == 0);
  CHECK_ENT("acronym -> spelled-out name", &l, doc, "IMF", ART_ENT_ORG, "International Monetary Fund");
  CHECK_ENT("dateline -> ordinary spelling", &l, doc, "OSLO", ART_ENT_GPE, "Oslo");
  /* gender for the quotes stage */
  CHECK("gender from pronoun", sol && sol->gender == 2);
  CHECK("gender from Mr.", hale && hale->gender == 1);
  /* values merged from the values module */
  const art_entity *n = find(&l, doc, "1,250", 0);
  CHECK("CARDINAL with value", n && n->type == ART_ENT_CARDINAL && n->has_value && n->value == 1250);
  const art_entity *p = find(&l, doc, "3.5%", 0);
  CHECK("PERCENT with value", p && p->type == ART_ENT_PERCENT && p->has_value && p->value == 3.5);
  const art_entity *d = find(&l, doc, "Tuesday", 0);
  CHECK("DATE weekday", d && d->type == ART_ENT_DATE && !d->has_value);
  /* sentences as article_sentences numbers them (the ad line is not one) */
  const art_entity *ke = find(&l, doc, "Kenya", 0);
  CHECK("sentence numbers", sol && sol->sentence == 2 && ke && ke->sentence == 6);
  /* order, bounds, no overlap */
  int sorted = 1;
  for (size_t i = 0; i < l.count; i++) {
    if (l.items[i].end > strlen(doc) || l.items[i].start >= l.items[i].end) sorted = 0;
    if (i && l.items[i].start < l.items[i - 1].end) sorted = 0;
  }
  CHECK("spans ordered and disjoint", sorted && l.count > 20);
  art_entity_list_free(&l);
}

static void test_options(void) {
  const char *doc = "Lars Berg of Fjordbank said on Monday that Lars Berg will visit Bergen.\n";
  art_entity_list l = {0};
  art_ent_options o = {0};
  o.type_mask = (1u << ART_ENT_PERSON) | (1u << ART_ENT_DATE);
  art_entities_extract(ctx, doc, strlen(doc), NULL, &o, &l);
  int only = l.count > 0;
  for (size_t i = 0; i < l.count; i++)
    if (l.items[i].type != ART_ENT_PERSON && l.items[i].type != ART_ENT_DATE) only = 0;
  CHECK("type mask keeps only those types", only && find(&l, doc, "Monday", 0) && find(&l, doc, "Lars Berg", 0));

  art_lexicon_entry lex[] = {
    {"Fjordbank", ART_ENT_ORG, "Fjordbank ASA"},
    {"Lars Berg", ART_ENT_PERSON, NULL},
  };
  art_ent_options o2 = {0, lex, 2};
  art_entities_extract(ctx, doc, strlen(doc), NULL, &o2, &l);
  CHECK_ENT("lexicon entry with canonical", &l, doc, "Fjordbank", ART_ENT_ORG, "Fjordbank ASA");
  const art_entity *lb = find(&l, doc, "Lars Berg", 10);
  CHECK("lexicon entry without canonical: its name", lb && lb->type == ART_ENT_PERSON && strcmp(lb->canonical, "Lars Berg") == 0);
  art_lexicon_entry lex2[] = {{"Berg", ART_ENT_ORG, NULL}};
  art_ent_options o3 = {0, lex2, 1};
  art_entities_extract(ctx, "Bergen and Berg.", 16, NULL, &o3, &l);
  const art_entity *berg = find(&l, "Bergen and Berg.", "Berg", 0);
  CHECK("lexicon matches whole words only", berg && berg->start == 11 && berg->type == ART_ENT_ORG);
  art_entity_list_free(&l);
}

static void test_dateline_and_linking(void) {
  const char *doc =
    "NAIROBI, Kenya \xe2\x80\x94 The World Food Programme (WFP) warned on Friday of hunger.\n"
    "Aid chief Amina Odhiambo told reporters the WFP needs money. Odhiambo spoke for an hour.\n"
    "In Nairobi, officials agreed.\n";
  art_entity_list l = {0};
  art_entities_extract(ctx, doc, strlen(doc), NULL, NULL, &l);
  CHECK_ENT("dateline place", &l, doc, "NAIROBI", ART_ENT_GPE, "Nairobi");
  CHECK_ENT("acronym in parentheses", &l, doc, "WFP", ART_ENT_ORG, "World Food Programme");
  const art_entity *o = find(&l, doc, "Odhiambo", (size_t)(strstr(doc, "Odhiambo spoke") - doc));
  CHECK("surname at sentence start linked", o && o->type == ART_ENT_PERSON && strcmp(o->canonical, "Amina Odhiambo") == 0);
  CHECK("no title 'Aid chief'", !covered(&l, (size_t)(strstr(doc, "Aid chief") - doc)));
  CHECK("one label per surface form", find(&l, doc, "Nairobi", 0) && find(&l, doc, "Nairobi", 0)->type == ART_ENT_GPE);
  art_entity_list_free(&l);
}

static void test_robustness(void) {
  art_entity_list l = {0};
  CHECK("empty document", art_entities_extract(ctx, "", 0, NULL, NULL, &l) == 0 && l.count == 0);
  const char *bad = "Caf\xc3 \xff Oslo\xe2\x80 met Ana \xf0\x9f\x98\x80 Ruiz in Lima.\n\n\n";
  CHECK("invalid UTF-8", art_entities_extract(ctx, bad, strlen(bad), NULL, NULL, &l) == 0);
  int inside = 1;
  for (size_t i = 0; i < l.count; i++) if (l.items[i].end > strlen(bad)) inside = 0;
  CHECK("invalid UTF-8 spans inside", inside);
  /* Many paragraphs: linear work, stable results. */
  size_t reps = 2000, unit = strlen(ARTICLE);
  char *big = malloc(unit * reps + 1);
  for (size_t i = 0; i < reps; i++) memcpy(big + i * unit, ARTICLE, unit);
  big[unit * reps] = 0;
  CHECK("large document", art_entities_extract(ctx, big, unit * reps, NULL, NULL, &l) == 0 && l.count > 20 * reps);
  free(big);
  art_entity_list a = {0}, b = {0};
  art_entities_extract(ctx, ARTICLE, strlen(ARTICLE), NULL, NULL, &a);
  art_entities_extract(ctx, ARTICLE, strlen(ARTICLE), NULL, NULL, &b);
  int same = a.count == b.count;
  for (size_t i = 0; same && i < a.count; i++)
    same = a.items[i].start == b.items[i].start && a.items[i].type == b.items[i].type &&
           strcmp(a.items[i].canonical, b.items[i].canonical) == 0;
  CHECK("deterministic", same);
  art_entity_list_free(&a);
  art_entity_list_free(&b);
  art_entity_list_free(&l);
}

static void test_names(void) {
  CHECK("type names round-trip", art_etype_from_name("WORK_OF_ART", 11) == ART_ENT_WORK_OF_ART &&
        strcmp(art_etype_name(ART_ENT_CARDINAL), "CARDINAL") == 0 && art_etype_from_name("person", 6) == ART_ENT_NONE);
  CHECK("model compiled in", art_tagger_default_model.nslots > 0 &&
        art_tagger_default_model.feature_version == ART_TAGGER_FEATURE_VERSION);
}

int main(void) {
  const char *err = NULL;
  ctx = art_context_new(&err);
  CHECK("context", ctx != NULL);
  if (!ctx) CHECK_DONE();
  test_names();
  test_article();
  test_options();
  test_dateline_and_linking();
  test_robustness();
  art_context_free(ctx);
  CHECK_DONE();
}
