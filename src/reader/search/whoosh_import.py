"""Whoosh imported without what baldreader never uses from it, which cost every shell search
~110 ms: at import, `whoosh.compat` imports `urllib.request` (for `urlretrieve`; with it HTTP,
SSL and email modules), `whoosh.query.terms` imports `whoosh.lang.morph_en` (for the
`Variations` query; it compiles many regular expressions), and `whoosh.reading` imports
`cached_property`, which imports `asyncio` (only to await a cached coroutine; Whoosh caches
none). While Whoosh is first imported, a stand-in module for each hands Whoosh functions that
import the real module if ever called (`asyncio.iscoroutinefunction` is `inspect`'s, what
asyncio's own adds to it is for legacy generator-based coroutines). The stand-ins are then
taken out of `sys.modules`, so any other import of those modules gets the real thing; when a
module is already imported (the app imports asyncio first), nothing is stood in for it.
`reader.search` runs this before any of its modules imports Whoosh; a test checks that the
stand-ins are gone and the functions still work.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import types
from collections.abc import Callable
from typing import Any

# module: the names Whoosh (and cached_property) take from it
UNUSED = {
    "urllib.request": ("urlretrieve",),
    "whoosh.lang.morph_en": ("variations",),
    "asyncio": ("ensure_future",),
}


def _deferred(module: str, name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    return call


def import_whoosh() -> None:
    if "whoosh.compat" in sys.modules:
        return
    stand_ins = {}
    for module, names in UNUSED.items():
        if module not in sys.modules:
            stand_in = types.ModuleType(module, "a stand-in while Whoosh is imported (reader.search.whoosh_import)")
            for name in names:
                setattr(stand_in, name, _deferred(module, name))
            if module == "asyncio":
                stand_in.iscoroutinefunction = inspect.iscoroutinefunction  # type: ignore[attr-defined]
            stand_ins[module] = sys.modules[module] = stand_in
    try:
        import whoosh.compat  # noqa: F401
        import whoosh.query  # noqa: F401
        import whoosh.reading  # noqa: F401
    finally:
        for module, stand_in in stand_ins.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]
