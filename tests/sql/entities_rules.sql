-- SQL tests for the entities stage's article-wide rules (ext/entities.c).
-- Every row must read `name|1`.  Sentences written for these tests.

SELECT 'short company name links to the full name',
  (SELECT group_concat(type || ':' || canonical, '|') FROM article_entities(
     'Shares of Corvane Robotics Inc. rose. Corvane said demand was strong.', '{"types":["ORG"]}'))
  = 'ORG:Corvane Robotics Inc.|ORG:Corvane Robotics Inc.';
SELECT 'a name ending in a company word is an organisation',
  (SELECT type FROM article_entities('Analysts at Tessaly Brook Ltd. disagreed.') WHERE text LIKE 'Tessaly%') = 'ORG';
SELECT 'a trailing title leaves the organisation',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('FAA Administrator Lena Ortiz spoke.'))
  = 'FAA:ORG|Lena Ortiz:PERSON';
SELECT 'a marathon is an event, an act a law',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'She won the Duluth Marathon after the Clean Rivers Act passed.', '{"types":["EVENT","LAW"]}'))
  = 'Duluth Marathon:EVENT|Clean Rivers Act:LAW';
SELECT 'place then party word are two names',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Rep. Ana Ruiz, a New Mexico Democrat, voted no.'))
  = 'Ana Ruiz:PERSON|New Mexico:GPE|Democrat:NORP';
SELECT 'particles stay inside a name, and the surname links back',
  (SELECT group_concat(text || ':' || canonical, '|') FROM article_entities(
     'Annelies van der Berg led the study. Van der Berg said more work was needed.', '{"types":["PERSON"]}'))
  = 'Annelies van der Berg:Annelies van der Berg|Van der Berg:Annelies van der Berg';
SELECT 'a river name joins its feature word',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Barges moved up the Ohio River on Friday.', '{"types":["LOC","GPE"]}'))
  = 'Ohio River:LOC';
SELECT 'a listed short name takes its listed type',
  (SELECT type FROM article_entities('The Nasdaq fell 2% on Monday.') WHERE text = 'Nasdaq') = 'ORG';
SELECT 'a lone capitalised common word is not an organisation',
  (SELECT count(*) FROM article_entities('Reporters asked the Ministry about its plans.') WHERE type = 'ORG') = 0;
SELECT 'a plural noun opening a sentence is not a person, a surname is',
  (SELECT group_concat(text, '|') FROM article_entities('Campaigners have vowed to fight on. Williams said no.', '{"types":["PERSON"]}'))
  = 'Williams';
SELECT 'organisation names joined across of, for the, and',
  (SELECT group_concat(text, '|') FROM article_entities(
     'The Ministry of Irrigation and Water Resources met the Agency for the Protection of Wetlands.', '{"types":["ORG"]}'))
  = 'Ministry of Irrigation and Water Resources|Agency for the Protection of Wetlands';
SELECT 'a nationality opening an academy''s name is part of it',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('The American Academy of Pediatrics agreed.'))
  = 'American Academy of Pediatrics:ORG';
SELECT 'an owner''s possessive splits place and organisation',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Kenya’s Ministry of Health objected.'))
  = 'Kenya:GPE|Ministry of Health:ORG';
SELECT 'json: names with tabs and quotes are escaped',
  json_valid(article_entities_json('Ships left "Oslo"' || char(9) || 'and Bergen.'));
SELECT 'a name the news corpus lists as an organisation is one mid-sentence',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Officials said Gazprom would raise prices.'))
  = 'Gazprom:ORG';
SELECT 'an unlisted capitalised word before a one-word surname opens the name',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Keller rose to meet a corner from Tomás Ferreira with the last touch.'))
  = 'Keller:PERSON|Tomás Ferreira:PERSON';
SELECT 'a fraction after "a" is a CARDINAL with its value; "a third term" stays ORDINAL',
  (SELECT group_concat(text || ':' || type || ':' || round(value, 3), '|') FROM article_entities('About a third of voters backed a third term.'))
  = 'About a third:CARDINAL:0.333|third:ORDINAL:3.0';
SELECT 'sports seasons are DATE periods',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('They won twice in four seasons and the title two seasons ago.'))
  = 'four seasons:DATE|two seasons ago:DATE';
SELECT 'a holiday the tagger took for a place is a date',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('“We will be back after Easter,” Reid said.'))
  = 'Easter:DATE|Reid:PERSON';
SELECT 'a body named "X of Justice" keeps its last word and goes on through "of the"',
  (SELECT group_concat(text || ':' || canonical, '|') FROM article_entities(
     'The Court of Justice of the European Union ruled for the passengers, and the European Union welcomed it.', '{"types":["ORG"]}'))
  = 'Court of Justice of the European Union:Court of Justice of the European Union|European Union:European Union';
SELECT 'a holiday right after a man''s name stays his surname',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Vice President Taha Yassin Ramadan was sentenced. The court said Ramadan would appeal.', '{"types":["PERSON","DATE"]}'))
  = 'Taha Yassin Ramadan:PERSON|Ramadan:PERSON';
SELECT 'after a person''s title a given name that is also a place opens a person''s name',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Gov. Georgia Lee signed the bill.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Georgia Lee:PERSON';
SELECT 'a body of a place and another body are two names',
  (SELECT group_concat(text, '|') FROM article_entities('The researchers, from the University of Sydney and Aarhus University in Denmark, used data.', '{"types":["ORG"]}'))
  = 'University of Sydney|Aarhus University';

-- Rules that do not lean on the tagger's weak labels (written when the model was retrained).
SELECT 'a body "of" something goes on through "and" and a common word',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('The Office of Management and Budget said so.', '{"types":["ORG"]}'))
  = 'Office of Management and Budget:ORG';
SELECT 'an island the tagger left is a place by the regions list',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Storms hit Luzon.')) = 'Luzon:LOC';
SELECT 'two one-word names joined by "and" stay two names',
  (SELECT count(*) FROM article_entities('Talks between Riyadh and Jeddah officials resumed.') WHERE text LIKE '% and %') = 0;
