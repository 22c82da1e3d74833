"""Where the build keeps work it can reuse next time: the flowchart's layouts, the scorecard's and
the walk's figures from the site scripts, each page's macro output, the embed pages and the review
date, the exports, the flowchart's SVG and the published schemas, the pages the page HTML rule
found clean and whether the data and the pages were all found clean, each built page's inline
code (for the Content-Security-Policy's hashes), the compiled templates and the precompressed
copies of unchanged files.

``$GUIDE_BUILD_CACHE`` names the folder (``off``: keep nothing); by default it is the user's
cache folder. Never the project: files there come from pull requests, and a build must not
trust them. Every entry is keyed by a hash of all its inputs, and its reader checks what it
reads, so a stale or damaged entry costs time, never correctness.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

CACHE_VARIABLE = "GUIDE_BUILD_CACHE"
KEEP_DAYS = 30  # entries unused for longer are removed
T = TypeVar("T")


def cache_dir(kind: str) -> Path | None:
    """The folder for one kind of entry, or None when caching is off."""
    setting = os.environ.get(CACHE_VARIABLE, "")
    if setting == "off":
        return None
    root = Path(setting) if setting else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "fastapi-django-guide"
    return root / kind


def read_entry(folder: Path, name: str) -> bytes | None:
    """An entry's bytes (and marks it used), or None."""
    path = folder / name
    try:
        data = path.read_bytes()
        os.utime(path)
    except OSError:
        return None
    return data


def write_entry(folder: Path, name: str, data: bytes) -> None:
    """Store an entry; a cache that cannot be written only costs time."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{name}.{os.getpid()}.tmp"
        partial.write_bytes(data)
        os.replace(partial, folder / name)
    except OSError:
        pass


def prune(folder: Path, keep_days: float = KEEP_DAYS, keep_at_most: int | None = None) -> None:
    """Remove entries not used for ``keep_days`` and, past ``keep_at_most`` entries, the least
    recently used, so the cache does not grow without end."""
    cutoff = time.time() - keep_days * 86400
    try:
        entries = [(entry.stat().st_mtime, entry) for entry in folder.iterdir()]
    except OSError:
        return
    entries.sort(reverse=True)
    for position, (used, entry) in enumerate(entries):
        if used < cutoff or (keep_at_most is not None and position >= keep_at_most):
            with contextlib.suppress(OSError):
                entry.unlink()


def files_of(*folders: Path) -> dict[str, Path]:
    """Every regular file under ``folders``, by a name relative to its folder's parent (so that a
    copy of the project finds the same entries), in order. Links are left out: one in a pull
    request must not make the build read elsewhere. Folders named ``__pycache__`` are not: MkDocs
    and the page lint read a page even in ``docs/__pycache__/``."""
    return {f"{folder.name}/{path.relative_to(folder).as_posix()}": path for folder in folders if folder.is_dir()
            for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())}


def hash_files(digest: Any, named: dict[str, Path]) -> None:
    """Add each file's name, length and bytes to ``digest`` (a missing file counts as empty)."""
    for name, path in named.items():
        content = path.read_bytes() if path.is_file() else b""
        digest.update(f"{name}\0{len(content)}\0".encode() + content)


def cached_json(kind: str, inputs: Callable[[], Sequence[str]], fits: Callable[[Any], bool], make: Callable[[], T]) -> T:
    """``make()``'s value, kept as JSON under a hash of ``inputs()`` (asked only when caching is
    on); an entry is used only when its checksum matches and ``fits`` accepts it, else made and
    stored again."""
    folder = cache_dir(kind)
    if folder is None:
        return make()
    key = hashlib.sha256("\0".join(inputs()).encode()).hexdigest()
    found = _json_value(read_entry(folder, f"{key}.json"))
    if fits(found):
        return found  # type: ignore[no-any-return]
    made = make()
    write_entry(folder, f"{key}.json", json_entry(made))
    prune(folder)
    return made


def json_entry(value: object) -> bytes:
    """How :func:`cached_json` stores a value: the SHA-256 of its JSON, a newline, the JSON."""
    text = json.dumps(value).encode("utf-8")
    return hashlib.sha256(text).hexdigest().encode() + b"\n" + text


def _json_value(entry: bytes | None) -> Any:
    """The value a :func:`json_entry` holds, or None when there is none or it is damaged."""
    checksum, _, text = (entry or b"").partition(b"\n")
    if hashlib.sha256(text).hexdigest().encode() != checksum:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None
