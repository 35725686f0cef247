#!/usr/bin/python3
"""make_acronyms.py -- write ext/data/acronyms.tsv.

Acronyms of well-known organisations and places, with their type and what
they stand for.  The entity tagger uses them as a feature ("CIA" is an ORG
before any context says so) and the consistency pass uses the expansion to
link "AP" to "Associated Press" when the article spells it out.

Keys are exact case, as written: "WHO" is the World Health Organization but
"who" is a pronoun, and "US" is a country while "us" is not.  Forms with and
without periods are separate keys ("UN", "U.N.").

Sources:
  * the hand-written list below (the project's own);
  * ../shared/data/gmb/gmb.train.conll (ODbL): all-capital tokens that GMB
    tags ORG at least MIN_GMB times and at least 80% of the times it tags them
    at all; the expansion is taken from a "Full Name ( ACR )" pattern in the
    corpus when the full name's initials spell the acronym, else left empty.

Regenerate:  /usr/bin/python3 ext/tools/make_acronyms.py
"""
import collections
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazlib  # noqa: E402
from gazlib import TableWriter  # noqa: E402

MIN_GMB = 4

# acronym -> (type, expansion).  Several forms of one name each get a line.
ACRONYMS = {
    # countries and places
    "US": ("GPE", "United States"), "U.S.": ("GPE", "United States"),
    "USA": ("GPE", "United States"), "U.S.A.": ("GPE", "United States"),
    "UK": ("GPE", "United Kingdom"), "U.K.": ("GPE", "United Kingdom"),
    "UAE": ("GPE", "United Arab Emirates"), "U.A.E.": ("GPE", "United Arab Emirates"),
    "USSR": ("GPE", "Soviet Union"), "U.S.S.R.": ("GPE", "Soviet Union"),
    "DRC": ("GPE", "Democratic Republic of the Congo"), "PRC": ("GPE", "China"),
    "DPRK": ("GPE", "North Korea"), "ROK": ("GPE", "South Korea"),
    "KSA": ("GPE", "Saudi Arabia"), "D.C.": ("GPE", "Washington, D.C."),
    "DC": ("GPE", "Washington, D.C."), "NYC": ("GPE", "New York City"),
    "L.A.": ("GPE", "Los Angeles"), "LA": ("GPE", "Los Angeles"),
    # exchanges and indexes that news names like organisations
    "Nasdaq": ("ORG", "Nasdaq"), "NASDAQ": ("ORG", "Nasdaq"),
    "NYSE": ("ORG", "New York Stock Exchange"), "FTSE": ("ORG", "FTSE"),
    # one-word names of organisations that news writes without "the …"
    # ("Hamas", "the Pentagon"); the tagger's training data (GMB) labels
    # several of them inconsistently
    "Hamas": ("ORG", "Hamas"), "Hezbollah": ("ORG", "Hezbollah"),
    "Taliban": ("ORG", "Taliban"), "Likud": ("ORG", "Likud"),
    "Labour": ("ORG", "Labour"), "Bundeswehr": ("ORG", "Bundeswehr"),
    "Kremlin": ("ORG", "Kremlin"), "Pentagon": ("ORG", "Pentagon"),
    "Interpol": ("ORG", "Interpol"), "Europol": ("ORG", "Europol"),
    # legislatures named by one word ("Congress gave you the money")
    "Congress": ("ORG", "Congress"), "Senate": ("ORG", "Senate"),
    "Parliament": ("ORG", "Parliament"), "Knesset": ("ORG", "Knesset"),
    "Bundestag": ("ORG", "Bundestag"), "House": ("ORG", "House"),
    # international bodies
    "UN": ("ORG", "United Nations"), "U.N.": ("ORG", "United Nations"),
    "UNSC": ("ORG", "United Nations Security Council"),
    "NATO": ("ORG", "North Atlantic Treaty Organization"), "Nato": ("ORG", "North Atlantic Treaty Organization"),
    "EU": ("ORG", "European Union"), "E.U.": ("ORG", "European Union"),
    "EC": ("ORG", "European Commission"), "ECB": ("ORG", "European Central Bank"),
    "AU": ("ORG", "African Union"), "A.U.": ("ORG", "African Union"),
    "OAS": ("ORG", "Organization of American States"),
    "ASEAN": ("ORG", "Association of Southeast Asian Nations"),
    "APEC": ("ORG", "Asia-Pacific Economic Cooperation"),
    "OPEC": ("ORG", "Organization of the Petroleum Exporting Countries"),
    "OECD": ("ORG", "Organisation for Economic Co-operation and Development"),
    "OSCE": ("ORG", "Organization for Security and Co-operation in Europe"),
    "GCC": ("ORG", "Gulf Cooperation Council"), "ECOWAS": ("ORG", "Economic Community of West African States"),
    "SADC": ("ORG", "Southern African Development Community"),
    "CIS": ("ORG", "Commonwealth of Independent States"),
    "SCO": ("ORG", "Shanghai Cooperation Organisation"), "BRICS": ("ORG", "BRICS"),
    "G7": ("ORG", "Group of Seven"), "G-7": ("ORG", "Group of Seven"),
    "G8": ("ORG", "Group of Eight"), "G-8": ("ORG", "Group of Eight"),
    "G20": ("ORG", "Group of 20"), "G-20": ("ORG", "Group of 20"),
    "WHO": ("ORG", "World Health Organization"), "IAEA": ("ORG", "International Atomic Energy Agency"),
    "IMF": ("ORG", "International Monetary Fund"), "WTO": ("ORG", "World Trade Organization"),
    "WFP": ("ORG", "World Food Programme"), "FAO": ("ORG", "Food and Agriculture Organization"),
    "ILO": ("ORG", "International Labour Organization"), "UNICEF": ("ORG", "UNICEF"),
    "UNHCR": ("ORG", "United Nations High Commissioner for Refugees"),
    "UNESCO": ("ORG", "UNESCO"), "UNDP": ("ORG", "United Nations Development Programme"),
    "UNRWA": ("ORG", "United Nations Relief and Works Agency"),
    "OCHA": ("ORG", "Office for the Coordination of Humanitarian Affairs"),
    "IPCC": ("ORG", "Intergovernmental Panel on Climate Change"),
    "WMO": ("ORG", "World Meteorological Organization"),
    "ICC": ("ORG", "International Criminal Court"), "ICJ": ("ORG", "International Court of Justice"),
    "ICRC": ("ORG", "International Committee of the Red Cross"),
    "IOC": ("ORG", "International Olympic Committee"), "FIFA": ("ORG", "FIFA"),
    "UEFA": ("ORG", "UEFA"), "MSF": ("ORG", "Doctors Without Borders"),
    "HRW": ("ORG", "Human Rights Watch"), "WWF": ("ORG", "World Wide Fund for Nature"),
    "ISAF": ("ORG", "International Security Assistance Force"),
    # US government
    "CIA": ("ORG", "Central Intelligence Agency"), "FBI": ("ORG", "Federal Bureau of Investigation"),
    "NSA": ("ORG", "National Security Agency"), "NSC": ("ORG", "National Security Council"),
    "DHS": ("ORG", "Department of Homeland Security"), "DOJ": ("ORG", "Justice Department"),
    "DOD": ("ORG", "Defense Department"), "DoD": ("ORG", "Defense Department"),
    "DOE": ("ORG", "Energy Department"), "EPA": ("ORG", "Environmental Protection Agency"),
    "FDA": ("ORG", "Food and Drug Administration"), "CDC": ("ORG", "Centers for Disease Control and Prevention"),
    "NIH": ("ORG", "National Institutes of Health"), "NASA": ("ORG", "NASA"),
    "FEMA": ("ORG", "Federal Emergency Management Agency"), "IRS": ("ORG", "Internal Revenue Service"),
    "SEC": ("ORG", "Securities and Exchange Commission"), "FTC": ("ORG", "Federal Trade Commission"),
    "FCC": ("ORG", "Federal Communications Commission"), "FAA": ("ORG", "Federal Aviation Administration"),
    "NTSB": ("ORG", "National Transportation Safety Board"), "DEA": ("ORG", "Drug Enforcement Administration"),
    "ATF": ("ORG", "Bureau of Alcohol, Tobacco, Firearms and Explosives"),
    "ICE": ("ORG", "Immigration and Customs Enforcement"), "CBP": ("ORG", "Customs and Border Protection"),
    "TSA": ("ORG", "Transportation Security Administration"), "USAID": ("ORG", "U.S. Agency for International Development"),
    "NOAA": ("ORG", "National Oceanic and Atmospheric Administration"),
    "NRC": ("ORG", "Nuclear Regulatory Commission"), "GAO": ("ORG", "Government Accountability Office"),
    "CBO": ("ORG", "Congressional Budget Office"), "OMB": ("ORG", "Office of Management and Budget"),
    "USPS": ("ORG", "U.S. Postal Service"), "NYPD": ("ORG", "New York Police Department"),
    "LAPD": ("ORG", "Los Angeles Police Department"), "GOP": ("ORG", "Republican Party"),
    "DNC": ("ORG", "Democratic National Committee"), "RNC": ("ORG", "Republican National Committee"),
    "ACLU": ("ORG", "American Civil Liberties Union"),
    "NAACP": ("ORG", "National Association for the Advancement of Colored People"),
    "NRA": ("ORG", "National Rifle Association"), "AARP": ("ORG", "AARP"), "AFL-CIO": ("ORG", "AFL-CIO"),
    # other governments, forces and agencies
    "MI5": ("ORG", "MI5"), "MI6": ("ORG", "MI6"), "GCHQ": ("ORG", "GCHQ"), "NHS": ("ORG", "National Health Service"),
    "MoD": ("ORG", "Ministry of Defence"), "KGB": ("ORG", "KGB"), "FSB": ("ORG", "Federal Security Service"),
    "GRU": ("ORG", "GRU"), "IDF": ("ORG", "Israel Defense Forces"),
    "IRGC": ("ORG", "Islamic Revolutionary Guard Corps"), "ISI": ("ORG", "Inter-Services Intelligence"),
    "PA": ("ORG", "Palestinian Authority"), "PLO": ("ORG", "Palestine Liberation Organization"),
    # parties and armed groups
    "ANC": ("ORG", "African National Congress"), "BJP": ("ORG", "Bharatiya Janata Party"),
    "PPP": ("ORG", "Pakistan Peoples Party"), "PML-N": ("ORG", "Pakistan Muslim League-Nawaz"),
    "AKP": ("ORG", "Justice and Development Party"), "CDU": ("ORG", "Christian Democratic Union"),
    "SPD": ("ORG", "Social Democratic Party"), "LDP": ("ORG", "Liberal Democratic Party"),
    "KMT": ("ORG", "Kuomintang"), "DPP": ("ORG", "Democratic Progressive Party"),
    "CCP": ("ORG", "Chinese Communist Party"), "SNP": ("ORG", "Scottish National Party"),
    "UKIP": ("ORG", "UK Independence Party"), "DUP": ("ORG", "Democratic Unionist Party"),
    "NLD": ("ORG", "National League for Democracy"), "MDC": ("ORG", "Movement for Democratic Change"),
    "ZANU-PF": ("ORG", "ZANU-PF"), "MQM": ("ORG", "Muttahida Qaumi Movement"),
    "PKK": ("ORG", "Kurdistan Workers' Party"), "FARC": ("ORG", "Revolutionary Armed Forces of Colombia"),
    "ELN": ("ORG", "National Liberation Army"), "ETA": ("ORG", "ETA"), "IRA": ("ORG", "Irish Republican Army"),
    "LTTE": ("ORG", "Liberation Tigers of Tamil Eelam"), "KLA": ("ORG", "Kosovo Liberation Army"),
    "SPLA": ("ORG", "Sudan People's Liberation Army"), "SPLM": ("ORG", "Sudan People's Liberation Movement"),
    "LRA": ("ORG", "Lord's Resistance Army"), "RSF": ("ORG", "Rapid Support Forces"),
    "ISIS": ("ORG", "Islamic State"), "ISIL": ("ORG", "Islamic State"),
    "AQAP": ("ORG", "al-Qaida in the Arabian Peninsula"), "AQIM": ("ORG", "al-Qaida in the Islamic Maghreb"),
    "TTP": ("ORG", "Tehrik-e-Taliban Pakistan"), "HTS": ("ORG", "Hayat Tahrir al-Sham"),
    "SDF": ("ORG", "Syrian Democratic Forces"), "YPG": ("ORG", "People's Protection Units"),
    "MILF": ("ORG", "Moro Islamic Liberation Front"), "PFLP": ("ORG", "Popular Front for the Liberation of Palestine"),
    # news agencies and broadcasters
    "AP": ("ORG", "Associated Press"), "AFP": ("ORG", "Agence France-Presse"),
    "UPI": ("ORG", "United Press International"), "VOA": ("ORG", "Voice of America"),
    "BBC": ("ORG", "BBC"), "CNN": ("ORG", "CNN"), "NPR": ("ORG", "NPR"), "PBS": ("ORG", "PBS"),
    "ABC": ("ORG", "ABC"), "CBS": ("ORG", "CBS"), "NBC": ("ORG", "NBC"), "MSNBC": ("ORG", "MSNBC"),
    "CNBC": ("ORG", "CNBC"), "RFE/RL": ("ORG", "Radio Free Europe/Radio Liberty"),
    "IRNA": ("ORG", "Islamic Republic News Agency"), "KCNA": ("ORG", "Korean Central News Agency"),
    "SANA": ("ORG", "Syrian Arab News Agency"), "ISNA": ("ORG", "Iranian Students News Agency"),
    "WAFA": ("ORG", "WAFA"), "MENA": ("ORG", "Middle East News Agency"),
    # companies and leagues
    "IBM": ("ORG", "IBM"), "GM": ("ORG", "General Motors"), "GE": ("ORG", "General Electric"),
    "AT&T": ("ORG", "AT&T"), "BP": ("ORG", "BP"), "HSBC": ("ORG", "HSBC"), "UBS": ("ORG", "UBS"),
    "BMW": ("ORG", "BMW"), "VW": ("ORG", "Volkswagen"), "AIG": ("ORG", "American International Group"),
    "KFC": ("ORG", "KFC"), "TSMC": ("ORG", "Taiwan Semiconductor Manufacturing Co."),
    "HP": ("ORG", "HP"), "AMD": ("ORG", "AMD"), "SpaceX": ("ORG", "SpaceX"),
    "NBA": ("ORG", "National Basketball Association"), "NFL": ("ORG", "National Football League"),
    "MLB": ("ORG", "Major League Baseball"), "NHL": ("ORG", "National Hockey League"),
    "NCAA": ("ORG", "National Collegiate Athletic Association"), "ATP": ("ORG", "ATP"), "WTA": ("ORG", "WTA"),
    # laws and treaties
    "NAFTA": ("LAW", "North American Free Trade Agreement"), "CAFTA": ("LAW", "Central American Free Trade Agreement"),
    "NPT": ("LAW", "Nuclear Non-Proliferation Treaty"),
}

# All-capital words GMB tags ORG that are not organisation acronyms.
GMB_NOT_ORG = {"AIDS", "HIV", "TV", "FM", "GDP", "II", "III", "CARE", "USS", "POP", "SARS",
               "H5N1", "DNA", "OK", "AM", "PM", "UTC", "GMT", "CEO", "U.S", "HIPC"}


def initials_match(acronym, expansion):
    letters = re.sub(r"[^A-Z]", "", acronym)
    initials = "".join(w[0] for w in expansion.split() if w[:1].isupper())
    return len(letters) >= 2 and initials == letters


def gmb_acronyms():
    tagged = collections.Counter()
    as_org = collections.Counter()
    expansions = collections.Counter()
    for sentence in gazlib.gmb_sentences():
        for word, tag in sentence:
            letters = word.replace(".", "").replace("-", "").replace("&", "")
            if len(letters) >= 2 and letters.isalpha() and letters.isupper() and tag != "O":
                tagged[word] += 1
                if tag.endswith("ORG"):
                    as_org[word] += 1
        i = 0
        while i < len(sentence):
            if sentence[i][1].startswith("B-"):
                kind = sentence[i][1][2:]
                j = i + 1
                while j < len(sentence) and sentence[j][1] == "I-" + kind:
                    j += 1
                if j + 2 < len(sentence) and sentence[j][0] == "(" and sentence[j + 2][0] == ")":
                    full = " ".join(w for w, _ in sentence[i:j]).replace(" 's", "'s")
                    if initials_match(sentence[j + 1][0], full):
                        expansions[(sentence[j + 1][0], full)] += 1
                i = j
            else:
                i += 1
    best = {}
    for (acronym, full), n in sorted(expansions.items(), key=lambda x: (-x[1], x[0])):
        best.setdefault(acronym, full)
    found = {}
    for word, n in as_org.items():
        if n >= MIN_GMB and n >= 0.8 * tagged[word] and word not in GMB_NOT_ORG:
            found[word] = best.get(word, "")
    return found


def main():
    t = TableWriter("acronyms", "acronyms of organisations and places, with type and expansion")
    t.note("Key: EXACT case as written (WHO the organisation, not who); forms with and "
           "without periods are separate keys (UN, U.N.).  Look the token up as written.",
           "Value: OntoNotes type (ORG, GPE, LAW).  Extra: what it stands for (the canonical "
           "name; empty when unknown); for a few the acronym itself is the usual name (BBC).",
           "Sources: the project's own list;",
           "  " + gazlib.GMB_LICENCE + ": all-capital words tagged ORG >= %d times and 80%% "
           "of their tags (value ORG), the expansion from a 'Full Name ( ACR )' pattern "
           "whose initials spell the acronym." % MIN_GMB)
    for acronym, (kind, expansion) in ACRONYMS.items():
        t.add(acronym, kind, expansion)
    for acronym, expansion in sorted(gmb_acronyms().items()):
        t.add(acronym, "ORG", expansion)
    t.write()


if __name__ == "__main__":
    main()
