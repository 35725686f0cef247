/*
** icu_bench.c — ICU's sentence break iterator, the yardstick for `make bench`.
**
** ICU's UAX #29 sentence rules with the CLDR suppressions for English
** ("Mr.", "U.S." …), opened as ubrk_open(UBRK_SENTENCE, "en@ss=standard"),
** are the reference every general-purpose library reaches for, and run at
** about the speed of the fastest segmenter installable here.  The bench
** driver (bench.c) registers icu_bench_count() as an SQL function so ICU is
** measured through the same query shape as article_sentences:
**
**     SELECT sum(icu_sentence_count(body)) FROM docs;
**
** The text is iterated in place as UTF-8 through a UText (no conversion to
** UTF-16), and the iterator is opened once and re-pointed at each document,
** which is the fastest way ICU offers.  Counting boundaries is all the work
** done per sentence: less than the extension does (it also classifies
** paragraphs and converts offsets), so the comparison favours ICU.
*/
#include <stddef.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
#include "icu_bench.h"

struct icu_bench {
  UBreakIterator *iterator;
  UText text;
};

icu_bench *icu_bench_open(const char **err) {
  UErrorCode status = U_ZERO_ERROR;
  icu_bench *b = calloc(1, sizeof *b);
  if (!b) { *err = "out of memory"; return NULL; }
  b->text = (UText)UTEXT_INITIALIZER;
  b->iterator = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &status);
  if (U_FAILURE(status)) {
    *err = u_errorName(status);
    free(b);
    return NULL;
  }
  return b;
}

/* Number of sentences ICU finds in text[0..n); -1 on an ICU error. */
long icu_bench_count(icu_bench *b, const char *text, size_t n) {
  UErrorCode status = U_ZERO_ERROR;
  long count = 0;
  utext_openUTF8(&b->text, text, (int64_t)n, &status);
  ubrk_setUText(b->iterator, &b->text, &status);
  if (U_FAILURE(status)) return -1;
  for (int32_t at = ubrk_next(b->iterator); at != UBRK_DONE; at = ubrk_next(b->iterator)) count++;
  return count;
}

const char *icu_bench_version(void) {
  return U_ICU_VERSION;
}

void icu_bench_close(icu_bench *b) {
  if (!b) return;
  ubrk_close(b->iterator);
  utext_close(&b->text);
  free(b);
}
