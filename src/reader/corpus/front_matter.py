"""Markdown's YAML front matter, as web clippers and static sites write it (`split_front_matter`):
the block between two `---` lines at the very top, its keys read as an article's title, date,
author, outlet and address (`Provenance`); the rest of the file is the article's body."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

_BLOCK = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_ISO_DAY = re.compile(r"\A\s*(\d{4}-\d{2}-\d{2})")
MAX_FRONT_MATTER = 64 * 1024  # characters: a block longer than this is no front matter


@dataclass
class Provenance:
    """Where an article comes from, as its file says."""

    title: str | None = None
    date: str | None = None  # YYYY-MM-DD
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    problems: list[str] = field(default_factory=list)


_KEYS = {
    "title": ("title", "headline", "name"),
    "date": ("date", "published", "published_at", "pubdate", "pub_date", "created", "date_published"),
    "author": ("author", "authors", "by", "byline", "creator"),
    "outlet": ("site", "site_name", "sitename", "publisher", "outlet", "source", "publication"),
    "url": ("url", "link", "canonical", "canonical_url", "source_url", "original_url", "source"),
}


def split_front_matter(text: str) -> tuple[Provenance, str]:
    """The front matter's provenance and the body after it; a file without front matter (or
    with a block that is not a YAML mapping) is all body, the latter with a problem noted."""
    found = _BLOCK.match(text[: MAX_FRONT_MATTER + 8])
    if found is None:
        return Provenance(), text
    import yaml  # here: a corpus of plain text files never loads YAML (15 ms of a CLI start)

    from reader.helpers import safeyaml

    try:
        data = safeyaml.load(found.group(1) or "")  # no aliases: a few lines cannot stand for millions
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where is not None else ""
        return Provenance(problems=[f"front matter is not valid YAML{line}; read as text"]), text
    if not isinstance(data, dict):
        return Provenance(problems=["front matter is not a list of keys; read as text"]), text
    keys = {str(k).strip().lower(): v for k, v in data.items()}
    url = _text(_first(keys, _KEYS["url"], web=True))
    outlet = _text(_first(keys, _KEYS["outlet"], web=False))
    return (
        Provenance(
            title=_text(_first(keys, _KEYS["title"])),
            date=_day(_first(keys, _KEYS["date"])),
            author=_text(_first(keys, _KEYS["author"])),
            outlet=outlet,
            url=url,
        ),
        text[found.end() :],
    )


def _first(keys: dict[str, Any], names: tuple[str, ...], web: bool | None = None) -> Any:
    """The first of `names` the front matter has; with `web`, only a value that is (True) or is
    not (False) a web address ("source" may be either)."""
    for name in names:
        value = keys.get(name)
        if value in (None, "", []):
            continue
        if web is not None and isinstance(value, str) and value.strip().startswith(("http://", "https://")) != web:
            continue
        return value
    return None


def _text(value: Any) -> str | None:
    """A value as one line of text: a list of authors joined with commas, a mapping's name."""
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, list):
        parts = [_text(v) for v in value]
        value = ", ".join(p for p in parts if p)
    text = " ".join(str(value).split())
    return text[:300] or None


def _day(value: Any) -> str | None:
    """A date as YYYY-MM-DD, from a YAML date or datetime or a text that starts with one."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        found = _ISO_DAY.match(value)
        if found:
            try:
                return _dt.date.fromisoformat(found.group(1)).isoformat()
            except ValueError:
                return None
    return None
