/*
** article_sqlite.h — the internal header shared by the SQLite glue files
** (ext/sqlite_*.c).  The pipeline modules never include it.
**
** One article_conn per connection holds the pipeline's art_context; every
** function and module registered on the connection takes a reference and
** drops it in its destructor, so the context lives exactly as long as the
** last of them.
*/
#ifndef ARTICLE_SQLITE_H
#define ARTICLE_SQLITE_H

#include "sqlite3ext.h"
#ifndef SQLITE_CORE
SQLITE_EXTENSION_INIT3
#endif
#include "article_context.h"
#include "article_segment.h"

typedef struct article_conn {
  art_context *ctx;
  int refs;
} article_conn;

article_conn *article_conn_ref(article_conn *c);
void article_conn_unref(void *c);   /* usable as an xDestroy */

/* Flags every scalar function is registered with. */
#define ARTICLE_FUNC_FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

/*
** Read a document argument.  NULL -> *z = NULL (the caller yields nothing);
** numbers -> their text; a BLOB (readfile() returns one) is read as UTF-8
** text, as CAST(x AS TEXT) would.  The text ends at an embedded NUL,
** as SQLite's own length() and substr() do.  Returns SQLITE_OK or an error
** with *err set (sqlite3_malloc'd) naming fn.
*/
int article_document(const char *fn, sqlite3_value *v, const char **z, size_t *n, char **err);

/*
** Parse a JSON options object, calling on_option for each key.  on_option
** returns SQLITE_OK, or SQLITE_ERROR with *err set; it reports unknown keys
** itself (see article_unknown_option).  NULL options are no options.
*/
typedef int (*article_option_fn)(void *target, const char *fn, const char *key,
                                 const char *type, sqlite3_value *value, char **err);
int article_parse_options(sqlite3 *db, const char *fn, sqlite3_value *options,
                          article_option_fn on_option, void *target, char **err);

/* The segmenter's options, "newline" and "boilerplate": 1 handled, 0 not
   a segmenter key, -1 error (with *err). */
int article_segment_option(art_seg_options *o, const char *fn, const char *key,
                           const char *type, sqlite3_value *value, char **err);
int article_unknown_option(const char *fn, const char *key, char **err);

/* The virtual table object every table-valued function uses. */
typedef struct article_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  article_conn *conn;       /* the connection's pipeline state (module aux) */
} article_vtab;

/* xConnect for an eponymous table with the given CREATE TABLE schema; the
   table is innocuous (it reads nothing but its arguments). */
int article_vtab_connect(sqlite3 *db, void *aux, const char *schema, sqlite3_vtab **out);
int article_vtab_disconnect(sqlite3_vtab *vt);

/*
** The xBestIndex every table-valued function shares: the document (required)
** and options (optional) come from equality constraints on the hidden
** columns col_document and col_options; other constraints are left for
** SQLite to check, so `WHERE sentence > 3` works with any plan.  idxNum bit
** 1: document given, bit 2: options given.  Rows come in order of
** col_order, so an ascending ORDER BY on it is consumed.
*/
int article_best_index(sqlite3_index_info *info, int col_document, int col_options, int col_order,
                       double cost, sqlite3_int64 rows);

/* Append z[0..n) to out as a JSON string; invalid UTF-8 becomes \ufffd, so
   the JSON functions' output is always valid JSON. */
void article_json_string(sqlite3_str *out, const char *z, size_t n);

/* Registration of each part; each returns an SQLite result code. */
int article_register_sentences(sqlite3 *db, article_conn *conn);
int article_register_scalars(sqlite3 *db, article_conn *conn);
int article_register_entities(sqlite3 *db, article_conn *conn);   /* ext/sqlite_entities.c */
int article_register_quotes(sqlite3 *db, article_conn *conn);     /* ext/sqlite_quotes.c */

#endif
