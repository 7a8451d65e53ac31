"""Views across the corpus, computed by the core from each article's analysis (no UI here):
quotations found in several articles (`quotes`)."""
