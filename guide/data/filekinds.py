"""Links and special files in the folders pull requests fill (the pages, the data, the snippets).

Git keeps a symbolic link as a link, and MkDocs copies what one points at into the site: a
pull request adding ``docs/notes.txt`` as a link to a file on the build machine would publish
that file, and a named pipe would stall the build that reads it. So these folders may hold
directories and regular files only, and this check runs before anything in them is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from guide.data.problems import Problem, shown_path

LINK_HINT = "commit the file itself, not a link to it"
SPECIAL_HINT = "only regular files and folders belong here"
SNIPPET_FOLDERS = ("includes", "examples")  # mkdocs.yml's pymdownx.snippets base_path, in order


def contributed_folders(root: Path, docs_dir: Path) -> list[Path]:
    return [docs_dir, root / "data", *(root / folder for folder in SNIPPET_FOLDERS)]


def check_file_kinds(root: Path, docs_dir: Path) -> list[Problem]:
    """The problems of every contributed folder of the project at ``root``."""
    return lint_file_kinds(contributed_folders(root, docs_dir), root)


def lint_file_kinds(folders: Iterable[Path], display_root: Path) -> list[Problem]:
    """A problem for each symbolic link, pipe, socket or device under ``folders`` (not followed)."""
    shown_root = display_root.resolve()
    problems = []
    for folder in folders:
        for parent, folder_names, file_names in os.walk(folder):  # never follows a link
            for name in sorted(folder_names + file_names):
                path = Path(parent) / name
                if path.is_symlink():
                    message = "this is a symbolic link: the site would publish what it points to on the build machine"
                    problems.append(Problem(_shown(path, shown_root), 1, 1, "", message, LINK_HINT))
                elif name in file_names and not path.is_file():
                    message = "this is not a regular file (a pipe, socket or device): reading it could stall the build"
                    problems.append(Problem(_shown(path, shown_root), 1, 1, "", message, SPECIAL_HINT))
    return problems


def _shown(path: Path, shown_root: Path) -> str:
    """Named without following the link itself."""
    return shown_path(Path(os.path.abspath(path)), shown_root, path.as_posix())
