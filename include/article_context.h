/*
** article_context.h — per-connection state shared by the pipeline stages.
**
** Patterns (pcre2, JIT-compiled) and other derived tables are built once
** when the extension is registered on a connection and reused by every
** call on it.  A connection runs one statement step at a time, so the
** context's scratch space needs no locking.  Each stage keeps its own
** private state behind one pointer here and owns its init/free pair.
*/
#ifndef ARTICLE_CONTEXT_H
#define ARTICLE_CONTEXT_H

typedef struct art_context {
  struct art_segment_state *segment;    /* ext/boilerplate.c */
  struct art_entity_state *entities;    /* ext/entities*.c */
  struct art_quote_state *quotes;       /* ext/quotes*.c */
} art_context;

/* Build every stage's state; on failure returns NULL and sets *err (static text). */
art_context *art_context_new(const char **err);
void art_context_free(art_context *ctx);

/* Stage hooks called by art_context_new/free: return 0 on success. */
int art_segment_state_init(art_context *ctx, const char **err);
void art_segment_state_free(art_context *ctx);
int art_entity_state_init(art_context *ctx, const char **err);   /* ext/entities.c */
void art_entity_state_free(art_context *ctx);

#endif
