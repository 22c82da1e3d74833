"""An MkDocs hook used only by benchmarks/scaling.py: after the macros have rendered a page,
write its Markdown (with its front matter) under $GUIDE_CAPTURE_DIR, so that the same pages can
be built again as plain Markdown, without the macros plugin or the guide's hook."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-100)  # after every plugin, the macros included
def on_page_markdown(markdown, page, config, files):
    target = Path(os.environ["GUIDE_CAPTURE_DIR"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    front = ""
    if page.meta:
        # JSON is YAML: one key per line, every value quoted.
        front = "---\n" + "".join(f"{k}: {json.dumps(v, default=str, ensure_ascii=False)}\n" for k, v in page.meta.items()) + "---\n\n"
    target.write_text(front + markdown, encoding="utf-8")
    return markdown
