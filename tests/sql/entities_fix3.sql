-- SQL tests for entity fixes found on a blind batch (ext/entities.c).
-- Every row must read `name|1`.  Sentences written for these tests.

SELECT 'a country''s full name is not cut after its nationality',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Talks in the Czech Republic and the Central African Republic went on.'))
  = 'Czech Republic:GPE|Central African Republic:GPE';
SELECT 'a country''s full name opening a sentence stays whole',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Czech Republic officials and South Korea delegates met.'))
  = 'Czech Republic:GPE|South Korea:GPE';
