#!/usr/bin/python3
"""make_org_names.py -- write ext/data/org_names.tsv.

The tagger learns organisations from their context, so a company or a
party it has seen only a few times can come out as a person or a place
("Gazprom said" reads like "Putin said").  This list is the evidence
itself: names the GMB training corpus labels as organisations again and
again, and rarely as anything else.

A span (exact case, tokens joined by single spaces) is kept when
  - GMB tags it ORG at least MIN_ORG times,
  - ORG is at least MIN_SHARE of every label it carries, counting the times
    the same words stand untagged (all O, not sentence-initial) as a label
    too, so "Cabinet" or "Congress" used as plain nouns count against them;
  - it has a letter in lower case (all-capital acronyms are
    ext/data/acronyms.tsv's business), and it is not a lone common word
    of ext/data/common_words.tsv ("Police", "Army") -- those are names only
    with a qualifier, which the tagger sees;
  - it holds no token outside ASCII letters, digits, hyphen, period,
    apostrophe and ampersand, starts and ends with a capitalised word and
    has no lower-case word but "of", "and", "for", "the", "on" inside;
  - it is not a place, a person's name or a title by the project's other
    lists: not a country, city, state, province or region
    (ext/data/gaz_*.tsv), not a given name or a surname alone, and no
    token of it is a title (ext/data/titles.tsv: "General Musharraf");
  - a one-word name is a word GMB never writes in lower case ("Bank",
    "Court", "Navy" are names only with a qualifier), never tags as the
    last word of a person's name nor writes after "Mr." or "Mrs." (GMB
    tags some people ORG), and is no nationality (ext/data/gaz_demonyms.tsv);
  - its last word does not name another type (ext/data/name_ends.tsv:
    "Asian Cup" EVENT, "Kyoto Protocol" LAW; ext/data/fac_words.tsv:
    "Yucatan Peninsula" LOC), and a name with a given name or "Abu"/"Al"
    in it holds an organisation word (ext/data/org_words.tsv), so that
    "Abu Musab", whom GMB often tags ORG, is left out.
Value: ORG.  Extra: the number of ORG tags.

Usage:  /usr/bin/python3 ext/tools/make_org_names.py [GMB_TRAIN_CONLL] > ext/data/org_names.tsv
Default input: ../shared/data/gmb/gmb.train.conll beside the repository
(the dev split is never read: it measures the entity stage).
Python standard library only; deterministic output (sorted by key).
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazlib  # noqa: E402

MIN_ORG = 4
MIN_SHARE = 0.8
MAX_TOKENS = 6
TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.&'-]*$")
HERE = os.path.dirname(os.path.abspath(__file__))


def common_words():
    words = set()
    with open(os.path.join(HERE, "..", "data", "common_words.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            words.add(line.split("\t")[0])
    return words


def keys(name):
    out = set()
    with open(os.path.join(HERE, "..", "data", name), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            out.add(line.split("\t")[0])
    return out


INNER = {"of", "and", "for", "the", "on"}


def main(argv):
    path = argv[1] if len(argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "data", "gmb", "gmb.train.conll")
    labels = collections.defaultdict(collections.Counter)
    sents = list(gazlib.gmb_sentences(path))
    for s in sents:
        i = 0
        while i < len(s):
            tag = s[i][1]
            if tag.startswith("B-"):
                ty, j = tag[2:], i + 1
                while j < len(s) and s[j][1] == "I-" + ty:
                    j += 1
                if j - i <= MAX_TOKENS:
                    labels[" ".join(w for w, _ in s[i:j])][ty] += 1
                i = j
            else:
                i += 1
    # untagged uses of the candidate spans (not the sentence's first word)
    cands = {k for k, c in labels.items() if c["ORG"] >= MIN_ORG}
    for s in sents:
        for i in range(1, len(s)):
            if s[i][1] != "O" or not s[i][0][:1].isupper():
                continue
            for j in range(i + 1, min(len(s), i + MAX_TOKENS) + 1):
                if s[j - 1][1] != "O":
                    break
                k = " ".join(w for w, _ in s[i:j])
                if k in cands:
                    labels[k]["O"] += 1
    common = common_words()
    lower = collections.Counter(w for s in sents for w, _ in s if w[:1].islower())
    places = set()
    for f in ("gaz_countries.tsv", "gaz_cities.tsv", "gaz_us_states.tsv", "gaz_provinces.tsv", "gaz_regions.tsv"):
        places |= keys(f)
    people = keys("gaz_first_names.tsv") | keys("gaz_surnames.tsv")
    titles = keys("titles.tsv")
    ends = keys("name_ends.tsv") | keys("fac_words.tsv")
    org_words = keys("org_words.tsv")
    given = keys("gaz_first_names.tsv") | {"abu", "al", "bin", "ibn"}
    demonyms = keys("gaz_demonyms.tsv")
    personal = set()
    for s in sents:
        for i, (w, tag) in enumerate(s):
            if tag in ("B-PERSON", "I-PERSON") and (i + 1 == len(s) or s[i + 1][1] != "I-PERSON"):
                personal.add(w)
            if i and s[i - 1][0] in ("Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms"):
                personal.add(w)
    rows = []
    for k in sorted(cands):
        c = labels[k]
        toks = k.split(" ")
        if c["ORG"] < MIN_SHARE * sum(c.values()) or k == k.upper() or not all(TOKEN.match(t) for t in toks):
            continue
        if len(toks) == 1 and (k.lower() in common or lower[k.lower()] > 0 or k.lower() in people or
                               k in personal or k.lower() in demonyms):
            continue
        if len(toks) > 1 and any(t.lower() in given for t in toks) and not any(t.lower() in org_words for t in toks):
            continue
        if len(toks) > 1 and toks[-1].lower() in ends:
            continue
        if not toks[0][:1].isupper() or not toks[-1][:1].isupper() or toks[0] in ("The", "A"):
            continue
        if any(t[:1].islower() and t not in INNER for t in toks):
            continue
        if k.lower() in places or all(t.lower() in people for t in toks) or any(t.lower() in titles for t in toks):
            continue
        rows.append((k, c["ORG"]))
    print("# org_names: names the GMB training corpus labels as organisations, nearly always")
    print("# Generated by ext/tools/make_org_names.py -- do not edit by hand; rerun it.")
    print("# Key: the name as written (exact case, tokens joined by one space).  Value: ORG.  Extra: times GMB tags it ORG.")
    print("# Source: Groningen Meaning Bank extract (Kaggle 'Annotated Corpus for Named Entity Recognition'),")
    print("#   ../shared/data/gmb/gmb.train.conll; licence ODbL 1.0 (Open Database License): this list is a derived")
    print("#   database under the ODbL.  Kept: tagged ORG >= %d times and >= %d%% of its labels (untagged uses counted)." % (MIN_ORG, int(MIN_SHARE * 100)))
    print("# Entries: %d" % len(rows))
    for k, n in rows:
        print("%s\tORG\t%d" % (k, n))


if __name__ == "__main__":
    main(sys.argv)
