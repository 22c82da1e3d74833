"""What a rule is, and what it gets to look at.

A rule is a name, a description of what it checks, the data files it reads and a function that
returns problems; :class:`Checks` hands it the files that passed the schema, the pages folder and
the day counted as today, and turns (file, path, message, hint) into a positioned :class:`Problem`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from guide.data.problems import Problem, format_path
from guide.data.yamlsource import Located, PathKey

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Checked:
    """A data file that passed the schema: its model and where each value sits in the YAML."""

    model: BaseModel
    located: Located


@dataclass(frozen=True)
class Checks:
    files: Mapping[str, Checked]
    docs_dir: Path | None
    today: dt.date
    display: Callable[[Path], str]  # a path as the contributor sees it
    data_dir: Path

    def model(self, file: str, kind: type[Model]) -> Model | None:
        """The model of ``file``, or None when it is missing or failed the schema."""
        checked = self.files.get(file)
        return checked.model if checked is not None and isinstance(checked.model, kind) else None

    def problem(self, file: str, path: PathKey, message: str, hint: str = "", severity: str = "error",
                *, key: bool = False) -> Problem:
        """A problem at the value (or, with ``key``, the key) at ``path`` in ``file``."""
        mark = self.files[file].located.mark(path, key=key)
        return Problem(self.display(self.data_dir / file), mark.line, mark.column, format_path(path), message, hint, severity)

    def duplicates(self, file: str, items: Iterable[tuple[PathKey, str]]) -> Iterator[Problem]:
        """Each id (at ``path + ("id",)``) used before, with the line of its first use."""
        seen: dict[str, int] = {}
        for path, item_id in items:
            if item_id in seen:
                yield self.problem(file, (*path, "id"), f"id '{item_id}' is used twice; the first one is at line {seen[item_id]}",
                                   "every id must be unique: rename one")
            else:
                seen[item_id] = self.files[file].located.mark((*path, "id")).line

    def unknown(self, file: str, path: PathKey, value: str, pool: Mapping[str, Any] | None, what: str,
                *, key: bool = False) -> Iterator[Problem]:
        """A reference to an id that ``pool`` lacks (nothing when the pool's file failed the schema)."""
        if pool is not None and value not in pool:
            close = difflib.get_close_matches(value, list(pool), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known {what} ids: " + ", ".join(pool)
            yield self.problem(file, path, f"no {what} has the id '{value}'", hint, key=key)


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    reads: tuple[str, ...]  # the data files it looks at; it runs on those that passed the schema
    check: Callable[[Checks], Iterable[Problem]]
