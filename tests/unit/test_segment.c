/*
** test_segment.c — paragraphs, boilerplate, headlines and sentences.
**
** Each case is a document and the sentences expected from it, joined by
** " | ".  The texts are written for this project.
*/
#include <stdlib.h>
#include "check.h"
#include "article_context.h"
#include "article_segment.h"

static art_context *ctx;

/* Segment doc and join the sentence texts with " | " (kinds as a prefix
   "H:" / "B:" when show_kind). */
static char *segment(const char *doc, const art_seg_options *o, int show_kind) {
  static char out[8192];
  size_t used = 0;
  out[0] = 0;
  art_segmenter *s = art_segmenter_new(ctx, doc, strlen(doc), o);
  art_sentence row;
  while (art_segmenter_next(s, &row) == 1) {
    const char *k = row.kind == ART_KIND_HEADLINE ? "H:" : row.kind == ART_KIND_BOILERPLATE ? "X:" : "";
    used += (size_t)snprintf(out + used, sizeof out - used, "%s%s%.*s", used ? " | " : "",
                             show_kind ? k : "", (int)(row.end - row.start), doc + row.start);
  }
  art_segmenter_free(s);
  return out;
}

static void expect(const char *name, const char *doc, const char *want) {
  art_seg_options o = {0, 0};
  const char *got = segment(doc, &o, 0);
  if (strcmp(got, want) == 0) printf("ok - %s\n", name);
  else { printf("not ok - %s:\n#   got:  %s\n#   want: %s\n", name, got, want); check_failures++; }
}

static void expect_opts(const char *name, const char *doc, int space, int boiler, const char *want) {
  art_seg_options o = {space, boiler};
  const char *got = segment(doc, &o, 1);
  if (strcmp(got, want) == 0) printf("ok - %s\n", name);
  else { printf("not ok - %s:\n#   got:  %s\n#   want: %s\n", name, got, want); check_failures++; }
}

int main(void) {
  const char *err = NULL;
  ctx = art_context_new(&err);
  CHECK("context builds", ctx != NULL);
  if (!ctx) CHECK_DONE();

  /* --- abbreviations and initials */
  expect("title before a name", "Sen. Maria Delgado voted no. Gov. Hale did not.",
         "Sen. Maria Delgado voted no. | Gov. Hale did not.");
  expect("U.S. before a noun", "The U.S. Treasury said so. Markets rose.",
         "The U.S. Treasury said so. | Markets rose.");
  expect("U.S. at a sentence end", "Talks moved to the U.S. They ended Friday.",
         "Talks moved to the U.S. | They ended Friday.");
  expect("U.N. Security Council", "A U.N. Security Council vote failed. Diplomats left.",
         "A U.N. Security Council vote failed. | Diplomats left.");
  expect("middle initial", "Officials said Harry S. Truman signed it. Nobody objected.",
         "Officials said Harry S. Truman signed it. | Nobody objected.");
  expect("company suffix", "Shares of Vantor Inc. rose. Vantor Inc. Chief Executive Lee Park spoke.",
         "Shares of Vantor Inc. rose. | Vantor Inc. Chief Executive Lee Park spoke.");
  expect("months before numbers", "The vote is set for Oct. 7 in Lagos. It may slip.",
         "The vote is set for Oct. 7 in Lagos. | It may slip.");
  expect("No. before a number", "He lives at No. 10 with aides. They argue.",
         "He lives at No. 10 with aides. | They argue.");
  expect("time then a name", "He left at 6 p.m. Officials said nothing more.",
         "He left at 6 p.m. | Officials said nothing more.");
  expect("fronted time phrase", "At 9 a.m. Mr. Ortiz opened the session.",
         "At 9 a.m. Mr. Ortiz opened the session.");
  expect("weekday after a time", "The river peaked at 4:15 a.m. Tuesday in Venlo. Crews waited.",
         "The river peaked at 4:15 a.m. Tuesday in Venlo. | Crews waited.");
  expect("given name, initial, surname that is also a word",
         "Secretary Ellen P. Mason spoke. Officials listened.",
         "Secretary Ellen P. Mason spoke. | Officials listened.");
  expect("units after numbers", "The wall is 12 ft. high. Crews measured 3 in. The rest held.",
         "The wall is 12 ft. high. | Crews measured 3 in. | The rest held.");
  expect("degree", "She earned a Ph.D. Officials praised her.",
         "She earned a Ph.D. | Officials praised her.");
  /* --- numbers, money, ellipses, glued sentences */
  expect("decimals and money", "Prices rose 3.5% to $1.2 billion. Analysts were surprised.",
         "Prices rose 3.5% to $1.2 billion. | Analysts were surprised.");
  expect("missing space", "The port reopened.Trade resumed on Monday.",
         "The port reopened. | Trade resumed on Monday.");
  expect("e-mail is not a boundary", "Readers wrote to desk.Editor@example.org for copies. Thanks.",
         "Readers wrote to desk.Editor@example.org for copies. | Thanks.");
  expect("ellipsis then lower case", "We waited ... and waited. Then it rained.",
         "We waited ... and waited. | Then it rained.");
  expect("ellipsis then capital", "We waited... Nobody came.", "We waited... | Nobody came.");
  /* --- quotes and brackets */
  expect("question in quotes with a cue", "\xE2\x80\x9CWhere is the aid?\xE2\x80\x9D she asked. He shrugged.",
         "\xE2\x80\x9CWhere is the aid?\xE2\x80\x9D she asked. | He shrugged.");
  expect("closing quote belongs to its sentence",
         "He said \xE2\x80\x9Cthe cost is too high.\xE2\x80\x9D Officials disagreed.",
         "He said \xE2\x80\x9Cthe cost is too high.\xE2\x80\x9D | Officials disagreed.");
  expect("multi-sentence quote is split",
         "\xE2\x80\x9CWe will rebuild. We have no choice,\xE2\x80\x9D the mayor said.",
         "\xE2\x80\x9CWe will rebuild. | We have no choice,\xE2\x80\x9D the mayor said.");
  expect("parenthesised aside", "The dam (built in 1961. Or so.) failed. Water rose.",
         "The dam (built in 1961. Or so.) failed. | Water rose.");
  expect("parenthesised sentence", "The plan passed. (It needs a second vote.) Critics objected.",
         "The plan passed. | (It needs a second vote.) | Critics objected.");
  expect("apostrophes are not quotes", "The players' union met in the '90s. It won.",
         "The players' union met in the '90s. | It won.");
  /* --- lists */
  expect("numbered list", "1. Close the border 2. Open talks", "1. Close the border | 2. Open talks");
  expect("bulleted list", "\xE2\x80\xA2 Fuel prices \xE2\x80\xA2 Food prices",
         "\xE2\x80\xA2 Fuel prices | \xE2\x80\xA2 Food prices");

  /* --- paragraphs, headlines, boilerplate */
  expect_opts("headline, body, advert dropped",
              "Floods Close Ports\nHeavy rain closed three ports. Ships waited.\n- Advertisement -\nCrews worked overnight.",
              0, 0, "H:Floods Close Ports | Heavy rain closed three ports. | Ships waited. | Crews worked overnight.");
  expect_opts("boilerplate kept when asked",
              "Rain fell all week.\nRead more: Storm warnings issued\nBy JANE ROE Associated Press\nRivers rose.",
              0, 1, "Rain fell all week. | X:Read more: Storm warnings issued | X:By JANE ROE Associated Press | Rivers rose.");
  expect_opts("byline and credit dropped",
              "By Ana Lima, Reuters\nThe court ruled on Tuesday.\nAdditional reporting by Tom Ek; Editing by Jo Wu",
              0, 0, "The court ruled on Tuesday.");
  /* two-word leads ("in+other", "last+updated"): the second word decides */
  expect_opts("two-word leads: boilerplate, and prose that shares the first word",
              "Rain fell.\nIN OTHER NEWS: Storm hits coast\nIn other places it was dry.\n"
              "Last updated: 5 May 2026\nLast  updated: 5 May 2026\nMore from: VOA\nMore rain came.\n"
              "This story first appeared in the Post.\nThis storm was worse.",
              0, 1,
              "Rain fell. | X:IN OTHER NEWS: Storm hits coast | In other places it was dry. | "
              "X:Last updated: 5 May 2026 | Last  updated: 5 May 2026 | X:More from: VOA | More rain came. | "
              "X:This story first appeared in the Post. | This storm was worse.");
  expect_opts("an author's note at the end is boilerplate",
              "Rivers rose fast.\nJane Roe is a freelance writer based in Leeds.\n\xC2\xA9 2026 Leeds Post", 0, 1,
              "Rivers rose fast. | X:Jane Roe is a freelance writer based in Leeds. | X:\xC2\xA9 2026 Leeds Post");
  expect_opts("a credit at the end is boilerplate: a word and the next (\"reported+from\")",
              "Rivers rose fast.\nTom Ek reported   from Kyiv.", 0, 1,
              "Rivers rose fast. | X:Tom Ek reported   from Kyiv.");
  expect_opts("a last paragraph with the word but not the next one is prose",
              "Rivers rose fast.\nTom Ek reported late. Jo Wu is an editor.", 0, 1,
              "Rivers rose fast. | Tom Ek reported late. | Jo Wu is an editor.");
  expect_opts("the same sentence opening an article is prose",
              "Jane Roe is a freelance writer based in Leeds. She covers courts.\nRivers rose.", 0, 1,
              "Jane Roe is a freelance writer based in Leeds. | She covers courts. | Rivers rose.");
  expect_opts("single newline ends a paragraph", "First line\nsecond line.", 0, 0,
              "H:First line | second line.");
  expect_opts("newline as space", "The talks were long and\nended late. Both sides\nleft.\n\nNew paragraph.",
              1, 0, "The talks were long and\nended late. | Both sides\nleft. | New paragraph.");
  expect_opts("flowed line continues", "It was a cold \nnight in the city.", 0, 0,
              "It was a cold \nnight in the city.");
  expect_opts("dateline joins its paragraph", "KYIV (AP) \xE2\x80\x94\nThe strikes continued overnight.", 0, 0,
              "KYIV (AP) \xE2\x80\x94\nThe strikes continued overnight.");
  expect_opts("CRLF line ends", "One.\r\nTwo.\r\n\r\nThree.", 0, 0, "One. | Two. | Three.");
  expect_opts("blank document", " \n\t\n ", 0, 0, "");

  /* "auto" (the default) finds hard-wrapped text by itself */
  {
    const char *wrapped =
        "The council met on Tuesday to debate the budget, which has grown by a\n"
        "third since last year, and several members said the increase could not\n"
        "be justified while the city still owes money to its pension fund and\n"
        "the roads in the east of the city remain in poor repair.\n\n"
        "A vote is expected next month.\n";
    const char *one_per_line =
        "The council met on Tuesday to debate the budget.\n"
        "Several members said the increase could not be justified.\n"
        "A vote is expected next month.\n"
        "the minutes will be published online.\n";
    CHECK("hard-wrapped text is detected", art_text_is_hard_wrapped(wrapped, strlen(wrapped)));
    CHECK("one paragraph a line is not hard-wrapped",
          !art_text_is_hard_wrapped(one_per_line, strlen(one_per_line)));
    CHECK("short lines are not hard-wrapped",
          !art_text_is_hard_wrapped("features\ncontact manager\nevents, activities\n", 43));
    art_seg_options o = {ART_NEWLINE_AUTO, 0};
    CHECK("auto joins wrapped lines", strstr(segment(wrapped, &o, 0), " | A vote") != NULL &&
                                      strstr(segment(wrapped, &o, 0), "by a\nthird") != NULL);
    art_seg_options b = {ART_NEWLINE_BREAK, 0};
    CHECK("break keeps every line apart", strstr(segment(wrapped, &b, 0), "by a | third") != NULL);
  }

  /* paragraph numbers count yielded paragraphs */
  {
    const char *doc = "Alpha one. Alpha two.\n- Advertisement -\nBeta.";
    art_seg_options o = {0, 0};
    art_segmenter *s = art_segmenter_new(ctx, doc, strlen(doc), &o);
    art_sentence r[4];
    int n = 0;
    while (n < 4 && art_segmenter_next(s, &r[n]) == 1) n++;
    art_segmenter_free(s);
    CHECK("three sentences", n == 3);
    CHECK("paragraph numbers", n == 3 && r[0].paragraph == 1 && r[1].paragraph == 1 && r[2].paragraph == 2);
    CHECK("sentence numbers", n == 3 && r[2].sentence == 3);
  }
  art_context_free(ctx);
  CHECK_DONE();
}
