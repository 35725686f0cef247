-- SQL tests for value mentions (ext/values.c): gaps seen in blind batches.
-- Basketball scores and lopsided votes with three digits a side, amounts
-- after a name ("fined Vexon 1.2 billion euros"), ranges of amounts, clock
-- times before "local time", ranges of clock times, vague counts at the
-- start of a sentence, approximators of percentages, and ages after a name
-- that opens its sentence.  Conventions follow tests/eval's annotations
-- ("11:52 p.m." without "local time"; "above 30%" but "100 pounds" without
-- "above").  Sentences written for these tests; every row must read `name|1`.
--
-- Each case lists every value mention of its sentence, in order, as
-- text:TYPE, with =value when there is one (numbers printed with %.6g).

CREATE TEMP TABLE value_gap(name TEXT, doc TEXT, want TEXT);
INSERT INTO value_gap VALUES
-- scores and votes after a name: the winner's number first
  ('score three digits', 'The Bulls beat the Utah Jazz 118-112 on Friday.', '118-112:CARDINAL|Friday:DATE'),
  ('score three and two digits', 'Denver edged the Hornets 102-99 in overtime.', '102-99:CARDINAL'),
  ('vote three digits', 'The bill passed the Senate 341-86 after midnight.', '341-86:CARDINAL|midnight:TIME'),
  ('model number is no score', 'The airline flies the Boeing 737-800 to Lagos.', NULL),
  ('model number, variant below', 'The Boeing 777-200 and the Boeing 787-9 were grounded.', NULL),
  ('score two digits still', 'Leeds beat Fulham 3-1 at home.', '3-1:CARDINAL'),
-- a scale word after a name's number: an amount, not part of the name
  ('amount after a company name', 'Regulators fined Vexon 1.2 billion euros in 2023.', '1.2 billion euros:MONEY=1.2e+09|2023:DATE'),
  ('number in a name still', 'Searchers never found Flight 370 in the ocean.', NULL),
-- money and quantity ranges with the unit after each number, or a scale after the second
  ('between amounts with currency words', 'Travellers can claim between 250 euros and 600 euros each.', 'between 250 euros and 600 euros:MONEY'),
  ('between lengths', 'The cracks run between 10 km and 15 km.', 'between 10 km and 15 km:QUANTITY'),
  ('between with a scale', 'Repairs will cost between 5 and 8 million dollars.', 'between 5 and 8 million dollars:MONEY'),
  ('to range with a currency word', 'Tickets cost 250 to 600 euros each.', '250 to 600 euros:MONEY'),
  ('to range of a count with a scale', 'Some 2 to 3 million people fled.', 'Some 2 to 3 million:CARDINAL'),
  ('a change stays two', 'Sales fell from 250 to 200 euros.', '250:CARDINAL=250|200 euros:MONEY=200'),
-- "local time" shows a clock time but stays out of the span
  ('local time left out', 'The rocket lifted off at 10:05 p.m. local time on Monday.', '10:05 p.m.:TIME|Monday:DATE'),
  ('four digits with local time', 'The ceasefire starts at 0600 local time.', '0600:TIME'),
  ('local time after a time word', 'The torch arrived shortly before midday local time.', 'midday:TIME'),
  ('zone after a time word kept', 'The market opens at noon ET.', 'noon ET:TIME'),
  ('zone kept', 'Trading resumes at 9 a.m. GMT.', '9 a.m. GMT:TIME'),
-- a range of clock times is one span, as a range of dates is
  ('clock range with to', 'The shelter stays open from 7 p.m. to 6 a.m. all winter.', '7 p.m. to 6 a.m.:TIME'),
  ('clock range with a dash', 'Officers patrol 10 p.m.-4 a.m. on weekends.', '10 p.m.-4 a.m.:TIME'),
  ('clock range with between', 'Voting runs between 8 a.m. and 8 p.m. on Sunday.', 'between 8 a.m. and 8 p.m.:TIME|Sunday:DATE'),
  ('two clock times, no range', 'Polls open at 7 a.m. and close at 9 p.m.', '7 a.m.:TIME|9 p.m.:TIME'),
  ('clock then a percent', 'Shares rose from 4 p.m. to 11 percent.', '4 p.m.:TIME|11 percent:PERCENT=11'),
-- vague counts: no value, at a sentence start too
  ('tens of thousands first', 'Tens of thousands of nurses went on strike.', 'Tens of thousands:CARDINAL'),
  ('hundreds of thousands after a sentence', 'The river burst. Hundreds of thousands fled the city.', 'Hundreds of thousands:CARDINAL'),
-- approximators of a percentage
  ('above a percent', 'Inflation has stayed above 25% since June.', 'above 25%:PERCENT=25|June:DATE'),
  ('below a percent', 'Turnout fell below 40 percent in the north.', 'below 40 percent:PERCENT=40'),
  ('well below a percent', 'Growth stayed well below 2% last year.', 'well below 2%:PERCENT=2|last year:DATE'),
  ('over a percent', 'Support rose to over 60 percent.', 'over 60 percent:PERCENT=60'),
  ('above money left out', 'The price must stay above 90 pounds a tonne.', '90 pounds:MONEY=90'),
  ('above degrees left out', 'Highs will stay above 35 degrees until Friday.', '35 degrees:QUANTITY=35|Friday:DATE'),
-- an age after a name that opens the sentence
  ('age after a first surname', 'Okonkwo, 71, retired in May.', '71:DATE|May:DATE'),
  ('no age after a common word', 'Overall, 12, not 20, were hurt.', '12:CARDINAL=12|20:CARDINAL=20');

SELECT name,
  (SELECT group_concat(text || ':' || type ||
                       coalesce('=' || CASE typeof(value) WHEN 'real' THEN printf('%.6g', value) ELSE value END, ''), '|')
   FROM article_entities(doc, '{"types":["DATE","TIME","PERCENT","MONEY","QUANTITY","ORDINAL","CARDINAL"]}'))
  IS want
FROM value_gap;
