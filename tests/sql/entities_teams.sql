-- Teams and companies: names the tagger and the gazetteers take for places or
-- people ("Leeds", "Aviana") that the words around them make organisations
-- (ext/data/org_context.tsv).  Every query returns name|1.
SELECT 'a city-named side that beat another by a score is a team, and so is the loser',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Fans cheered as Leeds beat Norwich 2-0 at home.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Leeds:ORG|Norwich:ORG';
SELECT 'a sports job between a city and a person makes the city a team',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Sheffield coach Dana Kerr said the players were tired.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Sheffield:ORG|Dana Kerr:PERSON';
SELECT 'the side a score was against is a team',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('The visitors lost 3-2 to Burnley in the rain.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Burnley:ORG';
SELECT 'a team found by its context is the team everywhere, even a common word opening a sentence',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Arsenal will travel next. Police said Arsenal won 4-1 at Everton.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Arsenal:ORG|Arsenal:ORG|Everton:ORG';
SELECT 'countries in a score stay places (national teams go by them)',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Brazil beat Chile 2-1 in Santiago.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Brazil:GPE|Chile:GPE|Santiago:GPE';
SELECT 'players with given names stay people when they beat each other',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Lena Ortiz beat Maria Vance 6-3 in the final.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Lena Ortiz:PERSON|Maria Vance:PERSON';
SELECT 'a company noun before a name makes it a company, even a given name',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Italian budget carrier Aviana said fares would rise.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Aviana:ORG';
SELECT 'a job before a person''s name is no company cue',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Police said bomb maker Omar bin Rashid was dead.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Omar bin Rashid:PERSON';
SELECT 'shares of a company that shares a city''s name',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Shares of Toyota fell while Nvidia’s shares rose.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Toyota:ORG|Nvidia:ORG';
SELECT 'an unknown word before ", which" mid-sentence is a company',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Both firms compete with Korea’s Daewan, which makes radios.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Korea:GPE|Daewan:ORG';
SELECT 'a weekday after a company noun is a date',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('The carrier Tuesday said it bought 30 jets.'))
  = 'Tuesday:DATE|30:CARDINAL';
SELECT 'an unknown one-word name listed with "and" beside a company is a company',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('The deal between Google and Corvanta was signed.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'Google:ORG|Corvanta:ORG';
SELECT 'a comma alone is no list: a speaker after an organisation stays a person',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Speaking to the BBC, Okonta said talks had failed.', '{"types":["PERSON","ORG","GPE"]}'))
  = 'BBC:ORG|Okonta:PERSON';
SELECT 'a listed acronym links by its initials only to what it stands for ("AP" is no "Agency Partners")',
  (SELECT group_concat(canonical, '|') FROM article_entities('PARIS (AP) — Shares fell, said Ida Moss, an analyst at Agency Partners.', '{"types":["ORG"]}'))
  = 'AP|Agency Partners';
SELECT 'a listed acronym still links to its own name spelled a little differently',
  (SELECT group_concat(canonical, '|') FROM article_entities('The Organization of Petroleum Exporting Countries met. OPEC said output would rise.', '{"types":["ORG"]}'))
  = 'Organization of Petroleum Exporting Countries|Organization of Petroleum Exporting Countries';
SELECT 'in a match report a city''s name is its club, except where it is a place',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Leeds coach Ann Roe praised her side after Leeds beat Hull 2-0. Leeds will host Derby next week, then fly to Paris.', '{"types":["ORG","GPE"]}'))
  = 'Leeds:ORG|Leeds:ORG|Hull:ORG|Leeds:ORG|Derby:ORG|Paris:GPE';
SELECT 'two city names with only a space between are one club in a match report',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Leeds coach Ann Roe was pleased. Leeds beat Hull 2-0 and trail leaders Bayern Munich.', '{"types":["ORG","GPE"]}'))
  = 'Leeds:ORG|Leeds:ORG|Hull:ORG|Bayern Munich:ORG';
SELECT 'outside a match report a city stays a place',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities('Officials said Derby will host the summit.', '{"types":["ORG","GPE"]}'))
  = 'Derby:GPE';
