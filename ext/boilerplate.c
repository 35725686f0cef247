/*
** boilerplate.c — recognise lines that are not the article: bylines,
** "- Advertisement -", "Read more: …", share buttons, copyright and photo
** credits.
**
** The patterns live in ext/data/boilerplate.tsv.  At connection set-up they
** are joined into one alternation, compiled once with PCRE2 (caseless, UTF,
** tolerant of invalid UTF-8) and JIT-compiled when the platform allows, so a
** test costs one match call per short paragraph.  Also here: the dateline
** pattern ("WASHINGTON (AP) —" alone on a line), which joins the next
** paragraph rather than standing alone.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include "article_context.h"
#include "article_segment.h"
#include "article_tables.h"

/* Only short paragraphs can be boilerplate; longer ones are prose. */
#define BOILERPLATE_MAX_BYTES 300

struct art_segment_state {
  pcre2_code *boilerplate;
  pcre2_code *dateline;
  pcre2_match_data *match;
};

static pcre2_code *compile(const char *pattern, size_t len, const char **err) {
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len,
                                 PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
                                 &code, &offset, NULL);
  if (!re) {
    *err = "article: a boilerplate pattern does not compile";
    return NULL;
  }
  pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
  return re;
}

int art_segment_state_init(art_context *ctx, const char **err) {
  struct art_segment_state *st = calloc(1, sizeof *st);
  if (!st) { *err = "article: out of memory"; return -1; }
  ctx->segment = st;
  const art_table *t = &art_table_boilerplate;
  size_t len = 0;
  for (uint32_t i = 0; i < t->count; i++) len += t->entries[i].key_len + 5;
  char *all = malloc(len + 1);
  if (!all) { *err = "article: out of memory"; return -1; }
  size_t n = 0;
  for (uint32_t i = 0; i < t->count; i++) {
    if (i) all[n++] = '|';
    memcpy(all + n, "(?:", 3);
    n += 3;
    memcpy(all + n, t->entries[i].key, t->entries[i].key_len);
    n += t->entries[i].key_len;
    all[n++] = ')';
  }
  st->boilerplate = compile(all, n, err);
  free(all);
  if (!st->boilerplate) return -1;
  static const char dateline[] =
      "^(?-i:\\p{Lu})[\\p{L}\\s.,'’-]{1,60}(?:\\s*\\([^)]{1,30}\\))?\\s*[—–-]+\\s*$";
  st->dateline = compile(dateline, sizeof dateline - 1, err);
  if (!st->dateline) return -1;
  st->match = pcre2_match_data_create(4, NULL);
  if (!st->match) { *err = "article: out of memory"; return -1; }
  return 0;
}

void art_segment_state_free(art_context *ctx) {
  struct art_segment_state *st = ctx->segment;
  if (!st) return;
  pcre2_code_free(st->boilerplate);
  pcre2_code_free(st->dateline);
  pcre2_match_data_free(st->match);
  free(st);
  ctx->segment = NULL;
}

static int matches(art_context *ctx, pcre2_code *re, const char *doc, size_t start, size_t end) {
  struct art_segment_state *st = ctx->segment;
  int rc = pcre2_match(re, (PCRE2_SPTR)doc + start, end - start, 0, 0, st->match, NULL);
  return rc >= 0;
}

int art_is_boilerplate_line(art_context *ctx, const char *doc, size_t start, size_t end) {
  if (end - start > BOILERPLATE_MAX_BYTES || end <= start) return 0;
  return matches(ctx, ctx->segment->boilerplate, doc, start, end);
}

int art_is_dateline_line(art_context *ctx, const char *doc, size_t start, size_t end) {
  if (end - start > 80 || end <= start) return 0;
  return matches(ctx, ctx->segment->dateline, doc, start, end);
}
