/*
** sqlite_quotes.c — the article_quotes table-valued function and the
** article_quotes_json scalar.
**
**   SELECT quote, speaker, cue, text
**     FROM article_quotes('“We will rebuild,” the mayor said.');
**
**   -- who is quoted most across an archive
**   SELECT q.speaker, count(*) AS quotes
**     FROM articles a, article_quotes(a.body) q
**    WHERE q.speaker IS NOT NULL
**    GROUP BY q.speaker ORDER BY quotes DESC;
**
**   -- statements only, from hard-wrapped text
**   SELECT * FROM article_quotes(:doc, '{"kinds":["statement"],"newline":"space"}');
**
** Columns: quote (1, 2, 3… in document order), sentence and paragraph
** (where the quoted text starts, numbered as article_sentences numbers
** them), start and length (1-based character position and length of the
** text between the marks, so that substr(document, start, length) = text),
** text, speaker (canonical name, NULL when the article does not say),
** speaker_text (the speaker as written at the attribution), cue (the
** reporting verb or phrase as written), kind ('statement' or 'fragment'),
** and the hidden arguments document and options.
**
** Options (a JSON object): "kinds", a kind or an array of kinds to keep;
** "newline" and "boilerplate" as for article_sentences.
**
** article_quotes_json(document [, options]) returns the same rows as one
** JSON array of objects (subtype JSON, so json functions nest it).
**
** The whole document is processed in xFilter (attribution needs sentences
** before and after each quote); rows are then read from the list.
*/
#include <string.h>
#include "article_sqlite.h"
#include "article_text.h"
#include "article_quotes.h"

enum {
  COL_QUOTE, COL_SENTENCE, COL_PARAGRAPH, COL_START, COL_LENGTH, COL_TEXT, COL_SPEAKER,
  COL_SPEAKER_TEXT, COL_CUE, COL_KIND, COL_DOCUMENT, COL_OPTIONS
};

static const char FN[] = "article_quotes";
static const char FN_JSON[] = "article_quotes_json";

typedef article_vtab quote_vtab;

typedef struct quote_cursor {
  sqlite3_vtab_cursor base;
  char *doc;               /* private copy of the document */
  size_t n;
  art_quote_list list;
  size_t row;              /* index into list.items */
  art_charpos charpos;
  size_t char_start, char_len, bstart, bend;
  size_t pos_row;          /* row whose position is computed, +1 (0: none) */
} quote_cursor;

/* ---- options ------------------------------------------------------------- */

typedef struct quote_opts {
  art_quote_options q;
  sqlite3 *db;
} quote_opts;

static int add_kind(quote_opts *o, const char *fn, const char *s, char **err) {
  art_quote_kind k = s ? art_quote_kind_from_name(s, strlen(s)) : (art_quote_kind)0;
  if (!k) {
    *err = sqlite3_mprintf("%s: option \"kinds\" takes \"statement\" and \"fragment\", not \"%s\"",
                           fn, s ? s : "null");
    return SQLITE_ERROR;
  }
  o->q.kinds |= 1u << k;
  return SQLITE_OK;
}

static int quote_option(void *target, const char *fn, const char *key, const char *type,
                        sqlite3_value *value, char **err) {
  quote_opts *o = target;
  if (strcmp(key, "kinds") == 0) {
    if (strcmp(type, "text") == 0) return add_kind(o, fn, (const char *)sqlite3_value_text(value), err);
    if (strcmp(type, "array") != 0) {
      *err = sqlite3_mprintf("%s: option \"kinds\" must be an array like [\"statement\"]", fn);
      return SQLITE_ERROR;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(o->db, "SELECT type, value FROM json_each(?1)", -1, &st, NULL);
    if (rc != SQLITE_OK) {
      *err = sqlite3_mprintf("%s: cannot read options: %s", fn, sqlite3_errmsg(o->db));
      return SQLITE_ERROR;
    }
    sqlite3_bind_value(st, 1, value);
    int any = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const char *t = (const char *)sqlite3_column_text(st, 0);
      if (!t || strcmp(t, "text") != 0) {
        sqlite3_finalize(st);
        *err = sqlite3_mprintf("%s: option \"kinds\" must list strings, like [\"statement\"]", fn);
        return SQLITE_ERROR;
      }
      if (add_kind(o, fn, (const char *)sqlite3_column_text(st, 1), err)) {
        sqlite3_finalize(st);
        return SQLITE_ERROR;
      }
      any = 1;
    }
    sqlite3_finalize(st);
    if (!any) {
      *err = sqlite3_mprintf("%s: option \"kinds\" is empty: name at least one kind", fn);
      return SQLITE_ERROR;
    }
    return SQLITE_OK;
  }
  int r = article_segment_option(&o->q.seg, fn, key, type, value, err);
  if (r < 0) return SQLITE_ERROR;
  if (r == 0) return article_unknown_option(fn, key, err);
  return SQLITE_OK;
}

/* ---- the table ----------------------------------------------------------- */

static int quote_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                         sqlite3_vtab **out, char **err) {
  return article_vtab_connect(db, aux,
      "CREATE TABLE x(quote INTEGER, sentence INTEGER, paragraph INTEGER, start INTEGER,"
      " length INTEGER, text TEXT, speaker TEXT, speaker_text TEXT, cue TEXT, kind TEXT,"
      " document HIDDEN, options HIDDEN)", out);
}

/* xBestIndex: see article_best_index(); rows come in quote order. */
static int quote_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  return article_best_index(info, COL_DOCUMENT, COL_OPTIONS, COL_QUOTE, 1000.0, 10);
}

static int quote_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
  quote_cursor *c = sqlite3_malloc64(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static int quote_close(sqlite3_vtab_cursor *cur) {
  quote_cursor *c = (quote_cursor *)cur;
  art_quote_list_free(&c->list);
  sqlite3_free(c->doc);
  sqlite3_free(c);
  return SQLITE_OK;
}

static int quote_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxStr, int argc,
                        sqlite3_value **argv) {
  quote_cursor *c = (quote_cursor *)cur;
  quote_vtab *t = (quote_vtab *)cur->pVtab;
  char *err = NULL;
  sqlite3_free(c->doc);
  c->doc = NULL;
  c->n = 0;
  c->list.count = 0;
  c->row = 0;
  c->pos_row = 0;
  if (!(idx & 1)) {
    err = sqlite3_mprintf("%s: missing the document argument, as in %s(body)", FN, FN);
    goto error;
  }
  const char *doc;
  size_t n;
  quote_opts opts;
  memset(&opts, 0, sizeof opts);
  opts.db = t->db;
  if (article_document(FN, argv[0], &doc, &n, &err)) goto error;
  if ((idx & 2) && article_parse_options(t->db, FN, argv[1], quote_option, &opts, &err)) goto error;
  if (!doc) return SQLITE_OK;   /* NULL document: no rows */
  c->doc = sqlite3_malloc64(n + 1);
  if (!c->doc) return SQLITE_NOMEM;
  memcpy(c->doc, doc, n);
  c->doc[n] = 0;
  c->n = n;
  if (art_quotes_extract(t->conn->ctx, c->doc, n, &opts.q, &c->list)) return SQLITE_NOMEM;
  art_charpos_init(&c->charpos, (const unsigned char *)c->doc, n);
  return SQLITE_OK;
error:
  sqlite3_free(t->base.zErrMsg);
  t->base.zErrMsg = err;
  return SQLITE_ERROR;
}

static int quote_next(sqlite3_vtab_cursor *cur) {
  ((quote_cursor *)cur)->row++;
  return SQLITE_OK;
}

static int quote_eof(sqlite3_vtab_cursor *cur) {
  quote_cursor *c = (quote_cursor *)cur;
  return c->row >= c->list.count;
}

/* Character position of the current row, computed once, in row order. */
static void quote_position(quote_cursor *c) {
  if (c->pos_row == c->row + 1) return;
  const art_quote *q = &c->list.items[c->row];
  art_charpos_span(&c->charpos, q->start, q->end, &c->char_start, &c->char_len,
                   &c->bstart, &c->bend);
  c->pos_row = c->row + 1;
}

static void result_span(sqlite3_context *ctx, const char *doc, size_t a, size_t b) {
  if (b > a) sqlite3_result_text64(ctx, doc + a, b - a, SQLITE_TRANSIENT, SQLITE_UTF8);
  else sqlite3_result_null(ctx);
}

static int quote_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  quote_cursor *c = (quote_cursor *)cur;
  const art_quote *q = &c->list.items[c->row];
  if (col == COL_START || col == COL_LENGTH || col == COL_TEXT) quote_position(c);
  switch (col) {
    case COL_QUOTE: sqlite3_result_int64(ctx, (sqlite3_int64)c->row + 1); break;
    case COL_SENTENCE: sqlite3_result_int(ctx, q->sentence); break;
    case COL_PARAGRAPH: sqlite3_result_int(ctx, q->paragraph); break;
    case COL_START: sqlite3_result_int64(ctx, (sqlite3_int64)c->char_start + 1); break;
    case COL_LENGTH: sqlite3_result_int64(ctx, (sqlite3_int64)c->char_len); break;
    case COL_TEXT: result_span(ctx, c->doc, c->bstart, c->bend); break;
    case COL_SPEAKER:
      if (q->speaker) sqlite3_result_text64(ctx, q->speaker, q->speaker_len, SQLITE_TRANSIENT, SQLITE_UTF8);
      else sqlite3_result_null(ctx);
      break;
    case COL_SPEAKER_TEXT: result_span(ctx, c->doc, q->speaker_start, q->speaker_end); break;
    case COL_CUE: result_span(ctx, c->doc, q->cue_start, q->cue_end); break;
    case COL_KIND: sqlite3_result_text(ctx, art_quote_kind_name(q->kind), -1, SQLITE_STATIC); break;
    default: break;   /* hidden arguments read back as NULL */
  }
  return SQLITE_OK;
}

static int quote_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *rowid) {
  *rowid = (sqlite_int64)((quote_cursor *)cur)->row + 1;
  return SQLITE_OK;
}

static sqlite3_module quotes_module = {
  /* iVersion    */ 0,
  /* xCreate     */ NULL, /* eponymous-only */
  /* xConnect    */ quote_connect,
  /* xBestIndex  */ quote_best_index,
  /* xDisconnect */ article_vtab_disconnect,
  /* xDestroy    */ NULL,
  /* xOpen       */ quote_open,
  /* xClose      */ quote_close,
  /* xFilter     */ quote_filter,
  /* xNext       */ quote_next,
  /* xEof        */ quote_eof,
  /* xColumn     */ quote_column,
  /* xRowid      */ quote_rowid,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

/* ---- article_quotes_json -------------------------------------------------- */

/* Append doc[a..b) as a JSON string, or null when empty. */
static void json_span(sqlite3_str *out, const char *z, size_t a, size_t b) {
  if (b <= a) sqlite3_str_append(out, "null", 4);
  else article_json_string(out, z + a, b - a);
}

static void quotes_json_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  article_conn *conn = sqlite3_user_data(ctx);
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *err = NULL;
  const char *doc;
  size_t n;
  quote_opts opts;
  memset(&opts, 0, sizeof opts);
  opts.db = db;
  art_quote_list list;
  memset(&list, 0, sizeof list);
  if (article_document(FN_JSON, argv[0], &doc, &n, &err)) goto error;
  if (argc > 1 && article_parse_options(db, FN_JSON, argv[1], quote_option, &opts, &err)) goto error;
  if (!doc) return;   /* NULL in, NULL out */
  if (art_quotes_extract(conn->ctx, doc, n, &opts.q, &list)) goto nomem;
  sqlite3_str *out = sqlite3_str_new(db);
  art_charpos cp;
  art_charpos_init(&cp, (const unsigned char *)doc, n);
  sqlite3_str_appendchar(out, 1, '[');
  for (size_t i = 0; i < list.count; i++) {
    const art_quote *q = &list.items[i];
    size_t c0, cn, bs, be;
    art_charpos_span(&cp, q->start, q->end, &c0, &cn, &bs, &be);
    sqlite3_str_appendf(out, "%s{\"quote\":%lld,\"sentence\":%d,\"paragraph\":%d,\"start\":%lld,"
                        "\"length\":%lld,\"text\":", i ? "," : "", (long long)i + 1, q->sentence,
                        q->paragraph, (long long)c0 + 1, (long long)cn);
    json_span(out, doc, bs, be);
    sqlite3_str_append(out, ",\"speaker\":", 11);
    if (q->speaker) json_span(out, q->speaker, 0, q->speaker_len);
    else sqlite3_str_append(out, "null", 4);
    sqlite3_str_append(out, ",\"speaker_text\":", 16);
    json_span(out, doc, q->speaker_start, q->speaker_end);
    sqlite3_str_append(out, ",\"cue\":", 7);
    json_span(out, doc, q->cue_start, q->cue_end);
    sqlite3_str_appendf(out, ",\"kind\":\"%s\"}", art_quote_kind_name(q->kind));
  }
  sqlite3_str_appendchar(out, 1, ']');
  art_quote_list_free(&list);
  if (sqlite3_str_errcode(out)) { sqlite3_free(sqlite3_str_finish(out)); goto nomem; }
  int len = sqlite3_str_length(out);
  sqlite3_result_text(ctx, sqlite3_str_finish(out), len, sqlite3_free);
  sqlite3_result_subtype(ctx, 'J');   /* JSON, as json() marks its results */
  return;
nomem:
  art_quote_list_free(&list);
  sqlite3_result_error_nomem(ctx);
  return;
error:
  sqlite3_result_error(ctx, err, -1);
  sqlite3_free(err);
}

/* Older SQLite has no flag for a function that sets a subtype. */
#ifndef SQLITE_RESULT_SUBTYPE
#define SQLITE_RESULT_SUBTYPE 0
#endif

int article_register_quotes(sqlite3 *db, article_conn *conn) {
  int rc = sqlite3_create_module_v2(db, FN, &quotes_module, article_conn_ref(conn),
                                    article_conn_unref);
  for (int nargs = 1; rc == SQLITE_OK && nargs <= 2; nargs++)
    rc = sqlite3_create_function_v2(db, FN_JSON, nargs, ARTICLE_FUNC_FLAGS | SQLITE_RESULT_SUBTYPE,
                                    article_conn_ref(conn), quotes_json_func, NULL, NULL,
                                    article_conn_unref);
  return rc;
}
