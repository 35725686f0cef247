/*
** values.c — numbers, money, percentages, quantities, ordinals, dates and
** times in one sentence, with their values (include/article_values.h).
**
** How it works.  Most of a news sentence holds no value at all, so the scan
** is built to reject quickly.  It reads the sentence 64 bytes at a time as
** two bit masks, "ASCII letter" and "digit" (SSE2 where there is one), and
** stops only at
**
**   - the start of a run of digits, and
**   - the start of a word whose length and first and last two letters fit
**     some key of ext/data/value_words.tsv (a 2 KB Bloom filter of those
**     "shapes" answers for a whole block without a branch per word), and
**     then only if the folded word is in that table (one hash probe).
**     About one word in twenty gets that far.
**
** Each stop runs a small hand-written grammar anchored there: a number
** grammar (digits with separators and suffixes, or number words), then a
** look at the words to its right that decide the type (percent, a currency,
** a unit, a calendar or clock unit, a month), then a look to its left for
** words OntoNotes keeps in the span (approximators, "the past", "a",
** currency signs).  Month, weekday and relative-date words have grammars of
** their own.  The words those grammars consult live in data files
** (value_context.tsv, units.tsv, currencies.tsv, currency_codes.tsv), so the
** code holds the grammar and the files hold the vocabulary.
**
** Why not pcre2 here: every decision depends on table lookups (is the next
** word a unit? a currency? a month?) that a regular expression cannot make,
** and an anchored JIT match per digit would cost more than the grammar.  The
** state is therefore only read-only tables, built once per process.  Since a
** number asks a dozen tables about the words next to it, those tables are
** merged into one vocabulary of single words: one probe tells a word's
** class, its roles, and which phrase lengths of which table it can start or
** end, so the usual word, in none of them, costs one miss.  The scan also
** keeps the folded tokens after one position, the phrases before one
** position and the last few words it looked up, since the grammars ask about
** the same words several times over.
**
** Spans never overlap: a match moves the scan past its end, and left
** extensions stop at the end of the previous match (`floor`).
**
** Conventions (OntoNotes as spaCy's English models learned it):
**   "about 200", "more than 130", "over a million"   CARDINAL, approximator kept
**   "1,200" 1200   "five" 5   "two dozen" 24   "hundreds" (no value)
**   "first", "94th"                                    ORDINAL
**   "$1.2 billion", "5 dollars", "Rs 500", "£10bn"     MONEY
**   "5%", "five per cent", "2 percentage points"       PERCENT
**   "5 km", "2,000 square feet", "a 10-mile walk"      QUANTITY
**   "2023", "the 1990s", "October 7", "last week", "three years", "today"
**   "the past three years", "25-year-old"              DATE
**   "7:30 a.m.", "midnight", "Tuesday night", "two hours", "this morning"  TIME
**   "6 p.m. to 2 a.m.", "9am-5pm" one TIME; "11:52 p.m. local time": "local
**   time" left out (tests/eval), "9 a.m. GMT" kept
**   "above 30%", "below 5 percent" keep the word; "above 100 pounds" does not
**   "Maria Lopez, 64,", "Chirwa, 66,", "aged 45" (ages)  DATE
**   "the first six months of this year", "three months ended Sept. 30",
**   "2 hours and 21 minutes", "one more year", "last quarter"  one span each
**   "$4 million over three years": "over" means "during", left out; "for
**   over a decade" keeps it
**   "5 million pounds", "a price of 40 pounds" MONEY; "weighed 8 pounds",
**   "300 pounds of cocaine" QUANTITY (pounds and crowns are money when the
**   sentence says so)
**   "aged 40 to 79", "aged between 18 and 65"          DATE (ages)
**   "the next financial year", "fiscal year 2025", "Q3", "H1", "FY2025",
**   "the first half" in a sentence about money        DATE
**   "5p", "136.4p"                                     MONEY
**   "$2-3 billion", "$25 to $50", "between 10% and 15%", "1 in 5",
**   "between 250 euros and 600 euros", "5 to 8 million dollars"  one span,
**   no value; "rose from $25 to $43", "fell 12% to 6%": two (a change)
**   "Dortmund 2-1", "voted 52-48", "Knicks 118-112"    CARDINAL (scores, votes)
** Not values: "no one", "a new one", "one can", "one-time", "net zero",
** parts of names and codes ("F-16", "COVID-19", "Flight 370", "G7"), phone
** numbers, versions, "24/7"; rates after an amount ("20 minutes a day",
** "$5 a day", "twice a year": the amount only), and "annual", "daily",
** "weekly" alone (tests/eval annotates neither).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <stdatomic.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include "article_context.h"
#include "article_tables.h"
#include "article_text.h"
#include "article_values.h"

/* Rarely run: kept out of the hot code, so that what runs for every
** sentence shares fewer instruction cache lines. */
#if defined(__GNUC__)
#define COLD __attribute__((cold))
#else
#define COLD
#endif
/* Run for every block of every sentence: worth a copy at each call. */
#if defined(__GNUC__)
#define ALWAYS_INLINE __attribute__((always_inline))
#else
#define ALWAYS_INLINE
#endif
/* Hot helpers built twice, and chosen when the library loads: for
** processors of the x86-64-v3 level (BMI2: a shift by a register needs no
** move to CL) and for any other. */
#if defined(__GNUC__) && __GNUC__ >= 12 && defined(__x86_64__) && !defined(__clang__) && \
    defined(__GLIBC__)   /* ifunc: glibc only; the "x86-64-v3" level: GCC 12 */
#define V3_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define V3_CLONES
#endif
/* The slow half of a helper whose fast half is inlined at every call. */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* ---------------------------------------------------------------------------
** Read-only state: what each table entry means, decoded once.
*/

/* Word classes of value_words.tsv. */
enum {
  W_NONE = 0, W_CARDINAL, W_ORDINAL, W_SCALE, W_VAGUE, W_FRACTION, W_MONTH, W_MONTHABBR,
  W_WEEKDAY, W_PERIOD, W_TIMEUNIT, W_DAYPART, W_TIMEWORD, W_DAYWORD, W_SEASON, W_HOLIDAY,
  W_DECADES, W_COUNT
};
static const char *const word_class_names[W_COUNT] = {
  "", "cardinal", "ordinal", "scale", "vague", "fraction", "month", "monthabbr",
  "weekday", "period", "timeunit", "daypart", "timeword", "dayword", "season", "holiday",
  "decades"
};

/* Roles of value_context.tsv, as bits. */
enum {
  R_APPROX = 1 << 0, R_DATEMOD = 1 << 1, R_THE = 1 << 2, R_RELPOS = 1 << 3,
  R_BOUNDARY = 1 << 4, R_AFTER = 1 << 5, R_PERCENT = 1 << 6, R_CLOCK = 1 << 7,
  R_ZONE = 1 << 8, R_YEARPREP = 1 << 9, R_PRONOUN = 1 << 10, R_QUANT = 1 << 11,
  R_STREAK = 1 << 12, R_NUMBERED = 1 << 13, R_ERA = 1 << 14, R_RATE = 1 << 15, R_INPREP = 1 << 16,
  R_OVERMORE = 1 << 17, R_AGE = 1 << 18, R_PERIODMOD = 1 << 19, R_ENDED = 1 << 20, R_DURPREP = 1 << 21,
  R_NOTCOUNT = 1 << 22, R_DET = 1 << 23, R_CLAUSE = 1 << 24, R_MODAL = 1 << 25, R_MONEYCUE = 1 << 26,
  R_WEIGHTCUE = 1 << 27, R_LABEL = 1 << 28, R_FISCAL = 1 << 29,
  R_PERIODCODE = 1 << 30
};
#define R_CHANGE (1u << 31)   /* past the int range of the enum */
static const char *const role_names[] = {
  "approx", "datemod", "the", "relpos", "boundary", "after", "percent", "clock",
  "zone", "yearprep", "pronoun", "quant", "streak", "numbered", "era", "rate", "inprep",
  "overmore", "age", "periodmod", "ended", "durprep", "notcount", "det", "clause", "modal",
  "moneycue", "weightcue", "label", "fiscal", "periodcode", "change"
};

/* Where a currency of currencies.tsv is written: before the amount ("$5"),
** after it ("5 dollars"), after it when the sentence speaks of money ("5
** million pounds"; "8 pounds" is a weight unless a price is near), or glued
** to the digits ("5p"). */
enum { CUR_PREFIX = 1, CUR_SUFFIX = 2, CUR_CONTEXT = 3, CUR_GLUED = 4 };

/* The phrase tables the grammars look words up in after a number. */
enum { T_CONTEXT, T_UNITS, T_CURRENCIES, T_COUNT };

/* Byte classes for the tests made on every byte the grammars walk over:
** one load instead of a chain of comparisons.  Filled by build_state. */
enum {
  B_ALNUM = 1,       /* ASCII letter or digit */
  B_TOKEN_END = 2    /* ends a token after a number: ASCII space or control, , ; : ! ? ( ) [ ] " - */
};
static uint8_t byte_class[256];

#define IS_DIGIT(c) ((unsigned)((c) - '0') < 10u)
#define IS_UPPER(c) ((unsigned)((c) - 'A') < 26u)
#define IS_LOWER(c) ((unsigned)((c) - 'a') < 26u)
#define IS_ALPHA(c) ((unsigned)(((c) | 0x20) - 'a') < 26u)   /* 'A'..'Z' | 0x20 is 'a'..'z' */
#define IS_ALNUM(c) ((byte_class[(unsigned char)(c)] & B_ALNUM) != 0)
#define LOWER(c) (IS_UPPER(c) ? (c) + 32 : (c))
#define MAX_WORD 24      /* longer words are never value words */
#define MAX_PHRASE 80    /* folded phrase buffer: three words of MAX_WORD and more */

/* A folded word of at most MAX_WORD bytes packed into three zero-padded
** 64-bit words, so that hashing and comparing it are a few operations
** instead of a loop over bytes. */
typedef struct vkey {
  uint64_t w[3];
} vkey;

/* Up to eight bytes s[0..n), each ORed with `fold`, little end first. */
static inline uint64_t pack8(const unsigned char *s, size_t n, unsigned char fold) {
  uint64_t x = 0;
  for (size_t i = n; i-- > 0;) x = x << 8 | (unsigned char)(s[i] | fold);
  return x;
}

/* The key of s[0..n) (n <= MAX_WORD); fold = 0x20 lower-cases ASCII letters.
** Built in registers: writing bytes and reading words back would stall. */
static inline void vkey_pack(vkey *k, const unsigned char *s, size_t n, unsigned char fold) {
  k->w[0] = pack8(s, n < 8 ? n : 8, fold);
  k->w[1] = n > 8 ? pack8(s + 8, n < 16 ? n - 8 : 8, fold) : 0;
  k->w[2] = n > 16 ? pack8(s + 16, n - 16, fold) : 0;
}

/* The same, with eight bytes from s in one load when they may be read
** (avail >= 8) and the word fits: most do; a word of nine to sixteen
** bytes in two.  fold as for vkey_pack. */
static inline void vkey_pack_fast(vkey *k, const unsigned char *s, size_t n, size_t avail, unsigned char fold) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (n <= 8 && avail >= 8) {
    uint64_t x;
    memcpy(&x, s, 8);
    k->w[0] = (x | fold * 0x0101010101010101ull) & (n == 8 ? ~0ull : (1ull << (8 * n)) - 1);
    k->w[1] = k->w[2] = 0;
    return;
  }
  if (n <= 16 && avail >= 16) {
    uint64_t x, y;
    memcpy(&x, s, 8);
    memcpy(&y, s + 8, 8);
    k->w[0] = x | fold * 0x0101010101010101ull;
    k->w[1] = (y | fold * 0x0101010101010101ull) & (n == 16 ? ~0ull : (1ull << (8 * (n - 8))) - 1);
    k->w[2] = 0;
    return;
  }
#else
  (void)avail;
#endif
  vkey_pack(k, s, n, fold);
}

/* The key of the ASCII letters s[0..n), lower-cased (avail bytes readable from s). */
static inline void vkey_pack_letters(vkey *k, const unsigned char *s, size_t n, size_t avail) {
  vkey_pack_fast(k, s, n, avail, 0x20);
}

/* The key of a token folded already, in a buffer of MAX_PHRASE bytes. */
static inline void vkey_pack_bytes(vkey *k, const unsigned char *s, size_t n) {
  vkey_pack_fast(k, s, n, MAX_PHRASE, 0);
}

/*
** The vocabulary: every word (at most MAX_WORD bytes) of every key of
** value_words, value_context, units and currencies, with what each table
** says of it.  One probe answers "is this a value word, which class?",
** "its roles?" and "can a unit, currency or context phrase start (or a
** context phrase end) here, and of how many words?", so a word that is in
** none of the tables, the usual case, costs one miss and never a lookup per
** table and phrase length.  Phrases of two or three words are still looked
** up whole in their table, only when the words allow one.
*/
typedef struct vword {
  _Alignas(64) vkey key;      /* a word per cache line: a probe and what follows it read one line */
  uint8_t len;
  uint8_t cls;                /* class in value_words.tsv, W_NONE if absent */
  uint8_t first_of[T_COUNT];  /* bit k: first word of a k-word key of that table */
  uint8_t last_of;            /* bit k: last word of a k-word key of value_context */
  uint8_t in_table;           /* bit t: a key of table t is this word or starts with it (entry or first_of) */
  int16_t entry[T_COUNT];     /* its one-word key in that table, -1 if none */
  uint32_t roles;             /* roles of its one-word key in value_context */
  uint32_t first_roles;       /* roles of every value_context key it starts */
  double num;                 /* number in value_words.tsv */
} vword;

typedef struct art_values_state {
  uint32_t *roles;          /* per value_context entry */
  uint8_t *currency_prefix; /* per currencies entry: CUR_PREFIX, CUR_SUFFIX, CUR_CONTEXT */
  uint64_t prefix_first[4]; /* bit c: some CUR_PREFIX key starts with byte c */
  vword *vocab;             /* the vocabulary, and its open-addressing index */
  uint32_t nvocab, vocab_cap;
  uint16_t *vocab_slots;    /* tag | vocab index + 1, 0 = empty; vocab_mask + 1 slots */
  uint32_t vocab_mask;
  int vocab_shift;          /* 64 - log2(slots): a slot is the hash's top bits */
  uint16_t index_mask;      /* the low bits of a slot that hold the index; the rest is a tag */
  uint64_t shapes[256];     /* 16384-bit Bloom filter of value word shapes, see shape_bit() */
  unsigned min_shape_len;   /* the shortest word in that filter: shorter runs are never tested */
} art_values_state;

static art_values_state g_state;
static const char *g_state_err;
static pthread_once_t g_state_once = PTHREAD_ONCE_INIT;

/*
** A word's shape: its length and its first two and last two letters,
** folded to lower case, hashed to one of 16384 bits.  The scan asks the
** shape filter about every word before it asks the vocabulary: 2 KB stays
** in the cache where the vocabulary might not, and only a few words in a
** hundred that are not value words share a value word's bit.  The letters
** are read as two 16-bit loads, so w[0..len) must hold at least two bytes.
** The length goes into the low bits of the key by xor, one instruction for
** every word of the text: it only picks a bit, and a word that shares a
** value word's bit is still looked up before anything is decided (every
** key of value_words.tsv that a folded run of letters can equal is in the
** filter, so the filter drops no word that the lookup would find).
*/
static inline ALWAYS_INLINE uint32_t shape_bit_n(const unsigned char *w, uint64_t len) {
  uint16_t head, tail;
  memcpy(&head, w, 2);
  memcpy(&tail, w + len - 2, 2);
  uint64_t x = ((uint32_t)head << 16 | tail | 0x20202020u) ^ len;
  return (uint32_t)((x * 0x9E3779B97F4A7C15ull) >> 50);
}

/* The same for the word blk[i..j), its two ends addressed from blk, as
** the whole product: the bit is its top 14 bits. */
static inline ALWAYS_INLINE uint64_t shape_hash_at(const unsigned char *blk, uint64_t i, uint64_t j) {
  uint16_t head, tail;
  memcpy(&head, blk + i, 2);
  memcpy(&tail, blk + j - 2, 2);
  uint64_t x = ((uint32_t)head << 16 | tail | 0x20202020u) ^ (j - i);
  return x * 0x9E3779B97F4A7C15ull;
}

static inline ALWAYS_INLINE uint32_t shape_bit(const unsigned char *w, unsigned len) {
  return shape_bit_n(w, len);
}

/* Multiplicative hashing: the top bits pick the slot, and the slot's bits
** that the entry index leaves free keep a tag from lower bits, so a probe
** that meets another word rarely has to read that word's entry.  Slots are
** 16 bits: the index is a few KB, small enough to stay in the cache. */
static inline uint64_t vkey_hash(const vkey *k, size_t len) {
  if (len <= 8) return (k->w[0] ^ len) * 0x9E3779B97F4A7C15ull;   /* the same: w[1] = w[2] = 0 */
  return (k->w[0] ^ (k->w[1] * 0xC2B2AE3D27D4EB4Full) ^ (k->w[2] * 0x165667B19E3779F9ull) ^ len) *
         0x9E3779B97F4A7C15ull;
}

static inline uint16_t vkey_tag(const art_values_state *st, uint64_t h) {
  return (uint16_t)(h >> 16) & (uint16_t)~st->index_mask;
}

static inline ALWAYS_INLINE const vword *vocab_find(const art_values_state *st, const vkey *k, size_t len) {
  uint64_t h = vkey_hash(k, len);
  uint32_t i = (uint32_t)(h >> st->vocab_shift);
  uint16_t tag = vkey_tag(st, h);
  if (len <= 8) {
    /* most words: one 64-bit word of key (the others are zero in both keys) */
    for (;;) {
      uint16_t slot = st->vocab_slots[i];
      if (!slot) return NULL;
      if ((slot & ~st->index_mask) == tag) {
        const vword *w = &st->vocab[(slot & st->index_mask) - 1];
        if (w->key.w[0] == k->w[0] && w->len == len) return w;
      }
      i = (i + 1) & st->vocab_mask;
    }
  }
  for (;;) {
    uint16_t slot = st->vocab_slots[i];
    if (!slot) return NULL;
    if ((slot & ~st->index_mask) == tag) {
      const vword *w = &st->vocab[(slot & st->index_mask) - 1];
      if (w->key.w[0] == k->w[0] && w->key.w[1] == k->w[1] && w->key.w[2] == k->w[2] && w->len == len) return w;
    }
    i = (i + 1) & st->vocab_mask;
  }
}

/* The vocabulary entry of s[0..n), added if new; NULL when out of memory. */
COLD static vword *vocab_add(art_values_state *st, const char *s, size_t n) {
  vkey k;
  vkey_pack(&k, (const unsigned char *)s, n, 0);
  vword *w = (vword *)vocab_find(st, &k, n);
  if (w) return w;
  if (st->nvocab == st->vocab_cap) return NULL;
  w = &st->vocab[st->nvocab++];
  memset(w, 0, sizeof *w);
  w->key = k;
  w->len = (uint8_t)n;
  for (int t = 0; t < T_COUNT; t++) w->entry[t] = -1;
  uint64_t h = vkey_hash(&k, n);
  uint32_t i = (uint32_t)(h >> st->vocab_shift);
  while (st->vocab_slots[i]) i = (i + 1) & st->vocab_mask;
  st->vocab_slots[i] = (uint16_t)(vkey_tag(st, h) | st->nvocab);
  return w;
}

/* Add every word of table t's keys to the vocabulary as table `which`. */
COLD static int vocab_add_table(art_values_state *st, const art_table *t, int which) {
  for (uint32_t i = 0; i < t->count; i++) {
    const char *key = t->entries[i].key;
    size_t n = t->entries[i].key_len, nwords = 1;
    for (size_t j = 0; j < n; j++) nwords += key[j] == ' ';
    if (nwords > 3) continue;   /* never found: the grammars look up at most three words */
    const char *w = key;
    for (size_t k = 0; k < nwords; k++) {
      const char *sp = memchr(w, ' ', (size_t)(key + n - w));
      size_t wl = sp ? (size_t)(sp - w) : (size_t)(key + n - w);
      /* a longer word never matches: the scanner reads no longer words */
      if (wl >= 1 && wl <= MAX_WORD) {
        vword *v = vocab_add(st, w, wl);
        if (!v) return 1;
        if (nwords == 1 || k == 0) v->in_table |= (uint8_t)(1u << which);
        if (nwords == 1) {
          /* the entry a lookup would return, should a key be listed twice */
          const art_table_entry *en = art_table_find(t, key, n);
          v->entry[which] = (int16_t)(en - t->entries);
          if (which == T_CONTEXT) v->roles = st->roles[en - t->entries];
        }
        if (k == 0) {
          v->first_of[which] |= (uint8_t)(1u << nwords);
          if (which == T_CONTEXT) v->first_roles |= st->roles[i];
        }
        if (k == nwords - 1 && which == T_CONTEXT) v->last_of |= (uint8_t)(1u << nwords);
      }
      if (sp) w = sp + 1;
    }
  }
  return 0;
}

static void choose_sentence_masks(void);

COLD static void build_state(void) {
  art_values_state *st = &g_state;
  choose_sentence_masks();
  for (int c = 0; c < 256; c++) {
    if (IS_DIGIT(c) || IS_ALPHA(c)) byte_class[c] |= B_ALNUM;
    if (c <= ' ' || (c < 0x80 && strchr(",;:!?()[]\"-", c))) byte_class[c] |= B_TOKEN_END;
  }
  const art_table *vw = &art_table_value_words, *vc = &art_table_value_context;
  const art_table *cur = &art_table_currencies, *units = &art_table_units;
  const art_table *phrase_tables[T_COUNT] = {vc, units, cur};
  st->roles = calloc(vc->count ? vc->count : 1, sizeof(uint32_t));
  st->currency_prefix = calloc(cur->count ? cur->count : 1, 1);
  /* room for every word of every key; twice as many slots keeps probes short */
  size_t words = vw->count;
  for (int t = 0; t < T_COUNT; t++)
    for (uint32_t i = 0; i < phrase_tables[t]->count; i++) {
      words++;
      for (size_t j = 0; j < phrase_tables[t]->entries[i].key_len; j++) words += phrase_tables[t]->entries[i].key[j] == ' ';
    }
  /* entries are indexed by 16 bits: int16_t vword.entry and the slots */
  if (words >= 0x7FFF) { g_state_err = "values: data tables too large"; return; }
  uint32_t nslots = 64;
  st->vocab_shift = 58;
  while (nslots < 2 * words) { nslots *= 2; st->vocab_shift--; }
  st->index_mask = 1;
  while (st->index_mask < words + 1) st->index_mask = (uint16_t)(st->index_mask << 1 | 1);
  st->vocab = aligned_alloc(_Alignof(vword), (words ? words : 1) * sizeof *st->vocab);
  if (st->vocab) memset(st->vocab, 0, (words ? words : 1) * sizeof *st->vocab);
  st->vocab_cap = (uint32_t)words;
  st->vocab_slots = calloc(nslots, sizeof *st->vocab_slots);
  st->vocab_mask = nslots - 1;
  if (!st->roles || !st->currency_prefix || !st->vocab || !st->vocab_slots) {
    g_state_err = "values: out of memory";
    return;
  }
  for (uint32_t i = 0; i < vc->count; i++) {
    const char *r = vc->entries[i].value;
    uint32_t bits = 0;
    while (*r) {
      size_t n = strcspn(r, ",");
      size_t k;
      for (k = 0; k < sizeof role_names / sizeof role_names[0]; k++)
        if (strlen(role_names[k]) == n && memcmp(role_names[k], r, n) == 0) break;
      if (k == sizeof role_names / sizeof role_names[0]) {
        g_state_err = "values: unknown role in value_context.tsv";
        return;
      }
      bits |= 1u << k;
      r += n;
      if (*r == ',') r++;
    }
    st->roles[i] = bits;
  }
  for (uint32_t i = 0; i < cur->count; i++) {
    const char *v = cur->entries[i].value;
    if (strcmp(v, "prefix") == 0) {
      st->currency_prefix[i] = CUR_PREFIX;
      unsigned char c0 = (unsigned char)cur->entries[i].key[0];
      st->prefix_first[c0 >> 6] |= 1ull << (c0 & 63);
    } else if (strcmp(v, "suffix") == 0) st->currency_prefix[i] = CUR_SUFFIX;
    else if (strcmp(v, "context") == 0) st->currency_prefix[i] = CUR_CONTEXT;
    else if (strcmp(v, "glued") == 0) st->currency_prefix[i] = CUR_GLUED;
    else { g_state_err = "values: bad position in currencies.tsv"; return; }
  }
  for (int t = 0; t < T_COUNT; t++)
    if (vocab_add_table(st, phrase_tables[t], t)) { g_state_err = "values: out of memory"; return; }
  for (uint32_t i = 0; i < vw->count; i++) {
    const art_table_entry *e = &vw->entries[i];
    int c;
    for (c = 1; c < W_COUNT; c++) if (strcmp(e->value, word_class_names[c]) == 0) break;
    if (c == W_COUNT) { g_state_err = "values: unknown class in value_words.tsv"; return; }
    /* a lookup folds the word and reads at most MAX_WORD letters; a key listed twice keeps its first entry */
    if (e->key_len < 1 || e->key_len > MAX_WORD || art_table_find(vw, e->key, e->key_len) != e) continue;
    vword *v = vocab_add(st, e->key, e->key_len);
    if (!v) { g_state_err = "values: out of memory"; return; }
    v->cls = (uint8_t)c;
    v->num = strtod(e->extra, NULL);
    /* the scan reads runs of letters of two or more and looks them up lower-cased */
    const unsigned char *k = (const unsigned char *)e->key;
    size_t n = e->key_len;
    if (IS_LOWER(k[0]) && n >= 2) {
      uint32_t bit = shape_bit(k, (unsigned)n);
      st->shapes[bit >> 6] |= 1ull << (bit & 63);
      if (!st->min_shape_len || n < st->min_shape_len) st->min_shape_len = (unsigned)n;
    }
  }
}

/* Built once; after that every sentence sees g_state_ready set and skips
** pthread_once(), a library call per sentence otherwise. */
static atomic_int g_state_ready;

static const art_values_state *values_state(const char **err) {
  if (atomic_load_explicit(&g_state_ready, memory_order_acquire)) return &g_state;
  pthread_once(&g_state_once, build_state);
  if (g_state_err) { if (err) *err = g_state_err; return NULL; }
  atomic_store_explicit(&g_state_ready, 1, memory_order_release);
  return &g_state;
}

int art_values_state_init(art_context *ctx, const char **err) {
  (void)ctx;
  return values_state(err) ? 0 : 1;
}

/* The tables live for the process: contexts come and go, the state stays. */
void art_values_state_free(art_context *ctx) { (void)ctx; }

/* ---------------------------------------------------------------------------
** The scan: one sentence, its bounds, and the output.
*/

typedef struct after_tokens {
  size_t pos;                     /* where they were read; (size_t)-1: not yet */
  int n;                          /* tokens read so far (at most 3, read when asked for) */
  int more;                       /* another token may follow the last one read */
  size_t next;                    /* where the next token starts */
  size_t tok_end[3];              /* end of token k in the document */
  size_t buf_len[3];              /* length of tokens 0..k in buf */
  const vword *first;             /* token 0 in the vocabulary, or NULL */
  const vword *first_nodot;       /* token 0 without its final '.', or NULL */
  unsigned tables;                /* bit t: token 0 (either way) is or starts a key of table t */
  uint32_t roles;                 /* every value_context role a key it is or starts may have */
  char buf[MAX_PHRASE + 8];       /* + 8: read_token() folds eight bytes at a time */
} after_tokens;

typedef struct before_phrases {
  size_t pos, floor;              /* where they were read; pos (size_t)-1: not yet */
  unsigned roles[3];              /* roles of the 1-, 2- and 3-word phrase (0: none) */
  unsigned any;                   /* the three OR-ed: most questions end on it */
  int entry[3];                   /* their value_context entries, where roles are set */
  size_t start[3];
} before_phrases;

/* The words looked up lately, by start, and the last word found after a
** position: the grammars ask about the word after a number several times
** over (a scale? a period? a month? its roles?), and reading and probing
** it each time would be most of their cost. */
#define WORD_MEMO 8
typedef struct word_memo {
  size_t s[WORD_MEMO], e[WORD_MEMO];   /* s (size_t)-1: empty */
  const vword *w[WORD_MEMO];
  size_t next_at;                      /* next_word()'s last p, (size_t)-1: none */
  size_t next_ws, next_we;
  int next_found;
} word_memo;

typedef struct vscan {
  const unsigned char *z;
  size_t lo, hi;         /* the sentence */
  size_t floor;          /* end of the last match; left extensions stop here */
  art_etype last_type;   /* the last match's type, ART_ENT_NONE before the first */
  const art_values_state *st;
  after_tokens *after;   /* scratch on the scan's stack */
  before_phrases *before;
  word_memo *memo;
  const uint64_t *letters;  /* bit i: z[lo + i] is an ASCII letter (and a zero word after
                            ** the last block); NULL for a sentence too long to keep them */
} vscan;

typedef struct vmatch {
  size_t s, e;
  art_etype type;
  int has_value;
  double value;
  char date[11];
} vmatch;

static void set_match(vmatch *m, size_t s, size_t e, art_etype t) {
  m->s = s; m->e = e; m->type = t; m->has_value = 0; m->value = 0; m->date[0] = 0;
}

/* ---- characters ---------------------------------------------------------- */

/* Bytes of the whitespace character at p (0 if none): ASCII space, tab,
** line breaks, no-break space and the thin / narrow spaces news uses. */
static inline size_t ws_at(const vscan *vs, size_t p) {
  const unsigned char *z = vs->z;
  if (p >= vs->hi) return 0;
  unsigned char c = z[p];
  if (c == ' ') return 1;
  if (c > ' ' && c < 0x80) return 0;
  if (c == '\t' || c == '\n' || c == '\r') return 1;
  if (c == 0xC2 && p + 1 < vs->hi && z[p + 1] == 0xA0) return 2;
  if (c == 0xE2 && p + 2 < vs->hi && z[p + 1] == 0x80 &&
      ((z[p + 2] >= 0x80 && z[p + 2] <= 0x8A) || z[p + 2] == 0xAF)) return 3;
  return 0;
}

static inline size_t ws_before(const vscan *vs, size_t p, size_t lo) {
  const unsigned char *z = vs->z;
  if (p <= lo) return 0;
  unsigned char c = z[p - 1];
  if (c == ' ') return 1;
  if (c > ' ' && c < 0x80) return 0;
  if (c == '\t' || c == '\n' || c == '\r') return 1;
  if (c == 0xA0 && p >= lo + 2 && z[p - 2] == 0xC2) return 2;
  if (p >= lo + 3 && z[p - 3] == 0xE2 && z[p - 2] == 0x80 &&
      ((c >= 0x80 && c <= 0x8A) || c == 0xAF)) return 3;
  return 0;
}

static size_t skip_ws(const vscan *vs, size_t p) {
  size_t n;
  while ((n = ws_at(vs, p)) != 0) p += n;
  return p;
}

static size_t skip_ws_back(const vscan *vs, size_t p) {
  size_t n;
  while ((n = ws_before(vs, p, vs->floor)) != 0) p -= n;
  return p;
}

/* The end of the run of ASCII letters at p (p <= hi): the first q >= p
** that holds no letter, or hi.  The words the grammars read are found this
** way a mask word at a time rather than a byte at a time. */
static inline size_t letters_end(const vscan *vs, size_t p) {
  if (!vs->letters) {
    while (p < vs->hi && IS_ALPHA(vs->z[p])) p++;
    return p;
  }
  size_t i = p - vs->lo;
  for (;;) {
    uint64_t other = ~vs->letters[i >> 6] >> (i & 63);   /* the mask is zero past hi */
    if (other) return vs->lo + i + (size_t)__builtin_ctzll(other);
    i = (i | 63) + 1;
  }
}

/* The start of the run of ASCII letters that ends at q, not below stop (lo <= stop <= q). */
static inline size_t letters_start(const vscan *vs, size_t q, size_t stop) {
  if (!vs->letters) {
    while (q > stop && IS_ALPHA(vs->z[q - 1])) q--;
    return q;
  }
  size_t i = q - vs->lo;   /* bits [0, i) are the bytes before q */
  while (i > stop - vs->lo) {
    size_t w = (i - 1) >> 6;
    unsigned k = (unsigned)(i - (w << 6));   /* 1..64 bits of mask word w lie before q */
    /* those k bits moved to the top: the highest non-letter is clz bytes before i */
    uint64_t other = ~vs->letters[w] << (64 - k);
    if (other) {
      size_t s = vs->lo + i - (size_t)__builtin_clzll(other);
      return s > stop ? s : stop;
    }
    i = w << 6;
  }
  return stop;
}

COLD static int is_letter_cp(int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
         c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO || c == UTF8PROC_CATEGORY_MN ||
         c == UTF8PROC_CATEGORY_MC;
}

/* Is a letter or digit (of any script) just before p?  Then p starts no word. */
static inline int wordchar_before(const vscan *vs, size_t p) {
  if (p <= vs->lo) return 0;
  unsigned char c = vs->z[p - 1];
  if (c < 0x80) return IS_ALNUM(c);
  size_t len;
  return is_letter_cp(art_utf8_decode_before(vs->z + vs->lo, p - vs->lo, &len));
}

static inline int wordchar_at(const vscan *vs, size_t p) {
  if (p >= vs->hi) return 0;
  unsigned char c = vs->z[p];
  if (c < 0x80) return IS_ALNUM(c);
  size_t len;
  return is_letter_cp(art_utf8_decode(vs->z + p, vs->hi - p, &len));
}

/* Apostrophe (ASCII or U+2019) at p: its length, else 0. */
COLD static size_t apostrophe_at(const vscan *vs, size_t p) {
  if (p < vs->hi && vs->z[p] == '\'') return 1;
  if (p + 2 < vs->hi && vs->z[p] == 0xE2 && vs->z[p + 1] == 0x80 && vs->z[p + 2] == 0x99) return 3;
  return 0;
}

/* Hyphen or en dash at p (ranges, compounds): its length, else 0.  The
** byte is read once: most positions asked about hold neither. */
static inline size_t dash_at(const vscan *vs, size_t p) {
  if (p >= vs->hi) return 0;
  unsigned char c = vs->z[p];
  if (c == '-') return 1;
  if (c != 0xE2 || p + 2 >= vs->hi) return 0;
  return vs->z[p + 1] == 0x80 && vs->z[p + 2] == 0x93 ? 3 : 0;
}

/* ---- words and lookups --------------------------------------------------- */

/* Lower-case the ASCII letters z[s..e) into buf (the caller checks the length). */
static size_t fold_letters(const vscan *vs, size_t s, size_t e, char *buf) {
  for (size_t i = s; i < e; i++) buf[i - s] = (char)(vs->z[i] | 0x20);
  buf[e - s] = 0;
  return e - s;
}

/* The ASCII word z[s..e) (1..MAX_WORD letters) in the vocabulary, or NULL.
** Built twice (V3_CLONES): the probe and the key's mask shift by a register. */
NOINLINE V3_CLONES static const vword *word_vocab_probe(const vscan *vs, word_memo *m, size_t slot, size_t s,
                                                        size_t e) {
  vkey k;
  vkey_pack_letters(&k, vs->z + s, e - s, vs->hi - s);
  m->s[slot] = s;
  m->e[slot] = e;
  return m->w[slot] = vocab_find(vs->st, &k, e - s);
}

/* The same for the usual word, of at most eight letters with eight bytes
** readable at s: its key is one load, and the probe needs so few
** registers that it saves none. */
NOINLINE V3_CLONES static const vword *word_vocab_probe8(const vscan *vs, word_memo *m, size_t slot, size_t s,
                                                         size_t e) {
  uint64_t x, len = e - s;
  memcpy(&x, vs->z + s, 8);
  x = (x | 0x2020202020202020ull) & (len == 8 ? ~0ull : (1ull << (8 * len)) - 1);
  m->s[slot] = s;
  m->e[slot] = e;
  const art_values_state *st = vs->st;
  uint64_t h = (x ^ len) * 0x9E3779B97F4A7C15ull;   /* vkey_hash() of a key of one word */
  uint32_t i = (uint32_t)(h >> st->vocab_shift);
  uint16_t tag = vkey_tag(st, h);
  const vword *found = NULL;
  for (;;) {
    uint16_t sl = st->vocab_slots[i];
    if (!sl) break;
    if ((sl & ~st->index_mask) == tag) {
      const vword *w = &st->vocab[(sl & st->index_mask) - 1];
      if (w->key.w[0] == x && w->len == len) { found = w; break; }
    }
    i = (i + 1) & st->vocab_mask;
  }
  return m->w[slot] = found;
}

/* A word asked about again (a call in four) returns before the probe
** above saves any register. */
NOINLINE static const vword *word_vocab(const vscan *vs, size_t s, size_t e) {
  word_memo *m = vs->memo;
  size_t slot = s % WORD_MEMO;
  if (m->s[slot] == s && m->e[slot] == e) return m->w[slot];
  if (e - s <= 8 && vs->hi - s >= 8) return word_vocab_probe8(vs, m, slot, s, e);
  return word_vocab_probe(vs, m, slot, s, e);
}

/* Class of the ASCII word z[s..e) in value_words.tsv (W_NONE if absent). */
static int word_class(const vscan *vs, size_t s, size_t e, double *num) {
  if (e - s > MAX_WORD || e == s) return W_NONE;
  const vword *w = word_vocab(vs, s, e);
  if (!w || w->cls == W_NONE) return W_NONE;
  if (num) *num = w->num;
  return w->cls;
}

/* Roles of the single word z[s..e) in value_context.tsv. */
static unsigned word_roles(const vscan *vs, size_t s, size_t e) {
  if (e <= s || e - s > MAX_WORD) return 0;
  const vword *w = word_vocab(vs, s, e);
  return w ? w->roles : 0;
}

/* Roles of a folded phrase of value_context.tsv (for phrases of two or three words). */
static unsigned phrase_roles(const vscan *vs, const char *key, size_t n) {
  const art_table_entry *en = art_table_find(&art_table_value_context, key, n);
  return en ? vs->st->roles[en - art_table_value_context.entries] : 0;
}

/* The ASCII word that follows p after optional whitespace; 0 if none. */
NOINLINE static void read_next_word(const vscan *vs, word_memo *m, size_t p) {
  size_t s = skip_ws(vs, p), q = letters_end(vs, s);
  m->next_at = p;
  m->next_found = q > s && !wordchar_at(vs, q);
  m->next_ws = s;
  m->next_we = q;
}

static inline ALWAYS_INLINE int next_word(const vscan *vs, size_t p, size_t *ws, size_t *we) {
  word_memo *m = vs->memo;
  if (m->next_at != p) read_next_word(vs, m, p);
  if (!m->next_found) return 0;
  *ws = m->next_ws; *we = m->next_we;
  return 1;
}

/* The ASCII word that ends at p after optional whitespace, not below floor.
** Inlined where phrases_before() reads the words before a number (nearly
** every call), called elsewhere. */
static inline ALWAYS_INLINE int prev_word_inline(const vscan *vs, size_t p, size_t *ws, size_t *we) {
  const unsigned char *z = vs->z;
  size_t q = p;
  if (q > vs->floor + 1 && z[q - 1] == ' ' && IS_ALPHA(z[q - 2])) q--;   /* the usual: one space */
  else {
    q = skip_ws_back(vs, p);
    if (q <= vs->floor || !IS_ALPHA(z[q - 1])) return 0;
  }
  size_t s = letters_start(vs, q, vs->floor);
  if (wordchar_before(vs, s)) return 0;
  *ws = s; *we = q;
  return 1;
}

NOINLINE static int prev_word(const vscan *vs, size_t p, size_t *ws, size_t *we) {
  return prev_word_inline(vs, p, ws, we);
}

/* Is z[s..e) the lower-case word w[0..n), in any case?  Callers use the
** macros below, which pass a literal's length so no strlen() runs. */
static int word_is_n(const vscan *vs, size_t s, size_t e, const char *w, size_t n) {
  if (e - s != n) return 0;
  for (size_t i = 0; i < n; i++) if (LOWER(vs->z[s + i]) != (unsigned char)w[i]) return 0;
  return 1;
}

/* prev_word() and word_is() in one, comparing from the word's end so that
** most calls stop at the first letter; w is lower-case letters. */
NOINLINE static int prev_word_is_slow(const vscan *vs, size_t p, const char *w, size_t n, size_t *ws) {
  size_t q = skip_ws_back(vs, p);
  if (q < vs->floor + n) return 0;
  size_t s = q - n;
  for (size_t i = n; i-- > 0;) if (LOWER(vs->z[s + i]) != (unsigned char)w[i]) return 0;
  if (wordchar_before(vs, s)) return 0;   /* a longer word, or one cut by floor */
  if (ws) *ws = s;
  return 1;
}

static inline ALWAYS_INLINE int prev_word_is_n(const vscan *vs, size_t p, const char *w, size_t n, size_t *ws) {
  /* most calls: one space, then a printable ASCII byte that is not the word's last letter */
  if (p >= vs->floor + 2 + n && vs->z[p - 1] == ' ' && vs->z[p - 2] > ' ' && vs->z[p - 2] < 0x80 &&
      (unsigned char)LOWER(vs->z[p - 2]) != (unsigned char)w[n - 1])
    return 0;
  return prev_word_is_slow(vs, p, w, n, ws);
}

/* next_word() and word_is() in one. */
static int next_word_is_n(const vscan *vs, size_t p, const char *w, size_t n, size_t *we) {
  size_t s = skip_ws(vs, p);
  if (s + n > vs->hi) return 0;
  for (size_t i = 0; i < n; i++) if (LOWER(vs->z[s + i]) != (unsigned char)w[i]) return 0;
  if (wordchar_at(vs, s + n)) return 0;   /* a longer word */
  if (we) *we = s + n;
  return 1;
}

#define word_is(vs, s, e, lit) word_is_n(vs, s, e, lit, sizeof(lit) - 1)
#define prev_word_is(vs, p, lit, ws) prev_word_is_n(vs, p, lit, sizeof(lit) - 1, ws)
#define next_word_is(vs, p, lit, we) next_word_is_n(vs, p, lit, sizeof(lit) - 1, we)

/* The ASCII word that ends at p, looking back to the sentence start even
** past an earlier match (a look, not an extension: "the second one"). */
COLD static int prev_word_in_sentence(const vscan *vs, size_t p, size_t *ws, size_t *we) {
  size_t n, q = p;
  while ((n = ws_before(vs, q, vs->lo)) != 0) q -= n;
  if (q <= vs->lo || !IS_ALPHA(vs->z[q - 1])) return 0;
  size_t s = q;
  while (s > vs->lo && IS_ALPHA(vs->z[s - 1])) s--;
  if (wordchar_before(vs, s)) return 0;
  *ws = s; *we = q;
  return 1;
}

/*
** The phrases of value_context.tsv (up to three words) that end just before
** p: their roles and starts, longest first.  Read once per position, since
** a span's left edge is asked about several roles in turn.  The word just
** before p says, through the vocabulary, whether it ends any key and of how
** many words; only then are the words before it read.
*/
/* The phrases of two and three words that end with the word z[ws0..we0)
** (`last` in the vocabulary), for read_phrases_before(). */
NOINLINE static void read_longer_phrases(const vscan *vs, before_phrases *bp, const vword *last, size_t ws0,
                                         size_t we0) {
  size_t ws[3], we[3];
  ws[0] = ws0;
  we[0] = we0;
  size_t at = ws0;
  for (int k = 2; k <= 3 && (last->last_of >> k); k++) {
    if (!prev_word(vs, at, &ws[k - 1], &we[k - 1]) || we[k - 1] - ws[k - 1] > MAX_WORD) break;
    at = ws[k - 1];
    if (!((last->last_of >> k) & 1)) continue;
    /* and only when its first word starts a key of k words: one probe,
    ** often a memo hit, instead of the phrase folded and looked up */
    const vword *head = word_vocab(vs, ws[k - 1], we[k - 1]);
    if (!head || !((head->first_of[T_CONTEXT] >> k) & 1)) continue;
    char buf[MAX_PHRASE];
    size_t len = 0;
    for (int i = k - 1; i >= 0; i--) {
      if (len) buf[len++] = ' ';
      len += fold_letters(vs, ws[i], we[i], buf + len);
    }
    const art_table_entry *en = art_table_find(&art_table_value_context, buf, len);
    if (en) {
      bp->entry[k - 1] = (int)(en - art_table_value_context.entries);
      bp->roles[k - 1] = vs->st->roles[bp->entry[k - 1]];
      bp->any |= bp->roles[k - 1];
    }
    bp->start[k - 1] = ws[k - 1];
  }
}

/* The phrases before p; the longer ones, rare, in a function of their own
** so that this one saves few registers. */
NOINLINE static const before_phrases *read_phrases_before(const vscan *vs, before_phrases *bp, size_t p) {
  bp->pos = p;
  bp->floor = vs->floor;
  bp->roles[0] = bp->roles[1] = bp->roles[2] = bp->any = 0;
  size_t ws, we;
  if (!prev_word_inline(vs, p, &ws, &we) || we - ws > MAX_WORD) return bp;
  const vword *last = word_vocab(vs, ws, we);
  if (!last) return bp;
  bp->roles[0] = bp->any = last->roles;
  bp->entry[0] = last->entry[T_CONTEXT];
  bp->start[0] = ws;
  if (last->last_of >> 2) read_longer_phrases(vs, bp, last, ws, we);
  return bp;
}

/* Half the calls ask about the position asked about last: those return
** before the reading above saves any register. */
NOINLINE static const before_phrases *phrases_before(const vscan *vs, size_t p) {
  before_phrases *bp = vs->before;
  if (bp->pos == p && bp->floor == vs->floor) return bp;
  return read_phrases_before(vs, bp, p);
}

/* The longest phrase before p with a role in `want`: its roles, and its start in *start. */
static unsigned phrase_before(const vscan *vs, size_t p, unsigned want, size_t *start) {
  const before_phrases *bp = phrases_before(vs, p);
  if (!(bp->any & want)) return 0;
  for (int k = 2; k >= 0; k--)
    if (bp->roles[k] & want) { *start = bp->start[k]; return bp->roles[k]; }
  return 0;
}

/* The same, and in *percent_only whether that phrase is an approximator
** tests/eval keeps only in a PERCENT ("above 30%", but "above 100 pounds",
** "above 38 degrees"): those say "percent" in the third column of
** value_context.tsv.  Read from the entry phrases_before() found, not
** looked up again. */
static unsigned phrase_before_pct(const vscan *vs, size_t p, unsigned want, size_t *start, int *percent_only) {
  const before_phrases *bp = phrases_before(vs, p);
  if (!(bp->any & want)) return 0;
  for (int k = 2; k >= 0; k--)
    if (bp->roles[k] & want) {
      const art_table_entry *en = &art_table_value_context.entries[bp->entry[k]];
      *start = bp->start[k];
      *percent_only = en->extra[0] == 'p' && strcmp(en->extra, "percent") == 0;
      return bp->roles[k];
    }
  return 0;
}

/*
** The tokens after a position, folded once: a number asks up to a dozen
** tables what follows it (percent? a currency? a unit? a clock word?), all
** at the same place.  Tokens end at whitespace and at , ; : ! ? ( ) [ ] " -
** and curly quotes and dashes; they are folded to lower case and joined by
** single spaces.  The first is read at once, the next two only when the
** first starts a longer phrase.  Returns 0 when no further token was read.
*/
static int read_token(const vscan *vs, after_tokens *a) {
  const unsigned char *z = vs->z;
  size_t q = a->next, len = a->n ? a->buf_len[a->n - 1] : 0;
  if (!a->more || a->n == 3 || q >= vs->hi) return 0;
  a->more = 0;
  size_t s = q, tok = len + (len > 0);
  if (tok + MAX_WORD + 1 > sizeof a->buf) return 0;
  char *o = a->buf + tok;
  size_t k = 0;
  if (vs->letters) {
    /* most tokens are a run of ASCII letters: its end from the letter mask,
    ** folded without a test per byte (the loop below would stop at the same
    ** place, k > MAX_WORD, for a longer run) */
    size_t r = letters_end(vs, q), n = r - q;
    if (n > MAX_WORD) return 0;
    if (vs->hi - q >= 24) {
      /* eight letters at a time (a few bytes past the run are written, and overwritten below) */
      for (size_t i = 0; i < n; i += 8) {
        uint64_t x;
        memcpy(&x, z + q + i, 8);
        x |= 0x2020202020202020ull;
        memcpy(o + i, &x, 8);
      }
    } else {
      for (size_t i = 0; i < n; i++) o[i] = (char)(z[q + i] | 0x20);
    }
    k = n;
    q = r;
  }
  /* one pass: find the token's end and fold it */
  while (q < vs->hi && k <= MAX_WORD) {
    unsigned char c = z[q];
    if (c < 0x80) {
      if (byte_class[c] & B_TOKEN_END) break;
      o[k++] = (char)LOWER(c);
      q++;
      continue;
    }
    if (c == 0xE2 && q + 2 < vs->hi && z[q + 1] == 0x80) {
      unsigned char d = z[q + 2];
      if (d == 0x99) { o[k++] = '\''; q += 3; continue; }     /* ’ */
      if (d == 0x9C || d == 0x9D || d == 0x93 || d == 0x94 || d <= 0x8A || d == 0xAF) break;
    }
    if (c == 0xC2 && q + 1 < vs->hi && z[q + 1] == 0xA0) break;  /* no-break space */
    o[k++] = (char)c;
    q++;
  }
  if (k == 0 || k > MAX_WORD) return 0;
  if (len) a->buf[len] = ' ';
  a->tok_end[a->n] = q;
  a->buf_len[a->n] = tok + k;
  a->n++;
  size_t r = skip_ws(vs, q);
  a->more = r != q && s != q;
  a->next = r;
  return 1;
}

NOINLINE static void read_tokens_after(const vscan *vs, after_tokens *a, size_t p) {
  a->pos = p;
  a->n = 0;
  a->more = 1;
  a->next = skip_ws(vs, p);
  a->first = a->first_nodot = NULL;
  a->tables = 0;
  a->roles = 0;
  if (read_token(vs, a)) {
    size_t k = a->buf_len[0];
    vkey key;
    vkey_pack_bytes(&key, (const unsigned char *)a->buf, k);
    const vword *f = a->first = vocab_find(vs->st, &key, k);
    if (f) { a->tables = f->in_table; a->roles = f->roles | f->first_roles; }
    if (k > 1 && a->buf[k - 1] == '.') {
      vkey_pack_bytes(&key, (const unsigned char *)a->buf, k - 1);
      const vword *w = a->first_nodot = vocab_find(vs->st, &key, k - 1);
      if (w) { a->tables |= w->in_table; a->roles |= w->roles; }
    }
  }
}

static inline ALWAYS_INLINE after_tokens *tokens_after(const vscan *vs, size_t p) {
  after_tokens *a = vs->after;
  if (a->pos != p) read_tokens_after(vs, a, p);
  return a;
}

/*
** The longest phrase of table `which` (up to maxw tokens) that starts at
** p, after optional whitespace; a token's final '.' is tried with and
** without ("km." at the end of a sentence, "a.m." whole).  With want != 0
** (value_context) only phrases with one of those roles count.  Returns the
** entry and sets *end.  The vocabulary entry of the first token says which
** phrase lengths can start there, so most calls return after no lookup.
*/
NOINLINE static const art_table_entry *find_after_in(const vscan *vs, after_tokens *a, int which, int maxw, unsigned want,
                                            size_t *end) {
  static const art_table *const tables[T_COUNT] = {&art_table_value_context, &art_table_units,
                                                   &art_table_currencies};
  const art_table *t = tables[which];
  const vword *f = a->first;
  /* phrases of two and three tokens: only when token 0 starts one with a wanted role */
  if (f && maxw >= 2 && (f->first_of[which] >> 2) && (!want || (f->first_roles & want))) {
    while (a->n < maxw && read_token(vs, a)) {}
    for (int k = a->n < maxw ? a->n : maxw; k >= 2; k--) {
      if (!((f->first_of[which] >> k) & 1)) continue;
      size_t l = a->buf_len[k - 1];
      for (int dot = 0; dot < 2; dot++) {
        if (dot && !(l > 1 && a->buf[l - 1] == '.')) break;
        const art_table_entry *en = art_table_find(t, a->buf, l - (size_t)dot);
        if (en && (!want || (vs->st->roles[en - t->entries] & want))) {
          *end = a->tok_end[k - 1] - (size_t)dot;
          return en;
        }
      }
    }
  }
  /* one token, as written and without a final '.' */
  for (int dot = 0; dot < 2; dot++) {
    const vword *w = dot ? a->first_nodot : f;
    if (!w || w->entry[which] < 0) continue;
    const art_table_entry *en = t->entries + w->entry[which];
    if (!want || (vs->st->roles[w->entry[which]] & want)) {
      *end = a->tok_end[0] - (size_t)dot;
      return en;
    }
  }
  return NULL;
}

/* Most calls end here: the token after p starts no key of that table
** (with a wanted role), which the token's summary says without a call. */
static inline ALWAYS_INLINE const art_table_entry *find_after(const vscan *vs, int which, size_t p, int maxw,
                                                              unsigned want, size_t *end) {
  after_tokens *a = tokens_after(vs, p);
  if (!((a->tables >> which) & 1) || (want && !(a->roles & want))) return NULL;
  return find_after_in(vs, a, which, maxw, want, end);
}

static inline ALWAYS_INLINE const art_table_entry *phrase_after(const vscan *vs, int which, size_t p, int maxw,
                                                                size_t *end) {
  return find_after(vs, which, p, maxw, 0, end);
}

/* An ISO 4217 code written after p: "4 billion EUR".  Its end, or 0. */
static size_t currency_code_after(const vscan *vs, size_t p) {
  size_t q = skip_ws(vs, p);
  if (q == p || q + 3 > vs->hi) return 0;
  const unsigned char *z = vs->z;
  if (!IS_UPPER(z[q]) || !IS_UPPER(z[q + 1]) || !IS_UPPER(z[q + 2]) || wordchar_at(vs, q + 3)) return 0;
  return art_table_find(&art_table_currency_codes, (const char *)z + q, 3) ? q + 3 : 0;
}

/* Roles in `want` of the context phrase at p; *end is set only on a match. */
static inline ALWAYS_INLINE unsigned context_after(const vscan *vs, size_t p, int maxw, unsigned want, size_t *end) {
  const art_table_entry *en = find_after(vs, T_CONTEXT, p, maxw, want, end);
  return en ? vs->st->roles[en - art_table_value_context.entries] & want : 0;
}

/* Is the word at s the first of the sentence (or of a quotation)? */
COLD static int sentence_initial(const vscan *vs, size_t s) {
  size_t p = s;
  while (p > vs->lo) {
    unsigned char c = vs->z[p - 1];
    if (ws_before(vs, p, vs->lo)) { p -= ws_before(vs, p, vs->lo); continue; }
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == ':' || c == '-') { p--; continue; }
    if (p >= vs->lo + 3 && vs->z[p - 3] == 0xE2 && vs->z[p - 2] == 0x80 &&
        (c == 0x9C || c == 0x98 || c == 0x94 || c == 0x93)) { p -= 3; continue; }
    return 0;
  }
  return 1;
}

/* ---- numbers ------------------------------------------------------------- */

enum {
  N_DIGITS = 1 << 0,    /* written with digits */
  N_WORDS = 1 << 1,     /* written with words */
  N_ORD = 1 << 2,       /* ordinal: "first", "94th" */
  N_VAGUE = 1 << 3,     /* "hundreds", "tens of thousands": no value */
  N_DECADE = 1 << 4,    /* "1990s", "'90s" */
  N_FRACTION = 1 << 5,  /* "two-thirds", "half" */
  N_SCALED = 1 << 6,    /* has a scale word or suffix ("million", "bn") */
  N_PLAIN = 1 << 7,     /* bare digits: no separator, decimal, suffix or scale */
  N_RANGE = 1 << 8,     /* "10-15", "two or three": no single value */
  N_SCALE_FIRST = 1 << 9,  /* starts with a scale word: "million", "dozen" */
  N_ONE = 1 << 10,      /* exactly the word "one" */
  N_CAP = 1 << 11,      /* a capitalised number word */
  N_HALF = 1 << 12,     /* the word "half" */
  N_DECIMAL2 = 1 << 13, /* two decimals after at most two digits: "7.30" */
  N_QUARTERS = 1 << 14  /* "two quarters": a fraction or periods of a year */
};

typedef struct vnum {
  size_t s, e;
  double v;
  unsigned f;
  int ndig;             /* digits before any separator (N_PLAIN years, days) */
  size_t unit_end;      /* an attached unit ("5km"): its end, else 0 */
  int attached;         /* the attached suffix kind: 1 unit, 2 clock, 3 currency ("5p") */
} vnum;

/* Read a bare integer of at most maxd digits at p; -1 if none. */
static long read_int(const vscan *vs, size_t p, int maxd, size_t *end) {
  long v = 0;
  int d = 0;
  while (p < vs->hi && IS_DIGIT(vs->z[p])) {
    if (++d > maxd) return -1;
    v = v * 10 + (vs->z[p] - '0');
    p++;
  }
  if (d == 0) return -1;
  *end = p;
  return v;
}

COLD static double scale_suffix_value(const char *s, size_t n) {
  static const struct { const char *suf; double v; } sfx[] = {
    {"k", 1e3}, {"m", 1e6}, {"mn", 1e6}, {"mln", 1e6}, {"bn", 1e9}, {"b", 1e9}, {"bln", 1e9},
    {"tn", 1e12}, {"trn", 1e12}
  };
  for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++)
    if (strlen(sfx[i].suf) == n && memcmp(sfx[i].suf, s, n) == 0) return sfx[i].v;
  return 0;
}

/* Is the folded suffix s[0..n) a currency written glued to digits ("5p")? */
COLD static int glued_currency(const vscan *vs, const char *s, size_t n) {
  const art_table_entry *en = art_table_find(&art_table_currencies, s, n);
  return en && vs->st->currency_prefix[en - art_table_currencies.entries] == CUR_GLUED;
}

/*
** Digits at p: "1,200", "1,00,000", "3.5", "94th", "1990s", "5bn", "5km".
** Returns 1 with *n filled, 0 when the token is not a number we read (a
** version "1.2.3", a code "5G"); *skip is then where the scan resumes.
*/
static int digits_number(const vscan *vs, size_t p, vnum *n, size_t *skip) {
  const unsigned char *z = vs->z;
  size_t q = p;
  double v = 0;
  int ndig = 0;
  memset(n, 0, sizeof *n);
  while (q < vs->hi && IS_DIGIT(z[q])) { v = v * 10 + (z[q] - '0'); q++; ndig++; }
  unsigned f = N_DIGITS;
  int plain = 1;
  /* Thousands separators: 1-3 digits then groups of three, or the Indian
  ** 1-2 digits, groups of two, a final group of three. */
  if (q + 1 < vs->hi && z[q] == ',' && IS_DIGIT(z[q + 1]) && ndig <= 3) {
    size_t r = q;
    double w = v;
    int groups = 0, last = 0, ok = 1, saw2 = 0;
    while (r + 1 < vs->hi && z[r] == ',' && IS_DIGIT(z[r + 1])) {
      size_t g = r + 1;
      int gd = 0;
      while (g < vs->hi && IS_DIGIT(z[g])) { w = w * 10 + (z[g] - '0'); g++; gd++; }
      if (gd == 2) { if (last == 3) ok = 0; saw2 = 1; }
      else if (gd != 3) ok = 0;
      last = gd; groups++;
      r = g;
      if (!ok) break;
    }
    if (ok && last == 3 && (!saw2 || ndig <= 2)) { v = w; q = r; plain = 0; }
  }
  if (q + 1 < vs->hi && z[q] == '.' && IS_DIGIT(z[q + 1])) {
    size_t r = q + 1;
    double frac = 0, div = 1;   /* "85.40": 85 + 40/100, rounded once */
    int fd = 0;
    while (r < vs->hi && IS_DIGIT(z[r])) { frac = frac * 10 + (z[r] - '0'); div *= 10; r++; fd++; }
    v += frac / div;
    if (r + 1 < vs->hi && z[r] == '.' && IS_DIGIT(z[r + 1])) {
      /* "1.2.3", "192.168.0.1": not a number */
      while (r < vs->hi && (IS_ALNUM(z[r]) || (z[r] == '.' && r + 1 < vs->hi && IS_DIGIT(z[r + 1])))) r++;
      *skip = r;
      return 0;
    }
    if (fd == 2 && ndig <= 2) f |= N_DECIMAL2;
    q = r;
    plain = 0;
  }
  /* Letters glued to the digits. */
  if (q < vs->hi && IS_ALPHA(z[q])) {
    size_t r = q;
    while (r < vs->hi && IS_ALPHA(z[r])) r++;
    char suf[16];
    size_t sl = r - q;
    if (sl >= sizeof suf || wordchar_at(vs, r)) {
      while (r < vs->hi && (IS_ALNUM(z[r]) || z[r] >= 0x80)) r++;
      *skip = r;
      return 0;
    }
    for (size_t i = 0; i < sl; i++) suf[i] = (char)LOWER(z[q + i]);
    suf[sl] = 0;
    double sv;
    size_t ue;
    int last = z[q - 1] - '0';  /* the last digit, when plain */
    if (plain && ((sl == 2 && ((strcmp(suf, "st") == 0 && last == 1) || (strcmp(suf, "nd") == 0 && last == 2) ||
                                (strcmp(suf, "rd") == 0 && last == 3) || strcmp(suf, "th") == 0)))) {
      f |= N_ORD;
      q = r;
    } else if (plain && sl == 1 && suf[0] == 's' && last == 0 && (ndig == 4 || ndig == 2)) {
      f |= N_DECADE;
      q = r;
    } else if ((sv = scale_suffix_value(suf, sl)) != 0 && !(sl == 1 && IS_UPPER(z[q]) && suf[0] == 'k')) {
      v *= sv;
      f |= N_SCALED;
      q = r;
      plain = 0;
    } else if ((strcmp(suf, "am") == 0 || strcmp(suf, "pm") == 0) && ndig <= 2) {
      n->attached = 2;
      n->unit_end = r;
    } else if (glued_currency(vs, suf, sl) && (!plain || v < 100)) {
      n->attached = 3;
      n->unit_end = r;
    } else if (phrase_after(vs, T_UNITS, q, 1, &ue) && ue == r) {
      n->attached = 1;
      n->unit_end = r;
    } else {
      *skip = r;
      return 0;
    }
  }
  if (plain) f |= N_PLAIN;
  n->s = p; n->e = q; n->v = v; n->f = f; n->ndig = ndig;
  return 1;
}

/* The next piece of a number-word phrase after position q: after a space or
** a hyphen ("twenty-five"), skipping "and" after a scale ("hundred and
** five").  Returns its class (W_NONE if none) and sets *ws, *we, *num. */
static int next_number_word(const vscan *vs, size_t q, int after_scale, size_t *ws, size_t *we,
                            double *num) {
  size_t d = dash_at(vs, q);
  if (d) {
    size_t s = q + d, e = s;
    while (e < vs->hi && IS_ALPHA(vs->z[e])) e++;
    if (e == s || wordchar_at(vs, e)) return W_NONE;
    *ws = s; *we = e;
  } else if (!next_word(vs, q, ws, we)) return W_NONE;
  if (!d && after_scale && word_is(vs, *ws, *we, "and")) {
    size_t as, ae;
    if (!next_word(vs, *we, &as, &ae) || word_class(vs, as, ae, NULL) != W_CARDINAL) return W_NONE;
    *ws = as; *we = ae;
  }
  return word_class(vs, *ws, *we, num);
}

/*
** Number words starting with the word z[s..e) of class cls: "twenty-five",
** "one hundred and five", "two million", "two dozen", "twenty-first",
** "two-thirds", "one third", "tens of thousands", "half".  Returns 1 with
** *n filled, 0 when the words make no number ("tens" alone).
*/
static int words_number(const vscan *vs, size_t s, size_t e, int cls, double num, vnum *n) {
  memset(n, 0, sizeof *n);
  n->s = s;
  n->e = e;
  n->v = num;
  n->f = N_WORDS;
  if (IS_UPPER(vs->z[s])) n->f |= N_CAP;
  if (cls == W_VAGUE) {
    /* "hundreds", "tens of thousands", "hundreds of millions" */
    size_t ows, owe, ws, we;
    n->f |= N_VAGUE;
    if (next_word(vs, e, &ows, &owe) && word_is(vs, ows, owe, "of") && next_word(vs, owe, &ws, &we) &&
        word_class(vs, ws, we, NULL) == W_VAGUE && !word_is(vs, ws, we, "tens") &&
        !word_is(vs, ws, we, "dozens"))
      n->e = we;
    else if (word_is(vs, s, e, "tens")) return 0;
    return 1;
  }
  if (cls == W_FRACTION) {
    if (!word_is(vs, s, e, "half")) return 0;
    n->f |= N_FRACTION | N_HALF;
    return 1;
  }
  if (cls == W_SCALE) n->f |= N_SCALE_FIRST;
  if (cls == W_CARDINAL && word_is(vs, s, e, "one")) n->f |= N_ONE;
  /* total: finished thousands/millions; cur: the part below the last big scale */
  double total = 0, cur = 0, v = num, last_v = 0;
  int c = cls, last = W_NONE;
  size_t ws = s, we = e;
  for (;;) {
    int tens_units = last == W_CARDINAL && last_v >= 20 && last_v <= 90 && last_v == (int)last_v &&
                     (int)last_v % 10 == 0 && v < 10;
    if (c == W_CARDINAL) {
      if (last == W_CARDINAL && !tens_units) break;
      cur += v;
    } else if (c == W_SCALE) {
      if (v < 1000) cur = (cur ? cur : 1) * v;  /* hundred, dozen */
      else { total += (cur ? cur : 1) * v; cur = 0; }
      n->f |= N_SCALED;
    } else if (c == W_ORDINAL) {
      /* "twenty-first", "one hundredth"; "one third" is a fraction */
      if (last == W_CARDINAL && cur == 1 && !total && v > 2 && v <= 10) {
        cur = 1.0 / v;
        n->f |= N_FRACTION;
      } else if (last == W_CARDINAL && !tens_units && v < 100) break;
      else if (v >= 100) { total = (total + (cur ? cur : 1)) * v; cur = 0; n->f |= N_ORD; }
      else { cur += v; n->f |= N_ORD; }
      n->e = we;
      break;
    } else if (c == W_FRACTION) {
      /* "two-thirds", "three quarters", "one half" */
      if (last != W_CARDINAL || cur > 10 || total) break;
      cur *= v;
      n->f |= N_FRACTION;
      if ((word_is(vs, ws, we, "quarters") || word_is(vs, ws, we, "quarter")) && ws_before(vs, ws, vs->lo))
        n->f |= N_QUARTERS;  /* "three-quarters" is only ever a fraction */
      n->e = we;
      break;
    } else break;
    n->e = we;
    last = c;
    last_v = v;
    c = next_number_word(vs, we, last == W_SCALE, &ws, &we, &v);
  }
  n->v = total + cur;
  if (n->e != e) n->f &= ~N_ONE;
  return 1;
}

/* "X or Y", "X to Y", "X-Y", "between X and Y": the second number of a
** range starting at p (after the joining word); 0 if none. */
static int number_at(const vscan *vs, size_t p, vnum *n) {
  size_t q = skip_ws(vs, p), skip;
  if (q >= vs->hi) return 0;
  if (IS_DIGIT(vs->z[q])) return digits_number(vs, q, n, &skip);
  size_t ws, we;
  if (!next_word(vs, q, &ws, &we)) return 0;
  double num;
  int c = word_class(vs, ws, we, &num);
  if (c != W_CARDINAL && c != W_SCALE) return 0;
  return words_number(vs, ws, we, c, num, n);
}

/* ---- dates --------------------------------------------------------------- */

COLD static int days_in_month(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return d[m - 1];
}

/* m->date = "YYYY-MM-DD" when the three parts make a real day. */
COLD static void set_date(vmatch *m, int y, int mo, int d) {
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return;
  char *o = m->date;
  o[0] = (char)('0' + y / 1000); o[1] = (char)('0' + y / 100 % 10);
  o[2] = (char)('0' + y / 10 % 10); o[3] = (char)('0' + y % 10); o[4] = '-';
  o[5] = (char)('0' + mo / 10); o[6] = (char)('0' + mo % 10); o[7] = '-';
  o[8] = (char)('0' + d / 10); o[9] = (char)('0' + d % 10); o[10] = 0;
}

/* A four-digit year at p ("2024", not "2024.5" or "2024,"-grouped); -1 if none. */
COLD static long year_at(const vscan *vs, size_t p, size_t *end) {
  size_t e;
  long y = read_int(vs, p, 4, &e);
  if (y < 1000 || y > 2999 || e - p != 4) return -1;
  if (e < vs->hi && (IS_ALNUM(vs->z[e]) || ((vs->z[e] == ',' || vs->z[e] == '.' || vs->z[e] == ':') &&
                                             e + 1 < vs->hi && IS_DIGIT(vs->z[e + 1]))))
    return -1;
  *end = e;
  return y;
}

/* A day of the month at p: "7", "07", "7th"; -1 if none.  Not "7:30", "7%", "7,000". */
COLD static long day_at(const vscan *vs, size_t p, size_t *end) {
  size_t e;
  long d = read_int(vs, p, 2, &e);
  if (d < 1 || d > 31) return -1;
  if (e + 1 < vs->hi && IS_ALPHA(vs->z[e]) && IS_ALPHA(vs->z[e + 1])) {
    char a = (char)LOWER(vs->z[e]), b = (char)LOWER(vs->z[e + 1]);
    if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')) {
      if (wordchar_at(vs, e + 2)) return -1;
      e += 2;
    } else return -1;
  } else if (wordchar_at(vs, e)) return -1;
  if (e < vs->hi && (vs->z[e] == ':' || vs->z[e] == '%' || vs->z[e] == '/' ||
                     ((vs->z[e] == ',' || vs->z[e] == '.') && e + 1 < vs->hi && IS_DIGIT(vs->z[e + 1]))))
    return -1;
  *end = e;
  return d;
}

/* Is the word at [ws, we) a capitalised month name?  Returns 1..12 or 0;
** *abbr says it is an abbreviation ("Oct"), *we_dot is its end with the dot. */
static int month_word(const vscan *vs, size_t ws, size_t we, int *abbr, size_t *we_dot) {
  double num;
  if (!IS_UPPER(vs->z[ws])) return 0;
  int c = word_class(vs, ws, we, &num);
  if (c != W_MONTH && c != W_MONTHABBR) return 0;
  *abbr = c == W_MONTHABBR;
  *we_dot = we;
  if (*abbr && we < vs->hi && vs->z[we] == '.') (*we_dot)++;
  return (int)num;
}

/*
** After a month name ending at p: " 7", " 7, 2024", " 7 2024", " 2024",
** " 7-9".  Sets *day and *year (0 when absent) and returns the end.
*/
static size_t month_tail(const vscan *vs, size_t p, int *day, int *year) {
  size_t q = skip_ws(vs, p), e;
  *day = 0; *year = 0;
  if (q == p || q >= vs->hi || !IS_DIGIT(vs->z[q])) return p;
  long y = year_at(vs, q, &e);
  if (y > 0) { *year = (int)y; return e; }
  long d = day_at(vs, q, &e);
  if (d < 0) return p;
  *day = (int)d;
  size_t end = e, e2;
  size_t dl = dash_at(vs, e);
  if (dl && day_at(vs, e + dl, &e2) > 0) { end = e2; *day = 0; }  /* "7-9": no single day */
  /* ", 2024" or " 2024" */
  size_t r = end;
  if (r < vs->hi && vs->z[r] == ',') r++;
  size_t r2 = skip_ws(vs, r);
  if ((r2 > r || r > end) && r2 < vs->hi && IS_DIGIT(vs->z[r2])) {
    y = year_at(vs, r2, &e2);
    if (y > 0) { *year = (int)y; end = e2; }
  }
  return end;
}

/* ---- shared left extensions ------------------------------------------------ */

/* Extend a DATE/TIME span start s leftwards over "the past", "last",
** "earlier this", "the end of" ...  *mod says a modifier was found. */
static size_t date_mods_left(const vscan *vs, size_t s, int numbered, int *mod) {
  size_t ps, ts;
  int got = 0;
  unsigned r = phrase_before(vs, s, R_DATEMOD, &ps);
  if ((r & R_DATEMOD) && (!numbered || (r & R_NUMBERED))) {
    s = ps; got = 1;
    if ((r & R_THE) && (phrase_before(vs, s, R_DATEMOD, &ps) & R_DATEMOD)) s = ps;  /* "that same day" */
    if ((r & R_THE) && prev_word_is(vs, s, "the", &ts)) s = ts;
    else if (phrase_before(vs, s, R_RELPOS, &ps) & R_RELPOS) s = ps;
  } else if (prev_word_is(vs, s, "the", &ts) && (phrase_before(vs, ts, R_BOUNDARY, &ps) & R_BOUNDARY)) {
    s = ts; got = 2;  /* "the end of the year": "the" only with a boundary */
  }
  if (got && (phrase_before(vs, s, R_BOUNDARY, &ps) & R_BOUNDARY)) s = ps;
  if (mod) *mod = got;
  return s;
}

/* The approximator before a mention of type t starting at s: its start, else s. */
static size_t approx_left_for(const vscan *vs, size_t s, art_etype t) {
  size_t ps;
  int percent_only;
  if (!(phrase_before_pct(vs, s, R_APPROX, &ps, &percent_only) & R_APPROX)) return s;
  if (t != ART_ENT_PERCENT && percent_only) return s;
  return ps;
}

static size_t approx_left(const vscan *vs, size_t s) {
  return approx_left_for(vs, s, ART_ENT_NONE);
}

/* The approximator before a duration [s, e).  "over" alone means "during"
** ("$4 million over three years") unless a word such as "for", "in" or
** "took" comes before it ("for over a decade", "in over a year") or the
** span ends in "ago", "later", "of age" ("over a year ago"). */
static size_t duration_approx_left(const vscan *vs, size_t s, size_t e) {
  size_t ps, ws, we, os, b = e;
  int percent_only;
  if (!(phrase_before_pct(vs, s, R_APPROX, &ps, &percent_only) & R_APPROX) || percent_only) return s;
  if (prev_word(vs, s, &ws, &we) && ws == ps && word_is(vs, ws, we, "over") &&
      !(phrase_before(vs, ps, R_OVERMORE, &os) & R_OVERMORE)) {
    /* the span's last word, or last two ("of age"), say "ago" */
    while (b > s && IS_ALPHA(vs->z[b - 1])) b--;
    if (word_roles(vs, b, e) & R_AFTER) return ps;
    size_t b2 = b;
    while (b2 > s && !IS_ALPHA(vs->z[b2 - 1])) b2--;
    while (b2 > s && IS_ALPHA(vs->z[b2 - 1])) b2--;
    char buf[MAX_PHRASE];
    if (b2 < b && e - b2 < sizeof buf && b - b2 <= MAX_WORD + 1) {
      size_t n1 = fold_letters(vs, b2, b, buf);  /* "of " folded: the space stays */
      buf[n1 - 1] = ' ';
      size_t n2 = fold_letters(vs, b, e, buf + n1);
      if (phrase_roles(vs, buf, n1 + n2) & R_AFTER) return ps;
    }
    return s;
  }
  return ps;
}

/* "mid-", "early-", "pre-" glued before s: the prefix start, else s. */
static size_t glued_relpos_left(const vscan *vs, size_t s) {
  if (s < vs->floor + 2 || vs->z[s - 1] != '-' || !IS_ALPHA(vs->z[s - 2])) return s;
  size_t b = s - 1;
  while (b > vs->floor && IS_ALPHA(vs->z[b - 1])) b--;
  if (wordchar_before(vs, b)) return s;
  if (word_roles(vs, b, s - 1) & R_RELPOS) return b;
  return s;
}

/* ---- the grammars ------------------------------------------------------------ */

/* " in the morning" after a clock time ("2:30 in the afternoon"): its end, else e. */
COLD static size_t part_of_day_after(const vscan *vs, size_t e) {
  size_t a, b, c, d, f, g;
  if (next_word(vs, e, &a, &b) && word_is(vs, a, b, "in") && next_word(vs, b, &c, &d) &&
      word_is(vs, c, d, "the") && next_word(vs, d, &f, &g) && word_class(vs, f, g, NULL) == W_DAYPART)
    return g;
  return e;
}

/*
** A clock time at p: "7:30", "7:30:15", "7.30pm", "7 a.m.", "1400 GMT".
** n is the number read there.  Fills *m (TIME) and returns 1, or 0.
*/
static size_t clock_range_tail(const vscan *vs, size_t e, size_t *s);

/* A time zone after a time ending at e, kept in its span: "9 a.m. GMT",
** "noon ET".  "11:52 p.m. local time" is left out (tests/eval annotates it
** so): such zones say "outside" in their third column.  The new end, or e. */
COLD static size_t zone_after(const vscan *vs, size_t e) {
  size_t ce;
  const art_table_entry *zone = find_after(vs, T_CONTEXT, e, 2, R_ZONE, &ce);
  return zone && strcmp(zone->extra, "outside") != 0 ? ce : e;
}

static int clock_time(const vscan *vs, const vnum *n, vmatch *m) {
  size_t e = n->e, ce;
  const unsigned char *z = vs->z;
  int clock = 0;
  if ((n->f & N_PLAIN) && n->ndig <= 2 && e + 2 < vs->hi && z[e] == ':' && IS_DIGIT(z[e + 1]) &&
      IS_DIGIT(z[e + 2]) && n->v <= 24) {
    int mm = (z[e + 1] - '0') * 10 + (z[e + 2] - '0');
    if (mm >= 60 || (e + 3 < vs->hi && IS_DIGIT(z[e + 3]))) return 0;
    e += 3;
    if (e + 2 < vs->hi && z[e] == ':' && IS_DIGIT(z[e + 1]) && IS_DIGIT(z[e + 2])) e += 3;
    clock = 1;
  } else if (n->attached == 2) {
    e = n->unit_end;
    clock = 2;
  } else if (n->attached) {
    return 0;   /* "5km", "5p" */
  } else if ((n->f & N_DECIMAL2) && n->v < 25) {
    clock = 0;  /* "7.30" only with am/pm after it */
  } else if (!(n->f & N_PLAIN) && !(n->f & N_WORDS)) {
    return 0;
  }
  if (n->f & (N_ORD | N_VAGUE | N_FRACTION | N_SCALED | N_RANGE)) return 0;
  if (clock != 2 && context_after(vs, e, 2, R_CLOCK, &ce)) {
    if (n->v > 24 && !(n->f & N_DECIMAL2)) return 0;
    e = ce; clock = 2;
  }
  if (clock == 0 && (n->f & N_PLAIN) && n->ndig == 4) {
    /* "1400 GMT", "0800 local time" */
    int hh = (int)(n->v / 100), mi = (int)n->v % 100;
    if (hh > 24 || mi >= 60 || !context_after(vs, e, 2, R_ZONE, &ce)) return 0;
    clock = 3;
  }
  if (!clock) return 0;
  e = zone_after(vs, e);
  e = part_of_day_after(vs, e);
  size_t s = approx_left(vs, n->s);
  e = clock_range_tail(vs, e, &s);
  set_match(m, s, e, ART_ENT_TIME);
  return 1;
}

/* A second clock time closing a range, as date ranges are one span: "6
** p.m. to 2 a.m.", "6 p.m.-2 a.m.", "between 9 a.m. and 5 p.m." (then *s
** moves to "between").  The first time ends at e; returns the range's
** end, or e. */
COLD static size_t clock_range_tail(const vscan *vs, size_t e, size_t *s) {
  size_t ws, we, q, bws;
  int between = prev_word_is(vs, *s, "between", &bws);
  if (next_word(vs, e, &ws, &we) && (between ? word_is(vs, ws, we, "and") : word_is(vs, ws, we, "to"))) q = we;
  else if (!between && (q = dash_at(vs, skip_ws(vs, e))) != 0) q += skip_ws(vs, e);
  else return e;
  vnum n2;
  vmatch m2;
  if (!number_at(vs, q, &n2) || !clock_time(vs, &n2, &m2) || m2.s != n2.s) return e;
  if (between) *s = bws;
  return m2.e;
}

/* "-old" or "-long" glued after a period word ending at e: the new end, else e. */
static size_t glued_suffix(const vscan *vs, size_t e) {
  size_t d = dash_at(vs, e);
  if (d && e + d + 3 <= vs->hi && !wordchar_at(vs, e + d + 3) && word_is(vs, e + d, e + d + 3, "old"))
    return e + d + 3;
  if (d && e + d + 4 <= vs->hi && !wordchar_at(vs, e + d + 4) && word_is(vs, e + d, e + d + 4, "long"))
    return e + d + 4;
  return e;
}

/* Period word (day, years, hours...) right after e: "three years", "five-year",
** "25-year-old", "two years ago".  Returns the new end or 0; *unit (when not
** NULL) gets the period's length in days or, for a TIME, in seconds. */
static size_t period_after(const vscan *vs, size_t e, art_etype *type, double *unit) {
  size_t ws, we, d = dash_at(vs, e);
  int hyphen = 0;
  if (d && e + d < vs->hi && IS_ALPHA(vs->z[e + d])) {
    ws = e + d; we = ws;
    while (we < vs->hi && IS_ALPHA(vs->z[we])) we++;
    if (wordchar_at(vs, we)) return 0;
    hyphen = 1;
  } else if (!next_word(vs, e, &ws, &we)) return 0;
  double num = 0;
  int c = word_class(vs, ws, we, &num);
  if (!hyphen && c == W_NONE && (word_roles(vs, ws, we) & R_PERIODMOD)) {
    /* "one more year", "two straight quarters" */
    if (!next_word(vs, we, &ws, &we)) return 0;
    c = word_class(vs, ws, we, &num);
    if (c == W_DAYPART || c == W_DECADES) return 0;
  }
  if (c == W_FRACTION && (word_is(vs, ws, we, "quarters") || word_is(vs, ws, we, "quarter"))) {
    /* "2 quarters": a number's quarters are a year's; not "two more
    ** quarter-point hikes" */
    size_t gd = hyphen ? 0 : dash_at(vs, we);
    if (gd && we + gd < vs->hi && IS_ALPHA(vs->z[we + gd])) return 0;
    c = W_PERIOD;
    num = 91;
  }
  if (unit) *unit = num;
  if (c == W_PERIOD) *type = ART_ENT_DATE;
  else if (c == W_TIMEUNIT) *type = ART_ENT_TIME;
  else if (c == W_DAYPART && !hyphen) *type = ART_ENT_TIME;
  else if (c == W_DECADES && !hyphen) *type = ART_ENT_DATE;
  else return 0;
  size_t end = we, ae;
  if (hyphen) return glued_suffix(vs, end);  /* "25-year-old", "a five-day-long visit" */
  if (context_after(vs, end, 2, R_AFTER, &ae)) end = ae;
  return end;
}

/* Fill *m for a number: its value unless it has none ("hundreds", "10-15"). */
static void set_number(vmatch *m, size_t s, size_t e, art_etype t, const vnum *n) {
  set_match(m, s, e, t);
  if (t == ART_ENT_DATE || t == ART_ENT_TIME) return;
  if (!(n->f & (N_VAGUE | N_RANGE))) { m->has_value = 1; m->value = n->v; }
}

/* A scale word after the number n ("8 million"): taken into it. */
COLD static void scale_into(const vscan *vs, vnum *n) {
  size_t ws, we;
  double sv;
  if (!n->attached && !(n->f & (N_SCALED | N_ORD | N_DECADE)) && next_word(vs, n->e, &ws, &we) &&
      word_class(vs, ws, we, &sv) == W_SCALE) {
    n->v *= sv; n->e = we;
    n->f = (n->f | N_SCALED) & ~N_PLAIN;
  }
}

/*
** Ranges: "10 to 15 percent", "two or three", "between 10 and 20", "10-15",
** "2008-09"; and ratios, "1 in 5".  Joins the second number into *n (N_RANGE) and returns 1; *s
** moves to "between".  Returns 2 with *m filled when the range is a span
** of years (a DATE), 0 when there is no range, -1 when the second part
** makes the whole no value ("555-0100" style codes).
*/
static int join_range(const vscan *vs, vnum *n, size_t *s, vmatch *m) {
  const unsigned char *z = vs->z;
  size_t e = n->e, bws = 0, jws, jwe;
  vnum n2;
  if (n->f & (N_ORD | N_VAGUE | N_FRACTION)) return 0;
  int between = prev_word_is(vs, *s, "between", &bws);
  size_t ps;
  art_etype pt;
  if (next_word(vs, e, &jws, &jwe) && word_is(vs, jws, jwe, "in")) {
    /* "1 in 5", "one in five adults": one span, no single value; not "no
    ** one in 10 years", "1 in 2020" */
    if (n->v != 1 || !((n->f & N_ONE) || ((n->f & N_PLAIN) && n->ndig == 1)) ||
        (phrase_before(vs, *s, R_PRONOUN, &ps) & R_PRONOUN) || !number_at(vs, jwe, &n2) ||
        (n2.f & (N_ORD | N_VAGUE | N_FRACTION | N_DECADE)) || n2.attached ||
        (n->f & N_DIGITS) != (n2.f & N_DIGITS) || ((n2.f & N_PLAIN) && n2.ndig == 4) || dash_at(vs, n2.e) ||
        period_after(vs, n2.e, &pt, NULL))
      return 0;
  } else if (next_word(vs, e, &jws, &jwe) &&
      (word_is(vs, jws, jwe, "to") || word_is(vs, jws, jwe, "or") ||
       (between && word_is(vs, jws, jwe, "and")))) {
    if (!number_at(vs, jwe, &n2) || (n2.f & (N_ORD | N_VAGUE)) || n2.attached) return 0;
    scale_into(vs, &n2);   /* "between 5 and 8 million dollars" */
    /* "two or three" and "between" ranges stand alone, and so do ages
    ** ("aged 40 to 79"); "10 to 15" needs the word that types it ("10 to
    ** 15 percent"), else it is two numbers.  Words and digits mix only
    ** then: "eight to 10 hours". */
    int mixed = (n->f & N_DIGITS) != (n2.f & N_DIGITS);
    int years = (n->f & N_PLAIN) && (n2.f & N_PLAIN) && n->ndig == 4 && n2.ndig == 4 && n2.v > n->v &&
                n->v >= 1800 && n2.v <= 2099 && word_is(vs, jws, jwe, "to");
    size_t te;
    int keep = !mixed && (between || years || (word_is(vs, jws, jwe, "or") && (n->f & N_WORDS)) ||
                          (phrase_before(vs, between ? bws : *s, R_AGE, &ps) & R_AGE));
    if (!keep) {
      size_t q = skip_ws(vs, n2.e);
      keep = (q < vs->hi && z[q] == '%') || context_after(vs, n2.e, 2, R_PERCENT, &te) ||
             (((n2.f & N_SCALED) || phrase_after(vs, T_CURRENCIES, n2.e, 3, &te)) &&
              !(phrase_before(vs, approx_left(vs, *s), R_CHANGE, &ps) & R_CHANGE)) ||
             phrase_after(vs, T_UNITS, n2.e, 3, &te) || period_after(vs, n2.e, &pt, NULL);
    }
    if (!keep) return 0;
    if (between) *s = bws;
    if ((n->f & N_PLAIN) && (n2.f & N_PLAIN) && n->ndig == 4 && n2.ndig == 4 && n2.v > n->v &&
        n->v >= 1000 && n2.v <= 2999 && !word_is(vs, jws, jwe, "or")) {
      set_match(m, *s, n2.e, ART_ENT_DATE);  /* "between 2003 and 2005", "2009 to 2017" */
      return 2;
    }
  } else {
    size_t dl = dash_at(vs, e), skip;
    if (!dl || e + dl >= vs->hi || !IS_DIGIT(z[e + dl]) || !(n->f & N_DIGITS) || n->attached) return 0;
    if (!digits_number(vs, e + dl, &n2, &skip)) return -1;
    if ((n->f & N_PLAIN) && (n2.f & N_PLAIN) && n->ndig == 4 && n->v >= 1000 && n->v <= 2999 &&
        (n2.ndig == 2 || (n2.ndig == 4 && n2.v > n->v))) {
      set_match(m, *s, n2.e, ART_ENT_DATE);  /* "2008-09", "1990-1995" */
      return 2;
    }
    if (n2.attached) { n->attached = n2.attached; n->unit_end = n2.unit_end; }
  }
  n->e = n2.e;
  n->f |= N_RANGE | (n2.f & N_SCALED);
  n->f &= ~(N_PLAIN | N_ONE);
  return 1;
}

/*
** Is an amount in "pounds" or "crowns" (CUR_CONTEXT in currencies.tsv)
** money?  The currency word ends at end.  A thing after "of" is weighed
** ("300 pounds of cocaine"); a scale says money ("5 million pounds"); else
** the words around it decide: up to ten before it and three after, a weight
** cue ("weighed") says no, a money cue ("price", "paid") yes.
*/
COLD static int money_in_context(const vscan *vs, const vnum *n, size_t end) {
  size_t ws, we, p = n->s;
  unsigned cues = 0;
  if (next_word_is(vs, end, "of", NULL)) return 0;
  if (n->f & (N_SCALED | N_VAGUE)) return 1;
  for (int k = 0; k < 10; k++) {
    while (p > vs->lo && !IS_ALPHA(vs->z[p - 1])) p--;  /* over spaces, digits, punctuation */
    if (p == vs->lo) break;
    we = p;
    while (p > vs->lo && IS_ALPHA(vs->z[p - 1])) p--;
    cues |= word_roles(vs, p, we);
  }
  p = end;
  for (int k = 0; k < 3 && next_word(vs, p, &ws, &we); k++) {
    cues |= word_roles(vs, ws, we);
    p = we;
  }
  if (cues & R_WEIGHTCUE) return 0;
  return (cues & R_MONEYCUE) != 0;
}

/*
** The type the words after a number give it: PERCENT ("5%", "5 percent"),
** MONEY ("5 dollars", "4 billion EUR", "millions of dollars"), QUANTITY ("5
** km", "a 10-mile walk"), DATE or TIME ("three years", "two hours").  Sets
** *e to the end of those words; ART_ENT_NONE when no word types it.
*/
static art_etype type_after(const vscan *vs, const vnum *n, size_t *e) {
  const unsigned char *z = vs->z;
  const art_table_entry *en;
  size_t q = skip_ws(vs, n->e), end, of_end;
  art_etype pt;
  int vague = (n->f & N_VAGUE) != 0;
  if (n->attached == 1) { *e = n->unit_end; return ART_ENT_QUANTITY; }
  if (n->attached == 3) { *e = n->unit_end; return ART_ENT_MONEY; }
  if (n->f & N_ORD) return ART_ENT_NONE;
  if (!vague && q < vs->hi && z[q] == '%') { *e = q + 1; return ART_ENT_PERCENT; }
  if (!vague && context_after(vs, n->e, 2, R_PERCENT, e)) return ART_ENT_PERCENT;
  size_t pd = dash_at(vs, n->e);
  if (!vague && pd && context_after(vs, n->e + pd, 1, R_PERCENT, e)) return ART_ENT_PERCENT;
  if ((en = phrase_after(vs, T_CURRENCIES, n->e, 3, &end)) != NULL) {
    int pos = vs->st->currency_prefix[en - art_table_currencies.entries];
    if (pos == CUR_SUFFIX || (pos == CUR_CONTEXT && money_in_context(vs, n, end))) {
      *e = end; return ART_ENT_MONEY;
    }
  }
  if ((end = currency_code_after(vs, n->e)) != 0) { *e = end; return ART_ENT_MONEY; }
  if (vague && next_word_is(vs, n->e, "of", &of_end) &&
      (en = phrase_after(vs, T_CURRENCIES, of_end, 3, &end)) != NULL &&
      (vs->st->currency_prefix[en - art_table_currencies.entries] == CUR_SUFFIX ||
       (vs->st->currency_prefix[en - art_table_currencies.entries] == CUR_CONTEXT &&
        !next_word_is(vs, end, "of", NULL)))) {
    *e = end; return ART_ENT_MONEY;  /* "millions of dollars" */
  }
  if (!vague && phrase_after(vs, T_UNITS, n->e, 3, e)) return ART_ENT_QUANTITY;
  size_t dl = dash_at(vs, n->e);
  if (!vague && dl && phrase_after(vs, T_UNITS, n->e + dl, 1, e)) return ART_ENT_QUANTITY;
  if ((end = period_after(vs, n->e, &pt, NULL)) != 0) { *e = end; return pt; }
  return ART_ENT_NONE;
}

/* A day before its month: "5 March 2024", "5th March", "the 5th of March". */
static int day_month(const vscan *vs, const vnum *n, vmatch *m) {
  size_t ws, we, mwe, q = n->e, ts;
  int abbr;
  if (!(n->f & N_DIGITS) || n->ndig > 2 || n->v < 1 || n->v > 31 || (n->f & (N_RANGE | N_SCALED)) ||
      !(n->f & (N_PLAIN | N_ORD)))
    return 0;
  if (n->f & N_ORD) next_word_is(vs, n->e, "of", &q);
  if (!next_word(vs, q, &ws, &we)) return 0;
  int mo = month_word(vs, ws, we, &abbr, &mwe);
  if (!mo) return 0;
  size_t end = mwe, r = skip_ws(vs, mwe), ye;
  int year = 0;
  if (r < vs->hi && vs->z[r] == ',') r = skip_ws(vs, r + 1);
  if (r > mwe && r < vs->hi && IS_DIGIT(vs->z[r])) {
    long y = year_at(vs, r, &ye);
    if (y > 0) { year = (int)y; end = ye; }
  }
  size_t s = n->s;
  if ((n->f & N_ORD) && prev_word_is(vs, s, "the", &ts)) s = ts;
  set_match(m, s, end, ART_ENT_DATE);
  if (year) set_date(m, year, mo, (int)n->v);
  return 1;
}

/* After "of": a year ("of 2023") or "this year", "the year", "last year".  Its end, or 0. */
static size_t of_year(const vscan *vs, size_t p) {
  size_t ow, q, ye, a, b, c, d;
  if (!next_word_is(vs, p, "of", &ow)) return 0;
  q = skip_ws(vs, ow);
  if (q < vs->hi && IS_DIGIT(vs->z[q])) return year_at(vs, q, &ye) > 0 ? ye : 0;
  if (!next_word(vs, ow, &a, &b) || !next_word(vs, b, &c, &d) || !word_is(vs, c, d, "year")) return 0;
  if (word_is(vs, a, b, "the") || (word_roles(vs, a, b) & R_DATEMOD)) return d;
  return 0;
}

/* After "of": a year or a period that dates a part of it: "of 2023", "of
** this year", "of October", "of the decade", "of the 19th century".  Its
** end, or 0. */
COLD static size_t of_period(const vscan *vs, size_t p) {
  size_t ow, a, b, q, e, skip, wd;
  int abbr;
  vnum n;
  if ((e = of_year(vs, p)) != 0) return e;
  if (!next_word_is(vs, p, "of", &ow) || !next_word(vs, ow, &a, &b)) return 0;
  if (month_word(vs, a, b, &abbr, &wd)) return abbr ? wd : b;
  if (!word_is(vs, a, b, "the") && !(word_roles(vs, a, b) & R_DATEMOD)) return 0;
  q = skip_ws(vs, b);
  if (q < vs->hi && IS_DIGIT(vs->z[q])) {
    if (!digits_number(vs, q, &n, &skip) || !(n.f & N_ORD)) return 0;
    b = n.e;
  } else if (next_word(vs, b, &a, &e) && word_class(vs, a, e, NULL) == W_ORDINAL) b = e;
  if (!next_word(vs, b, &a, &e)) return 0;
  int c = word_class(vs, a, e, NULL);
  return c == W_PERIOD || c == W_DECADES ? e : 0;
}

/* Does the sentence speak of money: a money cue word ("profit", "sales")
** or a currency sign or percent sign in it? */
COLD static int money_talk(const vscan *vs) {
  const unsigned char *z = vs->z;
  for (size_t p = vs->lo; p < vs->hi; p++) {
    unsigned char c = z[p];
    if (c == '$' || c == '%' || (c == 0xC2 && p + 1 < vs->hi && z[p + 1] == 0xA3) ||
        (c == 0xE2 && p + 2 < vs->hi && z[p + 1] == 0x82 && z[p + 2] == 0xAC))
      return 1;   /* $ % £ € */
    if (IS_ALPHA(c) && (p == vs->lo || !IS_ALPHA(z[p - 1]))) {
      size_t e = p;
      while (e < vs->hi && IS_ALPHA(z[e])) e++;
      if (word_roles(vs, p, e) & R_MONEYCUE) return 1;
      p = e - 1;
    }
  }
  return 0;
}

/*
** An ordinal: "first", "94th"; or a DATE it starts: "the 19th century", "a
** second day", "the third straight day", "the first quarter", "the second
** half of 2023"; or a fraction "a third of".  0 when it is part of a name.
*/
static int ordinal_phrase(const vscan *vs, const vnum *n, vmatch *m) {
  const unsigned char *z = vs->z;
  size_t ws, we, ts, q = n->e, end;
  size_t s = n->s, e = n->e;
  size_t dl = dash_at(vs, e);
  if (dl && e + dl < vs->hi && IS_ALPHA(z[e + dl])) {
    /* "third-quarter profit", "second-day talks" */
    ws = e + dl;
    we = ws;
    while (we < vs->hi && IS_ALPHA(z[we])) we++;
    if (!wordchar_at(vs, we) && (word_is(vs, ws, we, "quarter") || word_class(vs, ws, we, NULL) == W_PERIOD)) {
      set_match(m, s, we, ART_ENT_DATE);
      return 1;
    }
  }
  context_after(vs, e, 1, R_STREAK, &q);
  if (next_word(vs, q, &ws, &we)) {
    int c = word_class(vs, ws, we, NULL);
    int quarter = word_is(vs, ws, we, "quarter"), half = word_is(vs, ws, we, "half");
    if (c == W_PERIOD || c == W_DAYPART || quarter || half) {
      end = we;
      if (quarter || half) {
        /* "the first quarter" is a DATE; "the first half" only with its
        ** period ("of 2023", "of the 19th century") or in a sentence about
        ** money: elsewhere it is a match's */
        size_t ye = of_period(vs, we);
        if (ye) end = ye;
        else if (half && !money_talk(vs)) goto plain;
      }
      /* "the late 19th century", "the mid-19th century" */
      size_t ps, gs = glued_relpos_left(vs, s);
      if (gs != s) s = gs;
      else if (c == W_PERIOD && (phrase_before(vs, s, R_RELPOS, &ps) & R_RELPOS)) s = ps;
      if (prev_word_is(vs, s, "the", &ts) || prev_word_is(vs, s, "a", &ts)) s = ts;
      set_match(m, s, end, c == W_DAYPART ? ART_ENT_TIME : ART_ENT_DATE);
      return 1;
    }
  }
plain:
  if ((n->f & N_CAP) && !sentence_initial(vs, s)) {
    /* "First Lady", "Second World War", "Justice First", "John Paul the Second" */
    size_t a, b;
    if (next_word(vs, e, &a, &b) && IS_UPPER(z[a])) return 0;
    if (prev_word(vs, s, &a, &b) && (IS_UPPER(z[a]) || word_is(vs, a, b, "the"))) return 0;
  }
  size_t aws, ow;
  if ((n->f & N_WORDS) && (prev_word_is(vs, s, "a", &aws) || prev_word_is(vs, s, "one", &aws)) &&
      next_word_is(vs, e, "of", &ow) &&
      (word_is(vs, s, e, "third") || word_is(vs, s, e, "fifth") || word_is(vs, s, e, "tenth"))) {
    set_match(m, approx_left(vs, aws), e, ART_ENT_CARDINAL);
    m->has_value = 1;
    m->value = 1.0 / n->v;
    return 1;
  }
  set_number(m, s, e, ART_ENT_ORDINAL, n);
  return 1;
}

/* "the 1990s", "the early 2000s", "the mid-1990s", "the '90s". */
COLD static void decade_phrase(const vscan *vs, const vnum *n, vmatch *m) {
  size_t s = n->s, st = glued_relpos_left(vs, s), ts, ps;
  if (n->ndig == 2 && st == s) {
    if (s >= vs->floor + 1 && vs->z[s - 1] == '\'') st = s - 1;
    else if (s >= vs->floor + 3 && apostrophe_at(vs, s - 3) == 3) st = s - 3;
  }
  if (st == s && (phrase_before(vs, s, R_RELPOS, &ps) & R_RELPOS)) st = ps;
  if (prev_word_is(vs, st, "the", &ts)) st = ts;
  set_match(m, st, n->e, ART_ENT_DATE);
}

/*
** A bare four-digit number as a year: "2003", "early 2024", "mid-2008",
** "the end of 2024", "1000 B.C.".  News writes counts of a thousand and
** more with a comma ("2,000 people"), so 1800..2099 is a year unless an
** approximator counts it; outside that range it needs a year word before
** it ("in 1632").  0 when it is a count.
*/
static int year_number(const vscan *vs, const vnum *n, vmatch *m) {
  size_t s = n->s, ps, ee;
  if (!(n->f & N_PLAIN) || n->ndig != 4) return 0;
  if (context_after(vs, n->e, 1, R_ERA, &ee)) {
    set_match(m, s, ee, ART_ENT_DATE);
    return 1;
  }
  int percent_only = 0;
  unsigned before = phrase_before_pct(vs, s, R_YEARPREP | R_APPROX, &ps, &percent_only);
  int yearish = n->v >= 1800 && n->v <= 2099;
  if (before & R_YEARPREP) {}
  /* "about 1990" is a count; "below 1990 levels" a year ("below" is an
  ** approximator of percentages only) */
  else if (((before & R_APPROX) && !percent_only) || !yearish) return 0;
  size_t st = glued_relpos_left(vs, s);
  if (st == s && (phrase_before(vs, s, R_RELPOS, &ps) & R_RELPOS)) st = ps;
  if (phrase_before(vs, st, R_BOUNDARY, &ps) & R_BOUNDARY) st = ps;
  set_match(m, st, n->e, ART_ENT_DATE);
  return 1;
}

/* "half a million", "half an hour", "half of", "nearly half"; 0 otherwise ("second half"). */
COLD static int half_phrase(const vscan *vs, const vnum *n, vmatch *m) {
  size_t aws, awe, sws, swe, ow, s = n->s;
  if (next_word(vs, n->e, &aws, &awe) && (word_is(vs, aws, awe, "a") || word_is(vs, aws, awe, "an"))) {
    double sv;
    if (!next_word(vs, awe, &sws, &swe)) return 0;
    int c = word_class(vs, sws, swe, &sv);
    if (c == W_SCALE) {
      set_match(m, approx_left(vs, s), swe, ART_ENT_CARDINAL);
      m->has_value = 1;
      m->value = 0.5 * sv;
      return 1;
    }
    if (c == W_PERIOD || c == W_TIMEUNIT) {
      set_match(m, duration_approx_left(vs, s, swe), swe, c == W_PERIOD ? ART_ENT_DATE : ART_ENT_TIME);
      return 1;
    }
    return 0;
  }
  size_t st = approx_left(vs, s);
  if (st == s && !next_word_is(vs, n->e, "of", &ow)) return 0;
  set_match(m, st, n->e, ART_ENT_CARDINAL);
  m->has_value = 1;
  m->value = 0.5;
  return 1;
}

/* Is this number word a pronoun or part of a name?  "no one", "one
** another", "Air Force One", "Group of Eight", "Big Three". */
static int not_a_count(const vscan *vs, const vnum *n) {
  const unsigned char *z = vs->z;
  size_t ps, ws, we, me;
  int zero = (n->f & N_WORDS) && word_is(vs, n->s, n->e, "zero");
  if ((n->f & N_ONE) || zero) {
    /* "a one-time charge", "one-sided", "zero-sum": an adjective (a period,
    ** a unit or a fraction after the hyphen was taken already); not
    ** "one-and-a-half", "a one-in-75 chance" */
    size_t d = dash_at(vs, n->e), hs = n->e + d, he = hs;
    while (he < vs->hi && IS_ALPHA(z[he])) he++;
    if (d && he > hs && !word_is(vs, hs, he, "and") && !word_is(vs, hs, he, "in")) return 1;
  }
  if (n->f & N_ONE) {
    if (phrase_before(vs, n->s, R_PRONOUN, &ps) & R_PRONOUN) return 1;
    if (next_word_is(vs, n->e, "another", NULL) || apostrophe_at(vs, n->e)) return 1;
    /* "a new one", "the second one", "a Dutch one": a determiner, one word, "one" */
    if (!next_word_is(vs, n->e, "of", NULL) && prev_word_in_sentence(vs, n->s, &ws, &we)) {
      int c = word_class(vs, ws, we, NULL);
      size_t dws, dwe;
      if ((c == W_NONE || c == W_ORDINAL) && !(word_roles(vs, ws, we) & (R_DET | R_APPROX | R_QUANT | R_LABEL)) &&
          prev_word_in_sentence(vs, ws, &dws, &dwe) && (word_roles(vs, dws, dwe) & R_DET))
        return 1;
    }
    /* "One can only guess", "if one must": the generic pronoun */
    if (context_after(vs, n->e, 1, R_MODAL, &me)) {
      if (sentence_initial(vs, n->s)) return 1;
      if (prev_word_in_sentence(vs, n->s, &ws, &we) && (word_roles(vs, ws, we) & R_CLAUSE)) return 1;
    }
  }
  if (n->f & N_WORDS) {
    /* "net zero", "net-zero", "ground zero" */
    if (phrase_before(vs, n->s, R_NOTCOUNT, &ps) & R_NOTCOUNT) return 1;
    size_t d = n->s > vs->lo ? n->s - 1 : n->s;
    if (d > vs->lo && z[d] == '-' && IS_ALPHA(z[d - 1])) {
      size_t b = d;
      while (b > vs->lo && IS_ALPHA(z[b - 1])) b--;
      if (word_roles(vs, b, d) & R_NOTCOUNT) return 1;
    }
  }
  if ((n->f & N_CAP) && !sentence_initial(vs, n->s)) {
    if (prev_word(vs, n->s, &ws, &we)) {
      if (IS_UPPER(z[ws])) return 1;
      if (word_is(vs, ws, we, "of") && prev_word(vs, ws, &ws, &we) && IS_UPPER(z[ws])) return 1;
    }
    if (next_word(vs, n->e, &ws, &we) && IS_UPPER(z[ws])) return 1;
  }
  return 0;
}

/* Is the capitalised word z[s..e) a name rather than a common word written
** first in a sentence?  common_words.tsv lists words news writes in lower
** case mid-sentence; a word never seen there, or seen mostly capitalised,
** is taken for a name. */
COLD static int capitalised_name(const vscan *vs, size_t s, size_t e) {
  char buf[MAX_WORD + 1];
  if (e - s > MAX_WORD) return 0;
  size_t n = fold_letters(vs, s, e, buf);
  const art_table_entry *en = art_table_find(&art_table_common_words, buf, n);
  return !en || atoi(en->value) < 50;
}

/*
** An age, which OntoNotes tags DATE: "aged 45", "aged 40 to 79" (s is the
** range's start, "between" included), or a bare number set off
** after a name, "Maria Lopez, 64, of Tucson", "Tom Hale (81)".  Not "In
** Ohio, 30 people": the number must close the aside.
*/
static int age_number(const vscan *vs, const vnum *n, size_t s, vmatch *m) {
  const unsigned char *z = vs->z;
  size_t ps;
  if (n->v < 1 || n->v > 120 || (n->f & (N_ORD | N_VAGUE | N_FRACTION | N_SCALED | N_DECADE))) return 0;
  /* "aged 45", "aged five", "aged 40 to 79", "ages between 18 and 65" */
  if ((n->f & N_PLAIN ? n->ndig <= 3 : (n->f & (N_WORDS | N_RANGE)) != 0) &&
      (phrase_before(vs, s, R_AGE, &ps) & R_AGE)) {
    set_match(m, s, n->e, ART_ENT_DATE);
    return 1;
  }
  if (!(n->f & N_PLAIN) || n->ndig > 3) return 0;
  size_t q = skip_ws_back(vs, n->s), e = n->e;
  if (q <= vs->lo || e >= vs->hi) return 0;
  unsigned char open = z[q - 1], close = z[e];
  if (open == '(') {
    if (close != ')') return 0;
  } else if (open == ',') {
    if (close != ',' && !(close == '.' && (e + 1 == vs->hi || ws_at(vs, e + 1)))) return 0;
  } else return 0;
  /* the name: a capitalised word ("Jr." too), not the first of the sentence */
  size_t we = q - 1, n2;
  while ((n2 = ws_before(vs, we, vs->lo)) != 0) we -= n2;
  if (we > vs->lo && z[we - 1] == '.') we--;
  if (we <= vs->lo || !IS_ALPHA(z[we - 1])) return 0;
  size_t b = we;
  while (b > vs->lo && IS_ALPHA(z[b - 1])) b--;
  if (!IS_UPPER(z[b]) || wordchar_before(vs, b) || word_class(vs, b, we, NULL) != W_NONE) return 0;
  /* first in its sentence, it is a name ("Chirwa, 66, won") unless it is
  ** a common lower-case word there ("Overall, 12, ..." is no age) */
  if (sentence_initial(vs, b) && !capitalised_name(vs, b, we)) return 0;
  set_match(m, n->s, n->e, ART_ENT_DATE);
  return 1;
}

/* " ended Sept. 30" after a period ending at e: the end of the date, else 0. */
static size_t ended_date(const vscan *vs, size_t e) {
  size_t q, ws, we, wd;
  int abbr, day, year;
  if (!context_after(vs, e, 1, R_ENDED, &q) || !next_word(vs, q, &ws, &we) ||
      !month_word(vs, ws, we, &abbr, &wd))
    return 0;
  size_t end = month_tail(vs, abbr ? wd : we, &day, &year);
  return day ? end : 0;
}

/*
** What runs on after a duration ending at e, in the same span: "2 hours
** and 21 minutes", "two years three months" (a smaller unit: "between six
** months and 15 years" is a range, not a sum); for a DATE also "of this
** year", "of 2023" and " ended Sept. 30".
*/
static size_t duration_tail(const vscan *vs, size_t e, art_etype t) {
  size_t q = e, e2, ws, we;
  vnum n2;
  art_etype t2;
  double unit = 0, unit2 = 0;
  /* the unit of the duration that ends at e (its last word) */
  ws = letters_start(vs, e, vs->lo);
  we = e;
  if (word_class(vs, ws, we, &unit) == W_FRACTION) unit = 91;  /* quarters */
  next_word_is(vs, e, "and", &q);
  if (unit > 0 && number_at(vs, q, &n2) && !(n2.f & (N_ORD | N_VAGUE | N_RANGE | N_DECADE)) && !n2.attached &&
      !dash_at(vs, n2.e) && (e2 = period_after(vs, n2.e, &t2, &unit2)) != 0 && t2 == t && unit2 < unit)
    e = e2;
  if (t != ART_ENT_DATE) return e;
  if ((e2 = ended_date(vs, e)) != 0) return e2;
  if ((e2 = of_year(vs, e)) != 0) return e2;
  return e;
}

/*
** "two quarters": periods of a year, or a fraction?  Periods before "of" +
** a gerund ("three quarters of falling sales") or a year, or after a
** preposition or date modifier with no "of" ("for two quarters", "the past
** two quarters"); a fraction otherwise ("three quarters of the members").
*/
COLD static int quarters_are_periods(const vscan *vs, const vnum *n, size_t s) {
  size_t ow, ws, we, ps;
  if (of_year(vs, n->e)) return 1;
  if (next_word_is(vs, n->e, "of", &ow))
    return next_word(vs, ow, &ws, &we) && we - ws > 4 && word_is(vs, we - 3, we, "ing");
  return (phrase_before(vs, s, R_DURPREP | R_DATEMOD, &ps) & (R_DURPREP | R_DATEMOD)) != 0;
}

/* Is "X to Y", X = v1 starting at s, a range rather than a change ("rose
** from $25 to $43", "fell $4 to $14.75", "led 36 percent to 31 percent")?
** It must go up, and no word of change (value_context role change) or
** "from" may come before it. */
COLD static int to_range(const vscan *vs, size_t s, double v1, double v2) {
  size_t ps;
  return v2 > v1 && !(phrase_before(vs, approx_left(vs, s), R_CHANGE, &ps) & R_CHANGE);
}

/* After a percentage n ending in "%" at e: " to 15%", " or 15%", " and
** 15%" (after "between"): the end of the second, else 0. */
COLD static size_t percent_range_tail(const vscan *vs, const vnum *n, size_t e, int between) {
  size_t ws, we, q, skip;
  int to = 0;
  vnum n2;
  if (!next_word(vs, e, &ws, &we) || !((to = word_is(vs, ws, we, "to")) || word_is(vs, ws, we, "or") ||
                                       (between && word_is(vs, ws, we, "and"))))
    return 0;
  q = skip_ws(vs, we);
  if (q >= vs->hi || !IS_DIGIT(vs->z[q]) || !digits_number(vs, q, &n2, &skip) || n2.attached ||
      (n2.f & (N_ORD | N_DECADE | N_SCALED)) || (to && !between && !to_range(vs, n->s, n->v, n2.v)))
    return 0;
  q = skip_ws(vs, n2.e);
  return q < vs->hi && vs->z[q] == '%' ? q + 1 : 0;
}

/* After an amount of type t ending at e, after "between": " and 600 euros",
** " and 15 km", the second amount with a word of the same type.  Its end,
** else 0. */
COLD static size_t typed_range_tail(const vscan *vs, size_t e, art_etype t) {
  size_t ws, we, e2;
  vnum n2;
  if (!next_word(vs, e, &ws, &we) || !word_is(vs, ws, we, "and") || !number_at(vs, we, &n2) ||
      (n2.f & (N_ORD | N_DECADE | N_VAGUE)))
    return 0;
  scale_into(vs, &n2);
  return type_after(vs, &n2, &e2) == t ? e2 : 0;
}

/*
** After a number: the words that decide its type, then the words before it
** that belong to the span.  Fills *m and returns 1, or 0 when the number is
** not a value (a name part, a pronoun "one", a code).
*/
static int classify_number(const vscan *vs, vnum *n, vmatch *m) {
  size_t s = n->s, e, ps, aws;
  if (clock_time(vs, n, m)) return 1;
  int joined = join_range(vs, n, &s, m);
  if (joined == 2) return 1;
  if (joined < 0) return 0;
  int between = joined == 1 && s != n->s;
  art_etype t = type_after(vs, n, &e);
  if (t == ART_ENT_PERCENT && vs->z[e - 1] == '%' && !joined) {
    /* "10% to 15%", "between 10% and 15%": one span, no value */
    size_t bws, e2;
    int btw = prev_word_is(vs, s, "between", &bws);
    if ((e2 = percent_range_tail(vs, n, e, btw)) != 0) {
      n->f |= N_RANGE;
      set_number(m, btw ? bws : approx_left_for(vs, s, t), e2, t, n);
      return 1;
    }
  }
  if ((t == ART_ENT_MONEY || t == ART_ENT_QUANTITY) && !joined) {
    /* "between 250 euros and 600 euros", "between 10 km and 15 km": one span, no value */
    size_t bws, e2;
    if (prev_word_is(vs, s, "between", &bws) && (e2 = typed_range_tail(vs, e, t)) != 0) {
      n->f |= N_RANGE;
      set_number(m, bws, e2, t, n);
      return 1;
    }
  }
  if (t == ART_ENT_NONE && (n->f & N_QUARTERS) && quarters_are_periods(vs, n, s)) {
    t = ART_ENT_DATE;
    e = n->e;
  }
  if (t == ART_ENT_NONE) {
    if (age_number(vs, n, s, m)) return 1;
    if (day_month(vs, n, m)) return 1;
    if (n->f & N_ORD) return ordinal_phrase(vs, n, m);
    if (n->f & N_DECADE) { decade_phrase(vs, n, m); return 1; }
    if (year_number(vs, n, m)) return 1;
    if (n->f & N_HALF) return half_phrase(vs, n, m);
    if (not_a_count(vs, n)) return 0;
    t = ART_ENT_CARDINAL;
    e = n->e;
  }
  if (between) { set_number(m, s, e, t, n); return 1; }
  /* the words before: "a million", "several hundred", "about 200", "the past three years" */
  if (n->f & N_SCALE_FIRST) {
    if (phrase_before(vs, s, R_QUANT, &ps) & R_QUANT) { s = ps; n->f |= N_VAGUE; }
    else if (prev_word_is(vs, s, "a", &aws) || prev_word_is(vs, s, "an", &aws)) s = aws;
  }
  int duration = t == ART_ENT_DATE || t == ART_ENT_TIME;
  size_t st = duration ? duration_approx_left(vs, s, e) : approx_left_for(vs, s, t);
  if (duration && st == s) st = date_mods_left(vs, s, 1, NULL);
  if (duration && !dash_at(vs, n->e)) e = duration_tail(vs, e, t);  /* not after "25-year-old" */
  set_number(m, st, e, t, n);
  return 1;
}

/* A scale word after an amount ending at e, " billion" or "-million": its
** end, with *sv its value; else e. */
COLD static size_t money_scale_after(const vscan *vs, size_t e, double *sv) {
  const unsigned char *z = vs->z;
  size_t ws, we;
  double v;
  if (next_word(vs, e, &ws, &we)) {
    if (word_class(vs, ws, we, &v) == W_SCALE && v >= 1000) { *sv = v; return we; }
  } else if (dash_at(vs, e) == 1 && e + 1 < vs->hi && IS_ALPHA(z[e + 1])) {
    size_t hs = e + 1, he = hs;
    while (he < vs->hi && IS_ALPHA(z[he])) he++;
    if (word_class(vs, hs, he, &v) == W_SCALE && v >= 1000) { *sv = v; return he; }
  }
  return e;
}

/* The second amount of a money range whose first, v1 written with the
** sign z[ms..p), ends at e: "-$10", "-3", " to $15", " or $15", " and $15"
** (after "between").  The end of its digits (*v2 its amount with its
** scale, *se the scale's end), or 0. */
static size_t money_range_tail(const vscan *vs, size_t ms, size_t p, size_t e, int between, double v1,
                               double *v2, size_t *se) {
  const unsigned char *z = vs->z;
  size_t d = dash_at(vs, e), q, ws, we, skip;
  int to = 0;
  vnum n2;
  if (d) q = e + d;
  else if (next_word(vs, e, &ws, &we) && ((to = word_is(vs, ws, we, "to")) || word_is(vs, ws, we, "or") ||
                                          (between && word_is(vs, ws, we, "and"))))
    q = skip_ws(vs, we);
  else return 0;
  if (q + (p - ms) <= vs->hi && memcmp(z + q, z + ms, p - ms) == 0) q += p - ms;
  else if (!d) return 0;   /* "$5 to 10 people": the sign again, except after a dash */
  if (q >= vs->hi || !IS_DIGIT(z[q]) || !digits_number(vs, q, &n2, &skip) || n2.attached ||
      (n2.f & (N_ORD | N_DECADE)) || dash_at(vs, n2.e))
    return 0;
  double sv = 1;
  *se = money_scale_after(vs, n2.e, &sv);
  *v2 = n2.v * sv;
  if (to && !between && !to_range(vs, ms, v1, *v2)) return 0;
  return n2.e;
}

/* Currency sign or code written before the number at s: its start, or s. */
static size_t money_prefix(const vscan *vs, size_t s) {
  const unsigned char *z = vs->z;
  size_t q = skip_ws_back(vs, s);
  if (s - q > 3) return s;
  if (q <= vs->floor) return s;
  unsigned char c = z[q - 1];
  const art_table_entry *en;
  if (c == '$') {
    /* "$", "US$", "HK$", "U.S.$": the longest known form */
    size_t b = q - 1;
    while (b > vs->floor && (IS_UPPER(z[b - 1]) || z[b - 1] == '.') && q - b < 6) b--;
    for (; b < q; b++) {
      if (b > vs->floor && IS_ALNUM(z[b - 1])) continue;
      en = art_table_find(&art_table_currencies, (const char *)z + b, q - b);
      if (en && vs->st->currency_prefix[en - art_table_currencies.entries] == CUR_PREFIX) return b;
    }
    return s;
  }
  if (c >= 0x80) {
    size_t len;
    art_utf8_decode_before(z + vs->floor, q - vs->floor, &len);
    en = art_table_find(&art_table_currencies, (const char *)z + q - len, len);
    if (en && vs->st->currency_prefix[en - art_table_currencies.entries] == CUR_PREFIX) return q - len;
    return s;
  }
  if (q == s) return s;  /* letters glued to digits were rejected already */
  size_t e = q;
  if (c == '.') e = q - 1;
  if (e <= vs->floor || !IS_ALPHA(z[e - 1])) return s;
  size_t b = letters_start(vs, e, vs->floor);
  if (wordchar_before(vs, b) || e - b > 3) return s;
  /* most words here are "the", "of", "in": no currency sign starts as they do */
  if ((vs->st->prefix_first[z[b] >> 6] >> (z[b] & 63)) & 1) {
    en = art_table_find(&art_table_currencies, (const char *)z + b, q - b);
    if (en && vs->st->currency_prefix[en - art_table_currencies.entries] == CUR_PREFIX) return b;
  }
  if (q == e && e - b == 3 && IS_UPPER(z[b]) && IS_UPPER(z[b + 1]) && IS_UPPER(z[b + 2]) &&
      art_table_find(&art_table_currency_codes, (const char *)z + b, 3))
    return b;
  return s;
}

/*
** Is the number at s part of a name or code?  "Flight 370", "Resolution
** 1701", "No. 1": a capitalised word (not the first of the sentence, not a
** value word) right before it.
*/
static int name_number(const vscan *vs, size_t s) {
  const unsigned char *z = vs->z;
  size_t q = skip_ws_back(vs, s);
  if (q == s || q <= vs->lo) return 0;
  size_t e = q;
  if (z[e - 1] == '.') e--;
  if (e <= vs->lo || !IS_ALPHA(z[e - 1])) return 0;
  size_t b = letters_start(vs, e, vs->lo);
  if (!IS_UPPER(z[b]) || sentence_initial(vs, b)) return 0;
  if (e < q && (b == 0 || z[b - 1] != '.') && e - b > 3) return 0;  /* a sentence-final word */
  if (word_class(vs, b, e, NULL) != W_NONE) return 0;
  if (e < q) return 1;  /* "No. 1", "Art. 5" */
  if (word_roles(vs, b, e) & (R_APPROX | R_YEARPREP | R_DATEMOD | R_RELPOS | R_QUANT)) return 0;
  return 1;
}

/* Is the word after e a scale word of a thousand or more (" billion")? */
COLD static int scale_word_after(const vscan *vs, size_t e) {
  size_t ws, we;
  double v;
  return next_word(vs, e, &ws, &we) && word_class(vs, ws, we, &v) == W_SCALE && v >= 1000;
}

/* A score or vote after a name: "beat Borussia Dortmund 2-1", "Chelsea
** 3–0", "the Knicks 118-112".  Two numbers and a dash, nothing glued on. */
COLD static int score_at(const vscan *vs, const vnum *n) {
  size_t d = dash_at(vs, n->e), e;
  if (!(n->f & N_PLAIN) || n->ndig > 3 || !d || n->attached) return 0;
  long second = read_int(vs, n->e + d, 3, &e);
  if (second < 0 || wordchar_at(vs, e) || dash_at(vs, e) ||
      (e + 1 < vs->hi && (vs->z[e] == '.' || vs->z[e] == ',' || vs->z[e] == ':') && IS_DIGIT(vs->z[e + 1])))
    return 0;
  /* three digits a side, "Knicks 118-112", "passed 341-86": the winner's
  ** number comes first, and a model number's variant is a round hundred
  ** or one digit ("Boeing 737-800", "777-200", "787-9") */
  if (n->ndig <= 2 && e - (n->e + d) <= 2) return 1;
  return (double)second <= n->v && e - (n->e + d) >= 2 && second % 100 != 0;
}

/* A part of a year named by capitals glued to the digits at p: "Q3", "H1",
** "FY2025", "FY25", with a year after it ("Q4 2023", "Q3 of 2024").  The
** codes and their ranges are the periodcode words of value_context.tsv. */
COLD static int period_code(const vscan *vs, size_t p, vmatch *m) {
  const unsigned char *z = vs->z;
  size_t b = p, e, ye, yp;
  while (b > vs->floor && IS_UPPER(z[b - 1]) && p - b < 3) b--;
  if (b == p || p - b > 2 || wordchar_before(vs, b)) return 0;
  const vword *w = word_vocab(vs, b, p);
  if (!w || !(w->roles & R_PERIODCODE) || w->entry[T_CONTEXT] < 0) return 0;
  const char *range = art_table_value_context.entries[w->entry[T_CONTEXT]].extra;
  long v = read_int(vs, p, 4, &e);
  if (v < 0 || wordchar_at(vs, e)) return 0;
  if (strcmp(range, "year") == 0) {
    if (e - p != 2 && e - p != 4) return 0;
    /* "FY08/09", "FY2024-25" */
    size_t sep = e < vs->hi && vs->z[e] == '/' ? 1 : dash_at(vs, e), e2;
    if (sep && read_int(vs, e + sep, 2, &e2) >= 0 && e2 - e - sep == 2 && !wordchar_at(vs, e2)) e = e2;
  } else if (e - p != 1 || v < 1 || v > atol(range) || dash_at(vs, e)) return 0;
  yp = skip_ws(vs, e);
  if (yp > e && yp < vs->hi && IS_DIGIT(z[yp]) && year_at(vs, yp, &ye) > 0) e = ye;
  else if ((ye = of_year(vs, e)) != 0) e = ye;
  set_match(m, b, e, ART_ENT_DATE);
  return 1;
}

/* Digits at p.  Returns 1 with *m, or 0 with *skip (where to go on). */
static int match_digits(const vscan *vs, size_t p, vmatch *m, size_t *skip) {
  const unsigned char *z = vs->z;
  vnum n;
  /* Glued to a word or code: "MH17", "F-16", "COVID-19", "+1", "#3", "x/5". */
  size_t after = p;
  while (after < vs->hi && (IS_ALNUM(z[after]) ||
                            ((z[after] == '.' || z[after] == ',' || z[after] == '-' || z[after] == '/' ||
                              z[after] == ':') && after + 1 < vs->hi && IS_ALNUM(z[after + 1]))))
    after++;
  *skip = after;
  /* Phone numbers: "+1 202 555 0100", "202 555 0100", "+44 20-7946-0958". */
  int groups = 0, spaced = 0, longest = 0;
  size_t chain = p;
  for (;;) {
    size_t d = chain;
    while (d < vs->hi && IS_DIGIT(z[d])) d++;
    if (d == chain) break;
    groups++;
    if ((int)(d - chain) > longest) longest = (int)(d - chain);
    chain = d;
    if (chain + 1 < vs->hi && (z[chain] == ' ' || z[chain] == '-') && IS_DIGIT(z[chain + 1])) {
      spaced |= z[chain] == ' ';
      chain++;
      continue;
    }
    break;
  }
  if ((p > vs->lo && z[p - 1] == '+') || (groups >= 3 && spaced && longest <= 4)) {
    if (chain > *skip) *skip = chain;
    return 0;
  }
  if (p > vs->lo) {
    unsigned char c = z[p - 1];
    if (IS_UPPER(c) && period_code(vs, p, m)) return 1;
    if (IS_ALPHA(c) || c == '+' || c == '#' || c == '/' || c == '_' || c == '@' || c == '\\' ||
        c == '=' || c == '&')
      return 0;
    if (c == '-' && p >= vs->lo + 2 && IS_ALNUM(z[p - 2]) && glued_relpos_left(vs, p) == p) return 0;
    if ((c == '.' || c == ',') && p >= vs->lo + 2 && IS_DIGIT(z[p - 2])) return 0;
    if (c >= 0x80 && wordchar_before(vs, p)) return 0;
  }
  if (!digits_number(vs, p, &n, skip)) return 0;
  const size_t e = n.e;
  /* slashes: "3/5/2024" is a full date; "9/11", "12/25" a month and day; fractions
  ** ("1/2", "3/4": a one-digit denominator), "24/7" and scores are not values here */
  if (e < vs->hi && z[e] == '/' && e + 1 < vs->hi && IS_DIGIT(z[e + 1])) {
    size_t e2 = e, e3 = e;
    long a = (n.f & N_PLAIN) && n.ndig <= 2 ? (long)n.v : -1;
    long b = read_int(vs, e + 1, 2, &e2);
    if (a >= 1 && b >= 1 && e2 + 1 < vs->hi && z[e2] == '/' && IS_DIGIT(z[e2 + 1])) {
      long y = read_int(vs, e2 + 1, 4, &e3);
      if (y >= 0 && (e3 - e2 - 1 == 4 || e3 - e2 - 1 == 2) && !wordchar_at(vs, e3) &&
          !(e3 < vs->hi && z[e3] == '/')) {
        if (e3 - e2 - 1 == 2) y += y < 50 ? 2000 : 1900;
        long mo = a, d = b;
        if (a > 12 && b <= 12) { mo = b; d = a; }  /* day first */
        if (mo <= 12 && d <= 31) {
          set_match(m, p, e3, ART_ENT_DATE);
          set_date(m, (int)y, (int)mo, (int)d);
          return 1;
        }
      }
    }
    if (a >= 1 && a <= 12 && b >= 10 && b <= 31 && e2 - e - 1 == 2 && !wordchar_at(vs, e2) &&
        !(e2 < vs->hi && (z[e2] == '/' || z[e2] == '.' || z[e2] == ',') && e2 + 1 < vs->hi &&
          IS_DIGIT(z[e2 + 1]))) {
      set_match(m, p, e2, ART_ENT_DATE);
      return 1;
    }
    return 0;
  }
  /* three hyphen groups: an ISO date "2024-03-05", else a phone number or code */
  size_t d1 = e < vs->hi && z[e] == '-' ? 1 : 0;
  if (d1 && e + 1 < vs->hi && IS_DIGIT(z[e + 1])) {
    size_t e2 = e, e3 = e;
    long b = read_int(vs, e + 1, 9, &e2);
    if (b < 0) return 0;
    int three = e2 + 1 < vs->hi && z[e2] == '-' && IS_DIGIT(z[e2 + 1]);
    if (three) {
      long c = read_int(vs, e2 + 1, 9, &e3);
      if (c >= 0 && (n.f & N_PLAIN) && n.ndig == 4 && e2 - e - 1 == 2 && e3 - e2 - 1 == 2 && !wordchar_at(vs, e3) &&
          !(e3 < vs->hi && z[e3] == '-' && e3 + 1 < vs->hi && IS_DIGIT(z[e3 + 1]))) {
        set_match(m, p, e3, ART_ENT_DATE);
        set_date(m, (int)n.v, (int)b, (int)c);
        if (!m->date[0]) return 0;
        return 1;
      }
      return 0;
    }
    if ((n.f & N_PLAIN) && n.ndig == 3 && e2 - e - 1 == 4 && b >= 0) return 0;  /* 555-0100 */
  }
  /* "(202) 555-0100" */
  if (p > vs->lo && z[p - 1] == '(' && n.ndig == 3 && e < vs->hi && z[e] == ')') return 0;
  size_t ms = money_prefix(vs, p);
  if (ms != p) {
    /* "$1.2 billion", "€3 million", "Rs 500"; ranges "$5-$10", "$2-3
    ** billion", "$10 to $15", "between $10 and $15" (no value) */
    double sv = 1, v2;
    size_t end = n.attached ? e : money_scale_after(vs, e, &sv), bws, se;
    int between = prev_word_is(vs, ms, "between", &bws);
    if (!n.attached && money_range_tail(vs, ms, p, end, between, n.v * sv, &v2, &se)) {
      set_match(m, between ? bws : approx_left(vs, ms), se, ART_ENT_MONEY);
      return 1;
    }
    set_match(m, approx_left(vs, ms), end, ART_ENT_MONEY);
    m->has_value = 1; m->value = n.v * sv;
    return 1;
  }
  /* a number after a name is part of it ("Flight 370"), unless a scale
  ** word follows: "fined Meta 1.2 billion euros" */
  if (name_number(vs, p) && !((n.f & N_PLAIN) && n.ndig == 4 && n.v >= 1800 && n.v <= 2099) &&
      !(n.f & N_DECADE) && !score_at(vs, &n) && !(!n.attached && scale_word_after(vs, n.e)))
    return 0;
  /* a digit number followed by a scale word: "1.2 million", "32 billion" */
  if (!n.attached && !(n.f & (N_ORD | N_DECADE))) {
    size_t ws, we, hs = 0;
    double sv;
    int got = 0;
    if (next_word(vs, n.e, &ws, &we)) got = 1;
    else if (dash_at(vs, n.e) == 1 && n.e + 1 < vs->hi && IS_ALPHA(z[n.e + 1])) {
      hs = n.e + 1; we = hs;
      while (we < vs->hi && IS_ALPHA(z[we])) we++;
      ws = hs;
      got = !wordchar_at(vs, we);
    }
    if (got && word_class(vs, ws, we, &sv) == W_SCALE) {
      n.v *= sv; n.e = we;
      n.f |= N_SCALED;
      n.f &= ~N_PLAIN;
    }
  }
  return classify_number(vs, &n, m);
}

/* A month name at [ws, we): "October 7", "Oct. 7, 2023", "March 2024", "early March". */
static int match_month(const vscan *vs, size_t ws, size_t we, vmatch *m) {
  int abbr;
  size_t wd;
  int mo = month_word(vs, ws, we, &abbr, &wd);
  if (!mo) return 0;
  int day, year;
  size_t end = month_tail(vs, abbr ? wd : we, &day, &year);
  size_t s = glued_relpos_left(vs, ws), ps;
  int has_tail = end != (abbr ? wd : we);
  if (!has_tail) {
    if (abbr) return 0;   /* "Jan." alone is too often something else */
    end = we;
    /* "May" the verb, "April" and "June" the names: a month only in date context */
    unsigned r = phrase_before(vs, ws, R_YEARPREP | R_DATEMOD | R_RELPOS, &ps);
    int context = s != ws || r != 0;
    size_t nws, nwe;
    if (!context && mo == 5) return 0;
    if (!context && next_word(vs, we, &nws, &nwe) && IS_UPPER(vs->z[nws]) &&
        word_class(vs, nws, nwe, NULL) == W_NONE)
      return 0;  /* "April Ryan", "June Carter" */
    size_t ow, ye;
    if (next_word_is(vs, we, "of", &ow)) {
      size_t yp = skip_ws(vs, ow);
      if (yp < vs->hi && IS_DIGIT(vs->z[yp]) && year_at(vs, yp, &ye) > 0) end = ye;
    }
  }
  if (s == ws) {
    int mod;
    s = date_mods_left(vs, ws, 0, &mod);
    if (!mod && (phrase_before(vs, ws, R_RELPOS, &ps) & R_RELPOS)) s = ps;
    if (phrase_before(vs, s, R_BOUNDARY, &ps) & R_BOUNDARY) s = ps;
  }
  set_match(m, s, end, ART_ENT_DATE);
  if (day && year) set_date(m, year, mo, day);
  return 1;
}

/* A weekday at [ws, we): "Monday", "last Monday", "Tuesday night", "Monday, March 5, 2024". */
static int match_weekday(const vscan *vs, size_t ws, size_t we, vmatch *m) {
  if (!IS_UPPER(vs->z[ws])) return 0;
  size_t end = we, s = ws, nws, nwe;
  art_etype t = ART_ENT_DATE;
  int mod;
  size_t ps;
  s = date_mods_left(vs, ws, 0, &mod);
  if (s == ws && (phrase_before(vs, ws, R_RELPOS, &ps) & R_RELPOS)) s = ps;  /* "early Tuesday" */
  if (next_word(vs, we, &nws, &nwe) && word_class(vs, nws, nwe, NULL) == W_DAYPART) {
    t = ART_ENT_TIME;
    end = nwe;
  } else {
    /* "Monday, March 5, 2024", "Monday March 5" */
    size_t q = we;
    if (q < vs->hi && vs->z[q] == ',') q++;
    int abbr;
    size_t mwe;
    if (next_word(vs, q, &nws, &nwe) && month_word(vs, nws, nwe, &abbr, &mwe)) {
      int day, year;
      size_t e2 = month_tail(vs, abbr ? mwe : nwe, &day, &year);
      if (day) {
        set_match(m, s, e2, ART_ENT_DATE);
        if (year) set_date(m, year, month_word(vs, nws, nwe, &abbr, &mwe), day);
        return 1;
      }
    }
  }
  set_match(m, s, end, t);
  return 1;
}

/*
** Is "a" at aws, before the period word ending at we, a rate after an
** amount: "20 minutes a day", "9,500 steps a day", "150 minutes of activity
** a week", "$5 a day"?  An amount (not a date: "came Tuesday a day after")
** must end a few words before it in the same clause, with no preposition of
** time right before "a" ("5 km in a day", "2020, a year of change" keep
** their DATE), and no "of", "after" or "before" after it ("a day of
** mourning", "a week after the vote").  tests/eval annotates no rate.
*/
COLD static int rate_after_amount(const vscan *vs, size_t aws, size_t we) {
  size_t ws;
  if (vs->floor <= vs->lo || vs->last_type == ART_ENT_DATE) return 0;
  if (next_word(vs, we, &ws, &we) &&
      (word_is(vs, ws, we, "of") || word_is(vs, ws, we, "after") || word_is(vs, ws, we, "before")))
    return 0;
  if (prev_word(vs, aws, &ws, &we) &&
      (word_roles(vs, ws, we) & (R_APPROX | R_OVERMORE | R_DURPREP | R_INPREP | R_YEARPREP | R_CLAUSE)))
    return 0;
  int words = 0;
  for (size_t p = vs->floor; p < aws; p++) {
    unsigned char c = vs->z[p];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return 0;
    if (IS_ALPHA(c) && !IS_ALPHA(vs->z[p - 1]) && ++words > 4) return 0;
  }
  return 1;
}

/*
** A year of accounts or teaching, the fiscal word at fs and "year" ending at
** we: "the next financial year", "last fiscal year", "fiscal year 2025",
** "the fiscal year 2025", "in the fiscal year".  0 when nothing dates it
** ("a tax year form").
*/
COLD static int fiscal_year(const vscan *vs, size_t fs, size_t we, vmatch *m) {
  size_t s, end = we, ts, ps, ye, yp = skip_ws(vs, we);
  int mod;
  s = date_mods_left(vs, fs, 0, &mod);
  if (yp > we && yp < vs->hi && IS_DIGIT(vs->z[yp]) && year_at(vs, yp, &ye) > 0) {
    end = ye;
    if (!mod && prev_word_is(vs, fs, "the", &ts)) s = ts;
    mod = 1;
  }
  if (!mod && prev_word_is(vs, fs, "the", &ts) && (phrase_before(vs, ts, R_INPREP, &ps) & R_INPREP)) {
    s = ts;
    mod = 1;
  }
  if (!mod) return 0;
  if (end == we) end = duration_tail(vs, end, ART_ENT_DATE);  /* "the fiscal year ended June 30" */
  set_match(m, s, end, ART_ENT_DATE);
  return 1;
}

/*
** A calendar or clock unit with no number: "last week", "this month", "the
** past year", "recent years", "the weekend", "a year ago", "an hour",
** "several days", "decades".
*/
static int match_period(const vscan *vs, size_t ws, size_t we, int cls, vmatch *m) {
  size_t s = ws, end = we, ps, aws, ae;
  int mod = 0;
  art_etype t = cls == W_TIMEUNIT ? ART_ENT_TIME : ART_ENT_DATE;
  if (IS_UPPER(vs->z[ws]) && !sentence_initial(vs, ws)) return 0;
  size_t fws, fwe;
  if (cls == W_PERIOD && word_is(vs, ws, we, "year") && prev_word(vs, ws, &fws, &fwe) &&
      (word_roles(vs, fws, fwe) & R_FISCAL))
    return fiscal_year(vs, fws, we, m);
  unsigned r = phrase_before(vs, ws, R_QUANT, &ps);
  if (r & R_QUANT) {
    s = date_mods_left(vs, ps, 1, NULL);  /* "the past few years" */
    mod = 1;
  } else if ((prev_word_is(vs, ws, "a", &aws) || prev_word_is(vs, ws, "an", &aws)) && cls != W_DECADES) {
    /* "a year ago", "an hour", "a decade"; not a rate: "twice a day",
    ** "20 minutes a day", "$5 a day" */
    if (phrase_before(vs, aws, R_RATE, &ps) & R_RATE) return 0;
    mod = 1;
    if (glued_suffix(vs, we) != we) s = ws;  /* "a month-long war": "a" is the war's */
    else {
      size_t ae2 = we;
      if (context_after(vs, we, 2, R_AFTER, &ae)) ae2 = ae;
      else if (rate_after_amount(vs, aws, we)) return 0;
      s = duration_approx_left(vs, aws, ae2);
      if (s == aws) s = date_mods_left(vs, aws, 1, NULL);
    }
  } else {
    s = date_mods_left(vs, ws, 0, &mod);
    if (!mod && word_is(vs, ws, we, "weekend") && prev_word_is(vs, ws, "the", &aws)) { s = aws; mod = 1; }
    if (!mod && cls == W_DECADES) mod = 1;
    /* "for weeks", "in years", "for hours": a plural after a preposition */
    if (!mod && vs->z[we - 1] == 's' && (phrase_before(vs, ws, R_DURPREP, &ps) & R_DURPREP)) mod = 1;
    /* "the year ended Dec. 31" */
    if (!mod && prev_word_is(vs, ws, "the", &aws) && ended_date(vs, we)) { s = aws; mod = 1; }
  }
  if (!mod) return 0;
  end = glued_suffix(vs, end);  /* "a month-long war" */
  if (end == we && context_after(vs, end, 2, R_AFTER, &ae)) {
    size_t ows, owe;
    /* "old" only after an age: "a year old" */
    if (!(next_word(vs, end, &ows, &owe) && word_is(vs, ows, owe, "old")) || cls == W_PERIOD) end = ae;
  }
  if (end == we && cls == W_PERIOD) end = duration_tail(vs, end, t);  /* "the last month of 2023" */
  set_match(m, s, end, t);
  return 1;
}

/*
** "last quarter", "this quarter", "in the quarter", "the quarter ended
** June 30", "recent quarters": quarters of a year.  Not "a quarter of the
** staff" (a fraction) nor "the French Quarter".
*/
COLD static int match_quarter(const vscan *vs, size_t ws, size_t we, vmatch *m) {
  size_t s, ts, ps;
  int mod;
  size_t nws, nwe, d = dash_at(vs, we);
  if (IS_UPPER(vs->z[ws]) && !sentence_initial(vs, ws)) return 0;
  /* "a quarter-point cut", "the next quarter century" */
  if (d && we + d < vs->hi && IS_ALPHA(vs->z[we + d])) return 0;
  if (next_word(vs, we, &nws, &nwe) && word_class(vs, nws, nwe, NULL) == W_PERIOD) return 0;
  s = date_mods_left(vs, ws, 0, &mod);
  if (!mod) {
    if (!prev_word_is(vs, ws, "the", &ts)) return 0;
    if (!(phrase_before(vs, ts, R_INPREP, &ps) & R_INPREP) && !ended_date(vs, we)) return 0;
    s = ts;
  }
  set_match(m, s, duration_tail(vs, we, ART_ENT_DATE), ART_ENT_DATE);
  return 1;
}

/* "this morning", "last night", "early morning", "in the evening", "at night". */
COLD static int match_daypart(const vscan *vs, size_t ws, size_t we, vmatch *m) {
  size_t s, ps, ts;
  int mod;
  if (IS_UPPER(vs->z[ws]) && !sentence_initial(vs, ws)) return 0;
  s = date_mods_left(vs, ws, 0, &mod);
  if (!mod) {
    size_t pws, pwe;
    if (phrase_before(vs, ws, R_RELPOS, &ps) & R_RELPOS) s = ps;
    else if (prev_word_is(vs, ws, "the", &ts) && (phrase_before(vs, ts, R_INPREP, &ps) & R_INPREP))
      s = ts;   /* "in the evening" */
    else if (word_is(vs, ws, we, "night") && prev_word_is(vs, ws, "at", NULL))
      s = ws;   /* "at night" */
    else {
      /* "yesterday morning", "tomorrow night" */
      if (!prev_word(vs, ws, &pws, &pwe) || word_class(vs, pws, pwe, NULL) != W_DAYWORD) return 0;
      s = pws;
    }
  }
  set_match(m, s, we, ART_ENT_TIME);
  return 1;
}

/* "last summer", "summer 2023", "the summer of 2023". */
COLD static int match_season(const vscan *vs, size_t ws, size_t we, vmatch *m) {
  size_t s, end = we, ts, ow, ye;
  int mod;
  if (IS_UPPER(vs->z[ws]) && !sentence_initial(vs, ws)) return 0;
  s = date_mods_left(vs, ws, 0, &mod);
  size_t yp = skip_ws(vs, we);
  if (yp > we && yp < vs->hi && IS_DIGIT(vs->z[yp]) && year_at(vs, yp, &ye) > 0) { end = ye; mod = 1; }
  else if (next_word_is(vs, we, "of", &ow)) {
    yp = skip_ws(vs, ow);
    if (yp < vs->hi && IS_DIGIT(vs->z[yp]) && year_at(vs, yp, &ye) > 0) {
      end = ye; mod = 1;
      if (s == ws && prev_word_is(vs, ws, "the", &ts)) s = ts;
    }
  }
  if (!mod) {
    size_t ps;
    if (word_is(vs, ws, we, "fall")) return 0;
    if (phrase_before(vs, ws, R_RELPOS, &ps) & R_RELPOS) s = ps;
    else if (prev_word_is(vs, ws, "the", &ts) && (phrase_before(vs, ts, R_INPREP, &ps) & R_INPREP))
      s = ts;  /* "in the spring" */
    else return 0;
  }
  set_match(m, s, end, ART_ENT_DATE);
  return 1;
}

/* A trigger word [ws, we) of class cls. */
static int match_word(const vscan *vs, size_t ws, size_t we, int cls, double num, vmatch *m) {
  const unsigned char *z = vs->z;
  vnum n;
  switch (cls) {
    case W_CARDINAL: case W_ORDINAL: case W_SCALE: case W_VAGUE: case W_FRACTION:
      if (cls == W_FRACTION && (word_is(vs, ws, we, "quarter") || word_is(vs, ws, we, "quarters")))
        return match_quarter(vs, ws, we, m);
      if (cls == W_FRACTION && !word_is(vs, ws, we, "half")) return 0;
      if (cls == W_ORDINAL) {
        /* "the first three months", "the first three quarters": the ordinal belongs to a period */
        vnum n2;
        art_etype pt;
        if (number_at(vs, we, &n2) && ((n2.f & N_QUARTERS) || period_after(vs, n2.e, &pt, NULL))) return 0;
        /* "a third of the vote", "about a fifth less", "cut by a third since
           2021": after "a", an ordinal from three up that a share follows, or
           that "by" leads to a preposition, is a fraction, a CARDINAL */
        size_t as, nws, nwe, bs;
        if (num >= 3 && num <= 10 && (we >= vs->hi || vs->z[we] != '-') && prev_word_is(vs, ws, "a", &as) &&
            (!next_word(vs, we, &nws, &nwe) || word_is(vs, nws, nwe, "of") || word_is(vs, nws, nwe, "less") ||
             word_is(vs, nws, nwe, "more") || word_is(vs, nws, nwe, "fewer") || word_is(vs, nws, nwe, "lower") ||
             word_is(vs, nws, nwe, "higher") ||
             (prev_word_is(vs, as, "by", &bs) &&
              (word_roles(vs, nws, nwe) & (R_YEARPREP | R_INPREP | R_DURPREP | R_CLAUSE))))) {
          set_match(m, approx_left(vs, as), we, ART_ENT_CARDINAL);
          m->has_value = 1;
          m->value = 1.0 / num;
          return 1;
        }
      }
      if (!words_number(vs, ws, we, cls, num, &n)) return 0;
      return classify_number(vs, &n, m);
    case W_MONTH: case W_MONTHABBR:
      return match_month(vs, ws, we, m);
    case W_WEEKDAY:
      return match_weekday(vs, ws, we, m);
    case W_PERIOD: case W_TIMEUNIT: case W_DECADES:
      return match_period(vs, ws, we, cls, m);
    case W_DAYPART:
      return match_daypart(vs, ws, we, m);
    case W_TIMEWORD: {
      size_t end = we;
      if (IS_UPPER(z[ws]) && !sentence_initial(vs, ws)) return 0;
      end = zone_after(vs, we);  /* "noon ET" */
      set_match(m, approx_left(vs, ws), end, ART_ENT_TIME);
      return 1;
    }
    case W_DAYWORD: {
      size_t nws, nwe;
      if (next_word(vs, we, &nws, &nwe) && word_class(vs, nws, nwe, NULL) == W_DAYPART) {
        set_match(m, ws, nwe, ART_ENT_TIME);
        return 1;
      }
      set_match(m, ws, we, ART_ENT_DATE);
      return 1;
    }
    case W_SEASON:
      return match_season(vs, ws, we, m);
    case W_HOLIDAY: {
      if (!IS_UPPER(z[ws])) return 0;
      size_t end = we, nws, nwe;
      if (next_word(vs, we, &nws, &nwe) && (word_is(vs, nws, nwe, "eve") || word_is(vs, nws, nwe, "day")) &&
          IS_UPPER(z[nws]))
        end = nwe;
      set_match(m, ws, end, ART_ENT_DATE);
      return 1;
    }
    default:
      return 0;
  }
}

/* ---------------------------------------------------------------------------
** The scan loop.
*/

COLD static int grow_output(art_value_span **out, size_t *cap) {
  size_t ncap = *cap ? *cap * 2 : 16;
  art_value_span *grown = realloc(*out, ncap * sizeof **out);
  if (!grown) return -1;
  *out = grown;
  *cap = ncap;
  return 0;
}

static inline ALWAYS_INLINE int emit(art_value_span **out, size_t *count, size_t *cap, const vmatch *m) {
  if (*count == *cap && grow_output(out, cap)) return -1;
  art_value_span *o = &(*out)[(*count)++];
  o->start = m->s; o->end = m->e; o->type = m->type;
  o->has_value = m->has_value; o->value = m->value;
  memcpy(o->date, m->date, sizeof o->date);
  return 0;
}

/*
** Where words and numbers start.  The scan looks at 64 bytes at a time:
** one bit per byte for "ASCII letter" and one for "digit", so that a word
** costs a few bit operations instead of a branch per byte.  With SSE2 (every
** x86-64) sixteen bytes are classified per instruction; elsewhere a loop
** does it a byte at a time.  The block is a copy, zero past the sentence.
*/
#if defined(__SSE2__)
/* Bit i set when lo <= v[i] <= hi (unsigned bytes). */
static inline uint64_t byte_range16(__m128i v, unsigned char lo, unsigned char hi) {
  __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8((char)(lo + 128)));
  __m128i in = _mm_cmplt_epi8(shifted, _mm_set1_epi8((char)(hi - lo + 1 - 128)));
  return (uint16_t)_mm_movemask_epi8(in);
}

static inline ALWAYS_INLINE void block_masks(const unsigned char *src, uint64_t *letters, uint64_t *digits) {
  uint64_t l = 0, d = 0;
  for (int k = 0; k < 4; k++) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + 16 * k));
    l |= byte_range16(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z') << (16 * k);
    d |= byte_range16(v, '0', '9') << (16 * k);
  }
  *letters = l;
  *digits = d;
}
#else
static inline ALWAYS_INLINE void block_masks(const unsigned char *src, uint64_t *letters, uint64_t *digits) {
  uint64_t l = 0, d = 0;
  for (size_t k = 0; k < 64; k++) {
    unsigned char c = src[k];
    l |= (uint64_t)(IS_ALPHA(c) != 0) << k;
    d |= (uint64_t)(IS_DIGIT(c) != 0) << k;
  }
  *letters = l;
  *digits = d;
}
#endif

static inline int lowest_bit(uint64_t x) { return __builtin_ctzll(x); }

/* The same for x != 0, in the loop run for every word: written as the
** instruction, since the compiler clears the output register before each
** TZCNT it emits itself (a false dependency on some processors), one more
** instruction per word.  A processor without TZCNT runs it as BSF, which
** gives the same for x != 0. */
static inline uint64_t first_bit(uint64_t x) {
#if defined(__GNUC__) && defined(__x86_64__)
  uint64_t r;
  __asm__("tzcnt %1, %0" : "=r"(r) : "r"(x));
  return r;
#else
  return (uint64_t)__builtin_ctzll(x);
#endif
}

/*
** The masks of a whole sentence, block after block.  Blocks before
** full_end are read in place; the last, partial one is read as the 64
** bytes at `last` shifted right by last_shift bits, so that its masks are
** zero past the sentence: `last` is the 64 bytes that end where the
** sentence ends when the document has that many before it (no copy), else
** a zero-padded copy.  With AVX2, where the processor has it (checked once,
** in build_state()), 32 bytes are classified per instruction: the masks
** are then half the work they are with SSE2, and they are made for every
** byte of every sentence.
*/
typedef void block_masks_fn(const unsigned char *, uint64_t *, uint64_t *);

/* The loop of both versions, inlined into each with its block function. */
static ALWAYS_INLINE inline void sentence_masks_with(block_masks_fn *block, const unsigned char *z, size_t start,
                                                     size_t full_end, size_t end, const unsigned char *last,
                                                     unsigned last_shift, uint64_t *lmask, uint64_t *dmask) {
  size_t k = 0;
  for (size_t b = start; b < full_end; b += 64, k++) block(z + b, &lmask[k], &dmask[k]);
  if (full_end < end) {
    block(last, &lmask[k], &dmask[k]);
    lmask[k] >>= last_shift;
    dmask[k] >>= last_shift;
  }
}


/* ("x86-64-v3" as a target and a processor test came with GCC 12) */
#if defined(__GNUC__) && __GNUC__ >= 12 && defined(__x86_64__) && !defined(__clang__)
#include <immintrin.h>
#define HAVE_AVX2_MASKS 1
/* The constants of the byte tests below, 32 copies of each byte, read
** from memory: built in registers they cost three instructions each, for
** every sentence. */
#define SPLAT8(b) (0x0101010101010101ull * (uint8_t)(b))
#define SPLAT32(b) { SPLAT8(b), SPLAT8(b), SPLAT8(b), SPLAT8(b) }
static const uint64_t avx2_consts[5][4] __attribute__((aligned(32))) = {
  SPLAT32(0x20),                      /* the case bit */
  SPLAT32('a' + 128), SPLAT32(26 - 128),   /* 'a'..'z', moved to the bottom of the signed range */
  SPLAT32('0' + 128), SPLAT32(10 - 128)    /* '0'..'9' */
};
#define AVX2_CONST(k) _mm256_load_si256((const __m256i *)(const void *)consts[k])

/* Bit i set when v[i] - base (unsigned bytes) is below count, for 32
** bytes: base is the first byte + 128 and limit is count - 128, so that
** the signed compare tests the range. */
__attribute__((target("avx2"))) static inline uint64_t byte_range32(__m256i v, __m256i base, __m256i limit) {
  __m256i in = _mm256_cmpgt_epi8(limit, _mm256_sub_epi8(v, base));
  return (uint32_t)_mm256_movemask_epi8(in);
}

__attribute__((target("avx2"))) static inline void block_masks_avx2(const unsigned char *src, uint64_t *letters,
                                                                     uint64_t *digits) {
  __m256i v0 = _mm256_loadu_si256((const __m256i *)(const void *)src);
  __m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(src + 32));
  const uint64_t (*consts)[4] = avx2_consts;
  __asm__("" : "+r"(consts));   /* else the compiler builds them in registers again */
  __m256i case_bit = AVX2_CONST(0), a = AVX2_CONST(1), a_count = AVX2_CONST(2);
  __m256i zero = AVX2_CONST(3), zero_count = AVX2_CONST(4);
  *letters = byte_range32(_mm256_or_si256(v0, case_bit), a, a_count) |
             byte_range32(_mm256_or_si256(v1, case_bit), a, a_count) << 32;
  *digits = byte_range32(v0, zero, zero_count) | byte_range32(v1, zero, zero_count) << 32;
}

#endif

typedef long (*scan_sentences_fn)(const art_values_state *, const char *, art_value_sentence *, size_t,
                                  art_value_span **, size_t *, size_t *);
static long scan_sentences_base(const art_values_state *, const char *, art_value_sentence *, size_t,
                                art_value_span **, size_t *, size_t *);
#if defined(HAVE_AVX2_MASKS)
static long scan_sentences_v3(const art_values_state *, const char *, art_value_sentence *, size_t,
                              art_value_span **, size_t *, size_t *);
#endif
static scan_sentences_fn g_scan_sentences = scan_sentences_base;   /* set in build_state() */

COLD static void choose_sentence_masks(void) {
#if defined(HAVE_AVX2_MASKS)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("x86-64-v3")) g_scan_sentences = scan_sentences_v3;
#endif
}

/* Sentences up to this many blocks (4 KB) keep their masks for the grammars. */
#define MASK_BLOCKS 64

/* Could the letters z[p..q) be a value word, by their shape?  (No value
** word is shorter than two letters.) */
static inline int value_word_shape(const art_values_state *st, const unsigned char *z, size_t p, size_t q) {
  if (q - p > MAX_WORD || q - p < 2) return 0;
  uint32_t bit = shape_bit(z + p, (unsigned)(q - p));
  return (st->shapes[bit >> 6] >> (bit & 63)) & 1;
}

/*
** The same test for every word that starts in the block blk[0..64) and
** ends in it, without a branch per word: a test that fails for nine words
** in ten is mispredicted often enough to cost more than the test itself.
** Returns the starts of the words that pass.  The word lengths come from
** the letter mask, and every word in `starts` has two letters or more, so
** its shape reads only its own bytes: the block is read in place, even the
** sentence's last one.  A word that reaches blk[63] runs on and is not
** tested here.  The upper length is not checked here: the few words too
** long that pass are dropped by the caller.
*/
static inline ALWAYS_INLINE uint64_t value_word_starts(const art_values_state *st, const unsigned char *blk,
                                                       uint64_t starts, uint64_t letters) {
  uint64_t pass = 0;
  /* where those words end, all at once: a start bit added to its run of
  ** letters carries to the bit past the run (every run ends in the block) */
  uint64_t ends = (letters + starts) & ~letters;
  /* the filter word is the hash's top 8 bits: shifted by a register, the
  ** compiler needs no copy of the hash for it */
  uint64_t word_shift = 56;
  const uint64_t *shapes = st->shapes;
  __asm__("" : "+r"(word_shift), "+r"(shapes));
  while (starts) {
    uint64_t i = first_bit(starts), j = first_bit(ends);
    starts &= starts - 1;
    ends &= ends - 1;
    uint64_t h = shape_hash_at(blk, i, j);
    uint64_t filter = shapes[h >> word_shift];
    pass |= ((filter >> ((h >> 50) & 63)) & 1) << i;
  }
  return pass;
}

/* One sentence, doc[start..end): its spans are appended to *out.  Returns
** -1 when out of memory, else 0.  The words looked up lately (memo) carry
** over from the sentences before it in doc: what a word is in the
** vocabulary depends on its letters alone. */
static inline ALWAYS_INLINE int scan_sentence(const art_values_state *st, block_masks_fn *block, const char *doc,
                                              size_t start, size_t end, word_memo *memo, art_value_span **out,
                                              size_t *count, size_t *cap) {
  after_tokens after;
  before_phrases before;
  after.pos = before.pos = (size_t)-1;
  memo->next_at = (size_t)-1;   /* the word after a position ends at the sentence's end */
  vscan vs = {(const unsigned char *)doc, start, end, start, ART_ENT_NONE, st, &after, &before, memo, NULL};
  const unsigned char *z = vs.z;
  size_t resume = start;        /* nothing before this is looked at again */
  uint64_t carry_l = 0, carry_d = 0;
  size_t full_end = start + (end - start) / 64 * 64;   /* blocks before it are whole */
  /* The last, partial block: the 64 bytes that end with the sentence, read
  ** in place when the document has that many before its end, their masks
  ** shifted so that they are zero past the sentence; else a copy, zero past
  ** the sentence. */
  unsigned char tail[64];
  const unsigned char *last = z + full_end;
  unsigned last_shift = 0;
  if (full_end < end) {
    if (end >= 64) {
      last = z + end - 64;
      last_shift = (unsigned)(64 - (end - full_end));
    } else {
      memset(tail, 0, sizeof tail);
      memcpy(tail, z + full_end, end - full_end);
      last = tail;
    }
  }
  /* The masks of the whole sentence first, when it is short enough to keep
  ** them: the grammars then find word edges in them (letters_end()). */
  uint64_t lmask[MASK_BLOCKS + 1], dmask[MASK_BLOCKS];
  size_t nblocks = (end - start + 63) / 64;
  if (nblocks <= MASK_BLOCKS) {
    sentence_masks_with(block, z, start, full_end, end, last, last_shift, lmask, dmask);
    lmask[nblocks] = 0;
    vs.letters = lmask;
  }
  for (size_t b = start, k = 0; b < end; b += 64, k++) {
    uint64_t letters, digits;
    if (vs.letters) { letters = lmask[k]; digits = dmask[k]; }
    else if (b < full_end) block_masks(z + b, &letters, &digits);
    else {
      block_masks(last, &letters, &digits);
      letters >>= last_shift;
      digits >>= last_shift;
    }
    uint64_t word_starts = letters & ~((letters << 1) | carry_l);
    uint64_t num_starts = digits & ~((digits << 1) | carry_d);
    /* the last word of the block may run on into the next one: tested on its own */
    uint64_t runs_on = (letters >> 63) && word_starts ? 1ull << (63 - __builtin_clzll(word_starts)) : 0;
    carry_l = letters >> 63;
    carry_d = digits >> 63;
    /* a run shorter than every value word is no value word: most "a", "of",
    ** "to", "in" are dropped here, before their shape is hashed */
    uint64_t testable = word_starts & ~runs_on & (letters >> 1);
    if (st->min_shape_len >= 3) testable &= letters >> 2;
    const unsigned char *blk = z + b;
    __asm__("" : "+r"(blk));   /* one register for the block's bytes in the word loop, not z and b */
    uint64_t starts = value_word_starts(st, blk, testable, letters) | runs_on | num_starts;
    while (starts) {
      int i = lowest_bit(starts);
      starts &= starts - 1;
      size_t p = b + (size_t)i;
      if (p < resume) continue;
      vmatch m;
      if ((num_starts >> i) & 1) {
        size_t skip = p + 1;
        if (match_digits(&vs, p, &m, &skip) && m.s >= vs.floor && m.e > p) {
          if (emit(out, count, cap, &m)) return -1;
          vs.floor = resume = m.e;
          vs.last_type = m.type;
        } else if (skip > resume) resume = skip;
        continue;
      }
      /* a word that may be a value word: its end from the letter mask, past the block if need be */
      size_t q;
      if ((runs_on >> i) & 1) {
        q = letters_end(&vs, b + 64);
        if (!value_word_shape(st, z, p, q)) continue;
      } else {
        q = p + (size_t)lowest_bit(~(letters >> i));
        if (q - p < 2 || q - p > MAX_WORD) continue;   /* no value word is that short or long */
      }
      if (wordchar_at(&vs, q) || wordchar_before(&vs, p)) continue;
      double num;
      int cls = word_class(&vs, p, q, &num);
      if (cls != W_NONE && match_word(&vs, p, q, cls, num, &m) && m.s >= vs.floor && m.e > p) {
        if (emit(out, count, cap, &m)) return -1;
        vs.floor = resume = m.e;
        vs.last_type = m.type;
      }
    }
  }
  return 0;
}

/* The sentences of a batch are scanned in one call: a call per sentence
** would save and restore the scan's registers and set up its stack frame
** for every one of them.  Built twice, with the masks' block function
** inlined: for processors of the x86-64-v3 level (AVX2 masks; BMI2: the
** word loop shifts by a register three times a word) and for any other
** (SSE2 masks), chosen once in build_state(). */
static ALWAYS_INLINE inline long scan_sentences_with(block_masks_fn *block, const art_values_state *st,
                                                     const char *doc, art_value_sentence *sentences, size_t n,
                                                     art_value_span **out, size_t *count, size_t *cap) {
  word_memo memo;
  for (int i = 0; i < WORD_MEMO; i++) memo.s[i] = (size_t)-1;
  for (size_t k = 0; k < n; k++) {
    art_value_sentence *sn = &sentences[k];
    sn->first = *count;
    if (sn->start < sn->end && scan_sentence(st, block, doc, sn->start, sn->end, &memo, out, count, cap) < 0)
      return -1;
    sn->count = *count - sn->first;
  }
  return (long)*count;
}

static long scan_sentences_base(const art_values_state *st, const char *doc, art_value_sentence *sentences,
                                size_t n, art_value_span **out, size_t *count, size_t *cap) {
  return scan_sentences_with(block_masks, st, doc, sentences, n, out, count, cap);
}

#if defined(HAVE_AVX2_MASKS)
__attribute__((target("arch=x86-64-v3"))) static long scan_sentences_v3(const art_values_state *st, const char *doc,
                                                                         art_value_sentence *sentences, size_t n,
                                                                         art_value_span **out, size_t *count,
                                                                         size_t *cap) {
  return scan_sentences_with(block_masks_avx2, st, doc, sentences, n, out, count, cap);
}
#endif

long art_values_scan_sentences(art_context *ctx, const char *doc, art_value_sentence *sentences, size_t n,
                               art_value_span **out, size_t *count, size_t *cap) {
  (void)ctx;
  const art_values_state *st = values_state(NULL);
  if (!st) return -1;
  return g_scan_sentences(st, doc, sentences, n, out, count, cap);
}

long art_values_scan(art_context *ctx, const char *doc, size_t start, size_t end,
                     art_value_span **out, size_t *count, size_t *cap) {
  art_value_sentence one = {start, end, 0, 0};
  return art_values_scan_sentences(ctx, doc, &one, 1, out, count, cap);
}
