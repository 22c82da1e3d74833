"""Shared by the benchmark scripts: where things are, how a build is timed and measured, and
which machine the figures come from. The scripts print figures; none of them asserts on a time."""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from chromium_switches import CHROMIUM_ARGS  # noqa: E402,F401  (shared with the tests; the scripts import it from here)
from static_server import StaticServer  # noqa: E402,F401  (shared with the tests; the scripts import it from here)
PYTHON = sys.executable
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# PYTHONDONTWRITEBYTECODE empty: Python keeps compiled bytecode as on any ordinary install (pip
# compiles the libraries when it installs them; the guide's own modules are compiled by the first
# build). Set, as on this workplace's machines, every build compiled the guide's 65 modules afresh
# while the plain build's libraries came compiled: a tenth of a second against the pipeline alone.
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": ""}

# Run in a fresh interpreter per measurement, so RUSAGE_CHILDREN covers that one command only.
# ru_maxrss of the children is the largest resident set of any one process in the tree (KiB on
# Linux); an MkDocs build is a single process, so it is the build's peak memory.
_MEASURE = r"""
import json, resource, subprocess, sys, time
command, cwd = json.loads(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_kib": usage.ru_maxrss, "rc": done.returncode, "out": (done.stdout + done.stderr)[-4000:]}))
"""


@dataclass
class Measured:
    wall: float  # seconds
    cpu: float  # user + system seconds of the command's processes
    peak_mib: float

    def __str__(self) -> str:
        return f"{self.wall:6.2f} s wall {self.cpu:6.2f} s CPU {self.peak_mib:5.0f} MiB peak"


class BuildFailed(RuntimeError):
    pass


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Measured:
    """Wall time, CPU time and peak memory of ``command`` run in ``cwd``; BuildFailed on a non-zero exit."""
    result = subprocess.run(
        [PYTHON, "-c", _MEASURE, json.dumps(command), str(cwd)], capture_output=True, text=True,
        env={**BUILD_ENV, **(env or {})},
    )
    if result.returncode != 0:
        raise BuildFailed(result.stderr)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    if data["rc"] != 0:
        raise BuildFailed(f"{' '.join(command)} exited with {data['rc']}:\n{data['out']}")
    return Measured(data["wall"], data["cpu"], data["peak_kib"] / 1024)


def count_instructions(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> int:
    """Machine instructions that ``command`` and every process it starts execute, as valgrind
    counts them (cachegrind without its cache simulation; about 25 times slower than the command).
    The same build gives the same count to within about 0.1 %, where its CPU time varies by ±20 %
    on this shared machine; an instruction is not a fixed time (imports miss the caches more
    than rendering does), so the figure stands beside the CPU times, not in their place."""
    if shutil.which("valgrind") is None:
        raise BuildFailed("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
             f"--cachegrind-out-file={folder}/out.%p", *command],
            cwd=cwd, capture_output=True, text=True, env={**BUILD_ENV, **(env or {})},
        )
    if done.returncode != 0:
        raise BuildFailed(f"{' '.join(command)} under valgrind exited with {done.returncode}:\n{done.stderr[-4000:]}")
    counts = re.findall(r"^==\d+== I\s+refs:\s+([\d,]+)$", done.stderr, re.M)  # one line per process
    if not counts:
        raise BuildFailed(f"valgrind printed no instruction count:\n{done.stderr[-4000:]}")
    return sum(int(count.replace(",", "")) for count in counts)


def mkdocs_build(site_dir: Path, config: str = "mkdocs.yml") -> list[str]:
    """The command of a strict, quiet build of the project in the working folder."""
    return [PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", config, "--site-dir", str(site_dir)]


def median(values: list[float]) -> float:
    return statistics.median(values)


def copy_project(destination: Path, source: Path = ROOT) -> Path:
    """A copy of the project for builds from altered data, as tests/conftest.py makes it: no build
    output, no installs; node_modules is linked (the build runs ELK, from elkjs, to lay out the flowchart)."""
    ignore = shutil.ignore_patterns(
        ".venv", "node_modules", "site", "site.partial", ".git", "__pycache__", ".pytest_cache", ".tools", "results",
        "*.egg-info",
    )
    shutil.copytree(source, destination, ignore=ignore)
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


def scratch(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"guide-bench-{prefix}-"))


def build_real_site(site_dir: Path, site_url: str | None = None) -> Path:
    """A strict build of the real project into ``site_dir`` (SITE_URL set when given)."""
    env = {**BUILD_ENV, **({"SITE_URL": site_url} if site_url else {})}
    done = subprocess.run(mkdocs_build(site_dir), cwd=ROOT, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise BuildFailed(done.stdout + done.stderr)
    return site_dir


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _version(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "not found"


def machine() -> dict[str, str]:
    """What the figures depend on: CPU, memory, and the versions of the tools."""
    cpu = "unknown"
    try:
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        cpu = found.group(1).strip() if found else platform.processor() or "unknown"
    except OSError:
        pass
    memory = "unknown"
    try:
        found = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        memory = f"{int(found.group(1)) / 1024 / 1024:.1f} GiB" if found else memory
    except OSError:
        pass
    from importlib.metadata import version

    packages = ", ".join(
        f"{name} {version(name)}" for name in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pymdown-extensions")
    )
    return {
        "cpus (nproc)": str(len(os.sched_getaffinity(0))),
        "cpu": cpu,
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "node": _version(["node", "--version"]),
        "chromium": _version([CHROMIUM, "--version"]),
        "packages": packages,
    }


def print_machine() -> None:
    for key, value in machine().items():
        print(f"  {key:13} {value}")
