"""The one order in which a project is checked, shared by ``make check`` and the build: links and
special files in the contributed folders first (when there are any, nothing else is read), then
the data, then the pages. Each caller reports the problems its own way; the build runs the two
steps itself, so that it can skip the second when nothing it reads has changed
(guide/mkdocs_glue/site.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from guide.data.filekinds import check_file_kinds
from guide.data.pagelint import lint_pages
from guide.data.validate import check_data

if TYPE_CHECKING:
    from pathlib import Path

    from guide.data.models import Guide
    from guide.data.problems import Problem


@dataclass(frozen=True)
class ProjectCheck:
    file_problems: list[Problem]  # links, pipes and devices; when any, the rest is empty
    guide: Guide | None  # None when the data did not load
    data_problems: list[Problem]  # errors and warnings
    page_problems: list[Problem]


def check_project(root: Path, docs_dir: Path) -> ProjectCheck:
    """Check the project at ``root``: the file kinds, then (when they are all right) the contents."""
    if file_problems := check_file_kinds(root, docs_dir):
        return ProjectCheck(file_problems, None, [], [])
    return check_contents(root, docs_dir)


def check_contents(root: Path, docs_dir: Path) -> ProjectCheck:
    """The data, then the pages; only after :func:`~guide.data.filekinds.check_file_kinds` found nothing."""
    guide, data_problems = check_data(root / "data", docs_dir, display_root=root)
    return ProjectCheck([], guide, data_problems, lint_pages(docs_dir, root))
