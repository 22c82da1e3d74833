"""A pull request's symbolic links and special files (guide/data/filekinds.py): a link in docs/
would publish a file of the build machine, a named pipe would stall the build. `make check` and
the build refuse both, name each file, and read nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import build_site, copy_project

from guide.data.filekinds import LINK_HINT, SPECIAL_HINT, contributed_folders, lint_file_kinds

SECRET = "machine-secret-0000"


def test_links_and_pipes_are_named_and_never_followed(tmp_path):
    outside = tmp_path / "outside"
    (outside / "deeper").mkdir(parents=True)
    os.mkfifo(outside / "deeper" / "pipe")  # only found if the linked folder were followed
    docs = tmp_path / "project" / "docs"
    (docs / "topic").mkdir(parents=True)
    (docs / "topic" / "page.md").write_text("# A page\n")
    (docs / "notes.txt").symlink_to(outside / "secret.txt")
    (docs / "borrowed").symlink_to(outside)
    os.mkfifo(docs / "topic" / "stall.md")
    problems = lint_file_kinds([docs], tmp_path / "project")
    assert [(p.file, p.line, p.column, p.hint) for p in problems] == [
        ("docs/borrowed", 1, 1, LINK_HINT), ("docs/notes.txt", 1, 1, LINK_HINT), ("docs/topic/stall.md", 1, 1, SPECIAL_HINT)]


def test_the_real_folders_hold_regular_files_only():
    root = Path(__file__).resolve().parents[1]
    assert lint_file_kinds(contributed_folders(root, root / "docs"), root) == []


def linked_project(tmp_path: Path, link: str) -> Path:
    (tmp_path / "secret.txt").write_text(SECRET)
    project = copy_project(tmp_path / "project")
    (project / link).symlink_to(tmp_path / "secret.txt")
    return project


def test_make_check_refuses_a_link_and_reads_nothing(tmp_path):
    project = linked_project(tmp_path, "data/notes.yml")
    done = subprocess.run([sys.executable, "-m", "guide", "check", "--root", str(project)], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 1
    assert "data/notes.yml:1:1: this is a symbolic link" in done.stderr
    assert SECRET not in done.stdout + done.stderr


def test_the_build_refuses_a_link_in_the_pages_and_publishes_nothing(tmp_path):
    project = linked_project(tmp_path, "docs/notes.txt")
    site = tmp_path / "site"
    done = build_site(project, site)
    assert done.returncode != 0
    assert "docs/notes.txt:1:1: this is a symbolic link" in done.stderr
    assert not (site / "notes.txt").exists()
    assert SECRET not in done.stdout + done.stderr
