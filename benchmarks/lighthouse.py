"""Lighthouse scores of Home and Decision, mobile and desktop, against the built site on 127.0.0.1.

    .venv/bin/python benchmarks/lighthouse.py [--runs 1] [--pages "" decision/] [--no-compress]

Lighthouse 12.2.3 (13.x wants Node 22) is installed on first use into benchmarks/.tools
(gitignored) with ``npm install --prefix benchmarks/.tools lighthouse@12.2.3``, and drives Debian's
Chromium (CHROME_PATH=/usr/bin/chromium, flags --headless --no-sandbox --disable-gpu
--disable-background-networking). The site is built strict with SITE_URL set to the address it is
served at, so canonical links and the sitemap point at the same origin, and served the way a web
host would: text gzip-compressed, assets cacheable for a day (``--no-compress`` serves raw files
with no caching). Full JSON reports go to benchmarks/results/ (gitignored). With ``--runs`` above
1 the median score of each category is shown.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
from pathlib import Path

from _common import CHROMIUM, ROOT, StaticServer, build_real_site, free_port, print_machine, scratch

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page and preset (median; default 1)")
    parser.add_argument("--pages", nargs="*", default=["", "decision/"], help='URL paths (default: "" decision/)')
    parser.add_argument("--no-compress", action="store_true", help="serve raw files without caching headers")
    parser.add_argument("--site", type=Path, help="serve this built site instead of building one (its site_url may differ)")
    args = parser.parse_args()

    print("Machine:")
    print_machine()
    print(f"  lighthouse    {ensure_lighthouse()}")
    port = free_port()
    folder = scratch("lighthouse")
    RESULTS.mkdir(exist_ok=True)
    server = None
    try:
        site = args.site or build_real_site(folder / "site", f"http://127.0.0.1:{port}/")
        server = StaticServer(site, port, compress=not args.no_compress)
        print(f"\nServing {site} at {server.url} ({'raw' if args.no_compress else 'gzip + cache headers'})")
        print(f"\n  {'page':<12}{'preset':<9}" + "".join(f"{c:>16}" for c in CATEGORIES) + "   metrics (last run)")
        gaps: list[str] = []
        for page in args.pages:
            for preset in ("mobile", "desktop"):
                scores: dict[str, list[float]] = {c: [] for c in CATEGORIES}
                report = {}
                for run in range(args.runs):
                    name = f"lighthouse-{(page.strip('/') or 'home').replace('/', '-')}-{preset}-{run + 1}.json"
                    report = run_lighthouse(server.url + page, preset, RESULTS / name)
                    for category in CATEGORIES:
                        scores[category].append(round(report["categories"][category]["score"] * 100))
                metrics = " ".join(
                    f"{short} {report['audits'][key]['displayValue']}" for key, short in METRICS.items() if key in report["audits"]
                )
                print(f"  {page or '(home)':<12}{preset:<9}" + "".join(f"{statistics.median(scores[c]):>16.0f}" for c in CATEGORIES)
                      + f"   {metrics}", flush=True)
                for category in CATEGORIES:
                    if statistics.median(scores[category]) < 100:
                        gaps.append(f"  {page or '(home)'} {preset} {category}: " + "; ".join(shortfalls(report, category)))
        print("\nWhere points were lost (last run):" if gaps else "\nEvery score is 100.")
        print("\n".join(gaps))
        print(f"\nReports: {RESULTS.relative_to(ROOT)}/lighthouse-*.json")
    finally:
        if server:
            server.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
