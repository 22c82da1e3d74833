"""``favicon.ico`` at the site's root, made from the theme's favicon.

A browser asks for ``/favicon.ico`` whenever a document names no icon of its own: the standalone
HTML export, the flowchart's SVG, a CSV or JSON export opened in a tab. Without the file each of
those visits logs a 404 in the reader's console and in the server's log. An ICO file may hold a
PNG unchanged (every current browser reads it), so the tab shows the icon the pages link.
"""

from __future__ import annotations

import struct
from pathlib import Path

ICO_NAME = "favicon.ico"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def ico_from_png(png: bytes) -> bytes:
    """One-image ICO file holding ``png`` as it is (a width or height of 256 or more is written as 0)."""
    if not png.startswith(_PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    header = struct.pack("<HHH", 0, 1, 1)  # reserved, type 1 (icon), one image
    entry = struct.pack("<BBBBHHII", width if width < 256 else 0, height if height < 256 else 0, 0, 0, 1, 32, len(png), 6 + 16)
    return header + entry + png


def write_favicon_ico(site_dir: Path, theme_favicon: str) -> Path | None:
    """``site_dir/favicon.ico`` from the built theme favicon, when that is a PNG and the project
    publishes no favicon.ico of its own; None when nothing was written."""
    source, target = site_dir / theme_favicon, site_dir / ICO_NAME
    if target.exists() or not source.is_file() or source.suffix.lower() != ".png":
        return None
    target.write_bytes(ico_from_png(source.read_bytes()))
    return target
