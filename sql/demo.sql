-- sql/demo.sql — a tour of the `article` extension over the sample articles
-- that ship with the project (sql/samples/*.txt, written for it; fictional).
--
-- Run from the top of the repository:
--     make demo
-- which is    sqlite3 -bail -box :memory: < sql/demo.sql
--
-- Each section is a query you could type yourself.  To show a new function
-- (entities, quotes…), add a section at the end in the same style.

.load dist/article
.mode box --wrap 76 --wordwrap on

SELECT article_version() AS version, article_debug() AS build;

-- ---------------------------------------------------------------------------
-- The articles: one row per article, the text as written.  readfile() (a
-- sqlite3 shell function) returns a BLOB, so the body is cast to TEXT.
-- Article 4 is hard-wrapped like text copied out of a PDF.
CREATE TABLE articles(
  id        INTEGER PRIMARY KEY,
  url       TEXT NOT NULL,
  published TEXT,          -- ISO 8601 date
  body      TEXT NOT NULL
);
INSERT INTO articles(id, url, published, body) VALUES
  (1, 'https://news.example/world/eu-drought-fund',     '2026-02-03',
      CAST(readfile('sql/samples/brussels-drought-fund.txt') AS TEXT)),
  (2, 'https://ledger.example/local/transit-budget',    '2026-11-12',
      CAST(readfile('sql/samples/harbor-point-budget.txt') AS TEXT)),
  (3, 'https://valley.example/business/battery-plant',  '2026-10-05',
      CAST(readfile('sql/samples/battery-plant-ohio.txt') AS TEXT)),
  (4, 'https://lakeshore.example/print/orren-ferry',    '2026-03-19',
      CAST(readfile('sql/samples/orren-ferry-wrapped.txt') AS TEXT));

-- How each article is laid out: one paragraph a line (the default), or
-- hard-wrapped lines where only a blank line ends a paragraph.
CREATE VIEW article_options(id, options) AS
  SELECT id, CASE WHEN url LIKE '%/print/%' THEN '{"newline": "space"}' ELSE '{}' END
  FROM articles;

-- ---------------------------------------------------------------------------
-- 1. Sentences and paragraphs per article.
SELECT a.id, a.url,
       count(*)         AS sentences,
       max(s.paragraph) AS paragraphs,
       length(a.body)   AS characters
FROM articles AS a
JOIN article_options AS o USING (id),
     article_sentences(a.body, o.options) AS s
GROUP BY a.id
ORDER BY a.id;

-- 2. The first article, sentence by sentence.  The headline is kept (kind
--    'headline'); the byline, the advertisement, the "Read more" links and
--    the credit line are left out; the dateline stays in the first sentence.
SELECT s.sentence, s.paragraph AS para, s.kind, s.text
FROM articles AS a, article_sentences(a.body) AS s
WHERE a.id = 1;

-- 3. What was left out as boilerplate, in every article.
SELECT a.id, s.paragraph AS para, s.text
FROM articles AS a
JOIN article_options AS o USING (id),
     article_sentences(a.body, json_set(o.options, '$.boilerplate', json('true'))) AS s
WHERE s.kind = 'boilerplate'
ORDER BY a.id, s.sentence;

-- 4. The hard-wrapped article: with "newline": "space" a line break inside
--    a paragraph is just a space, so sentences run across lines.
SELECT s.sentence, s.paragraph AS para, s.kind, replace(s.text, char(10), ' ') AS text
FROM articles AS a, article_sentences(a.body, '{"newline": "space"}') AS s
WHERE a.id = 4 AND s.paragraph <= 4;

-- 5. Every row points back into the document: substr(body, start, length)
--    is the sentence exactly as written.
SELECT a.id, s.sentence, s.start, s.length,
       substr(a.body, s.start, s.length) = s.text AS same
FROM articles AS a, article_sentences(a.body) AS s
WHERE a.id = 2 AND s.sentence <= 5;

-- 6. Search: sentences that mention money, with the article they come from.
SELECT a.id, s.sentence, s.text
FROM articles AS a
JOIN article_options AS o USING (id),
     article_sentences(a.body, o.options) AS s
WHERE s.text GLOB '*[$€][0-9]*'
ORDER BY a.id, s.sentence;

-- 7. The lead paragraph of each article (its first body paragraph).
SELECT a.id, group_concat(s.text, ' ') AS lead
FROM articles AS a
JOIN article_options AS o USING (id),
     article_sentences(a.body, o.options) AS s
WHERE s.kind = 'body'
  AND s.paragraph = (SELECT min(paragraph)
                     FROM article_sentences(a.body, o.options)
                     WHERE kind = 'body')
GROUP BY a.id
ORDER BY a.id;

-- 8. article_clean(): the text without boilerplate lines, paragraphs
--    separated by a blank line — ready for a full-text index or a model.
SELECT article_clean(body) AS cleaned FROM articles WHERE id = 2;

-- ---------------------------------------------------------------------------
-- 9. Entities: who and what each article talks about.  `canonical` links a
--    surname to the full name and an acronym to its spelled-out form, so
--    GROUP BY canonical counts people and organisations, not spellings.
SELECT e.type, e.canonical, count(*) AS mentions, group_concat(DISTINCT e.text) AS written_as
FROM articles AS a
JOIN article_options AS o USING (id),
     article_entities(a.body, o.options) AS e
WHERE a.id = 1 AND e.type IN ('PERSON', 'ORG', 'GPE', 'NORP')
GROUP BY e.type, e.canonical
ORDER BY mentions DESC, e.canonical;

-- 10. Figures with their values: SUM(value) works on money and counts.
SELECT a.id, e.type, e.text, e.value
FROM articles AS a
JOIN article_options AS o USING (id),
     article_entities(a.body, o.options) AS e
WHERE e.type IN ('MONEY', 'PERCENT', 'QUANTITY') OR (e.type = 'DATE' AND e.value IS NOT NULL)
ORDER BY a.id, e.mention;

-- 11. Quotes: who said what, and how.
SELECT q.quote, q.speaker, q.speaker_text, q.cue, q.kind, q.text
FROM articles AS a
JOIN article_options AS o USING (id),
     article_quotes(a.body, o.options) AS q
WHERE a.id = 1;

-- 12. Ready reports over every article (each also leaves a temp view).
.read sql/reports_most_quoted.sql
.read sql/reports_quotes_per_speaker.sql
.read sql/reports_quoted_alongside.sql
.read sql/reports_digest.sql
