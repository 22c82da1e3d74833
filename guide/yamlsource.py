"""Read YAML while remembering where every key and value stands.

PyYAML keeps the last of two duplicate keys without a word, which silently loses a
contributor's data; this reader refuses them. It also records the line and column of each
value and key so that every later error can point at the exact spot in the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PathKey = tuple  # ("groups", 2, "criteria", 4, "assessments", "fastapi", "rating")


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Located:
    """A parsed document with the position of every value (``values``) and key (``keys``)."""

    data: Any
    values: dict[PathKey, Mark] = field(default_factory=dict)
    keys: dict[PathKey, Mark] = field(default_factory=dict)

    def mark(self, path: PathKey, *, key: bool = False) -> Mark:
        """The closest known position for ``path``, walking up to a parent when needed."""
        path = tuple(path)
        while path:
            found = (self.keys if key else self.values).get(path) or self.values.get(path)
            if found:
                return found
            path = path[:-1]
        return self.values.get((), Mark(1, 1))


class YamlProblem(Exception):
    """A syntax error or a duplicate key, with its position."""

    def __init__(self, message: str, mark: Mark, hint: str, path: PathKey = ()):
        super().__init__(message)
        self.message, self.mark, self.hint, self.path = message, mark, hint, path


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def read_yaml(path: Path) -> Located:
    """Parse one YAML file into plain Python data plus positions; raise YamlProblem on error."""
    text = path.read_text(encoding="utf-8")
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        problem = (error.problem or "invalid YAML").strip()
        raise YamlProblem(
            f"YAML syntax error: {problem}",
            where,
            "check indentation and quoting on this line or the one before; "
            "text containing ': ' or starting with a special character needs quotes",
        ) from None
    finally:
        loader.dispose()
    located = Located(data=None)
    if root is None:
        located.data = {}
        return located
    located.data = _convert(root, (), located, loader)
    return located


def _convert(node: yaml.Node, path: PathKey, located: Located, loader: yaml.SafeLoader) -> Any:
    located.values[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves `<<` merge keys the way PyYAML does
        result: dict[Any, Any] = {}
        first_seen: dict[Any, Mark] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, loader)
            if isinstance(key, (list, dict)) or not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem("a key must be plain text", _mark(key_node), "write `name: value`", path)
            if key in first_seen:
                raise YamlProblem(
                    f"duplicate key '{key}' (first at line {first_seen[key].line})",
                    _mark(key_node),
                    "YAML keeps only the last of two equal keys, so one would be lost: merge them or rename one",
                    path + (key,),
                )
            first_seen[key] = _mark(key_node)
            located.keys[path + (key,)] = _mark(key_node)
            result[key] = _convert(value_node, path + (key,), located, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (index,), located, loader) for index, item in enumerate(node.value)]
    return _scalar(node, loader)


def _scalar(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError):
        # e.g. a timestamp-looking value that is not a real date (2026-02-30): keep the text
        # and let the model report it with its position.
        return node.value
