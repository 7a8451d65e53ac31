"""How typed text is compared with what is shown, in the list's filter and the notes panel's:
case and accents ignored ("Hilária" matches "hilaria"). Search folds in its own index analyser."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Hilária' matches 'hilaria'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
