"""How counts are said in what the reader shows: "1 claim", "2 claims", "1 person"."""

from __future__ import annotations


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`n` and the noun that goes with it, thousands separated ("1,204 articles")."""
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"
