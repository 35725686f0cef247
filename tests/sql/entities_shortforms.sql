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

-- One-word companies in a business story.
INSERT INTO sf VALUES (5,
  'Korvex shares slide as orders slow' || char(10) ||
  'BOSTON (Newswire) — Shares of Korvex fell 9% on Wednesday after the chip designer cut its forecast.' || char(10) ||
  'Korvex said demand from carmakers had weakened, and it would buy more wafers from Tessaro next year.' || char(10) ||
  'Analysts said Korvex was losing orders to Quillmark and Brennet. Korvex employs 9,000 people.');
SELECT 'a company''s name in a business story',
  (SELECT group_concat(DISTINCT type) FROM sf, article_entities(sf.body) e WHERE sf.id = 5 AND e.text = 'Korvex') = 'ORG';
SELECT 'unknown one-word names in a business story are companies',
  (SELECT count(*) FROM sf, article_entities(sf.body) e
   WHERE sf.id = 5 AND e.text IN ('Tessaro', 'Quillmark', 'Brennet') AND e.type = 'ORG') = 3;
SELECT 'a place''s stock market is no company',
  (SELECT count(*) FROM article_entities('Trading on the Lisbon stock market stopped after Mr. Varga spoke.') e
   WHERE e.type = 'ORG') = 0;

-- Facilities named in another language, a facility's short name, islands.
SELECT 'a foreign head word makes a facility',
  (SELECT group_concat(text || ':' || type, ' ') FROM article_entities('Marchers filled Praça Tiradentes and then Avenida Paulista before noon.')
   WHERE type = 'FAC') = 'Praça Tiradentes:FAC Avenida Paulista:FAC';
SELECT 'a head word goes on over a particle',
  (SELECT count(*) FROM article_entities('The show opened at the Palais de Tokyo in Paris on Monday.') e
   WHERE e.text = 'Palais de Tokyo' AND e.type = 'FAC') = 1;
SELECT 'a facility''s last word alone is the facility',
  (SELECT group_concat(type || ':' || canonical) FROM article_entities('The final was played at Ridgeway Memorial Garden on Sunday. The Garden was full.') e
   WHERE e.text = 'Garden') = 'FAC:Ridgeway Memorial Garden';
SELECT 'large islands are LOC',
  (SELECT group_concat(type) FROM article_entities('Storms hit Borneo and then Luzon.') e) = 'LOC,LOC';

-- A sum of money whose currency a nationality names holds that name.
SELECT 'money holds its nationality',
  (SELECT group_concat(text || ':' || type, ' | ') FROM article_entities('The club paid 14 million Norwegian crowns and 4.5 billion Swiss francs to Swiss banks.'))
  = '14 million Norwegian crowns:MONEY | 4.5 billion Swiss francs:MONEY | Swiss:NORP';

-- A law's name that opens with a title word, and its short form.
SELECT 'a law opening with General, and its short form',
  (SELECT group_concat(text || ':' || type || ':' || canonical, ' | ') FROM article_entities(
     'Banks must follow the General Savings Protection Directive (GSPD), the ministry said. The GSPD starts in May.')
   WHERE type IN ('LAW', 'ORG'))
  = 'General Savings Protection Directive:LAW:General Savings Protection Directive | GSPD:LAW:General Savings Protection Directive | GSPD:LAW:General Savings Protection Directive';
SELECT 'a general before a name is still a title',
  (SELECT group_concat(text || ':' || type) FROM article_entities('General Anna Berg inspected the troops.')) = 'Anna Berg:PERSON';

-- In a match report a city's name stands for its club's full name.
SELECT 'a city in a match report is its club',
  (SELECT group_concat(DISTINCT canonical) FROM article_entities(
     'The Denver Nuggets beat the Chicago Bulls 101-99 on Friday. Chicago led 50-41 at halftime before Denver answered with a 20-4 run.') e
   WHERE e.text IN ('Chicago', 'Denver')) = 'Chicago Bulls,Denver Nuggets';

-- A chamber named by one word is its own body.
SELECT 'the House is not the White House',
  (SELECT group_concat(DISTINCT text || ':' || canonical) FROM article_entities(
     'The White House said the president would sign it. The House passed the bill on Friday, and the Ohio House will vote next.') e
   WHERE e.text = 'House') = 'House:House';
SELECT 'the Senate is short for a country''s Senate',
  (SELECT group_concat(DISTINCT canonical) FROM article_entities(
     'Envoys briefed the U.S. Senate on Monday. Later the Senate voted against the bill.') e
   WHERE e.text = 'Senate') = 'U.S. Senate';
