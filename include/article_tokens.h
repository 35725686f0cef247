/*
** article_tokens.h — words, numbers and punctuation inside one sentence.
**
** The entity stage reads a sentence as tokens.  A token is a byte span into
** the caller's document plus shape flags computed once, so that later stages
** (the name tagger, the canonical linker) never re-scan bytes to ask "is this
** capitalised?".  Splitting follows what entity spans need, close to the
** Penn Treebank / spaCy habits that users compare against:
**
**   - a possessive "'s" / "’s" (and the lone apostrophe of "officials’") is a
**     token of its own, so no span has to swallow it;
**   - quote marks, curly or straight, are tokens of their own;
**   - "U.S.", "a.m.", "Sen." and initials ("W.") keep their period; a
**     sentence-final period after an ordinary word does not;
**   - numbers keep their inner separators ("1,200", "3.5", "7:30");
**   - a hyphen between a capitalised and a lower-case part is split off
**     ("Hamas-run" -> Hamas - run, "U.S.-led"), but names stay whole
**     ("Jean-Pierre", "al-Qaida", "Guinea-Bissau");
**   - dashes and other punctuation are one token per mark ("--" and "..."
**     stay together).
**
** Nothing here allocates except growing the caller's token array.
*/
#ifndef ARTICLE_TOKENS_H
#define ARTICLE_TOKENS_H

#include <stddef.h>
#include <stdint.h>

enum {
  ART_TOK_WORD       = 1u << 0,   /* starts with a letter or digit */
  ART_TOK_CAP        = 1u << 1,   /* first letter is upper case ("Gaza", "U.S.", "iPhone" no) */
  ART_TOK_ALLCAPS    = 1u << 2,   /* two or more letters, none lower case ("CIA", "U.N.") */
  ART_TOK_LOWER      = 1u << 3,   /* first character is a lower-case letter */
  ART_TOK_DIGIT      = 1u << 4,   /* holds a digit */
  ART_TOK_PUNCT      = 1u << 5,   /* not a word: punctuation, symbol, quote */
  ART_TOK_PERIOD     = 1u << 6,   /* holds a '.' */
  ART_TOK_INITIAL    = 1u << 7,   /* first word of the sentence or of a quotation */
  ART_TOK_POSSESSIVE = 1u << 8,   /* "'s", "’s", or the apostrophe of "officials’" */
  ART_TOK_QUOTE      = 1u << 9,   /* a quote mark */
  ART_TOK_HYPHEN     = 1u << 10,  /* a word with an inner hyphen ("Jean-Pierre") */
  ART_TOK_SPACE_AFTER= 1u << 11,  /* whitespace follows the token */
  ART_TOK_HAS_UPPER  = 1u << 12,  /* any upper-case letter ("iPhone", "McDonald") */
  ART_TOK_DASH       = 1u << 13,  /* '-', '--', en or em dash standing alone */
  ART_TOK_OPEN       = 1u << 14   /* opening quote or bracket */
};

typedef struct art_token {
  size_t start, end;     /* byte span [start, end) in the document */
  uint32_t flags;        /* ART_TOK_* */
} art_token;

typedef struct art_tokens {
  art_token *items;
  size_t count, cap;
} art_tokens;

/*
** Tokenize doc[start..end) (one sentence), replacing the contents of *out.
** Returns the number of tokens, or -1 when out of memory.
*/
long art_tokenize(const char *doc, size_t start, size_t end, art_tokens *out);

/*
** What a scan over many tokens asks first, one byte a token, so that it
** can take sixteen tokens a step: can the token open a capitalised name
** (a word with an upper-case letter and no digit), is it a he/she pronoun
** (he, his, him, He, His / she, her, She, Her), does it hold a digit.
*/
enum { ART_TF_OPENS = 1, ART_TF_HE = 2, ART_TF_SHE = 4, ART_TF_DIGIT = ART_TOK_DIGIT };

/*
** art_tokenize() that appends the sentence's tokens to *out, keeping the
** tokens it holds (one array for many sentences, without a copy).  Returns
** the number of tokens added, or -1.  When facts is not NULL, facts[k] gets
** the ART_TF_* byte of each new token out->items[k]; the caller then makes
** the room: out->cap - out->count >= end - start (a token per byte), and
** facts as long as that (else -1, as the array is not grown under it).
*/
long art_tokenize_append(const char *doc, size_t start, size_t end, art_tokens *out, uint8_t *facts);
void art_tokens_free(art_tokens *t);

/* Shape flags of the single token z[0..n) (no INITIAL/SPACE_AFTER/POSSESSIVE context). */
uint32_t art_token_shape(const char *z, size_t n);

/* Set ART_TOK_INITIAL on the first word and on the first word after an opening quote. */
void art_tokens_mark_initial(const char *doc, art_token *toks, size_t n);

#endif
