/*
** entities.c — every name, place, organisation, date and figure in a
** document, with a canonical name for each.
**
** The stage runs in two passes over one document.
**
** Pass 1, sentence by sentence (the segmenter drops boilerplate lines):
**   1. tokenize the sentence (ext/tokens.c);
**   2. match the caller's lexicon first: its spans are fixed;
**   3. label names with the perceptron tagger (ext/tagger.c); only tokens
**      that can be part of a name are scored, the rest are O for free;
**   4. trim each name to the span conventions users compare with spaCy:
**      no leading "the", no titles ("Sen.", "Defense Secretary"), no
**      possessive "'s"; "Jr." stays;
**   5. find values (numbers, money, dates...) with the values module and
**      keep those that do not overlap a name;
**   6. remember capitalised runs the tagger left as O: a later pass may
**      recognise them as a name the article uses elsewhere; gazetteers
**      decide a few on the spot ("Berlin" mid-sentence, "Kerem Shalom
**      Crossing", "Hurricane Mara");
**   7. names from a headline in Title Case, where every word has a capital,
**      are kept only when the body confirms them.
**
** The tagger's types are then adjusted by rules it cannot learn from its
** training data: a span running into a title is cut before it ("U.S.
** Defense Secretary" -> GPE "U.S."), a closing facility word makes a FAC
** ("Mombasa Airport"), a multi-word place the gazetteers list whole takes
** their type ("West Bank" GPE, "Gulf of Aden" LOC), and a dateline
** ("BERGEN, Norway —") is a place.
**
** Pass 2, over the whole document, links and settles the mentions
** (surnames to full names, acronyms to spelled-out names, one label per
** surface form): ext/entities_document.c.  Both files share
** ext/entities_internal.h.
**
** Everything is byte offsets into the caller's document; the SQLite glue
** turns them into character positions.
**
** Speed: the rules ask word lists about hundreds of thousands of words per
** megabyte.  Each document is lower-cased once (look-ups read that copy),
** each word list gets a small bit filter that turns most misses away
** before a probe, and every buffer is kept by the connection from one
** document to the next.
*/
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "article_entities.h"
#include "article_context.h"
#include "article_tagger.h"
#include "article_tables.h"
#include "article_text.h"
#include "article_tokens.h"
#include "article_values.h"

#include "entities_internal.h"

static __attribute__((noinline)) int grow_mentions(work *w) {
  size_t cap = w->cap ? w->cap * 2 : 64;
  mention *p = realloc(w->m, cap * sizeof *p);
  if (!p) return -1;
  w->m = p;
  w->cap = cap;
  return 0;
}

/* 16 bytes stored at once; may_alias: it writes over a mention's fields */
typedef uint64_t zero_block __attribute__((vector_size(16), may_alias, aligned(8)));
#define MENTION_BLOCKS (sizeof(mention) / sizeof(zero_block))
_Static_assert(sizeof(mention) % sizeof(zero_block) == 0 && MENTION_BLOCKS <= 10,
               "a mention is cleared in whole blocks, ten at most (new_mention())");

/* art_ent_add_mention(), inlined where the rules add mentions (one per name
   and value).  The mention is cleared in 16-byte stores: the compiler's
   own clearing of the struct is a "rep stos", slow to start for 128 bytes
   and run as one step per 8 bytes (a loop would be turned back into it). */
static inline mention *new_mention(work *w) {
  if (w->count == w->cap && grow_mentions(w)) return NULL;
  mention *m = &w->m[w->count++];
  zero_block *blocks = (zero_block *)(void *)m;
  const zero_block zero = { 0, 0 };
#define CLEAR(k) if ((k) < MENTION_BLOCKS) blocks[k] = zero
  CLEAR(0); CLEAR(1); CLEAR(2); CLEAR(3); CLEAR(4); CLEAR(5); CLEAR(6); CLEAR(7); CLEAR(8); CLEAR(9);
#undef CLEAR
  m->canon = -1;
  m->lex_canon = -1;
  return m;
}

mention *art_ent_add_mention(work *w) { return new_mention(w); }

/* Rules that fire on a few names in a thousand: out of line and out of
   the hot code's way, so that the rules every name goes through stay
   together in the instruction cache. */
#define RARE __attribute__((cold, noinline))

/* ---- small helpers -------------------------------------------------------- */

static size_t tok_len(const art_token *t) { return t->end - t->start; }

static inline __attribute__((always_inline)) int tok_is(const char *doc, const art_token *t, const char *word) {
  size_t n = strlen(word);
  return tok_len(t) == n && memcmp(doc + t->start, word, n) == 0;
}

/*
** Most look-ups in the short word lists miss (four in five on news copy),
** and a miss still costs a hash and a visit to the list's index, cold in
** the cache.  So each list gets a filter, built at its first look-up on a
** connection: 2,048 bits, one set for each key's (first byte, last byte,
** length).  A key whose bit is clear is not in the list.  Filters sit in
** an open-addressed table keyed by the list's address, with room for twice
** as many lists as ext/data holds, so every list gets one and adding a
** list does not push another out.
*/
typedef struct word_filter {
  const art_table *table;     /* NULL: a free slot */
  uint64_t bits[32];
} word_filter;
#define WORD_FILTERS 128   /* a power of two, at least twice the number of ext/data lists */
enum { DATA_LISTS = 0
#define ART_TABLE(name) + 1
#include "article_table_list.h"
#undef ART_TABLE
};
_Static_assert(2 * DATA_LISTS <= WORD_FILTERS, "WORD_FILTERS: room for twice the ext/data lists");
/* Each list's place among the ext/data lists: the calls in this file name
   their list, and its filter is then the slot WORD_FILTERS + that place
   (LOOKUP_LOWER(), FIND_AS_WRITTEN()), found without hashing the address
   or probing.  A list asked through a pointer uses the probed slots. */
enum {
#define ART_TABLE(name) LIST_##name,
#include "article_table_list.h"
#undef ART_TABLE
  LIST_END
};
/* ...then filters of one kind of a list's entries (kind_may_hold()) */
enum { FILTER_HOLIDAYS, FILTER_OWNED, FILTER_SPAN_LISTS, FILTER_FEATURES, FILTER_NOUNS, FILTER_SUFFIXES,
       FILTER_CUES, DERIVED_FILTERS };
#define FILTER_SLOTS (WORD_FILTERS + DATA_LISTS + DERIVED_FILTERS)

static inline unsigned filter_bit(unsigned char first, unsigned char last, size_t len) {
  return (unsigned)(((uint32_t)first << 16 ^ (uint32_t)last << 8 ^ (uint32_t)len) * 0x9E3779B1u) >> 21;
}

/*
** The document being read, and its ASCII lower-case copy: the rules look
** words up lower-cased hundreds of thousands of times per megabyte, and
** lower-casing the whole document once beats copying each word into a
** buffer at each look-up.  The helpers are given pointers into the
** document, so the copy is found from the pointer's offset.  One thread
** reads one document at a time (a nested call saves and restores it);
** initial-exec keeps the access a single load (the default model for a
** shared object calls __tls_get_addr: +23 M instructions on the VOA corpus).
** These 32 bytes come from the static TLS reserve glibc keeps for
** libraries loaded with dlopen(), which is what the reserve is for.
*/
static _Thread_local __attribute__((tls_model("initial-exec"))) struct lowered_doc {
  const char *doc, *low;
  size_t len;
  word_filter *filters;       /* FILTER_SLOTS slots of the connection, or NULL */
} lowered;

static RARE void build_filter(word_filter *f, const art_table *tab) {
  memset(f->bits, 0, sizeof f->bits);
  for (uint32_t i = 0; i < tab->count; i++) {
    const art_table_entry *e = &tab->entries[i];
    if (e->key_len == 0) continue;
    unsigned bit = filter_bit((unsigned char)e->key[0], (unsigned char)e->key[e->key_len - 1], e->key_len);
    f->bits[bit >> 6] |= 1ull << (bit & 63);
  }
  f->table = tab;
}

static inline int filter_has(const word_filter *f, const char *key, size_t n) {
  unsigned bit = filter_bit((unsigned char)key[0], (unsigned char)key[n - 1], n);
  return (f->bits[bit >> 6] >> (bit & 63)) & 1;
}

/* May tab hold key[0..n) (n > 0)?  0: surely not. */
static inline int table_may_hold(const art_table *tab, const char *key, size_t n) {
  word_filter *fs = lowered.filters;
  if (!fs) return 1;
  size_t h = (size_t)(((uint64_t)(uintptr_t)tab * 0x9E3779B97F4A7C15ull) >> 57);   /* 7 bits */
  word_filter *f = &fs[h];
  for (size_t probes = 1; f->table != tab; probes++) {
    if (!f->table) { build_filter(f, tab); break; }
    if (probes == WORD_FILTERS) return 1;    /* full (cannot happen with ext/data's lists) */
    h = (h + 1) & (WORD_FILTERS - 1);
    f = &fs[h];
  }
  unsigned bit = filter_bit((unsigned char)key[0], (unsigned char)key[n - 1], n);
  return (f->bits[bit >> 6] >> (bit & 63)) & 1;
}

/* The filter of the list at place list (tab) among the ext/data lists, or NULL. */
static inline const word_filter *listed_filter(const art_table *tab, unsigned list) {
  word_filter *fs = lowered.filters;
  if (!fs) return NULL;
  word_filter *f = &fs[WORD_FILTERS + list];
  if (!f->table) build_filter(f, tab);
  return f;
}

/* art_ascii_lower() of a whole document, sixteen bytes a step where SSE2
   is there, 64 (two registers of 32) on machines with AVX2: 'A'..'Z'
   moved to the bottom of the signed range are the only bytes below -102. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(__clang__)
#include <immintrin.h>
#define HAVE_AVX2_LOWER 1
/* the bytes of src[0..n) it lowered (a multiple of 64) */
__attribute__((target("avx2"))) static size_t lower_document_avx2(char *dst, const char *src, size_t n) {
  const __m256i shift = _mm256_set1_epi8((char)(128 - 'A')), limit = _mm256_set1_epi8(-128 + 26),
                bit = _mm256_set1_epi8(0x20);
  size_t i = 0;
  for (; i + 64 <= n; i += 64) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(src + i)), y = _mm256_loadu_si256((const __m256i *)(src + i + 32));
    __m256i ux = _mm256_cmpgt_epi8(limit, _mm256_add_epi8(x, shift)), uy = _mm256_cmpgt_epi8(limit, _mm256_add_epi8(y, shift));
    _mm256_storeu_si256((__m256i *)(dst + i), _mm256_or_si256(x, _mm256_and_si256(ux, bit)));
    _mm256_storeu_si256((__m256i *)(dst + i + 32), _mm256_or_si256(y, _mm256_and_si256(uy, bit)));
  }
  return i;
}
#endif

static void lower_document(char *dst, const char *src, size_t n) {
  size_t i = 0;
#ifdef HAVE_AVX2_LOWER
  if (art_cpu_has_avx2()) i = lower_document_avx2(dst, src, n);
#endif
#ifdef __SSE2__
  const __m128i shift = _mm_set1_epi8((char)(128 - 'A')), limit = _mm_set1_epi8(-128 + 26),
                bit = _mm_set1_epi8(0x20);
  for (; i + 16 <= n; i += 16) {
    __m128i x = _mm_loadu_si128((const __m128i *)(src + i));
    __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(x, shift), limit);
    _mm_storeu_si128((__m128i *)(dst + i), _mm_or_si128(x, _mm_and_si128(upper, bit)));
  }
#endif
  art_ascii_lower(dst + i, src + i, n - i);
}

/* art_table_find() behind the filter of a list this file names (see LIST_*), for keys looked up as written. */
static inline const art_table_entry *find_listed(const art_table *tab, unsigned list, const char *key, size_t n) {
  const word_filter *f;
  return n == 0 || !(f = listed_filter(tab, list)) || filter_has(f, key, n) ? art_table_find(tab, key, n) : NULL;
}
#define FIND_AS_WRITTEN(name, key, n) find_listed(&art_table_##name, LIST_##name, key, n)

/* find_listed() of a key whose filter bit (filter_bit(), 0 for an empty
   key) the caller worked out, for keys asked of several lists. */
static inline const art_table_entry *find_listed_bit(const art_table *tab, unsigned list, const char *key, size_t n,
                                                     unsigned bit) {
  const word_filter *f;
  return n == 0 || !(f = listed_filter(tab, list)) || ((f->bits[bit >> 6] >> (bit & 63)) & 1)
         ? art_table_find(tab, key, n) : NULL;
}
#define FIND_BY_BIT(name, key, n, bit) find_listed_bit(&art_table_##name, LIST_##name, key, n, bit)

/*
** decided_type() asks three lists about a span as written (org_names,
** acronyms, common_acronyms), and most spans are in none of them: the
** union of their filters, in a slot of its own, turns those away with one
** bit test instead of three.  0: surely in none of them.
*/
static RARE void build_span_lists_filter(word_filter *f) {
  static const art_table *const lists[] = { &art_table_org_names, &art_table_acronyms, &art_table_common_acronyms };
  word_filter one;
  memset(f->bits, 0, sizeof f->bits);
  for (size_t t = 0; t < sizeof lists / sizeof *lists; t++) {
    build_filter(&one, lists[t]);
    for (size_t k = 0; k < sizeof f->bits / sizeof *f->bits; k++) f->bits[k] |= one.bits[k];
  }
  f->table = lists[0];
}

static inline int span_lists_may_hold(unsigned bit) {
  word_filter *fs = lowered.filters;
  if (!fs) return 1;
  word_filter *f = &fs[WORD_FILTERS + DATA_LISTS + FILTER_SPAN_LISTS];
  if (!f->table) build_span_lists_filter(f);
  return (f->bits[bit >> 6] >> (bit & 63)) & 1;
}

/* z[0..n) lower-cased: from the document's copy when z lies in the
   document, else copied into buf (at least n bytes). */
static inline const char *lower_key(const char *z, size_t n, char *buf) {
  size_t off = (size_t)((uintptr_t)z - (uintptr_t)lowered.doc), len = lowered.len;   /* 0 with no copy */
  if (off < len && n <= len - off) return lowered.low + off;
  art_ascii_lower(buf, z, n);
  return buf;
}

/* key[0..n), lower case already, in tab (or without a final period when strip_period and not there). */
static inline const art_table_entry *lookup_lowered(const art_table *tab, const char *key, size_t n, int strip_period) {
  const art_table_entry *e = table_may_hold(tab, key, n) ? art_table_find(tab, key, n) : NULL;
  if (!e && strip_period && n > 1 && key[n - 1] == '.' && table_may_hold(tab, key, n - 1))
    e = art_table_find(tab, key, n - 1);
  return e;
}

/* lookup_lower() of a key outside the document: lower-cased into a buffer. */
static __attribute__((noinline)) const art_table_entry *lookup_lower_copy(const art_table *tab, const char *z, size_t n,
                                                                         int strip_period) {
  char buf[64];
  art_ascii_lower(buf, z, n);
  return lookup_lowered(tab, buf, n, strip_period);
}

/* Look the token up lower-cased (and without a final period) in a table.
   Nearly every key lies in the document and is read from its lower-case
   copy; the copying path is a call of its own, which keeps this one light. */
static const art_table_entry *lookup_lower(const art_table *tab, const char *z, size_t n, int strip_period) {
  if (!tab || n == 0 || n > 64) return NULL;
  size_t off = (size_t)((uintptr_t)z - (uintptr_t)lowered.doc), len = lowered.len;   /* 0 with no copy */
  if (off < len && n <= len - off) return lookup_lowered(tab, lowered.low + off, n, strip_period);
  return lookup_lower_copy(tab, z, n, strip_period);
}

/* lookup_lower() of a list this file names (see LIST_*): its filter
   without a probe.  Most keys are no entry, and that path calls nothing
   but the filter's build at the list's first look-up. */
static __attribute__((noinline)) const art_table_entry *lookup_listed_call(const art_table *tab, unsigned list, const char *z,
                                                                          size_t n, int strip_period) {
  if (n == 0 || n > 64) return NULL;
  size_t off = (size_t)((uintptr_t)z - (uintptr_t)lowered.doc), len = lowered.len;   /* 0 with no copy */
  if (!(off < len && n <= len - off)) return lookup_lower_copy(tab, z, n, strip_period);
  const char *key = lowered.low + off;
  const word_filter *f = listed_filter(tab, list);
  const art_table_entry *e = !f || filter_has(f, key, n) ? art_table_find(tab, key, n) : NULL;
  if (!e && strip_period && n > 1 && key[n - 1] == '.' && (!f || filter_has(f, key, n - 1)))
    e = art_table_find(tab, key, n - 1);
  return e;
}

/* lookup_listed_call() of token t of the document being read, where the
   call is, for its common answer: a word whose bit in the list's (built)
   filter is clear.  The token's key is at t->start in the lower-case copy:
   no need to work out where, nor to ask whether it lies in the document. */
static inline __attribute__((always_inline)) const art_table_entry *lookup_token_listed(const art_table *tab, unsigned list,
                                                                                      const char *doc, const art_token *t) {
  size_t n = tok_len(t);
  word_filter *fs = lowered.filters;
  if (n - 1 < 64 && fs && fs[WORD_FILTERS + list].table && lowered.doc == doc &&
      !filter_has(&fs[WORD_FILTERS + list], lowered.low + t->start, n))
    return NULL;
  return lookup_listed_call(tab, list, doc + t->start, n, 0);
}
#define LOOKUP_LOWER(name, z, n, strip_period) lookup_listed_call(&art_table_##name, LIST_##name, z, n, strip_period)
/* ...and where the call is, for the look-ups of a token made most often
   (tens of thousands of times on the news corpus; in line everywhere, the
   code grows more than the instruction cache allows) */
#define LOOKUP_TOKEN_HOT(name, doc, t) lookup_token_listed(&art_table_##name, LIST_##name, doc, t)

/* The exported names, for ext/entities_document.c: calls in this file go
   straight to the static functions, not through the PLT. */
const art_table_entry *art_ent_lookup_lower(const art_table *tab, const char *z, size_t n, int strip_period) {
  return lookup_lower(tab, z, n, strip_period);
}

/* Lower-case particles inside names ("van", "der", "de", "bin"), as
   ext/data/quote_words.tsv lists them. */
static __attribute__((noinline)) int is_particle_find(const char *z, size_t n) {
  const art_table_entry *e = art_table_find(&art_table_quote_words, z, n);
  return e && strcmp(e->value, "particle") == 0;
}

/* (in line: most words asked about, "the", "said", have a length and first letter no particle has) */
static inline __attribute__((always_inline)) int is_particle(const tables *tb, const char *z, size_t n) {
  unsigned char c = n ? (unsigned char)z[0] : 0;
  if (tb && c >= 'a' && c <= 'z' && !(tb->particle_firsts[n < 15 ? n : 15] & (1u << (c - 'a')))) return 0;
  return is_particle_find(z, n);
}

int art_ent_is_particle(const tables *tb, const char *z, size_t n) { return is_particle(tb, z, n); }


/* Gazetteer bits of key[0..n), lower case already (and without a final period when strip_period and no hit). */
static inline uint32_t gaz_bits_lowered(const char *key, size_t n, int strip_period) {
  uint32_t bits = art_gazetteer_bits(key, n);
  if (!bits && strip_period && n > 1 && key[n - 1] == '.') bits = art_gazetteer_bits(key, n - 1);
  return bits;
}

/* gaz_bits() of a key outside the document: lower-cased into a buffer. */
static __attribute__((noinline)) uint32_t gaz_bits_copy(const char *z, size_t n, int strip_period) {
  char buf[64];
  art_ascii_lower(buf, z, n);
  return gaz_bits_lowered(buf, n, strip_period);
}

/* Gazetteer bits of z[0..n) lower-cased (and without a final period when strip_period and no hit),
   from the document's lower-case copy as lookup_lower() does. */
static uint32_t gaz_bits(const char *z, size_t n, int strip_period) {
  if (n == 0 || n > 64) return 0;
  size_t off = (size_t)((uintptr_t)z - (uintptr_t)lowered.doc), len = lowered.len;   /* 0 with no copy */
  if (off < len && n <= len - off) return gaz_bits_lowered(lowered.low + off, n, strip_period);
  return gaz_bits_copy(z, n, strip_period);
}

uint32_t art_ent_gaz_bits(const char *z, size_t n, int strip_period) { return gaz_bits(z, n, strip_period); }

/*
** A sentence's memo of one-token gazetteer bits: for token i, the bits of
** the word lower-cased (word[i], MEMO_KNOWN once filled) and of the word
** without a final period (stripped[i], 0 when it has none).  title_phrase()
** asks about the same tokens again and again while spans are trimmed.
*/
#define MEMO_KNOWN (1u << 31)
#define MEMO_NO_TITLE (1u << 30)   /* alone: not known, but surely no title's word (title_phrase()) */
typedef struct token_memo {
  uint32_t *word, *stripped;
  /* count_pronouns(): tokens [scan_lo, scan_hi) were looked at; the first
     pronoun among them is scan_at (scan_hi when none) */
  size_t scan_lo, scan_hi, scan_at;
  int no_pronoun;            /* the sentence holds none of them: count_pronouns() has nothing to do */
  const uint8_t *facts;      /* the sentence's ART_TF_* facts bytes (prepare_batch()) */
  const uint32_t *tagger_gaz;   /* the bits the tagger looked up, per token (art_tagger_scratch.word_gaz) */
  /* title_word_filter(): built at the connection's first sentence */
  int title_filter_ready;
  uint64_t title_filter[64];
  /* title_pair_filter(): the first two and the last two words of titles.tsv's longer entries */
  uint64_t title_firsts[64], title_lasts[64];
  /* entry_etype(): the type named by a list entry's value, for the last entries asked (a few names, "U.S.", come back often) */
  const art_table_entry *etype_entry[16];
  art_etype etype_of[16];
} token_memo;

/*
** Most words that open or close a span are no title's word, and their
** memo entry is wanted only to say so.  A filter of 4,096 bits, one set
** for each (first byte, last byte, length) of the words of titles.tsv's
** entries (whole keys, first and last words), is the only source of the
** gazetteers' TITLES, TITLE_START and TITLE_END bits: a word whose bit is
** clear (and, with a final period, whose bit without it is clear too)
** has none of them, and needs no look-up.
*/
static inline unsigned title_bit(unsigned char first, unsigned char last, size_t len) {
  return (unsigned)(((uint32_t)first << 16 ^ (uint32_t)last << 8 ^ (uint32_t)len) * 0x9E3779B1u) >> 20;
}

static void title_filter_add(token_memo *tm, const char *key, size_t len) {
  if (len == 0) return;
  unsigned bit = title_bit((unsigned char)key[0] | 0x20, (unsigned char)key[len - 1] | 0x20, len);
  tm->title_filter[bit >> 6] |= 1ull << (bit & 63);
}

/*
** A title of two words or more is found only when the key's first two
** words (last two, at_end) are an entry's: a filter of 4,096 bits, one set
** for each pair of an entry's words' title_bit()s, lets title_phrase_search()
** stop before its multi-word look-ups for most title words ("President" +
** "Obama").  Words are as title_filter_add() takes them.
*/
static inline unsigned word_title_bit(const char *w, size_t len) {
  return title_bit((unsigned char)w[0] | 0x20, (unsigned char)w[len - 1] | 0x20, len);
}

static inline unsigned title_pair_bit(unsigned first, unsigned second) {
  return ((first * 0x9E3779B1u) ^ ((second + 0x7F4A7C15u) * 0x85EBCA6Bu)) >> 20;
}

static inline int title_pair_has(const uint64_t *filter, unsigned first, unsigned second) {
  unsigned bit = title_pair_bit(first, second);
  return (filter[bit >> 6] >> (bit & 63)) & 1;
}

static void title_pair_add(uint64_t *filter, const char *w1, size_t n1, const char *w2, size_t n2) {
  if (n1 == 0 || n2 == 0) return;
  unsigned bit = title_pair_bit(word_title_bit(w1, n1), word_title_bit(w2, n2));
  filter[bit >> 6] |= 1ull << (bit & 63);
}

static void title_pair_filter(token_memo *tm) {
  memset(tm->title_firsts, 0, sizeof tm->title_firsts);
  memset(tm->title_lasts, 0, sizeof tm->title_lasts);
  for (uint32_t i = 0; i < art_table_titles.count; i++) {
    const art_table_entry *e = &art_table_titles.entries[i];
    const char *key = e->key, *end = e->key + e->key_len;
    const char *sp1 = memchr(key, ' ', e->key_len);
    if (!sp1) continue;
    const char *w2 = sp1 + 1, *sp2 = memchr(w2, ' ', (size_t)(end - w2));
    title_pair_add(tm->title_firsts, key, (size_t)(sp1 - key), w2, (size_t)((sp2 ? sp2 : end) - w2));
    const char *last = end;
    while (last > key && last[-1] != ' ') last--;
    const char *prev_end = last - 1, *prev = prev_end;   /* the space before the last word */
    while (prev > key && prev[-1] != ' ') prev--;
    title_pair_add(tm->title_lasts, prev, (size_t)(prev_end - prev), last, (size_t)(end - last));
  }
}

static __attribute__((noinline)) void title_word_filter(token_memo *tm) {
  title_pair_filter(tm);
  memset(tm->title_filter, 0, sizeof tm->title_filter);
  for (uint32_t i = 0; i < art_table_titles.count; i++) {
    const art_table_entry *e = &art_table_titles.entries[i];
    const char *first = memchr(e->key, ' ', e->key_len), *last = e->key + e->key_len;
    title_filter_add(tm, e->key, e->key_len);
    if (!first) continue;
    while (last[-1] != ' ') last--;
    title_filter_add(tm, e->key, (size_t)(first - e->key));
    title_filter_add(tm, last, (size_t)(e->key + e->key_len - last));
  }
  tm->title_filter_ready = 1;
}

/* May token t, lower-cased (or without its final period), be a word of a
   title?  Bytes go in with bit 5 set, in the filter and here: an ASCII
   capital and its lower case become one, so does every byte and its
   art_ascii_lower(). */
static inline int may_be_title_word(const token_memo *tm, const char *doc, const art_token *t) {
  size_t n = tok_len(t);
  const unsigned char *z = (const unsigned char *)doc + t->start;
  if (n == 0) return 0;
  unsigned char first = z[0] | 0x20, last = z[n - 1] | 0x20;
  unsigned bit = title_bit(first, last, n);
  if ((tm->title_filter[bit >> 6] >> (bit & 63)) & 1) return 1;
  if (n < 2 || last != '.') return 0;
  bit = title_bit(first, z[n - 2] | 0x20, n - 1);
  return (tm->title_filter[bit >> 6] >> (bit & 63)) & 1;
}

static __attribute__((noinline)) void token_memo_fill_lookup(token_memo *tm, const char *doc, const art_token *t, size_t i) {
  char buf[64];
  size_t n = tok_len(t);
  /* most words asked about have a capital: the tagger looked them up already */
  tm->word[i] = (art_tagger_word_gaz_known(t) ? tm->tagger_gaz[i]
                                              : art_gazetteer_bits(lower_key(doc + t->start, n, buf), n)) | MEMO_KNOWN;
  /* title_phrase() passes words of at most 63 bytes; a final period is among the token's flags first */
  tm->stripped[i] = (t->flags & ART_TOK_PERIOD) && n > 1 && doc[t->end - 1] == '.'
                        ? art_gazetteer_bits(lower_key(doc + t->start, n, buf), n - 1) : 0;
}

/* Most words asked about have a capital and no final period: their entry is
   the tagger's bits as they are (tm->tagger_gaz[i], with no stripped form),
   read straight from there with no call to the look-ups above. */
static inline int memo_is_tagger_bits(const art_token *t) {
  return art_tagger_word_gaz_known(t) && !(t->flags & ART_TOK_PERIOD);
}

static inline __attribute__((always_inline)) void token_memo_fill_fast(token_memo *tm, const char *doc,
                                                                       const art_token *t, size_t i) {
  if (memo_is_tagger_bits(t)) {
    tm->word[i] = tm->tagger_gaz[i] | MEMO_KNOWN;
    tm->stripped[i] = 0;
  } else {
    token_memo_fill_lookup(tm, doc, t, i);
  }
}

static __attribute__((noinline)) void token_memo_fill(token_memo *tm, const char *doc, const art_token *t, size_t i) {
  token_memo_fill_fast(tm, doc, t, i);
}

static void token_memo_word(token_memo *tm, const char *doc, const art_token *t, size_t i,
                            uint32_t *word, uint32_t *stripped) {
  if (!(tm->word[i] & MEMO_KNOWN)) token_memo_fill(tm, doc, t, i);
  *word = tm->word[i] & ~MEMO_KNOWN;
  *stripped = tm->stripped[i];
}

/*
** Length in tokens of a title phrase ("Trade Minister", "Sen.", "Secretary of
** State") that starts (at_end = 0) or ends (at_end = 1) the tokens [a, b).
** Multi-word titles are listed in titles.tsv joined by single spaces.
*/
static size_t title_phrase_search(token_memo *tm, const char *doc, const art_token *toks, size_t a, size_t b,
                                  int at_end) {
  /* The key grows by one word a step, to the right or (at_end) to the left.
     While its words are one space apart in the document it is a slice of
     the document's lower-case copy, low[ks..ks+klen); else it is built in buf,
     from the middle to the right, or (at_end) from the end to the left.
     Keys stay within 64 bytes. */
  enum { KEY_MAX = 64 };
  if (b - a == 1) {                        /* one word: its own bits say (the loop's first step, alone) */
    const art_token *t = &toks[a];
    if (!(t->flags & ART_TOK_WORD) || tok_len(t) + 1 > KEY_MAX) return 0;
    uint32_t bits, stripped = 0;
    if (memo_is_tagger_bits(t)) bits = tm->tagger_gaz[a];
    else token_memo_word(tm, doc, t, a, &bits, &stripped);
    if (!(bits & ART_GAZ_TITLES)) bits |= stripped;
    return (bits & ART_GAZ_TITLES) != 0;
  }
  char buf[2 * KEY_MAX];
  const char *low = lowered.low && lowered.doc == doc ? lowered.low : NULL;
  size_t best = 0, klen = 0, ks = 0, lo = 0, hi = 0;   /* the key: low[ks..ks+klen), or buf[lo..hi) when in_buf */
  int in_buf = 0, pair_whole = 0;
  for (size_t k = 1; k <= 4 && k <= b - a; k++) {
    size_t at = at_end ? b - k : a + k - 1;
    const art_token *t = &toks[at];
    size_t len = tok_len(t);
    if (!(t->flags & ART_TOK_WORD) || (k == 1 ? len + 1 : klen + 1 + len) > KEY_MAX) break;
    if (k == 2) {
      /* the pair of words every longer key holds (its last word may lose a final period) */
      const art_token *t1 = at_end ? t : &toks[at - 1], *t2 = at_end ? &toks[at + 1] : t;
      const char *z1 = doc + t1->start, *z2 = doc + t2->start;
      size_t n2 = tok_len(t2);
      unsigned first = word_title_bit(z1, tok_len(t1));
      const uint64_t *pairs = at_end ? tm->title_lasts : tm->title_firsts;
      pair_whole = title_pair_has(pairs, first, word_title_bit(z2, n2));
      int pair_stripped = n2 > 1 && z2[n2 - 1] == '.' && title_pair_has(pairs, first, word_title_bit(z2, n2 - 1));
      if (!pair_whole && !pair_stripped) break;
    } else if (k == 3 && !at_end && !pair_whole) {
      break;                               /* the second word keeps its period from here on */
    }
    uint32_t bits, stripped = 0;
    if (k == 1) {
      /* one word: the tagger's bits (no period to strip), or the memo's */
      if (memo_is_tagger_bits(t)) bits = tm->tagger_gaz[at];
      else token_memo_word(tm, doc, t, at, &bits, &stripped);
      if (!(bits & ART_GAZ_TITLES)) bits |= stripped;
    } else {
      int spaced = at_end ? t->end + 1 == toks[at + 1].start && doc[t->end] == ' '
                          : toks[at - 1].end + 1 == t->start && doc[t->start - 1] == ' ';
      const char *key;
      if (!in_buf && spaced) {
        if (at_end) ks = t->start;
        key = low + ks;
      } else {
        if (!in_buf) {                     /* the slice so far, into buf */
          lo = at_end ? 2 * KEY_MAX - klen : 0;
          hi = lo + klen;
          memcpy(buf + lo, low + ks, klen);
          in_buf = 1;
        }
        if (at_end) {
          lo -= len + 1;
          art_ascii_lower(buf + lo, doc + t->start, len);
          buf[lo + len] = ' ';
        } else {
          buf[hi] = ' ';
          art_ascii_lower(buf + hi + 1, doc + t->start, len);
          hi += len + 1;
        }
        key = buf + lo;
      }
      klen += len + 1;
      bits = art_gazetteer_bits(key, klen);
      if (!(bits & ART_GAZ_TITLES) && klen > 1 && key[klen - 1] == '.') bits |= art_gazetteer_bits(key, klen - 1);
    }
    if (bits & ART_GAZ_TITLES) best = k;
    if (k == 1) {
      if (!at_end && !(bits & ART_GAZ_TITLE_START)) break;   /* no longer title starts with this word */
      if (at_end && !(bits & ART_GAZ_TITLE_END) && !(stripped & ART_GAZ_TITLE_END)) break;   /* nor ends */
      klen = len;
      ks = t->start;
      if (!low) {                          /* no lower-case copy: every key is built */
        lo = at_end ? 2 * KEY_MAX - len : 0;
        hi = lo + len;
        art_ascii_lower(buf + lo, doc + t->start, len);
        in_buf = 1;
      }
    }
  }
  return best;
}

/* title_phrase()'s first look at a word the memo does not know: the
   word's and its stripped form's bits (filled in the memo), or 0 when the
   word is too long for a title's key or surely none of a title's words
   (then marked MEMO_NO_TITLE, and the gazetteers are not asked). */
static __attribute__((noinline)) uint32_t memo_title_bits(token_memo *tm, const char *doc, const art_token *toks,
                                                          size_t at) {
  if (tok_len(&toks[at]) + 1 > 64) return 0;   /* the search's KEY_MAX: no title */
  /* the bits of a word with a capital are at hand (the tagger's): no need of the filter */
  if (!art_tagger_word_gaz_known(&toks[at]) && !may_be_title_word(tm, doc, &toks[at])) {
    tm->word[at] = MEMO_NO_TITLE;
    return 0;
  }
  token_memo_fill_fast(tm, doc, &toks[at], at);
  return tm->word[at] | tm->stripped[at];
}

/* The gazetteer bits of token i (gaz_bits() of the word, a word
   of at most 63 bytes), from the memo. */
static inline uint32_t memo_word_bits(token_memo *tm, const char *doc, const art_token *toks, size_t i) {
  if (memo_is_tagger_bits(&toks[i])) return tm->tagger_gaz[i];
  if (!(tm->word[i] & MEMO_KNOWN)) token_memo_fill(tm, doc, &toks[i], i);
  return tm->word[i] & ~MEMO_KNOWN;
}

/* gaz_bits() of token i alone, through the memo (words of up to 63 bytes):
   the rules ask about a span's first and last words again and again. */
static inline uint32_t token_gaz(token_memo *tm, const char *doc, const art_token *toks, size_t i, int strip_period) {
  if (memo_is_tagger_bits(&toks[i])) return tm->tagger_gaz[i];   /* no final period: nothing to strip */
  size_t n = tok_len(&toks[i]);
  if (n >= 64) return gaz_bits(doc + toks[i].start, n, strip_period);
  uint32_t w = memo_word_bits(tm, doc, toks, i);
  return w || !strip_period ? w : tm->stripped[i];
}

/* The rules ask about most spans' first and last words several times, and
   most words open and close no title: the memo says so without a search. */
/* Surely no title starts (at_end: ends) at token at?  A word the memo
   does not know yet is asked about here, out of line (the search's first
   step would ask the same), so that most calls never set up the search's
   key; most words' bits are the tagger's (no need to ask whether they are
   words: those are).  The answer is the token's, whatever the span. */
static inline int title_edge_none(token_memo *tm, const char *doc, const art_token *toks, size_t at, int at_end) {
  uint32_t bits;
  if (memo_is_tagger_bits(&toks[at])) bits = tm->tagger_gaz[at];
  else if (!(toks[at].flags & ART_TOK_WORD)) return 1;
  else {
    uint32_t w = tm->word[at];
    bits = (w & MEMO_KNOWN) ? w | tm->stripped[at] : w ? 0 /* MEMO_NO_TITLE */ : memo_title_bits(tm, doc, toks, at);
  }
  return !(bits & (ART_GAZ_TITLES | (at_end ? ART_GAZ_TITLE_END : ART_GAZ_TITLE_START)));
}

static inline size_t title_phrase(token_memo *tm, const char *doc, const art_token *toks, size_t a, size_t b,
                                  int at_end) {
  if (b > a && title_edge_none(tm, doc, toks, at_end ? b - 1 : a, at_end)) return 0;
  return title_phrase_search(tm, doc, toks, a, b, at_end);
}

/* "The Hague": a capitalised "The" that the gazetteer lists as part of the name stays. */
static RARE int the_is_part_of_name(const char *doc, const art_token *toks, size_t a, size_t b) {
  if (doc[toks[a].start] != 'T' || b - a < 2) return 0;
  return (gaz_bits(doc + toks[a].start, toks[b - 1].end - toks[a].start, 0) & ART_GAZ_CITIES) != 0;
}

/* The type a gazetteer gives a single token ("U.S." GPE, "Israeli" NORP), or NONE. */
static art_etype gazetteer_type(token_memo *tm, const char *doc, const art_token *toks, size_t i) {
  const art_token *t = &toks[i];
  if (!(t->flags & ART_TOK_CAP)) return ART_ENT_NONE;
  const art_table_entry *acr = FIND_AS_WRITTEN(acronyms, doc + t->start, tok_len(t));
  if (acr) return art_etype_from_name(acr->value, strlen(acr->value));   /* "U.N.", "Nasdaq" */
  uint32_t bits = token_gaz(tm, doc, toks, i, 0);
  if (bits & (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES)) return ART_ENT_GPE;
  if (bits & ART_GAZ_DEMONYMS) return ART_ENT_NORP;
  if (bits & ART_GAZ_REGIONS_LOC) return ART_ENT_LOC;   /* "Luzon", "Sahel" */
  return ART_ENT_NONE;
}

/* A multi-word name the place gazetteers list whole: their type (GPE, or LOC for natural features). */
static art_etype place_type_of(uint32_t bits) {
  if (bits & ART_GAZ_REGIONS_LOC) return ART_ENT_LOC;
  if (bits & (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_REGIONS | ART_GAZ_PROVINCES))
    return ART_ENT_GPE;
  return ART_ENT_NONE;
}

static art_etype place_type(const char *doc, const art_token *first, const art_token *last) {
  return place_type_of(gaz_bits(doc + first->start, last->end - first->start, 0));
}

/*
** "Hurricane Mara": a word that opens an event name (ext/data/ent_event_words.tsv)
** followed by a name, not by another ordinary word ("Tropical Storm").
*/
static int event_name(const tables *tb, const char *doc, const art_token *first, const art_token *last) {
  return (first->flags & ART_TOK_CAP) && LOOKUP_TOKEN_HOT(ent_event_words, doc, first) &&
         !(gaz_bits(doc + last->start, tok_len(last), 0) & ART_GAZ_COMMON);
}

/* The type a closing facility word gives a name ("Airport", "Crossing" FAC;
   "Valley" LOC), or an opening one of another language ("Avenida"). */
static art_etype facility_type(const tables *tb, const char *doc, const art_token *first, const art_token *last) {
  /* "Avenida Abancay", "Plaza San Martín", "Palais des Nations": a head word
     of another language opens the facility's name */
  unsigned char c0 = (unsigned char)(doc[first->start] | 0x20);
  if (first != last && (first->flags & ART_TOK_CAP) && c0 >= 'a' && c0 <= 'z' && (tb->fac_heads & (1u << (c0 - 'a')))) {
    const art_table_entry *h = LOOKUP_LOWER(fac_words, doc + first->start, tok_len(first), 0);
    if (h && strstr(h->extra, "head")) return art_etype_from_name(h->value, strlen(h->value));
  }
  const art_table_entry *e = LOOKUP_TOKEN_HOT(fac_words, doc, last);
  if (!e || !strstr(e->extra, "end") || !(last->flags & ART_TOK_CAP)) return ART_ENT_NONE;
  if (gaz_bits(doc + first->start, last->end - first->start, 0) & ART_GAZ_COUNTRIES) return ART_ENT_NONE;  /* Ivory Coast */
  return art_etype_from_name(e->value, strlen(e->value));
}

/*
** Types the words of a span decide whatever the tagger said:
**   - a listed acronym or short name ("U.N.", "Nasdaq") takes its listed type;
**   - a name that ends in a word of ext/data/name_ends.tsv takes its type
**     ("Chicago Marathon" EVENT, "False Claims Act" LAW);
**   - a name that ends in a company word ("Volta Ridge Inc.", "North Shore
**     Marine Co.") is an organisation;
**   - a name the place gazetteers list whole is a place, not an
**     organisation ("Greece" in a list of countries), and not a person
**     unless it is also a first name or surname ("Jordan", "Israel").
*/
/* prev, joined by the tokens up to b (added of them, with the joining ones), runs on to their end. */
static void extend_mention(mention *prev, const art_token *toks, size_t b, int added) {
  prev->end = toks[b - 1].end;
  prev->last_start = toks[b - 1].start;
  prev->ntok += added;
}

/* A joined span is a name of this type, whatever prev was before. */
static void name_mention(mention *prev, art_etype type) {
  prev->type = type;
  prev->orphan = 0;
  if (prev->score < 1) prev->score = 1;
}

/* art_etype_from_name() of entry e's value, through a small cache in the memo. */
static inline art_etype entry_etype(token_memo *tm, const art_table_entry *e) {
  size_t slot = ((uintptr_t)e / sizeof *e) & 15;
  if (tm->etype_entry[slot] != e) {
    tm->etype_of[slot] = art_etype_from_name(e->value, strlen(e->value));
    tm->etype_entry[slot] = e;
  }
  return tm->etype_of[slot];
}

/* (whole: 1 << 32 | gaz_bits() of the whole span, when the caller has it; else 0) */
static inline __attribute__((always_inline)) art_etype decided_type(token_memo *tm, const char *doc, const art_token *toks, size_t a, size_t b, art_etype type,
                              uint64_t whole) {
  const art_token *last = &toks[b - 1];
  /* the span as written is the key of the first three lists (one word for
     the last two): its filter bit is worked out once */
  const char *key = doc + toks[a].start;
  size_t kn = last->end - toks[a].start;
  unsigned kbit = kn ? filter_bit((unsigned char)key[0], (unsigned char)key[kn - 1], kn) : 0;
  int listed = !kn || span_lists_may_hold(kbit);   /* else none of the three lists holds the span */
  /* a name the news corpus nearly always tags as an organisation
     (ext/data/org_names.tsv: "Gazprom", "Human Rights Watch") */
  if (listed && (type == ART_ENT_PERSON || type == ART_ENT_GPE || type == ART_ENT_LOC || type == ART_ENT_NORP) &&
      FIND_BY_BIT(org_names, key, kn, kbit))
    return ART_ENT_ORG;
  /* a listed acronym or short name, as written ("Nasdaq", "U.N.") */
  if (b - a == 1) {
    const art_table_entry *e = listed ? FIND_BY_BIT(acronyms, key, kn, kbit) : NULL;
    if (e) return entry_etype(tm, e);
    /* "AI", "SUVs": an ordinary noun in capitals */
    if (((listed && FIND_BY_BIT(common_acronyms, key, kn, kbit)) ||
         (kn > 2 && key[kn - 1] == 's' && FIND_AS_WRITTEN(common_acronyms, key, kn - 1))))
      return ART_ENT_NONE;
  }
  /* "Chicago Marathon", "False Claims Act": the closing word names the type;
     so does the word before "of" ("Charter of Rights and Freedoms") */
  if (b - a >= 2 && (last->flags & ART_TOK_CAP) && type != ART_ENT_PERSON) {
    const art_table_entry *e = LOOKUP_TOKEN_HOT(name_ends, doc, last);
    if (e) return entry_etype(tm, e);
    for (size_t k = a + 1; b - a >= 3 && k + 1 < b; k++) {
      if (!tok_is(doc, &toks[k], "of")) continue;
      e = LOOKUP_LOWER(name_ends, doc + toks[k - 1].start, tok_len(&toks[k - 1]), 0);
      if (e && strcmp(e->value, "LAW") == 0) return ART_ENT_LAW;
      break;
    }
  }
  if (b - a >= 2 && (last->flags & ART_TOK_CAP) && type != ART_ENT_ORG) {
    const art_table_entry *e = LOOKUP_TOKEN_HOT(org_words, doc, last);
    if (e && strstr(e->extra, "end") && strcmp(e->value, "ORG") == 0 && (type == ART_ENT_PERSON ||
        type == ART_ENT_GPE || type == ART_ENT_LOC))
      return ART_ENT_ORG;
  }
  /* the gazetteer bits of the whole span, asked for once (ORG and PERSON use them twice) */
  uint32_t span_bits = type == ART_ENT_ORG || type == ART_ENT_PERSON || type == ART_ENT_GPE || type == ART_ENT_LOC
                       ? (b - a == 1 ? token_gaz(tm, doc, toks, a, 0)
                          : whole ? (uint32_t)whole : gaz_bits(doc + toks[a].start, last->end - toks[a].start, 0)) : 0;
  if (type == ART_ENT_ORG || type == ART_ENT_PERSON || type == ART_ENT_GPE) {
    uint32_t bits = span_bits;
    uint32_t states = ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES;
    /* "Philippine" is a nationality; "Meuse" a river */
    if (b - a == 1 && (bits & ART_GAZ_DEMONYMS) && !(bits & states)) return ART_ENT_NORP;
    if ((bits & ART_GAZ_REGIONS_LOC) && !(bits & states) &&
        (type != ART_ENT_PERSON || !(bits & (ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES))))
      return ART_ENT_LOC;
  }
  /* "Statistics Canada", "Air India": a capitalised common word before a
     country names a body, unless it qualifies the place ("Northern Canada") */
  if (type == ART_ENT_GPE && b - a == 2 && (toks[a].flags & ART_TOK_CAP) &&
      (token_gaz(tm, doc, toks, b - 1, 0) & ART_GAZ_COUNTRIES) &&
      (token_gaz(tm, doc, toks, a, 0) & (ART_GAZ_COMMON | ART_GAZ_DEMONYMS | ART_GAZ_REGIONS |
                                                               ART_GAZ_COUNTRIES)) == ART_GAZ_COMMON &&
      !LOOKUP_LOWER(place_modifiers, doc + toks[a].start, tok_len(&toks[a]), 0) &&
      !place_type(doc, &toks[a], last))
    return ART_ENT_ORG;
  /* "Rhode Island": a state, country or city the gazetteers list whole is no
     natural feature, whatever its last word */
  if (type == ART_ENT_LOC) {
    uint32_t bits = span_bits;
    if ((bits & (ART_GAZ_COUNTRIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_CITIES)) &&
        !(bits & ART_GAZ_REGIONS_LOC))
      return ART_ENT_GPE;
  }
  if (type == ART_ENT_ORG || type == ART_ENT_PERSON) {
    uint32_t bits = span_bits;
    /* a city of two words or more ("Addis Ababa") is no one's name */
    int full_name = type == ART_ENT_PERSON && b - a >= 2 && (bits & ART_GAZ_CITIES) &&
                    (token_gaz(tm, doc, toks, a, 0) & ART_GAZ_FIRST_NAMES) &&
                    (token_gaz(tm, doc, toks, b - 1, 0) & ART_GAZ_SURNAMES);
    uint32_t places = ART_GAZ_COUNTRIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES |
                      (type == ART_ENT_ORG || (b - a >= 2 && !full_name) ? ART_GAZ_CITIES : 0);
    if ((bits & places) && !(bits & ART_GAZ_ACRONYMS) &&
        (type == ART_ENT_ORG || !(bits & (ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES))))
      return ART_ENT_GPE;
  }
  return type;
}

/*
** "River Valley Community College": an organisation name that ends in an
** organisation word, right after a capitalised word the tagger split off
** that is not a known place ("U.S." + "State Department" stay two names),
** takes that word in.  Returns 1 when prev was
** extended over tokens [a, b).
*/
static int join_org_name(const char *doc, const art_token *toks, size_t a, size_t b, art_etype type,
                         mention *prev) {
  if (type != ART_ENT_ORG || a == 0 || !prev || prev->is_value || prev->end != toks[a - 1].end) return 0;
  /* a place, a run the tagger left, or one word the tagger took for a body ("Bar" + "Society") */
  if (prev->type != ART_ENT_GPE && prev->type != ART_ENT_LOC && !prev->orphan &&
      !(prev->type == ART_ENT_ORG && prev->ntok == 1))
    return 0;
  /* Not a sentence's opening "The" or "A" */
  if (prev->ntok == 1 && LOOKUP_LOWER(sentence_starters, doc + prev->start, prev->end - prev->start, 0))
    return 0;
  /* ...nor a common word opening it ("Rival" + "Orbis Labs") */
  if (prev->orphan && prev->initial && prev->ntok == 1 &&
      (gaz_bits(doc + prev->start, prev->end - prev->start, 0) & ART_GAZ_COMMON))
    return 0;
  /* A country, city or state written as an acronym stays apart ("U.S." +
     "State Department"), and so does a place before a body named by its
     function ("Texas" + "Department of Transportation"); a place's name
     opening a body's own name joins it ("Quebec" + "Community Groups
     Network", "Japan" + "Meteorological Agency"). */
  if (gaz_bits(doc + prev->start, prev->end - prev->start, 1) &
      (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES)) {
    int acronym = prev->ntok != 1 || prev->end - prev->start < 3 || doc[prev->start + 1] < 'a' ||
                  doc[prev->start + 1] > 'z' || memchr(doc + prev->start, '.', prev->end - prev->start);
    if (acronym || prev->dateline ||
        (b - a > 1 && LOOKUP_LOWER(org_words, doc + toks[a].start, tok_len(&toks[a]), 0)) ||
        (gaz_bits(doc + toks[a].start, tok_len(&toks[a]), 0) & (ART_GAZ_TITLES | ART_GAZ_DEMONYMS)))
      return 0;
  }
  const art_token *last = &toks[b - 1];
  const art_table_entry *e = LOOKUP_LOWER(org_words, doc + last->start, tok_len(last), 0);
  if (!e || strcmp(e->value, "ORG") != 0 || strstr(e->extra, "start")) return 0;
  prev->end = last->end;
  prev->last_start = last->start;
  prev->ntok += (int)(b - a);
  name_mention(prev, ART_ENT_ORG);
  return 1;
}

/* The lower-case words that join the parts of an organisation's name. */
static int is_name_connector(const char *doc, const art_token *t) {
  return tok_is(doc, t, "of") || tok_is(doc, t, "for") || tok_is(doc, t, "on") || tok_is(doc, t, "the") ||
         tok_is(doc, t, "and") || tok_is(doc, t, "&");
}

/* An organisation word ("University", "Inc.", "Council") that may close a name. */
static RARE int closing_org_word(const char *doc, const art_token *t) {
  const art_table_entry *e = LOOKUP_LOWER(org_words, doc + t->start, tok_len(t), 0);
  return e && strcmp(e->extra, "start") != 0 && (t->flags & ART_TOK_CAP);
}

/* Does every token of [a, b) start with a capital? */
static int all_capitalised(const art_token *toks, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (!(toks[k].flags & ART_TOK_CAP)) return 0;
  return 1;
}

/* Tokens [a, p) are a body "of" a place, complete in itself: "University
   of Sydney", "Bank of England" (not "Department of Health"). */
static RARE int body_of_place(const char *doc, const art_token *toks, size_t a, size_t p) {
  if (p - a < 3 || !tok_is(doc, &toks[a + 1], "of") || !(toks[a].flags & ART_TOK_CAP)) return 0;
  const art_table_entry *e = LOOKUP_LOWER(org_words, doc + toks[a].start, tok_len(&toks[a]), 0);
  if (!e || strcmp(e->extra, "end") == 0 || strcmp(e->extra, "media") == 0) return 0;
  return (gaz_bits(doc + toks[a + 2].start, toks[p - 1].end - toks[a + 2].start, 1) &
          (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES)) != 0;
}

/* Every word of tokens [a, b) is a capitalised common word ("Water Resources"). */
static RARE int common_words_only(const char *doc, const art_token *toks, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (!(toks[k].flags & ART_TOK_CAP) ||
        !(gaz_bits(doc + toks[k].start, tok_len(&toks[k]), 0) & ART_GAZ_COMMON)) return 0;
  return 1;
}

/* Tokens [a, b) are one capitalised word naming a field, by its ending
   ("Seismology", "Geophysics", "Development", "Fisheries"), and no name the
   gazetteers know: the second field of "Institute of Volcanology and ...". */
static RARE int field_of_study(const char *doc, const art_token *toks, size_t a, size_t b) {
  static const char *const endings[] = {"ology", "ics", "ment", "tion", "ture", "ries", "ence", "ance"};
  if (b - a != 1 || !(toks[a].flags & ART_TOK_CAP)) return 0;
  const char *z = doc + toks[a].start;
  size_t n = tok_len(&toks[a]), hit = 0;
  for (size_t k = 0; k < sizeof endings / sizeof *endings && !hit; k++) {
    size_t el = strlen(endings[k]);
    hit = n > el + 2 && memcmp(z + n - el, endings[k], el) == 0;
  }
  return hit && !(gaz_bits(z, n, 0) & (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_FIRST_NAMES |
                                               ART_GAZ_SURNAMES | ART_GAZ_ACRONYMS));
}

/* Is z[0..n) a function word ("The", "A") by ext/data/common_words.tsv? */
static int function_word(const char *z, size_t n) {
  const art_table_entry *e = LOOKUP_LOWER(common_words, z, n, 0);
  return e && strcmp(e->extra, "function") == 0;
}

/* Does the name z[0..n) hold " of "? */
static int contains_of(const char *z, size_t n) {
  for (size_t i = 0; i + 4 <= n; i++)
    if (z[i] == ' ' && z[i + 1] == 'o' && z[i + 2] == 'f' && z[i + 3] == ' ') return 1;
  return 0;
}

/*
** "Ministry of Irrigation and Water Resources", "United Nations Office for
** the Coordination of Humanitarian Affairs", "American Academy of
** Pediatrics": an organisation's name that the tagger cut at a connector
** ("and", "for the") or after a nationality.  prev is extended over
** tokens up to b when:
**   - prev is an organisation whose name ends in an organisation word
**     ("Office", "Commission") and "for", "of", "on" (the) lead to the next
**     capitalised name;
**   - prev is an organisation with "of" inside ("Ministry of Irrigation"),
**     "and" alone joins, and the next part is made of common words or is
**     one word naming a field ("... of Volcanology and Seismology");
**   - prev is a nationality right before an organisation name that opens
**     with an organisation word and has "of" inside, or that closes with
**     one ("Russian Foreign Ministry").
*/
/* Does z[0..n) hold " for the " ("Office for the Coordination")? */
static int has_for_the(const char *z, size_t n) {
  for (size_t p = 0; p + 9 <= n; p++)
    if (z[p] == ' ' && z[p + 1] == 'f' && memcmp(z + p, " for the ", 9) == 0) return 1;
  return 0;
}

/* Does the mention's name hold " of " or " for " ("Department for Culture")?
   Asked last, of the few names the other tests leave. */
static int name_has_of(const char *doc, const mention *prev) {
  for (size_t p = prev->start; p + 4 <= prev->end; p++)
    if (doc[p] == ' ' && ((doc[p + 1] == 'o' && doc[p + 2] == 'f' && doc[p + 3] == ' ') ||
                          (p + 5 <= prev->end && memcmp(doc + p, " for ", 5) == 0)))
      return 1;
  return 0;
}

static int join_connected_org(const char *doc, const art_token *toks, size_t n, size_t a, size_t b, art_etype type,
                              mention *prev, size_t first_tok) {
  const art_table_entry *tail_of = NULL;
  if (!prev || prev->is_value || a == 0) return 0;
  /* "Law Society" + "of Kenya", "Canadian Charter" + "of Rights and Freedoms":
     a body whose last word takes "of" (Society, Bank, University; not a
     company's "Telecom"), or a law, goes on through "of" */
  if (a >= 2 && (tok_is(doc, &toks[a - 1], "of") || (prev->type == ART_ENT_LAW && tok_is(doc, &toks[a - 1], "on"))) &&
      toks[a - 2].end == prev->end && !prev->orphan && (toks[a].flags & ART_TOK_CAP) &&
      (type == ART_ENT_GPE || type == ART_ENT_ORG || type == ART_ENT_NONE || type == ART_ENT_LOC) &&
      (prev->type == ART_ENT_LAW ||
       (prev->type == ART_ENT_ORG && type == ART_ENT_GPE && !prev->dateline && b - a <= 2 &&
        /* not a company's base: "... Services of Houston, Texas" */
        !(b + 1 < n && tok_is(doc, &toks[b], ",") && (toks[b + 1].flags & ART_TOK_CAP)) &&
        (tail_of = LOOKUP_LOWER(org_words, doc + prev->last_start, prev->end - prev->last_start, 0)) &&
        strcmp(tail_of->extra, "end") != 0 && strcmp(tail_of->extra, "media") != 0))) {
    extend_mention(prev, toks, b, (int)(b - a + 1));
    return 1;
  }
  /* "Institute for the Study" + "of War": a body "for" something goes on
     through "of" and capitalised words to the end of what it is for */
  size_t of_the = a >= 3 && tok_is(doc, &toks[a - 1], "the") ? 1 : 0;   /* "... of the Niger Delta" */
  if (a >= 2 + of_the && prev->type == ART_ENT_ORG && !prev->orphan && !prev->dateline &&
      tok_is(doc, &toks[a - 1 - of_the], "of") && toks[a - 2 - of_the].end == prev->end &&
      (type == ART_ENT_ORG || type == ART_ENT_NONE || (type == ART_ENT_GPE && b - a == 1)) && b - a <= 4 &&
      has_for_the(doc + prev->start, prev->end - prev->start)) {
    int caps = 1;
    for (size_t q = a; q < b && caps; q++) caps = (toks[q].flags & ART_TOK_CAP) != 0;
    if (caps) {
      extend_mention(prev, toks, b, (int)(b - a + 1 + of_the));
      prev->type = ART_ENT_ORG;
      return 1;
    }
  }
  /* "Court of Justice" + "of the European Union": a body named "X of Y"
     goes on through "of (the)" to the name of what it belongs to */
  if (a >= 3 && prev->type == ART_ENT_ORG && !prev->orphan && !prev->dateline && b - a <= 3 &&
      (type == ART_ENT_ORG || type == ART_ENT_GPE) && (toks[a].flags & ART_TOK_CAP) &&
      tok_is(doc, &toks[a - 1], "the") && tok_is(doc, &toks[a - 2], "of") && toks[a - 3].end == prev->end &&
      prev->end - prev->start > 4 && contains_of(doc + prev->start, prev->end - prev->start)) {
    const art_table_entry *head = LOOKUP_LOWER(org_words, doc + prev->start,
                                                       prev->first_end - prev->start, 0);
    if (head && strcmp(head->extra, "end") != 0 && strcmp(head->extra, "media") != 0) {
      extend_mention(prev, toks, b, (int)(b - a + 2));
      prev->type = ART_ENT_ORG;
      return 1;
    }
  }
  if (type != ART_ENT_ORG && type != ART_ENT_NONE) return 0;
  /* "Department for Culture" + ", Media and Sport": a list of common words
     after a comma goes on with the name of a body "of" or "for" them */
  if (prev->type == ART_ENT_ORG && a >= 2 && tok_is(doc, &toks[a - 1], ",") && toks[a - 2].end == prev->end &&
      (toks[b - 1].flags & ART_TOK_CAP) && name_has_of(doc, prev)) {
    int ok = 1;
    for (size_t q = a; q < b && ok; q++) {
      uint32_t bits = gaz_bits(doc + toks[q].start, tok_len(&toks[q]), 0);
      ok = tok_is(doc, &toks[q], "and") || tok_is(doc, &toks[q], "&") ||
           ((toks[q].flags & ART_TOK_CAP) && ((bits & ART_GAZ_COMMON) ||     /* the last may be rarer: "Sport" */
            (q == b - 1 && q > a && tok_is(doc, &toks[q - 1], "and") &&
             !(bits & (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES)))));
    }
    if (ok) {
      extend_mention(prev, toks, b, (int)(b - a + 1));
      return 1;
    }
  }
  /* "Science" + ", Innovation and Technology Committee": a list of common
     words before a body's name is part of it */
  if (a >= 2 && tok_is(doc, &toks[a - 1], ",") && toks[a - 2].end == prev->end && prev->ntok <= 2 &&
      (prev->orphan || prev->type == ART_ENT_ORG) && b - a >= 3 && closing_org_word(doc, &toks[b - 1])) {
    uint32_t pbits = gaz_bits(doc + prev->start, prev->end - prev->start, 0);
    int ok = (pbits & ART_GAZ_COMMON) ||
             !(pbits & (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES | ART_GAZ_ACRONYMS)),
        has_and = 0;
    for (size_t q = a; q + 1 < b && ok; q++) {
      has_and |= tok_is(doc, &toks[q], "and");
      uint32_t bits = gaz_bits(doc + toks[q].start, tok_len(&toks[q]), 0);
      ok = tok_is(doc, &toks[q], "and") ||
           ((toks[q].flags & ART_TOK_CAP) && ((bits & ART_GAZ_COMMON) ||
            !(bits & (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES))));
    }
    if (ok && has_and) {
      extend_mention(prev, toks, b, (int)(b - a + 1));
      name_mention(prev, ART_ENT_ORG);
      return 1;
    }
  }
  size_t k = a;
  while (k > first_tok && toks[k - 1].end > prev->end && is_name_connector(doc, &toks[k - 1])) k--;
  if (k == 0 || toks[k - 1].end != prev->end) return 0;
  size_t gap = a - k;
  const char *lastw = doc + prev->last_start;
  size_t lastl = prev->end - prev->last_start;
  const art_table_entry *tail = LOOKUP_LOWER(org_words, lastw, lastl, 0);
  if (tail && LOOKUP_LOWER(org_legal_forms, lastw, lastl, 0)) tail = NULL;   /* "GmbH" + "of Stuttgart" */
  int ok = 0;
  if (prev->type == ART_ENT_ORG && gap >= 1 && gap <= 2 && tail && !tok_is(doc, &toks[k], "and") &&
      !tok_is(doc, &toks[k], "&") && !tok_is(doc, &toks[k], "the"))
    ok = 1;
  else if (prev->type == ART_ENT_ORG && gap == 1 && tok_is(doc, &toks[k], "and") && name_has_of(doc, prev) &&
           (common_words_only(doc, toks, a, b) || field_of_study(doc, toks, a, b)))
    ok = 1;
  else if (prev->type == ART_ENT_NORP && gap == 0 && prev->ntok == 1 && b - a >= 3 &&
           LOOKUP_LOWER(org_words, doc + toks[a].start, tok_len(&toks[a]), 0) &&
           tok_is(doc, &toks[a + 1], "of"))
    ok = 1;
  /* "Russian" + "Foreign Ministry", "Norwegian" + "Energy Regulatory
     Authority": a nationality right before a body's name that closes with
     an organisation word is the first word of that name */
  else if (prev->type == ART_ENT_NORP && gap == 0 && prev->ntok == 1 && b - a >= 2 && type == ART_ENT_ORG &&
           !prev->dateline && closing_org_word(doc, &toks[b - 1]) &&
           /* not half of "South Korean": a capitalised word before must be
              a function word opening the sentence ("The") */
           !(prev->prev_end + 1 == prev->start && doc[prev->prev_start] >= 'A' && doc[prev->prev_start] <= 'Z' &&
             !function_word(doc + prev->prev_start, prev->prev_end - prev->prev_start)) &&
           !LOOKUP_LOWER(org_legal_forms, doc + toks[b - 1].start, tok_len(&toks[b - 1]), 0))
    ok = 1;
  if (!ok) return 0;
  extend_mention(prev, toks, b, (int)(b - k));
  prev->type = ART_ENT_ORG;
  return 1;
}

/*
** "Annelies van der Berg", "Omar al-Bashir": a person's name continued after
** lower-case name particles (ext/data/quote_words.tsv marks them) that the
** tagger left out.  Returns 1 when prev was extended over tokens up to b.
*/
static int join_particle_name(const tables *tb, const char *doc, const art_token *toks, size_t a, size_t b,
                              art_etype type, mention *prev) {
  if (!prev || prev->is_value || a < 2 || type == ART_ENT_NONE) return 0;
  size_t k = a;
  while (k > 0 && toks[k - 1].end > prev->end) {
    const art_token *t = &toks[k - 1];
    if (!(t->flags & ART_TOK_LOWER) || !is_particle(tb, doc + t->start, tok_len(t))) return 0;
    k--;
  }
  if (k == a || toks[k - 1].end != prev->end) return 0;
  /* "Palais" + "des Nations", "Palazzo" + "della Consulta": a facility
     opened by a head word of another language goes on the same way */
  const art_table_entry *head = NULL;
  if (prev->type != ART_ENT_PERSON &&
      !((head = LOOKUP_LOWER(fac_words, doc + prev->start, prev->first_end - prev->start, 0)) &&
        strstr(head->extra, "head")))
    return 0;
  if (!head && type != ART_ENT_PERSON && type != ART_ENT_ORG && type != ART_ENT_GPE) return 0;
  prev->end = toks[b - 1].end;
  prev->last_start = toks[a].start;
  prev->ntok += (int)(b - k);
  if (head) name_mention(prev, ART_ENT_FAC);
  return 1;
}

/*
** "the Ohio River": a natural-feature or facility word that the tagger left
** as a name of its own right after another name joins it.  Returns 1 when
** the previous mention m was extended over token a.
*/
static int join_feature_word(const tables *tb, const char *doc, const art_token *toks, size_t a, size_t b,
                             mention *prev) {
  if (b - a != 1 || a == 0 || !prev || prev->is_value || prev->end != toks[a - 1].end) return 0;
  if (!(toks[a].flags & ART_TOK_CAP)) return 0;
  const art_table_entry *e = LOOKUP_TOKEN_HOT(fac_words, doc, &toks[a]);
  if (!e || !strstr(e->extra, "end") || strstr(e->extra, "weak"))
    e = LOOKUP_TOKEN_HOT(name_ends, doc, &toks[a]);  /* "… City Marathon" */
  if (!e) return 0;
  if (prev->type == ART_ENT_PERSON) return 0;
  /* a capitalised run the tagger left ("Finance" + "Bill") is a name now,
     unless it is a sentence's opening word ("The" + "Act") */
  if (prev->orphan) {
    if (prev->initial && prev->ntok == 1 &&
        (LOOKUP_LOWER(sentence_starters, doc + prev->start, prev->end - prev->start, 0) ||
         (gaz_bits(doc + prev->start, prev->end - prev->start, 0) & ART_GAZ_COMMON)))
      return 0;
    prev->orphan = 0;
    if (prev->score < 1) prev->score = 1;
  }
  prev->end = toks[a].end;
  prev->last_start = toks[a].start;
  prev->ntok++;
  prev->type = art_etype_from_name(e->value, strlen(e->value));
  return 1;
}

/* A token of digits only ("20" of "House Bill 20"). */
static int all_digits(const char *doc, const art_token *t) {
  if (!(t->flags & ART_TOK_DIGIT)) return 0;   /* the tokenizer's flag: no digit at all (most words asked) */
  for (size_t k = t->start; k < t->end; k++) if (doc[k] < '0' || doc[k] > '9') return 0;
  return t->end > t->start;
}

/*
** "Boston Children's Hospital", "St. Mary's Hospital": a possessive (token p)
** that belongs to the name, after a plural noun of ext/data/name_possessives.tsv
** or a saint's name, where "Egypt's Health Ministry" has an owner's.
*/
static RARE int name_possessive(const char *doc, const art_token *toks, size_t p) {
  if (p == 0 || !(toks[p].flags & ART_TOK_POSSESSIVE) || !(toks[p - 1].flags & ART_TOK_CAP)) return 0;
  if (LOOKUP_LOWER(name_possessives, doc + toks[p - 1].start, tok_len(&toks[p - 1]), 0)) return 1;
  return p >= 2 && (tok_is(doc, &toks[p - 2], "St.") || tok_is(doc, &toks[p - 2], "St") ||
                    tok_is(doc, &toks[p - 2], "Saint"));
}

/*
** "Children" + "'s" + "Hospital of Philadelphia": a name that the tagger
** started after such a possessive joins the words before it.  Returns 1 when
** prev was extended over tokens [a, b).
*/
/*
** Could one of the join_*() rules take tokens from a on into prev?  Each
** needs prev to end right before a or one or two tokens before, or a run
** of name particles (join_particle_name()) or connectors
** (join_connected_org()) between: a walk over the few tokens between
** spares most names the six calls.
*/
static inline __attribute__((always_inline)) int joiner(const tables *tb, const char *doc, const art_token *t) {
  /* is_name_connector() by the word's length first: most tokens asked about are none of its words */
  size_t n = tok_len(t);
  const char *z = doc + t->start;
  switch (n) {
  case 1: if (z[0] == '&') return 1; break;
  case 2: if (z[0] == 'o' && (z[1] == 'f' || z[1] == 'n')) return 1; break;
  case 3:
    if (memcmp(z, "for", 3) == 0 || memcmp(z, "the", 3) == 0 || memcmp(z, "and", 3) == 0) return 1;
    break;
  }
  return (t->flags & ART_TOK_LOWER) && is_particle(tb, z, n);
}
static int may_join(const tables *tb, const char *doc, const art_token *toks, size_t a, const mention *prev) {
  /* up to two tokens of any kind between; three or more only when every one is a joiner */
  /* (tokens end in order: prev ends before token a - 3 ends, or the walk is of two steps at most) */
  size_t k = a;
  if (a >= 3 && toks[a - 3].end > prev->end) {
    if (!joiner(tb, doc, &toks[a - 1]) || !joiner(tb, doc, &toks[a - 2])) return -1;   /* most names stop here */
    for (k = a - 2; k > 0 && toks[k - 1].end > prev->end; k--)
      if (!joiner(tb, doc, &toks[k - 1])) return -1;
  } else {
    while (k > 0 && a - k < 2 && toks[k - 1].end > prev->end) k--;
  }
  return k > 0 && toks[k - 1].end == prev->end ? (int)(a - k) : -1;
}

static int join_possessive_name(const char *doc, const art_token *toks, size_t a, size_t b, art_etype type,
                                mention *prev) {
  if (type != ART_ENT_ORG && type != ART_ENT_FAC) return 0;
  /* "Brigham" + "and" + "Women's Hospital" */
  if (a >= 2 && b - a >= 3 && prev && !prev->is_value && prev->end == toks[a - 2].end && tok_is(doc, &toks[a - 1], "and") &&
      name_possessive(doc, toks, a + 1) && prev->ntok <= 2 && !(prev->type == ART_ENT_PERSON && prev->ntok == 2)) {
    extend_mention(prev, toks, b, (int)(b - a + 1));
    name_mention(prev, type);
    return 1;
  }
  if (a < 2 || !prev || prev->is_value || prev->end != toks[a - 2].end || !name_possessive(doc, toks, a - 1))
    return 0;
  extend_mention(prev, toks, b, (int)(b - a + 1));
  name_mention(prev, type);
  return 1;
}

/* A token that mixes letters and digits: a model code ("T7", "A380", "S24"). */
static int model_code(const char *doc, const art_token *t) {
  int letters = 0, digits = 0;
  for (size_t k = t->start; k < t->end; k++) {
    char c = doc[k];
    letters |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    digits |= c >= '0' && c <= '9';
  }
  return letters && digits;
}

/*
** "Corvo" + "T7": a model code the tagger took for a name of its own right
** after a name (not a person's) joins it, and the whole is a product.
*/
static int join_model_code(const char *doc, const art_token *toks, size_t a, size_t b, mention *prev) {
  if (b - a != 1 || a == 0 || !prev || prev->is_value || prev->end != toks[a - 1].end) return 0;
  if (!model_code(doc, &toks[a]) || !(toks[a].flags & ART_TOK_CAP) || prev->orphan) return 0;
  if (FIND_AS_WRITTEN(acronyms, doc + toks[a].start, tok_len(&toks[a]))) return 0;   /* "G-8" */
  if (prev->type == ART_ENT_PERSON || prev->type == ART_ENT_NORP || prev->dateline) return 0;
  if (gaz_bits(doc + prev->start, prev->end - prev->start, 1) & (ART_GAZ_COUNTRIES | ART_GAZ_US_STATES)) return 0;
  prev->end = toks[a].end;
  prev->last_start = toks[a].start;
  prev->ntok++;
  prev->type = ART_ENT_PRODUCT;
  prev->orphan = 0;
  prev->score = 1 << 20;
  return 1;
}

/*
** The join_*() rules in turn, each asked only where the tokens between prev
** and a (gap of them, from may_join()) leave it a chance: right after prev,
** a feature word, an organisation word, a model code, or a body's name after
** a nationality (join_connected_org()'s only rule without a word between);
** after words between, name particles, a possessive ("Children" + "'s" +
** "Hospital") or connectors.  The rules a gap rules out would say no after
** their own checks, so the outcome is theirs.
*/
static int join_previous(const tables *tb, const char *doc, const art_token *toks, size_t n, size_t a, size_t b,
                         art_etype type, mention *prev, int gap) {
  if (gap == 0)
    return join_feature_word(tb, doc, toks, a, b, prev) || join_org_name(doc, toks, a, b, type, prev) ||
           join_model_code(doc, toks, a, b, prev) ||
           (prev->type == ART_ENT_NORP && join_connected_org(doc, toks, n, a, b, type, prev, 0));
  return join_particle_name(tb, doc, toks, a, b, type, prev) ||
         (gap == 1 && join_possessive_name(doc, toks, a, b, type, prev)) ||
         join_connected_org(doc, toks, n, a, b, type, prev, 0);
}

/*
** Tokens [a, p) read as a person's name: a given name or initials first
** ("J.R. Okonkwo", "Sam Okonjo"), then capitalised words that are no
** organisation, facility or place word.
*/
static RARE int person_words(const char *doc, const art_token *toks, size_t a, size_t p) {
  const art_token *f = &toks[a];
  size_t fl = tok_len(f);
  int initials = fl >= 2 && fl <= 5 && doc[f->end - 1] == '.' && (f->flags & ART_TOK_ALLCAPS);
  if (!initials && !(gaz_bits(doc + f->start, fl, 0) & ART_GAZ_FIRST_NAMES)) return 0;
  for (size_t k = a; k < p; k++) {
    if (!(toks[k].flags & ART_TOK_CAP)) return 0;
    if (gaz_bits(doc + toks[k].start, tok_len(&toks[k]), 1) &
        (ART_GAZ_ORG_WORDS | ART_GAZ_FAC_WORDS | ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES |
         ART_GAZ_TITLES))
      return 0;
  }
  return 1;
}

/* The context_words.tsv entry of a token with the given extra ("noun", "suffix"), or NULL. */
static const art_table_entry *context_word(const char *doc, const art_token *t, const char *kind) {
  if (!(t->flags & ART_TOK_WORD)) return NULL;
  const art_table_entry *e = LOOKUP_TOKEN_HOT(context_words, doc, t);
  return e && strcmp(e->extra, kind) == 0 ? e : NULL;
}

/* A token that closes an appositive or a clause: "," "." ";" ":" a bracket or quote mark. */
static int clause_punct(const char *doc, const art_token *t) {
  if (t->flags & ART_TOK_POSSESSIVE) return 0;     /* "the country's largest operator" */
  return (t->flags & (ART_TOK_QUOTE | ART_TOK_OPEN)) || tok_is(doc, t, ",") || tok_is(doc, t, ".") ||
         tok_is(doc, t, ";") || tok_is(doc, t, ":") || tok_is(doc, t, ")") || tok_is(doc, t, "(");
}

/* The product_cues.tsv entry of a lower-case token with the given kind ("maker", "owner"...), or NULL.
   Asked only where product_cue_filter() or a rare cue let it, behind the
   list's word filter. */
static const art_table_entry *product_cue(const char *doc, const art_token *t, const char *kind) {
  size_t n = tok_len(t);
  if (!(t->flags & ART_TOK_LOWER) || n >= 64) return NULL;
  char buf[64];
  const art_table_entry *e = FIND_AS_WRITTEN(product_cues, lower_key(doc + t->start, n, buf), n);
  return e && strcmp(e->extra, kind) == 0 ? e : NULL;
}

/* A product noun: context_words.tsv's, or one of product_cues.tsv's that
   count only after an owner word ("its Nova assistant") when extra_nouns. */
static int product_noun(const char *doc, const art_token *t, int extra_nouns) {
  const art_table_entry *e = context_word(doc, t, "noun");
  if (e) return strcmp(e->value, "PRODUCT") == 0;
  return extra_nouns && product_cue(doc, t, "noun") != NULL;
}

/*
** Words before tokens [a, b) that say the name is a product, whatever
** the tagger made of it (a new drug's name reads like a town or a firm):
**   PRODUCT_CUE      "the drug Veltrana"        a product noun after "the", "a";
**                    "the drugmaker's Lunessa"  a maker's possessive;
**                    "will be sold as Lunavia"  a selling verb and "as";
**                    "a drug called Veltrana"   a naming verb after a product noun;
**   PRODUCT_OWNER    "its Corvara vaccine"      an owner word: a product noun
**                    after the name decides (context_type_search()).
** Asked of every name after a lower-case word, so the cheap tests come
** first and the common case costs one filtered look-up.
*/
enum { PRODUCT_NONE, PRODUCT_CUE, PRODUCT_OWNER };
static int product_cue_before(const char *doc, const art_token *toks, size_t a) {
  const art_token *p = &toks[a - 1], *pp = &toks[a - 2];
  if (p->flags & ART_TOK_POSSESSIVE) return product_cue(doc, pp, "maker") ? PRODUCT_CUE : PRODUCT_NONE;
  if (!(p->flags & ART_TOK_LOWER)) return PRODUCT_NONE;
  if (tok_is(doc, p, "as")) return product_cue(doc, pp, "as") ? PRODUCT_CUE : PRODUCT_NONE;
  if (tok_is(doc, pp, "the") || tok_is(doc, pp, "a") || tok_is(doc, pp, "an"))
    return product_noun(doc, p, 0) ? PRODUCT_CUE : PRODUCT_NONE;
  char buf[64];
  size_t pl = tok_len(p);
  const art_table_entry *e = pl < 64 ? FIND_AS_WRITTEN(product_cues, lower_key(doc + p->start, pl, buf), pl) : NULL;
  if (!e) return PRODUCT_NONE;
  if (strcmp(e->extra, "owner") == 0) return PRODUCT_OWNER;
  if (strcmp(e->extra, "called") == 0)
    for (size_t k = a - 1; k > 0 && k + 4 > a; k--)
      if (product_noun(doc, &toks[k - 1], 1)) return PRODUCT_CUE;
  return PRODUCT_NONE;
}

/*
** "the Ravi, Sutlej and Chenab rivers": a name in a list of names that a
** plural feature noun closes is a location.  The feature nouns are the
** natural-feature words of ext/data/fac_words.tsv (value LOC: "river",
** "lake", "islands"), found by the plural itself or without its "s".
** The walk from token b passes commas, "and", "or" and capitalised words;
** most names stop at the first word (only a plural is looked up).
*/
static inline int kind_may_hold_key(unsigned slot, const art_table *tab, int in_extra, const char *kind,
                                    const char *key, size_t n);   /* below, with the other kinds' filters */
static inline int kind_may_hold(unsigned slot, const art_table *tab, int in_extra, const char *kind,
                                const char *doc, const art_token *t);
/* May t be a natural feature's word, whole or without its "s"?  0: surely
   not (the filter of the list's LOC entries says so of nearly every word
   asked, "says", "was", "has"). */
static inline int may_be_feature(const char *doc, const art_token *t) {
  size_t len = tok_len(t);
  const char *z = doc + t->start;
  return (len > 2 && kind_may_hold_key(FILTER_FEATURES, &art_table_fac_words, 0, "LOC", z, len)) ||
         (len > 3 && kind_may_hold_key(FILTER_FEATURES, &art_table_fac_words, 0, "LOC", z, len - 1));
}

static int natural_feature_plural(const char *doc, const art_token *t) {
  size_t len = tok_len(t);
  if (!may_be_feature(doc, t)) return 0;
  for (size_t cut = 0; cut < 2 && len > cut + 2; cut++) {
    const art_table_entry *e = LOOKUP_LOWER(fac_words, doc + t->start, len - cut, 0);
    if (e) return strcmp(e->value, "LOC") == 0;
  }
  return 0;
}

static int listed_feature(const char *doc, const art_token *toks, size_t n, size_t b) {
  for (size_t k = b; k < n && k < b + 12; k++) {
    const art_token *t = &toks[k];
    if (tok_is(doc, t, ",") || tok_is(doc, t, "and") || tok_is(doc, t, "or") || (t->flags & ART_TOK_CAP)) continue;
    if (!(t->flags & ART_TOK_LOWER) || doc[t->end - 1] != 's') return 0;
    return natural_feature_plural(doc, t);
  }
  return 0;
}

/* The noun of context_words.tsv that heads tokens from k on, within max words: "a $1,499 mixed-reality headset". */
static RARE const art_table_entry *noun_ahead(const char *doc, const art_token *toks, size_t n, size_t k, size_t max) {
  for (size_t end = k + max; k < n && k < end && !clause_punct(doc, &toks[k]); k++) {
    const art_table_entry *e = (toks[k].flags & ART_TOK_LOWER) ? context_word(doc, &toks[k], "noun") : NULL;
    if (!e) continue;
    /* the noun must head its phrase: "plane" of "plane maker" does not */
    const art_token *nx = k + 1 < n ? &toks[k + 1] : NULL;
    if (!nx || clause_punct(doc, nx) || LOOKUP_LOWER(sentence_starters, doc + nx->start, tok_len(nx), 0) ||
        ((nx->flags & ART_TOK_LOWER) && !(nx->flags & ART_TOK_HYPHEN) && tok_len(nx) > 4 &&
         doc[nx->end - 2] == 'e' && doc[nx->end - 1] == 'd') ||
        product_cue(doc, nx, "head") || product_cue(doc, nx, "as"))
      return e;                            /* "... drugmaker based in", "a drug made by" */
  }
  return NULL;
}

/*
** The type the words around tokens [a, b) give a name (PRODUCT, WORK_OF_ART;
** ext/data/context_words.tsv), or NONE:
**   - a noun right after it: "the Halo headset", "Cascade models"; after a
**     model code, two words may come between ("Summit XT sport utility
**     vehicles"); "Cascade and Summit XT" share the noun;
**   - an appositive after it: "the Lumen Pro, a $1,499 mixed-reality headset";
**   - an appositive it is: "a similar drug already on the market, Leqvio,",
**     "her new book, Slow Hours,".
** Places the gazetteers know, nationalities and people with a given name keep
** their type; an organisation only yields to a product when its name ends
** in a model code ("X9", "XT", "Pro"), as companies are named before their
** products ("Pfizer vaccine").
*/
/* Is every byte of t an ASCII capital? */
static int all_ascii_caps(const char *doc, const art_token *t) {
  for (size_t k = t->start; k < t->end; k++)
    if (!(doc[k] >= 'A' && doc[k] <= 'Z')) return 0;
  return 1;
}

static __attribute__((noinline)) art_etype context_type_search(const char *doc, const art_token *toks, size_t n, size_t a, size_t b,
                                      art_etype type, int confident, int maybe_cue) {
  int cue_before = maybe_cue ? product_cue_before(doc, toks, a) : PRODUCT_NONE;
  if (cue_before == PRODUCT_OWNER && !(b < n && (toks[b].flags & ART_TOK_LOWER))) cue_before = PRODUCT_NONE;
  const art_token *first = &toks[a], *last = &toks[b - 1];
  const art_token *next = b < n ? &toks[b] : NULL;
  int comma_before = a >= 2 && (doc[toks[a - 1].start] == ',' || doc[toks[a - 2].start] == ',');
  int noun_after = next && (!confident || cue_before == PRODUCT_OWNER) &&
                   ((next->flags & ART_TOK_LOWER) || doc[next->start] == ',');
  if (!comma_before && !noun_after && !cue_before && !(last->flags & ART_TOK_DIGIT)) return ART_ENT_NONE;
  size_t ll = tok_len(last);
  /* the last word's letters and digits: looked at only when it holds a
     digit (the flag); whether it is all capitals, only when MODEL() asks */
  int letters = 0, digits = 0, caps = -1;
  if (last->flags & ART_TOK_DIGIT) {
    caps = 1;
    for (size_t k = last->start; k < last->end; k++) {
      char c = doc[k];
      letters += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      digits += c >= '0' && c <= '9';
      if (!(c >= 'A' && c <= 'Z')) caps = 0;
    }
  }
  /* a model code or a product-name ending: computed when a cue needs it (-1: not yet) */
  int model = letters && digits ? 1 : -1;
#define CAPS() (caps >= 0 ? caps : (caps = all_ascii_caps(doc, last)))
#define MODEL() (model >= 0 ? model : (model = (ll <= 5 && context_word(doc, last, "suffix")) || \
                 (b - a >= 2 && ll >= 2 && ll <= 3 && CAPS() && !LOOKUP_LOWER(org_legal_forms, doc + last->start, ll, 0))))
  art_etype found = ART_ENT_NONE;
  /* "Aurora X9", "Airbus A380": a name closed by a model code is a product */
  if (b - a >= 2 && letters && digits && type != ART_ENT_PERSON) {
    if (gaz_bits(doc + first->start, tok_len(first), 1) & (ART_GAZ_COUNTRIES | ART_GAZ_US_STATES)) return ART_ENT_NONE;
    found = ART_ENT_PRODUCT;
  }
  /* "the drug Veltrana", "sold as Lunavia" */
  if (!found && cue_before == PRODUCT_CUE) found = ART_ENT_PRODUCT;
  /* "its Corvara vaccine", "the drugmaker's Lunessa pill": an owner before
     makes the noun after count even after a company's name, and adds the
     nouns of product_cues.tsv ("its Nova assistant", and "the Trellic app"
     after a name that is no company's) */
  int owner = cue_before == PRODUCT_OWNER;
  int extra_nouns = owner || (type != ART_ENT_ORG && a >= 1 && tok_is(doc, &toks[a - 1], "the"));
  /* "the Ravi, Sutlej and Chenab rivers" */
  if (!found && noun_after && type != ART_ENT_FAC && listed_feature(doc, toks, n, b))
    return gaz_bits(doc + first->start, last->end - first->start, 1) &
           (ART_GAZ_COUNTRIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_DEMONYMS) ? ART_ENT_NONE : ART_ENT_LOC;
  const art_table_entry *e = NULL;
  /* a noun right after, or after "and" and the next name */
  size_t k = b;
  if (!found && k + 1 < n && (tok_is(doc, &toks[k], "and") || tok_is(doc, &toks[k], "or")) &&
      (toks[k + 1].flags & ART_TOK_CAP)) {
    k++;
    while (k < n && k < b + 5 && (toks[k].flags & ART_TOK_HAS_UPPER)) k++;
  }
  for (size_t gap = 0; noun_after && !found && !e && k + gap < n && (gap == 0 || (gap <= 2 && MODEL())); gap++) {
    const art_token *t = &toks[k + gap];
    if (!(t->flags & ART_TOK_LOWER)) break;
    e = context_word(doc, t, "noun");
    if (!e && extra_nouns) e = product_cue(doc, t, "noun");
    /* the noun must head its phrase: not "the Cannes film festival", "Sinaloa
       drug cartels" */
    const art_token *after = k + gap + 1 < n ? &toks[k + gap + 1] : NULL;
    if (e && after && (after->flags & ART_TOK_LOWER) &&
        (context_word(doc, after, "compound") || context_word(doc, after, "noun") ||
         (strcmp(e->value, "WORK_OF_ART") == 0 &&
          !LOOKUP_LOWER(sentence_starters, doc + after->start, tok_len(after), 0))))
      e = NULL;
  }
  /* companies are named before their products ("Pfizer vaccine"): after an
     organisation the product noun counts only with a model code; a region
     keeps its type before a facility noun ("Middle East port") */
  if (e && type == ART_ENT_ORG && strcmp(e->value, "PRODUCT") == 0 && !MODEL() &&
      !(owner && !(first->flags & ART_TOK_ALLCAPS)))   /* "their UNICEF vehicle" */
    e = NULL;
  if (e && type == ART_ENT_LOC && strcmp(e->value, "FAC") == 0) e = NULL;
#undef MODEL
#undef CAPS
  /* an appositive after: ", a ... headset" */
  if (!found && !e && b + 2 < n && tok_is(doc, &toks[b], ",") &&
      (tok_is(doc, &toks[b + 1], "a") || tok_is(doc, &toks[b + 1], "an") || tok_is(doc, &toks[b + 1], "the")))
    e = noun_ahead(doc, toks, n, b + 2, 6);
  /* an appositive itself: "a similar drug already on the market, Leqvio,":
     the noun heads the phrase before the comma (not "maker of jetliners,",
     "software purchased from a company,") */
  if (!found && !e && comma_before && (b == n || clause_punct(doc, &toks[b]))) {
    size_t c = tok_is(doc, &toks[a - 1], ",") ? a - 1
             : a >= 3 && tok_is(doc, &toks[a - 1], "the") && tok_is(doc, &toks[a - 2], ",") ? a - 2 : 0;
    for (size_t j = c, stop = c > 6 ? c - 6 : 0; c && j > stop && !clause_punct(doc, &toks[j - 1]); j--) {
      const art_token *t = &toks[j - 1];
      if (!(t->flags & ART_TOK_LOWER) || !context_word(doc, t, "noun")) continue;
      const art_token *next = &toks[j];
      if (j - 1 > 0 && tok_is(doc, &toks[j - 2], "of")) continue;   /* "maker of jetliners": not the head */
      if (j == c || tok_is(doc, next, "already") || tok_is(doc, next, "now") || tok_is(doc, next, "also") ||
          tok_is(doc, next, "currently") || tok_is(doc, next, "still") ||
          ((next->flags & ART_TOK_LOWER) &&
           LOOKUP_LOWER(sentence_starters, doc + next->start, tok_len(next), 0)))
        e = context_word(doc, t, "noun");
      break;
    }
  }
  if (e) found = art_etype_from_name(e->value, strlen(e->value));
  if (!found) return ART_ENT_NONE;
  /* the words of the name may still say otherwise (checked last: cues are rare) */
  if (gaz_bits(doc + first->start, last->end - first->start, 1) &
      (ART_GAZ_COUNTRIES | (owner ? 0 : ART_GAZ_CITIES) | ART_GAZ_US_STATES | ART_GAZ_DEMONYMS | ART_GAZ_ACRONYMS))
    return ART_ENT_NONE;   /* a town's name after "its" and before a product noun is the product's */
  /* "an African Union helicopter": a body's or a building's name is no product */
  for (size_t q = a; found != ART_ENT_ORG && q < b; q++)
    if (gaz_bits(doc + toks[q].start, tok_len(&toks[q]), 1) & (ART_GAZ_ORG_WORDS | ART_GAZ_FAC_WORDS))
      return ART_ENT_NONE;
  return found;
}

/* May product_cue_before() find a cue?  0: surely not; its steps, with the
   filters of product_cues.tsv's words and of the noun lists in place of
   the look-ups. */
static inline int product_cue_may(const char *doc, const art_token *toks, size_t a) {
  const art_token *p = &toks[a - 1], *pp = &toks[a - 2];
  if ((p->flags & ART_TOK_POSSESSIVE) || tok_is(doc, p, "as"))
    return (pp->flags & ART_TOK_LOWER) && kind_may_hold(FILTER_CUES, &art_table_product_cues, 1, NULL, doc, pp);
  if (!(p->flags & ART_TOK_LOWER)) return 0;
  if (tok_is(doc, pp, "the") || tok_is(doc, pp, "a") || tok_is(doc, pp, "an"))
    return kind_may_hold(FILTER_NOUNS, NULL, 1, "noun", doc, p);
  return kind_may_hold(FILTER_CUES, &art_table_product_cues, 1, NULL, doc, p);
}

/* Most names have none of context_type_search()'s cues: a word after them
   that is not lower case or a comma, a comma before, a digit in the last
   word; a person or place the tagger is sure of is not looked at for the
   noun after it ("Biden said").  Tested here, where the call is. */
/* context_quick_none(): 1 when context_type() surely finds nothing
   without its search; else 0 and *maybe_cue for the search. */
static inline __attribute__((always_inline)) int context_quick_none(const tables *tb, const char *doc, const art_token *toks,
                                                                    size_t n, size_t a, size_t b, art_etype type,
                                                                    int confident, int *maybe_cue_out) {
  if (type == ART_ENT_PERSON && b - a >= 2) return 1;   /* people's names, mostly */
  int comma_before = a >= 2 && (doc[toks[a - 1].start] == ',' || doc[toks[a - 2].start] == ',');
  int noun_after = b < n && !confident && ((toks[b].flags & ART_TOK_LOWER) || doc[toks[b].start] == ',');
  /* a lower-case word or a possessive right before that may be a cue:
     product_cue_before() tells, out of line */
  int maybe_cue = 0;
  if (a >= 2 && (toks[a - 1].flags & (ART_TOK_LOWER | ART_TOK_POSSESSIVE))) {
    const art_token *p = &toks[a - 1];
    /* "sold as Lunavia": the verb before "as" is the word to ask about */
    if (tok_len(p) == 2 && doc[p->start] == 'a' && doc[p->start + 1] == 's') p = &toks[a - 2];
    size_t pl = tok_len(p);
    unsigned c = (unsigned char)doc[p->start] - 'a', c2 = (unsigned char)doc[p->start + 1] - 'a';
    maybe_cue = ((toks[a - 1].flags & ART_TOK_POSSESSIVE) ||
                 (c < 26 && c2 < 26 && (tb->cue_firsts[pl & 15] >> c & tb->cue_firsts[16 + (pl & 15)] >> c2 & 1))) &&
                product_cue_may(doc, toks, a);
  }
  /* (a comma before leaves the search only its appositives: the name
     before punctuation, or a comma after it) */
  if (!maybe_cue && !(toks[b - 1].flags & ART_TOK_DIGIT) &&
      !(comma_before && (b == n || clause_punct(doc, &toks[b])))) {
    if (!noun_after) return 1;
    /* left, the noun after ("Biden said", "Paris has"): a lower-case word
       that no list of nouns may hold, a plural of no natural feature, and
       a last word that is surely no model code (so no noun further on)
       give the search nothing to find */
    const art_token *next = &toks[b], *last = &toks[b - 1];
    size_t ll = tok_len(last);
    if ((next->flags & ART_TOK_LOWER) && !kind_may_hold(FILTER_NOUNS, NULL, 1, "noun", doc, next) &&
        !(doc[next->end - 1] == 's' && may_be_feature(doc, next)) &&
        !tok_is(doc, next, "and") && !tok_is(doc, next, "or") &&
        !(b - a >= 2 && ll >= 2 && ll <= 3) &&
        !(ll <= 5 && kind_may_hold(FILTER_SUFFIXES, &art_table_context_words, 1, "suffix", doc, last)))
      return 1;
  }
  *maybe_cue_out = maybe_cue;
  return 0;
}

static inline __attribute__((always_inline)) art_etype context_type(const tables *tb, const char *doc, const art_token *toks,
                                                                    size_t n, size_t a, size_t b, art_etype type, int confident) {
  int maybe_cue;
  if (context_quick_none(tb, doc, toks, n, a, b, type, confident, &maybe_cue)) return ART_ENT_NONE;
  return context_type_search(doc, toks, n, a, b, type, confident, maybe_cue);
}

/*
** "an analyst at Morningstar", "chief economist at the Resolution
** Foundation": a name right after a job (ext/data/speaker_roles.tsv, role)
** and "at" is where the job is held, an organisation.
*/
static __attribute__((noinline)) int after_role_at_search(const char *doc, const art_token *toks, size_t n, size_t a,
                                                           size_t b, size_t k) {
  /* not an owner or a base: "an official at Rangoon's prison", "at San Francisco-based" */
  if (b < n && ((toks[b].flags & ART_TOK_POSSESSIVE) || doc[toks[b].start] == '-' ||
                (toks[b].start == toks[b - 1].end && (toks[b].flags & ART_TOK_WORD))))
    return 0;
  const art_table_entry *e = LOOKUP_LOWER(speaker_roles, doc + toks[k - 2].start, tok_len(&toks[k - 2]), 0);
  return e && strcmp(e->value, "role") == 0;
}

/* (the words before first, where the call is: most names have no "at" there) */
static inline __attribute__((always_inline)) int after_role_at(const char *doc, const art_token *toks, size_t n, size_t a,
                                                              size_t b) {
  size_t k = a;
  if (k >= 1 && tok_is(doc, &toks[k - 1], "the")) k--;
  if (k < 2 || !tok_is(doc, &toks[k - 1], "at") || !(toks[k - 2].flags & ART_TOK_LOWER)) return 0;
  return after_role_at_search(doc, toks, n, a, b, k);
}

/* Tokens [a, b) are capitalised words none of which is an organisation,
   facility, place or title word: could be anyone's name ("Zhou Wenbin"). */
static RARE int plain_name_words(const char *doc, const art_token *toks, size_t a, size_t b) {
  for (size_t k = a; k < b; k++) {
    if (!(toks[k].flags & ART_TOK_CAP) || !(toks[k].flags & ART_TOK_WORD) || (toks[k].flags & ART_TOK_DIGIT)) return 0;
    if (gaz_bits(doc + toks[k].start, tok_len(&toks[k]), 1) &
        (ART_GAZ_ORG_WORDS | ART_GAZ_FAC_WORDS | ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES |
         ART_GAZ_TITLES | ART_GAZ_DEMONYMS | ART_GAZ_ACRONYMS | ART_GAZ_COMMON))
      return 0;
  }
  return 1;
}

/* "the ambassador, Zhou Wenbin, was": a name set off by commas after a job. */
static RARE int role_appositive(const char *doc, const art_token *toks, size_t n, size_t a, size_t b) {
  if (a < 2 || b >= n || !tok_is(doc, &toks[a - 1], ",") || !(toks[a - 2].flags & ART_TOK_LOWER)) return 0;
  if (!tok_is(doc, &toks[b], ",") && !tok_is(doc, &toks[b], ".")) return 0;
  const art_table_entry *e = LOOKUP_LOWER(speaker_roles, doc + toks[a - 2].start, tok_len(&toks[a - 2]), 0);
  return e && strcmp(e->value, "role") == 0;
}

/* Does the space-separated list hold word? */
static int list_has(const char *list, const char *word) {
  size_t n = strlen(word);
  for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return 1;
  return 0;
}

/* Is token t a word of ext/data/function_words.tsv with that role?  fold:
   in any case ("The"), else as written (the list is lower case). */
static int word_has_role(const char *doc, const art_token *t, const char *role, int fold) {
  size_t n = tok_len(t);
  const art_table_entry *e = fold ? LOOKUP_LOWER(function_words, doc + t->start, n, 0)
                                  : FIND_AS_WRITTEN(function_words, doc + t->start, n);
  return e && list_has(e->value, role);
}

/*
** "French is the only official language", "in English.", "the use of French
** by businesses": a language's name (ext/data/languages.tsv) the tagger or
** the gazetteers made a nationality stands where a language does -- before
** punctuation or a verb or preposition, not before a noun ("French
** officials"), nor after "the" or a copula ("the French", "he is Irish"):
** 2.  Else 1 when it is a nationality for sure ("French officials", "the
** French"), 0 when neither or no language's name (one look-up for both).
*/
static int language_role(const char *doc, const art_token *toks, size_t n, size_t a) {
  if (!LOOKUP_TOKEN_HOT(languages, doc, &toks[a])) return 0;
  /* used as a language */
  /* (the word after first: its tests are the cheaper, and they mostly fail) */
  if ((a + 1 == n || clause_punct(doc, &toks[a + 1]) || word_has_role(doc, &toks[a + 1], "language_next", 0)) &&
      !(a > 0 && word_has_role(doc, &toks[a - 1], "language_prev", 1)))
    return 2;
  /* a nationality for sure: "French officials", "the French" */
  if (a > 0 && (tok_is(doc, &toks[a - 1], "the") || tok_is(doc, &toks[a - 1], "The"))) return 1;
  if (a + 1 >= n || tok_is(doc, &toks[a + 1], "and") || tok_is(doc, &toks[a + 1], "or")) return 0;
  return (toks[a + 1].flags & (ART_TOK_LOWER | ART_TOK_CAP)) != 0;
}

/* ---- teams and companies ------------------------------------------------------ */

/*
** A cheap filter before a table look-up: the first (or last) letters of the
** entries of tab whose extra column holds `word`, as bits ('a' = bit 0).  A
** word that opens (or ends) with another letter needs no look-up.  Bit 31
** is always set, so a computed filter is never 0.
*/
static uint32_t letter_filter(const art_table *tab, const char *word, int last) {
  uint32_t bits = 1u << 31;
  for (uint32_t i = 0; i < tab->count; i++) {
    const art_table_entry *e = &tab->entries[i];
    char c = e->key_len ? e->key[last ? e->key_len - 1 : 0] : 0;
    if (list_has(e->extra, word) && c >= 'a' && c <= 'z') bits |= 1u << (c - 'a');
  }
  return bits;
}

/* Facility head words of ext/data/fac_words.tsv by first letter ("Avenida", "Plaza"). */
static uint32_t facility_heads(void) { return letter_filter(&art_table_fac_words, "head", 0); }

/* Company nouns of ext/data/org_context.tsv ("carrier", "company") by last
   letter, and 's' for their plurals ("makers"). */
static uint32_t business_endings(void) {
  return letter_filter(&art_table_org_context, "business", 1) | 1u << ('s' - 'a');
}

/* The first letters ('a' = bit 0) of the particles of ext/data/quote_words.tsv,
   by length (15: 15 bytes or more).  A particle that opens with another
   byte sets every letter of its length. */
static void particle_filter(uint32_t firsts[16]) {
  memset(firsts, 0, 16 * sizeof *firsts);
  for (uint32_t i = 0; i < art_table_quote_words.count; i++) {
    const art_table_entry *e = &art_table_quote_words.entries[i];
    if (strcmp(e->value, "particle") != 0) continue;
    unsigned char c = e->key_len ? (unsigned char)e->key[0] : 0;
    firsts[e->key_len < 15 ? e->key_len : 15] |= c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 0x3FFFFFFu;
  }
}

/* For product_cue_before(): which lower-case words could be a cue, by
   length (modulo 16) and first letter (firsts[0..15]) and second letter
   (firsts[16..31]) -- the owner, naming and selling words of
   product_cues.tsv and the nouns of context_words.tsv.  Most words before a name ("the", "in",
   "said", "from") are turned away without a look-up. */
static void product_cue_filter(uint32_t firsts[32]) {
  memset(firsts, 0, 32 * sizeof *firsts);
  const art_table *lists[2] = { &art_table_product_cues, &art_table_context_words };
  for (int l = 0; l < 2; l++)
    for (uint32_t i = 0; i < lists[l]->count; i++) {
      const art_table_entry *e = &lists[l]->entries[i];
      if (l == 0 ? strcmp(e->extra, "owner") != 0 && strcmp(e->extra, "called") != 0 && strcmp(e->extra, "as") != 0
                 : strcmp(e->extra, "noun") != 0)
        continue;                  /* the other kinds are asked two words before */
      for (size_t at = 0; at < 2; at++) {
        unsigned char c = e->key_len > at ? (unsigned char)e->key[at] : 0;
        firsts[at * 16 + (e->key_len & 15)] |= c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 0x3FFFFFFu;
      }
    }
}

/* The class ext/data/org_context.tsv gives word t ("team", "result", ...),
   written in lower case or capitalised as a sentence's first, or NULL. */
static const char *org_cue(const char *doc, const art_token *t) {
  if (!(t->flags & ART_TOK_LOWER) && !((t->flags & ART_TOK_INITIAL) && !(t->flags & ART_TOK_ALLCAPS))) return NULL;
  const art_table_entry *e = LOOKUP_TOKEN_HOT(org_context, doc, t);
  return e ? e->extra : NULL;
}

static int cue_is(const char *doc, const art_token *t, const char *cls) {
  const char *c = org_cue(doc, t);
  return c && strcmp(c, cls) == 0;
}

/* "Tuesday", "March": a date word is no team or company ("The carrier
   Tuesday said", "Thursday's profit"). */
static int date_word(const char *doc, const art_token *t) {
  return LOOKUP_TOKEN_HOT(value_words, doc, t) != NULL;
}

/* Words before a time: "during Ramadan", "the end of Ramadan", "this Easter". */

/* "Christmas", "Ramadan": a holiday of ext/data/value_words.tsv. */
/*
** A few entries of a list are of the kind a rule asks about (the holidays
** among value_words.tsv's, the "owned" cues among org_context.tsv's): a
** filter of their own, in a slot after the lists' (FILTER_*), says of
** most words that they are none without the list's look-up.  Its bytes
** go in with bit 5 set (as title_bit()'s do), so a word is asked as
** written for its lower-case key.  in_extra: the kind is the entry's
** third column, else its second.
*/
static RARE void add_kind_entries(word_filter *f, const art_table *tab, int in_extra, const char *kind) {
  for (uint32_t i = 0; i < tab->count; i++) {
    const art_table_entry *e = &tab->entries[i];
    if (e->key_len == 0 || (kind && strcmp(in_extra ? e->extra : e->value, kind) != 0)) continue;
    unsigned bit = filter_bit((unsigned char)e->key[0] | 0x20, (unsigned char)e->key[e->key_len - 1] | 0x20, e->key_len);
    f->bits[bit >> 6] |= 1ull << (bit & 63);
  }
}

/* (tab NULL: the nouns of context_words.tsv and product_cues.tsv, kind
   "noun" of both, for context_type(); kind NULL: every entry of tab) */
static RARE void build_kind_filter(word_filter *f, const art_table *tab, int in_extra, const char *kind) {
  memset(f->bits, 0, sizeof f->bits);
  if (tab) add_kind_entries(f, tab, in_extra, kind);
  else {
    add_kind_entries(f, &art_table_context_words, in_extra, kind);
    add_kind_entries(f, &art_table_product_cues, in_extra, kind);
  }
  f->table = tab ? tab : &art_table_context_words;
}

/* May key[0..n), lower-cased, be an entry of tab of that kind?  0: surely not. */
static inline int kind_may_hold_key(unsigned slot, const art_table *tab, int in_extra, const char *kind,
                                    const char *key, size_t n) {
  word_filter *fs = lowered.filters;
  if (!n || !fs) return 1;
  word_filter *f = &fs[WORD_FILTERS + DATA_LISTS + slot];
  if (!f->table) build_kind_filter(f, tab, in_extra, kind);
  const unsigned char *z = (const unsigned char *)key;
  unsigned bit = filter_bit(z[0] | 0x20, z[n - 1] | 0x20, n);
  return (f->bits[bit >> 6] >> (bit & 63)) & 1;
}

/* ...of token t */
static inline int kind_may_hold(unsigned slot, const art_table *tab, int in_extra, const char *kind,
                                const char *doc, const art_token *t) {
  return kind_may_hold_key(slot, tab, in_extra, kind, doc + t->start, tok_len(t));
}

static int holiday(const char *doc, const art_token *t) {
  if (!kind_may_hold(FILTER_HOLIDAYS, &art_table_value_words, 0, "holiday", doc, t)) return 0;
  const art_table_entry *e = LOOKUP_TOKEN_HOT(value_words, doc, t);
  return e && strcmp(e->value, "holiday") == 0;
}

/* Digits only, 1 to 3 of them. */
static int short_number(const char *doc, const art_token *t) {
  return tok_len(t) <= 3 && all_digits(doc, t);
}

/*
** Facts of a token that the rules ask about over and over, one byte each,
** worked out once as the batch is tokenized: can it open a capitalised run
** (a word with a capital and no digit), and is it a pronoun.
*/
enum { FACT_OPENS = 1, FACT_HE = 2, FACT_SHE = 4, FACT_PRONOUN = FACT_HE | FACT_SHE, FACT_DIGIT = ART_TOK_DIGIT };
_Static_assert(ART_TOK_DIGIT < 256 && !(ART_TOK_DIGIT & (FACT_OPENS | FACT_PRONOUN)), "FACT_DIGIT is the token flag's bit");
/* skip_plain() and next_fact() read the batch arrays sixteen bytes at a time, past a sentence's end. */
#define SKIP_SLACK 16

/* The first token from i on (before n) with a fact of mask, or n: sixteen
   tokens a step where SSE2 is there. */
static inline size_t next_fact(const uint8_t *facts, size_t i, size_t n, uint8_t mask) {
#ifdef __SSE2__
  const __m128i bits = _mm_set1_epi8((char)mask), zero = _mm_setzero_si128();
  for (; i < n; i += 16) {
    unsigned none = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(_mm_loadu_si128((const __m128i *)(facts + i)), bits), zero));
    if (none != 0xFFFF) {
      size_t at = i + (size_t)__builtin_ctz(~none);
      return at < n ? at : n;
    }
  }
  return n;
#else
  while (i < n && !(facts[i] & mask)) i++;
  return i;
#endif
}

/*
** The tokens of a match score starting at token k ("3-1" as one token, or
** "3", a dash, "1" written together), or 0.  Each side has one to three
** digits: "2024-25" is a season, not a score.
*/
static size_t score_at(const char *doc, const art_token *toks, size_t n, size_t k) {
  if (k >= n || !(toks[k].flags & ART_TOK_DIGIT)) return 0;
  const art_token *t = &toks[k];
  size_t i = t->start, d1 = 0, d2 = 0;
  while (i < t->end && doc[i] >= '0' && doc[i] <= '9') { i++; d1++; }
  if (i < t->end) {
    if (d1 == 0 || d1 > 3 || doc[i] != '-') return 0;
    for (i++; i < t->end && doc[i] >= '0' && doc[i] <= '9'; i++) d2++;
    return i == t->end && d2 >= 1 && d2 <= 3 ? 1 : 0;
  }
  /* "3–1": a number, a dash and a number with no space between */
  if (k + 2 < n && short_number(doc, t) && (toks[k + 1].flags & ART_TOK_DASH) && toks[k + 1].start == t->end &&
      toks[k + 2].start == toks[k + 1].end && short_number(doc, &toks[k + 2]))
    return 3;
  return 0;
}

/* Does a score end at token k? */
static int score_ends_at(const char *doc, const art_token *toks, size_t n, size_t k) {
  return score_at(doc, toks, n, k) == 1 || (k >= 2 && score_at(doc, toks, n, k - 2) == 3);
}

/*
** Tokens [a, b) name a sports team: a sports job follows with a person's
** name ("Leverkusen coach Erik Lindqvist"), a score follows ("beat Chelsea
** 3-1") or comes after a result verb ("Liverpool drew 2-2"), or the name
** is the side a score was against ("2-2 at Everton", "1-0 to Newcastle").
** A country's name stays a place: national teams go by it.  A name that
** opens with a given name is a player's unless a sports job follows it.
*/
static __attribute__((noinline)) int team_context_search(const char *doc, const art_token *toks, const uint8_t *facts,
                                                          size_t n, size_t a, size_t b, int *has_score) {
  /* the cues first, by token shape, then their words: most names have none */
  size_t k = b < n && (toks[b].flags & ART_TOK_POSSESSIVE) ? b + 1 : b;
  int cue = k + 1 < n && (toks[k].flags & ART_TOK_LOWER) && tok_len(&toks[k]) >= 5 && (toks[k + 1].flags & ART_TOK_CAP) &&
            cue_is(doc, &toks[k], "team");   /* the jobs have five letters or more: "coach" */
  if (!cue) {
    /* the other cues need a score in the sentence: looked for once */
    if (*has_score < 0) {
      *has_score = 0;
      for (size_t j = next_fact(facts, 0, n, FACT_DIGIT); j < n && !*has_score; j = next_fact(facts, j + 1, n, FACT_DIGIT))
        *has_score = score_at(doc, toks, n, j) != 0;
    }
    if (!*has_score) return 0;
    int scored = b < n && (toks[b].flags & ART_TOK_DIGIT) && score_at(doc, toks, n, b);
    /* a result verb after it, a score within five tokens */
    if (!scored && b + 1 < n && (toks[b].flags & ART_TOK_LOWER) && cue_is(doc, &toks[b], "result"))
      for (size_t j = b + 1; !scored && j < n && j <= b + 5 && !clause_punct(doc, &toks[j]); j++)
        scored = score_at(doc, toks, n, j) != 0;
    /* a score before it, and only words like "at", "home", "to" between */
    for (size_t j = a; !scored && j > 0 && a - j <= 4; j--) {
      if (score_ends_at(doc, toks, n, j - 1)) { scored = j < a; break; }   /* "2-2 Everton" is no result */
      if (!(toks[j - 1].flags & ART_TOK_LOWER) || !cue_is(doc, &toks[j - 1], "toward")) break;
    }
    if (!scored) return 0;
    /* "Jannik Sinner beat Carlos Alcaraz 6-3": players win matches too */
    if (b - a >= 2 && (gaz_bits(doc + toks[a].start, tok_len(&toks[a]), 0) & ART_GAZ_FIRST_NAMES)) return 0;
  }
  if (date_word(doc, &toks[a]) || date_word(doc, &toks[b - 1])) return 0;   /* "Running March 23-25" */
  return !(gaz_bits(doc + toks[a].start, toks[b - 1].end - toks[a].start, 1) & ART_GAZ_COUNTRIES);
}

/* Most names have no team cue's shape after them, in a sentence already
   known to hold no score: no call (team_context_search() asks the same first). */
static inline __attribute__((always_inline)) int team_context(const char *doc, const art_token *toks, const uint8_t *facts,
                                                              size_t n, size_t a, size_t b, int *has_score) {
  size_t k = b < n && (toks[b].flags & ART_TOK_POSSESSIVE) ? b + 1 : b;
  if (*has_score == 0 &&
      !(k + 1 < n && (toks[k].flags & ART_TOK_LOWER) && tok_len(&toks[k]) >= 5 && (toks[k + 1].flags & ART_TOK_CAP)))
    return 0;
  return team_context_search(doc, toks, facts, n, a, b, has_score);
}

/* A cue of the "owned" class (cue_is()), its kind's filter asked first. */
static int owned_cue(const char *doc, const art_token *t) {
  return kind_may_hold(FILTER_OWNED, &art_table_org_context, 1, "owned", doc, t) && cue_is(doc, t, "owned");
}

/* A capitalised cue of the "owned" class ("Shares" after a dateline's dash). */
static int owned_word(const char *doc, const art_token *t) {
  if (!(t->flags & ART_TOK_CAP) || (t->flags & ART_TOK_ALLCAPS) ||
      !kind_may_hold(FILTER_OWNED, &art_table_org_context, 1, "owned", doc, t)) return 0;
  const art_table_entry *e = LOOKUP_LOWER(org_context, doc + t->start, tok_len(t), 0);
  return e && strcmp(e->extra, "owned") == 0;
}

/*
** Tokens [a, b) name a company: a noun for a company comes right before
** ("budget carrier Aviana", "engine makers CFM International"), or after
** the name's possessive a thing only companies have ("Boeing's shares"),
** or "shares of" before it.  Countries keep their type ("Japan's
** exports").
*/
static __attribute__((noinline)) int company_context_search(const tables *tb, const char *doc, const art_token *toks,
                                                             size_t n, size_t a, size_t b, art_etype type) {
  /* the cue first (by token shape, then its word), then the name */
  int cue = 0, before = 0;
  char last = a > 0 ? (char)(doc[toks[a - 1].end - 1] | 0x20) : 0;
  if (a > 0 && (toks[a - 1].flags & (ART_TOK_LOWER | ART_TOK_INITIAL)) && tok_len(&toks[a - 1]) >= 4 &&
      last >= 'a' && last <= 'z' && (tb->business_ends & (1u << (last - 'a')))) {
    const art_token *t = &toks[a - 1];
    size_t len = tok_len(t);
    const art_table_entry *e = LOOKUP_TOKEN_HOT(org_context, doc, t);
    if (!e && len > 4 && doc[t->end - 1] == 's')
      e = LOOKUP_LOWER(org_context, doc + t->start, len - 1, 0);   /* "makers" */
    cue = before = e && strcmp(e->extra, "business") == 0;
  }
  if (!cue && a >= 2 && tok_len(&toks[a - 1]) == 2 &&
      ((doc[toks[a - 1].start] == 'o' && doc[toks[a - 1].start + 1] == 'f') ||
       (doc[toks[a - 1].start] == 'i' && doc[toks[a - 1].start + 1] == 'n')) &&
      (owned_cue(doc, &toks[a - 2]) || owned_word(doc, &toks[a - 2])))
    cue = 1;                               /* "shares of", "shares in", "— Shares of" after a dateline */
  if (!cue && b + 1 < n && (toks[b].flags & ART_TOK_POSSESSIVE) && owned_cue(doc, &toks[b + 1])) cue = 1;
  /* "Vantrix shares sink", "Nvidia stock rose": a stock word (shares,
     stock, shareholders: only words with an 's' are looked up) right after a
     one-word name no list knows, not a place's (not "Maria shares the
     view", "the Moscow stock market", "Dunkin' Donuts Inc. shares"), nor
     a sentence's first word ("Pretax profit fell") */
  if (!cue && b - a == 1 && b + 1 < n && (toks[b].flags & ART_TOK_LOWER) && doc[toks[b].start] == 's' &&
      tok_len(&toks[b]) >= 5 &&
      !(toks[a].flags & (ART_TOK_PERIOD | ART_TOK_INITIAL)) && owned_cue(doc, &toks[b]) &&
      !word_has_role(doc, &toks[b + 1], "object", 0) &&
      !(gaz_bits(doc + toks[a].start, tok_len(&toks[a]), 1) &     /* "the Moscow stock market" */
        (ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES | ART_GAZ_COMMON | ART_GAZ_CITIES | ART_GAZ_PROVINCES |
         ART_GAZ_REGIONS)))
    cue = 1;
  if (!cue || date_word(doc, &toks[a])) return 0;
  /* "bomb maker Azahari bin Husin", "the company Ramirez built": a noun
     before a person's name is his job, or the name starts a clause; a
     one-word name the lists know as a person's takes the cue only after a
     modifier, and before punctuation or a verb a company goes with
     ("budget carrier Aviana said") */
  if (before && type == ART_ENT_PERSON &&
      (b - a >= 2 || ((gaz_bits(doc + toks[a].start, tok_len(&toks[a]), 0) &
                       (ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES)) &&
                      (a < 2 || !(toks[a - 2].flags & ART_TOK_WORD) || word_has_role(doc, &toks[a - 2], "determiner", 0) ||
                       (b < n && (toks[b].flags & ART_TOK_WORD) && !word_has_role(doc, &toks[b], "company_verb", 0))))))
    return 0;
  /* a city may share its name with a company ("Toyota"), a country not */
  return !(gaz_bits(doc + toks[a].start, toks[b - 1].end - toks[a].start, 1) &
           (ART_GAZ_COUNTRIES | ART_GAZ_US_STATES | ART_GAZ_DEMONYMS));
}

/* Most names have none of company_context_search()'s cues' shapes around
   them (a lower-case word of four letters or more before, with a business
   word's last letter; "of"/"in" before; a possessive after; a stock word
   after a one-word name): no call. */
static inline __attribute__((always_inline)) int company_context(const tables *tb, const char *doc, const art_token *toks,
                                                                 size_t n, size_t a, size_t b, art_etype type) {
  /* (the "owned" cues, "shares", "stock": their filter first) */
  if (b + 1 < n && (((toks[b].flags & ART_TOK_POSSESSIVE) &&
                     kind_may_hold(FILTER_OWNED, &art_table_org_context, 1, "owned", doc, &toks[b + 1])) ||
                    (b - a == 1 && doc[toks[b].start] == 's' &&
                     kind_may_hold(FILTER_OWNED, &art_table_org_context, 1, "owned", doc, &toks[b]))))
    return company_context_search(tb, doc, toks, n, a, b, type);
  if (a == 0) return 0;
  const art_token *p = &toks[a - 1];
  size_t pl = tok_len(p);
  unsigned char last = (unsigned char)(doc[p->end - 1] | 0x20);
  if ((pl == 2 && a >= 2 && ((doc[p->start] == 'o' && doc[p->start + 1] == 'f') ||
                             (doc[p->start] == 'i' && doc[p->start + 1] == 'n')) &&
       kind_may_hold(FILTER_OWNED, &art_table_org_context, 1, "owned", doc, &toks[a - 2])) ||
      ((p->flags & (ART_TOK_LOWER | ART_TOK_INITIAL)) && pl >= 4 && last >= 'a' && last <= 'z' &&
       (tb->business_ends & (1u << (last - 'a')))))
    return company_context_search(tb, doc, toks, n, a, b, type);
  return 0;
}

/*
** "China's Huawei, which is": a single capitalised word mid-sentence that
** no list knows (no common word, place, name or date word), followed by
** ", which", is a thing, and a proper name for a thing is mostly a
** company's.  (At a sentence's start the word may be any noun.)
*/
static int unknown_word_which(const char *doc, const art_token *toks, size_t n, size_t a, size_t b) {
  if (b - a != 1 || b + 1 >= n || doc[toks[b].start] != ',' || !tok_is(doc, &toks[b + 1], "which")) return 0;
  if (toks[a].flags & (ART_TOK_ALLCAPS | ART_TOK_DIGIT | ART_TOK_PERIOD)) return 0;
  if (LOOKUP_LOWER(value_words, doc + toks[a].start, tok_len(&toks[a]), 0)) return 0;
  return !(gaz_bits(doc + toks[a].start, tok_len(&toks[a]), 1) &
           (ART_GAZ_COMMON | ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES |
            ART_GAZ_REGIONS | ART_GAZ_DEMONYMS | ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES | ART_GAZ_TITLES));
}

/*
** "12 million Swiss francs", "2.3 billion Swedish crowns": a sum of money
** whose currency a nationality or a country names holds that name; the
** value wins.  Every mention of the sentence (from first) that overlaps
** [vs, ve) must lie inside it and be a nationality or a place; they are
** dropped and 1 returned.  Only asked when a value clashes with a name.
*/
static RARE int value_over_nationality(work *w, size_t first, size_t vs, size_t ve) {
  int inside = 0;
  for (size_t k = first; k < w->count; k++) {
    const mention *m = &w->m[k];
    if (m->dropped || m->is_value || m->end <= vs || m->start >= ve) continue;
    if (m->start < vs || m->end > ve || (m->type != ART_ENT_NORP && m->type != ART_ENT_GPE)) return 0;
    inside = 1;
  }
  if (!inside) return 0;
  for (size_t k = first; k < w->count; k++) {
    mention *m = &w->m[k];
    if (!m->dropped && !m->is_value && m->end > vs && m->start < ve) m->dropped = 1;
  }
  return 1;
}

/* ---- lexicon ---------------------------------------------------------------- */

/* Does a name of n bytes matched at doc[at..end) end on a word boundary? */
static int lexicon_boundary(const char *doc, size_t at, size_t n, size_t end) {
  unsigned char after = at + n < end ? (unsigned char)doc[at + n] : ' ';
  int boundary = !((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') ||
                   (after >= '0' && after <= '9') || after >= 0x80);
  return boundary || after == 0xE2 || after == 0xC2;   /* a dash, a quote or a no-break space follows */
}

static const char *lexicon_name(const art_lexicon_entry *e) { return e->name ? e->name : ""; }

/* name's first k bytes against key[0..k), as strncmp orders them (a shorter name sorts first). */
static int prefix_cmp(const char *name, const char *key, size_t k) {
  for (size_t i = 0; i < k; i++) {
    unsigned char c = (unsigned char)name[i], d = (unsigned char)key[i];
    if (c != d) return c < d ? -1 : 1;
  }
  return 0;
}

/* The first entry of the sorted lexicon whose name does not sort before key[0..k). */
static size_t lexicon_lower_bound(const art_lexicon_entry *lex, size_t n, const char *key, size_t k) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (prefix_cmp(lexicon_name(&lex[mid]), key, k) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Entry e if its name matches at doc[at..end) longer than *best; the first such row wins a tie. */
static void lexicon_try(const art_ent_options *opts, size_t e, const char *doc, size_t at, size_t end,
                        size_t *best, long *entry) {
  const char *name = opts->lexicon[e].name;
  size_t n = name ? strlen(name) : 0;
  if (n == 0 || n <= *best || at + n > end || memcmp(doc + at, name, n) != 0) return;
  if (!lexicon_boundary(doc, at, n, end)) return;
  *best = n;
  *entry = (long)e;
}

/*
** Length of the longest lexicon name matching at doc[at..end) on a token
** boundary, or 0.  A sorted lexicon is searched only where names start
** with the same one or two bytes; an unsorted one row by row.
*/
static RARE size_t lexicon_match(const art_ent_options *opts, const char *doc, size_t at, size_t end,
                            long *entry) {
  size_t best = 0, count = opts->lexicon_count;
  if (!opts->lexicon_sorted) {
    for (size_t e = 0; e < count; e++) lexicon_try(opts, e, doc, at, end, &best, entry);
    return best;
  }
  if (at >= end) return 0;
  /* a one-byte name sorts first among the names starting with its byte */
  size_t e = lexicon_lower_bound(opts->lexicon, count, doc + at, 1);
  const char *first = e < count ? lexicon_name(&opts->lexicon[e]) : "";
  if (first[0] == doc[at] && first[0] && first[1] == 0)
    lexicon_try(opts, e, doc, at, end, &best, entry);
  if (at + 2 > end) return best;
  for (e = lexicon_lower_bound(opts->lexicon, count, doc + at, 2);
       e < count && prefix_cmp(lexicon_name(&opts->lexicon[e]), doc + at, 2) == 0; e++)
    lexicon_try(opts, e, doc, at, end, &best, entry);
  return best;
}

static int lexicon_before(const art_lexicon_entry *a, const art_lexicon_entry *b) {
  return strcmp(lexicon_name(a), lexicon_name(b)) < 0;
}

int art_lexicon_sort(art_lexicon_entry *lex, size_t n, art_ent_options *opts) {
  /* a bottom-up merge sort: stable, so the first of equal names stays first */
  art_lexicon_entry *tmp = n > 1 ? malloc(n * sizeof *tmp) : NULL;
  if (n > 1 && !tmp) return -1;
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = lexicon_before(&lex[j], &lex[i]) ? lex[j++] : lex[i++];
      while (i < mid) tmp[k++] = lex[i++];
      while (j < hi) tmp[k++] = lex[j++];
    }
    memcpy(lex, tmp, n * sizeof *lex);
  }
  free(tmp);
  if (opts) opts->lexicon_sorted = 1;
  return 0;
}

/* ---- pass 1: one sentence ------------------------------------------------- */

/*
** Sentences are read in batches (up to BATCH_SENTENCES of them, about
** BATCH_BYTES of text): the batch is tokenized, then tagged, then scanned
** for values, and only then does each sentence go through the rules.  One
** stage at a time keeps that stage's code, branch history and tables warm
** in the processor's caches; a sentence at a time through every stage
** evicted them sentence after sentence (the tagger alone ran twice as
** fast on a sentence it had just seen).  The batch bounds the memory
** whatever the document's size.
*/
#ifndef BATCH_SENTENCES             /* overridable so that tests can force many small batches */
#define BATCH_SENTENCES 48
#endif
#ifndef BATCH_BYTES
#define BATCH_BYTES ((size_t)24 << 10)
#endif
typedef struct batch_sentence {
  art_sentence st;
  int first_body;            /* the first body sentence of the document (dateline) */
  size_t tok0, ntok;         /* its tokens in scratch.btoks */
  size_t val0, nval;         /* its values in scratch.values */
} batch_sentence;

typedef struct scratch {
  token_memo memo;
  art_tagger_scratch tsc;
  batch_sentence batch[BATCH_SENTENCES];
  art_token *btoks;          /* the batch's tokens, sentence after sentence */
  uint8_t *tags;             /* the tagger's labels of btoks */
  int32_t *margin;           /* and its confidences */
  uint8_t *facts;            /* ART_TF_* facts of btoks, written by art_tokenize_append() */
  uint32_t *tagger_gaz;      /* the tagger's gazetteer bits of btoks (art_tagger_scratch.word_gaz) */
  /* the rules' marks and memo of btoks, cleared once a batch (prepare_batch()):
     each token is one sentence's */
  uint8_t *btaken;
  uint32_t *bword, *bstripped;
  size_t bcap;               /* room in btoks, tags, margin, facts, tagger_gaz, btaken, bword and bstripped */
  uint8_t *taken;            /* the sentence's: btaken from its first token (memo.word and memo.stripped alike) */
  art_value_span *values;    /* the batch's values, sentence after sentence */
  size_t nvalues, values_cap;
} scratch;

/* Room for n tokens in the batch arrays. */
static int grow_batch(scratch *s, size_t n) {
  if (n <= s->bcap) return 0;
  size_t cap = s->bcap ? s->bcap : 256;
  while (cap < n) cap *= 2;
  art_token *t = realloc(s->btoks, cap * sizeof *t);
  if (!t) return -1;
  s->btoks = t;
  uint8_t *g = realloc(s->tags, cap + SKIP_SLACK);
  if (!g) return -1;
  s->tags = g;
  int32_t *m = realloc(s->margin, cap * sizeof *m);
  if (!m) return -1;
  s->margin = m;
  uint8_t *f = realloc(s->facts, cap + SKIP_SLACK);
  if (!f) return -1;
  s->facts = f;
  uint32_t *gaz = realloc(s->tagger_gaz, cap * sizeof *gaz);
  if (!gaz) return -1;
  s->tagger_gaz = gaz;
  uint8_t *k = realloc(s->btaken, cap + SKIP_SLACK);
  if (!k) return -1;
  s->btaken = k;
  uint32_t *mw = realloc(s->bword, cap * sizeof *mw);
  if (!mw) return -1;
  s->bword = mw;
  uint32_t *ms = realloc(s->bstripped, cap * sizeof *ms);
  if (!ms) return -1;
  s->bstripped = ms;
  s->bcap = cap;
  return 0;
}

/* Fill the context fields of a mention covering tokens [a, b). */
static void set_tokens(mention *m, const art_token *toks, size_t a, size_t b, const art_sentence *st) {
  m->start = toks[a].start;
  m->end = toks[b - 1].end;
  m->first_end = toks[a].end;
  m->last_start = toks[b - 1].start;
  m->prev_start = m->prev_end = a > 0 ? toks[a - 1].start : m->start;
  if (a > 0) m->prev_end = toks[a - 1].end;
  m->sentence = st->sentence;
  m->paragraph = st->paragraph;
  m->ntok = (int)(b - a);
  m->initial = (toks[a].flags & ART_TOK_INITIAL) != 0;
}

/* Pronouns after token b in the sentence: the first of he/his/him or she/her
   within 25 tokens counts.  Mentions come mostly in order, so the tokens
   looked at for one mention are not looked at again for the next: the scan
   goes on from where it stopped. */
static __attribute__((noinline)) void count_pronouns_scan(token_memo *tm, mention *m, const char *doc,
                                                          const art_token *toks, size_t n, size_t b) {
  if (b >= n) return;
  size_t limit = b + 25 < n ? b + 25 : n;
  if (b < tm->scan_lo || b > tm->scan_hi || tm->scan_at < b) tm->scan_lo = tm->scan_hi = tm->scan_at = b;
  if (tm->scan_at == tm->scan_hi) {         /* none seen from b on: look further, up to the limit */
    size_t i = tm->scan_hi;
    i = next_fact(tm->facts, i, limit, FACT_PRONOUN);
    tm->scan_at = i;
    tm->scan_hi = i < limit ? i + 1 : limit;
    if (i == limit) tm->scan_at = tm->scan_hi;
  }
  size_t i = tm->scan_at;
  if (i >= tm->scan_hi || i >= limit) return;
  if (tm->facts[i] & FACT_HE) m->he++;
  else m->she++;
}

/* Most sentences hold no pronoun at all (sentence_pass() looks once): no call. */
static inline void count_pronouns(token_memo *tm, mention *m, const char *doc, const art_token *toks, size_t n, size_t b) {
  if (!tm->no_pronoun) count_pronouns_scan(tm, m, doc, toks, n, b);
}

/*
** Is this sentence opened by an all-capitals dateline ("WASHINGTON (AP) —",
** "BERGEN, Norway —")?  Returns the tokens of the city, or 0; *region_a and
** *region_b get the tokens of a region written after a comma (equal: none).
*/
static RARE size_t dateline_tokens(const char *doc, const art_token *toks, size_t n, size_t *region_a, size_t *region_b) {
  size_t i = 0;
  *region_a = *region_b = 0;
  while (i < n && i < 4 && (toks[i].flags & ART_TOK_ALLCAPS) && !(toks[i].flags & ART_TOK_DIGIT)) i++;
  if (i == 0 || i >= n) return 0;
  const art_token *t = &toks[i];
  int cue = tok_is(doc, t, "(") || (t->flags & ART_TOK_DASH) || tok_is(doc, t, ",") || tok_is(doc, t, ":");
  if (!cue) return 0;
  if (tok_is(doc, t, ",")) {
    size_t j = i + 1;
    while (j < n && j < i + 5 && (toks[j].flags & ART_TOK_CAP) && (toks[j].flags & ART_TOK_WORD)) j++;
    if (j > i + 1 && j < n && ((toks[j].flags & ART_TOK_DASH) || tok_is(doc, &toks[j], "("))) {
      *region_a = i + 1;
      *region_b = j;
    }
  }
  return i;
}

/* Is any token of [a, b) already in a mention? */
static int any_taken(const scratch *s, size_t a, size_t b) {
  int taken = 0;
  for (size_t k = a; k < b; k++) taken |= s->taken[k];
  return taken;
}

/* Tokens [a, b) are in a mention: most mentions are of one or two tokens,
   marked with two stores instead of a call to memset(). */
static inline void take_tokens(uint8_t *taken, size_t a, size_t b) {
  if (b - a <= 2) {
    if (b > a) taken[a] = taken[b - 1] = 1;
  } else {
    memset(taken + a, 1, b - a);
  }
}

/* A mention of type over tokens [a, b), split off a longer span ("Egypt" of
   "Egypt's Ministry of ..."); its tokens are taken.  NULL when out of memory. */
static RARE mention *split_off(work *w, scratch *s, const art_token *toks, size_t a, size_t b, const art_sentence *st,
                          art_etype type, int32_t score) {
  mention *g = new_mention(w);
  if (!g) return NULL;
  set_tokens(g, toks, a, b, st);
  g->type = type;
  g->score = score > 0 ? score : 1;
  memset(s->taken + a, 1, b - a);
  return g;
}

/* Does the caller want any name type ("types": ["MONEY"] wants none, and then the tagger is skipped)? */
static int wants_names(const art_ent_options *opts) {
  uint32_t name_types = ((1u << (ART_ENT_LANGUAGE + 1)) - 1) & ~1u;
  return !opts || !opts->type_mask || (opts->type_mask & name_types);
}

/* The first token from i on that is not O, or that can open a capitalised
   run and is in no mention yet (n when none): sixteen tokens a step where
   SSE2 is there, as most tokens are O and open nothing. */
static inline size_t skip_plain(const uint8_t *tags, const uint8_t *facts, const uint8_t *taken, size_t i, size_t n) {
#ifdef __SSE2__
  const __m128i o = _mm_set1_epi8((char)ART_TAG_O), opens = _mm_set1_epi8(FACT_OPENS), zero = _mm_setzero_si128();
  for (; i < n; i += 16) {   /* the arrays have 16 bytes of room past n (SKIP_SLACK) */
    __m128i is_o = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(tags + i)), o);
    /* taken[] holds 0 or 1, so FACT_OPENS (bit 0) and not taken is one and-not */
    __m128i free_opener = _mm_and_si128(_mm_andnot_si128(_mm_loadu_si128((const __m128i *)(taken + i)),
                                                         _mm_loadu_si128((const __m128i *)(facts + i))), opens);
    unsigned pass = (unsigned)_mm_movemask_epi8(_mm_and_si128(is_o, _mm_cmpeq_epi8(free_opener, zero)));
    if (pass != 0xFFFF) {
      size_t at = i + (size_t)__builtin_ctz(~pass);
      return at < n ? at : n;
    }
  }
  return n;
#else
  while (i < n && tags[i] == ART_TAG_O && (!(facts[i] & FACT_OPENS) || taken[i])) i++;
  return i;
#endif
}

/* The batch's stages that look at one sentence alone: tokens, the tagger's labels, values. */
static int prepare_batch(scratch *s, art_context *ctx, const char *doc, size_t nb, const art_ent_options *opts) {
  _Static_assert((int)FACT_OPENS == (int)ART_TF_OPENS && (int)FACT_HE == (int)ART_TF_HE &&
                 (int)FACT_SHE == (int)ART_TF_SHE && (int)FACT_DIGIT == (int)ART_TF_DIGIT,
                 "the tokenizer writes the facts (FACT_*)");
  /* Room for a token per byte of the batch first, so that the tokenizer
     writes the tokens and their facts straight into the batch arrays. */
  size_t bytes = 0, total = 0;
  for (size_t k = 0; k < nb; k++) bytes += s->batch[k].st.end - s->batch[k].st.start;
  if (grow_batch(s, bytes + 1)) return -1;
  int want_names = wants_names(opts);
  for (size_t k = 0; k < nb; k++) {
    batch_sentence *bs = &s->batch[k];
    art_tokens into = { s->btoks, total, s->bcap };
    long got = art_tokenize_append(doc, bs->st.start, bs->st.end, &into, s->facts);
    if (got < 0) return -1;
    bs->tok0 = total;
    bs->ntok = (size_t)got;
    total += (size_t)got;
    /* tagged while its tokens are still in the first-level cache */
    if (bs->ntok == 0) continue;
    if (!want_names) {
      memset(s->tags + bs->tok0, ART_TAG_O, bs->ntok);
      memset(s->margin + bs->tok0, 0, bs->ntok * sizeof *s->margin);
      art_tagger_word_gaz_fill(doc, s->btoks + bs->tok0, bs->ntok, s->tagger_gaz + bs->tok0);
    } else {
      s->tsc.word_gaz = s->tagger_gaz + bs->tok0;
      s->tsc.facts = s->facts + bs->tok0;
      if (art_tagger_tag(&art_tagger_default_model, doc, s->btoks + bs->tok0, bs->ntok, &s->tsc,
                         s->tags + bs->tok0, s->margin + bs->tok0))
        return -1;
    }
  }
  memset(s->tags + total, ART_TAG_O, SKIP_SLACK);   /* read by skip_plain(), never used */
  memset(s->facts + total, 0, SKIP_SLACK);
  s->nvalues = 0;
  art_value_sentence vsent[BATCH_SENTENCES];   /* a sentence without tokens has no values */
  for (size_t k = 0; k < nb; k++) {
    vsent[k].start = s->batch[k].st.start;
    vsent[k].end = s->batch[k].ntok ? s->batch[k].st.end : s->batch[k].st.start;
  }
  if (art_values_scan_sentences(ctx, doc, vsent, nb, &s->values, &s->nvalues, &s->values_cap) < 0) return -1;
  for (size_t k = 0; k < nb; k++) {
    s->batch[k].val0 = vsent[k].first;
    s->batch[k].nval = vsent[k].count;
  }
  /* no token taken, none in the memo: one clearing for the batch, last (a
     sentence's slack is the next sentence's tokens, untouched until then) */
  memset(s->btaken, 0, total + SKIP_SLACK);
  memset(s->bword, 0, total * sizeof *s->bword);
  return 0;
}

/* Does a body's name "of" or "for" something end right before token k
   ("Department for Culture" before ", Media")?  From the tagger's labels. */
static int body_for_before(const char *doc, const art_token *toks, const uint8_t *tags, size_t k) {
  int has_of = 0;
  for (size_t q = k; q-- > 0;) {
    if (tags[q] == ART_TAG_O || ART_TAG_TYPE(tags[q]) != ART_ENT_ORG) return 0;
    has_of |= tok_is(doc, &toks[q], "of") || tok_is(doc, &toks[q], "for");
    if (ART_TAG_IS_B(tags[q])) return has_of;
  }
  return 0;
}

/* Does a value of the sentence (values[0..nval)) overlap bytes [start, end)? */
static int overlaps_value(const art_value_span *values, size_t nval, size_t start, size_t end) {
  for (size_t v = 0; v < nval; v++)
    if (values[v].start < end && values[v].end > start) return 1;
  return 0;
}

/* What tagged_span() and typed_span() need of the sentence, passed as one pointer. */
typedef struct span_context {
  work *w;
  scratch *s;
  const art_sentence *st;
  const tables *tb;
  art_token *toks;
  size_t n;
  uint8_t *tags;             /* the tagger's labels (tagged_span() may relabel) */
  const int32_t *margin;
  size_t first_mention;      /* the sentence's first mention */
  int *has_score;            /* see team_context() */
} span_context;

/*
** The end of tagged_span() for the span [a, b) it trimmed and split (retype,
** its type so far; score, the tagger's): the lists and the words around it
** decide its type, and it joins the mention before it or is added.  Out of
** line, so that each half keeps its state in registers.  -1 when out of memory.
*/
static __attribute__((noinline)) int typed_span(const span_context *c, size_t a, size_t b, art_etype retype,
                                                int32_t score, uint64_t whole) {
  work *w = c->w;
  scratch *s = c->s;
  const art_sentence *st = c->st;
  const tables *tb = c->tb;
  art_token *toks = c->toks;
  size_t n = c->n, first_mention = c->first_mention;
  int *has_score = c->has_score;
  const char *doc = w->doc;
  const art_table_entry *e_law = NULL;
  if (a < b) retype = decided_type(&s->memo, doc, toks, a, b, retype, whole);
  /* "Fire Station No. 7", "Lock No. 3": the number is part of the name, a
     facility when the word before "No." says so */
  /* (both rules below want a number after the name: most names have none) */
  int digit_next = b < n && (toks[b].flags & ART_TOK_DIGIT);
  if (a < b && digit_next && doc[toks[b - 1].start] == 'N' && (tok_is(doc, &toks[b - 1], "No.") || tok_is(doc, &toks[b - 1], "No")) &&
      !s->taken[b] &&
      all_digits(doc, &toks[b])) {
    b++;
    if (b - a >= 3) {
      const art_table_entry *f = LOOKUP_LOWER(fac_words, doc + toks[b - 3].start, tok_len(&toks[b - 3]), 0);
      if (f && strstr(f->extra, "end") && !strstr(f->extra, "weak")) retype = art_etype_from_name(f->value, strlen(f->value));
    }
  }
  /* "House Bill 20", "Civil Rights Act of 1964": a law's number or year is part of its name */
  int law_word = retype == ART_ENT_LAW ||
                 (digit_next && a < b && b - a == 1 && (toks[b - 1].flags & ART_TOK_CAP) &&
                  (e_law = LOOKUP_LOWER(name_ends, doc + toks[b - 1].start, tok_len(&toks[b - 1]), 0)) != NULL &&
                  strcmp(e_law->value, "LAW") == 0);
  if (a < b && law_word && b < n && !s->taken[b]) {
    if (all_digits(doc, &toks[b])) { b++; retype = ART_ENT_LAW; }   /* "Bill 96" */
    else if (b + 1 < n && tok_is(doc, &toks[b], "of") && all_digits(doc, &toks[b + 1]) && tok_len(&toks[b + 1]) == 4)
      b += 2;
  }
  int32_t boost = 0;
  int fixed = 0, context_org = 0, team = 0;
  if (a < b && b - a == 1 && retype == ART_ENT_NORP) {
    int role = language_role(doc, toks, n, a);
    if (role == 2) { retype = ART_ENT_LANGUAGE; fixed = 1; }
    else fixed = role;
  }
  /* "Northlink, which is owned by", "Northlink said its network": no
     person's name (a body, as a place would be known) */
  if (a < b && retype == ART_ENT_PERSON && b + 1 < n &&
      ((tok_is(doc, &toks[b], ",") && tok_is(doc, &toks[b + 1], "which")) ||
       ((tok_is(doc, &toks[b], "said") || tok_is(doc, &toks[b], "says")) && tok_is(doc, &toks[b + 1], "its"))) &&
      !(token_gaz(&s->memo, doc, toks, a, 0) & ART_GAZ_FIRST_NAMES) &&
      !(gaz_bits(doc + toks[a].start, toks[b - 1].end - toks[a].start, 1) &
        (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES))) {
    retype = ART_ENT_ORG;
    boost = 1 << 18;
  }
  if (a < b && (retype == ART_ENT_PERSON || retype == ART_ENT_GPE || retype == ART_ENT_LOC) && after_role_at(doc, toks, n, a, b) &&
      !(retype == ART_ENT_PERSON && b - a >= 2 &&
        (token_gaz(&s->memo, doc, toks, a, 0) & ART_GAZ_FIRST_NAMES)) &&
      !(gaz_bits(doc + toks[a].start, toks[b - 1].end - toks[a].start, 1) & (ART_GAZ_COUNTRIES | ART_GAZ_US_STATES))) {
    retype = ART_ENT_ORG;
    boost = 1 << 16;
  }
  /* "said Park Ji-won, an analyst at ...", "Zoetis, a drugmaker based in":
     a name the tagger took for a place, set off by "a"/"an" and a job
     (ext/data/speaker_roles.tsv: role -> a person, org -> a body) */
  if (a < b && (retype == ART_ENT_GPE || retype == ART_ENT_LOC) && b + 2 < n && tok_is(doc, &toks[b], ",") &&
      (tok_is(doc, &toks[b + 1], "a") || tok_is(doc, &toks[b + 1], "an")) &&
      !(gaz_bits(doc + toks[a].start, toks[b - 1].end - toks[a].start, 1) &
        (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_REGIONS))) {
    for (size_t k = b + 2; k < n && k < b + 6 && !clause_punct(doc, &toks[k]); k++) {
      const art_table_entry *r = (toks[k].flags & ART_TOK_LOWER)
                                 ? LOOKUP_LOWER(speaker_roles, doc + toks[k].start, tok_len(&toks[k]), 0) : NULL;
      if (!r) continue;
      /* the job heads the appositive: not "a militant group", "a tourist destination" */
      const art_token *nx = k + 1 < n ? &toks[k + 1] : NULL;
      if (nx && !clause_punct(doc, nx) && !tok_is(doc, nx, "of") && !tok_is(doc, nx, "at") &&
          !tok_is(doc, nx, "for") && !tok_is(doc, nx, "with") && !tok_is(doc, nx, "who") &&
          !(nx->flags & ART_TOK_CAP))
        break;
      if (strcmp(r->value, "role") == 0) { retype = ART_ENT_PERSON; boost = 1 << 18; }
      else if (strcmp(r->value, "org") == 0) { retype = ART_ENT_ORG; boost = 1 << 18; }
      break;
    }
  }
  /* "Arsenal beat Chelsea 3-1", "budget carrier Aviana": a team or a company */
  if (a < b && (retype == ART_ENT_PERSON || retype == ART_ENT_GPE || retype == ART_ENT_LOC || retype == ART_ENT_ORG) &&
      ((team = team_context(doc, toks, s->memo.facts, n, a, b, has_score)) || company_context(tb, doc, toks, n, a, b, retype))) {
    retype = ART_ENT_ORG;
    boost = 1 << 20;
    context_org = 1;
  }
  if (a < b && retype != ART_ENT_NONE && retype != ART_ENT_LAW && retype != ART_ENT_EVENT && retype != ART_ENT_FAC) {
    int confident = (retype == ART_ENT_PERSON || retype == ART_ENT_GPE) && score > 2000 * (int32_t)(b - a);
    art_etype c = context_type(tb, doc, toks, n, a, b, retype, confident);
    if (c != ART_ENT_NONE) { retype = c; boost = 1 << 20; }
  }
  /* "before Christmas", "during Ramadan": a holiday alone after a word
     of time is a date the values step finds (not "that Ramadan will be
     hanged", "members of Ramadan's family": a man of that name) */
  if (b - a == 1 && a > 0 && (toks[a - 1].flags & ART_TOK_LOWER) && (toks[a].flags & ART_TOK_CAP) &&
      tok_len(&toks[a]) >= 3 && !(b < n && (toks[b].flags & ART_TOK_POSSESSIVE)) &&
      holiday(doc, &toks[a]) && word_has_role(doc, &toks[a - 1], "time", 0))   /* the rare word first */
    b = a;
  /* (a span of one or two tokens, most of them: two loads) */
  int clash = 0;
  if (b - a <= 2) clash = b > a && (s->taken[a] | s->taken[b - 1]);
  else for (size_t k = a; k < b; k++) clash |= s->taken[k];
  mention *prev = !clash && w->count > first_mention ? &w->m[w->count - 1] : NULL;
  int gap;
  if (a < b && prev && (gap = may_join(tb, doc, toks, a, prev)) >= 0 &&
      join_previous(tb, doc, toks, n, a, b, retype, prev, gap)) {
    take_tokens(s->taken, a, b);
  } else if (a < b && !clash) {
    mention *m = new_mention(w);
    if (!m) return -1;
    set_tokens(m, toks, a, b, st);
    m->type = retype;
    /* (the mention is cleared: only the flags that are set are stored) */
    if (fixed) m->fixed = 1;
    if (context_org && retype == ART_ENT_ORG) {
      m->context_org = 1;
      m->team = team != 0;
    }
    m->score = boost ? boost : score > 0 ? score : 1;
    if (m->type == ART_ENT_PERSON || m->ntok == 1) count_pronouns(&s->memo, m, doc, toks, n, b);
    take_tokens(s->taken, a, b);
  }
  return 0;
}

/*
** Step 3 for one name the tagger labelled, starting at token i (tag, its
** label): the span is trimmed, split, typed and joined or added (steps 4
** and 3's rules).  *next is the token after it.  Out of line from
** sentence_pass(): its loop over the tokens stays small enough for the
** compiler to keep its state in registers.  -1 when out of memory.
*/
static __attribute__((noinline)) int tagged_span(const span_context *c, size_t i, int tag, size_t *next) {
  work *w = c->w;
  scratch *s = c->s;
  const art_sentence *st = c->st;
  const tables *tb = c->tb;
  art_token *toks = c->toks;
  size_t n = c->n, first_mention = c->first_mention;
  uint8_t *tags = c->tags;
  const int32_t *margin = c->margin;
  const char *doc = w->doc;
  int type = ART_TAG_TYPE(tag);
  size_t j = i + 1;
  int32_t score = margin[i];
  while (j < n && tags[j] == ART_TAG_I(type)) score += margin[j++];
  /* "Google and Corvanta", "Nissan and Renault", "Riyadh and Jeddah": two
     one-word names joined by "and" are two names, unless the pair is a
     known organisation's name */
  if (type == ART_ENT_ORG && j == i + 3 && tok_is(doc, &toks[i + 1], "and") && (toks[i].flags & ART_TOK_CAP) &&
      /* not the end of a name "of" them: "Charter of" + "Rights and Freedoms" */
      !(i > 0 && (tok_is(doc, &toks[i - 1], "of") || tok_is(doc, &toks[i - 1], "for"))) &&
      (toks[i + 2].flags & ART_TOK_CAP) && !(toks[i + 2].flags & ART_TOK_DIGIT) &&
      !FIND_AS_WRITTEN(org_names, doc + toks[i].start, toks[i + 2].end - toks[i].start)) {
    tags[i + 1] = ART_TAG_O;
    tags[i + 2] = (uint8_t)ART_TAG_B(type);
    score -= margin[i + 1] + margin[i + 2];
    j = i + 1;
  }
  /* "National Federation of Port Workers" + "of Chile" + "(FENATRAPORT)": a
     body's name defined by the short form in brackets after it goes on
     through "of" and the place before the brackets */
  if (type == ART_ENT_ORG && j + 4 < n && tok_is(doc, &toks[j], "of") && tags[j + 1] == ART_TAG_B(ART_ENT_GPE)) {
    size_t k = j + 2;
    while (k < n && tags[k] == ART_TAG_I(ART_ENT_GPE)) k++;
    if (k + 2 < n && tok_is(doc, &toks[k], "(") && (toks[k + 1].flags & ART_TOK_ALLCAPS) &&
        tok_is(doc, &toks[k + 2], ")")) {
      for (size_t q = j; q < k; q++) {
        tags[q] = (uint8_t)ART_TAG_I(type);
        score += margin[q];
      }
      j = k;
    }
  }
  /* "Department for Culture" + ", Media" + "and Sport": the last of a list
     of words after a body's name and a comma belongs with the list
     (join_connected_org() then decides whether the list goes with the body) */
  if (type == ART_ENT_ORG && i >= 2 && tok_is(doc, &toks[i - 1], ",") && body_for_before(doc, toks, tags, i - 1) &&
      j + 1 < n && tok_is(doc, &toks[j], "and") &&
      (tags[j + 1] == ART_TAG_O || tags[j + 1] == ART_TAG_B(ART_ENT_ORG)) && (toks[j + 1].flags & ART_TOK_CAP) &&
      !(toks[j + 1].flags & ART_TOK_DIGIT) && (j + 2 >= n || !(toks[j + 2].flags & ART_TOK_HAS_UPPER))) {
    tags[j] = tags[j + 1] = (uint8_t)ART_TAG_I(type);
    score += margin[j] + margin[j + 1];
    j += 2;
  }
  /* "Office of Management" + "and Budget": a body's name "of" or "for"
     something goes on through "and" and one more common word */
  if (type == ART_ENT_ORG && j + 1 < n && tags[j] == ART_TAG_O && tok_is(doc, &toks[j], "and") &&
      (tags[j + 1] == ART_TAG_O || tags[j + 1] == ART_TAG_B(ART_ENT_ORG)) && (toks[j + 1].flags & ART_TOK_CAP) &&
      !(toks[j + 1].flags & ART_TOK_DIGIT) && (j + 2 >= n || !(toks[j + 2].flags & ART_TOK_HAS_UPPER)) &&
      body_for_before(doc, toks, tags, j) && (token_gaz(&s->memo, doc, toks, j + 1, 0) & ART_GAZ_COMMON)) {
    tags[j] = tags[j + 1] = (uint8_t)ART_TAG_I(type);
    score += margin[j] + margin[j + 1];
    j += 2;
  }
  /* "Gov. Georgia" + "Lee", "Defense Minister Israel" + "Katz": right after
     a person's title, a given name the tagger took for a place or a body
     opens the person's name that follows it */
  if (j == i + 1 && j < n && tags[j] == ART_TAG_B(ART_ENT_PERSON) &&   /* (the rare test first) */
      (type == ART_ENT_GPE || type == ART_ENT_ORG || type == ART_ENT_LOC) && i > 0 && (toks[i - 1].flags & ART_TOK_CAP) &&
      (token_gaz(&s->memo, doc, toks, i, 0) & ART_GAZ_FIRST_NAMES) &&
      title_phrase(&s->memo, doc, toks, i >= 3 ? i - 3 : 0, i, 1) > 0) {
    type = ART_ENT_PERSON;
    tags[i] = (uint8_t)ART_TAG_B(type);
    tags[j] = (uint8_t)ART_TAG_I(type);
    while (j < n && tags[j] == ART_TAG_I(type)) score += margin[j++];
  }
  /* "Czech" + "Republic", "South" + "Korea": the tagger may cut a
     country's full name where a nationality or a direction ends; the
     country gazetteer knows the whole, so it is one place. */
  if (j < n && ART_TAG_IS_B(tags[j]) && (toks[i].flags & ART_TOK_CAP)) {
    for (size_t end = i + 5 < n ? i + 5 : n; end > j; end--) {
      if (!(toks[end - 1].flags & ART_TOK_CAP) ||
          !(gaz_bits(doc + toks[i].start, toks[end - 1].end - toks[i].start, 0) & ART_GAZ_COUNTRIES))
        continue;
      type = ART_ENT_GPE;
      while (j < end) score += margin[j++];
      break;
    }
  }
  /* 4. Trim: leading "the" and titles; trailing possessives, connectors, dashes. */
  size_t a = i, b = j;
  /* The span is the start of a title that runs past it ("Defense" of
     "Defense Secretary Lloyd Austin"): not a name. */
  /* (whether a title may start at token i, or end at token j - 1: asked
     again below of the span's first and last tokens, which mostly stay) */
  int i_no_start = title_edge_none(&s->memo, doc, toks, i, 0), last_no_end = 0;
  {
    size_t k = i_no_start ? 0 : title_phrase_search(&s->memo, doc, toks, a, n < a + 4 ? n : a + 4, 0);
    if (k >= b - a) b = a;            /* a title, or the start of a longer one */
    /* ...or the end of a title that began before it ("State" of
       "Secretary of State Daniel Harrow") */
    size_t from = a >= 3 ? a - 3 : 0;
    if (b > a) last_no_end = title_edge_none(&s->memo, doc, toks, b - 1, 1);
    k = b > a && !last_no_end ? title_phrase_search(&s->memo, doc, toks, from, b, 1) : 0;
    if (k > b - a) b = a;
    /* ...or a title that began before it and ends inside it ("Secretary
       of" + "State Antony Blinken"): the name is what follows the title.
       Its first word must then end a title. */
    if (b - a < 2 || a == 0 || !(tok_is(doc, &toks[a - 1], "of") || (toks[a - 1].flags & ART_TOK_CAP)) ||
        !(token_gaz(&s->memo, doc, toks, a, 1) & ART_GAZ_TITLE_END))
      from = a;
    for (; b > a && from < a; from++) {
      k = title_phrase(&s->memo, doc, toks, from, b, 0);
      if (from + k > a && from + k < b) {
        a = from + k;
        while (a < b && (toks[a].flags & ART_TOK_LOWER)) a++;   /* "... of State" + "for African affairs" */
        break;
      }
    }
  }
  while (a < b && ((toks[a].flags & (ART_TOK_POSSESSIVE | ART_TOK_PUNCT)) ||
                   ((tok_is(doc, &toks[a], "the") || tok_is(doc, &toks[a], "The")) &&
                    !the_is_part_of_name(doc, toks, a, b)) ||
                   /* "A Foreign Ministry spokesman": an article opening the sentence */
                   ((toks[a].flags & ART_TOK_INITIAL) && b - a >= 2 &&
                    (tok_is(doc, &toks[a], "A") || tok_is(doc, &toks[a], "An"))))) a++;
  /* ...but not off an organisation ("Justice Department"), nor off a
     law's or an event's name ("General Data Protection Regulation") */
  for (size_t k; a + 1 < b && (k = a == i && i_no_start ? 0 : title_phrase(&s->memo, doc, toks, a, b, 0)) > 0 &&
                 k < b - a &&
                 !LOOKUP_LOWER(org_words, doc + toks[a + k].start, tok_len(&toks[a + k]), 0) &&
                 !(b - a - k >= 2 && LOOKUP_LOWER(name_ends, doc + toks[b - 1].start,
                                                          tok_len(&toks[b - 1]), 0));) a += k;
  while (b > a && ((toks[b - 1].flags & (ART_TOK_POSSESSIVE | ART_TOK_PUNCT)) ||
                   ((toks[b - 1].flags & ART_TOK_LOWER) && !(toks[b - 1].flags & ART_TOK_HAS_UPPER)))) b--;
  /* "Mutual" + "Defense Treaty", "Second" + "Thomas Shoal": a capitalised
     common word the tagger left just before a name (not a person's) opens it */
  if (a < b && a > 0 && w->count > first_mention && !s->taken[a - 1]) {
    mention *o = &w->m[w->count - 1];
    const art_token *ot = &toks[a - 1];
    art_etype ft = ART_ENT_NONE;   /* a person's name only joins as a facility's: asked last */
    if (o->orphan && !o->initial && o->ntok == 1 && o->start == ot->start && o->end == ot->end &&
        !LOOKUP_LOWER(sentence_starters, doc + ot->start, tok_len(ot), 0) &&
        (type != ART_ENT_PERSON ||
         (b - a >= 2 && (ft = facility_type(tb, doc, &toks[a - 1], &toks[b - 1])) != ART_ENT_NONE)) &&
        (token_gaz(&s->memo, doc, toks, a - 1, 0) & (ART_GAZ_COMMON | ART_GAZ_DEMONYMS | ART_GAZ_TITLES)) ==
            ART_GAZ_COMMON) {
      o->dropped = 1;
      o->orphan = 0;
      a--;
      if (ft != ART_ENT_NONE) type = (int)ft;
    }
  }
  /* "Common Pleas Judge Ruth Castellano", "Supreme Court Justice Elena
     Kagan": a title inside a span, a person's name after it.  What comes
     before is a place or a body when the gazetteers or an organisation
     word say so, else nothing. */
  for (size_t p = a + 1; type != ART_ENT_PERSON && b - a >= 3 && p + 1 < b; p++) {
    size_t k = title_phrase(&s->memo, doc, toks, p, b, 0);
    if (!k || p + k >= b || b - (p + k) > 3 ||
        !(person_words(doc, toks, p + k, b) || (b - (p + k) >= 2 && plain_name_words(doc, toks, p + k, b))))
      continue;
    art_etype left = p - a == 1 ? gazetteer_type(&s->memo, doc, toks, a) : place_type(doc, &toks[a], &toks[p - 1]);
    if (left == ART_ENT_NONE && closing_org_word(doc, &toks[p - 1])) left = ART_ENT_ORG;
    if (left != ART_ENT_NONE && !any_taken(s, a, p) && !split_off(w, s, toks, a, p, st, left, score)) return -1;
    a = p + k;
    type = ART_ENT_PERSON;
    break;
  }
  /* "Defense Minister Israel Katz": right after a person's title, a
     given name and a word that is no place, body or common word make a
     person, whatever else the given name is */
  if ((type == ART_ENT_GPE || type == ART_ENT_ORG || type == ART_ENT_LOC) && b - a == 2 && a > 0 &&
      (toks[a - 1].flags & ART_TOK_CAP) &&
      (token_gaz(&s->memo, doc, toks, a, 0) & ART_GAZ_FIRST_NAMES) &&
      plain_name_words(doc, toks, a + 1, b) &&
      title_phrase(&s->memo, doc, toks, a >= 3 ? a - 3 : 0, a, 1) > 0)
    type = ART_ENT_PERSON;
  /* "the ambassador, Zhou Wenbin, was" */
  if (type != ART_ENT_PERSON && b - a >= 2 && b - a <= 3 && role_appositive(doc, toks, n, a, b) &&
      plain_name_words(doc, toks, a, b))
    type = ART_ENT_PERSON;
  /* "Faith" + "Odhiambo": a given name opening a sentence, left out by the
     tagger as a common word, opens the person's name after it; "Storm" +
     "Isolde": a storm's word opens an event's */
  if (a < b && a > 0 && type == ART_ENT_PERSON && w->count > first_mention && !s->taken[a - 1]) {
    mention *o = &w->m[w->count - 1];
    const art_token *ot = &toks[a - 1];
    int same = o->orphan && o->ntok == 1 && o->start == ot->start && o->end == ot->end;
    if (same && b - a == 1 && event_name(tb, doc, ot, &toks[a])) {
      o->dropped = 1;
      o->orphan = 0;
      a--;
      type = ART_ENT_EVENT;
    } else if (same && o->initial && (token_gaz(&s->memo, doc, toks, a - 1, 0) & ART_GAZ_FIRST_NAMES) &&
               !(token_gaz(&s->memo, doc, toks, a - 1, 0) & ART_GAZ_TITLES) &&
               !LOOKUP_LOWER(speaker_roles, doc + ot->start, tok_len(ot), 0)) {   /* not "Author" */
      o->dropped = 1;
      o->orphan = 0;
      a--;
    } else if (same && !o->initial && b - a == 1 && a >= 2 && (toks[a - 2].flags & ART_TOK_LOWER) &&
               (ot->flags & ART_TOK_CAP) && !(ot->flags & (ART_TOK_ALLCAPS | ART_TOK_DIGIT | ART_TOK_PERIOD)) &&
               !LOOKUP_LOWER(value_words, doc + ot->start, tok_len(ot), 0) &&   /* "Tuesday" */
               !(token_gaz(&s->memo, doc, toks, a - 1, 1) &
                 (ART_GAZ_COMMON | ART_GAZ_TITLES | ART_GAZ_DEMONYMS | ART_GAZ_COUNTRIES | ART_GAZ_CITIES |
                  ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_REGIONS))) {
      /* "a corner from Tomás" + "Ferreira": a capitalised word no list
         knows (an accented given name), mid-sentence right before a
         one-word surname, is the given name */
      o->dropped = 1;
      o->orphan = 0;
      a--;
    }
  }
  /* Two names the tagger ran together: "Brennecke Industrie GmbH" + "of
     Stuttgart" (a legal form closes a company's name), "Harvard
     University" + "and Boston Children's Hospital" (both close with an
     organisation word).  The first is a mention of its own; the span goes on
     with the second, typed by the gazetteers when they know it. */
  for (size_t p = a + 1; p + 1 < b; p++) {
    size_t q = p + 1;
    art_etype first_type = ART_ENT_ORG;
    int legal = LOOKUP_TOKEN_HOT(org_legal_forms, doc, &toks[p]) != NULL;
    if (legal) {
      while (q < b && is_name_connector(doc, &toks[q])) q++;
    } else if (type != ART_ENT_PERSON && p - a >= 2 && p - a <= 3 && tok_is(doc, &toks[p], "of") &&
               person_words(doc, toks, a, p)) {
      first_type = ART_ENT_PERSON;       /* "J.R. Okonkwo" + "of Halberd Research" */
      p--;
    } else if (type == ART_ENT_ORG && p - a >= 2 && tok_is(doc, &toks[p], "and") &&
               (closing_org_word(doc, &toks[p - 1]) || body_of_place(doc, toks, a, p)) &&
               closing_org_word(doc, &toks[b - 1]) && (toks[p + 1].flags & ART_TOK_CAP)) {
      p--;                               /* the first name ends before "and" */
    } else {
      continue;
    }
    if (q >= b || !(toks[q].flags & ART_TOK_CAP)) break;
    if (any_taken(s, a, p + 1)) break;
    mention *g = split_off(w, s, toks, a, p + 1, st, first_type, score);
    if (!g) return -1;
    if (first_type == ART_ENT_PERSON) count_pronouns(&s->memo, g, doc, toks, n, p + 1);
    a = q;
    art_etype g2 = b - a == 1 ? gazetteer_type(&s->memo, doc, toks, a) : place_type(doc, &toks[a], &toks[b - 1]);
    if (g2 != ART_ENT_NONE) type = (int)g2;
    break;
  }
  /* "FAA Administrator", "U.S. District Judge": a title closing a name that
     is not a person's leaves the organisation or place before it. */
  art_etype retype = (art_etype)type;
  if (type != ART_ENT_PERSON) {
    /* ...but "Court of Justice", "Department of State" name a body's field */
    for (size_t k; b - a >= 2 && (k = b == j && last_no_end ? 0 : title_phrase(&s->memo, doc, toks, a, b, 1)) > 0 &&
                   k < b - a &&
                   !tok_is(doc, &toks[b - k - 1], "of");) {
      b -= k;
      art_etype g = b - a == 1 ? gazetteer_type(&s->memo, doc, toks, a) : ART_ENT_NONE;
      if (g != ART_ENT_NONE) retype = g;
    }
  }
  /* "U.S. Defense Secretary": a span running into a title keeps only its place. */
  for (size_t p = a + 1; p < b && b < n; p++) {
    size_t k = title_phrase(&s->memo, doc, toks, p, n < p + 4 ? n : p + 4, 0);
    if (k == 0 || p + k <= b) continue;
    b = p;                               /* the title starts inside the span */
    art_etype g = b - a == 1 ? gazetteer_type(&s->memo, doc, toks, a) : ART_ENT_NONE;
    if (g != ART_ENT_NONE) retype = g;
    break;
  }
  /* the whole span's gazetteer bits, when asked here: typed_span() asks
     the same of the same span (1 << 32 | the bits; whole_a, its start) */
  uint64_t whole = 0;
  size_t whole_a = a;
  if (b - a >= 2 && event_name(tb, doc, &toks[a], &toks[b - 1])) retype = ART_ENT_EVENT;
  else if (b - a >= 2 && retype != ART_ENT_PERSON) {
    art_etype f = facility_type(tb, doc, &toks[a], &toks[b - 1]);
    if (f == ART_ENT_NONE) {            /* "West Bank", "Gulf of Aden" */
      uint32_t bits = gaz_bits(doc + toks[a].start, toks[b - 1].end - toks[a].start, 0);
      whole = 1ull << 32 | bits;
      f = place_type_of(bits);
    }
    if (f != ART_ENT_NONE) retype = f;
  }
  /* "Egypt's Ministry of Water Resources": an owner's possessive inside a
     span ends the owner's name; the rest is the organisation. */
  for (size_t p = a + 1; p + 1 < b; p++) {
    if (!(toks[p].flags & ART_TOK_POSSESSIVE) || name_possessive(doc, toks, p)) continue;
    art_etype owner = p - a == 1 ? gazetteer_type(&s->memo, doc, toks, a) : place_type(doc, &toks[a], &toks[p - 1]);
    if (owner != ART_ENT_NONE && !any_taken(s, a, p) && !split_off(w, s, toks, a, p, st, owner, score)) return -1;
    a = p + 1;
    break;
  }
  /* "New Mexico Democrat": a place, then a group word, are two names; so
     are a one-word body and its members ("Senate Republicans"). */
  /* (the group word first: few spans end in one, and the owner's look-ups are for them) */
  if (b - a >= 2 && (toks[b - 1].flags & ART_TOK_CAP) && (token_gaz(&s->memo, doc, toks, b - 1, 0) & ART_GAZ_DEMONYMS)) {
    art_etype group_owner = b - a == 2 ? place_type_of(token_gaz(&s->memo, doc, toks, a, 0))
                                       : place_type(doc, &toks[a], &toks[b - 2]);
    if (group_owner != ART_ENT_GPE)
      group_owner = b - a == 2 && gazetteer_type(&s->memo, doc, toks, a) == ART_ENT_ORG ? ART_ENT_ORG : ART_ENT_NONE;
    if (group_owner != ART_ENT_NONE && !any_taken(s, a, b)) {
      if (!split_off(w, s, toks, a, b - 1, st, group_owner, score)) return -1;
      a = b - 1;
      retype = ART_ENT_NORP;
    }
  }
  *next = j;
  return typed_span(c, a, b, retype, score, a == whole_a ? whole : 0);
}

static int sentence_pass(work *w, scratch *s, const batch_sentence *bs,
                         const art_ent_options *opts, const tables *tb) {
  const char *doc = w->doc;
  const art_sentence *st = &bs->st;
  int first_body = bs->first_body;
  art_token *toks = s->btoks + bs->tok0;
  size_t n = bs->ntok;
  uint8_t *tags = s->tags + bs->tok0;       /* from prepare_batch() */
  int32_t *margin = s->margin + bs->tok0;
  if (n == 0) return 0;
  s->taken = s->btaken + bs->tok0;            /* cleared by prepare_batch() */
  s->memo.word = s->bword + bs->tok0;
  s->memo.stripped = s->bstripped + bs->tok0;
  if (!s->memo.title_filter_ready) title_word_filter(&s->memo);
  s->memo.scan_lo = s->memo.scan_hi = s->memo.scan_at = 0;
  s->memo.facts = s->facts + bs->tok0;
  s->memo.no_pronoun = next_fact(s->memo.facts, 0, n, FACT_PRONOUN) == n;
  s->memo.tagger_gaz = s->tagger_gaz + bs->tok0;

  /* 2. The caller's lexicon comes first. */
  if (opts && opts->lexicon_count) {
    for (size_t i = 0; i < n; i++) {
      long entry = -1;
      size_t len = lexicon_match(opts, doc, toks[i].start, st->end, &entry);
      if (!len) continue;
      size_t j = i;
      while (j < n && toks[j].end <= toks[i].start + len) j++;
      if (j == i || toks[j - 1].end != toks[i].start + len) continue;   /* must end on a token */
      mention *m = new_mention(w);
      if (!m) return -1;
      set_tokens(m, toks, i, j, st);
      m->type = opts->lexicon[entry].type;
      m->from_lexicon = 1;
      m->lex_canon = entry;
      m->score = 1 << 20;
      if (m->type == ART_ENT_PERSON) count_pronouns(&s->memo, m, doc, toks, n, j);
      memset(s->taken + i, 1, j - i);
      i = j - 1;
    }
  }

  /* A headline in Title Case capitalises every word: its names need confirming by the body. */
  int title_case = 0;
  if (st->kind == ART_KIND_HEADLINE) {
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < n; i++) {
      if (!(toks[i].flags & ART_TOK_WORD) || tok_len(&toks[i]) < 4) continue;
      words++;
      caps += (toks[i].flags & ART_TOK_CAP) != 0;
    }
    title_case = words >= 2 && caps * 10 >= words * 7;
  }
  size_t first_mention = w->count;
  /* team_context() looks once whether the sentence holds a score; none
     when it holds no digit at all */
  int has_score = next_fact(s->facts + bs->tok0, 0, n, FACT_DIGIT) == n ? 0 : -1;

  /* 3. The tagger's labels (prepare_batch()). */
  int want_names = wants_names(opts);

  /* A dateline place: all capitals before "(AP)" or a dash in the first body sentence. */
  size_t ra, rb;
  size_t dl = first_body ? dateline_tokens(doc, toks, n, &ra, &rb) : 0;
  for (int part = 0; dl && part < 2; part++) {
    size_t a = part ? ra : 0, b = part ? rb : dl;
    int taken = 0;
    for (size_t i = a; i < b; i++) taken |= s->taken[i];
    if (a == b || taken) continue;
    mention *m = new_mention(w);
    if (!m) return -1;
    set_tokens(m, toks, a, b, st);
    m->type = ART_ENT_GPE;
    m->dateline = part == 0;
    m->score = 1 << 16;
    take_tokens(s->taken, a, b);
    for (size_t i = a; i < b; i++) tags[i] = ART_TAG_O;
  }

  /* A token that can open a capitalised run the tagger left as O (step 6). */
  const uint8_t *facts = s->memo.facts;
  const span_context span_ctx = { w, s, st, tb, toks, n, tags, margin, first_mention, &has_score };
  size_t i = 0;
  while (i < n) {
    /* most tokens are O and no such token: passed over in one tight loop */
    if (!want_names) while (i < n && tags[i] == ART_TAG_O) i++;
    else i = skip_plain(tags, facts, s->taken, i, n);
    if (i == n) break;
    int tag = tags[i];
    if (tag == ART_TAG_O) {
      /* 6. A capitalised run the tagger left as O. */
      if (want_names && (toks[i].flags & ART_TOK_HAS_UPPER) && (toks[i].flags & ART_TOK_WORD) && !s->taken[i] &&
          !(toks[i].flags & ART_TOK_DIGIT)) {
        size_t j = i + 1;
        while (j < n && tags[j] == ART_TAG_O && !s->taken[j] && (toks[j].flags & ART_TOK_HAS_UPPER) &&
               (toks[j].flags & ART_TOK_WORD) && !(toks[j].flags & ART_TOK_DIGIT)) j++;
        size_t a = i, b = j, k;
        while (a < b && (k = title_phrase(&s->memo, doc, toks, a, b, 0)) > 0) a += k;
        while (b > a && (k = title_phrase(&s->memo, doc, toks, a, b, 1)) > 0) b -= k;   /* "Norwegian Trade Minister" */
        mention *pm = w->count > first_mention ? &w->m[w->count - 1] : NULL;
        /* (both joins want the name before to end right before the word) */
        int pm_next = a + 1 == b && pm && !pm->orphan && a > 0 && pm->end == toks[a - 1].end;
        if (pm_next && join_org_name(doc, toks, a, b, ART_ENT_ORG, pm)) {
          s->taken[a] = 1;                 /* "Korea" + "Exchange" */
          i = j;
          continue;
        }
        if (pm_next && join_feature_word(tb, doc, toks, a, b, pm)) {
          s->taken[a] = 1;                 /* "New York City" + "Marathon" */
          /* "Communications" + "Act" + "2003": a law's year */
          if (pm->type == ART_ENT_LAW && b < n && !s->taken[b] && all_digits(doc, &toks[b]) && tok_len(&toks[b]) == 4) {
            pm->end = toks[b].end;
            pm->ntok++;
            s->taken[b] = 1;
            j = b + 1;
          }
          i = j;
          continue;
        }
        /* "National Endowment" + "for the" + "Arts": a body's name the
           tagger cut after "for (the)"/"in (the)" goes on through a
           capitalised run it left as O (join_connected_org() decides) */
        if (a < b && a >= 2 && pm && !pm->orphan && pm->type == ART_ENT_ORG && !(toks[a].flags & ART_TOK_INITIAL) &&
            /* not a modifier: "the Committee for the Olympic games" */
            !(b < n && (toks[b].flags & ART_TOK_LOWER) && !function_word(doc + toks[b].start, tok_len(&toks[b]))) &&
            !(b < n && tok_is(doc, &toks[b], "of")) &&   /* what follows "of" may be a place's name of its own */
            (tok_is(doc, &toks[a - 1], "for") || tok_is(doc, &toks[a - 1], "in") || tok_is(doc, &toks[a - 1], "of") ||
             (a >= 3 && tok_is(doc, &toks[a - 1], "the") &&
              (tok_is(doc, &toks[a - 2], "for") || tok_is(doc, &toks[a - 2], "in")))) &&
            join_connected_org(doc, toks, n, a, b, ART_ENT_NONE, pm, 0)) {
          take_tokens(s->taken, a, b);
          i = j;
          continue;
        }
        if (a < b) {
          size_t j = b;
          mention *m = new_mention(w);
          if (!m) return -1;
          set_tokens(m, toks, a, j, st);
          m->orphan = 1;
          if (i != a) m->initial = (toks[i].flags & ART_TOK_INITIAL) != 0;   /* (set_tokens() set toks[a]'s) */
          count_pronouns(&s->memo, m, doc, toks, n, j);
          /* "in The Lancet": a mid-sentence "The" opens a title (a journal,
             a newspaper; a work after "book," and the like) */
          if (j - a >= 2 && j - a <= 4 && a > 0 && tok_is(doc, &toks[a], "The") && !m->initial &&
              (toks[a - 1].flags & ART_TOK_WORD) && !the_is_part_of_name(doc, toks, a, j) &&
              !place_type(doc, &toks[a + 1], &toks[j - 1])) {
            art_etype c = context_type(tb, doc, toks, n, a + 1, j, ART_ENT_ORG, 0);
            set_tokens(m, toks, a + 1, j, st);
            m->orphan = 0;
            m->type = c != ART_ENT_NONE ? c : ART_ENT_ORG;
            m->score = 1;
            i = j;
            continue;
          }
          /* "passed Bill 21": a law's word and its number, which the tagger left */
          if (j - a == 1 && j < n && (toks[j].flags & ART_TOK_DIGIT) && !s->taken[j] && (toks[a].flags & ART_TOK_CAP) &&
              all_digits(doc, &toks[j])) {
            const art_table_entry *e = LOOKUP_LOWER(name_ends, doc + toks[a].start, tok_len(&toks[a]), 0);
            if (e && strcmp(e->value, "LAW") == 0) {
              set_tokens(m, toks, a, j + 1, st);
              s->taken[j] = 1;
              m->orphan = 0;
              m->type = ART_ENT_LAW;
              m->score = 1;
              i = j + 1;
              continue;
            }
          }
          /* "its Nimbus headset", "the drug Veltrana": a word no list knows
             (not "Friday", "Red Cross", "Asia") is a product its context names */
          /* (the context's quick tests first: they turn nearly every run away) */
          int maybe_cue;
          if (!m->initial && !context_quick_none(tb, doc, toks, n, a, j, ART_ENT_NONE, 0, &maybe_cue) &&
              !gaz_bits(doc + toks[a].start, toks[j - 1].end - toks[a].start, 1) &&
              !FIND_AS_WRITTEN(org_names, doc + toks[a].start, toks[j - 1].end - toks[a].start) &&
              !FIND_AS_WRITTEN(acronyms, doc + toks[a].start, toks[j - 1].end - toks[a].start) &&
              !overlaps_value(s->values + bs->val0, bs->nval, toks[a].start, toks[j - 1].end) &&
              context_type_search(doc, toks, n, a, j, ART_ENT_NONE, 0, maybe_cue) == ART_ENT_PRODUCT) {
            m->orphan = 0;
            m->type = ART_ENT_PRODUCT;
            m->score = 1 << 20;   /* as strong as a context's type on a tagged name */
            i = j;
            continue;
          }
          /* "an analyst at Morningstar" */
          if (!m->initial && after_role_at(doc, toks, n, a, j) &&
              !(gaz_bits(doc + toks[a].start, toks[j - 1].end - toks[a].start, 1) &
                (ART_GAZ_COUNTRIES | ART_GAZ_US_STATES | ART_GAZ_COMMON))) {
            m->orphan = 0;
            m->type = ART_ENT_ORG;
            m->score = 1;
            i = j;
            continue;
          }
          /* "The Law Society" (+ "of Kenya"), "the Press Association": two or
             three capitalised words closing with an organisation word, and
             no place, are a body the tagger left (a leading "The" is not
             part of it) */
          size_t body_a = a + tok_is(doc, &toks[a], "The");
          if (j - body_a >= 2 && j - body_a <= 3 && all_capitalised(toks, body_a, j) &&
              closing_org_word(doc, &toks[j - 1]) &&
              !(gaz_bits(doc + toks[body_a].start, toks[j - 1].end - toks[body_a].start, 1) &
                (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES)) &&
              !(token_gaz(&s->memo, doc, toks, body_a, 0) & (ART_GAZ_COUNTRIES | ART_GAZ_CITIES))) {
            if (body_a > a) set_tokens(m, toks, body_a, j, st);
            m->orphan = 0;
            m->type = ART_ENT_ORG;
            m->score = 1;
            i = j;
            continue;
          }
          /* Gazetteers as a fallback: "Kerem Shalom Crossing", or "Berlin" mid-sentence. */
          /* ...and the news corpus's organisations ("Gazprom" mid-sentence) */
          if (!m->initial && FIND_AS_WRITTEN(org_names, doc + toks[a].start, toks[j - 1].end - toks[a].start)) {
            m->orphan = 0;
            m->type = ART_ENT_ORG;
            m->score = 1;
            i = j;
            continue;
          }
          art_etype g = j - a >= 2 && event_name(tb, doc, &toks[a], &toks[j - 1]) ? ART_ENT_EVENT
                      : j - a >= 2 ? facility_type(tb, doc, &toks[a], &toks[j - 1])
                      : !m->initial || !(token_gaz(&s->memo, doc, toks, a, 0) & ART_GAZ_COMMON)
                      ? gazetteer_type(&s->memo, doc, toks, a) : ART_ENT_NONE;
          /* "lost 1-0 to Newcastle", "Shares in Nokia", "China's Huawei, which
             is": a team or a company, whatever the gazetteers say */
          int team = 0;
          /* (a sentence's opening common word, "The", "But", is none: its
             memo from the title search says so without a look-up) */
          if ((g == ART_ENT_NONE || g == ART_ENT_GPE || g == ART_ENT_PERSON || g == ART_ENT_LOC) &&
              !(m->initial && tok_len(&toks[a]) < 64 && (memo_word_bits(&s->memo, doc, toks, a) & ART_GAZ_COMMON)) &&
              !(j < n && (toks[j].flags & ART_TOK_CAP)) &&       /* "firm Global" + "Strategies Group" */
              ((team = team_context(doc, toks, s->memo.facts, n, a, j, &has_score)) || company_context(tb, doc, toks, n, a, j, g) ||
               (!m->initial && unknown_word_which(doc, toks, n, a, j))) &&
              !LOOKUP_LOWER(sentence_starters, doc + toks[a].start, tok_len(&toks[a]), 0)) {
            m->team = team != 0;
            m->orphan = 0;
            m->type = ART_ENT_ORG;
            m->score = 1 << 20;
            m->context_org = 1;
            i = j;
            continue;
          }
          if (g == ART_ENT_NORP && j - a == 1) {
            int role = language_role(doc, toks, n, a);
            if (role == 2) { g = ART_ENT_LANGUAGE; m->fixed = 1; }
            else m->fixed = role != 0;
          }
          if (g != ART_ENT_NONE) {
            m->orphan = 0;
            m->type = g;
            m->score = 1;
          }
        }
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (tagged_span(&span_ctx, i, tag, &i)) return -1;
  }

  if (title_case)
    for (size_t k = first_mention; k < w->count; k++) w->m[k].weak = !w->m[k].from_lexicon;

  /* 5. Values that do not overlap a name. */
  const art_value_span *values = s->values + bs->val0;   /* from prepare_batch() */
  size_t first_tok = 0;   /* the first token that does not end before the value; values come in order */
  for (size_t v = 0; v < bs->nval; v++) {
    const art_value_span *val = &values[v];
    if (v > 0 && val->start < values[v - 1].start) first_tok = 0;
    /* tokens end in order: halve the range [first_tok, n) to the first that ends after the value's start */
    for (size_t hi = n; first_tok < hi;) {
      size_t mid = first_tok + (hi - first_tok) / 2;
      if (toks[mid].end <= val->start) first_tok = mid + 1;
      else hi = mid;
    }
    int clash = 0;
    for (size_t k = first_tok; k < n && toks[k].start < val->end && !clash; k++)
      if (s->taken[k] && toks[k].end > val->start) clash = 1;
    if (clash && !(val->type == ART_ENT_MONEY && value_over_nationality(w, first_mention, val->start, val->end)))
      continue;
    mention *m = new_mention(w);
    if (!m) return -1;
    m->start = val->start;
    m->end = val->end;
    m->sentence = st->sentence;
    m->paragraph = st->paragraph;
    m->type = val->type;
    m->is_value = 1;
    if (val->has_value) m->has_value = 1;   /* (cleared) */
    m->value = val->value;
    memcpy(m->date, val->date, sizeof m->date);
    m->date[sizeof m->date - 1] = 0;
  }
  return 0;
}

/* ---- entry points -------------------------------------------------------------- */

/*
** The per-connection state: every buffer the stage needs, kept from one
** document to the next (calloc'ing seven hash tables and a dozen arrays per
** article was a measurable share of the time).  A buffer a huge document
** grew past ENTITY_KEEP_BYTES is given back when that document is done.
** art_entities_extract() is not re-entered on one connection; should it be,
** the inner call works with buffers of its own.
*/
#define ENTITY_KEEP_BYTES ((size_t)4 << 20)

struct art_entity_state {
  int busy;
  uint32_t business_ends;   /* see business_endings() */
  uint32_t fac_heads;       /* see facility_heads() */
  uint32_t particle_firsts[16];   /* see particle_filter() */
  uint32_t cue_firsts[32];        /* see product_cue_filter() */
  int particles_ready;
  work w;
  scratch s;
  art_segmenter *seg;
  doc_buffers b;
  word_filter filters[FILTER_SLOTS];   /* probed by a list's address, then one per list (LIST_*) */
  char *low;                /* the document lower-cased (see lower_key()) */
  size_t low_cap;
};

static void entity_state_release(struct art_entity_state *st) {
  free(st->w.m);
  memset(&st->w, 0, sizeof st->w);
  art_tagger_scratch_free(&st->s.tsc);
  free(st->s.values);
  free(st->s.btoks);
  free(st->s.tags);
  free(st->s.margin);
  free(st->s.facts);
  free(st->s.tagger_gaz);
  free(st->s.btaken);
  free(st->s.bword);
  free(st->s.bstripped);
  memset(&st->s, 0, sizeof st->s);
  art_segmenter_free(st->seg);
  st->seg = NULL;
  free(st->low);
  st->low = NULL;
  st->low_cap = 0;
  art_ent_doc_buffers_release(&st->b);
}

/* Bytes held for the next document (the segmenter's grow with the document's size). */
static size_t entity_state_bytes(const struct art_entity_state *st) {
  return st->w.cap * sizeof *st->w.m +
         st->s.tsc.cap * sizeof *st->s.tsc.info +
         st->s.bcap * (sizeof *st->s.btoks + 3 + sizeof *st->s.margin + sizeof *st->s.tagger_gaz + 2 * sizeof *st->s.bword) +
         st->s.values_cap * sizeof *st->s.values + st->low_cap + art_ent_doc_buffers_bytes(&st->b);
}

int art_entity_state_init(art_context *ctx, const char **err) {
  ctx->entities = calloc(1, sizeof *ctx->entities);
  if (!ctx->entities) { *err = "article: out of memory"; return -1; }
  return 0;
}

void art_entity_state_free(art_context *ctx) {
  if (!ctx->entities) return;
  entity_state_release(ctx->entities);
  free(ctx->entities);
  ctx->entities = NULL;
}

static int extract(struct art_entity_state *es, art_context *ctx, const char *doc, size_t n,
                   const art_seg_options *seg, const art_ent_options *opts, art_entity_list *out) {
  work *w = &es->w;
  w->doc = doc;
  w->doc_len = n;
  w->count = 0;
  w->match_report = 0;
  scratch *s = &es->s;
  if (!es->business_ends) es->business_ends = business_endings();
  if (!es->fac_heads) es->fac_heads = facility_heads();
  if (!es->particles_ready) {
    particle_filter(es->particle_firsts);
    product_cue_filter(es->cue_firsts);
    es->particles_ready = 1;
  }
  tables tb = { es->business_ends,
                es->fac_heads, es->particle_firsts, es->cue_firsts };
  art_seg_options so = seg ? *seg : (art_seg_options){0, 0};
  out->count = 0;
  if (n > es->low_cap) {
    char *p = realloc(es->low, n);
    if (!p) return -1;
    es->low = p;
    es->low_cap = n;
  }
  lower_document(es->low, doc, n);
  lowered = (struct lowered_doc){ doc, es->low, n, es->filters };
  if (es->seg) art_segmenter_reset(es->seg, ctx, doc, n, &so);
  else if (!(es->seg = art_segmenter_new(ctx, doc, n, &so))) return -1;
  art_sentence st;
  int r = 1, first_body = 1;
  while (r == 1) {
    size_t nb = 0, bytes = 0;
    while (nb < BATCH_SENTENCES && bytes < BATCH_BYTES && (r = art_segmenter_next(es->seg, &st)) == 1) {
      if (st.kind == ART_KIND_BOILERPLATE) continue;    /* nothing inside boilerplate lines */
      batch_sentence *bs = &s->batch[nb++];
      bs->st = st;
      bs->first_body = first_body && st.kind == ART_KIND_BODY;
      if (st.kind == ART_KIND_BODY) first_body = 0;
      bytes += st.end - st.start;
    }
    if (r < 0) return -1;
    if (nb && prepare_batch(s, ctx, doc, nb, opts)) return -1;
    for (size_t k = 0; k < nb; k++)
      if (sentence_pass(w, s, &s->batch[k], opts, &tb)) return -1;
  }
  if (art_ent_document_pass(w, &tb, &es->b)) return -1;
  if (art_ent_emit(w, opts, &es->b, out)) return -1;
  return 0;
}

int art_entities_extract(art_context *ctx, const char *doc, size_t n,
                         const art_seg_options *seg, const art_ent_options *opts,
                         art_entity_list *out) {
  /* without a connection's state, or inside a call that holds it: a state of our own, on the
     heap (its word filters are tens of KB: too much for a caller's thread stack) */
  struct art_entity_state *own = NULL, *es = ctx ? ctx->entities : NULL;
  if (!es || es->busy) {
    if (!(es = own = calloc(1, sizeof *own))) return -1;
  }
  es->busy = 1;
  struct lowered_doc outer = lowered;      /* a nested call's document is not ours */
  int rc = extract(es, ctx, doc, n, seg, opts, out);
  lowered = outer;
  es->busy = 0;
  es->w.doc = NULL;
  if (own || n > ENTITY_KEEP_BYTES || entity_state_bytes(es) > ENTITY_KEEP_BYTES)
    entity_state_release(es);
  free(own);
  return rc;
}

void art_entity_list_free(art_entity_list *list) {
  free(list->items);
  free(list->arena);
  memset(list, 0, sizeof *list);
}
