/*
** sqlite_article.c — the extension's entry point, shared glue, and the
** scalar functions.
**
**   .load dist/article
**   SELECT article_version();            -- '0.1.0'
**   SELECT article_debug();              -- versions of everything inside
**   SELECT article_clean(body) FROM articles;
**       -- the article without bylines, ads and credits, one blank line
**       -- between paragraphs
**
** The entry point is sqlite3_article_init, the name SQLite derives from the
** file name, so `.load dist/article` needs no entry point argument.  Built
** with -DSQLITE_CORE (dist/libarticle.a), an application calls it itself or
** passes it to sqlite3_auto_extension().
**
** Every function is DETERMINISTIC and INNOCUOUS and reads no files.  Options
** are a JSON object parsed with SQLite's own json_each(), so unknown keys and
** bad values become errors that name the function and the key.
*/
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "sqlite3ext.h"
#ifndef SQLITE_CORE
SQLITE_EXTENSION_INIT1
#endif
#include "article_sqlite.h"
#include "article_text.h"

#ifndef ARTICLE_VERSION
#define ARTICLE_VERSION "unknown"
#endif
#ifndef ARTICLE_COMMIT
#define ARTICLE_COMMIT "unknown"
#endif
#ifndef ARTICLE_BUILD_DATE
#define ARTICLE_BUILD_DATE "unknown"
#endif

/* ---- connection state ------------------------------------------------- */

article_conn *article_conn_ref(article_conn *c) {
  c->refs++;
  return c;
}

void article_conn_unref(void *p) {
  article_conn *c = p;
  if (c && --c->refs == 0) {
    art_context_free(c->ctx);
    sqlite3_free(c);
  }
}

/* ---- arguments ---------------------------------------------------------- */

int article_document(const char *fn, sqlite3_value *v, const char **z, size_t *n, char **err) {
  *z = NULL;
  *n = 0;
  switch (sqlite3_value_type(v)) {
    case SQLITE_NULL:
      return SQLITE_OK;
    default: {
      const unsigned char *t = sqlite3_value_text(v);
      if (!t) {
        *err = sqlite3_mprintf("%s: out of memory reading the document", fn);
        return SQLITE_NOMEM;
      }
      int bytes = sqlite3_value_bytes(v);
      const void *nul = memchr(t, 0, (size_t)bytes);
      *z = (const char *)t;
      *n = nul ? (size_t)((const unsigned char *)nul - t) : (size_t)bytes;
      return SQLITE_OK;
    }
  }
}

int article_unknown_option(const char *fn, const char *key, char **err) {
  *err = sqlite3_mprintf("%s: unknown option \"%s\"", fn, key);
  return SQLITE_ERROR;
}

int article_segment_option(art_seg_options *o, const char *fn, const char *key,
                           const char *type, sqlite3_value *value, char **err) {
  if (strcmp(key, "newline") == 0) {
    const char *s = (const char *)sqlite3_value_text(value);
    if (strcmp(type, "text") == 0 && s && strcmp(s, "auto") == 0) o->newline = ART_NEWLINE_AUTO;
    else if (strcmp(type, "text") == 0 && s && strcmp(s, "break") == 0) o->newline = ART_NEWLINE_BREAK;
    else if (strcmp(type, "text") == 0 && s && strcmp(s, "space") == 0) o->newline = ART_NEWLINE_SPACE;
    else {
      *err = sqlite3_mprintf("%s: option \"newline\" must be \"auto\", \"break\" or \"space\"", fn);
      return -1;
    }
    return 1;
  }
  if (strcmp(key, "boilerplate") == 0) {
    if (strcmp(type, "true") == 0) o->keep_boilerplate = 1;
    else if (strcmp(type, "false") == 0) o->keep_boilerplate = 0;
    else {
      *err = sqlite3_mprintf("%s: option \"boilerplate\" must be true or false", fn);
      return -1;
    }
    return 1;
  }
  return 0;
}

int article_parse_options(sqlite3 *db, const char *fn, sqlite3_value *options,
                          article_option_fn on_option, void *target, char **err) {
  if (!options || sqlite3_value_type(options) == SQLITE_NULL) return SQLITE_OK;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db,
      "SELECT json_valid(?1) AND json_type(?1) = 'object'", -1, &st, NULL);
  if (rc != SQLITE_OK) goto sql_error;
  sqlite3_bind_value(st, 1, options);
  if (sqlite3_step(st) != SQLITE_ROW || !sqlite3_column_int(st, 0)) {
    sqlite3_finalize(st);
    *err = sqlite3_mprintf("%s: options must be a JSON object, like '{\"newline\": \"space\"}'", fn);
    return SQLITE_ERROR;
  }
  sqlite3_finalize(st);
  rc = sqlite3_prepare_v2(db, "SELECT key, type, value FROM json_each(?1)", -1, &st, NULL);
  if (rc != SQLITE_OK) goto sql_error;
  sqlite3_bind_value(st, 1, options);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *key = (const char *)sqlite3_column_text(st, 0);
    const char *type = (const char *)sqlite3_column_text(st, 1);
    rc = on_option(target, fn, key ? key : "", type ? type : "", sqlite3_column_value(st, 2), err);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(st);
      return rc;
    }
  }
  if (rc != SQLITE_DONE) goto sql_error;
  sqlite3_finalize(st);
  return SQLITE_OK;
sql_error:
  *err = sqlite3_mprintf("%s: cannot read options: %s", fn, sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return SQLITE_ERROR;
}

int article_vtab_connect(sqlite3 *db, void *aux, const char *schema, sqlite3_vtab **out) {
  int rc = sqlite3_declare_vtab(db, schema);
  if (rc != SQLITE_OK) return rc;
  article_vtab *t = sqlite3_malloc64(sizeof *t);
  if (!t) return SQLITE_NOMEM;
  memset(t, 0, sizeof *t);
  t->db = db;
  t->conn = aux;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *out = &t->base;
  return SQLITE_OK;
}

int article_vtab_disconnect(sqlite3_vtab *vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}

int article_best_index(sqlite3_index_info *info, int col_document, int col_options, int col_order,
                       double cost, sqlite3_int64 rows) {
  int doc_i = -1, opt_i = -1;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (c->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (c->iColumn == col_document) {
      if (!c->usable) return SQLITE_CONSTRAINT;
      doc_i = i;
    } else if (c->iColumn == col_options) {
      if (!c->usable) return SQLITE_CONSTRAINT;
      opt_i = i;
    }
  }
  int idx = 0, argi = 1;
  if (doc_i >= 0) {
    info->aConstraintUsage[doc_i].argvIndex = argi++;
    info->aConstraintUsage[doc_i].omit = 1;
    idx |= 1;
  }
  if (opt_i >= 0) {
    info->aConstraintUsage[opt_i].argvIndex = argi++;
    info->aConstraintUsage[opt_i].omit = 1;
    idx |= 2;
  }
  info->idxNum = idx;
  info->estimatedCost = doc_i >= 0 ? cost : 1e12;
  info->estimatedRows = doc_i >= 0 ? rows : 1000000;
  if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == col_order && !info->aOrderBy[0].desc)
    info->orderByConsumed = 1;
  return SQLITE_OK;
}

void article_json_string(sqlite3_str *out, const char *z, size_t n) {
  sqlite3_str_appendchar(out, 1, '"');
  size_t run = 0, i = 0;   /* z[run..i) is copied as it is */
  while (i < n) {
    unsigned char ch = (unsigned char)z[i];
    if (ch >= 0x20 && ch < 0x80 && ch != '"' && ch != '\\') { i++; continue; }
    size_t len = 1;
    if (ch >= 0x80) {
      int32_t cp = art_utf8_decode((const unsigned char *)z + i, n - i, &len);
      /* a valid character (a real U+FFFD is EF BF BD) is copied as it is */
      if (cp != ART_REPLACEMENT_CHAR || (len == 3 && ch == 0xEF)) { i += len; continue; }
    }
    sqlite3_str_append(out, z + run, (int)(i - run));
    switch (ch) {
      case '"': sqlite3_str_append(out, "\\\"", 2); break;
      case '\\': sqlite3_str_append(out, "\\\\", 2); break;
      case '\n': sqlite3_str_append(out, "\\n", 2); break;
      case '\r': sqlite3_str_append(out, "\\r", 2); break;
      case '\t': sqlite3_str_append(out, "\\t", 2); break;
      default:
        if (ch < 0x20) sqlite3_str_appendf(out, "\\u%04x", ch);
        else sqlite3_str_append(out, "\\ufffd", 6);   /* invalid UTF-8 */
        break;
    }
    i += len;
    run = i;
  }
  sqlite3_str_append(out, z + run, (int)(i - run));
  sqlite3_str_appendchar(out, 1, '"');
}

/* ---- scalar functions ---------------------------------------------------- */

static void version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  sqlite3_result_text(ctx, ARTICLE_VERSION, -1, SQLITE_STATIC);
}

static void debug_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  char pcre[64] = "";
  pcre2_config(PCRE2_CONFIG_VERSION, pcre);
  uint32_t jit = 0;
  pcre2_config(PCRE2_CONFIG_JIT, &jit);
  char *s = sqlite3_mprintf(
      "article %s\ncommit %s\nbuilt %s\nsqlite %s (compiled against %s)\nutf8proc %s\n"
      "pcre2 %s (jit %s)",
      ARTICLE_VERSION, ARTICLE_COMMIT, ARTICLE_BUILD_DATE, sqlite3_libversion(),
      SQLITE_VERSION, utf8proc_version(), pcre, jit ? "yes" : "no");
  if (!s) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, s, -1, sqlite3_free);
}

static int clean_option(void *target, const char *fn, const char *key, const char *type,
                        sqlite3_value *value, char **err) {
  int r = article_segment_option(target, fn, key, type, value, err);
  if (r < 0) return SQLITE_ERROR;
  if (r == 0) return article_unknown_option(fn, key, err);
  return SQLITE_OK;
}

/* article_clean(document [, options]): paragraphs without boilerplate,
   separated by one blank line. */
static void clean_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  static const char fn[] = "article_clean";
  article_conn *conn = sqlite3_user_data(ctx);
  char *err = NULL;
  const char *doc;
  size_t n;
  art_seg_options opts = {0, 0};
  art_segmenter *seg = NULL;
  sqlite3_str *out = NULL;
  if (article_document(fn, argv[0], &doc, &n, &err)) goto error;
  if (argc > 1 && article_parse_options(sqlite3_context_db_handle(ctx), fn, argv[1],
                                        clean_option, &opts, &err))
    goto error;
  if (!doc) return; /* NULL in, NULL out */
  opts.keep_boilerplate = 0;
  seg = art_segmenter_new(conn->ctx, doc, n, &opts);
  if (!seg) goto nomem;
  out = sqlite3_str_new(sqlite3_context_db_handle(ctx));
  art_sentence s;
  int rc, para = 0;
  size_t para_start = 0, para_end = 0;
  while ((rc = art_segmenter_next(seg, &s)) == 1) {
    if (s.paragraph != para) {
      if (para) {
        sqlite3_str_append(out, doc + para_start, (int)(para_end - para_start));
        sqlite3_str_append(out, "\n\n", 2);
      }
      para = s.paragraph;
      para_start = s.start;
    }
    para_end = s.end;
  }
  if (rc < 0) goto nomem;
  if (para) sqlite3_str_append(out, doc + para_start, (int)(para_end - para_start));
  art_segmenter_free(seg);
  if (sqlite3_str_errcode(out)) { sqlite3_free(sqlite3_str_finish(out)); goto nomem_noseg; }
  int len = sqlite3_str_length(out);
  char *text = sqlite3_str_finish(out);
  sqlite3_result_text(ctx, text ? text : "", len, text ? sqlite3_free : SQLITE_STATIC);
  return;
nomem:
  art_segmenter_free(seg);
  if (out) sqlite3_free(sqlite3_str_finish(out));
nomem_noseg:
  sqlite3_result_error_nomem(ctx);
  return;
error:
  sqlite3_result_error(ctx, err, -1);
  sqlite3_free(err);
}

int article_register_scalars(sqlite3 *db, article_conn *conn) {
  int rc = sqlite3_create_function_v2(db, "article_version", 0, ARTICLE_FUNC_FLAGS, NULL,
                                      version_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "article_debug", 0, ARTICLE_FUNC_FLAGS, NULL, debug_func,
                                    NULL, NULL, NULL);
  for (int nargs = 1; rc == SQLITE_OK && nargs <= 2; nargs++)
    rc = sqlite3_create_function_v2(db, "article_clean", nargs, ARTICLE_FUNC_FLAGS,
                                    article_conn_ref(conn), clean_func, NULL, NULL,
                                    article_conn_unref);
  return rc;
}

/* ---- entry point ---------------------------------------------------------- */

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_article_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
#ifndef SQLITE_CORE
  SQLITE_EXTENSION_INIT2(pApi);
#endif
  const char *why = NULL;
  article_conn *conn = sqlite3_malloc64(sizeof *conn);
  if (!conn) return SQLITE_NOMEM;
  conn->refs = 1;                      /* held until the end of this function */
  conn->ctx = art_context_new(&why);
  if (!conn->ctx) {
    if (pzErrMsg) *pzErrMsg = sqlite3_mprintf("%s", why ? why : "article: cannot start");
    sqlite3_free(conn);
    return SQLITE_ERROR;
  }
  int rc = article_register_scalars(db, conn);
  if (rc == SQLITE_OK) rc = article_register_sentences(db, conn);
  if (rc == SQLITE_OK) rc = article_register_entities(db, conn);
  if (rc == SQLITE_OK) rc = article_register_quotes(db, conn);
  if (rc != SQLITE_OK && pzErrMsg)
    *pzErrMsg = sqlite3_mprintf("article: registration failed: %s", sqlite3_errmsg(db));
  article_conn_unref(conn);
  return rc;
}
