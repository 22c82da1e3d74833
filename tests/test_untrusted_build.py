"""A hostile pull request against the real build: Python reached from a page, a snippet of
.git/config, a formula in a verdict, and a data error under ``mkdocs serve``. Each builds a copy
of the project (a failed build stops before any page renders, so those take seconds); the page
problems share one failed build, which lists them all."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import FORMULAS, build_site, copy_project, once_per_run

TOKEN = "ghp_not-a-real-token-0000"
WALK = "{{ ''.__class__.__mro__[1].__subclasses__()|length }}"


def checkout_copy(destination: Path) -> Path:
    project = copy_project(destination)
    (project / ".git").mkdir()  # what a CI checkout holds, with the token a checkout may leave
    (project / ".git" / "config").write_text(f'[remote "origin"]\n\turl = https://x-access-token:{TOKEN}@github.com/o/r\n')
    return project


@pytest.fixture
def project(tmp_path) -> Path:
    return checkout_copy(tmp_path / "project")


def append(project: Path, page: str, text: str) -> int:
    """Add ``text`` to a page; return the line it starts on."""
    path = project / "docs" / page
    old = path.read_text(encoding="utf-8")
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


# What a hostile page may hold; each must fail the build with its position.
SUBCLASSES = f"Subclasses: {WALK}"
STATEMENT = "{% for f in guide.frameworks %}{{ f.name }}{% endfor %}"
OUTSIDE = ['--8<-- ".git/config"', '--8<-- "../.git/config"', '--8<-- "../../etc/hostname"']
MISSING = '--8<-- "fastapi_app/no_such_file.py"'
PAGE_PROBLEMS = [("embed.md", SUBCLASSES), ("index.md", STATEMENT), *[("embed.md", snippet) for snippet in OUTSIDE], ("embed.md", MISSING)]


@dataclass
class Refused:
    result: subprocess.CompletedProcess
    site: Path
    lines: dict[str, int]  # each problem's text: the line of its page it is on


@pytest.fixture(scope="module")
def refused(tmp_path_factory) -> Refused:
    """One build of a checkout copy holding every problem of PAGE_PROBLEMS, each on a line of its
    own: the build lists every problem in the data and pages before it renders anything, so one
    failed build answers for all of them (one build per run, shared by the workers)."""

    def make(folder: Path) -> Refused:
        project = checkout_copy(folder / "project")
        lines = {text: append(project, page, f"\n{text}\n") + 1 for page, text in PAGE_PROBLEMS}
        return Refused(build_site(project, folder / "site"), folder / "site", lines)

    return once_per_run(tmp_path_factory, "refused-pages", make)


def test_python_reached_from_a_page_fails_the_build_before_rendering(refused):
    assert refused.result.returncode != 0
    line = refused.lines[SUBCLASSES]
    assert f"docs/embed.md:{line}:13: `{WALK}` is not a call of one of the guide's macros" in refused.result.stderr
    assert not (refused.site / "embed" / "index.html").exists()  # before: "Subclasses: 695"


def test_a_statement_in_a_page_fails_the_build(refused):
    assert refused.result.returncode != 0
    line = refused.lines[STATEMENT]
    assert f"docs/index.md:{line}:1: the Jinja statement `{{% for %}}` is not allowed in a page" in refused.result.stderr


@pytest.mark.parametrize("snippet", OUTSIDE)
def test_a_snippet_from_outside_the_snippet_folders_fails_the_build(refused, snippet):
    assert refused.result.returncode != 0
    assert f"docs/embed.md:{refused.lines[snippet]}:8: the snippet " in refused.result.stderr
    site = refused.site
    assert not site.exists() or all(TOKEN not in p.read_text(errors="replace") for p in site.rglob("*.html"))


def test_a_missing_snippet_fails_the_build(refused):
    assert refused.result.returncode != 0
    assert (f"docs/embed.md:{refused.lines[MISSING]}:8: the snippet 'fastapi_app/no_such_file.py' is not a file in includes/ or examples/"
            in refused.result.stderr)


def test_the_built_csv_export_starts_no_cell_with_a_formula(hostile_site):
    raw = (hostile_site.site / "exports" / "comparison.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    verdicts = {row["verdict"] for row in rows}
    assert {"'" + formula for formula in FORMULAS} <= verdicts  # before: =HYPERLINK(...) as written
    for row in csv.reader(io.StringIO(raw, newline="")):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")) for cell in row)
    page = (hostile_site.site / "comparison" / "index.html").read_text(encoding="utf-8")
    assert "@SUM(A1:A9)" in page and "'@SUM" not in page  # only the CSV carries the quote


# --- `make serve` --------------------------------------------------------------------------

SERVE = """
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

for number, (site_dir, saved) in enumerate(json.loads(sys.argv[1])):
    for path, text in saved:  # the contributor saves a file; serve rebuilds with a fresh config
        Path(path).write_text(text, encoding="utf-8")
    config = load_config("mkdocs.yml", site_dir=site_dir)
    if number == 0:
        config.plugins.on_startup(command="serve", dirty=False)  # what `mkdocs serve` does once
    build(config, serve_url="http://127.0.0.1:8000/")
"""


def serve(project: Path, builds: list[tuple[Path, list[tuple[Path, str]]]]) -> subprocess.CompletedProcess:
    """What `mkdocs serve` does as a contributor saves files: for each build, the files saved
    before it (path, new text) and the folder it builds into."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    steps = [[str(site), [[str(path), text] for path, text in saved]] for site, saved in builds]
    return subprocess.run([sys.executable, "-c", SERVE, json.dumps(steps)], cwd=project, capture_output=True, text=True, env=env)


def problem_list(site: Path, page: str) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    alert = soup.select_one('[role="alert"]')
    return [li.get_text() for li in alert.select("li")] if alert else []


def test_serve_shows_each_problem_on_the_pages_and_recovers_once_fixed(project, tmp_path):
    """A data error, then (data fixed) a page problem, then both fixed: one `serve` session. Each
    problem is listed on the pages instead of a build that never finishes; the page with the
    problem is not rendered; once fixed, the real pages and exports are back."""
    data = project / "data" / "frameworks.yml"
    good_data = data.read_text(encoding="utf-8")
    data_line = good_data[:good_data.index("    licence: MIT")].count("\n") + 2
    page = project / "docs" / "embed.md"
    good_page = page.read_text(encoding="utf-8")
    page_line = good_page.count("\n") + 2
    data_error, page_problem, fixed = tmp_path / "data-error", tmp_path / "page-problem", tmp_path / "fixed"
    result = serve(project, [
        (data_error, [(data, good_data.replace("    licence: MIT", "    licence: MIT\n    licence: MIT", 1))]),
        (page_problem, [(data, good_data), (page, good_page + f"\nSubclasses: {WALK}\n")]),
        (fixed, [(page, good_page)]),
    ])
    assert result.returncode == 0, result.stderr  # before: the build failed and the browser waited
    duplicate = f"data/frameworks.yml:{data_line}:5: frameworks[0].licence: duplicate key"
    assert duplicate in result.stderr  # and in the terminal
    for shown in ("index.html", "performance/index.html", "decision/index.html"):
        [problem] = problem_list(data_error, shown)
        assert re.fullmatch(rf"data/frameworks\.yml:{data_line}:5: frameworks\[0\]\.licence: duplicate key 'licence'.*", problem)
    [problem] = problem_list(page_problem, "embed/index.html")  # the data error is gone
    assert problem.startswith(f"docs/embed.md:{page_line}:13: `{WALK}` is not a call")
    assert "Subclasses: " not in (page_problem / "embed" / "index.html").read_text(encoding="utf-8")
    assert problem_list(fixed, "index.html") == [] and problem_list(fixed, "embed/index.html") == []
    assert (fixed / "exports" / "comparison.csv").exists()


def test_the_real_build_never_shows_problems_as_a_page(project, tmp_path):
    """Outside `serve`, a problem fails the build, so CI cannot publish an error page."""
    append(project, "index.md", "\n{{ guide }}\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and "1 problem in the guide's data and pages" in result.stderr
