"""Bookmarks and notes as stored in `notes.yaml`: fields, defaults, and tolerant conversion.

Every entry keeps the fields it was read with, known or not, so a hand-added field survives the
next save. Paragraph numbers are 1-based, as the reader shows them.
"""

from __future__ import annotations

import datetime as _dt
import secrets
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
STATUSES = ("unverified", "supported", "disputed", "false")
TARGETS = ("article", "paragraph", "claim", "passage")


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id(prefix: str, taken: set[str]) -> str:
    while True:
        candidate = f"{prefix}-{secrets.token_hex(4)}"
        if candidate not in taken:
            return candidate


def as_text(value: Any) -> str:
    """A scalar read from hand-edited YAML as text: dates and times back to ISO form."""
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.UTC)
        moment: _dt.datetime = value.astimezone(_dt.UTC)
        return moment.isoformat().replace("+00:00", "Z")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{value}"


@dataclass
class Anchor:
    """Where an entry is attached, with enough text to find the place again."""

    article: str
    article_title: str = ""
    paragraph: int | None = None  # 1-based block number; None for the whole article
    quote: str = ""  # the exact passage (or paragraph) text
    before: str = ""  # a little text before the quote
    after: str = ""  # a little text after it

    FIELDS = ("article", "article_title", "paragraph", "quote", "before", "after")

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "article_title": self.article_title,
            "paragraph": self.paragraph,
            "quote": self.quote,
            "before": self.before,
            "after": self.after,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Anchor:
        paragraph = d.get("paragraph")
        if isinstance(paragraph, bool) or not isinstance(paragraph, int) or paragraph < 1:
            paragraph = None
        return cls(
            article=as_text(d.get("article")),
            article_title=as_text(d.get("article_title")),
            paragraph=paragraph,
            quote=as_text(d.get("quote")),
            before=as_text(d.get("before")),
            after=as_text(d.get("after")),
        )


@dataclass
class Note:
    id: str
    anchor: Anchor
    text: str = ""
    target: str = "paragraph"
    tags: list[str] = field(default_factory=list)
    status: str = "unverified"
    claim: dict[str, Any] | None = None  # kind, source, speaker of the claim noted on
    created: str = ""
    updated: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("id", "target", "text", "tags", "status", "claim", "created", "updated") + Anchor.FIELDS

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "target": self.target,
            **self.anchor.to_dict(),
            "text": self.text,
            "tags": list(self.tags),
            "status": self.status,
        }
        if self.claim is not None:
            d["claim"] = dict(self.claim)
        d["created"] = self.created
        d["updated"] = self.updated
        d.update(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Note:
        tags = d.get("tags")
        if isinstance(tags, str):
            tags = [tags]
        claim = d.get("claim") if isinstance(d.get("claim"), dict) else None
        return cls(
            id=as_text(d.get("id")),
            anchor=Anchor.from_dict(d),
            text=as_text(d.get("text")),
            target=as_text(d.get("target")) or "paragraph",
            tags=[as_text(t) for t in tags] if isinstance(tags, list) else [],
            status=as_text(d.get("status")) or "unverified",
            claim=claim,
            created=as_text(d.get("created")),
            updated=as_text(d.get("updated")),
            extra={k: v for k, v in d.items() if k not in cls.KNOWN},
        )


@dataclass
class Bookmark:
    id: str
    anchor: Anchor
    label: str = ""
    created: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("id", "label", "created") + Anchor.FIELDS

    def to_dict(self) -> dict[str, Any]:
        d = {"id": self.id, **self.anchor.to_dict(), "label": self.label, "created": self.created}
        d.update(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Bookmark:
        return cls(
            id=as_text(d.get("id")),
            anchor=Anchor.from_dict(d),
            label=as_text(d.get("label")),
            created=as_text(d.get("created")),
            extra={k: v for k, v in d.items() if k not in cls.KNOWN},
        )


def entry_problems(kind: str, d: dict[str, Any]) -> list[str]:
    """What is odd about a hand-edited entry (reported, never dropped)."""
    problems = []
    ident = d.get("id") or "(no id)"
    if not d.get("article"):
        problems.append(f"{kind} {ident}: no article")
    if kind == "note":
        if d.get("status") not in (None, *STATUSES):
            problems.append(f"note {ident}: unknown status {d.get('status')!r} (expected one of {', '.join(STATUSES)})")
        if d.get("target") not in (None, *TARGETS):
            problems.append(f"note {ident}: unknown target {d.get('target')!r}")
        if d.get("tags") is not None and not isinstance(d.get("tags"), (list, str)):
            problems.append(f"note {ident}: tags should be a list")
    return problems
