"""How a one-word name stands for a person across a corpus: the one full name that starts with
that word, or else the one that ends with it ("Hilaria" → "Hilaria Baldwin", "Basinger" → "Kim
Basinger"). Shared by the analysis (`resolve_across`), the views across the corpus and the
search's `person:` field; kept free of their imports so each loads only this."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping


def across_name(
    word: str, by_first: Mapping[str, Collection[str]], by_last: Mapping[str, Collection[str]]
) -> str | None:
    """The full name `word` stands for; None when there is none or more than one (`by_first`
    and `by_last` hold the corpus's full names by first and last word), and None when the word
    starts one full name and ends another: "Obama" is not "Obama Speech" (a caption's words
    read as a name) when the corpus also names "Barack Obama"."""
    firsts, lasts = by_first.get(word, ()), by_last.get(word, ())
    if firsts and lasts and set(firsts) != set(lasts):
        return None
    candidates = firsts or lasts
    return next(iter(candidates)) if len(candidates) == 1 else None


def by_first_and_last(full_names: Iterable[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Full names (with a space) by their first and by their last word."""
    by_first: dict[str, set[str]] = {}
    by_last: dict[str, set[str]] = {}
    for name in full_names:
        parts = name.split()
        by_first.setdefault(parts[0], set()).add(name)
        by_last.setdefault(parts[-1], set()).add(name)
    return by_first, by_last
