/*
** article_tagger.h — the name tagger: BIO labels over one sentence's tokens.
**
** An averaged perceptron with hashed features, decoded greedily left to
** right with the previous label as a feature.  Only tokens that can be part
** of a name are scored (capitalised or mixed-case words, name particles
** before a capital, and short lower-case connectors such as "of" inside a
** name that is already open); every other token is O without any work,
** which is what makes the stage fast on running text.
**
** The same feature code serves the trainer (ext/tools/train_tagger.c) and
** the run-time decoder, so the two can never drift apart.  Weights live in
** a generated C file (ext/model_weights.c, written by `make model`).
*/
#ifndef ARTICLE_TAGGER_H
#define ARTICLE_TAGGER_H

#include <stddef.h>
#include <stdint.h>
#include "article_tokens.h"

/* Name types the tagger knows: ART_ENT_PERSON (1) .. ART_ENT_LANGUAGE (11). */
#define ART_TAGGER_TYPES 11
#define ART_TAGGER_LABELS (1 + 2 * ART_TAGGER_TYPES)   /* O, then B-t, I-t for each type */
#define ART_TAG_O 0
#define ART_TAG_B(type) (2 * (type) - 1)
#define ART_TAG_I(type) (2 * (type))
#define ART_TAG_TYPE(tag) (((tag) + 1) / 2)            /* 0 for O */
#define ART_TAG_IS_B(tag) ((tag) != 0 && ((tag) & 1))

/* The most features one token produces. */
#define ART_TAGGER_MAX_FEATURES 64

/*
** The weights: an open-addressing table of feature hashes.  slots[i] holds
** a feature key (0 = empty) and its row: `row & 31` is the row's length and
** `row >> 5` where it starts in `cells`, a sparse row of (label << 16 |
** (uint16_t)weight) cells; a length of ART_TAGGER_DENSE_ROW means a dense
** row instead, ART_TAGGER_DENSE_WIDTH weights at (row >> 5) * width in
** `dense` (features that weigh on most labels, or on a few but are among
** the most frequent, added with vector code).
** Dense weights are stored as 32-bit integers so that they add without
** widening; the trainer keeps them within 16 bits like the sparse ones
** (larger ones work, on a slower path).
*/
#define ART_TAGGER_DENSE_ROW 31
#define ART_TAGGER_DENSE_WIDTH 24
typedef struct art_tagger_slot {
  uint32_t key;
  uint32_t row;        /* offset << 5 | len (len < 32) */
} art_tagger_slot;

typedef struct art_tagger_model {
  uint32_t nslots;                 /* power of two */
  const art_tagger_slot *slots;
  const uint32_t *cells;
  uint32_t ncells;
  const int32_t *dense;
  uint32_t ndense;                 /* dense rows */
  uint32_t feature_version;        /* must equal ART_TAGGER_FEATURE_VERSION */
} art_tagger_model;

/*
** Bumped whenever the feature templates change: old weights are then refused.
** 8: no feature of the word together with the next word (T_WORD_NEXT), the
** one feature a scored token still hashed and probed in the model's 512 KB
** slot table: 3-5% less CPU time for article_entities on the VOA corpus;
** GMB dev F1 of the tagger 0.889 -> 0.888, of the whole stage 0.836 ->
** 0.835; tests/eval strict F1 0.9641 -> 0.9648.
*/
#define ART_TAGGER_FEATURE_VERSION 8

/* The model compiled into the library (ext/model_weights.c). */
extern const art_tagger_model art_tagger_default_model;

/* Per-token facts computed once per sentence (lazily, for scored tokens). */
typedef struct art_tok_info {
  /* key .. row_as_next2: the layout of an entry of the word cache, copied whole from it (tagger.c) */
  uint64_t key;          /* the token's key in the tagger's word cache (bytes and flags) */
  uint32_t h_lower, h_shape;
  uint32_t gaz;          /* bit g: the lower-cased word is in gazetteer g */
  uint32_t row_as_prev, row_as_next, row_as_next2;   /* cached path: model rows of the word as a neighbour */
  uint32_t gaz_span;     /* bit g: the token starts or continues a multi-word gazetteer entry */
  uint32_t ready;        /* which facts are set: compared with the scratch's stamp */
  uint32_t h_word;       /* on the reference path only */
} art_tok_info;

struct art_word_cache;   /* tagger.c: per-word feature sums, kept across sentences */
typedef struct art_tagger_scratch {
  art_tok_info *info;             /* info[-1] .. info[cap + 1]: the boundary sits past the ends (tagger.c) */
  size_t cap;
  uint32_t stamp;                 /* this sentence's mark in info[].ready (a reset is no sweep) */
  struct art_word_cache *cache;   /* allocated by the first art_tagger_tag() */
  /*
  ** The caller's, or NULL: art_tagger_tag() then sets word_gaz[i] to
  ** art_gazetteer_bits() of token i's lower case for every token i that
  ** art_tagger_word_gaz_known() accepts (it looks them all up), so that
  ** later stages need not ask again; it leaves other entries undefined.
  */
  uint32_t *word_gaz;
  /*
  ** The caller's, or NULL: the tokens' ART_TF_* bytes (art_tokenize_append()),
  ** which let art_tagger_tag() find the next word with a capital sixteen
  ** tokens a step (it has ART_TF_OPENS or ART_TF_DIGIT).
  */
  const uint8_t *facts;
} art_tagger_scratch;

/* Make room for n tokens and clear them; -1 when out of memory. */
int art_tagger_scratch_reset(art_tagger_scratch *sc, size_t n);
void art_tagger_scratch_free(art_tagger_scratch *sc);

/*
** Can token i carry a name label, given the label of token i-1?  Tokens for
** which this is false are O.
*/
int art_tagger_scorable(const char *doc, const art_token *toks, size_t n, size_t i, int prev_tag);

/*
** The feature hashes of token i given the previous label; returns how many
** (at most ART_TAGGER_MAX_FEATURES).  The scratch must have been reset for
** this sentence.
*/
size_t art_tagger_features(const char *doc, const art_token *toks, size_t n,
                           art_tagger_scratch *sc, size_t i, int prev_tag, uint32_t *feats);

/* Add the weights of the features to scores[ART_TAGGER_DENSE_WIDTH] (labels, then padding). */
void art_tagger_score(const art_tagger_model *m, const uint32_t *feats, size_t nf, int32_t *scores);

/* Is `tag` allowed after `prev` (I-t only after B-t or I-t)? */
int art_tagger_allowed(int prev, int tag);

/*
** The decoder continues an open name rather than start one of another type
** right after it ("William/B-PER Burns/B-ORG"), unless the new label's score
** beats the continuation's by at least this much.
*/
#ifndef ART_TAGGER_CONTINUE_MARGIN
#define ART_TAGGER_CONTINUE_MARGIN 1500
#endif

/*
** Label every token of a sentence (tags[i] in 0..ART_TAGGER_LABELS-1).
** margin[i] (may be NULL) receives the best score minus the runner-up, a
** confidence for document-level voting.  Returns 0, or -1 when out of
** memory.
*/
int art_tagger_tag(const art_tagger_model *m, const char *doc, const art_token *toks, size_t n,
                   art_tagger_scratch *sc, uint8_t *tags, int32_t *margin);

/* The generated ext/data table called name ("titles", "gaz_countries"), or NULL. */
struct art_table;
const struct art_table *art_table_named(const char *name);

/*
** All gazetteers in one probe: the bits of the lists that hold the key
** (lower case, multi-word keys joined by one space).  ART_GAZ_LOWER_WORD:
** a common word written in lower case at least 90% of the time.
** ART_GAZ_TITLE_START / _END mark a word that opens / closes a multi-word
** title ("trade", "minister" of "trade minister"), so that a search for
** title phrases can stop early; like any bit they make the answer non-zero.
** Safe from any thread.
*/
enum {
  ART_GAZ_COMMON = 1u << 0, ART_GAZ_COUNTRIES = 1u << 1, ART_GAZ_DEMONYMS = 1u << 2,
  ART_GAZ_CITIES = 1u << 3, ART_GAZ_US_STATES = 1u << 4, ART_GAZ_REGIONS = 1u << 5,
  ART_GAZ_FIRST_NAMES = 1u << 6, ART_GAZ_TITLES = 1u << 7, ART_GAZ_ORG_WORDS = 1u << 8,
  ART_GAZ_FAC_WORDS = 1u << 9, ART_GAZ_ACRONYMS = 1u << 10, ART_GAZ_SURNAMES = 1u << 11,
  ART_GAZ_PROVINCES = 1u << 12, ART_GAZ_REGIONS_LOC = 1u << 13, ART_GAZ_LOWER_WORD = 1u << 14,
  ART_GAZ_TITLE_START = 1u << 15,  /* the first word of a multi-word title */
  ART_GAZ_TITLE_END = 1u << 16     /* the last word of a multi-word title */
};
uint32_t art_gazetteer_bits(const char *lower_key, size_t len);

/* Is token t one whose bits art_tagger_tag() hands on (art_tagger_scratch.word_gaz): a word with a capital, of at most 48 bytes? */
static inline int art_tagger_word_gaz_known(const art_token *t) {
  return (t->flags & (ART_TOK_WORD | ART_TOK_HAS_UPPER)) == (ART_TOK_WORD | ART_TOK_HAS_UPPER) && t->end - t->start <= 48;
}

/* The same word_gaz entries without tagging (when names are not wanted): art_gazetteer_bits() of each. */
void art_tagger_word_gaz_fill(const char *doc, const art_token *toks, size_t n, uint32_t *word_gaz);

/* The gazetteers the features use, in feature order (names of ext/data tables). */
size_t art_tagger_gazetteer_count(void);
const char *art_tagger_gazetteer_name(size_t g);

#endif
