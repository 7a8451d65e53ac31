"""Person names in Reuters newswire: baldreader's names against the CoNLL-2003 English annotation.

CoNLL-2003 (Tjong Kim Sang and De Meulder, 2003) marks persons, organisations, places and other
names in Reuters news of 1996, sports results tables among them. Only its development split
(`eng.testa`, 216 documents, 1,842 person names) and training split (`eng.train`) are used here;
the test split (`eng.testb`) stays unread. The files are not redistributable: fetch a copy into a
git-ignored folder (this project uses `data-external/conll2003/`, see .gitignore).

    python bench/conll.py data-external/conll2003/eng.testa [--examples N] [--genre sport|news]

Each document is rebuilt as text (the headline as its first line, one paragraph per sentence,
spaces put back the way print sets them: none before , . 's n't or after an opening bracket),
analysed like any article, and the people found are compared with the gold PER spans: exact
spans, precision, recall, F1; also split into sports documents (headline starting with a sport,
"SOCCER -", "CRICKET -", …: results tables and match reports) and the rest.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.analysis import analyze
from reader.corpus.parse import parse_article

NO_SPACE_BEFORE = {",", ".", ":", ";", ")", "]", "}", "?", "!", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'m", "'d"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}
SPORT_HEADLINE = re.compile(
    r"^(?:SOCCER|CRICKET|TENNIS|GOLF|BASKETBALL|BASEBALL|RUGBY|ATHLETICS|CYCLING|BOXING|MOTOR|"
    r"MOTORCYCLING|HORSE|NFL|NHL|NBA|ICE HOCKEY|HOCKEY|SKIING|SWIMMING|SQUASH|BADMINTON|ROWING|"
    r"SAILING|YACHTING|ALPINE|FORMULA|OLYMPICS|AUSTRALIAN RULES|TABLE TENNIS|VOLLEYBALL|HANDBALL|"
    r"WRESTLING|CHESS|SNOOKER|JUDO|TRIATHLON|SPEEDWAY|MOTOCROSS|RALLYING|POLO|GYMNASTICS|DARTS)\b"
)


@dataclass
class Doc:
    text: str = ""
    gold: set[tuple[int, int]] = field(default_factory=set)
    sport: bool = False


def read_sentences(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents, each a list of sentences of (token, tag)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if not parts:
            if sentence:
                if not docs:
                    docs.append([])
                docs[-1].append(sentence)
                sentence = []
            continue
        if parts[0] == "-DOCSTART-":
            docs.append([])
            continue
        sentence.append((parts[0], parts[-1]))
    return [d for d in docs if d]


def build(sentences: list[list[tuple[str, str]]], spaced: bool = False) -> Doc:
    """The document as text with its gold spans; `spaced` keeps CoNLL's tokens apart by one space
    each ("Anna Berg ( Sweden ) 1:50.91"), as text copied from a tokenised corpus reads."""
    doc = Doc()
    pieces: list[str] = []
    pos = 0
    for number, sentence in enumerate(sentences):
        if number:
            pieces.append("\n\n")
            pos += 2
        quote_open = False
        previous = None
        person_start = person_end = None
        for token, tag in sentence:
            space = previous is not None
            if not spaced:
                opening = False
                if token == '"':
                    opening = not quote_open
                    quote_open = not quote_open
                if token in NO_SPACE_BEFORE or previous in NO_SPACE_AFTER or (token == '"' and not opening):
                    space = False
                if previous == '"' and quote_open and token != '"':
                    space = False  # just after an opening quotation mark
            if space:
                pieces.append(" ")
                pos += 1
            if person_start is not None and person_end is not None and tag != "I-PER":
                doc.gold.add((person_start, person_end))
                person_start = None
            if tag == "B-PER" or (tag == "I-PER" and person_start is None):
                person_start = pos
            pieces.append(token)
            pos += len(token)
            if person_start is not None:
                person_end = pos
            previous = token
        if person_start is not None and person_end is not None:
            doc.gold.add((person_start, person_end))
    doc.text = "".join(pieces) + "\n"
    doc.sport = bool(SPORT_HEADLINE.match(" ".join(t for t, _ in sentences[0])))
    return doc


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    f = 2 * p * r / max(1e-9, p + r)
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {tp + fn}, found {tp + fp})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="a CoNLL-2003 English file (eng.testa or eng.train)")
    parser.add_argument("--examples", type=int, default=0, help="print N misses and N false alarms")
    parser.add_argument("--genre", choices=["sport", "news"], help="score only these documents")
    parser.add_argument("--spaced", action="store_true", help="keep every token apart by a space")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    counts = {"sport": [0, 0, 0], "news": [0, 0, 0]}
    misses: list[str] = []
    alarms: list[str] = []
    for number, sentences in enumerate(read_sentences(args.path)):
        doc = build(sentences, args.spaced)
        genre = "sport" if doc.sport else "news"
        if args.genre and genre != args.genre:
            continue
        article = parse_article(doc.text, article_id=str(number), path=args.path, content_hash="-", problems=[])
        found = {(m.start, m.end) for m in analyze(article).names}
        tally = counts[genre]
        tally[0] += len(found & doc.gold)
        tally[1] += len(found - doc.gold)
        tally[2] += len(doc.gold - found)

        def context(span: tuple[int, int], text: str = doc.text) -> str:
            s, e = span
            return f"{text[max(0, s - 50) : s]}[{text[s:e]}]{text[e : e + 40]}".replace("\n", " / ")

        misses += [f"{genre}: {context(s)}" for s in sorted(doc.gold - found)]
        alarms += [f"{genre}: {context(s)}" for s in sorted(found - doc.gold)]
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    print(f"{args.path}: person names, exact spans")
    print(f"  all    {prf(*total)}")
    for genre, tally in counts.items():
        if sum(tally):
            print(f"  {genre:6} {prf(*tally)}")
    if args.examples:
        rng = random.Random(args.seed)
        for label, items in (("missed", misses), ("false alarm", alarms)):
            for item in rng.sample(items, min(args.examples, len(items))):
                print(f"  {label}: {item}")


if __name__ == "__main__":
    main()
