#!/bin/sh
#
# tests/bench/run.sh — `make bench`: throughput beside a baseline and ICU.
#
# Builds tests/bench/bench.c (the driver: SQLite + dist/article.so) with
# tests/bench/icu_bench.c (ICU's sentence break iterator) into build/bench/,
# then runs it over a corpus, one article a row:
#
#   BENCH_CORPUS=FILE     articles separated by form-feed lines;
#   default               ../shared/data/corpus/voa.txt when present,
#                         else sql/samples/*.txt repeated to about 5 MB.
#
# ICU comes from libicu-dev (pkg-config icu-uc icu-i18n); when it is
# missing it is installed if we are root, otherwise the bench runs without
# the ICU row and says how to install it.  This is a benchmark, not a test:
# it prints figures and fails only when something cannot run.

cd "$(dirname "$0")/../.." || exit 2
[ -f dist/article.so ] || { echo "bench: dist/article.so is missing: run make" >&2; exit 1; }

mkdir -p build/bench
icu_flags=""
if ! pkg-config --exists icu-uc icu-i18n 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "bench: installing libicu-dev"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q libicu-dev > build/bench/apt.log 2>&1 ||
      { apt-get update -q > /dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q libicu-dev >> build/bench/apt.log 2>&1; }
  fi
fi
if pkg-config --exists icu-uc icu-i18n 2>/dev/null; then
  icu_src=tests/bench/icu_bench.c
  icu_flags=$(pkg-config --cflags --libs icu-uc icu-i18n)
else
  echo "bench: ICU not found, running without it (sudo apt-get install -y libicu-dev)"
  icu_src=""
  icu_flags="-DBENCH_NO_ICU"
fi

# shellcheck disable=SC2046,SC2086
cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Wno-unused-parameter -Itests/bench \
  -o build/bench/bench tests/bench/bench.c $icu_src \
  $(pkg-config --cflags --libs sqlite3) $icu_flags || exit 1

corpus=${BENCH_CORPUS:-}
if [ -z "$corpus" ] && [ -f ../shared/data/corpus/voa.txt ]; then
  corpus=../shared/data/corpus/voa.txt
fi
if [ -n "$corpus" ]; then
  echo "bench: corpus $corpus"
  exec ./build/bench/bench "$corpus"
else
  echo "bench: corpus sql/samples/*.txt repeated to 5 MB (../shared/data/corpus/voa.txt not found)"
  exec ./build/bench/bench --repeat-to 5000000 sql/samples/*.txt
fi
