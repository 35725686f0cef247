-- SQL tests for article_sentences, article_clean and the scalar functions.
-- Every row must read `name|1`; tests/run.sh loads dist/article first.

SELECT 'version is semver', article_version() GLOB '[0-9]*.[0-9]*.[0-9]*';
SELECT 'debug names the parts', article_debug() LIKE '%sqlite%' AND article_debug() LIKE '%utf8proc%'
  AND article_debug() LIKE '%pcre2%' AND article_debug() LIKE '%commit%';

SELECT 'two sentences', (SELECT group_concat(text, '|') FROM article_sentences('Hello World. My name is Jonas.'))
  = 'Hello World.|My name is Jonas.';
SELECT 'columns', (SELECT group_concat(sentence || ':' || paragraph || ':' || start || ':' || length || ':' || kind, ' ')
  FROM article_sentences('One here. Two there.' || char(10) || 'Three.'))
  = '1:1:1:9:body 2:1:11:10:body 3:2:22:6:body';
SELECT 'NULL document gives no rows', (SELECT count(*) FROM article_sentences(NULL)) = 0;
SELECT 'empty document gives no rows', (SELECT count(*) FROM article_sentences('')) = 0;
SELECT 'a number is read as its text', (SELECT text FROM article_sentences(42)) = '42';
SELECT 'a BLOB is read as UTF-8 text', (SELECT text FROM article_sentences(CAST('Hi there.' AS BLOB))) = 'Hi there.';
SELECT 'embedded NUL ends the document',
  (SELECT group_concat(text, '|') FROM article_sentences(CAST(x'412E00422E' AS TEXT))) = 'A.';
SELECT 'headline kind', (SELECT kind FROM article_sentences('Storm Hits Coast' || char(10) || 'The storm hit at dawn.') WHERE sentence = 1) = 'headline';
SELECT 'advert left out', (SELECT count(*) FROM article_sentences('Rain fell.' || char(10) || '- Advertisement -' || char(10) || 'Rivers rose.')) = 2;
SELECT 'advert kept when asked', (SELECT kind FROM article_sentences('Rain fell.' || char(10) || '- Advertisement -' || char(10) || 'Rivers rose.', '{"boilerplate": true}') WHERE sentence = 2) = 'boilerplate';
SELECT 'newline as space', (SELECT count(*) FROM article_sentences('A long line' || char(10) || 'wrapped here.', '{"newline": "space"}')) = 1;
SELECT 'newline break is the default', (SELECT count(*) FROM article_sentences('A long line' || char(10) || 'wrapped here.', '{"newline": "break"}')) = 2;
SELECT 'extra constraints keep working', (SELECT group_concat(text, '|') FROM article_sentences('One. Two. Three. Four.') WHERE sentence > 1)
  = 'Two.|Three.|Four.';
SELECT 'join with a table', (WITH docs(id, body) AS (VALUES (1, 'One. Two.'), (2, 'Three.'))
  SELECT group_concat(id || ':' || s.text, ' ') FROM docs, article_sentences(docs.body) s) = '1:One. 1:Two. 2:Three.';

-- substr() identity, also on multi-byte and invalid UTF-8
SELECT 'identity on curly quotes and emoji', (WITH d(doc) AS (VALUES ('“Ready?” she asked. 😀 Yes. Café au lait… Done.'))
  SELECT min(substr(doc, start, length) = text) FROM d, article_sentences(d.doc));
SELECT 'identity on invalid UTF-8', (WITH d(doc) AS (VALUES (CAST(x'486920C3282E204F6B2080FF2E2057656C6C2E' AS TEXT)))
  SELECT count(*) = 3 AND min(substr(doc, start, length) = text) FROM d, article_sentences(d.doc));

SELECT 'councillor abbreviations are titles, no break', (SELECT group_concat(text, '|') FROM article_sentences(
  'Coun. Priya Dhaliwal voted no. Cllr. Jo Bates agreed.')) = 'Coun. Priya Dhaliwal voted no.|Cllr. Jo Bates agreed.';
SELECT 'councillor abbreviation stays out of the name', (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
  'Coun. Priya Dhaliwal voted no.', '{"types":["PERSON"]}')) = 'Priya Dhaliwal:PERSON';
