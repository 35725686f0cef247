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
** Features (hashed with a template number): the word, its lower case, a
** compressed shape ("Xx", "X.X.", "dd"), the words and shapes around it,
** the previous label alone and with the shape, sentence-initial position,
** and gazetteer hits (ext/data tables: countries, demonyms, first names,
** titles, organisation words...) for the word, its neighbours and
** multi-word entries it starts or continues.  Gazetteers are found by name
** among the generated tables, so a list that does not exist yet simply
** contributes nothing.
**
** Where the time goes.  A scored token reads some twenty features, each a
** hash probe into a table of 36,000, so the work per scored token is what
** counts (the tokens that are not scored cost a flag test).  It is kept
** down in four ways:
**
**   - a word cache.  Half of a token's features depend on the token alone
**     (spelling, shape, flags, gazetteer hits), and names recur: "U.S.",
**     "Iraq", "President".  The sum of those features' weights is kept per
**     word type (with the word's shape after an O, the usual previous
**     label), with the word's hashes, gazetteer bits and the rows of its
**     features as a neighbour; a word seen before costs one probe instead
**     of three hashes, two gazetteer probes and eleven model probes.  The
**     cache (32,768 word types in sets of two, 3 MB) lives in the
**     caller's scratch, one per connection (the model is read-only and
**     shared), is keyed by a 64-bit hash of the bytes and flags, and holds
**     exact integer sums, so it changes no result, only the time;
**   - the rows of the features that take few values (the previous label,
**     gazetteer hits, flags, bias), and which labels may follow which, come
**     from small tables filled once per model, and the rows that depend on
**     the previous label and the shapes around a token alone are summed
**     once per such context (shape_ctx);
**   - a token's 24 sums stay in vector registers while its rows are added
**     (dense rows are stored as 32-bit weights for that), and the best
**     label and the runner-up come from one pass of vector compares;
**   - only the stretches of a sentence near a capital are looked at.
**
** art_tagger_features() is the plain, uncached feature list the trainer
** learns from; compiled with -DART_TAGGER_CHECK=1 the tagger recomputes
** every score through it and aborts on any difference.
*/
#include <pthread.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include "article_tagger.h"
#include "article_hash.h"
#include "article_tables.h"
#include "article_text.h"

#ifndef ART_TAGGER_CHECK
#define ART_TAGGER_CHECK 0
#endif
#if ART_TAGGER_CHECK
#include <stdio.h>
#endif

#if defined(__GNUC__) || defined(__clang__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define NOINLINE __attribute__((noinline))
#define COLD __attribute__((noinline, cold))
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define FLATTEN __attribute__((flatten))   /* the hash inlined: these are called for every word */
#else
#define FLATTEN
#define ALWAYS_INLINE inline
#define NOINLINE
#define COLD
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif

/*
** The decoder (tag_sentence()) is compiled twice, for AVX2 and for any
** x86-64, and the loader picks one per process (an ifunc, art_tagger_tag()).
** The AVX2 copy keeps a token's 24 sums in three 256-bit vectors instead of
** six 128-bit ones (wide_acc); the helpers it calls in its loop are inlined
** (ALWAYS_INLINE) so that they come in both copies.
*/
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__GLIBC__) && \
    defined(__SSE2__) && !defined(ART_NO_CLONES)   /* resolved by ifunc: glibc only */
#define TAG_WIDE 1
#include <immintrin.h>
#define WIDE_FN static inline __attribute__((target("avx2")))
#else
#define TAG_WIDE 0
#endif

/* ---- hashing ------------------------------------------------------------ */

static uint32_t fmix32(uint32_t h) {
  h ^= h >> 16; h *= 0x85ebca6bu;
  h ^= h >> 13; h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

/* FNV-1a, the hash the feature keys are made of (changing it means retraining). */
static uint32_t hash_bytes(const unsigned char *z, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) { h ^= z[i]; h *= 16777619u; }
  return h;
}

static uint32_t feat(uint32_t template_id, uint32_t value) {
  uint32_t h = fmix32(value * 0xcc9e2d51u + template_id * 0x9e3779b9u + 0x1b873593u);
  return h ? h : 1;
}

/*
** A 64-bit hash for the tables that are private to this file (gazetteers,
** word cache), which identify a key by its hash alone: the scheme of
** include/article_hash.h (two overlapping words, a folded multiply), kept
** whole to 64 bits and seeded by the caller.  (A second folded multiply
** over the result changed no probe count and cost six instructions a key.)
*/
static ALWAYS_INLINE uint64_t hash64_mem(const unsigned char *p, size_t len, uint64_t seed) {
  return art_hash_core(p, len, seed);
}

/* ASCII lower case of z[0..n) into buf (at most cap bytes); returns the length. */
static size_t lower_ascii(const unsigned char *z, size_t n, char *buf, size_t cap) {
  if (n > cap) n = cap;
  art_ascii_lower(buf, (const char *)z, n);
  return n;
}

/*
** Compressed shape: X upper, x lower, d digit, other bytes as themselves
** (non-ASCII letters as 'u'), runs collapsed, at most 8 symbols.
*/
#define NO_SYMBOL 0x100u   /* a UTF-8 continuation byte has none */
static inline unsigned shape_symbol(unsigned char c) {
  if ((unsigned)(c - 'a') < 26) return 'x';   /* the commonest first */
  if ((unsigned)(c - 'A') < 26) return 'X';
  if ((unsigned)(c - '0') < 10) return 'd';
  if (c >= 0x80) return c >= 0xC0 ? 'u' : NO_SYMBOL;
  return c;
}

/*
** The shape hash is hash_bytes() of the symbols, hashed as they come, at
** most eight; word_facts() does it in the same pass as the lower case.  The
** state: the hash, the last symbol, and the symbols taken (9 once an
** extra one has ended the shape).
*/
typedef struct shape_state { uint32_t h; unsigned last, k; } shape_state;
#define SHAPE_START { 2166136261u, NO_SYMBOL, 0 }

static ALWAYS_INLINE void shape_step(shape_state *st, unsigned char c) {
  unsigned s = shape_symbol(c);
  if (s == NO_SYMBOL || s == st->last || st->k > 8) return;
  if (st->k++ == 8) return;   /* a ninth symbol: the shape ends before it */
  st->h = (st->h ^ s) * 16777619u;
  st->last = s;
}

static ALWAYS_INLINE uint32_t shape_end(const shape_state *st, size_t n) {
  return st->h ^ (uint32_t)(n > 4 ? 0x100 : 0);
}

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
#define GAZ_FEATURE_MASK ((1u << GAZ_BITS) - 1)
/* Not a feature: common_words.tsv entries written in lower case >= 90% of the time. */
#define GAZ_COMMON 0
#define GAZ_LOWER_WORD (GAZ_COUNT + 1)
_Static_assert(ART_GAZ_LOWER_WORD == 1u << GAZ_LOWER_WORD, "ART_GAZ_LOWER_WORD is the bit after the lists");

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
**
** A key is identified by 44 bits of a 64-bit hash (32 in `lo`, 12 more in
** the top of `bits`, whose low 20 bits are the answer) and never compared
** byte by byte: a probe then touches one cache line.  A false match needs
** 44 bits to collide, about once in 10^13 lookups, and would only add a
** feature.
*/
typedef struct gaz_slot { uint32_t lo; uint32_t bits; } gaz_slot;   /* lo 0 = empty */
typedef struct gaz_set { gaz_slot *slots; uint32_t mask; } gaz_set;
static gaz_set gaz_lower, gaz_exact;
static pthread_once_t gaz_once = PTHREAD_ONCE_INIT;
static atomic_int gaz_ready;   /* set once the tables are built: later calls skip pthread_once */
#define GAZ_SEED 0x2545f4914f6cdd1dull
#define GAZ_CHECK 0xFFF00000u        /* the check bits in a slot's `bits` */
#define GAZ_ANSWER (~GAZ_CHECK)
/*
** Private to this file: the word is the first of a multi-word entry in some
** list ("gulf" of "gulf of aden"), so a search for multi-word entries
** (mark_spans) need only start at such words.  Never in a public answer.
*/
#define GAZ_MW_START (ART_GAZ_TITLE_END << 1)
/*
** Private too: the key (of two words or more) is the start of a longer
** multi-word entry ("gulf of" of "gulf of aden"), so the search goes on
** past it; without it the search stops there.  Never in a public answer.
*/
#define GAZ_MW_MORE (GAZ_MW_START << 1)
#define GAZ_PRIVATE (GAZ_MW_START | GAZ_MW_MORE)
_Static_assert((GAZ_MW_MORE << 1) - 1 <= GAZ_ANSWER, "the ART_GAZ_* bits fit below the check bits");
/*
** A looked-up word's art_gazetteer_bits() (of its lower case) are its bits
** (word_facts()) without those that only the case-sensitive set gives
** (ACRONYMS, and GAZ_MW_START of a multi-word acronym), which the
** lower-case set never holds, and without GAZ_MW_START, which that function
** drops.  art_tagger_tag() hands them on (word_gaz).
*/
#define GAZ_LOWER_ANSWER ((GAZ_MW_START - 1) & ~(uint32_t)ART_GAZ_ACRONYMS)

static inline uint32_t gaz_lo(uint64_t h) { uint32_t lo = (uint32_t)h; return lo ? lo : 1; }
static inline uint32_t gaz_check(uint64_t h) { return (uint32_t)(h >> 32) & GAZ_CHECK; }

/*
** The number a value starts with, read as atoi() reads it (spaces, a sign,
** digits), in line: atoi() goes through strtol() and its locale, some 150
** instructions, for each of the 11,000 common words.  Large values stop
** growing at a million (atoi() would overflow); only ">= 70" is asked.
*/
static long leading_number(const char *z) {
  while (*z == ' ' || (*z >= '\t' && *z <= '\r')) z++;
  int negative = *z == '-';
  if (*z == '-' || *z == '+') z++;
  long v = 0;
  for (; *z >= '0' && *z <= '9' && v < 1000000; z++) v = v * 10 + (*z - '0');
  return negative ? -v : v;
}

static uint32_t entry_bits(size_t g, const art_table_entry *e) {
  uint32_t bits = 1u << g;
  if (g == GAZ_REGIONS && e->value[0] == 'L') bits |= 1u << GAZ_REGIONS_LOC;
  if (g == GAZ_COMMON && leading_number(e->value) >= 70) bits |= 1u << GAZ_LOWER_WORD;
  return bits;
}

/* Returns 1 when the key took a new slot. */
static int gaz_insert(gaz_slot *slots, uint32_t n, const char *key, size_t len, uint32_t bits) {
  uint64_t hv = hash64_mem((const unsigned char *)key, len, GAZ_SEED);
  uint32_t lo = gaz_lo(hv), ck = gaz_check(hv), h = lo & (n - 1);
  while (slots[h].lo && !(slots[h].lo == lo && (slots[h].bits & GAZ_CHECK) == ck)) h = (h + 1) & (n - 1);
  int fresh = slots[h].lo == 0;
  slots[h].lo = lo;
  slots[h].bits |= ck | bits;
  return fresh;
}

static void gaz_build(gaz_set *set, const art_table *const *tabs, int exact) {
  /*
  ** Two keys an entry (the entry, the first word of a multi-word one),
  ** three for a title (its last word), and the table twice that size: the
  ** lists hold few multi-word entries and many keys twice ("john", a first
  ** name and a surname, share a slot), so the load is some 1/3, counted
  ** without a pass over the keys.  An entry of three words or more has a
  ** key per start of it (GAZ_MW_MORE) too: should lists of long entries
  ** ever fill half the table, it is made again twice the size.
  */
  size_t most = 0;
  for (size_t g = 0; g < GAZ_COUNT; g++)
    if (tabs[g] && (g == GAZ_ACRONYMS) == exact) most += (g == GAZ_TITLES ? 3 : 2) * (size_t)tabs[g]->count;
  uint32_t n = 16;
  while (n < most + 64) n *= 2;
  for (;; n *= 2) {
    gaz_slot *slots = calloc(n, sizeof *slots);
    if (!slots) return;
    uint32_t used = 0;
    for (size_t g = 0; g < GAZ_COUNT && used < n / 2; g++) {
      if (!tabs[g] || (g == GAZ_ACRONYMS) != exact) continue;
      for (uint32_t i = 0; i < tabs[g]->count && used < n / 2; i++) {
        const art_table_entry *e = &tabs[g]->entries[i];
        if (e->key_len == 0) continue;
        const char *end = e->key + e->key_len;
        used += gaz_insert(slots, n, e->key, e->key_len, entry_bits(g, e));
        const char *first = memchr(e->key, ' ', e->key_len), *last = end;
        if (!first) continue;
        if (first > e->key) used += gaz_insert(slots, n, e->key, (size_t)(first - e->key), GAZ_MW_START);
        /* "gulf of" of "gulf of aden": every start of the entry that ends before a space */
        for (const char *sp = first + 1; (sp = memchr(sp, ' ', (size_t)(end - sp))) != NULL; sp++)
          used += gaz_insert(slots, n, e->key, (size_t)(sp - e->key), GAZ_MW_MORE);
        if (g != GAZ_TITLES) continue;
        /* "trade minister": its first and last words mark where a title may start and end */
        while (last[-1] != ' ') last--;
        used += gaz_insert(slots, n, e->key, (size_t)(first - e->key), ART_GAZ_TITLE_START);
        used += gaz_insert(slots, n, last, (size_t)(end - last), ART_GAZ_TITLE_END);
      }
    }
    if (used < n / 2) {
      set->slots = slots;
      set->mask = n - 1;
      return;
    }
    free(slots);
  }
}

static void gaz_init(void) {
  const art_table *tabs[GAZ_COUNT];
  for (size_t g = 0; g < GAZ_COUNT; g++) tabs[g] = art_table_named(gazetteer_names[g]);
  gaz_build(&gaz_lower, tabs, 0);
  gaz_build(&gaz_exact, tabs, 1);
  atomic_store_explicit(&gaz_ready, 1, memory_order_release);
}

/* The merged gazetteers, built on first use. */
static inline void gaz_ensure(void) {
  if (UNLIKELY(!atomic_load_explicit(&gaz_ready, memory_order_acquire))) pthread_once(&gaz_once, gaz_init);
}

/* The bits of the key whose 64-bit hash is hv. */
static inline uint32_t gaz_probe(const gaz_set *set, uint64_t hv) {
  if (!set->slots) return 0;
  uint32_t lo = gaz_lo(hv), ck = gaz_check(hv);
  for (uint32_t h = lo & set->mask;; h = (h + 1) & set->mask) {
    const gaz_slot *s = &set->slots[h];
    if (s->lo == lo && (s->bits & GAZ_CHECK) == ck) return s->bits & GAZ_ANSWER;
    if (!s->lo) return 0;
  }
}

static inline uint32_t gaz_find(const gaz_set *set, const char *key, size_t len) {
  return gaz_probe(set, hash64_mem((const unsigned char *)key, len, GAZ_SEED));
}

/*
** The entity stage asks about the same few hundred words and title phrases
** again and again, so answers are remembered in a small table shared by all
** threads.  An entry is one 64-bit word, read and written whole (relaxed
** atomics: no torn entry, no lock): the answer in the low 20 bits, and above
** it the 44 hash bits that identify a key in the gazetteer table, so a hit
** says exactly what the table would.  The entry's index is 12 other bits.
*/
#define GAZ_MEMO_BITS 12
static _Atomic uint64_t gaz_memo[1u << GAZ_MEMO_BITS];
_Static_assert(GAZ_ANSWER == 0xFFFFFu, "the memo keeps 20 answer bits");

/* A key the memo does not hold: the table's answer, remembered.  (Apart,
   so that a hit saves and restores no registers.) */
static NOINLINE uint32_t gaz_memo_miss(_Atomic uint64_t *slot, uint64_t id, uint64_t hv) {
  gaz_ensure();
  uint32_t bits = gaz_probe(&gaz_lower, hv) & ~GAZ_PRIVATE;
  atomic_store_explicit(slot, id | bits, memory_order_relaxed);
  return bits;
}

FLATTEN uint32_t art_gazetteer_bits(const char *lower_key, size_t len) {
  /* the memo is filled only once the tables are built (gaz_memo_miss()): a hit needs no gaz_ensure() */
  uint64_t hv = hash64_mem((const unsigned char *)lower_key, len, GAZ_SEED);
  /* identity: the 32 bits of gaz_lo() (never 0, so neither is id) and the 12 of gaz_check() */
  uint64_t id = (uint64_t)gaz_lo(hv) << 32 | gaz_check(hv);
  _Atomic uint64_t *slot = &gaz_memo[(hv >> 40) & ((1u << GAZ_MEMO_BITS) - 1)];
  uint64_t e = atomic_load_explicit(slot, memory_order_relaxed);
  if (LIKELY((e & ~(uint64_t)GAZ_ANSWER) == id)) return (uint32_t)(e & GAZ_ANSWER);
  return gaz_memo_miss(slot, id, hv);
}

/* ---- scratch ------------------------------------------------------------ */

/*
** A token's facts are current when info[i].ready is the scratch's stamp
** (set from the cache: READY_CACHED) or the stamp plus one (set by the
** reference path, without the neighbour rows: READY_PLAIN).  A reset moves
** the stamp on instead of clearing every token; entries the stamp has never
** been given are zero, and the stamp starts over only after 2^31 resets.
*/
#define READY_CACHED(sc) ((sc)->stamp)
#define READY_PLAIN(sc) ((sc)->stamp + 1)

/*
** info[-1], info[n] and info[n + 1] exist too: art_tagger_tag() puts the
** sentence boundary's facts there, so that a token's neighbours are read
** without a test for the ends of the sentence.
*/
#define INFO_BEFORE 1
#define INFO_AFTER 2

int art_tagger_scratch_reset(art_tagger_scratch *sc, size_t n) {
  if (n > sc->cap) {
    size_t cap = sc->cap ? sc->cap : 64;
    while (cap < n) cap *= 2;
    art_tok_info *p = realloc(sc->info ? sc->info - INFO_BEFORE : NULL,
                              (cap + INFO_BEFORE + INFO_AFTER) * sizeof *p);
    if (!p) return -1;
    for (size_t i = sc->info ? sc->cap + INFO_BEFORE + INFO_AFTER : 0; i < cap + INFO_BEFORE + INFO_AFTER; i++)
      p[i].ready = 0;
    sc->info = p + INFO_BEFORE;
    sc->cap = cap;
  }
  sc->stamp += 2;
  if (sc->stamp < 2) {   /* wrapped (or new): no entry may hold a current stamp */
    for (size_t i = 0; i < sc->cap + INFO_AFTER; i++) sc->info[i].ready = 0;
    sc->stamp = 2;
  }
  return 0;
}

static void word_cache_free(struct art_word_cache *wc);

void art_tagger_scratch_free(art_tagger_scratch *sc) {
  free(sc->info ? sc->info - INFO_BEFORE : NULL);
  word_cache_free(sc->cache);
  sc->info = NULL;
  sc->cache = NULL;
  sc->cap = 0;
  sc->stamp = 0;
}

#define LOWER_MAX 48

/* Feature templates (hashed into the key with the value). */
enum {
  T_BIAS = 1, T_WORD, T_LOWER, T_SUFFIX, T_PREFIX, T_SHAPE, T_PREV_WORD, T_NEXT_WORD,
  T_PREV2_WORD, T_NEXT2_WORD, T_PREV_SHAPE, T_NEXT_SHAPE, T_PREV_TAG, T_PREV_TAG_SHAPE,
  T_PREV_TAG_WORD, T_INITIAL, T_INITIAL_COMMON,
  T_WORD_NEXT,   /* the word with the next one: unused since feature version 8 (article_tagger.h) */
  T_FLAGS,
  T_GAZ = 32, T_GAZ_SPAN = 64, T_GAZ_PREV = 96, T_GAZ_NEXT = 128
};

#define BOUNDARY_HASH 0x5bd1e995u
#define FEATURE_FLAGS (ART_TOK_ALLCAPS | ART_TOK_PERIOD | ART_TOK_HYPHEN | ART_TOK_DIGIT | ART_TOK_CAP | ART_TOK_POSSESSIVE)

static int lowest_bit(uint32_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_ctz(x);
#else
  int b = 0;
  while (!(x & 1)) { x >>= 1; b++; }
  return b;
#endif
}

static inline int allowed(int prev, int tag) {
  if (tag == ART_TAG_O || ART_TAG_IS_B(tag)) return 1;
  return prev != ART_TAG_O && ART_TAG_TYPE(prev) == ART_TAG_TYPE(tag);
}

/* ---- the model ------------------------------------------------------------ */

#define NO_ROW 0u   /* rows are never empty, so offset 0 with length 0 means "no such feature" */

/* The row of key, or NO_ROW. */
static inline uint32_t model_row(const art_tagger_model *m, uint32_t key) {
  uint32_t mask = m->nslots - 1;
  for (uint32_t s = key & mask;; s = (s + 1) & mask) {
    if (m->slots[s].key == key) return m->slots[s].row;
    if (m->slots[s].key == 0) return NO_ROW;
  }
}

/*
** A token's scores are summed in an accumulator: dense rows and whole
** vectors go into six vector registers (where SSE2 is there), sparse cells
** into a small array, and the two are added once at the end.  Keeping the
** 24 sums in registers saves a load and a store per four lanes per row.
*/
#define ACC_VECS (ART_TAGGER_DENSE_WIDTH / 4)
typedef struct score_acc {
#if defined(__SSE2__)
  __m128i v[ACC_VECS];
#endif
  int32_t cell[ART_TAGGER_DENSE_WIDTH];
} score_acc;

/*
** The loops over the six vectors are written out (EACH_VEC): a loop the
** compiler does not unroll would keep the vectors in memory.
*/
#define EACH_VEC(X) X(0) X(1) X(2) X(3) X(4) X(5)
_Static_assert(ACC_VECS == 6, "EACH_VEC names six vectors");

#if defined(__SSE2__)
/* a->cell[] = 0 (as vector stores: memset() took fifteen instructions here) */
static ALWAYS_INLINE void acc_clear_cells(score_acc *a) {
  const __m128i zero = _mm_setzero_si128();
#define CLEAR_VEC(k) _mm_storeu_si128((__m128i *)(void *)(a->cell + 4 * k), zero);
  EACH_VEC(CLEAR_VEC)
#undef CLEAR_VEC
}
#endif

/* An accumulator holding base[0..24) (NULL: zeros). */
static ALWAYS_INLINE void acc_init(score_acc *a, const int32_t *base) {
#if defined(__SSE2__)
#define INIT_VEC(k) a->v[k] = base ? _mm_loadu_si128((const __m128i *)(base + 4 * k)) : _mm_setzero_si128();
  EACH_VEC(INIT_VEC)
#undef INIT_VEC
  acc_clear_cells(a);
#else
  if (base) memcpy(a->cell, base, sizeof a->cell); else memset(a->cell, 0, sizeof a->cell);
#endif
}

/* a += v[0..24). */
static ALWAYS_INLINE void acc_add_i32(score_acc *a, const int32_t *v) {
#if defined(__SSE2__)
#define ADD_VEC(k) a->v[k] = _mm_add_epi32(a->v[k], _mm_loadu_si128((const __m128i *)(v + 4 * k)));
  EACH_VEC(ADD_VEC)
#undef ADD_VEC
#else
  for (int t = 0; t < ART_TAGGER_DENSE_WIDTH; t++) a->cell[t] += v[t];
#endif
}

/* The same, v 16-byte aligned: the loads then fold into the adds (SSE2 needs aligned operands for that). */
static ALWAYS_INLINE void acc_add_i32_aligned(score_acc *a, const int32_t *v) {
#if defined(__SSE2__)
#define ADD_VEC(k) a->v[k] = _mm_add_epi32(a->v[k], _mm_load_si128((const __m128i *)(v + 4 * k)));
  EACH_VEC(ADD_VEC)
#undef ADD_VEC
#else
  for (int t = 0; t < ART_TAGGER_DENSE_WIDTH; t++) a->cell[t] += v[t];
#endif
}

/*
** a += v[0..24), 16-bit lanes sign-extended; with SSE2 v is 16-byte aligned
** and its lanes interleaved as dense16's are (dense16_lane()): two
** multiply-adds widen each eight.
*/
static ALWAYS_INLINE void acc_add_i16(score_acc *a, const int16_t *v) {
#if defined(__SSE2__)
  const __m128i even = _mm_set1_epi32(1), odd = _mm_set1_epi32(1 << 16);
#define ADD_PAIR(k) { \
    __m128i w = _mm_load_si128((const __m128i *)(const void *)(v + 4 * k)); \
    a->v[k] = _mm_add_epi32(a->v[k], _mm_madd_epi16(w, even)); \
    a->v[k + 1] = _mm_add_epi32(a->v[k + 1], _mm_madd_epi16(w, odd)); }
  ADD_PAIR(0) ADD_PAIR(2) ADD_PAIR(4)
#undef ADD_PAIR
#else
  for (int t = 0; t < ART_TAGGER_DENSE_WIDTH; t++) a->cell[t] += v[t];
#endif
}

/* An accumulator holding v[0..24), laid out as acc_add_i16() reads it. */
static ALWAYS_INLINE void acc_init_i16(score_acc *a, const int16_t *v) {
#if defined(__SSE2__)
  const __m128i even = _mm_set1_epi32(1), odd = _mm_set1_epi32(1 << 16);
#define INIT_PAIR(k) { \
    __m128i w = _mm_load_si128((const __m128i *)(const void *)(v + 4 * k)); \
    a->v[k] = _mm_madd_epi16(w, even); \
    a->v[k + 1] = _mm_madd_epi16(w, odd); }
  INIT_PAIR(0) INIT_PAIR(2) INIT_PAIR(4)
#undef INIT_PAIR
  acc_clear_cells(a);
#else
  for (int t = 0; t < ART_TAGGER_DENSE_WIDTH; t++) a->cell[t] = v[t];
#endif
}

/*
** out[0..24) = the sums in 16 bits, laid out as acc_add_i16() reads them
** (lane 23, padding, zero), if lanes 0..22 are within +-32767; else 0 and
** out is left alone.  sum and a hold the same sums (acc_finish()).
*/
static int pack_sums16(const score_acc *a, const int32_t *sum, int16_t *out) {
#if defined(__SSE2__)
  (void)sum;
  /* vector compares and packs */
  __m128i v5 = _mm_and_si128(a->v[5], _mm_set_epi32(0, -1, -1, -1));
  __m128i hi = _mm_set1_epi32(32767), lo = _mm_set1_epi32(-32767), bad = _mm_setzero_si128();
#define OUT_OF_RANGE(x) bad = _mm_or_si128(bad, _mm_or_si128(_mm_cmpgt_epi32(x, hi), _mm_cmplt_epi32(x, lo)));
  OUT_OF_RANGE(a->v[0]) OUT_OF_RANGE(a->v[1]) OUT_OF_RANGE(a->v[2]) OUT_OF_RANGE(a->v[3]) OUT_OF_RANGE(a->v[4])
  OUT_OF_RANGE(v5)
#undef OUT_OF_RANGE
  if (_mm_movemask_epi8(bad)) return 0;
  /* labels 8j..8j+3 and 8j+4..8j+7 interleaved */
#define STORE_PAIR(j, x, y) { __m128i p = _mm_packs_epi32(x, y); \
    _mm_store_si128((__m128i *)(void *)(out + 8 * j), _mm_unpacklo_epi16(p, _mm_srli_si128(p, 8))); }
  STORE_PAIR(0, a->v[0], a->v[1]) STORE_PAIR(1, a->v[2], a->v[3]) STORE_PAIR(2, a->v[4], v5)
#undef STORE_PAIR
#else
  (void)a;
  for (int l = 0; l < ART_TAGGER_LABELS; l++)
    if (sum[l] > 32767 || sum[l] < -32767) return 0;
  for (int l = 0; l < ART_TAGGER_DENSE_WIDTH; l++) out[l] = l < ART_TAGGER_LABELS ? (int16_t)sum[l] : 0;
#endif
  return 1;
}

/* The sums, in a->v with SSE2 (the cells added in), else in a->cell. */
static ALWAYS_INLINE void acc_total(score_acc *a) {
#if defined(__SSE2__)
#define TOTAL_VEC(k) a->v[k] = _mm_add_epi32(a->v[k], _mm_loadu_si128((const __m128i *)(a->cell + 4 * k)));
  EACH_VEC(TOTAL_VEC)
#undef TOTAL_VEC
#else
  (void)a;
#endif
}

/* out[0..24) = the sums of a totalled accumulator (acc_total()). */
static ALWAYS_INLINE void acc_store(const score_acc *a, int32_t *out) {
#if defined(__SSE2__)
#define STORE_VEC(k) _mm_storeu_si128((__m128i *)(out + 4 * k), a->v[k]);
  EACH_VEC(STORE_VEC)
#undef STORE_VEC
#else
  memcpy(out, a->cell, sizeof a->cell);
#endif
}

/* The sums: out[0..24) = a.  With SSE2 a->v then holds them too. */
static ALWAYS_INLINE void acc_finish(score_acc *a, int32_t *out) {
#if defined(__SSE2__)
#define FINISH_VEC(k) \
  a->v[k] = _mm_add_epi32(a->v[k], _mm_loadu_si128((const __m128i *)(a->cell + 4 * k))); \
  _mm_storeu_si128((__m128i *)(out + 4 * k), a->v[k]);
  EACH_VEC(FINISH_VEC)
#undef FINISH_VEC
#else
  memcpy(out, a->cell, sizeof a->cell);
#endif
}

/* cell[] += the sparse row's cells (len of them). */
static ALWAYS_INLINE void add_cells(int32_t *cell, const art_tagger_model *m, uint32_t row, uint32_t len) {
  /* two cells a turn: the loop's own count and branch are a third of its work */
  const uint32_t *c = m->cells + (row >> 5), *end = c + len;
  if (len & 1) cell[c[0] >> 16] += (int16_t)(c[0] & 0xFFFF), c++;
  for (; c < end; c += 2) {
    uint32_t x = c[0], y = c[1];
    cell[x >> 16] += (int16_t)(x & 0xFFFF);
    cell[y >> 16] += (int16_t)(y & 0xFFFF);
  }
}

/* dense: the model's dense rows, or a copy of them; aligned: it is 16-byte aligned. */
static ALWAYS_INLINE void acc_add_row(score_acc *a, const art_tagger_model *m, const int32_t *dense, int aligned,
                                      uint32_t row) {
  uint32_t len = row & 31;
  if (len == ART_TAGGER_DENSE_ROW) {
    if (aligned) acc_add_i32_aligned(a, dense + (size_t)(row >> 5) * ART_TAGGER_DENSE_WIDTH);
    else acc_add_i32(a, dense + (size_t)(row >> 5) * ART_TAGGER_DENSE_WIDTH);
    return;
  }
  add_cells(a->cell, m, row, len);
}

#define DENSE16_STRIDE 32   /* lanes a 16-bit dense row takes (acc_rows_aligned()) */

/* a -= the row (dense rows 16-byte aligned at `dense`, or at dense16 when not NULL). */
static inline void acc_sub_row(score_acc *a, const art_tagger_model *m, const int32_t *dense, const int16_t *dense16,
                               uint32_t row) {
  uint32_t len = row & 31;
  if (len == ART_TAGGER_DENSE_ROW) {
    const int32_t *v = dense + (size_t)(row >> 5) * ART_TAGGER_DENSE_WIDTH;
#if defined(__SSE2__)
    if (dense16) {   /* the 32-bit rows then stay out of the cache */
      const __m128i even = _mm_set1_epi32(1), odd = _mm_set1_epi32(1 << 16);
      const __m128i *d = (const __m128i *)(const void *)(dense16 + (size_t)(row >> 5) * DENSE16_STRIDE);
#define SUB_PAIR(k) { __m128i w = _mm_load_si128(d + k / 2); \
      a->v[k] = _mm_sub_epi32(a->v[k], _mm_madd_epi16(w, even)); \
      a->v[k + 1] = _mm_sub_epi32(a->v[k + 1], _mm_madd_epi16(w, odd)); }
      SUB_PAIR(0) SUB_PAIR(2) SUB_PAIR(4)
#undef SUB_PAIR
      return;
    }
#define SUB_VEC(k) a->v[k] = _mm_sub_epi32(a->v[k], _mm_load_si128((const __m128i *)(v + 4 * k)));
    EACH_VEC(SUB_VEC)
#undef SUB_VEC
#else
    for (int t = 0; t < ART_TAGGER_DENSE_WIDTH; t++) a->cell[t] -= v[t];
#endif
    return;
  }
  const uint32_t *c = m->cells + (row >> 5);
  for (uint32_t j = 0; j < len; j++) a->cell[c[j] >> 16] -= (int16_t)(c[j] & 0xFFFF);
}

/*
** Add the weights of the features to the accumulator: first every probe,
** then every add.  The probes do not wait on each other, so the processor
** overlaps their memory waits; explicit prefetches (of the slots, then of
** the rows) were measured to cost more instructions than they saved time.
*/
static ALWAYS_INLINE size_t model_rows(const art_tagger_model *m, const uint32_t *feats, size_t nf, uint32_t *rows) {
  if (nf > ART_TAGGER_MAX_FEATURES) nf = ART_TAGGER_MAX_FEATURES;
  size_t nr = 0;
  for (size_t f = 0; f < nf; f++) {
    uint32_t r = model_row(m, feats[f]);
    if (r != NO_ROW) rows[nr++] = r;
  }
  return nr;
}

static ALWAYS_INLINE void acc_rows(score_acc *a, const art_tagger_model *m, const uint32_t *rows, size_t nr) {
  for (size_t k = 0; k < nr; k++) acc_add_row(a, m, m->dense, 0, rows[k]);
}

/*
** Dense rows as 16-bit weights (see word_cache.dense16): 24 weights and
** padding, one 64-byte line a row.  In each group of eight lanes the
** labels are interleaved, 8j, 8j+4, 8j+1, 8j+5 ..., so that one multiply-add
** by (1, 0) pairs widens the even lanes to the sums of labels 8j..8j+3 and
** one by (0, 1) pairs the odd ones to those of 8j+4..8j+7.
*/
static inline size_t dense16_lane(size_t label) { return label / 8 * 8 + label % 4 * 2 + label % 8 / 4; }

/*
** The order of the sums in the AVX2 copy's three vectors (wide_acc): a
** multiply-add of a 16-bit line's lanes 0..15 by (1, 0) pairs gives labels
** 0-3 and 8-11, by (0, 1) pairs 4-7 and 12-15, and of lanes 16..23 taken
** twice, by (1, 0) pairs in the low half and (0, 1) in the high, 16-23.
*/
static const uint8_t wide_order[ART_TAGGER_DENSE_WIDTH] = {
  0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23
};

/*
** The same, with the dense rows at `dense`, 16-byte aligned, or (dense16 not
** NULL) at dense16: those are added in 16-bit lanes, three adds a row
** instead of six, and the lanes widened into the sums every `chunk` rows,
** which is few enough that a 16-bit lane cannot overflow.
*/
#if defined(__SSE2__)
/* a += rows[0..nr), the dense ones from dense16: no more than a chunk of them (acc_rows_aligned()). */
static ALWAYS_INLINE void acc_chunk16(score_acc *a, const art_tagger_model *m, const int16_t *dense16,
                                      const uint32_t *rows, size_t nr) {
  const __m128i even = _mm_set1_epi32(1), odd = _mm_set1_epi32(1 << 16);
  __m128i h0 = _mm_setzero_si128(), h1 = h0, h2 = h0;
  for (size_t k = 0; k < nr; k++) {
    uint32_t row = rows[k], len = row & 31;
    if (len == ART_TAGGER_DENSE_ROW) {
      /* (row >> 5) * DENSE16_STRIDE int16s = (row & ~31) * 2 bytes: one and and one address add */
      _Static_assert(DENSE16_STRIDE * sizeof(int16_t) == 2 * 32, "a 16-bit dense row is 64 bytes");
      const __m128i *d = (const __m128i *)(const void *)((const char *)dense16 + (size_t)(row & ~31u) * 2);
      h0 = _mm_add_epi16(h0, _mm_load_si128(d));
      h1 = _mm_add_epi16(h1, _mm_load_si128(d + 1));
      h2 = _mm_add_epi16(h2, _mm_load_si128(d + 2));
    } else {
      add_cells(a->cell, m, row, len);
    }
  }
  a->v[0] = _mm_add_epi32(a->v[0], _mm_madd_epi16(h0, even));
  a->v[1] = _mm_add_epi32(a->v[1], _mm_madd_epi16(h0, odd));
  a->v[2] = _mm_add_epi32(a->v[2], _mm_madd_epi16(h1, even));
  a->v[3] = _mm_add_epi32(a->v[3], _mm_madd_epi16(h1, odd));
  a->v[4] = _mm_add_epi32(a->v[4], _mm_madd_epi16(h2, even));
  a->v[5] = _mm_add_epi32(a->v[5], _mm_madd_epi16(h2, odd));
}
#endif

static ALWAYS_INLINE void acc_rows_aligned(score_acc *a, const art_tagger_model *m, const int32_t *dense,
                                           const int16_t *dense16, size_t chunk, const uint32_t *rows, size_t nr) {
#if defined(__SSE2__)
  if (dense16) {
    /* nearly always one chunk: then no loop over chunks (its bookkeeping cost registers and spills) */
    if (LIKELY(nr <= chunk)) acc_chunk16(a, m, dense16, rows, nr);
    else for (size_t k = 0; k < nr; k += chunk) acc_chunk16(a, m, dense16, rows + k, nr - k > chunk ? chunk : nr - k);
    return;
  }
#else
  (void)dense16; (void)chunk;
#endif
  for (size_t k = 0; k < nr; k++) acc_add_row(a, m, dense, 1, rows[k]);
}

static ALWAYS_INLINE void acc_features(score_acc *a, const art_tagger_model *m, const uint32_t *feats, size_t nf) {
  uint32_t rows[ART_TAGGER_MAX_FEATURES];
  acc_rows(a, m, rows, model_rows(m, feats, nf, rows));
}

/* Add the weights of the features to scores[ART_TAGGER_DENSE_WIDTH] (the plain entry point). */
void art_tagger_score(const art_tagger_model *m, const uint32_t *feats, size_t nf, int32_t *scores) {
  if (m->nslots == 0) return;
  score_acc a;
  acc_init(&a, scores);
  acc_features(&a, m, feats, nf);
  acc_finish(&a, scores);
}

/* ---- token facts ------------------------------------------------------------ */

/* The facts about token t that do not depend on its neighbours. */
static FLATTEN void word_facts(const char *doc, const art_token *t, uint32_t *h_lower, uint32_t *h_shape, uint32_t *gaz) {
  const unsigned char *z = (const unsigned char *)doc + t->start;
  size_t len = t->end - t->start;
  char low[LOWER_MAX];
  size_t ll = len < LOWER_MAX ? len : LOWER_MAX;
  /* one pass: the lower case (as art_ascii_lower()), its hash_bytes() and the shape */
  uint32_t hl = 2166136261u;
  shape_state st = SHAPE_START;
  for (size_t i = 0; i < ll; i++) {
    unsigned char c = z[i], lc = (unsigned char)(c + (((unsigned)(c - 'A') < 26) << 5));
    low[i] = (char)lc;
    hl = (hl ^ lc) * 16777619u;
    shape_step(&st, c);
  }
  for (size_t i = ll; i < len && st.k <= 8; i++) shape_step(&st, z[i]);
  *h_lower = hl;
  *h_shape = shape_end(&st, len);
  *gaz = 0;
  /* Gazetteers list names: only a word with a capital is looked up. */
  if (!(t->flags & ART_TOK_WORD) || len > LOWER_MAX || !(t->flags & ART_TOK_HAS_UPPER)) return;
  gaz_ensure();
  *gaz = gaz_find(&gaz_lower, low, ll) | gaz_find(&gaz_exact, (const char *)z, len);
}

/* Flags that features or gazetteer look-ups read: they are part of a word's cache key. */
#define KEY_FLAGS ((uint32_t)~(ART_TOK_SPACE_AFTER | ART_TOK_OPEN))

static ALWAYS_INLINE uint64_t word_key(const char *doc, const art_token *t) {
  const unsigned char *p = (const unsigned char *)doc + t->start;
  size_t len = t->end - t->start;
  /* the length and the flags, spread by odd multipliers */
  uint64_t salt = (uint64_t)len * 0x9e3779b97f4a7c15ull ^ (uint64_t)(t->flags & KEY_FLAGS) * 0xd6e8feb86659fd93ull, k;
  if (LIKELY(len - 1 < 8)) {
    /*
    ** A word of 1-8 bytes (nearly all) is one 64-bit number that says every
    ** byte (as art_hash_core() reads them: bytes 0, len/2 and len-1, or the
    ** first and last four), mixed by steps that lose nothing (an XOR with
    ** the salt, an xorshift that brings the last bytes down where the
    ** multiply carries them into the set index, an odd multiply): two words
    ** of one length and the same flags never share a key (but for the one
    ** key 0 taken to 1), and others only if their numbers differ by exactly
    ** their salts' difference.
    */
    uint64_t v = len >= 4 ? art_load32(p) | art_load32(p + len - 4) << 32
                          : (uint64_t)p[0] | (uint64_t)p[len >> 1] << 8 | (uint64_t)p[len - 1] << 16;
    v ^= salt;
    v ^= v >> 29;
    k = v * 0xff51afd7ed558ccdull;
  } else {
    k = hash64_mem(p, len, 0x9ae16a3b2f90404full) ^ salt;
  }
  return k ? k : 1;
}

/* The uncached facts of token i (the reference path: trainer and checks). */
static void prepare(const char *doc, const art_token *toks, art_tagger_scratch *sc, size_t i) {
  art_tok_info *in = &sc->info[i];
  if (in->ready == READY_CACHED(sc) || in->ready == READY_PLAIN(sc)) return;
  word_facts(doc, &toks[i], &in->h_lower, &in->h_shape, &in->gaz);
  in->h_word = hash_bytes((const unsigned char *)doc + toks[i].start, toks[i].end - toks[i].start);
  in->key = word_key(doc, &toks[i]);
  in->gaz_span = 0;
  in->ready = READY_PLAIN(sc);
}

/* ---- the word cache ------------------------------------------------------- */

/*
** Per word type (bytes and flags), in 32 bytes: its hashes, gazetteer bits
** and the model rows of three features that depend on the word alone but
** are read when it is a neighbour: the previous, next and next-but-one
** word (T_PREV_WORD, T_NEXT_WORD, T_NEXT2_WORD of its lower case; NO_ROW
** when the model has no such feature, ROW_UNSET until first needed).  They spare a scored token three
** hashes and probes.  key 0 = empty.
**
** Two word types make a set, one cache line: a key may sit in either, and
** a miss replaces the one used less recently (WAY1_NEWER).  Two ways
** instead of one halve the refills on the VOA corpus at equal size.
** Apart, one 64-byte line per entry holds the summed
** weights of the word's self features (self_sum()) as 16-bit lanes, valid
** when SELF_VALID is set (they fit in 16 bits): only scored words need
** them, so a neighbour's look-up reads one line.
*/
#define SELF_VALID (1u << 31)
_Static_assert(GAZ_MW_MORE < (1u << 30), "gazetteer bits leave the top two bits free (SELF_VALID, WAY1_NEWER)");
typedef struct cached_word {
  uint64_t key;
  uint32_t h_lower, h_shape;
  uint32_t gaz;                        /* gazetteer bits, and SELF_VALID */
  uint32_t as_prev, as_next, as_next2;
} cached_word;
_Static_assert(sizeof(cached_word) == 32, "two cached words are a cache line");
_Static_assert(offsetof(cached_word, h_lower) == offsetof(art_tok_info, h_lower) &&
               offsetof(cached_word, h_shape) == offsetof(art_tok_info, h_shape) &&
               offsetof(cached_word, gaz) == offsetof(art_tok_info, gaz) &&
               offsetof(cached_word, as_prev) == offsetof(art_tok_info, row_as_prev) &&
               offsetof(cached_word, as_next) == offsetof(art_tok_info, row_as_next) &&
               offsetof(cached_word, as_next2) == offsetof(art_tok_info, row_as_next2) &&
               sizeof(cached_word) == offsetof(art_tok_info, gaz_span), "a cached word is the head of a token's facts");
/*
** Lanes 0..22: the sums; 23: zero.  Three tokens in four that are scored
** follow an O, so the sums include the row of T_PREV_TAG_SHAPE after an O
** (the word's shape with the previous label O): after another label the
** shape context takes it off again (shape_ctx).
*/
typedef struct self_line {
  int16_t v[ART_TAGGER_DENSE_WIDTH];
  uint32_t unused[4];
} self_line;
_Static_assert(sizeof(self_line) == 64, "a self line is a cache line");

/*
** 32,768 word types: the VOA corpus has some 26,000 (scored words and their
** neighbours); at 8,192 half its refills were words evicted earlier, and
** since the neighbour rows are probed lazily (ROW_UNSET) 32,768 beats
** 16,384 too (est 1,220.7 -> 1,215.3 M on the VOA corpus; cgcost.sh).  The
** memory comes zeroed from calloc(), so lines no word reaches are never
** touched.
*/
#define WORD_CACHE_SIZE 32768u
#define WORD_CACHE_SETS (WORD_CACHE_SIZE / 2)   /* two ways */

#define ROW_UNSET 0xFFFFFFFFu   /* no row has it, nor its top bit: offsets are far below 2^26 */
typedef struct shape_pair { uint32_t value, row; } shape_pair;   /* row ROW_UNSET: empty */
#define SHAPE_PAIRS 512

/*
** The shape context of a scored token: the rows that depend only on the
** previous label and the shapes of the token and its two neighbours, summed
** (shape_ctx_sums()): T_PREV_TAG, T_PREV_SHAPE, T_NEXT_SHAPE, and after a
** label other than O, T_PREV_TAG_SHAPE less its row after an O (which the
** self sum holds, see self_line).  Shapes are few: 2,048 contexts, one cache
** line each and direct-mapped, answer some 89% of the VOA corpus's scored
** tokens, for one line read and one add instead of three to five look-ups
** and adds.  Lanes as a self line's; tag_plus1 0 marks an empty entry.
*/
typedef struct shape_ctx {
  int16_t v[ART_TAGGER_DENSE_WIDTH];
  uint32_t prev_shape, shape, next_shape, tag_plus1;
} shape_ctx;
_Static_assert(sizeof(shape_ctx) == 64, "a shape context is a cache line");
#define SHAPE_CTX_BITS 11
#define SHAPE_CTXS (1u << SHAPE_CTX_BITS)

/*
** The same for the gazetteer hits of the two neighbours (T_GAZ_PREV and
** T_GAZ_NEXT, a row per bit): their rows summed per pair of bit sets
** (gaz_ctx_sums()).  Half the scored tokens have a neighbour with hits, and
** 1,024 pairs (64 KB) answer 94% of them on the VOA corpus (256: 82%, and
** less gain).  pair 0 (no hits) is never looked up, so it marks an empty
** entry.
*/
typedef struct gaz_ctx {
  int16_t v[ART_TAGGER_DENSE_WIDTH];
  uint32_t pair;                   /* the previous word's bits << GAZ_BITS | the next word's */
  uint32_t unused[3];
} gaz_ctx;
_Static_assert(sizeof(gaz_ctx) == 64, "a gazetteer context is a cache line");
_Static_assert(2 * GAZ_BITS <= 32, "a pair of gazetteer bit sets fits in 32 bits");
#define GAZ_CTX_BITS 10
#define GAZ_CTXS (1u << GAZ_CTX_BITS)
typedef struct art_word_cache {
  _Alignas(64) cached_word w[WORD_CACHE_SIZE];   /* set s: w[2s], w[2s+1] */
  _Alignas(64) self_line self[WORD_CACHE_SIZE];  /* self[k]: w[k]'s self sums */
  cached_word boundary;              /* the neighbour rows of the sentence boundary */
  uint32_t gaz_rows[3][GAZ_BITS];    /* rows of T_GAZ_SPAN, T_GAZ_PREV, T_GAZ_NEXT + bit */
  /* rows of the self features that take few values (self_sum()) */
  uint32_t bias_row, initial_rows[2], initial_common_rows[4], gaz_self_rows[GAZ_BITS];
  uint32_t flag_rows[FEATURE_FLAGS + 1];   /* by flags & FEATURE_FLAGS */
  _Alignas(16) int32_t prev_tag[ART_TAGGER_LABELS][ART_TAGGER_DENSE_WIDTH];   /* the T_PREV_TAG row of each label */
  int32_t allowed[ART_TAGGER_LABELS][ART_TAGGER_DENSE_WIDTH];    /* -1 where a label may follow, else 0 */
  _Alignas(16) int32_t penalty[ART_TAGGER_LABELS][ART_TAGGER_DENSE_WIDTH];   /* 0 where allowed, else -2^30 */
  _Alignas(32) int32_t penalty_wide[ART_TAGGER_LABELS][ART_TAGGER_DENSE_WIDTH];   /* the same in wide_order[] */
  int sums_fit_float;              /* best_label() may compare the sums as floats (see there) */
  shape_pair shape_pairs[4][SHAPE_PAIRS];   /* rows of T_PREV_SHAPE, T_NEXT_SHAPE, T_PREV_TAG_SHAPE, T_SHAPE (shape_pair_row()) */
  _Alignas(64) shape_ctx shape_ctxs[SHAPE_CTXS];
  _Alignas(64) gaz_ctx gaz_ctxs[GAZ_CTXS];
  /*
  ** The model's dense rows, 16-byte aligned (the adds then read them
  ** straight from memory): the model's own (those of model_weights.c
  ** are), or else dense_copy.
  */
  const int32_t *dense;
  int32_t *dense_copy;
  /*
  ** The same rows as 16-bit weights, one 64-byte line each (DENSE16_STRIDE,
  ** lanes interleaved): a row read is one line instead of two, the rows take
  ** 135 KB instead of 203 KB, and an add is three instructions instead of
  ** six.  NULL when some weight does not fit in 16 bits (or without SSE2).
  ** dense16_chunk rows of them may be summed in 16 bits (acc_rows_aligned()).
  */
  int16_t *dense16;
  size_t dense16_chunk;
  void *allocated;                 /* what calloc() returned (the cache is aligned within it) */
  art_tagger_model model;          /* the sums above are this model's (a copy: its address may be reused) */
} word_cache;

static void word_cache_free(word_cache *wc) {
  if (!wc) return;
  free(wc->dense_copy);
  free(wc->dense16);
  free(wc->allocated);
}

/* The rows of a word's features as a neighbour (see cached_word). */
static void neighbour_rows(const art_tagger_model *m, uint32_t h_lower, cached_word *r) {
  r->as_prev = model_row(m, feat(T_PREV_WORD, h_lower));
  r->as_next = model_row(m, feat(T_NEXT_WORD, h_lower));
  r->as_next2 = model_row(m, feat(T_NEXT2_WORD, h_lower));
}

static int same_model(const art_tagger_model *a, const art_tagger_model *b) {
  return a->nslots == b->nslots && a->slots == b->slots && a->cells == b->cells && a->ncells == b->ncells &&
         a->dense == b->dense && a->ndense == b->ndense && a->feature_version == b->feature_version;
}

/* The scratch's word cache, made (NULL when out of memory) or emptied for model m. */
static NOINLINE word_cache *cache_for(art_tagger_scratch *sc, const art_tagger_model *m) {
  word_cache *wc = sc->cache;
  if (!wc) {
    /* zeroed (an empty cache, no model), and aligned by hand: the entries are cache lines */
    void *allocated = calloc(1, sizeof *wc + 63);
    if (!allocated) return NULL;
    wc = sc->cache = (word_cache *)(((uintptr_t)allocated + 63) & ~(uintptr_t)63);
    wc->allocated = allocated;
  }
  if (!same_model(&wc->model, m)) {
    void *allocated = wc->allocated;
    free(wc->dense_copy);
    free(wc->dense16);
    if (wc->model.nslots) memset(wc, 0, sizeof *wc);   /* a new cache is zero already */
    wc->dense_copy = NULL;
    wc->dense16 = NULL;
    wc->allocated = allocated;
    wc->dense = m->dense;
    if ((uintptr_t)m->dense & 15) {
      size_t bytes = ((size_t)m->ndense * ART_TAGGER_DENSE_WIDTH * sizeof *m->dense + 63) / 64 * 64;
      wc->dense = wc->dense_copy = aligned_alloc(64, bytes ? bytes : 64);
      if (!wc->dense_copy) return NULL;   /* wc->model stays empty: the next call tries again */
      memcpy(wc->dense_copy, m->dense, (size_t)m->ndense * ART_TAGGER_DENSE_WIDTH * sizeof *m->dense);
    }
    int32_t largest = 0;   /* the largest weight's size (INT32_MIN's taken as INT32_MAX) */
    for (size_t j = 0; j < (size_t)m->ndense * ART_TAGGER_DENSE_WIDTH; j++) {
      int32_t w = m->dense[j] < 0 ? (m->dense[j] == INT32_MIN ? INT32_MAX : -m->dense[j]) : m->dense[j];
      if (w > largest) largest = w;
    }
    /* best_label() may compare the sums as floats: every weight within [-65536, 65536] */
    wc->sums_fit_float = largest <= 65536;
#if defined(__SSE2__)
    if (m->ndense && largest <= 32767 / 2) {   /* at least two rows a chunk, else no gain */
      size_t bytes = (size_t)m->ndense * DENSE16_STRIDE * sizeof *wc->dense16;
      wc->dense16 = aligned_alloc(64, bytes);
      if (!wc->dense16) return NULL;   /* wc->model stays empty: the next call tries again */
      /*
      ** A row's labels 8g..8g+7 go to lanes 8g, 8g+2, 8g+4, 8g+6 (the first
      ** four) and 8g+1, 8g+3, 8g+5, 8g+7 (dense16_lane()): packed to 16 bits
      ** (no weight saturates: all are within 16,383) and interleaved, eight
      ** at a time; the row's last eight lanes are zero.
      */
      _Static_assert(ART_TAGGER_DENSE_WIDTH == 24 && DENSE16_STRIDE == 32, "three groups of eight, then eight zeros");
      for (size_t r = 0; r < m->ndense; r++) {
        const int32_t *w = m->dense + r * ART_TAGGER_DENSE_WIDTH;
        __m128i *out = (__m128i *)(void *)(wc->dense16 + r * DENSE16_STRIDE);
        for (int g = 0; g < 3; g++) {
          __m128i low = _mm_loadu_si128((const __m128i *)(const void *)(w + 8 * g));
          __m128i high = _mm_loadu_si128((const __m128i *)(const void *)(w + 8 * g + 4));
          _mm_store_si128(out + g, _mm_unpacklo_epi16(_mm_packs_epi32(low, low), _mm_packs_epi32(high, high)));
        }
        _mm_store_si128(out + 3, _mm_setzero_si128());
      }
#if ART_TAGGER_CHECK
      for (size_t r = 0; r < m->ndense; r++)
        for (size_t l = 0; l < DENSE16_STRIDE; l++)
          if (l < ART_TAGGER_DENSE_WIDTH ? wc->dense16[r * DENSE16_STRIDE + dense16_lane(l)] != (int16_t)m->dense[r * ART_TAGGER_DENSE_WIDTH + l]
                                         : wc->dense16[r * DENSE16_STRIDE + l] != 0) {
            fprintf(stderr, "tagger check: dense16 row %zu label %zu\n", r, l);
            abort();
          }
#endif
      wc->dense16_chunk = largest ? (size_t)(32767 / largest) : ART_TAGGER_MAX_FEATURES;
    }
#endif
    for (uint32_t t = 0; t < ART_TAGGER_LABELS; t++) {
      uint32_t f = feat(T_PREV_TAG, t);
      art_tagger_score(m, &f, 1, wc->prev_tag[t]);
      for (int l = 0; l < ART_TAGGER_LABELS; l++) wc->allowed[t][l] = allowed((int)t, l) ? -1 : 0;
      for (int l = 0; l < ART_TAGGER_DENSE_WIDTH; l++)
        wc->penalty[t][l] = l < ART_TAGGER_LABELS && allowed((int)t, l) ? 0 : -(1 << 30);
      for (int l = 0; l < ART_TAGGER_DENSE_WIDTH; l++) wc->penalty_wide[t][l] = wc->penalty[t][wide_order[l]];
    }
    neighbour_rows(m, BOUNDARY_HASH, &wc->boundary);
    static const uint32_t base[3] = { T_GAZ_SPAN, T_GAZ_PREV, T_GAZ_NEXT };
    for (int q = 0; q < 3; q++)
      for (uint32_t b = 0; b < GAZ_BITS; b++) wc->gaz_rows[q][b] = model_row(m, feat(base[q] + b, 1));
    for (int side = 0; side < 4; side++)
      for (size_t e = 0; e < SHAPE_PAIRS; e++) wc->shape_pairs[side][e].row = ROW_UNSET;
    wc->bias_row = model_row(m, feat(T_BIAS, 0));
    for (uint32_t v = 0; v < 2; v++) wc->initial_rows[v] = model_row(m, feat(T_INITIAL, v));
    for (uint32_t v = 0; v < 4; v++) wc->initial_common_rows[v] = model_row(m, feat(T_INITIAL_COMMON, v));
    for (uint32_t b = 0; b < GAZ_BITS; b++) wc->gaz_self_rows[b] = model_row(m, feat(T_GAZ + b, 1));
    for (uint32_t v = FEATURE_FLAGS;; v = (v - 1) & FEATURE_FLAGS) {   /* every subset of the flags */
      wc->flag_rows[v] = model_row(m, feat(T_FLAGS, v));
      if (!v) break;
    }
    wc->model = *m;
  }
  return wc;
}

/*
** A word's rows as a neighbour are probed when first needed, not when the
** word enters the cache: most words are met in one or two of the three
** places (a word after a name is seldom the word before one), and each
** probe is a cache miss in the model.
*/

static void fill_entry(word_cache *wc, cached_word *e, uint64_t key, const char *doc, const art_token *t) {
  word_facts(doc, t, &e->h_lower, &e->h_shape, &e->gaz);   /* the answer's bits are below SELF_VALID */
  e->key = key;
  e->as_prev = e->as_next = e->as_next2 = ROW_UNSET;
}

/*
** Which of a set's two words was used last: a bit in the first one's gaz,
** so that a hit moves nothing.  (Moving the newer word to the front, as
** before, copied its 64-byte self line too, on every miss and on every hit
** on the second way: lines that were seldom in the cache.)
*/
#define WAY1_NEWER (1u << 30)

/* The set's older word replaced by the token's. */
static NOINLINE cached_word *cache_miss(word_cache *wc, cached_word *set, uint64_t key, const char *doc,
                                        const art_token *t) {
  if (set[0].gaz & WAY1_NEWER) {
    fill_entry(wc, &set[0], key, doc, t);   /* the flag goes with the old gaz: way 0 is now the newer */
    return &set[0];
  }
  fill_entry(wc, &set[1], key, doc, t);
  set[0].gaz |= WAY1_NEWER;
  return &set[1];
}

/* The entry of key, filled from the token if the cache does not hold it. */
static ALWAYS_INLINE cached_word *cache_find(word_cache *wc, uint64_t key, const char *doc, const art_token *t) {
  cached_word *set = &wc->w[((key >> 40) & (WORD_CACHE_SETS - 1)) * 2];
  /* the second way first: a set's first word goes there, and most hits are on it */
  if (LIKELY(set[1].key == key)) {
    set[0].gaz |= WAY1_NEWER;
    return &set[1];
  }
  if (set[0].key == key) {
    set[0].gaz &= ~WAY1_NEWER;
    return &set[0];
  }
  return cache_miss(wc, set, key, doc, t);
}

/* The facts of token i, through the cache (inlined: a call cost more than the look-up's own work). */
static ALWAYS_INLINE art_tok_info *ensure_slow(word_cache *wc, const char *doc, const art_token *toks,
                                          art_tagger_scratch *sc, size_t i) {
  art_tok_info *in = &sc->info[i];
  const cached_word *e = cache_find(wc, word_key(doc, &toks[i]), doc, &toks[i]);
  if (in->ready != READY_PLAIN(sc)) in->gaz_span = 0;   /* a plain token keeps the spans marked on it */
  uint32_t gaz = e->gaz & ~(SELF_VALID | WAY1_NEWER), *word_gaz = sc->word_gaz;
  memcpy(in, e, sizeof *e);   /* key, hashes, gaz and rows: the same layout (see cached_word) */
  in->gaz = gaz;
  in->ready = READY_CACHED(sc);
  /* every word with a capital is ensured (art_tagger_tag()): art_tagger_word_gaz_known() */
  if (word_gaz) word_gaz[i] = gaz & GAZ_LOWER_ANSWER;
  return in;
}

static inline art_tok_info *ensure(word_cache *wc, const char *doc, const art_token *toks,
                                   art_tagger_scratch *sc, size_t i) {
  art_tok_info *in = &sc->info[i];
  return LIKELY(in->ready == READY_CACHED(sc)) ? in : ensure_slow(wc, doc, toks, sc, i);
}

/* Multi-word gazetteer entries starting at token i: mark the tokens they cover (the search). */
static NOINLINE FLATTEN void mark_spans_from(word_cache *wc, const char *doc, const art_token *toks, size_t n,
                                     art_tagger_scratch *sc, size_t i) {
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
    gaz_ensure();
    uint32_t bits = gaz_find(&gaz_lower, key, kl), found = bits & ~GAZ_MW_MORE;
    if (found) {
      for (size_t k = i; k <= j; k++) {
        if (wc) ensure(wc, doc, toks, sc, k); else prepare(doc, toks, sc, k);
        sc->info[k].gaz_span |= found;
      }
    }
    if (!(bits & GAZ_MW_MORE)) break;   /* no longer entry starts with these words */
  }
}

/* The same, with the usual cases, where no entry can start at token i, settled without a call. */
static inline void mark_spans(word_cache *wc, const char *doc, const art_token *toks, size_t n,
                              art_tagger_scratch *sc, size_t i) {
  /* the next token cannot continue an entry */
  if (i + 1 >= n || !(toks[i].flags & ART_TOK_WORD) || !(toks[i + 1].flags & ART_TOK_WORD)) return;
  if (!(toks[i + 1].flags & ART_TOK_HAS_UPPER) &&
      !(toks[i + 1].end - toks[i + 1].start <= 3 && i + 2 < n && (toks[i + 2].flags & ART_TOK_HAS_UPPER))) return;
  /* a word whose gazetteer bits were looked up (see word_facts()) must be the first of some entry */
  if ((toks[i].flags & ART_TOK_HAS_UPPER) && toks[i].end - toks[i].start <= LOWER_MAX &&
      !(sc->info[i].gaz & GAZ_MW_START)) return;
  mark_spans_from(wc, doc, toks, n, sc, i);
}

/* ---- which tokens are scored -------------------------------------------- */

/* Lower-case name particles: al el bin bint ibn abu de da di du del della dos das van von der den la le ter ten y. */
#define BYTES2(a, b) ((uint32_t)(unsigned char)(a) | (uint32_t)(unsigned char)(b) << 8)
#define BYTES3(a, b, c) (BYTES2(a, b) | (uint32_t)(unsigned char)(c) << 16)
static int is_particle(const char *z, size_t len) {
  /* the bytes as one number, compared with each particle's: no loop over a list */
  switch (len) {
    case 1: return z[0] == 'y';
    case 2: {
      uint32_t v = BYTES2(z[0], z[1]);
      return v == BYTES2('a', 'l') || v == BYTES2('e', 'l') || v == BYTES2('d', 'e') || v == BYTES2('d', 'a') ||
             v == BYTES2('d', 'i') || v == BYTES2('d', 'u') || v == BYTES2('l', 'a') || v == BYTES2('l', 'e');
    }
    case 3: {
      uint32_t v = BYTES3(z[0], z[1], z[2]);
      return v == BYTES3('b', 'i', 'n') || v == BYTES3('i', 'b', 'n') || v == BYTES3('a', 'b', 'u') ||
             v == BYTES3('d', 'e', 'l') || v == BYTES3('d', 'o', 's') || v == BYTES3('d', 'a', 's') ||
             v == BYTES3('v', 'a', 'n') || v == BYTES3('v', 'o', 'n') || v == BYTES3('d', 'e', 'r') ||
             v == BYTES3('d', 'e', 'n') || v == BYTES3('t', 'e', 'r') || v == BYTES3('t', 'e', 'n');
    }
    case 4: return memcmp(z, "bint", 4) == 0;
    case 5: return memcmp(z, "della", 5) == 0;
    default: return 0;
  }
}

static inline int has_upper_word(const art_token *t) {
  return (t->flags & (ART_TOK_WORD | ART_TOK_HAS_UPPER)) == (ART_TOK_WORD | ART_TOK_HAS_UPPER);
}

/*
** The first token at or after k that is a word with a capital, or n.  Such
** a token has ART_TF_OPENS (no digit) or ART_TF_DIGIT among its facts, and
** most tokens have neither: with the facts, sixteen are passed over a step.
*/
static ALWAYS_INLINE size_t next_capital(const art_token *toks, const uint8_t *facts, size_t n, size_t k) {
#if defined(__SSE2__)
  if (facts) {
    const __m128i either = _mm_set1_epi8(ART_TF_OPENS | ART_TF_DIGIT), zero = _mm_setzero_si128();
    while (k + 16 <= n) {
      __m128i f = _mm_loadu_si128((const __m128i *)(const void *)(facts + k));
      uint32_t may = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(f, either), zero)) ^ 0xFFFFu;
      if (!may) { k += 16; continue; }
      k += (size_t)lowest_bit(may);
      if (has_upper_word(&toks[k])) return k;
      k++;
    }
    if (k < n && n >= 16) {   /* the last sixteen facts, those before k masked off */
      __m128i f = _mm_loadu_si128((const __m128i *)(const void *)(facts + n - 16));
      uint32_t may = ((uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(f, either), zero)) ^ 0xFFFFu) &
                     (0xFFFFu << (k - (n - 16)));
      for (; may; may &= may - 1)
        if (has_upper_word(&toks[n - 16 + (size_t)lowest_bit(may)])) return n - 16 + (size_t)lowest_bit(may);
      return n;
    }
  }
#else
  (void)facts;
#endif
  while (k < n && !has_upper_word(&toks[k])) k++;
  return k;
}

/* The rule for a token without a capital (see the essay). */
static inline int scorable_lower(const char *doc, const art_token *toks, size_t n, size_t i, int prev_tag,
                                 int next_cap) {
  const art_token *t = &toks[i];
  size_t len = t->end - t->start;
  if ((t->flags & ART_TOK_LOWER) && next_cap && is_particle(doc + t->start, len)) return 1;
  if (prev_tag == ART_TAG_O) return 0;
  /* A connector inside an open name: a capital must follow within two tokens. */
  int connector = (t->flags & (ART_TOK_POSSESSIVE | ART_TOK_DASH)) ||
                  ((t->flags & ART_TOK_LOWER) && len <= 4) ||
                  (len == 1 && doc[t->start] == '&');
  if (!connector) return 0;
  if (next_cap) return 1;
  return i + 2 < n && (toks[i + 1].flags & ART_TOK_LOWER) && toks[i + 1].end - toks[i + 1].start <= 3 &&
         has_upper_word(&toks[i + 2]);
}

/* "The", "But", "Officials" opening a sentence before a lower-case word: not a name, if common. */
static inline int initial_common_candidate(const art_token *toks, size_t i, int next_cap) {
  const art_token *t = &toks[i];
  return (t->flags & ART_TOK_INITIAL) && !next_cap && !(t->flags & ART_TOK_ALLCAPS) &&
         t->end - t->start <= LOWER_MAX;
}

void art_tagger_word_gaz_fill(const char *doc, const art_token *toks, size_t n, uint32_t *word_gaz) {
  char low[LOWER_MAX];
  _Static_assert(LOWER_MAX == 48, "art_tagger_word_gaz_known() says 48");
  for (size_t i = 0; i < n; i++)
    if (art_tagger_word_gaz_known(&toks[i]))
      word_gaz[i] = art_gazetteer_bits(low, lower_ascii((const unsigned char *)doc + toks[i].start,
                                                        toks[i].end - toks[i].start, low, sizeof low));
}

int art_tagger_scorable(const char *doc, const art_token *toks, size_t n, size_t i, int prev_tag) {
  int next_cap = i + 1 < n && has_upper_word(&toks[i + 1]);
  if (has_upper_word(&toks[i])) {
    if (initial_common_candidate(toks, i, next_cap)) {
      char low[LOWER_MAX];
      size_t ll = lower_ascii((const unsigned char *)doc + toks[i].start, toks[i].end - toks[i].start, low, sizeof low);
      gaz_ensure();
      if (gaz_find(&gaz_lower, low, ll) & ART_GAZ_LOWER_WORD) return 0;
    }
    return 1;
  }
  return scorable_lower(doc, toks, n, i, prev_tag, next_cap);
}

/* ---- features ----------------------------------------------------------- */

/*
** The facts of the sentence boundary, as a neighbour.  They count as
** current (READY_CACHED), so that ensure() passes over info[n] and
** info[n + 1] without a test for the end; the reference path never reads
** them (it tests for the ends itself).
*/
static inline void boundary_info(const word_cache *wc, const art_tagger_scratch *sc, art_tok_info *b) {
  b->h_lower = b->h_shape = BOUNDARY_HASH;
  b->gaz = b->gaz_span = 0;
  b->ready = READY_CACHED(sc);
  b->row_as_prev = wc->boundary.as_prev;
  b->row_as_next = wc->boundary.as_next;
  b->row_as_next2 = wc->boundary.as_next2;
}

/*
** The row of token `in` as a neighbour (role 0: the previous word, 1: the
** next, 2: the one after), probed now (see ROW_UNSET) and kept in the
** token's facts and in its cache entry if the entry still holds the word.
*/
static NOINLINE uint32_t neighbour_row(word_cache *wc, art_tok_info *in, int role) {
  static const uint32_t template_of[3] = { T_PREV_WORD, T_NEXT_WORD, T_NEXT2_WORD };
  _Static_assert(offsetof(cached_word, as_next) == offsetof(cached_word, as_prev) + 4 &&
                 offsetof(cached_word, as_next2) == offsetof(cached_word, as_prev) + 8 &&
                 offsetof(art_tok_info, row_as_next) == offsetof(art_tok_info, row_as_prev) + 4 &&
                 offsetof(art_tok_info, row_as_next2) == offsetof(art_tok_info, row_as_prev) + 8,
                 "the three rows follow each other");
  uint32_t r = model_row(&wc->model, feat(template_of[role], in->h_lower));
  (&in->row_as_prev)[role] = r;
  cached_word *set = &wc->w[((in->key >> 40) & (WORD_CACHE_SETS - 1)) * 2];
  for (int way = 0; way < 2; way++)
    if (set[way].key == in->key) (&set[way].as_prev)[role] = r;
  return r;
}

/*
** The row of T_PREV_SHAPE (side 0) or T_NEXT_SHAPE (side 1) of the shape
** pair v, of T_PREV_TAG_SHAPE (side 2) of the label and shape v, or of
** T_SHAPE (side 3) of the shape v (self_sum()): shapes
** are few, so a table remembers the rows of the pairs met,
** and a pair costs a look-up there instead of a hash and a probe into the
** model.  (When every scored token read them, 2,048 pairs a side did best;
** now that the shape contexts hold most of them, 512 do as well.)
*/
static NOINLINE uint32_t shape_pair_miss(word_cache *wc, const art_tagger_model *m, int side, uint32_t v,
                                         shape_pair *e) {
  static const uint32_t template_of[4] = { T_PREV_SHAPE, T_NEXT_SHAPE, T_PREV_TAG_SHAPE, T_SHAPE };
  e->row = model_row(m, feat(template_of[side], v));
  e->value = v;
  return e->row;
}

static ALWAYS_INLINE uint32_t shape_pair_row(word_cache *wc, const art_tagger_model *m, int side, uint32_t v) {
  shape_pair *e = &wc->shape_pairs[side][(v ^ v >> 16) & (SHAPE_PAIRS - 1)];
  if (LIKELY(e->value == v && e->row != ROW_UNSET)) return e->row;
  return shape_pair_miss(wc, m, side, v, e);
}

/* The sums of a shape context (see shape_ctx), kept in e when they fit in 16 bits. */
static NOINLINE void shape_ctx_sums(word_cache *wc, const art_tagger_model *m, shape_ctx *e, uint32_t prev_shape,
                                    uint32_t shape, uint32_t next_shape, int prev, int32_t *sum) {
  uint32_t rows[3], after_o = NO_ROW;
  size_t k = 0;
  rows[k] = shape_pair_row(wc, m, 0, prev_shape * 31u + shape);
  k += rows[k] != NO_ROW;
  rows[k] = shape_pair_row(wc, m, 1, next_shape * 31u + shape);
  k += rows[k] != NO_ROW;
  if (prev != ART_TAG_O) {   /* after an O, in the self sum (see self_line) */
    rows[k] = shape_pair_row(wc, m, 2, (uint32_t)prev * 0x01000193u ^ shape);
    k += rows[k] != NO_ROW;
    after_o = shape_pair_row(wc, m, 2, (uint32_t)ART_TAG_O * 0x01000193u ^ shape);
  }
  score_acc a;
  acc_init(&a, wc->prev_tag[prev]);
  acc_rows_aligned(&a, m, wc->dense, wc->dense16, wc->dense16_chunk, rows, k);
  if (after_o != NO_ROW) acc_sub_row(&a, m, wc->dense, wc->dense16, after_o);
  acc_finish(&a, sum);
  if (!pack_sums16(&a, sum, e->v)) return;   /* e keeps the context it held */
  e->prev_shape = prev_shape;
  e->shape = shape;
  e->next_shape = next_shape;
  e->tag_plus1 = (uint32_t)prev + 1;
}

/*
** The shape context of a token: the previous label's and shapes' rows (see
** shape_ctx), as the 16-bit line that holds them, or NULL with their sums
** in sum[] (not in the table yet).
*/
static ALWAYS_INLINE const int16_t *shape_ctx_line(word_cache *wc, const art_tagger_model *m, uint32_t prev_shape,
                                                   uint32_t shape, uint32_t next_shape, int prev, int32_t *sum) {
  uint32_t h = prev_shape * 0x9e3779b1u + shape * 0x85ebca77u + next_shape * 0xc2b2ae3du + (uint32_t)prev * 0x27d4eb2fu;
  shape_ctx *e = &wc->shape_ctxs[h >> (32 - SHAPE_CTX_BITS)];
  if (LIKELY(e->shape == shape && e->prev_shape == prev_shape && e->next_shape == next_shape &&
             e->tag_plus1 == (uint32_t)prev + 1))
    return e->v;
  shape_ctx_sums(wc, m, e, prev_shape, shape, next_shape, prev, sum);
  return NULL;
}

/* The sums of the rows of a pair of neighbours' gazetteer hits (see gaz_ctx), kept in e; 0 when they do not fit. */
static NOINLINE int gaz_ctx_sums(word_cache *wc, const art_tagger_model *m, gaz_ctx *e, uint32_t prev_bits,
                                 uint32_t next_bits) {
  uint32_t rows[2 * GAZ_BITS];
  size_t k = 0;
  for (uint32_t bits = prev_bits; bits; bits &= bits - 1) {
    rows[k] = wc->gaz_rows[1][lowest_bit(bits)];
    k += rows[k] != NO_ROW;
  }
  for (uint32_t bits = next_bits; bits; bits &= bits - 1) {
    rows[k] = wc->gaz_rows[2][lowest_bit(bits)];
    k += rows[k] != NO_ROW;
  }
  score_acc a;
  int32_t sum[ART_TAGGER_DENSE_WIDTH];
  acc_init(&a, NULL);
  acc_rows_aligned(&a, m, wc->dense, wc->dense16, wc->dense16_chunk, rows, k);
  acc_finish(&a, sum);
  if (!pack_sums16(&a, sum, e->v)) return 0;
  e->pair = prev_bits << GAZ_BITS | next_bits;
  return 1;
}

/*
** The rows of the features that look at the neighbours, except those of
** the shape context: the neighbour words' rows come with their facts, and
** gazetteer features from a table (no feature is hashed and probed here);
** *gaz_sums is then the summed rows of the neighbours' gazetteer hits (see
** gaz_ctx), or NULL when there are none or they are among the rows.
*/
static ALWAYS_INLINE size_t context_rows(word_cache *wc, const art_tagger_model *m, art_tagger_scratch *sc,
                           size_t i, uint32_t *rows, int *may_overflow, const int16_t **gaz_sums) {
  /* past the ends of the sentence, info[] holds the boundary's facts (boundary_info()) */
  art_tok_info *in = &sc->info[i], *prev = in - 1, *next = in + 1, *next2 = in + 2;
  size_t k = 0;
  /* appended whether or not the model has them, kept only if it does (no branch to mispredict) */
  uint32_t as_prev = prev->row_as_prev, as_next = next->row_as_next, as_next2 = next2->row_as_next2;
  if (UNLIKELY((as_prev | as_next | as_next2) >> 31)) {   /* one is ROW_UNSET */
    if (as_prev == ROW_UNSET) as_prev = neighbour_row(wc, prev, 0);
    if (as_next == ROW_UNSET) as_next = neighbour_row(wc, next, 1);
    if (as_next2 == ROW_UNSET) as_next2 = neighbour_row(wc, next2, 2);
  }
  rows[k] = as_prev;
  k += rows[k] != NO_ROW;
  rows[k] = as_next;
  k += rows[k] != NO_ROW;
  rows[k] = as_next2;
  k += rows[k] != NO_ROW;
  uint32_t groups[3] = { in->gaz_span & GAZ_FEATURE_MASK, prev->gaz & GAZ_FEATURE_MASK, next->gaz & GAZ_FEATURE_MASK };
  /*
  ** The reference list can be cut short only when some group has 13 of its
  ** 14 bits, a value >= 0x1FFF (list_would_overflow() then counts); the
  ** groups ORed together are that large then too, and seldom otherwise.
  */
  *may_overflow = ((in->gaz & GAZ_FEATURE_MASK) | groups[0] | groups[1] | groups[2]) >= 0x1FFF;
  for (uint32_t bits = groups[0]; bits; bits &= bits - 1) {
    rows[k] = wc->gaz_rows[0][lowest_bit(bits)];
    k += rows[k] != NO_ROW;
  }
  *gaz_sums = NULL;
  if (groups[1] | groups[2]) {
    uint32_t pair = groups[1] << GAZ_BITS | groups[2];
    gaz_ctx *e = &wc->gaz_ctxs[(pair * 0x9e3779b1u) >> (32 - GAZ_CTX_BITS)];
    if (LIKELY(e->pair == pair) || gaz_ctx_sums(wc, m, e, groups[1], groups[2])) {
      *gaz_sums = e->v;
      return k;
    }
    for (int q = 1; q < 3; q++)   /* too big for 16 bits: the rows themselves */
      for (uint32_t bits = groups[q]; bits; bits &= bits - 1) {
        rows[k] = wc->gaz_rows[q][lowest_bit(bits)];
        k += rows[k] != NO_ROW;
      }
  }
  return k;
}

/*
** The reference feature list of token i (the trainer's, and the check's):
** every template in one list, in the order the model was trained with.
*/
size_t art_tagger_features(const char *doc, const art_token *toks, size_t n,
                           art_tagger_scratch *sc, size_t i, int prev_tag, uint32_t *f) {
  size_t k = 0;
  for (size_t j = i >= 2 ? i - 2 : 0; j < n && j <= i + 2; j++) prepare(doc, toks, sc, j);
  if (i == 0 || !has_upper_word(&toks[i - 1]))   /* (a word with a capital is a word) */
    mark_spans(NULL, doc, toks, n, sc, i);
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
  f[k++] = feat(T_FLAGS, toks[i].flags & FEATURE_FLAGS);
  /* Gazetteer hits: one feature per list for the word, the span, and each neighbour. */
  uint32_t groups[4] = { in->gaz & GAZ_FEATURE_MASK, in->gaz_span & GAZ_FEATURE_MASK,
                         i >= 1 ? sc->info[i - 1].gaz & GAZ_FEATURE_MASK : 0,
                         i + 1 < n ? sc->info[i + 1].gaz & GAZ_FEATURE_MASK : 0 };
  static const uint32_t base[4] = { T_GAZ, T_GAZ_SPAN, T_GAZ_PREV, T_GAZ_NEXT };
  for (int q = 0; q < 4; q++)
    for (uint32_t bits = groups[q]; bits && k < ART_TAGGER_MAX_FEATURES; bits &= bits - 1)
      f[k++] = feat(base[q] + (uint32_t)lowest_bit(bits), 1);
  return k;
}

/* ---- scoring and decoding ------------------------------------------------ */

int art_tagger_allowed(int prev, int tag) { return allowed(prev, tag); }

/* The self sum of token t, summed from the model (the cache did not hold it); kept when it fits. */
static NOINLINE void self_sum(const art_tagger_model *m, word_cache *wc, cached_word *e, const char *doc,
                                  const art_token *t, const art_tok_info *in, int32_t *sum) {
  /*
  ** The features of the token alone (T_BIAS, T_WORD, T_LOWER, T_SHAPE,
  ** T_INITIAL, T_INITIAL_COMMON, T_FLAGS, T_GAZ), those that take few values
  ** with their rows from tables, and T_PREV_TAG_SHAPE after an O (see self_line).
  */
  uint32_t f[2], rows[9 + GAZ_BITS];
  f[0] = feat(T_WORD, hash_bytes((const unsigned char *)doc + t->start, t->end - t->start));
  f[1] = feat(T_LOWER, in->h_lower);
  size_t k = model_rows(m, f, 2, rows);
  rows[k] = shape_pair_row(wc, m, 3, in->h_shape);   /* T_SHAPE */
  k += rows[k] != NO_ROW;
  rows[k] = shape_pair_row(wc, m, 2, (uint32_t)ART_TAG_O * 0x01000193u ^ in->h_shape);   /* after an O */
  k += rows[k] != NO_ROW;
  uint32_t initial = (t->flags & ART_TOK_INITIAL) ? 1 : 0;
  uint32_t few[4] = { wc->bias_row, wc->initial_rows[initial], wc->flag_rows[t->flags & FEATURE_FLAGS],
                      initial ? wc->initial_common_rows[(in->gaz & 1u) | ((in->gaz & 0x7Eu) ? 2u : 0u)] : NO_ROW };
  for (int q = 0; q < 4; q++)
    if (few[q] != NO_ROW) rows[k++] = few[q];
  for (uint32_t bits = in->gaz & GAZ_FEATURE_MASK; bits; bits &= bits - 1)
    if (wc->gaz_self_rows[lowest_bit(bits)] != NO_ROW) rows[k++] = wc->gaz_self_rows[lowest_bit(bits)];
  score_acc a;
  acc_init(&a, NULL);
  acc_rows_aligned(&a, m, wc->dense, wc->dense16, wc->dense16_chunk, rows, k);
  acc_finish(&a, sum);
  if (!pack_sums16(&a, sum, wc->self[e - wc->w].v)) return;   /* too big for the cache: recomputed each time */
  e->gaz |= SELF_VALID;
}

/*
** The self sum of token t (with T_PREV_TAG_SHAPE after an O): the 16-bit
** line of the cache that holds it, or NULL with the sums in sum[].
*/
static ALWAYS_INLINE const int16_t *self_line_of(const art_tagger_model *m, word_cache *wc, const char *doc,
                                                const art_token *t, const art_tok_info *in, int32_t *sum) {
  /* ensure() has just found the word (and marked it the newer of its set): look, without marking again */
  cached_word *set = &wc->w[((in->key >> 40) & (WORD_CACHE_SETS - 1)) * 2], *e = &set[1];
  if (UNLIKELY(e->key != in->key)) e = set[0].key == in->key ? &set[0] : cache_find(wc, in->key, doc, t);
  if (LIKELY(e->gaz & SELF_VALID)) return wc->self[e - wc->w].v;
  self_sum(m, wc, e, doc, t, in, sum);
  return NULL;
}

static int popcount32(uint32_t x) {
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  return (int)((((x + (x >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
}

/*
** Would the reference list of token i be cut at ART_TAGGER_MAX_FEATURES?
** Only with more than 48 gazetteer features, so only when some group has
** 13 or more of its 14 bits (value >= 0x1FFF: context_rows() tells): then count.
*/
static COLD int count_would_overflow(const uint32_t *g) {
  return 16 + popcount32(g[0]) + popcount32(g[1]) + popcount32(g[2]) + popcount32(g[3]) > ART_TAGGER_MAX_FEATURES;
}

static COLD int list_would_overflow(const art_tagger_scratch *sc, size_t i) {
  /* the boundary's gaz (info[-1], info[n]) is 0 */
  uint32_t g[4] = { sc->info[i].gaz & GAZ_FEATURE_MASK, sc->info[i].gaz_span & GAZ_FEATURE_MASK,
                    sc->info[i - 1].gaz & GAZ_FEATURE_MASK, sc->info[i + 1].gaz & GAZ_FEATURE_MASK };
  return count_would_overflow(g);
}

/* best_label() from the sums in an array, compared as integers. */
static int best_label_of(const word_cache *wc, const int32_t *scores, int prev, int32_t *best_score, int32_t *second) {
  const int32_t *ok = wc->allowed[prev];
  int best = ART_TAG_O;
  int32_t top = scores[0], run = INT32_MIN;
  for (int t = 1; t < ART_TAGGER_LABELS; t++) {
    if (!ok[t]) continue;
    if (scores[t] > top) { run = top; top = scores[t]; best = t; }
    else if (scores[t] > run) run = scores[t];
  }
  *best_score = top;
  *second = run;
  return best;
}

#if defined(__SSE2__)
/*
** Per lane, *hi and *lo hold the largest and second largest of the values
** seen there: merge the lanes two apart, then the neighbouring ones, so that
** every lane holds the overall pair (best_label(), wide_best_label()).
*/
#define MERGE_LANES(order) { \
    __m128 h2 = _mm_shuffle_ps(*hi, *hi, order), l2 = _mm_shuffle_ps(*lo, *lo, order), t = _mm_min_ps(*hi, h2); \
    *hi = _mm_max_ps(*hi, h2); \
    *lo = _mm_max_ps(_mm_max_ps(*lo, t), l2); }
static ALWAYS_INLINE void merge_lane_pairs(__m128 *hi, __m128 *lo) {
  MERGE_LANES(0x4E)
  MERGE_LANES(0xB1)
}
#undef MERGE_LANES
#endif

/*
** The best allowed label (the first one on ties), its score and the
** runner-up's (equal to it on a tie).  O and every B- are always allowed,
** so there is always a runner-up.
**
** With SSE2 the sums are compared as floats, which have the minimum and
** maximum instructions that SSE2 lacks for 32-bit integers.  That is exact
** when every sum is below 2^24 in magnitude: a token adds at most 72 rows
** (its self sum, the previous label's row, 70 features), sparse weights
** have 16 bits, and cache_for() checks that dense ones stay within 2^16,
** so sums stay below 72 * 2^16 < 2^23.  Labels that may not follow get
** 2^30 taken off, which puts them below every allowed one.  The largest
** and second largest value are kept per lane, the lanes merged, and the
** first lane holding the largest found from one compare mask.
*/
static ALWAYS_INLINE int best_label(const word_cache *wc, const score_acc *a, int prev,
                             int32_t *best_score, int32_t *second) {
#if defined(__SSE2__)
  if (LIKELY(wc->sums_fit_float)) {
    const int32_t *pen = wc->penalty[prev];
    __m128 v[ACC_VECS], t;
#define TO_FLOAT(k) v[k] = _mm_cvtepi32_ps(_mm_add_epi32(a->v[k], _mm_load_si128((const __m128i *)(pen + 4 * k))));
    EACH_VEC(TO_FLOAT)
#undef TO_FLOAT
    __m128 hi = v[0], lo = _mm_set1_ps(-2147483648.0f);
#define PUSH(x) t = _mm_min_ps(hi, x); hi = _mm_max_ps(hi, x); lo = _mm_max_ps(lo, t);
    PUSH(v[1]) PUSH(v[2]) PUSH(v[3]) PUSH(v[4]) PUSH(v[5])
#undef PUSH
    merge_lane_pairs(&hi, &lo);
    /* one bit per label where the best value sits */
#define EQ(k) _mm_castps_si128(_mm_cmpeq_ps(v[k], hi))
    __m128i q01 = _mm_packs_epi32(EQ(0), EQ(1)), q23 = _mm_packs_epi32(EQ(2), EQ(3)), q45 = _mm_packs_epi32(EQ(4), EQ(5));
#undef EQ
    uint32_t where = (uint32_t)_mm_movemask_epi8(_mm_packs_epi16(q01, q23)) |
                     (uint32_t)_mm_movemask_epi8(_mm_packs_epi16(q45, q45)) << 16;
    *best_score = (int32_t)_mm_cvtss_f32(hi);
    *second = (int32_t)_mm_cvtss_f32(lo);
    return lowest_bit(where);
  }
#endif
  int32_t scores[ART_TAGGER_DENSE_WIDTH];
  acc_store(a, scores);
  return best_label_of(wc, scores, prev, best_score, second);
}

#if TAG_WIDE
/*
** The AVX2 copy's accumulator: the 24 sums in three 256-bit vectors, in
** wide_order[] (the order 16-bit lines widen to), sparse cells in an array
** in label order as score_acc's.  The 16-bit lines and rows are laid out as
** for the SSE2 code (dense16_lane()): the same tables serve both.
*/
typedef struct wide_acc {
  __m256i y0, y1, y2;   /* named, not an array: they then stay in registers */
  int32_t *cell;        /* the caller's array (apart, so that the vectors' address is never taken) */
} wide_acc;

/* The three vectors of a wide accumulator's order. */
typedef struct wide3 { __m256i y0, y1, y2; } wide3;

/* v[0..24) in label order, as wide_order[] */
WIDE_FN wide3 wide_from_i32(const int32_t *v) {
  __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)v);
  __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(v + 8));
  wide3 r = { _mm256_permute2x128_si256(a, b, 0x20),    /* labels 0-3, 8-11 */
              _mm256_permute2x128_si256(a, b, 0x31),    /* 4-7, 12-15 */
              _mm256_loadu_si256((const __m256i *)(const void *)(v + 16)) };
  return r;
}

/*
** The 16-bit lanes 0..15 (w) and 16..23 (w2, in both halves) of a line or
** of a sum of rows, widened by multiply-adds into the three vectors.
*/
WIDE_FN wide3 wide_widen(__m256i w, __m256i w2) {
  const __m256i even = _mm256_set1_epi32(1), odd = _mm256_set1_epi32(1 << 16);
  const __m256i split = _mm256_setr_epi32(1, 1, 1, 1, 1 << 16, 1 << 16, 1 << 16, 1 << 16);
  wide3 r = { _mm256_madd_epi16(w, even), _mm256_madd_epi16(w, odd), _mm256_madd_epi16(w2, split) };
  return r;
}

/* The 16-bit line v (64-byte aligned, lanes as dense16_lane() says), widened. */
WIDE_FN wide3 wide_line(const int16_t *v) {
  return wide_widen(_mm256_load_si256((const __m256i *)(const void *)v),
                    _mm256_broadcastsi128_si256(_mm_load_si128((const __m128i *)(const void *)(v + 16))));
}

WIDE_FN void wacc_add(wide_acc *a, wide3 t) {
  a->y0 = _mm256_add_epi32(a->y0, t.y0);
  a->y1 = _mm256_add_epi32(a->y1, t.y1);
  a->y2 = _mm256_add_epi32(a->y2, t.y2);
}

/* a = t, no cells. */
WIDE_FN void wacc_init(wide_acc *a, wide3 t) {
  const __m256i zero = _mm256_setzero_si256();
  a->y0 = t.y0;
  a->y1 = t.y1;
  a->y2 = t.y2;
  _mm256_storeu_si256((__m256i *)(void *)a->cell, zero);
  _mm256_storeu_si256((__m256i *)(void *)(a->cell + 8), zero);
  _mm256_storeu_si256((__m256i *)(void *)(a->cell + 16), zero);
}

WIDE_FN void wacc_init_i32(wide_acc *a, const int32_t *v) { wacc_init(a, wide_from_i32(v)); }
WIDE_FN void wacc_add_i32(wide_acc *a, const int32_t *v) { wacc_add(a, wide_from_i32(v)); }
WIDE_FN void wacc_init_i16(wide_acc *a, const int16_t *v) { wacc_init(a, wide_line(v)); }
WIDE_FN void wacc_add_i16(wide_acc *a, const int16_t *v) { wacc_add(a, wide_line(v)); }

/* a += rows[0..nr) (no more than chunk of them when dense16 is not NULL). */
WIDE_FN void wacc_chunk(wide_acc *a, const art_tagger_model *m, const int16_t *dense16, const uint32_t *rows,
                        size_t nr) {
  __m256i h01 = _mm256_setzero_si256();
  __m128i h2 = _mm_setzero_si128();
  for (size_t k = 0; k < nr; k++) {
    uint32_t row = rows[k], len = row & 31;
    if (len == ART_TAGGER_DENSE_ROW) {   /* (row >> 5) * DENSE16_STRIDE int16s = (row & ~31) * 2 bytes */
      const char *d = (const char *)dense16 + (size_t)(row & ~31u) * 2;
      h01 = _mm256_add_epi16(h01, _mm256_load_si256((const __m256i *)(const void *)d));
      h2 = _mm_add_epi16(h2, _mm_load_si128((const __m128i *)(const void *)(d + 32)));
    } else {
      add_cells(a->cell, m, row, len);
    }
  }
  wacc_add(a, wide_widen(h01, _mm256_inserti128_si256(_mm256_castsi128_si256(h2), h2, 1)));
}

/* acc_rows_aligned() for the wide accumulator. */
WIDE_FN void wacc_rows(wide_acc *a, const art_tagger_model *m, const int32_t *dense, const int16_t *dense16,
                       size_t chunk, const uint32_t *rows, size_t nr) {
  if (LIKELY(dense16 != NULL && nr <= chunk)) {   /* the usual case: one chunk */
    wacc_chunk(a, m, dense16, rows, nr);
    return;
  }
  if (!dense16) {
    for (size_t k = 0; k < nr; k++) {
      uint32_t row = rows[k], len = row & 31;
      if (len == ART_TAGGER_DENSE_ROW) wacc_add_i32(a, dense + (size_t)(row >> 5) * ART_TAGGER_DENSE_WIDTH);
      else add_cells(a->cell, m, row, len);
    }
    return;
  }
  for (size_t k = 0; k < nr; k += chunk) wacc_chunk(a, m, dense16, rows + k, nr - k > chunk ? chunk : nr - k);
}

/* The sums: the cells added in. */
WIDE_FN void wacc_total(wide_acc *a) { wacc_add(a, wide_from_i32(a->cell)); }

/* out[0..24) = the sums of a totalled accumulator, in label order. */
WIDE_FN void wacc_store(const wide_acc *a, int32_t *out) {
  _mm256_storeu_si256((__m256i *)(void *)out, _mm256_permute2x128_si256(a->y0, a->y1, 0x20));
  _mm256_storeu_si256((__m256i *)(void *)(out + 8), _mm256_permute2x128_si256(a->y0, a->y1, 0x31));
  _mm256_storeu_si256((__m256i *)(void *)(out + 16), a->y2);
}

/* best_label() for the wide accumulator: the same comparisons, eight lanes at a time. */
WIDE_FN int wide_best_label(const word_cache *wc, const wide_acc *a, int prev, int32_t *best_score,
                            int32_t *second) {
  if (UNLIKELY(!wc->sums_fit_float)) {
    int32_t scores[ART_TAGGER_DENSE_WIDTH];
    wacc_store(a, scores);
    return best_label_of(wc, scores, prev, best_score, second);
  }
  const int32_t *pen = wc->penalty_wide[prev];
  __m256 v[3] = {
    _mm256_cvtepi32_ps(_mm256_add_epi32(a->y0, _mm256_load_si256((const __m256i *)(const void *)pen))),
    _mm256_cvtepi32_ps(_mm256_add_epi32(a->y1, _mm256_load_si256((const __m256i *)(const void *)(pen + 8)))),
    _mm256_cvtepi32_ps(_mm256_add_epi32(a->y2, _mm256_load_si256((const __m256i *)(const void *)(pen + 16)))),
  };
  __m256 hi8 = _mm256_max_ps(v[0], v[1]), lo8 = _mm256_min_ps(v[0], v[1]);
  lo8 = _mm256_max_ps(lo8, _mm256_min_ps(hi8, v[2]));
  hi8 = _mm256_max_ps(hi8, v[2]);
  /* the two halves merged, then the lanes two apart and the neighbouring ones */
  __m128 hi = _mm256_castps256_ps128(hi8), lo = _mm256_castps256_ps128(lo8), t;
  __m128 hi2 = _mm256_extractf128_ps(hi8, 1), lo2 = _mm256_extractf128_ps(lo8, 1);
#define PUSH(x) t = _mm_min_ps(hi, x); hi = _mm_max_ps(hi, x); lo = _mm_max_ps(lo, t);
  PUSH(hi2)
  lo = _mm_max_ps(lo, lo2);
#undef PUSH
  merge_lane_pairs(&hi, &lo);
  /* one bit per label where the best value sits: the vectors' halves put back in label order */
  __m256 top = _mm256_broadcastss_ps(hi);
  __m256 e0 = _mm256_cmp_ps(v[0], top, _CMP_EQ_OQ), e1 = _mm256_cmp_ps(v[1], top, _CMP_EQ_OQ);
  uint32_t where = (uint32_t)_mm256_movemask_ps(_mm256_permute2f128_ps(e0, e1, 0x20)) |
                   (uint32_t)_mm256_movemask_ps(_mm256_permute2f128_ps(e0, e1, 0x31)) << 8 |
                   (uint32_t)_mm256_movemask_ps(_mm256_cmp_ps(v[2], top, _CMP_EQ_OQ)) << 16;
  *best_score = (int32_t)_mm_cvtss_f32(hi);
  *second = (int32_t)_mm_cvtss_f32(lo);
  return lowest_bit(where);
}
#endif

/*
** So many gazetteer hits that the reference list of token i is cut short:
** its sums are taken from that list as it is.  Out of line (and in the
** cold section), like every rare path of the decoder: the decode loop's
** code then fits the instruction cache better between the other stages.
*/
static COLD void reference_sums(const art_tagger_model *m, const char *doc, const art_token *toks, size_t n,
                                art_tagger_scratch *sc, size_t i, int prev, int32_t *sums) {
  uint32_t feats[ART_TAGGER_MAX_FEATURES];
  sc->info[i].h_word = hash_bytes((const unsigned char *)doc + toks[i].start, toks[i].end - toks[i].start);
  memset(sums, 0, ART_TAGGER_DENSE_WIDTH * sizeof *sums);
  art_tagger_score(m, feats, art_tagger_features(doc, toks, n, sc, i, prev, feats), sums);
}

/*
** The decoder, inlined into a copy per vector width (wide: the AVX2 copy,
** with wide_acc; else score_acc).
*/
static ALWAYS_INLINE int tag_sentence(const art_tagger_model *m, const char *doc, const art_token *toks, size_t n,
                                      art_tagger_scratch *sc, uint8_t *tags, int32_t *margin, const int wide) {
  if (art_tagger_scratch_reset(sc, n)) return -1;
  memset(tags, ART_TAG_O, n);
  if (margin) memset(margin, 0, n * sizeof *margin);
  if (m->feature_version != ART_TAGGER_FEATURE_VERSION || m->nslots == 0) {
    if (sc->word_gaz) art_tagger_word_gaz_fill(doc, toks, n, sc->word_gaz);
    return 0;
  }
  word_cache *wc = LIKELY(sc->cache && same_model(&sc->cache->model, m)) ? sc->cache : cache_for(sc, m);
  if (!wc) return -1;
  boundary_info(wc, sc, &sc->info[-1]);
  boundary_info(wc, sc, &sc->info[n]);
  boundary_info(wc, sc, &sc->info[n + 1]);
  uint32_t feats[ART_TAGGER_MAX_FEATURES];
  int prev = ART_TAG_O;
#if ART_TAGGER_CHECK
  art_tagger_scratch ref = {0};
  if (art_tagger_scratch_reset(&ref, n)) return -1;
#endif
  size_t cap_at = 0;   /* the next token with a capital, at or after i */
  const uint8_t *facts = sc->facts;
  for (size_t i = 0; i < n; i++) {
    /*
    ** A token is scored only if it has a capital or one follows within two
    ** tokens (particles, connectors): jump over the stretches in between,
    ** whose tokens are all O.  After an O, a token without a capital is
    ** scored only as a particle right before one (scorable_lower()): the
    ** jump goes on to the token before the capital.
    */
    if (cap_at < i) cap_at = i;
    if (!has_upper_word(&toks[cap_at])) cap_at = next_capital(toks, facts, n, cap_at);
    if (cap_at == n) break;
    if (cap_at >= i + 3) prev = ART_TAG_O;
    if (prev == ART_TAG_O && cap_at >= i + 2) i = cap_at - 1;
    /* every word with a capital is ensure()d below, scored or not (word_gaz relies on it) */
    /* cap_at is the first word with a capital at or after i: it says whether i and i + 1 are */
    int upper = cap_at == i;
    int next_cap = upper ? i + 1 < n && has_upper_word(&toks[i + 1]) : cap_at == i + 1;
    if (!upper) {
      if (!scorable_lower(doc, toks, n, i, prev, next_cap)) { prev = ART_TAG_O; continue; }
    } else if (initial_common_candidate(toks, i, next_cap) &&
               (ensure(wc, doc, toks, sc, i)->gaz & ART_GAZ_LOWER_WORD)) {
      prev = ART_TAG_O;
      continue;
    }
    art_tok_info *in = ensure(wc, doc, toks, sc, i);
    if (i >= 1) ensure(wc, doc, toks, sc, i - 1);
    ensure(wc, doc, toks, sc, i + 1);   /* past the end: the boundary, current already */
    ensure(wc, doc, toks, sc, i + 2);
    if (i == 0 || !has_upper_word(&toks[i - 1]))   /* (a word with a capital is a word) */
      mark_spans(wc, doc, toks, n, sc, i);

    score_acc acc;
#if TAG_WIDE
    wide_acc wacc;
    int32_t wide_cells[ART_TAGGER_DENSE_WIDTH];
    wacc.cell = wide_cells;
#define ACC(narrow, widened) do { if (wide) { widened; } else { narrow; } } while (0)
#else
#define ACC(narrow, widened) do { (void)wide; narrow; } while (0)
#endif
    int may_overflow;
    const int16_t *gaz_sums;
    size_t nrows = context_rows(wc, m, sc, i, feats, &may_overflow, &gaz_sums);
    int32_t sum[ART_TAGGER_DENSE_WIDTH];   /* sums that the tables do not hold yet */
    if (UNLIKELY(may_overflow) && list_would_overflow(sc, i)) {
      reference_sums(m, doc, toks, n, sc, i, prev, sum);
      ACC(acc_init(&acc, sum), wacc_init_i32(&wacc, sum));
    } else {
      const int16_t *line = shape_ctx_line(wc, m, in[-1].h_shape, in->h_shape, in[1].h_shape, prev, sum);
      if (LIKELY(line != NULL)) ACC(acc_init_i16(&acc, line), wacc_init_i16(&wacc, line));
      else ACC(acc_init(&acc, sum), wacc_init_i32(&wacc, sum));
      line = self_line_of(m, wc, doc, &toks[i], in, sum);
      if (LIKELY(line != NULL)) ACC(acc_add_i16(&acc, line), wacc_add_i16(&wacc, line));
      else ACC(acc_add_i32(&acc, sum), wacc_add_i32(&wacc, sum));
      ACC(acc_rows_aligned(&acc, m, wc->dense, wc->dense16, wc->dense16_chunk, feats, nrows),
          wacc_rows(&wacc, m, wc->dense, wc->dense16, wc->dense16_chunk, feats, nrows));
      if (gaz_sums) ACC(acc_add_i16(&acc, gaz_sums), wacc_add_i16(&wacc, gaz_sums));
    }
    /* the sums are left in the accumulator: stored only where an array is wanted */
    ACC(acc_total(&acc), wacc_total(&wacc));
#if ART_TAGGER_CHECK
    {
      int32_t scores[ART_TAGGER_DENSE_WIDTH];
      ACC(acc_store(&acc, scores), wacc_store(&wacc, scores));
      /* the reference path, fed the same tokens in the same order, must give the same sums */
      int32_t want[ART_TAGGER_DENSE_WIDTH] = {0};
      uint32_t rf[ART_TAGGER_MAX_FEATURES];
      art_tagger_score(m, rf, art_tagger_features(doc, toks, n, &ref, i, prev, rf), want);
      if (memcmp(want, scores, ART_TAGGER_LABELS * sizeof *want) != 0) {
        fprintf(stderr, "tagger check: token %zu '%.*s' differs\n", i, (int)(toks[i].end - toks[i].start),
                doc + toks[i].start);
        abort();
      }
    }
#endif
    int32_t best_score, second;
    int best;
    ACC(best = best_label(wc, &acc, prev, &best_score, &second),
        best = wide_best_label(wc, &wacc, prev, &best_score, &second));
    /*
    ** A new name of another type right after an open one ("William/B-PER
    ** Burns/B-ORG") is almost always a greedy slip: names of different
    ** types rarely touch.  Continue the open name unless the new one wins
    ** clearly.
    */
    if (ART_TAG_IS_B(best) && prev != ART_TAG_O && ART_TAG_TYPE(best) != ART_TAG_TYPE(prev) &&
        (toks[i].flags & ART_TOK_CAP) && i > 0 && (toks[i - 1].flags & ART_TOK_WORD)) {
      int cont = ART_TAG_I(ART_TAG_TYPE(prev));
      int32_t scores[ART_TAGGER_DENSE_WIDTH];
      ACC(acc_store(&acc, scores), wacc_store(&wacc, scores));
      if (best_score - scores[cont] < ART_TAGGER_CONTINUE_MARGIN) {
        second = best_score;
        best_score = scores[cont];
        best = cont;
      }
    }
#undef ACC
    tags[i] = (uint8_t)best;
    if (margin) margin[i] = best_score - second;
    prev = best;
  }
#if ART_TAGGER_CHECK
  art_tagger_scratch_free(&ref);
  for (size_t i = 0; facts && i < n; i++)   /* next_capital() passes over no word with a capital */
    if (has_upper_word(&toks[i]) && !(facts[i] & (ART_TF_OPENS | ART_TF_DIGIT))) {
      fprintf(stderr, "tagger check: token %zu: a capital without ART_TF_OPENS or ART_TF_DIGIT\n", i);
      abort();
    }
  if (sc->word_gaz) {   /* the bits handed on are what art_gazetteer_bits() says */
    uint32_t want[1];
    for (size_t i = 0; i < n; i++) {
      art_tagger_word_gaz_fill(doc, toks + i, 1, want);
      if (art_tagger_word_gaz_known(&toks[i]) && want[0] != sc->word_gaz[i]) {
        fprintf(stderr, "tagger check: token %zu '%.*s': word_gaz differs\n", i, (int)(toks[i].end - toks[i].start),
                doc + toks[i].start);
        abort();
      }
    }
  }
#endif
  return 0;
}

static NOINLINE FLATTEN int tag_narrow(const art_tagger_model *m, const char *doc, const art_token *toks, size_t n,
                                       art_tagger_scratch *sc, uint8_t *tags, int32_t *margin) {
  return tag_sentence(m, doc, toks, n, sc, tags, margin, 0);
}

#if TAG_WIDE
__attribute__((target("avx2"))) static NOINLINE FLATTEN int tag_wide(const art_tagger_model *m, const char *doc,
                                                                     const art_token *toks, size_t n,
                                                                     art_tagger_scratch *sc, uint8_t *tags,
                                                                     int32_t *margin) {
  return tag_sentence(m, doc, toks, n, sc, tags, margin, 1);
}

typedef int tag_fn(const art_tagger_model *, const char *, const art_token *, size_t, art_tagger_scratch *, uint8_t *,
                   int32_t *);

/*
** Run by the loader, before constructors (hence __builtin_cpu_init()) and
** before a sanitizer's run time is set up (hence not instrumented).
*/
__attribute__((no_sanitize_address, no_sanitize_undefined)) static tag_fn *resolve_tag(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") ? tag_wide : tag_narrow;
}

int art_tagger_tag(const art_tagger_model *m, const char *doc, const art_token *toks, size_t n, art_tagger_scratch *sc,
                   uint8_t *tags, int32_t *margin) __attribute__((ifunc("resolve_tag")));
#else
int art_tagger_tag(const art_tagger_model *m, const char *doc, const art_token *toks, size_t n, art_tagger_scratch *sc,
                   uint8_t *tags, int32_t *margin) {
  return tag_narrow(m, doc, toks, n, sc, tags, margin);
}
#endif
