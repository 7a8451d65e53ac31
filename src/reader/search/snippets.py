"""Snippets for search hits: stretches of an article around the words a query found, and the
form in which articles write an indexed stem (for "did you mean")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from whoosh.support.charset import accent_map

from reader.corpus.load import article_text
from reader.search.schema import fold_accents, word_sequence


@lru_cache(maxsize=1)
def _accented() -> dict[str, str]:
    """For each letter, the letters that fold to it ("e" → "èéêë…")."""
    out: dict[str, str] = {}
    for code, folded in accent_map.items():
        if len(folded) == 1 and folded.isalpha() and chr(code) != folded:
            out[folded] = out.get(folded, "") + chr(code)
    return out


def stem_prefix(stem: str) -> str:
    """A prefix of every word with this stem: Porter stemming turns a final y into i, adds a
    final e, and writes "-bility" as "-ble" ("happy" → "happi", "ability" → "abl")."""
    if len(stem) > 1 and stem[-1] in "ei":
        stem = stem[:-1]
    if stem.endswith("bl"):
        stem = stem[:-1]
    return stem


def word_pattern(stems: Iterable[str]) -> re.Pattern[str]:
    """Words that start like one of the stems, accents and case ignored ("hilaria" finds
    "Hilária's")."""
    accented = _accented()

    def letters(stem: str) -> str:
        return "".join(f"[{re.escape(c)}{accented[c]}]" if c in accented else re.escape(c) for c in stem_prefix(stem))

    ordered = sorted((t for t in stems if t), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(letters(t) for t in ordered) + r")\w*", re.IGNORECASE)


def surface_form(text: str, stem: str) -> str | None:
    forms: dict[str, int] = {}
    for match in word_pattern([stem]).finditer(text):
        word = match.group().lower()
        forms[word] = forms.get(word, 0) + 1
    return max(forms, key=lambda w: (forms[w], -len(w))) if forms else None


def snippet(path: Path, terms: set[str], width: int = 220) -> str:
    """Up to two stretches of the article around words that start with a searched stem,
    hits as **word**. Reads the article's text (a saved page's article, a Markdown file's body
    after its front matter); no parsing into blocks, no second analysis."""
    text = " ".join(article_text(path).split())
    if text.startswith("date "):
        text = text[16:]
    stems = sorted((t for t in terms if t), key=len, reverse=True)
    if not stems:
        return text[:width] + ("…" if len(text) > width else "")
    pattern = word_pattern(stems)
    wanted = set(stems)

    def is_hit(word: str) -> bool:  # the pattern finds prefixes: "happ" finds "happen" too
        return any(s in wanted for s in word_sequence(fold_accents(word)))

    matches = [m for m in pattern.finditer(text) if is_hit(m.group())]
    if not matches:
        return text[:width] + ("…" if len(text) > width else "")
    fragments: list[str] = []
    covered = -1
    for match in matches:
        if match.start() < covered or len(fragments) == 2:
            continue
        lo = max(0, match.start() - width // 3)
        hi = min(len(text), lo + width // (1 if len(matches) == 1 else 2) + 40)
        lo = text.rfind(" ", 0, lo) + 1 if lo else 0
        hi_space = text.find(" ", hi)
        hi = len(text) if hi_space == -1 else hi_space
        fragments.append(pattern.sub(lambda m: f"**{m.group()}**" if is_hit(m.group()) else m.group(), text[lo:hi]))
        covered = hi
    return " … ".join(fragments)
