"""Snippets for search hits: stretches of an article around the words a query found, and the
form in which articles write an indexed stem (for "did you mean")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from whoosh.support.charset import accent_map

from reader.corpus.load import article_text
from reader.search.schema import fold_accents, word_sequence

_ONE_FOR_ONE = all(isinstance(to, str) and len(to) == 1 for to in accent_map.values())  # checked once


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
    # Matched in the text with its accents folded, letter for letter, where folding keeps every
    # position (nearly always): a plain pattern compiles in microseconds, the accented one
    # (a class of variants per letter) took 4 ms, half of a search's time at 100,000 articles.
    folded = _folded_in_place(text)
    found: Iterator[tuple[int, int]]
    if folded is None:
        found = ((m.start(), m.end()) for m in word_pattern(stems).finditer(text))
    else:
        found = _words_starting(folded, tuple(stems))
    wanted = set(stems)

    def is_hit(span: tuple[int, int]) -> bool:  # a stem finds words it starts: "happ" finds "happen" too
        return any(s in wanted for s in word_sequence(fold_accents(text[span[0] : span[1]])))

    hits = filter(is_hit, found)  # read only as far as the stretches need
    first, second = next(hits, None), next(hits, None)
    if first is None:
        return text[:width] + ("…" if len(text) > width else "")
    shown: list[tuple[int, int]] = []  # the hits in the stretches, to mark
    spans: list[list[int]] = []  # [lo, hi] of each stretch shown, at most two
    covered = -1
    for at, end in itertools.chain((first,) if second is None else (first, second), hits):
        if at < covered:
            shown.append((at, end))
            continue
        lo = max(0, at - width // 3)
        hi = min(len(text), lo + width // (1 if second is None else 2) + 40)
        lo = text.rfind(" ", 0, lo) + 1 if lo else 0
        hi_space = text.find(" ", hi)
        hi = len(text) if hi_space == -1 else hi_space
        if spans and lo <= covered + 1 and hi - spans[-1][0] <= width + 40:
            spans[-1][1] = hi  # overlapping the stretch before: one longer stretch, no words twice
        elif len(spans) == 2:
            break
        else:
            spans.append([max(lo, covered + 1), hi])  # never back over the stretch before
        shown.append((at, end))
        covered = hi
    out = ""
    for n, (lo, hi) in enumerate(spans):
        if n:
            out += " " if lo <= spans[n - 1][1] + 1 else " … "  # "…" only where text is left out
        out += _marked(text, [(a, b) for a, b in shown if lo <= a and b <= hi], lo, hi)
    return out


def _marked(text: str, found: Iterable[tuple[int, int]], lo: int, hi: int) -> str:
    """text[lo:hi] with each of the hits `found` (in order, within it) as **word**."""
    out, at = [], lo
    for start, end in found:
        out += [text[at:start], "**", text[start:end], "**"]
        at = end
    out.append(text[at:hi])
    return "".join(out)


_WORD_CHAR = re.compile(r"\w")
_WORD_REST = re.compile(r"\w*")


def _words_starting(folded: str, stems: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) of each word of `folded` that starts like one of the stems (stem_prefix),
    case ignored, in order: each prefix found by str.find in the lower-cased text (C speed), a
    word's start checked and its end found by a pattern only where one is; the pattern of all
    the stems (_plain_pattern) when lower-casing changes the text's length."""
    lowered = folded.lower()
    if len(lowered) != len(folded):
        yield from ((m.start(), m.end()) for m in _plain_pattern(stems).finditer(folded))
        return
    starts: dict[int, int] = {}  # a word's start -> the longest prefix found there ("u.s" over "u")
    for prefix in {stem_prefix(stem).lower() for stem in stems}:
        at = lowered.find(prefix) if prefix else -1
        while at != -1:
            if (not at or not _WORD_CHAR.match(folded, at - 1)) and len(prefix) > starts.get(at, 0):
                starts[at] = len(prefix)
            at = lowered.find(prefix, at + 1)
    for at in sorted(starts):
        match = _WORD_REST.match(folded, at + starts[at])
        yield at, match.end() if match else at + starts[at]


def _folded_in_place(text: str) -> str | None:
    """`text` with accents folded, letter for letter (positions kept), when the fold map sends
    every letter to one letter (Whoosh's does); else None: the accented pattern is used."""
    return fold_accents(text) if _ONE_FOR_ONE else None


@lru_cache(maxsize=64)
def _plain_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    """word_pattern's words in text whose accents are folded already."""
    ordered = sorted((t for t in stems if t), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(stem_prefix(t)) for t in ordered) + r")\w*", re.IGNORECASE)
