"""Reading a search query: repairs for what cannot be parsed (with a short message), fields,
dates, and capped expansion of prefixes and fuzzy words so they stay fast on a large index."""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable
from typing import Any

from whoosh import query as Q
from whoosh.qparser import FuzzyTermPlugin, GtLtPlugin, MultifieldParser, PlusMinusPlugin

from reader.helpers.naming import across_name, by_first_and_last
from reader.search.phrases import use_typed_phrases
from reader.search.schema import fold_accents, highlight_analyzer

FIELDS = {"title", "body", "date", "person", "site", "author"}
_GLUED = ("body", "date", "person", "title")  # "insiderdate:": a word and a field, the space lost
_DATE_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_HIGHLIGHT = highlight_analyzer()
MIN_PREFIX = 2
MAX_EXPANSIONS = 8
MAX_QUERY = 500  # characters
MAX_WORDS = 40
MAX_WORD = 60  # characters in one word
MAX_DEPTH = 8  # levels of brackets
MAX_RANGE_TERMS = 300  # words of the dictionary a range of words reads, at most
_FIELD = re.compile(r"(?<![\w\"])([A-Za-z_]+):")


class Stopped(Exception):
    """The search was stopped (its `stop()` became true): the reader typed on, backed out or quit."""


def _never() -> bool:
    return False


class Parsers:
    """The query parser for an index's schema as it is now, made again (reading the table of
    contents, ~0.4 ms) only for an index opened anew or given a new generation, not for every
    search."""

    def __init__(self) -> None:
        self._made: tuple[Any, int, Any] | None = None  # (the index, its generation, its parser)

    def for_index(self, ix: Any) -> Any:
        generation = ix.latest_generation()
        if self._made is None or self._made[0] is not ix or self._made[1] != generation:
            self._made = (ix, generation, make_parser(ix.schema))
        return self._made[2]


def make_parser(schema: Any) -> Any:
    # Titles count double through the title field's own boost (schema.py), applied once, at
    # indexing; no boost here as well.
    parser = MultifieldParser(["title", "body"], schema)
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(PlusMinusPlugin())
    parser.add_plugin(GtLtPlugin())
    use_typed_phrases(parser)
    return parser


def parse(parser: Any, text: str) -> Any:
    """Whoosh's parse, except that a query of only excluded words (`-insider`, which Whoosh
    reads as nothing) means what `NOT insider` means: every article without them."""
    parsed = parser.parse(text)
    if parsed is Q.NullQuery and re.search(r'(?:^|\s)-[\w"]', text):
        parsed = parser.parse(re.sub(r'(^|\s)-(?=[\w"])', r"\1NOT ", text))
    return parsed


def repair(text: str) -> tuple[str, list[str]]:
    """The query with unbalanced quotes and brackets, unknown fields and lone wildcards
    removed, and what was changed."""
    messages: list[str] = []
    text = _capped(text, messages)
    text = fold_accents(text.replace("“", '"').replace("”", '"'))
    if text.count('"') % 2:
        last = text.rfind('"')
        text = text[:last] + text[last + 1 :]
        messages.append("unbalanced quote ignored")
    for open_, close in (("(", ")"), ("[", "]"), ("{", "}")):
        text, fixed = _balance(text, open_, close)
        if fixed:
            messages.append(f"unbalanced {open_}{close} repaired")

    def field(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.lower() in FIELDS:
            return f"{name.lower()}:"
        glued = next((f for f in _GLUED if name.lower().endswith(f) and len(name) > len(f)), None)
        if glued is not None:  # "insiderdate:{2019 to}": a word and a field, the space lost
            word = name[: -len(glued)]
            messages.append(f"'{name}:' read as '{word} {glued}:'")
            return f"{word} {glued}:"
        messages.append(f"unknown field '{name}:' ignored (fields: title, person, date, site, author)")
        return ""

    text = _FIELD.sub(field, text)

    def date(match: re.Match[str]) -> str:
        if _DATE_VALUE.fullmatch(match.group(1).rstrip("*")):
            return match.group()
        messages.append(f"date:{match.group(1)[:20]} is not a date (write 2025, 2025-03 or 2025-03-14); ignored")
        return ""

    text = re.sub(r"\bdate:(?![\[({])\"?([^\s\"]+)\"?", date, text)
    # A date such as 2025-03 is one value, not "2025 NOT 03".
    text = re.sub(r"\bdate:(?![\[({\"])(\S+)", lambda m: f'date:"{m.group(1)}"', text)
    words = []
    for word in text.split():
        bare = word.lstrip("+-").split(":")[-1].strip('"()')
        if bare and set(bare) <= set("*?~"):
            messages.append(f"'{word}' on its own matches nothing; ignored")
            continue
        stem = bare.rstrip("*")
        if bare.endswith("*") and len(re.sub(r"\W", "", stem)) < MIN_PREFIX:
            messages.append(f"'{word}': a prefix needs at least {MIN_PREFIX} letters; ignored")
            continue
        words.append(word)
    return " ".join(words), messages


def _capped(text: str, messages: list[str]) -> str:
    """A query a person could type: at most MAX_QUERY characters, MAX_WORD per word, MAX_WORDS
    words and MAX_DEPTH levels of brackets (Whoosh's parser recurses per level, and fuzzy
    matching costs grow with a word's length)."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    if len(text) > MAX_QUERY:
        text = text[:MAX_QUERY]
        messages.append(f"query cut to its first {MAX_QUERY} characters")
    words = text.split()
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS]
        messages.append(f"query cut to its first {MAX_WORDS} words")
    if any(len(w) > MAX_WORD for w in words):
        words = [w[:MAX_WORD] for w in words]
        messages.append(f"words cut to {MAX_WORD} characters")
    text = " ".join(words)
    out, depth, dropped = [], 0, False
    for ch in text:
        if ch in "([{":
            depth += 1
            if depth > MAX_DEPTH:
                dropped = True
                continue
        elif ch in ")]}":
            depth -= 1
            if depth >= MAX_DEPTH:
                continue
        out.append(ch)
    if dropped:
        messages.append(f"brackets nested deeper than {MAX_DEPTH} levels ignored")
    return "".join(out)


def _balance(text: str, open_: str, close: str) -> tuple[str, bool]:
    """Closers without an opener are dropped; openers left open are closed at the end."""
    out, depth, fixed = [], 0, False
    for ch in text:
        if ch == open_:
            depth += 1
        elif ch == close:
            if depth == 0:
                fixed = True
                continue
            depth -= 1
        out.append(ch)
    if depth:
        out.append(close * depth)
        fixed = True
    return "".join(out), fixed


def expand(q: Any, reader: Any, messages: list[str], stop: Callable[[], bool] = _never) -> Any:
    """Prefixes, fuzzy words and ranges of words become an OR of their most frequent matching
    terms (at most MAX_EXPANSIONS), so neither searching nor highlighting walks every expansion.
    Partial dates in ranges and field values are widened to whole months or years. Raises
    Stopped once `stop()` is true (asked at each part of the query and while a range is read)."""
    if stop():
        raise Stopped
    if isinstance(q, (Q.Prefix, Q.Wildcard)) and q.fieldname == "date":
        return Q.Prefix("date", q.text.rstrip("*"))
    if isinstance(q, Q.Term) and q.fieldname == "date" and len(str(q.text)) < 10:
        return Q.Prefix("date", str(q.text))
    if isinstance(q, Q.Term) and q.fieldname == "person":
        return _person(reader, fold_accents(str(q.text)).lower())
    if isinstance(q, Q.Term) and q.fieldname in ("site", "author"):
        return _named(reader, q.fieldname, fold_accents(str(q.text)).lower())
    if isinstance(q, Q.TermRange) and q.fieldname == "date":
        start, end = q.start, q.end
        if end and len(end) < 10:
            end = end + "~"  # [2019 to 2020]: to the end of 2020
        if start and q.startexcl and len(start) < 10:
            start = start + "~"  # {2019 to}: after the whole of 2019
        return Q.TermRange("date", start, end, q.startexcl, q.endexcl)
    if isinstance(q, Q.TermRange):
        return _terms(q.fieldname, _top(reader, q.fieldname, _range_terms(reader, q, messages, stop)))
    if isinstance(q, Q.Prefix) or (
        isinstance(q, Q.Wildcard) and q.text.endswith("*") and not set(q.text[:-1]) & set("*?")
    ):
        prefix = q.text.rstrip("*")
        return _terms(q.fieldname, _top(reader, q.fieldname, reader.expand_prefix(q.fieldname, prefix)))
    if isinstance(q, Q.FuzzyTerm):
        maxdist = 1 if len(q.text) < 6 else 2
        found = reader.terms_within(q.fieldname, q.text, maxdist, prefix=1)
        return _terms(q.fieldname, _top(reader, q.fieldname, found))
    if isinstance(q, Q.Wildcard):
        messages.append(f"'{q.text}': only trailing * is supported")
        return Q.NullQuery
    if q.is_leaf():
        return q
    return q.apply(lambda sub: expand(sub, reader, messages, stop))


def _person(reader: Any, wanted: str) -> Any:
    """`person:` as the whole corpus names people (`reader.helpers.naming`): a full name also finds the
    articles that name the person by one word standing for them across the corpus ("Hilaria"
    when "Hilaria Baldwin" is the only Hilaria); one word also finds every full name it starts
    or ends ("person:basinger": "Kim Basinger")."""
    names = {t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon("person")}
    by_first, by_last = by_first_and_last(n for n in names if " " in n)
    if " " in wanted:
        found = {wanted} | {n for n in names if " " not in n and across_name(n, by_first, by_last) == wanted}
    else:
        found = {wanted} | by_first.get(wanted, set()) | by_last.get(wanted, set())
    return _terms("person", sorted(found & names)) if found & names else Q.Term("person", wanted)


def _named(reader: Any, field: str, wanted: str) -> Any:
    """`site:` and `author:`: the outlets or authors with that name, or with that word or words in
    their name ("site:ledger" finds "Daily Ledger")."""
    names = {t.decode("utf-8") if isinstance(t, bytes) else t for t in reader.lexicon(field)}
    words = wanted.split()
    found = {
        n for n in names if n == wanted or any(n.split()[i : i + len(words)] == words for i in range(len(n.split())))
    }
    return _terms(field, sorted(found)) if found else Q.Term(field, wanted)


def _range_terms(reader: Any, q: Any, messages: list[str], stop: Callable[[], bool]) -> list[bytes]:
    """The words of a range over titles, bodies or people (`[a to c]`), read from the term
    dictionary in order, at most MAX_RANGE_TERMS of them: Whoosh's own range walks every word
    in it (15 s for `[a to]` on 2,000 articles, and a count of hits above the corpus's size).
    Like a prefix, the range then searches its most frequent words."""
    fieldname = q.fieldname
    start = (q.start or "").lower().encode("utf-8")
    end = None if q.end in (None, "", "\uffff") else str(q.end).lower().encode("utf-8")
    found: list[bytes] = []
    for field_name, text in reader.terms_from(fieldname, start):
        if field_name != fieldname or (end is not None and (text > end or (q.endexcl and text == end))):
            break
        if q.startexcl and text == start:
            continue
        if len(found) % 128 == 127 and stop():
            raise Stopped
        if len(found) == MAX_RANGE_TERMS:
            messages.append(
                f"a range of words reads at most the first {MAX_RANGE_TERMS:,} words it covers "
                f"(searching their {MAX_EXPANSIONS} most frequent); ranges are for dates: date:[2019 to 2020]"
            )
            break
        found.append(text)
    return found


def _top(reader: Any, fieldname: str, terms: Iterable[Any]) -> list[Any]:
    return heapq.nlargest(MAX_EXPANSIONS, terms, key=lambda t: reader.doc_frequency(fieldname, t))


def _terms(fieldname: str, terms: list[Any]) -> Any:
    if not terms:
        return Q.NullQuery
    texts = [t.decode("utf-8") if isinstance(t, bytes) else t for t in terms]
    return Q.Or([Q.Term(fieldname, t) for t in texts])


def hit_terms(q: Q.Query) -> set[str]:
    """The analysed words a query looks for in titles and bodies (after expansion)."""
    out = set()
    for fieldname, text in q.iter_all_terms():
        if fieldname in ("title", "body"):
            out.add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return out


def hit_spans(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """Where words of `text` analyse to one of `terms` (stems, accents and case ignored)."""
    if not terms:
        return []
    spans = []
    for token in _HIGHLIGHT(text, chars=True, removestops=False):
        if token.text in terms:
            spans.append((token.startchar, token.endchar))
    return spans


def unreadable(exc: BaseException) -> str:
    """What to tell a user whose query the parser could not read."""
    return (
        "cannot read this query: check its operators (AND, OR, NOT, -, +, brackets, < >, field:) "
        f'or search plain words and "quoted phrases" [{type(exc).__name__}]'
    )


def reason(exc: BaseException) -> str:
    """An exception in one short line: its type and the start of its message."""
    text = str(exc).splitlines()[0][:80] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
