-- SQL tests for the ready reports in sql/reports_*.sql.  Each report is
-- read (its own output discarded), then the view it leaves is checked.
-- The articles are the project's own annotated quote cases.

CREATE TABLE articles(id INTEGER PRIMARY KEY, body TEXT);
WITH v(k, f) AS (VALUES (1, 'basic_patterns'), (2, 'split_and_carry'), (3, 'pronouns_gender'),
                        (4, 'straight_quotes'), (5, 'fragments'))
INSERT INTO articles(id, body)
  SELECT k, json_extract(CAST(readfile('tests/quotes_cases/' || f || '.json') AS TEXT), '$.text') FROM v;
SELECT 'articles loaded', (SELECT count(*) FROM articles WHERE length(body) > 100) = 5;

.output /dev/null
.read sql/reports_most_quoted.sql
.read sql/reports_quotes_per_speaker.sql
.read sql/reports_quoted_alongside.sql
.read sql/reports_digest.sql
.output stdout

-- most quoted
SELECT 'most quoted: top speakers', (SELECT group_concat(speaker || '=' || quotes, ' ')
  FROM (SELECT * FROM report_most_quoted LIMIT 3)) = 'Marcus Feld=3 Paul Okafor=3 Aisha Karimi=2';
SELECT 'most quoted: statements and fragments add up', (SELECT count(*) FROM report_most_quoted
  WHERE statements + fragments <> quotes) = 0;
SELECT 'most quoted: no NULL speaker', (SELECT count(*) FROM report_most_quoted WHERE speaker IS NULL) = 0;

-- quotes per speaker
SELECT 'per speaker: rows of article 3', (SELECT group_concat(speaker || '=' || quotes, ' ')
  FROM report_quotes_per_speaker WHERE article = 3) = 'Tomas Varga=2 Ingrid Solberg=1';
SELECT 'per speaker: first quote text', (SELECT first_text FROM report_quotes_per_speaker
  WHERE article = 1 AND speaker = 'Derek Osei') = 'The price tag is far higher than anyone admitted,';
SELECT 'per speaker: unattributed quotes grouped', (SELECT quotes FROM report_quotes_per_speaker
  WHERE article = 4 AND speaker = '(unattributed)') = 1;

-- quoted alongside
SELECT 'alongside: speakers are paired with what their articles name', (SELECT count(*) FROM report_quoted_alongside) > 0;
SELECT 'alongside: a pair never spans more articles than the speaker appears in', (SELECT count(*)
  FROM report_quoted_alongside r JOIN report_most_quoted m USING (speaker) WHERE r.articles > m.articles) = 0;
SELECT 'alongside: never paired with themself', (SELECT count(*) FROM report_quoted_alongside WHERE speaker = entity) = 0;
SELECT 'alongside: only people, organisations and places', (SELECT count(*) FROM report_quoted_alongside
  WHERE type NOT IN ('PERSON', 'ORG', 'GPE', 'NORP')) = 0;

-- digest
SELECT 'digest: one row per article', (SELECT count(*) FROM report_digest) = 5;
SELECT 'digest: headline', (SELECT headline FROM report_digest WHERE article = 2) = 'Rail strike ends after three days of talks';
SELECT 'digest: first sentence', (SELECT first_sentence FROM report_digest WHERE article = 4)
  LIKE 'The Riverside Public Library will open on Sundays%';
SELECT 'digest: speakers in order', (SELECT speakers FROM report_digest WHERE article = 2) = 'Marcus Feld; Aisha Karimi';
SELECT 'digest: quote count', (SELECT quotes FROM report_digest WHERE article = 1) = 4;
