-- SQL tests for products told by the words before them (ext/entities.c,
-- ext/data/product_cues.tsv): a new drug's or gadget's name reads like a
-- town or a firm to the tagger.  Every row must read `name|1`.
-- Sentences written for these tests.

SELECT 'a product noun after "the" before the name',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Regulators approved the drug Veltrana on Monday for adults with obesity.', '{"types":["PRODUCT","GPE","ORG"]}'))
  = 'Veltrana:PRODUCT';
SELECT 'an appositive product noun followed by a participle',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Doctors prescribed Corvexa, a weight-loss drug made by Harlan Pharma, to thousands.', '{"types":["PRODUCT","GPE","ORG"]}'))
  = 'Corvexa:PRODUCT|Harlan Pharma:ORG';
SELECT 'a maker''s possessive before the name',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'The drugmaker''s Lunessa brought in $2 billion last year, the company said.', '{"types":["PRODUCT","GPE","ORG"]}'))
  = 'Lunessa:PRODUCT';
SELECT 'sold as: the name is the product, and so is the same name later in a business story',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Shares of Brevant rose. Chipmaker Ostrava gained. The pill, which will be sold as Maravela, was approved. '
     || 'An analyst said Maravela could reach $5 billion in sales.', '{"types":["PRODUCT"]}'))
  = 'Maravela:PRODUCT|Maravela:PRODUCT';
SELECT 'an owner word and a product noun after: even a town''s name is the product''s',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'It is expected to show a new version of its Nova assistant.', '{"types":["PRODUCT","GPE","ORG"]}'))
  = 'Nova:PRODUCT';
SELECT 'a product noun only the owner cue adds, after "the"',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Shares rose after the company launched the Trellic app in March.', '{"types":["PRODUCT","GPE","ORG"]}'))
  = 'Trellic:PRODUCT';
SELECT 'an acronym after an owner word stays the body it names',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Two workers were hurt when their UNICEF vehicle was hit.', '{"types":["PRODUCT","ORG"]}'))
  = 'UNICEF:ORG';
SELECT 'a common word before a name is no cue',
  (SELECT group_concat(text || ':' || type, '|') FROM article_entities(
     'Officials said Marlow would host the talks, known as the Marlow Process.', '{"types":["PRODUCT"]}'))
  IS NULL;
