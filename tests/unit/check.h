/*
** check.h — the tiny harness every C unit test uses.
**
** Each check prints one line, `ok - NAME` or `not ok - NAME: detail`;
** tests/run.sh counts them.  A test program returns non-zero when any
** check failed, so it can also run on its own.
*/
#ifndef ARTICLE_CHECK_H
#define ARTICLE_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures = 0;

/* Line-buffer stdout so a test that crashes still shows the checks it passed. */
__attribute__((constructor)) static void check_line_buffered(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
}

#define CHECK(name, cond) do { \
    if (cond) printf("ok - %s\n", name); \
    else { printf("not ok - %s: %s (%s:%d)\n", name, #cond, __FILE__, __LINE__); check_failures++; } \
  } while (0)

/* Compare a byte span with an expected C string. */
#define CHECK_SPAN(name, doc, s, e, want) do { \
    size_t want_len_ = strlen(want); \
    int same_ = (size_t)((e) - (s)) == want_len_ && memcmp((doc) + (s), (want), want_len_) == 0; \
    if (same_) printf("ok - %s\n", name); \
    else { printf("not ok - %s: got [%.*s] want [%s]\n", name, (int)((e) - (s)), (doc) + (s), want); \
           check_failures++; } \
  } while (0)

#define CHECK_DONE() return check_failures ? 1 : 0

#endif
