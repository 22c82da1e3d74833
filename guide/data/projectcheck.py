"""The one order in which a project is checked, shared by ``make check`` and the build: links and
special files in the contributed folders first (when there are any, nothing else is read), then
the data, then the pages. Each caller reports the problems its own way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from guide.data.filekinds import contributed_folders, lint_file_kinds
from guide.data.models import Guide
from guide.data.pagelint import lint_pages
from guide.data.problems import Problem
from guide.data.validate import check_data


@dataclass(frozen=True)
class ProjectCheck:
    file_problems: list[Problem]  # links, pipes and devices; when any, the rest is empty
    guide: Guide | None  # None when the data did not load
    data_problems: list[Problem]  # errors and warnings
    page_problems: list[Problem]


def check_project(root: Path, docs_dir: Path, lint: Callable[[], list[Problem]] | None = None) -> ProjectCheck:
    """Check the project at ``root``; ``lint`` stands in for the page lint of ``docs_dir`` (the
    build passes one that skips pages it found clean before)."""
    if file_problems := lint_file_kinds(contributed_folders(root, docs_dir), root):
        return ProjectCheck(file_problems, None, [], [])
    guide, data_problems = check_data(root / "data", docs_dir, display_root=root)
    page_problems = lint() if lint is not None else lint_pages(docs_dir, root)
    return ProjectCheck([], guide, data_problems, page_problems)
