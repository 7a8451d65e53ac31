"""Reading and writing `notes.yaml`: safe YAML only, clear errors with line and column, the
fixed key order that keeps the file readable, and a JSON cache that makes loading a large store
fast (used only when it matches the YAML file byte for byte, by SHA-256)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from reader.helpers import safeyaml
from reader.helpers.atomic import write_atomic
from reader.helpers.safefile import read_regular

MAX_CACHE_BYTES = 512 * 1024 * 1024  # the cache of a store at its own cap, with room

# The C-accelerated safe dumper when libyaml is present (loading: `reader.helpers.safeyaml`).
_BaseSafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class SafeDumper(_BaseSafeDumper):  # type: ignore[misc, valid-type]
    """The safe dumper, writing multi-line text as a `|` block so it reads and edits naturally
    (the emitter falls back to quoting where a block cannot hold the text exactly)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value.rstrip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


SafeDumper.add_representer(str, _represent_str)
HEADER = (
    b"# baldreader notes and bookmarks. Safe to edit by hand: keep it valid YAML.\n"
    b"# Paragraph numbers count from 1 as shown in the reader. Status: unverified,\n"
    b"# supported, disputed or false.\n"
)


class StoreError(Exception):
    """A store problem the user must hear about."""


class StoreCorrupt(StoreError):
    """The file is not a store baldreader can read; it is left untouched."""


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def parse_yaml(raw: bytes, path: Path) -> Any:
    try:
        return safeyaml.load(raw)
    except yaml.constructor.ConstructorError as exc:
        raise StoreCorrupt(
            f"{path}: {_where(exc)}refused {_tag(exc)}: baldreader reads plain "
            "data only (YAML tags that construct objects are not allowed)"
        ) from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or getattr(exc, "reason", None) or str(exc)
        raise StoreCorrupt(f"{path}: {_where(exc)}not valid YAML: {problem}") from None


def _where(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None and getattr(mark, "line", None) is not None:
        return f"line {mark.line + 1}, column {mark.column + 1}: "
    position = getattr(exc, "position", None)
    return f"byte {position}: " if position is not None else ""


def _tag(exc: Exception) -> str:
    problem = getattr(exc, "problem", "") or ""
    if "tag" in problem:
        return "the tag " + problem.split("tag", 1)[1].strip().strip("'").split("'")[0]
    return "a YAML tag"


def dump_document(doc: dict[str, Any]) -> bytes:
    """The whole store: version first, bookmarks, any other keys, notes last (so a new note can
    be appended without rewriting the rest)."""
    ordered: dict[str, Any] = {"version": doc["version"], "bookmarks": doc["bookmarks"]}
    for key, value in doc.items():
        if key not in ("version", "bookmarks", "notes"):
            ordered[key] = value
    ordered["notes"] = doc["notes"]
    body = yaml.dump(ordered, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=100)
    return HEADER + body.encode("utf-8")


def dump_appended_note(note: dict[str, Any]) -> bytes:
    """One more item of the `notes:` list, exactly as `dump_document` writes list items."""
    return yaml.dump([note], Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=100).encode("utf-8")


def cache_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.cache.json")


def read_cache(path: Path, sha: str) -> tuple[dict[str, Any], bool] | None:
    """The cached document for the file with hash `sha`, and whether that file ends with the
    notes list as baldreader writes it (so new notes can be appended)."""
    try:
        cached = json.loads(read_regular(cache_path(path), MAX_CACHE_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # a FIFO, a folder, garbage, nesting 100,000 deep
        return None
    if isinstance(cached, dict) and cached.get("sha") == sha and isinstance(cached.get("doc"), dict):
        return cached["doc"], cached.get("appendable") is True
    return None


def write_cache(path: Path, sha: str, doc: dict[str, Any], appendable: bool) -> bool:
    """Cache `doc` as JSON when JSON holds it exactly (hand-edited YAML may hold dates, sets or
    non-text keys that JSON would change); returns whether it was written."""
    try:
        text = json.dumps({"sha": sha, "appendable": appendable, "doc": doc}, ensure_ascii=False)
        if json.loads(text)["doc"] != doc:
            return False
        write_atomic(cache_path(path), text, fsync=False)
    except (TypeError, ValueError, OSError):
        return False
    return True
