/*
** context.c — build and free the per-connection state of every stage
** (include/article_context.h).
*/
#include <stdlib.h>
#include "article_context.h"

art_context *art_context_new(const char **err) {
  art_context *ctx = calloc(1, sizeof *ctx);
  if (!ctx) { *err = "article: out of memory"; return NULL; }
  if (art_segment_state_init(ctx, err)) goto fail;
  if (art_entity_state_init(ctx, err)) goto fail;
  return ctx;
fail:
  art_context_free(ctx);
  return NULL;
}

void art_context_free(art_context *ctx) {
  if (!ctx) return;
  art_entity_state_free(ctx);
  art_segment_state_free(ctx);
  free(ctx);
}
