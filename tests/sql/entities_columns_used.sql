-- SQL tests for article_entities when the statement reads no text column:
-- xFilter then keeps no copy of the document (SQLite's colUsed), and the
-- rows must be the same as when start, length or text are read.
-- Every row must read `name|1`; tests/run.sh loads dist/article first.

CREATE TEMP TABLE cu(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO cu VALUES (1, 'Lloyd Austin met Joe Biden in Washington on Monday. Austin said 3 things to the AP.');
INSERT INTO cu VALUES (2, 'Zoë Núñez left Peru. Núñez met the Associated Press in Lima.');

SELECT 'no text columns: same rows', (SELECT group_concat(d.id || ':' || e.mention || ':' || e.sentence || ':' ||
    e.type || ':' || e.canonical || ':' || coalesce(e.value, ''), '|') FROM cu d, article_entities(d.body) e) =
  (SELECT group_concat(d.id || ':' || e.mention || ':' || e.sentence || ':' || e.type || ':' || e.canonical || ':' ||
    coalesce(e.value, ''), '|') FROM cu d, article_entities(d.body) e WHERE e.length > 0 AND e.text IS NOT NULL);
SELECT 'no text columns: same count', (SELECT count(*) FROM cu d, article_entities(d.body)) =
  (SELECT count(*) FROM cu d, article_entities(d.body) e WHERE substr(d.body, e.start, e.length) = e.text);
SELECT 'no text columns: canonical', (SELECT group_concat(canonical, '|') FROM article_entities(
  'Lloyd Austin met Joe Biden. Austin left.')) = 'Lloyd Austin|Joe Biden|Lloyd Austin';
SELECT 'text columns still read', (SELECT group_concat(text || '@' || start, '|') FROM article_entities(
  'Zoë Núñez left Peru. Núñez stayed.')) = 'Zoë Núñez@1|Peru@16|Núñez@22';

-- start and length step over ASCII at once between rows: text with stray
-- and truncated UTF-8 bytes before and between names must keep
-- substr(document, start, length) = text, and agree with article_entities_json
CREATE TEMP TABLE cu_bad(d TEXT);
INSERT INTO cu_bad VALUES ('Reports ' || CAST(x'C3' AS TEXT) || ' from Lloyd Austin and Joe Biden ' ||
  CAST(x'E280' AS TEXT) || ' in Washington ' || CAST(x'FF80BF' AS TEXT) || ' on Monday. Zoë Núñez met ' ||
  CAST(x'F09F9880' AS TEXT) || ' Austin in Lima.');
SELECT 'invalid UTF-8: substr identity', (SELECT count(*) FROM cu_bad, article_entities(cu_bad.d) e
  WHERE substr(cu_bad.d, e.start, e.length) <> e.text) = 0
  AND (SELECT count(*) FROM cu_bad, article_entities(cu_bad.d)) >= 5;
SELECT 'invalid UTF-8: same as json', (SELECT group_concat(e.start || ':' || e.length, ' ') FROM cu_bad,
  article_entities(cu_bad.d) e) = (SELECT group_concat(json_extract(j.value, '$.start') || ':' ||
  json_extract(j.value, '$.length'), ' ') FROM cu_bad, json_each(article_entities_json(cu_bad.d)) j);
