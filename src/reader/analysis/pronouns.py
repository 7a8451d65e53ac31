"""Whom "he" or "she" means (`antecedent`): the last person named before it whose gender the
article makes plain and matches, preferred over a nearer person of unknown gender, and a name
written as another's owner ("Jared Diamond's best seller") passed over while someone else fits.
Each person's gender in an article (`article_genders`) comes from the first name, else from how
the article addresses them ("Mr. Obama", "Mrs. Clinton", "Queen Elizabeth")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

from reader.analysis import claim_words as W
from reader.analysis.names import Mention, gender

Gender = Literal["m", "f", "u"]

_ADDRESSED = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Duke|Duchess)\.?\s+\Z")
_MALE_FORMS = frozenset("Mr Sir Lord King Prince Duke".split())
_OWNER = re.compile(r"['’]s?\s+[a-z0-9]")  # "Diamond's 2005 best seller", "Sanders’ attacks"

_REACH = 1500  # characters a pronoun looks back for the sentence before
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])")
# How many other people, of unknown gender, a pronoun passes over to reach one of its gender
# ("Clinton … said 9/11 plotter Osama bin Laden … she denied": Clinton, not bin Laden).
PASS_OVER = 3


class Named(Protocol):
    start: int
    end: int
    person: str


def article_genders(text: str, mentions: Iterable[Named]) -> dict[str, Gender]:
    """Each person's gender: from the first name, else from a form of address before any of the
    person's mentions ("Mr. Obama" makes "Obama" a man), else unknown."""
    found: dict[str, Gender] = {}
    for mention in mentions:
        if found.get(mention.person, "u") != "u":
            continue
        by_name = gender(mention.person)
        if by_name != "u":
            found[mention.person] = "m" if by_name == "m" else "f"
            continue
        form = _ADDRESSED.search(text, max(0, mention.start - 10), mention.start)
        if form is None:
            found.setdefault(mention.person, "u")
        else:
            found[mention.person] = "m" if form.group(1) in _MALE_FORMS else "f"
    return found


def antecedent(text: str, before: Sequence[Named], want: str, genders: dict[str, Gender]) -> str | None:
    """The person a pronoun of gender `want` ("m", "f"; "u" for "they") means, of the mentions
    `before` it in text order: the last one of that gender, unless more than PASS_OVER other
    people lie between, then the last of unknown gender; an owner's name only when no other fits."""
    unknown: str | None = None
    owner: str | None = None
    passed: set[str] = set()
    for mention in reversed(before):
        fits = want == "u" or genders.get(mention.person, "u") == want
        if fits or genders.get(mention.person, "u") == "u":
            if _OWNER.match(text, mention.end):
                owner = owner or mention.person
            elif fits:
                return mention.person
            else:
                unknown = unknown or mention.person
        passed.add(mention.person)
        if unknown is not None and len(passed) > PASS_OVER:
            break
    return unknown or owner


class Antecedents:
    """The people an article names, in text order, for its pronouns: `last_person`."""

    def __init__(self, text: str, mentions: list[Mention], quoted: list[tuple[int, int]]) -> None:
        """`mentions` in text order; `quoted`: the quotations' spans, in text order."""
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.genders = article_genders(text, mentions)
        self._quoted = quoted
        self._quoted_starts = [lo for lo, _ in quoted]

    def _last_subject(self, at: int, want: str) -> str | None:
        """The subject of the sentence before, when the pronoun's own sentence names no one of
        its gender before it: the first person that sentence names, if of the pronoun's gender
        ("Ana Ruiz dubbed the feud involving Tom Baines a war. She called it …": Ruiz, not the
        object named last)."""
        if want not in ("m", "f"):
            return None
        reach = max(0, at - _REACH)  # two sentences back at most: never the whole of a huge paragraph
        paragraph = self.text.rfind("\n", reach, at) + 1 or reach
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, paragraph, at + 1)]
        if not ends:
            return None
        own_start = ends[-1]
        previous_start = ends[-2] if len(ends) > 1 else paragraph
        own = self.mentions[bisect_left(self.starts, own_start) : bisect_left(self.starts, at)]
        if any(self.genders.get(m.person) == want for m in own):
            return None
        previous = self.mentions[bisect_left(self.starts, previous_start) : bisect_left(self.starts, own_start)]
        if previous and not self._in_quotation(previous[0].start) and self.genders.get(previous[0].person) == want:
            return previous[0].person
        return None

    def _in_quotation(self, offset: int) -> bool:
        i = bisect_right(self._quoted_starts, offset) - 1
        return i >= 0 and offset < self._quoted[i][1]

    def last_person(self, at: int, want: str = "u") -> str | None:
        """Whom a pronoun of gender `want` at `at` means (see `antecedent`): of the last
        W.LOOK_BACK people named before it; outside a quotation, people named inside one are
        passed over first (in '"… in labor with Rafa …" she captioned', "she" is not Rafa);
        with none of its gender among them, the last one of its gender named earlier."""
        stop = bisect_left(self.starts, at)
        before = [m for m in self.mentions[max(0, stop - W.LOOK_BACK) : stop] if m.end <= at]
        subject = self._last_subject(at, want)
        if subject is not None:
            return subject
        if self._quoted and not self._in_quotation(at):
            outside = [m for m in before if not self._in_quotation(m.start)]
            found = antecedent(self.text, outside, want, self.genders)
            if found is not None:
                return found
        found = antecedent(self.text, before, want, self.genders)
        if found is not None:
            return found
        if want != "u":
            for mention in reversed(self.mentions[:stop]):
                if mention.end <= at and self.genders.get(mention.person) == want:
                    return mention.person
        return before[-1].person if before else None
