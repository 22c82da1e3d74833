"""How wide a line of text is, without a browser: for laying out the flowchart at build time.

The widths are the advance widths of Helvetica, which Arial, Liberation Sans and Arimo share
(the fonts the flowchart names first), in thousandths of the font size, for printable ASCII.
Other characters count as a wide letter, and full-width (East Asian) ones as a full em. Boxes
get :data:`SAFETY` times the measured width, so a slightly wider fallback font still fits.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata

# Characters 32 (space) to 126 (~), regular and bold.
_REGULAR = [int(w) for w in (  # noqa: SIM905 (a table of widths reads best as one string)
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 "
    "556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 "
    "667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 "
    "556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584"
).split()]
_BOLD = [int(w) for w in (  # noqa: SIM905
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 "
    "556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 "
    "667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 611 556 333 611 "
    "611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584"
).split()]
_OTHER = 667
_FULL_WIDTH = 1000
SAFETY = 1.1


def _advance(char: str, table: list[int]) -> int:
    code = ord(char)
    if 32 <= code <= 126:
        return table[code - 32]
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return _FULL_WIDTH
    if unicodedata.combining(char):
        return 0
    return _OTHER


def _units(text: str, table: list[int]) -> int:
    """The advance widths of ``text`` summed, in thousandths of the font size."""
    return sum(_advance(char, table) for char in text)


def _width(units: int, size: float) -> float:
    return units * size / 1000 * SAFETY


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` at ``size`` px, with :data:`SAFETY` added."""
    return _width(_units(text, _BOLD if bold else _REGULAR), size)


class _Words:
    """The words of a text with their widths measured once: a line's width is the sum of its
    words' and the spaces between them (the same integer sum as measuring the joined line)."""

    def __init__(self, words: list[str], size: float, bold: bool):
        table = _BOLD if bold else _REGULAR
        self.words, self.size = words, size
        self.before = [0, *itertools.accumulate(_units(word, table) for word in words)]  # units of the words before each
        self.space = _units(" ", table)

    def width(self, start: int, end: int) -> float:
        """The width of words ``start`` to ``end`` (exclusive) on one line."""
        return _width(self.before[end] - self.before[start] + (end - start - 1) * self.space, self.size)


def _greedy(measured: _Words, max_width: float) -> int:
    """How many lines greedy filling gives at ``max_width``."""
    count, start = 0, 0
    for end in range(1, len(measured.words) + 1):
        if count and measured.width(start, end) <= max_width:
            continue  # the word fits on the current line
        count, start = count + 1, end - 1
    return count


@functools.lru_cache(maxsize=4096)
def _wrap(text: str, max_width: float, size: float, bold: bool) -> tuple[str, ...]:
    words = text.split()
    if not words:
        return ("",)
    measured = _Words(words, size, bold)
    count = _greedy(measured, max_width)
    low = max(measured.width(index, index + 1) for index in range(len(words)))
    high = max(max_width, low)
    for _ in range(24):  # bisection to well under a pixel
        middle = (low + high) / 2
        if _greedy(measured, middle) <= count:
            high = middle
        else:
            low = middle
    return tuple(_even(measured, count, high))


def wrap(text: str, max_width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``max_width`` (a longer word gets a line of its own), as
    few as greedy filling gives, then evened out for centred text: among the breaks that keep
    that number of lines within the narrowest width that allows it, the one whose lines differ
    least in length. Remembered: a build draws the same chart on several pages."""
    return list(_wrap(text, max_width, size, bold))


def _even(measured: _Words, count: int, width: float) -> list[str]:
    """The words in at most ``count`` lines no wider than ``width``, with the least squared slack."""
    words = measured.words
    total = len(words)
    # best[i][k]: (cost, breaks) for the first i words in k lines
    best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}
    for end in range(1, total + 1):
        for lines in range(1, count + 1):
            options = []
            for start in range(end - 1, -1, -1):
                line_width = measured.width(start, end)
                if line_width > width + 0.01 and end - start > 1:
                    break
                previous = best.get((start, lines - 1))
                if previous is not None:
                    options.append((previous[0] + (width - line_width) ** 2, (*previous[1], end)))
            if options:
                best[(end, lines)] = min(options)
    _, breaks = min(best[(total, lines)] for lines in range(1, count + 1) if (total, lines) in best)
    starts = (0, *breaks[:-1])
    return [" ".join(words[a:b]) for a, b in zip(starts, breaks, strict=True)]
