"""The site publishes /favicon.ico, the address a browser asks for when a document names no icon
(the HTML export, the flowchart's SVG, a CSV opened in a tab): the theme's PNG favicon in an ICO
file, so those visits log no 404 (test_accessibility.py and test_served.py watch their consoles)."""

from __future__ import annotations

import struct
import zlib

import pytest
from mkdocs.config import load_config

from guide.publish.favicon import ico_from_png, write_favicon_ico
from helpers import ROOT


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x00\x00\x00\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def images_in(ico: bytes) -> list[tuple[int, int, bytes]]:
    """(width, height, image bytes) of each entry, read as a browser reads the directory."""
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    found = []
    for index in range(count):
        width, height, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * index:22 + 16 * index])
        found.append((width or 256, height or 256, ico[offset:offset + size]))
    return found


@pytest.mark.parametrize(("width", "height"), [(48, 48), (16, 32), (256, 256)])
def test_the_icon_holds_the_png_unchanged_with_its_size(width, height):
    image = png(width, height)
    assert images_in(ico_from_png(image)) == [(width, height, image)]


def test_anything_but_a_png_is_refused():
    with pytest.raises(ValueError, match="not a PNG"):
        ico_from_png(b"<svg xmlns='http://www.w3.org/2000/svg'/>")


def test_a_projects_own_favicon_ico_and_other_formats_are_left_alone(tmp_path):
    (tmp_path / "icon.png").write_bytes(png(16, 16))
    (tmp_path / "icon.svg").write_text("<svg/>", encoding="utf-8")
    assert write_favicon_ico(tmp_path, "icon.svg") is None and not (tmp_path / "favicon.ico").exists()
    (tmp_path / "favicon.ico").write_bytes(b"the project's own")
    assert write_favicon_ico(tmp_path, "icon.png") is None
    assert (tmp_path / "favicon.ico").read_bytes() == b"the project's own"


def test_the_built_site_serves_the_pages_icon_at_favicon_ico(built_site):
    theme_favicon = load_config(str(ROOT / "mkdocs.yml"))["theme"]["favicon"]
    [(width, height, image)] = images_in((built_site / "favicon.ico").read_bytes())
    assert image == (built_site / theme_favicon).read_bytes()
    assert (width, height) == struct.unpack(">II", image[16:24])
