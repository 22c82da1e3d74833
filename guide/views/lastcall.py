"""A one-slot memo for the views' costly derivations of the loaded data.

A build renders several pages from the same, never-changed data objects (the flowchart's layout
is drawn three times, the scripts' figures are read by four macros). Remembering the result for
the last argument while it is the very same object costs nothing to key (no hashing of a large
frozen model) and cannot serve a result for other data, or a rebuild's new objects under
``mkdocs serve``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Generic, TypeVar

A = TypeVar("A")
R = TypeVar("R")


class for_the_last(Generic[A, R]):  # a decorator, named like one
    """``make`` remembering its result for the last argument, while it is the same object."""

    def __init__(self, make: Callable[[A], R]) -> None:
        self.make = make
        self.last: tuple[A, R] | None = None
        functools.update_wrapper(self, make)

    def __call__(self, argument: A) -> R:
        if self.last is not None and self.last[0] is argument:
            return self.last[1]
        result = self.make(argument)
        self.last = (argument, result)
        return result

    def cache_clear(self) -> None:
        """Forget the last result, as ``functools.lru_cache``'s does."""
        self.last = None
