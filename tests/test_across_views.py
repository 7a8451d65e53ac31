"""The views across the corpus kept up to date (`CorpusViews`): after articles are added,
changed and removed, every view is what it would be if computed anew over the corpus as it now
is, and an update redoes only the articles it must."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reader.across.conflicts import conflicts
from reader.across.facts import facts_of
from reader.across.people import people
from reader.across.quotes import article_quotes, travelling_quotes
from reader.across.views import CorpusViews
from reader.analysis import Analysis, AnalysisCancelled, analyze, resolve_across
from reader.corpus import load_corpus
from reader.corpus.model import Article
from reader.corpus.parse import parse_article

pytestmark = pytest.mark.unit

SEEDS = Path(__file__).parent.parent / "seeds"


def article(article_id: str, text: str) -> Article:
    return parse_article(text, article_id=article_id, path=Path(article_id), content_hash=str(hash(text)))


def shown(views: CorpusViews) -> tuple[object, ...]:
    return (
        [p.to_json() for p in views.people()],
        [g.to_json() for g in views.quotes()],
        [c.to_json() for c in views.conflicts()],
        {k: v.to_json() for k, v in sorted(views.profiles.items())},
    )


def anew(articles: list[Article]) -> tuple[object, ...]:
    """The views computed in one go by the one-shot functions, over fresh analyses."""
    views = CorpusViews()
    views.update((a, analyze(a)) for a in articles)
    analyses = [analyze(a) for a in articles]
    resolve_across(analyses)
    pairs = list(zip(articles, analyses, strict=True))
    one_shot = (
        [p.to_json() for p in people(pairs)],
        [g.to_json() for g in travelling_quotes(q for a, an in pairs for q in article_quotes(a, an))],
        [c.to_json() for c in conflicts((f for a, an in pairs for f in facts_of(a, an)), articles)],
    )
    assert shown(views)[:3] == one_shot
    return shown(views)


QUOTE = "When I'm talking, you're not talking, and that is the rule in this house"
A = f'date 2024-03-01 Hilaria speaks\n\nHilaria Baldwin, 40, said: "{QUOTE}." Alec Baldwin, 65, laughed.\n'
B = f'date 2024-06-01 Alec jokes\n\nAlec, 66, recalled what Hilaria told him: "{QUOTE}!"\n'
C = "date 2024-09-01 Quiet\n\nThe couple, married since 2012, went to the park. Hilaria said she was tired.\n"


def test_views_updated_article_by_article_are_the_views_computed_anew() -> None:
    views = CorpusViews()
    corpus = {"a": article("a", A), "b": article("b", B), "c": article("c", C)}
    views.update((x, analyze(x)) for x in corpus.values())
    assert shown(views) == anew(list(corpus.values()))
    assert len(views.quotes()) == 1
    assert [c.kind for c in views.conflicts()] == ["age"]  # 65 in March, 66 in June: explained

    # the second article's quotation reworded and Alec made older: a contradiction now
    corpus["b"] = article("b", B.replace("66", "70").replace("the rule", "the only rule"))
    views.update([(corpus["b"], analyze(corpus["b"]))])
    assert shown(views) == anew(list(corpus.values()))
    assert any(c.verdict == "contradiction" for c in views.conflicts())
    assert views.quotes()[0].occurrences[1].changes == [("", "only")]

    # a second Hilaria makes the one-word "Hilaria" of b and c nobody in particular
    corpus["d"] = article("d", "date 2024-10-01 Another\n\nHilaria Thomas, a neighbour, said nothing.\n")
    views.update([(corpus["d"], analyze(corpus["d"]))])
    assert views.last_update == (1, 2)  # b and c redone: their "Hilaria" changed
    assert shown(views) == anew(list(corpus.values()))
    assert "Hilaria" in {p.name for p in views.people()}

    views.update(removed=["d", "a"])
    del corpus["d"], corpus["a"]
    assert shown(views) == anew(list(corpus.values()))
    assert views.quotes() == [] and "Hilaria Baldwin" not in {p.name for p in views.people()}


def test_the_seeds_edited_at_random_keep_the_views_as_computed_anew() -> None:
    seeds = load_corpus(SEEDS).articles
    rng = random.Random(7)
    corpus = {a.id: a for a in seeds}
    views = CorpusViews()
    views.update((a, analyze(a)) for a in seeds)
    quotes = [q.text for a in seeds for q in article_quotes(a, analyze(a))]
    for step in range(8):
        target = rng.choice(sorted(corpus))
        paragraphs = corpus[target].text.split("\n\n")
        action = step % 4
        if action == 0:  # a paragraph dropped
            del paragraphs[rng.randrange(1, len(paragraphs))]
        elif action == 1:  # another article's quotation repeated
            paragraphs.insert(1, f'"{rng.choice(quotes)}," a friend said.')
        elif action == 2:  # an age stated
            paragraphs.insert(1, f"Alec Baldwin, {rng.randint(60, 70)}, was seen in town.")
        if action == 3 and len(corpus) > 3:
            views.update(removed=[target])
            del corpus[target]
        else:
            corpus[target] = article(target, "\n\n".join(paragraphs))
            views.update([(corpus[target], analyze(corpus[target]))])
        order = [a.id for a in seeds if a.id in corpus]
        assert shown(views) == anew([corpus[i] for i in order]), f"step {step}"


def test_a_stopped_update_says_the_views_are_incomplete() -> None:
    views = CorpusViews()
    with pytest.raises(AnalysisCancelled):
        views.update([(article("a", A), analyze(article("a", A)))], stop=lambda: True)
    assert not views.complete
    views.update([(article("a", A), analyze(article("a", A)))])
    assert views.complete and len(views) == 1


def test_the_analysis_given_is_not_changed_by_resolving_people() -> None:
    a, b = article("a", A), article("b", B)
    own = analyze(b)
    CorpusViews().update([(a, analyze(a)), (b, own)])
    assert {m.person for m in own.names} == {"Alec", "Hilaria"}
    assert isinstance(own, Analysis)


def test_quotations_regroup_when_their_word_pairs_become_common_or_rare_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A pair held by more than COMMON_SHINGLE quotations links none: articles that make a pair
    common (or rare again, once removed) change the links of quotations elsewhere."""
    from reader.across import quotes

    monkeypatch.setattr(quotes, "COMMON_SHINGLE", 3)
    said = 'date 2024-0{m}-01 T{m}\n\n"{q}" a friend said.\n'
    first = "we never wanted the cameras in our kitchen at all"
    corpus = {
        "a": article("a", said.format(m=1, q=first)),
        "b": article("b", said.format(m=2, q=first.replace("at all", "at all ever"))),
    }

    def sizes() -> list[int]:
        assert shown(views) == anew(list(corpus.values()))
        return [len(g.occurrences) for g in views.quotes()]

    views = CorpusViews()
    views.update((x, analyze(x)) for x in corpus.values())
    assert sizes() == [2]
    for step, (name, room) in enumerate([("c", "house"), ("d", "flat")], 3):  # one word changed
        corpus[name] = article(name, said.format(m=step, q=f"we never wanted the cameras in our {room} at all"))
        views.update([(corpus[name], analyze(corpus[name]))])
    # three quotations share the pairs around the changed word: rare, c went with a and b; with
    # d they are four, common, and c and d link to nobody (a and b still share "our kitchen")
    assert sizes() == [2]
    views.update(removed=["d"])
    del corpus["d"]
    assert sizes() == [3]  # rare again: c is back with a and b
