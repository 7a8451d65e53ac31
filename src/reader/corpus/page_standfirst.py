"""A saved page's standfirst (the sentence or two under its headline that sums the article up)
put first in its article when the extractor left it out: many pages set it apart from the
article's paragraphs, above them, and trafilatura keeps only those. It is the description the
page declares in its metadata, taken only when the page also shows it as text (not a search
engine's summary that no reader sees, nor a script's data) and the article does not hold it
already (whole, or cut short with an ellipsis)."""

from __future__ import annotations

from reader.corpus.page_body import words

MIN_WORDS = 8  # a shorter description is a slogan or a label, not a standfirst
_HIDDEN = ("script", "style", "noscript", "template", "head", "title")


def with_standfirst(body: str, description: str | None, raw: bytes, title: str | None) -> str:
    """`body` with the page's standfirst as its first paragraph, when the page shows one that
    the body lacks."""
    if not description or len(description.split()) < MIN_WORDS:
        return body
    said = words(description)
    if description.rstrip().endswith(("…", "...")):
        said = said[:-1]  # cut short: its last word may be cut too
    wanted = " ".join(said)
    if not wanted or wanted in " ".join(words(body)) or said == words(title or ""):
        return body
    if wanted not in _shown_text(raw):
        return body
    return " ".join(description.split()) + "\n\n" + body


def _shown_text(raw: bytes) -> str:
    """The words a reader of the page sees, lower-cased, one space apart."""
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        tree = lxml_html.document_fromstring(text)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return ""
    for element in list(tree.iter(*_HIDDEN)):
        element.drop_tree()
    return " ".join(words(tree.text_content()))
