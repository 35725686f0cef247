/*
** tagger.c — an averaged-perceptron name tagger over one sentence.
**
** Labels are BIO over the eleven name types (PERSON .. LANGUAGE); numbers,
** dates and times come from the values module instead.  The model is a
** table of hashed features, each with a short row of (label, weight)
** cells: scoring a token is one hash probe per feature and a few adds.
**
** Why only some tokens are scored.  On news text about four tokens in five
** are lower-case words that are never the start of a name.  Scoring them
** would cost most of the time and gain nothing, so art_tagger_scorable()
** decides, from shape alone, which tokens may carry a name label: words
** with an upper-case letter, name particles right before a capital ("bin
** Laden", "de Souza"), and short lower-case connectors ("of", "and", "the",
** "&", "'s", "-") inside a name that is already open when a capital follows
** soon.  The trainer applies the same rule, so the model learns exactly the
** decisions it will be asked to make.
**
** Features (hashed with a template number): the word, its lower case,
** three-letter prefix and suffix, a compressed shape ("Xx", "X.X.", "dd"),
** the words and shapes around it, the previous label alone and with the
** shape, sentence-initial position, and gazetteer hits (ext/data tables:
** countries, demonyms, first names, titles, organisation words...) for the
** word, its neighbours and multi-word entries it starts or continues.
** Gazetteers are found by name among the generated tables, so a list that
** does not exist yet simply contributes nothing.
*/
#include <pthread.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>
#include "article_tagger.h"
#include "article_tables.h"

/* ---- gazetteers --------------------------------------------------------- */

/* Feature order: never reorder, only append (and bump the feature version). */
static const char *const gazetteer_names[] = {
  "common_words", "gaz_countries", "gaz_demonyms", "gaz_cities", "gaz_us_states",
  "gaz_regions", "gaz_first_names", "titles", "org_words", "fac_words", "acronyms",
  "gaz_surnames", "gaz_provinces",
};
#define GAZ_COUNT (sizeof gazetteer_names / sizeof gazetteer_names[0])
_Static_assert(ART_GAZ_PROVINCES == 1u << 12 && ART_GAZ_TITLES == 1u << 7 && ART_GAZ_ACRONYMS == 1u << 10,
               "ART_GAZ_* follow gazetteer_names");
/* gaz_regions holds LOC and GPE places: its LOC entries get a bit of their own. */
#define GAZ_REGIONS 5
#define GAZ_ACRONYMS 10
#define GAZ_TITLES 7
#define GAZ_REGIONS_LOC GAZ_COUNT
#define GAZ_BITS (GAZ_COUNT + 1)
/* Not a feature: common_words.tsv entries written in lower case >= 90% of the time. */
#define GAZ_COMMON 0
#define GAZ_LOWER_WORD (GAZ_COUNT + 1)

typedef struct { const char *name; const art_table *table; } named_table;
static const named_table all_tables[] = {
#define ART_TABLE(n) { #n, &art_table_##n },
#include "article_table_list.h"
#undef ART_TABLE
  { NULL, NULL }
};

size_t art_tagger_gazetteer_count(void) { return GAZ_COUNT; }
const char *art_tagger_gazetteer_name(size_t g) { return g < GAZ_COUNT ? gazetteer_names[g] : NULL; }

const art_table *art_table_named(const char *name) {
  for (size_t i = 0; all_tables[i].name; i++)
    if (strcmp(all_tables[i].name, name) == 0) return all_tables[i].table;
  return NULL;
}

/*
** All gazetteers merged into one hash: a word costs one probe whatever the
** number of lists, and the probe answers with a bit per list.  Built once
** per process (pthread_once) from the generated tables; read-only after.
** acronyms.tsv is keyed as written ("WHO", not "who"), so its keys go in a
** second, case-sensitive merged set.
*/
typedef struct gaz_slot { uint32_t hash; uint32_t bits; } gaz_slot;   /* hash 0 = empty */
typedef struct gaz_set { gaz_slot *slots; uint32_t mask; } gaz_set;
static gaz_set gaz_lower, gaz_exact;
static pthread_once_t gaz_once = PTHREAD_ONCE_INIT;

static uint32_t entry_bits(size_t g, const art_table_entry *e) {
  uint32_t bits = 1u << g;
  if (g == GAZ_REGIONS && e->value[0] == 'L') bits |= 1u << GAZ_REGIONS_LOC;
  if (g == GAZ_COMMON && atoi(e->value) >= 70) bits |= 1u << GAZ_LOWER_WORD;
  return bits;
}

/*
** A key is identified by 48 bits of hash (32 in `hash`, 16 more in the top
** of `bits`) and never compared byte by byte: a probe then touches one cache
** line.  A false match needs two independent hashes to collide, about once
** in 10^14 lookups, and would only add a feature.
*/
static uint32_t hash_bytes(const unsigned char *z, size_t n);

static uint32_t key_hash(const char *key, size_t len) {
  uint32_t h = hash_bytes((const unsigned char *)key, len);
  return h ? h : 1;
}

static uint32_t key_check(const char *key, size_t len) {
  uint32_t h = 0x9747b28cu ^ (uint32_t)len;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)key[i]) * 0x5bd1e995u, h ^= h >> 15;
  return h & 0xFFFF0000u;
}

static void gaz_insert(gaz_slot *slots, uint32_t n, const char *key, size_t len, uint32_t bits) {
  uint32_t hv = key_hash(key, len), ck = key_check(key, len), h = hv & (n - 1);
  while (slots[h].hash && !(slots[h].hash == hv && (slots[h].bits & 0xFFFF0000u) == ck)) h = (h + 1) & (n - 1);
  slots[h].hash = hv;
  slots[h].bits |= ck | bits;
}

static void gaz_build(gaz_set *set, int exact) {
  size_t total = 0;
  const art_table *tabs[GAZ_COUNT];
  for (size_t g = 0; g < GAZ_COUNT; g++) {
    tabs[g] = art_table_named(gazetteer_names[g]);
    if (tabs[g] && (g == GAZ_ACRONYMS) == exact) total += tabs[g]->count;
  }
  uint32_t n = 16;
  while (n < 2 * total + 2) n *= 2;   /* room for title first words too */
  set->slots = calloc(n, sizeof *set->slots);
  if (!set->slots) return;
  for (size_t g = 0; g < GAZ_COUNT; g++) {
    if (!tabs[g] || (g == GAZ_ACRONYMS) != exact) continue;
    for (uint32_t i = 0; i < tabs[g]->count; i++) {
      const art_table_entry *e = &tabs[g]->entries[i];
      if (e->key_len == 0) continue;
      gaz_insert(set->slots, n, e->key, e->key_len, entry_bits(g, e));
      /* "trade minister": its first word marks where a title may start */
      const char *space = g == GAZ_TITLES ? memchr(e->key, ' ', e->key_len) : NULL;
      if (space) gaz_insert(set->slots, n, e->key, (size_t)(space - e->key), ART_GAZ_TITLE_START);
    }
  }
  set->mask = n - 1;
}

static void gaz_init(void) {
  gaz_build(&gaz_lower, 0);
  gaz_build(&gaz_exact, 1);
}

static uint32_t gaz_find(const gaz_set *set, const char *key, size_t len);

uint32_t art_gazetteer_bits(const char *lower_key, size_t len) {
  pthread_once(&gaz_once, gaz_init);
  return gaz_find(&gaz_lower, lower_key, len);
}

static uint32_t gaz_find(const gaz_set *set, const char *key, size_t len) {
  if (!set->slots) return 0;
  uint32_t hv = key_hash(key, len), ck = 0;
  for (uint32_t h = hv & set->mask;; h = (h + 1) & set->mask) {
    const gaz_slot *s = &set->slots[h];
    if (!s->hash) return 0;
    if (s->hash == hv) {
      if (!ck) ck = key_check(key, len);
      if ((s->bits & 0xFFFF0000u) == ck) return s->bits & 0xFFFFu;
    }
  }
}

/* ---- hashing ------------------------------------------------------------ */

static uint32_t fmix32(uint32_t h) {
  h ^= h >> 16; h *= 0x85ebca6bu;
  h ^= h >> 13; h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

/* FNV-1a: tokens are short, and a byte at a time beats wider schemes on them. */
static uint32_t hash_bytes(const unsigned char *z, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) { h ^= z[i]; h *= 16777619u; }
  return h;
}

static uint32_t feat(uint32_t template_id, uint32_t value) {
  uint32_t h = fmix32(value * 0xcc9e2d51u + template_id * 0x9e3779b9u + 0x1b873593u);
  return h ? h : 1;
}

/* ASCII lower case of z[0..n) into buf (at most cap bytes); returns the length. */
static size_t lower_ascii(const unsigned char *z, size_t n, char *buf, size_t cap) {
  if (n > cap) n = cap;
  for (size_t i = 0; i < n; i++) buf[i] = (char)(z[i] >= 'A' && z[i] <= 'Z' ? z[i] + 32 : z[i]);
  return n;
}

/*
** Compressed shape: X upper, x lower, d digit, other bytes as themselves
** (non-ASCII letters as 'u'), runs collapsed, at most 8 symbols.
*/
static uint32_t shape_hash(const unsigned char *z, size_t n) {
  char buf[8];
  size_t k = 0;
  for (size_t i = 0; i < n && k < sizeof buf; i++) {
    unsigned char c = z[i];
    char s;
    if (c >= 'A' && c <= 'Z') s = 'X';
    else if (c >= 'a' && c <= 'z') s = 'x';
    else if (c >= '0' && c <= '9') s = 'd';
    else if (c >= 0x80) { if ((c & 0xC0) == 0x80) continue; s = 'u'; }
    else s = (char)c;
    if (k == 0 || buf[k - 1] != s) buf[k++] = s;
  }
  return hash_bytes((const unsigned char *)buf, k) ^ (uint32_t)(n > 4 ? 0x100 : 0);
}

/* ---- scratch ------------------------------------------------------------ */

int art_tagger_scratch_reset(art_tagger_scratch *sc, size_t n) {
  if (n > sc->cap) {
    size_t cap = sc->cap ? sc->cap : 64;
    while (cap < n) cap *= 2;
    art_tok_info *p = realloc(sc->info, cap * sizeof *p);
    if (!p) return -1;
    sc->info = p;
    sc->cap = cap;
  }
  for (size_t i = 0; i < n; i++) sc->info[i].ready = 0;
  return 0;
}

void art_tagger_scratch_free(art_tagger_scratch *sc) {
  free(sc->info);
  sc->info = NULL;
  sc->cap = 0;
}

#define LOWER_MAX 48
#ifndef ART_TAGGER_CONTINUE_MARGIN
#define ART_TAGGER_CONTINUE_MARGIN 1500
#endif

static void prepare(const char *doc, const art_token *toks, size_t n, art_tagger_scratch *sc, size_t i) {
  art_tok_info *in = &sc->info[i];
  if (in->ready) return;
  const unsigned char *z = (const unsigned char *)doc + toks[i].start;
  size_t len = toks[i].end - toks[i].start;
  char low[LOWER_MAX];
  size_t ll = lower_ascii(z, len, low, sizeof low);
  in->h_word = hash_bytes(z, len);
  in->h_lower = hash_bytes((const unsigned char *)low, ll);
  in->h_shape = shape_hash(z, len);
  in->gaz = 0;
  if (!in->ready) in->gaz_span = 0;
  in->ready = 1;
  if (!(toks[i].flags & ART_TOK_WORD) || len > LOWER_MAX) return;
  /* Gazetteers list names: only a word with a capital is looked up. */
  if (!(toks[i].flags & ART_TOK_HAS_UPPER)) return;
  pthread_once(&gaz_once, gaz_init);
  in->gaz = gaz_find(&gaz_lower, low, ll) | gaz_find(&gaz_exact, (const char *)z, len);
  (void)n;
}

/* Multi-word gazetteer entries starting at token i: mark the tokens they cover. */
static void mark_spans(const char *doc, const art_token *toks, size_t n, art_tagger_scratch *sc, size_t i) {
  char key[96];
  size_t kl = 0;
  for (size_t j = i; j < n && j < i + 4; j++) {
    size_t len = toks[j].end - toks[j].start;
    if (!(toks[j].flags & ART_TOK_WORD) || kl + len + 1 > sizeof key) break;
    /* Entries continue with a capital or a short joining word before one ("Gulf of Aden"). */
    if (j > i && !(toks[j].flags & ART_TOK_HAS_UPPER) &&
        !(len <= 3 && j + 1 < n && j + 1 < i + 4 && (toks[j + 1].flags & ART_TOK_HAS_UPPER))) break;
    if (j > i) key[kl++] = ' ';
    kl += lower_ascii((const unsigned char *)doc + toks[j].start, len, key + kl, sizeof key - kl);
    if (j == i) continue;
    uint32_t bits = gaz_find(&gaz_lower, key, kl);
    if (bits) {
      for (size_t k = i; k <= j; k++) {
        prepare(doc, toks, n, sc, k);
        sc->info[k].gaz_span |= bits;
      }
    }
  }
}

/* ---- which tokens are scored -------------------------------------------- */

static int lowest_bit(uint32_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctz(x);
#else
  int b = 0;
  while (!(x & 1)) { x >>= 1; b++; }
  return b;
#endif
}

static int is_word_in(const char *doc, const art_token *t, const char *const *list) {
  size_t len = t->end - t->start;
  if (len > 5) return 0;   /* longer than any particle */
  for (size_t i = 0; list[i]; i++)
    if (strlen(list[i]) == len && memcmp(doc + t->start, list[i], len) == 0) return 1;
  return 0;
}

static const char *const particles[] = {
  "al", "el", "bin", "bint", "ibn", "abu", "de", "da", "di", "du", "del", "della", "dos", "das",
  "van", "von", "der", "den", "la", "le", "ter", "ten", "y", NULL
};

static int has_upper_word(const art_token *t) {
  return (t->flags & (ART_TOK_WORD | ART_TOK_HAS_UPPER)) == (ART_TOK_WORD | ART_TOK_HAS_UPPER);
}

int art_tagger_scorable(const char *doc, const art_token *toks, size_t n, size_t i, int prev_tag) {
  const art_token *t = &toks[i];
  int next_cap = i + 1 < n && has_upper_word(&toks[i + 1]);
  if (has_upper_word(t)) {
    /* "The", "But", "Officials" opening a sentence before a lower-case word: not a name. */
    if ((t->flags & ART_TOK_INITIAL) && !next_cap && !(t->flags & ART_TOK_ALLCAPS)) {
      char low[LOWER_MAX];
      size_t len = t->end - t->start;
      if (len <= LOWER_MAX) {
        size_t ll = lower_ascii((const unsigned char *)doc + t->start, len, low, sizeof low);
        pthread_once(&gaz_once, gaz_init);
        if (gaz_find(&gaz_lower, low, ll) & (1u << GAZ_LOWER_WORD)) return 0;
      }
    }
    return 1;
  }
  if ((t->flags & ART_TOK_LOWER) && next_cap && is_word_in(doc, t, particles)) return 1;
  if (prev_tag == ART_TAG_O) return 0;
  /* A connector inside an open name: a capital must follow within two tokens. */
  size_t len = t->end - t->start;
  int connector = (t->flags & (ART_TOK_POSSESSIVE | ART_TOK_DASH)) ||
                  ((t->flags & ART_TOK_LOWER) && len <= 4) ||
                  (len == 1 && doc[t->start] == '&');
  if (!connector) return 0;
  if (next_cap) return 1;
  return i + 2 < n && (toks[i + 1].flags & ART_TOK_LOWER) && toks[i + 1].end - toks[i + 1].start <= 3 &&
         has_upper_word(&toks[i + 2]);
}

/* ---- features ----------------------------------------------------------- */

enum {
  T_BIAS = 1, T_WORD, T_LOWER, T_SUFFIX, T_PREFIX, T_SHAPE, T_PREV_WORD, T_NEXT_WORD,
  T_PREV2_WORD, T_NEXT2_WORD, T_PREV_SHAPE, T_NEXT_SHAPE, T_PREV_TAG, T_PREV_TAG_SHAPE,
  T_PREV_TAG_WORD, T_INITIAL, T_INITIAL_COMMON, T_WORD_NEXT, T_FLAGS,
  T_GAZ = 32, T_GAZ_SPAN = 64, T_GAZ_PREV = 96, T_GAZ_NEXT = 128
};

#define BOUNDARY_HASH 0x5bd1e995u

size_t art_tagger_features(const char *doc, const art_token *toks, size_t n,
                           art_tagger_scratch *sc, size_t i, int prev_tag, uint32_t *f) {
  size_t k = 0;
  for (size_t j = i >= 2 ? i - 2 : 0; j < n && j <= i + 2; j++) prepare(doc, toks, n, sc, j);
  if (i == 0 || !(toks[i - 1].flags & ART_TOK_WORD) || !has_upper_word(&toks[i - 1]))
    mark_spans(doc, toks, n, sc, i);
  const art_tok_info *in = &sc->info[i];
  uint32_t prev_w = i >= 1 ? sc->info[i - 1].h_lower : BOUNDARY_HASH;
  uint32_t next_w = i + 1 < n ? sc->info[i + 1].h_lower : BOUNDARY_HASH;
  uint32_t next2_w = i + 2 < n ? sc->info[i + 2].h_lower : BOUNDARY_HASH;
  uint32_t prev_s = i >= 1 ? sc->info[i - 1].h_shape : BOUNDARY_HASH;
  uint32_t next_s = i + 1 < n ? sc->info[i + 1].h_shape : BOUNDARY_HASH;
  uint32_t pt = (uint32_t)prev_tag;
  uint32_t initial = (toks[i].flags & ART_TOK_INITIAL) ? 1 : 0;

  f[k++] = feat(T_BIAS, 0);
  f[k++] = feat(T_WORD, in->h_word);
  f[k++] = feat(T_LOWER, in->h_lower);
  f[k++] = feat(T_SHAPE, in->h_shape);
  f[k++] = feat(T_PREV_WORD, prev_w);
  f[k++] = feat(T_NEXT_WORD, next_w);
  f[k++] = feat(T_NEXT2_WORD, next2_w);
  f[k++] = feat(T_PREV_SHAPE, prev_s * 31u + in->h_shape);
  f[k++] = feat(T_NEXT_SHAPE, next_s * 31u + in->h_shape);
  f[k++] = feat(T_PREV_TAG, pt);
  f[k++] = feat(T_PREV_TAG_SHAPE, pt * 0x01000193u ^ in->h_shape);
  f[k++] = feat(T_INITIAL, initial);
  if (initial) f[k++] = feat(T_INITIAL_COMMON, (in->gaz & 1u) | ((in->gaz & 0x7Eu) ? 2u : 0u));
  f[k++] = feat(T_WORD_NEXT, in->h_lower * 0x01000193u ^ next_w);
  f[k++] = feat(T_FLAGS, toks[i].flags & (ART_TOK_ALLCAPS | ART_TOK_PERIOD | ART_TOK_HYPHEN |
                                          ART_TOK_DIGIT | ART_TOK_CAP | ART_TOK_POSSESSIVE));
  /* Gazetteer hits: one feature per list for the word, the span, and each neighbour. */
  const uint32_t mask = (1u << GAZ_BITS) - 1;
  uint32_t groups[4] = { in->gaz & mask, in->gaz_span & mask, i >= 1 ? sc->info[i - 1].gaz & mask : 0,
                         i + 1 < n ? sc->info[i + 1].gaz & mask : 0 };
  static const uint32_t base[4] = { T_GAZ, T_GAZ_SPAN, T_GAZ_PREV, T_GAZ_NEXT };
  for (int q = 0; q < 4; q++)
    for (uint32_t bits = groups[q]; bits && k < ART_TAGGER_MAX_FEATURES; bits &= bits - 1)
      f[k++] = feat(base[q] + (uint32_t)lowest_bit(bits), 1);
  return k;
}

/* ---- scoring and decoding ------------------------------------------------ */

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/*
** Scoring is bound by memory latency, not arithmetic: each feature is a
** probe into a table larger than L1.  So the probes are issued in three
** sweeps (prefetch every slot, find every row and prefetch it, then add)
** and the misses overlap instead of queueing one behind the other.
*/
/* scores[0..24) += row[0..24), eight weights at a time where SSE2 is there. */
static inline void add_dense_row(int32_t *scores, const int16_t *row) {
#if defined(__SSE2__)
  for (int t = 0; t < ART_TAGGER_DENSE_WIDTH; t += 8) {
    __m128i w = _mm_loadu_si128((const __m128i *)(row + t));
    __m128i lo = _mm_srai_epi32(_mm_unpacklo_epi16(w, w), 16);   /* sign-extend to 32 bits */
    __m128i hi = _mm_srai_epi32(_mm_unpackhi_epi16(w, w), 16);
    __m128i *s0 = (__m128i *)(scores + t), *s1 = (__m128i *)(scores + t + 4);
    _mm_storeu_si128(s0, _mm_add_epi32(_mm_loadu_si128(s0), lo));
    _mm_storeu_si128(s1, _mm_add_epi32(_mm_loadu_si128(s1), hi));
  }
#else
  for (int t = 0; t < ART_TAGGER_DENSE_WIDTH; t++) scores[t] += row[t];
#endif
}

void art_tagger_score(const art_tagger_model *m, const uint32_t *feats, size_t nf, int32_t *scores) {
  if (m->nslots == 0) return;
  uint32_t mask = m->nslots - 1;
  uint32_t rows[ART_TAGGER_MAX_FEATURES];
  size_t nr = 0;
  if (nf > ART_TAGGER_MAX_FEATURES) nf = ART_TAGGER_MAX_FEATURES;
  for (size_t f = 0; f < nf; f++) PREFETCH(&m->slots[feats[f] & mask]);
  for (size_t f = 0; f < nf; f++) {
    uint32_t key = feats[f];
    for (uint32_t s = key & mask;; s = (s + 1) & mask) {
      const art_tagger_slot *sl = &m->slots[s];
      if (sl->key == key) {
        rows[nr++] = sl->row;
        PREFETCH((sl->row & 31) == ART_TAGGER_DENSE_ROW
                   ? (const void *)(m->dense + (size_t)(sl->row >> 5) * ART_TAGGER_DENSE_WIDTH)
                   : (const void *)(m->cells + (sl->row >> 5)));
        break;
      }
      if (sl->key == 0) break;
    }
  }
  for (size_t r = 0; r < nr; r++) {
    uint32_t len = rows[r] & 31;
    if (len == ART_TAGGER_DENSE_ROW) {
      const int16_t *d = m->dense + (size_t)(rows[r] >> 5) * ART_TAGGER_DENSE_WIDTH;
      add_dense_row(scores, d);
      continue;
    }
    const uint32_t *c = m->cells + (rows[r] >> 5);
    for (uint32_t j = 0; j < len; j++) scores[c[j] >> 16] += (int16_t)(c[j] & 0xFFFF);
  }
}

static inline int allowed(int prev, int tag) {
  if (tag == ART_TAG_O || ART_TAG_IS_B(tag)) return 1;
  return prev != ART_TAG_O && ART_TAG_TYPE(prev) == ART_TAG_TYPE(tag);
}

int art_tagger_allowed(int prev, int tag) { return allowed(prev, tag); }

int art_tagger_tag(const art_tagger_model *m, const char *doc, const art_token *toks, size_t n,
                   art_tagger_scratch *sc, uint8_t *tags, int32_t *margin) {
  if (art_tagger_scratch_reset(sc, n)) return -1;
  uint32_t feats[ART_TAGGER_MAX_FEATURES];
  int prev = ART_TAG_O;
  for (size_t i = 0; i < n; i++) {
    if (margin) margin[i] = 0;
    if (m->feature_version != ART_TAGGER_FEATURE_VERSION ||
        !art_tagger_scorable(doc, toks, n, i, prev)) {
      tags[i] = ART_TAG_O;
      prev = ART_TAG_O;
      continue;
    }
    size_t nf = art_tagger_features(doc, toks, n, sc, i, prev, feats);
    int32_t scores[ART_TAGGER_DENSE_WIDTH] = {0};
    art_tagger_score(m, feats, nf, scores);
    int best = ART_TAG_O;
    int32_t best_score = scores[0], second = INT32_MIN;
    for (int t = 1; t < ART_TAGGER_LABELS; t++) {
      if (!allowed(prev, t)) continue;
      if (scores[t] > best_score) { second = best_score; best_score = scores[t]; best = t; }
      else if (scores[t] > second) second = scores[t];
    }
    /*
    ** A new name of another type right after an open one ("William/B-PER
    ** Burns/B-ORG") is almost always a greedy slip: names of different
    ** types rarely touch.  Continue the open name unless the new one wins
    ** clearly.
    */
    if (ART_TAG_IS_B(best) && prev != ART_TAG_O && ART_TAG_TYPE(best) != ART_TAG_TYPE(prev) &&
        (toks[i].flags & ART_TOK_CAP) && i > 0 && (toks[i - 1].flags & ART_TOK_WORD)) {
      int cont = ART_TAG_I(ART_TAG_TYPE(prev));
      if (best_score - scores[cont] < ART_TAGGER_CONTINUE_MARGIN) {
        second = best_score;
        best_score = scores[cont];
        best = cont;
      }
    }
    tags[i] = (uint8_t)best;
    if (margin) margin[i] = second == INT32_MIN ? 0 : best_score - second;
    prev = best;
  }
  return 0;
}
