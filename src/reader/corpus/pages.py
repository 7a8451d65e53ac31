"""Saved web pages as articles (`read_page`): the article's text taken out of the page by
trafilatura (navigation, boilerplate, captions, related links and cookie notices left out;
paragraphs and sub-headings kept as Markdown), and its title, date, author, outlet and address
from the page's metadata. A page with no article text is refused with the reason. Pages already
read in this process are not read again (by the hash of their bytes)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from reader.corpus.front_matter import Provenance

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MIN_WORDS = 20  # fewer words than this in what the extractor kept: no article in the page
_MEMORY = 512  # pages remembered by hash


@dataclass(frozen=True)
class Page:
    body: str  # Markdown: paragraphs, "## " sub-headings
    provenance: Provenance


class NoArticle(Exception):
    """The page holds no article text (a script-only page, a paywall stub, an index page)."""


_read: OrderedDict[str, Page | str] = OrderedDict()
_lock = threading.Lock()


def read_page(raw: bytes) -> Page:
    """The article in a saved page's bytes (NoArticle when there is none)."""
    key = hashlib.sha256(raw).hexdigest()
    with _lock:
        known = _read.get(key)
    if known is None:
        known = _extract(raw)
        with _lock:
            _read[key] = known
            while len(_read) > _MEMORY:
                _read.popitem(last=False)
    if isinstance(known, str):
        raise NoArticle(known)
    return known


def _extract(raw: bytes) -> Page | str:
    import trafilatura  # a second or so to import: only when a page is read

    try:
        document = trafilatura.bare_extraction(
            raw,
            output_format="python",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
        body = trafilatura.extract(
            raw,
            output_format="markdown",
            include_formatting=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
        )
    except Exception as exc:  # the extractor's own faults on malformed markup: the page is refused
        return f"the page could not be read ({type(exc).__name__})"
    if document is None or not body or len(body.split()) < MIN_WORDS:
        return "no article text in the page (a script-only page, a paywall stub or an index?)"
    meta = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    return Page(
        _without_title(body, meta.get("title")),
        Provenance(
            title=_one_line(meta.get("title")),
            date=meta.get("date") or None,
            author=_one_line(meta.get("author")),
            outlet=_one_line(meta.get("sitename")),
            url=_one_line(meta.get("url")),
        ),
    )


def _one_line(value: object) -> str | None:
    if not value:
        return None
    text = " ".join(str(value).split())
    return text[:300] or None


def _without_title(body: str, title: object) -> str:
    """The body without a first heading that repeats the title (the title goes first anyway)."""
    first, _, rest = body.partition("\n")
    if title and first.lstrip("# ").strip() == " ".join(str(title).split()):
        return rest.lstrip("\n")
    return body
