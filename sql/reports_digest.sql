-- reports_digest.sql — a one-line digest of each article, over any table
-- articles(id, body).
--
--   sqlite3 news.db -cmd '.load dist/article' < sql/reports_digest.sql
--
-- The headline (when the article has one), the first sentence of the
-- body, the people and organisations quoted, in the order they first
-- speak, and the number of quotes.  Kept as the view report_digest.

DROP VIEW IF EXISTS temp.report_digest;
CREATE TEMP VIEW report_digest AS
SELECT a.id AS article,
       (SELECT s.text FROM article_sentences(a.body) AS s
         WHERE s.kind = 'headline' ORDER BY s.sentence LIMIT 1) AS headline,
       (SELECT s.text FROM article_sentences(a.body) AS s
         WHERE s.kind = 'body' ORDER BY s.sentence LIMIT 1) AS first_sentence,
       (SELECT group_concat(speaker, '; ')
          FROM (SELECT q.speaker, min(q.quote) AS first
                  FROM article_quotes(a.body) AS q
                 WHERE q.speaker IS NOT NULL
                 GROUP BY q.speaker ORDER BY first)) AS speakers,
       (SELECT count(*) FROM article_quotes(a.body)) AS quotes
FROM articles AS a
ORDER BY a.id;

SELECT * FROM report_digest;
