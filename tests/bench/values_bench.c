/*
** values_bench.c — throughput of the value scanner (ext/values.c) on a text
** file, one core, plus a way to eyeball its output.
**
**   values_bench FILE [ROUNDS]   MB/s scanning every paragraph of FILE
**   values_bench -p FILE         print every span: START<TAB>END<TAB>TYPE<TAB>value<TAB>text
**                                (byte offsets into FILE)
**   -s (before FILE, with or without -p)
**                                scan sentence by sentence, 48 to a call
**                                (art_values_scan_sentences()), as
**                                article_entities does, instead of paragraph
**                                by paragraph
**
** The file is read into memory and split into paragraphs at blank lines;
** each paragraph is scanned as one span (the scanner is told nothing about
** sentences, so this is its cost alone, without the segmenter's).  With -s
** each paragraph is split into sentences first (not timed), boilerplate
** lines left out, and each sentence is scanned alone, in calls of 48
** sentences as the entity stage makes them.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "article_context.h"
#include "article_entities.h"
#include "article_segment.h"
#include "article_values.h"

typedef struct span_list {
  struct { size_t start, end; } *v;
  size_t n, cap;
} span_list;

static void add_span(span_list *l, size_t start, size_t end) {
  if (l->n == l->cap) {
    l->cap = l->cap ? 2 * l->cap : 1024;
    l->v = realloc(l->v, l->cap * sizeof *l->v);
    if (!l->v) { fprintf(stderr, "out of memory\n"); exit(1); }
  }
  l->v[l->n].start = start;
  l->v[l->n].end = end;
  l->n++;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int print = 0, sentences = 0, a = 1;
  for (; a < argc && argv[a][0] == '-'; a++) {
    if (strcmp(argv[a], "-p") == 0) print = 1;
    else if (strcmp(argv[a], "-s") == 0) sentences = 1;
    else break;
  }
  if (a >= argc) {
    fprintf(stderr, "usage: values_bench [-p] [-s] FILE [ROUNDS]\n");
    return 2;
  }
  const char *path = argv[a];
  int rounds = !print && argc > a + 1 ? atoi(argv[a + 1]) : 5;
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

  /* the spans to scan: paragraphs, or the sentences of each paragraph */
  art_context *ctx = sentences ? art_context_new(&err) : NULL;
  if (sentences && !ctx) { fprintf(stderr, "context: %s\n", err); return 1; }
  span_list in = {0};
  for (size_t p = 0; p < (size_t)n;) {
    const char *brk = strstr(doc + p, "\n\n");
    size_t e = brk ? (size_t)(brk - doc) : (size_t)n;
    if (!sentences) add_span(&in, p, e);
    else {
      art_seg_options so = {ART_NEWLINE_SPACE, 0};
      art_segmenter *seg = art_segmenter_new(ctx, doc + p, e - p, &so);
      art_sentence st;
      int r;
      if (!seg) { fprintf(stderr, "out of memory\n"); return 1; }
      while ((r = art_segmenter_next(seg, &st)) == 1)
        if (st.kind != ART_KIND_BOILERPLATE) add_span(&in, p + st.start, p + st.end);
      art_segmenter_free(seg);
      if (r < 0) { fprintf(stderr, "out of memory\n"); return 1; }
    }
    p = e + 2;
  }

  art_value_span *spans = NULL;
  size_t count = 0, cap = 0, total = 0;
  double best = 1e30;
  for (int r = 0; r < (print ? 1 : rounds); r++) {
    double t0 = now();
    total = 0;
    for (size_t k = 0; k < in.n;) {
      /* sentences in batches, as the entity stage scans them; paragraphs one by one */
      art_value_sentence batch[48];
      size_t nb = 0;
      while (nb < (sentences ? 48u : 1u) && k < in.n) {
        batch[nb].start = in.v[k].start;
        batch[nb].end = in.v[k].end;
        nb++, k++;
      }
      count = 0;
      if ((nb == 1 ? art_values_scan(NULL, doc, batch[0].start, batch[0].end, &spans, &count, &cap)
                   : art_values_scan_sentences(NULL, doc, batch, nb, &spans, &count, &cap)) < 0) {
        fprintf(stderr, "scan failed\n");
        return 1;
      }
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
    }
    double dt = now() - t0;
    if (dt < best) best = dt;
  }
  if (!print)
    printf("values: %.1f MB in %.3f s best of %d = %.0f MB/s, %zu spans\n", n / 1e6, best, rounds,
           n / 1e6 / best, total);
  free(spans);
  free(in.v);
  if (ctx) art_context_free(ctx);
  free(doc);
  return 0;
}
