-- SQL tests for short forms and institutions in article_entities: a short
-- form defined in parentheses after a name is that name's short form even
-- when its letters are not the English initials; a one-word institution
-- does not link to a longer name that merely opens with it.
-- Every row must read `name|1`; tests/run.sh loads dist/article first.
-- The texts are written for these tests.

CREATE TEMP TABLE sf(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO sf VALUES (1,
  'Dockworkers marched on Monday, led by the National Federation of Port Workers of Chile (FENATRAPORT) and two student groups.' || char(10) ||
  'A spokesman for FENATRAPORT said the strike would go on.');
INSERT INTO sf VALUES (2,
  'The reading came from the Tanzanian Institute of Meteorology and Geophysics (Timgeo) late on Sunday.' || char(10) ||
  'Timgeo said no tsunami was expected.');
INSERT INTO sf VALUES (3,
  'Rain fell in New York (Reuters) on Friday, and Sen. Ada Brook (D) voted.');
INSERT INTO sf VALUES (4,
  'The bill went to the Senate Finance Committee on Monday.' || char(10) ||
  'The Senate will vote on it next week, the Labour Party said. Labour wants changes.');

SELECT 'spanish-order acronym links to the name',
  (SELECT group_concat(DISTINCT canonical) FROM sf, article_entities(sf.body) e
   WHERE sf.id = 1 AND e.text = 'FENATRAPORT') = 'National Federation of Port Workers of Chile';
SELECT 'mixed-case short form links to the name',
  (SELECT group_concat(DISTINCT canonical) FROM sf, article_entities(sf.body) e
   WHERE sf.id = 2 AND e.text = 'Timgeo') = 'Tanzanian Institute of Meteorology and Geophysics';
SELECT 'a wire name after a city is no short form',
  (SELECT count(*) FROM sf, article_entities(sf.body) e
   WHERE sf.id = 3 AND e.canonical = 'New York' AND e.text <> 'New York') = 0;
SELECT 'a one-word institution is its own body',
  (SELECT group_concat(DISTINCT canonical) FROM sf, article_entities(sf.body) e
   WHERE sf.id = 4 AND e.text = 'Senate') = 'Senate';
SELECT 'a party named by its first word still links',
  (SELECT group_concat(DISTINCT canonical) FROM sf, article_entities(sf.body) e
   WHERE sf.id = 4 AND e.text = 'Labour') = 'Labour Party';
SELECT 'a nationality opens a ministry''s name',
  (SELECT count(*) FROM article_entities('The Danish Foreign Ministry said the talks were over.') e
   WHERE e.text = 'Danish Foreign Ministry' AND e.type = 'ORG') = 1;
SELECT 'a field after and stays in the name',
  (SELECT count(*) FROM article_entities('The swell was 3 meters high, according to the Chilean Institute of Oceanography and Glaciology (Chiogla). It was felt widely.') e
   WHERE e.text = 'Chilean Institute of Oceanography and Glaciology') = 1;
SELECT 'a pronoun''s contraction is no name',
  (SELECT count(*) FROM article_entities('“I’ve never seen a crowd like it,” Okafor said. “I''ve been here before, and we’ll be back.”') e
   WHERE e.text LIKE 'I%ve' OR e.text LIKE 'we%ll') = 0
  AND (SELECT count(*) FROM article_entities('“We’re ready,” said Ciarán O’Brien.') e WHERE e.text = 'Ciarán O’Brien') = 1;
