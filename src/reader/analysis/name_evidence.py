"""Evidence for and against a person name that `names.py` weighs: role words before a name
("Foreign Minister Ana Ruiz"), nationalities and languages ("German", "Christian"), places
(a world gazetteer, "in X", "X, Texas"), what only people do ("X, who", "X died", "X and his
wife"), and the same words across the whole document (a word only ever seen as a place is a
place everywhere in it).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable

from reader.analysis import lexicon

# Offices, ranks and trades written before a name with a capital ("Home Secretary Suella
# Braverman", "Editorial Manager Chet Clem", "Mathematician Hermann Weyl").
ROLE_WORDS = frozenset(
    """
president vice minister secretary premier chancellor senator congressman congresswoman governor mayor
ambassador commissioner chairman chairwoman chair director manager editor executive ceo cfo coo cto
founder co-founder head chief leader spokesman spokeswoman spokesperson general major colonel captain
lieutenant sergeant admiral marshal commander officer inspector detective constable sheriff judge justice
attorney prosecutor lawyer counsel professor emeritus dr doctor lecturer researcher scientist
mathematician physicist chemist biologist economist historian philosopher linguist psychologist
archaeologist astronomer engineer architect artist author writer poet novelist journalist reporter
columnist correspondent photographer actor actress singer songwriter musician composer conductor
director producer designer player striker midfielder defender goalkeeper coach manager pitcher
quarterback champion candidate nominee mp mep councillor councilor assemblyman assemblywoman
delegate representative rep deputy undersecretary treasurer comptroller auditor registrar dean
provost rector principal pastor reverend bishop archbishop cardinal pope rabbi imam sheikh monk
nun abbot saint st king queen prince princess emperor empress duke duchess earl baron baroness
lord lady dame sir mr mrs ms miss mx madam mademoiselle mlle monsieur herr frau señor senor
madame mme student activist scientologist analyst expert economist official aide adviser advisor
shadow interim acting former late speaker
""".split()
)

# Nationalities, languages, peoples and faiths: capitalised but not names of people.
DEMONYMS = frozenset(
    """
American Americans African Africans Asian Asians European Europeans British Briton Britons English
Scottish Scots Welsh Irish French German Germans Dutch Spanish Portuguese Italian Italians Greek Greeks
Russian Russians Ukrainian Ukrainians Polish Czech Slovak Hungarian Romanian Bulgarian Serbian
Croatian Bosnian Albanian Turkish Turks Kurdish Kurds Armenian Armenians Georgian Azerbaijani Iranian
Iranians Persian Iraqi Iraqis Syrian Syrians Lebanese Israeli Israelis Palestinian Palestinians
Jordanian Egyptian Egyptians Saudi Saudis Emirati Qatari Kuwaiti Yemeni Omani Moroccan Algerian
Tunisian Libyan Sudanese Ethiopian Somali Kenyan Kenyans Ugandan Tanzanian Rwandan Nigerian Nigerians
Ghanaian Senegalese Malian Cameroonian Congolese Angolan Zambian Zimbabwean Mozambican South-African
Chinese Japanese Korean Koreans Taiwanese Mongolian Vietnamese Thai Cambodian Laotian Burmese
Malaysian Indonesian Indonesians Filipino Filipinos Singaporean Indian Indians Pakistani Pakistanis
Afghan Afghans Bangladeshi Nepalese Nepali Sri Tibetan Uzbek Kazakh Australian Australians Canadian
Canadians Mexican Mexicans Cuban Cubans Haitian Jamaican Brazilian Brazilians Argentine Argentinian
Chilean Peruvian Colombian Venezuelan Bolivian Ecuadorian Uruguayan Paraguayan Icelandic Norwegian
Swedish Swede Swedes Danish Dane Danes Finnish Finn Finns Estonian Latvian Lithuanian Belarusian
Austrian Swiss Belgian Luxembourgish Maltese Cypriot Catalan Basque Galician Scandinavian Nordic
Latino Latina Latinos Hispanic Hispanics Arab Arabs Arabic Hebrew Yiddish Latin Sanskrit Hindi Urdu
Bengali Punjabi Tamil Swahili Mandarin Cantonese Maori Maya Mayan Aztec Inca Native Roman Romans
Byzantine Ottoman Soviet Victorian Edwardian Celtic Anglo Norse Viking Vikings Zulu Berber Bedouin
Christian Christians Catholic Catholics Protestant Protestants Orthodox Anglican Lutheran Methodist
Baptist Presbyterian Evangelical Mormon Mormons Muslim Muslims Islamic Islam Sunni Shia Shiite Jewish
Jew Jews Judaism Hindu Hindus Buddhist Buddhists Sikh Sikhs Christianity Buddhism Hinduism Atheist
Pagan Scientologist Scientologists Scientology Republican Republicans Democrat Democrats Democratic
Conservative Conservatives Liberal Liberals Labour Tory Tories Socialist Communist Marxist Nazi Nazis
Western Eastern Northern Southern Midwestern Spaniard Spaniards Frenchman Frenchwoman Englishman
Englishwoman Dutchman Dutchwoman Irishman Irishwoman Scotsman Scotswoman Welshman Welshwoman Yorker
Yorkers Londoner Londoners Parisian Parisians Muscovite Muscovites Pole Poles Czechs Slovaks Serb Serbs
Croat Croats Slovene Slovenes Bosnians Magyar Dane Finn Brit Brits Aussie Aussies Kiwi Kiwis Islamist
Islamists
""".split()
)

# After a capitalised word, what only a person (or people) does or has.
_HUMAN_AFTER = re.compile(
    r"\A(?:['’]s\s+(?:wife|husband|son|daughter|mother|father|brother|sister|death|birth|funeral|widow"
    r"|parents|children|family|career|life)\b"
    r"|,?\s+who\b|\s+et\s+al\b|,\s*(?:19|20|18)\d\d[a-z]?\s*[;)]"
    r"|,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:woman|man|boy|girl|teenager|mother|father|wife|husband|son|"
    r"daughter|widow|actor|actress|singer|student|artist|writer|lawyer|doctor|member|resident|citizen|"
    r"national|native|spokesman|spokeswoman|spokesperson|official|founder|politician|journalist)\b"
    r"|\s+(?:is|was|became|remains)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:woman|man|boy|girl|actor|actress|singer|"
    r"songwriter|writer|poet|novelist|painter|sculptor|composer|musician|politician|dictator|statesman|"
    r"lawyer|physician|scientist|mathematician|physicist|chemist|professor|teacher|journalist|philosopher|"
    r"historian|economist|engineer|architect|athlete|footballer|boxer|businessman|businesswoman|"
    r"entrepreneur|activist|priest|bishop|monk|nun|author|comedian|chef|designer)\b"
    r"|\s+(?:himself|herself)\b"
    r"|\s+and\s+(?:his|her)\s+(?:wife|husband|family|son|daughter|mother|father|brother|sister|friend|partner)\b"
    r"|\s+(?:also\s+|later\s+|then\s+|eventually\s+|had\s+)?(?:died|dies|married|marries|divorced|forgave"
    r"|refused|resigned|retired|graduated|studied|taught|apologi[sz]ed|testified|pleaded|prayed|wept|smiled"
    r"|laughed|recovered|decided|hoped|wanted|believed|learned|learnt|spoke|wrote|thought|felt|remembered"
    r"|was\s+born|is\s+survived|was\s+survived|grew\s+up|was\s+educated|was\s+elected|was\s+arrested"
    r"|was\s+sentenced|was\s+appointed|was\s+named\s+as|was\s+ordained)\b)"
)

# A phrase led by one of these is a place ("Lake Erie", "Fort Lee", "Mount Kenya").
PLACE_LEADS = frozenset(
    "Lake Mount Mt Fort Port Cape Isle Gulf Lac Rio Sierra Monte Pointe Anse Bahia Lago Wadi "
    "Jebel Ras Tel Kafr Ain Bir Nahal".split()
)

# Nouns a nationality, people or place name modifies ("the Moriori language", "Cuban cuisine").
_MODIFIED_NOUN = re.compile(
    r"\A\s+(?:language|languages|people|peoples|culture|cultures|cuisine|dialect|dialects|descent|heritage|tribe|"
    r"tribes|population|community|communities|ancestry|diaspora|territory|region|province|coast|coastline|waters|"
    r"border|mainland|countryside|peninsula|government|authorities|forces|troops|army|navy|embassy|consulate|"
    r"citizens|nationals|residents|dynasty|empire|architecture|literature|folklore|cooking|wine|wines|"
    r"city|town|village|island|islands|capital|district|county|valley|harbour|harbor|airport|"
    r"station|church|mosque|temple|cathedral|university|college|school|museum|hotel|restaurant|"
    r"proper|area|suburbs?|neighbo(?:u)?rhood|downtown|metro|municipality|"
    r"militias?|rebels|guerrillas?|agency|daily|newspaper|weekly|news\s+agency|radio|television|"
    r"shares|stock|stocks|shareholders|stake)\b"
)
_PLACE_IS = re.compile(
    r"\A\s+(?:is|was|remains|became)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:city|town|village|island|country|nation|state|province|region|capital|port|"
    r"municipality|suburb|borough|district|county|resort|settlement|archipelago|peninsula|"
    r"republic|kingdom|territory|metropolis|destination|neighbo(?:u)?rhood)\b"
)

# The word right before a phrase (read by `word_before`, not by a pattern tried at every
# character of the text before it).
_WEAK_LOCATIVE = frozenset("from to toward towards of".split())
_LOCATIVE_BEFORE = frozenset(
    "in at near across throughout outside inside around into visit visited visiting via downtown "
    "north south east west northern southern eastern western".split()
)
_PLACE_AFTER = re.compile(r"\A,\s+([A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)?)")
_DETERMINER_BEFORE = frozenset(
    "a an his her their its our my your these those every each any no many several other another".split()
)


def is_role(word: str) -> bool:
    """ "Minister", "Major-General", "Vice-President"."""
    return all(part.rstrip(".") in ROLE_WORDS for part in word.lower().split("-"))


DIRECTIONS = frozenset(
    "North South East West Northeast Northwest Southeast Southwest Central Upper Lower Greater Inner Outer".split()
)


def is_demonym(word: str) -> bool:
    """ "German", "Thais", "French-born"."""
    return (
        word in DEMONYMS
        or (word.endswith("s") and word[:-1] in DEMONYMS)
        or (word.endswith("-born") and word[:-5] in DEMONYMS)
    )


@functools.lru_cache(maxsize=1 << 14)
def made_from_a_place(word: str) -> bool:
    """A nationality or people made from a known place: "Namibian", "Canadian", "Brazilian",
    "Italian", "Parisian" (unless it is a first name or surname). Looser than `is_demonym` (a
    surname may end like one: "Raman"), so only read where a nationality leads a phrase."""
    if not word.endswith("n") or len(word) < 5 or word in lexicon.first_names() or word in lexicon.surnames():
        return False
    stems = [word[:-1]]  # Namibia-n, Kenya-n
    if word.endswith("ian"):
        stems += [word[:-3], word[:-3] + "a", word[:-3] + "y"]  # Brazil-ian, Canad-ian, Ital-ian
    return any(is_place(stem) for stem in stems)


def is_place(phrase: str) -> bool:
    return phrase in lexicon.gazetteer()


_NUMBER = r"\d+(?:\.\d+)?"
_SCORERS = r"(?:\s*\([^()]*\))?"
_SIDE = r"[^\W\d_][^\d()]*?"
# "Borussia Dortmund 3 (Riedle 12th) Freiburg 1", "Essendon 14.16 (100) Sydney 12.10 (82)".
_FROM = r"(?:\s*\([^()\d]*\))?"  # "AEK Larnaca (Cyprus) 5 Kotaik Abovyan (Armenia) 0"
_SCORE_LINE = re.compile(
    rf"\s*(?:{_SIDE}){_FROM}\s+{_NUMBER}{_SCORERS}\s+{_SIDE}{_FROM}\s+{_NUMBER}{_SCORERS}[.\s]*(?:\(\d+-\d+\))?[.\s]*"
)
_INNINGS_AFTER = re.compile(r"\s+\d{2,3}(?:-(?:\d|10)\b|\s+(?:all\s+out|and\s+\d))")  # "Kent 323-5 declared"
_STANDINGS_AFTER = re.compile(rf"(?:[ \t]+-?{_NUMBER}){{5,}}[ \t]*(?:-|$)")  # "VfB Stuttgart 3 3 0 0 10 1 9"


def a_team_in_a_table(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """The phrase at text[start:end], in the line text[lo:hi], is a side in a results line ("Team
    3 Other Team 1") or a row of a league table (five figures and more after it), not a player
    inside brackets. Only a short line is read whole (a paragraph is no results line)."""
    if text[end + 1 : end + 2].isdigit() and (
        _STANDINGS_AFTER.match(text, end, hi) or _INNINGS_AFTER.match(text, end, hi)
    ):
        return True
    if hi - lo > _LONGEST_RESULTS_LINE or not _SCORE_LINE.fullmatch(text, lo, hi):
        return False
    return text.count("(", lo, start) == text.count(")", lo, start)  # scorers are in brackets


_LONGEST_RESULTS_LINE = 300


# A player in a scorecard: a goal's minute after the name inside brackets ("(Caveglia 23rd,
# Giuly 30th)"), a bowler's figures ("Salisbury 14-0-71-0"), a catch or a bowler before it
# ("c Stewart b Mullally 61").
_GOAL_MINUTE_AFTER = re.compile(r"\s+\d{1,3}(?:st|nd|rd|th)\b")
_BOWLING_AFTER = re.compile(r"\s+\d+(?:\.\d)?-\d+-\d+-\d+\b")
_FIELDING_BEFORE = frozenset({"c", "b", "st", "lbw"})
_FIELDING_ENDS = frozenset({"c ", "b ", "t ", "w "})


_CASE_AFTER = re.compile(r"\s+(?:v\.|versus)\s+[A-Z]")


_CASE_BEFORE = re.compile(r"\b(?:[Ee]x parte|[Ii]n re)\s+\Z")  # "ex parte Jimmy Dean Watkins", "In re Gault"


def a_party_to_a_case(text: str, end: int, hi: int, before: str) -> bool:
    """The phrase ending at text[end] (in a segment ending at `hi`; `before` is the text before
    the phrase) is a party to a court case: "Wade v. Jacobs", "Biden versus Nebraska" ("v." with
    its dot or "versus": a fixture list's bare "v" and a draw's "vs." set sides and players apart),
    or named after "ex parte" or "in re"."""
    if text[end + 1 : end + 2] == "v" and _CASE_AFTER.match(text, end, hi):  # (most phrases stop at the letter)
        return True
    return before.endswith((" v. ", " versus ")) or _CASE_BEFORE.search(before) is not None


def a_player_in_a_scorecard(before: str, after: str, in_brackets: bool) -> bool:
    if after[1:2].isdigit() and (_BOWLING_AFTER.match(after) or (in_brackets and _GOAL_MINUTE_AFTER.match(after))):
        return True
    # (the last two characters first: nearly every phrase is ruled out without reading a word)
    return before[-2:] in _FIELDING_ENDS and word_before(before) in _FIELDING_BEFORE  # "1st " is no "st"


def a_demonym(phrase: str) -> bool:
    """ "Costa Rican", "Puerto Rican", "South African": of a place named in two words or more."""
    return is_place(phrase[:-1]) or is_place(phrase[:-2] + "o")


def saint_place(phrase: str) -> bool:
    """ "St Louis", "Saint Helens", "St. Pauli": the words after a saint's title make a place."""
    return any(is_place(f"{title} {phrase}") for title in ("St", "St.", "Saint", "Ste", "Sainte"))


def human_after(after: str) -> bool:
    """The words after a capitalised phrase say it is a person ("X, who", "X died")."""
    return bool(_HUMAN_AFTER.match(after))


def locative_before(before: str, phrase: str = "") -> bool:
    """The words before a phrase place it ("in X", "near X"; "from X" when X is a known place;
    "the village of X", "the central province of X")."""
    word = word_before(before)
    if word == "of" and _PLACE_NOUN_OF.search(before):
        return True
    return word in _LOCATIVE_BEFORE or (word in _WEAK_LOCATIVE and is_place(phrase))


def place_noun_of(before: str) -> bool:
    """ "the village of X", "the central province of X": X is the place."""
    return word_before(before) == "of" and bool(_PLACE_NOUN_OF.search(before))


_PLACE_NOUN_OF = re.compile(
    r"\b(?:village|town|city|province|state|region|district|settlement|suburb|county|island|port|municipality|"
    r"neighbou?rhood|enclave|hamlet|republic|kingdom|emirate|borough|parish|prefecture|commune|township)s?\s+of\s+\Z"
)


_PLACE_BEFORE = re.compile(r"(?:([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?),\s+|\b[A-Z][a-z]+\s+of\s+)\Z")


def place_before(before: str, ends_phrase: bool) -> bool:
    """ "Earl of Clare", "Siege of Savannah": a capitalised noun and "of" before; "Exeter, Devon.":
    a known place and a comma before a word that ends the phrase (`ends_phrase`)."""
    match = _PLACE_BEFORE.search(before)
    if not match:
        return False
    return match.group(1) is None or (ends_phrase and is_place(match.group(1)))


def determiner_before(before: str) -> bool:
    """ "a Christian family", "his English": a name does not follow an article or possessive."""
    return word_before(before) in _DETERMINER_BEFORE


def place_after(after: str) -> bool:
    """ "Irving, Texas", "Exeter, Devon": a phrase followed by a known place after a comma; "X is
    a city"; "X proper", "the X language": what follows is said of places and peoples."""
    match = _PLACE_AFTER.match(after)
    if match and is_place(match.group(1).rstrip(".,")):
        return True
    return bool(_PLACE_IS.match(after) or _MODIFIED_NOUN.match(after))


class DocumentEvidence:
    """What the whole document says about single capitalised words: how often each is seen in a
    place's position ("in X", "X, Texas") and how often in a person's ("X, who", "X said")."""

    def __init__(self) -> None:
        self.as_place: Counter[str] = Counter()
        self.as_person: dict[str, float] = {}
        self.business_words: set[str] = set()

    def observe_business(self, words: list[str]) -> None:
        """A phrase that ends as a business's name does ("Faulding Ltd", "Lehman Brothers"): its
        other words name that business wherever the document has them on their own."""
        if len(words) >= 2 and words[-1] in lexicon.CORPORATE_HEADS:
            self.business_words.update(w for w in words[:-1] if w not in lexicon.CORPORATE_HEADS)

    def a_business(self, words: list[str]) -> bool:
        """Every word of the phrase is part of a business's name given elsewhere in the document."""
        return bool(self.business_words) and all(w in self.business_words for w in words)

    def observe(self, word: str, place: bool, person: float) -> None:
        """One occurrence of `word`: in a place's position or not, and how surely a person's (a
        speech verb after it counts half: "Cleveland continues")."""
        if place:
            self.as_place[word] += 1
        if person:
            self.as_person[word] = self.as_person.get(word, 0.0) + person

    def never_a_person(self, word: str) -> bool:
        """Seen as a place and never in a person's position: a word a name shares with a
        place ("Penon de Coron" … "flights to Coron", "life in Coron") is the place there."""
        return self.as_place[word] > 0 and not self.as_person.get(word)

    def only_a_place(self, word: str) -> bool:
        """Seen as a place, and at least twice as often as a person ("Cleveland continues")."""
        return self.as_place[word] > 0 and self.as_place[word] >= 2 * self.as_person.get(word, 0.0)


def word_before(before: str) -> str:
    """The whole word, in lower case, that `before` ends with when whitespace follows it ("in "
    gives "in"; "within " gives "within"; "in" and "(" give "")."""
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return ""
    return trailing_run(stripped, lambda c: c.isalnum() or c == "_").lower()


def trailing_run(text: str, keep: Callable[[str], bool]) -> str:
    """The run of characters `keep` accepts that `text` ends with, read back from its end (a
    pattern anchored at the end would be tried at every character before it)."""
    start = len(text)
    while start > 0 and keep(text[start - 1]):
        start -= 1
    return text[start:]


_DAY_SHORT = frozenset("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Mo Tu We Th Fr Sa Su".split())
_TIME_NEXT = re.compile(r"\s*\d{1,2}(?::\d\d|\s*(?:am|pm|a\.m\.|p\.m\.)\b)", re.IGNORECASE)
_FIRM_AFTER = re.compile(
    r"\s*(?:&|and)\s+(?:Co\b|Company\b|Sons\b|Partners\b|Associates\b|[A-Z][\w'’-]+\s+(?:Inc|Corp|LLP|LLC|Ltd)\b)"
)


def opening_hours(text: str, word: str, end: int) -> bool:
    """A day written short before a time ("Sat 08:30 am", "Sun 9 am"): opening hours, not a name."""
    return word in _DAY_SHORT and _TIME_NEXT.match(text, end) is not None


def firm_after(text: str, end: int) -> bool:
    """A firm named for its founders follows ("Robert W. Baird & Co.", "Arthur Yates and Co Ltd")."""
    return _FIRM_AFTER.match(text, end) is not None


def name_part(words: list[str], i: int) -> bool:
    """Whether words[i], an outlet's name ("Max", "Fox", "Forbes"), is a first name opening a
    longer name or a surname closing one that opens with a first name."""
    common = lexicon.common_words()
    if len(words) < 2 or any(w.lower() in common for j, w in enumerate(words) if j != i and len(w) > 2):
        return False  # not "Star Wars", "Art Deco Fox"
    if i == 0:
        return words[0] in lexicon.first_names() and words[-1] not in lexicon.OUTLETS
    return i == len(words) - 1 and words[i] in lexicon.surnames() and words[0] in lexicon.first_names()


# An employer or a firm: "an analyst at Goldman Sachs", "economists for Kleiner Perkins", "investment
# banks Merrill Lynch and SBC Warburg"; "William O'Neill of Merrill Lynch" (a name, then "of").
_EMPLOYER_BEFORE = re.compile(
    r"(?:\b(?i:analysts?|economists?|strategists?|dealers?|traders?|bankers?|brokers?|researchers?|"
    r"executives?)\s+(?:at|for|of|with)"
    r"|\b(?:banks|bankers|brokers|brokerages|insurers|firms|carriers|airlines|lenders))\s+\Z"
)
_NAME_OF = re.compile(r"(?<![\w.’'-])([A-Z][a-z]*[A-Z]?[a-z'’]+)\s+of\s+\Z")
_OFFICES_OF = frozenset(
    "Minister Secretary Director Department Ministry President Governor Chairman Head Bank University "
    "Speaker Mayor Chief Duke Earl Prince Princess King Queen Bishop Archbishop House".split()
)
_EMPLOYER_LAST = frozenset(  # the words such a context ends with: the patterns are tried only after them
    "at for of with banks bankers brokers brokerages insurers firms carriers airlines lenders".split()
)


def employer_before(before: str) -> bool:
    """The words before a phrase make it an employer or a firm, not a person."""
    if word_before(before) not in _EMPLOYER_LAST:
        return False  # most phrases: no pattern tried
    if _EMPLOYER_BEFORE.search(before):
        return True
    named = _NAME_OF.search(before)
    return named is not None and named.group(1) not in _OFFICES_OF and named.group(1) not in lexicon.MONTHS_DAYS
