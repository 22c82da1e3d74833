"""Wall time and CPU of a command and of every process it starts, browsers included.

    .venv/bin/python benchmarks/tree_cpu.py make test

``/usr/bin/time`` counts only the children its command waits for; Chromium's processes are not
reaped by the processes that start them, so most of a browser test's CPU goes missing (axe's
tests: 28 s counted, 141 s in all). Run as a child subreaper, this script becomes the parent of
every orphaned descendant, reaps them all, then reads RUSAGE_CHILDREN. Exits with the command's code.
"""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36  # linux/prctl.h


def main() -> int:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    ctypes.CDLL(None).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    start = time.monotonic()
    code = subprocess.call(sys.argv[1:])
    while True:  # orphans of the command are ours now
        try:
            os.wait()
        except ChildProcessError:
            break
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"whole tree: {time.monotonic() - start:.1f} s wall, {usage.ru_utime:.1f} s user, {usage.ru_stime:.1f} s system, "
          f"{usage.ru_utime + usage.ru_stime:.1f} s CPU; load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
