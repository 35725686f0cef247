-- SQL tests for the entities stage's span and context rules (ext/entities.c):
-- titles inside names, names the tagger ran together or split, products and
-- works told by the words around them, bodies where jobs are held, storms
-- and products by their short names.  Every row must read `name|1`.
-- Sentences written for these tests.

SELECT 'a title that ends inside a span is cut off',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'On Friday, Secretary of State Marta Lindqvist had spoken.', '{"types":["PERSON","ORG"]}'))
  = 'Marta Lindqvist:PERSON';
SELECT 'a title word does not come off an organisation',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'In a filing, the Justice Department said it sided with the firms.', '{"types":["ORG"]}'))
  = 'Justice Department:ORG';
SELECT 'a legal form closes a company name; the place after it is its own',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Parts came from a supplier, Varenholt Werke GmbH of Stuttgart, Germany.', '{"types":["ORG","GPE"]}'))
  = 'Varenholt Werke GmbH:ORG|Stuttgart:GPE|Germany:GPE';
SELECT 'two bodies run together split at and; a plural possessive stays in a name',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Doctors at Marlow University and Denby Children’s Hospital led it.', '{"types":["ORG","GPE"]}'))
  = 'Marlow University:ORG|Denby Children’s Hospital:ORG';
SELECT 'a one-word person the article never names in full, listed with places, is a place',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'The tax will hit Scotland, Wales and the north hardest.', '{"types":["GPE","PERSON"]}'))
  = 'Scotland:GPE|Wales:GPE';
SELECT 'a storm named in full is an event by its own name later',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Typhoon Karvani hit the coast on Monday. Karvani is the ninth storm this year.', '{"types":["EVENT","PERSON"]}'))
  = 'Typhoon Karvani:EVENT|Karvani:EVENT';
SELECT 'a bill is a law, its number with it',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'The measure, known as Senate Bill 14, passed in May.', '{"types":["LAW","ORG"]}'))
  = 'Senate Bill 14:LAW';
SELECT 'an acronym links to a name whose initials end with it',
  (SELECT canonical FROM article_entities(
     'Officials at the Global Office for Refugee Resettlement, known as ORR, said so. ORR gave no figures.')
   WHERE text = 'ORR' LIMIT 1) = 'Global Office for Refugee Resettlement';
SELECT 'a dotted acronym is no short form of a longer body it opens',
  (SELECT canonical FROM article_entities(
     'The U.N. Security Council met on Monday. A U.N. agency said food was short.')
   WHERE text = 'U.N.') = 'U.N.';
SELECT 'a name before a product noun is a product',
  (SELECT group_concat(DISTINCT text || ':' || type) FROM article_entities(
     'Rival Quillon cut the price of its Nimbus headset. The Nimbus sold well.', '{"types":["PRODUCT"]}'))
  = 'Nimbus:PRODUCT';
SELECT 'an appositive product noun after a name',
  (SELECT type FROM article_entities('The firm unveiled the Strato Pro, a $900 folding phone that ships in May.')
   WHERE text = 'Strato Pro') = 'PRODUCT';
SELECT 'a name in apposition after a drug is a product; a noun that is not the head does not count',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Regulators questioned the drug, Zerovax. The largest maker of jetliners, Airbus, said so.',
     '{"types":["PRODUCT","ORG"]}'))
  = 'Zerovax:PRODUCT|Airbus:ORG';
SELECT 'a name closed by a model code is a product',
  (SELECT type FROM article_entities('Buyers lined up for the Corvo T7 on Friday.') WHERE text = 'Corvo T7') = 'PRODUCT';
SELECT 'a work after book and a comma',
  (SELECT type FROM article_entities('In her new book, Quiet Rooms, she argues the opposite.')
   WHERE text = 'Quiet Rooms') = 'WORK_OF_ART';
SELECT 'a noun in capitals is no organisation',
  (SELECT count(*) FROM article_entities('Sales of SUVs and AI chips rose.') WHERE type = 'ORG') = 0;
SELECT 'a given name before of splits a person from a body',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'It agreed, said J.R. Tillman of Harrow Research on Tuesday.', '{"types":["PERSON","ORG"]}'))
  = 'J.R. Tillman:PERSON|Harrow Research:ORG';
SELECT 'a capitalised word left before a law opens it',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'He cited the 1962 Mutual Fisheries Treaty between the two.', '{"types":["LAW"]}'))
  = 'Mutual Fisheries Treaty:LAW';
SELECT 'a job at a name makes the name a body',
  (SELECT type FROM article_entities('Dana Fell, an analyst at Quorlane in Chicago, agreed.') WHERE text = 'Quorlane') = 'ORG';
SELECT 'a mid-sentence The opens a journal''s name',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'The group published a study in The Lancet in March.', '{"types":["ORG"]}'))
  = 'Lancet:ORG';
SELECT 'a common word before a country names a body',
  (SELECT type FROM article_entities('Jobs rose in March, according to Statistics Canada.')
   WHERE text = 'Statistics Canada') = 'ORG';
SELECT 'a listed body goes on after a comma',
  (SELECT group_concat(text, '|') FROM article_entities(
     'He wrote to the Department for Culture, Media and Sport on Monday.', '{"types":["ORG"]}'))
  = 'Department for Culture, Media and Sport';
SELECT 'a town is no short form of its council',
  (SELECT group_concat(DISTINCT text || ':' || canonical) FROM article_entities(
     'Harwick Borough Council voted on Monday. Residents of Harwick protested.', '{"types":["ORG","GPE"]}')
   WHERE text = 'Harwick') IS NOT 'Harwick:Harwick Borough Council';
SELECT 'a title inside a span leaves the person after it',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Probate Court Judge Ellen Marwick ruled on Friday.', '{"types":["PERSON","ORG"]}'))
  = 'Probate Court:ORG|Ellen Marwick:PERSON';
SELECT 'a name set off after a job is a person',
  (SELECT type FROM article_entities('The envoy, Tao Wenjie, was summoned on Monday.') WHERE text = 'Tao Wenjie') = 'PERSON';
SELECT 'a numbered facility keeps its number',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Crews at Fire Station No. 12 were called out.', '{"types":["FAC","ORG","PERSON"]}'))
  = 'Fire Station No. 12:FAC';
SELECT 'a state abbreviation links to the state the article writes out',
  (SELECT canonical FROM article_entities('ROCHESTER, Minn. — Minnesota lawmakers met.') WHERE text = 'Minn.') = 'Minnesota';
SELECT 'a legislature named by one word is a body',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('“Congress gave you the money,” she said.'))
  = 'Congress:ORG';
SELECT 'state dwellers are a group',
  (SELECT type FROM article_entities('The court will side with Texans, he said.') WHERE text = 'Texans') = 'NORP';
SELECT 'a name in apposition after an organisation noun is an organisation, all through the article',
  (SELECT group_concat(DISTINCT text || ':' || type) FROM article_entities(
     'The country’s energy regulator, Ovgem, fined the firm. Ovgem said it would appeal.', '{"types":["ORG","PERSON"]}'))
  = 'Ovgem:ORG';
SELECT 'an industry word closes a company name, and the short form links to it',
  (SELECT group_concat(text || ':' || type || ':' || canonical, '|') FROM article_entities(
     'Customers of Brackwell Telecom lost service. Brackwell apologised.', '{"types":["ORG","PERSON"]}'))
  = 'Brackwell Telecom:ORG:Brackwell Telecom|Brackwell:ORG:Brackwell Telecom';
SELECT 'a name before a facility noun is a facility, a known city stays a city',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Police closed the Varna Odos motorway and the Kabul airport.', '{"types":["FAC","ORG","GPE"]}'))
  = 'Varna Odos:FAC|Kabul:GPE';
SELECT 'a law keeps its year',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'It breached the Broadcasting Act 1996 twice.', '{"types":["LAW","DATE"]}'))
  = 'Broadcasting Act 1996:LAW';
SELECT 'a list of words before a committee is part of its name',
  (SELECT group_concat(text, '|') FROM article_entities(
     'She chairs the Energy, Security and Net Zero Committee in the House of Commons.', '{"types":["ORG"]}'))
  = 'Energy, Security and Net Zero Committee|House of Commons';
SELECT 'an acronym takes its listed expansion when only a byline spells it out',
  (SELECT group_concat(DISTINCT canonical) FROM article_entities(
     'By JANE DOE Associated Press' || char(10) || 'OTTAWA (AP) — Prices rose, the AP learned.') WHERE text = 'AP')
  = 'Associated Press';
SELECT 'an acronym the article never spells out keeps its own name',
  (SELECT canonical FROM article_entities('OTTAWA (AP) — Prices rose.') WHERE text = 'AP') = 'AP';
SELECT 'a name followed by ", which" or "said its" is no person',
  (SELECT group_concat(DISTINCT text || ':' || type) FROM article_entities(
     'Grauwen, which employs 900 people, cut jobs. Grauwen said its profit fell.', '{"types":["ORG","PERSON"]}'))
  = 'Grauwen:ORG';
SELECT 'a language''s name where a language stands',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'French is the only official language, and classes are taught in English. French officials agreed.',
     '{"types":["LANGUAGE","NORP"]}'))
  = 'French:LANGUAGE|English:LANGUAGE|French:NORP';
SELECT 'a body goes on through of and a country; a law through of',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'The Bar Society of Kenya and the Charter of Rights and Freedoms were cited.', '{"types":["ORG","LAW","GPE"]}'))
  = 'Bar Society of Kenya:ORG|Charter of Rights and Freedoms:LAW';
SELECT 'capitalised words the tagger left, closing with an organisation word, are a body, without a leading The',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'The Law Society of Scotland and the Faculty of Advocates objected.'))
  = 'Law Society of Scotland:ORG|Faculty of Advocates:ORG';
SELECT 'a company''s base after of is a place of its own',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Parts came from Dorvane Field Services of Houston, Texas, on Monday.', '{"types":["ORG","GPE"]}'))
  = 'Dorvane Field Services:ORG|Houston:GPE|Texas:GPE';
SELECT 'a given name opening a sentence opens the name after it',
  (SELECT group_concat(text, '|') FROM article_entities(
     'Grace Mbeki, the head of the group, said so. Mbeki left.', '{"types":["PERSON"]}'))
  = 'Grace Mbeki|Mbeki';
SELECT 'a place opening a body''s own name joins it',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Members of the Ontario Community Health Network met on Monday.', '{"types":["ORG","GPE"]}'))
  = 'Ontario Community Health Network:ORG';
SELECT 'a body named with "of" and a place is the full form of its short name',
  (SELECT group_concat(DISTINCT canonical) FROM article_entities(
     'The Supreme Court of Canada will hear it. The Supreme Court sits in Ottawa.') WHERE text LIKE 'Supreme%')
  = 'Supreme Court of Canada';
SELECT 'a bill and its number are a law',
  (SELECT type FROM article_entities('The province passed Bill 21 in June.') WHERE text = 'Bill 21') = 'LAW';
SELECT 'a dotted acronym counts each letter of the initials',
  (SELECT group_concat(DISTINCT canonical) FROM article_entities(
     'The U.S. Department of Energy said so. The USDE did not comment further.') WHERE text = 'USDE')
  = 'U.S. Department of Energy';
SELECT 'an organisation word after a place closes one name',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Shares rose on the Varnia Exchange after the news.', '{"types":["ORG","GPE"]}'))
  = 'Varnia Exchange:ORG';
SELECT 'an appositive head noun may take a participle after it',
  (SELECT type FROM article_entities('Quorvex, a drugmaker based in Ohio, began trials.') WHERE text = 'Quorvex') = 'ORG';
