#!/usr/bin/python3
"""
tests/test_python.py — the extension as an application sees it, from
Debian's /usr/bin/python3 and its sqlite3 module (the system libsqlite3).

What it checks:

  * the EXACT set of SQL names the extension registers: scalar functions in
    pragma_function_list and table-valued functions (eponymous virtual
    tables) in pragma_module_list, every name starting with `article_`.
    When a function is added, add it to EXPECTED below — an unlisted name is
    a failure, so the list stays the truth;
  * every function is DETERMINISTIC and INNOCUOUS, and every table-valued
    function is usable from a view when trusted_schema is off (which SQLite
    allows only for SQLITE_VTAB_INNOCUOUS tables and innocuous functions);
  * errors are SQL errors that name the function (and the bad option);
  * NULL gives no rows, a number is read as its text;
  * for every table-valued function that exists, every row of every awkward
    document satisfies substr(document, start, length) = text, lies inside
    the document, and (for sentences) rows are in order, numbered 1, 2, 3…,
    do not overlap and carry no surrounding whitespace.

Documents travel as BLOBs cast to TEXT inside SQL, so invalid UTF-8 and
embedded NULs reach the extension byte for byte; comparisons are made by
SQLite itself, and text comes back as bytes (text_factory = bytes), so
nothing is lost to Python's UTF-8 decoding.

Output: one line per check, `ok - name` or `not ok - name: detail`; the exit
status is 1 when any check failed.  tests/run.sh counts the lines.
"""
import os
import sqlite3
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXTENSION = os.path.join(ROOT, "dist", "article")
SAMPLES = os.path.join(ROOT, "sql", "samples")

# Every SQL name the extension registers, and what kind of name it is.
# "function": a scalar function (pragma_function_list);
# "table": a table-valued function, i.e. an eponymous virtual table
# (pragma_module_list).  Keep this list exactly in step with the extension.
EXPECTED = {
    "article_version": "function",
    "article_debug": "function",
    "article_clean": "function",
    "article_sentences": "table",
    "article_entities": "table",
    "article_entities_json": "function",
    "article_quotes": "table",
    "article_quotes_json": "function",
}

# A BLOB document (readfile() returns one) is read as UTF-8 text, so the test
# checks it gives the same rows as the same bytes cast to TEXT.  Set to True
# if BLOBs ever become an error again.
BLOB_IS_ERROR = False

SQLITE_DETERMINISTIC = 0x000000800
SQLITE_INNOCUOUS = 0x000200000

# Option sets tried for each table-valued function in the identity test.
OPTION_VARIANTS = {
    "article_sentences": [
        None,
        '{"boilerplate": true}',
        '{"newline": "space"}',
        '{"newline": "space", "boilerplate": true}',
    ],
    "article_entities": [None, '{"newline": "space"}'],
    "article_quotes": [None, '{"newline": "space"}'],
}

failures = 0


def report(name, ok, detail=""):
    global failures
    if ok:
        print("ok - " + name)
    else:
        failures += 1
        print("not ok - %s: %s" % (name, detail))


def check(name, fn):
    """Run fn(); it returns None/True on success or a string saying what is wrong."""
    try:
        result = fn()
    except Exception as e:  # a check that raises has failed, the run goes on
        report(name, False, "%s: %s" % (type(e).__name__, e))
        return
    report(name, result is None or result is True, "" if result in (None, True) else str(result))


def expect_error(con, name, sql, params, must_mention):
    """The statement must fail with a SQL error whose message names every word in must_mention."""
    def run():
        try:
            con.execute(sql, params).fetchall()
        except sqlite3.Error as e:
            msg = str(e)
            missing = [w for w in must_mention if w.lower() not in msg.lower()]
            if missing:
                return "error %r does not mention %s" % (msg, ", ".join(missing))
            return None
        return "no error raised"
    check(name, run)


def connect():
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(EXTENSION)
    con.enable_load_extension(False)
    return con


# ---- awkward documents (bytes: what the extension receives) ------------------

def long_line():
    sentence = "The council met on Tuesday and voted 7-2 to approve the plan. "
    return (sentence * 4000).encode()  # ~250 KB on one line


AWKWARD = {
    "empty": b"",
    "whitespace-only": b"  \t \n\n \r\n  \x0c ",
    "ascii": b"Officials met on Monday. They agreed. Nobody left early!",
    "curly-quotes": "“We will not back down,” she said. ‘Never.’ He replied: “Why not?” "
                    "Then he left.\n‘It’s over,’ the aide wrote.".encode(),
    "straight-quotes": b'"Is it done?" she asked. "Yes." He nodded. \'Fine,\' they said.',
    "emoji": "Fans cheered 🎉🎉. The team ❤️ its city 👍🏽! Flags 🇺🇸🇫🇷 flew. "
             "Family 👨‍👩‍👧 photos followed.".encode(),
    "combining-marks": "Cafe\u0301 owners met. Zoe\u0308 spoke first. "
                       "The re\u0301sume\u0301 was read aloud. Ma\u0303o agreed.".encode(),
    "invalid-utf8": b"Bad \xff byte here. Lone \x80\x80 continuation. Truncated \xe2\x80"
                    b" sequence. Overlong \xc0\xaf slash. Surrogate \xed\xa0\x80 half. "
                    b"Five \xf8\x88\x80\x80\x80 bytes. End \xc3",
    "invalid-utf8-lines": b"\xfe\xfe\n\xe2\x80\x9cQuote\xe2\x80 broken.\xc3\n\x80Starts bad. Ends bad\xf0\x9f",
    "crlf": b"Headline here\r\nFirst paragraph. Second sentence.\r\n\r\nSecond paragraph.\r\n",
    "lone-cr": b"One line.\rTwo line.\rThree.",
    "embedded-nul": b"Before the nul. Still before.\x00After the nul. Never seen.",
    "leading-nul": b"\x00Nothing at all.",
    "bom-nbsp": "\ufeffStart with a BOM.\u00a0Then a no-break space. Mid\u2028line separator."
                "\u2029Paragraph separator.".encode(),
    "tabs-formfeed": b"\tIndented sentence.\x0cAfter a form feed.\x0b Vertical tab. End.",
    "cjk-arabic": "東京で会議が開かれた。参加者は多かった。 قال المتحدث إن الاجتماع انتهى. "
                  "Then English.".encode(),
    "ellipsis": "Well… maybe. Wait... what? It ended . . . abruptly.".encode(),
    "no-terminator": b"a sentence with no end and no capital",
    "terminators-only": b". . . ! ? ...",
    "very-long-line": long_line(),
    "long-word": b"x" * 70000 + b". Next.",
    "many-newlines": b"\n" * 5000 + b"Alone.\n" + b"\n" * 5000,
    "number-like": b"3.5",
    "urls": b"See https://example.com/a.b?c=d. Mail info@example.org. Done.",
}


def sample_documents():
    docs = {}
    if os.path.isdir(SAMPLES):
        for fn in sorted(os.listdir(SAMPLES)):
            if fn.endswith(".txt"):
                with open(os.path.join(SAMPLES, fn), "rb") as fh:
                    docs["sample:" + fn] = fh.read()
    return docs


# ---- the checks -------------------------------------------------------------

def registered(con):
    funcs = {r[0] for r in con.execute(
        "SELECT DISTINCT name FROM pragma_function_list WHERE name LIKE 'article\\_%' ESCAPE '\\'")}
    mods = {r[0] for r in con.execute(
        "SELECT name FROM pragma_module_list WHERE name LIKE 'article\\_%' ESCAPE '\\'")}
    return funcs, mods


def check_registration(con):
    funcs, mods = registered(con)
    want_funcs = {n for n, k in EXPECTED.items() if k == "function"}
    want_mods = {n for n, k in EXPECTED.items() if k == "table"}

    def same(got, want):
        if got == want:
            return None
        return "unexpected %s, missing %s" % (sorted(got - want) or "none", sorted(want - got) or "none")
    check("registered scalar functions are exactly %s" % sorted(want_funcs), lambda: same(funcs, want_funcs))
    check("registered table-valued functions are exactly %s" % sorted(want_mods), lambda: same(mods, want_mods))

    for name in sorted(funcs & want_funcs):
        rows = con.execute("SELECT narg, flags FROM pragma_function_list WHERE name = ?", (name,)).fetchall()

        def flags_ok(rows=rows):
            bad = [(n, hex(f)) for n, f in rows
                   if not (f & SQLITE_DETERMINISTIC and f & SQLITE_INNOCUOUS)]
            return None if not bad else "not DETERMINISTIC|INNOCUOUS: (narg, flags) %s" % bad
        check("%s is DETERMINISTIC and INNOCUOUS" % name, flags_ok)

    # With trusted_schema off, SQLite refuses functions and virtual tables in
    # views unless they are innocuous: a view proves the flags really work.
    probe = {
        "article_version": "SELECT article_version() AS x",
        "article_debug": "SELECT article_debug() AS x",
        "article_clean": "SELECT article_clean('A line.') AS x",
    }
    for name in sorted(mods):
        probe[name] = "SELECT count(*) AS x FROM %s('One sentence. Two sentences.')" % name
    for name, select in sorted(probe.items()):
        if name not in funcs and name not in mods:
            continue

        def in_view(name=name, select=select):
            db = connect()
            db.execute("CREATE VIEW v AS " + select)
            db.execute("PRAGMA trusted_schema = OFF")
            db.execute("SELECT * FROM v").fetchall()
            db.close()
        check("%s usable in a view with trusted_schema=OFF (innocuous)" % name, in_view)


def check_scalars(con):
    funcs, _ = registered(con)
    if "article_version" in funcs:
        def version():
            v = con.execute("SELECT article_version()").fetchone()[0]
            if not isinstance(v, str) or not v or v[0] not in "0123456789":
                return "article_version() = %r" % (v,)
        check("article_version() is a version string", version)
    if "article_debug" in funcs:
        def debug():
            d = con.execute("SELECT article_debug()").fetchone()[0]
            lib = con.execute("SELECT sqlite_version()").fetchone()[0]
            missing = [w for w in ("sqlite", "utf8proc", "pcre2") if w not in d.lower()]
            if missing:
                return "article_debug() lacks %s: %r" % (missing, d)
            if lib not in d:
                return "article_debug() does not show the running SQLite %s: %r" % (lib, d)
        check("article_debug() names SQLite, utf8proc and pcre2 versions", debug)
    if "article_clean" in funcs:
        check("article_clean(NULL) is NULL",
              lambda: con.execute("SELECT article_clean(NULL)").fetchone()[0] is None or "not NULL")
        check("article_clean(42) is '42'",
              lambda: con.execute("SELECT article_clean(42)").fetchone()[0] == "42" or "got %r" %
              (con.execute("SELECT article_clean(42)").fetchone()[0],))

        def clean_drops_ad():
            doc = "First paragraph here.\n- Advertisement -\nSecond paragraph here."
            got = con.execute("SELECT article_clean(?)", (doc,)).fetchone()[0]
            if "Advertisement" in got or "First paragraph here." not in got or "Second paragraph here." not in got:
                return "got %r" % got
        check("article_clean drops an advertisement line and keeps the body", clean_drops_ad)
        if BLOB_IS_ERROR:
            expect_error(con, "article_clean(BLOB) is an error naming article_clean",
                         "SELECT article_clean(x'41424344')", (), ["article_clean"])
        else:
            check("article_clean(BLOB) reads the bytes as text",
                  lambda: con.execute("SELECT article_clean(x'412e') = article_clean('A.')").fetchone()[0] == 1
                  or "differs")


def check_sentences_surface(con):
    _, mods = registered(con)
    if "article_sentences" not in mods:
        return
    fn = "article_sentences"

    def columns():
        cur = con.execute("SELECT * FROM article_sentences('A.')")
        got = [d[0] for d in cur.description]
        want = ["sentence", "paragraph", "start", "length", "text", "kind"]
        return None if got == want else "columns %s, want %s" % (got, want)
    check("article_sentences columns are sentence, paragraph, start, length, text, kind", columns)

    check("article_sentences(NULL) gives no rows",
          lambda: con.execute("SELECT count(*) FROM article_sentences(NULL)").fetchone()[0] == 0 or "rows")
    for num, text in ((42, "42"), (3.5, "3.5"), (-7, "-7")):
        def number(num=num, text=text):
            rows = con.execute("SELECT start, length, text FROM article_sentences(?)", (num,)).fetchall()
            return None if rows == [(1, len(text), text)] else "got %r" % rows
        check("article_sentences(%r) reads the number as its text %r" % (num, text), number)

    doc = "One. Two is here. Three? Four! Five. Six.\nSeven and eight."

    def extra_constraint():
        all_rows = con.execute("SELECT sentence, text FROM article_sentences(?)", (doc,)).fetchall()
        some = con.execute("SELECT sentence, text FROM article_sentences(?) WHERE sentence > 3", (doc,)).fetchall()
        if len(all_rows) < 4:
            return "only %d sentences in %r" % (len(all_rows), doc)
        return None if some == [r for r in all_rows if r[0] > 3] else "got %r" % some
    check("article_sentences WHERE sentence > 3 filters correctly", extra_constraint)

    def join_plan():
        rows = con.execute(
            "WITH d(id, body) AS (VALUES (1, 'A b. C d.'), (2, NULL), (3, 'E f.')) "
            "SELECT d.id, count(s.sentence) FROM d LEFT JOIN article_sentences(d.body) AS s "
            "GROUP BY d.id ORDER BY d.id").fetchall()
        return None if rows == [(1, 2), (2, 0), (3, 1)] else "got %r" % rows
    check("article_sentences joins a table one row at a time", join_plan)

    bad = [
        ("bad options JSON", "{not json", [fn]),
        ("options not an object", "[1, 2]", [fn]),
        ("unknown option key", '{"newlines": "space"}', [fn, "newlines"]),
        ("bad newline value", '{"newline": "sideways"}', [fn, "newline"]),
        ("bad boilerplate value", '{"boilerplate": "yes"}', [fn, "boilerplate"]),
    ]
    for label, opts, words in bad:
        expect_error(con, "article_sentences %s is an error naming %s" % (label, ", ".join(words)),
                     "SELECT * FROM article_sentences('A sentence.', ?)", (opts,), words)
    if BLOB_IS_ERROR:
        expect_error(con, "article_sentences(BLOB) is an error naming article_sentences",
                     "SELECT * FROM article_sentences(x'41204220432e')", (), [fn])
    else:
        def blob_as_text():
            blob = con.execute("SELECT * FROM article_sentences(x'4f6e652e2054776f2e')").fetchall()
            text = con.execute("SELECT * FROM article_sentences('One. Two.')").fetchall()
            return None if blob == text and len(text) == 2 else "BLOB %r, TEXT %r" % (blob, text)
        check("article_sentences(BLOB) reads the bytes as text", blob_as_text)

    def options_change_output():
        wrapped = "The mayor said the plan\nwould cost $3 million. It passed."
        brk = con.execute("SELECT count(*) FROM article_sentences(?)", (wrapped,)).fetchone()[0]
        spc = con.execute("SELECT text FROM article_sentences(?, '{\"newline\": \"space\"}')",
                          (wrapped,)).fetchall()
        if brk < 3:
            return "newline=break should end a sentence at the line break, got %d sentences" % brk
        if [r[0] for r in spc] != ["The mayor said the plan\nwould cost $3 million.", "It passed."]:
            return "newline=space got %r" % spc
    check("article_sentences newline option: break vs space", options_change_output)

    def boilerplate_option():
        doc = "Body sentence one.\n- Advertisement -\nBody sentence two."
        plain = con.execute("SELECT kind FROM article_sentences(?)", (doc,)).fetchall()
        full = con.execute("SELECT kind, text FROM article_sentences(?, '{\"boilerplate\": true}')",
                           (doc,)).fetchall()
        if any(k == "boilerplate" for (k,) in plain):
            return "boilerplate rows by default: %r" % plain
        if ("boilerplate", "- Advertisement -") not in full:
            return "boilerplate=true rows %r" % full
    check("article_sentences boilerplate option", boilerplate_option)


def table_functions(con):
    """Every registered table-valued function, listed in EXPECTED or not:
    a new one gets the identity checks before anyone remembers to list it."""
    _, mods = registered(con)
    return sorted(mods)


def span_columns(con, fn):
    """(start, length, text) column triples of a table-valued function."""
    cols = [d[0] for d in con.execute("SELECT * FROM %s('x') LIMIT 0" % fn).description]
    triples = []
    if {"start", "length", "text"} <= set(cols):
        triples.append(("start", "length", "text"))
    for c in cols:
        if c.endswith("_start"):
            p = c[:-len("_start")]
            text = p + "_text" if p + "_text" in cols else p
            if p + "_length" in cols and text in cols:
                triples.append((c, p + "_length", text))
    return cols, triples


def check_identity(con, docs):
    functions = table_functions(con)  # before text_factory: names must be str
    con.text_factory = bytes
    for fn in functions:
        cols, triples = span_columns(con, fn)
        if not triples:
            report("%s has start/length/text columns" % fn, False, "columns %s" % cols)
            continue
        variants = OPTION_VARIANTS.get(fn, [None])
        for doc_name, doc in docs.items():
            for opts in variants:
                label = "%s identity: %s%s" % (fn, doc_name, "" if opts is None else " " + opts)
                check(label, lambda fn=fn, doc=doc, opts=opts, triples=triples, cols=cols:
                      identity_one(con, fn, doc, opts, triples, cols))
    con.text_factory = str


def identity_one(con, fn, doc, opts, triples, cols):
    args = "d.doc" if opts is None else "d.doc, ?2"
    exprs = []
    for s, n, t in triples:
        exprs += ["t.%s" % s, "t.%s" % n, "t.%s" % t,
                  "substr(d.doc, t.%s, t.%s) = t.%s" % (s, n, t)]
    order_col = cols[0]
    sql = ("WITH d(doc) AS (SELECT CAST(?1 AS TEXT)) "
           "SELECT length(d.doc), %s, %s FROM d, %s(%s) AS t" % (order_col, ", ".join(exprs), fn, args))
    params = (doc,) if opts is None else (doc, opts)
    rows = con.execute(sql, params).fetchall()
    # What SQLite sees: the document up to its first NUL, as characters.
    visible = doc.split(b"\x00", 1)[0]
    if not visible.strip(b" \t\r\n\x0b\x0c") and rows:
        return "%d rows for a blank document" % len(rows)
    prev_end = 0
    for i, row in enumerate(rows):
        doc_len, number = row[0], row[1]
        if number != i + 1:
            return "row %d is numbered %r" % (i + 1, number)
        for k, (s_col, _, _) in enumerate(triples):
            start, length, text, same = row[2 + 4 * k: 6 + 4 * k]
            if start is None and length is None and text is None:
                continue  # an optional span (e.g. no speaker) may be NULL
            where = "row %d %s=%r length=%r" % (i + 1, s_col, start, length)
            if not isinstance(start, int) or not isinstance(length, int):
                return where + ": start/length not integers"
            shortest = 1 if fn == "article_sentences" else 0
            if start < 1 or length < shortest or start + length - 1 > doc_len:
                return where + ": outside the document (length %d)" % doc_len
            if same != 1:
                return where + ": substr(document, start, length) != text %r" % (text[:80],)
            if fn == "article_sentences" and k == 0:
                if start <= prev_end:
                    return where + ": overlaps or precedes the previous sentence"
                prev_end = start + length - 1
                edge = text.decode("utf-8", "replace")
                if edge[:1].isspace() or edge[-1:].isspace():
                    return where + ": surrounding whitespace in %r" % (text[:80],)
    has_word = any(c >= 0x80 or chr(c).isalnum() for c in visible)
    if fn == "article_sentences" and has_word and not rows:
        return "no sentence in a document with words"
    if fn == "article_sentences" and rows:
        # Paragraph numbers start at 1 and never go down.
        paras = [r[0] for r in con.execute(
            "WITH d(doc) AS (SELECT CAST(?1 AS TEXT)) SELECT t.paragraph FROM d, %s(%s) AS t"
            % (fn, args), params)]
        if paras[0] != 1 or any(b < a or b > a + 1 for a, b in zip(paras, paras[1:])):
            return "paragraph numbers %r" % (paras[:20],)
        kinds = {r[0] for r in con.execute(
            "WITH d(doc) AS (SELECT CAST(?1 AS TEXT)) SELECT t.kind FROM d, %s(%s) AS t"
            % (fn, args), params)}
        if not kinds <= {b"headline", b"body", b"boilerplate"}:
            return "kinds %r" % kinds
    return None


def check_text_binding(con):
    """The same identity when Python binds str (with a NUL) rather than a BLOB cast."""
    if "article_sentences" not in table_functions(con):
        return
    doc = "Before “the” nul. Second 🎉.\x00After the nul."

    def bound_as_text():
        rows = con.execute("SELECT start, length, text, substr(?1, start, length) = text, length(?1) "
                           "FROM article_sentences(?1)", (doc,)).fetchall()
        if not rows:
            return "no rows"
        for start, length, text, same, doc_len in rows:
            if same != 1 or start + length - 1 > doc_len or "After" in text:
                return "row %r" % ((start, length, text, same, doc_len),)
    check("article_sentences identity with a str parameter holding a NUL", bound_as_text)


def check_large_document(con):
    """A 100 MB document gives the same rows as its parts: every copy of the
    samples is segmented the same, and the last row's position is exact.
    (No timing here: speed is measured by make bench, not by tests.)"""
    if "article_sentences" not in table_functions(con):
        return
    part = "\n".join(open(os.path.join(SAMPLES, f), encoding="utf-8").read()
                     for f in sorted(os.listdir(SAMPLES)) if f.endswith(".txt")) + "\n"
    copies = max(1, (100 * 1000 * 1000) // len(part.encode("utf-8")))
    doc = part * copies

    def same_rows():
        one = con.execute("SELECT count(*) FROM article_sentences(?)", (part,)).fetchone()[0]
        n = con.execute("SELECT count(*) FROM article_sentences(?)", (doc,)).fetchone()[0]
        # substr() walks from the document's start, so test one row only
        last_start, last_len, last_ok = con.execute(
            "WITH last AS (SELECT start, length, text FROM article_sentences(?1)"
            " ORDER BY sentence DESC LIMIT 1)"
            " SELECT start, length, substr(?1, start, length) = text FROM last", (doc,)).fetchone()
        if n != one * copies:
            return "%d rows, want %d x %d" % (n, one, copies)
        if last_ok != 1 or last_start + last_len - 1 > len(doc):
            return "last row at %d+%d is not exact" % (last_start, last_len)
    check("a 100 MB document gives %d times the rows of its part" % copies, same_rows)


def main():
    if not os.path.exists(EXTENSION + ".so"):
        report("extension built", False, EXTENSION + ".so is missing: run make")
        return 1
    try:
        con = connect()
    except Exception as e:
        report("extension loads in /usr/bin/python3", False, "%s: %s" % (type(e).__name__, e))
        return 1
    report("extension loads in /usr/bin/python3 (SQLite %s)" % sqlite3.sqlite_version, True)
    check_registration(con)
    check_scalars(con)
    check_sentences_surface(con)
    docs = dict(AWKWARD)
    docs.update(sample_documents())
    check_identity(con, docs)
    check_text_binding(con)
    check_large_document(con)
    con.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
