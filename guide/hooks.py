"""The MkDocs hook: build-time files only, each written by a plain function.

Kept apart from the macros so the macros module stays within ``define_env``, which every
generator that reads mkdocs.yml honours.
"""

from __future__ import annotations

from pathlib import Path

from guide.site import guide_for, project_root
from guide.vendor import copy_mermaid


def on_config(config):
    guide_for(config)  # validate the data before any page renders; errors stop the build
    return config


def on_post_build(config):
    copy_mermaid(project_root(config), Path(config["site_dir"]))
