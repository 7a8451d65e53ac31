"""Stopping a long analysis (a huge article) soon after its reader has moved on or quit:
`AnalysisCancelled`, and lists that ask `stop()` as they are walked (`Interruptible`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

_T = TypeVar("_T")


class AnalysisCancelled(Exception):
    """`stop()` said so: the analysis was abandoned part way."""


def check(stop: Callable[[], bool] | None) -> None:
    """Raise AnalysisCancelled if `stop()` is true: between the steps of a long analysis."""
    if stop is not None and stop():
        raise AnalysisCancelled


class Interruptible(list[_T]):
    """A list that asks `stop()` before every `every`-th item it hands out when walked, and
    raises AnalysisCancelled once it is true: each pass of the analysis over segments, or over
    the hundreds of thousands of name candidates of a huge article, can be abandoned."""

    def __init__(self, items: list[_T], stop: Callable[[], bool], every: int = 1) -> None:
        super().__init__(items)
        self._stop = stop
        self._every = every

    def __iter__(self) -> Iterator[_T]:
        for i, item in enumerate(super().__iter__()):
            if i % self._every == 0 and self._stop():
                raise AnalysisCancelled
            yield item
