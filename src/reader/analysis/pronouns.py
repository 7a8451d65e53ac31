"""Whom "he" or "she" means (`antecedent`): the last person named before it whose gender the
article makes plain and matches, preferred over a nearer person of unknown gender, and a name
written as another's owner ("Jared Diamond's best seller") passed over while someone else fits.
Each person's gender in an article (`article_genders`) comes from the first name, else from how
the article addresses them ("Mr. Obama", "Mrs. Clinton", "Queen Elizabeth")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

from reader.analysis.names import gender

Gender = Literal["m", "f", "u"]

_ADDRESSED = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Duke|Duchess)\.?\s+\Z")
_MALE_FORMS = frozenset("Mr Sir Lord King Prince Duke".split())
_OWNER = re.compile(r"['’]s?\s+[a-z0-9]")  # "Diamond's 2005 best seller", "Sanders’ attacks"

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
