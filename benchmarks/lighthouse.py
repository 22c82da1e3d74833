"""Lighthouse scores of Home and Decision, mobile and desktop, against the built site on 127.0.0.1,
side by side with a stock Material build of the source article.

    .venv/bin/python benchmarks/lighthouse.py [--runs 1] [--pages "" decision/] [--presets mobile desktop]
                                              [--no-compress] [--article PATH]
    .venv/bin/python benchmarks/lighthouse.py --check --site SITE --article PATH   # `make test`: no Lighthouse

The stock build is the yardstick: the source article (``../shared/source/article.txt`` beside the
project, or ``--article``) turned into pages (its title and introduction as the home page, one
page per section), built with the same MkDocs and Material and the theme's defaults, and served
and measured in the same run with the same flags. Each of this site's pages is compared with its
counterpart there: Home with Home, Decision with the article's "decision" section.

Lighthouse 12.2.3 (13.x wants Node 22) is installed on first use into benchmarks/.tools
(gitignored) with ``npm install --prefix benchmarks/.tools lighthouse@12.2.3``, and drives Debian's
Chromium (CHROME_PATH=/usr/bin/chromium, flags --headless --no-sandbox --disable-gpu
--disable-background-networking). The site is built strict with SITE_URL set to the address it is
served at, so canonical links and the sitemap point at the same origin, and served the way a web
host would: text gzip-compressed, assets cacheable for a day (``--no-compress`` serves raw files
with no caching). Full JSON reports go to benchmarks/results/ (gitignored). With ``--runs`` above
1 the median score of each category is shown, with the metrics of the run whose performance score
is the median and every run's performance score.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import urllib.request
from pathlib import Path

from _common import BUILD_ENV, CHROMIUM, ROOT, BuildFailed, StaticServer, build_real_site, free_port, mkdocs_build, print_machine, scratch

HERE = Path(__file__).resolve().parent
TOOLS = HERE / ".tools"
RESULTS = HERE / "results"
VERSION = "12.2.3"
CLI = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = {
    "first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS", "speed-index": "SI",
}


# Beside the project (../shared); a worktree of it sits one folder deeper.
ARTICLE = next(
    (folder / "shared" / "source" / "article.txt" for folder in ROOT.parents if (folder / "shared" / "source" / "article.txt").is_file()),
    ROOT.parent / "shared" / "source" / "article.txt",
)


def article_sections(text: str) -> list[tuple[str, list[str]]]:
    """The article as (heading, paragraphs): a heading is a short line without a closing full
    stop that a paragraph follows; lines before the first heading (the page's own links) go."""
    lines = [line.strip() for line in text.splitlines()]
    blocks = [line for line in lines if line]
    sections: list[tuple[str, list[str]]] = []
    for index, line in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else ""
        if len(line) <= 80 and not line.endswith(".") and len(following) > 80:
            sections.append((line, []))
        elif sections:
            sections[-1][1].append(line)
    return sections


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def stock_site(article: Path, folder: Path, site_url: str) -> Path:
    """The article as a Material site with the theme's defaults, built strict into folder/site."""
    sections = article_sections(article.read_text(encoding="utf-8"))
    if len(sections) < 2:
        raise BuildFailed(f"{article} does not read as an article with sections")
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (title, intro), rest = sections[0], sections[1:]
    (docs / "index.md").write_text(f"# {title}\n\n" + "\n\n".join(intro) + "\n", encoding="utf-8")
    for heading, paragraphs in rest:
        (docs / f"{slug(heading)}.md").write_text(f"# {heading}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        json.dumps({"site_name": title, "site_url": site_url, "theme": {"name": "material"}}) + "\n", encoding="utf-8"
    )
    done = subprocess.run(mkdocs_build(folder / "site"), cwd=folder, capture_output=True, text=True, env=BUILD_ENV)
    if done.returncode != 0:
        raise BuildFailed(done.stdout + done.stderr)
    return folder / "site"


def stock_counterpart(page: str, stock: Path) -> str:
    """The stock build's page for one of ours: Home for Home, else the section named like it."""
    name = page.strip("/").rsplit("/", 1)[-1]
    if not name:
        return ""
    found = sorted(p.parent.name for p in stock.glob("*/index.html") if name in p.parent.name)
    return found[0] + "/" if found else ""


def ensure_lighthouse() -> str:
    package = TOOLS / "node_modules" / "lighthouse" / "package.json"
    installed = json.loads(package.read_text())["version"] if package.is_file() else None
    if installed != VERSION:
        print(f"installing lighthouse@{VERSION} into {TOOLS.relative_to(ROOT)} ...", flush=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(TOOLS), f"lighthouse@{VERSION}", "--no-audit", "--no-fund", "--loglevel=error"],
            check=True,
        )
    return VERSION


def run_lighthouse(url: str, preset: str, output: Path) -> dict:
    command = [
        "node", str(CLI), url, "--output=json", f"--output-path={output}", "--quiet",
        f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0 or not output.is_file():
        raise RuntimeError(f"lighthouse failed on {url} ({preset}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return json.loads(output.read_text(encoding="utf-8"))


def shortfalls(report: dict, category: str) -> list[str]:
    """Audits that cost points in ``category``: scored below 1 with a non-zero weight."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"].get(ref["id"], {})
        score = audit.get("score")
        if ref.get("weight", 0) > 0 and score is not None and score < 1:
            value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            found.append(f"{ref['id']} {score:.2f}{value}")
    return found


def measure(url: str, preset: str, runs: int, name: str) -> tuple[dict[str, float], dict, list[int]]:
    """Median score per category over ``runs``, the report of the run with the median performance
    score (its metrics are the ones shown) and every run's performance score."""
    scores: dict[str, list[float]] = {c: [] for c in CATEGORIES}
    reports = []
    for run in range(runs):
        report = run_lighthouse(url, preset, RESULTS / f"lighthouse-{name}-{preset}-{run + 1}.json")
        reports.append(report)
        for category in CATEGORIES:
            scores[category].append(round(report["categories"][category]["score"] * 100))
    performance = scores["performance"]
    median_run = sorted(range(runs), key=lambda run: performance[run])[(runs - 1) // 2]
    return {c: statistics.median(v) for c, v in scores.items()}, reports[median_run], [int(p) for p in performance]


def reachable(url: str) -> None:
    """``--check``: the page answers 200 where Lighthouse would have loaded it."""
    with urllib.request.urlopen(url, timeout=30) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")


def row(label: str, preset: str, build: str, scores: dict[str, float], report: dict, runs: list[int]) -> str:
    metrics = " ".join(
        f"{short} {report['audits'][key]['displayValue']}" for key, short in METRICS.items() if key in report["audits"]
    )
    each = f"   runs {', '.join(map(str, runs))}" if len(runs) > 1 else ""
    return f"  {label:<34}{preset:<9}{build:<7}" + "".join(f"{scores[c]:>16.0f}" for c in CATEGORIES) + f"   {metrics}{each}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page and preset (median; default 1)")
    parser.add_argument("--pages", nargs="*", default=["", "decision/"], help='URL paths (default: "" decision/)')
    parser.add_argument("--presets", nargs="*", default=["mobile", "desktop"], choices=["mobile", "desktop"],
                        help="Lighthouse presets to run (default: both)")
    parser.add_argument("--no-compress", action="store_true", help="serve raw files without caching headers")
    parser.add_argument("--site", type=Path, help="serve this built site instead of building one (its site_url may differ)")
    parser.add_argument("--article", type=Path, default=ARTICLE, help=f"the source article (default: {ARTICLE})")
    parser.add_argument("--check", action="store_true", help="build and serve both sites and load each page, without Lighthouse (for `make test`)")
    args = parser.parse_args()
    if not args.article.is_file():
        parser.error(f"{args.article} not found: name the source article with --article")

    print("Machine:")
    print_machine()
    if not args.check:
        print(f"  lighthouse    {ensure_lighthouse()}")
    port, stock_port = free_port(), free_port()
    folder = scratch("lighthouse")
    RESULTS.mkdir(exist_ok=True)
    servers = []
    try:
        site = args.site or build_real_site(folder / "site", f"http://127.0.0.1:{port}/")
        stock = stock_site(args.article, folder / "stock", f"http://127.0.0.1:{stock_port}/")
        servers = [StaticServer(site, port, compress=not args.no_compress), StaticServer(stock, stock_port, compress=not args.no_compress)]
        how = "raw" if args.no_compress else "gzip + cache headers"
        print(f"\nServing this site at {servers[0].url} and the stock Material build of the article at {servers[1].url} ({how})")
        print(f"\n  {'page (stock counterpart)':<34}{'preset':<9}{'build':<7}" + "".join(f"{c:>16}" for c in CATEGORIES) + "   metrics (median run)")
        gaps: list[str] = []
        for page in args.pages:
            counterpart = stock_counterpart(page, stock)
            label = f"{page or '(home)'} ({counterpart or 'home'})"
            for preset in args.presets:
                for build, server, path in (("site", servers[0], page), ("stock", servers[1], counterpart)):
                    name = f"{build}-{(path.strip('/') or 'home').replace('/', '-')}"
                    if args.check:
                        reachable(server.url + path)
                        print(f"  {build} {server.url + path} ({preset}): reachable", flush=True)
                        continue
                    scores, report, runs = measure(server.url + path, preset, args.runs, name)
                    print(row(label if build == "site" else "", preset if build == "site" else "", build, scores, report, runs),
                          flush=True)
                    for category in CATEGORIES:
                        if scores[category] < 100:
                            gaps.append(f"  {build} {path or '(home)'} {preset} {category}: " + "; ".join(shortfalls(report, category)))
        if args.check:
            return
        print("\nWhere points were lost (median run):" if gaps else "\nEvery score is 100.")
        print("\n".join(gaps))
        print(f"\nReports: {RESULTS.relative_to(ROOT)}/lighthouse-*.json")
    finally:
        for server in servers:
            server.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
