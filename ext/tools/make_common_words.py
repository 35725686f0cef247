#!/usr/bin/python3
"""make_common_words.py -- write ext/data/common_words.tsv.

The sentence splitter and the entity tagger both ask one question of a
capitalised word: is this a word that is normally written in lower case?
After an abbreviation or an initial ("in the U.S. The talks..."), a
capitalised common word is good evidence that a new sentence starts; at the
start of a sentence, a capitalised common word ("Security forces...") is
probably not a name.

The answer is measured, not guessed.  In the GMB training corpus we look at
every word that is not the first word of its sentence (nor the first word
after an opening quote, bracket, colon, semicolon or dash, where a capital
is expected), and count how often it is written in lower case ("security")
and how often capitalised ("Security").  All-capitals spellings ("WHO",
"AIDS", "US") are left out of both counts: they are acronyms, a separate
shape that callers test for themselves, and counting them would make "who"
and "us" look like names.  A word is kept when it was seen in lower case at
least MIN_LOWER times and its lower-case share is at least MIN_SHARE.  On
GMB that keeps "the", "government", "start", and leaves out "bush" (1 of
864), "smith", "jones", "rice", "march", "president" and "united".

Closed-class words (pronouns, determiners, conjunctions, prepositions,
auxiliaries, wh-words, discourse adverbs) are added from the hand-written
list below whatever their share, because their capitalised form is never a
name either; their value is still the share GMB shows (100 when GMB never
shows them mid-sentence), so "may" (the month May) reads 59 and "i" reads 0.

Name particles ("bin", "de", "van"...) are written in lower case but sit
inside names, so they are left out.  Only ASCII words are kept (letters,
with inner hyphens and apostrophes), so the key normalisation is simply
ASCII lower case.

Usage:  /usr/bin/python3 ext/tools/make_common_words.py [GMB_TRAIN_CONLL] > ext/data/common_words.tsv
Default input: ../shared/data/gmb/gmb.train.conll beside the repository.
Python standard library only; the output is deterministic (sorted by key).
"""
import collections
import os
import re
import sys

MIN_LOWER = 2      # lower-case sightings needed for a GMB word
MIN_SHARE = 0.70   # lower-case share needed for a GMB word

# After these tokens a capital letter is expected, so the next word is
# treated like a sentence-initial one and not counted.
CAPITAL_EXPECTED_AFTER = {'"', "``", "'", "(", "[", ":", ";", "--", "-"}

# Lower-case words that are parts of names, not common words.
NAME_PARTICLES = set("""
al ap bin ben binti bint da das de del della der des di dos du el ibn la le
los van von y ul ur abu
""".split())

FUNCTION_WORDS = """
i me my mine myself we us our ours ourselves you your yours yourself
yourselves he him his himself she her hers herself it its itself they them
their theirs themselves one ones oneself
a an the this that these those some any no every each either neither both
all half several many much more most few fewer less least other another such
what which who whom whose when where why how whatever whichever whoever
whenever wherever however whether
and or but nor so yet for if unless because although though while whereas
since until till than as once lest
about above across after against along amid amidst among amongst around at
before behind below beneath beside besides between beyond by despite down
during except from in inside into like near of off on onto opposite out
outside over past per regarding round through throughout to toward towards
under underneath unlike up upon versus via with within without
be am is are was were been being have has had having do does did doing done
will would shall should can could may might must ought need dare
not never also too only even just still already again ever often always
sometimes perhaps maybe indeed instead meanwhile moreover furthermore
nevertheless nonetheless otherwise therefore thus hence then now here there
thereby accordingly consequently likewise similarly besides anyway rather
quite very almost nearly
yes no okay ok
""".split()

WORD_SHAPE = re.compile(r"^[a-z](?:[a-z'\-]*[a-z])?$")


def default_input():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(os.path.dirname(repo), "shared", "data", "gmb", "gmb.train.conll")


def sentences(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    yield words
                words = []
                continue
            words.append(line.split("\t", 1)[0])
    if words:
        yield words


def is_titlecase(word):
    # First letter upper case and not an all-capitals acronym; one capital
    # letter on its own ("A", "I") counts as title case.
    letters = [c for c in word if c.isalpha()]
    if not letters or not letters[0].isupper():
        return False
    return len(letters) == 1 or not all(c.isupper() for c in letters)


def count(path):
    lower = collections.Counter()
    title = collections.Counter()
    for words in sentences(path):
        previous = None
        for position, word in enumerate(words):
            before, previous = previous, word
            if position == 0 or before in CAPITAL_EXPECTED_AFTER:
                continue
            key = word.lower()
            if not WORD_SHAPE.match(key):
                continue
            if word == key:
                lower[key] += 1
            elif is_titlecase(word):
                title[key] += 1
    return lower, title


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else default_input()
    lower, title = count(path)

    def share(key):
        seen = lower[key] + title[key]
        return 100 if seen == 0 else int(100 * lower[key] / seen)

    rows = {}
    for key in lower:
        if key in NAME_PARTICLES or lower[key] < MIN_LOWER:
            continue
        if lower[key] / (lower[key] + title[key]) >= MIN_SHARE:
            rows[key] = (share(key), "gmb")
    for key in FUNCTION_WORDS:
        rows[key] = (share(key), "function")

    out = sys.stdout
    out.write("# common_words: English words normally written in lower case mid-sentence.\n")
    out.write("# Generated by ext/tools/make_common_words.py -- do not edit by hand; rerun it.\n")
    out.write("# Key: the word in ASCII lower case (only ASCII words are listed, so look up\n")
    out.write("#   a token after ASCII lower-casing; a non-ASCII token is never a match).\n")
    out.write("# Value: lower-case share in percent: of the times GMB writes the word\n")
    out.write("#   mid-sentence in lower or title case, how often it is lower case\n")
    out.write("#   (all-capitals spellings such as WHO or US are not counted).\n")
    out.write("# Extra: 'gmb' = kept because seen lower case >= %d times with share >= %d%%;\n"
              % (MIN_LOWER, int(MIN_SHARE * 100)))
    out.write("#   'function' = closed-class word from the script's hand-written list, kept\n")
    out.write("#   whatever its share (value 100 when GMB never shows it mid-sentence).\n")
    out.write("# Source: Groningen Meaning Bank extract (Kaggle 'Annotated Corpus for Named\n")
    out.write("#   Entity Recognition', ner_dataset.csv), file gmb.train.conll; licence ODbL\n")
    out.write("#   (Open Database License 1.0).  This list is a derived database under the\n")
    out.write("#   ODbL.  The function-word list is the project's own.\n")
    out.write("# Entries: %d\n" % len(rows))
    for key in sorted(rows):
        value, extra = rows[key]
        out.write("%s\t%d\t%s\n" % (key, value, extra))


if __name__ == "__main__":
    main()
