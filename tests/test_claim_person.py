"""Issue 10, item 2 (part): every claim names the resolved person of a named source, so one
speaker is one person ("Hilaria" and "Hilaria Baldwin"); other sources have none."""

from __future__ import annotations

from pathlib import Path

from reader.analysis import analyze
from reader.corpus.parse import parse_article

TEXT = """Party Night Ends In Words

Hilaria Baldwin arrived at the launch in New York on Tuesday.

"Not now, please," Hilaria said to reporters at the door.

Alec Baldwin stayed outside. "It was fine," he said later.

"They are fighting all the time," an insider claimed.
"""


def test_named_sources_carry_their_person_and_others_none() -> None:
    article = parse_article(TEXT, article_id="t", path=Path("t.txt"), content_hash="-", problems=[])
    claims = analyze(article).claims
    by_text = {c.text.split('"')[1] if '"' in c.text else c.text: c for c in claims}
    hilaria = by_text["Not now, please,"]
    assert hilaria.source == "named" and hilaria.person == "Hilaria Baldwin"
    alec = by_text["It was fine,"]
    assert alec.source == "named" and alec.person == "Alec Baldwin"
    insider = by_text["They are fighting all the time,"]
    assert insider.source == "anonymous" and insider.person is None
    record = analyze(article).to_json()["claims"][0]
    assert "person" in record
