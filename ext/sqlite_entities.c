/*
** sqlite_entities.c — the article_entities table-valued function and the
** article_entities_json scalar.
**
**   SELECT text, type, canonical, value FROM article_entities(:doc);
**
**   -- who an archive talks about, counting every way each person is named
**   SELECT e.canonical, count(*) AS mentions
**     FROM articles a, article_entities(a.body, '{"types":["PERSON"]}') e
**    GROUP BY e.canonical ORDER BY mentions DESC;
**
**   -- the paper's own beat first: rows (name, type, canonical) of a table
**   SELECT * FROM article_entities(:doc, '{"lexicon":"local_names"}');
**
**   SELECT article_entities_json(:doc);   -- one JSON array for an app
**
** Columns: mention (1, 2, 3… in document order), sentence (the `sentence`
** number article_sentences gives the sentence holding it), start and length
** (1-based characters: substr(document, start, length) = text), text, type
** (OntoNotes label), canonical (PERSON/ORG/GPE: the fullest name the
** article uses for the same entity; other types: the text), value (REAL
** for numbers, 'YYYY-MM-DD' for a full date, else NULL), and the hidden
** arguments document and options.
**
** Options (JSON object): "types": ["PERSON", …] keeps only those types;
** "lexicon": "table" reads rows (name, type, canonical) from that table of
** the same connection, matched before anything else; "newline" and
** "boilerplate" as for article_sentences (boilerplate lines never hold
** entities, but with "boilerplate": true the sentence numbers count them,
** as article_sentences does with the same options).  The lexicon is read once per statement: the cursor
** (or, for the scalar, SQLite's auxdata on the options argument) keeps it
** while the options stay the same.  Errors name the function.
**
** Entities are found for the whole document when the cursor starts, because
** linking ("Biden" -> "Joe Biden") needs every sentence; rows then stream.
*/
#include <stdlib.h>
#include <string.h>
#include "article_sqlite.h"
#include "article_entities.h"
#include "article_text.h"

enum {
  COL_MENTION, COL_SENTENCE, COL_START, COL_LENGTH, COL_TEXT, COL_TYPE, COL_CANONICAL,
  COL_VALUE, COL_DOCUMENT, COL_OPTIONS
};

/* Newer SQLite wants functions that set a subtype to say so; older ones ignore the bit. */
#ifndef SQLITE_RESULT_SUBTYPE
#define SQLITE_RESULT_SUBTYPE 0x001000000
#endif

static const char FN[] = "article_entities";
static const char FN_JSON[] = "article_entities_json";

/* ---- options ---------------------------------------------------------------- */

/* Parsed options: what the extractor needs, plus the lexicon's storage. */
typedef struct ent_options {
  art_seg_options seg;
  art_ent_options ent;
  art_lexicon_entry *lexicon;   /* sqlite3_malloc'd, strings in the same block */
  char *lexicon_table;          /* the table it was read from */
  sqlite3 *db;
} ent_options;

static void ent_options_clear(ent_options *o) {
  sqlite3_free(o->lexicon);
  sqlite3_free(o->lexicon_table);
  memset(o, 0, sizeof *o);
}

static void ent_options_free(void *p) {
  if (!p) return;
  ent_options_clear(p);
  sqlite3_free(p);
}

/* "types": a JSON array of type names -> a bit mask. */
static int parse_types(ent_options *o, const char *fn, sqlite3_value *value, char **err) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(o->db, "SELECT type, value FROM json_each(?1)", -1, &st, NULL);
  if (rc != SQLITE_OK) {
    *err = sqlite3_mprintf("%s: cannot read option \"types\": %s", fn, sqlite3_errmsg(o->db));
    return SQLITE_ERROR;
  }
  sqlite3_bind_value(st, 1, value);
  uint32_t mask = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *type = (const char *)sqlite3_column_text(st, 0);
    const char *name = (const char *)sqlite3_column_text(st, 1);
    art_etype t = name && type && strcmp(type, "text") == 0 ? art_etype_from_name(name, strlen(name)) : ART_ENT_NONE;
    if (t == ART_ENT_NONE) {
      *err = sqlite3_mprintf("%s: option \"types\": unknown entity type \"%s\" (use PERSON, NORP, FAC, ORG, "
                             "GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE, DATE, TIME, PERCENT, "
                             "MONEY, QUANTITY, ORDINAL, CARDINAL)", fn, name ? name : "");
      sqlite3_finalize(st);
      return SQLITE_ERROR;
    }
    mask |= 1u << t;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    *err = sqlite3_mprintf("%s: cannot read option \"types\": %s", fn, sqlite3_errmsg(o->db));
    return SQLITE_ERROR;
  }
  if (!mask) {
    *err = sqlite3_mprintf("%s: option \"types\" is empty", fn);
    return SQLITE_ERROR;
  }
  o->ent.type_mask = mask;
  return SQLITE_OK;
}

/* "lexicon": read (name, type, canonical) rows of a table into one block. */
static int read_lexicon(ent_options *o, const char *fn, const char *table, char **err) {
  char *sql = sqlite3_mprintf("SELECT name, type, canonical FROM \"%w\"", table);
  if (!sql) return SQLITE_NOMEM;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(o->db, sql, -1, &st, NULL);
  sqlite3_free(sql);
  if (rc != SQLITE_OK) {
    *err = sqlite3_mprintf("%s: option \"lexicon\": cannot read table \"%s\" as (name, type, canonical): %s",
                           fn, table, sqlite3_errmsg(o->db));
    return SQLITE_ERROR;
  }
  /* Two passes: sizes, then copies, so the whole lexicon is one allocation. */
  size_t rows = 0, bytes = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *type = (const char *)sqlite3_column_text(st, 1);
    if (!type || art_etype_from_name(type, strlen(type)) == ART_ENT_NONE) {
      *err = sqlite3_mprintf("%s: lexicon table \"%s\", row %lld: unknown entity type \"%s\"",
                             fn, table, (long long)rows + 1, type ? type : "NULL");
      sqlite3_finalize(st);
      return SQLITE_ERROR;
    }
    if (sqlite3_column_type(st, 0) == SQLITE_NULL || sqlite3_column_bytes(st, 0) == 0) {
      *err = sqlite3_mprintf("%s: lexicon table \"%s\", row %lld: empty name", fn, table, (long long)rows + 1);
      sqlite3_finalize(st);
      return SQLITE_ERROR;
    }
    bytes += (size_t)sqlite3_column_bytes(st, 0) + 1;
    sqlite3_column_text(st, 2);
    bytes += (size_t)sqlite3_column_bytes(st, 2) + 1;
    rows++;
  }
  if (rc != SQLITE_DONE) goto read_error;
  sqlite3_reset(st);
  art_lexicon_entry *lex = sqlite3_malloc64(rows * sizeof *lex + bytes + 1);
  if (!lex) { sqlite3_finalize(st); return SQLITE_NOMEM; }
  char *strings = (char *)(lex + rows);
  size_t i = 0;
  while (i < rows && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    size_t nl = (size_t)sqlite3_column_bytes(st, 0);
    const char *type = (const char *)sqlite3_column_text(st, 1);
    const char *canon = (const char *)sqlite3_column_text(st, 2);
    size_t cl = (size_t)sqlite3_column_bytes(st, 2);
    if (!name || !type) { rc = SQLITE_ERROR; break; }   /* changed under us */
    memcpy(strings, name, nl);
    strings[nl] = 0;
    lex[i].name = strings;
    strings += nl + 1;
    lex[i].type = art_etype_from_name(type, strlen(type));
    if (canon && cl) {
      memcpy(strings, canon, cl);
      strings[cl] = 0;
      lex[i].canonical = strings;
      strings += cl + 1;
    } else {
      lex[i].canonical = NULL;
    }
    i++;
  }
  sqlite3_finalize(st);
  if (i != rows) {
    sqlite3_free(lex);
    *err = sqlite3_mprintf("%s: lexicon table \"%s\" changed while being read", fn, table);
    return SQLITE_ERROR;
  }
  o->lexicon = lex;
  o->ent.lexicon = lex;
  o->ent.lexicon_count = rows;
  if (art_lexicon_sort(lex, rows, &o->ent)) return SQLITE_NOMEM;
  o->lexicon_table = sqlite3_mprintf("%s", table);
  return o->lexicon_table ? SQLITE_OK : SQLITE_NOMEM;
read_error:
  *err = sqlite3_mprintf("%s: option \"lexicon\": cannot read table \"%s\": %s", fn, table,
                         sqlite3_errmsg(o->db));
  sqlite3_finalize(st);
  return SQLITE_ERROR;
}

static int ent_option(void *target, const char *fn, const char *key, const char *type,
                      sqlite3_value *value, char **err) {
  ent_options *o = target;
  if (strcmp(key, "types") == 0) {
    if (strcmp(type, "array") != 0) {
      *err = sqlite3_mprintf("%s: option \"types\" must be an array of type names, like [\"PERSON\",\"ORG\"]", fn);
      return SQLITE_ERROR;
    }
    return parse_types(o, fn, value, err);
  }
  if (strcmp(key, "lexicon") == 0) {
    const char *table = (const char *)sqlite3_value_text(value);
    if (strcmp(type, "text") != 0 || !table || !table[0]) {
      *err = sqlite3_mprintf("%s: option \"lexicon\" must be the name of a table", fn);
      return SQLITE_ERROR;
    }
    return read_lexicon(o, fn, table, err);
  }
  int r = article_segment_option(&o->seg, fn, key, type, value, err);
  if (r < 0) return SQLITE_ERROR;
  if (r == 0) return article_unknown_option(fn, key, err);
  return SQLITE_OK;
}

static int parse_ent_options(sqlite3 *db, const char *fn, sqlite3_value *options, ent_options *o,
                             char **err) {
  ent_options_clear(o);
  o->db = db;
  /* "boilerplate": true only changes the sentence numbers (they then match
     article_sentences with the same options); nothing is found inside boilerplate. */
  return article_parse_options(db, fn, options, ent_option, o, err);
}

/* ---- the table-valued function ------------------------------------------------ */

typedef article_vtab ent_vtab;

typedef struct ent_cursor {
  sqlite3_vtab_cursor base;
  char *doc;                 /* private copy of the document (NULL: no row reads text) */
  size_t n;
  art_entity_list list;
  size_t row;                /* index into list.items */
  art_charpos charpos;
  size_t char_start, char_len, bstart, bend;
  int have_pos;
  ent_options opts;
  char *opts_text;           /* the options JSON the cached opts came from */
} ent_cursor;

static int ent_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                       sqlite3_vtab **out, char **err) {
  return article_vtab_connect(db, aux,
      "CREATE TABLE x(mention INTEGER, sentence INTEGER, start INTEGER, length INTEGER,"
      " text TEXT, type TEXT, canonical TEXT, value ANY, document HIDDEN, options HIDDEN)", out);
}

/* idxNum bit (above article_best_index()'s 1 and 2): the statement reads
   start, length or text, the columns that need the document after xFilter. */
enum { IDX_NEEDS_TEXT = 4 };
#define TEXT_COLUMNS ((sqlite3_uint64)1 << COL_START | (sqlite3_uint64)1 << COL_LENGTH | (sqlite3_uint64)1 << COL_TEXT)

/* xBestIndex: see article_best_index(); rows come in mention order. */
static int ent_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  int rc = article_best_index(info, COL_DOCUMENT, COL_OPTIONS, COL_MENTION, 5000.0, 100);
  /* "count(*)", "type, canonical": no row needs the document, so xFilter
     need not copy it (SQLite's value is valid only while xFilter runs).
     colUsed came with SQLite 3.10.0: an older library always gets the copy. */
  if (rc == SQLITE_OK && (sqlite3_libversion_number() < 3010000 || (info->colUsed & TEXT_COLUMNS)))
    info->idxNum |= IDX_NEEDS_TEXT;
  return rc;
}

static int ent_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
  ent_cursor *c = sqlite3_malloc64(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static void ent_reset(ent_cursor *c) {
  sqlite3_free(c->doc);
  c->doc = NULL;
  c->n = 0;
  c->list.count = 0;
  c->row = 0;
}

static int ent_close(sqlite3_vtab_cursor *cur) {
  ent_cursor *c = (ent_cursor *)cur;
  ent_reset(c);
  art_entity_list_free(&c->list);
  ent_options_clear(&c->opts);
  sqlite3_free(c->opts_text);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* Parse options unless they are the text this cursor parsed last time. */
static int cursor_options(ent_cursor *c, ent_vtab *t, sqlite3_value *options, char **err) {
  const char *text = options ? (const char *)sqlite3_value_text(options) : NULL;
  if (c->opts_text && text && strcmp(c->opts_text, text) == 0) return SQLITE_OK;
  if (!c->opts_text && !text && c->opts.db) return SQLITE_OK;
  sqlite3_free(c->opts_text);
  c->opts_text = NULL;
  int rc = parse_ent_options(t->db, FN, options, &c->opts, err);
  if (rc != SQLITE_OK) {
    ent_options_clear(&c->opts);
    return rc;
  }
  if (text) {
    c->opts_text = sqlite3_mprintf("%s", text);
    if (!c->opts_text) return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

static int ent_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxStr, int argc,
                      sqlite3_value **argv) {
  ent_cursor *c = (ent_cursor *)cur;
  ent_vtab *t = (ent_vtab *)cur->pVtab;
  char *err = NULL;
  int rc = SQLITE_ERROR;
  ent_reset(c);
  if (!(idx & 1)) {
    err = sqlite3_mprintf("%s: missing the document argument, as in %s(body)", FN, FN);
    goto error;
  }
  const char *doc;
  size_t n;
  if ((rc = article_document(FN, argv[0], &doc, &n, &err)) != SQLITE_OK) goto error;
  if ((rc = cursor_options(c, t, (idx & 2) ? argv[1] : NULL, &err)) != SQLITE_OK) goto error;
  if (!doc) return SQLITE_OK;   /* NULL document: no rows */
  /* SQLite's text is NUL-terminated and valid while xFilter runs: entities
     are found in it, and a copy is kept only for rows that read text */
  if (idx & IDX_NEEDS_TEXT) {
    c->doc = sqlite3_malloc64(n + 1);
    if (!c->doc) return SQLITE_NOMEM;
    memcpy(c->doc, doc, n);
    c->doc[n] = 0;
    c->n = n;
    doc = c->doc;
    art_charpos_init(&c->charpos, (const unsigned char *)c->doc, n);
  }
  if (art_entities_extract(t->conn->ctx, doc, n, &c->opts.seg, &c->opts.ent, &c->list))
    return SQLITE_NOMEM;
  c->have_pos = 0;
  return SQLITE_OK;
error:
  sqlite3_free(t->base.zErrMsg);
  t->base.zErrMsg = err;
  return err ? SQLITE_ERROR : rc;
}

static int ent_next(sqlite3_vtab_cursor *cur) {
  ent_cursor *c = (ent_cursor *)cur;
  c->row++;
  c->have_pos = 0;
  return SQLITE_OK;
}

static int ent_eof(sqlite3_vtab_cursor *cur) {
  ent_cursor *c = (ent_cursor *)cur;
  return c->row >= c->list.count;
}

/* start, length and text: the row's characters, worked out once per row
   (out of ent_column(), which then saves no registers for the others) */
static __attribute__((noinline)) void position_column(ent_cursor *c, sqlite3_context *ctx, int col) {
  if (!c->doc) return;   /* not in colUsed: never asked (NULL) */
  if (!c->have_pos) {
    const art_entity *e = &c->list.items[c->row];
    art_charpos_span(&c->charpos, e->start, e->end, &c->char_start, &c->char_len, &c->bstart, &c->bend);
    c->have_pos = 1;
  }
  if (col == COL_START) sqlite3_result_int64(ctx, (sqlite3_int64)c->char_start + 1);
  else if (col == COL_LENGTH) sqlite3_result_int64(ctx, (sqlite3_int64)c->char_len);
  else sqlite3_result_text64(ctx, c->doc + c->bstart, c->bend - c->bstart, SQLITE_TRANSIENT, SQLITE_UTF8);
}

/* The value column: a number, a full date, or NULL. */
static void result_value(sqlite3_context *ctx, const art_entity *e) {
  if (e->has_value) sqlite3_result_double(ctx, e->value);
  else if (e->type == ART_ENT_DATE && e->date[0]) sqlite3_result_text(ctx, e->date, -1, SQLITE_TRANSIENT);
  else sqlite3_result_null(ctx);
}

static int ent_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  ent_cursor *c = (ent_cursor *)cur;
  const art_entity *e = &c->list.items[c->row];
  switch (col) {
    case COL_MENTION: sqlite3_result_int64(ctx, (sqlite3_int64)c->row + 1); break;
    case COL_SENTENCE: sqlite3_result_int(ctx, e->sentence); break;
    case COL_START:
    case COL_LENGTH:
    case COL_TEXT: position_column(c, ctx, col); break;
    case COL_TYPE: sqlite3_result_text(ctx, art_etype_name(e->type), -1, SQLITE_STATIC); break;
    case COL_CANONICAL: sqlite3_result_text(ctx, e->canonical, -1, SQLITE_TRANSIENT); break;
    case COL_VALUE: result_value(ctx, e); break;
    default: break;
  }
  return SQLITE_OK;
}

static int ent_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *rowid) {
  *rowid = (sqlite_int64)((ent_cursor *)cur)->row + 1;
  return SQLITE_OK;
}

static sqlite3_module entities_module = {
  /* iVersion    */ 0,
  /* xCreate     */ NULL, /* eponymous-only */
  /* xConnect    */ ent_connect,
  /* xBestIndex  */ ent_best_index,
  /* xDisconnect */ article_vtab_disconnect,
  /* xDestroy    */ NULL,
  /* xOpen       */ ent_open,
  /* xClose      */ ent_close,
  /* xFilter     */ ent_filter,
  /* xNext       */ ent_next,
  /* xEof        */ ent_eof,
  /* xColumn     */ ent_column,
  /* xRowid      */ ent_rowid,
  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

/* ---- article_entities_json ---------------------------------------------------- */

static void json_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  article_conn *conn = sqlite3_user_data(ctx);
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  char *err = NULL;
  const char *doc;
  size_t n;
  art_entity_list list = {0};
  if (article_document(FN_JSON, argv[0], &doc, &n, &err)) goto error;
  /* Options (and the lexicon they name) are parsed once while argv[1] stays the same. */
  ent_options *opts = argc > 1 ? sqlite3_get_auxdata(ctx, 1) : NULL;
  ent_options local;
  memset(&local, 0, sizeof local);
  if (!opts) {
    opts = argc > 1 ? sqlite3_malloc64(sizeof *opts) : &local;
    if (!opts) { sqlite3_result_error_nomem(ctx); return; }
    memset(opts, 0, sizeof *opts);
    if (parse_ent_options(db, FN_JSON, argc > 1 ? argv[1] : NULL, opts, &err)) {
      if (opts != &local) ent_options_free(opts);
      goto error;
    }
    if (opts != &local) {
      sqlite3_set_auxdata(ctx, 1, opts, ent_options_free);
      opts = sqlite3_get_auxdata(ctx, 1);
      if (!opts) { sqlite3_result_error_nomem(ctx); return; }
    }
  }
  if (!doc) { ent_options_clear(&local); return; }   /* NULL in, NULL out */
  if (art_entities_extract(conn->ctx, doc, n, &opts->seg, &opts->ent, &list)) {
    ent_options_clear(&local);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  ent_options_clear(&local);
  sqlite3_str *out = sqlite3_str_new(db);
  art_charpos cp;
  art_charpos_init(&cp, (const unsigned char *)doc, n);
  sqlite3_str_appendchar(out, 1, '[');
  for (size_t i = 0; i < list.count; i++) {
    const art_entity *e = &list.items[i];
    size_t c0, cl, bs, be;
    art_charpos_span(&cp, e->start, e->end, &c0, &cl, &bs, &be);
    sqlite3_str_appendf(out, "%s{\"mention\":%lld,\"sentence\":%d,\"start\":%lld,\"length\":%lld,\"text\":",
                        i ? "," : "", (long long)i + 1, e->sentence, (long long)c0 + 1, (long long)cl);
    article_json_string(out, doc + bs, be - bs);
    sqlite3_str_appendf(out, ",\"type\":\"%s\",\"canonical\":", art_etype_name(e->type));
    article_json_string(out, e->canonical, strlen(e->canonical));
    if (e->has_value) sqlite3_str_appendf(out, ",\"value\":%.15g}", e->value);
    else if (e->type == ART_ENT_DATE && e->date[0]) sqlite3_str_appendf(out, ",\"value\":\"%s\"}", e->date);
    else sqlite3_str_appendall(out, ",\"value\":null}");
  }
  sqlite3_str_appendchar(out, 1, ']');
  art_entity_list_free(&list);
  int len = sqlite3_str_length(out);
  char *json = sqlite3_str_finish(out);
  if (!json) { sqlite3_result_error_nomem(ctx); return; }
  sqlite3_result_text(ctx, json, len, sqlite3_free);
  sqlite3_result_subtype(ctx, 'J');   /* JSON, for json_* functions */
  return;
error:
  sqlite3_result_error(ctx, err ? err : "article_entities_json: error", -1);
  sqlite3_free(err);
}

int article_register_entities(sqlite3 *db, article_conn *conn) {
  int rc = sqlite3_create_module_v2(db, FN, &entities_module, article_conn_ref(conn), article_conn_unref);
  for (int nargs = 1; rc == SQLITE_OK && nargs <= 2; nargs++)
    rc = sqlite3_create_function_v2(db, FN_JSON, nargs, ARTICLE_FUNC_FLAGS | SQLITE_RESULT_SUBTYPE,
                                    article_conn_ref(conn), json_func, NULL, NULL, article_conn_unref);
  return rc;
}
