"""JSON Schema of each data file, generated from the models.

Committed under ``data/schema/`` so editors can offer completion through the
``# yaml-language-server: $schema=...`` line at the top of each data file; a test fails when the
committed files no longer match the models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from guide.data.validate import DATA_FILES

SCHEMA_DIR = Path("data/schema")


def schema_name(data_file: str) -> str:
    return data_file.removesuffix(".yml") + ".schema.json"


def schema_for(data_file: str) -> dict[str, Any]:
    model = DATA_FILES[data_file]
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"data/{data_file}",
        **schema,
    }


def schema_text(data_file: str) -> str:
    return json.dumps(schema_for(data_file), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(root: Path) -> list[Path]:
    written = []
    for data_file in DATA_FILES:
        path = root / SCHEMA_DIR / schema_name(data_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_text(data_file), encoding="utf-8")
        written.append(path)
    return written


def published_schemas(root: Path) -> dict[str, str]:
    """The committed schemas as the built site serves them, at /schema/, for editors and exports:
    their text by site-relative path."""
    return {f"schema/{schema_name(data_file)}": (root / SCHEMA_DIR / schema_name(data_file)).read_text(encoding="utf-8")
            for data_file in DATA_FILES}
