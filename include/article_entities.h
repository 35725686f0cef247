/*
** article_entities.h — named entities and values found in a document.
**
** Stage 4 of the pipeline: sentences -> tokens -> entities.  Spans are byte
** offsets into the caller's document; the SQLite layer turns them into
** 1-based character positions.  Types are OntoNotes labels.
*/
#ifndef ARTICLE_ENTITIES_H
#define ARTICLE_ENTITIES_H

#include <stddef.h>
#include <stdint.h>
#include "article_segment.h"

typedef enum art_etype {
  ART_ENT_NONE = 0,
  ART_ENT_PERSON, ART_ENT_NORP, ART_ENT_FAC, ART_ENT_ORG, ART_ENT_GPE, ART_ENT_LOC,
  ART_ENT_PRODUCT, ART_ENT_EVENT, ART_ENT_WORK_OF_ART, ART_ENT_LAW, ART_ENT_LANGUAGE,
  ART_ENT_DATE, ART_ENT_TIME, ART_ENT_PERCENT, ART_ENT_MONEY, ART_ENT_QUANTITY,
  ART_ENT_ORDINAL, ART_ENT_CARDINAL,
  ART_ENT_TYPE_COUNT
} art_etype;

const char *art_etype_name(art_etype t);          /* "PERSON", … */
art_etype art_etype_from_name(const char *s, size_t n);  /* ART_ENT_NONE if unknown */

typedef struct art_entity {
  size_t start, end;          /* byte span of the mention as written */
  int sentence;               /* article_sentences' `sentence` number */
  int paragraph;
  art_etype type;
  const char *canonical;      /* NUL-terminated; owned by the list (or static) */
  int has_value;
  double value;               /* numbers as REAL when has_value */
  char date[11];              /* "YYYY-MM-DD" for a full DATE, else "" */
  int gender;                 /* PERSON: 1 male, 2 female, 0 unknown (for quotes) */
} art_entity;

typedef struct art_entity_list {
  art_entity *items;
  size_t count, cap;
  /* private: storage for canonical strings */
  char *arena;
  size_t arena_len, arena_cap;
} art_entity_list;

/* A user lexicon: rows of (name, type, canonical), matched before anything else. */
typedef struct art_lexicon_entry {
  const char *name;           /* as written in text */
  art_etype type;
  const char *canonical;      /* NULL: the name itself */
} art_lexicon_entry;

typedef struct art_ent_options {
  uint32_t type_mask;         /* bit (1u << type); 0 = every type */
  const art_lexicon_entry *lexicon;
  size_t lexicon_count;
  int lexicon_sorted;         /* set by art_lexicon_sort(): names are found by bisection */
} art_ent_options;

/*
** Sort a lexicon by name (bytes), keeping rows with the same name in their
** order, so that art_entities_extract() finds names by bisection instead of
** trying every row at every token.  Sets opts->lexicon_sorted; -1 when out
** of memory (the lexicon is then left as it was, and still works).
*/
int art_lexicon_sort(art_lexicon_entry *lex, size_t n, art_ent_options *opts);

/*
** Find every entity in doc[0..n), segmenting it with seg (NULL: defaults).
** Returns 0, or -1 when out of memory.  The list must be zeroed before the
** first call and freed with art_entity_list_free().
*/
int art_entities_extract(art_context *ctx, const char *doc, size_t n,
                         const art_seg_options *seg, const art_ent_options *opts,
                         art_entity_list *out);
void art_entity_list_free(art_entity_list *list);

#endif
