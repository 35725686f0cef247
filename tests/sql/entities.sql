-- SQL tests for article_entities and article_entities_json.
-- Every row must read `name|1`; tests/run.sh loads dist/article first.
-- The articles are written for these tests.

CREATE TEMP TABLE art(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO art VALUES (1,
  'BERGEN, Norway — Norwegian Trade Minister Ingrid Solberg met Sen. Marcus Hale Jr. at the Nobel Institute on Tuesday.' || char(10) ||
  'Solberg said the talks with Hale were useful, and she thanked the European Union for its work in Sudan.' || char(10) ||
  'The International Monetary Fund (IMF) said 1,250 workers lost their jobs. The IMF expects 3.5% growth.' || char(10) ||
  '- Advertisement -' || char(10) ||
  'Mr. Hale visited Germany’s capital Berlin last week with 40 aides and spent $2.5 million.' || char(10) ||
  'Officials in Kenya said Democrats and Muslims had protested near the Mombasa Airport on March 3, 2024.');
INSERT INTO art VALUES (2, 'The owner, Zoë Núñez, met José Ruiz in “Lima”. 😀 Núñez left Peru for the first time.');

SELECT 'columns', (SELECT group_concat(mention || ':' || sentence || ':' || type, ' ') FROM
  (SELECT * FROM art, article_entities(art.body) WHERE art.id = 1 LIMIT 3)) = '1:1:GPE 2:1:GPE 3:1:NORP';
SELECT 'substr identity', (SELECT count(*) FROM art, article_entities(art.body) e
  WHERE substr(art.body, e.start, e.length) <> e.text) = 0
  AND (SELECT count(*) FROM art, article_entities(art.body)) > 25;
SELECT 'mentions numbered in order', (SELECT count(*) FROM art a, article_entities(a.body) x, article_entities(a.body) y
  WHERE x.mention < y.mention AND x.start >= y.start) = 0;
SELECT 'PERSON without title, Jr. kept', (SELECT count(*) FROM art, article_entities(art.body)
  WHERE text = 'Marcus Hale Jr.' AND type = 'PERSON') = 1;
SELECT 'no title in a span', (SELECT count(*) FROM art, article_entities(art.body)
  WHERE text LIKE '%Minister%' OR text LIKE 'Sen.%') = 0;
SELECT 'surname linked to the full name', (SELECT group_concat(DISTINCT canonical) FROM art, article_entities(art.body)
  WHERE art.id = 1 AND text = 'Solberg') = 'Ingrid Solberg';
SELECT 'GROUP BY canonical counts a person', (SELECT count(*) FROM art, article_entities(art.body)
  WHERE art.id = 1 AND canonical = 'Marcus Hale Jr.') = 3;
SELECT 'acronym linked to its expansion', (SELECT group_concat(DISTINCT canonical) FROM art, article_entities(art.body)
  WHERE text = 'IMF') = 'International Monetary Fund';
SELECT 'dateline spelled normally', (SELECT canonical FROM art, article_entities(art.body) WHERE text = 'BERGEN') = 'Bergen';
SELECT 'no possessive in a span', (SELECT type FROM art, article_entities(art.body) WHERE text = 'Germany') = 'GPE'
  AND (SELECT count(*) FROM art, article_entities(art.body) WHERE text LIKE '%’s') = 0;
SELECT 'no leading the', (SELECT count(*) FROM art, article_entities(art.body) WHERE text = 'European Union' AND type = 'ORG') = 1;
SELECT 'NORP groups', (SELECT group_concat(text, ',') FROM art, article_entities(art.body) WHERE type = 'NORP')
  = 'Norwegian,Democrats,Muslims';
SELECT 'FAC and GPE', (SELECT type FROM art, article_entities(art.body) WHERE text = 'Mombasa Airport') = 'FAC'
  AND (SELECT type FROM art, article_entities(art.body) WHERE text = 'Berlin') = 'GPE';
SELECT 'sentence-initial common word is not a name', (SELECT count(*) FROM art, article_entities(art.body) WHERE text = 'Officials') = 0;
SELECT 'nothing in boilerplate lines', (SELECT count(*) FROM art, article_entities(art.body) WHERE text LIKE '%Advert%') = 0;
SELECT 'CARDINAL value', (SELECT value FROM art, article_entities(art.body) WHERE text = '1,250') = 1250.0;
SELECT 'PERCENT value', (SELECT value FROM art, article_entities(art.body) WHERE text = '3.5%') = 3.5;
SELECT 'MONEY value', (SELECT value FROM art, article_entities(art.body) WHERE type = 'MONEY') = 2500000.0;
SELECT 'SUM over figures', (SELECT sum(value) FROM art, article_entities(art.body) WHERE type = 'CARDINAL') >= 1290;
SELECT 'full DATE value', (SELECT value FROM art, article_entities(art.body) WHERE type = 'DATE' AND text LIKE 'March%') = '2024-03-03';
SELECT 'partial DATE has no value', (SELECT value IS NULL FROM art, article_entities(art.body) WHERE text = 'Tuesday');
SELECT 'canonical = text for other types', (SELECT count(*) FROM art, article_entities(art.body)
  WHERE type IN ('DATE','CARDINAL','PERCENT','MONEY','NORP') AND canonical <> text) = 0;
SELECT 'multi-byte text positions', (SELECT group_concat(text || '@' || start, ',') FROM art, article_entities(art.body)
  WHERE art.id = 2 AND type = 'PERSON') = 'Zoë Núñez@12,José Ruiz@27,Núñez@50';
SELECT 'accented surname linked', (SELECT canonical FROM art, article_entities(art.body) WHERE text = 'Núñez') = 'Zoë Núñez';
SELECT 'ORDINAL', (SELECT type || ':' || value FROM art, article_entities(art.body) WHERE text = 'first') = 'ORDINAL:1.0';

-- options
SELECT 'types option', (SELECT group_concat(DISTINCT type) FROM art, article_entities(art.body, '{"types":["PERSON"]}')) = 'PERSON';
SELECT 'types option, two types', (SELECT count(DISTINCT type) FROM art, article_entities(art.body, '{"types":["GPE","DATE"]}')) = 2;
CREATE TEMP TABLE beat(name TEXT, type TEXT, canonical TEXT);
INSERT INTO beat VALUES ('Nobel Institute', 'FAC', 'Norwegian Nobel Institute'), ('Sudan', 'GPE', NULL);
SELECT 'lexicon first', (SELECT type || ':' || canonical FROM art, article_entities(art.body, '{"lexicon":"beat"}')
  WHERE text = 'Nobel Institute') = 'FAC:Norwegian Nobel Institute';
SELECT 'lexicon NULL canonical is the name', (SELECT canonical FROM art, article_entities(art.body, '{"lexicon":"beat"}')
  WHERE text = 'Sudan') = 'Sudan';
SELECT 'lexicon in a join', (SELECT count(*) FROM art, article_entities(art.body, '{"lexicon":"beat"}')
  WHERE canonical = 'Norwegian Nobel Institute') = 1;
SELECT 'newline option accepted', (SELECT count(*) FROM article_entities('Ada Lovelace met' || char(10) || 'Charles Babbage.', '{"newline":"space"}')
  WHERE type = 'PERSON') = 2;
SELECT 'boilerplate option: numbering as article_sentences, nothing inside',
  (SELECT group_concat(sentence || text) FROM article_entities('Rain fell in Oslo.' || char(10) || '- Advertisement -' || char(10) ||
   'Rivers rose in Bergen.', '{"boilerplate": true}')) = '1Oslo,3Bergen';
SELECT 'NULL document', (SELECT count(*) FROM article_entities(NULL)) = 0;
SELECT 'empty document', (SELECT count(*) FROM article_entities('')) = 0;
SELECT 'extra constraints', (SELECT count(*) FROM art, article_entities(art.body) WHERE art.id = 1 AND type = 'PERSON' AND mention > 3) >= 3;

-- the JSON scalar
SELECT 'json is an array of the rows', (SELECT json_array_length(article_entities_json(body)) FROM art WHERE id = 1)
  = (SELECT count(*) FROM art, article_entities(art.body) WHERE art.id = 1);
SELECT 'json fields', (SELECT json_extract(article_entities_json(body), '$[0].type') || json_extract(article_entities_json(body), '$[0].start') FROM art WHERE id = 1) = 'GPE1';
SELECT 'json value', (SELECT json_extract(value, '$.value') FROM art, json_each(article_entities_json(art.body)) WHERE json_extract(value, '$.text') = '1,250') = 1250;
SELECT 'json subtype nests as JSON', (SELECT json_type(json_object('e', article_entities_json('Oslo is cold.')), '$.e')) = 'array';
SELECT 'json with options', (SELECT json_array_length(article_entities_json(body, '{"types":["PERCENT"]}')) FROM art WHERE id = 1) = 1;
SELECT 'json NULL', article_entities_json(NULL) IS NULL;
