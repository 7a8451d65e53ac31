"""Issue 29: what the extractor kept of a page, tidied (corpus/page_body.py): a heading that
repeats the headline, the site's name after it, the end matter under an article, topic lines;
and a headline that reads like two sentences kept whole. Pages and lines written for these tests."""

from __future__ import annotations

import pytest
from conftest import write

from reader.corpus.load import load_file
from reader.corpus.page_body import tidy_body, without_site

pytestmark = pytest.mark.unit

ARTICLE = "\n\n".join(
    f"Paragraph {n} of the report: the council met again on Monday and talked about the budget for a long while."
    for n in range(1, 9)
)


def test_a_heading_repeating_the_headline_in_other_quotation_marks_goes() -> None:
    body = '# Student Dies After Pills "Burned Her Up"\n\n' + ARTICLE
    tidied = tidy_body(body, "Student Dies After Pills “Burned Her Up”", None)
    assert tidied.startswith("Paragraph 1 of the report")


def test_the_site_name_after_the_headline_goes_when_it_is_the_outlet() -> None:
    assert without_site("West Ham hrozí gigantům | Aktuálně.cz", "Aktuálně.cz") == "West Ham hrozí gigantům"
    assert without_site("Weekly Edition for March 26 [LWN.net]", "LWN.net") == "Weekly Edition for March 26"
    # Not the outlet: a headline's own dash stays.
    assert without_site("Storm hits coast - live updates", "Daily Ledger") == "Storm hits coast - live updates"
    # Japanese and Chinese sites put theirs after a full-width colon or bar, without spaces;
    # a headline's own full-width colon stays.
    assert without_site("南海トラフ、一時調査 巨大地震、基準達せず：中日新聞Web", "中日新聞Web") == (
        "南海トラフ、一時調査 巨大地震、基準達せず"
    )
    assert without_site("スポーツ界にも大激震｜日刊ゲンダイDIGITAL", "日刊ゲンダイDigital") == "スポーツ界にも大激震"
    assert without_site("首相：改革を続ける", "中日新聞Web") == "首相：改革を続ける"


def test_end_matter_after_the_article_is_cut_with_all_that_follows() -> None:
    tail = "\n\n## Other Opinion Columns\n\n#### **Editorial**\n\nFraser's lasting legacy, a teaser of another column."
    tidied = tidy_body(ARTICLE + tail, None, None)
    assert tidied.endswith("for a long while.") and "Fraser" not in tidied
    comments = tidy_body(ARTICLE + "\n\n### Comments\n\nLoading Comments...", None, None)
    assert "Loading" not in comments


def test_a_heading_like_end_matter_early_in_the_article_stays() -> None:
    early = "## Related concerns\n\nThe mayor said the budget was late.\n\n" + ARTICLE
    assert tidy_body(early, None, None).startswith("## Related concerns")
    # A sentence that begins like end matter is no heading.
    sentence = ARTICLE + "\n\nMore from the council is expected on Friday, when the budget is put to a vote at last."
    assert tidy_body(sentence, None, None).endswith("put to a vote at last.")


def test_a_first_top_heading_wording_the_headline_otherwise_goes_one_saying_else_stays() -> None:
    """A page's own headline (its top heading) first in the body, where the title is the
    headline the site gives for sharing, worded a little otherwise: the reader would see two
    headlines. A top heading saying something else is the article's."""
    page_headline = "# Who is Man City star Phil Foden’s girlfriend Rebecca Cooke and how many children do couple have?"
    tidied = tidy_body(
        page_headline + "\n\n" + ARTICLE, "Who is Man City star Phil Foden's girlfriend Rebecca Cooke?", None
    )
    assert tidied.startswith("Paragraph 1")
    other = "# Why CPU monitoring is important?\n\n" + ARTICLE
    assert tidy_body(other, "Node.js and CPU profiling on production", None).startswith("# Why CPU")
    # A second-level heading is a section of the article, even when it shares the headline's words.
    section = "## Rebecca Cooke and Phil Foden\n\n" + ARTICLE
    assert tidy_body(section, "Who is Man City star Phil Foden's girlfriend Rebecca Cooke?", None).startswith(
        "## Rebecca"
    )


def test_topic_lines_go() -> None:
    tidied = tidy_body("Topics: uber, libertarians, Sydney, Technology News\n\n" + ARTICLE, None, None)
    assert tidied.startswith("Paragraph 1")


PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout | Aktuálně.cz</title>
<meta property="og:site_name" content="Aktuálně.cz"></head><body><article>
<h1>West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout</h1>
<p>Pět vítězných soutěžních duelů v řadě, během nich jediný inkasovaný gól. Čtvrté místo v lize, stejný
bodový zisk jako loňský šampion a nadšené ohlasy z tábora těch nejrenomovanějších komentátorů.</p>
<p>West Ham je opět v kurzu, nadšené ohlasy po nedělní jasné výhře nad Aston Villou se nesou celou zemí
a trenér David Moyes sklízí chválu od fanoušků i od soupeřů.</p>
</article></body></html>
"""


def test_a_headline_of_two_sentences_is_the_title_whole(tmp_path) -> None:
    article = load_file(write(tmp_path, "page.html", PAGE))
    assert article.title == "West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout"
    assert not article.title_derived
    assert article.blocks[0].text.startswith("Pět vítězných")


def test_a_saved_page_reads_without_markdown_marks_player_words_or_gallery_slides(tmp_path) -> None:
    """The extractor writes Markdown: a reader saw `**An inquest …**`, `“\\[Eloise\\] never…`,
    `1\\. Take any blankets` in the reading pane (and the analysis read them too); a video
    player's own words and a 50-slide gallery came through as paragraphs."""
    gallery = "".join(
        f"<li><h2>{n}/12 Business picture {n}</h2><p>A caption about company number {n} and its shares.</p></li>"
        for n in range(1, 13)
    )
    page = (
        "<html><head><title>Hotel secrets</title></head><body><article><h1>Hotel secrets</h1>"
        "<p><b>Most people go to hotels for the clean sheets and the fresh towels in the morning.</b></p>"
        "<p>“[Eloise] never understood the risk,” said Fiona Parry, who runs a hotel in Leeds.</p>"
        "<h2>1. Take any blankets off the bed</h2>"
        "<p>Forrest Jones said that <i>anything</i> touching a guest’s skin should be washed between stays.</p>"
        "<div class='vjs'><p>This is a modal window.</p><ul><li>Chapters</li><li>descriptions off, selected</li>"
        "<li>captions settings, opens captions settings dialog</li></ul><p>End of dialog window.</p></div>"
        "<h2>Business news in pictures</h2><ul>" + gallery + "</ul>"
        "<p>Zeev Sharon said the rule of thumb is a dollar a night for every thousand invested.</p>"
        + ARTICLE.replace("\n\n", "</p><p>").join(("<p>", "</p>"))
        + "</article></body></html>"
    )
    article = load_file(write(tmp_path, "hotels.html", page))
    text = article.text
    assert "Most people go to hotels for the clean sheets" in text and "“[Eloise] never understood" in text
    assert "1. Take any blankets off the bed" in text and "that anything touching" in text
    for mark in ("**", "\\", "*anything*", "modal window", "Chapters", "selected", "dialog", "/12 Business"):
        assert mark not in text, mark
    assert "Zeev Sharon said" in text


def test_a_sites_calls_to_action_go_and_sentences_like_them_stay() -> None:
    calls = [
        "Sign up for our emails",
        "*Follow TechRadar on Google News* and add us as a preferred source to get our news in your feeds.",
        "## Join our commenting forum",
        "Got a story? Get in touch with our news team by emailing us.",
        "CLICK HERE TO GET THE FOX NEWS APP",
        "Subscribe Now!",
        "- Aktuelle Nachrichten aufs Handy? Hier geht es zur neuen News-App.",
        "Get in touch with our news team by emailing us at news@example.com.",
        "READ MORE: Europe's lesser-known theme park has terrifying rollercoasters",
        "MORE: Map shows scale of the latest missile attacks",
    ]
    kept = [
        "Follow the money, the auditor said, and the budget tells its own story.",
        "Follow him on Twitter, she told reporters, and you will see what he thinks of the council.",
        "Sign up for the army, the recruiter told him on Monday, and he did.",
        "Click here for the second half of this story.",
        "Subscribers to the paper, he said, are fewer each year.",
    ]
    tidied = tidy_body("\n\n".join([ARTICLE, *calls[:3], *kept, *calls[3:]]), None, None)
    assert all(call not in tidied for call in calls)
    assert all(line in tidied for line in kept) and tidied.startswith("Paragraph 1")


def test_the_extractors_inline_tags_read_as_text_and_pasted_embed_code_goes() -> None:
    """trafilatura's Markdown keeps underlined, superscript and subscript text as HTML tags: a
    reader saw `M<sup>me</sup>` and `<u>support</u>`. An embed's markup and script pasted into a
    paragraph goes; code in a code block is the article's and stays as written."""
    from reader.corpus.page_body import as_text

    assert (
        as_text("M<sup>me</sup> Binet, with <u>support</u> from H<sub>2</sub>O") == "Mme Binet, with support from H2O"
    )
    assert as_text("x<sup>2</sup>, 10<sup>-3</sup>, the 1<sup>st</sup>, a note<sup>[1]</sup>") == (
        "x^2, 10^-3, the 1st, a note[1]"
    )
    pasted = (
        'concern. <iframe title="chart" src="https://example.com/c"></iframe>'
        "<script>!function(){a<b}();</script>The shift"
    )
    assert as_text(pasted) == "concern. The shift"
    code = 'Add this line:\n\n```\n<script src="vendor/blanket.js"></script>\n```\n'
    assert as_text(code) == code


def test_picture_credits_and_the_closing_copyright_line_go() -> None:
    body = "\n\n".join(["Photo: AFP", ARTICLE, "Image: Jane Doe/Agency", "Copyright © 2023 The Daily Ledger, LLC."])
    tidied = tidy_body(body, None, None)
    assert tidied.startswith("Paragraph 1") and tidied.endswith("for a long while.")
    # A sentence about copyright, and a copyright notice early in a document, are the text's own.
    law = "Copyright © 2014 IETF Trust and the persons identified as the document authors.\n\n" + ARTICLE
    assert tidy_body(law, None, None).startswith("Copyright ©")
    said = ARTICLE + "\n\nCopyright law changed in 2019, the court said."
    assert tidy_body(said, None, None).endswith("the court said.")


def test_many_embed_tags_never_closed_are_read_once(monkeypatch) -> None:
    """Hostile text: thousands of `<script>` never closed. Each looked for its closing tag to
    the end of the text (a regular expression's lazy match: 18 s for 16,000 of them); the text
    is now searched once, and kept as it is."""
    from reader.corpus import page_body

    searched: list[str] = []

    class Counting:
        def __init__(self, pattern) -> None:
            self.pattern = pattern

        def search(self, text, start):
            searched.append(self.pattern.pattern)
            return self.pattern.search(text, start)

    monkeypatch.setattr(page_body, "_EMBED_CLOSE", {k: Counting(v) for k, v in page_body._EMBED_CLOSE.items()})
    text = '<script src="a.js">' * 5000 + " and the article goes on."
    assert page_body.as_text(text) == text and len(searched) == 1
    closed = "<iframe src='c'></iframe>Text<script>x()</script> stays."
    assert page_body.as_text(closed) == "Text stays." and len(searched) == 3


def test_a_box_set_between_the_articles_paragraphs_goes_and_the_article_goes_on() -> None:
    """A box's heading such as "Most read in Football", set between an article's paragraphs,
    cut the article there (a third of The Sun's article was lost): it goes with its links, and
    the paragraphs after it stay. At the end of an article, with only a line or two after it,
    it still ends the article."""
    rest = "\n\n".join(
        f"Part {n}: speaking to the club at the time, he said he was there for the birth and that life changes."
        for n in range(1, 4)
    )
    box = "## Most read in Football\n\n- Striker spends first month in prison\n\n- What this photo says about United"
    tidied = tidy_body("\n\n".join([ARTICLE, box, rest]), None, None)
    assert "Most read" not in tidied and "Striker" not in tidied
    assert tidied.startswith("Paragraph 1") and tidied.endswith("that life changes.") and "Part 1:" in tidied
    end = (
        "### READ MORE:\n\n- Sars gets R4bn to hire debt collectors\n\n"
        "Support independent journalism by subscribing to our digital news package for the first month."
    )
    assert tidy_body(ARTICLE + "\n\n" + end, None, None).endswith("for a long while.")


def test_many_boxes_between_paragraphs_are_read_once(monkeypatch) -> None:
    """Hostile text: thousands of "Read more" boxes, each followed by a paragraph. Each box
    counted the words of every line after it (4,000 boxes: 6.8 s; quadratic); the words of
    each line are now counted a fixed number of times."""
    from reader.corpus import page_body

    counted: list[str] = []
    real = page_body.words
    monkeypatch.setattr(page_body, "words", lambda text: counted.append(text) or real(text))
    paragraph = "The council met again on Monday and talked about the budget for a long while, the mayor said."
    lines = [ARTICLE, *["Read more", paragraph] * 2000]
    tidied = page_body.tidy_body("\n\n".join(lines), None, None)
    # The boxes after half the words go (those before are taken for the article's own headings),
    # the paragraphs between them stay but the last two: fewer than 40 words after a box end it.
    assert tidied.count(paragraph) == 1998 and 0 < tidied.count("Read more") < 1200
    assert len(counted) < 12 * len("\n\n".join(lines).split("\n"))
