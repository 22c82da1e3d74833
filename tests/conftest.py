"""Shared fixtures: the real site built once per test session, served on loopback, and a
headless Debian Chromium whose every request to another host is refused and recorded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from guide.data.validate import load_guide
from static_server import StaticServer  # noqa: F401  (tests import it from here)

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# `make test-fast`: tests that build the site or start a browser skip themselves.
FAST = os.environ.get("GUIDE_TESTS") == "fast"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def guide():
    """The real data, loaded and validated once for the whole session."""
    return load_guide(ROOT / "data", ROOT / "docs")


class FakeLinks:
    """Links for renderer tests: page paths as absolute URLs, titles made up."""

    def href(self, page, anchor=None):
        return f"/{page}" + (f"#{anchor}" if anchor else "")

    def title(self, page):
        return f"Title of {page}"


@pytest.fixture(scope="session")
def site_url(built_site):
    server = StaticServer(built_site)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def browser():
    if FAST:
        pytest.skip("starts a browser: `make test` runs it")
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Offline:
    """What a page tried to load from other hosts, and what it logged as errors."""

    def __init__(self):
        self.blocked: list[str] = []
        self.console_errors: list[str] = []


def offline_context(browser, **options):
    """A browser context in which only loopback addresses answer; others are recorded."""
    context = browser.new_context(**options)
    record = Offline()

    def route(route_request):
        host = urlsplit(route_request.request.url).hostname or ""
        if route_request.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost", "::1"):
            route_request.continue_()
        else:
            record.blocked.append(route_request.request.url)
            route_request.abort("internetdisconnected")

    context.route("**/*", route)
    return context, record


@pytest.fixture
def offline_page(browser):
    """A fresh page with the network cut off; the test fails if anything left for another host."""
    context, record = offline_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
    page.on("pageerror", lambda error: record.console_errors.append(str(error)))
    page.record = record
    yield page
    context.close()
    assert record.blocked == [], f"requests to other hosts: {record.blocked}"


def tab_to(page, selector: str, limit: int = 200):
    """Press Tab until the focused element matches ``selector``; fail after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def copy_project(destination: Path) -> Path:
    """A copy of the project (without build output and installs) for builds from altered data."""
    ignore = shutil.ignore_patterns(".venv", "node_modules", "site", "site.partial", ".git", "__pycache__", ".pytest_cache")
    shutil.copytree(ROOT, destination, ignore=ignore)
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


# --- a third framework, added through data only ------------------------------------------------


@dataclass
class ThirdFrameworkSite:
    project: Path
    site: Path
    guide: object
    url: str


LITESTAR = {
    "id": "litestar",
    "name": "Litestar",
    "summary": "An ASGI API framework with typed handlers, dependency injection and OpenAPI docs.",
    "homepage": "https://litestar.dev/",
    "repository": "https://github.com/litestar-org/litestar",
    "licence": "MIT",
    "version": "2.x",
}
EXTRA_CRITERION = {
    "id": "plugin-system",
    "title": "Plugin system",
    "measures": "Fixture criterion: how the framework is extended.",
    "reviewed": "2026-11-25",
    "review_note": "Fixture note: what the review re-checked.",
    "assessments": {
        fid: {
            "rating": "good",
            "verdict": f"Fixture verdict for {fid}.",
            "detail": "Fixture data for a build with one more criterion.",
            "sources": [{"title": "Fixture source", "url": "https://example.org/plugins", "accessed": "2026-11-25"}],
        }
        for fid in ("fastapi", "django")
    },
}
LITESTAR_RATINGS = ["strong", "good", "good", "fair", "weak", "strong", "fair"]


class _WrittenOut(yaml.SafeDumper):
    """Writes a value used twice out twice: data files may not hold anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def dump_yaml(data) -> str:
    return yaml.dump(data, Dumper=_WrittenOut, sort_keys=False, allow_unicode=True)


def last_question(decision: dict) -> dict:
    """A question whose every answer leads straight to an outcome (every tree has one: the last
    question of any path), where one more answer can lead to one more outcome."""
    outcomes = {outcome["id"] for outcome in decision["outcomes"]}
    return next(q for q in decision["questions"] if all(a["next"] in outcomes for a in q["answers"]))


def add_litestar(project: Path) -> None:
    """Add Litestar and one more criterion to a copy's data: the framework, an assessment of
    every criterion, and an outcome that recommends it. No code is changed."""
    data = project / "data"
    frameworks = yaml.safe_load((data / "frameworks.yml").read_text())
    reviewed = frameworks["frameworks"][0]["reviewed"]
    frameworks["frameworks"].append({**LITESTAR, "reviewed": reviewed})
    (data / "frameworks.yml").write_text(dump_yaml(frameworks))
    for path in sorted(data.rglob("*.yml")):
        content = yaml.safe_load(path.read_text())
        if not isinstance(content, dict) or "groups" not in content:
            continue
        count = 0
        content["groups"][0]["criteria"].append(EXTRA_CRITERION)
        for group in content["groups"]:
            for criterion in group.get("criteria", []):
                model = next(iter(criterion["assessments"].values()))
                criterion["assessments"]["litestar"] = {
                    "rating": LITESTAR_RATINGS[count % len(LITESTAR_RATINGS)],
                    "verdict": f"Litestar on {criterion['title']}: test data.",
                    "detail": "Fixture data for a build with a third framework.",
                    "sources": model["sources"],
                }
                count += 1
        path.write_text(dump_yaml(content))
    decision = yaml.safe_load((data / "decision.yml").read_text())
    last_question(decision)["answers"].append({
        "label": "Litestar", "hint": "A team that already runs Litestar.",
        "because": "Fixture reason: the team already runs Litestar.", "next": "litestar-service",
    })
    decision["outcomes"].append({
        "id": "litestar-service",
        "title": "Litestar for the service",
        "recommends": [{"framework": "litestar", "role": "The service."}],
        "why": "Fixture outcome for a third framework.",
        "watch_out": ["A smaller community than either FastAPI or Django."],
        "criteria": [decision["outcomes"][0]["criteria"][0], "async-concurrency"],
        "pages": ["when-fastapi.md"],
        "judgement": "Fixture judgement for a third framework.",
    })
    (data / "decision.yml").write_text(dump_yaml(decision))


@pytest.fixture(scope="session")
def third_framework_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("litestar") / "project")
    add_litestar(project)
    site = project / "site-out"
    result = build_site(project, site)
    assert result.returncode == 0, f"build with a third framework failed:\n{result.stdout}\n{result.stderr}"
    server = StaticServer(site)
    yield ThirdFrameworkSite(project, site, load_guide(project / "data", project / "docs"), server.url)
    server.close()
