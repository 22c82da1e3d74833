"""Shared fixtures: the real site built once per test session, served on loopback (and behind
nginx with its own headers), and a headless Debian Chromium whose every request to another host
is refused and recorded."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

import contributor
from guide.data.models import Guide
from guide.data.validate import load_guide
from guide.publish.headers import HEADERS_FILE, NGINX_FILE, base_path, build_policy, embed_origins, headers_file, nginx_include
from guide.publish.localnginx import LocalNginx
from helpers import (
    CHROMIUM, CHROMIUM_ARGS, FAST, FORMULAS, HOSTILE, HOSTILE_TITLE, ROOT, DataCopy, StaticServer, build_site, copy_project,
    dump_yaml, offline_context, once_per_run,
)


# The suite's longest tests (test_accessibility.py's shards, about a third of its CPU), spread
# evenly over the run's order. pytest-xdist's worksteal hands each worker a contiguous third of
# the tests and lets idle workers take the *last* tests of a busy one, so tests next to each other
# at the front stay on one worker: in file order the shards ran one after another on the first.
SPREAD = ("test_accessibility.py",)


def pytest_collection_modifyitems(items):
    spread = [item for item in items if item.path.name in SPREAD]
    rest = [item for item in items if item.path.name not in SPREAD]
    for index, item in enumerate(spread):  # each at its place in the final order
        rest.insert(round(index * len(items) / len(spread)), item)
    items[:] = rest


def build_real_site(folder: Path) -> Path:
    site = folder / "site"
    result = build_site(ROOT, site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built strict once for the whole test run."""
    return once_per_run(tmp_path_factory, "site", build_real_site)


@pytest.fixture(scope="session")
def guide():
    """The real data, loaded and validated once for the whole session."""
    return load_guide(ROOT / "data", ROOT / "docs")


@pytest.fixture
def data(tmp_path) -> DataCopy:
    """A copy of the data for one test to change."""
    return DataCopy(tmp_path)


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


# --- the site behind nginx ------------------------------------------------------------------------

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A wiki page</title></head>
<body><h1>A wiki page</h1>
<script>
  var frame = document.createElement("iframe");
  frame.title = "An embedded view of the guide";
  frame.src = new URLSearchParams(location.search).get("src");
  frame.style.width = "100%";
  document.body.appendChild(frame);
  var host = document.createElement("script");
  host.src = new URL("/assets/javascripts/embed-host.js", frame.src).href;
  document.body.appendChild(host);
  frame.addEventListener("guide:embed-resized", function () { document.body.dataset.resized = "yes"; });
</script>
</body></html>
"""


@dataclass
class Served:
    site: Path
    url: str  # nginx, http://127.0.0.1:PORT/
    allowed_host: str  # a wiki page on an origin the build allows, http://localhost:PORT/
    other_host: str  # the same page on an origin it does not, http://127.0.0.1:OTHER/
    nginx: LocalNginx


@pytest.fixture(scope="session")
def served(tmp_path_factory, built_site):
    """The session's build behind Debian's nginx with the configuration it ships, its serving
    files written again as a build with ``GUIDE_EMBED_ORIGINS`` naming the allowed host page's
    origin writes them (as a team would build it); two small host pages on other loopback origins
    frame it. test_served.py checks the server; test_accessibility.py loads every page from it."""
    hosts = tmp_path_factory.mktemp("hosts")
    (hosts / "wiki.html").write_text(HOST_PAGE, encoding="utf-8")
    allowed, other = StaticServer(hosts), StaticServer(hosts)
    allowed_origin = allowed.url.replace("127.0.0.1", "localhost").rstrip("/")
    site = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(built_site, site)
    # A team's build with the variable set differs from the session's build only in the header
    # policy's files, which the hook writes last (publish_serving_files, after the pages and their
    # precompressed copies are final): write them again here with the origin allowed, instead of
    # building once more.
    config = load_config(str(ROOT / "mkdocs.yml"))
    policy = build_policy(site, embed_origins(config["extra"].get("embed_origins"), allowed_origin), base_path(config["site_url"]))
    (site / NGINX_FILE).write_text(nginx_include(policy), encoding="utf-8")
    (site / HEADERS_FILE).write_text(headers_file(policy), encoding="utf-8")
    nginx = LocalNginx(site)
    try:
        yield Served(site, nginx.url, allowed_origin + "/wiki.html", other.url + "wiki.html", nginx)
    finally:
        nginx.close()
        allowed.close()
        other.close()
    assert nginx.process is None


# --- hostile text in the data ---------------------------------------------------------------------

@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, guide) -> Build:
    """One build of a copy whose data holds what a hostile contributor might write where text
    goes: the first framework's verdict on the first criterion and the first group's title look
    like table syntax, Jinja, a snippet include and Markdown; its verdicts on the next criteria
    start like spreadsheet formulas. test_build.py and test_untrusted_build.py read it."""
    first = guide.frameworks[0].id

    def make(folder: Path) -> Path:
        project = copy_project(folder / "project")
        path = project / "data" / "criteria.yml"
        criteria = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = iter([HOSTILE, *FORMULAS])
        for group in criteria["groups"]:
            for criterion, text in zip(group["criteria"], texts):
                criterion["assessments"][first]["verdict"] = text
        criteria["groups"][0]["title"] = HOSTILE_TITLE
        path.write_text(dump_yaml(criteria), encoding="utf-8")
        result = build_site(project, project / "site-out")
        assert result.returncode == 0, result.stderr
        return project

    project = once_per_run(tmp_path_factory, "hostile", make)
    return Build(project / "site-out", load_guide(project / "data", project / "docs"), "")


# --- a framework the suite has never seen, added as CONTRIBUTING.md says ------------------------


@dataclass
class Build:
    """A strict build, the data it was built from, and where it is served."""

    site: Path
    guide: Guide
    url: str


@dataclass
class NewFrameworkSite(Build):
    project: Path
    added: contributor.Added


@pytest.fixture(scope="session")
def new_framework_site(tmp_path_factory):
    """A copy of the project with a framework and a criterion added through data and one page,
    step by step as CONTRIBUTING.md says (tests/contributor.py), then built strict and served."""

    def make(folder: Path) -> tuple[Path, contributor.Added]:
        project = copy_project(folder / "project")
        added = contributor.add_a_framework(project)
        result = build_site(project, project / "site-out")
        assert result.returncode == 0, f"build with a new framework failed:\n{result.stdout}\n{result.stderr}"
        return project, added

    project, added = once_per_run(tmp_path_factory, "new-framework", make)
    site = project / "site-out"
    server = StaticServer(site)
    yield NewFrameworkSite(site, load_guide(project / "data", project / "docs"), server.url, project, added)
    server.close()


@pytest.fixture(scope="session", params=["real data", "a new framework"])
def every_build(request) -> Build:
    """The real build, then the build with a new framework: what must hold for any data."""
    if request.param == "real data":
        fixture = request.getfixturevalue
        return Build(fixture("built_site"), fixture("guide"), fixture("site_url"))
    return request.getfixturevalue("new_framework_site")
