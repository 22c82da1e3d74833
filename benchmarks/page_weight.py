"""What each page of the built site costs a first-time visitor, measured in Chromium.

    .venv/bin/python benchmarks/page_weight.py [--site DIR] [--baseline DIR] [--budget-kb 150] [--pages decision/]

Builds the site (strict) unless ``--site`` names a built one, serves it on 127.0.0.1, and loads
every page in a fresh browser context (empty cache) with Debian's Chromium through Playwright,
waiting until the network is idle, so that lazily loaded files (the search index, the walk's and
the scorecard's scripts) are counted too. Every requested URL is matched to its built file;
"raw" is the file's size and "gzip" its size compressed with gzip -6, as a web host sends text
(images and fonts are counted raw). Budgets, everything included: every page under 150 KB gzip,
the Decision page (walk, flowchart and outline) under 170 KB (issue 10). "search" is Material's
search worker and index when a page fetches them on a first visit; "+search" is what they add
when the reader opens search (this site loads them then: docs/assets/javascripts/material-startup.js).
With ``--baseline`` (another built site, say one of ``main``) both are measured in the same run
and each page's totals are printed side by side. For a page with the flowchart, the share of its HTML that is the inline SVG
is shown too (the flowchart is drawn at build time; no diagram script is loaded).
"""

from __future__ import annotations

import argparse
import gzip
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from _common import CHROMIUM, CHROMIUM_ARGS, StaticServer, build_real_site, print_machine, scratch

PAGE_BUDGETS_KB = {"decision/": 170.0}  # pages with a budget of their own; the rest get --budget-kb
SEARCH = ("search/", "assets/javascripts/workers/search")  # Material's search index and its worker
COMPRESSED = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".ico", ".gz")
KINDS = {"document": "html", "stylesheet": "css", "script": "js", "font": "font", "image": "img"}


@dataclass
class PageWeight:
    page: str
    svg_gz: int = 0  # the inline flowchart SVG, compressed on its own
    has_search: bool = False  # the page has Material's search field (embeds have none)
    raw: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    gz: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    requests: int = 0
    missing: list[str] = field(default_factory=list)

    @property
    def total_gz(self) -> int:
        return sum(self.gz.values())

    @property
    def total_raw(self) -> int:
        return sum(self.raw.values())


_gzip_cache: dict[Path, int] = {}


def gzip_size(path: Path) -> int:
    if path.suffix in COMPRESSED:
        return path.stat().st_size
    if path not in _gzip_cache:
        _gzip_cache[path] = len(gzip.compress(path.read_bytes(), 6, mtime=0))
    return _gzip_cache[path]


def file_for(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def pages_of(site: Path) -> list[str]:
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def measure_pages(site: Path, pages: list[str]) -> list[PageWeight]:
    from playwright.sync_api import sync_playwright

    server = StaticServer(site)
    results = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_path in pages:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                tab = context.new_page()
                requested: list[tuple[str, str]] = []
                tab.on("request", lambda request: requested.append((request.url, request.resource_type)))
                tab.goto(server.url + page_path, wait_until="networkidle")
                weight = PageWeight(page_path or "(home)")
                svg = tab.evaluate("() => { const s = document.querySelector('svg.guide-flow'); return s ? s.outerHTML : ''; }")
                weight.svg_gz = len(gzip.compress(svg.encode("utf-8"), 6, mtime=0)) if svg else 0
                weight.has_search = tab.evaluate("() => !!document.querySelector('.md-search')")
                tab.wait_for_timeout(300)  # a late request after the idle point still counts
                seen = set()
                for url, kind in requested:
                    if not url.startswith(server.url) or url in seen:
                        continue
                    seen.add(url)
                    file = file_for(site, url)
                    if file is None:
                        weight.missing.append(url.removeprefix(server.url))
                        continue
                    weight.requests += 1
                    rel = file.relative_to(site).as_posix()
                    if rel.startswith(SEARCH):
                        label = "search"
                    else:
                        label = KINDS.get(kind, "json" if file.suffix == ".json" else "other")
                    weight.raw[label] += file.stat().st_size
                    weight.gz[label] += gzip_size(file)
                results.append(weight)
                context.close()
            browser.close()
    finally:
        server.close()
    return results


def kb(size: int) -> str:
    return f"{size / 1024:7.1f}"


def budget_of(page: str, default_kb: float) -> float:
    return PAGE_BUDGETS_KB.get("" if page == "(home)" else page, default_kb)


def search_files_gz(site: Path) -> int:
    """Material's search index and worker as built, gzip: what opening search fetches."""
    files = [site / "search" / "search_index.json", *(site / "assets" / "javascripts" / "workers").glob("search.*.min.js")]
    return sum(gzip_size(file) for file in files if file.is_file())


def compare(before: list[PageWeight], after: list[PageWeight], before_search: int, after_search: int) -> None:
    """Each page's first-visit total and its total once search is open, baseline then this build."""
    print("\nSide by side, KB gzip: first visit (everything until the network is quiet), and with search opened")
    print(f"  {'page':<38}{'baseline':>10}{'this':>8}{'change':>8}   {'+search: baseline':>18}{'this':>8}")
    old = {w.page: w for w in before}
    for w in after:
        if w.page not in old:
            continue
        b = old[w.page]
        with_search = [x.total_gz + (size if x.has_search and not x.gz.get("search") else 0)
                       for x, size in ((b, before_search), (w, after_search))]
        print(f"  {w.page:<38}{kb(b.total_gz):>10}{kb(w.total_gz):>8}{kb(w.total_gz - b.total_gz):>8}   "
              f"{kb(with_search[0]):>18}{kb(with_search[1]):>8}")


def report(results: list[PageWeight], budget_kb: float) -> int:
    kinds = ["html", "css", "js", "search", "json", "font", "img", "other"]
    own = ", ".join(f"{page} {kb_:.0f} KB" for page, kb_ in PAGE_BUDGETS_KB.items())
    print(f"\nPer page, KB transferred on a first visit (gzip -6; raw in brackets), everything included. "
          f"Budget: {budget_kb:.0f} KB gzip ({own}).")
    head = (f"  {'page':<38}" + "".join(f"{k:>8}" for k in kinds)
            + f"{'total':>9}{'(raw)':>9}{'-search':>9}{'budget':>8}{'svg':>7}{'req':>5}  verdict")
    print(head)
    over = 0
    for w in results:
        problems = []
        budget = budget_of(w.page, budget_kb)
        if w.total_gz > budget * 1024:
            problems.append("OVER BUDGET")
        if w.missing:
            problems.append(f"{len(w.missing)} missing: {', '.join(w.missing[:3])}")
        over += bool(problems)
        svg = kb(w.svg_gz).strip() if w.svg_gz else "-"
        print(f"  {w.page:<38}" + "".join(f"{kb(w.gz.get(k, 0)):>8}" for k in kinds)
              + f"{kb(w.total_gz):>9}{kb(w.total_raw):>9}{kb(w.total_gz - w.gz.get('search', 0)):>9}{budget:>8.0f}{svg:>7}{w.requests:>5}  "
              + ("; ".join(problems) or f"ok ({(budget * 1024 - w.total_gz) / 1024:.0f} KB to spare)"))
    print(f"\n{len(results)} pages; {over} flagged")
    return over


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build one now)")
    parser.add_argument("--baseline", type=Path, help="another built site to measure in the same run, side by side")
    parser.add_argument("--budget-kb", type=float, default=150.0)
    parser.add_argument("--pages", nargs="*", help="only these pages, as URL paths (e.g. decision/); default: all")
    args = parser.parse_args()

    print("Machine:")
    print_machine()
    folder = None
    site = args.site
    if site is None:
        folder = scratch("weight")
        site = build_real_site(folder / "site")
    try:
        pages = args.pages if args.pages else pages_of(site)
        pages = [p.lstrip("/") for p in pages]
        results = measure_pages(site, pages)
        if args.baseline:
            print(f"\nBaseline: {args.baseline}")
            baseline = measure_pages(args.baseline, [p for p in pages if file_for(args.baseline, "/" + p)])
            report(baseline, args.budget_kb)
            print(f"\nThis build: {site}")
        report(results, args.budget_kb)
        if args.baseline:
            compare(baseline, results, search_files_gz(args.baseline), search_files_gz(site))
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
