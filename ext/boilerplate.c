/*
** boilerplate.c — recognise lines that are not the article: bylines,
** "- Advertisement -", "Read more: …", share buttons, copyright and photo
** credits.
**
** The patterns live in ext/data/boilerplate.tsv.  At connection set-up they
** are joined into one alternation, compiled once with PCRE2 (caseless, UTF,
** tolerant of invalid UTF-8) and JIT-compiled when the platform allows, so a
** test costs one match call per short paragraph.  Also here: the dateline
** pattern ("WASHINGTON (AP) —" alone on a line), which joins the next
** paragraph rather than standing alone.  A short label and a web address
** alone on a line ("AP NBA: https://apnews.com/hub/NBA") is a link, not
** prose: those patterns are tried only when the line's last word is an
** address, so prose pays one look at its last word.  The patterns for an
** article's last paragraph (author notes) name the words that must stand
** among its first few words ("is+a", "wrote+from": a word and the start of
** the next); a paragraph without one is not matched at all.  The anchored patterns name the words a paragraph
** must begin with, one word ("subscribe") or two joined by "+" ("in+other"
** for "in other news", "last+updated"): common openings of prose such as
** "In", "Last", "This" then cost a look at the second word, not a match.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && (defined(__GNUC__) || defined(__clang__))
#include <emmintrin.h>
#define HAVE_SSE2_LETTERS 1
#endif

#ifdef HAVE_SSE2_LETTERS
/* Bit k set when z[k] (k < 16) is an ASCII letter. */
static inline unsigned letter_bits16(const unsigned char *z) {
  __m128i v = _mm_loadu_si128((const __m128i *)z);
  __m128i f = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(f, _mm_set1_epi8(25)), f));
}

/* Bit k set when z[k] (k < 16) is a space or a tab. */
static inline unsigned blank_bits16(const unsigned char *z) {
  __m128i v = _mm_loadu_si128((const __m128i *)z);
  return (unsigned)_mm_movemask_epi8(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))));
}

/* Bit k set when z[k] (k < 16) is an ASCII letter or ')'. */
static inline unsigned letter_or_paren_bits16(const unsigned char *z) {
  __m128i v = _mm_loadu_si128((const __m128i *)z);
  return letter_bits16(z) |
         (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(')')));
}

/* Bit k set when z[k] (k < 16) is a space. */
static inline unsigned space_bits16(const unsigned char *z) {
  return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)z), _mm_set1_epi8(' ')));
}

/* Bit k set when z[k] (k < 16) is ASCII white space (space, \t to \r) or
   a byte beyond ASCII. */
static inline unsigned space_or_high_bits16(const unsigned char *z) {
  __m128i v = _mm_loadu_si128((const __m128i *)z);
  __m128i ctl = _mm_sub_epi8(v, _mm_set1_epi8('\t'));   /* \t..\r -> 0..4 */
  __m128i is_ctl = _mm_cmpeq_epi8(_mm_min_epu8(ctl, _mm_set1_epi8(4)), ctl);
  __m128i is_sp = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
  return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(is_ctl, is_sp), v));
}
#endif
#include "article_context.h"
#include "article_segment.h"
#include "article_tables.h"

/* Only short paragraphs can be boilerplate; longer ones are prose.  Photo
   captions that end in a credit run longer, and tail patterns are cheap. */
#define BOILERPLATE_MAX_BYTES 300
#define BOILERPLATE_TAIL_MAX_BYTES 600

/* A small set of words (the data file's third column), hashed once. */
#define WORD_SET_SLOTS 1024
typedef struct word_set {
  char text[4096];              /* the words, NUL-separated */
  uint16_t slot[WORD_SET_SLOTS];/* offset + 1 into text, 0 = empty */
  /* bit c - 'a' of first[n]: a word of n bytes starts with c; bit 31: one
     starts with another byte.  Most words asked about fail this first. */
  uint32_t first[32];
  uint8_t pair_only[WORD_SET_SLOTS]; /* 1: the word only leads two-word entries */
  char pairs[1024];             /* those entries, "in+other", NUL-separated */
  size_t pairs_used;
  /* each entry's place in pairs and its first word's length, so that a
     paragraph's first word meets only the entries that start with it */
  struct { uint16_t at; uint8_t n1, n; } pair[64];
  size_t npairs;
} word_set;

static unsigned first_bit(unsigned char c) { return c >= 'a' && c <= 'z' ? c - 'a' : 31; }

/* Add a word; pair_only when it stands only as the first of two words
   ("in" of "in+other"): a plain entry of the same word wins. */
static int word_set_add(word_set *ws, size_t *used, const char *w, size_t n, int pair_only) {
  if (*used + n + 1 >= sizeof ws->text) return -1;
  uint32_t h = art_table_hash(w, n) & (WORD_SET_SLOTS - 1);
  for (int probes = 0; ws->slot[h]; probes++) {
    const char *o = ws->text + ws->slot[h] - 1;
    if (strlen(o) == n && memcmp(o, w, n) == 0) {
      if (!pair_only) ws->pair_only[h] = 0;
      return 0;
    }
    if (probes > WORD_SET_SLOTS) return -1;
    h = (h + 1) & (WORD_SET_SLOTS - 1);
  }
  if (n < 32) ws->first[n] |= 1u << first_bit((unsigned char)w[0]);
  memcpy(ws->text + *used, w, n);
  ws->text[*used + n] = 0;
  ws->slot[h] = (uint16_t)(*used + 1);
  ws->pair_only[h] = (uint8_t)(pair_only != 0);
  *used += n + 1;
  return 0;
}

/* 0: not in the set; 1: in it; 2: in it only as the first of two words. */
static int word_set_has(const word_set *ws, const char *w, size_t n) {
  if (n < 32 && !((ws->first[n] >> first_bit((unsigned char)w[0])) & 1)) return 0;
  uint32_t h = art_table_hash(w, n) & (WORD_SET_SLOTS - 1);
  while (ws->slot[h]) {
    const char *o = ws->text + ws->slot[h] - 1;
    /* strncmp() inline: the words are short, a call costs more than they do */
    size_t k = 0;
    while (k < n && o[k] == w[k] && o[k]) k++;
    if (k == n && o[n] == 0) return 1 + ws->pair_only[h];   /* all n bytes, and o ends there */
    h = (h + 1) & (WORD_SET_SLOTS - 1);
  }
  return 0;
}

/* Keep a two-word entry "w1+w2" (both lower-case ASCII letters) and enter
   its first word. */
static int word_set_add_pair(word_set *ws, size_t *used, const char *w, size_t n) {
  const char *plus = memchr(w, '+', n);
  size_t n1 = (size_t)(plus - w);
  if (n1 == 0 || n1 + 1 == n || ws->pairs_used + n + 2 > sizeof ws->pairs || n > 255 ||
      ws->npairs == sizeof ws->pair / sizeof ws->pair[0])
    return -1;
  for (size_t i = 0; i < n; i++)
    if (i != n1 && !(w[i] >= 'a' && w[i] <= 'z')) return -1;
  ws->pair[ws->npairs].at = (uint16_t)ws->pairs_used;
  ws->pair[ws->npairs].n1 = (uint8_t)n1;
  ws->pair[ws->npairs].n = (uint8_t)n;
  ws->npairs++;
  memcpy(ws->pairs + ws->pairs_used, w, n);
  ws->pairs[ws->pairs_used + n] = 0;
  ws->pairs_used += n + 1;
  return word_set_add(ws, used, w, n1, 1);
}

/* Does the third column start with the marker word (then a space or its end)? */
static int has_marker(const char *extra, const char *marker, size_t n) {
  return strncmp(extra, marker, n) == 0 && (extra[n] == 0 || extra[n] == ' ');
}

/* Which group a pattern belongs to: 0 tail, 1 anchored, 2 last paragraph
   only ("$last" and its words), 3 lines that end in a web address. */
static int pattern_group(const art_table_entry *e) {
  if (has_marker(e->extra, "$last", 5)) return 2;
  if (strcmp(e->extra, "$url") == 0) return 3;
  return e->key[0] == '^';
}

/* Fill ws with the third-column words of the patterns of a group (the
   "$last" marker itself left out). */
static int word_set_build(word_set *ws, int group) {
  size_t used = 1;                       /* offset 0 is never a word start */
  const art_table *t = &art_table_boilerplate;
  for (uint32_t i = 0; i < t->count; i++) {
    const art_table_entry *e = &t->entries[i];
    if (pattern_group(e) != group) continue;
    const char *words = group == 2 ? e->extra + 5 : e->extra;
    while (*words == ' ') words++;
    if (!words[0]) return -1;            /* every pattern must name its words */
    for (const char *w = words; *w;) {
      size_t l = strcspn(w, " ");
      if (memchr(w, '+', l)) {
        /* two-word entries: the anchored and last-paragraph patterns' words */
        if (group == 0 || word_set_add_pair(ws, &used, w, l)) return -1;
      } else if (l && word_set_add(ws, &used, w, l, 0)) {
        return -1;
      }
      w += l;
      while (*w == ' ') w++;
    }
  }
  return 0;
}

static int is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static int is_ascii_letter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* The first word w1 (n1 bytes, lower case) stands only in two-word entries:
   does the paragraph go on with one space (with any_blanks, a run of ASCII
   white space) and one of w1's second words?
   The second word is matched as a prefix of what follows, so the entry
   never asks for more than its pattern does.  A byte beyond ASCII there
   might fold to an ASCII letter under caseless matching ("ſ" to "s"): the
   answer is then yes, and the pattern decides. */
static int second_word_fits(const word_set *ws, const unsigned char *z, size_t at, size_t end,
                            const char *w1, size_t n1, int any_blanks) {
  if (at >= end || !(any_blanks ? is_ascii_space(z[at]) : z[at] == ' ')) return 0;
  at++;
  while (any_blanks && at < end && is_ascii_space(z[at])) at++;
  for (size_t p = 0; p < ws->npairs; p++) {
    if (ws->pair[p].n1 != n1) continue;
    const char *pair = ws->pairs + ws->pair[p].at;
    if (memcmp(pair, w1, n1) != 0) continue;
    const char *w2 = pair + n1 + 1;
    size_t k = 0;
    for (; w2[k]; k++) {
      if (at + k >= end) break;
      unsigned char c = z[at + k];
      if (c >= 0x80) return 1;
      if (!is_ascii_letter(c) || (char)(c | 0x20) != w2[k]) break;
    }
    if (!w2[k]) return 1;
  }
  return 0;
}

/* Is the paragraph's first word (its first letters, at most cap, in lower
   case; "#" when it does not begin with a letter) in the set?  The set's
   length and first-letter filter is asked before the word is copied. */
static int first_word_in(const word_set *ws, const unsigned char *z, size_t start, size_t end, size_t cap) {
  if (!is_ascii_letter(z[start])) return word_set_has(ws, "#", 1);
  size_t n = 0;
#ifdef HAVE_SSE2_LETTERS
  if (end - start >= 16) {   /* words are short: one mask usually holds the whole word */
    unsigned stop = ~letter_bits16(z + start) & 0xFFFFu;
    n = stop ? (size_t)__builtin_ctz(stop) : 16;
    if (n > cap) n = cap;
    if (stop) goto counted;
  }
#endif
  while (start + n < end && n < cap && is_ascii_letter(z[start + n])) n++;
#ifdef HAVE_SSE2_LETTERS
counted:
#endif
  if (n < 32 && !((ws->first[n] >> first_bit(z[start] | 0x20)) & 1)) return 0;
  char buf[32];
#ifdef HAVE_SSE2_LETTERS
  if (end - start >= 16 && n <= 16) {
    /* lower-cased in one store (the bytes after the word are never read):
       a byte loop mispredicts on the word's length */
    _mm_storeu_si128((__m128i *)buf, _mm_or_si128(_mm_loadu_si128((const __m128i *)(z + start)),
                                                  _mm_set1_epi8(0x20)));
  } else
#endif
  for (size_t i = 0; i < n; i++) buf[i] = (char)(z[start + i] | 0x20);
  int found = word_set_has(ws, buf, n);
  return found == 2 ? second_word_fits(ws, z, start + n, end, buf, n, 0) : found;
}

struct art_segment_state {
  pcre2_code *boilerplate;      /* patterns anchored at the paragraph start */
  pcre2_code *boilerplate_tail; /* patterns found anywhere in it */
  pcre2_code *boilerplate_last; /* patterns for the last paragraph only */
  pcre2_code *boilerplate_url;  /* patterns for lines that end in a web address */
  pcre2_code *dateline;
  pcre2_match_data *match;
  word_set lead_words;          /* third column of anchored patterns */
  word_set tail_words;          /* third column of tail patterns */
  word_set last_words;          /* third column of last-paragraph patterns */
};

static pcre2_code *compile(const char *pattern, size_t len, const char **err) {
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, len,
                                 PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
                                 &code, &offset, NULL);
  if (!re) {
    *err = "article: a boilerplate pattern does not compile";
    return NULL;
  }
  pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
  return re;
}

/* One alternation of the data file's patterns that do (anchored = 1) or do
   not start with ^. */
static pcre2_code *join_patterns(int anchored, const char **err) {
  const art_table *t = &art_table_boilerplate;
  size_t len = 0;
  for (uint32_t i = 0; i < t->count; i++) len += t->entries[i].key_len + 5;
  char *all = malloc(len + 1);
  if (!all) { *err = "article: out of memory"; return NULL; }
  size_t n = 0;
  for (uint32_t i = 0; i < t->count; i++) {
    const art_table_entry *e = &t->entries[i];
    if (pattern_group(e) != anchored) continue;
    if (n) all[n++] = '|';
    memcpy(all + n, "(?:", 3);
    n += 3;
    memcpy(all + n, e->key, e->key_len);
    n += e->key_len;
    all[n++] = ')';
  }
  if (n == 0) memcpy(all, "(*FAIL)", n = 7);
  pcre2_code *re = compile(all, n, err);
  free(all);
  return re;
}

int art_segment_state_init(art_context *ctx, const char **err) {
  struct art_segment_state *st = calloc(1, sizeof *st);
  if (!st) { *err = "article: out of memory"; return -1; }
  ctx->segment = st;
  st->boilerplate = join_patterns(1, err);
  if (!st->boilerplate) return -1;
  st->boilerplate_tail = join_patterns(0, err);
  if (!st->boilerplate_tail) return -1;
  st->boilerplate_last = join_patterns(2, err);
  if (!st->boilerplate_last) return -1;
  st->boilerplate_url = join_patterns(3, err);
  if (!st->boilerplate_url) return -1;
  if (word_set_build(&st->lead_words, 1) || word_set_build(&st->tail_words, 0) ||
      word_set_build(&st->last_words, 2)) {
    *err = "article: ext/data/boilerplate.tsv: a pattern lacks its words, or too many words";
    return -1;
  }
  static const char dateline[] =
      "^(?-i:\\p{Lu})[\\p{L}\\s.,'’-]{1,60}(?:\\s*\\([^)]{1,30}\\))?\\s*[—–-]+\\s*$";
  st->dateline = compile(dateline, sizeof dateline - 1, err);
  if (!st->dateline) return -1;
  st->match = pcre2_match_data_create(4, NULL);
  if (!st->match) { *err = "article: out of memory"; return -1; }
  return 0;
}

void art_segment_state_free(art_context *ctx) {
  struct art_segment_state *st = ctx->segment;
  if (!st) return;
  pcre2_code_free(st->boilerplate);
  pcre2_code_free(st->boilerplate_tail);
  pcre2_code_free(st->boilerplate_last);
  pcre2_code_free(st->boilerplate_url);
  pcre2_code_free(st->dateline);
  pcre2_match_data_free(st->match);
  free(st);
  ctx->segment = NULL;
}

static int matches(art_context *ctx, pcre2_code *re, const char *doc, size_t start, size_t end,
                   size_t from) {
  struct art_segment_state *st = ctx->segment;
  int rc = pcre2_match(re, (PCRE2_SPTR)doc + start, end - start, from, 0, st->match, NULL);
  return rc >= 0;
}

/* Tail patterns describe how a line ends, so they are searched only in its
   last TAIL_BYTES, starting on a character boundary. */
#define TAIL_BYTES 100
static size_t tail_offset(const char *doc, size_t start, size_t end) {
  if (end - start <= TAIL_BYTES) return 0;
  size_t i = end - TAIL_BYTES;
  while (i < end && ((unsigned char)doc[i] & 0xC0) == 0x80) i++;
  return i - start;
}

/* Does the paragraph end in a word (or character) that a tail pattern
   lists in its third column?  Saves searching most paragraphs. */
static int ends_in_tail_word(const struct art_segment_state *st, const char *doc, size_t start,
                             size_t end) {
  const unsigned char *z = (const unsigned char *)doc;
  size_t e = end;
#ifdef HAVE_SSE2_LETTERS
  /* back over the closing punctuation ('."', '!)') to the last letter or
     ')' in one mask: a byte loop mispredicts on how much there is */
  unsigned keep = end - start >= 16 ? letter_or_paren_bits16(z + end - 16) : 0;
  if (keep) e = end - 16 + (size_t)(32 - __builtin_clz(keep));
  else
#endif
  while (e > start && !(z[e - 1] == ')' || ((z[e - 1] | 0x20) >= 'a' && (z[e - 1] | 0x20) <= 'z')))
    e--;
  if (e == start) return 0;
  char word[16];
  if (z[e - 1] == ')') return word_set_has(&st->tail_words, ")", 1);
  /* the last letters (at most 15); the set's length and first-letter
     filter turns most away before they are copied lower-cased */
  size_t b = e;
#ifdef HAVE_SSE2_LETTERS
  if (e - start >= 16) {
    /* the 16 bytes that end at e as a mask of letters: the run is its top bits */
    __m128i v = _mm_loadu_si128((const __m128i *)(z + e - 16));
    __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i f = _mm_sub_epi8(lower, _mm_set1_epi8('a'));
    unsigned stop = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(f, _mm_set1_epi8(25)), f)) & 0xFFFFu;
    b = stop ? e - 16 + (size_t)(32 - __builtin_clz(stop)) : e - 16;
    if (e - b > sizeof word - 1) b = e - (sizeof word - 1);
    if (!((st->tail_words.first[e - b] >> first_bit(z[b] | 0x20)) & 1)) return 0;
    /* the same 16 bytes lower-cased in one store; the word is their end */
    char window[16];
    _mm_storeu_si128((__m128i *)window, lower);
    return word_set_has(&st->tail_words, window + 16 - (e - b), e - b);
  }
#endif
  while (b > start && e - b < sizeof word - 1 && is_ascii_letter(z[b - 1])) b--;
  if (!((st->tail_words.first[e - b] >> first_bit(z[b] | 0x20)) & 1)) return 0;
  for (size_t i = b; i < e; i++) word[i - b] = (char)(z[i] | 0x20);
  return word_set_has(&st->tail_words, word, e - b);
}


/* How many words from the start a last-paragraph pattern's word may stand:
   "Jane Q. Roe Smith wrote", four names and the word. */
#define LAST_WORD_SCAN 5

/* Is one of the last-paragraph patterns' words (lower-cased) one of the
   paragraph's first LAST_WORD_SCAN words, between ASCII white space?  A
   byte beyond ASCII among them might be a space of another kind (the
   patterns' \s) or a letter: then the answer is yes, and the pattern
   decides. */
static int leads_with_last_word(const struct art_segment_state *st, const unsigned char *z, size_t start,
                                size_t end) {
  size_t i = start;
  for (int w = 0; w < LAST_WORD_SCAN; w++) {
    while (i < end && is_ascii_space(z[i])) i++;
    if (i >= end) return 0;
    size_t a = i;
#ifdef HAVE_SSE2_LETTERS
    if (end - i >= 16) {
      /* the word's end (ASCII white space) or a byte beyond ASCII, found in
         one mask rather than a loop that mispredicts on each word's length */
      unsigned stop = space_or_high_bits16(z + i);
      if (stop) {
        i += (size_t)__builtin_ctz(stop);
        if (z[i] >= 0x80) return 1;
        goto word_found;
      }
    }
#endif
    for (; i < end && !is_ascii_space(z[i]); i++)
      if (z[i] >= 0x80) return 1;
#ifdef HAVE_SSE2_LETTERS
  word_found:;
#endif
    char word[16];
    size_t n = i - a;
    if (n >= sizeof word) continue;
    /* the set's length and first-letter filter before the word is copied */
    unsigned char c0 = z[a] >= 'A' && z[a] <= 'Z' ? z[a] | 0x20 : z[a];
    if (!((st->last_words.first[n] >> first_bit(c0)) & 1)) continue;
    for (size_t k = 0; k < n; k++) word[k] = (char)(z[a + k] >= 'A' && z[a + k] <= 'Z' ? z[a + k] | 0x20 : z[a + k]);
    int found = word_set_has(&st->last_words, word, n);
    if (found == 1 || (found == 2 && second_word_fits(&st->last_words, z, i, end, word, n, 1))) return 1;
  }
  return 0;
}

int art_is_boilerplate_last(art_context *ctx, const char *doc, size_t start, size_t end) {
  if (end - start > BOILERPLATE_MAX_BYTES || end <= start) return 0;
  /* Such notes open with a name: two capitalised words.  Checked in C first,
     as most last paragraphs are prose. */
  const unsigned char *z = (const unsigned char *)doc;
  size_t i = start;
  if (!(z[i] >= 'A' && z[i] <= 'Z') && z[i] < 0x80) return 0;
#ifdef HAVE_SSE2_LETTERS
  /* the first space in one mask: a byte loop mispredicts on the name's length */
  unsigned space = end - i >= 16 ? space_bits16(z + i) : 0;
  if (space) i += (size_t)__builtin_ctz(space);
  else
#endif
  while (i < end && z[i] != ' ') i++;
  while (i < end && z[i] == ' ') i++;
  if (i >= end || (!(z[i] >= 'A' && z[i] <= 'Z') && z[i] < 0x80)) return 0;
  return leads_with_last_word(ctx->segment, z, start, end) &&
         matches(ctx, ctx->segment->boilerplate_last, doc, start, end, 0);
}

/* Does the paragraph's last run of non-space bytes start like a web
   address ("https://…", "www.…")?  Only such lines meet the "$url" patterns
   ("AP NBA: https://apnews.com/hub/NBA", a label and a link). */
static int ends_in_url(const unsigned char *z, size_t start, size_t end) {
  /* An address is at least 8 bytes: a space or tab among the last 8 says no
     at once (most lines of prose end in a short word). */
  if (end - start >= 8) {
    uint64_t v;
    memcpy(&v, z + end - 8, 8);
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t sp = v ^ (ones * ' '), tab = v ^ (ones * '\t');   /* a zero byte where the byte is ' ' or '\t' */
    if ((((sp - ones) & ~sp) | ((tab - ones) & ~tab)) & highs) return 0;
  }
  size_t b = end;
#ifdef HAVE_SSE2_LETTERS
  /* back to the last space or tab, 16 bytes a step */
  for (;;) {
    if (b - start < 16) break;
    unsigned blank = blank_bits16(z + b - 16);
    if (blank) { b = b - 16 + (size_t)(32 - __builtin_clz(blank)); goto found; }
    b -= 16;
  }
#endif
  while (b > start && z[b - 1] != ' ' && z[b - 1] != '\t') b--;
#ifdef HAVE_SSE2_LETTERS
found:
#endif
  size_t n = end - b;
  if (n < 8) return 0;
  if (memcmp(z + b, "http://", 7) == 0 || memcmp(z + b, "https://", 8) == 0) return 1;
  return memcmp(z + b, "www.", 4) == 0;
}

int art_is_boilerplate_line(art_context *ctx, const char *doc, size_t start, size_t end) {
  if (end - start > BOILERPLATE_TAIL_MAX_BYTES || end <= start) return 0;
  if (end - start <= BOILERPLATE_MAX_BYTES) {
    if (ends_in_url((const unsigned char *)doc, start, end) &&
        matches(ctx, ctx->segment->boilerplate_url, doc, start, end, 0))
      return 1;
    if (first_word_in(&ctx->segment->lead_words, (const unsigned char *)doc, start, end, 24) &&
        matches(ctx, ctx->segment->boilerplate, doc, start, end, 0))
      return 1;
  }
  return ends_in_tail_word(ctx->segment, doc, start, end) &&
         matches(ctx, ctx->segment->boilerplate_tail, doc, start, end, tail_offset(doc, start, end));
}

int art_is_dateline_line(art_context *ctx, const char *doc, size_t start, size_t end) {
  if (end - start > 80 || end <= start) return 0;
  /* It must end in a dash: - – — */
  const unsigned char *z = (const unsigned char *)doc;
  if (z[end - 1] != '-' && !(end - start >= 3 && z[end - 3] == 0xE2 && z[end - 2] == 0x80 &&
                             (z[end - 1] == 0x93 || z[end - 1] == 0x94)))
    return 0;
  return matches(ctx, ctx->segment->dateline, doc, start, end, 0);
}
