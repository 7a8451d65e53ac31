"""Bringing an article into the user's corpus (`add_article`): a web address fetched (fetching.py)
or a saved page read, its article taken out (corpus/pages.py) and written as one Markdown file
with front matter: the title, date, author, outlet, the address as given and after redirects,
when it was fetched, and hashes of what was fetched and of the text. An article already there
(the same address, or the same text) is not written twice. Writes are atomic; the bundled seeds
are never written to."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from reader.atomic import write_atomic
from reader.corpus.files import MAX_FILE_BYTES
from reader.corpus.front_matter import split_front_matter
from reader.corpus.pages import NoArticle, read_page
from reader.fetching import FetchFailed, fetch
from reader.paths import bundled_seeds
from reader.safefile import FileTooLarge, NotRegularFile, read_regular


class AddFailed(Exception):
    """The source could not be added; the message says why, in one line."""


@dataclass(frozen=True)
class Added:
    path: Path
    title: str
    already: bool  # it was in the corpus: nothing written


_ADDRESS = re.compile(r"\A[a-zA-Z][a-zA-Z0-9+.-]*://")


def add_article(source: str, corpus: Path, timeout: float | None = None) -> Added:
    """Add the page at `source` (a web address or a saved page's file) to the corpus folder."""
    if corpus.resolve() == bundled_seeds().resolve():
        raise AddFailed("the bundled seeds are never written to; choose a corpus with --corpus")
    meta: dict[str, str | None] = {}
    if _ADDRESS.match(source):
        try:
            fetched = fetch(source) if timeout is None else fetch(source, timeout=timeout, deadline=4 * timeout)
        except FetchFailed as exc:
            raise AddFailed(str(exc)) from None
        raw = fetched.body
        meta.update(url=source, final_url=fetched.final_url, fetched=fetched.fetched_at)
    else:
        try:
            raw = read_regular(Path(source), MAX_FILE_BYTES)
        except (NotRegularFile, FileTooLarge) as exc:
            raise AddFailed(str(exc.strerror)) from None
        except OSError as exc:
            raise AddFailed(f"not a web address nor a file that can be read ({exc.strerror or exc})") from None
    try:
        page = read_page(raw)
    except NoArticle as exc:
        raise AddFailed(str(exc)) from None
    found = page.provenance
    text_hash = hashlib.sha256(" ".join(page.body.split()).encode("utf-8")).hexdigest()
    canonical = found.url or meta.get("final_url") or meta.get("url")
    title = found.title or page.body.split("\n", 1)[0].lstrip("# ").strip()[:120] or "Untitled"
    there = _already_there(corpus, {a for a in (canonical, meta.get("url"), meta.get("final_url")) if a}, text_hash)
    if there is not None:
        return Added(there, title, already=True)
    front = {
        "title": title,
        "date": found.date,
        "author": found.author,
        "site": found.outlet,
        "url": canonical,
        "requested_url": meta.get("url"),
        "final_url": meta.get("final_url"),
        "fetched": meta.get("fetched"),
        "fetched_sha256": hashlib.sha256(raw).hexdigest(),
        "text_sha256": text_hash,
    }
    front = {k: v for k, v in front.items() if v is not None}
    document = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + page.body
    corpus.mkdir(parents=True, exist_ok=True)
    path = corpus / f"{_slug(title)}-{text_hash[:8]}.md"
    write_atomic(path, document.rstrip("\n") + "\n")
    return Added(path, title, already=False)


def _already_there(corpus: Path, addresses: set[str], text_hash: str) -> Path | None:
    """An article file in the corpus with one of these addresses or this text, if any."""
    if not corpus.is_dir():
        return None
    for path in sorted(corpus.glob("*.md")):
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:70_000]
        except OSError:
            continue
        if text_hash in head:
            return path
        provenance, _ = split_front_matter(head)
        if provenance.url and provenance.url in addresses:
            return path
    return None


def _slug(title: str) -> str:
    words = re.findall(r"[^\W_]+", title.casefold())
    return "-".join(words)[:60].strip("-") or "article"
