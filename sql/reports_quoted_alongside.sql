-- reports_quoted_alongside.sql — who is quoted alongside which people,
-- organisations and places, over any table articles(id, body).
--
--   sqlite3 news.db -cmd '.load dist/article' < sql/reports_quoted_alongside.sql
--
-- Pairs each speaker with every entity (PERSON, ORG, GPE, NORP, by
-- canonical name) named in the articles that quote them: in how many
-- articles the two meet, and in how many of the speaker's own quotes the
-- entity is named — who talks about whom.  The speaker is not paired with
-- themself.  Kept as the view report_quoted_alongside.

DROP VIEW IF EXISTS temp.report_quoted_alongside;
CREATE TEMP VIEW report_quoted_alongside AS
WITH said AS (
  SELECT a.id, q.speaker, q.start, q.length
  FROM articles AS a, article_quotes(a.body) AS q
  WHERE q.speaker IS NOT NULL
),
named AS (
  SELECT a.id, e.canonical AS entity, e.type, e.start
  FROM articles AS a, article_entities(a.body) AS e
  WHERE e.type IN ('PERSON', 'ORG', 'GPE', 'NORP')
)
SELECT s.speaker                AS speaker,
       n.entity                 AS entity,
       n.type                   AS type,
       count(DISTINCT s.id)     AS articles,
       count(DISTINCT CASE WHEN n.start >= s.start AND n.start < s.start + s.length
                           THEN s.id || ':' || s.start END) AS in_quotes
FROM said AS s
JOIN named AS n ON n.id = s.id AND n.entity <> s.speaker
GROUP BY s.speaker, n.entity, n.type
ORDER BY articles DESC, in_quotes DESC, speaker, entity;

SELECT * FROM report_quoted_alongside LIMIT 40;
