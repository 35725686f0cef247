/*
** test_fuzz.c — random documents through every stage: no crash, no
** sanitizer report (tests/run.sh also builds this with ASan/UBSan), and
** every span inside its document.  The documents are built from pieces that
** stress the splitter, the quote pairing and the entity rules: quote marks
** of every kind, abbreviations, terminators, line breaks, invalid UTF-8.
** Deterministic: a fixed seed.
*/
#include <stdlib.h>
#include "check.h"
#include "article_context.h"
#include "article_entities.h"
#include "article_quotes.h"
#include "article_segment.h"

#define DOCUMENTS 600
#define MAX_BYTES 3000

static const char *const pieces[] = {
  "The ", "U.S. ", "Mr. ", "said ", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99",
  "\"", "'", "``", "''", "(", ")", "[", "]", ". ", "? ", "! ", "... ", ". . . ", "\n", "\n\n", "\r\n",
  " ", "Gallant", " Austin", " Hamas", "Ministry of ", " and ", "$1.2 billion", "99%", "Oct. 7",
  "3 p.m.", "\xE2\x80\x94 ", "- Advertisement -\n", "By JOHN DOE\n", "Read more: x\n",
  "\xC3", "\x80", "\xE2\x80", "\xF0\x9F\x98\x80", "a.m. ", "1. ", "\xE2\x80\xA2 ", "he asserted",
  "according to ", ":", ",", "van der ", "Jr.", "\xE2\x80\x99s ", "Inc. ", "Sen. ",
  "\xE2\x80\x9CWe", " she said, \xE2\x80\x9C", "x.Y", "@", "http://a.b/c. ", "\t", "\xC2\xBD",
  "\xD9\xA1\xD9\xA2", "\xCE\xA9", "\xC4\xB0", "\xC7\x85"
};

/* A random document of up to MAX_BYTES, in a buffer of exactly its size so
   that ASan catches any read past its end. */
static char *random_document(size_t *len) {
  enum { NPIECES = sizeof pieces / sizeof *pieces };
  char tmp[MAX_BYTES + 64];
  size_t n = 0, want = (size_t)(rand() % MAX_BYTES);
  while (n < want) {
    const char *p = pieces[rand() % NPIECES];
    size_t l = strlen(p);
    memcpy(tmp + n, p, l);
    n += l;
  }
  char *doc = malloc(n + 1);
  if (!doc) return NULL;
  memcpy(doc, tmp, n);
  doc[n] = 0;
  *len = n;
  return doc;
}

int main(void) {
  const char *err;
  art_context *ctx = art_context_new(&err);
  CHECK("context builds", ctx != NULL);
  if (!ctx) CHECK_DONE();
  srand(20261124);
  int bad = 0, failed = 0;
  for (int it = 0; it < DOCUMENTS; it++) {
    size_t n;
    char *doc = random_document(&n);
    if (!doc) { failed++; break; }
    for (int mode = 0; mode < 3; mode++) {
      art_seg_options o = {(art_newline)mode, mode == 1};
      art_segmenter *s = art_segmenter_new(ctx, doc, n, &o);
      art_sentence st;
      size_t last = 0;
      while (art_segmenter_next(s, &st) == 1) {
        if (st.start < last || st.end > n || st.start >= st.end) bad++;
        last = st.start;
      }
      art_segmenter_free(s);

      art_entity_list el;
      memset(&el, 0, sizeof el);
      if (art_entities_extract(ctx, doc, n, &o, NULL, &el)) failed++;
      for (size_t i = 0; i < el.count; i++)
        if (el.items[i].end > n || el.items[i].start >= el.items[i].end) bad++;
      art_entity_list_free(&el);

      art_quote_options qo;
      memset(&qo, 0, sizeof qo);
      qo.seg = o;
      art_quote_list ql;
      memset(&ql, 0, sizeof ql);
      if (art_quotes_extract(ctx, doc, n, &qo, &ql)) failed++;
      for (size_t i = 0; i < ql.count; i++)
        if (ql.items[i].end > n || ql.items[i].start > ql.items[i].end) bad++;
      art_quote_list_free(&ql);
    }
    free(doc);
  }
  art_context_free(ctx);
  CHECK("random documents: every stage succeeds", failed == 0);
  CHECK("random documents: every span lies inside its document, in order", bad == 0);
  CHECK_DONE();
}
