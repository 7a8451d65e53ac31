"""Parsing article text into an article: date marker, title, sub-headings, paragraphs, boilerplate.

All decisions are made on general shapes of news text (line length, capitalisation, end
punctuation, publisher-appeal phrases), never on this corpus's own words.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.corpus.model import Article, Block, count_words

_DATE_MARKER = re.compile(r"\A[ \t\n]*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)
_WORD = re.compile(r"[^\W_][\w'’-]*")  # as model.count_words counts them
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_FIRST_SENTENCE = re.compile(r".*?[.!?][\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9]|\s*$)", re.DOTALL)
_TERMINAL = tuple(".!,;:\"”')")
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "for",
    "from",
    "if",
    "in",
    "into",
    "is",
    "nor",
    "of",
    "off",
    "on",
    "onto",
    "or",
    "per",
    "so",
    "the",
    "to",
    "up",
    "via",
    "vs",
    "with",
    "yet",
}

# Phrases of publishers' appeals, newsletter prompts and page furniture. A block with several of
# them is site boilerplate, not article text.
_BOILERPLATE_MARKERS = (
    "your support",
    "support now",
    "support us",
    "donation",
    "donate",
    "read more",
    "subscribe",
    "subscription",
    "sign up",
    "newsletter",
    "paywall",
    "afford it",
    "advertisement",
    "cookie",
    "all rights reserved",
    "click here",
    "follow us",
    "share this article",
    "share on",
    "download the app",
    "become a member",
    "contribute",
    "independent journalism",
    "quality journalism",
    "we need reporters",
    "terms of use",
    "privacy policy",
    "log in",
    "register for free",
)
MAX_HEADING_WORDS = 14
# A paragraph longer than this (about 850 words; news paragraphs are a fifth of it) is shown,
# analysed and highlighted as several blocks cut at sentence ends, so that the work for one
# block, one screen or one cursor move never grows with the article.
MAX_BLOCK_CHARS = 5_000
_SPACE = re.compile(r"\s+")


def parse_article(
    text: str,
    *,
    article_id: str,
    path: Path,
    content_hash: str,
    problems: list[str] | None = None,
    title_given: bool = False,
) -> Article:
    """Parse normalised article text (LF newlines) into an `Article`. `title_given`: the first
    line is the title as a page's metadata or front matter gave it, however it reads."""
    problems = list(problems or [])
    date, body_start = _date_marker(text, problems)
    spans = _raw_blocks(text, body_start)

    title, title_span, title_derived = None, None, False
    if spans:
        first_start, first_end = spans[0]
        first_line_end = text.find("\n", first_start, first_end)
        line_end = first_end if first_line_end == -1 else first_line_end
        candidate = text[first_start:line_end].strip()
        if title_given or _reads_as_headline(candidate):
            title, title_span = _strip_md(candidate), (first_start, line_end)
            rest = trim_span(text, line_end, first_end)
            spans = ([rest] if rest else []) + spans[1:]

    blocks = []
    for start, end in spans:
        if end - start > MAX_BLOCK_CHARS:
            pieces = _pieces(text, start, end)
            problems.append(
                f"a paragraph of {end - start:,} characters is shown as {len(pieces)} "
                f"blocks of at most {MAX_BLOCK_CHARS:,}"
            )
            blocks += [Block("paragraph", text[s:e].replace("\n", " "), s, e) for s, e in pieces]
        else:
            blocks.append(_classify(text, start, end))
    blocks = _mark_boilerplate(blocks)
    if title is None:
        title, title_derived = _derive_title(blocks), True
    words = sum(count_words(b.text) for b in blocks if b.kind != "boilerplate")
    return Article(
        id=article_id,
        path=path,
        text=text,
        title=title,
        title_derived=title_derived,
        date=date,
        blocks=blocks,
        word_count=words,
        content_hash=content_hash,
        problems=problems,
        title_span=title_span,
    )


def _date_marker(text: str, problems: list[str]) -> tuple[str | None, int]:
    match = _DATE_MARKER.match(text)
    if not match:
        return None, 0
    try:
        _dt.date.fromisoformat(match.group(1))
    except ValueError:
        problems.append(f"date marker {match.group(1)!r} is not a real date; ignored")
        return None, match.end()
    return match.group(1), match.end()


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) without the white space at either end; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _raw_blocks(text: str, start: int) -> list[tuple[int, int]]:
    """Blank-line separated blocks when the text has blank lines, otherwise one block a line."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text, start) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    pos = start
    for match in separator.finditer(text, start):
        span = trim_span(text, pos, match.start())
        if span:
            spans.append(span)
        pos = match.end()
    span = trim_span(text, pos, len(text))
    if span:
        spans.append(span)
    if separator is _BLANK_LINE:
        # A Markdown heading glued to the text below it gets its own block.
        split: list[tuple[int, int]] = []
        for s, e in spans:
            nl = text.find("\n", s, e)
            if nl != -1 and _MD_HEADING.match(text[s:nl]):
                split.append((s, nl))
                rest = trim_span(text, nl, e)
                if rest:
                    split.append(rest)
            else:
                split.append((s, e))
        spans = split
    return spans


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut into spans of at most MAX_BLOCK_CHARS: after the last sentence end that
    fits, else at the last space, else anywhere. Linear in the span's length."""

    def cuts() -> Iterator[int]:
        pos = start
        while end - pos > MAX_BLOCK_CHARS:
            limit, cut = pos + MAX_BLOCK_CHARS, None
            for pattern in (_SENTENCE_END, _SPACE):
                for match in pattern.finditer(text, pos + MAX_BLOCK_CHARS // 2, limit):
                    cut = match.start()
                if cut is not None:
                    break
            pos = cut if cut is not None and cut > pos else limit
            yield pos

    return spans_between(text, start, end, cuts())


def spans_between(text: str, start: int, end: int, cuts: Iterable[int]) -> list[tuple[int, int]]:
    """The trimmed, non-empty spans of [start, end) between successive cut positions."""
    spans = []
    pos = start
    for cut in cuts:
        span = trim_span(text, pos, cut)
        if span:
            spans.append(span)
        pos = cut
    span = trim_span(text, pos, end)
    if span:
        spans.append(span)
    return spans


def _strip_md(line: str) -> str:
    return _MD_HEADING.sub("", line).strip()


def _classify(text: str, start: int, end: int) -> Block:
    raw = text[start:end]
    display = raw.replace("\n", " ")
    if "\n" not in raw and (_MD_HEADING.match(raw) or _reads_as_heading(raw)):
        return Block("heading", _strip_md(display), start, end)
    return Block("paragraph", display, start, end)


def _capitalised_ratio(words: list[str]) -> float:
    significant = [w for w in words if w.lower() not in _SMALL_WORDS and w[:1].isalpha()]
    if not significant:
        return 0.0
    return sum(1 for w in significant if w[:1].isupper()) / len(significant)


def _reads_as_headline(line: str) -> bool:
    """The first line of a file is its title when it is short, unpunctuated at the end, and
    capitalised like a headline (or a Markdown heading)."""
    if _MD_HEADING.match(line):
        return True
    if len(line) > 300:
        return False
    words = _WORD.findall(line)
    if not words or len(words) > 40:
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    if len(_SENTENCE_END.findall(line)) >= 2:
        return False
    return _capitalised_ratio(words) >= 0.6 or (len(words) <= 12 and not line.endswith((",", ";")))


# A transcript's speaker label in capitals, one to three words ("TAPPER", "JAKE TAPPER"); the
# analysis reads the same labels (analysis/transcript.py).
SPEAKER_LABEL = r"(?:[A-Z][A-Z'’.-]*[A-Z.] ){0,2}[A-Z][A-Z'’-]*[A-Z]"
_SPEAKER_TURN = re.compile(SPEAKER_LABEL + r": +[A-Z\"“]")


def _reads_as_heading(line: str) -> bool:
    """A sub-heading: a short single line that does not end like a sentence or a quotation."""
    if len(line) > 120:  # before the words are found: most lines are paragraphs
        return False
    words = _WORD.findall(line)
    if not 2 <= len(words) <= MAX_HEADING_WORDS:
        return False
    if line.endswith(_TERMINAL) or line.endswith(("’", "…")):
        return False
    if not (line[:1].isupper() or line[:1].isdigit()):
        return False
    if _SPEAKER_TURN.match(line):
        return False  # "TAPPER: Do you think he can win?": a turn of a transcript
    return line.count('"') + line.count("“") + line.count("”") == 0


def _boilerplate_score(text: str) -> int:
    lower = text.lower()
    return sum(1 for marker in _BOILERPLATE_MARKERS if marker in lower)


def _mark_boilerplate(blocks: list[Block]) -> list[Block]:
    """Publisher appeals at the edges of an article (two or more markers), or anywhere with
    four or more, are marked as boilerplate so the reader can collapse them."""
    out = []
    last = len(blocks) - 1
    for i, block in enumerate(blocks):
        score = _boilerplate_score(block.text)
        at_edge = i <= 1 or i >= last - 1
        if block.kind == "paragraph" and (score >= 4 or (at_edge and score >= 2)):
            block = Block("boilerplate", block.text, block.start, block.end)
        out.append(block)
    return out


def _derive_title(blocks: list[Block], limit: int = 120) -> str:
    for block in blocks:
        if block.kind == "boilerplate":
            continue
        match = _FIRST_SENTENCE.match(block.text)
        sentence = (match.group(0) if match else block.text).strip()
        if len(sentence) <= limit:
            return sentence
        cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:–—-")
        return cut + "…"
    return "(untitled)"
