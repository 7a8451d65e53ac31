"""Analysis cost in machine instructions, counted by valgrind: a figure that does not move with
this machine's speed, which drifts by half within minutes here (the timings of
`bench/analysis.py` are what a user waits; this is for comparing two versions of the rules).

It writes a one-paragraph article of n words built from the generated corpus's sentences (as
`bench/analysis.py` does), then runs the analysis of it under `valgrind --tool=cachegrind`
twice, once analysing and once only loading, and prints the difference per 1,000 words.

    python bench/analysis_instructions.py [--words 10000] [--src PATH_TO_ANOTHER_CHECKOUT/src]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402

from reader.corpus import load_corpus  # noqa: E402

RUN = """
import sys
from pathlib import Path
from reader.analysis import analyze
from reader.corpus.parse import parse_article
text = Path(sys.argv[1]).read_text(encoding="utf-8")
article = parse_article(text, article_id="one", path=Path("one.txt"), content_hash="-", problems=[])
analyze(parse_article("T\\n\\nAna Ruiz said hi in Paris.\\n", article_id="x", path=Path("x"), content_hash="-"))
if sys.argv[2] == "analyse":
    analyze(article)
"""


def instructions(src: Path, script: Path, article: Path, mode: str) -> int:
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        + [sys.executable, str(script), str(article), mode],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    match = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if match is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(match.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description="analysis cost in instructions (valgrind)")
    parser.add_argument("--words", type=int, default=10000)
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parent.parent / "src")
    args = parser.parse_args()
    if not (args.src / "reader" / "analysis").is_dir():
        sys.exit(f"{args.src}: no reader/analysis package there (the installed one would be measured instead)")
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (Debian: apt install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        sentences = " ".join(
            " ".join(b.text for b in a.blocks) for a in load_corpus(generate(Path(tmp) / "c", 40)).articles
        ).split(". ")
        words: list[str] = []
        i = 0
        while len(words) < args.words:
            words += (sentences[i % len(sentences)] + ".").split()
            i += 1
        article = Path(tmp) / "one.txt"
        article.write_text("Generated Story\n\n" + " ".join(words[: args.words]) + "\n", encoding="utf-8")
        script = Path(tmp) / "run.py"
        script.write_text(RUN, encoding="utf-8")
        cost = instructions(args.src, script, article, "analyse") - instructions(args.src, script, article, "load")
    print(
        f"{args.src}: analysis of one paragraph of {args.words:,} words: {cost / 1e6:.0f} M instructions, "
        f"{cost / 1e6 / (args.words / 1000):.1f} M per 1,000 words"
    )


if __name__ == "__main__":
    main()
