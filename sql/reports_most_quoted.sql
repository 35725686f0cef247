-- reports_most_quoted.sql — who is quoted most, over any table
-- articles(id, body).
--
--   sqlite3 news.db -cmd '.load dist/article' < sql/reports_most_quoted.sql
--
-- One row per speaker (the canonical name article_quotes gives: a person,
-- or an organisation when one speaks), with how often they are quoted, how
-- many of those quotes are whole statements rather than quoted fragments,
-- and in how many articles.  Unattributed quotes are left out.  The query
-- is kept as the view report_most_quoted, so other queries can build on it.

DROP VIEW IF EXISTS temp.report_most_quoted;
CREATE TEMP VIEW report_most_quoted AS
SELECT q.speaker                  AS speaker,
       count(*)                   AS quotes,
       sum(q.kind = 'statement')  AS statements,
       sum(q.kind = 'fragment')   AS fragments,
       count(DISTINCT a.id)       AS articles
FROM articles AS a, article_quotes(a.body) AS q
WHERE q.speaker IS NOT NULL
GROUP BY q.speaker
ORDER BY quotes DESC, articles DESC, speaker;

SELECT * FROM report_most_quoted LIMIT 20;
