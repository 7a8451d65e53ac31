"""Snippets for search hits: stretches of an article around the words a query found, and the
form in which articles write an indexed stem (for "did you mean")."""

from __future__ import annotations

import re
from pathlib import Path


def surface_form(text: str, stem: str) -> str | None:
    forms: dict[str, int] = {}
    for match in re.finditer(r"\b" + re.escape(stem) + r"\w*", text, re.IGNORECASE):
        word = match.group().lower()
        forms[word] = forms.get(word, 0) + 1
    return max(forms, key=lambda w: (forms[w], -len(w))) if forms else None


def snippet(path: Path, terms: set[str], width: int = 220) -> str:
    """Up to two stretches of the article around words that start with a searched stem,
    hits as **word**. Reads the file as text; no parsing, no second analysis."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    text = " ".join(text.split())
    if text.startswith("date "):
        text = text[16:]
    stems = sorted((t for t in terms if t), key=len, reverse=True)
    if not stems:
        return text[:width] + ("…" if len(text) > width else "")
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in stems) + r")\w*", re.IGNORECASE)
    matches = list(pattern.finditer(text))
    if not matches:
        return text[:width] + ("…" if len(text) > width else "")
    fragments, covered = [], -1
    for match in matches:
        if match.start() < covered or len(fragments) == 2:
            continue
        lo = max(0, match.start() - width // 3)
        hi = min(len(text), lo + width // (1 if len(matches) == 1 else 2) + 40)
        lo = text.rfind(" ", 0, lo) + 1 if lo else 0
        hi_space = text.find(" ", hi)
        hi = len(text) if hi_space == -1 else hi_space
        fragments.append(pattern.sub(lambda m: f"**{m.group()}**", text[lo:hi]))
        covered = hi
    return " … ".join(fragments)
