-- SQL tests for article_quotes and article_quotes_json.
-- Every row must read `name|1`; tests/run.sh loads dist/article first.

SELECT 'one quote, speaker and cue', (SELECT text || '|' || speaker || '|' || speaker_text || '|' || cue || '|' || kind
  FROM article_quotes('“We will rebuild,” Mayor Elena Ruiz said on Monday.'))
  = 'We will rebuild,|Elena Ruiz|Mayor Elena Ruiz|said|statement';
SELECT 'columns', (SELECT group_concat(quote || ':' || sentence || ':' || paragraph || ':' || start || ':' || length, ' ')
  FROM article_quotes('Storm hits coast' || char(10) || '“Stay home,” the mayor said. She added: “Please.”'))
  = '1:2:2:19:10 2:3:2:59:7';
SELECT 'inverted, with title', (SELECT speaker || '|' || speaker_text
  FROM article_quotes('"The vote was close," said Sen. Maria Delgado.'))
  = 'Maria Delgado|Sen. Maria Delgado';
SELECT 'split quote: same speaker and cue', (SELECT group_concat(speaker || '/' || cue, ' ')
  FROM article_quotes('“It is not everything,” union leader Marcus Feld said, “but it is fair.”'))
  = 'Marcus Feld/said Marcus Feld/said';
SELECT 'carried speaker has no cue', (SELECT speaker IS NOT NULL AND cue IS NULL
  FROM article_quotes('“We are ready,” Elena Ruiz said. “The wall comes next.”') WHERE quote = 2);
SELECT 'anonymous speaker is NULL, text kept', (SELECT speaker IS NULL AND speaker_text = 'a senior official'
  FROM article_quotes('“Nobody knows,” a senior official said.'));
SELECT 'according to', (SELECT cue FROM article_quotes('“Prices will rise,” according to economist Jonah Pike.')) = 'according to';
SELECT 'scare quote is a fragment without speaker', (SELECT kind = 'fragment' AND speaker IS NULL
  FROM article_quotes('The so-called “growth plan” failed.'));
SELECT 'apostrophes are not quotes', (SELECT count(*)
  FROM article_quotes('Fans who’ve followed the ’90s team don’t miss the players’ rock ’n’ roll.')) = 0;
SELECT 'nested quote stays inside', (SELECT text FROM article_quotes('“He said ‘never’ twice,” she said.'))
  = 'He said ‘never’ twice,';
SELECT 'multi-paragraph quote: one row a paragraph, one speaker', (SELECT group_concat(paragraph || ':' || speaker, ' ')
  FROM article_quotes('Grace Lindqvist spoke.' || char(10) || '“The hatch opened.' || char(10) || '“Then I worked,” she said.'))
  = '2:Grace Lindqvist 3:Grace Lindqvist';
SELECT 'other marks', (SELECT group_concat(text, '|')
  FROM article_quotes('„Eins“ und «deux» und 「三」.')) = 'Eins|deux|三';

-- options
SELECT 'kinds: statements only', (SELECT count(*) FROM article_quotes(
  'Critics called it “reckless”. “We disagree,” Hale said.', '{"kinds": ["statement"]}')) = 1;
SELECT 'kinds: a single string', (SELECT text FROM article_quotes(
  'Critics called it “reckless”. “We disagree,” Hale said.', '{"kinds": "fragment"}')) = 'reckless';
SELECT 'segmenter options pass through', (SELECT count(*) FROM article_quotes(
  '“Hi,” she said.' || char(10) || '- Advertisement -' || char(10) || '“Bye,” he said.', '{"newline": "break", "boilerplate": false}')) = 2;
SELECT 'hard-wrapped text with newline space', (SELECT sentence FROM article_quotes(
  'The mayor spoke at' || char(10) || 'length. “We are' || char(10) || 'ready,” she said.', '{"newline": "space"}')) = 2;

-- edge documents
SELECT 'NULL document gives no rows', (SELECT count(*) FROM article_quotes(NULL)) = 0;
SELECT 'empty document gives no rows', (SELECT count(*) FROM article_quotes('')) = 0;
SELECT 'a number is read as its text', (SELECT count(*) FROM article_quotes(42)) = 0;
SELECT 'no quotes, no rows', (SELECT count(*) FROM article_quotes('Nothing quoted in the team''s story.')) = 0;
SELECT 'extra constraints keep working', (SELECT group_concat(text, '|')
  FROM article_quotes('“A,” he said. “B,” she said. “C,” they said.') WHERE quote > 1) = 'B,|C,';
SELECT 'join with a table', (WITH docs(id, body) AS (VALUES (1, '“A b,” Ann Lee said.'), (2, 'None.'), (3, '“C d,” Bo Kim said.'))
  SELECT group_concat(id || ':' || q.speaker, ' ') FROM docs, article_quotes(docs.body) q) = '1:Ann Lee 3:Bo Kim';

-- substr() identity, also on multi-byte, CRLF and invalid UTF-8
SELECT 'identity on emoji and combining marks', (WITH d(doc) AS (VALUES ('😀 Café “naïve ë́ 😀 text,” Zoë said. «Ça va»'))
  SELECT count(*) = 2 AND sum(substr(doc, start, length) = text) = 2 FROM d, article_quotes(d.doc));
SELECT 'identity on CRLF', (WITH d(doc) AS (VALUES ('Intro.' || char(13, 10) || '“Two lines,” he said.' || char(13, 10) || '“More.”'))
  SELECT count(*) = 2 AND sum(substr(doc, start, length) = text) = 2 FROM d, article_quotes(d.doc));
SELECT 'identity on invalid UTF-8', (WITH d(doc) AS (VALUES (CAST(x'E2809C41C3FF42E2809D20686520736169642E' AS TEXT)))
  SELECT count(*) = 1 AND sum(substr(doc, start, length) = text) = 1 FROM d, article_quotes(d.doc));
SELECT 'embedded NUL ends the document', (SELECT count(*) FROM article_quotes(CAST(x'E2809C41E2809D00E2809C42E2809D' AS TEXT))) = 1;

-- article_quotes_json
SELECT 'json: an array of rows', (SELECT json_array_length(article_quotes_json('“A b,” Ann Lee said. “C d.”'))) = 2;
SELECT 'json: fields', (SELECT json_extract(article_quotes_json('“A b,” Ann Lee said.'), '$[0].speaker') || '|'
  || json_extract(article_quotes_json('“A b,” Ann Lee said.'), '$[0].cue') || '|'
  || json_extract(article_quotes_json('“A b,” Ann Lee said.'), '$[0].start')) = 'Ann Lee|said|2';
SELECT 'json: NULL speaker is null', (SELECT json_type(article_quotes_json('The “so-called” plan.'), '$[0].speaker')) = 'null';
SELECT 'json: nests as JSON, not as a string', (SELECT json_type(json_array(article_quotes_json('“A b,” he said.')), '$[0]')) = 'array';
SELECT 'json: no quotes is an empty array', article_quotes_json('Nothing here.') = '[]';
SELECT 'json: NULL in, NULL out', article_quotes_json(NULL) IS NULL;
SELECT 'json: kinds option', (SELECT json_array_length(article_quotes_json(
  'Critics called it “reckless”. “We disagree,” Hale said.', '{"kinds": ["fragment"]}'))) = 1;
SELECT 'json: escapes', (SELECT json_extract(article_quotes_json('“A \ b " c,” he said.'), '$[0].text')) = 'A \ b " c,';

-- A quote sentence with no cue keeps the previous speaker even when the next
-- sentence has a quote (and a cue) of its own.
SELECT 'uncued quote keeps its speaker before a quoted fragment',
  (SELECT group_concat(coalesce(speaker, '-'), '|') FROM article_quotes(
    'Mayor Maria Delgado spoke on Tuesday. “We will rebuild,” she said. “No one is leaving.” Critics called the plan “a fantasy.”'))
  = 'Maria Delgado|Maria Delgado|-';

-- A speaker's name that a line break splits comes back with one space, so
-- GROUP BY speaker sees one person (speaker_text stays as written).
SELECT 'speaker name across a line break is tidied', (SELECT speaker || '|' || (speaker_text = 'Dr. Samuel K.' || char(10) || 'Oyelaran')
  FROM article_quotes('The trial was small. Dr. Samuel K.' || char(10) || 'Oyelaran, a cardiologist, said the result was' || char(10)
                      || '“meaningful but modest.”', '{"newline": "space"}')) = 'Samuel K. Oyelaran|1';
SELECT 'tidied speaker carries to the next quote', (SELECT count(DISTINCT speaker) = 1 AND min(speaker) = 'Samuel K. Oyelaran'
  FROM article_quotes('Dr. Samuel K.' || char(10) || 'Oyelaran spoke first. “It works,” he said.' || char(10)
                      || '“We need more data.”', '{"newline": "space"}'));
SELECT 'json: an invalid byte in a quote becomes U+FFFD, so the JSON is valid UTF-8',
  json_extract(article_quotes_json(CAST(x'E2809C41FF42E2809D2073686520736169642E' AS TEXT)), '$[0].text')
  = 'A' || char(65533) || 'B';
