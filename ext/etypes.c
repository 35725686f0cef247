/*
** etypes.c — the OntoNotes type names of include/article_entities.h, kept
** apart from the entities stage so the values module and its tests can
** name types without linking the whole stage.
*/
#include <string.h>
#include "article_entities.h"

static const char *const etype_names[ART_ENT_TYPE_COUNT] = {
  "", "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
  "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"
};

const char *art_etype_name(art_etype t) {
  return t > ART_ENT_NONE && t < ART_ENT_TYPE_COUNT ? etype_names[t] : "";
}

art_etype art_etype_from_name(const char *s, size_t n) {
  /* the rules ask this for every typed data-table entry they meet: compare the first byte before the rest */
  if (n == 0) return ART_ENT_NONE;
  for (int t = 1; t < ART_ENT_TYPE_COUNT; t++)
    if (etype_names[t][0] == s[0] && strncmp(etype_names[t], s, n) == 0 && etype_names[t][n] == 0) return (art_etype)t;
  return ART_ENT_NONE;
}

