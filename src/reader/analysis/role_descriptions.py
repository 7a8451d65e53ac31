"""Whom a description means ("the senator said", "the actress told"): the person the article
made plain, by a title written before a name ("Sen. X") or by being the only or the most named
of the people just before (`described_person`); no one rather than a guess."""

from __future__ import annotations

import re
from bisect import bisect_left

from reader.analysis import claim_words as W
from reader.analysis import lexicon
from reader.analysis.name_cues import ROLE_NOUNS
from reader.analysis.names import gender
from reader.analysis.source_reader import SourceReader
from reader.analysis.source_types import Source

_OTHER_TITLE = re.compile(
    r"\b(Pope|Justice|Judge|Mayor|Gov\.?|Governor|Sen\.?|Senator|Rep\.?|President|Secretary|King|Queen|Prince|"
    r"Princess|Cardinal|Bishop|Rabbi|Chancellor|Minister|Premier|Gen\.?|General|Adm\.?|Admiral)\s+\Z"
)
# Role words and their written titles before a name: "the senator" is who "Sen. X" was.
_TITLES = {
    role: re.compile(r"\b(?:" + forms + r")\.?\s+\Z", re.IGNORECASE)
    for role, forms in {
        "senator": "senator|sen",
        "governor": "governor|gov",
        "congressman": "congressman|rep|representative",
        "congresswoman": "congresswoman|rep|representative",
        "president": "president|pres",
        "professor": "professor|prof",
        "doctor": "doctor|dr",
        "officer": "officer|ofc",
        "judge": "judge|justice",
        # "the Irishman": who was "Irishman Sean Kelly" or "Irish rider Sean Kelly"
        **{
            f"{people}{sex}": f"{people}{sex}|{adjective}\\s+[a-z]+"
            for people, adjective in (
                ("irish", "irish"),
                ("french", "french"),
                ("english", "english"),
                ("scots", "scottish"),
                ("welsh", "welsh"),
                ("dutch", "dutch"),
            )
            for sex in ("man", "woman")
        },
    }.items()
}


def titled_person(sources: SourceReader, at: int, role: str) -> str | None:
    """The person last named with `role` as a title before the name ("Governor Dana Fallon",
    "Gov. Fallon", "actress Ana Ruiz"), for "the governor said" later on."""
    title = _TITLES.get(role, re.compile(r"\b" + re.escape(role) + r"\.?\s+\Z", re.IGNORECASE))
    stop = bisect_left(sources.starts, at)
    for mention in reversed(sources.mentions[max(0, stop - W.LOOK_BACK) : stop]):
        if mention.end <= at and title.search(sources.text, max(0, mention.start - 24), mention.start):
            return mention.person
    return None


def titled_after(sources: SourceReader, at: int, role: str, reach: int = 800) -> str | None:
    """The first person named in the next `reach` characters with `role` as a title before the
    name ("A New York judge has rejected …. Judge Frank Nervo wrote"): whom a description
    that comes first means, when the article names that person right after."""
    title = _TITLES.get(role, re.compile(r"\b" + re.escape(role) + r"\.?\s+\Z", re.IGNORECASE))
    for mention in sources.mentions[bisect_left(sources.starts, at) :]:
        if mention.start > at + reach:
            break
        if title.search(sources.text, max(0, mention.start - 24), mention.start):
            return mention.person
    return None


def described_person(sources: SourceReader, at: int, role: str, qualifiers: list[str] | None = None) -> str | None:
    """Whom "the senator" or "the actress" means, when the article makes it plain: of the last
    four people named before (of the role's gender, not under another title such as "Pope"),
    the one once named with that title ("Sen. X"), or the only one, or the only one named in
    the paragraph before it, or the one named far more often than the others (at least twice
    as often, and more than once); else no one, as a wrong name would mislead more than none."""
    want = W.ROLE_GENDER.get(role, "u")
    stop = bisect_left(sources.starts, at)
    counts: dict[str, int] = {}
    recent: list[str] = []
    for mention in reversed(sources.mentions[max(0, stop - W.LOOK_BACK) : stop]):
        if mention.end > at:
            continue
        counts[mention.person] = counts.get(mention.person, 0) + 1
        if len(recent) == 4 or mention.person in recent:
            continue
        titled = _OTHER_TITLE.search(sources.text, max(0, mention.start - 24), mention.start)
        if (want == "u" or gender(mention.person) in (want, "u")) and not (
            titled and titled.group(1).lower().rstrip(".") not in (role, role[:3])
        ):
            recent.append(mention.person)
    if not recent:
        return None
    if qualifiers:
        # "The Florida senator": the one named near "Florida" (or "Fla.") before; if none is,
        # no one, rather than the last senator named
        lead, tail = _qualified(qualifiers)
        near = [p for p in recent if _named_near(sources, at, p, lead, tail)]
        return near[0] if len(near) == 1 else None
    titled_one = titled_person(sources, at, role)
    if titled_one in recent or len(recent) == 1:
        return titled_one if titled_one in recent else recent[0]
    in_paragraph = _named_in_paragraph(sources, at)
    if len(in_paragraph) == 1 and in_paragraph[0] in recent:
        return in_paragraph[0]  # "Liam Neeson was honoured. The actor, whose films include …": his
    ranked = sorted(recent, key=lambda person: -counts[person])
    if counts[ranked[0]] >= 2 and counts[ranked[0]] >= 2 * counts[ranked[1]]:
        return ranked[0]
    return None


def _named_in_paragraph(sources: SourceReader, at: int) -> list[str]:
    """The people named in the paragraph before `at`, each once."""
    reach = max(0, at - 1500)  # not the whole of a huge paragraph
    start = sources.text.rfind("\n", reach, at) + 1 or reach
    lo, hi = bisect_left(sources.starts, start), bisect_left(sources.starts, at)
    return list(dict.fromkeys(m.person for m in sources.mentions[lo:hi] if m.end <= at))


def _qualified(qualifiers: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """How a name is written with one of `qualifiers` (or its first three letters and a dot,
    "Fla.", "Vt."): just before it ("Florida Sen. X") and just after it ("X of Florida", "X (R-Fla.)")."""
    forms = "|".join([re.escape(q) for q in qualifiers] + [re.escape(q[:3]) + r"\." for q in qualifiers if len(q) > 3])
    lead = re.compile(  # "Florida Sen. X", "Democratic nominee X"; not "Florida and X"
        r"\b(?:" + forms + r")\s+(?:(?!(?:and|or|but|with|of|to|from|for|as|than)\b)[A-Za-z][a-z]*\.?\s+){0,2}\Z"
    )
    tail = re.compile(r"\s*[,(]?\s*(?:of\s+|from\s+|[RDI]-)?(?:" + forms + r")")
    return lead, tail


def _named_near(sources: SourceReader, at: int, person: str, lead: re.Pattern[str], tail: re.Pattern[str]) -> bool:
    """Whether `person` was named before `at` with a qualifier just before or after the name."""
    stop = bisect_left(sources.starts, at)
    for mention in sources.mentions[max(0, stop - W.LOOK_BACK) : stop]:
        if mention.person == person and mention.end <= at:
            if lead.search(sources.text, max(0, mention.start - 30), mention.start) or tail.match(
                sources.text, mention.end
            ):
                return True
    return False


_CONJOINED = re.compile(r"\b[Tt]he\s+(?:[\w.'’-]+\s+){1,6}and\s+\Z")
# Heads that name an office held by people the article need not name: "the official", "an aide"
# stay unnamed sources, whatever article came before (the contract's "officials identified only
# by office"); a spokesperson speaks for a body (named) or for no one named (anonymous).
_UNNAMED_OFFICES = frozenset(
    """official aide adviser advisor staff staffer spokesman spokeswoman spokesperson representative
    officer agent investigator regulator police authorities head source insider person someone""".split()
)


def one_described(sources: SourceReader, start: int, phrase: str, head: str) -> Source | None:
    """One person described, not named, by the article's own words: "the judge", "The Democratic
    nominee", "the New York businessman", "Obama's former campaign strategist". By the contract
    a description that points to one person is that person's word (`named`, with the person
    when the article makes it plain, else none); an indefinite one ("a judge") only when the
    lines after name that person with the role as a title; never a plural ("judges") nor an
    office held by people left unnamed ("the official")."""
    head_words = head.split()
    if not head_words or len(head_words) > 6:
        return None
    last = head_words[-1].strip(".,'’")
    definite = head_words[0] == "the" or bool(re.match(r"[a-z.]+['’]s\b", head_words[0]))
    # "The former first lady and U.S. senator said": the speaker found is the part after "and"
    definite = definite or bool(_CONJOINED.search(sources.text, max(0, start - 60), start))
    if last in _UNNAMED_OFFICES or last in W.KIN_NOUNS:
        return None
    if last not in _ONE_PERSON or (last.endswith("s") and last[:-1] in _ONE_PERSON):
        return None  # not a word for one person, or its plural ("senators" is in the lists too)
    if not definite:
        # "A New York judge has rejected …" with "Judge Frank Nervo" in the lines after: his
        later = titled_after(sources, start, last) if head_words[0] in ("a", "an") else None
        return Source("named", phrase, later) if later else None
    qualifiers = [w.strip(".,'’") for w in phrase.split()[1:] if w[:1].isupper()]
    person = described_person(sources, start, last, qualifiers) or titled_after(sources, start, last)
    return Source("named", phrase, person)


_ONE_PERSON = lexicon.OFFICIAL_NOUNS | ROLE_NOUNS | lexicon.PERSON_NOUNS
