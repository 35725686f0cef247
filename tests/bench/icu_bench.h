/* icu_bench.h — ICU sentence counting for the benchmark driver (icu_bench.c). */
#ifndef ARTICLE_ICU_BENCH_H
#define ARTICLE_ICU_BENCH_H

#include <stddef.h>

typedef struct icu_bench icu_bench;

/* Open ICU's English sentence iterator; NULL (and *err set) on failure. */
icu_bench *icu_bench_open(const char **err);
/* Sentences in text[0..n) by ICU's rules, or -1 on an ICU error. */
long icu_bench_count(icu_bench *b, const char *text, size_t n);
const char *icu_bench_version(void);
void icu_bench_close(icu_bench *b);

#endif
