"""What the words written before a name are (`role_cut`: roles, nationalities, offices and
bodies, "US President Barack Obama" -> after "President"), and which words can be part of a
name at all (`name_like`, `plain_word`)."""

from __future__ import annotations

import functools

from reader.analysis import lexicon
from reader.analysis import name_evidence as evidence

_ROLE_ADJECTIVES = frozenset("former late interim acting shadow".split())  # "Former England" is no title


def name_like(word: str) -> bool:
    return word in lexicon.first_names() or word in lexicon.surnames() or word.lower() not in lexicon.common_words()


def plain_word(word: str) -> bool:
    """An ordinary capitalised word that names nobody ("Image", "Education")."""
    return (
        word.lower() in lexicon.common_words()
        and word not in lexicon.first_names()
        and word not in lexicon.surnames()
        and not word.isupper()
    )


@functools.lru_cache(maxsize=1 << 14)  # the same names come again and again
def role_cut(words: tuple[str, ...]) -> tuple[int, bool] | None:
    """Where the name starts after the roles, nationalities and offices written before it:
    "US President Barack Obama", "Home Secretary Suella Braverman", "Chinese Bernhard Karlgren".
    The second value says a role (not only a nationality) came before."""
    if evidence.is_place(" ".join(words)):  # (the gazetteer holds lexicon.PLACES too)
        return None  # "Saudi Arabia", "South Africa": a place, not a nationality and a name
    found = _after_last_role(words)
    if found is not _NO_ROLE:
        return found
    return _after_plain_words(words) or _after_body(words)


_NO_ROLE = (-1, False)  # no role word before the name (as opposed to None: a role, but no cut)


def _after_last_role(words: tuple[str, ...]) -> tuple[int, bool] | None:
    """After the last role or nationality word that a name follows ("Foreign Minister Mate
    Granic"); None when the words after it are no name; _NO_ROLE when there is none."""
    firsts = lexicon.first_names()
    for i in range(len(words) - 2, -1, -1):
        if i and words[i] in firsts and words[i - 1] in firsts and not evidence.is_role(words[i - 1]):
            continue  # a middle name that is also a role: "Jimmy Dean Watkins"
        if not (
            evidence.is_role(words[i])
            or evidence.is_demonym(words[i])
            or (i == 0 and evidence.made_from_a_place(words[0]))
        ):
            continue
        if i == 0 and len(words) == 2 and words[0] in firsts:
            return None  # "Dean Martin", "Earl Scruggs", "Christian Bale"
        rest = words[i + 1]
        if plain_word(rest) and any(w in firsts for w in words[i + 2 : -1]):
            return _NO_ROLE  # "Chief Accountant Natalya Sypron": the first name below says where
        after_role = words[i + 1 :]
        two_words = len(after_role) >= 2 and name_like(after_role[-1]) and not evidence.is_role(after_role[0])
        if rest in firsts or (name_like(rest) and not evidence.is_role(rest)) or two_words:
            # (two words after the role, the last a name: "Foreign Minister Mate Granic")
            return i + 1, any(evidence.is_role(w) and w.lower() not in _ROLE_ADJECTIVES for w in words[: i + 1])
        return None
    return _NO_ROLE


def _after_plain_words(words: tuple[str, ...]) -> tuple[int, bool] | None:
    """ "Education Stefania Giannini", "Refugee Council Enver Solomon": ordinary words, then a
    first name."""
    first = next((i for i, w in enumerate(words) if i and w in lexicon.first_names()), 0)
    if (
        first
        and words[0] not in evidence.PLACE_LEADS  # "Fort Lee", "Port Elizabeth"
        and len(words) - first >= 2
        and all(plain_word(w) or evidence.is_demonym(w) or w in lexicon.NON_PERSON_HEADS for w in words[:first])
    ):
        return first, False
    return None


def _after_body(words: tuple[str, ...]) -> tuple[int, bool] | None:
    """ "Washington State University Simon Ličen": after a body's head word."""
    head = max((i for i, w in enumerate(words[:-2]) if w in lexicon.NON_PERSON_HEADS), default=-1)
    if head >= 0 and all(name_like(w) and w not in lexicon.NON_PERSON_HEADS for w in words[head + 1 :]):
        return head + 1, False
    return None
