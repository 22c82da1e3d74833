"""The layers of ``guide/`` hold: only the MkDocs glue imports MkDocs, and each layer imports
only the layers below it (data <- views <- publish <- mkdocs_glue).

Modules are found by walking the package, so a new module is covered without editing this file.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import guide

GLUE = "guide.mkdocs_glue"
# What each layer may import from the guide package (besides itself and the package root).
ALLOWED = {
    "guide.data": {"guide.data"},
    "guide.views": {"guide.data", "guide.views"},
    "guide.publish": {"guide.data", "guide.views", "guide.publish"},
}


def guide_modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(guide.__path__, "guide."))


def layer_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_the_walk_finds_every_layer():
    """Guards the two tests below against a walk that finds nothing."""
    assert {layer_of(m) for m in guide_modules()} >= set(ALLOWED) | {GLUE}


def test_every_module_outside_the_glue_imports_without_mkdocs():
    """Each module in a fresh interpreter where ``import mkdocs`` (or Material, or the macros
    plugin) fails, as in an environment with only the package's declared dependencies."""
    modules = [m for m in guide_modules() if not m.startswith(GLUE)]
    program = (
        "import importlib, json, sys, traceback\n"
        "for blocked in ('mkdocs', 'material', 'mkdocs_macros'):\n"
        "    sys.modules[blocked] = None\n"
        "failed = {}\n"
        f"for name in {modules!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception:\n"
        "        failed[name] = traceback.format_exc(limit=-3)\n"
        "print(json.dumps(failed))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == {}


def test_the_glue_loads_without_the_models():
    """The hook and the macros import in a fresh interpreter where pydantic cannot be imported:
    a later build with unchanged inputs takes its pages, exports and embed pages from the build
    cache and loads neither the models nor the check (tests/test_page_cache.py builds one)."""
    program = f"import sys; sys.modules['pydantic'] = None; import {GLUE}.hooks, {GLUE}.macros, guide.data.models"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode != 0 and "import of pydantic halted" in result.stderr, "the blocking works"
    glue_only = subprocess.run([sys.executable, "-c", program.removesuffix(", guide.data.models")], capture_output=True, text=True)
    assert glue_only.returncode == 0, glue_only.stderr


def test_the_glue_needs_mkdocs():
    """The blocking above works: the glue itself fails to import without MkDocs."""
    program = f"import sys; sys.modules['mkdocs'] = None; import {GLUE}.hooks"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode != 0 and "mkdocs" in result.stderr


def test_each_layer_imports_only_the_layers_below_it():
    wrong = []
    for name in guide_modules():
        layer = layer_of(name)
        if layer not in ALLOWED:
            continue
        path = Path(guide.__file__).parent.joinpath(*name.split(".")[1:])
        source = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            imported = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
            for target in imported:
                if target.startswith("guide.") and layer_of(target) not in ALLOWED[layer]:
                    wrong.append(f"{name} imports {target}")
    assert wrong == []
