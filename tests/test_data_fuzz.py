"""Property-based test: whatever a pull request does to a data file (its bytes, indentation,
keys, values or structure), ``make check``'s code path (``guide.data.validate.check_data``, as
``python -m guide check`` calls it) either accepts the data or reports every problem as
``data/FILE.yml:LINE:COLUMN: ...`` at a real position in that file, never raises, and answers
within a bound of CPU time and of memory.

Deterministic in CI: Hypothesis runs from a fixed seed (``derandomize``) and keeps no database,
so one commit always tries the same fixed number of mutated files (seconds in all).
"""

from __future__ import annotations

import atexit
import re
import shutil
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.data.validate import DATA_FILES, check_data
from helpers import ROOT, TODAY

ORIGINALS = {name: (ROOT / "data" / name).read_bytes() for name in DATA_FILES}
# A normal check takes a few hundredths of a second of CPU; this only catches a hang. CPU time,
# not wall time, so a machine busy with other work cannot fail the test.
CPU_SECONDS = 10.0
PEAK_BYTES = 64 * 1024 * 1024  # the real data peaks at a few megabytes
PROBLEM = re.compile(r"(data/[a-z]+\.yml):(\d+):(\d+): \S")

# Values a careless or hostile contributor might type in place of a scalar.
TRICKY_SCALARS = [
    "", "~", "null", "yes", "no", "on", "0", "-1", "1e309", ".nan", "0x1F", "0o17", "1:2:3", "2026-02-30",
    "2026-11-25 10:00:00", "9999-12-31", '""', "''", "'", '"', "[", "]", "{", "}", "[]", "{}", "- x", "? x",
    ": x", "a: b", "|", ">", "|-\n  block", "&anchor x", "*alias", "<<: *alias", "!!str x",
    '!!python/object/apply:os.system ["echo owned"]', "!local x", "!!binary TUlU", "%TAG ! tag:x,2000:",
    "--- x", "...", "# comment", "=HYPERLINK(\"https://example.invalid\")", "+1", "@SUM(A1)", "{{ x }}",
    "{% set x = 1 %}", "<script>alert(1)</script>", "[link](https://example.invalid)", "javascript:alert(1)",
    '"\\u202e"', '"\\x07"', '"\\ud800"', '"\\U0010ffff"', "\u202e", "\u200b", "\x85", "\u2028", "\ufeff",
    "x" * 5000, "[" * 200, "{a: " * 50, "1:" * 3000 + "1", "é", "日本", "🚀",
]
ANCHORED = ["&a [x, x, x, x, x, x, x, x, x]", "[*a, *a, *a, *a, *a, *a, *a, *a, *a]"]


def lines_of(data: bytes) -> list[bytes]:
    return data.split(b"\n")


@st.composite
def change_bytes(draw, data: bytes) -> bytes:
    at = draw(st.integers(0, len(data)))
    kind = draw(st.sampled_from(["insert", "delete", "replace"]))
    chunk = draw(st.binary(min_size=1, max_size=6))
    if kind == "insert":
        return data[:at] + chunk + data[at:]
    end = min(len(data), at + len(chunk))
    return data[:at] + (b"" if kind == "delete" else chunk) + data[end:]


@st.composite
def change_indentation(draw, data: bytes) -> bytes:
    lines = lines_of(data)
    index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    body = line.lstrip(b" ")
    indent = len(line) - len(body)
    new_indent = draw(st.sampled_from([b" " * max(0, indent + step) for step in (-4, -2, -1, 1, 2, 4)] + [b"\t"]))
    lines[index] = new_indent + body
    return b"\n".join(lines)


KEY_LINE = re.compile(rb"^(\s*(?:- )?)([A-Za-z_][\w-]*):")


@st.composite
def change_key(draw, data: bytes) -> bytes:
    lines = lines_of(data)
    keyed = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
    if not keyed:  # an earlier mutation left no key
        return data
    index = draw(st.sampled_from(keyed))
    kind = draw(st.sampled_from(["rename", "duplicate", "drop"]))
    if kind == "duplicate":
        lines.insert(index, lines[index])
    elif kind == "drop":
        del lines[index]
    else:
        known = sorted({KEY_LINE.match(lines[i]).group(2) for i in keyed})
        new_key = draw(st.sampled_from(known) | st.text(min_size=1, max_size=12).map(lambda s: s.encode("utf-8", "surrogatepass")))
        lines[index] = KEY_LINE.sub(lambda m: m.group(1) + new_key.replace(b"\\", b"\\\\") + b":", lines[index], count=1)
    return b"\n".join(lines)


VALUE_LINE = re.compile(rb"^(\s*(?:- )?(?:[A-Za-z_][\w-]*:)?\s+)(\S.*)$")


@st.composite
def change_scalar(draw, data: bytes) -> bytes:
    lines = lines_of(data)
    valued = [i for i, line in enumerate(lines) if VALUE_LINE.match(line) and not line.lstrip().startswith(b"#")]
    if not valued:
        return data
    index = draw(st.sampled_from(valued))
    value = draw(st.sampled_from(TRICKY_SCALARS) | st.text(max_size=40))
    prefix = VALUE_LINE.match(lines[index]).group(1)
    lines[index] = prefix + value.encode("utf-8", "surrogatepass")
    return b"\n".join(lines)


@st.composite
def change_structure(draw, data: bytes) -> bytes:
    lines = lines_of(data)
    count = len(lines)
    first = draw(st.integers(0, count - 1))
    last = draw(st.integers(first, min(count, first + 30)))
    kind = draw(st.sampled_from(["delete", "duplicate", "move", "truncate", "nest", "anchors"]))
    block = lines[first:last]
    if kind == "delete":
        del lines[first:last]
    elif kind == "duplicate":
        lines[last:last] = block
    elif kind == "move":
        del lines[first:last]
        target = draw(st.integers(0, len(lines)))
        lines[target:target] = block
    elif kind == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    elif kind == "nest":
        depth = draw(st.sampled_from([5, 30, 3000]))
        lines.insert(first, b"deep: " + b"[" * depth + b"]" * depth)
    else:
        lines[first:first] = [f"x{level}: {ANCHORED[min(level, 1)]}".encode() for level in range(3)]
    return b"\n".join(lines)


MUTATIONS = [change_bytes, change_indentation, change_key, change_scalar, change_structure]


@st.composite
def mutated_data(draw) -> tuple[str, bytes]:
    """One data file with one to three mutations applied in turn."""
    name = draw(st.sampled_from(sorted(ORIGINALS)))
    data = ORIGINALS[name]
    for mutate in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        data = draw(mutate(data))
    return name, data


class TookTooLong(Exception):
    pass


@contextmanager
def cpu_limit(seconds: float):
    def stop(signum, frame):
        raise TookTooLong(f"the check used more than {seconds} s of CPU time")

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


WORK = Path(tempfile.mkdtemp(prefix="guide-fuzz-"))  # one folder for every example, removed at exit
(WORK / "data").mkdir()
atexit.register(shutil.rmtree, WORK, ignore_errors=True)


def resident_bytes(field: str) -> int:
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.M).group(1)) * 1024


@contextmanager
def resident_peak():
    """The most this process's resident memory rose above its level at the start, while the block
    ran (Linux: writing 5 to /proc/self/clear_refs resets the peak, VmHWM). Unlike tracemalloc,
    it also counts memory that C code allocates (libyaml's), and it costs nothing per allocation:
    tracemalloc made each check four times slower."""
    Path("/proc/self/clear_refs").write_text("5")
    before = resident_bytes("VmRSS")
    rose = [0]
    try:
        yield rose
    finally:
        rose[0] = resident_bytes("VmHWM") - before


def check(name: str, content: bytes):
    """``check_data`` on the real data with ``name`` replaced by ``content``; problems and peak memory."""
    for file, original in ORIGINALS.items():
        (WORK / "data" / file).write_bytes(content if file == name else original)
    with resident_peak() as peak, cpu_limit(CPU_SECONDS):
        guide, problems = check_data(WORK / "data", ROOT / "docs", today=TODAY, display_root=WORK)
    return guide, problems, peak[0]


@settings(
    derandomize=True, database=None, max_examples=100, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(mutated_data())
def test_any_change_to_a_data_file_is_accepted_or_reported_with_its_position(change):
    name, content = change
    guide, problems, peak = check(name, content)
    assert peak < PEAK_BYTES, f"the check used {peak / 1e6:.0f} MB"
    errors = [p for p in problems if p.severity == "error"]
    assert (guide is None) == bool(errors)
    file_lines = content.decode("utf-8", errors="replace").removeprefix("\ufeff").split("\n")
    for problem in problems:
        shown = str(problem)
        match = PROBLEM.match(shown)
        assert match, f"not file:line:column: {shown!r}"
        file, line, column = match.group(1), int(match.group(2)), int(match.group(3))
        assert problem.message and "\n" not in problem.message, shown
        if file == f"data/{name}":
            assert 1 <= line <= len(file_lines), shown
            assert 1 <= column <= len(file_lines[line - 1]) + 1, shown
        else:  # an unchanged file is only named by a check across files
            assert 1 <= line <= ORIGINALS[file.removeprefix("data/")].count(b"\n") + 1, shown


def test_the_unchanged_data_passes_within_the_bounds():
    """The same harness on the real data: the property above is not vacuous."""
    name = sorted(ORIGINALS)[0]
    guide, problems, peak = check(name, ORIGINALS[name])
    assert guide is not None and not [p for p in problems if p.severity == "error"]
    assert peak < PEAK_BYTES
