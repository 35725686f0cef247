#!/usr/bin/python3
"""eval_gmb.py -- score article_entities on the GMB dev split, through SQLite.

The tagger is trained on gmb.train.conll (make model); this measures the
whole entities stage -- tokenizer, tagger, values, whole-article rules --
on the sentences it never saw.  GMB keeps no document boundaries and no
original spacing, so the dev sentences are joined back into text (tokens
separated by spaces, none before closing punctuation and clitics) in
documents of DOC_SENTENCES sentences, one sentence a line, and the gold
spans are carried through that joining.

Only name types are scored (GMB has no money, percentages or numbers; its
DATE/TIME follow other conventions): strict = same span and type.

usage: /usr/bin/python3 ext/tools/eval_gmb.py [--ext dist/article.so] [DEV_CONLL]
Default DEV_CONLL: ../shared/data/gmb/gmb.dev.conll beside the repository.
"""
import collections
import os
import sqlite3
import sys

NAME_TYPES = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
              "WORK_OF_ART", "LAW", "LANGUAGE"}
DOC_SENTENCES = 50
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", "'s", "n't", "%", ")", "'", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "$"}


def read_conll(path):
    sent = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            word, tag = line.split("\t")
            sent.append((word.replace("\u00a0", " "), tag))
    if sent:
        yield sent


def detokenize(sent, base):
    """Text of one sentence and its gold spans as (start, end, type), offsets from base."""
    out, spans, pos = [], [], base
    cur = None
    prev = None
    for word, tag in sent:
        if out and word not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER:
            out.append(" ")
            pos += 1
        start = pos
        out.append(word)
        pos += len(word)
        if tag.startswith("B-"):
            if cur:
                spans.append(tuple(cur))
            cur = [start, pos, tag[2:]]
        elif tag.startswith("I-") and cur and cur[2] == tag[2:]:
            cur[1] = pos
        else:
            if cur:
                spans.append(tuple(cur))
            cur = None
        prev = word
    if cur:
        spans.append(tuple(cur))
    return "".join(out), spans


def main(argv):
    ext = "dist/article.so"
    args = list(argv)
    if "--ext" in args:
        i = args.index("--ext")
        ext = args[i + 1]
        del args[i:i + 2]
    here = os.path.dirname(os.path.abspath(__file__))
    dev = args[0] if args else os.path.join(here, "..", "..", "..", "shared", "data", "gmb", "gmb.dev.conll")
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(os.path.abspath(ext))
    sents = list(read_conll(dev))
    tp, npred, ngold = collections.Counter(), collections.Counter(), collections.Counter()
    for d in range(0, len(sents), DOC_SENTENCES):
        lines, gold, base = [], [], 0
        for sent in sents[d:d + DOC_SENTENCES]:
            text, spans = detokenize(sent, base)
            lines.append(text)
            gold.extend(s for s in spans if s[2] in NAME_TYPES)
            base += len(text) + 1
        doc = "\n".join(lines)
        pred = [(s - 1, s - 1 + n, t) for s, n, t in
                db.execute("SELECT start, length, type FROM article_entities(?)", (doc,))
                if t in NAME_TYPES]
        g, p = collections.Counter(gold), collections.Counter(pred)
        for (s, e, t), c in (g & p).items():
            tp[t] += c
        for (s, e, t), c in p.items():
            npred[t] += c
        for (s, e, t), c in g.items():
            ngold[t] += c

    def prf(a, b, c):
        pr, rc = a / max(1, b), a / max(1, c)
        return pr, rc, 2 * pr * rc / max(1e-9, pr + rc)
    print("%-12s %6s %6s %6s %7s" % ("type", "P", "R", "F1", "gold"))
    for t in sorted(ngold, key=lambda t: -ngold[t]):
        print("%-12s %6.3f %6.3f %6.3f %7d" % ((t,) + prf(tp[t], npred[t], ngold[t]) + (ngold[t],)))
    print("%-12s %6.3f %6.3f %6.3f %7d" % (("all",) + prf(sum(tp.values()), sum(npred.values()),
                                                      sum(ngold.values())) + (sum(ngold.values()),)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
