-- SQL tests for long names of bodies the tagger cut after a connector
-- (ext/entities.c: the capitalised run it left as O, join_connected_org()).
-- Every row must read `name|1`.  Sentences written for these tests.

SELECT 'a body''s name goes on through "for the" and a capitalised word the tagger left out',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'He chairs the Royal Society for the Arts.', '{"types":["ORG","GPE","PERSON"]}'))
  = 'Royal Society for the Arts:ORG';
SELECT 'a run followed by "of" is not joined: what follows may be a place of its own',
  (SELECT count(*) FROM article_entities(
     'In a statement, the Movement for the Emancipation of the Niger Delta refuted it.') WHERE type = 'LOC' AND text LIKE 'Movement%')
  = 0;
SELECT 'a capitalised word used as a modifier after "for the" is no part of the name',
  (SELECT count(*) FROM article_entities(
     'He urged the Organizing Committee for the Olympic games to act.') WHERE text LIKE '%for the Olympic%')
  = 0;
