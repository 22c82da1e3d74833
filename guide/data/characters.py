"""Characters that data text may not hold: controls, invisible formatting and bidirectional
overrides.

They come in through copy and paste, or on purpose: a right-to-left override (U+202E) makes a
verdict or a source address display in another order than it is stored, so a reviewer reading
the diff and a reader of the site see different text. Newline and tab are the only controls a
text needs. The rule follows Unicode's general categories, so it covers characters nobody
listed by hand.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ALLOWED_CONTROLS = frozenset("\n\t")
# Unicode's bidirectional formatting characters: embeddings, overrides, isolates and marks.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_KINDS = {
    "Cc": "a control character",
    "Cf": "an invisible formatting character",
    "Cs": "half of a surrogate pair, which is not text on its own",
    "Zl": "a line separator, which breaks lines only in some programs",
    "Zp": "a paragraph separator, which breaks lines only in some programs",
}


@dataclass(frozen=True)
class Refused:
    index: int  # position in the text, counted in characters
    character: str

    @property
    def code(self) -> str:
        return f"U+{ord(self.character):04X}"

    def describe(self) -> str:
        """``U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that ...``."""
        name = unicodedata.name(self.character, "")
        label = f"{self.code} {name}" if name else self.code
        if self.character in BIDI_CONTROLS:
            return f"{label}, a bidirectional control that can make text display in another order than it is written"
        return f"{label}, {_KINDS[unicodedata.category(self.character)]}"


def is_refused(character: str) -> bool:
    return character not in ALLOWED_CONTROLS and unicodedata.category(character) in _KINDS


# Printable ASCII, newline and tab are never refused: only the rest needs a look-up.
_MAYBE_REFUSED = re.compile(r"[^\t\n\x20-\x7e]")


def refused_characters(text: str) -> list[Refused]:
    """Every refused character of ``text``, in order."""
    return [
        Refused(match.start(), match.group())
        for match in _MAYBE_REFUSED.finditer(text)
        if is_refused(match.group())
    ]
