/*
** quotes_attrib.c — who said each quote, with which cue, and what kind of
** quote it is.
**
** The second half of the quotes stage (include/article_quotes.h).  Input:
** the quotes that ext/quotes_marks.c paired, the segmenter's sentences and
** the entity list.  News writing attributes a quote in a handful of ways,
** and each is read from the words next to the quote:
**
**   “…,” Gallant claimed.                quote, speaker, cue
**   “…,” said Sen. Maria Delgado.        quote, cue, speaker (inverted)
**   “…,” he said, “…”                    the cue in the middle: both halves
**   Austin told reporters: “…”           speaker, cue, quote
**   …, according to a senior official.   "according to" and the speaker
**   Austin said:  ⏎  “…”                 the cue in the sentence before
**   He put it bluntly: “…”               no cue, a colon: the clause's subject
**   “…,” she said. “…”                   no cue: the speaker carries over
**   X welcomed it, saying “…”            a participle: the clause's subject
**   …, said X, an analyst who rates the stock “market perform.”
**                                        a fragment in a relative clause
**
** The words around a quote are cut into tokens (words keep inner hyphens,
** apostrophes and the period of "U.S." or "Sen."), cues are looked up in
** ext/data/cue_verbs.tsv (longest phrase first: "said in a statement",
** "according to"; passives such as "was told" are listed to be skipped),
** and the speaker is the noun phrase on the cue's subject side: a name, a
** pronoun, or a description ("a senior U.S. defense official", "the
** ambassador to Nepal").  The phrase grammar is small and explicit: a name
** reads back over capitalised words, name particles ("van der", "al-"),
** suffixes ("Jr.", "III") and titles, and a title's place is no part of it
** ("Secretary of State Daniel P. Harrow", "Ambassador to Iraq Zalmay
** Khalilzad"); a role over its modifiers up to a determiner; an aside between
** commas is skipped, or taken when it is the name ("The director of the
** fund, Mara Quist, says"); a phrase after a preposition is no subject;
** "quoted by Reuters as saying" does not make Reuters the speaker; a party
** and state after a name ("Rep. Randall Pike, R-Ohio, said") are no one,
** and "of" after a person's name gives a home, not a longer name ("Sen.
** Laura Pellegrino of Vermont").
** Function words come from ext/data/quote_words.tsv, job and organisation
** nouns from ext/data/speaker_roles.tsv, given and family names from the
** gazetteers ext/data/gaz_first_names.tsv and gaz_surnames.tsv.
**
** The phrase as written is speaker_text; the canonical speaker is:
**   - a person: the name as the article writes it there, titles off; a
**     lone surname widened to the full name the article used before
**     ("Austin" -> "Lloyd Austin", "Van der Berg" -> "Annelies van der
**     Berg", "Arroyo" -> "Luis Arroyo Jr."), from the tagger's PERSON names
**     or the text itself.  The tagger can be wrong, so the text has the
**     last word: a name it split ("Daniel P." + "Harrow") is read whole, a
**     word it took for a place or a body is still a person when the
**     article gave it a first name earlier, and a capitalised plural or
**     common noun ("Campaigners", "Readers", "Police") is nobody: NULL.
**   - he / she / it: the nearest earlier person of that gender outside
**     quotes (the speakers of earlier quotes first, then each sentence's
**     people in order, from the tagger and from the text: capitalised runs
**     that a given name opens or a title precedes; a possessive "Hale's"
**     last); gender from the given name, a title or a role noun, never
**     from a particle ("Van").  A sentence whose subject is the same
**     pronoun passes the search further back ("He said X. He said Y.").  A
**     person of unknown gender is taken when no person of the right gender
**     is near, and also over one further back when named in the pronoun's
**     sentence or the one before ("Whitcomb laughed. “…,” she said.").
**   - a role ("the spokeswoman", "the defense minister"): the person the
**     article gives that role, as a title ("White House spokeswoman Karine
**     Jean-Pierre") or an apposition; an indefinite role ("a senior
**     official") stays anonymous (NULL).
**   - an organisation noun ("the ministry"): the named organisation that
**     holds it ("the Education Ministry"); a company noun ("the company",
**     "the carmaker") with no such name: the business the article is
**     about (main_business()).  A body's members speak for it: "the
**     court's nine judges wrote" is the court.
**   - another name: the tagger's canonical name (ORG, GPE, NORP), an
**     owner's possessive off ("China's Foreign Ministry" -> "Foreign
**     Ministry"), a nationality just before it kept ("the Russian Foreign
**     Ministry"); a one-word name widened to the full one the article gave
**     before ("Orbis" -> "Orbis Labs", "DWD" -> "Deutscher Wetterdienst"
**     from "the Deutscher Wetterdienst (DWD)").
**   Names read across a line break get single spaces (tidy_speakers()).
**
** Kind: a quote that stands as the sentence's own clause (it opens the
** sentence, follows a colon, a comma, a cue or "that", or runs long) is a
** statement; a few words inside the writer's sentence (“common enemies”,
** “unshakeable”) are a fragment.  A fragment has a speaker only when its
** sentence reports someone ("Austin described the alliance as
** “unshakeable”"), and a name in marks (“Sunday Times”) has none.
**
** Everything here runs only for documents that have quotes, and only on
** the sentences next to each quote; look-backs are bounded (a few
** sentences for pronouns, WIDEN_SENTENCES for names and roles), so the
** cost stays linear in the document.
*/
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "article_quotes.h"
#include "article_tables.h"
#include "article_text.h"

/* How far back (in sentences) a name, a role or an organisation is looked for. */
#define WIDEN_SENTENCES 300

/* ---- tokens ------------------------------------------------------------ */

enum { T_WORD = 1, T_CAP = 2, T_LOWER = 4, T_DIGIT = 8, T_PUNCT = 16, T_QUOTE = 32 };
enum { W_PRON = 1, W_DET, W_AUX, W_TIME, W_STOP, W_PREP, W_OF, W_PARTICLE };
enum { D_DEF = 1, D_INDEF, D_POSS };
enum { G_NONE = 0, G_M = 1, G_F = 2, G_IT = 3, G_PLURAL = 4, G_FIRST = 5 };
enum { R_ROLE = 1, R_TITLE, R_ORG, R_GROUP };
enum { C_SAY = 1, C_ACCORDING, C_WEAK, C_SKIP };

typedef struct qtok {
  size_t start, end;
  unsigned flags;
  int wcls, wdetail;     /* quote_words class and detail */
  int rcls, rgender;     /* speaker_roles class and gender */
  int abbrev;            /* a title abbreviation ("Sen.") */
  int suffix;            /* a name suffix ("Jr.", "III") */
  int poss;              /* ends in 's ("China's") */
} qtok;

typedef struct toks {
  qtok *v;
  size_t n, cap;
} toks;

typedef struct ctx {
  const unsigned char *z;
  size_t n;
  const art_sentence *sents;
  size_t nsents;
  const art_entity_list *ents;
  size_t *ent_order;      /* entity indices sorted by start */
  size_t nents;
  art_quote_list *list;
  int *qsent_open;        /* sentence index of each quote's start */
  int *qsent_close;       /* … and of its closing mark */
  int *qgender;           /* resolved speaker's gender */
  int *qetype;            /* resolved speaker's entity type (0: none) */
  toks a, a2, b, w;       /* scratch token buffers: attribution, people, roles, widening */
  int oom;
} ctx;

static int tok_push(ctx *c, toks *t, const qtok *q) {
  if (t->n == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 64;
    qtok *v = realloc(t->v, cap * sizeof *v);
    if (!v) { c->oom = 1; return -1; }
    t->v = v;
    t->cap = cap;
  }
  t->v[t->n++] = *q;
  return 0;
}

static int is_word_cp(int32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return 1;
    default:
      return 0;
  }
}

static int is_space_cp(int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return 1;
  if (cp < 0x80) return 0;
  int k = utf8proc_category(cp);
  return k == UTF8PROC_CATEGORY_ZS || k == UTF8PROC_CATEGORY_ZL || k == UTF8PROC_CATEGORY_ZP;
}

/*
** Lower-case doc[a..b) into buf (cap bytes), the curly apostrophe made
** straight.  Returns the length, or 0 when it does not fit.
*/
static size_t lower_key(const unsigned char *z, size_t a, size_t b, char *buf, size_t cap) {
  size_t k = 0;
  while (a < b) {
    unsigned char ch = z[a];
    if (ch < 0x80) {
      if (k + 1 > cap) return 0;
      buf[k++] = (char)((ch >= 'A' && ch <= 'Z') ? ch | 0x20 : ch);
      a++;
      continue;
    }
    size_t l;
    int32_t cp = art_utf8_decode(z + a, b - a, &l);
    if (cp == 0x2019) cp = '\'';
    else cp = utf8proc_tolower(cp);
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t el = utf8proc_encode_char(cp, enc);
    if (el <= 0 || k + (size_t)el > cap) return 0;
    memcpy(buf + k, enc, (size_t)el);
    k += (size_t)el;
    a += l;
  }
  return k;
}

/* Look a token up in quote_words and speaker_roles. */
static void classify_word(const unsigned char *z, qtok *t) {
  char key[64];
  size_t e = t->end;
  if (e > t->start && z[e - 1] == '.') e--;
  size_t len = lower_key(z, t->start, e, key, sizeof key);
  if (!len) return;
  const art_table_entry *w = art_table_find(&art_table_quote_words, key, len);
  if (w && !strcmp(w->value, "suffix")) t->suffix = 1;      /* "Jr.", "III" */
  if (t->end - t->start >= 2 && t->end - t->start <= 5) {     /* "Benedict XVI" */
    size_t i = t->start;
    while (i < t->end && (z[i] == 'I' || z[i] == 'V' || z[i] == 'X')) i++;
    if (i == t->end) t->suffix = 1;
  }
  /* An acronym is a name, even when it spells a word ("WHO", "IT"). */
  int acronym = e - t->start >= 2;
  for (size_t i = t->start; i < e && acronym; i++) acronym = z[i] >= 'A' && z[i] <= 'Z';
  if (w && t->end == e && !acronym) {
    const char *v = w->value;
    if (!strcmp(v, "pron")) {
      t->wcls = W_PRON;
      switch (w->extra[0]) {
        case 'm': t->wdetail = G_M; break;
        case 'f': t->wdetail = G_F; break;
        case 'n': t->wdetail = G_IT; break;
        case 'p': t->wdetail = G_PLURAL; break;
        default: t->wdetail = G_FIRST; break;
      }
    } else if (!strcmp(v, "det")) {
      t->wcls = W_DET;
      t->wdetail = !strcmp(w->extra, "indef") ? D_INDEF : !strcmp(w->extra, "poss") ? D_POSS : D_DEF;
    } else if (!strcmp(v, "aux")) t->wcls = W_AUX;
    else if (!strcmp(v, "time")) { t->wcls = W_TIME; t->wdetail = w->extra[0] == 'd'; }
    else if (!strcmp(v, "stop")) t->wcls = W_STOP;
    else if (!strcmp(v, "prep")) t->wcls = W_PREP;
    else if (!strcmp(v, "of")) t->wcls = W_OF;
    else if (!strcmp(v, "particle")) t->wcls = W_PARTICLE;
  }
  const art_table_entry *r = art_table_find(&art_table_speaker_roles, key, len);
  if (!r) {
    /* "Secretary-General", "Vice-President": the last part decides. */
    const char *dash = memchr(key, '-', len);
    while (dash) {
      const char *next = memchr(dash + 1, '-', len - (size_t)(dash + 1 - key));
      if (!next) break;
      dash = next;
    }
    if (dash && dash + 1 < key + len) r = art_table_find(&art_table_speaker_roles, dash + 1, len - (size_t)(dash + 1 - key));
    if (r && strcmp(r->value, "role") != 0) r = NULL;
  }
  if (r) {
    const char *v = r->value;
    t->rcls = !strcmp(v, "role") ? R_ROLE : !strcmp(v, "title") ? R_TITLE
            : !strcmp(v, "org") ? R_ORG : !strcmp(v, "group") ? R_GROUP : 0;
    t->rgender = r->extra[0] == 'm' ? G_M : r->extra[0] == 'f' ? G_F : G_NONE;
  }
}

/* Does the period after word doc[a..b) belong to it ("Sen.", "U.S.", "J.")? */
static int keeps_period(const unsigned char *z, size_t a, size_t b, int inner_period) {
  if (inner_period) return 1;
  size_t l;
  int32_t cp = art_utf8_decode(z + a, b - a, &l);
  if (a + l == b && (utf8proc_isupper(cp))) return 1;   /* an initial */
  char key[32];
  size_t len = lower_key(z, a, b, key, sizeof key);
  return len && art_table_find(&art_table_token_abbrevs, key, len) != NULL;
}

/* Index of the first quote whose marks end after `at` (quotes are in order). */
static size_t first_quote_after(const art_quote_list *l, size_t at) {
  size_t lo = 0, hi = l->count;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (l->items[mid].mark_end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/*
** Cut doc[a..b) into tokens; each quote of the list inside it becomes one
** T_QUOTE token covering its marks.
*/
static int tokenize(ctx *c, size_t a, size_t b, toks *t) {
  const unsigned char *z = c->z;
  t->n = 0;
  size_t qi = first_quote_after(c->list, a);
  size_t i = a;
  while (i < b) {
    while (qi < c->list->count && c->list->items[qi].mark_end <= i) qi++;
    if (qi < c->list->count && c->list->items[qi].mark_start <= i) {
      const art_quote *q = &c->list->items[qi];
      qtok tq = {q->mark_start, q->mark_end, T_QUOTE, 0, 0, 0, 0, 0, 0, 0};
      if (tok_push(c, t, &tq)) return -1;
      i = q->mark_end;
      qi++;
      continue;
    }
    size_t l;
    int32_t cp = art_utf8_decode(z + i, b - i, &l);
    if (is_space_cp(cp)) { i += l; continue; }
    qtok tk;
    memset(&tk, 0, sizeof tk);
    tk.start = i;
    if (!is_word_cp(cp)) {
      tk.end = i + l;
      tk.flags = T_PUNCT;
      if (tok_push(c, t, &tk)) return -1;
      i += l;
      continue;
    }
    tk.flags = T_WORD;
    if (utf8proc_isupper(cp)) tk.flags |= T_CAP;
    else if (utf8proc_islower(cp)) tk.flags |= T_LOWER;
    else tk.flags |= T_DIGIT;
    int inner_period = 0;
    size_t j = i + l;
    while (j < b) {
      size_t l2;
      int32_t c2 = art_utf8_decode(z + j, b - j, &l2);
      if (is_word_cp(c2)) { j += l2; continue; }
      if (c2 == '-' || c2 == '\'' || c2 == 0x2019 || c2 == '.' || c2 == '&') {
        size_t l3;
        if (j + l2 < b && is_word_cp(art_utf8_decode(z + j + l2, b - j - l2, &l3))) {
          if (c2 == '.') inner_period = 1;
          j += l2 + l3;
          continue;
        }
      }
      break;
    }
    /* "al-Zahar", "el-Sisi": a lower-case prefix before a capitalised name. */
    if (!(tk.flags & T_CAP) && j - i > 3) {
      size_t h = i;
      while (h < j && h - i < 4 && z[h] >= 'a' && z[h] <= 'z') h++;
      if (h < j && h - i <= 3 && z[h] == '-' && h + 1 < j && z[h + 1] >= 'A' && z[h + 1] <= 'Z') {
        tk.flags = (tk.flags & ~(unsigned)T_LOWER) | T_CAP;
      }
    }
    if (j < b && z[j] == '.' && keeps_period(z, i, j, inner_period)) {
      j++;
      tk.abbrev = 1;
    }
    tk.end = j;
    tk.poss = j - i > 2 && z[j - 1] == 's'
              && (z[j - 2] == '\'' || (j - i > 4 && z[j - 2] == 0x99 && z[j - 3] == 0x80 && z[j - 4] == 0xE2));
    classify_word(z, &tk);
    if (tok_push(c, t, &tk)) return -1;
    i = j;
  }
  return 0;
}

static int is_word(const qtok *t) { return (t->flags & T_WORD) != 0; }
static int is_punct(const qtok *t, const unsigned char *z, char ch) {
  return (t->flags & T_PUNCT) && t->end == t->start + 1 && z[t->start] == (unsigned char)ch;
}
static int is_dash(const qtok *t, const unsigned char *z) {
  if (!(t->flags & T_PUNCT)) return 0;
  if (t->end - t->start == 1) return z[t->start] == '-';
  size_t l;
  int32_t cp = art_utf8_decode(z + t->start, t->end - t->start, &l);
  return cp == 0x2014 || cp == 0x2013;
}

/* Can this token be part of a person's name?  Month words can ("Jan", "May"). */
static int name_word(const qtok *w) {
  return (w->flags & T_CAP) && w->rcls != R_TITLE && w->rcls != R_ROLE
         && (w->wcls == 0 || (w->wcls == W_TIME && !w->wdetail));
}

/*
** Token k of t continues a name: a name word; a suffix after one ("Luis
** Arroyo Jr."); or particles before one, between two names ("Pieter van
** Aalst", "Annelies van der Berg") or opening one ("Van der Berg said").
*/
static int name_part(const toks *t, size_t k) {
  const qtok *w = &t->v[k];
  if (name_word(w)) return 1;
  if (w->suffix && (w->flags & T_CAP)) return k > 0 && name_word(&t->v[k - 1]);
  if (w->wcls != W_PARTICLE) return 0;
  size_t m = k + 1;
  while (m < t->n && m - k < 3 && t->v[m].wcls == W_PARTICLE) m++;
  if (m >= t->n || !name_word(&t->v[m])) return 0;
  if (k == 0) return 1;
  const qtok *p = &t->v[k - 1];
  return name_word(p) || p->wcls == W_PARTICLE || !(p->flags & T_CAP);
}

/* ---- cues -------------------------------------------------------------- */

typedef struct cue {
  size_t tok, ntok;
  int cls;
  const char *lemma;      /* cue_verbs' third column */
} cue;

/* Longest cue phrase starting at token k of t (up to 5 words), or 0. */
static size_t cue_at(const ctx *c, const toks *t, size_t k, int allow_cap, int *cls, const char **lemma) {
  char key[96];
  size_t len = 0, best = 0;
  for (size_t m = 0; m < 5 && k + m < t->n; m++) {
    const qtok *w = &t->v[k + m];
    if (!is_word(w)) break;
    if (m) {
      if (len + 1 >= sizeof key) break;
      key[len++] = ' ';
    }
    size_t l = lower_key(c->z, w->start, w->end, key + len, sizeof key - len);
    if (!l) break;
    len += l;
    const art_table_entry *e = art_table_find(&art_table_cue_verbs, key, len);
    if (e) {
      int k2 = !strcmp(e->value, "say") ? C_SAY : !strcmp(e->value, "according") ? C_ACCORDING
             : !strcmp(e->value, "weak") ? C_WEAK : C_SKIP;
      best = m + 1;
      *cls = k2;
      *lemma = e->extra;
    }
  }
  if (best && (t->v[k].flags & T_CAP) && *cls != C_ACCORDING && !allow_cap) return 0;
  return best;
}

/* Every cue in tokens [lo, hi), left to right; returns the count (max cap). */
static size_t find_cues(const ctx *c, const toks *t, size_t lo, size_t hi, int first_is_start,
                        cue *out, size_t cap) {
  size_t n = 0;
  for (size_t k = lo; k < hi;) {
    int cls = 0;
    const char *lemma = "";
    size_t m = cue_at(c, t, k, first_is_start && k == lo, &cls, &lemma);
    if (m && k + m <= hi) {
      if (n < cap) { out[n].tok = k; out[n].ntok = m; out[n].cls = cls; out[n].lemma = lemma; n++; }
      k += m;
    } else k++;
  }
  return n;
}

/* ---- noun phrases -------------------------------------------------------- */

typedef struct np {
  size_t lo, hi;          /* tokens [lo, hi); lo == hi: none */
  size_t head;            /* the noun it is about: hi - 1, or the role noun of
                          ** "the ambassador to Nepal" */
} np;

static int np_word_ok(const qtok *t) {
  return is_word(t) && t->wcls != W_STOP && t->wcls != W_PREP && t->wcls != W_AUX
         && t->wcls != W_TIME && t->wcls != W_PRON;
}

/* A capitalised month or day inside a name ("Jan Peter Balkenende", "April Ryan"). */
static int name_time_word(const toks *t, size_t k, size_t limit) {
  return t->v[k].wcls == W_TIME && (t->v[k].flags & T_CAP) && k + 1 < limit
         && name_word(&t->v[k + 1]);
}

static int word_is(const ctx *c, const qtok *w, const char *s) {
  char key[16];
  size_t n = lower_key(c->z, w->start, w->end, key, sizeof key);
  return n == strlen(s) && !memcmp(key, s, n);
}

/* The relative "who" (not the acronym: "the WHO said"). */
static int is_who(const ctx *c, const qtok *w) {
  return !(w->flags & T_CAP) && word_is(c, w, "who");
}

/* A lower-case "-ly" word: "She resolutely said", "Smith flatly denied". */
static int is_adverb(const ctx *c, const qtok *w) {
  return (w->flags & T_LOWER) && w->end - w->start > 4 && c->z[w->end - 2] == 'l' && c->z[w->end - 1] == 'y';
}

/*
** Walk back from token j over one noun phrase's words, no further than lo.
** A phrase ending in a name reads the name first ("Jan Peter Balkenende"),
** then a title or role and the words that describe it ("Dutch Prime
** Minister"); a phrase ending in a role reads only the latter ("a senior
** U.S. defense official").  Returns where it starts; *det is set when a
** determiner opens it.
*/
static size_t np_walk(const toks *t, size_t lo, size_t j, int *det) {
  size_t k = j, words = 0;
  int in_name = name_part(t, j - 1);
  *det = 0;
  while (k > lo) {
    const qtok *w = &t->v[k - 1];
    if (w->wcls == W_DET) { k--; *det = 1; break; }
    if (w->wcls == W_OF) {
      if (k >= lo + 2 && (t->v[k - 2].flags & T_CAP) && k < j && (t->v[k].flags & T_CAP)) { k--; continue; }
      break;
    }
    if (in_name) {
      if (w->rcls == R_ROLE) in_name = 0;
      else if (!name_part(t, k - 1) && !name_time_word(t, k - 1, j) && w->rcls != R_TITLE) break;
    } else if (!np_word_ok(w)) {
      break;
    }
    if (++words > 8) break;
    k--;
  }
  return k;
}

static int person_before_of(const ctx *c, const toks *t, size_t lo, size_t m);

/* Tokens t[a, b) are a name, perhaps with a title ("Masood Ahmed", "Sen. Reed")? */
static int is_name_run(const toks *t, size_t a, size_t b) {
  if (b <= a || b - a > 5) return 0;
  int names = 0;
  for (size_t k = a; k < b; k++) {
    const qtok *w = &t->v[k];
    if (!(w->flags & T_CAP)) return 0;
    if (w->rcls == R_ORG || w->rcls == R_GROUP) return 0;
    if (name_word(w)) names++;
    else if (w->rcls != R_TITLE && w->rcls != R_ROLE) return 0;
  }
  return names > 0 && name_word(&t->v[b - 1]);
}

/*
** A lawmaker's party and state as written after the name: "R-Ohio",
** "D-Vt.", "I-Maine" (one capital, a hyphen, a capitalised state).
*/
static int party_tag(const unsigned char *z, const qtok *w) {
  size_t a = w->start, n = w->end - w->start;
  return n >= 4 && z[a] >= 'A' && z[a] <= 'Z' && z[a + 1] == '-' && z[a + 2] >= 'A' && z[a + 2] <= 'Z'
         && (w->flags & T_CAP);
}

/*
** The noun phrase that ends just before token e, reading back no further
** than token lo: "Gallant", "he", "a senior U.S. defense official", "the
** ambassador to Nepal"; around an aside, "Smith, the mayor, said" gives
** "Smith" and "The director of the fund, Masood Ahmed, says" the name in
** the aside; "LaRose, who called" gives "LaRose".
*/
static np np_before(const ctx *c, const toks *t, size_t lo, size_t e) {
  np r = {0, 0, 0};
  size_t j = e;
  while (j > lo && (t->v[j - 1].wcls == W_AUX || (t->v[j - 1].wcls == W_TIME && t->v[j - 1].wdetail)
                    || (j >= lo + 2 && is_adverb(c, &t->v[j - 1])
                        && (t->v[j - 2].wcls == W_PRON || name_word(&t->v[j - 2]))))) j--;
  if (j <= lo) return r;
  if (is_who(c, &t->v[j - 1])) {
    j--;
    if (j > lo && is_punct(&t->v[j - 1], c->z, ',')) j--;
    if (j <= lo) return r;
  }
  const qtok *last = &t->v[j - 1];
  if (is_punct(last, c->z, ',') || is_dash(last, c->z)) {
    int dash = is_dash(last, c->z);
    size_t k = j - 1, limit = j - 1 > lo + 20 ? j - 1 - 20 : lo;
    while (k > limit) {
      k--;
      if (dash ? is_dash(&t->v[k], c->z) : is_punct(&t->v[k], c->z, ',')) break;
      if (t->v[k].flags & T_QUOTE) return r;
    }
    if (k <= lo || k + 1 >= j - 1 || !(dash ? is_dash(&t->v[k], c->z) : is_punct(&t->v[k], c->z, ',')))
      return r;
    /* "Rep. Randall Pike, R-Ohio, said": a party and state are no one's name. */
    int party = k + 2 == j - 1 && party_tag(c->z, &t->v[k + 1]);
    if (!party && is_name_run(t, k + 1, j - 1)) {       /* the aside is the name */
      r.lo = k + 1; r.hi = j - 1; r.head = j - 2;
      return r;
    }
    /* An aside opens with a determiner, a number, a name, a role or "who". */
    const qtok *o = &t->v[k + 1];
    if (!(o->wcls == W_DET || (o->flags & (T_DIGIT | T_CAP)) || o->rcls || is_who(c, o)
          || word_is(c, o, "whose") || word_is(c, o, "which"))) return r;
    j = k;
    if (j <= lo) return r;
    last = &t->v[j - 1];
  }
  if (last->wcls == W_PRON) { r.lo = j - 1; r.hi = j; r.head = j - 1; return r; }
  int det;
  size_t k = np_walk(t, lo, j, &det);
  if (k >= j || (det && k + 1 == j)) return r;     /* nothing, or "The" alone */
  for (size_t m = k + 1; m + 1 < j; m++) {          /* "Laura Pellegrino of Vermont" */
    if (t->v[m].wcls == W_OF && person_before_of(c, t, k, m - 1)) { j = m; break; }
  }
  size_t head = j - 1;
  if (k > lo && (t->v[k - 1].wcls == W_PREP || t->v[k - 1].wcls == W_OF)) {
    /* After a preposition: a subject only when a role noun heads it
    ** ("the head of the Arab League said"). */
    if (k < lo + 2 || !t->v[k - 2].rcls || t->v[k - 2].rcls == R_TITLE) return r;
    head = k - 2;
    k = np_walk(t, lo, k - 1, &det);
  }
  if (!(t->v[head].flags & T_CAP) && !t->v[head].rcls) return r;   /* "the report said": no speaker */
  /* Without a determiner, lower-case words on the left belong to the clause before. */
  if (!det) {
    while (k < head && !(t->v[k].flags & T_CAP) && !t->v[k].rcls && t->v[k].wcls != W_PARTICLE) k++;
  }
  r.lo = k;
  r.hi = j;
  r.head = head;
  return r;
}

/*
** The noun phrase that starts at token s, reading no further than hi:
** "Sen. Maria Delgado", "the ministry", "a spokeswoman".
*/
static np np_after(const ctx *c, const toks *t, size_t s, size_t hi) {
  np r = {0, 0, 0};
  size_t k = s;
  while (k < hi && t->v[k].wcls == W_AUX) k++;
  if (k >= hi || !is_word(&t->v[k])) return r;
  if (t->v[k].wcls == W_PRON) { r.lo = k; r.hi = k + 1; r.head = k; return r; }
  size_t start = k;
  if (t->v[k].wcls == W_DET) k++;
  int seen_head = 0;
  size_t words = 0;
  while (k < hi) {
    const qtok *w = &t->v[k];
    if (w->wcls == W_OF || (w->wcls == W_PREP && seen_head && t->v[k - 1].rcls == R_ROLE)) {
      /* "Secretary of State …", "Ambassador to Iraq …" */
      if (seen_head && k + 1 < hi && (t->v[k + 1].flags & T_CAP) && (t->v[k - 1].flags & T_CAP)
          && !person_before_of(c, t, start, k - 1)) { k++; continue; }
      break;
    }
    if ((!np_word_ok(w) && !name_time_word(t, k, hi)) || w->wcls == W_DET) break;
    /* "Sen. Maria Delgado", "Dr. Annelies van der Berg", "Luis Arroyo Jr." */
    int capital = (w->flags & T_CAP) != 0 || w->rcls || (seen_head && name_part(t, k));
    if (seen_head && !capital) break;      /* "Smith adding" */
    if (capital) seen_head = 1;
    if (++words > 8) break;
    k++;
  }
  if (k == start || (k == start + 1 && t->v[start].wcls == W_DET)) return r;
  if (!(t->v[k - 1].flags & T_CAP) && !t->v[k - 1].rcls) return r;   /* "said the plan" */
  r.lo = start;
  r.hi = k;
  r.head = k - 1;
  return r;
}

/* ---- entities ------------------------------------------------------------ */

static const art_entity *ent(const ctx *c, size_t i) { return &c->ents->items[c->ent_order[i]]; }

/* Index (into ent_order) of the first entity starting at or after `at`. */
static size_t ent_first_from(const ctx *c, size_t at) {
  size_t lo = 0, hi = c->nents;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (ent(c, mid)->start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static int is_speaker_type(art_etype t) {
  return t == ART_ENT_PERSON || t == ART_ENT_ORG || t == ART_ENT_GPE || t == ART_ENT_NORP;
}

/* A canonical name worth showing: it starts with a letter or digit ("'s Ministry" does not). */
static int name_ok(const char *s) {
  if (!s || !*s) return 0;
  size_t l;
  return is_word_cp(art_utf8_decode((const unsigned char *)s, strlen(s), &l));
}

/* Is byte `at` inside one of the list's quotes? */
static int in_quote(const ctx *c, size_t at) {
  size_t qi = first_quote_after(c->list, at);
  return qi < c->list->count && c->list->items[qi].mark_start <= at;
}

/*
** Does the name open with particles ("Van der Berg", "De la Cruz")?  Its
** first word is then no given name, whatever a gazetteer says of "Van".
*/
static int particle_led(const char *name, size_t len) {
  size_t k = 0;
  while (k < len && name[k] != ' ') k++;
  if (k + 1 >= len || !(name[k + 1] >= 'a' && name[k + 1] <= 'z')) return 0;
  char key[8];
  size_t kl = lower_key((const unsigned char *)name, 0, k, key, sizeof key);
  const art_table_entry *w = kl ? art_table_find(&art_table_quote_words, key, kl) : NULL;
  return w && !strcmp(w->value, "particle");
}

/* Gender of a person: the mention's own, else another mention with the same name. */
static int person_gender(const ctx *c, size_t oi) {
  const art_entity *e = ent(c, oi);
  if (e->canonical && particle_led(e->canonical, strlen(e->canonical))) return 0;
  if (e->gender) return e->gender;
  if (!e->canonical) return 0;
  size_t lo = oi > 400 ? oi - 400 : 0, hi = oi + 400 < c->nents ? oi + 400 : c->nents;
  for (size_t k = lo; k < hi; k++) {
    const art_entity *o = ent(c, k);
    if (o->type == ART_ENT_PERSON && o->gender && o->canonical && !strcmp(o->canonical, e->canonical))
      return o->gender;
  }
  return 0;
}

/* ---- sentences ----------------------------------------------------------- */

/* Index of the sentence holding byte `at` (or the last one starting before it). */
static int sent_at(const ctx *c, size_t at) {
  return (int)art_sentence_index(c->sents, c->nsents, at);
}

/* ---- speakers ------------------------------------------------------------ */

typedef struct speaker {
  const char *name;       /* canonical; NULL: unknown */
  size_t len;
  int gender;
  int etype;
} speaker;


/*
** Where the name starts in a phrase: the run of capitalised words at its
** end that are no title or role ("Sen. Maria Delgado" -> "Maria Delgado").
** A phrase whose head is itself a title or an organisation noun ("the
** Defense Ministry") keeps everything after its determiner.
*/
static size_t name_start(const toks *t, np p) {
  size_t k = p.hi;
  while (k > p.lo && name_part(t, k - 1)) {
    /* "Secretary of State Condoleezza Rice", "Ambassador to Iraq Zalmay Khalilzad" */
    if (k - 1 > p.lo && (t->v[k - 2].wcls == W_OF || t->v[k - 2].wcls == W_PREP)) break;
    if (k >= p.lo + 3 && t->v[k - 2].wcls == W_DET && (t->v[k - 3].wcls == W_OF || t->v[k - 3].wcls == W_PREP)) break;
    if (k < p.hi && t->v[k - 1].poss) break;                /* "China's Foreign Ministry" */
    k--;
  }
  if (k == p.hi) {
    k = p.lo;
    while (k + 1 < p.hi && t->v[k].wcls == W_DET) k++;
  }
  return k;
}

/* Without a final "'s": "Gallant’s" -> "Gallant". */
static size_t without_possessive(const unsigned char *z, size_t a, size_t b) {
  if (b - a > 2 && z[b - 1] == 's' && z[b - 2] == '\'') return b - 2;
  if (b - a > 4 && z[b - 1] == 's' && z[b - 2] == 0x99 && z[b - 3] == 0x80 && z[b - 4] == 0xE2) return b - 4;
  return b;
}

static int is_possessive(const unsigned char *z, const qtok *w) {
  return without_possessive(z, w->start, w->end) != w->end;
}

/* A gazetteer entry for the word doc[a..b) (looked up in lower case). */
static const art_table_entry *gaz(const art_table *t, const unsigned char *z, size_t a, size_t b) {
  char key[64];
  size_t len = lower_key(z, a, without_possessive(z, a, b), key, sizeof key);
  return len ? art_table_find(t, key, len) : NULL;
}

static int has_tag(const art_table_entry *e, const char *tag) {
  size_t n = strlen(tag);
  for (const char *p = e->extra; (p = strstr(p, tag)) != NULL; p += n) {
    if ((p == e->extra || p[-1] == ' ') && (p[n] == 0 || p[n] == ' ')) return 1;
  }
  return 0;
}

/* Gender a first name implies: G_M, G_F or G_NONE. */
static int first_name_gender(const unsigned char *z, size_t a, size_t b) {
  const art_table_entry *e = gaz(&art_table_gaz_first_names, z, a, b);
  if (!e) return G_NONE;
  return e->value[0] == 'm' ? G_M : e->value[0] == 'f' ? G_F : G_NONE;
}

/* Gender of a full name's first word ("Lloyd Austin" -> male). */
static int name_gender(const char *name, size_t len) {
  size_t k = 0;
  while (k < len && name[k] != ' ') k++;
  if (particle_led(name, len)) return G_NONE;
  return k < len ? first_name_gender((const unsigned char *)name, 0, k) : G_NONE;
}

/* Does z[0..len) contain w[0..n)?  (memmem is not standard C.) */
static int contains(const unsigned char *z, size_t len, const char *w, size_t n) {
  if (n == 0 || len < n) return 0;
  const unsigned char *p = z, *end = z + len - n + 1;
  while ((p = memchr(p, (unsigned char)w[0], (size_t)(end - p))) != NULL) {
    if (memcmp(p, w, n) == 0) return 1;
    p++;
  }
  return 0;
}

/* Is name[a..b) a name suffix ("Jr.", "III")? */
static int is_suffix_text(const char *name, size_t a, size_t b) {
  char key[8];
  if (b > a && name[b - 1] == '.') b--;
  size_t len = lower_key((const unsigned char *)name, a, b, key, sizeof key);
  const art_table_entry *e = len ? art_table_find(&art_table_quote_words, key, len) : NULL;
  return e && !strcmp(e->value, "suffix");
}

/* The length of a full name without its suffix ("Luis Arroyo Jr." -> "Luis Arroyo"). */
static size_t name_core_len(const char *name, size_t len) {
  size_t k = len;
  while (k > 0 && name[k - 1] != ' ') k--;
  if (k < 2 || !is_suffix_text(name, k, len)) return len;
  k--;
  if (name[k - 1] == ',') k--;
  return k;
}

/*
** Does the canonical name end with the word w[0..n) ("Lloyd Austin" /
** "Austin", "Luis Arroyo Jr." / "Arroyo", "Annelies van der Berg" / "Van
** der Berg")?
*/
static int name_ends_with(const char *name, const char *w, size_t n) {
  size_t len = name_core_len(name, strlen(name));
  if (len <= n || name[len - n - 1] != ' ') return 0;
  const char *tail = name + len - n;
  if (memcmp(tail + 1, w + 1, n - 1) != 0) return 0;
  return tail[0] == w[0] || (w[0] >= 'A' && w[0] <= 'Z' && tail[0] == (w[0] | 0x20));
}

/*
** A run of capitalised words t[a, e) right after "Secretary of",
** "Minister of": its first words end the title ("Secretary of State Daniel
** P. Harrow").  Returns where the name starts: at its first given name, else
** past the first word and any common words after it; *titled is set when
** the run follows such a title.
*/
static size_t past_of_title(const ctx *c, const toks *t, size_t a, size_t e, int *titled);

/*
** The tagger left a suffix out of a person's name ("Martin Luther King" of
** "Martin Luther King Jr."): when s is the entity's name as written, take
** the suffix after it too.
*/
static void with_suffix(const ctx *c, const art_entity *e, speaker *s) {
  if (s->name != e->canonical || e->end - e->start != s->len || memcmp(c->z + e->start, s->name, s->len)) return;
  size_t i = e->end;
  if (i < c->n && c->z[i] == ',') i++;
  if (i >= c->n || c->z[i] != ' ') return;
  size_t a = ++i;
  while (i < c->n && ((c->z[i] >= 'A' && c->z[i] <= 'Z') || (c->z[i] >= 'a' && c->z[i] <= 'z'))) i++;
  if (i == a || !(c->z[a] >= 'A' && c->z[a] <= 'Z')) return;
  if (i < c->n && c->z[i] == '.') i++;
  int roman = i - a >= 2 && i - a <= 5;                 /* "Benedict XVI" */
  for (size_t k = a; k < i && roman; k++) roman = c->z[k] == 'I' || c->z[k] == 'V' || c->z[k] == 'X';
  if (!roman && !is_suffix_text((const char *)c->z, a, i)) return;
  s->name = (const char *)c->z + e->start;
  s->len = i - e->start;
}

/*
** A lone surname w[0..n) (as written, or a one-word canonical name from a
** window of text too short to hold the full name): the nearest earlier
** PERSON whose full name ends with it, else the first run of capitalised
** words ending with it earlier in the article ("Lloyd Austin"), else the
** word itself.
*/
static speaker widen_surname(ctx *c, const char *w, size_t n, size_t before, int strict) {
  speaker s = {0, 0, 0, ART_ENT_PERSON};
  /* Look back no further than a long article's length, so the cost stays linear. */
  int last = sent_at(c, before);
  int first = last > WIDEN_SENTENCES ? last - WIDEN_SENTENCES : 0;
  size_t floor = c->sents[first].start;
  for (size_t i = ent_first_from(c, before); i-- > 0 && ent(c, i)->start >= floor;) {
    const art_entity *e = ent(c, i);
    if (e->type == ART_ENT_PERSON && name_ends_with(e->canonical, w, n)) {
      s.name = e->canonical;
      s.len = strlen(e->canonical);
      s.gender = person_gender(c, i);
      with_suffix(c, e, &s);
      return s;
    }
  }
  /* The text itself, sentence by sentence from the start.  A surname that
  ** opens with a capitalised particle ("Van der Berg") is written in lower
  ** case after a given name ("Annelies van der Berg"). */
  char low[64];
  int has_low = n < sizeof low && w[0] >= 'A' && w[0] <= 'Z';
  if (has_low) { memcpy(low, w, n); low[0] = (char)(low[0] | 0x20); }
  for (int si = first; si <= last && !c->oom; si++) {
    const art_sentence *S = &c->sents[si];
    /* Cheap test first: is the word in this sentence at all? */
    size_t len = S->end - S->start;
    if (!contains(c->z + S->start, len, w, n) && !(has_low && contains(c->z + S->start, len, low, n))) continue;
    if (tokenize(c, S->start, S->end, &c->w)) return s;
    for (size_t j = 1; j < c->w.n; j++) {
      const qtok *x = &c->w.v[j];
      if (x->start >= before) break;
      if (x->start + n > c->n) continue;
      if (memcmp(c->z + x->start, w, n) && !(has_low && !memcmp(c->z + x->start, low, n))) continue;
      size_t e = j;                       /* the token where the match ends */
      while (e < c->w.n && c->w.v[e].end < x->start + n) e++;
      if (e >= c->w.n || c->w.v[e].end != x->start + n) continue;
      size_t a = j;
      while (a > 0 && name_part(&c->w, a - 1) && !(a > 1 && c->w.v[a - 2].wcls == W_OF)) a--;
      int titled = a > 0 && (c->w.v[a - 1].rcls == R_TITLE || c->w.v[a - 1].rcls == R_ROLE);
      if (a < j) a = past_of_title(c, &c->w, a, e + 1, &titled);
      if (a < j && strict) {
        /* Only a person's name: a given name first, or a title before it. */
        const qtok *f = &c->w.v[a];
        const art_table_entry *g = gaz(&art_table_gaz_first_names, c->z, f->start, f->end);
        if (!titled && (!g || has_tag(g, "word"))) continue;
      }
      if (a < j) {
        size_t end = x->start + n;
        if (e + 1 < c->w.n && c->w.v[e + 1].suffix && (c->w.v[e + 1].flags & T_CAP)) end = c->w.v[e + 1].end;
        s.name = (const char *)c->z + c->w.v[a].start;
        s.len = end - c->w.v[a].start;
        return s;
      }
    }
  }
  if (!strict) {
    s.name = w;
    s.len = n;
  }
  return s;
}

/* ---- people and organisations named in the text ---------------------------- */

/* Does whitespace split doc[a..b) ("Samuel K.⏎Oyelaran")? */
static int has_space(const unsigned char *z, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) if (z[i] == ' ' || z[i] == '\n' || z[i] == '\t' || z[i] == '\r') return 1;
  return 0;
}

/* A word English mostly writes in lower case ("Critics", "Police"): capitalised, it opens a sentence. */
static int is_common_word(const ctx *c, const qtok *w) {
  const art_table_entry *e = gaz(&art_table_common_words, c->z, w->start, w->end);
  return e && atoi(e->value) >= 80;
}

/*
** A single word that names no one in particular, whatever the tagger says:
** a group or role noun ("Campaigners", "Officials") or a word English
** mostly writes in lower case ("Readers").
*/
static int common_noun(const ctx *c, size_t a, size_t b) {
  if (has_space(c->z, a, b)) return 0;
  char key[48];
  size_t len = lower_key(c->z, a, without_possessive(c->z, a, b), key, sizeof key);
  if (!len) return 0;
  const art_table_entry *r = art_table_find(&art_table_speaker_roles, key, len);
  if (r && (!strcmp(r->value, "group") || !strcmp(r->value, "role"))) return 1;
  const art_table_entry *w = art_table_find(&art_table_common_words, key, len);
  return w && atoi(w->value) >= 80;
}

static size_t past_of_title(const ctx *c, const toks *t, size_t a, size_t e, int *titled) {
  /* "Secretary of State …", "Ambassador to Afghanistan …", "Ambassador to the Netherlands …" */
  size_t p = a >= 3 && word_is(c, &t->v[a - 1], "the") ? a - 1 : a;
  if (p < 2 || e < a + 2) return a;
  if (t->v[p - 1].wcls != W_OF && !word_is(c, &t->v[p - 1], "to") && !word_is(c, &t->v[p - 1], "for")) return a;
  /* A title, capitalised: "an executive for Sony BMG" is no "Minister for Energy". */
  if ((t->v[p - 2].rcls != R_TITLE && t->v[p - 2].rcls != R_ROLE) || !(t->v[p - 2].flags & T_CAP)) return a;
  *titled = 1;
  for (size_t m = a; m + 1 < e; m++) {
    const art_table_entry *g = gaz(&art_table_gaz_first_names, c->z, t->v[m].start, t->v[m].end);
    if (g && !has_tag(g, "word")) return m;
  }
  size_t m = a + 1;
  while (m + 1 < e && is_common_word(c, &t->v[m])) m++;
  return m;
}

/* The PERSON (or, when type is ORG, ORG) entity overlapping doc[a..b), or NULL. */
static const art_entity *entity_over(const ctx *c, size_t a, size_t b, art_etype type, size_t *oi) {
  for (size_t i = ent_first_from(c, a > 200 ? a - 200 : 0); i < c->nents && ent(c, i)->start < b; i++) {
    const art_entity *e = ent(c, i);
    if (e->end > a && e->type == type && e->canonical) { if (oi) *oi = i; return e; }
  }
  return NULL;
}

typedef struct person {
  size_t start, end;      /* the name as written, titles and "'s" excluded */
  size_t tok;             /* its first token in the buffer it was read from */
  int gender;
  int lone;               /* one word, perhaps with particles ("Van der Berg") */
  int possessive;         /* written "Hale's": a modifier, not the subject */
} person;

/* A word that ends a body's name ("Co.", "Inc.", "Party"). */
static int org_word(const ctx *c, const qtok *w) {
  char key[48];
  size_t len = lower_key(c->z, w->start, w->end, key, sizeof key);
  const art_table_entry *o = len ? art_table_find(&art_table_org_words, key, len) : NULL;
  return o && strcmp(o->extra, "start") != 0;
}

/* A word that makes a capitalised run a place or a body ("Street", "Inc."). */
static int place_or_body_word(const ctx *c, const qtok *w) {
  char key[48];
  size_t len = lower_key(c->z, w->start, w->end, key, sizeof key);
  if (!len) return 0;
  const art_table_entry *o = art_table_find(&art_table_org_words, key, len);
  if (o && strcmp(o->extra, "start") != 0) return 1;
  return art_table_find(&art_table_fac_words, key, len) != NULL;
}


/*
** Token m ends a person's name, so an "of" after it gives a home, not a
** longer name: "Sen. Laura Pellegrino of Vermont", "Maria Costa of
** Lisbon" (a title before the name, or a given name opening it), where
** "Secretary of State" and "Bank of England" read on.
*/
static int person_before_of(const ctx *c, const toks *t, size_t lo, size_t m) {
  const qtok *w = &t->v[m];
  if (!name_word(w) || w->rcls || w->abbrev || place_or_body_word(c, w)) return 0;
  size_t a = m;
  while (a > lo && name_part(t, a - 1)) a--;
  if (a > lo && (t->v[a - 1].rcls == R_TITLE || t->v[a - 1].abbrev)) return 1;
  return a < m && gaz(&art_table_gaz_first_names, c->z, t->v[a].start, t->v[a].end) != NULL;
}

/*
** People named in the tokens t (quotes are single tokens, so nobody inside
** a quote counts): runs of capitalised words that are no title, taken as a
** person when a given name opens them, a family name ends them, or a title
** or role stands before them ("Mr. Brandt", "spokeswoman Karine
** Jean-Pierre").  A lone word needs a title or a family name that is not
** also an ordinary English word.
*/
static size_t people_in(ctx *c, const toks *t, person *out, size_t cap) {
  size_t n = 0;
  for (size_t k = 0; k < t->n && n < cap;) {
    /* A name opens with a name word, or a capitalised particle ("Van der Berg"). */
    if (!name_word(&t->v[k]) && !((t->v[k].flags & T_CAP) && t->v[k].wcls == W_PARTICLE && name_part(t, k))) {
      k++;
      continue;
    }
    size_t e = k + 1;
    while (e < t->n && name_part(t, e) && !is_possessive(c->z, &t->v[e - 1])) e++;
    const qtok *prev = k > 0 ? &t->v[k - 1] : NULL;
    int titled = prev && (prev->rcls == R_TITLE || prev->rcls == R_ROLE);
    const qtok *title = titled ? prev : NULL;
    size_t k0 = k;
    k = past_of_title(c, t, k, e, &titled);       /* "Secretary of State Daniel P. Harrow" */
    if (k != k0) { title = &t->v[k0 - 2]; prev = &t->v[k - 1]; }
    int org = 0, place = 0;
    size_t words = 0, lead = k;                   /* name words; the first one */
    for (size_t m = k; m < e; m++) {
      const qtok *w = &t->v[m];
      if (w->rcls == R_ORG || w->rcls == R_GROUP) org = 1;
      if (m > k && place_or_body_word(c, w)) place = 1;
      if (w->wcls == W_PARTICLE || (w->suffix && m > k)) continue;
      if (!words++) lead = m;
    }
    /* "Clement Street Baths": a place or a body, unless the tagger saw a person. */
    if (place && !entity_over(c, t->v[k].start, t->v[e - 1].end, ART_ENT_PERSON, NULL)) org = 1;
    const art_table_entry *first = lead == k ? gaz(&art_table_gaz_first_names, c->z, t->v[k].start, t->v[k].end) : NULL;
    const art_table_entry *family = gaz(&art_table_gaz_surnames, c->z, t->v[e - 1].start, t->v[e - 1].end);
    int ok;
    /* A capital that only opens a sentence proves nothing. */
    int opens = k == 0 || (prev->flags & T_QUOTE) || is_punct(prev, c->z, ':') || is_punct(prev, c->z, '.');
    if (words >= 2) ok = titled || (first && !has_tag(first, "word")) || (family && !has_tag(family, "word"));
    else ok = (titled && !is_common_word(c, &t->v[lead]))
              || (!opens && family && !has_tag(family, "word") && !has_tag(family, "gaz"));
    if (!ok && words == 1 && !org && !gaz(&art_table_common_words, c->z, t->v[lead].start, t->v[lead].end)) {
      /* A lone rare word: a person when the article gave it a first name before. */
      size_t wend = without_possessive(c->z, t->v[e - 1].start, t->v[e - 1].end);
      ok = widen_surname(c, (const char *)c->z + t->v[k].start, wend - t->v[k].start, t->v[k].start, 1).name != NULL;
    }
    if (ok && !org) {
      person *p = &out[n++];
      p->start = t->v[k].start;
      p->end = without_possessive(c->z, t->v[e - 1].start, t->v[e - 1].end);
      p->tok = k;
      p->gender = words >= 2 && first ? first_name_gender(c->z, t->v[k].start, t->v[k].end) : G_NONE;
      if (!p->gender && title) p->gender = title->rgender;
      p->lone = words == 1;
      p->possessive = is_possessive(c->z, &t->v[e - 1]);
    }
    k = e;
  }
  return n;
}

/*
** People in the tokens t, from the text (people_in) and from the tagger: a
** PERSON entity that no text name overlaps joins them in order, unless it
** is a common noun ("Readers don't need to book").
*/
static size_t all_people_in(ctx *c, const toks *t, person *people, size_t cap) {
  size_t n = people_in(c, t, people, cap);
  if (!t->n) return n;
  size_t lo = t->v[0].start, hi = t->v[t->n - 1].end;
  size_t tk = 0;
  for (size_t i = ent_first_from(c, lo); i < c->nents && ent(c, i)->start < hi && n < cap; i++) {
    const art_entity *e = ent(c, i);
    if (e->type != ART_ENT_PERSON || !e->canonical || in_quote(c, e->start)) continue;
    if (common_noun(c, e->start, e->end)) continue;
    int covered = 0;
    for (size_t k = 0; k < n; k++) if (people[k].start < e->end && e->start < people[k].end) covered = 1;
    if (covered) continue;
    while (tk < t->n && t->v[tk].end <= e->start) tk++;
    if (tk >= t->n) break;
    size_t at_k = n;
    while (at_k > 0 && people[at_k - 1].start > e->start) at_k--;
    memmove(&people[at_k + 1], &people[at_k], (n - at_k) * sizeof *people);
    person *p = &people[at_k];
    p->start = e->start;
    p->end = without_possessive(c->z, e->start, e->end);
    p->tok = tk;
    p->gender = person_gender(c, i);
    p->lone = !has_space(c->z, e->start, e->end) || particle_led((const char *)c->z + e->start, e->end - e->start);
    /* "Hale's campaign manager": the tagger's span may stop before the "'s". */
    p->possessive = p->end != e->end
                    || (e->end + 1 < c->n && c->z[e->end] == '\'' && c->z[e->end + 1] == 's')
                    || (e->end + 3 < c->n && !memcmp(c->z + e->end, "\xE2\x80\x99s", 4));
    n++;
  }
  return n;
}

/* Where the word that starts at byte a ends (no further than b). */
static size_t word_end(const unsigned char *z, size_t a, size_t b) {
  while (a < b && z[a] != ' ' && z[a] != '\n' && z[a] != '\t' && z[a] != '\r') a++;
  return a;
}

/* The canonical name of a person found in the text, with their gender. */
static speaker person_speaker(ctx *c, const person *p) {
  speaker s = {0, 0, p->gender, ART_ENT_PERSON};
  size_t oi;
  const art_entity *e = entity_over(c, p->start, p->end, ART_ENT_PERSON, &oi);
  /* The tagger's name, unless it cut the one written here short ("Daniel P." of "Daniel P. Harrow"). */
  int cut = e && !p->lone
            && (p->end > e->end || (p->start < e->start && gaz(&art_table_gaz_first_names, c->z, p->start, word_end(c->z, p->start, p->end))));
  if (e && strchr(e->canonical, ' ') && !cut && !particle_led(e->canonical, strlen(e->canonical))) {
    s.name = e->canonical;
    s.len = strlen(e->canonical);
    with_suffix(c, e, &s);
    /* The tagger kept a title the text reads as one ("Cllr Neil Ashworth"): titles off. */
    if (e->start < p->start && p->end <= e->end && s.len == e->end - e->start
        && !memcmp(c->z + e->start, s.name, s.len) && has_space(c->z, p->start, p->end)) {
      s.name = (const char *)c->z + p->start;
      s.len = e->end - p->start;
    }
    if (!s.gender) s.gender = person_gender(c, oi);
  } else if (p->lone) {
    s = widen_surname(c, (const char *)c->z + p->start, p->end - p->start, p->start, 0);
    if (!s.gender) s.gender = p->gender;
  } else {
    s.name = (const char *)c->z + p->start;
    s.len = p->end - p->start;
  }
  if (!s.gender) s.gender = name_gender(s.name, s.len);
  return s;
}

/* Same role noun?  The spokes- words count as one. */
static int role_match(const unsigned char *z, const qtok *a, const qtok *b) {
  char ka[48], kb[48];
  size_t la = lower_key(z, a->start, without_possessive(z, a->start, a->end), ka, sizeof ka);
  size_t lb = lower_key(z, b->start, without_possessive(z, b->start, b->end), kb, sizeof kb);
  if (!la || !lb) return 0;
  if (la == lb && !memcmp(ka, kb, la)) return 1;
  return la > 6 && lb > 6 && !memcmp(ka, "spokes", 6) && !memcmp(kb, "spokes", 6);
}

/* Does the sentence text hold the word, in lower case or capitalised? */
static int sentence_may_hold(const ctx *c, int si, const qtok *w) {
  char low[48];
  size_t n = lower_key(c->z, w->start, w->end, low, sizeof low);
  if (!n) return 1;
  const unsigned char *z = c->z + c->sents[si].start;
  size_t len = c->sents[si].end - c->sents[si].start;
  if (contains(z, len, low, n)) return 1;
  if (low[0] >= 'a' && low[0] <= 'z') {
    low[0] = (char)(low[0] - 32);
    return contains(z, len, low, n);
  }
  return 1;
}

/*
** "the spokeswoman", "the defense minister": the person the article gives
** that role, as a title before the name ("White House spokeswoman Karine
** Jean-Pierre") or in an apposition ("a spokeswoman for the White House,
** Karine Jean-Pierre," / "Karine Jean-Pierre, the spokeswoman,").  More of
** the phrase's words matching wins; then the latest mention before the
** quote; then the first one after it.
*/
static speaker resolve_role(ctx *c, const toks *t, np p, size_t at) {
  speaker best = {0, 0, 0, 0};
  qtok words[12];
  size_t nw = 0;
  for (size_t k = p.lo; k < p.hi && nw < 12; k++) {
    if (t->v[k].wcls != W_DET && t->v[k].wcls != W_PREP && t->v[k].wcls != W_OF) words[nw++] = t->v[k];
  }
  if (!nw) return best;
  const qtok head = t->v[p.head];
  int best_score = 0, best_before = 0;
  int cur = sent_at(c, at);
  int last = cur + 3 < (int)c->nsents ? cur + 3 : (int)c->nsents - 1;
  int first = cur > WIDEN_SENTENCES ? cur - WIDEN_SENTENCES : 0;
  for (int si = first; si <= last && !c->oom; si++) {
    if (!sentence_may_hold(c, si, &head)) continue;
    if (tokenize(c, c->sents[si].start, c->sents[si].end, &c->b)) break;
    const toks *s = &c->b;
    person people[16];
    size_t np_ = all_people_in(c, s, people, 16);
    for (size_t r = 0; r < s->n; r++) {
      if (s->v[r].start <= at && at < s->v[r].end) continue;     /* the phrase itself */
      if (!role_match(c->z, &s->v[r], &head)) continue;
      /* The role phrase: modifiers before the noun, "for …" after it. */
      size_t lo = r, hi = r + 1;
      while (lo > 0 && is_word(&s->v[lo - 1]) && s->v[lo - 1].wcls != W_STOP && s->v[lo - 1].wcls != W_PREP
             && r - lo < 5) {
        lo--;
        if (s->v[lo].wcls == W_DET) break;
      }
      while (hi < s->n && is_word(&s->v[hi]) && hi - r < 6) hi++;
      /* The person it belongs to. */
      const person *who = NULL;
      for (size_t i = 0; i < np_ && !who; i++) {
        size_t pk = people[i].tok;
        if (pk == r + 1) who = &people[i];                                   /* title */
        else if (pk > r && pk >= 2 && is_punct(&s->v[pk - 1], c->z, ',') && pk - 1 <= hi
                 && pk - 1 > r) who = &people[i];                            /* role, NAME */
        else if (pk < lo && lo >= 1 && is_punct(&s->v[lo - 1], c->z, ',')) {
          size_t pe = pk;
          while (pe < s->n && s->v[pe].start < people[i].end) pe++;
          if (pe == lo - 1) who = &people[i];                                /* NAME, the role */
        }
      }
      if (!who) continue;
      int score = 0, capmods = 0, capmatched = 0;
      for (size_t w = 0; w < nw; w++) {
        int cap = (words[w].flags & T_CAP) && words[w].start != head.start;
        capmods += cap;
        for (size_t m = lo; m < hi; m++) {
          if (role_match(c->z, &s->v[m], &words[w])) { score++; capmatched += cap; break; }
        }
      }
      /* "Pakistan's president" is not any president. */
      if (capmods && !capmatched) continue;
      person found = *who;
      int before = s->v[r].start < at;
      if (!(score > best_score || (score == best_score && before && best_before)
            || (score == best_score && !best.name))) continue;
      speaker sp = person_speaker(c, &found);
      if (head.rgender && sp.gender && sp.gender != head.rgender) continue;
      best = sp;
      best_score = score;
      best_before = before;
    }
  }
  return best;
}

/*
** A short name for a body the article named in full before: "Orbis" after
** "Orbis Labs" (an ORG entity that opens with the word), "DWD" after "the
** Deutscher Wetterdienst (DWD)" (the capitalised words before the acronym
** in brackets).  NULL when there is none.
*/
static speaker widen_short(ctx *c, const char *w, size_t n, size_t before) {
  speaker s = {0, 0, 0, ART_ENT_ORG};
  if (!n || !(w[0] >= 'A' && w[0] <= 'Z')) return s;
  char key[16];
  size_t kl = lower_key((const unsigned char *)w, 0, n, key, sizeof key);
  if (kl && art_table_find(&art_table_quote_words, key, kl)) return s;   /* "The" */
  int last = sent_at(c, before);
  int first = last > WIDEN_SENTENCES ? last - WIDEN_SENTENCES : 0;
  size_t floor = c->sents[first].start;
  for (size_t i = ent_first_from(c, before); i-- > 0 && ent(c, i)->start >= floor;) {
    const art_entity *e = ent(c, i);
    if (e->type != ART_ENT_ORG) continue;
    size_t len = strlen(e->canonical);
    if (len > n + 1 && !memcmp(e->canonical, w, n) && e->canonical[n] == ' ') {
      s.name = e->canonical;
      s.len = len;
      return s;
    }
  }
  int acronym = n >= 2 && n <= 8;
  for (size_t i = 0; i < n; i++) if (!(w[i] >= 'A' && w[i] <= 'Z')) acronym = 0;
  for (int si = last; si >= first && !c->oom; si--) {
    const art_sentence *S = &c->sents[si];
    if (S->start >= before || !contains(c->z + S->start, S->end - S->start, w, n)) continue;
    if (tokenize(c, S->start, S->end, &c->w)) return s;
    const toks *t = &c->w;
    for (size_t j = 0; j < t->n && t->v[j].start < before; j++) {
      if (t->v[j].end - t->v[j].start != n || memcmp(c->z + t->v[j].start, w, n)) continue;
      /* "Kessler Maritime GmbH": capitalised words after it, the last a company's form. */
      size_t e = j + 1;
      while (e < t->n && e - j <= 4 && (t->v[e].flags & T_CAP) && t->v[e].wcls != W_DET) e++;
      for (int pass = 0; pass < 2; pass++) {
        for (size_t m = e; m > j + 1; m--) {
          /* "Inc.", "GmbH"; else a short all-capitals legal form ("AS", "NV"). */
          const qtok *f = &t->v[m - 1];
          int form;
          if (pass == 0) {
            char fk[16];
            size_t fl = lower_key(c->z, f->start, f->end, fk, sizeof fk);
            const art_table_entry *o = fl ? art_table_find(&art_table_org_words, fk, fl) : NULL;
            form = o && !strcmp(o->extra, "end");
          } else {
            form = !f->suffix && !f->rcls && f->end - f->start >= 2 && f->end - f->start <= 3;
            for (size_t i = f->start; i < f->end && form; i++) form = c->z[i] >= 'A' && c->z[i] <= 'Z';
          }
          if (form) {
            s.name = (const char *)c->z + t->v[j].start;
            s.len = f->end - t->v[j].start;
            return s;
          }
        }
      }
      if (!acronym || j == 0 || j + 1 >= t->n) continue;
      if (!is_punct(&t->v[j - 1], c->z, '(') || !is_punct(&t->v[j + 1], c->z, ')')) continue;
      /* The name before the bracket: capitalised words, "of" and "for" between them. */
      size_t b = j - 1, a = b;
      while (a > 0) {
        const qtok *x = &t->v[a - 1];
        if ((x->flags & T_CAP) && x->wcls != W_DET) { a--; continue; }
        if (a >= 2 && a < b && (x->wcls == W_OF || word_is(c, x, "for") || word_is(c, x, "and"))
            && (t->v[a - 2].flags & T_CAP)) { a--; continue; }
        break;
      }
      if (b - a < 2) continue;
      s.name = (const char *)c->z + t->v[a].start;
      s.len = t->v[b - 1].end - t->v[a].start;
      return s;
    }
  }
  return s;
}

/* Is the org noun doc[a..b) a company word ("the company", "the carmaker")? */
static int business_noun(const ctx *c, size_t a, size_t b) {
  char key[48];
  size_t len = lower_key(c->z, a, without_possessive(c->z, a, b), key, sizeof key);
  const art_table_entry *r = len ? art_table_find(&art_table_speaker_roles, key, len) : NULL;
  return r && !strcmp(r->value, "org") && !strcmp(r->extra, "business");
}

/* The last word of name[0..len), lower-cased into key; its length (0: none). */
static size_t last_word_key(const char *name, size_t len, char *key, size_t cap) {
  size_t lw = len;
  while (lw > 0 && name[lw - 1] != ' ') lw--;
  return lower_key((const unsigned char *)name, lw, len, key, cap);
}

/* Does the body's name end in a public noun ("Foreign Ministry", "Regulatory Authority")? */
static int public_body(const char *name, size_t len) {
  char key[48];
  size_t kl = last_word_key(name, len, key, sizeof key);
  const art_table_entry *r = kl ? art_table_find(&art_table_speaker_roles, key, kl) : NULL;
  return r && !strcmp(r->value, "org") && strcmp(r->extra, "business") != 0;
}

/* Does the name end in a company's legal form ("Inc.", "GmbH", "AS", "NV")? */
static int company_form(const char *name, size_t len) {
  if (public_body(name, len)) return 0;
  char key[48];
  size_t kl = last_word_key(name, len, key, sizeof key);
  if (!kl || kl == len) return 0;
  const art_table_entry *o = art_table_find(&art_table_org_words, key, kl);
  if (o) return !strcmp(o->extra, "end");
  const char *w = name + len - kl;
  if (kl < 2 || kl > 3 || is_suffix_text(name, len - kl, len)) return 0;
  for (size_t i = 0; i < kl; i++) if (!(w[i] >= 'A' && w[i] <= 'Z')) return 0;
  return 1;
}

/*
** "the company said" with no "Company" in any name: the business the
** article is about.  The candidates are the organisations named before
** `at` (short names widened: "Veridian" -> "Veridian Systems Inc.") and
** the runs of capitalised words in the text that end in a company's legal
** form ("Fjellkraft Nett AS"), never a public body ("Foreign Ministry").
** Each scores the sentences that hold its first word, three more for a
** legal form (a product the tagger took for a body has none), one more
** when named in the quote's sentence or the one before; the first named
** wins a tie.
*/
#define MAX_BUSINESSES 16
static speaker main_business(ctx *c, size_t at) {
  speaker s = {0, 0, 0, ART_ENT_ORG};
  struct { const char *name; size_t len; } cand[MAX_BUSINESSES];
  size_t nc = 0;
  int cur = sent_at(c, at);
  int first = cur > WIDEN_SENTENCES ? cur - WIDEN_SENTENCES : 0;
  size_t floor = c->sents[first].start;
#define ADD_CANDIDATE(nm, ln) do { \
    size_t k_ = 0; \
    while (k_ < nc && !(cand[k_].len == (ln) && !memcmp(cand[k_].name, (nm), (ln)))) k_++; \
    if (k_ == nc && nc < MAX_BUSINESSES) { cand[nc].name = (nm); cand[nc].len = (ln); nc++; } \
  } while (0)
  size_t end = ent_first_from(c, at);
  for (size_t i = ent_first_from(c, floor); i < end; i++) {
    const art_entity *e = ent(c, i);
    if (e->type != ART_ENT_ORG || in_quote(c, e->start)) continue;
    speaker full = {e->canonical, strlen(e->canonical), 0, ART_ENT_ORG};
    if (!memchr(full.name, ' ', full.len)) {
      speaker w = widen_short(c, full.name, full.len, at);
      if (w.name) full = w;
    }
    if (!public_body(full.name, full.len)) ADD_CANDIDATE(full.name, full.len);
  }
  for (int si = first; si <= cur && !c->oom; si++) {
    if (tokenize(c, c->sents[si].start, c->sents[si].end, &c->w)) break;
    const toks *t = &c->w;
    for (size_t j = 0; j < t->n && t->v[j].start < at; j++) {
      if (!(t->v[j].flags & T_CAP) || t->v[j].wcls || (j > 0 && (t->v[j - 1].flags & T_CAP))) continue;
      size_t e = j + 1;
      while (e < t->n && e - j < 5 && (t->v[e].flags & T_CAP) && !t->v[e].wcls) e++;
      for (size_t m = e; m > j + 1; m--) {
        const char *nm = (const char *)c->z + t->v[j].start;
        size_t ln = t->v[m - 1].end - t->v[j].start;
        if (company_form(nm, ln)) { ADD_CANDIDATE(nm, ln); break; }
      }
    }
  }
#undef ADD_CANDIDATE
  int best = 0;
  for (size_t k = 0; k < nc; k++) {
    size_t wl = 0;
    while (wl < cand[k].len && cand[k].name[wl] != ' ') wl++;
    int score = company_form(cand[k].name, cand[k].len) ? 3 : 0;
    for (int si = first; si <= cur; si++) {
      const art_sentence *S = &c->sents[si];
      if (!contains(c->z + S->start, S->end - S->start, cand[k].name, wl)) continue;
      score++;
      if (si >= cur - 1) score++;
    }
    if (score > best) { best = score; s.name = cand[k].name; s.len = cand[k].len; }
  }
  return s;
}

/*
** "the ministry said": the organisation the article named with that noun
** ("the Education Ministry", "the Ministry of Health"), the nearest before
** the quote: an ORG entity's name, else the capitalised run in the text.
*/
static speaker resolve_org(ctx *c, const qtok *head, size_t at) {
  speaker s = {0, 0, 0, ART_ENT_ORG};
  char key[48];
  size_t len = lower_key(c->z, head->start, head->end, key, sizeof key);
  if (!len) return s;
  int cur = sent_at(c, at);
  for (int si = cur; si >= 0 && si >= cur - 100 && !c->oom; si--) {
    if (!sentence_may_hold(c, si, head)) continue;
    if (tokenize(c, c->sents[si].start, c->sents[si].end, &c->b)) break;
    const toks *t = &c->b;
    for (size_t k = t->n; k-- > 0;) {
      const qtok *w = &t->v[k];
      if (!(w->flags & T_CAP) || w->start >= at) continue;
      char wk[48];
      size_t wl = lower_key(c->z, w->start, without_possessive(c->z, w->start, w->end), wk, sizeof wk);
      if (wl != len || memcmp(wk, key, len)) continue;
      size_t oi;
      const art_entity *e = entity_over(c, w->start, w->end, ART_ENT_ORG, &oi);
      if (e) { s.name = e->canonical; s.len = strlen(e->canonical); return s; }
      /* The capitalised run around it: "Education Ministry", "Ministry of Health". */
      size_t a = k, b = k + 1;
      while (a > 0 && (t->v[a - 1].flags & T_CAP) && t->v[a - 1].wcls != W_DET && t->v[a - 1].rcls != R_TITLE
             && !is_possessive(c->z, &t->v[a - 1])) a--;
      while (b + 1 < t->n && t->v[b].wcls == W_OF && (t->v[b + 1].flags & T_CAP)) b += 2;
      if (b - a < 2) continue;          /* the bare noun names nobody */
      s.name = (const char *)c->z + t->v[a].start;
      s.len = without_possessive(c->z, t->v[b - 1].start, t->v[b - 1].end) - t->v[a].start;
      return s;
    }
  }
  if (business_noun(c, head->start, head->end)) return main_business(c, at);
  return s;
}

/*
** he / she / it: walk back sentence by sentence from the attribution; in
** each, an earlier quote's speaker of that gender wins, else the sentence's
** first person of that gender outside quotes (its likely subject), else
** its first person of unknown gender.
*/
static speaker resolve_pronoun(ctx *c, int gender, size_t at, size_t before_quote) {
  speaker s = {0, 0, 0, 0};
  if (gender != G_M && gender != G_F && gender != G_IT) return s;
  int cur = sent_at(c, at);
  speaker unknown = {0, 0, 0, 0};     /* the nearest person of unknown gender */
  int unknown_si = -1;
  /* A person of the right gender named before a person of unknown gender
  ** who opens the pronoun's sentence or the one before loses to that person:
  ** "Whitcomb laughed. “…,” she said." */
#define PRONOUN_MATCH(sp) \
  return (unknown.name && unknown_si > si && unknown_si >= cur - 1) ? unknown : (sp)
  for (int si = cur; si >= 0 && si >= cur - 8 && !c->oom; si--) {
    size_t lo = c->sents[si].start, hi = c->sents[si].end;
    /* In the pronoun's own sentence, only what comes before it (and the quote). */
    if (si == cur) {
      size_t limit = before_quote < at ? before_quote : at;
      if (limit < hi) hi = limit > lo ? limit : lo;
    }
    /* Speakers of earlier quotes in this sentence, the latest first. */
    for (size_t qi = c->list->count; qi-- > 0;) {
      const art_quote *q = &c->list->items[qi];
      if (q->mark_start >= hi || q->mark_start < lo || !q->speaker) continue;
      int g = c->qgender[qi], et = c->qetype[qi];
      speaker sp = {q->speaker, q->speaker_len, g, et};
      if (gender == G_IT ? et == ART_ENT_ORG : et == ART_ENT_PERSON) {
        if (gender == G_IT) return sp;
        if (g == gender) PRONOUN_MATCH(sp);
        if (g == 0 && !unknown.name) { unknown = sp; unknown_si = si; }
      }
    }
    if (hi <= lo) continue;
    if (gender == G_IT) {
      if (si == cur) {
        /* "Burma's government … what it calls": an organisation noun before it. */
        if (tokenize(c, lo, hi, &c->a2)) break;
        for (size_t k = 0; k < c->a2.n; k++) {
          const qtok *w = &c->a2.v[k];
          if (w->rcls != R_ORG || entity_over(c, w->start, w->end, ART_ENT_ORG, NULL)) continue;
          qtok noun = *w;
          return resolve_org(c, &noun, at);
        }
      }
      for (size_t i = ent_first_from(c, lo); i < c->nents && ent(c, i)->start < hi; i++) {
        const art_entity *e = ent(c, i);
        if (e->type == ART_ENT_ORG && e->canonical && !in_quote(c, e->start)) {
          s.name = e->canonical; s.len = strlen(e->canonical); s.etype = ART_ENT_ORG;
          return s;
        }
      }
      continue;
    }
    /* People named in the sentence, outside quotes: the text's and the tagger's. */
    if (tokenize(c, lo, hi, &c->a2)) break;
    /* "He said X. He said Y": a sentence whose subject is the same pronoun
    ** names the same person; its other people are objects ("But he said
    ** Ayatollah al-Sistani has made it clear"), so read on further back. */
    if (si < cur) {
      size_t k = 0;
      while (k < c->a2.n && ((c->a2.v[k].flags & T_PUNCT) || c->a2.v[k].wcls == W_TIME || word_is(c, &c->a2.v[k], "but")
                             || word_is(c, &c->a2.v[k], "and") || word_is(c, &c->a2.v[k], "so"))) k++;
      if (k < c->a2.n && c->a2.v[k].wcls == W_PRON && c->a2.v[k].wdetail == gender) continue;
    }
    person people[24];
    size_t n = all_people_in(c, &c->a2, people, 24);
    /* The sentence's people in order; "Hale's" in "Hale's campaign manager,
    ** Trent Albers," only when nobody else fits. */
    for (int pass = 0; pass < 2; pass++) {
      for (size_t k = 0; k < n; k++) {
        if (people[k].possessive != pass) continue;
        speaker sp = person_speaker(c, &people[k]);
        if (sp.gender == gender) PRONOUN_MATCH(sp);
        if (sp.gender == 0 && !unknown.name && !pass) { unknown = sp; unknown_si = si; }
      }
    }
  }
#undef PRONOUN_MATCH
  return unknown.name ? unknown : s;
}

/* The canonical speaker for the phrase t[p.lo, p.hi); `at` is the attribution's position. */
/*
** The phrase's name reads as a person's whatever the tagger says: a given
** name opens it ("Ana Ruiz"), or a title or role stands before it.
*/
static int looks_like_person(const ctx *c, const toks *t, np p) {
  size_t k = name_start(t, p);
  if (k >= p.hi) return 0;
  if (k > p.lo && (t->v[k - 1].rcls == R_TITLE || t->v[k - 1].rcls == R_ROLE)) return 1;
  /* "Ambassador to Iraq Zalmay Khalilzad", "Minister for Commerce Wang Wentao" */
  if (k >= p.lo + 3 && (t->v[k - 2].wcls == W_OF || t->v[k - 2].wcls == W_PREP)
      && (t->v[k - 3].rcls == R_TITLE || t->v[k - 3].rcls == R_ROLE) && k + 1 < p.hi) return 1;
  if (k + 1 >= p.hi) return 0;
  const art_table_entry *g = gaz(&art_table_gaz_first_names, c->z, t->v[k].start, t->v[k].end);
  return g && !has_tag(g, "word") && (g->value[0] == 'm' || g->value[0] == 'f');
}

static speaker resolve_np(ctx *c, const toks *t, np p, size_t before_quote) {
  speaker s = {0, 0, 0, 0};
  if (p.lo >= p.hi) return s;
  const qtok *first = &t->v[p.lo], *head = &t->v[p.head];
  size_t a = first->start, b = t->v[p.hi - 1].end;
  if (p.hi - p.lo == 1 && first->wcls == W_PRON) return resolve_pronoun(c, first->wdetail, a, before_quote);
  /* An entity under the phrase: the one holding its head, a person first. */
  const art_entity *best = NULL;
  size_t best_i = 0;
  int best_rank = 0;
  for (size_t i = ent_first_from(c, a > 200 ? a - 200 : 0); i < c->nents && ent(c, i)->start < b; i++) {
    const art_entity *e = ent(c, i);
    if (e->end <= a || !is_speaker_type(e->type) || !e->canonical) continue;
    int rank = (e->end >= head->end && e->start < head->end ? 8 : 0)
             + (e->type == ART_ENT_PERSON ? 4 : e->type == ART_ENT_ORG ? 3 : e->type == ART_ENT_GPE ? 2 : 1);
    if (rank >= best_rank) { best = e; best_i = i; best_rank = rank; }
  }
  /* A group is nobody in particular ("Campaigners vowed", "residents said"),
  ** but a body's members speak for it: "the court's nine judges wrote" is
  ** the court, "the board's members said" the board. */
  if (head->rcls == R_GROUP) {
    if (first->wcls == W_DET && first->wdetail == D_INDEF) return s;
    for (size_t m = p.lo; m < p.head; m++) {
      qtok owner = t->v[m];
      if (!owner.poss || (owner.flags & T_CAP)) continue;
      owner.end = without_possessive(c->z, owner.start, owner.end);
      char key[48];
      size_t len = lower_key(c->z, owner.start, owner.end, key, sizeof key);
      const art_table_entry *r = len ? art_table_find(&art_table_speaker_roles, key, len) : NULL;
      if (r && !strcmp(r->value, "org")) return resolve_org(c, &owner, a);
    }
    return s;
  }
  /* A body's noun heads no person's name ("the Foreign Ministry"), unless a given name opens it. */
  int person_head = name_part(t, p.head)
                    && ((head->rcls != R_ORG && !org_word(c, head)) || looks_like_person(c, t, p))
                    && (!best || best_rank < 8 || best->type == ART_ENT_PERSON || looks_like_person(c, t, p));
  if (best && best_rank >= 8 && !person_head) {
    /* One capitalised word the tagger took for a place or a body may still
    ** be a person the article named before ("Austin" after "Defense
    ** Secretary Lloyd Austin"). */
    if (name_word(head) && name_start(t, p) == p.head) {
      speaker sp = widen_surname(c, (const char *)c->z + head->start,
                                 without_possessive(c->z, head->start, head->end) - head->start, a, 1);
      if (sp.name) {
        if (!sp.gender) sp.gender = name_gender(sp.name, sp.len);
        return sp;
      }
    }
    s.name = best->canonical;
    s.len = strlen(best->canonical);
    s.etype = best->type;
    /* "the Russian Foreign Ministry": a nationality written just before the
    ** body's name, inside the phrase, is part of it (an owner's possessive,
    ** "China's Foreign Ministry", is not: without_owner()). */
    if (best->type == ART_ENT_ORG && best_i > 0 && s.len == best->end - best->start
        && memcmp(s.name, c->z + best->start, s.len) == 0) {
      const art_entity *nat = ent(c, best_i - 1);
      if (nat->type == ART_ENT_NORP && nat->start >= a && nat->end + 1 == best->start && c->z[nat->end] == ' ') {
        s.name = (const char *)c->z + nat->start;
        s.len = best->end - nat->start;
      }
    }
    return s;
  }
  if (person_head) {
    /* A person: the name as the article writes it here, titles off
    ** ("Sen. Maria Delgado" -> "Maria Delgado"); a lone surname widened to
    ** the full name used before, by the text or the tagger. */
    int g = best && best_rank >= 8 ? person_gender(c, best_i) : 0;
    size_t k = name_start(t, p);
    size_t end = without_possessive(c->z, t->v[p.hi - 1].start, t->v[p.hi - 1].end);
    if (k + 1 < p.hi && t->v[k].wcls != W_PARTICLE) {
      s.name = (const char *)c->z + t->v[k].start;
      s.len = end - t->v[k].start;
    } else {
      size_t wl = end - t->v[k].start;
      const char *w = (const char *)c->z + t->v[k].start;
      if (!(best && best_rank >= 8) && is_common_word(c, &t->v[k])) return s;   /* "Critics said" */
      s = widen_surname(c, w, wl, a, 1);
      if (!s.name && best && best_rank >= 8 && strchr(best->canonical, ' ')) {
        s.name = best->canonical;
        s.len = strlen(best->canonical);
        with_suffix(c, best, &s);
      }
      if (!s.name) s = widen_surname(c, w, wl, a, 0);
    }
    s.etype = ART_ENT_PERSON;
    if (!s.gender) s.gender = g ? g : name_gender(s.name, s.len);
    return s;
  }
  int indefinite = first->wcls == W_DET && first->wdetail == D_INDEF;
  if (head->rcls == R_GROUP) return s;
  if ((head->flags & T_CAP) && head->rcls == R_ROLE && p.hi > p.head + 3 && word_is(c, &t->v[p.head + 1], "to")) {
    /* "U.S. Ambassador to Iraq Zalmay Khalilzad says": the name after the title's place. */
    int titled = 0;
    size_t k = past_of_title(c, t, p.head + 2, p.hi, &titled);
    if (k > p.head + 2 && k < p.hi && name_word(&t->v[p.hi - 1])) {
      person who = {t->v[k].start, without_possessive(c->z, t->v[p.hi - 1].start, t->v[p.hi - 1].end), k,
                    head->rgender, k + 1 == p.hi, 0};
      return person_speaker(c, &who);
    }
  }
  if (p.hi - p.lo == 1 && (head->flags & T_CAP) && head->rcls == R_ROLE) {
    /* "King said" after "Martin Luther King Jr.": a role word that is a surname the article gave. */
    speaker sp = widen_surname(c, (const char *)c->z + head->start,
                               without_possessive(c->z, head->start, head->end) - head->start, a, 1);
    if (sp.name) {
      if (!sp.gender) sp.gender = name_gender(sp.name, sp.len);
      return sp;
    }
  }
  if (head->rcls == R_ROLE && (!(head->flags & T_CAP) || first->wcls == W_DET)) {
    if (indefinite) return s;
    s = resolve_role(c, t, p, a);
    if (!s.name) s.gender = head->rgender;
    return s;
  }
  if (head->rcls == R_ORG && !(head->flags & T_CAP)) {
    if (indefinite) return s;
    return resolve_org(c, head, a);
  }
  if (!(head->flags & T_CAP)) return s;      /* "the report said": no speaker */
  /* A capitalised body the tagger did not see ("the Defense Ministry"). */
  np body = {p.lo, p.head + 1, p.head};
  size_t k = name_start(t, body);
  if (k == p.head && is_common_word(c, head)) return s;   /* "Police said", "Authorities say" */
  if (k == p.head && head->rcls == R_ORG) {
    /* "the Navy": the fuller name the article gave it ("The U.S. Navy says"). */
    speaker full = resolve_org(c, head, a);
    if (full.name && full.len > head->end - head->start) return full;
  }
  /* "the Washington-based Council on American-Islamic Relations": the name,
  ** its "on …" part included, its "-based" description left out. */
  while (k < p.head && contains(c->z + t->v[k].start, t->v[k].end - t->v[k].start, "-based", 6)) k++;
  size_t last = p.head;
  if (head->rcls == R_ORG && p.hi > p.head + 2 && (t->v[p.head + 1].wcls == W_OF || t->v[p.head + 1].wcls == W_PREP)) {
    int caps = 1;
    for (size_t m = p.head + 2; m < p.hi; m++) if (!(t->v[m].flags & T_CAP) && t->v[m].wcls != W_OF) caps = 0;
    if (caps) last = p.hi - 1;
  }
  s.name = (const char *)c->z + t->v[k].start;
  s.len = without_possessive(c->z, t->v[last].start, t->v[last].end) - t->v[k].start;
  s.etype = head->rcls == R_ORG || org_word(c, head) ? ART_ENT_ORG : ART_ENT_PERSON;
  return s;
}

/* ---- attribution --------------------------------------------------------- */

typedef struct attribution {
  int found;
  np who;                 /* in the token buffer it was read from */
  size_t who_start, who_end, cue_start, cue_end;
  speaker spk;
} attribution;

static void set_attr(ctx *c, attribution *at, const toks *t, np who, const cue *cu, size_t before_quote) {
  at->found = 1;
  at->who = who;
  at->who_start = t->v[who.lo].start;
  at->who_end = t->v[who.hi - 1].end;
  at->cue_start = t->v[cu->tok].start;
  at->cue_end = t->v[cu->tok + cu->ntok - 1].end;
  at->spk = resolve_np(c, t, who, before_quote);
}

/* Skip leading commas and dashes in [k, hi). */
static size_t skip_joiners(const ctx *c, const toks *t, size_t k, size_t hi) {
  while (k < hi && (is_punct(&t->v[k], c->z, ',') || is_dash(&t->v[k], c->z))) k++;
  return k;
}

static int is_participle(const ctx *c, const toks *t, const cue *cu);

/* Verbs whose listener may follow them: "told reporters", "warned lawmakers". */
static int takes_listener(const char *lemma) {
  static const char *const verbs[] = {"tell", "ask", "inform", "assure", "reassure", "warn", "urge", "remind"};
  for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) if (!strcmp(lemma, verbs[i])) return 1;
  return 0;
}

/*
** In “…,” NAME CUE …, the quote is what the cue reports only when the
** cue ends its clause: "Smith said." / "Smith said Tuesday" / "Smith said
** in a statement" / "Smith told reporters".  "“This Week,” Senator Reid
** said President Bush …" reports something else.
*/
static int cue_ends_clause(const ctx *c, const toks *t, const cue *cu, size_t hi) {
  size_t k = cu->tok + cu->ntok;
  if (k >= hi) return 1;
  const qtok *w = &t->v[k];
  if (!is_word(w) || w->wcls == W_PREP || w->wcls == W_TIME || w->wcls == W_AUX) return 1;
  if (takes_listener(cu->lemma)) return 1;
  size_t n = 0;
  while (k < hi && is_word(&t->v[k])) { k++; n++; }
  return n <= 3 && (k >= hi || !(t->v[k].flags & T_QUOTE));
}

/*
** After the quote: “…,” Gallant claimed / “…,” said Sen. Delgado /
** “…,” according to X.  The phrase must follow the quote directly.
*/
static int attr_after(ctx *c, const toks *t, size_t lo, size_t hi, size_t before_quote, attribution *at) {
  size_t k = skip_joiners(c, t, lo, hi);
  if (k >= hi) return 0;
  cue cues[4];
  size_t limit = k + 14 < hi ? k + 14 : hi;
  size_t nc = find_cues(c, t, k, limit, 0, cues, 4);
  for (size_t i = 0; i < nc; i++) {
    const cue *cu = &cues[i];
    if (cu->cls == C_SKIP) return 0;
    if (cu->tok == k && is_participle(c, t, cu)) return 0;   /* "…,” saying …": the subject before */
    if (cu->tok == k) {
      /* Inverted: the cue first, then the speaker. */
      np who = np_after(c, t, cu->tok + cu->ntok, hi);
      if (who.lo < who.hi) { set_attr(c, at, t, who, cu, before_quote); return 1; }
      return 0;
    }
    if (cu->cls == C_ACCORDING) return 0;
    np who = np_before(c, t, k, cu->tok);
    /* "“…,” the Romanian health minister, Elena Vasile, said": the name in the aside. */
    if (who.lo > k && who.hi > who.lo && is_punct(&t->v[who.lo - 1], c->z, ',')) {
      np role = np_before(c, t, k, who.lo - 1);
      if (role.lo == k && role.hi > role.lo) who.lo = k;
    }
    if (who.lo == k && who.hi > who.lo && cue_ends_clause(c, t, cu, hi)) {
      set_attr(c, at, t, who, cu, before_quote);
      return 1;
    }
    return 0;
  }
  return 0;
}

/*
** The subject of the clause in tokens [lo, hi): the first pronoun, person
** or organisation that opens a clause (nothing but determiners, titles and
** names before it since the last comma) — "The minister, John Michuki,
** defended the raids, saying …" -> John Michuki.  Fills at's speaker and
** span; returns 0 when there is none.
*/
static int subject_in(ctx *c, const toks *t, size_t lo, size_t hi, size_t before_quote, attribution *at) {
  person people[16];
  size_t npeople = people_in(c, t, people, 16), pi = 0;
  int clean = 1;
  for (size_t k = lo; k < hi; k++) {
    const qtok *w = &t->v[k];
    while (pi < npeople && people[pi].end <= w->start) pi++;
    if (is_punct(w, c->z, ',')) { clean = 1; continue; }
    if (clean && w->wcls == W_PRON && (w->wdetail == G_M || w->wdetail == G_F || w->wdetail == G_IT)) {
      np who = {k, k + 1, k};
      at->spk = resolve_np(c, t, who, before_quote);
      at->who_start = w->start;
      at->who_end = w->end;
      return at->spk.name != NULL;
    }
    if (clean && pi < npeople && people[pi].start <= w->start) {
      at->spk = person_speaker(c, &people[pi]);
      at->who_start = people[pi].start;
      at->who_end = people[pi].end;
      return 1;
    }
    if (clean && (w->flags & T_CAP)) {
      size_t oi;
      const art_entity *e = entity_over(c, w->start, w->end, ART_ENT_ORG, &oi);
      if (e) {
        at->spk.name = e->canonical;
        at->spk.len = strlen(e->canonical);
        at->spk.gender = 0;
        at->spk.etype = ART_ENT_ORG;
        at->who_start = e->start;
        at->who_end = e->end;
        return 1;
      }
    }
    if (is_word(w) && !(w->flags & T_CAP) && w->wcls != W_DET && !w->rcls && w->wcls != W_OF) clean = 0;
  }
  return 0;
}

/* A participle cue ("saying", "adding", "citing")? */
static int is_participle(const ctx *c, const toks *t, const cue *cu) {
  const qtok *w = &t->v[cu->tok];
  return cu->cls != C_ACCORDING && w->end - w->start > 4 && !memcmp(c->z + w->end - 3, "ing", 3);
}

/*
** Before the quote: "Austin said: “…”", "Austin stated that in Gaza “…”",
** "According to X, “…”".  The last cue that has a speaker wins.
*/
static int attr_before(ctx *c, const toks *t, size_t lo, size_t hi, int at_sentence_start,
                       size_t before_quote, attribution *at) {
  cue cues[16];
  size_t nc = find_cues(c, t, lo, hi, at_sentence_start, cues, 16);
  for (size_t i = nc; i-- > 0;) {
    const cue *cu = &cues[i];
    if (cu->cls == C_SKIP) continue;
    np who;
    if (cu->cls == C_ACCORDING) who = np_after(c, t, cu->tok + cu->ntok, hi);
    else {
      who = np_before(c, t, lo, cu->tok);
      /* "quoted by Reuters as saying": Reuters only passes the words on. */
      if (who.lo < who.hi && who.lo > lo && word_is(c, &t->v[who.lo - 1], "by")) continue;
      /* "Marta Quill, a lawyer who called …": the role is the name's apposition. */
      if (who.lo < who.hi && who.lo > lo + 1 && t->v[who.head].rcls == R_ROLE
          && is_punct(&t->v[who.lo - 1], c->z, ',')) {
        int relative = 0;
        for (size_t k = who.hi; k < cu->tok; k++) if (is_who(c, &t->v[k])) relative = 1;
        np name = relative ? np_before(c, t, lo, who.lo - 1) : who;
        if (name.lo < name.hi && name.hi == who.lo - 1 && name_word(&t->v[name.head])) who = name;
      }
      if (who.lo == who.hi) {
        /* The inverted "said Smith: “…”". */
        np inv = np_after(c, t, cu->tok + cu->ntok, hi);
        if (inv.lo < inv.hi && inv.hi < hi && is_punct(&t->v[inv.hi], c->z, ':')) who = inv;
      }
      /* "Hasina criticized the manufacturers, saying": not the group before the participle. */
      if (who.lo < who.hi && is_participle(c, t, cu) && t->v[who.head].rcls == R_GROUP) who.lo = who.hi;
      if (who.lo == who.hi && is_participle(c, t, cu) && cu->tok > lo
          && (is_punct(&t->v[cu->tok - 1], c->z, ',') || t->v[cu->tok - 1].rcls == R_GROUP)) {
        /* "…, saying “…”": the clause's subject speaks, or the agent of
        ** "comments made by Kofi Annan, urging …". */
        attribution sub;
        memset(&sub, 0, sizeof sub);
        int det;
        size_t e2 = cu->tok - 1, k2 = e2 > lo ? np_walk(t, lo, e2, &det) : e2;
        if (k2 < e2 && k2 > lo && word_is(c, &t->v[k2 - 1], "by")
            && (name_word(&t->v[e2 - 1]) || t->v[e2 - 1].rcls)) {
          np agent = {k2, e2, e2 - 1};
          set_attr(c, at, t, agent, cu, before_quote);
          return 1;
        }
        if (subject_in(c, t, lo, cu->tok, before_quote, &sub)) {
          *at = sub;
          at->found = 1;
          at->cue_start = t->v[cu->tok].start;
          at->cue_end = t->v[cu->tok + cu->ntok - 1].end;
          return 1;
        }
      }
    }
    if (who.lo < who.hi) { set_attr(c, at, t, who, cu, before_quote); return 1; }
  }
  return 0;
}

/* Does the token range hold any cue (for a fragment's sentence)? */
static int has_cue(const ctx *c, const toks *t, size_t lo, size_t hi) {
  cue cues[8];
  size_t nc = find_cues(c, t, lo, hi, 1, cues, 8);
  for (size_t i = 0; i < nc; i++) if (cues[i].cls != C_SKIP) return 1;
  return 0;
}

/* ---- kind ---------------------------------------------------------------- */

static size_t count_words(const unsigned char *z, size_t a, size_t b, int *first_upper, int *terminal) {
  size_t words = 0;
  int in_word = 0;
  *first_upper = -1;
  int32_t last = 0;
  while (a < b) {
    size_t l;
    int32_t cp = art_utf8_decode(z + a, b - a, &l);
    int w = is_word_cp(cp);
    if (w && !in_word) {
      words++;
      if (*first_upper < 0) *first_upper = utf8proc_isupper(cp) ? 1 : 0;
    }
    in_word = w;
    if (!is_space_cp(cp)) last = cp;
    a += l;
  }
  *terminal = last == '.' || last == '?' || last == '!' || last == 0x2026;
  return words;
}

/* Words of two or more, every long one capitalised: a title or a name. */
static int title_like(const unsigned char *z, size_t a, size_t b) {
  size_t words = 0, caps = 0;
  while (a < b) {
    size_t l;
    int32_t cp = art_utf8_decode(z + a, b - a, &l);
    if (!is_word_cp(cp)) { a += l; continue; }
    size_t letters = 0;
    int upper = utf8proc_isupper(cp);
    while (a < b) {
      cp = art_utf8_decode(z + a, b - a, &l);
      if (!is_word_cp(cp) && cp != '\'' && cp != 0x2019 && cp != '-') break;
      letters++;
      a += l;
    }
    words++;
    if (upper) caps++;
    else if (letters >= 4) return 0;
  }
  return words >= 2 && caps >= 2;
}

/* Tokens [lo, hi) end with a cue (and maybe "that" or a comma)? */
static int ends_with_cue(const ctx *c, const toks *t, size_t lo, size_t hi) {
  size_t e = hi;
  while (e > lo && (is_punct(&t->v[e - 1], c->z, ',') || is_punct(&t->v[e - 1], c->z, ':'))) e--;
  cue cues[16];
  size_t nc = find_cues(c, t, lo, e, 1, cues, 16);
  if (!nc) return 0;
  const cue *cu = &cues[nc - 1];
  return cu->cls != C_SKIP && cu->tok + cu->ntok == e;
}

/* ---- the pass ------------------------------------------------------------ */

static void apply(ctx *c, size_t qi, const attribution *at, int with_text) {
  art_quote *q = &c->list->items[qi];
  q->speaker = at->spk.name;
  q->speaker_len = at->spk.name ? at->spk.len : 0;
  c->qgender[qi] = at->spk.gender;
  c->qetype[qi] = at->spk.name ? at->spk.etype : 0;
  if (with_text) {
    q->speaker_start = at->who_start;
    q->speaker_end = at->who_end;
    q->cue_start = at->cue_start;
    q->cue_end = at->cue_end;
  }
}

/*
** A clause with no cue that ends in a colon before a quote ("He put it
** bluntly:", "Albers was blunt:"): its subject speaks when it opens the
** clause, a pronoun or a person (not a body: "The report concluded:").
** The cue is the clause's verb phrase, as written.
*/
static int colon_subject(ctx *c, const toks *t, size_t before_quote, attribution *at) {
  size_t n = t->n;
  if (n < 3 || !is_punct(&t->v[n - 1], c->z, ':')) return 0;
  for (size_t k = 0; k + 1 < n; k++) if (t->v[k].flags & T_QUOTE) return 0;
  const qtok *w = &t->v[0];
  attribution sub;
  memset(&sub, 0, sizeof sub);
  if (w->wcls == W_PRON) {
    if (w->wdetail != G_M && w->wdetail != G_F) return 0;
  } else if (!name_part(t, 0)) return 0;
  if (!subject_in(c, t, 0, n - 1, before_quote, &sub) || sub.who_start != w->start) return 0;
  if (sub.spk.etype != ART_ENT_PERSON) return 0;
  size_t v = 0;
  while (v < n && t->v[v].start < sub.who_end) v++;
  if (v >= n - 1 || !is_word(&t->v[v])) return 0;
  *at = sub;
  at->found = 1;
  at->cue_start = t->v[v].start;
  at->cue_end = t->v[n - 2].end;
  return 1;
}

/* Attribution in a sentence on its own (the one before a quote): "Austin said:". */
static int attr_sentence(ctx *c, int si, size_t limit, attribution *at) {
  size_t end = c->sents[si].end < limit ? c->sents[si].end : limit;
  if (tokenize(c, c->sents[si].start, end, &c->a)) return 0;
  /* Stop at the sentence's last quote: the words after it are what count. */
  size_t lo = 0;
  for (size_t k = 0; k < c->a.n; k++) if (c->a.v[k].flags & T_QUOTE) lo = k + 1;
  return attr_before(c, &c->a, lo, c->a.n, lo == 0, end, at);
}

static int quote_attribute(ctx *c, size_t qi, int *has_own_cue) {
  art_quote *q = &c->list->items[qi];
  const art_quote *prev = qi > 0 ? &c->list->items[qi - 1] : NULL;
  const art_quote *next = qi + 1 < c->list->count ? &c->list->items[qi + 1] : NULL;
  int so = c->qsent_open[qi], sc = c->qsent_close[qi];
  const art_sentence *S = &c->sents[so], *E = &c->sents[sc];
  size_t pre_lo = S->start;
  if (prev && prev->mark_end > pre_lo && prev->mark_end <= q->mark_start) pre_lo = prev->mark_end;
  size_t post_hi = E->end;
  if (next && next->mark_start < post_hi && next->mark_start >= q->mark_end) post_hi = next->mark_start;
  int continued = q->mark_end == q->end;     /* runs on to the next paragraph */

  attribution at;
  memset(&at, 0, sizeof at);
  *has_own_cue = 0;

  /* 1. After the quote. */
  if (!continued && q->mark_end < post_hi) {
    if (tokenize(c, q->mark_end, post_hi, &c->a)) return -1;
    if (attr_after(c, &c->a, 0, c->a.n, q->mark_start, &at)) {
      apply(c, qi, &at, 1);
      *has_own_cue = 1;
      return 0;
    }
  }
  /* 2. Before it, in its sentence. */
  if (tokenize(c, pre_lo, q->mark_start, &c->a)) return -1;
  int pre_words = 0;
  for (size_t k = 0; k < c->a.n; k++) if (is_word(&c->a.v[k])) pre_words = 1;
  if (pre_words && attr_before(c, &c->a, 0, c->a.n, pre_lo == S->start, q->mark_start, &at)) {
    apply(c, qi, &at, 1);
    *has_own_cue = 1;
    return 0;
  }
  /* "He put it bluntly: “…”": no cue, but the clause the colon ends introduces the quote. */
  if (pre_words && pre_lo == S->start && colon_subject(c, &c->a, q->mark_start, &at)) {
    apply(c, qi, &at, 1);
    *has_own_cue = 1;
    return 0;
  }
  /* After a fragment in the same sentence, the cue may stand before it:
  ** "Brown wrote in the “Sunday Times” that … “…”". */
  if (pre_lo > S->start && prev && prev->kind == ART_QUOTE_FRAGMENT) {
    if (tokenize(c, S->start, q->mark_start, &c->a)) return -1;
    if (attr_before(c, &c->a, 0, c->a.n, 1, q->mark_start, &at)) {
      apply(c, qi, &at, 1);
      *has_own_cue = 1;
      return 0;
    }
  }
  /* 3. A short sentence right after: “…!” Smith said. */
  if (!continued && sc + 1 < (int)c->nsents && c->sents[sc + 1].paragraph == E->paragraph) {
    size_t tail = q->mark_end;
    int only_punct = 1;
    if (tokenize(c, tail, E->end, &c->a)) return -1;
    for (size_t k = 0; k < c->a.n; k++) if (!(c->a.v[k].flags & T_PUNCT)) only_punct = 0;
    if (only_punct) {
      const art_sentence *N = &c->sents[sc + 1];
      size_t hi = N->end;
      /* A sentence with a quote of its own attributes that quote, not ours:
         “…” Critics called the plan “a fantasy.” */
      if (next && next->mark_start < hi) only_punct = 0;
      if (only_punct && tokenize(c, N->start, hi, &c->a)) return -1;
      if (only_punct && c->a.n <= 10 && attr_after(c, &c->a, 0, c->a.n, q->mark_start, &at)) {
        apply(c, qi, &at, 1);
        *has_own_cue = 1;
        return 0;
      }
    }
  }
  /* 4. The sentence before ends with a colon: "Austin said:". */
  if (!pre_words && so > 0) {
    const art_sentence *P = &c->sents[so - 1];
    if (P->end > 0 && c->z[P->end - 1] == ':' && !in_quote(c, P->end - 1)
        && attr_sentence(c, so - 1, P->end, &at)) {
      apply(c, qi, &at, 1);
      *has_own_cue = 1;
      return 0;
    }
    if (P->end > 0 && c->z[P->end - 1] == ':' && !in_quote(c, P->end - 1)) {
      if (tokenize(c, P->start, P->end, &c->a)) return -1;
      if (colon_subject(c, &c->a, P->end, &at)) {
        apply(c, qi, &at, 1);
        *has_own_cue = 1;
        return 0;
      }
    }
  }
  return 0;
}

/* Kind of quote qi, from its words and where it stands. */
static art_quote_kind quote_kind(ctx *c, size_t qi) {
  art_quote *q = &c->list->items[qi];
  if (q->mark_end == q->end) return ART_QUOTE_STATEMENT;              /* runs on */
  if (qi > 0 && c->list->items[qi - 1].group == q->group) return ART_QUOTE_STATEMENT;
  int upper, terminal;
  size_t words = count_words(c->z, q->start, q->end, &upper, &terminal);
  int so = c->qsent_open[qi];
  const art_quote *prev = qi > 0 ? &c->list->items[qi - 1] : NULL;
  size_t pre_lo = c->sents[so].start;
  if (prev && prev->mark_end > pre_lo && prev->mark_end <= q->mark_start) pre_lo = prev->mark_end;
  if (tokenize(c, pre_lo, q->mark_start, &c->a)) return ART_QUOTE_STATEMENT;
  size_t pre_words = 0;
  for (size_t k = 0; k < c->a.n; k++) if (is_word(&c->a.v[k])) pre_words++;
  const qtok *last = c->a.n ? &c->a.v[c->a.n - 1] : NULL;
  if (pre_words == 0) {
    /* Opens the sentence (or follows a quote and its cue). */
    if (words >= 3 || terminal || upper == 1) return ART_QUOTE_STATEMENT;
    return ART_QUOTE_FRAGMENT;
  }
  /* After a colon, a comma, a cue or "that": the quote is the clause. */
  if (is_punct(last, c->z, ':') || is_punct(last, c->z, ',') || word_is(c, last, "that")
      || ends_with_cue(c, &c->a, 0, c->a.n))
    return words >= 3 || terminal ? ART_QUOTE_STATEMENT : ART_QUOTE_FRAGMENT;
  /* After "the", "of", "for": a name or a phrase the writer borrows. */
  if (last->wcls == W_DET || last->wcls == W_PREP || last->wcls == W_OF)
    return words >= 12 ? ART_QUOTE_STATEMENT : ART_QUOTE_FRAGMENT;
  return words >= 8 ? ART_QUOTE_STATEMENT : ART_QUOTE_FRAGMENT;
}

/* Sentence si attributes speech to someone ("Smith said the plan failed")? */
static int sentence_reports(ctx *c, int si, attribution *at) {
  if (tokenize(c, c->sents[si].start, c->sents[si].end, &c->a)) return 0;
  for (size_t k = 0; k < c->a.n; k++) if (c->a.v[k].flags & T_QUOTE) return 0;
  cue cues[16];
  size_t nc = find_cues(c, &c->a, 0, c->a.n, 1, cues, 16);
  for (size_t i = 0; i < nc; i++) {
    if (cues[i].cls != C_SAY && cues[i].cls != C_ACCORDING) continue;
    np who = cues[i].cls == C_ACCORDING ? np_after(c, &c->a, cues[i].tok + cues[i].ntok, c->a.n)
                                        : np_before(c, &c->a, 0, cues[i].tok);
    if (who.lo < who.hi) {
      set_attr(c, at, &c->a, who, &cues[i], c->sents[si].end);
      return at->spk.name != NULL;
    }
  }
  return 0;
}

/*
** A fragment in a relative clause about a person: "Smith, who called the
** plan “a fantasy,”" or, after an earlier quote of the sentence, "“…,”
** said Erik Lindgren, an analyst at Bernstein & Co. who rates the stock
** “market perform.”" (the clause hangs on the speaker's apposition).  t is
** the sentence, hi the fragment's token.
*/
static int relative_speaker(ctx *c, size_t qi, const toks *t, size_t hi, attribution *at) {
  size_t w = hi;
  while (w > 0 && !is_who(c, &t->v[w - 1])) {
    const qtok *x = &t->v[w - 1];
    if ((x->flags & T_QUOTE) || is_punct(x, c->z, ';')) return 0;
    w--;
  }
  if (w < 2) return 0;
  w--;                                           /* the "who" */
  size_t e = is_punct(&t->v[w - 1], c->z, ',') ? w - 1 : w;
  np who = np_before(c, t, 0, e);
  if (who.lo < who.hi && name_word(&t->v[who.head])) {
    speaker sp = resolve_np(c, t, who, c->list->items[qi].mark_start);
    if (sp.name && sp.etype == ART_ENT_PERSON) {
      at->spk = sp;
      at->who_start = t->v[who.lo].start;
      at->who_end = t->v[who.hi - 1].end;
      return 1;
    }
  }
  /* The speaker of the sentence's quote before, then an apposition up to "who". */
  if (qi == 0) return 0;
  const art_quote *pq = &c->list->items[qi - 1];
  if (!pq->speaker || c->qetype[qi - 1] != ART_ENT_PERSON || c->qsent_close[qi - 1] != c->qsent_open[qi]
      || pq->speaker_end <= pq->speaker_start || pq->speaker_end > t->v[w].start) return 0;
  size_t k = 0;
  while (k < w && t->v[k].start < pq->speaker_end) k++;
  if (k >= w || !is_punct(&t->v[k], c->z, ',')) return 0;
  cue cues[2];
  if (find_cues(c, t, k, w, 0, cues, 2)) return 0;
  at->spk.name = pq->speaker;
  at->spk.len = pq->speaker_len;
  at->spk.gender = c->qgender[qi - 1];
  at->spk.etype = ART_ENT_PERSON;
  at->who_start = pq->speaker_start;
  at->who_end = pq->speaker_end;
  return 1;
}

static int cmp_ent(const void *pa, const void *pb, const art_entity *items) {
  const art_entity *a = &items[*(const size_t *)pa], *b = &items[*(const size_t *)pb];
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return a->end < b->end ? -1 : a->end > b->end;
}

/*
** The entities worth reading (a speaker type with a usable name), sorted by
** position: insertion sort, as the extractor's list is almost always in
** order already.
*/
static void sort_entities(ctx *c) {
  const art_entity *items = c->ents->items;
  size_t n = 0;
  for (size_t i = 0; i < c->ents->count; i++) {
    if (is_speaker_type(items[i].type) && name_ok(items[i].canonical)) c->ent_order[n++] = i;
  }
  c->nents = n;
  for (size_t i = 1; i < n; i++) {
    size_t v = c->ent_order[i], j = i;
    while (j > 0 && cmp_ent(&c->ent_order[j - 1], &v, items) > 0) {
      c->ent_order[j] = c->ent_order[j - 1];
      j--;
    }
    c->ent_order[j] = v;
  }
}

/*
** "Norway’s Energy Ministry" (a tagger's name) -> "Energy Ministry": the
** owner before "'s" is no part of the name of the body or person after it.
*/
static void without_owner(const char **name, size_t *len) {
  const char *s = *name;
  size_t n = *len, words = 1;
  if (!n || !(s[0] >= 'A' && s[0] <= 'Z')) return;
  for (size_t i = 1; i + 2 < n; i++) {
    if (s[i] == ' ') {
      if (++words > 2 || !(s[i + 1] >= 'A' && s[i + 1] <= 'Z')) return;
      continue;
    }
    size_t ap = s[i] == '\'' ? 1 : (i + 4 < n && !memcmp(s + i, "\xE2\x80\x99", 3)) ? 3 : 0;
    if (!ap || s[i + ap] != 's' || i + ap + 2 >= n || s[i + ap + 1] != ' ') continue;
    const char *rest = s + i + ap + 2;
    if (!(rest[0] >= 'A' && rest[0] <= 'Z')) return;
    *len = n - (size_t)(rest - s);
    *name = rest;
    return;
  }
}

/* Does the name need tidying: a line break, a tab or a run of spaces in it? */
static int untidy(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') return 1;
    if (s[i] == ' ' && i + 1 < n && s[i + 1] == ' ') return 1;
  }
  return 0;
}

/*
** A name read from hard-wrapped text spans a line break ("Dr. Samuel K.⏎
** Oyelaran"): give it single spaces, in the list's own buffer, so that
** GROUP BY speaker sees one name.  Offsets first, pointers once the buffer
** stops moving.
*/
static int tidy_speakers(art_quote_list *list) {
  list->names_len = 0;
  size_t *off = NULL;
  for (size_t qi = 0; qi < list->count; qi++) {
    art_quote *q = &list->items[qi];
    if (!q->speaker || !untidy(q->speaker, q->speaker_len)) continue;
    if (!off) {
      off = malloc(list->count * sizeof *off);
      if (!off) return -1;
      for (size_t k = 0; k < list->count; k++) off[k] = (size_t)-1;
    }
    if (list->names_len + q->speaker_len > list->names_cap) {
      size_t cap = list->names_cap ? list->names_cap * 2 : 256;
      while (cap < list->names_len + q->speaker_len) cap *= 2;
      char *v = realloc(list->names, cap);
      if (!v) { free(off); return -1; }
      list->names = v;
      list->names_cap = cap;
    }
    off[qi] = list->names_len;
    char *d = list->names + list->names_len;
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < q->speaker_len; i++) {
      char ch = q->speaker[i];
      if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') { space = 1; continue; }
      if (space && k) d[k++] = ' ';
      space = 0;
      d[k++] = ch;
    }
    list->names_len += k;
    q->speaker_len = k;
  }
  if (off) {
    for (size_t qi = 0; qi < list->count; qi++) {
      if (off[qi] != (size_t)-1) list->items[qi].speaker = list->names + off[qi];
    }
    free(off);
  }
  return 0;
}

int art_quotes_attribute(const char *doc, size_t n, const art_sentence *sents,
                         size_t nsents, const art_entity_list *entities,
                         art_quote_list *list) {
  if (!list->count || !nsents) return 0;
  ctx c;
  memset(&c, 0, sizeof c);
  c.z = (const unsigned char *)doc;
  c.n = n;
  c.sents = sents;
  c.nsents = nsents;
  c.list = list;
  static const art_entity_list no_entities;
  c.ents = entities ? entities : &no_entities;
  c.nents = c.ents->count;
  size_t nq = list->count;
  c.ent_order = malloc((c.nents ? c.nents : 1) * sizeof *c.ent_order);
  int *ints = malloc(4 * nq * sizeof *ints);
  int *own_cue = NULL;
  if (!c.ent_order || !ints) { free(c.ent_order); free(ints); return -1; }
  c.qsent_open = ints;
  c.qsent_close = ints + nq;
  c.qgender = ints + 2 * nq;
  c.qetype = ints + 3 * nq;
  own_cue = calloc(nq, sizeof *own_cue);
  if (!own_cue) { free(c.ent_order); free(ints); return -1; }
  sort_entities(&c);

  for (size_t qi = 0; qi < nq; qi++) {
    art_quote *q = &list->items[qi];
    c.qsent_open[qi] = sent_at(&c, q->start);
    c.qsent_close[qi] = sent_at(&c, q->mark_end > q->mark_start ? q->mark_end - 1 : q->start);
    c.qgender[qi] = c.qetype[qi] = 0;
    q->speaker = NULL;
    q->speaker_len = 0;
    q->speaker_start = q->speaker_end = q->cue_start = q->cue_end = 0;
  }
  for (size_t qi = 0; qi < nq && !c.oom; qi++) list->items[qi].kind = quote_kind(&c, qi);

  for (size_t qi = 0; qi < nq && !c.oom; qi++) {
    art_quote *q = &list->items[qi];
    int in_group = qi > 0 && list->items[qi - 1].group == q->group;
    /* A name in marks ("the “Orange Revolution”", "“Sunday Times”") has no speaker. */
    if (q->kind == ART_QUOTE_FRAGMENT && title_like(c.z, q->start, q->end)) continue;
    if (quote_attribute(&c, qi, &own_cue[qi]) < 0) break;
    if (own_cue[qi] || in_group) continue;
    /* No cue of its own. */
    if (q->kind == ART_QUOTE_FRAGMENT) {
      /* A fragment inside a sentence that reports someone: that someone. */
      int si = c.qsent_open[qi];
      if (tokenize(&c, c.sents[si].start, c.sents[si].end, &c.a)) break;
      if (has_cue(&c, &c.a, 0, c.a.n)) {
        /* Its subject: the first pronoun, person or organisation opening a clause. */
        size_t hi = 0;
        while (hi < c.a.n && c.a.v[hi].start < q->mark_start) hi++;
        attribution at;
        memset(&at, 0, sizeof at);
        if ((subject_in(&c, &c.a, 0, hi, q->mark_start, &at) && at.spk.name)
            || relative_speaker(&c, qi, &c.a, hi, &at)) {
          apply(&c, qi, &at, 0);
          q->speaker_start = at.who_start;
          q->speaker_end = at.who_end;
        }
      }
      continue;
    }
    /* A statement: the speaker carries over from the quote or report just before. */
    {
      int so = c.qsent_open[qi];
      const art_quote *pq = qi > 0 ? &list->items[qi - 1] : NULL;
      if (pq && pq->speaker && pq->kind == ART_QUOTE_STATEMENT
          && (c.qsent_close[qi - 1] == so || c.qsent_close[qi - 1] == so - 1)) {
        q->speaker = pq->speaker;
        q->speaker_len = pq->speaker_len;
        c.qgender[qi] = c.qgender[qi - 1];
        c.qetype[qi] = c.qetype[qi - 1];
        continue;
      }
      if (so > 0 && !(pq && c.qsent_close[qi - 1] >= so - 1)) {
        attribution at;
        memset(&at, 0, sizeof at);
        if (sentence_reports(&c, so - 1, &at)) apply(&c, qi, &at, 0);
      }
    }
  }

  /* A one-word speaker may be a body's short name: the full name the article used before. */
  for (size_t qi = 0; qi < nq && !c.oom; qi++) {
    art_quote *q = &list->items[qi];
    if (q->speaker) without_owner(&q->speaker, &q->speaker_len);
    if (!q->speaker || has_space((const unsigned char *)q->speaker, 0, q->speaker_len)) continue;
    speaker full = widen_short(&c, q->speaker, q->speaker_len, q->mark_start);
    if (full.name) { q->speaker = full.name; q->speaker_len = full.len; }
  }

  /* A multi-paragraph quote has one speaker: share the first one found. */
  for (size_t qi = 0; qi < nq;) {
    size_t qj = qi + 1;
    while (qj < nq && list->items[qj].group == list->items[qi].group) qj++;
    if (qj - qi > 1) {
      size_t src = qj;
      for (size_t k = qi; k < qj; k++) if (list->items[k].speaker || list->items[k].cue_end > list->items[k].cue_start) { src = k; break; }
      if (src < qj) {
        for (size_t k = qi; k < qj; k++) {
          if (k == src) continue;
          art_quote *d = &list->items[k];
          const art_quote *s = &list->items[src];
          d->speaker = s->speaker;
          d->speaker_len = s->speaker_len;
          d->speaker_start = s->speaker_start;
          d->speaker_end = s->speaker_end;
          d->cue_start = s->cue_start;
          d->cue_end = s->cue_end;
        }
      }
    }
    qi = qj;
  }

  if (!c.oom && tidy_speakers(list)) c.oom = 1;

  int oom = c.oom;
  free(c.a.v);
  free(c.a2.v);
  free(c.b.v);
  free(c.w.v);
  free(c.ent_order);
  free(ints);
  free(own_cue);
  return oom ? -1 : 0;
}
