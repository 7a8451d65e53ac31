"""Which person each name mention means: full names are people; a first name or surname alone
goes to the full name it shortens ("Hilaria" -> "Hilaria Baldwin"), else to the person last named
with that surname. Also each person's likely gender from the first name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis import lexicon


@dataclass
class Mention:
    start: int
    end: int
    text: str
    person: str = ""
    tokens: tuple[str, ...] = ()


def resolve(text: str, mentions: list[Mention]) -> None:
    """Full names are people; a single word goes to the full name with that first name, else to
    the person last named with that surname (the next one if none came before). In "Alec and
    Hilaria Baldwin" the first name shares the surname that follows."""
    for this, following in zip(mentions, mentions[1:], strict=False):
        if (
            len(this.tokens) == 1
            and len(following.tokens) >= 2
            and this.tokens[0] in lexicon.first_names()
            and re.fullmatch(r"\s+(?:and|&)\s+", text[this.end : following.start])
        ):
            this.tokens = (this.tokens[0], following.tokens[-1])
    aliases = _nicknames(text, mentions)
    full = {" ".join(m.tokens): m.tokens for m in mentions if len(m.tokens) >= 2}
    canonical = _canonical_names(full, aliases)
    firsts: dict[str, set[str]] = {}
    lasts: dict[str, list[str]] = {}
    for name, words in full.items():
        firsts.setdefault(words[0], set()).add(canonical[name])
        lasts.setdefault(words[-1], []).append(canonical[name])
    pending = _Surnames(text, canonical, firsts, lasts).assign(mentions)
    for mention in pending:
        later = lasts.get(mention.tokens[0], [])
        mention.person = later[0] if later else mention.tokens[0]


def _canonical_names(full: dict[str, tuple[str, ...]], aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Each full name's person: the longest full name with the same first and last words
    ("Alec Baldwin" in "Alexander Alec Baldwin"); a nickname's, the name it nicknames."""
    by_ends: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    for words in full.values():
        by_ends.setdefault((words[0], words[-1]), []).append(words)
    canonical: dict[str, str] = {}
    for name, words in full.items():
        longer: list[tuple[str, ...]] = [w for w in by_ends[(words[0], words[-1])] if len(w) > len(words)]
        longest = max(longer, key=len) if longer else words
        canonical[name] = " ".join(longest)
    for alias, words in aliases.items():  # "Bobby Scott" is the "Robert C. Scott" it nicknames
        if alias in canonical:
            canonical[alias] = canonical.get(" ".join(words), " ".join(words))
    return canonical


class _Surnames:
    """One pass in text order: a one-word mention is the person last named with that surname
    (of the gender "Mr."/"Mrs." before it gives), or the one full name it starts."""

    def __init__(
        self, text: str, canonical: dict[str, str], firsts: dict[str, set[str]], lasts: dict[str, list[str]]
    ) -> None:
        self.text, self.canonical, self.firsts, self.lasts = text, canonical, firsts, lasts
        self.last_by_surname: dict[str, str] = {}
        self.last_by_surname_of: dict[tuple[str, str], str] = {}  # (surname, gender) -> the last one named

    def assign(self, mentions: list[Mention]) -> list[Mention]:
        """Sets each mention's person; returns the one-word mentions left for a later name."""
        pending: list[Mention] = []
        for mention in mentions:
            if len(mention.tokens) >= 2:
                mention.person = self.canonical[" ".join(mention.tokens)]
                self.last_by_surname[mention.tokens[-1]] = mention.person
                self.last_by_surname_of[(mention.tokens[-1], gender(mention.person))] = mention.person
                continue
            person = self._one_word(mention)
            if person is None:
                pending.append(mention)
            else:
                mention.person = person
        return pending

    def _one_word(self, mention: Mention) -> str | None:
        word = mention.tokens[0]
        by_first = sorted(self.firsts.get(word, ()))
        honorific = _HONORIFIC.search(self.text, max(0, mention.start - 6), mention.start)
        wanted = None if honorific is None else ("m" if honorific.group(1) == "Mr" else "f")
        if wanted is not None and (word, wanted) in self.last_by_surname_of:
            return self.last_by_surname_of[(word, wanted)]  # "Mrs. Clinton" is not Bill Clinton
        if len(by_first) == 1 and not (word in self.last_by_surname and self.lasts.get(word) != by_first):
            return by_first[0]  # "Obama" is Barack Obama, not "Obama Speech", when both are named
        if word in self.last_by_surname:
            return self.last_by_surname[word]
        return by_first[0] if by_first else None


_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+\Z")
_NICKNAME = re.compile(r"\s*[\"“‘']([A-Z][a-z]+)[\"”’']\s+")


def _nicknames(text: str, mentions: list[Mention]) -> dict[str, tuple[str, ...]]:
    """A nickname in quotation marks between a first name and a surname ('Robert C. "Bobby"
    Scott'): the first mention takes the surname (one person, "Robert C Scott"), and the
    nickname with the surname ("Bobby Scott", written later) is returned as an alias of it."""
    aliases: dict[str, tuple[str, ...]] = {}
    for this, following in zip(mentions, mentions[1:], strict=False):
        nick = _NICKNAME.fullmatch(text, this.end, following.start)
        if nick and 1 <= len(this.tokens) <= 2 and this.tokens[0] in lexicon.first_names():
            this.tokens = (*this.tokens, following.tokens[-1])
            aliases[f"{nick.group(1)} {following.tokens[-1]}"] = this.tokens
    return aliases


def gender(person: str) -> str:
    """'m', 'f' or 'u' from the person's first name."""
    return lexicon.first_names().get(person.split()[0], "u") if person else "u"
