"""Wall time and peak memory of a strict build of the real site.

    .venv/bin/python benchmarks/build_time.py [--runs 5] [--warmup 1]

Each run is ``mkdocs build --strict`` into a fresh temporary folder, started from a fresh
interpreter whose RUSAGE_CHILDREN gives the build's peak resident memory. Prints every run and
the median. Also times the data load and validation alone (``guide.data.validate.load_guide``), which
is what ``make check`` runs and what every build does first.
"""

from __future__ import annotations

import argparse
import shutil
import time

from _common import ROOT, Measured, measure, median, mkdocs_build, print_machine, scratch


def data_load_ms(repeats: int = 5) -> float:
    from guide.data.validate import load_guide

    times = []
    for _ in range(repeats):
        start = time.process_time()
        load_guide(ROOT / "data", ROOT / "docs", display_root=ROOT)
        times.append((time.process_time() - start) * 1000)
    return median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed builds (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed builds first, to fill caches (default 1)")
    args = parser.parse_args()

    print("Machine:")
    print_machine()
    print(f"\nStrict build of {ROOT} ({args.warmup} warm-up, {args.runs} timed runs)")
    folder = scratch("build")
    runs: list[Measured] = []
    try:
        for index in range(args.warmup + args.runs):
            site = folder / f"site-{index}"
            result = measure(mkdocs_build(site), ROOT)
            pages = sum(1 for _ in site.rglob("*.html"))
            size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1024 / 1024
            shutil.rmtree(site)
            if index < args.warmup:
                print(f"  warm-up   {result}  ({pages} HTML pages, {size:.1f} MiB written)")
                continue
            runs.append(result)
            print(f"  run {len(runs):<5} {result}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    walls, peaks = [r.wall for r in runs], [r.peak_mib for r in runs]
    cpus = [r.cpu for r in runs]
    print(f"\nmedian wall time  {median(walls):.2f} s  (min {min(walls):.2f}, max {max(walls):.2f})")
    print(f"median CPU time   {median(cpus):.2f} s  (min {min(cpus):.2f}, max {max(cpus):.2f}; user + system, less disturbed by other load)")
    print(f"median peak RSS   {median(peaks):.0f} MiB  (min {min(peaks):.0f}, max {max(peaks):.0f})")
    print(f"data load + validation alone (in-process CPU time, median of 5): {data_load_ms():.0f} ms")


if __name__ == "__main__":
    main()
