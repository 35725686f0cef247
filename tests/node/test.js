'use strict';
/*
 * tests/node/test.js — the extension inside better-sqlite3.
 *
 * better-sqlite3 compiles its own SQLite (newer than Debian's), so this run
 * proves the extension against a second SQLite version and a second host
 * program.  It checks the sentences of one document row by row, the
 * substr() identity on awkward documents for every table-valued function the
 * extension registers, and that a bad option is a clear error.
 *
 * Output: `ok - name` / `not ok - name: detail` lines for tests/run.sh; the
 * exit status is 1 when any check failed.
 */
const path = require('path');
const Database = require('better-sqlite3');

const ROOT = path.resolve(__dirname, '..', '..');
const EXTENSION = path.join(ROOT, 'dist', 'article');

let failures = 0;
function report(name, ok, detail) {
  if (ok) console.log(`ok - ${name}`);
  else { failures++; console.log(`not ok - ${name}: ${detail}`); }
}
function check(name, fn) {
  let result;
  try { result = fn(); } catch (e) { report(name, false, `${e.name}: ${e.message}`); return; }
  report(name, result === undefined || result === true, String(result));
}

let db;
try {
  db = new Database(':memory:');
  db.loadExtension(EXTENSION);
} catch (e) {
  report('extension loads in better-sqlite3', false, e.message);
  process.exit(1);
}
const sqliteVersion = db.prepare('SELECT sqlite_version() AS v').get().v;
report(`extension loads in better-sqlite3 (SQLite ${sqliteVersion}, node ${process.version})`, true);

const modules = db.prepare(
  "SELECT name FROM pragma_module_list WHERE name LIKE 'article\\_%' ESCAPE '\\' ORDER BY name"
).pluck().all();

check('article_version() returns a version', () => {
  const v = db.prepare('SELECT article_version() AS v').get().v;
  return /^\d+\.\d+/.test(v) || `got ${JSON.stringify(v)}`;
});

check('article_debug() reports the SQLite it runs in', () => {
  const d = db.prepare('SELECT article_debug() AS d').get().d;
  return d.includes(sqliteVersion) || `${JSON.stringify(d)} lacks ${sqliteVersion}`;
});

// One document, every row: a headline, a dateline, abbreviations, a question
// inside quotes followed by a lower-case cue, an advertisement line (left
// out), money and percent.
const DOC = [
  'Envoys agree on ceasefire talks',
  'GENEVA (AP) — The U.S. envoy met Dr. Amira Haddad on Monday. “Is it over?” she asked. ' +
    'Talks resume at 9 a.m. on Tuesday.',
  '- Advertisement -',
  'The fund is worth $1.2 billion, or 3.5% of the budget.',
].join('\n');
const WANT = [
  [1, 'headline', 'Envoys agree on ceasefire talks'],
  [2, 'body', 'GENEVA (AP) — The U.S. envoy met Dr. Amira Haddad on Monday.'],
  [2, 'body', '“Is it over?” she asked.'],
  [2, 'body', 'Talks resume at 9 a.m. on Tuesday.'],
  [3, 'body', 'The fund is worth $1.2 billion, or 3.5% of the budget.'],
];

if (modules.includes('article_sentences')) {
  check('article_sentences splits a news document', () => {
    const rows = db.prepare('SELECT sentence, paragraph, kind, text FROM article_sentences(?)').all(DOC);
    const got = rows.map((r) => [r.paragraph, r.kind, r.text]);
    if (JSON.stringify(got) !== JSON.stringify(WANT)) {
      return `got ${JSON.stringify(got)}`;
    }
    const numbers = rows.map((r) => r.sentence).join(',');
    return numbers === '1,2,3,4,5' || `sentence numbers ${numbers}`;
  });

  check('article_sentences boilerplate option returns the advertisement', () => {
    const rows = db.prepare(
      "SELECT kind, text FROM article_sentences(?, '{\"boilerplate\": true}') WHERE kind = 'boilerplate'"
    ).all(DOC);
    return (rows.length === 1 && rows[0].text === '- Advertisement -') || JSON.stringify(rows);
  });

  check('article_sentences unknown option is an error naming it', () => {
    try {
      db.prepare("SELECT * FROM article_sentences('A.', '{\"colour\": 1}')").all();
    } catch (e) {
      return (e.message.includes('article_sentences') && e.message.includes('colour')) || e.message;
    }
    return 'no error';
  });

  check('article_sentences WHERE sentence > 3 keeps the plan working', () => {
    const rows = db.prepare('SELECT text FROM article_sentences(?) WHERE sentence > 3').pluck().all(DOC);
    return JSON.stringify(rows) === JSON.stringify(WANT.slice(3).map((w) => w[2])) || JSON.stringify(rows);
  });
} else {
  report('article_sentences is registered', false, `modules: ${modules.join(', ')}`);
}

// ---- substr() identity on awkward documents, every table-valued function ----
const AWKWARD = {
  'curly quotes': Buffer.from('“We won’t go,” he said. ‘Fine.’ She left.'),
  emoji: Buffer.from('Fans cheered 🎉. The team ❤️ its city 👍🏽! Flags 🇺🇸 flew.'),
  'combining marks': Buffer.from('Cafe\u0301 owners met. Zoe\u0308 spoke first.'),
  'invalid utf-8': Buffer.from([
    ...Buffer.from('Bad '), 0xff, ...Buffer.from(' byte. Lone '), 0x80, 0x80,
    ...Buffer.from(' cont. Cut '), 0xe2, 0x80, ...Buffer.from(' here. End'), 0xc3,
  ]),
  crlf: Buffer.from('Headline\r\nOne. Two.\r\n\r\nThree.\r\n'),
  'embedded NUL': Buffer.from('Before. Still before.\u0000After. Gone.'),
  'long line': Buffer.from('The panel met again and said little. '.repeat(3000)),
  empty: Buffer.from(''),
  'whitespace only': Buffer.from(' \n\t\r\n '),
};

for (const fn of modules) {
  const cols = db.prepare(`SELECT * FROM ${fn}('x') LIMIT 0`).columns().map((c) => c.name);
  if (!['start', 'length', 'text'].every((c) => cols.includes(c))) {
    report(`${fn} has start, length, text columns`, false, cols.join(', '));
    continue;
  }
  const stmt = db.prepare(
    'WITH d(doc) AS (SELECT CAST(? AS TEXT)) ' +
    'SELECT t.start AS s, t.length AS n, length(d.doc) AS total, ' +
    '       substr(d.doc, t.start, t.length) = t.text AS same ' +
    `FROM d, ${fn}(d.doc) AS t`
  );
  for (const [name, buf] of Object.entries(AWKWARD)) {
    check(`${fn} identity: ${name}`, () => {
      const rows = stmt.all(buf);
      const visible = buf.subarray(0, buf.indexOf(0) < 0 ? buf.length : buf.indexOf(0));
      if (fn === 'article_sentences' && /[A-Za-z]/.test(visible.toString('latin1')) && rows.length === 0) {
        return 'no rows';
      }
      for (const [i, r] of rows.entries()) {
        if (r.same !== 1 || r.s < 1 || r.n < 1 || r.s + r.n - 1 > r.total) {
          return `row ${i + 1}: ${JSON.stringify(r)}`;
        }
      }
      return true;
    });
  }
}

db.close();
process.exit(failures ? 1 : 0);
