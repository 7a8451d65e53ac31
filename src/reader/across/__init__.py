"""Views across the corpus, computed by the core from each article's analysis (no UI here):
people (`people`), quotations found in several articles (`quotes`), sourcing profiles and the
headline check (`profile`), facts and the conflicts between them (`facts`, `conflicts`).

The corpus-wide functions take `stop`, asked as they go: once it is true they raise
`AnalysisCancelled`, so a reader who closes the view or quits is not kept waiting."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis import AnalysisCancelled

Stop = Callable[[], bool] | None


def check(stop: Stop) -> None:
    """Raise AnalysisCancelled once `stop()` is true."""
    if stop is not None and stop():
        raise AnalysisCancelled
