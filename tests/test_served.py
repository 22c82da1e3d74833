"""The built site behind Debian's nginx with the configuration it ships (``deploy/nginx.conf``,
included in a server block on a loopback port; conftest's ``served``): headers as the policy says,
precompressed files, configuration not served, the SVG documents free of CSP violations, console
errors and requests to other origins in Chromium (every HTML page is loaded from the same server,
and checked for the same, by test_accessibility.py, which loads each page once for both checks),
the interactive parts and search working, and embeds framed by an allowed wiki origin but not by
another.

The session's build, with its serving files written again as a build with ``GUIDE_EMBED_ORIGINS``
naming the allowed host page's origin writes them (as a team would build it); two small host pages
on other loopback origins frame it.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import http.client
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
from bs4 import BeautifulSoup

from helpers import (
    answer, assert_shows, load_all_of, offline_context, open_scorecard, open_walk, origin, url_path, visible_node, watch,
)
from guide.publish.headers import HEADERS_FILE, IMMUTABLE, NGINX_FILE, REVALIDATE, build_policy, is_configuration, is_fingerprinted

def fetch(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (names as sent, one value each) and raw body of a GET, redirects not followed."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    try:
        connection.request("GET", parts.path or "/", headers={"Accept-Encoding": encoding} if encoding else {})
        response = connection.getresponse()
        headers: dict[str, str] = {}
        for name, value in response.getheaders():
            assert name not in headers, f"{url}: {name} sent twice"
            headers[name] = value
        return response.status, headers, response.read()
    finally:
        connection.close()


def served_files(site: Path) -> list[str]:
    """Every file readers may ask for, without the precompressed copies."""
    paths = (p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.suffix not in (".gz", ".br"))
    return sorted(path for path in paths if not is_configuration(path))


def policy_names(headers: dict[str, str]) -> set[str]:
    return set(headers) - {"Server", "Date", "Content-Type", "Content-Length", "Last-Modified", "Connection",
                           "ETag", "Accept-Ranges", "Vary", "Content-Encoding", "Location"}


# --- headers ------------------------------------------------------------------------------------


def test_every_file_is_served_with_the_headers_of_the_policy(served):
    policy = build_policy(served.site, (served.allowed_host.rsplit("/", 1)[0],))
    files = served_files(served.site)
    assert any(is_fingerprinted(f) for f in files) and any(f.startswith("embed/") for f in files)
    for path in files:
        status, headers, _ = fetch(served.url + url_path(path))
        assert status == 200, path
        expected = policy.headers_for(path)
        assert {name: headers.get(name) for name in policy_names(headers) | set(expected)} == expected, path
        assert headers["Cache-Control"] == (IMMUTABLE if is_fingerprinted(path) else REVALIDATE), path


def test_pages_and_embeds_differ_only_in_who_may_frame_them(served):
    _, page, _ = fetch(served.url + "comparison/")
    _, embed, _ = fetch(served.url + "embed/comparison/")
    allowed = served.allowed_host.rsplit("/", 1)[0]
    page_csp, embed_csp = page["Content-Security-Policy"], embed["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in page_csp.split("; ") and page["X-Frame-Options"] == "SAMEORIGIN"
    assert f"frame-ancestors 'self' {allowed}" in embed_csp.split("; ") and "X-Frame-Options" not in embed
    assert page_csp.replace("frame-ancestors 'self'", f"frame-ancestors 'self' {allowed}") == embed_csp
    for csp in (page_csp, embed_csp):
        directives = dict(d.split(" ", 1) for d in csp.split("; "))
        assert directives["default-src"] == "'self'"
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "*" not in csp
        for kind in ("script-src", "style-src"):
            sources = directives[kind].split()
            assert sources[0] == "'self'" and all(s.startswith("'sha256-") for s in sources[1:]), kind


def test_every_inline_script_and_style_has_its_hash_in_the_policy(served):
    """Read with another parser than the policy's: any inline block of any page whose hash the
    page's Content-Security-Policy lacks would not run or apply."""
    checked = 0
    for path in served_files(served.site):
        if not path.endswith(".html"):
            continue
        _, headers, body = fetch(served.url + url_path(path))
        directives = dict(d.split(" ", 1) for d in headers["Content-Security-Policy"].split("; "))
        soup = BeautifulSoup(body.decode("utf-8"), "html.parser")
        for tag in soup.find_all(["script", "style"]):
            if tag.name == "script" and (tag.get("src") or "json" in (tag.get("type") or "")):
                continue
            digest = base64.b64encode(hashlib.sha256((tag.string or "").encode()).digest()).decode()
            allowed = directives.get(f"{tag.name}-src", directives["default-src"])
            assert f"'sha256-{digest}'" in allowed.split(), f"{path}: inline {tag.name} without a hash: {(tag.string or '')[:80]!r}"
            checked += 1
        for tag in soup.find_all(style=True):
            digest = base64.b64encode(hashlib.sha256(tag["style"].encode()).digest()).decode()
            assert path.startswith("exports/"), f"{path}: a style attribute on a site page: {tag['style']!r}"
            assert "'unsafe-hashes'" in directives["style-src"].split() and f"'sha256-{digest}'" in directives["style-src"]
    assert checked


def test_configuration_is_not_served(served):
    for address in (NGINX_FILE, "deploy/", HEADERS_FILE):
        status, headers, body = fetch(served.url + address)
        assert status == 404, address
        assert b"add_header" not in body and b"Content-Security-Policy:" not in body
        assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]  # the 404 page keeps the policy


def test_a_missing_page_gets_the_404_page_with_the_policy(served):
    status, headers, body = fetch(served.url + "no-such-page/")
    assert status == 404 and b"404" in body
    assert headers["X-Frame-Options"] == "SAMEORIGIN" and headers["Cache-Control"] == REVALIDATE


def test_headers_file_gives_each_path_the_same_headers_once(served):
    """The _headers file, read the way Cloudflare Pages does (every matching rule applies), sets
    what nginx sends, and no header twice for one path (Cloudflare would join the two values)."""
    rules = parse_headers_file((served.site / HEADERS_FILE).read_text(encoding="utf-8"))
    for path in served_files(served.site):
        address = "/" + url_path(path)
        matched: dict[str, str] = {}
        for pattern, headers in rules:
            if matches(pattern, address):
                assert not set(headers) & set(matched), f"{address}: {set(headers) & set(matched)} set by two rules"
                matched.update(headers)
        _, sent, _ = fetch(served.url + url_path(path))
        expected = {name: sent[name] for name in policy_names(sent)}
        if "Cache-Control" not in matched:  # a plain file beside fingerprinted ones: the host's default
            assert expected.pop("Cache-Control") == REVALIDATE and not is_fingerprinted(path), address
        assert matched == expected, address


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith(" "):
            rules.append((line, {}))
        else:
            name, _, value = line.strip().partition(": ")
            rules[-1][1][name] = value
    return rules


def matches(pattern: str, address: str) -> bool:
    """A _headers pattern: a literal path, or one with a single ``*`` (a splat) at the end."""
    return address.startswith(pattern[:-1]) if pattern.endswith("*") else address == pattern


# --- precompressed files ------------------------------------------------------------------------


def test_precompressed_files_are_served_to_clients_that_accept_them(served):
    copies = sorted(served.site.rglob("*.gz")) + sorted(served.site.rglob("*.br"))
    assert any(c.name == "index.html.gz" for c in copies) and any(c.name == "index.html.br" for c in copies)
    for copy in copies:
        original = copy.with_suffix("")
        if not original.is_file():
            continue
        path = url_path(original.relative_to(served.site).as_posix())
        encoding = "gzip" if copy.suffix == ".gz" else "br"
        status, headers, body = fetch(served.url + path, encoding)
        assert status == 200 and headers.get("Content-Encoding") == encoding, path
        assert headers["Vary"] == "Accept-Encoding"
        assert body == copy.read_bytes(), path
        assert (gzip.decompress(body) if encoding == "gzip" else brotli.decompress(body)) == original.read_bytes()
    _, plain, body = fetch(served.url + "index.html")
    assert "Content-Encoding" not in plain and body == (served.site / "index.html").read_bytes()


# --- in Chromium ----------------------------------------------------------------------------------

@pytest.fixture
def watched(browser):
    """A loopback-only page whose CSP violations, console errors and page errors are recorded."""
    context, record = offline_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = watch(context, page)
    yield page
    context.close()
    assert record.blocked == [], f"requests to other hosts: {record.blocked}"


def test_every_svg_document_loads_without_a_csp_violation_or_console_error(served, browser):
    """The SVG documents readers open (the full-size flowchart), with the policy nginx sends for
    them: no request to another origin (not even another port on loopback), no failed request, no
    CSP violation, console error or uncaught exception, late loads included. Every HTML page is
    checked the same way by test_accessibility.py, in the same load as its axe check."""
    context, record = offline_context(browser, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = watch(context, page, own=origin(served.url))
    paths = [url_path(p) for p in served_files(served.site) if p.endswith(".svg")]
    assert paths
    found: dict[str, list[str]] = {}
    try:
        for path in paths:
            load_all_of(page, served.url + path)
            if problems:
                found[path] = sorted(set(p[:300] for p in problems))[:5]
                problems.clear()
    finally:
        context.close()
    assert found == {}, "\n".join(f"{page}: {problems}" for page, problems in found.items())
    assert record.blocked == [], f"requests to other hosts: {record.blocked}"


def test_walk_scorecard_search_and_flowchart_work_behind_nginx(served, watched, guide):
    steps, end = max(guide.decision.paths(), key=lambda item: len(item[0]))
    open_walk(watched, served.url + "decision/")
    for _, index in steps:
        answer(watched, index)
    assert visible_node(watched) == end
    nodes = len(guide.decision.questions) + len(guide.decision.outcomes)
    watched.wait_for_function(
        "n => new Set([...document.querySelectorAll('.guide-flowchart svg [data-node]')].map(e => e.dataset.node)).size === n",
        arg=nodes, timeout=20000,
    )

    open_scorecard(watched, served.url + "scorecard/")
    first = guide.groups[0].id
    watched.click(f'[data-group="{first}"] [data-weight="3"]')
    assert_shows(watched, guide, {**{g.id: int(watched.get_attribute(f'[data-group="{g.id}"] [aria-pressed="true"]', "data-weight"))
                                     for g in guide.groups}, first: 3})

    watched.goto(served.url)
    watched.click("label.md-search__icon, .md-search__input")
    watched.keyboard.type("migrations")
    watched.wait_for_selector(".md-search-result__item", timeout=20000)
    assert watched.problems == []


def frame_document(page, src: str):
    """The frame showing ``src`` once it has loaded, and whether the guide's page is in it."""
    page.wait_for_load_state("load")
    frame = next(f for f in page.frames if f is not page.main_frame)
    frame.wait_for_load_state("load")
    try:
        shown = frame.evaluate("() => !!document.querySelector('.guide-embed, .md-content')")
    except Exception:  # a refused frame holds Chromium's error page, which scripts cannot reach
        shown = False
    return frame, shown


def test_an_embed_is_framed_by_an_allowed_wiki_and_refused_by_another(served, browser):
    context, record = offline_context(browser)
    page = context.new_page()
    refusals: list[str] = []
    page.on("console", lambda m: "frame-ancestors" in m.text and refusals.append(m.text))
    embed = served.url + "embed/comparison/"

    page.goto(f"{served.allowed_host}?src={embed}")
    _, shown = frame_document(page, embed)
    assert shown and refusals == []
    page.wait_for_function("document.body.dataset.resized === 'yes'", timeout=20000)  # embed-host.js, cross-origin

    page.goto(f"{served.allowed_host}?src={served.url}comparison/")  # a site page, not an embed
    _, shown = frame_document(page, served.url + "comparison/")
    assert not shown and refusals

    refusals.clear()
    page.goto(f"{served.other_host}?src={embed}")
    _, shown = frame_document(page, embed)
    assert not shown and refusals
    context.close()
    assert record.blocked == []
