"""What every check reports: a :class:`Problem` at ``file:line:column: path: message (hint)``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide.data.yamlsource import PathKey


def shown_path(path: Path, root: Path, otherwise: str) -> str:
    """``path`` as a problem names it: relative to the project folder ``root`` (both resolved
    alike), else ``otherwise``."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else otherwise


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.path}:" if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        label = "warning: " if self.severity == "warning" else ""
        return f"{where}:{field} {label}{self.message}{hint}"


class DataError(Exception):
    """Raised by ``load_guide`` when the data has errors; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        count = f"{len(errors)} problem" + ("" if len(errors) == 1 else "s")
        super().__init__(f"{count} in the guide's data:\n" + "\n".join(map(str, errors)))


def format_path(path: PathKey) -> str:
    """``("groups", 2, "criteria")`` as a contributor reads it: ``groups[2].criteria``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
