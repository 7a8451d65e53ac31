"""Issue 29 (first part): articles read from what users have. Saved web pages (the article
taken out of the page, its metadata kept), Markdown with a web clipper's front matter, and every
other file listed with the reason it was not read. Pages and files written for these tests."""

from __future__ import annotations

import json

import pytest
from conftest import write
from test_cli import run

from reader.analysis import analyze
from reader.corpus import load_corpus
from reader.corpus.load import load_file

pytestmark = [pytest.mark.unit, pytest.mark.usefixtures("isolated_home")]

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Storm hits coast | Daily Ledger</title>
<meta property="og:site_name" content="Daily Ledger"><meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.org/news/storm"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<div class="ad">Async AdSlot 3 Krux Controltag</div>
<article><h1>Storm hits coast</h1>
<p>A storm hit the coast on Tuesday, officials said. Thousands of homes lost power as winds reached
90 miles an hour.</p>
<h2>Clean-up begins</h2>
<p>"We will rebuild," Mayor Ana Ruiz said. Crews worked through the night to clear the roads, and
the harbour reopened at dawn.</p>
<p>A spokesman for the power company said supply would be back by Friday.</p>
</article>
<aside><h3>Related</h3><ul><li><a href="/a">Flood warnings issued across the region</a></li></ul></aside>
<footer>We use cookies to improve your experience. Accept all cookies.</footer></body></html>
"""


def test_a_saved_page_is_its_article_with_its_metadata(tmp_path) -> None:
    article = load_file(write(tmp_path, "storm.html", PAGE))
    assert not isinstance(article, type(None)) and hasattr(article, "text")
    assert (article.title, article.date) == ("Storm hits coast", "2024-03-05")
    assert (article.outlet, article.author, article.url) == (
        "Daily Ledger",
        "Jane Roe",
        "https://example.org/news/storm",
    )
    body = [b.text for b in article.blocks if b.kind in ("paragraph", "heading")]
    assert body[0].startswith("A storm hit the coast on Tuesday")
    assert "Clean-up begins" in body
    assert body[-1] == "A spokesman for the power company said supply would be back by Friday."
    for furniture in ("Async AdSlot", "Krux", "Home", "Related", "Flood warnings", "cookies"):
        assert furniture not in article.text
    people = analyze(article).people()
    assert list(people) == ["Ana Ruiz"]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("app.html", "<html><body><script>startApp()</script><div id='root'></div></body></html>", "no article text"),
        ("stub.htm", "<html><body><p>Subscribe to read this article.</p></body></html>", "no article text"),
        ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary file"),
    ],
)
def test_a_page_without_an_article_is_skipped_with_the_reason(
    tmp_path, name: str, data: str | bytes, reason: str
) -> None:
    skipped = load_file(write(tmp_path, name, data))
    assert not hasattr(skipped, "text") and reason in skipped.reason


@pytest.mark.parametrize(
    "head, expected",
    [
        # the <title> after </head> (an empty one before it), an SVG icon's own <title> first in the body
        (
            "<head><title></title><meta charset='utf-8'></head><title>Storm hits coast - Daily Ledger</title>",
            "Storm hits coast",
        ),
        # a Dublin Core title among space-separated properties, preferred to Open Graph's
        (
            "<head><title>Home</title><meta property='x:title dc:title' content='Storm hits coast'>"
            "<meta property='og:title twitter:title' content='Weather live'></head>",
            "Storm hits coast",
        ),
    ],
)
def test_the_title_is_the_one_the_page_declares(tmp_path, head: str, expected: str) -> None:
    body = PAGE[PAGE.index("<body>") :].replace("<h1>Storm hits coast</h1>", "")
    body = body.replace("<nav>", "<nav><svg><title>Search icon</title></svg>")
    article = load_file(write(tmp_path, "page.html", "<!DOCTYPE html><html>" + head + body))
    assert hasattr(article, "title") and article.title == expected


def test_malformed_markup_still_gives_the_article(tmp_path) -> None:
    broken = PAGE.replace("</p>", "").replace("</article>", "").replace("</body></html>", "<div><span>")
    article = load_file(write(tmp_path, "broken.html", broken))
    assert hasattr(article, "text") and "Crews worked through the night" in article.text


CLIPPED = """---
title: "Charlize Theron wins the award"
date: 2025-01-12
author: [Jane Roe, Tom Baines]
source: https://example.org/theron
site: Example News
---

Charlize Theron won the award on Sunday. "I am thrilled," she said after the ceremony.
"""


def test_a_page_whose_quick_reading_is_a_menu_is_read_the_thorough_way(tmp_path, monkeypatch) -> None:
    """The quick extraction takes a menu of links for the article on some real pages (its
    sentences sit in a block it does not look for); when what it keeps has little prose, the
    thorough extraction runs too and the article is the story. A page with its prose found
    quickly is read once."""
    from reader.corpus import pages

    story = [f"The council said on Tuesday that the budget for item {i} would be reviewed soon." for i in range(30)]
    menu = "".join(f"<p><a href='/s{i}'>Section number {i}</a></p>" for i in range(60))
    page = f"<html><body><main><div class='content'>{menu}</div></main><div>{'<br>'.join(story)}</div></body></html>"
    ways = []
    real = pages._extracted
    monkeypatch.setattr(pages, "_extracted", lambda raw, fast: ways.append(fast) or real(raw, fast))
    article = load_file(write(tmp_path, "menu.html", page))
    assert "budget for item 29 would be reviewed" in article.text and "Section number" not in article.text
    assert ways == [True, False]
    ways.clear()
    short_page = PAGE.replace("<body>", "<body><!-- not read before -->")  # pages are remembered by hash
    assert "Thousands of homes lost power" in load_file(write(tmp_path, "storm.html", short_page)).text
    assert ways == [True, False]  # a short article: a few sentences of prose
    ways.clear()
    long_page = PAGE.replace("</article>", "".join(f"<p>{line}</p>" for line in story) + "</article>")
    assert "budget for item 3 would" in load_file(write(tmp_path, "long.html", long_page)).text
    assert ways == [True]


def test_markdown_front_matter_gives_title_date_author_outlet_and_address(tmp_path) -> None:
    article = load_file(write(tmp_path, "theron.markdown", CLIPPED))
    assert (article.title, article.date) == ("Charlize Theron wins the award", "2025-01-12")
    assert (article.author, article.outlet, article.url) == (
        "Jane Roe, Tom Baines",
        "Example News",
        "https://example.org/theron",
    )
    assert [b.text for b in article.paragraphs][0].startswith("Charlize Theron won the award on Sunday.")
    assert "---" not in article.text and "author:" not in article.text and not article.problems


def test_front_matter_that_is_not_yaml_is_read_as_text_and_flagged(tmp_path) -> None:
    article = load_file(write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\n\nThe body of the note goes here.\n"))
    assert article.problems and "front matter is not valid YAML" in article.problems[0]
    assert "The body of the note goes here." in article.text


def test_every_file_not_read_is_listed_with_why(corpus_dir, isolated_home) -> None:
    write(corpus_dir, "storm.html", PAGE)
    write(corpus_dir, "plain.text", "Budget Day\n\nThe council said the budget was sound.\n")
    write(corpus_dir, "report.pdf", b"%PDF-1.4 binary")
    write(corpus_dir, "data.json", "{}")
    write(corpus_dir, "README", "notes about the folder")
    write(corpus_dir, ".hidden.txt", "never shown")
    corpus = load_corpus(corpus_dir)
    assert sorted(a.id for a in corpus.articles) == ["plain", "storm"]
    reasons = {s.path.name: s.reason for s in corpus.skipped}
    assert set(reasons) == {"report.pdf", "data.json", "README"}
    assert "a .pdf file is not read as an article" in reasons["report.pdf"]
    assert "a file without a suffix" in reasons["README"]
    listed = run("list", "--corpus", str(corpus_dir))
    assert "skipped" in listed.stderr and "report.pdf" in listed.stderr and "README" in listed.stderr
    indexed = run("index", "--corpus", str(corpus_dir))
    assert (
        "report.pdf: a .pdf file is not read as an article" in indexed.stderr and "2 articles indexed" in indexed.stdout
    )


def test_list_and_analyze_json_carry_the_outlet_author_and_address(corpus_dir, isolated_home) -> None:
    write(corpus_dir, "storm.html", PAGE)
    row = json.loads(run("list", "--json", "--corpus", str(corpus_dir)).stdout.splitlines()[0])
    assert (row["outlet"], row["author"], row["url"]) == ("Daily Ledger", "Jane Roe", "https://example.org/news/storm")
    analysed = json.loads(run("analyze", "--json", "--corpus", str(corpus_dir)).stdout.splitlines()[0])
    assert (analysed["outlet"], analysed["title"], analysed["date"]) == (
        "Daily Ledger",
        "Storm hits coast",
        "2024-03-05",
    )


def test_a_page_read_once_comes_from_the_page_cache_after(tmp_path, monkeypatch) -> None:
    """A second start reads a page from the user data folder's page cache, not the page again."""
    from reader.corpus import pages

    monkeypatch.setattr(pages, "_disk", [])
    pages.remember_in(tmp_path / "home")
    raw = PAGE.replace("Tuesday", "Wednesday").encode("utf-8")  # bytes no other test read
    first = pages.read_page(raw)
    assert (tmp_path / "home" / "pages.sqlite").is_file()
    pages._read.clear()  # a new process: nothing in memory

    def no_extraction(raw: bytes) -> None:
        raise AssertionError("the page was read again")

    monkeypatch.setattr(pages, "extract", no_extraction)
    assert pages.read_page(raw) == first


def test_front_matter_with_aliases_is_refused_not_expanded(tmp_path) -> None:
    """A few lines of aliases stood for ten million authors (8.8 s to read one file); front
    matter is read like every other YAML file baldreader reads: no aliases."""
    levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for name, previous in zip("bcdef", "abcde", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    front = "\n".join(levels) + "\nauthor: [" + ", ".join(["*f"] * 10) + "]\ntitle: Bomb\n"
    article = load_file(write(tmp_path, "bomb.md", f"---\n{front}---\n\nThe body of a clipped note goes here.\n"))
    assert article.problems and "front matter is not valid YAML" in article.problems[0]
    assert article.author is None and "The body of a clipped note goes here." in article.text


def test_a_year_alone_is_no_date_a_first_of_january_the_page_names_is(tmp_path) -> None:
    """The date finder turns a footer's copyright year into 1 January of that year: a reader
    would take it for the day the article appeared. Such a page is undated, unless it names
    that day."""
    undated = PAGE.replace('<meta property="article:published_time" content="2024-03-05T10:00:00Z">', "").replace(
        "<footer>", "<footer>Copyright © 2021 Daily Ledger. "
    )
    assert load_file(write(tmp_path, "footer.html", undated)).date is None
    named = undated.replace(
        "<article><h1>Storm hits coast</h1>", "<article><h1>Storm hits coast</h1><p>January 1, 2021</p>"
    )
    assert load_file(write(tmp_path, "named.html", named)).date == "2021-01-01"


STANDFIRST = "Thousands of homes lost power as the worst storm in a decade hit the coast on Tuesday night."


def _with_standfirst(shown: str, declared: str = STANDFIRST) -> str:
    return PAGE.replace(
        '<meta property="og:site_name" content="Daily Ledger">',
        f'<meta property="og:site_name" content="Daily Ledger"><meta property="og:description" content="{declared}">',
    ).replace("<article><h1>Storm hits coast</h1>", f"<header><h1>Storm hits coast</h1>{shown}</header><article>")


def test_the_standfirst_a_page_shows_above_its_article_comes_first(tmp_path) -> None:
    """A standfirst set apart above the article's paragraphs, which the extractor leaves out,
    is put back first when the page declares it as its description and shows it."""
    article = load_file(write(tmp_path, "shown.html", _with_standfirst(f'<p class="standfirst">{STANDFIRST}</p>')))
    body = [b.text for b in article.blocks if b.kind == "paragraph"]
    assert body[0] == STANDFIRST and body[1].startswith("A storm hit the coast on Tuesday")
    # Declared but never shown (a summary for search engines, or a script's data): not added.
    hidden = _with_standfirst(f"<script>window.data = {{'description': '{STANDFIRST}'}}</script>")
    assert STANDFIRST not in load_file(write(tmp_path, "hidden.html", hidden)).text
    # The article's own first sentence, cut short: not added twice.
    cut = _with_standfirst("", declared="A storm hit the coast on Tuesday, officials said. Thousands of homes lost…")
    text = load_file(write(tmp_path, "cut.html", cut)).text
    assert text.count("A storm hit the coast on Tuesday") == 1
