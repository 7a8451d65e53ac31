"""Generate a realistic synthetic corpus of N tabloid-style articles for benchmarks.

Each article has a `date YYYY-MM-DD` marker and a headline, 8-14 paragraphs (~600 words) with
person names, direct quotes with attributions, hedged claims, sub-headings, and body words drawn
from a Zipf-distributed vocabulary. Deterministic for a given seed.

    python bench/corpus.py OUT_DIR N [--seed 1]
"""

from __future__ import annotations

import argparse
import itertools
import random
import string
from pathlib import Path

FIRST = [
    "Alec",
    "Hilaria",
    "Kim",
    "Ireland",
    "Carmen",
    "Rafael",
    "Maria",
    "Jordan",
    "Taylor",
    "Morgan",
    "Priya",
    "Chen",
    "Olivia",
    "Marcus",
    "Sofia",
    "Dmitri",
    "Aisha",
    "Lucas",
    "Hannah",
    "Mateo",
    "Zoe",
    "Omar",
    "Grace",
    "Ravi",
    "Elena",
    "Noah",
    "Leila",
    "Tomás",
]
LAST = [
    "Baldwin",
    "Basinger",
    "Hutchins",
    "Savchenko",
    "Rivera",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Castillo",
    "O'Brien",
    "Kowalski",
    "Haddad",
    "Fischer",
    "Duarte",
    "Petrova",
]
OUTLETS = [
    "People",
    "Page Six",
    "The National Enquirer",
    "RadarOnline.com",
    "Us Weekly",
    "TMZ",
    "New Idea",
    "The Daily Mail",
    "ComingSoon.net",
    "Entertainment Weekly",
]
SOURCES = ["One insider", "A source close to the couple", "A family friend", "A longtime pal", "An insider", "Sources"]
VERBS = ["said", "told", "revealed", "claimed", "insisted", "explained", "added", "admitted"]
HEDGES = [
    "reportedly",
    "allegedly",
    "Rumours swirl that",
    "Speculation is growing that",
    "Some are saying that",
    "It is claimed that",
]
HEADING = [
    "The Real Story",
    "What Happens Next",
    "A Rift At Home?",
    "Inside The Feud",
    "The Reality Show Effect",
    "Fans Are Divided",
    "Is It Over?",
]


def zipf_vocabulary(rng: random.Random, size: int = 20000) -> tuple[list[str], list[float]]:
    words = set()
    while len(words) < size:
        length = max(2, min(12, int(rng.gauss(6, 2))))
        words.add("".join(rng.choice(string.ascii_lowercase) for _ in range(length)))
    ranked = sorted(words)
    rng.shuffle(ranked)
    weights = [1.0 / (rank + 1) ** 1.07 for rank in range(len(ranked))]
    return ranked, weights


class Generator:
    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.vocab, weights = zipf_vocabulary(self.rng)
        self.cum_weights = list(itertools.accumulate(weights))

    def words(self, n: int) -> str:
        return " ".join(self.rng.choices(self.vocab, cum_weights=self.cum_weights, k=n))

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def sentence(self) -> str:
        rng = self.rng
        kind = rng.random()
        body = self.words(rng.randint(8, 18))
        if kind < 0.25:
            who = rng.choice([self.person(), rng.choice(SOURCES)])
            return f'{who} {rng.choice(VERBS)}: "{body.capitalize()}."'
        if kind < 0.35:
            return f'"{body.capitalize()}," {self.person()} told {rng.choice(OUTLETS)}.'
        if kind < 0.45:
            return f"{rng.choice(HEDGES).capitalize()} {self.person()} {body}."
        if kind < 0.55:
            return f"According to {rng.choice(OUTLETS)}, {self.person()} {body}."
        return f"{body.capitalize()} {self.person()} {self.words(rng.randint(3, 8))}."

    def article(self) -> str:
        rng = self.rng
        date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        a, b = self.person(), self.person()
        title = f"{a} And {b} {self.words(rng.randint(3, 7)).title()}"
        lines = [f"date {date} {title}"]
        for i in range(rng.randint(8, 14)):
            if i and rng.random() < 0.15:
                lines.append(rng.choice(HEADING))
            lines.append(" ".join(self.sentence() for _ in range(rng.randint(2, 5))))
        return "\n".join(lines) + "\n"


def generate(out: Path, n: int, seed: int = 1) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed)
    for i in range(n):
        sub = out / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article_{i:06d}.txt").write_text(gen.article(), encoding="utf-8")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.n, args.seed)
    print(f"wrote {args.n} articles to {args.out}")
