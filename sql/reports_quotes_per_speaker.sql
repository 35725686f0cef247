-- reports_quotes_per_speaker.sql — in each article, who is quoted and how
-- much, over any table articles(id, body).
--
--   sqlite3 news.db -cmd '.load dist/article' < sql/reports_quotes_per_speaker.sql
--
-- One row per article and speaker, in the order speakers first appear:
-- the number of quotes, how many are statements, the words quoted in all,
-- and the speaker's first quote.  Quotes with no speaker are grouped as
-- '(unattributed)'.  Kept as the view report_quotes_per_speaker.

DROP VIEW IF EXISTS temp.report_quotes_per_speaker;
CREATE TEMP VIEW report_quotes_per_speaker AS
SELECT a.id                                 AS article,
       coalesce(q.speaker, '(unattributed)') AS speaker,
       count(*)                             AS quotes,
       sum(q.kind = 'statement')            AS statements,
       sum(length(q.text) - length(replace(q.text, ' ', '')) + 1) AS words,
       min(q.quote)                         AS first_quote,
       q.text                               AS first_text   -- the row of min(q.quote)
FROM articles AS a, article_quotes(a.body) AS q
GROUP BY a.id, q.speaker
ORDER BY a.id, first_quote;

SELECT * FROM report_quotes_per_speaker;
