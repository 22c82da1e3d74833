"""Load ``data/*.yml`` once, check it completely and build the :class:`~guide.data.models.Guide`.

Every problem is collected, never just the first, and each names the file, line, column, the
path of the field, what is wrong and a hint a newcomer can act on:
``data/criteria.yml:88:15: groups[2].criteria[4].assessments.fastapi.rating: 'grate' is not a
rating; expected one of: strong, good, fair, weak (see the rating scale on the Methodology page)``.

This module only orchestrates: read each file (``guide.data.registry`` says which model it
fills), validate it (pydantic, with the field rules of ``guide.data.fieldrules``; messages
reworded by ``guide.data.messages``), run the rules of ``guide.data.rules`` on the files that
passed, and collect the problems.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from guide.data import fieldrules
from guide.data.messages import reword, top_hint
from guide.data.models import Guide
from guide.data.problems import DataError, Problem, format_path
from guide.data.registry import DATA_FILES, assemble
from guide.data.rules import RULES, Checked, Checks
from guide.data.yamlsource import Located, Mark, PathKey, YamlProblem, read_yaml

__all__ = ["DATA_FILES", "DataError", "Problem", "check_data", "format_path", "load_guide"]
SEVERITY_ORDER = {"error": 0, "warning": 1}


class _Collector:
    def __init__(self, data_dir: Path, display_root: Path | None):
        self.data_dir = data_dir
        self.display_root = display_root
        self.problems: list[Problem] = []

    def display(self, path: Path) -> str:
        """``path`` as the contributor sees it: relative to the project folder when inside it."""
        if self.display_root:
            try:
                return path.resolve().relative_to(self.display_root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def add(self, file: str, mark: Mark, path: PathKey, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.display(self.data_dir / file), mark.line, mark.column, format_path(path), message, hint))


def check_data(
    data_dir: Path, docs_dir: Path | None = None, *, today: dt.date | None = None, display_root: Path | None = None
) -> tuple[Guide | None, list[Problem]]:
    """Validate every data file and run every rule; return the Guide (if error-free) and all problems."""
    today = today or dt.date.today()
    out = _Collector(Path(data_dir), display_root if display_root is not None else Path.cwd())
    checked: dict[str, Checked] = {}
    for file, model in DATA_FILES.items():
        path = Path(data_dir) / file
        if not path.exists():
            out.add(file, Mark(1, 1), (), "file is missing", f"create {file}; see the data reference page")
            continue
        try:
            located = read_yaml(path)
        except YamlProblem as unreadable:
            for problem in unreadable.problems:
                out.add(file, problem.mark, problem.path, problem.message, problem.hint)
            continue
        instance = _validate(model, located, file, today, out)
        if instance is not None:
            checked[file] = Checked(instance, located)
    checks = Checks(checked, Path(docs_dir) if docs_dir else None, today, out.display, Path(data_dir))
    for rule in RULES:
        out.problems.extend(rule.check(checks))
    errors = [p for p in out.problems if p.severity == "error"]
    guide = None
    if not errors and len(checked) == len(DATA_FILES):
        guide = assemble({file: c.model for file, c in checked.items()})
    out.problems.sort(key=lambda p: (SEVERITY_ORDER[p.severity], p.file, p.line, p.column))
    return guide, out.problems


def load_guide(data_dir: Path, docs_dir: Path | None = None, **kwargs: Any) -> Guide:
    """The Guide, or :class:`DataError` listing every error."""
    guide, problems = check_data(data_dir, docs_dir, **kwargs)
    if guide is None:
        raise DataError(problems)
    return guide


def _validate(model: type[BaseModel], located: Located, file: str, today: dt.date, out: _Collector) -> BaseModel | None:
    """The file's model, or None when its shape is wrong. Values that only break a field rule are
    reported, and the model (validated again with the field rules off) still goes to the rules,
    so one bad address never hides a duplicate id; while the shape is wrong, only that is reported."""
    if not isinstance(located.data, dict):
        out.add(file, located.mark(()), (), "the file must be a mapping of keys to values", top_hint(model))
        return None
    try:
        return model.model_validate(located.data, context=fieldrules.context(today))
    except ValidationError as error:
        items = error.errors(include_url=False)
    shape = [item for item in items if item["type"] != fieldrules.ERROR_TYPE]
    for item in shape or items:
        loc = tuple(item["loc"])
        at_key = item["type"] == "extra_forbidden"
        mark = located.mark(loc, key=at_key) if item["type"] != "missing" else located.mark(loc[:-1])
        for message, hint in reword(model, item):
            out.add(file, mark, loc, message, hint)
    if shape:
        return None
    return model.model_validate(located.data, context=fieldrules.context(today, field_rules=False))
