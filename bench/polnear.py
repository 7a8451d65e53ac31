"""Attribution on real political news: baldreader's claims against PolNeAR's annotation.

PolNeAR (Newell, Margolin and Ruths, 2018) marks every attribution in 1,028 news articles of the
2016 US election: a source ("The Post", "sources", "he"), a cue ("said", "according to",
"reports") and the content. Get it with `git clone https://github.com/networkdynamics/PolNeAR`
into a git-ignored folder (this project uses `data-external/`, see .gitignore) and use the
`train` and `dev` splits only: its README reserves `test` for a final evaluation, and so do we.

    python bench/polnear.py data-external/polnear/data/dev [--examples N]

For each article the first annotator's file is used (some articles have two). Measures:
- recall: gold attributions whose cue lies inside one of baldreader's claims;
- precision: claims that hold a gold cue or overlap gold content;
- speaker: of the found attributions with a gold source, those whose claim names the same source
  (same words after dropping determiners, the same last word, or the claim's speaker words
  standing together inside the gold source, which often runs on with an apposition); a gold
  pronoun source for a person ("he", "she", "his", "her", "I") counts as agreed when the claim's
  source is named (the claim names the person the pronoun is); one that may stand for a group or
  a body as well ("they", "who", "it", "we", "their", "its") when the claim's source is any
  source found, not none ("they" is "Democrats" as often as "the Clintons"). The figure printed
  as "strict" asks a named source for every pronoun, as this script did before 2026-11-28.

`--agreement` measures PolNeAR's annotators against each other by the same recall and precision,
on the articles more than one of them annotated (16 in train, 2 in dev): each annotator's
attributions are read as claims (every sentence holding one of their cues) and scored against
each other annotator's; baldreader is scored against every annotator of the same articles. This is
how far the annotation itself agrees under these measures.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from types import SimpleNamespace

from reader.analysis import analyze
from reader.analysis.text import segments, sentences
from reader.corpus.parse import parse_article

PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them"}
# Also pronouns, for the speaker measure: the possessive ("his" in "his campaign said" was lost
# with the determiners dropped before the comparison) and the relative "who" ("Trump, who said").
PERSON_PRONOUNS = PRONOUNS | {"his", "its", "their", "who", "whom"}
GROUP_PRONOUNS = {"they", "them", "their", "who", "whom", "it", "its", "we", "which", "that"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our"}


def read_ann(path: Path) -> list[dict]:
    spans: dict[str, tuple[str, int, int, str]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *ranges = parts[1].replace(";", " ").split()
            numbers = [int(x) for x in ranges]
            spans[parts[0]] = (kind, min(numbers), max(numbers), parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(p.split(":", 1) for p in parts[1].split() if ":" in p)
            relations.append(roles)
    out = []
    for roles in relations:
        cue = spans.get(roles.get("Cue", ""))
        if cue is None:
            continue
        source = spans.get(roles.get("Source", ""))
        content = spans.get(roles.get("Content", ""))
        out.append(
            {
                "cue": cue[1:3],
                "cue_text": cue[3],
                "source": source[3] if source else None,
                "content": content[1:3] if content else None,
            }
        )
    return out


def words(text: str) -> list[str]:
    found = re.findall(r"[a-z0-9]+", text.lower().replace("’s", "").replace("'s", ""))
    while found and found[0] in DETERMINERS:
        found = found[1:]
    return found


def same_source(gold: str, claim, strict: bool = False) -> bool:
    pronoun = re.sub(r"[^a-z]", "", gold.lower())
    if pronoun in GROUP_PRONOUNS and not strict:
        return claim.source != "none"
    if pronoun in PERSON_PRONOUNS:
        return claim.source == "named"
    gold_words = words(gold)
    if not gold_words:
        return False
    ours = words(claim.speaker or "")
    if not ours:
        return False
    if ours == gold_words or ours[-1] == gold_words[-1]:
        return True
    # The gold source often runs on with an apposition ("Paul Chipok, a lawyer in Orlando who …"):
    # the claim's speaker words standing together inside it name the same source.
    n = len(ours)
    return any(gold_words[i : i + n] == ours for i in range(len(gold_words) - n + 1))


def found_and_right(gold: list[dict], claims: list) -> tuple[int, int]:
    """How many gold cues lie inside a claim; how many claims hold a gold cue or overlap gold content."""
    found = sum(any(c.start <= g["cue"][0] and g["cue"][1] <= c.end for c in claims) for g in gold)
    right = sum(
        any(
            c.start <= g["cue"][0] < c.end or (g["content"] and c.start < g["content"][1] and g["content"][0] < c.end)
            for g in gold
        )
        for c in claims
    )
    return found, right


def as_claims(gold: list[dict], spans: list[tuple[int, int]]) -> list[SimpleNamespace]:
    """An annotator's attributions read as claims: the sentences (spans) that hold their cues."""
    held = {(s, e) for g in gold for s, e in spans if s <= g["cue"][0] < e}
    return [SimpleNamespace(start=s, end=e) for s, e in sorted(held)]


def agreement(split: Path) -> None:
    """Annotators against each other, and baldreader against each, on the articles annotated twice
    or more: all annotators together, then each annotator read as a system against the others."""
    totals: dict[str, list[int]] = {}  # who -> gold, found, claims, right
    articles = 0
    for text_path in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(text_path.stem + "_*.ann"))
        if len(anns) < 2:
            continue
        articles += 1
        text = text_path.read_text(encoding="utf-8")
        article = parse_article(text, article_id=text_path.stem, path=text_path, content_hash="-", problems=[])
        spans = [
            span
            for seg in segments(article)
            for span in (sentences(text, seg.start, seg.end) if seg.kind == "paragraph" else [(seg.start, seg.end)])
        ]
        golds = {path.stem.rsplit("_", 1)[1]: read_ann(path) for path in anns}
        ours = analyze(article).claims
        for who, gold in golds.items():
            others = [(other, as_claims(golds[other], spans)) for other in golds if other != who]
            pairs = [("baldreader", ours), *others]
            for system, claims in pairs:
                found, right = found_and_right(gold, claims)
                keys = (system,) if system == "baldreader" else ("all annotators", f"annotator {system}")
                for key in keys:
                    counts = totals.setdefault(key, [0, 0, 0, 0])
                    for k, n in enumerate((len(gold), found, len(claims), right)):
                        counts[k] += n
    print(f"{split}: {articles} articles with more than one annotator; each as a system against the others")
    for who in sorted(totals, key=lambda w: (w != "baldreader", w != "all annotators", w)):
        gold, found, claims, right = totals[who]
        print(
            f"{who:>16}: recall {found / max(1, gold):.3f} ({found} of {gold})  "
            f"precision {right / max(1, claims):.3f} ({right} of {claims})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("split", type=Path, help="a PolNeAR split folder (with text/ and attributions/)")
    parser.add_argument("--examples", type=int, default=0, help="print N missed attributions")
    parser.add_argument("--agreement", action="store_true", help="annotators against each other (see above)")
    args = parser.parse_args()
    if args.agreement:
        agreement(args.split)
        return
    gold_total = found = speaker_asked = speaker_right = strict_right = claims_total = claims_right = 0
    missed = []
    for text_path in sorted((args.split / "text").glob("*.txt")):
        anns = sorted((args.split / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        gold = read_ann(anns[0])
        article = parse_article(text, article_id=text_path.stem, path=text_path, content_hash="-", problems=[])
        assert article.text == text, "offsets would not line up"
        claims = analyze(article).claims
        for g in gold:
            gold_total += 1
            lo, hi = g["cue"]
            hit = next((c for c in claims if c.start <= lo and hi <= c.end), None)
            if hit is None:
                missed.append((text_path.stem, text[max(0, lo - 120) : hi + 40].replace("\n", " ")))
                continue
            found += 1
            if g["source"]:
                speaker_asked += 1
                speaker_right += same_source(g["source"], hit)
                strict_right += same_source(g["source"], hit, strict=True)
        claims_total += len(claims)
        claims_right += found_and_right(gold, claims)[1]
    print(f"{args.split}: {gold_total} gold attributions, {claims_total} claims")
    print(
        f"attribution recall {found / max(1, gold_total):.3f}  precision {claims_right / max(1, claims_total):.3f}  "
        f"speaker {speaker_right / max(1, speaker_asked):.3f} ({speaker_right} of {speaker_asked}; "
        f"strict {strict_right / max(1, speaker_asked):.3f})"
    )
    for stem, context in missed[: args.examples]:
        print(f"  missed in {stem}: …{context}…")


if __name__ == "__main__":
    main()
