"""Attaching notes and bookmarks to places in articles, and finding those places again after the
article file was renamed, moved or edited. A place that cannot be found is reported as
detached; the entry itself is always kept."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.corpus.model import Article
from reader.store.model import Anchor

CONTEXT = 40
_SPACE = re.compile(r"\s+")


class AnchorError(ValueError):
    """A place that cannot be made (a quote not in the article, a paragraph out of range)."""


def make_anchor(article: Article, paragraph: int | None = None, quote: str | None = None) -> Anchor:
    """An anchor on `article`: the whole article, paragraph number `paragraph` (1-based), or the
    passage `quote` (searched in that paragraph, else in the whole article)."""
    blocks = article.blocks
    if paragraph is not None and not 1 <= paragraph <= len(blocks):
        raise AnchorError(f"paragraph {paragraph} is out of range (the article has {len(blocks)})")
    if quote:
        quote = quote.strip()
        window = (blocks[paragraph - 1].start, blocks[paragraph - 1].end) if paragraph else (0, len(article.text))
        found = _find_text(article.text, quote, *window)
        if found is None and paragraph:
            found = _find_text(article.text, quote, 0, len(article.text))
        if found is None:
            raise AnchorError(f"the passage {quote[:60]!r} is not in article {article.id}")
        start, end = found
    elif paragraph:
        start, end = blocks[paragraph - 1].start, blocks[paragraph - 1].end
    else:
        return Anchor(article=article.id, article_title=article.title)
    return Anchor(
        article=article.id,
        article_title=article.title,
        paragraph=block_number(article, start),
        quote=article.text[start:end].replace("\n", " "),
        before=_context_before(article.text, start),
        after=_context_after(article.text, end),
    )


@dataclass(frozen=True)
class Place:
    """Where an anchor is now: the article, the 1-based paragraph, and the quote's span."""

    article: Article | None
    paragraph: int | None
    start: int | None = None
    end: int | None = None
    detached: bool = False
    moved: bool = False  # found, but not where the anchor said (renamed file or edited text)


def locate(anchor: Anchor, articles: list[Article]) -> Place:
    """Find `anchor` in the corpus now: by article id, else by the quote, else by the title."""
    by_id = {a.id: a for a in articles}
    article = by_id.get(anchor.article)
    if not anchor.quote:
        if article is None:
            article = next((a for a in articles if anchor.article_title and a.title == anchor.article_title), None)
            if article is None:
                return Place(None, anchor.paragraph, detached=True)
            return Place(article, anchor.paragraph, moved=True)
        return Place(article, anchor.paragraph)
    if article is not None:
        place = _in_article(anchor, article)
        if place is not None:
            return place
    candidates = sorted(articles, key=lambda a: a.title != anchor.article_title)
    for other in candidates:
        if other is article:
            continue
        place = _in_article(anchor, other, fuzzy=False)
        if place is not None:
            return Place(place.article, place.paragraph, place.start, place.end, moved=True)
    return Place(article, anchor.paragraph, detached=True)


def block_number(article: Article, offset: int) -> int | None:
    for number, block in enumerate(article.blocks, 1):
        if block.start <= offset < block.end or offset < block.start:
            return number
    return len(article.blocks) or None


def _in_article(anchor: Anchor, article: Article, fuzzy: bool = True) -> Place | None:
    text = article.text
    spans = list(_all_spans(text, anchor.quote))
    if not spans:
        spans = list(_all_spans_loose(text, anchor.quote))
    if spans:
        start, end = max(spans, key=lambda s: _context_score(text, s, anchor))
        number = block_number(article, start)
        return Place(article, number, start, end, moved=number != anchor.paragraph)
    if fuzzy:
        return _fuzzy(anchor, article)
    return None


def _all_spans(text: str, quote: str) -> Iterator[tuple[int, int]]:
    start = text.find(quote)
    while start != -1:
        yield start, start + len(quote)
        start = text.find(quote, start + 1)


_EQUIVALENT = {
    **dict.fromkeys('"“”„‟″«»', '["“”„‟″«»]'),
    **dict.fromkeys("'‘’‚‛′`", "['‘’‚‛′`]"),
    **dict.fromkeys("-‐‑‒–—―", r"\s*(?:--|[-‐‑‒–—―])\s*"),
    "…": "(?:…|\\.\\.\\.)",
}


def _loose_pattern(quote: str) -> str:
    """A pattern for `quote` that lets white space, letter case, quote marks, apostrophes and
    dashes differ ('--' for '–', ' for ’, "..." for …)."""
    words = quote.replace("--", "–").replace("...", "…").split()
    parts = ["".join(_EQUIVALENT.get(ch) or re.escape(ch) for ch in word) for word in words]
    pattern = parts[0] if parts else ""
    for before, word, part in zip(words, words[1:], parts[1:], strict=False):
        loose_gap = not before[-1].isalnum() or not word[0].isalnum()  # "a – b" and "a–b"
        pattern += (r"\s*" if loose_gap else r"\s+") + part
    return pattern


def _all_spans_loose(text: str, quote: str) -> Iterator[tuple[int, int]]:
    """Matches that differ only in white space, letter case, quote marks, apostrophes and dashes."""
    pattern = _loose_pattern(quote)
    if not pattern:
        return
    for match in re.finditer(pattern, text, flags=re.IGNORECASE):
        yield match.start(), match.end()


def _fuzzy(anchor: Anchor, article: Article) -> Place | None:
    """The paragraph most like the quote, when the quote was lightly edited (ratio >= 0.75)."""
    target = _SPACE.sub(" ", anchor.quote).strip().lower()
    best, best_ratio = None, 0.0
    for number, block in enumerate(article.blocks, 1):
        candidate = block.text.lower()
        matcher = difflib.SequenceMatcher(None, target, candidate, autojunk=False)
        if matcher.real_quick_ratio() < 0.3:
            continue
        # The quote may be a passage within a longer paragraph: compare against the best window.
        match = matcher.find_longest_match(0, len(target), 0, len(candidate))
        lo = max(0, match.b - match.a)
        window = candidate[lo : lo + len(target)]
        ratio = difflib.SequenceMatcher(None, target, window, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = (number, block, lo), ratio
    if best is None or best_ratio < 0.75:
        return None
    number, block, lo = best
    start = block.start + lo
    return Place(article, number, start, min(block.end, start + len(anchor.quote)), moved=True)


def _context_score(text: str, span: tuple[int, int], anchor: Anchor) -> int:
    before = _context_before(text, span[0])
    after = _context_after(text, span[1])
    return _common_suffix(before, anchor.before) + _common_prefix(after, anchor.after)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _find_text(text: str, quote: str, lo: int, hi: int) -> tuple[int, int] | None:
    index = text.find(quote, lo, hi)
    if index != -1:
        return index, index + len(quote)
    for start, end in _all_spans_loose(text[lo:hi], quote):
        return lo + start, lo + end
    return None


def _context_before(text: str, start: int) -> str:
    return text[max(0, start - CONTEXT) : start].replace("\n", " ")


def _context_after(text: str, end: int) -> str:
    return text[end : end + CONTEXT].replace("\n", " ")
