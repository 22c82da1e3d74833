"""Every script in benchmarks/ runs to the end in its quickest mode, so a refactor that breaks one
fails the suite instead of rotting unnoticed (issue 17). No figure or time is asserted: the
scripts measure, the tests only show they still can. Lighthouse itself is not run (`--check`
builds and serves both sites and loads each page); page_weight and lighthouse measure the
session's build instead of building their own."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from helpers import FAST, ROOT

BENCHMARKS = ROOT / "benchmarks"
ARTICLE = ROOT / "tests" / "fixtures" / "article.txt"


def run_script(name: str, *arguments: str) -> str:
    if FAST:
        pytest.skip("builds the site: `make test` runs it")
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *arguments], cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, f"{name} {' '.join(arguments)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def test_every_benchmark_script_is_run_here():
    scripts = {path.name for path in BENCHMARKS.glob("*.py") if not path.name.startswith("_")} - {"synthetic.py"}
    tested = {name for name in scripts if f'"{name}"' in (ROOT / "tests" / "test_benchmark_scripts.py").read_text()}
    assert scripts == tested, f"benchmark scripts without a quick run here: {sorted(scripts - tested)}"


def test_build_time():
    out = run_script("build_time.py", "--runs", "1", "--warmup", "0")
    assert "median wall time" in out and "data load + validation alone" in out


def test_scaling_with_synthetic_data_sets():
    """One pair of builds (the real pipeline and the plain pages) and every in-process stage on
    two small data sets of each series (synthetic.py writes them)."""
    out = run_script("scaling.py", "--check")
    assert "build failed" not in out
    assert "exponent from size" in out and "embeds" in out


def test_page_weight(built_site):
    out = run_script("page_weight.py", "--site", str(built_site), "--pages", "", "decision/")
    assert "2 pages" in out


def test_lighthouse_serves_both_sites(built_site):
    out = run_script("lighthouse.py", "--check", "--site", str(built_site), "--article", str(ARTICLE), "--pages", "", "decision/")
    assert out.count("reachable") == 8  # 2 pages x 2 presets x (this site, the stock build)


def test_cold_start():
    out = run_script("cold_start.py", "--runs", "1")
    assert "FastAPI" in out and "Django" in out


def test_tree_cpu_counts_the_processes_a_command_leaves_behind():
    """A grandchild that outlives its parent still counts: half a second of its CPU is in the total."""
    orphan = ("import subprocess, sys; subprocess.Popen([sys.executable, '-c', "
              "'import time\\nend = time.process_time() + 0.5\\nwhile time.process_time() < end: pass'])")
    done = subprocess.run([sys.executable, str(BENCHMARKS / "tree_cpu.py"), sys.executable, "-c", orphan],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    cpu = float(re.search(r"([\d.]+) s CPU", done.stderr).group(1))
    assert cpu >= 0.5, done.stderr


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed (only `scaling.py --instructions` needs it)")
def test_instruction_counts_cover_the_processes_a_command_starts():
    """``scaling.py --instructions`` counts a build and what it starts: a command that starts a
    second interpreter counts more than one interpreter alone, and the same command the same."""
    sys.path.insert(0, str(BENCHMARKS))
    from _common import count_instructions

    alone = count_instructions([sys.executable, "-S", "-c", "pass"], ROOT)
    again = count_instructions([sys.executable, "-S", "-c", "pass"], ROOT)
    child = count_instructions([sys.executable, "-S", "-c", f"import subprocess; subprocess.run([{sys.executable!r}, '-S', '-c', 'pass'])"], ROOT)
    assert abs(again - alone) < alone * 0.01
    assert child > alone * 1.8
