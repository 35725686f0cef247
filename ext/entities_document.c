/*
** entities_document.c — pass 2 of the entity stage, over the whole
** document, and the output (see ext/entities.c for pass 1).
**
** News articles name someone in full once and by surname afterwards, spell
** an organisation out once and use its acronym later, and open sentences
** with capitalised words that are not names.  Pass 1 sees one sentence at a
** time; this pass sees every mention of the article and settles them:
**   - a capitalised common word that starts a sentence ("Officials said")
**     is not a name unless the article also uses it mid-sentence;
**   - a surname, or a first name, alone is linked to the full name it
**     belongs to ("Austin" -> "Lloyd Austin") and becomes PERSON;
**   - runs left as O that match a name found elsewhere become that name;
**   - one label per surface form: the labels of all mentions with the
**     same text vote, weighted by the tagger's confidence;
**   - acronyms link to the spelled-out name when the article gives it
**     ("AP" -> "Associated Press", "U.S." -> "United States"), a shorter
**     organisation name to the longer one it ends ("Security Council" ->
**     "U.N. Security Council"), and an all-capitals dateline place to its
**     ordinary spelling ("WASHINGTON" -> "Washington");
**   - PERSON mentions get a gender from first names, "Mr."/"Ms." and the
**     pronouns that follow, for the quotes stage.
**
** Every step is one or two passes over the mentions with hash look-ups
** (span maps keyed by text), so the pass is linear in the number of
** mentions; the few steps that search the document text are bounded.
** art_ent_emit() then writes the kept mentions in document order with
** their canonical text.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include "article_hash.h"
#include "article_tagger.h"
#include "entities_internal.h"

static int text_is(const char *doc, size_t s, size_t e, const char *z, size_t n) {
  return e - s == n && memcmp(doc + s, z, n) == 0;
}

static int same_text(const char *doc, const mention *a, const mention *b) {
  return text_is(doc, a->start, a->end, doc + b->start, b->end - b->start);
}

static void sm_release(span_map *m) {
  free(m->slot);
  free(m->used);
  memset(m, 0, sizeof *m);
}

static int sm_init(span_map *m, size_t inserts) {
  size_t n = 16;
  while (n < inserts * 2 + 2) n *= 2;
  if (n > m->cap) {
    sm_release(m);
    m->slot = calloc(n, sizeof *m->slot);
    m->used = malloc(n * sizeof *m->used);
    if (!m->slot || !m->used) { sm_release(m); return -1; }
    m->cap = n;
  }
  m->mask = n - 1;
  m->nused = 0;
  return 0;
}

/* Empty the slots this document filled: the table is clean for the next one. */
static void sm_clear(span_map *m) {
  for (size_t i = 0; i < m->nused; i++) m->slot[m->used[i]].z = NULL;
  m->nused = 0;
}

/* The document pass's own hash of a text (m->hash and the span maps' slots;
   nothing outside this file sees it): names are short, so a text of up to
   16 bytes is read as two overlapping words and mixed by one multiply,
   inline (art_hash_bytes() was a call per text); a longer one goes to
   art_hash_bytes(). */
static inline uint64_t load_word(const char *z) { uint64_t v; memcpy(&v, z, 8); return v; }
static inline uint32_t load_half(const char *z) { uint32_t v; memcpy(&v, z, 4); return v; }

static inline __attribute__((always_inline)) uint32_t text_hash(const char *z, size_t n) {
  uint64_t a, b;
  if (n >= 8) {
    if (n > 16) return art_hash_bytes(z, n);
    a = load_word(z);
    b = load_word(z + n - 8);
  } else if (n >= 4) {
    a = load_half(z);
    b = load_half(z + n - 4);
  } else {
    a = n ? (uint64_t)(unsigned char)z[0] << 16 | (uint64_t)(unsigned char)z[n >> 1] << 8 | (unsigned char)z[n - 1] : 0;
    b = 0;
  }
  return (uint32_t)art_fold_mul(a ^ 0xe7037ed1a0b428dbull, b ^ (uint64_t)n * 0x9e3779b97f4a7c15ull);
}

/* Out of line: the few texts longer than 16 bytes (and no key of at most
   ACRONYM_MAX bytes reaches it, which the compiler cannot tell inline). */
static __attribute__((noinline)) int long_same_bytes(const char *a, const char *b, size_t n) {
  return memcmp(a, b, n) == 0;
}

/* Are a[0..n) and b[0..n) the same bytes?  Inline for the short texts the
   maps hold (memcmp() was a call per look-up that found its slot). */
static inline __attribute__((always_inline)) int same_bytes(const char *a, const char *b, size_t n) {
  if (n >= 8) {
    if (n > 16) return long_same_bytes(a, b, n);
    return load_word(a) == load_word(b) && load_word(a + n - 8) == load_word(b + n - 8);
  }
  if (n >= 4) return load_half(a) == load_half(b) && load_half(a + n - 4) == load_half(b + n - 4);
  for (size_t k = 0; k < n; k++) if (a[k] != b[k]) return 0;
  return 1;
}

/*
** Which texts ext/data/acronyms.tsv may list: bit text_hash(key) % 4096 is
** set for each key.  E1 asks about every distinct unlinked one-word
** organisation or place ("Washington", "Gaza"), and most are not listed:
** a mention's hash (the pass computed it anyway) tests its bit, and a clear
** bit spares art_table_find().  Built once per process, read-only after.
*/
#define ACRONYM_FILTER_BITS 4096
static uint64_t acronym_filter[ACRONYM_FILTER_BITS / 64];
static pthread_once_t acronym_filter_once = PTHREAD_ONCE_INIT;
static atomic_int acronym_filter_ready;   /* set once built: later calls skip pthread_once() */

static void acronym_filter_build(void) {
  const art_table *t = &art_table_acronyms;
  for (uint32_t i = 0; i < t->count; i++) {
    uint32_t bit = text_hash(t->entries[i].key, t->entries[i].key_len) % ACRONYM_FILTER_BITS;
    acronym_filter[bit / 64] |= 1ull << (bit % 64);
  }
  atomic_store_explicit(&acronym_filter_ready, 1, memory_order_release);
}

/* May acronyms.tsv list the text whose text_hash() is hash?  0: surely not. */
static int acronym_may_list(uint32_t hash) {
  if (!atomic_load_explicit(&acronym_filter_ready, memory_order_acquire))
    pthread_once(&acronym_filter_once, acronym_filter_build);
  uint32_t bit = hash % ACRONYM_FILTER_BITS;
  return (acronym_filter[bit / 64] >> (bit % 64)) & 1;
}

/* The value slot for z[0..n), whose text_hash() is hash, in a map that
   sm_init() set up: existing, or (insert) new with value -1; NULL if absent. */
static inline int32_t *sm_find(span_map *m, const char *z, size_t n, uint32_t hash, int insert) {
  for (size_t h = hash & m->mask;; h = (h + 1) & m->mask) {
    sm_slot *s = &m->slot[h];
    if (!s->z) {
      if (!insert) return NULL;
      s->z = z;
      s->n = (uint32_t)n;
      s->value = -1;
      m->used[m->nused++] = (uint32_t)h;
      return &s->value;
    }
    if (s->n == n && same_bytes(s->z, z, n)) return &s->value;
  }
}

static inline __attribute__((always_inline)) int32_t *sm_get(span_map *m, const char *z, size_t n, int insert) {
  return sm_find(m, z, n, text_hash(z, n), insert);
}

/* A map twice as large with the same entries (0), or -1 when out of memory
   (the map is then as it was). */
static int sm_grow(span_map *m) {
  size_t n = (m->mask + 1) * 2, cap = n > m->cap ? n : m->cap;
  sm_slot *old = m->slot, *slot = calloc(cap, sizeof *slot);
  uint32_t *old_used = m->used, *used = malloc(cap * sizeof *used);
  size_t nold = m->nused;
  if (!slot || !used) { free(slot); free(used); return -1; }
  m->slot = slot;
  m->used = used;
  m->cap = cap;
  m->mask = n - 1;
  m->nused = 0;
  for (size_t k = 0; k < nold; k++) {
    const sm_slot *s = &old[old_used[k]];
    *sm_get(m, s->z, s->n, 1) = s->value;
  }
  free(old);
  free(old_used);
  return 0;
}

/* The value slot for key[0..n) in the acronyms map, inserted (-1) when new;
   NULL when out of memory.  A name gives up to ACRONYM_MAX - 2 keys (its
   initials and their tails), so the map may get more keys than it was
   sized for: it grows when half full (a full one would never end a probe). */
static int32_t *acronym_slot(span_map *m, const char *key, size_t n) {
  int32_t *v = sm_get(m, key, n, 0);
  if (v) return v;
  if (m->nused + 1 > (m->mask + 1) / 2 && sm_grow(m)) return NULL;
  return sm_get(m, key, n, 1);
}

/* The slot of a mention's own text: most look-ups of the document pass are
   these, and its hash is computed once. */
static int32_t *sm_mention(span_map *map, const char *doc, const mention *m, int insert) {
  return sm_find(map, doc + m->start, m->end - m->start, m->hash, insert);
}

/* A name's spaces lie between its first word and its last (a token holds
   none): the walks over a name's word starts skip both words' letters.
   [inner_start(m), inner_end(m)) holds every space of m; the whole name
   when its token bounds say nothing (not a name of two words or more). */
static inline size_t inner_start(const mention *m) {
  return m->first_end > m->start && m->first_end <= m->last_start ? m->first_end : m->start;
}
static inline size_t inner_end(const mention *m) {
  return m->first_end > m->start && m->first_end <= m->last_start && m->last_start < m->end ? m->last_start : m->end - 1;
}

/* Every word capitalised letters (initials allowed), none of them an
   organisation, facility, place or event word: could be a person's name. */
static int person_shaped(const char *doc, const mention *m) {
  size_t a = m->start;
  while (a < m->end) {
    size_t b = a;
    while (b < m->end && doc[b] != ' ') b++;
    if (!(doc[a] >= 'A' && doc[a] <= 'Z')) return 0;
    for (size_t k = a; k < b; k++)
      if (!((doc[k] | 0x20) >= 'a' && (doc[k] | 0x20) <= 'z') && doc[k] != '.' && doc[k] != '-' &&
          doc[k] != '\'') return 0;
    uint32_t bits = art_ent_gaz_bits(doc + a, b - a, 1);
    if (bits & (ART_GAZ_ORG_WORDS | ART_GAZ_FAC_WORDS | ART_GAZ_COUNTRIES | ART_GAZ_CITIES |
                ART_GAZ_US_STATES | ART_GAZ_DEMONYMS | ART_GAZ_TITLES))
      return 0;
    /* "NHS England": a region that is no given name, or an acronym */
    if (bits & (ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES)) goto next;   /* "Flores", "KIM" */
    if (bits & (ART_GAZ_REGIONS | ART_GAZ_PROVINCES)) return 0;
    if (b - a >= 2 && b - a <= 4 && doc[a + 1] >= 'A' && doc[a + 1] <= 'Z' && !memchr(doc + a, '.', b - a) &&
        strspn(doc + a, "IVX") < b - a)
      return 0;
    /* "Chicago Marathon", but "Bill" opens many a name */
    if (a > m->start && art_ent_lookup_lower(&art_table_name_ends, doc + a, b - a, 0)) return 0;
  next:
    a = b;
    while (a < m->end && doc[a] == ' ') a++;
  }
  return 1;
}

static int is_name(const mention *m) { return !m->dropped && !m->orphan && !m->is_value; }

static int is_full_person(const mention *m) { return is_name(m) && m->type == ART_ENT_PERSON && m->ntok >= 2; }

/* The surname of a full name: its last token, skipping "Jr." and the like. */
static void surname_of(const char *doc, const mention *m, size_t *s, size_t *e) {
  *s = m->last_start;
  *e = m->end;
  if (m->ntok < 3) return;                 /* "Lloyd Austin": no room for a suffix */
  static const char *const suffixes[] = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", NULL};
  for (int k = 0; suffixes[k]; k++) {
    if (text_is(doc, *s, *e, suffixes[k], strlen(suffixes[k])) && m->ntok >= 3) {
      size_t p = *s;
      while (p > m->start && (doc[p - 1] == ' ' || doc[p - 1] == ',')) p--;
      size_t q = p;
      while (q > m->start && doc[q - 1] != ' ') q--;
      *s = q;
      *e = p;
      return;
    }
  }
}

/* Does a[0..an) contain b[0..bn)? */
static int contains(const char *a, size_t an, const char *b, size_t bn) {
  for (size_t i = 0; i + bn <= an; i++)
    if (a[i] == b[0] && memcmp(a + i, b, bn) == 0) return 1;
  return 0;
}

/* A word list with the lengths: looked up in loops over the mentions, no strlen() each time. */
typedef struct word { const char *z; size_t n; } word;
#define WORD(s) { s, sizeof s - 1 }

/* Is doc[s..e) one of words[0..n)? */
static int one_of(const char *doc, size_t s, size_t e, const word *words, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (text_is(doc, s, e, words[k].z, words[k].n)) return 1;
  return 0;
}

static int after_preposition(const char *doc, const mention *m) {
  static const word preps[] = {WORD("in"), WORD("to"), WORD("from"), WORD("at"), WORD("near"), WORD("into"),
                               WORD("across"), WORD("outside"), WORD("of")};
  return one_of(doc, m->prev_start, m->prev_end, preps, sizeof preps / sizeof preps[0]);
}

/* Initials of the capitalised words of doc[s..e) ("United Nations" -> "UN"). */
/* ' ', '-' and '.' end a word for initials() ("U.S. Department of Agriculture" -> "USDA") */
#define INITIALS_BREAK ((1ull << ' ') | (1ull << '-') | (1ull << '.'))
static inline int initials_break(unsigned char c) { return c < 64 && ((INITIALS_BREAK >> c) & 1); }

static size_t initials(const char *doc, size_t s, size_t e, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = s; i < e;) {
    unsigned char c = (unsigned char)doc[i++];
    if (initials_break(c)) continue;
    /* a word's first byte: its initial if a capital; then on to the word's end */
    if (c >= 'A' && c <= 'Z') {
      if (k == cap) return 0;
      out[k++] = (char)c;
    }
    while (i < e && !initials_break((unsigned char)doc[i])) i++;
  }
  return k;
}

/* The letters of a one-token acronym ("U.S." -> "US", "CIA"); 0 when not one. */
static inline size_t acronym_letters(const char *doc, const mention *m, char *out, size_t cap) {
  /* most names have a small second letter: asked before the loop (and its call) */
  if (m->ntok != 1 || m->end - m->start < 2) return 0;
  unsigned char c1 = (unsigned char)doc[m->start + 1];
  if (c1 != '.' && (c1 < 'A' || c1 > 'Z')) return 0;
  size_t k = 0;
  for (size_t i = m->start; i < m->end; i++) {
    unsigned char c = (unsigned char)doc[i];
    if (c == '.') continue;
    if (c < 'A' || c > 'Z' || k == cap) return 0;
    out[k++] = (char)c;
  }
  return k >= 2 ? k : 0;
}

static int common_word(const tables *tb, const char *doc, const mention *m) {
  (void)tb;
  return (art_ent_gaz_bits(doc + m->start, m->end - m->start, 0) & ART_GAZ_COMMON) != 0;
}

/* "I’ve", "We'll", "They’re": a pronoun and a contraction, never a name.
   The word before the apostrophe is a function word of
   ext/data/common_words.tsv ("O'Brien", "D’Angelo" are not). */
static int pronoun_contraction(const char *doc, const mention *m) {
  size_t n = m->end - m->start, k = 1;
  const char *z = doc + m->start;
  if (n < 3 || n > 9) return 0;                        /* "I'm" to "They’re" */
  /* the apostrophe ends one to three bytes from the end: most names have
     none there (a table of the two bytes that end one, "'" and the last of
     "’", tests each byte once) */
  static const uint8_t apostrophe_end[256] = {['\''] = 1, [0x99] = 1};
  const unsigned char *u = (const unsigned char *)z;
  if (!(apostrophe_end[u[n - 1]] | apostrophe_end[u[n - 2]] | apostrophe_end[u[n - 3]])) return 0;
  while (k < n && k < 5 && z[k] >= 'a' && z[k] <= 'z') k++;
  size_t al = k < n && z[k] == '\'' ? 1 : k + 2 < n && memcmp(z + k, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
  if (!al || n - k - al > 2) return 0;                 /* 's, 'm, 've, 'll, 're, 'd */
  for (size_t i = k + al; i < n; i++) if (z[i] < 'a' || z[i] > 'z') return 0;
  const art_table_entry *e = art_ent_lookup_lower(&art_table_common_words, z, k, 0);
  return e && strcmp(e->extra, "function") == 0;
}

/* "House", "Senate": a one-word body that ext/data/acronyms.tsv lists as its
   own name is short for a longer name ending with it only when a country
   or a nationality opens that name ("U.S. Senate", "European Parliament"),
   not "White House" or "Pennsylvania House". */
static int other_body(const char *doc, const mention *m, const mention *longer) {
  if (m->ntok != 1 || !acronym_may_list(m->hash)) return 0;
  const art_table_entry *e = art_table_find(&art_table_acronyms, doc + m->start, m->end - m->start);
  if (!e || !text_is(doc, m->start, m->end, e->extra, strlen(e->extra))) return 0;
  size_t ml = m->end - m->start;
  if (longer->end - longer->start < ml + 2) return 1;
  return !(art_ent_gaz_bits(doc + longer->start, longer->end - ml - 1 - longer->start, 1) &
           (ART_GAZ_COUNTRIES | ART_GAZ_DEMONYMS));
}

/* What the document pass keeps per text number.  D's vote on one surface
   form: the sum of its votes while its mentions agree on a type, then a row
   of `votes` (row >= 0). */
enum { NO_VOTES = -2 };              /* a vote_group's row before its first vote */
typedef struct vote_group {
  int64_t sum;
  int32_t row;
  uint8_t type, context_org;
  uint8_t known;                     /* after D: what E0-E3 found out about the text (KNOWN_ bits) */
  uint8_t expansion;                 /* E1: 1 + the search for the text's expansion, 0: not asked */
  int32_t one_word;                  /* A2: the last one-word name with the text, or -1 */
} vote_group;

/* What steps after D learn about a one-word text, kept per text number
   (a one-word mention's text is its text number's: only B3c's merges,
   into two words or more, make them differ). */
enum {
  KNOWN_NO_EXPANSION = 1,            /* E1: acronyms.tsv gives it no other name */
  KNOWN_ORG_WORD_ASKED = 2,          /* E3 looked it up... */
  KNOWN_ORG_WORD = 4,                /*   an organisation word, no acronym */
  KNOWN_COMMON_ASKED = 8,            /* E3 looked it up... */
  KNOWN_COMMON = 16,                 /*   not all capitals, a common word (>= 90) */
  KNOWN_SHAPE_ASKED = 32,            /* A2 asked person_by_shape() about it... */
  KNOWN_PERSON_SHAPE = 64,           /*   a person's name by its shape */
  KNOWN_NO_STATE = 128               /* B5: gaz_us_states.tsv gives it no state */
};

static int root_of(const work *w, int i) {
  for (int hop = 0; hop < 4 && w->m[i].canon >= 0; hop++) i = w->m[i].canon;
  return i;
}

/* p, or a larger block when n items of size bytes do not fit (contents not
   kept; NULL and p freed when out of memory). */
static void *reserve(void *p, size_t *cap, size_t n, size_t size) {
  if (n <= *cap) return p;
  size_t c = *cap ? *cap : 64;
  while (c < n) c *= 2;
  free(p);
  p = malloc(c * size);
  *cap = p ? c : 0;
  return p;
}

void art_ent_doc_buffers_release(doc_buffers *b) {
  sm_release(&b->spans[0]);
  sm_release(&b->spans[1]);
  free(b->votes);
  free(b->acr_keys);
  free(b->canon_off);
  free(b->order);
  free(b->group_bytes);
  free(b->text);
  free(b->by_text);
  memset(b, 0, sizeof *b);
}

size_t art_ent_doc_buffers_bytes(const doc_buffers *b) {
  size_t bytes = b->votes_cap * sizeof *b->votes + b->acr_cap + b->canon_cap * sizeof *b->canon_off +
                 b->order_cap * sizeof *b->order + b->group_bytes_cap +
                 b->text_cap * sizeof *b->text + b->by_text_cap * sizeof *b->by_text;
  for (size_t k = 0; k < sizeof b->spans / sizeof b->spans[0]; k++)
    bytes += b->spans[k].cap * (sizeof *b->spans[k].slot + sizeof *b->spans[k].used);
  return bytes;
}

/* Are mentions x and y (x first) joined by "and" or "or"?  A comma alone
   also ends a clause ("Speaking to VOA, Okala said"). */
static int joined_by_and(const char *doc, const mention *x, const mention *y) {
  if (x->sentence != y->sentence || x->end >= y->start || y->start - x->end > 6) return 0;
  size_t s = x->end, e = y->start;
  return text_is(doc, s, e, " and ", 5) || text_is(doc, s, e, " or ", 4) || text_is(doc, s, e, ", and ", 6) ||
         text_is(doc, s, e, ", or ", 5);
}

/* Are mentions x and y (x first) listed together: "Scotland, Wales and ..."? */
static int coordinated(const char *doc, const mention *x, const mention *y) {
  return joined_by_and(doc, x, y) ||
         (x->sentence == y->sentence && x->end < y->start && text_is(doc, x->end, y->start, ", ", 2));
}

/* What the rare steps B3c to B4 and E0 walk instead of every mention (see
   art_ent_document_pass()). */
#define LONG_RARE_TYPES (1u << ART_ENT_FAC | 1u << ART_ENT_EVENT | 1u << ART_ENT_PRODUCT)
typedef struct rare_lists {
  const uint32_t *text;     /* A's list: every mention but the values, in order */
  int32_t *text_ids;        /* [k]: the text number of text[k]; ntexts for a name B3c merged
                               (made by text_ids_of() when a step first needs them) */
  int have_text_ids;
  size_t ntext, ntexts;     /* ntexts: how many text numbers */
  uint32_t *long_rare;      /* A's names of two words or more of LONG_RARE_TYPES, in order */
  size_t nlong_rare;
  uint32_t *names_places;   /* the one-word names and places (GPE) after B3, in order */
  size_t nnames_places;     /*   (made by names_and_places() when a step first needs them) */
  int have_names_places;
  uint32_t *context;        /* A's teams and companies by their words, then those B3b makes */
  size_t ncontext;
  int32_t *marks;           /* per text number, free from B3 to E: bits of the texts a step looks for */
  int marks_clear;          /* marks are all 0 */
  span_map *texts;          /* the texts' numbers */
} rare_lists;

/* Most articles need neither list below (their steps' triggers are rare):
   each is made by one walk over the mentions when a step first needs it. */
static const int32_t *text_ids_of(const work *w, rare_lists *rl) {
  if (!rl->have_text_ids)
    for (size_t k = 0; k < rl->ntext; k++) rl->text_ids[k] = w->m[rl->text[k]].text_id;
  rl->have_text_ids = 1;
  return rl->text_ids;
}

/* No step from B3 to B3c makes a name of a mention that is none, or a
   place of a name of two words or more: the list holds what each of B3c
   and B3d looks for, whichever asks first. */
static void names_and_places(const work *w, rare_lists *rl) {
  if (rl->have_names_places) return;
  for (size_t k = 0; k < rl->ntext; k++) {
    size_t i = rl->text[k];
    const mention *m = &w->m[i];
    if (is_name(m) && (m->ntok == 1 || m->type == ART_ENT_GPE)) rl->names_places[rl->nnames_places++] = (uint32_t)i;
  }
  rl->have_names_places = 1;
}

/* list[0..n) in the opposite order */
static void reverse_list(uint32_t *list, size_t n) {
  for (size_t a = 0, b = n; a + 1 < b; a++, b--) {
    uint32_t t = list[a];
    list[a] = list[b - 1];
    list[b - 1] = t;
  }
}

/* Marks cleared (once) for a step that marks the texts it looks for. */
static int32_t *clear_marks(rare_lists *rl) {
  if (!rl->marks_clear) {
    memset(rl->marks, 0, rl->ntexts * sizeof *rl->marks);
    rl->marks[rl->ntexts] = -1;        /* B3c's merged names: every step looks at them */
  }
  rl->marks_clear = 1;
  return rl->marks;
}

/* Mark (with bit) the text number of z[0..n) when it is some mention's text. */
static void mark_text(rare_lists *rl, const char *z, size_t n, int32_t bit) {
  const int32_t *id = sm_get(rl->texts, z, n, 0);
  if (id) rl->marks[*id] |= bit;
}

/*
** B3. A one-word "person" that no full name in the article explains, that
** the place gazetteers know, and that stands where places do (after "in",
** "from"...; listed with other places: "Scotland, Wales and ...") is the
** place.  Runs after surnames are linked.
*/
static int unlinked_place(work *w, mention *m, size_t i) {
  const char *doc = w->doc;
  uint32_t bits = art_ent_gaz_bits(doc + m->start, m->end - m->start, 1);
  if (!(bits & (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_REGIONS)))
    return 0;
  const mention *before = i > 0 ? &w->m[i - 1] : NULL, *after = i + 1 < w->count ? &w->m[i + 1] : NULL;
  int listed = (before && is_name(before) && before->type == ART_ENT_GPE && coordinated(doc, before, m)) ||
               (after && is_name(after) && after->type == ART_ENT_GPE && coordinated(doc, m, after));
  if (!listed && !after_preposition(doc, m)) return 0;
  m->type = (bits & ART_GAZ_REGIONS_LOC) && !(bits & (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES))
          ? ART_ENT_LOC : ART_ENT_GPE;
  return 1;
}

/*
** B3b. "Ryanair and EasyJet", "Veltora, Halden and Cortex": the items of a
** list are of one kind.  A one-word "person" that no full name explains,
** that no list of names knows and that no pronoun follows, listed with an
** organisation, is an organisation.  Runs after surnames are linked.
*/
static int listed_with_org(work *w, mention *m, size_t i) {
  const char *doc = w->doc;
  if (m->he || m->she) return 0;
  const mention *before = i > 0 ? &w->m[i - 1] : NULL, *after = i + 1 < w->count ? &w->m[i + 1] : NULL;
  int listed = (before && is_name(before) && before->type == ART_ENT_ORG && joined_by_and(doc, before, m)) ||
               (after && is_name(after) && after->type == ART_ENT_ORG && joined_by_and(doc, m, after));
  if (!listed || (art_ent_gaz_bits(doc + m->start, m->end - m->start, 1) &
                  (ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES | ART_GAZ_COMMON)))
    return 0;
  m->type = ART_ENT_ORG;
  m->context_org = 1;
  m->score = 1 << 20;
  return 1;
}

/*
** B3 and B3b over the one-word "persons" no full name explains, in one pass:
** a mention that B3 makes a place is no longer a person for B3b, and
** neither step's test of a neighbour's type (a place for B3, an
** organisation for B3b) changes with what the other step does to it.
** persons[0..n): the one-word persons B left unlinked (each step changes
** only the mention it looks at).  Returns how many mentions B3b made
** organisations.
*/
static size_t one_word_persons(work *w, const uint32_t *persons, size_t n, rare_lists *rl) {
  size_t orgs = 0;
  for (size_t x = 0; x < n; x++) {
    size_t i = persons[x];
    mention *m = &w->m[i];
    if (!is_name(m) || m->type != ART_ENT_PERSON || m->ntok != 1 || m->canon >= 0 || m->from_lexicon) continue;
    if (unlinked_place(w, m, i)) continue;
    int was_listed = m->context_org || m->team;       /* in rl->context already */
    if (listed_with_org(w, m, i)) {
      orgs++;
      if (!was_listed) rl->context[rl->ncontext++] = (uint32_t)i;
    }
  }
  return orgs;
}

/* A place name the gazetteers know, used as a place. */
static int known_place(const char *doc, const mention *m) {
  return is_name(m) && (m->type == ART_ENT_GPE || m->type == ART_ENT_LOC) &&
         (art_ent_gaz_bits(doc + m->start, m->end - m->start, 1) &
          (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_REGIONS));
}

/*
** B3d. In a business story -- two mentions or more that their words made
** companies ("Shares of Vantrix", "chipmaker Halden"), or one such company
** named three times or more -- a one-word name
** the tagger took for a place or a person, that no list knows (no place,
** given name, surname or common word) and, if a person, that no pronoun
** follows, is a
** company ("chips from Nvidia", "business from Oracle and Salesforce"),
** unless it stands where places do (after "in", "near"...).
*/
static void business_story_companies(work *w, rare_lists *rl) {
  static const word places[] = {WORD("in"), WORD("into"), WORD("near"), WORD("outside"), WORD("across"),
                                 WORD("around"), WORD("toward"), WORD("towards"), WORD("of")};
  const char *doc = w->doc;
  /* the companies are among rl->context (order does not matter: two of
     them will do, and one is the only one) */
  size_t companies = 0, first = 0;
  for (size_t x = 0, i; x < rl->ncontext && companies < 2; x++)
    if (i = rl->context[x], w->m[i].context_org && !w->m[i].team && is_name(&w->m[i]) && !companies++) first = i;
  if (companies == 1) {
    /* one company by its words, named three times or more: the story's
       subject (equal texts have equal numbers until B3c's merges) */
    size_t named = 0;
    int32_t id = w->m[first].text_id;
    const int32_t *ids = text_ids_of(w, rl);
    for (size_t x = 0; x < rl->ntext && named < 3; x++) named += ids[x] == id;
    if (named >= 3) companies = 2;
  }
  if (companies < 2) return;
  names_and_places(w, rl);
  /* one-word products the words around them named ("sold as Lunavia"):
     the same name elsewhere is that product, not a company */
  enum { PRODUCTS = 8 };
  size_t products[PRODUCTS], nprod = 0;
  for (size_t x = 0, i; x < rl->nnames_places && nprod < PRODUCTS; x++)
    if (i = rl->names_places[x], w->m[i].type == ART_ENT_PRODUCT && w->m[i].ntok == 1 && is_name(&w->m[i])) products[nprod++] = i;
  /* the one-word names are listed */
  for (size_t x = 0; x < rl->nnames_places; x++) {
    size_t i = rl->names_places[x];
    mention *m = &w->m[i];
    if (!is_name(m) || m->ntok != 1 || (m->type != ART_ENT_GPE && m->type != ART_ENT_PERSON) || m->dateline ||
        m->from_lexicon || m->canon >= 0 || m->context_org)
      continue;
    int product = 0;
    for (size_t k = 0; k < nprod && !product; k++)
      product = w->m[products[k]].hash == m->hash && same_text(doc, &w->m[products[k]], m);
    if (product) continue;
    if (m->type == ART_ENT_PERSON && (m->he || m->she)) continue;   /* a pronoun after a place tells nothing */
    size_t ml = m->end - m->start;
    if (ml < 3 || !(doc[m->start + 1] >= 'a' && doc[m->start + 1] <= 'z')) continue;   /* not "U.S.", "EU" */
    int placed = one_of(doc, m->prev_start, m->prev_end, places, sizeof places / sizeof places[0]);
    /* "Mr. Razali": a title before it; "Wallachia and Moldavia": listed with a place */
    if (m->prev_end > m->prev_start &&
        (art_ent_gaz_bits(doc + m->prev_start, m->prev_end - m->prev_start, 0) & ART_GAZ_TITLES))
      continue;
    const mention *before = i > 0 ? &w->m[i - 1] : NULL, *after = i + 1 < w->count ? &w->m[i + 1] : NULL;
    if ((before && known_place(doc, before) && joined_by_and(doc, before, m)) ||
        (after && known_place(doc, after) && joined_by_and(doc, m, after)))
      continue;
    if (placed || (art_ent_gaz_bits(doc + m->start, ml, 1) &
                   (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_REGIONS |
                    ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES | ART_GAZ_COMMON | ART_GAZ_DEMONYMS)))
      continue;
    /* "on Wednesdays": a date word, plural too */
    if (art_ent_lookup_lower(&art_table_value_words, doc + m->start, ml, 0) ||
        (doc[m->end - 1] == 's' && art_ent_lookup_lower(&art_table_value_words, doc + m->start, ml - 1, 0)))
      continue;
    m->type = ART_ENT_ORG;
    m->context_org = 1;
    m->score = 1 << 20;
  }
}

/*
** B3e. "Madison Square Garden" ... "the Garden": a facility's last word,
** a facility word (ext/data/fac_words.tsv), used alone later is that
** facility.  Facilities are few: up to 16 are remembered.
*/
enum { MARK_FACILITY = 1, MARK_EVENT = 2, MARK_SHORT_FORM = 4 };

static void facility_short_names(work *w, rare_lists *rl) {
  const char *doc = w->doc;
  enum { FACILITIES = 16 };
  int fac[FACILITIES];
  size_t nfac = 0;
  /* no step before makes a facility of a name of two words or more: A listed them */
  for (size_t x = 0; x < rl->nlong_rare && nfac < FACILITIES; x++) {
    size_t i = rl->long_rare[x];
    const mention *m = &w->m[i];
    if (m->type == ART_ENT_FAC && m->ntok >= 2 && m->canon < 0 && is_name(m)) fac[nfac++] = (int)i;
  }
  if (!nfac) return;
  /* a mention that can be one's short name has the text of a facility's
     last word: those texts are marked, and only their mentions looked at */
  int32_t *marks = clear_marks(rl);
  for (size_t k = 0; k < nfac; k++) {
    const mention *f = &w->m[fac[k]];
    mark_text(rl, doc + f->last_start, f->end - f->last_start, MARK_FACILITY);
  }
  const int32_t *ids = text_ids_of(w, rl);
  for (size_t x = 0; x < rl->ntext; x++) {
    if (!(marks[ids[x]] & MARK_FACILITY)) continue;
    size_t i = rl->text[x];
    mention *m = &w->m[i];
    if (!is_name(m) || m->ntok != 1 || m->type == ART_ENT_FAC || m->from_lexicon || m->canon >= 0) continue;
    size_t ml = m->end - m->start;
    for (size_t k = 0; k < nfac; k++) {
      const mention *f = &w->m[fac[k]];
      if (f->end - f->last_start != ml || memcmp(doc + f->last_start, doc + m->start, ml) != 0) continue;
      if (!art_ent_lookup_lower(&art_table_fac_words, doc + m->start, ml, 0)) break;
      m->type = ART_ENT_FAC;
      m->canon = fac[k];
      m->score = 1 << 22;
      break;
    }
  }
}

/*
** B3c. In a match report -- two mentions or more that their words made
** teams ("Leverkusen coach", "beat Chelsea 3-1") -- a city's name stands
** for its club wherever it does not stand for a place: not after "in",
** "from", "to"..., not as an owner ("Berlin's stadium"), not as a
** dateline, and never a country's (national teams go by it).  Two city
** names with only a space between are one club's ("Bayern Munich").
*/
static void match_report_teams(work *w, rare_lists *rl) {
  static const word places[] = {WORD("in"), WORD("from"), WORD("to"), WORD("into"), WORD("near"), WORD("outside"),
                                 WORD("across"), WORD("at"), WORD("of"), WORD("around"), WORD("toward"),
                                 WORD("towards")};
  const char *doc = w->doc;
  size_t teams = 0;
  /* only A sets `team`: the teams are among rl->context */
  for (size_t x = 0; x < rl->ncontext && teams < 2; x++) teams += w->m[rl->context[x]].team && is_name(&w->m[rl->context[x]]);
  if (teams < 2) return;
  w->match_report = 1;
  /* the places (GPE) are among the one-word names and places */
  names_and_places(w, rl);
  for (size_t x = 0; x < rl->nnames_places; x++) {
    size_t i = rl->names_places[x];
    mention *m = &w->m[i];
    if (!is_name(m) || m->type != ART_ENT_GPE || m->dateline || m->from_lexicon || m->ntok > 3) continue;
    mention *nx = i + 1 < w->count ? &w->m[i + 1] : NULL;
    if (nx && is_name(nx) && nx->type == ART_ENT_GPE && nx->sentence == m->sentence && nx->start == m->end + 1 &&
        doc[m->end] == ' ' && !nx->dateline) {
      m->end = nx->end;                    /* "Bayern" + "Munich" */
      m->last_start = nx->last_start;
      m->ntok += nx->ntok;
      m->hash = text_hash(doc + m->start, m->end - m->start);
      nx->dropped = 1;
      /* its text number is still its first word's: the later steps that
         look for texts by number look at it whatever they look for */
      text_ids_of(w, rl);
      size_t lo = 0, hi = rl->ntext;
      while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rl->text[mid] < i) lo = mid + 1; else hi = mid;
      }
      rl->text_ids[lo] = (int32_t)rl->ntexts;
    }
    if (art_ent_gaz_bits(doc + m->start, m->end - m->start, 1) & (ART_GAZ_COUNTRIES | ART_GAZ_US_STATES)) continue;
    int placed = one_of(doc, m->prev_start, m->prev_end, places, sizeof places / sizeof places[0]);
    int owner = (m->end < w->doc_len && doc[m->end] == '\'') ||
                (m->end + 3 <= w->doc_len && memcmp(doc + m->end, "\xE2\x80\x99", 3) == 0);
    if (placed || owner) continue;
    m->type = ART_ENT_ORG;
    m->context_org = 1;
    m->team = 1;
    m->score = 1 << 20;
  }
}

/*
** B4. "Typhoon Sanvu" ... "Sanvu", "the BRP Sierra Madre" ... "the Sierra
** Madre": a storm, an operation or a product named in full once is named by
** its last words later.  Such names are few: a plain scan over them.
** Returns how many runs left as O it made names.
*/
static size_t event_short_names(work *w, rare_lists *rl) {
  const char *doc = w->doc;
  size_t events[8], nev = 0, named = 0;
  /* no step before makes an event or a product of a name of two words or
     more (B3c's clubs are organisations): A listed them */
  for (size_t x = 0; x < rl->nlong_rare && nev < 8; x++) {
    size_t i = rl->long_rare[x];
    const mention *e = &w->m[i];
    if (is_name(e) && e->ntok >= 2 &&
        ((e->type == ART_ENT_EVENT && art_ent_lookup_lower(&art_table_ent_event_words, doc + e->start, e->first_end - e->start, 0)) ||
         e->type == ART_ENT_PRODUCT))
      events[nev++] = i;
  }
  if (!nev) return 0;
  /* a short name is the text of an event's words from one after a space
     on: those texts are marked, and only their mentions looked at (and
     the names B3c merged, whose numbers are their first words') */
  int32_t *marks = clear_marks(rl);
  for (size_t k = 0; k < nev; k++) {
    const mention *e = &w->m[events[k]];
    for (size_t p = e->start + 1; p < e->end; p++)
      if (doc[p - 1] == ' ') mark_text(rl, doc + p, e->end - p, MARK_EVENT);
  }
  const int32_t *ids = text_ids_of(w, rl);
  for (size_t x = 0; x < rl->ntext; x++) {
    if (!(marks[ids[x]] & MARK_EVENT)) continue;
    size_t i = rl->text[x];
    mention *m = &w->m[i];
    if (m->dropped || m->is_value || m->from_lexicon || m->canon >= 0) continue;
    size_t ml = m->end - m->start;
    for (size_t k = 0; k < nev; k++) {
      const mention *e = &w->m[events[k]];
      if (m->type == e->type || e->ntok <= m->ntok || e->end - e->start <= ml + 1) continue;
      if (doc[e->end - ml - 1] != ' ' || memcmp(doc + e->end - ml, doc + m->start, ml) != 0) continue;
      if (m->ntok == 1 && (art_ent_gaz_bits(doc + m->start, ml, 0) & ART_GAZ_COMMON)) continue;
      named += m->orphan;
      m->type = e->type;
      m->orphan = 0;
      m->score = 1 << 22;
      break;
    }
  }
  return named;
}

/*
** "AP" is the Associated Press, not "Agency Partners" that an analyst works
** for: an acronym ext/data/acronyms.tsv lists with what it stands for links
** by its initials only to a name that opens or closes with the same word.
*/
static int other_expansion(const char *doc, const mention *acr, const mention *full) {
  if (!acronym_may_list(acr->hash)) return 0;
  const art_table_entry *e = art_table_find(&art_table_acronyms, doc + acr->start, acr->end - acr->start);
  if (!e || !e->extra[0]) return 0;
  size_t el = strlen(e->extra);
  if (el == acr->end - acr->start && memcmp(e->extra, doc + acr->start, el) == 0) return 0;   /* "BBC" */
  /* spellings vary ("Organization of Petroleum Exporting Countries",
     "United Nations Office for ..."): the same first or last word will do */
  const char *x = e->extra, *xl = strrchr(x, ' ');
  size_t xf = strcspn(x, " ");
  xl = xl ? xl + 1 : x;
  size_t fl = full->first_end - full->start, ll = full->end - full->last_start;
  int same_first = fl == xf && memcmp(doc + full->start, x, xf) == 0;
  int same_last = ll == strlen(xl) && memcmp(doc + full->last_start, xl, ll) == 0;
  return !same_first && !same_last;
}

/*
** E0. "the General Confederation of Workers of Peru (CGTP)": a one-word short
** form in parentheses right after a name defines it, whatever language its
** letters come from ("Phivolcs", "UNICEF"), and every mention of that short
** form links to the name and takes its type.  The name must be an
** organisation or a law ("General Data Protection Regulation (GDPR)"), and
** the short form must open with one of its initials and hold two of them
** ("CGTP": C, G and P are; "FENATRAPORT" from syllables: F, N, P), so
** "(Reuters)" after "New York" does not; a person's name has no short form
** ("(D)" is a party).  Definitions are few: a short array, and the mentions
** are compared by hash.  candidates[0..n): the one-word names with "("
** before them, in order (A lists them).
*/
static int initials_agree(const char *sh, size_t sl, const char *doc, size_t fs, size_t fe) {
  char ini[32];
  size_t ni = initials(doc, fs, fe, ini, sizeof ini);
  if (!ni) return 0;
  size_t caps = 0, hits = 0;
  for (size_t k = 0; k < sl; k++) {
    if (!(sh[k] >= 'A' && sh[k] <= 'Z')) continue;
    caps++;
    if (memchr(ini, sh[k], ni)) hits++;
    else if (k == 0) return 0;             /* it opens with one of the name's initials */
  }
  return caps && hits >= (caps < 2 ? caps : 2);
}

static void parenthesized_short_forms(work *w, const uint32_t *candidates, size_t ncandidates, rare_lists *rl) {
  const char *doc = w->doc;
  enum { DEFINITIONS = 16 };
  int def_short[DEFINITIONS], def_full[DEFINITIONS];
  size_t ndef = 0;
  for (size_t c = 0; c < ncandidates && ndef < DEFINITIONS; c++) {
    size_t i = candidates[c];
    mention *m = &w->m[i];
    if (i == 0) continue;
    /* cheap shape first: "(" before, ")" after */
    if (m->start < 3 || doc[m->start - 1] != '(' || doc[m->start - 2] != ' ' ||
        m->end >= w->doc_len || doc[m->end] != ')')
      continue;
    if (!is_name(m) || m->ntok != 1 || m->canon >= 0 || m->from_lexicon) continue;
    size_t sl = m->end - m->start;
    if (sl < 2 || sl > 12 || !(doc[m->start] >= 'A' && doc[m->start] <= 'Z')) continue;
    for (size_t back = 1; back <= 3 && back <= i; back++) {
      const mention *f = &w->m[i - back];
      if (!is_name(f) || f->end != m->start - 2) continue;
      if (f->ntok < 2 || (f->type != ART_ENT_ORG && f->type != ART_ENT_LAW)) break;
      if (!initials_agree(doc + m->start, sl, doc, f->start, f->end)) break;
      def_short[ndef] = (int)i;
      def_full[ndef++] = (int)(i - back);
      break;
    }
  }
  if (!ndef) return;
  /* a mention of a short form has its text: those texts are marked, and
     only their mentions looked at (and B3c's merged names, of two words) */
  int32_t *marks = clear_marks(rl);
  for (size_t d = 0; d < ndef; d++) marks[w->m[def_short[d]].text_id] |= MARK_SHORT_FORM;
  const int32_t *ids = text_ids_of(w, rl);
  for (size_t x = 0; x < rl->ntext; x++) {
    if (!(marks[ids[x]] & MARK_SHORT_FORM)) continue;
    size_t i = rl->text[x];
    mention *m = &w->m[i];
    if (!is_name(m) || m->ntok != 1 || m->canon >= 0 || m->from_lexicon) continue;
    for (size_t d = 0; d < ndef; d++) {
      const mention *s = &w->m[def_short[d]];
      if (s->hash != m->hash || !same_text(doc, s, m)) continue;
      m->canon = def_full[d];
      m->type = w->m[def_full[d]].type;
      break;
    }
  }
}

/*
** E1. "AP" -> "Associated Press" when the article writes the name out only
** where no entity is found (a byline: "By HELEN MARCHETTI Associated
** Press"): an acronym of ext/data/acronyms.tsv left unlinked takes its listed
** expansion when the document holds it.  A hidden mention on that text
** carries the canonical name.  Acronyms are few: one search of the document
** per distinct acronym.
*/
static int spelled_out_acronyms(work *w, vote_group *known) {
  const char *doc = w->doc;
  /* what each distinct acronym found: the hidden mention, or -2 (not in the
     document); at most ACRONYM_SEARCHES searches, so the step stays linear */
  enum { ACRONYM_SEARCHES = 16 };
  const art_table_entry *asked[ACRONYM_SEARCHES];
  int found[ACRONYM_SEARCHES];
  size_t nasked = 0;
  for (size_t x = 0; x < w->ntext; x++) {
    size_t i = w->text[x];
    mention *m = &w->m[i];
    if (!is_name(m) || m->canon >= 0 || m->ntok != 1 || m->from_lexicon) continue;
    if (m->type != ART_ENT_ORG && m->type != ART_ENT_GPE) continue;
    size_t ml = m->end - m->start;
    vote_group *g = &known[m->text_id];
    if (g->known & KNOWN_NO_EXPANSION) continue;
    /* "U.S." again and again: a text's search is remembered */
    if (g->expansion) {
      if (found[g->expansion - 1] >= 0) m->canon = found[g->expansion - 1];
      continue;
    }
    const art_table_entry *e = acronym_may_list(m->hash) ? art_table_find(&art_table_acronyms, doc + m->start, ml) : NULL;
    size_t el = e ? strlen(e->extra) : 0;
    /* "BBC" is its own name */
    if (!el || (el == ml && memcmp(e->extra, doc + m->start, ml) == 0)) { g->known |= KNOWN_NO_EXPANSION; continue; }
    size_t q = 0;
    while (q < nasked && asked[q] != e) q++;
    if (q == nasked) {
      if (nasked == ACRONYM_SEARCHES) continue;
      const char *hit = NULL;
      for (const char *p = doc, *end = doc + w->doc_len; p + el <= end; p++) {
        p = memchr(p, e->extra[0], (size_t)(end - p));
        if (!p || p + el > end) break;
        if (memcmp(p, e->extra, el) == 0) { hit = p; break; }
      }
      asked[nasked] = e;
      found[nasked++] = -2;
      if (hit) {
        mention *h = art_ent_add_mention(w);
        if (!h) return -1;
        m = &w->m[i];                      /* the array may have moved */
        h->start = (size_t)(hit - doc);
        h->end = h->start + el;
        h->hash = text_hash(doc + h->start, el);
        h->type = m->type;
        h->dropped = 1;
        found[q] = (int)(w->count - 1);
      }
    }
    g->expansion = (uint8_t)(q + 1);
    if (found[q] >= 0) m->canon = found[q];
  }
  return 0;
}

/*
** B5. "Minn." -> "Minnesota" when the article also writes the state out: the
** abbreviation's canonical name.  Abbreviations are few: a plain scan.
*/
static void state_abbreviations(work *w, vote_group *known) {
  const char *doc = w->doc;
  const char *asked[8];                    /* each state is looked for once */
  int found[8];
  size_t nasked = 0;
  for (size_t x = 0; x < w->ntext; x++) {
    size_t i = w->text[x];
    mention *m = &w->m[i];
    if (!is_name(m) || m->type != ART_ENT_GPE || m->canon >= 0 || m->ntok > 2 || doc[m->end - 1] != '.') continue;
    /* "U.S." again and again: a text is looked up once (not after B3c's
       merges, which leave a merged name the number of its first word) */
    uint8_t no_memo = 0, *facts = w->match_report ? &no_memo : &known[m->text_id].known;
    if (*facts & KNOWN_NO_STATE) continue;
    const art_table_entry *e = art_ent_lookup_lower(&art_table_gaz_us_states, doc + m->start, m->end - m->start, 0);
    if (!e || !e->extra[0]) { *facts |= KNOWN_NO_STATE; continue; }
    size_t q = 0;
    while (q < nasked && asked[q] != e->extra) q++;
    if (q == nasked) {
      if (nasked == 8) continue;
      size_t el = strlen(e->extra);
      asked[nasked] = e->extra;
      found[nasked++] = -1;
      for (size_t j = 0; j < w->count; j++) {
        const mention *f = &w->m[j];
        if (is_name(f) && f->type == ART_ENT_GPE && text_is(doc, f->start, f->end, e->extra, el)) {
          found[q] = (int)j;
          break;
        }
      }
    }
    if (found[q] >= 0) m->canon = found[q];
  }
}

/* A2 for one mention m (a two- or three-word organisation or place): a
   person?  The answer depends on m's text only (its words, the one-word
   names of the article, whose types A2 leaves), so it is asked once per text. */
static int person_by_shape(work *w, span_map *texts, const vote_group *facts, const mention *m) {
  const char *doc = w->doc;
  if (art_ent_gaz_bits(doc + m->start, m->end - m->start, 1) &
      (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_REGIONS |
       ART_GAZ_ACRONYMS))
    return 0;
  /* the cheap signs first; the word-by-word shape only when one holds */
  int initials_first = m->first_end - m->start >= 2 && doc[m->first_end - 1] == '.';
  int sign = initials_first;
  if (!sign) {
    /* a one-word name's text is a mention's text: asked through `texts` */
    const int32_t *id = sm_get(texts, doc + m->last_start, m->end - m->last_start, 0);
    sign = id && facts[*id].one_word >= 0;
  }
  if (!sign) {
    const int32_t *id1 = sm_get(texts, doc + m->start, m->first_end - m->start, 0);   /* "Zhou" of "Zhou Wenbin" */
    sign = id1 && facts[*id1].one_word >= 0 && w->m[facts[*id1].one_word].type == ART_ENT_PERSON;
  }
  if (!sign) sign = (art_ent_gaz_bits(doc + m->start, m->first_end - m->start, 0) & ART_GAZ_FIRST_NAMES) != 0;
  return sign && person_shaped(doc, m);
}

/* B for one one-word mention m (the i-th): a surname alone -> the full name. */
static void surname_alone(work *w, const tables *tb, const int32_t *surnames, mention *m, size_t i) {
  const char *doc = w->doc;
  if (m->dropped || m->from_lexicon || m->dateline) return;
  const int32_t *v = &surnames[m->text_id];
  if (*v < 0) return;
  if (m->orphan && m->initial && common_word(tb, doc, m)) return;
  if (m->type == ART_ENT_GPE && after_preposition(doc, m) && m->score > 2000) return;
  m->type = ART_ENT_PERSON;
  m->orphan = 0;
  m->canon = *v;
  m->score = 1 << 22;
}

/* Could a word of n bytes whose first letter, lower-cased, is c be a
   particle?  The test art_ent_is_particle() makes first (tb's letters of
   quote_words.tsv's particles), here before the word is copied and the
   call made: most first names fail it. */
static inline int maybe_particle(const tables *tb, unsigned c, size_t n) {
  return !tb || c < 'a' || c > 'z' || (tb->particle_firsts[n < 15 ? n : 15] >> (c - 'a')) & 1;
}

/* B2 for one mention m (the i-th) of two words or more: a surname with
   particles, capitalised at a sentence's start or by house style ("Van der
   Berg"), -> the full name that ends with it ("Annelies van der Berg").
   Few people per article: a plain scan. */
static void particle_surname(work *w, const tables *tb, mention *m, size_t i) {
  const char *doc = w->doc;
  size_t count = w->count;
  if (!is_name(m) || m->type != ART_ENT_PERSON || m->canon >= 0 || m->ntok < 2) return;
  size_t fl = m->first_end - m->start;
  char low[8];
  if (fl >= sizeof low || !(doc[m->start] >= 'A' && doc[m->start] <= 'Z')) return;
  if (!maybe_particle(tb, (unsigned char)doc[m->start] + 32, fl)) return;
  memcpy(low, doc + m->start, fl);
  low[0] = (char)(low[0] + 32);
  if (!art_ent_is_particle(tb, low, fl)) return;
  size_t ml = m->end - m->start;
  for (size_t j = 0; j < count && j < 4096; j++) {
    const mention *f = &w->m[j];
    size_t jl = f->end - f->start;
    if (j == i || !is_full_person(f) || jl <= ml + 1 || doc[f->end - ml - 1] != ' ') continue;
    const char *tail = doc + f->end - ml;
    if (tail[0] == low[0] && memcmp(tail + 1, doc + m->start + 1, ml - 1) == 0) {
      m->canon = (int)j;
      break;
    }
  }
}

/* E3 for one mention m: a lone capitalised common word or organisation word
   left as an organisation that links to no longer name is dropped. */
static void lone_org_word(mention *m, const char *doc, uint8_t *facts) {
  if (!is_name(m) || m->ntok != 1 || m->type != ART_ENT_ORG || m->from_lexicon || m->context_org) return;
  size_t n = m->end - m->start;
  /* "the Ministry", "the Council" on their own: a word of a name, not one,
     even when it points back to the full name */
  if (!(*facts & KNOWN_ORG_WORD_ASKED)) {
    *facts |= KNOWN_ORG_WORD_ASKED;
    if (art_ent_lookup_lower(&art_table_org_words, doc + m->start, n, 0) &&
        !(acronym_may_list(m->hash) && art_table_find(&art_table_acronyms, doc + m->start, n)))
      *facts |= KNOWN_ORG_WORD;
  }
  if (*facts & KNOWN_ORG_WORD) { m->dropped = 1; return; }
  if (m->canon >= 0) return;
  if (!(*facts & KNOWN_COMMON_ASKED)) {
    *facts |= KNOWN_COMMON_ASKED;
    int all_caps = 1;
    for (size_t k = m->start; k < m->end; k++) if (doc[k] >= 'a' && doc[k] <= 'z') all_caps = 0;
    const art_table_entry *e = all_caps ? NULL : art_ent_lookup_lower(&art_table_common_words, doc + m->start, n, 0);
    if (e && atoi(e->value) >= 90) *facts |= KNOWN_COMMON;
  }
  if (*facts & KNOWN_COMMON) m->dropped = 1;
}

/* C's second half for one mention m, v the first name (not from a
   headline) with its text, or -1: a run left as O that matches a name used
   elsewhere becomes that name; a name from a Title Case headline stays only
   when the body names it too. */
static void headline_and_orphan(work *w, const tables *tb, mention *m, int32_t v) {
  const char *doc = w->doc;
  /* "Arsenal visits ...": a sentence's opening common word is the name
     only when its context elsewhere made it a team or company */
  if (m->orphan && v >= 0 && !(m->initial && m->ntok == 1 && common_word(tb, doc, m) && !w->m[v].context_org)) {
    m->orphan = 0;
    m->type = w->m[v].type;
    m->canon = w->m[v].canon;
    m->context_org = w->m[v].context_org;
    m->score = 0;
  }
  if (!m->weak || m->canon >= 0 || !is_name(m)) { if (m->weak && m->orphan) m->dropped = 1; return; }
  if (v >= 0 && !w->m[v].weak) { m->type = w->m[v].type; m->canon = w->m[v].canon; }
  else m->dropped = 1;
}

/* D's outcome for one mention m of its text's group. */
static void vote_outcome(mention *m, const vote_group *groups, const int64_t *votes) {
  const vote_group *g = &groups[m->text_id];
  int best;
  if (g->row >= 0) {
    /* the winner: the first type (from 1) with the most votes (rare: the
       group's mentions disagree) */
    const int64_t *vt = votes + (size_t)g->row * ART_ENT_TYPE_COUNT;
    int win = 1;
    for (int t = 2; t < ART_ENT_TYPE_COUNT; t++) if (vt[t] > vt[win]) win = t;
    best = vt[win] > vt[m->type] ? win : (int)m->type;
  } else {
    /* one type t (m's: the group's voters agree) with sum s, every other
       type 0: t wins when s > 0; else the first type (from 1) at 0 does,
       which beats m only when s < 0 (not t itself then) */
    if (g->sum >= 0) {                   /* most groups: m keeps its type */
      if (m->type == ART_ENT_ORG && g->context_org) m->context_org = 1;
      return;
    }
    best = g->type == 1 ? 2 : 1;
  }
  if (best == ART_ENT_ORG && g->context_org) m->context_org = 1;
  /* "French" the language and "French" the people share a surface form:
     where the context decided, each keeps its own */
  if (m->fixed && (best == ART_ENT_LANGUAGE || best == ART_ENT_NORP)) best = m->type;
  m->type = (art_etype)best;
}

/* E2's second half for one mention m (the i-th), prefixes[text number]: the
   longest company or party name that opens with the text, or -1. */
static void company_short_form(work *w, const tables *tb, const int32_t *prefixes, mention *m, size_t i) {
  const char *doc = w->doc;
  if (m->dropped || m->is_value || m->from_lexicon || m->canon >= 0 || m->dateline) return;
  if (m->type == ART_ENT_PERSON && m->ntok >= 2) return;
  const int32_t *v = &prefixes[m->text_id];
  if (*v < 0 || (size_t)*v == i) return;
  /* "U.N." is an organisation of its own, not short for "U.N. Security Council" */
  char acr[ACRONYM_MAX];
  if (acronym_letters(doc, m, acr, sizeof acr) && memchr(doc + m->start, '.', m->end - m->start)) return;
  /* "Senate" is a body of its own, not short for "Senate Appropriations
     Committee" that merely opens with it */
  if (m->ntok == 1 && art_ent_lookup_lower(&art_table_org_words, doc + m->start, m->end - m->start, 0)) return;
  /* a place's name is not short for a body that opens with it ("Boston"
     of "Boston University"), unless it names a club in a match report
     ("New York led 58-44" -> "New York Knicks") */
  if (!((m->team || w->match_report) && m->type == ART_ENT_ORG) &&
      (art_ent_gaz_bits(doc + m->start, m->end - m->start, 1) &
       (ART_GAZ_COUNTRIES | ART_GAZ_CITIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_REGIONS |
        ART_GAZ_DEMONYMS)))
    return;                  /* nor a nationality: "European" of "European Union" */
  if (m->orphan && m->initial && common_word(tb, doc, m)) return;
  m->orphan = 0;
  m->type = ART_ENT_ORG;
  m->canon = *v;
}

int art_ent_document_pass(work *w, const tables *tb, doc_buffers *b) {
  const char *doc = w->doc;
  size_t count = w->count;
  int rc = -1;
  /* Two hash maps: `texts` numbers each distinct text of a mention once,
     and every step that keys a map by spans of the document (A's
     mid-sentence texts, A2's one-word names, B's surnames, C's names, D's
     groups, E's suffixes, E2's prefixes) uses an array indexed by that
     number instead (by_text, emptied between steps, and `groups`, whose
     fields are the steps' own): a key that is no mention's text is never
     looked up, so it need not be kept.  The other map holds keys that are
     not spans of the text: E's acronyms. */
  span_map *texts = &b->spans[0];
  span_map *acronyms = &b->spans[1];
  int64_t *votes = NULL;
  char *acr_keys = NULL;
  /* the texts' mentions, then (from text + count) A's sentence openers,
     then (from text + 2 * count) E's longer organisation names for E2,
     then (from text + 3 * count) A's names of two words or more for A2,
     then B and C's first names per text number, later E's unlinked
     organisations and places,
     then (from text + 4 * count) A's one-word names after a "(" for E0,
     then (from text + 5 * count) the text number of each of text's
     mentions, when a step from B3c to E0 needs them,
     then (from text + 6 * count) A's names of two words or more that are
     facilities, events or products (B3e, B4), later E's names whose
     initials may be an acronym's,
     then (from text + 7 * count) A's teams and companies (B3c, B3d);
     the one-word names and places after B3, when B3c or B3d needs them,
     go in B3's list's place (text + 2 * count: E's is made later) */
  uint32_t *text = b->text = reserve(b->text, &b->text_cap, count ? 8 * count : 1, sizeof *b->text);
  uint32_t *long_orgs = text + 2 * count, *unlinked = text + 3 * count, *parenthesized = text + 4 * count;
  /* the rare steps B3c to B4 and E0 walk these, not every mention: one
     document of many articles has too many to walk five times (text numbers
     are 4 bytes a mention, in order; a mention is a cache line or two),
     while a short article seldom needs any (the lists the steps make when
     first needed cost it nothing then) */
  rare_lists rl = {0};
  size_t nlong_orgs = 0, nunlinked = 0;
  uint32_t *openers = text + count;
  size_t nopeners = 0;
  /* A's names of two words or more, for A2 and B's map (the only ones they
     look at; no step between them makes or unmakes such a name), in E's
     unlinked list's place (C's first names come after B's map) */
  uint32_t *longer = text + 3 * count;
  size_t nlonger = 0;
  size_t ntext = 0, ntexts = 0;
  size_t suffixes = 0, prefixes = 0;  /* E's and E2's entries in by_text */
  /* upper bounds on what steps B3b to E0 look for (types and flags they
     test only change later in ways the comments at their calls give) */
  size_t teams = 0, companies = 0, nparenthesized = 0;
  uint32_t long_types = 0;             /* bit t: a mention of two words or more has type t */
  /* A number per distinct text of a mention: the steps that look mentions
     up by their own text (A, C, D) index an array by it instead of hashing */
  int32_t *by_text = b->by_text = reserve(b->by_text, &b->by_text_cap, count + 1, sizeof *b->by_text);
  /* group_bytes holds the groups: one per text number */
  vote_group *groups = (vote_group *)(b->group_bytes = reserve(b->group_bytes, &b->group_bytes_cap,
                                                          (count ? count : 1) * sizeof(vote_group), 1));
  if (!text || !by_text || !groups || sm_init(texts, count) || sm_init(acronyms, count)) goto done;
  rl.text_ids = (int32_t *)(text + 5 * count);
  rl.long_rare = text + 6 * count;
  rl.names_places = text + 2 * count;
  rl.context = text + 7 * count;

  /* A. A capitalised common word opening a sentence is not a name, unless
        the article also uses it as a name mid-sentence. */
  mention *mentions = w->m;            /* no mention is added before E1 */
  for (size_t i = 0; i < count; i++) {
    mention *m = &mentions[i];
    /* values (a number, a date) are never looked up by their text, and no
       step reads whether they open a sentence */
    if (m->is_value) continue;
    /* after a dateline's dash or a colon a capital is expected too */
    const char *p = doc + m->prev_start;
    size_t pl = m->prev_end - m->prev_start;
    if (pl == 3 ? p[0] == '\xE2' && p[1] == '\x80' && (p[2] == '\x94' || p[2] == '\x93') : pl == 1 && p[0] == ':')
      m->initial = 1;                      /* an em or en dash, a colon */
    text[ntext++] = (uint32_t)i;
    /* what the later steps look for, counted while the mentions are walked
       anyway: a step whose trigger no mention has is skipped */
    if (m->team || m->context_org) {        /* rare: one test for both */
      teams += m->team;
      companies += !m->team;
      rl.context[rl.ncontext++] = (uint32_t)i;
    }
    m->hash = text_hash(doc + m->start, m->end - m->start);
    int32_t *id = sm_mention(texts, doc, m, 1);
    if (*id < 0) {
      *id = (int32_t)ntexts++;
      by_text[*id] = 0;
      groups[*id] = (vote_group){.row = NO_VOTES, .one_word = -1};
    }
    m->text_id = *id;
    /* by_text: 1 for a text used mid-sentence */
    int mid_sentence = !m->initial && !m->orphan;
    if (m->ntok != 1) {
      if (m->ntok >= 2) {
        long_types |= 1u << m->type;
        if ((1u << m->type) & LONG_RARE_TYPES) rl.long_rare[rl.nlong_rare++] = (uint32_t)i;
        if (is_name(m)) longer[nlonger++] = (uint32_t)i;
      }
      if (mid_sentence) by_text[m->text_id] = 1;
      continue;
    }
    /* E0 looks at one-word names only */
    if (m->start >= 3 && doc[m->start - 1] == '(') parenthesized[nparenthesized++] = (uint32_t)i;
    if (pronoun_contraction(doc, m)) { m->dropped = 1; continue; }
    if (mid_sentence) by_text[m->text_id] = 1;
    /* for A2: the one-word names (the last with each text); a sentence's
       opening word waits until by_text is complete, below */
    if (m->initial && !m->from_lexicon && !m->dateline && !m->orphan) openers[nopeners++] = (uint32_t)i;
    else if (is_name(m)) groups[m->text_id].one_word = (int32_t)i;
  }
  w->text = text;
  w->ntext = ntext;
  for (size_t k = 0; k < nopeners; k++) {
    size_t i = openers[k];
    mention *m = &w->m[i];
    if (common_word(tb, doc, m) && !by_text[m->text_id]) m->dropped = 1;
    /* "Campaigners have vowed…", "Readers wrote…": a plural noun opening a
       sentence, no one's name, is not a person */
    size_t len = m->end - m->start;
    if (!m->dropped && m->type == ART_ENT_PERSON && len >= 5 && doc[m->end - 1] == 's' &&
        doc[m->end - 2] >= 'a' && doc[m->end - 2] <= 'z' &&
        !(art_ent_gaz_bits(doc + m->start, len, 0) & (ART_GAZ_FIRST_NAMES | ART_GAZ_SURNAMES)) &&
        !by_text[m->text_id])
      m->dropped = 1;
    /* an opener kept is a one-word name: the last with its text wins */
    if (is_name(m) && (int32_t)i > groups[m->text_id].one_word) groups[m->text_id].one_word = (int32_t)i;
  }
  memset(by_text, 0xFF, ntexts * sizeof *by_text);   /* by_text: B's surnames */

  /* A2. A two- or three-word name the tagger took for an organisation or a
         place, with no organisation, facility or place word in it, is a
         person when it opens with a given name or initials ("Faith
         Chepkoech", "R.J. Millbank") or when its last word is used alone
         elsewhere in the article ("Alemu"), as people are.
     B. Surnames alone -> the full name ("Austin" -> "Lloyd Austin"): the
        map of surnames, built in the same pass, as A2 changes only the
        mention it looks at. */
  for (size_t k = 0; k < nlonger; k++) {
    size_t i = longer[k];
    mention *m = &w->m[i];
    if (!m->from_lexicon && !m->dateline && m->ntok <= 3 &&
        (m->type == ART_ENT_ORG || m->type == ART_ENT_GPE)) {
      uint8_t *facts = &groups[m->text_id].known;
      if (!(*facts & KNOWN_SHAPE_ASKED))
        *facts |= KNOWN_SHAPE_ASKED | (person_by_shape(w, texts, groups, m) ? KNOWN_PERSON_SHAPE : 0);
      if (*facts & KNOWN_PERSON_SHAPE) m->type = ART_ENT_PERSON;
    }
    if (!is_full_person(m)) continue;
    const mention *f = m;
    size_t ss, se;
    surname_of(doc, f, &ss, &se);
    /* a surname that is no mention's text is never looked up */
    int32_t *id = sm_get(texts, doc + ss, se - ss, 0);
    if (!id) continue;
    int32_t *v = &by_text[*id];
    if (*v == -1) { *v = (int32_t)i; continue; }
    if (*v < 0) continue;                        /* already ambiguous */
    const mention *a = &w->m[*v];
    if (same_text(doc, a, f)) continue;
    size_t al = a->end - a->start, fl = f->end - f->start;
    /* A longer form of the same name ("George W. Bush" / "George Bush") wins; two people clash. */
    if (fl > al && contains(doc + f->start, fl, doc + a->start, a->last_start - a->start)) *v = (int32_t)i;
    else if (!(al > fl && contains(doc + a->start, al, doc + f->start, f->last_start - f->start))) *v = -2;
  }

  /* B (the one-word mentions) and B2 (the longer ones): one pass, as each
     changes only the mention it looks at and reads no other's type. */
  /* one-word persons B left unlinked, in E's list's place (E comes later):
     B3 and B3b look at nothing else */
  uint32_t *lone_persons = long_orgs;
  size_t nlone_persons = 0;
  /* for B5, in A's openers' place: the mentions of one or two words that
     end with a period, whatever their type (B3-B4 change types) */
  uint32_t *dotted = openers;
  size_t ndotted = 0;
  /* C's first half in this pass too: it reads whether a mention is a name
     and weak, which B and B2 change only on the mention they look at, and
     B3 to B5 below only on a few (they say so: C's first half is then
     walked again).  first_name[text number], in E's unlinked list's place
     (E comes after C): the first name (not from a headline) with the
     text, or -1. */
  int32_t *first_name = (int32_t *)(text + 3 * count);
  memset(first_name, 0xFF, ntexts * sizeof *first_name);
  /* walked from the last mention back (each step changes only the mention
     it looks at): the first name with a text is the last one stored, with
     no test of what is there; the lists, made backwards, are turned round */
  for (size_t k = ntext; k-- > 0;) {
    size_t i = text[k];
    mention *m = &w->m[i];
    if (m->ntok == 1) {
      surname_alone(w, tb, by_text, m, i);
      if (m->type == ART_ENT_PERSON && m->canon < 0) lone_persons[nlone_persons++] = (uint32_t)i;
    } else particle_surname(w, tb, m, i);
    if (doc[m->end - 1] == '.' && m->ntok <= 2) dotted[ndotted++] = (uint32_t)i;
    if (is_name(m) && !m->weak) first_name[m->text_id] = (int32_t)i;
  }
  reverse_list(lone_persons, nlone_persons);
  reverse_list(dotted, ndotted);

  /* B3d counts the companies B3b makes too; only B3c sets `team`, and no
     step before them makes a facility, an event or a product of a longer
     name */
  rl.text = text;
  rl.ntext = ntext;
  rl.ntexts = ntexts;
  rl.marks = by_text;                  /* free from here to E */
  rl.texts = texts;
  if (nlone_persons) companies += one_word_persons(w, lone_persons, nlone_persons, &rl);
  if (companies) business_story_companies(w, &rl);
  if (long_types & 1u << ART_ENT_FAC) facility_short_names(w, &rl);
  if (teams >= 2) match_report_teams(w, &rl);
  /* B3c drops the second word of a club's name, B4 makes names of runs
     left as O: C's first half is then walked again, below */
  int names_changed = w->match_report;
  if (long_types & (1u << ART_ENT_EVENT | 1u << ART_ENT_PRODUCT)) names_changed |= event_short_names(w, &rl) > 0;
  /* B3c's merges change where names end: then B5 walks every text's mention */
  if (!w->match_report) {
    w->text = dotted;
    w->ntext = ndotted;
  }
  state_abbreviations(w, groups);

  /* C. Runs left as O that match a name used elsewhere become that name.
        first_name[]: found in B's pass, or here again when B3c or B4
        changed which mentions are names. */
  if (names_changed) {
    memset(first_name, 0xFF, ntexts * sizeof *first_name);
    for (size_t x = 0; x < ntext; x++) {
      size_t i = text[x];
      const mention *m = &w->m[i];
      if (!is_name(m) || m->weak) continue;
      if (first_name[m->text_id] < 0) first_name[m->text_id] = (int32_t)i;
    }
  }
  /* D. One label per surface form: a confidence-weighted vote.  Each
        group of mentions with one text (numbered like the texts) has a
        winner, the first type (from 1) with the most votes; a mention keeps
        its own type unless the winner has more votes than it.  Most groups
        hold one type only: such a group keeps the sum of its votes, and
        only a group whose mentions disagree gets a row of votes per type
        (from `votes`, rows handed out in order).  The pass that votes also
        notes a group with a mention its context made a team or company. */
  size_t nrows = 0, most = ntext ? ntext : 1;
  /* the names as C leaves them (in A's openers' place): no step from D to
     E2's first half makes a name of a mention that is none, so those walk
     only these; a third of the texts' mentions are runs left as O */
  uint32_t *names = openers;
  size_t nnames = 0;
  votes = b->votes = reserve(b->votes, &b->votes_cap, most * ART_ENT_TYPE_COUNT, sizeof *votes);
  if (!votes) goto done;
  /* C's second half and D's vote, in one pass: C changes only the mention
     it looks at, and the names in C's map are neither runs left as O nor
     weak, so C never changes them; D votes with the mention as C left it. */
  for (size_t x = 0; x < ntext; x++) {
    size_t i = text[x];
    mention *m = &w->m[i];
    headline_and_orphan(w, tb, m, first_name[m->text_id]);
    if (!is_name(m)) continue;
    names[nnames++] = (uint32_t)i;
    if (m->from_lexicon) continue;
    vote_group *g = &groups[m->text_id];
    int64_t vote = (int64_t)m->score + 1;
    if (m->context_org) g->context_org = 1;   /* rare: no store for the others */
    if (g->row < 0) {
      if (g->row == NO_VOTES) { g->row = -1; g->type = (uint8_t)m->type; }
      if (m->type == g->type) { g->sum += vote; continue; }
      g->row = (int32_t)nrows++;   /* a second type: the group gets its row */
      int64_t *vt = votes + (size_t)g->row * ART_ENT_TYPE_COUNT;
      memset(vt, 0, ART_ENT_TYPE_COUNT * sizeof *vt);
      vt[g->type] = g->sum;
    }
    votes[(size_t)g->row * ART_ENT_TYPE_COUNT + m->type] += vote;
  }
  /* each group's winner is found when D's outcome asks (below) */

  memset(by_text, 0xFF, ntexts * sizeof *by_text);   /* by_text: E's suffixes */
  rl.marks_clear = 0;                                 /* (it held the marks of B3e and B4) */

  /* E. Acronyms -> the spelled-out name; a shorter organisation name -> the longer. */
  acr_keys = b->acr_keys = reserve(b->acr_keys, &b->acr_cap, count * ACRONYM_MAX + 1, 1);
  if (!acr_keys) goto done;
  /* D's outcome and E's first half, in one pass: E's first half reads
     only the type of the mention it looks at, once D has set it */
  /* the names whose initials may be an acronym's (in A's long rare names'
     place: B4 was their last reader), asked below */
  uint32_t *initialled = text + 6 * count;
  size_t ninitialled = 0;
  uint32_t acronym_firsts = 0;         /* bit c - 'A': an unlinked one-word name's letters open with c */
  for (size_t x = 0; x < nnames; x++) {
    size_t i = names[x];
    mention *f = &w->m[i];
    if (is_name(f) && !f->from_lexicon) vote_outcome(f, groups, votes);
    if (!is_name(f) || (f->type != ART_ENT_ORG && f->type != ART_ENT_GPE)) continue;
    /* E's second pass and E1 look at unlinked organisations and places
       only (E0, between them, links only) */
    if (f->canon < 0 && !f->from_lexicon) {
      unlinked[nunlinked++] = (uint32_t)i;
      /* the first letters of the acronyms E's second pass looks up (below) */
      char acr[ACRONYM_MAX];
      if (acronym_letters(doc, f, acr, sizeof acr)) acronym_firsts |= 1u << (acr[0] - 'A');
    }
    if (f->ntok < 2) continue;
    /* E2 looks at the longer organisation names as D left them: no step
       between changes the type of a name of two words or more */
    if (f->type == ART_ENT_ORG) long_orgs[nlong_orgs++] = (uint32_t)i;
    if (f->dateline) continue;
    initialled[ninitialled++] = (uint32_t)i;
    if (f->type != ART_ENT_ORG) continue;
    for (size_t p = inner_start(f) + 1, end = inner_end(f) + 1; p < end; p++) {
      if (doc[p - 1] != ' ') continue;
      /* what follows "of" is another body: "European Union" of "Court of
         Justice of the European Union" is not short for it */
      if (f->end - p > 3 && doc[p] == 'o' && doc[p + 1] == 'f' && doc[p + 2] == ' ') break;
      int32_t *id = sm_get(texts, doc + p, f->end - p, 0);
      if (!id) continue;           /* no mention's text: never looked up */
      int32_t *v = &by_text[*id];
      if (*v < 0 || (w->m[*v].end - w->m[*v].start) < f->end - f->start) *v = (int32_t)i;
      suffixes++;
    }
  }
  /* The acronyms' keys: a key is looked up only by the letters of an
     unlinked one-word name below, so a key that opens with no such
     name's first letter is never made (most names' initials). */
  for (size_t x = 0; acronym_firsts && x < ninitialled; x++) {
    size_t i = initialled[x];
    const mention *f = &w->m[i];
    char *key = acr_keys + i * ACRONYM_MAX;
    /* a name's key opens with its first byte when that is a capital */
    unsigned first = (unsigned char)doc[f->start] - 'A';
    size_t kl = 0;
    int have_key = first >= 26 || ((acronym_firsts >> first) & 1);
    if (have_key && (kl = initials(doc, f->start, f->end, key, ACRONYM_MAX)) >= 2) {
      int32_t *v = acronym_slot(acronyms, key, kl);
      if (!v) goto done;
      if (*v < 0) *v = (int32_t)i;
    }
    if (f->type != ART_ENT_ORG) continue;
    /* "OCHA" for "United Nations Office for the Coordination of Humanitarian
       Affairs": the initials from an organisation word on, the tail of key
       (it opens with that word's capital) */
    for (size_t p = inner_start(f) + 1; p < f->last_start; p++) {
      if (doc[p - 1] != ' ' || !(doc[p] >= 'A' && doc[p] <= 'Z')) continue;
      if (!((acronym_firsts >> (doc[p] - 'A')) & 1)) continue;
      if (!have_key) { kl = initials(doc, f->start, f->end, key, ACRONYM_MAX); have_key = 1; }
      if (kl < 4) break;
      size_t wl = 0;
      while (p + wl < f->end && doc[p + wl] != ' ') wl++;
      if (!art_ent_lookup_lower(&art_table_org_words, doc + p, wl, 0)) continue;
      char tail[ACRONYM_MAX];
      size_t tl = initials(doc, p, f->end, tail, sizeof tail);
      if (tl >= 3 && tl < kl && memcmp(tail, key + kl - tl, tl) == 0) {
        int32_t *v = acronym_slot(acronyms, key + kl - tl, tl);
        if (!v) goto done;
        if (*v < 0) *v = (int32_t)i;
      }
    }
  }
  /* no acronym key and no suffix: nothing to link to */
  for (size_t x = 0, any = acronyms->nused || suffixes; any && x < nunlinked; x++) {
    size_t i = unlinked[x];
    mention *m = &w->m[i];
    if (!is_name(m) || m->canon >= 0 || m->from_lexicon) continue;
    if (m->type != ART_ENT_ORG && m->type != ART_ENT_GPE) continue;
    char acr[ACRONYM_MAX];
    size_t al = acronym_letters(doc, m, acr, sizeof acr);
    int32_t *v = al ? sm_get(acronyms, acr, al, 0) : NULL;
    if (v && *v >= 0 && (size_t)*v != i && !other_expansion(doc, m, &w->m[*v])) {
      m->canon = *v;
      m->type = w->m[*v].type;
      continue;
    }
    if (m->type != ART_ENT_ORG) continue;
    v = &by_text[m->text_id];
    if (v && *v >= 0 && w->m[*v].end - w->m[*v].start > m->end - m->start && !other_body(doc, m, &w->m[*v]))
      m->canon = *v;
  }

  w->text = names;
  w->ntext = nnames;
  if (nparenthesized) parenthesized_short_forms(w, parenthesized, nparenthesized, &rl);
  w->text = unlinked;
  w->ntext = nunlinked;
  if (spelled_out_acronyms(w, groups)) goto done;

  sm_clear(acronyms);
  memset(by_text, 0xFF, ntexts * sizeof *by_text);   /* by_text: E2's prefixes */

  /* E2. A company or party named in full once and by its first words later
         ("Meridian" -> "Meridian Lithography Corp.", "Labour" -> "Labour
         Party"): the full name must close with an organisation word, and the
         short form must not be a place the gazetteers know. */
  for (size_t x = 0; x < nlong_orgs; x++) {
    size_t i = long_orgs[x];
    const mention *f = &w->m[i];
    if (!is_name(f) || f->type != ART_ENT_ORG || f->ntok < 2 || f->canon >= 0) continue;
    int qualifies = -1;          /* the test of the full name, made once a prefix needs it */
    for (size_t p = inner_start(f) + (inner_start(f) == f->start); p < f->last_start; p++) {
      if (doc[p] != ' ' || doc[p - 1] == ',') continue;
      /* a prefix that is no mention's text is never looked up: asked
         first, as most are not, and it is cheaper than the word lists */
      int32_t *id = sm_get(texts, doc + f->start, p - f->start, 0);
      if (!id) continue;
      /* ... or close with "of" and a place: "Supreme Court" -> "Supreme Court of Canada" */
      /* ... or, in a match report, be a city's club: "Boston Celtics", "New York Knicks" */
      if (qualifies < 0)
        qualifies = art_ent_lookup_lower(&art_table_org_words, doc + f->last_start, f->end - f->last_start, 0) ||
                    (f->last_start >= f->start + 4 && memcmp(doc + f->last_start - 4, " of ", 4) == 0 &&
                     (art_ent_gaz_bits(doc + f->last_start, f->end - f->last_start, 1) &
                      (ART_GAZ_COUNTRIES | ART_GAZ_US_STATES | ART_GAZ_PROVINCES | ART_GAZ_CITIES))) ||
                    (w->match_report && (art_ent_gaz_bits(doc + f->start, f->last_start - 1 - f->start, 0) &
                                         (ART_GAZ_CITIES | ART_GAZ_US_STATES)));
      if (!qualifies) break;
      /* "Rochdale" of "Rochdale Borough Council" is the town */
      size_t q = p + 1, ql = 0;
      while (q + ql < f->end && doc[q + ql] != ' ') ql++;
      if (art_ent_lookup_lower(&art_table_place_modifiers, doc + q, ql, 0) ||
          (doc[q] >= 'A' && doc[q] <= 'Z' && art_ent_lookup_lower(&art_table_place_body_words, doc + q, ql, 0)))
        continue;
      int32_t *v = &by_text[*id];
      if (*v < 0 || w->m[*v].end - w->m[*v].start < f->end - f->start) *v = (int32_t)i;
      prefixes++;
    }
  }
  /* E2's second half, E3 and F's first pass, in one pass: E3 looks at an
     organisation as E2 left it, and no step after E2 changes a person's
     links; the persons are listed (in place, at the front of text) for
     F's passes. */
  size_t npersons = 0;
  /* E2's second half may make a name of a run left as O: with prefixes
     found, every text's mention is looked at */
  uint32_t *list = prefixes ? text : names;
  size_t nlist = prefixes ? ntext : nnames;
  for (size_t x = 0; x < nlist; x++) {
    size_t i = list[x];
    mention *m = &w->m[i];
    if (prefixes) company_short_form(w, tb, by_text, m, i);   /* none: no short form to find */
    if (m->type == ART_ENT_ORG) lone_org_word(m, doc, &groups[m->text_id].known);
    else if (is_name(m) && m->type == ART_ENT_PERSON) list[npersons++] = (uint32_t)i;
  }

  /* E3. A lone capitalised common word or organisation word left as an
         organisation ("Senators", "Financial", "Ministry") that links to no
         longer name names nothing by itself; acronyms stay (in the pass above).
     F. Gender of each person, gathered on the mention that names it in
        full. */
  for (size_t x = 0; x < npersons; x++) {
    size_t i = list[x];
    mention *m = &w->m[i];
    mention *r = &w->m[root_of(w, (int)i)];
    if (r != m) { r->he += m->he; r->she += m->she; }
    const char *p = doc + m->prev_start;
    size_t pl = m->prev_end - m->prev_start;
    if (text_is(p, 0, pl, "Mr.", 3) || text_is(p, 0, pl, "Mr", 2)) r->he += 3;
    if (text_is(p, 0, pl, "Ms.", 3) || text_is(p, 0, pl, "Ms", 2) || text_is(p, 0, pl, "Mrs.", 4) ||
        text_is(p, 0, pl, "Mrs", 3)) r->she += 3;
  }
  for (size_t x = 0; x < npersons; x++) {
    size_t i = list[x];
    mention *m = &w->m[i];
    if (m->canon >= 0) continue;
    int he = m->he, she = m->she;
    if (m->ntok >= 2) {
      /* "Van der Berg": a particle gives no gender */
      char low[8];
      size_t fl = m->first_end - m->start;
      int particle = fl < sizeof low && maybe_particle(tb, (unsigned char)doc[m->start] | 0x20, fl) &&
                     (memcpy(low, doc + m->start, fl), low[0] = (char)(low[0] | 0x20),
                      art_ent_is_particle(tb, low, fl));
      const art_table_entry *e = particle ? NULL
                                          : art_ent_lookup_lower(&art_table_gaz_first_names, doc + m->start, fl, 0);
      if (e && (e->value[0] == 'm' || e->value[0] == 'M')) he += 2;
      if (e && (e->value[0] == 'f' || e->value[0] == 'F')) she += 2;
    }
    m->gender = he > she ? 1 : she > he ? 2 : 0;
  }
  for (size_t x = 0; x < npersons; x++) {
    size_t i = list[x];
    mention *m = &w->m[i];
    if (m->canon >= 0) m->gender = w->m[root_of(w, (int)i)].gender;
  }
  rc = 0;
done:
  sm_clear(&b->spans[0]);
  sm_clear(&b->spans[1]);
  return rc;
}

/* ---- output ------------------------------------------------------------------ */

/* memcpy(d, z, n), inline for the short names nearly every row copies */
static inline __attribute__((always_inline)) void copy_bytes(char *d, const char *z, size_t n) {
  if (n >= 8 && n <= 16) {
    uint64_t a = load_word(z), b = load_word(z + n - 8);
    memcpy(d, &a, 8);
    memcpy(d + n - 8, &b, 8);
  } else if (n >= 4 && n < 8) {
    uint32_t a = load_half(z), b = load_half(z + n - 4);
    memcpy(d, &a, 4);
    memcpy(d + n - 4, &b, 4);
  } else {
    memcpy(d, z, n);
  }
}

/* The canonical texts' arena while emit() fills it: held in locals (the
   list's fields are written back at the end), as every byte stored could
   otherwise be the list's own fields for the compiler, reloaded each row. */
typedef struct arena_fill { char *z; size_t len, cap; } arena_fill;

static inline int arena_put(arena_fill *a, const char *z, size_t n, int titlecase, size_t *off) {
  if (a->len + n + 1 > a->cap) {
    size_t cap = a->cap ? a->cap : 1024;
    while (cap < a->len + n + 1) cap *= 2;
    char *p = realloc(a->z, cap);
    if (!p) return -1;
    a->z = p;
    a->cap = cap;
  }
  char *d = a->z + a->len;
  copy_bytes(d, z, n);
  d[n] = 0;
  if (titlecase) {                    /* a dateline's capitals: rare */
    int word_start = 1;
    for (size_t i = 0; i < n; i++) {
      unsigned char c = (unsigned char)d[i];
      if (c >= 'A' && c <= 'Z' && !word_start) d[i] = (char)(c + 32);
      word_start = c == ' ' || c == '-' || c == '.';
    }
  }
  *off = a->len;
  a->len += n + 1;
  return 0;
}


static int by_start(const void *a, const void *b) {
  const order_key *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/*
** Sort by by_start().  Mentions arrive nearly in order (a sentence's names,
** then its values), so an insertion sort does it in about one pass; when
** keys have to travel far it gives up and calls qsort, to stay n log n.
*/
static void sort_keys(order_key *k, size_t n) {
  size_t moves = 0;
  for (size_t i = 1; i < n; i++) {
    /* in place already: most keys, by their starts alone */
    if (k[i - 1].start < k[i].start || by_start(&k[i - 1], &k[i]) < 0) continue;
    order_key x = k[i];
    size_t j = i;
    while (j > 0 && by_start(&k[j - 1], &x) > 0) {
      k[j] = k[j - 1];
      j--;
    }
    k[j] = x;
    moves += i - j;
    if (moves > 16 * n + 1024) {
      qsort(k, n, sizeof *k, by_start);
      return;
    }
  }
}

int art_ent_emit(work *w, const art_ent_options *opts, doc_buffers *b, art_entity_list *out) {
  const char *doc = w->doc;
  const mention *mentions = w->m;
  size_t count = w->count, n = count ? count : 1;
  size_t *canon_off = b->canon_off = reserve(b->canon_off, &b->canon_cap, n, sizeof *canon_off);
  order_key *order = b->order = reserve(b->order, &b->order_cap, n, sizeof *order);
  out->count = 0;
  out->arena_len = 0;
  if (!canon_off || !order) return -1;
  arena_fill arena = {out->arena, 0, out->arena_cap};
  int rc = 0;
  /* only the mentions that may be written get a key and a canonical text:
     a mention dropped, left as O, of no type or of a type not asked for is
     skipped below anyway, and never sets where the previous one ended */
  size_t nkeys = 0;
  /* the types asked for, never ART_ENT_NONE: one test for both */
  uint32_t type_mask = (opts && opts->type_mask ? opts->type_mask : ~0u) & ~(1u << ART_ENT_NONE);
  for (size_t i = 0; i < count && !rc; i++) {
    const mention *m = &mentions[i];
    if (m->dropped || m->orphan || !((type_mask >> m->type) & 1)) continue;
    order[nkeys++] = (order_key){m->start, m->end, i};
    /* most: a name of up to 16 bytes that is its own canonical, copied as
       two words when the document and the arena have 16 bytes there */
    size_t n = m->end - m->start;
    if (m->canon < 0 && !m->from_lexicon && !m->dateline && n <= 16 && m->start + 16 <= w->doc_len &&
        arena.len + 17 <= arena.cap) {
      char *d = arena.z + arena.len;
      uint64_t lo = load_word(doc + m->start), hi = load_word(doc + m->start + 8);
      memcpy(d, &lo, 8);
      memcpy(d + 8, &hi, 8);
      d[n] = 0;
      canon_off[i] = arena.len;
      arena.len += n + 1;
      continue;
    }
    size_t root = m->canon < 0 ? i : (size_t)root_of(w, (int)i);   /* most are their own */
    const mention *r = &mentions[root];
    if (m->from_lexicon && opts && opts->lexicon[m->lex_canon].canonical) {
      const char *c = opts->lexicon[m->lex_canon].canonical;
      rc = arena_put(&arena, c, strlen(c), 0, &canon_off[i]);
    } else if (root < i && r->canon < 0 && !r->from_lexicon && !r->dropped && !r->orphan &&
               ((type_mask >> r->type) & 1)) {
      /* the root, kept before (the tests above: only a kept mention has
         its canon_off set) and put from its own text (it is its own root),
         wrote the same string */
      canon_off[i] = canon_off[root];
    } else {
      int title = r->dateline;
      /* A dateline whose place the article also writes normally takes that spelling. */
      rc = arena_put(&arena, doc + r->start, r->end - r->start, title, &canon_off[i]);
    }
  }
  out->arena = arena.z;
  out->arena_cap = arena.cap;
  out->arena_len = arena.len;
  if (rc) return -1;
  sort_keys(order, nkeys);
  /* the rows, in locals too (written back below): at most one per key,
     so the list is grown once, before the loop */
  art_entity *items = out->items;
  size_t rows = 0, cap = out->cap, last_end = 0;
  if (nkeys > cap) {
    size_t more = cap ? cap * 2 : 32;
    while (more < nkeys) more *= 2;
    art_entity *p = realloc(items, more * sizeof *p);
    if (!p) return -1;
    out->items = items = p;
    out->cap = cap = more;
  }
  for (size_t k = 0; k < nkeys; k++) {
    size_t i = order[k].index;
    const mention *m = &mentions[i];
    if (m->start < last_end) continue;   /* overlaps the previous kept mention (0 before the first) */
    art_entity *e = &items[rows++];
    /* the arena is filled above and no longer moves: offsets become pointers here */
    /* field by field: a compound literal zeroes the whole row first */
    e->start = m->start;
    e->end = m->end;
    e->sentence = m->sentence;
    e->paragraph = m->paragraph;
    e->type = m->type;
    e->canonical = arena.z + canon_off[i];
    e->has_value = m->has_value;
    e->value = m->value;
    e->gender = m->gender & -(int)(m->type == ART_ENT_PERSON);   /* no branch: half the rows are persons */
    memcpy(e->date, m->date, sizeof e->date);             /* "" when no date (mentions start zeroed) */
    last_end = m->end;
  }
  out->items = items;
  out->cap = cap;
  out->count = rows;
  return rc;
}
