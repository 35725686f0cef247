#!/bin/sh
#
# train_model.sh — `make model`: retrain the name tagger and regenerate
# ext/model_weights.c, the weights compiled into the extension.
#
#   sh ext/tools/train_model.sh [GMB_DIR] [EPOCHS]
#
# GMB_DIR defaults to ../shared/data/gmb beside the repository (see its
# README: gmb.train.conll to learn from, gmb.dev.conll to report on).  The
# trainer is built from the same ext/tagger.c and ext/tokens.c as the
# library plus the generated gazetteer tables, so features cannot drift
# between training and use.  The run is deterministic: the same data and
# tables give a byte-identical ext/model_weights.c.  Dev-set precision,
# recall and F1 per type are printed at the end.
set -e
cd "$(dirname "$0")/../.."
GMB=${1:-../shared/data/gmb}
EPOCHS=${2:-8}
for f in "$GMB/gmb.train.conll" "$GMB/gmb.dev.conll"; do
  [ -r "$f" ] || { echo "train_model: cannot read $f" >&2; exit 1; }
done

# The generated tables the features look up.
TABLES=""
for f in ext/data/*.tsv; do
  n=$(basename "$f" .tsv)
  TABLES="$TABLES build/gen/table_$n.c"
done
make -s build/gen/article_table_list.h $TABLES

CC=${CC:-cc}
mkdir -p build
$CC -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Wno-unused-parameter \
  -Iinclude -Ibuild/gen $(pkg-config --cflags libutf8proc 2>/dev/null) \
  -o build/train_tagger ext/tools/train_tagger.c ext/tagger.c ext/tokens.c ext/tables.c ext/text.c \
  $TABLES $(pkg-config --libs libutf8proc 2>/dev/null || echo -lutf8proc) -lm

build/train_tagger "$GMB/gmb.train.conll" "$GMB/gmb.dev.conll" build/model_weights.c.tmp "$EPOCHS"
mv build/model_weights.c.tmp ext/model_weights.c
echo "train_model: wrote ext/model_weights.c ($(wc -c < ext/model_weights.c) bytes)"
