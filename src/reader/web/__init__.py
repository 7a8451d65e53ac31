"""Bringing articles in from the web: fetching pages (`fetching`), adding a page, a saved file
or a feed's entries to a corpus as Markdown (`adding`), the feeds followed (`feeds`) and
adding what is new in them (`updating`). Above the corpus; beside the analysis, search and
store, which it never imports."""
