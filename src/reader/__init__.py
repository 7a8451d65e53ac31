"""baldreader: a terminal reader for celebrity and tabloid news."""

__version__ = "0.1.0"
