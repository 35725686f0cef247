/*
** quotes.c — the quotes stage from end to end (include/article_quotes.h).
**
** One document goes through four steps, each stopping early when there is
** nothing left to do:
**
**   1. art_quotes_possible(): one pass over the bytes for a character that
**      can open a quotation.  Documents without one cost no more than this,
**      and it runs at memory speed.
**   2. The segmenter, to number sentences and paragraphs (and to leave out
**      boilerplate), then art_quotes_pair() on each paragraph.
**   3. The entity extractor, only when step 2 found a quote, and only on
**      windows of whole paragraphs around the quotes: from the paragraph
**      holding the sentence LOOKBACK_SENTENCES before each quote (where a
**      pronoun's person is usually named) to the end of the paragraph where
**      it closes.  The tagger is by far the costliest
**      part of the pipeline, and the text between distant quotes never
**      decides an attribution; names that a window cuts short ("Austin"
**      whose "Lloyd Austin" came earlier) are widened from the text by the
**      attribution step.
**   4. art_quotes_attribute(): kinds, speakers, cues.  Then a name or a
**      title in marks ("the Pacific “Ring of Fire,”", "the “Rotterdam
**      Courier”"), a fragment that nobody is said to have said and that no
**      verb of crying out introduces ("chanting “Death to America”" stays), is
**      dropped: the marks set a name apart and quote no one.  Last, the "kinds"
**      option drops the rows not asked for.
**
** The list keeps its buffers from call to call, so a table scan over many
** articles allocates only while the largest article so far grows them.
*/
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "article_quotes.h"
#include "article_tables.h"
#include "article_text.h"

/* Sentences looked at before a quote for the person a pronoun names. */
#define LOOKBACK_SENTENCES 2

static int push_sentence(art_quote_list *out, const art_sentence *s) {
  if (out->nsents == out->sents_cap) {
    size_t cap = out->sents_cap ? out->sents_cap * 2 : 64;
    art_sentence *v = realloc(out->sents, cap * sizeof *v);
    if (!v) return -1;
    out->sents = v;
    out->sents_cap = cap;
  }
  out->sents[out->nsents++] = *s;
  return 0;
}

/* Index of the sentence holding byte `at`. */
static size_t sentence_index(const art_quote_list *l, size_t at) {
  return art_sentence_index(l->sents, l->nsents, at);
}

/* Append the window's entities (offsets relative to base) to the list. */
static int take_window(art_quote_list *l, size_t base) {
  art_entity_list *all = &l->entities, *w = &l->window;
  for (size_t i = 0; i < w->count; i++) {
    if (all->count == all->cap) {
      size_t cap = all->cap ? all->cap * 2 : 64;
      art_entity *items = realloc(all->items, cap * sizeof *items);
      size_t *off = realloc(l->name_off, cap * sizeof *off);
      if (items) all->items = items;
      if (off) l->name_off = off;
      if (!items || !off) return -1;
      all->cap = l->name_off_cap = cap;
    }
    art_entity e = w->items[i];
    e.start += base;
    e.end += base;
    size_t off = (size_t)-1;
    if (e.canonical) {
      size_t len = strlen(e.canonical) + 1;
      if (all->arena_len + len > all->arena_cap) {
        size_t cap = all->arena_cap ? all->arena_cap * 2 : 1024;
        while (cap < all->arena_len + len) cap *= 2;
        char *a = realloc(all->arena, cap);
        if (!a) return -1;
        all->arena = a;
        all->arena_cap = cap;
      }
      memcpy(all->arena + all->arena_len, e.canonical, len);
      off = all->arena_len;
      all->arena_len += len;
    }
    e.canonical = NULL;          /* set once the arena stops moving */
    l->name_off[all->count] = off;
    all->items[all->count++] = e;
  }
  return 0;
}

/* Entities of the paragraphs around the quotes, in document order. */
static int extract_entities(art_context *ctx, const char *doc, const art_quote_options *opts,
                            art_quote_list *l) {
  art_ent_options eo;
  memset(&eo, 0, sizeof eo);
  eo.type_mask = (1u << ART_ENT_PERSON) | (1u << ART_ENT_ORG) | (1u << ART_ENT_GPE)
               | (1u << ART_ENT_NORP);
  l->entities.count = 0;
  l->entities.arena_len = 0;
  size_t qi = 0;
  while (qi < l->count) {
    /* A window: whole paragraphs from a few sentences before the quote to its end. */
    size_t first = sentence_index(l, l->items[qi].start);
    first = first > LOOKBACK_SENTENCES ? first - LOOKBACK_SENTENCES : 0;
    while (first > 0 && l->sents[first - 1].paragraph == l->sents[first].paragraph) first--;
    size_t last = sentence_index(l, l->items[qi].mark_end ? l->items[qi].mark_end - 1 : 0);
    /* Later quotes whose windows overlap join this one. */
    for (qi++; qi < l->count; qi++) {
      size_t f = sentence_index(l, l->items[qi].start);
      f = f > LOOKBACK_SENTENCES ? f - LOOKBACK_SENTENCES : 0;
      if (f > last + 1) break;
      last = sentence_index(l, l->items[qi].mark_end ? l->items[qi].mark_end - 1 : 0);
    }
    while (last + 1 < l->nsents && l->sents[last + 1].paragraph == l->sents[last].paragraph) last++;
    size_t a = l->sents[first].start, b = l->sents[last].end;
    l->window.count = 0;
    l->window.arena_len = 0;
    if (art_entities_extract(ctx, doc + a, b - a, &opts->seg, &eo, &l->window) < 0) return -1;
    if (take_window(l, a)) return -1;
  }
  for (size_t i = 0; i < l->entities.count; i++) {
    size_t off = l->name_off[i];
    l->entities.items[i].canonical = off == (size_t)-1 ? NULL : l->entities.arena + off;
  }
  return 0;
}

/*
** The quoted text doc[a..b) reads as a name or a title: two words or more,
** each one of four letters or more capitalised ("Ring of Fire", "Rotterdam
** Courier"), and no cry in it ("Faith! Faith!" is something said).
*/
static int title_in_marks(const unsigned char *z, size_t a, size_t b) {
  size_t words = 0, capitalised = 0;
  while (a < b) {
    size_t l;
    int32_t cp = art_utf8_decode(z + a, b - a, &l);
    if (cp == '!' || cp == '?') return 0;
    int category = utf8proc_category(cp);
    int letter = category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
    if (!letter && !(cp >= '0' && cp <= '9')) { a += l; continue; }
    int upper = category == UTF8PROC_CATEGORY_LU || category == UTF8PROC_CATEGORY_LT || (cp >= '0' && cp <= '9');
    size_t letters = 0;
    while (a < b) {
      cp = art_utf8_decode(z + a, b - a, &l);
      category = utf8proc_category(cp);
      if (!(category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) && !(cp >= '0' && cp <= '9')
          && cp != '\'' && cp != 0x2019 && cp != '-') break;
      letters++;
      a += l;
    }
    words++;
    if (upper) capitalised++;
    else if (letters >= 4) return 0;
  }
  return words >= 2 && capitalised >= 2;
}

/*
** The word just before the opening mark is a verb of crying out
** ("chanting “Death to America”", "shouting “Out Lucio”"; class "cry" of
** ext/data/quote_words.tsv): what follows was said, even when it reads like
** a title.  Other cues are not enough ("Officials say “Operation Medusa”
** is aimed at …", "his proposed “Clear Skies” bill").
*/
static int said_aloud(const unsigned char *z, size_t mark) {
  size_t e = mark;
  while (e > 0 && (z[e - 1] == ' ' || z[e - 1] == ':' || z[e - 1] == ',')) e--;
  size_t a = e;
  while (a > 0 && e - a < 24 && ((z[a - 1] | 0x20) >= 'a' && (z[a - 1] | 0x20) <= 'z')) a--;
  if (a == e || e - a >= 24) return 0;
  char key[24];
  art_ascii_lower(key, (const char *)z + a, e - a);   /* ASCII letters only, by the loop above */
  const art_table_entry *w = art_table_find(&art_table_quote_words, key, e - a);
  return w && strcmp(w->value, "cry") == 0;
}

/* Drop the names and titles in marks that nobody is said to have said. */
static void drop_titles(const char *doc, art_quote_list *l) {
  size_t kept = 0;
  for (size_t i = 0; i < l->count; i++) {
    const art_quote *q = &l->items[i];
    if (q->kind == ART_QUOTE_FRAGMENT && !q->speaker && q->cue_end == q->cue_start
        && title_in_marks((const unsigned char *)doc, q->start, q->end)
        && !said_aloud((const unsigned char *)doc, q->mark_start))
      continue;
    l->items[kept++] = *q;
  }
  l->count = kept;
}

int art_quotes_extract(art_context *ctx, const char *doc, size_t n,
                       const art_quote_options *opts, art_quote_list *out) {
  static const art_quote_options defaults;
  if (!opts) opts = &defaults;
  out->count = 0;
  out->nsents = 0;
  out->entities.count = 0;
  if (!doc || !n || !art_quotes_possible(doc, n)) return 0;

  art_segmenter *seg = art_segmenter_new(ctx, doc, n, &opts->seg);
  if (!seg) return -1;
  art_sentence s;
  int rc;
  while ((rc = art_segmenter_next(seg, &s)) == 1) {
    if (push_sentence(out, &s)) { rc = -1; break; }
  }
  art_segmenter_free(seg);
  if (rc < 0) return -1;

  if (art_quotes_pair(doc, n, out->sents, out->nsents, out) < 0) return -1;
  if (out->count == 0) return 0;
  if (extract_entities(ctx, doc, opts, out)) return -1;
  if (art_quotes_attribute(doc, n, out->sents, out->nsents, &out->entities, out) < 0) return -1;
  drop_titles(doc, out);

  if (opts->kinds) {
    size_t k = 0;
    for (size_t i = 0; i < out->count; i++) {
      if (opts->kinds & (1u << out->items[i].kind)) out->items[k++] = out->items[i];
    }
    out->count = k;
  }
  return 0;
}

void art_quote_list_free(art_quote_list *list) {
  if (!list) return;
  free(list->items);
  free(list->sents);
  free(list->name_off);
  free(list->names);
  art_entity_list_free(&list->entities);
  art_entity_list_free(&list->window);
  memset(list, 0, sizeof *list);
}
