/*
** values_bench.c — throughput of the value scanner (ext/values.c) on a text
** file, one core, plus a way to eyeball its output.
**
**   values_bench FILE [ROUNDS]   MB/s scanning every paragraph of FILE
**   values_bench -p FILE         print every span: START<TAB>END<TAB>TYPE<TAB>value<TAB>text
**                                (byte offsets into FILE)
**
** The file is read into memory and split into paragraphs at blank lines;
** each paragraph is scanned as one span (the scanner is told nothing about
** sentences, so this is its cost alone, without the segmenter's).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "article_context.h"
#include "article_entities.h"
#include "article_values.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int print = argc > 1 && strcmp(argv[1], "-p") == 0;
  if (argc < 2 + print) {
    fprintf(stderr, "usage: values_bench [-p] FILE [ROUNDS]\n");
    return 2;
  }
  const char *path = argv[1 + print];
  int rounds = !print && argc > 2 ? atoi(argv[2]) : 5;
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); return 1; }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *doc = malloc((size_t)n + 1);
  if (!doc || fread(doc, 1, (size_t)n, f) != (size_t)n) { fprintf(stderr, "read failed\n"); return 1; }
  fclose(f);
  doc[n] = 0;
  const char *err = NULL;
  if (art_values_state_init(NULL, &err)) { fprintf(stderr, "init: %s\n", err); return 1; }

  art_value_span *spans = NULL;
  size_t count = 0, cap = 0, total = 0;
  double best = 1e30;
  for (int r = 0; r < (print ? 1 : rounds); r++) {
    double t0 = now();
    total = 0;
    size_t p = 0;
    while (p < (size_t)n) {
      const char *brk = strstr(doc + p, "\n\n");
      size_t e = brk ? (size_t)(brk - doc) : (size_t)n;
      count = 0;
      if (art_values_scan(NULL, doc, p, e, &spans, &count, &cap) < 0) { fprintf(stderr, "scan failed\n"); return 1; }
      total += count;
      if (print) {
        for (size_t i = 0; i < count; i++) {
          art_value_span *s = &spans[i];
          printf("%zu\t%zu\t%s\t", s->start, s->end, art_etype_name(s->type));
          if (s->has_value) printf("%.15g", s->value);
          else if (s->date[0]) printf("%s", s->date);
          printf("\t%.*s\n", (int)(s->end - s->start), doc + s->start);
        }
      }
      p = e + 2;
    }
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  if (!print)
    printf("values: %.1f MB in %.3f s best of %d = %.0f MB/s, %zu spans\n", n / 1e6, best, rounds,
           n / 1e6 / best, total);
  free(spans);
  free(doc);
  return 0;
}
