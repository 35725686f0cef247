/*
** test_text.c — UTF-8 decoding and SQLite-compatible character positions.
*/
#include <string.h>
#include "check.h"
#include "article_text.h"

/* SQLite's own rule, written out plainly, to compare against. */
static size_t reference_count(const unsigned char *z, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = z[i++];
    count++;
    if (c >= 0xC0) while (i < n && (z[i] & 0xC0) == 0x80) i++;
  }
  return count;
}

int main(void) {
  size_t len;
  const unsigned char euro[] = "\xE2\x82\xAC";
  CHECK("decode 3-byte", art_utf8_decode(euro, 3, &len) == 0x20AC && len == 3);
  const unsigned char emoji[] = "\xF0\x9F\x98\x80";
  CHECK("decode 4-byte", art_utf8_decode(emoji, 4, &len) == 0x1F600 && len == 4);
  const unsigned char bad[] = "\xC3\x28";
  CHECK("invalid continuation is one replacement byte",
        art_utf8_decode(bad, 2, &len) == ART_REPLACEMENT_CHAR && len == 1);
  const unsigned char overlong[] = "\xC0\xAF";
  CHECK("overlong form rejected", art_utf8_decode(overlong, 2, &len) == ART_REPLACEMENT_CHAR);
  const unsigned char surrogate[] = "\xED\xA0\x80";
  CHECK("surrogate rejected", art_utf8_decode(surrogate, 3, &len) == ART_REPLACEMENT_CHAR);
  CHECK("truncated sequence", art_utf8_decode(euro, 2, &len) == ART_REPLACEMENT_CHAR && len == 1);
  CHECK("decode before", art_utf8_decode_before(euro, 3, &len) == 0x20AC && len == 3);

  /* Character counts agree with SQLite, also on invalid input where a lead
     byte swallows any number of continuation bytes. */
  const char *samples[] = {"plain", "caf\xC3\xA9", "\xE2\x80\x9Cquoted\xE2\x80\x9D",
                           "\xC3\xA9\x80\x80\x80x", "\x80\x80x", "a\xFF\xFE" "b",
                           "\xF0\x9F\x98", ""};
  for (size_t k = 0; k < sizeof samples / sizeof *samples; k++) {
    const unsigned char *z = (const unsigned char *)samples[k];
    size_t n = strlen(samples[k]);
    CHECK("count matches SQLite's rule", art_sqlite_char_count(z, n) == reference_count(z, n));
  }

  /* Spans: "é\x80\x80" is ONE SQLite character, so a span starting at the
     stray continuation widens back to the é. */
  const unsigned char *z = (const unsigned char *)"ab\xC3\xA9\x80\x80xyz";
  size_t n = strlen((const char *)z), c0, nc, bs, be;
  art_charpos cp;
  art_charpos_init(&cp, z, n);
  art_charpos_span(&cp, 0, 2, &c0, &nc, &bs, &be);
  CHECK("span ab", c0 == 0 && nc == 2 && bs == 0 && be == 2);
  art_charpos_span(&cp, 4, 7, &c0, &nc, &bs, &be);
  CHECK("span widened to character start", c0 == 2 && bs == 2 && be == 7 && nc == 2);
  art_charpos_span(&cp, 7, 9, &c0, &nc, &bs, &be);
  CHECK("span after invalid run", c0 == 4 && nc == 2 && bs == 7 && be == 9);
  art_charpos_span(&cp, 9, 9, &c0, &nc, &bs, &be);
  CHECK("empty span at end", c0 == 6 && nc == 0);
  /* art_ascii_lower: every byte value at every position of a word-sized step and of the tail */
  {
    int wrong = 0;
    for (int c = 0; c < 256; c++) {
      for (size_t pos = 0; pos < 19; pos++) {
        char src[19], dst[19];
        memset(src, 'Q', sizeof src);
        src[pos] = (char)c;
        art_ascii_lower(dst, src, sizeof src);
        for (size_t k = 0; k < sizeof src; k++) {
          unsigned char b = (unsigned char)src[k];
          if (dst[k] != (char)(b >= 'A' && b <= 'Z' ? b + 32 : b)) wrong++;
        }
      }
    }
    CHECK("ascii lower: A-Z lowered, every other byte kept", wrong == 0);
    char out[4] = "xyz";
    art_ascii_lower(out, "AB", 2);
    CHECK("ascii lower: writes n bytes only", memcmp(out, "abz", 3) == 0);
  }
  CHECK_DONE();
}
