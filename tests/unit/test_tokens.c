/*
** test_tokens.c — the sentence tokenizer (ext/tokens.c): splits, offsets
** and shape flags on sentences written for these tests.
*/
#include <stdlib.h>
#include "check.h"
#include "article_tokens.h"

/* Join the tokens of s with '|' into buf. */
static const char *joined(const char *s, art_tokens *tk, char *buf, size_t cap) {
  size_t n = strlen(s), o = 0;
  art_tokenize(s, 0, n, tk);
  buf[0] = 0;
  for (size_t i = 0; i < tk->count && o + 2 < cap; i++) {
    size_t l = tk->items[i].end - tk->items[i].start;
    if (o + l + 2 >= cap) break;
    if (i) buf[o++] = '|';
    memcpy(buf + o, s + tk->items[i].start, l);
    o += l;
    buf[o] = 0;
  }
  return buf;
}

static int find_tok(const char *s, art_tokens *tk, const char *text) {
  for (size_t i = 0; i < tk->count; i++) {
    size_t l = tk->items[i].end - tk->items[i].start;
    if (l == strlen(text) && memcmp(s + tk->items[i].start, text, l) == 0) return (int)i;
  }
  return -1;
}

#define CHECK_TOKENS(name, input, want) do { \
    char buf_[1024]; joined(input, &tk, buf_, sizeof buf_); \
    if (strcmp(buf_, want) == 0) printf("ok - %s\n", name); \
    else { printf("not ok - %s: got [%s] want [%s]\n", name, buf_, want); check_failures++; } \
  } while (0)

int main(void) {
  art_tokens tk = {0};
  CHECK_TOKENS("possessive split", "Maria's dog met the Smiths' cat.",
               "Maria|'s|dog|met|the|Smiths|'|cat|.");
  CHECK_TOKENS("curly possessive and quotes", "\xe2\x80\x9cNorway\xe2\x80\x99s fjords,\xe2\x80\x9d she said.",
               "\xe2\x80\x9c|Norway|\xe2\x80\x99s|fjords|,|\xe2\x80\x9d|she|said|.");
  {
    /* A word right before a curly double quote ends there, whatever is in
       it or before the quote; the word after an opening one is initial. */
    const char *q = "He called it \xe2\x80\x9c" "force\xe2\x80\x9d in the \xe2\x80\x9c" "region.\xe2\x80\x9d "
                    "and NATO\xe2\x80\x9d, 2024\xe2\x80\x9d or Gen.\xe2\x80\x9d";
    CHECK_TOKENS("words end before curly quotes", q,
                 "He|called|it|\xe2\x80\x9c|force|\xe2\x80\x9d|in|the|\xe2\x80\x9c|region|.|\xe2\x80\x9d|"
                 "and|NATO|\xe2\x80\x9d|,|2024|\xe2\x80\x9d|or|Gen.|\xe2\x80\x9d");
    int force = find_tok(q, &tk, "force"), nato = find_tok(q, &tk, "NATO"), year = find_tok(q, &tk, "2024");
    CHECK("word before a curly quote: shape, initial, no space after",
          force > 0 && nato > 0 && year > 0 &&
          tk.items[force].flags == (art_token_shape("force", 5) | ART_TOK_INITIAL) &&
          tk.items[nato].flags == art_token_shape("NATO", 4) && tk.items[year].flags == art_token_shape("2024", 4));
  }
  CHECK_TOKENS("abbreviations keep period", "Sen. Ada Lovelace Jr. visited the U.S. on Oct. 3.",
               "Sen.|Ada|Lovelace|Jr.|visited|the|U.S.|on|Oct.|3|.");
  CHECK_TOKENS("initials", "George W. Carver spoke.", "George|W.|Carver|spoke|.");
  CHECK_TOKENS("numbers keep separators", "About 1,200 people paid $3.5 million at 7:30 p.m.",
               "About|1,200|people|paid|$|3.5|million|at|7:30|p.m.");
  CHECK_TOKENS("numbers and what ends them",
               "1,200,000 or 1,20,000 at 3.5% (2.3-4) 1,200.50, 3.5m 1,2345 7:30 1990's 2.3.",
               "1,200,000|or|1|,|20,000|at|3.5|%|(|2.3-4|)|1,200.50|,|3.5m|1|,|2345|7:30|1990|'s|2.3|.");
  CHECK_TOKENS("bad thousands group splits", "1,20 is not 1,200", "1|,|20|is|not|1,200");
  CHECK_TOKENS("hyphen split on case change", "The Norway-run fund and U.S.-led talks",
               "The|Norway|-|run|fund|and|U.S.|-|led|talks");
  CHECK_TOKENS("hyphenated names stay whole", "Mary-Jane met al-Fulan in Guinea-Bissau",
               "Mary-Jane|met|al-Fulan|in|Guinea-Bissau");
  CHECK_TOKENS("em dash separates", "Oslo\xe2\x80\x94" "a city", "Oslo|\xe2\x80\x94|a|city");
  CHECK_TOKENS("ellipsis one token", "Wait... what?!", "Wait|...|what|?!");
  CHECK_TOKENS("contraction kept", "It won't rain", "It|won't|rain");
  CHECK_TOKENS("nbsp is space", "New\xc2\xa0York", "New|York");
  CHECK_TOKENS("empty", "", "");
  CHECK_TOKENS("spaces only", "   \n ", "");

  const char *s = "\xe2\x80\x9cWe know,\xe2\x80\x9d said NASA chief Ana-Maria Ruiz of iRobot in 2024.";
  art_tokenize(s, 0, strlen(s), &tk);
  int we = find_tok(s, &tk, "We"), said = find_tok(s, &tk, "said"), nasa = find_tok(s, &tk, "NASA");
  int ana = find_tok(s, &tk, "Ana-Maria"), irobot = find_tok(s, &tk, "iRobot"), y = find_tok(s, &tk, "2024");
  CHECK("initial after open quote", we >= 0 && (tk.items[we].flags & ART_TOK_INITIAL));
  CHECK("open quote flag", (tk.items[0].flags & ART_TOK_OPEN) && (tk.items[0].flags & ART_TOK_QUOTE));
  CHECK("not initial mid-sentence", said >= 0 && !(tk.items[said].flags & ART_TOK_INITIAL));
  CHECK("allcaps", nasa >= 0 && (tk.items[nasa].flags & ART_TOK_ALLCAPS) && (tk.items[nasa].flags & ART_TOK_CAP));
  CHECK("hyphen flag", ana >= 0 && (tk.items[ana].flags & ART_TOK_HYPHEN) && (tk.items[ana].flags & ART_TOK_CAP));
  CHECK("mixed case has upper, not cap", irobot >= 0 && (tk.items[irobot].flags & ART_TOK_HAS_UPPER) &&
        !(tk.items[irobot].flags & ART_TOK_CAP) && (tk.items[irobot].flags & ART_TOK_LOWER));
  CHECK("digit flag", y >= 0 && (tk.items[y].flags & ART_TOK_DIGIT) && !(tk.items[y].flags & ART_TOK_CAP));
  CHECK("space after", said >= 0 && (tk.items[said].flags & ART_TOK_SPACE_AFTER) &&
        !(tk.items[y].flags & ART_TOK_SPACE_AFTER));

  /* Offsets are exact into a larger document, and a sub-span is respected. */
  const char *doc = "xx Gdansk's port. yy";
  art_tokenize(doc, 3, 17, &tk);
  CHECK("sub-span count", tk.count == 4);
  CHECK_SPAN("sub-span first", doc, tk.items[0].start, tk.items[0].end, "Gdansk");
  CHECK("possessive flag", tk.count > 1 && (tk.items[1].flags & ART_TOK_POSSESSIVE));
  CHECK_SPAN("sub-span last", doc, tk.items[3].start, tk.items[3].end, ".");

  /* Invalid UTF-8 never stalls and spans cover the bytes. */
  const char *bad = "Caf\xc3 \xff\xfe Z\xe2\x80";
  long n = art_tokenize(bad, 0, strlen(bad), &tk);
  size_t covered = 0;
  for (size_t i = 0; i < tk.count; i++) covered += tk.items[i].end - tk.items[i].start;
  CHECK("invalid utf8 tokenizes", n >= 3 && covered == strlen(bad) - 2);
  /* Long words: the letters are taken 16 bytes a step, the shape must
     still count every capital and lower-case letter. */
  {
    const char *w = "ABCDEFGHIJKLMNOPQRSTU AAAAAAAAAAAAAAAAb Abcdefghijklmnopqrst A1234567890123456B abcdefghijklmnopQ";
    art_tokenize(w, 0, strlen(w), &tk);
    CHECK("long all-caps word", tk.count == 5 && (tk.items[0].flags & ART_TOK_ALLCAPS));
    CHECK("lower case after 16 capitals", tk.count == 5 && !(tk.items[1].flags & ART_TOK_ALLCAPS) &&
          (tk.items[1].flags & ART_TOK_CAP));
    CHECK("one capital in a long word", tk.count == 5 && (tk.items[2].flags & ART_TOK_CAP) &&
          !(tk.items[2].flags & ART_TOK_ALLCAPS));
    CHECK("capitals around digits", tk.count == 5 && (tk.items[3].flags & ART_TOK_ALLCAPS) &&
          (tk.items[3].flags & ART_TOK_DIGIT));
    CHECK("capital at byte 17", tk.count == 5 && (tk.items[4].flags & ART_TOK_HAS_UPPER) &&
          (tk.items[4].flags & ART_TOK_LOWER) && !(tk.items[4].flags & (ART_TOK_CAP | ART_TOK_ALLCAPS)));
  }

  /* A span that ends inside a word: nothing after it counts. */
  {
    const char *d = "xx HELLOworld";
    art_tokenize(d, 3, 8, &tk);
    CHECK("span ends inside a word", tk.count == 1 && tk.items[0].end == 8 &&
          (tk.items[0].flags & ART_TOK_ALLCAPS) && (tk.items[0].flags & ART_TOK_SPACE_AFTER));
  }

  /* Every word token has the shape art_token_shape() gives its text, for
     words of every length up to 40 at every distance from the sentence end,
     mixed case and digits, after and before marks. */
  {
    static const char *marks[] = {" ", ", ", ". ", "(", ") ", "\"", "-", "'s ", "\xe2\x80\x99 ", ": ", "..."};
    char text[4096];
    size_t bad = 0, words = 0;
    for (int round = 0; round < 40; round++) {
      size_t n = 0;
      for (int w = 0; w < 30 && n < sizeof text - 64; w++) {
        int len = 1 + (round * 7 + w * 13) % 40;
        for (int j = 0; j < len; j++) {
          int v = (round * 31 + w * 17 + j * 5) % 23;
          int caps = w % 5 == 0;   /* some words all capitals and digits */
          text[n++] = (char)(v < 3 || (caps && v > 5) ? 'A' + (j + w) % 26 : v < 5 ? '0' + j % 10 : 'a' + (j * 3 + w) % 26);
        }
        const char *m = marks[(round + w) % (sizeof marks / sizeof marks[0])];
        memcpy(text + n, m, strlen(m));
        n += strlen(m);
      }
      for (size_t cut = n; cut + 40 > n && cut > 0; cut -= 3) {
        art_tokenize(text, 0, cut, &tk);
        for (size_t t = 0; t < tk.count; t++) {
          const art_token *k = &tk.items[t];
          if (!(k->flags & ART_TOK_WORD)) continue;
          words++;
          uint32_t context = ART_TOK_INITIAL | ART_TOK_SPACE_AFTER;
          if ((k->flags & ~context) != art_token_shape(text + k->start, k->end - k->start)) bad++;
        }
      }
    }
    CHECK("word flags are the shape of the word", words > 1000 && bad == 0);
  }
  art_tokens_free(&tk);
  CHECK_DONE();
}
