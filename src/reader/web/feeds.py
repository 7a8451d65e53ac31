"""RSS and Atom feeds (`read_feed`, by feedparser): each entry's address, title, date, author
and, when the feed carries the whole article, its content; the user's subscriptions
(`Subscriptions`, a YAML file in the user data folder, written atomically, with a schema
version)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from reader.helpers import safeyaml
from reader.helpers.atomic import write_atomic
from reader.helpers.safefile import read_regular

MAX_ENTRIES = 1_000  # a feed's newest entries read; the rest are left (said so)
FULL_CONTENT_WORDS = 150  # an entry's content this long is the article; shorter is a summary
SCHEMA = 1
FEEDS_FILE = "feeds.yaml"


class NotAFeed(Exception):
    """The bytes are no RSS or Atom feed (or one too broken to read)."""


@dataclass(frozen=True)
class Entry:
    link: str | None
    title: str | None
    date: str | None  # YYYY-MM-DD
    author: str | None
    content: str | None  # HTML of the whole article, when the feed carries it


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: list[Entry]
    left_out: int  # entries past MAX_ENTRIES


def looks_like_a_feed(raw: bytes, content_type: str = "") -> bool:
    head = raw[:1024].lstrip().lower()
    kind = content_type.lower()
    return (
        "rss" in kind
        or "atom" in kind
        or head.startswith((b"<rss", b"<feed"))
        or (head.startswith(b"<?xml") and (b"<rss" in raw[:4096].lower() or b"<feed" in raw[:4096].lower()))
    )


def read_feed(raw: bytes) -> Feed:
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(raw)
    entries = [e for e in map(_entry, parsed.entries[:MAX_ENTRIES]) if e.link or e.content]
    if not entries and (parsed.bozo or not parsed.feed or parsed.entries):
        raise NotAFeed("not an RSS or Atom feed, or too broken to read (no entry with an address or an article)")
    return Feed(_text(parsed.feed.get("title")), entries, max(0, len(parsed.entries) - MAX_ENTRIES))


def _entry(item: dict) -> Entry:  # type: ignore[type-arg]
    content = None
    for block in item.get("content") or []:
        value = block.get("value") or ""
        if len(value.split()) >= FULL_CONTENT_WORDS:
            content = value
            break
    published = item.get("published_parsed") or item.get("updated_parsed")
    return Entry(
        _text(item.get("link")),
        _text(item.get("title")),
        time.strftime("%Y-%m-%d", published) if published else None,
        _text(item.get("author")),
        content,
    )


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text[:500] or None


class Subscriptions:
    """The feeds a user follows, in `feeds.yaml` in the user data folder."""

    def __init__(self, home: Path) -> None:
        self.path = home / FEEDS_FILE

    def feeds(self) -> list[str]:
        if not self.path.exists():
            return []
        try:
            data = safeyaml.load(read_regular(self.path, 1024 * 1024)) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"{self.path} cannot be read ({type(exc).__name__}); it is left as it is") from None
        feeds = data.get("feeds", []) if isinstance(data, dict) else []
        return [str(f["url"]) for f in feeds if isinstance(f, dict) and f.get("url")]

    def follow(self, urls: list[str]) -> list[str]:
        """Add these feeds (those not followed yet); returns the ones added."""
        known = self.feeds()
        new = [u for u in dict.fromkeys(urls) if u not in known]
        if new:
            rows = [{"url": u} for u in known + new]
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = yaml.safe_dump({"schema": SCHEMA, "feeds": rows}, sort_keys=False, allow_unicode=True)
            write_atomic(self.path, data)
        return new
