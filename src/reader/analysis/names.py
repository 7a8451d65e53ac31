"""Person names: which capitalised phrases name a person (`find_people`).

The judgement uses general evidence only, never a list of anyone's people: known first names and
surnames (US census and world lists), titles and roles (Mr, Foreign Minister), an age after the
name ("Carmen, 11"), a speech verb or what only people do after it ("X, who", "X died"), the
phrase's position ("in X", "X, Texas" mark a place), and what the rest of the document says of
the same words (a word seen only as a place is a place everywhere in it; a surname of someone
named in full is that person). Outlets, organisations, places, nationalities, titles of works and
ordinary capitalised words are not people. Spans come from `name_spans`, cues from
`name_cues`, evidence from `name_evidence`, and which person each mention means from
`name_resolution`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reader.analysis import known_names, lexicon
from reader.analysis import name_evidence as evidence
from reader.analysis.cancel import Interruptible, check
from reader.analysis.name_cues import ROLE_NOUNS, context_cue
from reader.analysis.name_endings import with_endings
from reader.analysis.name_lines import bylines, read_as_text
from reader.analysis.name_resolution import Mention, gender, resolve
from reader.analysis.name_spans import (
    POSSESSIVE,
    Group,
    groups_in,
    name_like,
    norm,
    phrase_of,
    words_of,
)
from reader.analysis.release import let_go
from reader.analysis.text import Segment, sentences, tokens

__all__ = ["Mention", "find_people", "gender", "norm"]

_NOT_PERSON_BEFORE = re.compile(
    r"\b(?:in|near|across|throughout|outside|inside|around|into|"
    r"visited|visiting|via)\s+\Z",
    re.IGNORECASE,
)


_PLACE_HEADS = frozenset(
    "Park Street Avenue Road Lane Square Place Court Bridge House Island Bay Hotel Center "
    "Centre Hall Station Tower Beach".split()
)


def find_people(
    text: str, segs: list[Segment], cache: dict[Any, Any] | None = None, stop: Callable[[], bool] | None = None
) -> list[Mention]:
    """Every person mention in the segments, each with `person` set to the resolved name; with
    `stop`, each pass over the name candidates can be abandoned (AnalysisCancelled)."""
    groups: list[Group] = []
    body: list[Group] = []
    heads: list[Group] = []
    try:
        for seg in segs:
            for s_start, s_end in sentences(text, seg.start, seg.end, cache):
                groups += groups_in(text, seg, tokens(text, s_start, s_end, cache))
        prose = {seg.start for seg in segs if read_as_text(text, seg)}
        body = [g for g in groups if g.segment.start in prose]
        if stop is not None:
            body = Interruptible(body, stop, every=256)  # 400,000 candidates in a huge article: seconds a pass
        heads = [g for g in groups if g.segment.start not in prose]
        doc = _observe(text, body)
        for group in heads:
            doc.observe_business(words_of(group))
        for group in body:
            group.decision = _judge(text, group, doc)
        people = known_names.people(body)
        known_words = {w for p in people for w in (p.words[0], p.words[-1])}
        known_words |= {
            g.toks[0].text for g in body if g.decision and len(g.toks) == 1 and g.cue in ("human", "speech", "title")
        }
        known_words = {w for w in known_words if len(w) > 1 and w.lower() not in lexicon.FUNCTION_WORDS}
        full_names = {p.name for p in people}
        surnames = {p.words[-1] for p in people if len(p.words) > 1}
        named_firsts = {g.toks[0].text for g in body if g.decision and len(g.toks) == 1} | {p.words[0] for p in people}
        short_forms = {name[:k] for name in named_firsts for k in range(4, len(name))}
        for group in body:
            if (
                not group.decision
                and (known_names.known(group, known_words, full_names) or known_names.short_form(group, short_forms))
                and not _placed(text, group, None)
                and not (len(group.toks) == 1 and doc.never_a_person(norm(group.toks[0].text)))
                and not _blocked(text, group, known=True)
            ):
                group.decision = True
            elif not group.decision and _surname_as_word(text, group, surnames):
                group.decision = True  # "Mr. King added", "Dean, a former chairman," after "Charlie King"
        _coordinated(text, body, doc)
        named_words = {w for g in body if g.decision for w in words_of(g)}
        head_groups = bylines(text, segs, heads)
        unjudged = [g for g in heads if not g.decision]
        head_groups += [sub for g in unjudged for sub in known_names.known_within(g, people, named_words)]
        chosen = sorted([g for g in body if g.decision] + head_groups, key=lambda g: g.toks[0].start)
        if stop is not None:
            chosen = Interruptible(chosen, stop, every=256)
        mentions = [_mention(text, g) for g in chosen]
        check(stop)
        mentions = with_endings(text, mentions)
        check(stop)
        resolve(text, mentions)
        return mentions
    finally:
        let_go(groups, body, heads)  # a huge article's candidates: freed in the background


def _employer_of_next(text: str, group: Group) -> bool:
    """The group qualifies a role that a name follows: "Man Utd boss Jose Mourinho", "Ajax
    striker Ana Ruiz"."""
    found = _ROLE_THEN_NAME.match(text, group.toks[-1].end)
    return found is not None and found.group(1) in ROLE_NOUNS | lexicon.OFFICIAL_NOUNS | lexicon.PERSON_NOUNS


_ROLE_THEN_NAME = re.compile(r"\s+([a-z]+)\s+[A-Z][a-z]")


def _surname_as_word(text: str, group: Group, surnames: set[str]) -> bool:
    """A surname that is also a title or a role ("King", "Dean", "Judge") standing alone, of a
    person the article names in full, where it can only be that person: after a form of address
    ("Mr. King") or set off by an apposition or a speech verb ("Dean, a former chairman,", "King
    said")."""
    words = words_of(group)
    if len(words) != 1 or words[0] not in surnames or _quoted_title(text, group):
        return False
    before = text[max(0, group.toks[0].start - 20) : group.toks[0].start]
    if evidence.determiner_before(before) or evidence.word_before(before) == "the":
        return False  # "The King said": the office
    addressed = _ADDRESSED.search(text, max(0, group.toks[0].start - 6), group.toks[0].start)
    return addressed is not None or bool(_SET_OFF.match(text, group.toks[-1].end))


_ADDRESSED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+\Z")
_SET_OFF = re.compile(r"(?:,\s+(?:a|an|the|who)\s|\s+(?:said|says|told|added|wrote)\b)")
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*)")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?\Z", re.IGNORECASE)


def _coordinated(text: str, body: list[Group], doc: evidence.DocumentEvidence) -> None:
    """A name listed with a person's is a person's: "Carrano and Biewener", "Zeus, Hera,
    Poseidon", "(Marsden & Mackey, 2014)"; unless it is a place or an ordinary word."""

    def eligible(group: Group) -> bool:
        words = words_of(group)
        return (
            not group.decision
            and all(name_like(w) and len(w) > 1 and w not in lexicon.MONTHS_DAYS for w in words)
            and not evidence.is_place(" ".join(words))
            # "OM Stockholm", but "Jack London"
            and not (words[0] not in lexicon.first_names() and any(w in lexicon.PLACES for w in words[1:]))
            and not doc.a_business(words)
            and words[-1] not in lexicon.NON_PERSON_HEADS  # "Liliana Semerdjieva, Sofia Newsroom"
            and not _placed(text, group, None)
            and not (len(group.toks) == 1 and doc.never_a_person(norm(group.toks[0].text)))
            and not _blocked(text, group, known=True)
            and not (group.sentence_start and words[0].lower() in lexicon.common_words())
            and " ".join(words) not in lexicon.OUTLETS
        )

    for _ in range(2):
        for a, b in zip(body, body[1:], strict=False):
            if a.segment is not b.segment or not _COORDINATION.fullmatch(text[a.toks[-1].end : b.toks[0].start]):
                continue
            if _ACCORDING_TO.search(text, max(a.segment.start, a.toks[0].start - 16), a.toks[0].start):
                continue  # "According to Page Six, Aisha Hutchins …": a source, then the subject
            if a.decision and eligible(b):
                b.decision = True
            elif b.decision and eligible(a):
                a.decision = True


_NAME_PARTICLES = frozenset("van von bin ibn de da di der den".split())  # not "Costa del Sol"
_INITIAL_END = re.compile(r"[A-Z](?:\.[A-Z])*")  # "Jerzy L.", "Dhiraj K.C."
_PARTICLE_BEFORE = re.compile(
    r"(?<![\w.])((?:van der|van den|van|von|de la|de|der|den|del|della|di|da|du|dal|al|el|bin)) \Z"
)
_SAINT_END = re.compile(r"\b(?:St\.?|Saint|Ste\.?)\s*\Z")
_SAINT_STRIP = re.compile(r"(?:St\.?|Saint)\s*\Z")
_CAPITALISED_END = re.compile(r"[A-Z][\w'’-]+\s+\Z")
_BRACKET_NEXT = re.compile(r"\s*\(")
_A_DIGIT = re.compile(r"\d")
_CLAUSE_END_NEXT = re.compile(r"\s*(?:[.,;:)]|\Z)")


def _observe(text: str, body: list[Group]) -> evidence.DocumentEvidence:
    """Each group's own cue, and what the document as a whole says of each single word."""
    doc = evidence.DocumentEvidence()
    for group in body:
        group.cue = "title" if group.has_title else context_cue(text, group)
        doc.observe_business(words_of(group))
        if len(group.toks) == 1:
            weight = 1.0 if group.cue in ("human", "title", "age", "role") else 0.5 if group.cue == "speech" else 0.0
            doc.observe(norm(group.toks[0].text), _placed(text, group, None), weight)
    return doc


def _placed(text: str, group: Group, doc: evidence.DocumentEvidence | None) -> bool:
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


_COMPOUND_ADJECTIVE_ENDS = frozenset("style based backed led born owned made run funded controlled plus minus".split())
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
            or raw.rpartition("-")[2] in _COMPOUND_ADJECTIVE_ENDS  # "American-style", "Swiss-based"
            or evidence.is_role(words[0])
            or words[0].lower() in lexicon.TITLES
            or len(words[0]) == 1
            or words[0] in evidence.DIRECTIONS
            or (raw.isupper() and len(raw) > 1 and group.cue != "title")
            or (evidence.is_demonym(words[0]) and group.cue != "title")
        )
    return any(evidence.is_demonym(w) for w in words[1:]) or (
        evidence.is_demonym(words[0]) and words[0] not in lexicon.first_names()
    )


def _blocked(text: str, group: Group, known: bool = False) -> bool:
    """What rules a phrase out: a quoted title, a role or nationality alone, "a X", "#X", and,
    unless the article names that person elsewhere ("the Tom Cruise video"), "the X"."""
    before = text[max(group.segment.start, group.toks[0].start - 20) : group.toks[0].start]
    if _quoted_title(text, group) or _not_a_name(group) or before.rstrip().endswith(("#", "@")):
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


def _judge(text: str, group: Group, doc: evidence.DocumentEvidence) -> bool:
    words = words_of(group)
    phrase = " ".join(words)
    lower = [w.lower() if len(w) > 1 or len(words) == 1 or w == "I" else "" for w in words]  # initial A. is not "a"
    first_names, common = lexicon.first_names(), lexicon.common_words()
    cue = group.cue
    before = text[max(group.segment.start, group.toks[0].start - 20) : group.toks[0].start]
    if _blocked(text, group):
        return False
    if phrase in lexicon.OUTLETS or words[0] in evidence.PLACE_LEADS:
        return False
    if doc.a_business(words) and cue not in ("human", "age", "title"):
        return False  # "Faulding said", where the article also names "Faulding Ltd"
    if (
        words[-1] in lexicon.NON_PERSON_HEADS
        and not (
            len(words) == 2
            and words[0] in first_names
            and words[-1] in lexicon.surnames()
            and words[-1] not in _PLACE_HEADS
            and not (words[-1] in lexicon.OUTLET_WORDS and evidence.is_place(words[0]))  # "China Daily"
        )
        and not (cue == "title" and len(words) <= 3 and words[-1] in lexicon.surnames())  # "Judge Shanlyn Park"
    ):
        return False  # "Norwood Bank", but "Nathan Law", "Anna Hall"
    if lower[0] in common and cue not in ("human", "age", "title") and _employer_of_next(text, group):
        return False  # "Man Utd boss Jose Mourinho": the club the person named next works for
    if any(w in lexicon.OUTLETS and not evidence.name_part(words, i) for i, w in enumerate(words)):
        return False  # "Fox News", but "Max Marriner", "Michael J. Fox"
    if _team_in_table(text, group) and cue not in ("human", "age", "title"):
        return False
    if (group.saint or _SAINT_END.search(before)) and evidence.saint_place(phrase):
        return False  # "in St Louis", "St Helens 22 20 0 2", "a district of St. Louis"
    if len(words) >= 2 and words[-1].endswith("an") and evidence.a_demonym(phrase):
        return False  # "Costa Rican authorities", "a Puerto Rican girl"
    if phrase in lexicon.PLACES:
        # A country or a great city "said" is its government or people ("India said"): only what
        # only a person does, or a title, makes one of these a person's name.
        named = phrase in first_names or phrase in lexicon.surnames()
        return len(words) == 1 and (  # a role word is no sign here: "China's rival Taiwan"
            cue in ("age", "title") or (named and cue == "human" and not _placed(text, group, doc))
        )
    if evidence.is_place(phrase) and cue not in ("age", "title", "role"):
        named = (
            phrase in first_names or phrase in lexicon.surnames()
            if len(words) == 1
            else words[0] in first_names and words[-1] in lexicon.surnames()
        )
        if not named or _placed(text, group, doc):
            return False
    if words[0] in lexicon.PLACES and words[0] not in first_names:
        if len(words) == 1 or words[-1] not in lexicon.surnames() or lower[-1] in common:
            return False
    if (
        len(words) == 2
        and words[0] in lexicon.MONTHS_DAYS
        and words[0] in first_names
        and words[1] in lexicon.surnames()
        and lower[1] not in common
    ):
        return True  # "June Carter", "April Ross"; not "May Day"
    if (
        len(words) == 2
        and words[0] in first_names
        and words[0] not in lexicon.MONTHS_DAYS
        and lower[0] not in common
        and words[1] in lexicon.MONTHS_DAYS
        and words[1] in lexicon.surnames()
        and not _DAY_NUMBER.match(text, group.toks[-1].end)
    ):
        return True  # "Theresa May", "Brian May"; not "Tuesday May 5"
    if any(w in lexicon.FUNCTION_WORDS for w in lower) or any(w in lexicon.MONTHS_DAYS for w in words):
        return cue in ("age", "title", "speech", "human") and len(words) == 1 and words[0] in first_names
    if any(w in lexicon.PLACES for w in words[1:]) and cue not in ("human", "age", "title", "role"):
        return False
    if cue not in ("human", "age", "title") and evidence.place_noun_of(before):
        return False  # "the rebel-held village of Novye Atagi"
    if cue not in ("human", "age", "title") and evidence.employer_before(before):
        return False  # "an analyst at Goldman Sachs", "William O'Neill of Merrill Lynch"
    if len(words) >= 2:
        if words[0] in first_names or cue:
            return True
        if words[-1] in lexicon.surnames() and lower[0] not in common:
            return True
        if len(words) <= 4 and lower[0] not in common and any(w in _NAME_PARTICLES for w in words[1:-1]):
            return True  # "Ludwig van Beethoven", "Osama bin Laden": a particle between names
        return len(words) <= 4 and not any(w in common for w in lower)
    word = words[0]
    if cue in ("age", "title", "role"):
        return True
    if _placed(text, group, doc):
        return False
    if word in first_names:
        if group.sentence_start and lower[0] in common:
            return cue in ("speech", "human")
        return not _NOT_PERSON_BEFORE.search(before)
    if cue == "human":
        return lower[0] not in common or not group.sentence_start
    return cue == "speech" and lower[0] not in common and not group.sentence_start


def _team_in_table(text: str, group: Group) -> bool:
    seg = group.segment
    return evidence.a_team_in_a_table(text, seg.start, seg.end, group.toks[0].start, group.toks[-1].end)


def _quoted_title(text: str, group: Group) -> bool:
    """The whole phrase is the content of a quotation: the title of a work ("Rust")."""
    before = text[group.toks[0].start - 1 : group.toks[0].start] if group.toks[0].start else ""
    after = text[group.toks[-1].end : group.toks[-1].end + 2]
    return (
        before in ('"', "“", "'", "‘")
        and after[:1] in ('"', "”", "'", "’", ",", ".")
        and (after[:1] in ('"', "”", "'", "’") or after[1:2] in ('"', "”", "'", "’"))
    )


def _mention(text: str, group: Group) -> Mention:
    start, end = group.toks[0].start, group.toks[-1].end
    match = POSSESSIVE.search(text[start:end])
    if match:
        end -= len(match.group())
    elif text.startswith(".", end) and (
        group.toks[-1].text in ("Jr", "Sr") or (len(group.toks) > 1 and _INITIAL_END.fullmatch(group.toks[-1].text))
    ):
        end += 1  # "Martin Luther King Jr.", "Jerzy L.": the suffix's or the initial's dot is the name's
    particle = _PARTICLE_BEFORE.search(text, max(0, start - 12), start) if len(group.toks) == 1 else None
    if particle is not None and not group.sentence_start:
        start = particle.start(1)  # "de Klerk", "van Gogh": the surname with its particle
    return Mention(start, end, text[start:end], tokens=tuple(words_of(group)))
