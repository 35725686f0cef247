-- SQL tests for value mentions (ext/values.c) in the cases our annotated
-- articles showed wrong or missing: ages, rates, scores and votes, money in
-- named currencies, fiscal periods, ranges and approximators, decades and
-- eras.  Conventions: OntoNotes as spaCy's English models learned it, and
-- as tests/eval annotates it where the two differ (rates such as "a day"
-- after an amount are not DATEs there).  Every row must read `name|1`.
-- Sentences written for these tests.
--
-- Each case lists every value mention of its sentence, in order, as
-- text:TYPE, with =value when there is one (numbers printed with %.6g).

CREATE TEMP TABLE value_case(name TEXT, doc TEXT, want TEXT);
INSERT INTO value_case VALUES
-- ages (OntoNotes: DATE), the range one span
  ('age range after aged', 'The participants were aged 40 to 79 when they joined.', '40 to 79:DATE'),
  ('age range of children', 'Children aged 12 to 15 took part in the trial.', '12 to 15:DATE'),
  ('age range with between', 'Adults aged between 18 and 65 were asked.', 'between 18 and 65:DATE'),
  ('age range after ages', 'Children ages 5 to 11 can get the vaccine.', '5 to 11:DATE'),
  ('single age after aged', 'A man aged 40 was arrested on Monday.', '40:DATE|Monday:DATE'),
  ('age range with years old', 'Pupils 12 to 15 years old were tested.', '12 to 15 years old:DATE'),
-- rates: "a day" after an amount is no DATE; durations and "a year earlier" still are
  ('minutes a day', 'Adults who walked for at least 20 minutes a day did better.', 'at least 20 minutes:TIME'),
  ('steps a day', 'Those who took about 9,500 steps a day had the lowest risk.', 'about 9,500:CARDINAL=9500'),
  ('minutes of activity a week', 'Adults need at least 150 minutes of moderate activity a week.', 'at least 150 minutes:TIME'),
  ('hours of sleep a night', 'Teenagers need eight to 10 hours of sleep a night.', 'eight to 10 hours:TIME'),
  ('three times a week', 'She trains three times a week.', 'three:CARDINAL=3'),
  ('twice a year', 'The board meets twice a year.', NULL),
  ('money a day', 'Workers there earn $5 a day.', '$5:MONEY=5'),
  ('money a share', 'Profit was $1.69 a share.', '$1.69:MONEY=1.69'),
  ('cars per year', 'The plant makes 500 cars per year.', '500:CARDINAL=500'),
  ('for a week is a DATE', 'Volunteers wore trackers for a week in 2014.', 'a week:DATE|2014:DATE'),
  ('a week after is a DATE', 'The hearing came a week after the report.', 'a week:DATE'),
  ('a year earlier is a DATE', 'Sales rose 4% from a year earlier.', '4%:PERCENT=4|a year earlier:DATE'),
  ('less than a day is a DATE', 'The river rose in less than a day.', 'less than a day:DATE'),
  ('annual alone', 'The annual report came out.', NULL),
  ('annually alone', 'The tax would raise about £2.3 billion annually.', 'about £2.3 billion:MONEY=2.3e+09'),
  ('daily alone', 'The store opens daily at 9 a.m.', '9 a.m.:TIME'),
  ('weekly alone', 'Subscribe to our weekly newsletter.', NULL),
  ('today is a DATE', 'Prices are higher today than last year.', 'today:DATE|last year:DATE'),
  ('each year is a DATE', 'The festival draws 5,000 visitors each year.', '5,000:CARDINAL=5000|each year:DATE'),
-- scores and votes: one CARDINAL, no value
  ('score after a club', 'Bayer Leverkusen beat Borussia Dortmund 2-1 on Wednesday.', '2-1:CARDINAL|Wednesday:DATE'),
  ('score after won', 'United won 3-0 at home.', '3-0:CARDINAL'),
  ('score at the end', 'Arsenal beat Chelsea 3-0.', '3-0:CARDINAL'),
  ('vote count', 'The Senate voted 52-48 to confirm her.', '52-48:CARDINAL'),
  ('score with en dash', 'Leeds won 2–1 at Elland Road.', '2–1:CARDINAL'),
-- money in named currencies; value = the number
  ('euros with a scale', 'The deal is worth 500 million euros.', '500 million euros:MONEY=5e+08'),
  ('yen with a scale', 'Toyota will invest 10 billion yen in the plant.', '10 billion yen:MONEY=1e+10'),
  ('crowns with a scale', 'It made 4.1 billion crowns a year earlier.', '4.1 billion crowns:MONEY=4.1e+09|a year earlier:DATE'),
  ('pounds with m', 'The scheme costs £5m.', '£5m:MONEY=5e+06'),
  ('pence glued', 'Fuel duty will rise by 5p a litre.', '5p:MONEY=5'),
  ('pence with decimals', 'Petrol cost 136.4p on Monday.', '136.4p:MONEY=136.4|Monday:DATE'),
  ('rupees in crore', 'The state set aside Rs 200 crore for roads.', 'Rs 200 crore:MONEY=2e+09'),
  ('dollars with bn', 'The bid values it at $1.2bn.', '$1.2bn:MONEY=1.2e+09'),
  ('money per head', 'Farmers get up to $28,000 per herd.', 'up to $28,000:MONEY=28000'),
-- fiscal periods
  ('next financial year', 'Debt will reach £118 billion in the next financial year.', '£118 billion:MONEY=1.18e+11|the next financial year:DATE'),
  ('the fiscal year and its year', 'Sales fell in the fiscal year 2025.', 'the fiscal year 2025:DATE'),
  ('fiscal and a year', 'Sales fell in fiscal 2024.', 'fiscal 2024:DATE'),
  ('last fiscal year', 'Exports grew 8% last fiscal year.', '8%:PERCENT=8|last fiscal year:DATE'),
  ('the third quarter', 'Profit rose in the third quarter.', 'the third quarter:DATE'),
  ('quarter code', 'Profit rose 12% in Q3.', '12%:PERCENT=12|Q3:DATE'),
  ('quarter code and year', 'Revenue fell in Q4 2023.', 'Q4 2023:DATE'),
  ('first half with money', 'Profit rose to $40 million in the first half.', '$40 million:MONEY=4e+07|the first half:DATE'),
  ('first half of a year', 'Profit rose in the first half of 2024.', 'the first half of 2024:DATE'),
  ('second half of a century', 'It grew in the second half of the 19th century.', 'the second half of the 19th century:DATE'),
  ('first half of a match', 'Reyna was hurt in the first half.', 'first:ORDINAL=1'),
-- ranges and approximators
  ('between and', 'Between 10 and 15 people died.', 'Between 10 and 15:CARDINAL'),
  ('up to percent', 'Prices could rise up to 30%.', 'up to 30%:PERCENT=30'),
  ('one in five', 'Nearly 1 in 5 adults smoke.', 'Nearly 1 in 5:CARDINAL'),
  ('one in five words', 'About one in five adults smoke.', 'About one in five:CARDINAL'),
  ('to range of percent', 'Growth will be 2 to 3 percent.', '2 to 3 percent:PERCENT'),
-- decades and eras
  ('the 1990s', 'Prices rose in the 1990s.', 'the 1990s:DATE'),
  ('the past decade', 'Prices rose over the past decade.', 'the past decade:DATE'),
  ('the 19th century', 'The bridge was built in the 19th century.', 'the 19th century:DATE'),
  ('the mid-1990s', 'In the mid-1990s sales rose.', 'the mid-1990s:DATE'),
  ('the early 2000s', 'Sales rose in the early 2000s.', 'the early 2000s:DATE'),
  ('the late 19th century', 'It was built in the late 19th century.', 'the late 19th century:DATE'),
  ('the mid-20th century', 'It was rebuilt in the mid-20th century.', 'the mid-20th century:DATE'),
-- money and percent ranges: one span, no value; a change of value is two
  ('money range with a dash', 'It will cost $2-3 billion.', '$2-3 billion:MONEY'),
  ('money range with to', 'Bricks sell for $25 to $50 apiece.', '$25 to $50:MONEY'),
  ('money range with scales', 'It will cost $900 million to $1.2 billion.', '$900 million to $1.2 billion:MONEY'),
  ('money range with between', 'It is worth between $10 million and $20 million.', 'between $10 million and $20 million:MONEY'),
  ('money change is two', 'The wage rose from $25 to $43.', '$25:MONEY=25|$43:MONEY=43'),
  ('stock change is two', 'The stock fell $1.125 to $13.625.', '$1.125:MONEY=1.125|$13.625:MONEY=13.625'),
  ('percent range with to', 'Growth of 2% to 3% is expected.', '2% to 3%:PERCENT'),
  ('percent range with between', 'Rates of between 10% and 15% apply.', 'between 10% and 15%:PERCENT'),
  ('percent lead is two', 'Democrats lead 36% to 31%.', '36%:PERCENT=36|31%:PERCENT=31'),
  ('percent change is two', 'Unemployment dropped from 12% to 6%.', '12%:PERCENT=12|6%:PERCENT=6');

SELECT name,
  (SELECT group_concat(text || ':' || type ||
                       coalesce('=' || CASE typeof(value) WHEN 'real' THEN printf('%.6g', value) ELSE value END, ''), '|')
   FROM article_entities(doc, '{"types":["DATE","TIME","PERCENT","MONEY","QUANTITY","ORDINAL","CARDINAL"]}'))
  IS want
FROM value_case;
