-- SQL tests for natural features named in a list before a plural noun
-- (ext/entities.c listed_feature(); the feature nouns are ext/data/fac_words.tsv LOC words).
-- Every row must read `name|1`.  Sentences written for these tests.

SELECT 'each name of a list closed by "rivers" is a location',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Floodwaters from the Ravi, Sutlej and Chenab rivers forced people from their homes.'))
  = 'Ravi:LOC|Sutlej:LOC|Chenab:LOC';
SELECT 'mountains close a list as well',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Rebels hid in the Karavan and Tesh mountains for a year.', '{"types":["LOC","GPE","ORG","PERSON"]}'))
  = 'Karavan:LOC|Tesh:LOC';
SELECT 'countries and nationalities before the noun keep their types',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Ferries link Greek and Turkish islands, and Spain and Portugal rivers flooded.', '{"types":["LOC","GPE","NORP"]}'))
  = 'Greek:NORP|Turkish:NORP|Spain:GPE|Portugal:GPE';
