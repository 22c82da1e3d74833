"""Running one of the build's scripts under Node.js: a JSON request on standard input, a JSON
answer on standard output.

The flowchart's layout (ELK, :mod:`guide.views.flowlayout`) and the site scripts' figures
(:mod:`guide.views.sitescripts`) run this way. Node gets ``PATH`` and nothing else from the
environment: the site scripts live under ``docs/assets/``, where pull requests change files.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def require_node(missing: Exception) -> str:
    """Node's path; ``missing`` is raised when it is not installed."""
    node = shutil.which("node")
    if node is None:
        raise missing
    return node


def run_json(script: Path, args: Sequence[str], request_json: str, *, timeout: int, missing: Exception,
             timed_out: Exception, failed: Callable[[str], Exception]) -> Any:
    """``script``'s answer to ``request_json``, run from its own folder (where Node finds its
    modules). Raises ``missing`` without Node, ``timed_out`` after ``timeout`` seconds, and
    ``failed(the end of its standard error)`` when it exits with an error."""
    try:
        done = subprocess.run(
            [require_node(missing), str(script), *args], input=request_json, capture_output=True, text=True, encoding="utf-8",
            timeout=timeout, cwd=script.parent, env={"PATH": os.environ.get("PATH", "")},
        )
    except subprocess.TimeoutExpired:
        raise timed_out from None
    if done.returncode != 0:
        raise failed(done.stderr.strip()[-2000:])
    return json.loads(done.stdout)
