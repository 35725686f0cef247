/*
** sqlite_sentences.c — the article_sentences table-valued function.
**
**   SELECT sentence, paragraph, kind, text
**     FROM article_sentences('WASHINGTON (AP) — The talks ended. Both sides left.');
**
**   -- every sentence of an archive that mentions a casualty figure
**   SELECT a.id, s.text
**     FROM articles a, article_sentences(a.body) s
**    WHERE s.text REGEXP '[0-9,]+ (people|civilians) (were )?killed';
**
**   -- hard-wrapped text, with the boilerplate shown
**   SELECT * FROM article_sentences(:doc, '{"newline":"space","boilerplate":true}');
**
** Columns: sentence, paragraph (1, 2, 3… over the rows returned), start and
** length (1-based character position and length, so that
** substr(document, start, length) = text), text, kind ('headline', 'body',
** 'boilerplate'), and the hidden arguments document and options.
**
** The table is eponymous-only: it exists in every schema without CREATE
** VIRTUAL TABLE.  Rows are produced one paragraph at a time, so memory stays
** bounded by the longest paragraph, not the document.
*/
#include <string.h>
#include "article_sqlite.h"
#include "article_text.h"

enum {
  COL_SENTENCE, COL_PARAGRAPH, COL_START, COL_LENGTH, COL_TEXT, COL_KIND,
  COL_DOCUMENT, COL_OPTIONS
};

typedef article_vtab sent_vtab;

typedef struct sent_cursor {
  sqlite3_vtab_cursor base;
  char *doc;               /* private copy of the document */
  size_t n, doc_cap;       /* the copy's buffer is reused by the next xFilter */
  art_segmenter *seg;
  art_charpos charpos;
  art_sentence row;
  size_t char_start, char_len, bstart, bend;
  int have_pos;            /* char_start… computed for this row */
  int eof;
} sent_cursor;

static const char FN[] = "article_sentences";

/* xConnect: declare the columns; the table is innocuous (reads nothing). */
static int sent_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                        sqlite3_vtab **out, char **err) {
  return article_vtab_connect(db, aux,
      "CREATE TABLE x(sentence INTEGER, paragraph INTEGER, start INTEGER, length INTEGER,"
      " text TEXT, kind TEXT, document HIDDEN, options HIDDEN)", out);
}

/* xBestIndex: see article_best_index(); rows come in sentence order. */
static int sent_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  return article_best_index(info, COL_DOCUMENT, COL_OPTIONS, COL_SENTENCE, 1000.0, 50);
}

static int sent_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
  sent_cursor *c = sqlite3_malloc64(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  c->eof = 1;
  *out = &c->base;
  return SQLITE_OK;
}

/* Forget the current document; buffers stay for the next one. */
static void sent_reset(sent_cursor *c) {
  c->n = 0;
  c->eof = 1;
}

static int sent_close(sqlite3_vtab_cursor *cur) {
  sent_cursor *c = (sent_cursor *)cur;
  art_segmenter_free(c->seg);
  sqlite3_free(c->doc);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* xNext: fetch the next sentence and its character position. */
static int sent_next(sqlite3_vtab_cursor *cur) {
  sent_cursor *c = (sent_cursor *)cur;
  int rc = art_segmenter_next(c->seg, &c->row);
  if (rc < 0) return SQLITE_NOMEM;
  if (rc == 0) { c->eof = 1; return SQLITE_OK; }
  c->have_pos = 0;
  return SQLITE_OK;
}

static int sent_option(void *target, const char *fn, const char *key, const char *type,
                       sqlite3_value *value, char **err) {
  int r = article_segment_option(target, fn, key, type, value, err);
  if (r < 0) return SQLITE_ERROR;
  if (r == 0) return article_unknown_option(fn, key, err);
  return SQLITE_OK;
}

/* xFilter: start over on a new document. */
static int sent_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxStr, int argc,
                       sqlite3_value **argv) {
  sent_cursor *c = (sent_cursor *)cur;
  sent_vtab *t = (sent_vtab *)cur->pVtab;
  char *err = NULL;
  sent_reset(c);
  if (!(idx & 1)) {
    err = sqlite3_mprintf("%s: missing the document argument, as in %s(body)", FN, FN);
    goto error;
  }
  const char *doc;
  size_t n;
  art_seg_options opts = {0, 0};
  if (article_document(FN, argv[0], &doc, &n, &err)) goto error;
  if ((idx & 2) && article_parse_options(t->db, FN, argv[1], sent_option, &opts, &err))
    goto error;
  if (!doc) return SQLITE_OK;  /* NULL document: no rows */
  if (c->doc_cap > (1u << 20) && c->doc_cap > 4 * (n + 1)) {   /* after a huge document, give memory back */
    sqlite3_free(c->doc);
    c->doc = NULL;
    c->doc_cap = 0;
  }
  if (n + 1 > c->doc_cap) {
    char *p = sqlite3_realloc64(c->doc, n + 1);
    if (!p) return SQLITE_NOMEM;
    c->doc = p;
    c->doc_cap = n + 1;
  }
  memcpy(c->doc, doc, n);
  c->doc[n] = 0;
  c->n = n;
  if (c->seg) art_segmenter_reset(c->seg, t->conn->ctx, c->doc, n, &opts);
  else if (!(c->seg = art_segmenter_new(t->conn->ctx, c->doc, n, &opts))) return SQLITE_NOMEM;
  art_charpos_init(&c->charpos, (const unsigned char *)c->doc, n);
  c->eof = 0;
  return sent_next(cur);
error:
  sqlite3_free(t->base.zErrMsg);
  t->base.zErrMsg = err;
  return SQLITE_ERROR;
}

static int sent_eof(sqlite3_vtab_cursor *cur) { return ((sent_cursor *)cur)->eof; }

/* Character positions are computed only when a query asks for them
   (count(*) does not), in row order, so the cost stays linear. */
static void sent_position(sent_cursor *c) {
  if (c->have_pos) return;
  art_charpos_span(&c->charpos, c->row.start, c->row.end, &c->char_start, &c->char_len,
                   &c->bstart, &c->bend);
  c->have_pos = 1;
}

static int sent_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  sent_cursor *c = (sent_cursor *)cur;
  if (col == COL_START || col == COL_LENGTH || col == COL_TEXT) sent_position(c);
  switch (col) {
    case COL_SENTENCE: sqlite3_result_int(ctx, c->row.sentence); break;
    case COL_PARAGRAPH: sqlite3_result_int(ctx, c->row.paragraph); break;
    case COL_START: sqlite3_result_int64(ctx, (sqlite3_int64)c->char_start + 1); break;
    case COL_LENGTH: sqlite3_result_int64(ctx, (sqlite3_int64)c->char_len); break;
    case COL_TEXT:
      sqlite3_result_text64(ctx, c->doc + c->bstart, c->bend - c->bstart, SQLITE_TRANSIENT,
                            SQLITE_UTF8);
      break;
    case COL_KIND: sqlite3_result_text(ctx, art_kind_name(c->row.kind), -1, SQLITE_STATIC); break;
    default: break; /* hidden arguments read back as NULL */
  }
  return SQLITE_OK;
}

static int sent_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *rowid) {
  *rowid = ((sent_cursor *)cur)->row.sentence;
  return SQLITE_OK;
}

static sqlite3_module sentences_module = {
  /* iVersion    */ 0,
  /* xCreate     */ NULL, /* eponymous-only */
  /* xConnect    */ sent_connect,
  /* xBestIndex  */ sent_best_index,
  /* xDisconnect */ article_vtab_disconnect,
  /* xDestroy    */ NULL,
  /* xOpen       */ sent_open,
  /* xClose      */ sent_close,
  /* xFilter     */ sent_filter,
  /* xNext       */ sent_next,
  /* xEof        */ sent_eof,
  /* xColumn     */ sent_column,
  /* xRowid      */ sent_rowid,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

int article_register_sentences(sqlite3 *db, article_conn *conn) {
  return sqlite3_create_module_v2(db, FN, &sentences_module, article_conn_ref(conn),
                                  article_conn_unref);
}
