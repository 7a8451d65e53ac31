"""The rules that decide what a phrase naming a source is, as one ordered table (`RULES`): each
rule has a name, reads the phrase (`Phrase`) and answers a `Source` or passes; the first answer
wins. tests/test_source_rules.py holds sentences for each rule by its name."""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.analysis import claim_words as W
from reader.analysis import lexicon
from reader.analysis.name_cues import ROLE_NOUNS
from reader.analysis.role_descriptions import described_person, one_described
from reader.analysis.source_phrase_reading import Phrase, Rule
from reader.analysis.source_types import Source


def no_words(p: Phrase) -> Source | None:
    if p.words:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", p.text) and p.sources.text[p.end : p.end + 1] == "%":
        return Source("public", p.text + "%")  # "47% say": a share of those polled
    return Source("none", None)


def a_day(p: Phrase) -> Source | None:
    if all(w.strip(".,") in lexicon.MONTHS_DAYS for w in p.text.split()):
        return Source("none", None)  # '"…," X said Sunday': a day names no one
    return None


def pronoun(p: Phrase) -> Source | None:
    if len(p.words) == 1 and p.words[0] in W.SUBJECT_PRONOUNS:
        return p.sources.pronoun(p.words[0], p.start)
    return p.sources.it_source(p.start) if p.words == ["it"] else None


def the_same_again(p: Phrase) -> Source | None:
    last = p.sources.last_claim
    if W.ELLIPTIC.match(p.lower) and last is not None and last.source in ("public", "anonymous"):
        return Source(last.source, p.text)  # "Others agreed", after "some fans said"
    return None


def name_ends_head(p: Phrase) -> Source | None:
    if p.named and p.named[-1].end >= p.head_end - 2 and p.named[-1].start < p.head_end:
        return Source("named", p.named[-1].text)  # "Royal commentator Gillian Shaw"
    return None


def a_share(p: Phrase) -> Source | None:
    if (W.QUANTITY.search(p.head) or W.QUANTIFIED.match(p.lower)) and not any(m.start < p.head_end for m in p.named):
        return Source("public", p.text)  # "Seventy-four percent of Democratic voters", "52% of Trump backers"
    return None


def someone_present(p: Phrase) -> Source | None:
    if _SOMEONE_PRESENT.fullmatch(p.lower):
        return Source("public", p.text)  # "Then someone asked": an unnamed member of the public
    return None


def unnamed_circle(p: Phrase) -> Source | None:
    circle = any(map(_UNNAMED_CIRCLE.fullmatch, (p.head.strip(), p.lower)))
    if W.IN_THE_KNOW.match(p.lower) or _CLOSE_TO.match(p.lower) or circle:
        # "people familiar with the talks", "those close to him", "one of Mr. Obama's climate
        # advisers", "advisers to Mr. Obama": unnamed, whoever they work for
        return Source("anonymous", p.text)
    return None


def titled_name(p: Phrase) -> Source | None:
    """A person named right after the role that heads the phrase: "Liberal Democrat spokeswoman
    for women Jane Doe" (hers), not "a spokesman for Jane Doe" (who speaks for her)."""
    if not p.named or p.last not in lexicon.OFFICIAL_NOUNS | ROLE_NOUNS | _SPOKES:
        return None
    if p.named[-1].end < p.start + len(p.sources.text[p.start : p.end].rstrip(" ,:;")) - 1:
        return None  # the name does not end the phrase
    before = p.sources.text[max(p.start, p.named[-1].start - 20) : p.named[-1].start].split()
    word = before[-1] if before else ""
    described = word in ROLE_NOUNS | lexicon.OFFICIAL_NOUNS | lexicon.PERSON_NOUNS  # "for candidate Ana Ruiz": hers
    if word.islower() and word not in lexicon.FUNCTION_WORDS | _LISTING and not described and not p.owner_named():
        return Source("named", p.named[-1].text)
    return None


def spokesperson_of_body(p: Phrase) -> Source | None:
    """An unnamed spokesperson of a body speaks for it on record: "A Treasury spokesperson",
    "An Ajax spokesman", "a police spokeswoman", "a spokeswoman for the ministry", "a spokesman
    for Ruiz" (named, no person, no body); "a spokesman" alone stays anonymous."""
    if p.last not in _SPOKES:
        return None
    head = p.text.split()[: len(p.head.split())]
    if head and head[0].lower() in ("a", "an", "the"):
        head = head[1:]
    body = [w.strip(",.") for w in head[:-1] if w[:1].isupper() or w.lower() in _ALL_BODIES]
    if body:
        return Source("named", p.text, organisation=" ".join(body))
    tail = _FOR_BODY.match(p.lower, len(p.head))
    if tail is None:
        return None
    target = p.text[tail.start(1) :].split()
    is_body = bool(target) and (target[-1].lower() in _ALL_BODIES or (target[-1][:1].isupper() and not p.named))
    return Source("named", p.text, organisation=_without_article(" ".join(target)) if is_body else None)


def anonymous_word(p: Phrase) -> Source | None:
    if not p.head_words & lexicon.ANONYMOUS_NOUNS or (p.named and p.head_words <= {"one", "person"}):
        return None
    # "Rep. Elijah Cummings" (or the "Rep" a title's dot left of it): a congressman, not a rep
    title = _TITLE_REP.search(p.sources.text, p.start, p.end + 4)
    if title is None:
        return Source("anonymous", p.text)
    mentions, starts = p.sources.mentions, p.sources.starts
    after = bisect_left(starts, title.end() - 1)
    if after < len(mentions) and mentions[after].start < title.end() + 2:
        return Source("named", mentions[after].text)  # the congressman named after it
    return Source("named", p.text)


def own_words(p: Phrase) -> Source | None:
    """Someone's own post, tweet or letter is that person's word ("her post said", "Ruiz's
    tweet"); without an owner it is a document ("the post said": `outlet_or_document`)."""
    if p.last not in _OWN_WORDS:
        return None
    if p.words[0] in ("his", "her", "their") and len(p.words) <= 3:
        return p.sources.pronoun({"his": "he", "her": "she", "their": "they"}[p.words[0]], p.start)
    if p.owner_named() and p.named[-1].end >= p.head_end - len(p.last) - 4:
        return Source("named", p.named[-1].text)
    return None


def outlet_or_document(p: Phrase) -> Source | None:
    if (
        (W.OUTLET_RE.search(p.text) and not W.PEOPLE_WHO.match(p.text))
        or p.head_words & lexicon.PUBLICATION_NOUNS
        or re.search(r"\.(?:com|net|org|co\.uk)\b", p.lower)
    ) and (not p.named or (p.owner_named() and p.last in lexicon.PUBLICATION_NOUNS)):
        return Source("publication", p.text)  # "a new poll", "Ivana Trump's brief said": the document
    if _BODY_NAME.fullmatch(p.text) and p.text.split()[-1] in lexicon.OUTLET_WORDS and not p.named:
        return Source("publication", p.text)  # "The Charlotte Observer found": an outlet, not observers
    return None


def public_group(p: Phrase) -> Source | None:
    if p.head_words & lexicon.PUBLIC_NOUNS or W.ELLIPTIC.match(p.lower):
        return Source("public", p.text)
    return None


def official_of_named(p: Phrase) -> Source | None:
    if p.named and p.named[-1].end < p.head_end - 2 and p.last in lexicon.OFFICIAL_NOUNS:
        return Source("anonymous", p.text)  # "A senior Obama administration official"
    return None


def someone_named(p: Phrase) -> Source | None:
    if p.named and p.last in _ALL_BODIES:
        return Source("named", p.text, organisation=_without_article(p.text))  # "The Ruiz campaign": a body
    if p.named and not p.owner_named():
        return Source("named", p.named[-1].text)  # not "Vargas’ question": the question is the head
    return None


def outlet_word(p: Phrase) -> Source | None:
    parts = re.split(r"[\s-]+", p.text)  # "the Sun-Times"
    if any(w in lexicon.OUTLET_WORDS for w in parts[1:]) and any(w[:1].isupper() for w in parts):
        return Source("publication", p.text)
    return None


def institution(p: Phrase) -> Source | None:
    if (
        p.words[0] in ("the", "a", "an", "his", "her", "their", "its")
        and p.head_words & (lexicon.INSTITUTION_NOUNS | _BODY_NOUNS)
        and p.last not in lexicon.OFFICIAL_NOUNS  # "a senior administration official"
    ):
        return Source("named", p.text, organisation=_without_article(p.text))  # "the White House", "his campaign"
    return None


def role_described(p: Phrase) -> Source | None:
    words = p.words
    role = [w for w in words if w in ROLE_NOUNS or w in _NATIONALS] or _AGES.findall(p.lower)  # "the 36-year-old"
    if not role:
        return None
    if (
        (words[0] == "the" or (words[0] in ("his", "her", "their") and role[-1] not in W.KIN_NOUNS))
        and len(words) <= 4
        and not re.search(r"['’]s\b", p.lower)
    ):  # not "his wife": someone else than the one named before
        qualifiers = [w.strip(".,'’") for w in p.text.split()[1:] if w[:1].isupper()]  # "The Florida senator"
        qualifiers = [q for q in qualifiers if q.lower() not in _NATIONALS]  # "The Irishman": the word is the role
        person = described_person(p.sources, p.start, role[-1], qualifiers)
        if person or p.sources.last_person(p.start) is not None:
            # "the governor said": its words, and whom when the article makes it plain
            return Source("named", p.text, person)
    if words[0] in ("his", "her", "their") and len(words) <= 3 and role[-1] in W.KIN_NOUNS:
        return Source("named", p.text)  # "His wife said": someone the article identifies, not by name
    return None


def pronoun_in_phrase(p: Phrase) -> Source | None:
    pronouns = [  # not a leading "her" that is a determiner: "Her strategists" are not she
        w
        for i, w in enumerate(p.words)
        if w in ("he", "she", "him", "her", "they", "them") and not (w == "her" and i == 0 and len(p.words) > 1)
    ]
    if pronouns and len(p.words) <= 5:
        return p.sources.pronoun({"him": "he", "her": "she", "them": "they"}.get(pronouns[0], pronouns[0]), p.start)
    return None


def described_one(p: Phrase) -> Source | None:
    return one_described(p.sources, p.start, p.text, p.head)


def party_group(p: Phrase) -> Source | None:
    if _PARTY_GROUP.fullmatch(p.head.strip()):
        return Source("public", p.text)  # "Democratic leaders", "some Republican lawmakers": a party as a group
    return None


def officials_somewhere(p: Phrase) -> Source | None:
    head_proper = [w for w in p.sources.text[p.start : p.end].split()[: len(p.head.split())] if w[:1].isupper()][1:]
    if p.head_words & lexicon.OFFICIAL_NOUNS and len(p.head.split()) <= 6 and not head_proper:
        return Source("anonymous", p.text)  # "former officials in the FBI": unnamed, wherever they work
    return None


def proper_words(p: Phrase) -> Source | None:
    aides = p.last in lexicon.OFFICIAL_NOUNS
    proper = [
        w
        for w in p.text.split()
        if w[:1].isupper()
        and not (aides and w.endswith(("'s", "’s")))  # not "Ruiz's advisers": unnamed aides of someone named
        and w.lower().strip(".,") not in lexicon.common_words()
        and w.strip(".,") not in lexicon.MONTHS_DAYS  # "During their phone call Tuesday": no one
    ]
    if proper and p.words[0] not in lexicon.FUNCTION_WORDS:
        return Source("named", p.text, organisation=_body_or_none(p.text))
    described = W.DESCRIBED_NAME.fullmatch(p.text)
    if described and described.group(1) in proper:
        return Source("named", described.group(1))  # "an angry Hollande", "a defiant Ruiz"
    return None


def known_name_word(p: Phrase) -> Source | None:
    text = p.text
    if (
        len(p.words) == 1
        and text[:1].isupper()
        and not text.isupper()
        and (text in lexicon.surnames() or text in lexicon.first_names())
    ):
        return Source("named", text)  # "Trump said": a surname that is also a word
    return None


def capitalised_name(p: Phrase) -> Source | None:
    words = p.words
    if (
        2 <= len(words) <= 5
        and all(w[:1].isupper() for w in p.text.split())
        and not p.text.isupper()
        and words[0] not in lexicon.FUNCTION_WORDS | lexicon.PUBLIC_NOUNS
        and not W.QUANTIFIED.match(p.lower)
        and words[-1] not in W.MEMBERS | lexicon.OFFICIAL_NOUNS | lexicon.PUBLIC_NOUNS
    ):
        return Source("named", p.text, organisation=_body_or_none(p.text))  # "Playing Field Promotions"
    return None


def officials(p: Phrase) -> Source | None:
    if p.head_words & lexicon.OFFICIAL_NOUNS and len(p.head.split()) <= 6:
        return Source("anonymous", p.text)  # "Officials", "the judge", "Republican strategists"
    return None


def quantity(p: Phrase) -> Source | None:
    if W.QUANTITY.search(p.lower) or W.QUANTIFIED.match(p.lower):
        return Source("public", p.text)  # "46 percent of voters", "most", "nine in 10 Democrats"
    return None


def plural_people(p: Phrase) -> Source | None:
    if len(p.words) <= 6 and re.fullmatch(r"[a-z]+[^s]s", p.last) and p.last in lexicon.common_words():
        return Source("public", p.text)  # "Mourners", "proponents of more controls", "Democrats"
    return None


def someone_described(p: Phrase) -> Source | None:
    """Someone described, not named: "A major civil rights group says" (a body, named as such),
    "a local shopkeeper says" (a member of the public), "the landlord says" (unnamed)."""
    words = p.words
    if not (
        words[0] in ("the", "a", "an", "another", "one")
        and 2 <= len(words) <= 6
        and words[-1] not in lexicon.FUNCTION_WORDS
    ):
        return None
    if p.head_words & (lexicon.INSTITUTION_NOUNS | W.GROUP_BODIES | _BODY_NOUNS):
        return Source("named", p.text, organisation=_without_article(p.text))
    if words[0] == "the" and _BODY_NAME.fullmatch(p.text) and words[-1] not in W.MEMBERS | lexicon.PUBLIC_NOUNS:
        # "the White House", "the I.R.S.", "the Labor Department", "The Tories"
        return Source("named", p.text, organisation=_without_article(p.text))
    if words[0] == "one":
        return Source("public", p.text)  # "one ticket holder", "one protest organizer"
    if p.last in _ABSTRACT or _ABSTRACT_END.search(p.last):
        return Source("none", None)  # "The change in approach": no one
    if words[0] in ("a", "an", "another"):
        return Source("public", p.text)  # "a local shopkeeper", "a teacher": a member of the public
    return Source("anonymous", p.text)


# The table: the first rule that answers decides (docs/analysis.md, "Source", says why each).
RULES: tuple[tuple[str, Rule], ...] = (
    ("no words", no_words),
    ("a day", a_day),
    ("pronoun", pronoun),
    ("the same again", the_same_again),
    ("name ends the head", name_ends_head),
    ("a share", a_share),
    ("someone present", someone_present),
    ("unnamed circle", unnamed_circle),
    ("titled name", titled_name),
    ("spokesperson of a body", spokesperson_of_body),
    ("anonymous word", anonymous_word),
    ("own words", own_words),
    ("outlet or document", outlet_or_document),
    ("public group", public_group),
    ("official of someone named", official_of_named),
    ("someone named", someone_named),
    ("outlet word", outlet_word),
    ("institution", institution),
    ("role described", role_described),
    ("pronoun in phrase", pronoun_in_phrase),
    ("one described", described_one),
    ("party group", party_group),
    ("officials somewhere", officials_somewhere),
    ("proper words", proper_words),
    ("known name word", known_name_word),
    ("capitalised name", capitalised_name),
    ("officials", officials),
    ("quantity", quantity),
    ("plural people", plural_people),
    ("someone described", someone_described),
)


def _without_article(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)


def _body_or_none(text: str) -> str | None:
    """A capitalised name that is a body's, not a person's: it starts with "the", or ends with a
    word no person's name ends with ("Holdings", "Labs") or a body's ("Union")."""
    words = [w.strip(".,") for w in text.split()]
    if not words:
        return None
    if words[0].lower() in ("the", "a", "an"):
        return _without_article(text)
    if words[-1] in lexicon.NON_PERSON_HEADS or words[-1].lower() in _ALL_BODIES:
        return text
    return None  # "Ruiz": an unknown person as likely as a body


_PARTY_GROUP = re.compile(
    r"(?:(?:some|many|most|other|several|top|senior|fellow|the)\s+)*(?:democratic|republican|gop|labour|labor|"
    r"conservative|tory|liberal|green|progressive)\s+(?:party\s+)?(?:leaders|lawmakers|legislators|senators|"
    r"politicians|candidates|congressmen|mps|members)"
)
_CLOSE_TO = re.compile(r"(?:those|people|someone|somebody|friends|sources|insiders)\s+(?:close|closest)\s+to\b")
# An unnamed circle around someone: partitive and possessive before, adjectives between, the
# head last; the words after "to", "of", "for" (split off into the phrase's tail) name the boss.
_UNNAMED_CIRCLE = re.compile(
    r"(?:(?:one|some|two|three|four|several|many|most|a few|a couple) of\s+)?(?:the\s+|his\s+|her\s+|their\s+)?"
    r"(?:[a-z.]+\s+){0,3}?(?:[a-z.\-]+['’]s?\s+)?(?:[a-z\-]+\s+){0,2}"
    r"(?:advisers|advisors|aides|allies|operatives|staffers|confidants|loyalists|surrogates|insiders)"
)
# Someone present, no more said of them: a member of the public (not "someone close to him").
_SOMEONE_PRESENT = re.compile(
    r"(?:then\s+)?(?:someone|somebody|a man|a woman)(?:\s+(?:in|at|from)\s+the\s+(?:crowd|audience|room|hall|back))?"
)
_TITLE_REP = re.compile(r"\bRep\.\s+[A-Z]")
# "the" and a name in capitals: a body on record ("the White House", "the I.R.S.", "The BPI").
_BODY_NAME = re.compile(r"[Tt]he(?:\s+(?:[A-Z][\w'’&.-]*|of|and|for))+")
_SPOKES = frozenset("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople".split())
_FOR_BODY = re.compile(r"\s*(?:for|of|at)\s+(\S.*)")
_LISTING = frozenset("including like such especially notably namely among".split())
# Bodies that speak on record as themselves, beyond lexicon.INSTITUTION_NOUNS ("the insurer said").
_BODY_NOUNS = frozenset(
    """insurer bank lender retailer supermarket carrier operator manufacturer carmaker chain
    watchdog trust society academy institute exchange bureau service charity project programme program
    initiative panel district""".split()
)
_OWN_WORDS = frozenset("post posts tweet tweets message messages email emails letter letters".split())
_ALL_BODIES = lexicon.INSTITUTION_NOUNS | _BODY_NOUNS | W.GROUP_BODIES
_NATIONALS = frozenset(
    """irishman irishwoman frenchman frenchwoman englishman englishwoman scotsman scotswoman
    welshman welshwoman dutchman dutchwoman""".split()
)
_AGES = re.compile(r"\b\d+-year-old\b")
# Heads that name a thing, not someone: "The change in approach from Clinton is likely …", "The
# film drew criticism from reviewers"
_ABSTRACT = frozenset(
    """change approach move idea plan shift decision issue question way thing film movie book album song
    show series play novel episode event ceremony season match deal bill law""".split()
)
_ABSTRACT_END = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism)$")
