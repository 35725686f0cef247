#!/bin/sh
#
# tests/run.sh — the whole test run; `make test` calls it after `make all`.
#
# Five parts, each printing TAP-like lines that this script counts:
#
#   unit    every tests/unit/test_*.c, compiled against the pure modules
#           (ext/*.c except the SQLite glue ext/sqlite_*.c, plus the tables
#           the build generated in build/gen) and run.  Each program prints
#           `ok - NAME` or `not ok - NAME: detail` (tests/unit/check.h).
#   asan    the same programs again under -fsanitize=address,undefined; any
#           sanitizer report (or a non-zero exit) is a failure.  Names get
#           the prefix `asan:`.
#   sql     every tests/sql/*.sql in the real sqlite3 shell after
#           `.load dist/article`.  A row `name|1` passes; any other row,
#           or an error from the shell, fails.
#   python  tests/test_python.py under Debian's /usr/bin/python3, whose
#           sqlite3 module can load extensions.
#   node    tests/node/test.js through better-sqlite3 (which bundles its own,
#           newer SQLite), when node is installed.  better-sqlite3 is built
#           from source on the first run (npm ci), with the headers in
#           /usr/include/node, since nothing may be downloaded from GitHub.
#
# A program that crashes, exits non-zero, or prints no check at all counts
# as a failure too, so a broken test can never look green.  By default only
# failing lines and a count per part are shown; VERBOSE=1 shows every line.
# The complete output is kept in build/test/test.log.  The last line is
# exactly `N passed, N failed`; the exit status is 1 when anything failed.
#
# Objects live under build/test/ and are rebuilt only when a source or a
# header is newer, so a second run is quick.

cd "$(dirname "$0")/.." || exit 2

TEST_DIR=build/test
LOG=$TEST_DIR/test.log
TIMEOUT=${TEST_TIMEOUT:-600}
VERBOSE=${VERBOSE:-0}
mkdir -p "$TEST_DIR" || exit 2
: > "$LOG"

total_pass=0
total_fail=0

# ---- counting --------------------------------------------------------------

# count_part LABEL FILE: add FILE's ok / not ok lines to the totals, print
# the failures (every line when VERBOSE=1) and one summary line for the part.
count_part() {
  cp_label=$1 cp_file=$2
  p=$(grep -c '^ok - ' "$cp_file")
  f=$(grep -c '^not ok - ' "$cp_file")
  if [ "$VERBOSE" = 1 ]; then
    grep -E '^(not )?ok - ' "$cp_file"
  else
    grep -E '^(not ok - |    # )' "$cp_file"
  fi
  cat "$cp_file" >> "$LOG"
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
  printf '%-7s %5d ok, %d not ok\n' "$cp_label" "$p" "$f"
}

# run_checked NAME PREFIX OUT CMD...: run a test program with a time limit,
# append its check lines to OUT with PREFIX in front of every name, and add a
# failure when it exits non-zero, prints no check, or (for sanitized runs)
# writes a sanitizer report to stderr.
run_checked() {
  rc_name=$1 rc_prefix=$2 rc_out=$3
  shift 3
  raw=$TEST_DIR/last.out
  err=$TEST_DIR/last.err
  timeout "$TIMEOUT" "$@" > "$raw" 2> "$err"
  rc=$?
  sed -n -e "s/^ok - /ok - $rc_prefix/p" -e "s/^not ok - /not ok - $rc_prefix/p" "$raw" >> "$rc_out"
  if grep -q -E '(AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:)' "$err"; then
    where=$(grep -m1 -E '(SUMMARY|runtime error:)' "$err")
    echo "not ok - ${rc_prefix}sanitizer report: $where" >> "$rc_out"
    sed 's/^/    # /' "$err" | head -40 >> "$rc_out"
  elif [ "$rc" -eq 124 ]; then
    echo "not ok - ${rc_prefix}timed out after ${TIMEOUT}s" >> "$rc_out"
  elif [ "$rc" -ne 0 ] && ! grep -q '^not ok - ' "$raw"; then
    echo "not ok - ${rc_prefix}exit status $rc with no failing check: $(tail -n 3 "$err" | tr '\n' ' ')" >> "$rc_out"
  elif ! grep -q -E '^(not )?ok - ' "$raw"; then
    echo "not ok - ${rc_prefix}ran no check" >> "$rc_out"
  fi
  # Keep stderr of failing runs in the log for whoever looks next.
  if [ -s "$err" ] && [ "$rc" -ne 0 ]; then
    { echo "# stderr of $rc_name:"; sed 's/^/#   /' "$err"; } >> "$LOG"
  fi
}

# ---- unit tests (plain and sanitized) --------------------------------------

PKG_FLAGS=$(pkg-config --cflags --libs libutf8proc libpcre2-8 2>/dev/null || echo -lutf8proc -lpcre2-8)
BASE_CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wno-unused-parameter -Iinclude -Ibuild/gen -Itests/unit"
# The quotes are meant literally: each macro is a C string literal.
# shellcheck disable=SC2089,SC2090
BASE_CFLAGS="$BASE_CFLAGS -DARTICLE_VERSION=\"test\" -DARTICLE_COMMIT=\"test\" -DARTICLE_BUILD_DATE=\"test\""

# newer_than_any OBJ FILE...: true when OBJ is missing or older than a FILE.
# (`test -nt` is not in POSIX, but dash, bash, ksh and busybox sh all have it.)
# shellcheck disable=SC3013
newer_than_any() {
  nt_target=$1
  shift
  [ -f "$nt_target" ] || return 0
  for nt_dep in "$@"; do
    [ "$nt_dep" -nt "$nt_target" ] && return 0
  done
  return 1
}

# table_sources: the generated C file of every ext/data/*.tsv.  make leaves
# them in build/gen/ (it may delete them as intermediates); a missing or stale
# one is generated again under build/test/gen/ with make's own build/gentable.
table_sources() {
  for tsv in ext/data/*.tsv; do
    [ -f "$tsv" ] || continue
    t=$(basename "$tsv" .tsv)
    # shellcheck disable=SC3013
    if [ -f "build/gen/table_$t.c" ] && ! [ "$tsv" -nt "build/gen/table_$t.c" ]; then
      echo "build/gen/table_$t.c"
    else
      mkdir -p "$TEST_DIR/gen"
      if newer_than_any "$TEST_DIR/gen/table_$t.c" "$tsv" build/gentable; then
        build/gentable "$t" "$tsv" > "$TEST_DIR/gen/table_$t.c.tmp" &&
          mv "$TEST_DIR/gen/table_$t.c.tmp" "$TEST_DIR/gen/table_$t.c"
      fi
      echo "$TEST_DIR/gen/table_$t.c"
    fi
  done
}

# unit_part KIND PREFIX EXTRA_CFLAGS: build the modules and every unit test
# into build/test/KIND and run them.
unit_part() {
  kind=$1 prefix=$2 extra=$3
  dir=$TEST_DIR/$kind
  out=$TEST_DIR/$kind.tap
  mkdir -p "$dir/obj" "$dir/bin"
  : > "$out"
  headers=$(ls include/*.h ext/*.h build/gen/*.h tests/unit/*.h 2>/dev/null)
  objs=""
  build_ok=1
  for src in ext/*.c $(table_sources); do
    [ -f "$src" ] || continue
    case $src in ext/sqlite_*.c) continue ;; esac
    base=$(basename "$src" .c)
    case $src in */gen/*) base=gen_$base ;; esac
    obj=$dir/obj/$base.o
    # shellcheck disable=SC2086
    if newer_than_any "$obj" "$src" $headers; then
      # shellcheck disable=SC2086,SC2090
      if ! cc $BASE_CFLAGS $extra -c -o "$obj" "$src" $PKG_FLAGS 2> "$dir/obj/$base.err"; then
        echo "not ok - ${prefix}build $src: $(head -n 3 "$dir/obj/$base.err" | tr '\n' ' ')" >> "$out"
        rm -f "$obj"
        build_ok=0
        continue
      fi
    fi
    objs="$objs $obj"
  done
  found=0
  for test_src in tests/unit/test_*.c; do
    [ -f "$test_src" ] || continue
    found=1
    name=$(basename "$test_src" .c)
    bin=$dir/bin/$name
    if [ "$build_ok" = 0 ]; then
      echo "not ok - ${prefix}$name: not run, a module did not compile" >> "$out"
      continue
    fi
    # shellcheck disable=SC2086,SC2090
    if ! cc $BASE_CFLAGS $extra -o "$bin" "$test_src" $objs $PKG_FLAGS -lm 2> "$dir/$name.err"; then
      echo "not ok - ${prefix}$name: does not compile: $(grep -m 3 -E 'error|undefined' "$dir/$name.err" | tr '\n' ' ')" >> "$out"
      continue
    fi
    run_checked "$name" "$prefix$name: " "$out" "./$bin"
  done
  [ "$found" = 1 ] || echo "not ok - ${prefix}no tests/unit/test_*.c found" >> "$out"
  count_part "$kind" "$out"
}

unit_part unit "" "-O1 -g"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
unit_part asan "asan:" "-fsanitize=address,undefined -fno-omit-frame-pointer -O1 -g"

# ---- batches: the same entities however sentences are grouped -------------
# ext/entities.c runs tokens, tagger and values over a batch of sentences
# before the rules see any of them.  tests/batches/dump_entities.c prints the
# entities of our sample articles built against the unit objects, then
# against an entity stage compiled with batches of two sentences or 64
# bytes; the two dumps must be the same.

batch_out=$TEST_DIR/batches.tap
: > "$batch_out"
bdir=$TEST_DIR/batches
mkdir -p "$bdir"
unit_objs=$(ls "$TEST_DIR"/unit/obj/*.o 2>/dev/null)
small_objs=$(echo "$unit_objs" | grep -v '/entities\.o$')
# shellcheck disable=SC2086
if [ -z "$unit_objs" ]; then
  echo "not ok - batches: the unit objects are missing" >> "$batch_out"
elif ! cc $BASE_CFLAGS -O1 -g -DBATCH_SENTENCES=2 -DBATCH_BYTES=64 -c -o "$bdir/entities_small.o" ext/entities.c $PKG_FLAGS 2> "$bdir/build.err" ||
     ! cc $BASE_CFLAGS -O1 -g -o "$bdir/dump_default" tests/batches/dump_entities.c $unit_objs $PKG_FLAGS -lm 2>> "$bdir/build.err" ||
     ! cc $BASE_CFLAGS -O1 -g -o "$bdir/dump_small" tests/batches/dump_entities.c $small_objs "$bdir/entities_small.o" $PKG_FLAGS -lm 2>> "$bdir/build.err"; then
  echo "not ok - batches: build: $(head -n 3 "$bdir/build.err" | tr '\n' ' ')" >> "$batch_out"
else
  "$bdir/dump_default" sql/samples/*.txt > "$bdir/default.tsv" 2> "$bdir/default.err"; rc1=$?
  "$bdir/dump_small" sql/samples/*.txt > "$bdir/small.tsv" 2> "$bdir/small.err"; rc2=$?
  if [ "$rc1" -ne 0 ] || [ "$rc2" -ne 0 ]; then
    echo "not ok - batches: dump failed: $(cat "$bdir/default.err" "$bdir/small.err" | head -n 2 | tr '\n' ' ')" >> "$batch_out"
  elif [ "$(wc -l < "$bdir/default.tsv")" -lt 100 ]; then
    echo "not ok - batches: only $(wc -l < "$bdir/default.tsv") entities dumped" >> "$batch_out"
  elif ! cmp -s "$bdir/default.tsv" "$bdir/small.tsv"; then
    echo "not ok - batches: tiny batches change $(diff "$bdir/default.tsv" "$bdir/small.tsv" | grep -c '^[<>]') lines (diff $bdir/default.tsv $bdir/small.tsv)" >> "$batch_out"
  else
    echo "ok - batches: $(wc -l < "$bdir/default.tsv") entities the same with batches of two sentences" >> "$batch_out"
  fi
fi
count_part batches "$batch_out"

# ---- SQL tests in the sqlite3 shell ----------------------------------------

sql_out=$TEST_DIR/sql.tap
: > "$sql_out"
if [ ! -f dist/article.so ]; then
  echo "not ok - sql: dist/article.so is missing (run make)" >> "$sql_out"
elif ! command -v sqlite3 > /dev/null; then
  echo "not ok - sql: the sqlite3 shell is not installed (make deps)" >> "$sql_out"
else
  found=0
  for f in tests/sql/*.sql; do
    [ -f "$f" ] || continue
    found=1
    name=$(basename "$f" .sql)
    # -init /dev/null: a user's ~/.sqliterc must not change the output mode.
    # -cmd loads the extension first, so error line numbers match the file.
    timeout "$TIMEOUT" sqlite3 -init /dev/null -batch -bail -list -noheader \
      -cmd ".load dist/article" :memory: < "$f" \
      > "$TEST_DIR/sql-$name.out" 2> "$TEST_DIR/sql-$name.err"
    rc=$?
    awk -v file="$name" '
      /^[^|]*\|1$/ { sub(/\|1$/, ""); print "ok - sql:" file ":" $0; next }
      { print "not ok - sql:" file ": unexpected row [" $0 "]" }
    ' "$TEST_DIR/sql-$name.out" >> "$sql_out"
    if [ "$rc" -ne 0 ] || [ -s "$TEST_DIR/sql-$name.err" ]; then
      echo "not ok - sql:$name: shell error (exit $rc): $(head -n 3 "$TEST_DIR/sql-$name.err" | tr '\n' ' ')" >> "$sql_out"
    elif [ ! -s "$TEST_DIR/sql-$name.out" ]; then
      echo "not ok - sql:$name: returned no rows" >> "$sql_out"
    fi
  done
  [ "$found" = 1 ] || echo "not ok - sql: no tests/sql/*.sql found" >> "$sql_out"
fi
count_part sql "$sql_out"

# ---- Python (Debian's sqlite3 module) ---------------------------------------

py_out=$TEST_DIR/python.tap
: > "$py_out"
if [ -x /usr/bin/python3 ]; then
  run_checked test_python "python: " "$py_out" /usr/bin/python3 tests/test_python.py
else
  echo "not ok - python: /usr/bin/python3 is missing (apt-get install python3)" >> "$py_out"
fi
count_part python "$py_out"

# ---- Node (better-sqlite3, another SQLite version) --------------------------

node_out=$TEST_DIR/node.tap
: > "$node_out"
if command -v node > /dev/null; then
  if [ ! -f tests/node/node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
    echo "node: installing better-sqlite3 (built from source, about a minute)"
    # The headers come from Debian's nodejs package, so node-gyp needs no
    # download; build-from-source stops prebuild-install from trying GitHub.
    if [ -f /usr/include/node/node.h ]; then
      npm_config_nodedir=/usr
      export npm_config_nodedir
    fi
    npm_config_build_from_source=true
    export npm_config_build_from_source
    if [ -f tests/node/package-lock.json ]; then npm_cmd=ci; else npm_cmd=install; fi
    if ! (cd tests/node && timeout 1200 npm "$npm_cmd" --no-audit --no-fund) > "$TEST_DIR/npm.log" 2>&1; then
      echo "not ok - node: npm $npm_cmd failed: $(grep -m 3 -i 'err' "$TEST_DIR/npm.log" | tr '\n' ' ')" >> "$node_out"
    fi
  fi
  if [ -f tests/node/node_modules/better-sqlite3/build/Release/better_sqlite3.node ]; then
    run_checked test.js "node: " "$node_out" node tests/node/test.js
  elif ! grep -q '^not ok' "$node_out"; then
    echo "not ok - node: better-sqlite3 did not build (see $TEST_DIR/npm.log)" >> "$node_out"
  fi
  count_part node "$node_out"
else
  echo "node        skipped: node is not installed"
fi

# ---- total --------------------------------------------------------------------

echo "full output: $LOG"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
