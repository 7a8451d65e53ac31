"""Whether a capitalised phrase names a person (`judge`), by an ordered table of named checks
(`CHECKS`) over the phrase, its cue (a title, an age, a speech verb, what only people do) and
what the document says of its words; and what rules a phrase out wherever it stands
(`blocked`: a quoted title, a role alone, "a X", a date) or marks it as a place (`placed`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.analysis import lexicon
from reader.analysis import name_evidence as evidence
from reader.analysis.name_cues import ROLE_NOUNS
from reader.analysis.name_spans import COMPOUND_ADJECTIVE_ENDS, PARTICLES, POSSESSIVE, Group, norm, phrase_of, words_of

_NOT_PERSON_BEFORE = re.compile(
    r"\b(?:in|near|across|throughout|outside|inside|around|into|"
    r"visited|visiting|via)\s+\Z",
    re.IGNORECASE,
)


_PLACE_HEADS = frozenset(
    "Park Street Avenue Road Lane Square Place Court Bridge House Island Bay Hotel Center "
    "Centre Hall Station Tower Beach".split()
)


_NAME_PARTICLES = frozenset("van von bin ibn de da di der den".split())  # not "Costa del Sol"
_SAINT_END = re.compile(r"\b(?:St\.?|Saint|Ste\.?)\s*\Z")
_SAINT_STRIP = re.compile(r"(?:St\.?|Saint)\s*\Z")
_CAPITALISED_END = re.compile(r"[A-Z][\w'’-]+\s+\Z")
_BRACKET_NEXT = re.compile(r"\s*\(")
_A_DIGIT = re.compile(r"\d")
_CLAUSE_END_NEXT = re.compile(r"\s*(?:[.,;:)]|\Z)")


def placed(text: str, group: Group, doc: evidence.DocumentEvidence | None) -> bool:
    """The phrase stands where a place does ("in X", "X, Texas"), or, for one word, the
    document shows it only as a place."""
    key = ("placed", group.toks[0].start, group.toks[-1].end, group.saint, group.segment.start, group.segment.end)
    here = group.memo.get(key, _UNSEEN)
    if here is _UNSEEN:
        here = group.memo[key] = _placed_by_context(text, group)
    if here is not None:
        return bool(here)
    return doc is not None and len(group.toks) == 1 and doc.only_a_place(norm(group.toks[0].text))


_UNSEEN = object()


def _placed_by_context(text: str, group: Group) -> bool | None:
    """What the words around the phrase say of it (None: nothing either way)."""
    seg = group.segment
    before = text[max(seg.start, group.toks[0].start - 30) : group.toks[0].start]
    after = text[group.toks[-1].end : min(seg.end, group.toks[-1].end + 40)]
    saint = _SAINT_END.search(before)
    if group.saint or saint:  # "in St. Louis", "Clyst St. Mary"
        before = before[: saint.start()] if saint else _SAINT_STRIP.sub("", before)
        if _CAPITALISED_END.search(before) or evidence.locative_before(before):
            return True
    if after[:1] in ("'", "’") or _BRACKET_NEXT.match(after) or POSSESSIVE.search(group.toks[-1].text):
        return False  # "In Byron's memoirs", "Hill (right)": said of people
    if evidence.a_party_to_a_case(text, group.toks[-1].end, seg.end, before):
        return False  # "in Wade v. Jacobs", "in Kennedy versus Washington": a case, not a place
    if evidence.locative_before(before, phrase_of(group)) or evidence.place_after(after):
        return True
    if evidence.place_before(before, len(group.toks) == 1 and bool(_CLAUSE_END_NEXT.match(after))):
        return True  # "Exeter, Devon.", "Earl of Clare"
    return None


_FIRST_PERSON = frozenset("i i'm i'll i've i'd".split())


def _not_a_name(group: Group) -> bool:
    """A role, a nationality or an acronym on its own, a phrase led by a nationality, or one with
    figures ("US-169 South", "I-44 West", "B52 Bomber": no name has them)."""
    words = words_of(group)
    raw = group.toks[0].text
    if any(_A_DIGIT.search(tok.text) for tok in group.toks):
        return True
    if len(words) == 1:
        return (
            raw.lower().replace("’", "'") in _FIRST_PERSON  # "and I'm arguing for …"
            or raw in PARTICLES  # "Conservatoire de Paris": a particle alone names no one
            or raw.rpartition("-")[2] in COMPOUND_ADJECTIVE_ENDS  # "American-style", "Swiss-based"
            or evidence.is_role(words[0])
            or words[0].lower() in lexicon.TITLES
            or len(words[0]) == 1
            or words[0] in evidence.DIRECTIONS
            or (raw.isupper() and len(raw) > 1 and group.cue != "title")
            or (evidence.is_demonym(words[0]) and group.cue != "title")
        )
    firsts = lexicon.first_names()
    given = [0 < i < len(words) - 1 and w in firsts and words[i - 1] in firsts for i, w in enumerate(words)]
    return any(evidence.is_demonym(w) and not given[i] for i, w in enumerate(words) if i) or (
        evidence.is_demonym(words[0]) and words[0] not in firsts
    )  # a second given name may be a nationality's word: "Hans Christian Andersen"


def blocked(text: str, group: Group, known: bool = False) -> bool:
    """What rules a phrase out: a quoted title, a role or nationality alone, "a X", "#X", and,
    unless the article names that person elsewhere ("the Tom Cruise video"), "the X"."""
    before = text[max(group.segment.start, group.toks[0].start - 20) : group.toks[0].start]
    if (
        quoted_title(text, group)
        or _not_a_name(group)
        or a_work_or_award(text, group, before)
        or before.rstrip().endswith(("#", "@"))
    ):
        return True
    previous = evidence.word_before(before)
    if len(group.toks) == 1 and (
        norm(group.toks[0].text) in lexicon.DAYS  # "Trump said Sunday that": a weekday alone is a day
        or (group.toks[0].text in lexicon.MONTHS_DAYS and _a_date(text, group, previous))
    ):
        return True  # "the period ending June 30": a date, not April or June
    if len(group.toks) == 1 and evidence.opening_hours(text, group.toks[0].text, group.toks[0].end):
        return True  # "Sat 08:30 am - 06:30 pm, Sun 9 am"
    if previous in _BODY_BEFORE:
        return True  # "news agency Petra", "the daily Koha Jone", "the firm Amoco"
    if evidence.firm_after(text, group.toks[-1].end):
        return True  # "Robert W. Baird & Co.", "Arthur Yates and Co ltd": a firm named for its founders
    words = words_of(group)
    if len(words) >= 2 and words[0] in lexicon.first_names() and words[-1] in lexicon.surnames():
        return False  # "the Tom Cruise video", "a Britney Spears story"
    if not known and before.rstrip().lower().endswith("the"):
        return True  # "the Baldwins", "The Departed"
    return group.cue != "title" and evidence.determiner_before(before)  # "a Christian family"


_BODY_BEFORE = frozenset(
    "agency newspaper daily weekly magazine militia militias group firm company companies bank party club".split()
)
_DATE_LEADS = frozenset("on last next this ending since until till by from in of early late mid before after".split())
_DAY_NUMBER = re.compile(r"\s+\d{1,2}\b")


def _a_date(text: str, group: Group, previous: str) -> bool:
    """A month or day read as a date: a day's number after it, or "on", "last", "ending" … before."""
    return previous in _DATE_LEADS or bool(_DAY_NUMBER.match(text, group.toks[-1].end))


@dataclass
class Candidate:
    """A capitalised phrase being judged, read once for every check."""

    text: str
    group: Group
    doc: evidence.DocumentEvidence
    words: list[str]
    phrase: str
    lower: list[str]  # the words in lower case; an initial ("A.") is ""
    cue: str | None
    before: str  # up to 20 characters before it, in its segment

    @property
    def strong(self) -> bool:
        """A cue only people have: a title, an age, what only people do."""
        return self.cue in ("human", "age", "title")


Check = Callable[[Candidate], "bool | None"]


def _ruled_out(c: Candidate) -> bool | None:
    if blocked(c.text, c.group) or c.phrase in lexicon.OUTLETS or c.words[0] in evidence.PLACE_LEADS:
        return False
    if c.doc.a_business(c.words) and not c.strong:
        return False  # "Faulding said", where the article also names "Faulding Ltd"
    return None


def a_work_or_award(text: str, group: Group, before: str) -> bool:
    """The title of a work or an award: after "film", "novel", "album" ("the film Vera Drake"),
    opened by a capitalised "A" or "The" mid-sentence ("A Very Long Engagement"), followed by
    ", which" ("Vera Drake, which has 11 nominations"), one word after "best …" ("the best film
    Oscar"), listed with its year like the works beside it ("Stoker (2013), Belle (2013)"), or
    an ordinary word owned by a name ("Schindler's List")."""
    if group.cue == "title":
        return False
    after = text[group.toks[-1].end : group.toks[-1].end + 12]
    if evidence.word_before(before) in _WORK_NOUNS or group.work_title or _WHICH_NEXT.match(after):
        return True
    listed = _YEAR_LIST_BEFORE.search(before) or _YEAR_LIST_NEXT.match(text, group.toks[-1].end)
    if listed and _YEAR_NEXT.match(after):
        return True  # "Stoker (2013), Belle (2013)": works listed with their years
    words = words_of(group)
    if len(words) != 1 or words[0] in lexicon.MONTHS_DAYS:
        return False
    if _BEST_BEFORE.search(before):
        return True
    owned = _OWNER_BEFORE.search(before)
    return bool(owned) and words[0].lower() in lexicon.common_words() and words[0] not in lexicon.first_names()


_WORK_NOUNS = frozenset(
    """film films movie movies novel novels book books album albums song songs single play plays
    musical series show sitcom documentary opera poem painting drama biopic memoir franchise""".split()
)
_WHICH_NEXT = re.compile(r"\s*,\s*which\b")
_YEAR_NEXT = re.compile(r"\s*\((?:1[89]|20)\d\d\)")
_YEAR_LIST_BEFORE = re.compile(r"\((?:1[89]|20)\d\d\),\s*(?:and\s+)?\Z")
_YEAR_LIST_NEXT = re.compile(r"\s*\((?:1[89]|20)\d\d\),\s*(?:and\s+)?[A-Z]")
_BEST_BEFORE = re.compile(r"\bbest(?:\s+[a-z]+){1,2}\s+\Z")
_OWNER_BEFORE = re.compile(r"\b[A-Z][\w-]*['’]s\s+\Z")


def _non_person_head(c: Candidate) -> bool | None:
    words, first_names = c.words, lexicon.first_names()
    if words[-1] not in lexicon.NON_PERSON_HEADS:
        return None
    if (
        len(words) == 2
        and words[0] in first_names
        and words[-1] in lexicon.surnames()
        and words[-1] not in _PLACE_HEADS
        and not (words[-1] in lexicon.OUTLET_WORDS and evidence.is_place(words[0]))  # "China Daily"
    ):
        return None  # "Nathan Law", "Anna Hall"
    if c.cue == "title" and len(words) <= 3 and words[-1] in lexicon.surnames():
        return None  # "Judge Shanlyn Park"
    return False  # "Norwood Bank"


def _a_body_or_outlet(c: Candidate) -> bool | None:
    if c.lower[0] in lexicon.common_words() and not c.strong and _employer_of_next(c.text, c.group):
        return False  # "Man Utd boss Jose Mourinho": the club the person named next works for
    if any(w in lexicon.OUTLETS and not evidence.name_part(c.words, i) for i, w in enumerate(c.words)):
        return False  # "Fox News", but "Max Marriner", "Michael J. Fox"
    if _team_in_table(c.text, c.group) and not c.strong:
        return False
    return None


def _a_place_or_people(c: Candidate) -> bool | None:
    if (c.group.saint or _SAINT_END.search(c.before)) and evidence.saint_place(c.phrase):
        return False  # "in St Louis", "St Helens 22 20 0 2", "a district of St. Louis"
    if len(c.words) >= 2 and c.words[-1].endswith("an") and evidence.a_demonym(c.phrase):
        return False  # "Costa Rican authorities", "a Puerto Rican girl"
    if c.phrase in lexicon.PLACES:
        # A country or a great city "said" is its government or people ("India said"): only what
        # only a person does, or a title, makes one of these a person's name.
        named = c.phrase in lexicon.first_names() or c.phrase in lexicon.surnames()
        return len(c.words) == 1 and (  # a role word is no sign here: "China's rival Taiwan"
            c.cue in ("age", "title") or (named and c.cue == "human" and not placed(c.text, c.group, c.doc))
        )
    return None


def _a_place_name(c: Candidate) -> bool | None:
    words, first_names = c.words, lexicon.first_names()
    if evidence.is_place(c.phrase) and c.cue not in ("age", "title", "role"):
        named = (
            c.phrase in first_names or c.phrase in lexicon.surnames()
            if len(words) == 1
            else words[0] in first_names and words[-1] in lexicon.surnames()
        )
        if not named or placed(c.text, c.group, c.doc):
            return False
    if words[0] in lexicon.PLACES and words[0] not in first_names:
        if len(words) == 1 or words[-1] not in lexicon.surnames() or c.lower[-1] in lexicon.common_words():
            return False
    return None


def _a_month_in_it(c: Candidate) -> bool | None:
    words, first_names, surnames = c.words, lexicon.first_names(), lexicon.surnames()
    common = lexicon.common_words()
    if len(words) == 2 and words[0] in first_names and words[1] in surnames:
        if words[0] in lexicon.MONTHS_DAYS and c.lower[1] not in common:
            return True  # "June Carter", "April Ross"; not "May Day"
        if (
            words[0] not in lexicon.MONTHS_DAYS
            and c.lower[0] not in common
            and words[1] in lexicon.MONTHS_DAYS
            and not _DAY_NUMBER.match(c.text, c.group.toks[-1].end)
        ):
            return True  # "Theresa May", "Brian May"; not "Tuesday May 5"
    if any(w in lexicon.FUNCTION_WORDS for w in c.lower) or any(w in lexicon.MONTHS_DAYS for w in words):
        return c.cue in ("age", "title", "speech", "human") and len(words) == 1 and words[0] in first_names
    return None


def _placed_around(c: Candidate) -> bool | None:
    if any(w in lexicon.PLACES for w in c.words[1:]) and c.cue not in ("human", "age", "title", "role"):
        return False
    if not c.strong and evidence.place_noun_of(c.before):
        return False  # "the rebel-held village of Novye Atagi"
    if not c.strong and evidence.employer_before(c.before):
        return False  # "an analyst at Goldman Sachs", "William O'Neill of Merrill Lynch"
    return None


def _several_words(c: Candidate) -> bool | None:
    words, lower, common = c.words, c.lower, lexicon.common_words()
    if len(words) < 2:
        return None
    if words[0] in lexicon.first_names() or c.cue:
        return True
    if words[-1] in lexicon.surnames() and lower[0] not in common:
        return True
    if len(words) <= 4 and lower[0] not in common and any(w in _NAME_PARTICLES for w in words[1:-1]):
        return True  # "Ludwig van Beethoven", "Osama bin Laden": a particle between names
    return len(words) <= 4 and not any(w in common for w in lower)


def _one_word(c: Candidate) -> bool | None:
    word, lower, common = c.words[0], c.lower[0], lexicon.common_words()
    if c.cue in ("age", "title", "role"):
        return True
    if placed(c.text, c.group, c.doc):
        return False
    if word in lexicon.first_names():
        if c.group.sentence_start and lower in common:
            return c.cue in ("speech", "human")
        return not _NOT_PERSON_BEFORE.search(c.before)
    if c.cue == "human":
        return lower not in common or not c.group.sentence_start
    return c.cue == "speech" and lower not in common and not c.group.sentence_start


# The checks in order: the first that answers decides.
CHECKS: tuple[tuple[str, Check], ...] = (
    ("ruled out", _ruled_out),
    ("non-person head", _non_person_head),
    ("a body or an outlet", _a_body_or_outlet),
    ("a place or a people", _a_place_or_people),
    ("a place name", _a_place_name),
    ("a month in it", _a_month_in_it),
    ("placed around", _placed_around),
    ("several words", _several_words),
    ("one word", _one_word),
)


def judge(text: str, group: Group, doc: evidence.DocumentEvidence) -> bool:
    """Whether the capitalised phrase `group` names a person."""
    words = words_of(group)
    candidate = Candidate(
        text,
        group,
        doc,
        words,
        " ".join(words),
        [w.lower() if len(w) > 1 or len(words) == 1 or w == "I" else "" for w in words],  # initial A. is not "a"
        group.cue,
        text[max(group.segment.start, group.toks[0].start - 20) : group.toks[0].start],
    )
    for _, check in CHECKS:
        verdict = check(candidate)
        if verdict is not None:
            return verdict
    return False


def _employer_of_next(text: str, group: Group) -> bool:
    """The group qualifies a role that a name follows: "Man Utd boss Jose Mourinho", "Ajax
    striker Ana Ruiz"."""
    found = _ROLE_THEN_NAME.match(text, group.toks[-1].end)
    return found is not None and found.group(1) in ROLE_NOUNS | lexicon.OFFICIAL_NOUNS | lexicon.PERSON_NOUNS


_ROLE_THEN_NAME = re.compile(r"\s+([a-z]+)\s+[A-Z][a-z]")


def _team_in_table(text: str, group: Group) -> bool:
    seg = group.segment
    return evidence.a_team_in_a_table(text, seg.start, seg.end, group.toks[0].start, group.toks[-1].end)


def quoted_title(text: str, group: Group) -> bool:
    """The whole phrase is the content of a quotation: the title of a work ("Rust")."""
    before = text[group.toks[0].start - 1 : group.toks[0].start] if group.toks[0].start else ""
    after = text[group.toks[-1].end : group.toks[-1].end + 2]
    return (
        before in ('"', "“", "'", "‘")
        and after[:1] in ('"', "”", "'", "’", ",", ".")
        and (after[:1] in ('"', "”", "'", "’") or after[1:2] in ('"', "”", "'", "’"))
    )
