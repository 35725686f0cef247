/*
** bench.c — throughput of the extension, measured the way users run it.
**
** The driver opens an in-memory SQLite database, loads dist/article.so,
** fills a table `docs(body)` with one article a row and times queries over
** it.  Each query runs at least three times and for at least a second of
** CPU time; the best run counts, so a busy shared machine disturbs the
** figures less.
**
**   baseline      SELECT sum(length(body)) FROM docs
**                 (what reading every row costs; no segmentation at all)
**   ICU           SELECT sum(icu_sentence_count(body)) FROM docs
**                 (ICU's sentence iterator, icu_bench.c, same texts, same
**                 query shape; the yardstick, target >= 3x)
**   article_*     SELECT count(*) FROM docs, article_X(docs.body)
**                 for every table-valued function the extension registers
**                 (rows of not-yet-written functions are skipped)
**
** Then the whole corpus concatenated into one document of about 5 MB and
** one of 50 MB goes through a baseline read, article_sentences, ICU and
** article_entities:
** equal MB/s for both sizes means the cost is linear in the size of a
** document (see single_document_rows() for the glibc detail).  Peak memory
** (max RSS, of the whole process so far) is printed beside them.
**
** Usage: bench [--repeat-to BYTES] FILE...
**   Each FILE holds articles separated by a line with only a form feed; with
**   --repeat-to the articles are cycled until the corpus has BYTES bytes.
** MB means 10^6 bytes of document text.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <malloc.h>
#ifndef BENCH_NO_ICU
#include "icu_bench.h"
#endif

/* One line of the table.  Add a row here to time another function. */
typedef struct bench_query {
  const char *label;
  const char *sql;
  const char *needs;       /* module or function that must be registered, or NULL */
} bench_query;

static const bench_query corpus_queries[] = {
  {"baseline sum(length(body))", "SELECT sum(length(body)) FROM docs", NULL},
#ifndef BENCH_NO_ICU
  {"ICU sentences (en@ss=standard)", "SELECT sum(icu_sentence_count(body)) FROM docs", NULL},
#endif
  {"article_sentences", "SELECT count(*) FROM docs, article_sentences(docs.body)", "article_sentences"},
  {"article_entities", "SELECT count(*) FROM docs, article_entities(docs.body)", "article_entities"},
  {"article_quotes", "SELECT count(*) FROM docs, article_quotes(docs.body)", "article_quotes"},
};

/* CPU time of this process (user + system), not wall time: the machine is
** shared, and a neighbour's compile must not count against a query. */
static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *detail) {
  fprintf(stderr, "bench: %s: %s\n", what, detail ? detail : "");
  exit(1);
}

/* ---- corpus ---------------------------------------------------------------- */

typedef struct text_span { const char *z; size_t n; } text_span;

typedef struct corpus {
  text_span *docs;
  size_t count, cap;
  size_t bytes;
} corpus;

static void corpus_add(corpus *c, const char *z, size_t n) {
  while (n > 0 && (z[0] == '\n' || z[0] == '\r')) { z++; n--; }
  while (n > 0 && (z[n - 1] == '\n' || z[n - 1] == '\r')) n--;
  if (n == 0) return;
  if (c->count == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 1024;
    c->docs = realloc(c->docs, c->cap * sizeof *c->docs);
    if (!c->docs) die("out of memory", NULL);
  }
  c->docs[c->count].z = z;
  c->docs[c->count].n = n;
  c->count++;
  c->bytes += n;
}

/* Read FILE whole and split it at lines holding only a form feed. */
static void corpus_read(corpus *c, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open", path);
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)size + 1);
  if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) die("cannot read", path);
  fclose(f);
  buf[size] = 0;
  size_t start = 0, at = 0;
  while (at < (size_t)size) {
    size_t eol = at;
    while (eol < (size_t)size && buf[eol] != '\n') eol++;
    size_t len = eol - at;
    if (len >= 1 && buf[at] == '\f' && (len == 1 || (len == 2 && buf[at + 1] == '\r'))) {
      corpus_add(c, buf + start, at - start);
      start = eol + 1;
    }
    at = eol + 1;
  }
  if (start < (size_t)size) corpus_add(c, buf + start, (size_t)size - start);
}

/* Cycle through the articles until the corpus holds at least `target` bytes. */
static void corpus_repeat_to(corpus *c, size_t target) {
  size_t originals = c->count;
  if (originals == 0) return;
  for (size_t i = 0; c->bytes < target; i = (i + 1) % originals) {
    corpus_add(c, c->docs[i].z, c->docs[i].n);
  }
}

/* The corpus as one document: articles joined by a blank line, repeated
** until it holds at least `target` bytes. */
static char *corpus_concat(const corpus *c, size_t target, size_t *out_n) {
  size_t cap = target + 1024 * 1024, n = 0;
  char *z = malloc(cap);
  if (!z) die("out of memory", NULL);
  for (size_t i = 0; n < target; i = (i + 1) % c->count) {
    const text_span *d = &c->docs[i];
    if (n + d->n + 2 > cap) {
      cap = (n + d->n + 2) * 2;
      z = realloc(z, cap);
      if (!z) die("out of memory", NULL);
    }
    memcpy(z + n, d->z, d->n);
    n += d->n;
    z[n++] = '\n';
    z[n++] = '\n';
  }
  *out_n = n;
  return z;
}

/* ---- SQLite ---------------------------------------------------------------- */

#ifndef BENCH_NO_ICU
static void icu_count_function(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  icu_bench *b = sqlite3_user_data(ctx);
  const char *z = (const char *)sqlite3_value_text(argv[0]);
  if (!z) return;
  long count = icu_bench_count(b, z, (size_t)sqlite3_value_bytes(argv[0]));
  if (count < 0) { sqlite3_result_error(ctx, "ICU error", -1); return; }
  sqlite3_result_int64(ctx, count);
}
#endif

static void exec_or_die(sqlite3 *db, const char *sql) {
  char *err = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) die(sql, err);
}

static int is_registered(sqlite3 *db, const char *name) {
  sqlite3_stmt *st;
  int found = 0;
  const char *sql =
      "SELECT 1 FROM pragma_module_list WHERE name = ?1 "
      "UNION ALL SELECT 1 FROM pragma_function_list WHERE name = ?1";
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) die("prepare", sqlite3_errmsg(db));
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return found;
}

/* Run a one-value query; returns its value. */
static sqlite3_int64 run_once(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st;
  sqlite3_int64 v = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) die(sql, sqlite3_errmsg(db));
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  else if (rc != SQLITE_DONE) die(sql, sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return v;
}

/* Best wall time of at least 3 runs and at least min_seconds in all. */
static double best_time(sqlite3 *db, const char *sql, double min_seconds, sqlite3_int64 *value) {
  double best = 1e30, spent = 0;
  for (int runs = 0; runs < 3 || spent < min_seconds; runs++) {
    double t0 = now_seconds();
    *value = run_once(db, sql);
    double t = now_seconds() - t0;
    spent += t;
    if (t < best) best = t;
    if (runs >= 50) break;
  }
  return best;
}

static long max_rss_mb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

/*
** One big document through a baseline read, article_sentences, ICU and
** article_entities: at
** 5 MB, at 50 MB, and at 50 MB again with glibc's large-block mmap turned off.
**
** Why the third run: glibc serves an allocation above 32 MB (its largest
** dynamic mmap threshold) with a fresh mmap, so every query over a 50 MB
** value page-faults 50 MB of new zeroed memory, in SQLite's copy of the value
** as much as in the function — the baseline read itself runs at half speed.
** With mmap turned off (mallopt) the memory is reused from the heap and what
** is left is the cost of the algorithm.  Equal MB/s at 5 and 50 MB = linear.
*/
static void single_document_rows(sqlite3 *db, const corpus *c) {
  static const struct { size_t bytes; int heap; } runs[] = {
    {5u * 1000 * 1000, 0}, {50u * 1000 * 1000, 0}, {50u * 1000 * 1000, 1},
  };
  static const bench_query queries[] = {
    {"baseline", "SELECT length(body) FROM one", NULL},
    {"article_sentences", "SELECT count(*) FROM one, article_sentences(one.body)", "article_sentences"},
    {"ICU", "SELECT icu_sentence_count(body) FROM one", "icu_sentence_count"},
    {"article_entities", "SELECT count(*) FROM one, article_entities(one.body)", "article_entities"},
  };
  enum { NQ = sizeof queries / sizeof queries[0], NR = sizeof runs / sizeof runs[0] };
  double rates[NQ][NR] = {{0}};
  printf("\n%-34s %12s %10s %9s\n", "one document", "rows", "MB/s", "max RSS");
  for (int r = 0; r < NR; r++) {
    size_t n;
    char *doc = corpus_concat(c, runs[r].bytes, &n);
    if (runs[r].heap) {
      /* No mmap for large blocks, and no giving freed memory back. */
      mallopt(M_MMAP_MAX, 0);
      mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
    }
    exec_or_die(db, "DROP TABLE IF EXISTS one; CREATE TABLE one(body TEXT)");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT INTO one(body) VALUES (?)", -1, &st, NULL) != SQLITE_OK)
      die("prepare", sqlite3_errmsg(db));
    sqlite3_bind_text(st, 1, doc, (int)n, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) die("insert", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    free(doc);
    for (int q = 0; q < NQ; q++) {
      if (queries[q].needs && !is_registered(db, queries[q].needs)) continue;
      sqlite3_int64 value;
      double t = best_time(db, queries[q].sql, 1.0, &value);
      rates[q][r] = ((double)n / 1e6) / t;
      char label[64], rss[32];
      snprintf(label, sizeof label, "%.0f MB%s: %s", (double)n / 1e6,
               runs[r].heap ? " (heap)" : "", queries[q].label);
      snprintf(rss, sizeof rss, "%ld MB", max_rss_mb());
      printf("%-34s %12lld %10.1f %9s\n", label, (long long)value, rates[q][r], rss);
      fflush(stdout);
    }
  }
  for (int q = 1; q < NQ; q++) {
    if (rates[q][0] <= 0) continue;
    char label[64];
    snprintf(label, sizeof label, "%s 50 MB / 5 MB", queries[q].label);
    printf("%-34s MB/s ratio %.2f, heap %.2f  (1.00 = linear)\n", label,
           rates[q][1] / rates[q][0], rates[q][2] / rates[q][0]);
  }
}

int main(int argc, char **argv) {
  corpus c = {0};
  size_t repeat_to = 0;
  int i = 1;
  if (i + 1 < argc && strcmp(argv[i], "--repeat-to") == 0) {
    repeat_to = (size_t)strtoull(argv[i + 1], NULL, 10);
    i += 2;
  }
  if (i >= argc) die("usage", "bench [--repeat-to BYTES] FILE...");
  for (; i < argc; i++) corpus_read(&c, argv[i]);
  if (c.count == 0) die("no articles in", argv[argc - 1]);
  corpus_repeat_to(&c, repeat_to);

  sqlite3 *db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) die("open", sqlite3_errmsg(db));
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, NULL);
  char *err = NULL;
  if (sqlite3_load_extension(db, "dist/article", NULL, &err) != SQLITE_OK) die("load dist/article", err);

#ifndef BENCH_NO_ICU
  const char *icu_err = NULL;
  icu_bench *icu = icu_bench_open(&icu_err);
  if (!icu) die("ICU", icu_err);
  sqlite3_create_function(db, "icu_sentence_count", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, icu,
                          icu_count_function, NULL, NULL);
#endif

  exec_or_die(db, "CREATE TABLE docs(body TEXT)");
  exec_or_die(db, "BEGIN");
  sqlite3_stmt *ins;
  if (sqlite3_prepare_v2(db, "INSERT INTO docs(body) VALUES (?)", -1, &ins, NULL) != SQLITE_OK)
    die("prepare", sqlite3_errmsg(db));
  for (size_t k = 0; k < c.count; k++) {
    sqlite3_bind_text(ins, 1, c.docs[k].z, (int)c.docs[k].n, SQLITE_STATIC);
    if (sqlite3_step(ins) != SQLITE_DONE) die("insert", sqlite3_errmsg(db));
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
  exec_or_die(db, "COMMIT");

  double mb = (double)c.bytes / 1e6;
  printf("corpus: %zu articles, %.2f MB; SQLite %s", c.count, mb, sqlite3_libversion());
#ifndef BENCH_NO_ICU
  printf(", ICU %s", icu_bench_version());
#endif
  printf("; MB/s of CPU time, best of >= 3 runs\n");
  printf("\n%-34s %12s %10s %9s\n", "query over docs (one article a row)", "rows", "MB/s", "vs ICU");

  double icu_rate = 0;
  for (size_t q = 0; q < sizeof corpus_queries / sizeof corpus_queries[0]; q++) {
    const bench_query *bq = &corpus_queries[q];
    if (bq->needs && !is_registered(db, bq->needs)) {
      printf("%-34s %12s\n", bq->label, "(not registered)");
      continue;
    }
    sqlite3_int64 value;
    double t = best_time(db, bq->sql, 1.0, &value);
    double rate = mb / t;
    int is_baseline = strncmp(bq->label, "baseline", 8) == 0;
    int is_icu = strncmp(bq->label, "ICU", 3) == 0;
    if (is_icu) icu_rate = rate;
    char rows[32], ratio[16] = "";
    if (is_baseline) snprintf(rows, sizeof rows, "-");
    else snprintf(rows, sizeof rows, "%lld", (long long)value);
    if (!is_baseline && icu_rate > 0) snprintf(ratio, sizeof ratio, "%.2fx", rate / icu_rate);
    printf("%-34s %12s %10.1f %9s\n", bq->label, rows, rate, ratio);
    fflush(stdout);
  }
  if (icu_rate > 0) printf("(targets: article_sentences at least 3x ICU; article_entities at least 50 MB/s)\n");

  /* One big document: the cost per MB must not grow with its size. */
  if (is_registered(db, "article_sentences")) single_document_rows(db, &c);
  else printf("\none document: article_sentences is not registered\n");

#ifndef BENCH_NO_ICU
  icu_bench_close(icu);
#endif
  sqlite3_close(db);
  return 0;
}
