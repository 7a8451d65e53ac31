"""Which analysis rules are in force (`rules_hash`): a hash of the analysis's code and word
lists, read from the files alone, so that the analysis cache and the search catalog can tell a
changed rule without importing the analysis. (No version number to remember to raise: any
change to a rule is a change to these files.)"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

ANALYSIS_FOLDER = Path(__file__).parents[1] / "analysis"  # the code and word lists hashed


@functools.lru_cache(maxsize=1)
def rules_hash() -> str:
    """A hash of everything the analysis depends on: its code and its word lists. A changed
    rule or list makes a new key, so a cached analysis can never be out of date."""
    digest = hashlib.sha256()
    folder = ANALYSIS_FOLDER
    for path in sorted([*folder.glob("*.py"), *(folder / "data").glob("*")]):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
