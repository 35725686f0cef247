/*
** article_values.h — dates, times, money, percentages, quantities, ordinals
** and cardinals in one sentence, with their values.
**
** The value half of entity recognition (stage 4; see article_entities.h).
** It needs no tokens and no model: a byte scanner finds digits, currency
** signs and the words of ext/data/value_words.tsv, and small grammars around
** each find the span, its OntoNotes type and its value.  Spans follow
** OntoNotes / spaCy conventions: approximators are kept ("about 200", "more
** than 130"), "the" is kept in relative dates ("the past three years"),
** "7:30 a.m. Sunday" is a TIME and a DATE.
**
** Values: CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY carry the number
** as written ("$1.2 billion" -> 1.2e9, "99%" -> 99, "five" -> 5, "94th" ->
** 94) unless it has none ("hundreds", "10-15": has_value = 0).  A DATE gets
** date = "YYYY-MM-DD" only when the text names year, month and day.
**
** Pure C, no SQLite types; nothing allocates except growing the caller's
** output array.
*/
#ifndef ARTICLE_VALUES_H
#define ARTICLE_VALUES_H

#include <stddef.h>
#include "article_entities.h"

typedef struct art_value_span {
  size_t start, end;      /* byte span [start, end) in the document */
  art_etype type;         /* DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL */
  int has_value;          /* value holds a number */
  double value;
  char date[11];          /* "YYYY-MM-DD" for a full DATE, else "" */
} art_value_span;

/*
** Build the scanner's read-only tables (word classes, lookup prefilter).
** Returns 0, or non-zero with *err set to static text when a data table is
** malformed.  Safe to call more than once and from several threads; the
** state is shared by every context (it never changes after this call).
*/
int art_values_state_init(art_context *ctx, const char **err);
void art_values_state_free(art_context *ctx);

/*
** Scan doc[start..end) (one sentence; offsets are into the whole document)
** and append the value mentions found, in order and never overlapping, to
** *out (grown with realloc; *cap tracks its size).  Returns the new *count,
** or -1 when out of memory or when the tables failed to build.
*/
long art_values_scan(art_context *ctx, const char *doc, size_t start, size_t end,
                     art_value_span **out, size_t *count, size_t *cap);

/*
** The same for n sentences at once (cheaper than a call per sentence):
** each sentences[k] gives its span [start, end) and receives in first and
** count where its mentions are in *out.  An empty span has none.
*/
typedef struct art_value_sentence {
  size_t start, end;      /* in: the sentence, byte offsets into doc */
  size_t first, count;    /* out: its mentions are (*out)[first .. first + count) */
} art_value_sentence;

long art_values_scan_sentences(art_context *ctx, const char *doc, art_value_sentence *sentences, size_t n,
                               art_value_span **out, size_t *count, size_t *cap);

#endif
