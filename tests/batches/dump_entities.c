/*
** dump_entities.c — print every entity of the given files, one per line.
**
** tests/run.sh builds this twice: against the entity stage as shipped and
** against one compiled with tiny batches (-DBATCH_SENTENCES=2
** -DBATCH_BYTES=64, see the batch comment in ext/entities.c).  The two
** outputs must be the same: how sentences are grouped for the stages is a
** matter of speed only.  Each file is read whole, then also as one
** document made of all the files, so that batches cross articles; the
** lexicon run covers the step that runs before the tagger.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "article_context.h"
#include "article_entities.h"

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t cap = 0, n = 0;
  for (;;) {
    if (n + 4096 > cap) {
      cap = cap ? cap * 2 : 65536;
      char *grown = realloc(buf, cap);
      if (!grown) { free(buf); fclose(f); return NULL; }
      buf = grown;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  fclose(f);
  *len = n;
  return buf;
}

static int dump(art_context *ctx, const char *label, const char *doc, size_t n, const art_ent_options *opts) {
  art_entity_list list;
  memset(&list, 0, sizeof list);
  if (art_entities_extract(ctx, doc, n, NULL, opts, &list)) {
    fprintf(stderr, "dump_entities: %s: extraction failed\n", label);
    return 1;
  }
  for (size_t i = 0; i < list.count; i++) {
    const art_entity *e = &list.items[i];
    printf("%s\t%d\t%zu\t%zu\t%s\t%s\t%d\t%.6g\t%s\n", label, e->sentence, e->start, e->end - e->start,
           art_etype_name(e->type), e->canonical, e->has_value, e->has_value ? e->value : 0.0, e->date);
  }
  art_entity_list_free(&list);
  return 0;
}

int main(int argc, char **argv) {
  const char *err = NULL;
  art_context *ctx = art_context_new(&err);
  if (!ctx) { fprintf(stderr, "dump_entities: %s\n", err ? err : "no context"); return 1; }
  char *all = NULL;
  size_t all_len = 0;
  int rc = 0;
  for (int a = 1; a < argc && rc == 0; a++) {
    size_t n;
    char *doc = read_all(argv[a], &n);
    if (!doc) { fprintf(stderr, "dump_entities: cannot read %s\n", argv[a]); rc = 1; break; }
    rc = dump(ctx, argv[a], doc, n, NULL);
    char *grown = realloc(all, all_len + n + 2);
    if (!grown) { free(doc); rc = 1; break; }
    all = grown;
    memcpy(all + all_len, doc, n);
    all_len += n;
    all[all_len++] = '\n';
    all[all_len++] = '\n';
    free(doc);
  }
  if (rc == 0 && all) rc = dump(ctx, "all", all, all_len, NULL);
  if (rc == 0 && all) {
    art_lexicon_entry lex[] = { { "Harbor Point", ART_ENT_GPE, NULL }, { "council", ART_ENT_ORG, "City Council" } };
    art_ent_options opts;
    memset(&opts, 0, sizeof opts);
    opts.lexicon = lex;
    opts.lexicon_count = sizeof lex / sizeof lex[0];
    if (art_lexicon_sort(lex, opts.lexicon_count, &opts)) rc = 1;
    else rc = dump(ctx, "lexicon", all, all_len, &opts);
  }
  if (rc == 0 && all) {   /* no name type wanted: the tagger is skipped */
    art_ent_options opts;
    memset(&opts, 0, sizeof opts);
    opts.type_mask = 1u << ART_ENT_MONEY | 1u << ART_ENT_DATE;
    rc = dump(ctx, "types", all, all_len, &opts);
  }
  free(all);
  art_context_free(ctx);
  return rc;
}
