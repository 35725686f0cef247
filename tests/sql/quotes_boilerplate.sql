-- Lines around an article's quotes that are not its text: a label and a
-- web address alone on a line is a link (ext/boilerplate.c, "$url"
-- patterns of ext/data/boilerplate.tsv); prose that ends in an address is
-- still prose.
SELECT 'link line: label and address dropped',
  (SELECT group_concat(text, '|') FROM article_sentences('The Rangers host Ottawa on Friday.

Hockey scores: https://example.com/hub/hockey')) = 'The Rangers host Ottawa on Friday.';
SELECT 'link line: address alone dropped',
  (SELECT count(*) FROM article_sentences('Officials said the vote would be held in May.

www.example.org/elections')) = 1;
SELECT 'link line: prose ending in an address kept',
  (SELECT count(*) FROM article_sentences('The council said on Monday, after a long debate, that its full findings were posted at https://example.org/findings.

Officials said the vote would be held in May.')) = 2;
SELECT 'link line: a quote beside it keeps its speaker',
  (SELECT speaker FROM article_quotes('“We were ready,” coach Dana Ruiz said.

Team page: https://example.com/team/ruiz')) = 'Dana Ruiz';
