"""Every link in the built HTML resolves, and every external link is at least well formed.

Internal: each ``a[href]``, ``link[href]``, ``script[src]``, ``img[src]``, ``iframe[src]`` and
``source[src]`` of every built page (theme chrome, Markdown, macro output and raw HTML alike)
must name a file of the built site (a folder means its ``index.html``); a ``#fragment`` must be
an ``id`` (or an ``a[name]``) in the target page. Absolute URLs under the configured ``site_url``
(canonical links, the exports' credit line) count as internal.

External: links to other hosts in the pages, and every URL in the data files (sources,
homepages, repositories), must be http(s) URLs with a host. They are not fetched: there is no
internet in the test environment, and a third-party site being down is no reason to fail a build.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import yaml

from helpers import ROOT, parsed_page

ATTRIBUTES = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src")]
BASE = "http://site.invalid/"  # where the built site is pretended to live while resolving links
IGNORED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:")
URL_KEYS = {"url", "homepage", "repository", "href"}


def site_url() -> str:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    url = re.search(r'^site_url:\s*!ENV\s*\[\s*SITE_URL\s*,\s*"([^"]+)"', config, re.M).group(1)
    return url if url.endswith("/") else url + "/"


def is_well_formed_external(url: str) -> bool:
    """An http(s) URL with a host name (or address) and a valid port, and no whitespace."""
    if re.search(r"\s", url):
        return False
    parts = urlsplit(url)
    try:
        parts.port  # raises on a malformed port
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and (
        host == "localhost" or re.fullmatch(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+", host) is not None
    )


@functools.cache
def anchors_of(path: Path) -> frozenset[str]:
    soup = parsed_page(path)
    return frozenset([t["id"] for t in soup.find_all(id=True)] + [t["name"] for t in soup.find_all("a", attrs={"name": True})])


def target_file(site: Path, url_path: str) -> Path | None:
    relative = unquote(url_path).lstrip("/")
    candidate = site / relative
    if relative == "" or relative.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_page(site: Path, page: Path, own: str) -> tuple[list[str], int]:
    """Broken links of one page, and how many links it has."""
    page_rel = page.relative_to(site).as_posix()
    soup = parsed_page(page)
    problems, count = [], 0
    for tag_name, attribute in ATTRIBUTES:
        for tag in soup.find_all(tag_name, attrs={attribute: True}):
            href = tag[attribute].strip()
            count += 1
            if not href or href.lower().startswith(IGNORED_SCHEMES):
                continue
            if href.startswith(own):
                href = BASE + href[len(own):]
            absolute = urljoin(BASE + page_rel, href)
            if not absolute.startswith(BASE):
                if not is_well_formed_external(absolute):
                    problems.append(f"{page_rel}: <{tag_name} {attribute}={href!r}>: not a well-formed http(s) URL")
                continue
            parts = urlsplit(absolute)
            target = target_file(site, parts.path)
            if target is None:
                problems.append(f"{page_rel}: <{tag_name} {attribute}={href!r}>: no file {unquote(parts.path)!r} in the site")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors_of(target):
                problems.append(f"{page_rel}: <{tag_name} {attribute}={href!r}>: "
                                f"{target.relative_to(site).as_posix()} has no id {unquote(parts.fragment)!r}")
    return problems, count


def test_every_internal_link_and_anchor_resolves(built_site):
    own = site_url()
    problems, total = [], 0
    pages = sorted(built_site.rglob("*.html"))
    for page in pages:
        found, count = check_page(built_site, page, own)
        problems += found
        total += count
    assert len(pages) > 20 and total > 1000
    assert problems == [], f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def test_the_checker_catches_broken_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a name="old"></a>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a><a href="a/#old">ok</a><a href="a/">ok</a><a href="#top" id="top">ok</a>'
        '<a href="http://127.0.0.1:8000/a/">ok</a><a href="https://example.org/x">ok</a><a href="mailto:x@y.z">ok</a>'
        '<a href="a/#gone">1</a><a href="b/">2</a><img src="missing.png"><a href="https:///nohost">3</a>'
        '<a href="ftp://example.org/">4</a><a href="#nowhere">5</a>',
        encoding="utf-8",
    )
    problems, count = check_page(tmp_path, tmp_path / "index.html", "http://127.0.0.1:8000/")
    assert count == 13
    assert len(problems) == 6, problems


def data_urls() -> list[tuple[str, str]]:
    """(file: key path, URL) for every URL-valued field and every URL-looking string in data/."""
    found = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str) and (str(key) in URL_KEYS or str(key).endswith("_url")):
                    found.append((f"{where}.{key}", value))
                else:
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}[{index}]")
        elif isinstance(node, str) and re.match(r"^\s*(https?:|//|www\.)", node):
            found.append((where, node))

    for path in sorted((ROOT / "data").rglob("*.yml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.relative_to(ROOT).as_posix())
    return found


def test_every_url_in_the_data_is_a_well_formed_http_url():
    urls = data_urls()
    assert len(urls) > 50
    bad = [f"{where}: {url!r}" for where, url in urls if not is_well_formed_external(url)]
    assert bad == [], "malformed URLs in data/:\n" + "\n".join(bad)
