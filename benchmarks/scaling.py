"""How the build grows with the data: synthetic data sets built end to end with the real pipeline.

    .venv/bin/python benchmarks/scaling.py            # the full grid, a few minutes on 2 cores
    .venv/bin/python benchmarks/scaling.py --quick    # a small grid, about a minute
    .venv/bin/python benchmarks/scaling.py --check    # one data set of each kind: every code path, figures meaningless
    .venv/bin/python benchmarks/scaling.py --ratio    # the real data only: pipeline against plain, cold and warm

For each data set (frameworks x criteria, and decision trees of growing size; see
benchmarks/synthetic.py), in a copy of the project:

1. a strict build with the real pipeline (macros plugin + guide/mkdocs_glue/hooks.py), timed;
2. a "plain" strict build of the same pages: the Markdown each page had after the macros ran is
   written into the .md files (embed pages included), and a copied mkdocs.yml drops the macros
   plugin and the hook. The ratio of the two isolates the data pipeline's own cost (loading and
   validating the data, rendering macros, writing exports, copying Mermaid) from what MkDocs and
   Material spend on the same pages anyway.

``--check`` takes the pipeline's figures from the build that captures the pages (one build
fewer). ``--ratio`` measures the real data set only, the figure issue 14 sets a goal for: rounds of a
plain build, a pipeline build with the build cache off (what a first build on a new machine
does) and one with a warm cache (any later build), interleaved so that a change in the
machine's load falls on all alike; medians of CPU time, their ratios to plain and the median of the
per-round (paired) ratios. ``--instructions`` then counts the plain and later builds' machine
instructions under valgrind: deterministic where the CPU times are not (see
``_common.count_instructions``).
``--baseline DIR`` adds the same two pipeline builds with another copy of ``guide/`` (an
earlier commit's: ``git archive <commit> guide | tar -x -C DIR``), side by side in the run.

Then, in-process, the pipeline's stages one by one (CPU time), to show which of them grows how.
Growth is reported as an exponent b in time ~ size^b between consecutive sizes: about 1 is
linear, clearly above 1 is superlinear. Times are CPU seconds (user + system) of the build
process, which another load on the machine disturbs far less than wall time; wall time is shown
too. Peak memory is the build process's maximum resident set.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from _common import (
    ROOT,
    BuildFailed,
    Measured,
    copy_project,
    count_instructions,
    measure,
    median,
    mkdocs_build,
    print_machine,
    scratch,
)
from synthetic import write_dataset

HERE = Path(__file__).resolve().parent

FULL_GRID = {
    # (frameworks, criteria, decision nodes); None keeps the real decision tree
    "frameworks x criteria": [(2, 25, None), (2, 100, None), (2, 500, None), (10, 25, None), (50, 25, None),
                              (200, 25, None), (10, 100, None), (50, 100, None)],
    "decision tree": [(2, 25, 10), (2, 25, 100), (2, 25, 1000)],
}
QUICK_GRID = {
    "frameworks x criteria": [(2, 25, None), (2, 100, None), (10, 25, None), (10, 100, None)],
    "decision tree": [(2, 25, 10), (2, 25, 100)],
}
STAGE_SERIES = {
    "criteria (2 frameworks)": [(2, 250, None), (2, 1000, None), (2, 2000, None)],
    "frameworks (25 criteria)": [(10, 25, None), (50, 25, None), (200, 25, None)],
    "decision nodes, balanced tree": [(2, 25, 300), (2, 25, 1000), (2, 25, 3000)],
    "decision nodes, chain (deepest tree)": [(2, 25, 300), (2, 25, 1000), (2, 25, 3000)],
}
QUICK_STAGES = {
    "criteria (2 frameworks)": [(2, 250, None), (2, 1000, None)],
    "decision nodes, chain (deepest tree)": [(2, 25, 300), (2, 25, 1000)],
}
# `make test` runs this one so a refactor that breaks the script fails the suite: one pair of
# builds, and every stage on two small data sets (so the growth exponents are computed too).
CHECK_GRID = {"decision tree": [(2, 25, 10)]}
CHECK_STAGES = {
    "criteria (2 frameworks)": [(2, 25, None), (3, 40, None)],
    "decision nodes, chain (deepest tree)": [(2, 25, 10), (2, 25, 20)],
}


@dataclass
class Row:
    label: str
    size: int
    sizes: dict
    pipeline_wall: float
    pipeline_cpu: float
    pipeline_mib: float
    plain_wall: float
    plain_cpu: float
    plain_mib: float
    html_mib: float


# --- the two projects -------------------------------------------------------------------------


def strip_blocks(config_text: str) -> str:
    """mkdocs.yml without the macros plugin entry (and its options) and without ``hooks:``."""
    out, skip = [], None
    for line in config_text.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip(" "))
        if skip is not None:
            if not line.strip() or indent > skip:
                continue
            skip = None
        if re.match(r"^\s*- macros:?\s*$", line):
            skip = indent
            continue
        if re.match(r"^hooks:\s*$", line):
            skip = 0
            continue
        out.append(line)
    return "".join(out)


def add_capture_hook(config_text: str) -> str:
    """mkdocs.yml with benchmarks/_capture_hook.py appended to its ``hooks:`` list."""
    lines = config_text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(r"^hooks:\s*$", line))
    end = start + 1
    while end < len(lines) and (lines[end].startswith(" ") or not lines[end].strip()):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    return "".join(lines[:end] + ["  - _capture_hook.py\n"] + lines[end:])


class Projects:
    def __init__(self, folder: Path, guide_from: Path | None):
        self.folder = folder
        self.pipeline = copy_project(folder / "pipeline")
        if guide_from:  # measure another version of guide/ (e.g. before a fix)
            shutil.rmtree(self.pipeline / "guide")
            shutil.copytree(guide_from, self.pipeline / "guide", ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy2(HERE / "_capture_hook.py", self.pipeline / "_capture_hook.py")
        config = (self.pipeline / "mkdocs.yml").read_text(encoding="utf-8")
        (self.pipeline / "capture.yml").write_text(add_capture_hook(config), encoding="utf-8")
        self.plain = copy_project(folder / "plain")
        (self.plain / "plain.yml").write_text(strip_blocks(config), encoding="utf-8")
        self.captured = folder / "captured"

    def capture(self) -> tuple[Measured, float]:
        """Build once with the capture hook: the rendered Markdown of every page. Returns that
        build's figures and its HTML's size (MiB): a pipeline build, plus writing the pages out."""
        shutil.rmtree(self.captured, ignore_errors=True)
        env = {"GUIDE_CAPTURE_DIR": str(self.captured)}
        site = self.folder / "capture-site"
        measured = measure(mkdocs_build(site, "capture.yml"), self.pipeline, env)
        html = sum(p.stat().st_size for p in site.rglob("*.html")) / 1024 / 1024
        shutil.rmtree(site, ignore_errors=True)
        docs = self.plain / "docs"
        for page in docs.rglob("*.md"):
            page.unlink()
        for page in self.captured.rglob("*.md"):
            target = docs / page.relative_to(self.captured)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(page, target)
        return measured, html


def build(project: Path, site: Path, config: str, runs: int):
    results = [measure(mkdocs_build(site, config), project) for _ in range(runs)]
    html = sum(p.stat().st_size for p in site.rglob("*.html")) / 1024 / 1024
    shutil.rmtree(site, ignore_errors=True)
    return (median([r.wall for r in results]), median([r.cpu for r in results]),
            median([r.peak_mib for r in results]), html)


def exponent(small: float, large: float, size_small: int, size_large: int) -> str:
    if small <= 0 or large <= 0 or size_large == size_small:
        return "  n/a"
    return f"{math.log(large / small) / math.log(size_large / size_small):5.2f}"


def size_of(series: str, sizes: dict) -> int:
    return sizes["nodes"] if "decision" in series else sizes["cells"]


def run_grid(grid: dict, projects: Projects, runs: int, *, capture_only: bool = False) -> None:
    """``capture_only``: the pipeline's figures are the capture build's (one build fewer; --check)."""
    print(f"\nEnd to end (strict builds, median of {runs}; CPU = user + system seconds of the build process)")
    head = (f"  {'data set':<26} {'pipeline CPU':>12} {'wall':>7} {'peak':>8}   {'plain CPU':>9} {'wall':>7} {'peak':>8}"
            f"   {'ratio':>5}  {'own CPU':>7}  {'HTML':>8}")
    for series, cases in grid.items():
        print(f"\n {series}")
        print(head)
        rows: list[Row] = []
        for frameworks, criteria, nodes in cases:
            sizes = write_dataset(projects.pipeline, frameworks, criteria, nodes, seed_dir=ROOT / "data")
            label = f"{sizes['frameworks']} fw x {sizes['criteria']} cr, {sizes['nodes']} nodes"
            try:
                captured, captured_html = projects.capture()
                if capture_only:
                    p_wall, p_cpu, p_mib, html = captured.wall, captured.cpu, captured.peak_mib, captured_html
                else:
                    p_wall, p_cpu, p_mib, html = build(projects.pipeline, projects.folder / "site", "mkdocs.yml", runs)
                q_wall, q_cpu, q_mib, _ = build(projects.plain, projects.folder / "site", "plain.yml", runs)
            except BuildFailed as error:
                print(f"  {label:<26} build failed:\n{error}")
                continue
            row = Row(label, size_of(series, sizes), sizes, p_wall, p_cpu, p_mib, q_wall, q_cpu, q_mib, html)
            rows.append(row)
            print(f"  {label:<26} {p_cpu:10.2f} s {p_wall:6.2f}s {p_mib:5.0f} MiB   {q_cpu:7.2f} s {q_wall:6.2f}s {q_mib:5.0f} MiB"
                  f"   {p_cpu / q_cpu:5.2f}  {p_cpu - q_cpu:6.2f}s  {html:5.1f} MiB", flush=True)
        growth(series, rows)


def growth(series: str, rows: list[Row]) -> None:
    """Exponents between consecutive sizes along each axis of the series."""
    if len(rows) < 2:
        return
    if "decision" in series:
        axes = {"nodes": sorted(rows, key=lambda r: r.size)}
    else:  # one axis at a time: criteria with 2 frameworks, frameworks with 25 criteria
        by_fw = [r for r in rows if r.sizes["frameworks"] == rows[0].sizes["frameworks"]]
        by_cr = [r for r in rows if r.sizes["criteria"] == rows[0].sizes["criteria"]]
        axes = {"cells, criteria growing": sorted(by_fw, key=lambda r: r.size),
                "cells, frameworks growing": sorted(by_cr, key=lambda r: r.size)}
    for axis, ordered in axes.items():
        if len(ordered) < 2:
            continue
        parts = []
        for a, b in zip(ordered, ordered[1:]):
            parts.append(
                f"{a.size}->{b.size}: total {exponent(a.pipeline_cpu, b.pipeline_cpu, a.size, b.size).strip()}, "
                f"own {exponent(a.pipeline_cpu - a.plain_cpu, b.pipeline_cpu - b.plain_cpu, a.size, b.size).strip()}, "
                f"plain {exponent(a.plain_cpu, b.plain_cpu, a.size, b.size).strip()}"
            )
        print(f"  growth exponent ({axis}): " + "; ".join(parts))


# --- the pipeline's stages, in-process ----------------------------------------------------------


class _Links:
    def href(self, page: str, anchor: str | None = None) -> str:
        return page + ("#" + anchor if anchor else "")

    def title(self, page: str) -> str:
        return page


def stages(data_dir: Path, docs_dir: Path) -> dict[str, float]:
    from guide.publish import addresses, embeds, exports
    from guide.views import flowchart, outline, scorecard, tables, walk
    from guide.data.validate import load_guide

    links, site = _Links(), addresses.SiteInfo("Synthetic", "https://example.org/")
    timed: dict[str, float] = {}
    start = time.process_time()
    guide = load_guide(data_dir, docs_dir)
    timed["load+validate"] = time.process_time() - start
    work = {
        "tables": lambda: [tables.full_table(guide, links), tables.glance_table(guide, links)]
        + [tables.group_table(guide, g, links) for g in guide.groups],
        "cards": lambda: [tables.criterion_cards(guide, g, links) for g in guide.groups],
        "review+claims": lambda: [tables.review_table(guide, links), tables.claims_table(guide, links)],
        "flowchart": lambda: flowchart.flowchart(guide, links, "exports/flowchart.svg"),
        "outline": lambda: outline.outline(guide, links),
        "paths": lambda: outline.paths_table(guide, links),
        "walk": lambda: walk.walk(guide, links, outcomes_here=True),
        "scorecard": lambda: [scorecard.scorecard(guide, links), scorecard.equal_weights_table(guide, links)],
        "exports": lambda: exports.exports(guide, site),
        "embeds": lambda: [embeds.embed_markdown(e, guide, "Back") for e in embeds.embeds(guide)],
    }
    for name, job in work.items():
        start = time.process_time()
        job()
        timed[name] = time.process_time() - start
    return timed


def run_stages(series_map: dict, folder: Path, guide_from: Path | None) -> None:
    if guide_from:  # importable as `guide`, ahead of the installed one
        shutil.copytree(guide_from, folder / "alternative" / "guide", ignore=shutil.ignore_patterns("__pycache__"))
        sys.path.insert(0, str(folder / "alternative"))
        for name in [m for m in sys.modules if m == "guide" or m.startswith("guide.")]:
            del sys.modules[name]
    import guide

    print(f"\nPipeline stages in-process (CPU ms; guide/ from {Path(guide.__file__).parent})")
    data = folder / "stages"
    (data / "data").mkdir(parents=True, exist_ok=True)
    for series, cases in series_map.items():
        print(f"\n {series}")
        shape = "chain" if "chain" in series else "balanced"
        results = []
        for frameworks, criteria, nodes in cases:
            sizes = write_dataset(data, frameworks, criteria, nodes, shape, seed_dir=ROOT / "data")
            try:
                timed = stages(data / "data", ROOT / "docs")
            except RecursionError:
                print(f"  {sizes}: RecursionError (the tree is too deep for a recursive walk)")
                continue
            size = size_of(series, sizes)
            results.append((size, timed))
            if len(results) == 1:
                print("  " + f"{'size':>6} " + " ".join(f"{k:>13}" for k in timed))
            print("  " + f"{size:>6} " + " ".join(f"{v * 1000:13.0f}" for v in timed.values()), flush=True)
        if len(results) >= 2:
            (s0, t0), (s1, t1) = results[0], results[-1]
            print("  " + f"{'b':>6} " + " ".join(f"{exponent(t0[k], t1[k], s0, s1):>13}" for k in t0)
                  + f"   (exponent from size {s0} to {s1})")


def run_ratio(projects: Projects, rounds: int, baseline: Path | None, *, instructions: bool = False) -> None:
    """The real data set: plain, cold and warm pipeline builds interleaved, ``rounds`` of each
    after one warm-up; with ``baseline`` (another copy of guide/), its cold and warm builds too.
    With ``instructions``, then one more plain and warm build of each under valgrind."""
    projects.capture()  # the copy holds the real data as it is
    kinds = {"plain (no macros plugin, no hook)": (projects.plain, "plain.yml", {})}
    pipelines = {"pipeline": projects.pipeline}
    if baseline:
        pipelines = {"baseline": copy_project(projects.folder / "baseline"), **pipelines}
        shutil.rmtree(pipelines["baseline"] / "guide")
        shutil.copytree(baseline, pipelines["baseline"] / "guide", ignore=shutil.ignore_patterns("__pycache__"))
    for name, project in pipelines.items():
        kinds[f"{name}, build cache off (a first build)"] = (project, "mkdocs.yml", {"GUIDE_BUILD_CACHE": "off"})
        kinds[f"{name}, build cache warm (a later build)"] = (
            project, "mkdocs.yml", {"GUIDE_BUILD_CACHE": str(projects.folder / f"{name}-cache")})
    results: dict[str, list[Measured]] = {kind: [] for kind in kinds}
    for round_ in range(rounds + 1):
        for kind, (project, config, env) in kinds.items():
            measured = measure(mkdocs_build(projects.folder / "site", config), project, env)
            shutil.rmtree(projects.folder / "site", ignore_errors=True)
            if round_:  # the first round warms the cache and the file system
                results[kind].append(measured)
    print(f"\nThe real data set: strict builds, {rounds} interleaved rounds after a warm-up, median CPU (user + system)")
    plain_rounds = results[next(iter(kinds))]
    plain = median([m.cpu for m in plain_rounds])
    for kind, measured in results.items():
        cpus = sorted(m.cpu for m in measured)
        # Paired: each round's build against the plain build of the same round, built just before
        # it; the machine's slow and fast spells fall on both, so this varies less than the ratio
        # of the medians.
        paired = median([m.cpu / p.cpu for m, p in zip(measured, plain_rounds, strict=True)])
        print(f"  {kind:<45} {median(cpus):6.2f} s CPU (min {cpus[0]:.2f}, max {cpus[-1]:.2f})  "
              f"{median([m.wall for m in measured]):6.2f} s wall   ratio {median(cpus) / plain:4.2f}"
              f"   paired {paired:4.2f}", flush=True)
    if not instructions:
        return
    print("\nThe same builds' instructions (valgrind; every process each build starts, Node and git included)")
    counted = {kind: how for kind, how in kinds.items() if "cache off" not in kind}  # a first build runs Node for minutes under valgrind
    plain_count = 0
    for kind, (project, config, env) in counted.items():
        count = count_instructions(mkdocs_build(projects.folder / "site", config), project, env)
        shutil.rmtree(projects.folder / "site", ignore_errors=True)
        plain_count = plain_count or count
        print(f"  {kind:<45} {count / 1e9:7.3f} G instructions   ratio {count / plain_count:5.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="a small grid (about a minute)")
    size.add_argument("--check", action="store_true", help="the smallest run that goes through every code path (for `make test`)")
    size.add_argument("--ratio", action="store_true", help="the real data only: pipeline against plain (--runs rounds, default 5)")
    parser.add_argument("--runs", type=int, default=None, help="timed builds per data set and kind (median; default 1, or 5 with --ratio)")
    parser.add_argument("--only", choices=["builds", "stages"], help="run one part only")
    parser.add_argument("--baseline", type=Path, help="with --ratio: also build with this copy of guide/, side by side")
    parser.add_argument("--instructions", action="store_true",
                        help="with --ratio: also count the plain and later builds' instructions under valgrind (minutes)")
    parser.add_argument("--guide-from", type=Path, help="use this copy of guide/ instead (to compare before/after a change)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args()

    print("Machine:")
    print_machine()
    folder = scratch("scaling")
    began = time.perf_counter()
    try:
        if args.ratio:
            run_ratio(Projects(folder, args.guide_from), args.runs or 5, args.baseline, instructions=args.instructions)
        else:
            if args.only != "stages":
                projects = Projects(folder, args.guide_from)
                run_grid(CHECK_GRID if args.check else QUICK_GRID if args.quick else FULL_GRID, projects, args.runs or 1,
                         capture_only=args.check)
            if args.only != "builds":
                run_stages(CHECK_STAGES if args.check else QUICK_STAGES if args.quick else STAGE_SERIES, folder, args.guide_from)
    finally:
        if args.keep:
            print(f"\nkept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"\ntotal {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
