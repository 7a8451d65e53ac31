"""Score `baldreader analyze --json` output against gold annotations (format: gold/README.md).

    python bench/evaluate.py                       # runs the analyzer on bench/gold/articles
    python bench/evaluate.py --predictions out.jsonl --gold DIR

People: precision, recall and F1 over (article, person) pairs, person names compared after
case-folding. Claims: a predicted claim matches a gold sentence when their spans overlap by at
least half of the shorter one; detection precision/recall/F1 over those matches, then the share
of matched claims with the right kind, the right source, and both. Prints a table per article
and the totals; `--verbose` lists every miss.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent


def run_analyzer(articles: Path) -> list[dict]:
    with tempfile.TemporaryDirectory() as home:
        paths = sorted(str(p) for p in articles.glob("*.txt"))
        out = subprocess.run(
            [sys.executable, "-m", "reader", "analyze", "--json", "--no-cache", "--home", home, *paths],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return [json.loads(line) for line in out.splitlines()]


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter >= 0.5 * min(a[1] - a[0], b[1] - b[0])


def main() -> int:
    parser = argparse.ArgumentParser(description="score analyze --json against gold annotations")
    parser.add_argument("--gold", type=Path, default=HERE / "gold")
    parser.add_argument("--predictions", type=Path, help="analyze --json output (default: run it now)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    predictions = (
        [json.loads(line) for line in args.predictions.read_text().splitlines() if line.strip()]
        if args.predictions
        else run_analyzer(args.gold / "articles")
    )
    by_id = {p["id"]: p for p in predictions if "id" in p}
    totals = dict(ptp=0, ppred=0, pgold=0, ctp=0, cpred=0, cgold=0, kind=0, source=0, both=0)
    print(f"{'article':8} {'people P/R':>11} {'claims P/R':>11} {'kind':>5} {'source':>6}")
    for gold_path in sorted(args.gold.glob("*.json")):
        gold = json.loads(gold_path.read_text())
        pred = by_id.get(gold["id"])
        if pred is None:
            print(f"{gold['id']:8} missing from the predictions")
            continue
        text = pred["text"]
        gold_people = {p.casefold() for p in gold["people"]}
        pred_people = {n["person"].casefold() for n in pred["names"]}
        ptp = len(gold_people & pred_people)
        gold_spans = []
        for claim in gold["claims"]:
            start = text.find(claim["sentence"])
            gold_spans.append(((start, start + len(claim["sentence"])), claim))
        matched_pred: set[int] = set()
        ctp = kind_ok = source_ok = both_ok = 0
        misses = []
        for span, claim in gold_spans:
            hit = next(
                (
                    i
                    for i, c in enumerate(pred["claims"])
                    if i not in matched_pred and overlap(span, (c["start"], c["end"]))
                ),
                None,
            )
            if hit is None:
                misses.append(f"  missed  {claim['kind']}/{claim['source']}: {claim['sentence'][:90]}")
                continue
            matched_pred.add(hit)
            ctp += 1
            got = pred["claims"][hit]
            kind_ok += got["kind"] == claim["kind"]
            source_ok += got["source"] == claim["source"]
            both_ok += got["kind"] == claim["kind"] and got["source"] == claim["source"]
            if (got["kind"], got["source"]) != (claim["kind"], claim["source"]):
                misses.append(
                    f"  wrong   gold {claim['kind']}/{claim['source']} got {got['kind']}/{got['source']}"
                    f" ({got['speaker']}): {claim['sentence'][:70]}"
                )
        for i, c in enumerate(pred["claims"]):
            if i not in matched_pred:
                misses.append(f"  extra   {c['kind']}/{c['source']}: {c['text'][:90]}")
        misses += [f"  person missed: {p}" for p in sorted(gold_people - pred_people)]
        misses += [f"  person extra:  {p}" for p in sorted(pred_people - gold_people)]
        p1, r1, _ = prf(ptp, len(pred_people), len(gold_people))
        p2, r2, _ = prf(ctp, len(pred["claims"]), len(gold_spans))
        print(f"{gold['id']:8} {p1:5.2f}/{r1:4.2f} {p2:6.2f}/{r2:4.2f} {kind_ok:>2}/{ctp:<2} {source_ok:>3}/{ctp:<2}")
        if args.verbose:
            print("\n".join(misses))
        for key, value in dict(
            ptp=ptp,
            ppred=len(pred_people),
            pgold=len(gold_people),
            ctp=ctp,
            cpred=len(pred["claims"]),
            cgold=len(gold_spans),
            kind=kind_ok,
            source=source_ok,
            both=both_ok,
        ).items():
            totals[key] += value
    p, r, f = prf(totals["ptp"], totals["ppred"], totals["pgold"])
    print(
        f"\npeople  P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({totals['ptp']} of {totals['pgold']} gold, "
        f"{totals['ppred']} predicted)"
    )
    p, r, f = prf(totals["ctp"], totals["cpred"], totals["cgold"])
    print(
        f"claims  P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({totals['ctp']} of {totals['cgold']} gold, "
        f"{totals['cpred']} predicted)"
    )
    matched = totals["ctp"] or 1
    print(
        f"matched claims: kind {totals['kind'] / matched:.3f}  source {totals['source'] / matched:.3f}  "
        f"both {totals['both'] / matched:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
