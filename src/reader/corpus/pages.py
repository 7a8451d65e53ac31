"""Saved web pages as articles (`read_page`): the article's text taken out of the page by
trafilatura (navigation, boilerplate, captions, related links and cookie notices left out;
paragraphs and sub-headings kept as Markdown), and its title, date, author, outlet and address
from the page's metadata. A page with no article text is refused with the reason. Pages already
read are not read again (by the hash of their bytes): in this process, and in the user data
folder's page cache once `remember_in` names it."""

from __future__ import annotations

import codecs
import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.corpus.front_matter import Provenance
from reader.corpus.page_body import tidy_body, without_site, words
from reader.corpus.page_cache import CACHE_NAME, PageCache
from reader.corpus.page_standfirst import with_standfirst

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MIN_WORDS = 20  # fewer words than this in what the extractor kept: no article in the page …
MIN_CHARS = 80  # … unless it has this many letters (Chinese and Japanese put no spaces between words)
# Fewer words of prose than this from the quick extraction: it may have taken the wrong part of
# the page (a menu, a teaser box); the thorough extraction is tried as well.
RECHECK_WORDS = 200
_MEMORY = 512  # pages remembered by hash


@dataclass(frozen=True)
class Page:
    body: str  # Markdown: paragraphs, "## " sub-headings
    provenance: Provenance


class NoArticle(Exception):
    """The page holds no article text (a script-only page, a paywall stub, an index page)."""


_read: OrderedDict[str, Page | str] = OrderedDict()
_lock = threading.Lock()


_disk: list[PageCache] = []  # the cache on disk, once `remember_in` names the user data folder


def remember_in(home: Path) -> None:
    """Keep what pages hold in `home`'s page cache (page_cache.py) from now on, in this process."""
    _disk[:] = [PageCache(home / CACHE_NAME)]


def read_page(raw: bytes) -> Page:
    """The article in a saved page's bytes (NoArticle when there is none)."""
    key = hashlib.sha256(raw).hexdigest()
    with _lock:
        known = _read.get(key)
    if known is None and _disk:
        known = _from_json(_disk[0].get(key))
    if known is None:
        known = extract(raw)
        remember(raw, known, key)
    if isinstance(known, str):
        raise NoArticle(known)
    return known


def is_known(raw: bytes) -> bool:
    """Whether the page in these bytes was read already (in this process or the page cache)."""
    key = hashlib.sha256(raw).hexdigest()
    with _lock:
        if key in _read:
            return True
    return bool(_disk) and _disk[0].has(key)


def remember(raw: bytes, found: Page | str, key: str | None = None) -> None:
    """Keep what a page holds (its article, or why it has none), as `read_page` does."""
    key = key or hashlib.sha256(raw).hexdigest()
    if _disk:
        _disk[0].put(key, _to_json(found))
    with _lock:
        _read[key] = found
        while len(_read) > _MEMORY:
            _read.popitem(last=False)


def extract(raw: bytes) -> Page | str:
    """The article in a page's bytes, or why there is none (no cache: `read_page` keeps it)."""
    from trafilatura.settings import Document

    try:
        document, body = _extracted(raw, fast=True)
        if _prose_words(body) < RECHECK_WORDS:  # the thorough way too, the one with more prose kept
            thorough, thorough_body = _extracted(raw, fast=False)
            if _prose_words(thorough_body) > _prose_words(body):
                document, body = thorough, thorough_body
    except Exception as exc:  # the extractor's own faults on malformed markup: the page is refused
        return f"the page could not be read ({type(exc).__name__})"
    if (
        not isinstance(document, Document)
        or not body
        or (len(body.split()) < MIN_WORDS and len("".join(body.split())) < MIN_CHARS)
    ):
        return "no article text in the page (a script-only page, a paywall stub or an index?)"
    meta = document.as_dict()
    outlet = _one_line(meta.get("sitename"))
    title = headline(raw, _one_line(meta.get("title")))
    title = without_site(title, outlet) if title else title
    return Page(
        with_standfirst(tidy_body(body, title, outlet), meta.get("description"), raw, title),
        Provenance(
            title=title,
            date=_told_day(meta.get("date") or None, raw),
            author=_one_line(meta.get("author")),
            outlet=outlet,
            url=_one_line(meta.get("url")),
        ),
    )


_JANUARY = r"(?:jan(?:uary|\.)?|janvier|januar|enero|gennaio|janeiro|januari|stycznia|января)"


def _told_day(date: str | None, raw: bytes) -> str | None:
    """The page's date, unless it is a 1 January the page never names: the date finder's guess
    from a year alone (a copyright line's "© 1998-2017", a footer's year), which a reader would
    take for a day. Named: 2024-01-01, 2024/01/01, 01.01.2024, 1/1/2024, January 1, 2024,
    1 January 2024, 1. Januar 2024, 1 de enero de 2024, 2024年1月1日, 2024년 1월 1일."""
    if not date or not date.endswith("-01-01"):
        return date
    year = re.escape(date[:4])
    named = re.compile(
        rf"{year}\s*[-/.]\s*0?1\s*[-/.]\s*0?1(?!\d)|(?<!\d)0?1\s*[./-]\s*0?1\s*[./-]\s*{year}"
        rf"|{_JANUARY}\W{{0,3}}0?1(?:st)?\b\W{{0,3}}{year}|(?<!\d)0?1(?:st|er|\.)?\s*(?:de\s+)?{_JANUARY}\W{{0,3}}(?:de\s+)?{year}"
        rf"|{year}\s*[年년]\s*0?1\s*[月월]\s*0?1\s*[日일]",
        re.IGNORECASE,
    )
    return date if named.search(raw.decode("utf-8", errors="replace")) else None


def _extracted(raw: bytes, fast: bool) -> tuple[Any, str | None]:
    """trafilatura's document for the page (its metadata) and its body as Markdown. `fast`
    takes the main extraction alone; without it, trafilatura also runs its ports of
    Readability and jusText and keeps what it judges best (about half again slower)."""
    import trafilatura  # a second or so to import: only when a page is read
    from trafilatura.core import determine_returnstring
    from trafilatura.settings import Document, Extractor

    options = Extractor(
        output_format="markdown", formatting=True, comments=False, tables=False, with_metadata=True, fast=fast
    )
    document = trafilatura.bare_extraction(raw, options=options)
    options.with_metadata = False  # the body alone, as Markdown (one extraction for both)
    body = determine_returnstring(document, options) if isinstance(document, Document) else None
    return document, body


def _prose_words(body: str | None) -> int:
    """Words in lines of eight words or more: sentences, not a menu's or a link list's items."""
    counts = (len(line.split()) for line in (body or "").split("\n"))
    return sum(n for n in counts if n >= 8)


def _one_line(value: object) -> str | None:
    if not value:
        return None
    text = " ".join(str(value).split())
    return text[:300] or None


_SITE_PART = re.compile(r"\s+[|\-–—»·:]\s+|\s*_\s*|\s+\[")  # "Headline | Site", "Headline_Site"


def headline(raw: bytes, found: str | None) -> str | None:
    """The page's headline: the title it declares in its metadata, else the extractor's title
    when the page's own <title> holds it, else the <title>'s first part before a site's name ("A
    headline | Daily Ledger"); the extractor sometimes takes a promotion or a section's name."""
    own, declared = _head_titles(raw)
    if declared:
        return declared
    first_part = _SITE_PART.split(own)[0].strip() if own else None
    if found and (not own or _held(words(found), words(own), len(words(first_part or own)))):
        return found
    return first_part or found


# Metadata naming a page's title, the first found wins (as Mozilla's Readability prefers them:
# Dublin Core, then Open Graph, then the rest); `name="DC.title"` counts as `dc:title`.
_DECLARED_TITLE = ("dc:title", "dcterm:title", "og:title", "weibo:article:title", "title", "twitter:title")


def _head_titles(raw: bytes) -> tuple[str | None, str | None]:
    """The page's <title> (the first not empty, an SVG's own titles left out) and the title it
    declares in its metadata, read from the first 200 KB (some pages' <title> comes after their
    </head>)."""
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    start = raw[:200_000]  # the head is near the top: never the whole of a large page parsed
    try:  # UTF-8, a character cut at the end of the part read left out
        text = codecs.getincrementaldecoder("utf-8")().decode(start, final=False)
    except UnicodeDecodeError:
        text = start.decode("cp1252", errors="replace")
    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return None, None
    own = _first_title(tree)
    declared: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = _one_line(meta.get("content"))
        if not content:
            continue
        keys = f"{meta.get('property') or ''} {meta.get('name') or ''}".lower().replace(".", ":").split()
        for key in keys:
            declared[key] = content  # a later one wins, as in Readability
    return own, next((declared[key] for key in _DECLARED_TITLE if key in declared), None)


def _first_title(tree: Any) -> str | None:
    for element in tree.iter("title"):
        if any(parent.tag == "svg" for parent in element.iterancestors()):
            continue
        text = _one_line(" ".join(element.xpath(".//text()")))
        if text:
            return text
    return None


def _held(words: list[str], within: list[str], headline_length: int) -> bool:
    """`words` run together in `within`, and make at least half a headline of that length."""
    n = len(words)
    if not n or 2 * n < headline_length:
        return False
    return any(within[i : i + n] == words for i in range(len(within) - n + 1))


def _to_json(found: Page | str) -> dict[str, object]:
    if isinstance(found, str):
        return {"refused": found}
    p = found.provenance
    return {"body": found.body, "title": p.title, "date": p.date, "author": p.author, "outlet": p.outlet, "url": p.url}


def _from_json(data: dict[str, object] | None) -> Page | str | None:
    if data is None:
        return None
    if isinstance(data.get("refused"), str):
        return str(data["refused"])
    fields = {k: data.get(k) for k in ("title", "date", "author", "outlet", "url")}
    if not isinstance(data.get("body"), str) or not all(v is None or isinstance(v, str) for v in fields.values()):
        return None
    return Page(str(data["body"]), Provenance(**fields))  # type: ignore[arg-type]
