"""How wide a line of text is, without a browser: for laying out the flowchart at build time.

The widths are the advance widths of Helvetica, which Arial, Liberation Sans and Arimo share
(the fonts the flowchart names first), in thousandths of the font size, for printable ASCII.
Other characters count as a wide letter, and full-width (East Asian) ones as a full em. Boxes
get :data:`SAFETY` times the measured width, so a slightly wider fallback font still fits.
"""

from __future__ import annotations

import unicodedata

# Characters 32 (space) to 126 (~), regular and bold.
_REGULAR = [int(w) for w in (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 "
    "556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 "
    "667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 "
    "556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584"
).split()]
_BOLD = [int(w) for w in (
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


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` at ``size`` px, with :data:`SAFETY` added."""
    table = _BOLD if bold else _REGULAR
    return sum(_advance(char, table) for char in text) * size / 1000 * SAFETY


def _greedy(words: list[str], max_width: float, size: float, bold: bool) -> list[str]:
    lines: list[str] = []
    for word in words:
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size, bold) <= max_width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines


def wrap(text: str, max_width: float, size: float, bold: bool = False) -> list[str]:
    """``text`` in lines no wider than ``max_width`` (a longer word gets a line of its own), as
    few as greedy filling gives, then evened out for centred text: among the breaks that keep
    that number of lines within the narrowest width that allows it, the one whose lines differ
    least in length."""
    words = text.split()
    if not words:
        return [""]
    count = len(_greedy(words, max_width, size, bold))
    low = max(text_width(word, size, bold) for word in words)
    high = max(max_width, low)
    for _ in range(24):  # bisection to well under a pixel
        middle = (low + high) / 2
        if len(_greedy(words, middle, size, bold)) <= count:
            high = middle
        else:
            low = middle
    return _even(words, count, high, size, bold)


def _even(words: list[str], count: int, width: float, size: float, bold: bool) -> list[str]:
    """``words`` in at most ``count`` lines no wider than ``width``, with the least squared slack."""
    total = len(words)
    # best[i][k]: (cost, breaks) for the first i words in k lines
    best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {(0, 0): (0.0, ())}
    for end in range(1, total + 1):
        for lines in range(1, count + 1):
            options = []
            for start in range(end - 1, -1, -1):
                line_width = text_width(" ".join(words[start:end]), size, bold)
                if line_width > width + 0.01 and end - start > 1:
                    break
                previous = best.get((start, lines - 1))
                if previous is not None:
                    options.append((previous[0] + (width - line_width) ** 2, previous[1] + (end,)))
            if options:
                best[(end, lines)] = min(options)
    cost, breaks = min(best[(total, lines)] for lines in range(1, count + 1) if (total, lines) in best)
    starts = (0,) + breaks[:-1]
    return [" ".join(words[a:b]) for a, b in zip(starts, breaks)]
