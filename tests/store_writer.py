"""Helper process for the store's fault tests: adds notes and acknowledges each on stdout.

python store_writer.py STORE COUNT LABEL
"""

import sys
from pathlib import Path

from reader.store import Note, Store
from reader.store.model import Anchor

store = Store(Path(sys.argv[1])).load()
for i in range(int(sys.argv[2])):
    note = store.add_note(
        Note(
            id="",
            anchor=Anchor(article="a1", article_title="T"),
            text=f"{sys.argv[3]} note {i}\nline two",
            tags=[sys.argv[3]],
        )
    )
    print(f"ack {note.id}", flush=True)
