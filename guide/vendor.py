"""Serve Mermaid from the site itself: copy the pinned npm package's browser files into the build.

Only the ES-module entry (about 30 KB) and its chunks are copied; a page that draws a diagram
imports the entry, and the browser then fetches just the chunks that diagram needs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

MERMAID_TARGET = Path("assets/vendor/mermaid")


class MissingAssets(RuntimeError):
    pass


def copy_mermaid(project_root: Path, site_dir: Path) -> Path:
    dist = project_root / "node_modules" / "mermaid" / "dist"
    entry = dist / "mermaid.esm.min.mjs"
    if not entry.is_file():
        raise MissingAssets(
            f"{entry} is missing: the site serves Mermaid itself. Run `npm ci` (or `make build`, which does it)."
        )
    target = site_dir / MERMAID_TARGET
    if target.exists():
        shutil.rmtree(target)
    (target / "chunks" / "mermaid.esm.min").mkdir(parents=True)
    shutil.copy2(entry, target / entry.name)
    for chunk in sorted((dist / "chunks" / "mermaid.esm.min").glob("*.mjs")):
        shutil.copy2(chunk, target / "chunks" / "mermaid.esm.min" / chunk.name)
    shutil.copy2(dist.parent / "LICENSE", target / "LICENSE")
    return target
