"""What each page of the built site costs a first-time visitor, measured in Chromium.

    .venv/bin/python benchmarks/page_weight.py [--site DIR] [--budget-kb 150] [--pages comparison/ decision/]

Builds the site (strict) unless ``--site`` names a built one, serves it on 127.0.0.1, and loads
every page in a fresh browser context (empty cache) with Debian's Chromium through Playwright,
waiting until the network is idle, so that lazily loaded files (Mermaid's chunks, the search
index) are counted too. Every requested URL is matched to its built file; "raw" is the file's
size and "gzip" its size compressed with gzip -6, as a web host sends text (images and fonts are
counted raw). Budgets: every page under 150 KB gzip in all, except the Mermaid files on a page
that draws a diagram, which are shown apart; and no page without a diagram may load Mermaid.
"search" is Material's search worker and index, which every page with search fetches once loaded;
"-search" is the total without them.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from _common import CHROMIUM, StaticServer, build_real_site, print_machine, scratch

MERMAID = "assets/vendor/mermaid/"
SEARCH = ("search/", "assets/javascripts/workers/search")  # Material's search index and its worker
COMPRESSED = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".woff", ".woff2", ".ico", ".gz")
KINDS = {"document": "html", "stylesheet": "css", "script": "js", "font": "font", "image": "img"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@dataclass
class PageWeight:
    page: str
    has_diagram: bool = False
    raw: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    gz: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    mermaid_raw: int = 0
    mermaid_gz: int = 0
    mermaid_files: int = 0
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
                weight.has_diagram = tab.locator(".guide-flowchart").count() > 0
                if weight.has_diagram:  # Mermaid's chunks load while it draws: wait for the drawing
                    tab.wait_for_selector(".guide-flowchart--drawn, .guide-flowchart--failed", state="attached", timeout=60_000)
                    tab.wait_for_load_state("networkidle")
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
                    if rel.startswith(MERMAID):
                        weight.mermaid_raw += file.stat().st_size
                        weight.mermaid_gz += gzip_size(file)
                        weight.mermaid_files += 1
                        continue
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


def report(results: list[PageWeight], budget_kb: float, site: Path) -> int:
    kinds = ["html", "css", "js", "search", "json", "font", "img", "other"]
    print(f"\nPer page, KB transferred on a first visit (gzip -6; raw in brackets). Budget: {budget_kb:.0f} KB gzip "
          "without Mermaid; Mermaid only on pages with a diagram.")
    head = (f"  {'page':<38}" + "".join(f"{k:>8}" for k in kinds)
            + f"{'total':>9}{'(raw)':>9}{'-search':>9}{'Mermaid':>9}{'req':>5}  verdict")
    print(head)
    over = 0
    for w in results:
        problems = []
        if w.total_gz > budget_kb * 1024:
            problems.append("OVER BUDGET")
        if w.mermaid_files and not w.has_diagram:
            problems.append("MERMAID WITHOUT A DIAGRAM")
        if w.missing:
            problems.append(f"{len(w.missing)} missing: {', '.join(w.missing[:3])}")
        over += bool(problems)
        mermaid = f"{kb(w.mermaid_gz)}" if w.mermaid_files else "      -"
        print(f"  {w.page:<38}" + "".join(f"{kb(w.gz.get(k, 0)):>8}" for k in kinds)
              + f"{kb(w.total_gz):>9}{kb(w.total_raw):>9}{kb(w.total_gz - w.gz.get('search', 0)):>9}{mermaid:>9}{w.requests:>5}  "
              + ("; ".join(problems) or "ok"))
    diagrams = [w for w in results if w.has_diagram]
    all_chunks = list((site / MERMAID).rglob("*.mjs"))
    all_gz = sum(gzip_size(p) for p in all_chunks)
    for w in diagrams:
        print(f"\n  {w.page}: draws a diagram; Mermaid files loaded: {w.mermaid_files} of {len(all_chunks)} "
              f"({w.mermaid_gz / 1024:.1f} KB gzip of {all_gz / 1024:.1f} KB, raw {w.mermaid_raw / 1024:.1f} KB); "
              f"page without Mermaid {w.total_gz / 1024:.1f} KB, with it {(w.total_gz + w.mermaid_gz) / 1024:.1f} KB")
    print(f"\n{len(results)} pages; {over} flagged")
    return over


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build one now)")
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
        results = measure_pages(site, [p.lstrip("/") for p in pages])
        report(results, args.budget_kb, site)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
