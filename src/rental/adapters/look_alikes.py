"""Look-alike names by Unicode's confusables (TR39), through confusable-homoglyphs, which
ships the data of Unicode's ``confusables.txt`` and the script of every character.

The library lists, for each character, the single characters it may be confused with. Taken
together those pairs are TR39's classes of confusable characters; each class's skeleton
character is its lowest ASCII member (else its lowest code point), so that Cyrillic a
(U+0430), Latin alpha (U+0251) and ``a`` all read ``a``, and ``l``, ``I``, ``1`` and ``|``
read alike. Confusions of one character with several (``m`` and ``rn``) are not in it.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from confusable_homoglyphs import categories, confusables


@cache
def _representatives() -> dict[str, str]:
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.get(char, char) != char:
            parent[char] = parent.get(parent[char], parent[char])
            char = parent[char]
        return char

    def rank(char: str) -> tuple[bool, int]:
        return (ord(char) >= 128, ord(char))

    for char, glyphs in confusables.confusables_data.items():
        for glyph in glyphs:
            other = glyph["c"]
            if len(char) != 1 or len(other) != 1:
                continue
            a, b = root(char), root(other)
            if a != b:
                first, second = sorted((a, b), key=rank)
                parent[second] = first
    return {char: root(char) for char in parent}


class UnicodeLookAlikes:
    """``LookAlikes`` by the confusables data of TR39."""

    def skeleton(self, text: str) -> str:
        """Each character by its class's, before and after case folding: so ``I`` reads as
        ``l`` (they are confusable), and Cyrillic capital A as ``a``."""
        representatives = _representatives()

        def mapped(chars: str) -> str:
            return "".join(representatives.get(char, char) for char in chars)

        return mapped(mapped(unicodedata.normalize("NFKC", text)).casefold())

    def is_mixed_script(self, text: str) -> bool:
        """Letters of more than one script (``Common`` ones, digits and punctuation, and
        ``Inherited`` ones, combining marks, do not count)."""
        scripts = categories.unique_aliases(text) - {"COMMON", "INHERITED"}
        return len(scripts) > 1
