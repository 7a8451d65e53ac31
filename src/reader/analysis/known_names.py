"""What the rest of an article says of a capitalised phrase: the people it names in full (their
first names and surnames name them again alone), the short forms of first names it gives ("Rafa"
after "Rafael"), and, in a headline, only the people its text names."""

from __future__ import annotations

from dataclasses import dataclass

from reader.analysis.name_spans import PARTICLES, Group, norm, words_of


@dataclass
class Person:
    name: str
    words: tuple[str, ...]


def people(groups: list[Group]) -> list[Person]:
    out: dict[str, Person] = {}
    for group in groups:
        if group.decision and len(group.toks) >= 2:
            words = tuple(words_of(group))
            out.setdefault(" ".join(words), Person(" ".join(words), words))
    return list(out.values())


def short_form(group: Group, short_forms: set[str]) -> bool:
    """One word that shortens a first name the article gives a person ("Rafa" after "Rafael"):
    `short_forms` holds the starts, four letters or more, of those names."""
    word = group.toks[0].text if len(group.toks) == 1 else ""
    return word[:1].isupper() and word in short_forms


def known(group: Group, known_words: set[str], known_names: set[str]) -> bool:
    """A group the article names elsewhere: one word that is a known person's first name or
    surname, or a known full name (sets made once per article, not per group)."""
    words = words_of(group)
    if len(words) == 1:
        return words[0] in known_words
    return " ".join(words) in known_names


def known_within(group: Group, people: list[Person], named_words: set[str]) -> list[Group]:
    """In a headline or sub-heading, where every word is capitalised, only the people the
    article's text names: the longest known full name at each place, else a known first name
    or surname."""
    words = [norm(t.text) for t in group.toks]
    full = {p.words for p in people} | {(p.words[0], p.words[-1]) for p in people}
    singles = {w for p in people for w in (p.words[0], p.words[-1])} | named_words
    out, i = [], 0
    while i < len(words):
        match = next((n for n in range(min(4, len(words) - i), 1, -1) if tuple(words[i : i + n]) in full), 0)
        if match:
            out.append(Group(group.toks[i : i + match], group.segment, False, decision=True))
            i += match
        elif words[i] in singles and words[i] not in PARTICLES:  # not the "de" of "Conservatoire de Paris"
            out.append(Group(group.toks[i : i + 1], group.segment, False, decision=True))
            i += 1
        else:
            i += 1
    return out
