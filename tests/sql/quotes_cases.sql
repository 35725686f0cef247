-- The project's annotated quote cases (tests/quotes_cases/*.json, written
-- for the project), checked through SQL: every gold quote must come back,
-- with the same text (trailing punctuation aside) and the same speaker
-- (NULL where the gold has null).  One row per gold quote.

WITH files(f) AS (VALUES
  ('according_and_previous'), ('apostrophes'), ('asides_and_participles'), ('basic_patterns'),
  ('british_style'), ('fragments'), ('interview_style'), ('lawmakers_and_courts'), ('multi_paragraph'), ('names_and_titles'),
  ('officials_and_orgs'), ('other_marks'), ('passives_and_objects'), ('pronouns_gender'),
  ('repairs_bodies'), ('repairs_names'), ('roles_and_orgs'), ('split_and_carry'), ('straight_quotes'),
    ('wire_mixed')),
cases(f, doc, quotes) AS (
  SELECT f, json_extract(j, '$.text'), json_extract(j, '$.quotes')
  FROM (SELECT f, CAST(readfile('tests/quotes_cases/' || f || '.json') AS TEXT) AS j FROM files)),
gold(f, doc, n, text, speaker) AS (
  SELECT f, doc, q.key + 1, json_extract(q.value, '$.text'), json_extract(q.value, '$.speaker')
  FROM cases, json_each(cases.quotes) AS q)
SELECT 'case ' || f || ' #' || n || ' ' || substr(text, 1, 40),
       EXISTS (SELECT 1 FROM article_quotes(gold.doc) AS p
               WHERE trim(p.text, ' ,.?!…;:') = trim(gold.text, ' ,.?!…;:')
                 AND p.speaker IS gold.speaker)
FROM gold;
SELECT 'cases: no quote found that the gold lacks', (
  WITH files(f) AS (VALUES
    ('according_and_previous'), ('apostrophes'), ('asides_and_participles'), ('basic_patterns'),
    ('british_style'), ('fragments'), ('interview_style'), ('lawmakers_and_courts'), ('multi_paragraph'), ('names_and_titles'),
    ('officials_and_orgs'), ('other_marks'), ('passives_and_objects'), ('pronouns_gender'),
    ('repairs_bodies'), ('repairs_names'), ('roles_and_orgs'), ('split_and_carry'), ('straight_quotes'),
    ('wire_mixed')),
  cases(doc, quotes) AS (
    SELECT json_extract(j, '$.text'), json_extract(j, '$.quotes')
    FROM (SELECT CAST(readfile('tests/quotes_cases/' || f || '.json') AS TEXT) AS j FROM files))
  SELECT sum((SELECT count(*) FROM article_quotes(cases.doc)) - json_array_length(cases.quotes)) FROM cases) = 0;
