"""The cyclomatic complexity check run by .ci/run: radon's measure of every function and method
under the folders given, failing (status 1) with the list of those over the limit.

    python tools/complexity.py --max 25 src/reader/analysis
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Function


def measured(folder: Path) -> list[tuple[str, int, str, int]]:
    """(file, line, name, complexity) of each function and method under `folder`."""
    return [
        (str(path), block.lineno, block.fullname, block.complexity)
        for path in sorted(folder.rglob("*.py"))
        for block in cc_visit(path.read_text(encoding="utf-8"))
        if isinstance(block, Function)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--max", type=int, default=25)
    args = parser.parse_args()
    blocks = [block for folder in args.folders for block in measured(folder)]
    failed = [block for block in blocks if block[3] > args.max]
    for path, line, name, complexity in failed:
        print(f"{path}:{line}: {name} has complexity {complexity} (at most {args.max})")
    worst = max((block[3] for block in blocks), default=0)
    folders = ", ".join(map(str, args.folders))
    print(f"complexity: {len(failed)} of {len(blocks)} functions over {args.max} in {folders}; the highest is {worst}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
