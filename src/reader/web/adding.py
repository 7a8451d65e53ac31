"""Bringing articles into the user's corpus (`Adder`): a web address fetched (fetching.py) or a
saved page read, its article taken out (corpus/pages.py) and written as one Markdown file with
front matter: the title, date, author, outlet, the address as given and after redirects, when it
was fetched, and hashes of what was fetched and of the text. A feed (RSS, Atom) adds each entry:
its content when the feed carries the whole article, else its page. An article already there
(the same address, or the same text) is not written twice. Writes are atomic; the bundled seeds
are never written to."""

from __future__ import annotations

import hashlib
import html
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from reader.corpus.files import MAX_FILE_BYTES
from reader.corpus.front_matter import Provenance, split_front_matter
from reader.corpus.load import MARKDOWN_SUFFIXES, Skipped, article_from_bytes
from reader.corpus.pages import NoArticle, Page, read_page
from reader.helpers.atomic import write_atomic
from reader.helpers.paths import bundled_seeds
from reader.helpers.safefile import FileTooLarge, NotRegularFile, read_regular
from reader.web.feeds import Entry, NotAFeed, looks_like_a_feed, read_feed
from reader.web.fetching import Fetched, FetchFailed, client, fetch


class AddFailed(Exception):
    """The source could not be added; the message says why, in one line."""


@dataclass(frozen=True)
class Added:
    path: Path
    title: str
    already: bool  # it was in the corpus: nothing written
    warnings: tuple[str, ...] = ()  # what the corpus says of the file read (front matter not YAML, …)


@dataclass
class FromFeed:
    """What a feed gave: each entry added (or already there), and each that failed, with why."""

    title: str | None
    added: list[Added] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    left_out: int = 0


TEXT_SUFFIXES = MARKDOWN_SUFFIXES | {".txt", ".text"}  # added as the corpus reads them, not as pages
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ADDRESS = re.compile(r"\A[a-zA-Z][a-zA-Z0-9+.-]*://")


def is_address(source: str) -> bool:
    return bool(_ADDRESS.match(source))


class Adder:
    """Adds to one corpus folder; knows the addresses and texts already in it (read once)."""

    def __init__(self, corpus: Path, timeout: float | None = None, stop: Callable[[], bool] | None = None) -> None:
        """`stop()`: once true, a feed's remaining entries are left (a reader who quits is not kept)."""
        if corpus.resolve() == bundled_seeds().resolve():
            raise AddFailed("the bundled seeds are never written to; choose a corpus with --corpus")
        self.corpus = corpus
        self.timeout = timeout
        self.stop = stop or (lambda: False)
        self._lock = threading.Lock()
        self._client: Any = None
        self._addresses: dict[str, Path] = {}
        self._texts: dict[str, Path] = {}
        for path in sorted(corpus.glob("*.md")) if corpus.is_dir() else []:
            self._remember(path)

    def fetch(self, url: str) -> Fetched:
        with self._lock:
            if self._client is None:
                self._client = client()  # one for every fetch, from any thread
        try:
            if self.timeout is None:
                return fetch(url, using=self._client)
            return fetch(url, timeout=self.timeout, deadline=4 * self.timeout, using=self._client)
        except FetchFailed as exc:
            raise AddFailed(str(exc)) from exc

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def add(self, source: str) -> Added | FromFeed:
        """A page (web address or saved file) added, or a feed's entries."""
        meta: dict[str, str | None] = {}
        if is_address(source):
            known = self.known(source)
            if known is not None:
                return known
            fetched = self.fetch(source)
            raw, kind = fetched.body, fetched.content_type
            meta.update(url=source, final_url=fetched.final_url, fetched=fetched.fetched_at)
        else:
            path = Path(source)
            raw, kind = _read_file(path), ""
            if path.suffix.lower() in TEXT_SUFFIXES:
                page, named, problems = _text_page(path, raw)
                added = self.add_read(page, raw, {}, named)
                return added if added.already else replace(added, warnings=tuple(problems))
        if looks_like_a_feed(raw, kind):
            return self.add_feed(raw)
        return self.add_page(raw, meta)

    def known(self, address: str) -> Added | None:
        """The article already added from this address, if any."""
        with self._lock:
            path = self._addresses.get(address)
        return Added(path, path.stem, already=True) if path is not None else None

    def add_feed(self, raw: bytes) -> FromFeed:
        try:
            feed = read_feed(raw)
        except NotAFeed as exc:
            raise AddFailed(str(exc)) from None
        result = FromFeed(feed.title, left_out=feed.left_out)
        for entry in feed.entries:
            if self.stop():
                break
            try:
                result.added.append(self.add_entry(entry, feed.title))
            except AddFailed as exc:
                result.failed.append((entry.link or entry.title or "an entry", str(exc)))
        return result

    def add_entry(self, entry: Entry, outlet: str | None, fetch: Callable[[str], Fetched] | None = None) -> Added:
        """A feed's entry: its content when the feed carries the whole article, else its page
        (fetched by `fetch`, `self.fetch` by default)."""
        if entry.link:
            known = self.known(entry.link)
            if known is not None:
                return known
        if entry.content:
            page = _entry_page(entry, outlet)
            return self.add_page(page, {"url": entry.link, "final_url": entry.link})
        if not entry.link:
            raise AddFailed("the entry has neither content nor an address")
        fetched = (fetch or self.fetch)(entry.link)
        meta = {"url": entry.link, "final_url": fetched.final_url, "fetched": fetched.fetched_at}
        return self.add_page(fetched.body, meta)

    def add_page(self, raw: bytes, meta: Mapping[str, str | None]) -> Added:
        try:
            page = read_page(raw)
        except NoArticle as exc:
            raise AddFailed(str(exc)) from None
        return self.add_read(page, raw, meta)

    def add_read(self, page: Page, raw: bytes, meta: Mapping[str, str | None], named: str | None = None) -> Added:
        """An article read from `raw` (a page's, or a text or Markdown file's) written. `named`:
        the title the corpus gives an article without one (its first sentence), which names the
        file but is not written as a title (the article keeps reading as it did)."""
        found = page.provenance
        text_hash = hashlib.sha256(" ".join(page.body.split()).encode("utf-8")).hexdigest()
        canonical = found.url or meta.get("final_url") or meta.get("url")
        title = found.title or named or page.body.split("\n", 1)[0].lstrip("# ").strip()[:120] or "Untitled"
        addresses = [a for a in (canonical, meta.get("url"), meta.get("final_url")) if a]
        with self._lock:
            there = self._texts.get(text_hash) or next(
                (self._addresses[a] for a in addresses if a in self._addresses), None
            )
            if there is not None:
                return Added(there, title, already=True)
            front = {
                "title": None if named and not found.title else title,
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
            path = self.corpus / f"{_slug(title)}-{text_hash[:8]}.md"
            self._texts[text_hash] = path  # taken now; written below, outside the lock
            for address in addresses:
                self._addresses[address] = path
        front = {k: v for k, v in front.items() if v is not None}
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
        try:
            self.corpus.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text + page.body.rstrip("\n") + "\n")
        except OSError as exc:
            with self._lock:
                self._texts.pop(text_hash, None)
                for address in addresses:
                    self._addresses.pop(address, None)
            raise AddFailed(f"the article could not be written ({exc.strerror or exc})") from None
        return Added(path, title, already=False)

    def _remember(self, path: Path) -> None:
        try:  # never waits on a FIFO, never reads past the cap
            head = read_regular(path, MAX_FILE_BYTES)[:70_000].decode("utf-8", errors="replace")
        except OSError:
            return
        provenance, _ = split_front_matter(head)
        found = re.search(r"^text_sha256:\s*(\S+)", head, re.MULTILINE)
        if found:
            self._texts[found.group(1).strip("'\"")] = path
        for key in ("requested_url", "final_url"):  # written by `add_page`; `url` is the provenance's
            value = re.search(rf"^{key}:\s*(\S+)", head, re.MULTILINE)
            if value:
                self._addresses[value.group(1).strip("'\"")] = path
        if provenance.url:
            self._addresses[provenance.url] = path


def add_article(source: str, corpus: Path, timeout: float | None = None) -> Added | FromFeed:
    """Add one source (page, saved page or feed) to the corpus folder."""
    return Adder(corpus, timeout).add(source)


def _read_file(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except (NotRegularFile, FileTooLarge) as exc:
        raise AddFailed(str(exc.strerror)) from None
    except OSError as exc:
        raise AddFailed(f"not a web address nor a file that can be read ({exc.strerror or exc})") from None


def _text_page(path: Path, raw: bytes) -> tuple[Page, str | None, list[str]]:
    """A text or Markdown article file's bytes read as the corpus reads them: the title and date
    (a first line `date YYYY-MM-DD`, or front matter), the outlet, author and address, and the
    body after them (from its first block); the title the corpus derives when it has none; and
    what the corpus says of the file (its problems)."""
    article = article_from_bytes(path, raw)
    if isinstance(article, Skipped):
        raise AddFailed(f"not an article: {article.reason}")
    body = article.text[article.blocks[0].start :] if article.blocks else ""
    if not body.strip():
        raise AddFailed("not an article: no text after its title")
    if not _BLANK_LINE.search(body.strip("\n")):  # a paragraph a line: blank lines keep them apart
        body = "\n\n".join(line for line in body.splitlines() if line.strip())
    title = None if article.title_derived else article.title
    found = Provenance(title=title, date=article.date, author=article.author, outlet=article.outlet, url=article.url)
    named = article.title if article.title_derived else None
    return Page(body.strip("\n") + "\n", found), named, list(article.problems)


def _entry_page(entry: Entry, outlet: str | None) -> bytes:
    """A feed entry's whole article as a page, its metadata in the head."""
    head = [f"<title>{html.escape(entry.title or '')}</title>"]
    for name, value in (("og:site_name", outlet), ("article:published_time", entry.date)):
        if value:
            head.append(f'<meta property="{name}" content="{html.escape(value)}">')
    if entry.author:
        head.append(f'<meta name="author" content="{html.escape(entry.author)}">')
    if entry.link:
        head.append(f'<link rel="canonical" href="{html.escape(entry.link)}">')
    title = f"<h1>{html.escape(entry.title)}</h1>" if entry.title else ""
    body = f"<html><head>{''.join(head)}</head><body><article>{title}{entry.content}</article></body></html>"
    return body.encode("utf-8")


def _slug(title: str) -> str:
    words = re.findall(r"[^\W_]+", title.casefold())
    return "-".join(words)[:60].strip("-") or "article"
