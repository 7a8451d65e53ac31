"""The catalog's one SQLite connection used from two threads: the app's workers read the
measures and the people still pending while the screen closes the index on quitting."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.unit

# Run in a child: a connection closed under a reading thread could crash the interpreter
# (the full test run once died of a segmentation fault in the catalog's measures()).
_RACE = textwrap.dedent(
    """
    import sqlite3, sys, tempfile, threading
    from pathlib import Path
    from reader.search.catalog_db import CatalogDB, Row

    folder = Path(tempfile.mkdtemp())
    db = CatalogDB(folder / "catalog.sqlite")
    measures = {"anon": 1.0}
    rows = [Row(f"a{i}.txt", f"a{i}", 1, 1, "h", "t", False, None, 10, False, measures=measures) for i in range(5000)]
    db.put(rows)
    db.commit()
    db.close()
    failures = []
    for trial in range(150):
        db = CatalogDB(folder / "catalog.sqlite")
        started = threading.Event()

        def read():
            started.set()
            try:
                while True:
                    db.measures()
                    db.people_pending_count()
                    db.stamps()
            except sqlite3.ProgrammingError:
                pass  # closed: what a reader after close() is told
            except Exception as exc:
                failures.append(repr(exc))

        thread = threading.Thread(target=read)
        thread.start()
        started.wait()
        db.close()
        thread.join()
    print("failures:", failures[:3], len(failures))
    sys.exit(1 if failures else 0)
    """
)


def test_closing_the_catalog_while_a_thread_reads_it_neither_crashes_nor_misuses_sqlite():
    done = subprocess.run([sys.executable, "-c", _RACE], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
