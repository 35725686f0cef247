/*
** train_tagger.c — build-time tool: train the name tagger and write its
** weights as C.
**
**   train_tagger TRAIN.conll DEV.conll OUT.c [EPOCHS]
**
** Input: CoNLL-style files, one `WORD<TAB>TAG` a line, a blank line between
** sentences, BIO tags with OntoNotes type names (../shared/data/gmb).  Only
** the eleven name types are learned; DATE, TIME and anything else is read as
** O, because the values module finds those.
**
** Training is the averaged perceptron of Collins (2002) with greedy
** left-to-right decoding, run through the very functions the library uses
** at run time (ext/tagger.c: which tokens are scored, their features, the
** label constraints), so what is learned is what is decoded: it learns from
** art_tagger_features(), the plain feature list, and the dev scores come
** from art_tagger_tag(), the cached path the library runs, which must give
** the very same sums (see ext/tagger.c).  Gold labels
** are projected onto the tokens the tagger can label: a gold span keeps the
** tokens from its first capitalised word (or name particle) to its last, so
** GMB's "southern/B-GPE Iraq/I-GPE" teaches "Iraq" as B-GPE.
**
** Reproducible: sentences are shuffled by a fixed-seed generator, features
** are kept only when seen at least MIN_COUNT times with gold context, and
** the output lists features in key order, so the same inputs always give a
** byte-identical OUT.c.  The tool prints dev-set precision, recall and F1
** per type (exact span and type) to stderr.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "article_tagger.h"
#include "article_tokens.h"

static int MIN_COUNT = 2;      /* features seen fewer times are dropped (TRAIN_MIN_COUNT overrides) */
static long PRUNE = 20;        /* quantized weights with |w| <= PRUNE are dropped (TRAIN_PRUNE overrides) */
#define DENSE_MIN 8            /* rows with this many weights are stored dense */
/*
** The rows of the HOT_DENSE most seen features are dense from HOT_DENSE_MIN
** weights on: those are read most, and a dense row is added in three vector
** adds, a sparse one cell by cell (VOA corpus, cgcost.sh: est 1,018.2 M
** without; 1,024 features: 1,016.2; 2,048: 1,015.3; 4,096: 1,016.0 and
** 16,384 from 4 weights: 1,023.6, more rows than the caches hold).  2,048
** add 966 dense rows (62 KB more 16-bit rows per connection).
*/
#define HOT_DENSE 2048
#define HOT_DENSE_MIN 3
#define QUANT_MAX 4000.0       /* |weight| of the largest averaged weight after scaling */

static const char *const type_names[ART_TAGGER_TYPES + 1] = {
  "O", "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"
};

typedef struct {
  char *doc;           /* words joined by single spaces */
  art_token *toks;
  uint8_t *gold;       /* projected gold labels (training targets) */
  uint8_t *raw;        /* gold labels as read (scoring) */
  size_t n;
} sentence;

typedef struct { sentence *s; size_t n, cap; } corpus;

static void die(const char *msg) { fprintf(stderr, "train_tagger: %s\n", msg); exit(1); }
static void *xrealloc(void *p, size_t n) { p = realloc(p, n ? n : 1); if (!p) die("out of memory"); return p; }

static int type_of(const char *name) {
  for (int t = 1; t <= ART_TAGGER_TYPES; t++) if (strcmp(name, type_names[t]) == 0) return t;
  return 0;
}

static int is_upper_or_particle(const sentence *s, size_t i) {
  const art_token *t = &s->toks[i];
  if ((t->flags & ART_TOK_WORD) && (t->flags & ART_TOK_HAS_UPPER)) return 1;
  return art_tagger_scorable(s->doc, s->toks, s->n, i, ART_TAG_O);
}

/* Gold spans narrowed to the tokens the tagger can label (see the essay). */
static void project_gold(sentence *s) {
  memset(s->gold, 0, s->n);
  size_t i = 0;
  while (i < s->n) {
    if (s->raw[i] == ART_TAG_O) { i++; continue; }
    int type = ART_TAG_TYPE(s->raw[i]);
    size_t e = i + 1;
    while (e < s->n && s->raw[e] == ART_TAG_I(type)) e++;
    size_t a = i, b = e;
    while (a < b && !is_upper_or_particle(s, a)) a++;
    while (b > a && !((s->toks[b - 1].flags & ART_TOK_HAS_UPPER) && (s->toks[b - 1].flags & ART_TOK_WORD))) b--;
    for (size_t k = a; k < b; k++) s->gold[k] = (uint8_t)(k == a ? ART_TAG_B(type) : ART_TAG_I(type));
    i = e;
  }
}

static void add_sentence(corpus *c, char **words, int *tags, size_t n) {
  if (n == 0) return;
  if (c->n == c->cap) { c->cap = c->cap ? c->cap * 2 : 1024; c->s = xrealloc(c->s, c->cap * sizeof *c->s); }
  sentence *s = &c->s[c->n++];
  size_t len = 0;
  for (size_t i = 0; i < n; i++) len += strlen(words[i]) + 1;
  s->doc = xrealloc(NULL, len + 1);
  s->toks = xrealloc(NULL, n * sizeof *s->toks);
  s->gold = xrealloc(NULL, n);
  s->raw = xrealloc(NULL, n);
  s->n = n;
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(words[i]);
    memcpy(s->doc + o, words[i], l);
    s->toks[i].start = o;
    s->toks[i].end = o + l;
    s->toks[i].flags = art_token_shape(words[i], l) | ART_TOK_SPACE_AFTER;
    int poss = strcmp(words[i], "'s") == 0 || strcmp(words[i], "\xe2\x80\x99s") == 0 ||
               (strcmp(words[i], "'") == 0 && i > 0 && words[i - 1][strlen(words[i - 1]) - 1] == 's');
    if (poss) s->toks[i].flags = (s->toks[i].flags | ART_TOK_POSSESSIVE) & ~(uint32_t)(ART_TOK_QUOTE | ART_TOK_OPEN);
    if (strcmp(words[i], "\"") == 0 && (i == 0 || tags[i] == -1)) s->toks[i].flags |= ART_TOK_OPEN;
    o += l;
    s->doc[o++] = ' ';
    s->raw[i] = (uint8_t)(tags[i] > 0 ? tags[i] : 0);
  }
  s->doc[o] = 0;
  /* Straight quotes: alternate open/close within the sentence. */
  int open = 1;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(words[i], "\"") == 0) {
      if (open) s->toks[i].flags |= ART_TOK_OPEN; else s->toks[i].flags &= ~(uint32_t)ART_TOK_OPEN;
      open = !open;
    }
  }
  art_tokens_mark_initial(s->doc, s->toks, n);
  project_gold(s);
}

static void read_conll(const char *path, corpus *c) {
  FILE *f = fopen(path, "r");
  if (!f) { perror(path); exit(1); }
  char line[4096];
  char **words = NULL;
  int *tags = NULL;
  size_t n = 0, cap = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = 0;
    if (!line[0]) {
      add_sentence(c, words, tags, n);
      for (size_t i = 0; i < n; i++) free(words[i]);
      n = 0;
      continue;
    }
    char *tab = strrchr(line, '\t');
    if (!tab) die("line without a tab");
    *tab = 0;
    const char *tag = tab + 1;
    int label = 0;
    if ((tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
      int t = type_of(tag + 2);
      if (t) label = tag[0] == 'B' ? ART_TAG_B(t) : ART_TAG_I(t);
    }
    if (n == cap) {
      cap = cap ? cap * 2 : 256;
      words = xrealloc(words, cap * sizeof *words);
      tags = xrealloc(tags, cap * sizeof *tags);
    }
    words[n] = strdup(line);
    tags[n] = label;
    n++;
  }
  add_sentence(c, words, tags, n);
  for (size_t i = 0; i < n; i++) free(words[i]);
  free(words);
  free(tags);
  fclose(f);
}

/* ---- the feature map: key -> index, with counts -------------------------- */

typedef struct {
  uint32_t *keys;
  uint32_t *index;     /* row number + 1, 0 = not admitted */
  uint32_t *count;
  size_t nslots, used, rows;
} featmap;

static void fm_init(featmap *m, size_t nslots) {
  m->nslots = nslots;
  m->keys = calloc(nslots, 4);
  m->index = calloc(nslots, 4);
  m->count = calloc(nslots, 4);
  m->used = m->rows = 0;
  if (!m->keys || !m->index || !m->count) die("out of memory");
}

static size_t fm_slot(featmap *m, uint32_t key, int insert) {
  size_t mask = m->nslots - 1;
  for (size_t s = key & mask;; s = (s + 1) & mask) {
    if (m->keys[s] == key) return s;
    if (m->keys[s] == 0) {
      if (!insert) return (size_t)-1;
      if (m->used * 2 > m->nslots) die("feature map full");
      m->keys[s] = key;
      m->used++;
      return s;
    }
  }
}

/* ---- training ------------------------------------------------------------- */

static float *weights, *totals;
static uint32_t *stamps;   /* per cell: the step when the cell last changed */
static uint32_t step = 0;

static void update(size_t row, int label, float delta) {
  size_t c = row * ART_TAGGER_LABELS + (size_t)label;
  totals[c] += (float)(step - stamps[c]) * weights[c];
  stamps[c] = step;
  weights[c] += delta;
}

static uint32_t rng = 12345u;
static uint32_t next_rand(void) { rng = rng * 1664525u + 1013904223u; return rng >> 8; }

typedef struct { size_t tp[ART_TAGGER_TYPES + 1], fp[ART_TAGGER_TYPES + 1], fn[ART_TAGGER_TYPES + 1]; } tally;

/* Spans [a,b) of each type in labels; calls into a small list. */
static size_t spans_of(const uint8_t *lab, size_t n, size_t (*out)[3]) {
  size_t k = 0, i = 0;
  while (i < n) {
    if (lab[i] == 0 || !ART_TAG_IS_B(lab[i])) {
      if (lab[i] != 0) { /* stray I: treat as a start */ } else { i++; continue; }
    }
    int t = ART_TAG_TYPE(lab[i]);
    size_t e = i + 1;
    while (e < n && lab[e] == ART_TAG_I(t)) e++;
    out[k][0] = i; out[k][1] = e; out[k][2] = (size_t)t;
    k++;
    i = e;
  }
  return k;
}

static void score_sentence(tally *ty, const uint8_t *gold, const uint8_t *pred, size_t n) {
  size_t (*g)[3] = xrealloc(NULL, (n + 1) * sizeof *g), (*p)[3] = xrealloc(NULL, (n + 1) * sizeof *p);
  size_t ng = spans_of(gold, n, g), np = spans_of(pred, n, p);
  for (size_t a = 0; a < np; a++) {
    int hit = 0;
    for (size_t b = 0; b < ng; b++)
      if (g[b][0] == p[a][0] && g[b][1] == p[a][1] && g[b][2] == p[a][2]) hit = 1;
    if (hit) ty->tp[p[a][2]]++; else ty->fp[p[a][2]]++;
  }
  for (size_t b = 0; b < ng; b++) {
    int hit = 0;
    for (size_t a = 0; a < np; a++)
      if (g[b][0] == p[a][0] && g[b][1] == p[a][1] && g[b][2] == p[a][2]) hit = 1;
    if (!hit) ty->fn[g[b][2]]++;
  }
  free(g);
  free(p);
}

static void report(const char *title, const tally *ty) {
  size_t TP = 0, FP = 0, FN = 0;
  fprintf(stderr, "%s\n  %-12s %6s %6s %6s %6s\n", title, "type", "gold", "P", "R", "F1");
  for (int t = 1; t <= ART_TAGGER_TYPES; t++) {
    size_t tp = ty->tp[t], fp = ty->fp[t], fn = ty->fn[t];
    TP += tp; FP += fp; FN += fn;
    if (tp + fn == 0 && fp == 0) continue;
    double p = tp + fp ? (double)tp / (tp + fp) : 0, r = tp + fn ? (double)tp / (tp + fn) : 0;
    fprintf(stderr, "  %-12s %6zu %6.3f %6.3f %6.3f\n", type_names[t], tp + fn, p, r, p + r ? 2 * p * r / (p + r) : 0);
  }
  double p = TP + FP ? (double)TP / (TP + FP) : 0, r = TP + FN ? (double)TP / (TP + FN) : 0;
  fprintf(stderr, "  %-12s %6zu %6.3f %6.3f %6.3f\n", "ALL", TP + FN, p, r, p + r ? 2 * p * r / (p + r) : 0);
}

/* A kept feature: how often it was seen, its key, its row in the training weights. */
typedef struct kr { uint32_t count, key, row; } kr;

static int by_count_then_key(const void *a, const void *b) {
  const kr *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return x->key < y->key ? -1 : x->key > y->key;
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: train_tagger TRAIN DEV OUT.c [EPOCHS]\n"); return 2; }
  int epochs = argc > 4 ? atoi(argv[4]) : 8;
  if (getenv("TRAIN_MIN_COUNT")) MIN_COUNT = atoi(getenv("TRAIN_MIN_COUNT"));
  if (getenv("TRAIN_PRUNE")) PRUNE = atol(getenv("TRAIN_PRUNE"));
  corpus train = {0}, dev = {0};
  read_conll(argv[1], &train);
  read_conll(argv[2], &dev);
  fprintf(stderr, "train: %zu sentences, dev: %zu sentences\n", train.n, dev.n);

  art_tagger_scratch sc = {0};
  uint32_t feats[ART_TAGGER_MAX_FEATURES];
  featmap fm;
  fm_init(&fm, 1u << 23);

  /* Pass 1: count features in gold context; admit the frequent ones. */
  for (size_t si = 0; si < train.n; si++) {
    sentence *s = &train.s[si];
    art_tagger_scratch_reset(&sc, s->n);
    int prev = ART_TAG_O;
    for (size_t i = 0; i < s->n; i++) {
      if (!art_tagger_scorable(s->doc, s->toks, s->n, i, prev)) { prev = ART_TAG_O; continue; }
      size_t nf = art_tagger_features(s->doc, s->toks, s->n, &sc, i, prev, feats);
      for (size_t f = 0; f < nf; f++) fm.count[fm_slot(&fm, feats[f], 1)]++;
      prev = s->gold[i];
    }
  }
  for (size_t sl = 0; sl < fm.nslots; sl++)
    if (fm.keys[sl] && fm.count[sl] >= (uint32_t)MIN_COUNT) fm.index[sl] = (uint32_t)++fm.rows;
  fprintf(stderr, "features: %zu seen, %zu kept (count >= %d)\n", fm.used, fm.rows, MIN_COUNT);

  size_t cells = fm.rows * ART_TAGGER_LABELS;
  weights = calloc(cells, sizeof *weights);
  totals = calloc(cells, sizeof *totals);
  stamps = calloc(cells, sizeof *stamps);
  if (!weights || !totals || !stamps) die("out of memory");

  size_t *order = xrealloc(NULL, train.n * sizeof *order);
  for (size_t i = 0; i < train.n; i++) order[i] = i;
  size_t rows[ART_TAGGER_MAX_FEATURES];
  for (int ep = 0; ep < epochs; ep++) {
    for (size_t i = train.n; i > 1; i--) {     /* Fisher-Yates, fixed seed */
      size_t j = next_rand() % i, t = order[i - 1];
      order[i - 1] = order[j];
      order[j] = t;
    }
    size_t errors = 0, scored = 0;
    for (size_t oi = 0; oi < train.n; oi++) {
      sentence *s = &train.s[order[oi]];
      art_tagger_scratch_reset(&sc, s->n);
      int prev = ART_TAG_O;
      for (size_t i = 0; i < s->n; i++) {
        if (!art_tagger_scorable(s->doc, s->toks, s->n, i, prev)) { prev = ART_TAG_O; continue; }
        step++;
        size_t nf = art_tagger_features(s->doc, s->toks, s->n, &sc, i, prev, feats), nr = 0;
        for (size_t f = 0; f < nf; f++) {
          size_t sl = fm_slot(&fm, feats[f], 0);
          if (sl != (size_t)-1 && fm.index[sl]) rows[nr++] = fm.index[sl] - 1;
        }
        float sc_[ART_TAGGER_LABELS] = {0};
        for (size_t r = 0; r < nr; r++)
          for (int t = 0; t < ART_TAGGER_LABELS; t++) sc_[t] += weights[rows[r] * ART_TAGGER_LABELS + t];
        int best = ART_TAG_O;
        for (int t = 1; t < ART_TAGGER_LABELS; t++)
          if (art_tagger_allowed(prev, t) && sc_[t] > sc_[best]) best = t;
        int gold = s->gold[i];
        if (!art_tagger_allowed(prev, gold)) gold = ART_TAG_B(ART_TAG_TYPE(gold));
        scored++;
        if (best != gold) {
          errors++;
          for (size_t r = 0; r < nr; r++) { update(rows[r], gold, 1.0f); update(rows[r], best, -1.0f); }
        }
        prev = best;
      }
    }
    fprintf(stderr, "epoch %d: %zu/%zu token errors\n", ep + 1, errors, scored);
  }

  /* Average, scale, quantize, prune. */
  double maxabs = 0;
  for (size_t c = 0; c < cells; c++) {
    totals[c] += (float)(step - stamps[c]) * weights[c];
    double a = fabs(totals[c] / (double)step);
    if (a > maxabs) maxabs = a;
  }
  double scale = maxabs > 0 ? QUANT_MAX / maxabs : 1;
  uint32_t nkeep = 0, ncell = 0, nweights = 0;   /* ncell: the cells array, nweights of them used */
  uint32_t *keep_key = xrealloc(NULL, fm.rows * 4), *keep_row = xrealloc(NULL, fm.rows * 4),
           *keep_count = xrealloc(NULL, fm.rows * 4);
  for (size_t sl = 0; sl < fm.nslots; sl++) {
    if (!fm.index[sl]) continue;
    size_t r = fm.index[sl] - 1;
    int any = 0;
    for (int t = 0; t < ART_TAGGER_LABELS; t++) {
      long q = lround(totals[r * ART_TAGGER_LABELS + t] / (double)step * scale);
      if (labs(q) > PRUNE) any = 1;
    }
    if (any) { keep_key[nkeep] = fm.keys[sl]; keep_row[nkeep] = (uint32_t)r; keep_count[nkeep] = fm.count[sl]; nkeep++; }
  }
  /*
  ** Kept features sorted by how often they were seen, most first, then by
  ** key (a deterministic file): the frequent ones then sit nearest their
  ** home slot and their sparse rows share lines, so the lines the tagger
  ** reads most are fewer and stay in the cache.
  */
  kr *kv = xrealloc(NULL, nkeep * sizeof *kv);
  for (uint32_t i = 0; i < nkeep; i++) { kv[i].count = keep_count[i]; kv[i].key = keep_key[i]; kv[i].row = keep_row[i]; }
  qsort(kv, nkeep, sizeof *kv, by_count_then_key);

  uint32_t nslots = 16;
  while (nslots < nkeep + nkeep / 2) nslots *= 2;   /* load <= 2/3: the table should stay in L2 */
  art_tagger_slot *slots = calloc(nslots, sizeof *slots);
  uint32_t *cellv = xrealloc(NULL, (size_t)nkeep * ART_TAGGER_LABELS * 4);
  int32_t *densev = xrealloc(NULL, (size_t)nkeep * ART_TAGGER_DENSE_WIDTH * sizeof *densev);
  uint32_t ndense = 0;
  /*
  ** Sparse rows are placed so that none crosses a 64-byte line (16 cells;
  ** the array is aligned to 64 in the file): a row read is then one cache
  ** line.  Best fit: a row goes into the open line with the least room that
  ** holds it (has_room[f]: lines with f cells free at their end), else
  ** starts a new one.  Rows have fewer than DENSE_MIN cells, so they fit.
  */
  enum { LINE_CELLS = 16 };
  _Static_assert(DENSE_MIN <= LINE_CELLS, "a sparse row fits in a line");
  uint32_t *has_room[LINE_CELLS], nroom[LINE_CELLS] = {0}, nlines = 0;
  for (int f = 0; f < LINE_CELLS; f++) has_room[f] = xrealloc(NULL, (size_t)(nkeep + 1) * sizeof **has_room);
  memset(cellv, 0, (size_t)nkeep * ART_TAGGER_LABELS * 4);
  for (uint32_t i = 0; i < nkeep; i++) {
    int16_t q16[ART_TAGGER_DENSE_WIDTH] = {0};
    int nonzero = 0;
    for (int t = 0; t < ART_TAGGER_LABELS; t++) {
      long q = lround(totals[(size_t)kv[i].row * ART_TAGGER_LABELS + t] / (double)step * scale);
      if (q > 32767) q = 32767;
      if (q < -32767) q = -32767;
      if (labs(q) > PRUNE) { q16[t] = (int16_t)q; nonzero++; }
    }
    uint32_t row;
    /* most labels, or a few on a frequent feature (kv is most seen first): a dense row, added with vector code */
    if (nonzero >= DENSE_MIN || (i < HOT_DENSE && nonzero >= HOT_DENSE_MIN)) {
      for (int t = 0; t < ART_TAGGER_DENSE_WIDTH; t++) densev[(size_t)ndense * ART_TAGGER_DENSE_WIDTH + t] = q16[t];
      row = ndense++ << 5 | ART_TAGGER_DENSE_ROW;
    } else {
      uint32_t len = (uint32_t)nonzero, start = 0, f = len;
      while (f < LINE_CELLS && nroom[f] == 0) f++;
      if (f < LINE_CELLS) {
        uint32_t line = has_room[f][--nroom[f]];
        start = line * LINE_CELLS + (LINE_CELLS - f);
      } else {
        f = LINE_CELLS;
        start = nlines++ * LINE_CELLS;
      }
      if (f > len) has_room[f - len][nroom[f - len]++] = start / LINE_CELLS;
      uint32_t c = start;
      for (int t = 0; t < ART_TAGGER_LABELS; t++)
        if (q16[t]) cellv[c++] = ((uint32_t)t << 16) | (uint16_t)q16[t];
      if (c > ncell) ncell = c;
      nweights += len;
      row = start << 5 | len;
    }
    uint32_t s = kv[i].key & (nslots - 1);
    while (slots[s].key) s = (s + 1) & (nslots - 1);
    slots[s].key = kv[i].key;
    slots[s].row = row;
  }
  for (int f = 0; f < LINE_CELLS; f++) free(has_room[f]);
  fprintf(stderr, "model: %u features, %u sparse cells, %u dense rows, %u slots (%.1f KB)\n", nkeep, ncell,
          ndense, nslots, (nslots * 8.0 + ncell * 4.0 + ndense * ART_TAGGER_DENSE_WIDTH * 4.0) / 1024);

  art_tagger_model model = { nslots, slots, cellv, ncell, densev, ndense, ART_TAGGER_FEATURE_VERSION };
  /* Dev evaluation with the quantized model, through the run-time decoder. */
  tally ty_raw, ty_proj;
  memset(&ty_raw, 0, sizeof ty_raw);
  memset(&ty_proj, 0, sizeof ty_proj);
  for (size_t si = 0; si < dev.n; si++) {
    sentence *s = &dev.s[si];
    uint8_t *pred = xrealloc(NULL, s->n);
    art_tagger_tag(&model, s->doc, s->toks, s->n, &sc, pred, NULL);
    score_sentence(&ty_raw, s->raw, pred, s->n);
    if (getenv("TRAIN_DUMP")) {   /* for error analysis: word, gold, predicted */
      static FILE *dump;
      if (!dump) dump = fopen(getenv("TRAIN_DUMP"), "w");
      for (size_t i = 0; dump && i < s->n; i++)
        fprintf(dump, "%.*s\t%d\t%d\n", (int)(s->toks[i].end - s->toks[i].start), s->doc + s->toks[i].start, s->raw[i], pred[i]);
      if (dump) fputc('\n', dump);
    }
    score_sentence(&ty_proj, s->gold, pred, s->n);
    free(pred);
  }
  report("dev, exact span+type against GMB gold as given:", &ty_raw);
  report("dev, exact span+type against gold narrowed to capitalised tokens:", &ty_proj);

  FILE *out = fopen(argv[3], "w");
  if (!out) { perror(argv[3]); return 1; }
  fprintf(out, "/*\n** model_weights.c — generated by ext/tools/train_tagger.c (make model). Do not edit.\n"
               "** Trained on %s: %zu sentences, %d epochs, features seen >= %d times.\n"
               "** %u features: %u sparse weight cells (in %u, no row across a 64-byte line), %u dense rows.\n*/\n",
               "gmb.train.conll", train.n, epochs, MIN_COUNT, nkeep, nweights, ncell, ndense);
  fprintf(out, "#include \"article_tagger.h\"\n\nstatic const art_tagger_slot slots[%u] = {", nslots);
  for (uint32_t i = 0; i < nslots; i++)
    fprintf(out, "%s{%uu,%uu}", i % 6 ? "," : ",\n  " + (i == 0), slots[i].key, slots[i].row);
  fprintf(out, "\n};\n\nstatic _Alignas(64) const uint32_t cells[%u] = {", ncell ? ncell : 1);
  for (uint32_t i = 0; i < ncell; i++) fprintf(out, "%s%uu", i % 10 ? "," : ",\n  " + (i == 0), cellv[i]);
  if (!ncell) fprintf(out, "0");
  fprintf(out, "\n};\n\nstatic const int32_t dense[%u] = {", ndense ? ndense * ART_TAGGER_DENSE_WIDTH : 1);
  for (uint32_t i = 0; i < ndense * ART_TAGGER_DENSE_WIDTH; i++)
    fprintf(out, "%s%d", i % ART_TAGGER_DENSE_WIDTH ? "," : ",\n  " + (i == 0), densev[i]);
  if (!ndense) fprintf(out, "0");
  fprintf(out, "\n};\n\nconst art_tagger_model art_tagger_default_model = {%u, slots, cells, %u, dense, %u, %d};\n",
          nslots, ncell, ndense, ART_TAGGER_FEATURE_VERSION);
  fclose(out);
  return 0;
}
