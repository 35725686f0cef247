/*
** test_entities_document.c — the document pass (ext/entities_document.c)
** and the output on mentions built by hand, so each check sees one rule
** without the tagger's say: the one-label-per-surface-form vote (a sum per
** text while its mentions agree, a row of votes once they disagree) and
** emit()'s order, overlaps and canonical texts.  The names are made up so
** that no gazetteer or word list knows them.
*/
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "../../ext/entities_internal.h"

/* A one-token mention of doc[start..start+len) with a type and a tagger score. */
static void put(work *w, size_t start, size_t len, art_etype type, int32_t score) {
  mention *m = &w->m[w->count++];
  memset(m, 0, sizeof *m);
  m->start = m->last_start = start;
  m->end = m->first_end = start + len;
  m->type = type;
  m->score = score;
  m->ntok = 1;
  m->canon = -1;
  m->lex_canon = -1;
}

/* Run the document pass and emit() on w; 0 on success. */
static int run(work *w, art_entity_list *out) {
  /* no word lists beyond the generated tables: every particle letter passes to them */
  static const uint32_t any_letter[32] = {
    ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u,
    ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u, ~0u};
  tables tb;
  doc_buffers b;
  memset(&tb, 0, sizeof tb);
  tb.particle_firsts = any_letter;
  tb.cue_firsts = any_letter;
  memset(&b, 0, sizeof b);
  int rc = art_ent_document_pass(w, &tb, &b);
  if (!rc) rc = art_ent_emit(w, NULL, &b, out);
  art_ent_doc_buffers_release(&b);
  return rc;
}

static void setup(work *w, mention *store, const char *doc) {
  memset(w, 0, sizeof *w);
  w->doc = doc;
  w->doc_len = strlen(doc);
  w->m = store;
  w->cap = 16;
}

int main(void) {
  mention store[16];
  art_entity_list out;
  work w;

  /* one type whose votes sum below zero: every other type (at 0) has more,
     and the first of them from 1 wins (PERSON's total -27 < NORP's 0) */
  memset(&out, 0, sizeof out);
  setup(&w, store, "Zorvath met Zorvath. Zorvath left.");
  put(&w, 0, 7, ART_ENT_PERSON, -10);
  put(&w, 12, 7, ART_ENT_PERSON, -10);
  put(&w, 21, 7, ART_ENT_PERSON, -10);
  CHECK("doc negative sum runs", run(&w, &out) == 0);
  CHECK("doc negative sum: three rows", out.count == 3);
  CHECK("doc negative sum: the next type wins",
        out.count == 3 && out.items[0].type == ART_ENT_NORP && out.items[2].type == ART_ENT_NORP);

  /* the same sum above zero keeps the type */
  setup(&w, store, "Zorvath met Zorvath. Zorvath left.");
  put(&w, 0, 7, ART_ENT_PERSON, 10);
  put(&w, 12, 7, ART_ENT_PERSON, 10);
  put(&w, 21, 7, ART_ENT_PERSON, 10);
  CHECK("doc positive sum runs", run(&w, &out) == 0);
  CHECK("doc positive sum keeps the type",
        out.count == 3 && out.items[0].type == ART_ENT_PERSON && out.items[1].type == ART_ENT_PERSON);

  /* two types: the one with more votes labels every mention of the text */
  setup(&w, store, "Kelvaro said Kelvaro won.");
  put(&w, 0, 7, ART_ENT_PERSON, 5);
  put(&w, 13, 7, ART_ENT_ORG, 50);
  CHECK("doc mixed vote runs", run(&w, &out) == 0);
  CHECK("doc mixed vote: the larger wins for both",
        out.count == 2 && out.items[0].type == ART_ENT_ORG && out.items[1].type == ART_ENT_ORG);

  /* a tie: the winner is the first type, and a mention as strong keeps its own */
  setup(&w, store, "Brenlo met Brenlo.");
  put(&w, 0, 6, ART_ENT_PERSON, 9);
  put(&w, 11, 6, ART_ENT_GPE, 9);
  CHECK("doc tied vote runs", run(&w, &out) == 0);
  CHECK("doc tied vote: each keeps its own",
        out.count == 2 && out.items[0].type == ART_ENT_PERSON && out.items[1].type == ART_ENT_GPE);

  /* a second text's vote is its own: "Quivrel" stays ORG next to a PERSON vote */
  setup(&w, store, "Brenlo met Quivrel and Brenlo.");
  put(&w, 0, 6, ART_ENT_PERSON, 9);
  put(&w, 11, 7, ART_ENT_ORG, 9);
  put(&w, 23, 6, ART_ENT_GPE, 30);
  CHECK("doc two texts run", run(&w, &out) == 0);
  CHECK("doc two texts: votes per text",
        out.count == 3 && out.items[0].type == ART_ENT_GPE && out.items[1].type == ART_ENT_ORG &&
        out.items[2].type == ART_ENT_GPE);

  /* emit: document order whatever the order found (a value after the name
     it precedes), the longer of two spans at one start, no overlaps, no
     dropped mention, and the canonical text of the name linked to */
  const char *doc = "5 Varnoth Elk paid Elk 7 times.";
  setup(&w, store, doc);
  put(&w, 2, 11, ART_ENT_PERSON, 9);      /* "Varnoth Elk" */
  w.m[0].ntok = 2;
  w.m[0].first_end = 9;
  w.m[0].last_start = 10;
  put(&w, 2, 7, ART_ENT_PERSON, 9);       /* "Varnoth": inside the longer one */
  put(&w, 19, 3, ART_ENT_PERSON, 9);      /* "Elk" -> "Varnoth Elk" */
  w.m[2].canon = 0;
  put(&w, 0, 1, ART_ENT_CARDINAL, 0);     /* "5", found after the names */
  w.m[3].is_value = 1;
  put(&w, 23, 1, ART_ENT_CARDINAL, 0);    /* "7", dropped */
  w.m[4].is_value = 1;
  w.m[4].dropped = 1;
  CHECK("emit runs", run(&w, &out) == 0);
  CHECK("emit: three rows", out.count == 3);
  CHECK("emit: in document order", out.count == 3 && out.items[0].start == 0 && out.items[1].start == 2 &&
                                   out.items[2].start == 19);
  CHECK("emit: the longer span at one start", out.count >= 2 && out.items[1].end == 13);
  CHECK("emit: a linked name's canonical", out.count == 3 && strcmp(out.items[2].canonical, "Varnoth Elk") == 0);
  CHECK("emit: an own canonical", out.count == 3 && strcmp(out.items[0].canonical, "5") == 0);

  /* E's acronym keys: a name of eight capitalised words gives its initials
     and up to five tails (from each organisation word on), so three such
     names give more keys than a map sized for three mentions has slots;
     the map grows (a full one never ended a probe: the pass hung) */
  const char *orgs = "Northern Ministry Agency Authority Bureau Commission Council Board; "
                     "Western Office Department Union Federation Association Foundation Institute; "
                     "Eastern Agency Board Bureau Union Office Authority Council";
  setup(&w, store, orgs);
  for (size_t s = 0; orgs[s];) {
    size_t e = s;
    while (orgs[e] && orgs[e] != ';') e++;
    put(&w, s, e - s, ART_ENT_ORG, 9);
    mention *m = &w.m[w.count - 1];
    m->ntok = 0;
    for (size_t k = s; k < e; k++)
      if (k == s || orgs[k - 1] == ' ') { m->ntok++; m->last_start = k; }
    m->first_end = (size_t)(strchr(orgs + s, ' ') - orgs);
    s = orgs[e] ? e + 2 : e;
  }
  CHECK("doc many acronym keys run", run(&w, &out) == 0);
  CHECK("doc many acronym keys: three organisations",
        out.count == 3 && out.items[0].type == ART_ENT_ORG && out.items[2].type == ART_ENT_ORG &&
        strcmp(out.items[1].canonical, "Western Office Department Union Federation Association Foundation Institute") == 0);

  /* a match report (two teams) joins two places with only a space between
     into one club ("Bayern" + "Munich"), a text no mention had; a product
     named in full once ("Zorvex Bayern Munich") is named by its last words
     later: the steps after the join that look only at the mentions of the
     texts they look for must still see the joined name */
  const char *club = "Alvenor beat Quarnet. Brunvald Ostreva lost. Zorvex Brunvald Ostreva sold.";
  setup(&w, store, club);
  put(&w, 0, 7, ART_ENT_ORG, 9);          /* "Alvenor": a team by its words */
  w.m[0].team = w.m[0].context_org = 1;
  put(&w, 13, 7, ART_ENT_ORG, 9);         /* "Quarnet": another */
  w.m[1].team = w.m[1].context_org = 1;
  put(&w, 22, 8, ART_ENT_GPE, 9);         /* "Brunvald" */
  put(&w, 31, 7, ART_ENT_GPE, 9);         /* "Ostreva", right after it */
  w.m[2].sentence = w.m[3].sentence = 1;
  put(&w, 45, 23, ART_ENT_PRODUCT, 9);    /* "Zorvex Brunvald Ostreva" */
  w.m[4].ntok = 3;
  w.m[4].first_end = 51;
  w.m[4].last_start = 61;
  w.m[4].sentence = 2;
  CHECK("doc joined club runs", run(&w, &out) == 0);
  CHECK("doc joined club: four rows", out.count == 4);
  CHECK("doc joined club: one name of two words",
        out.count == 4 && out.items[2].start == 22 && out.items[2].end == 38);
  CHECK("doc joined club: named by the product's last words",
        out.count == 4 && out.items[2].type == ART_ENT_PRODUCT && out.items[3].type == ART_ENT_PRODUCT);

  art_entity_list_free(&out);
  return check_failures != 0;
}
