"""Read a data file into plain Python data while remembering where every key and value stands.

Data files arrive in pull requests, so the reader accepts only what the data needs and refuses
the rest with the exact position, never with a traceback or a hang:

- UTF-8 text of at most :data:`MAX_BYTES`, without control, invisible or bidirectional
  characters (see :mod:`guide.data.characters`);
- one document of mappings, lists and plain scalars, nested at most :data:`MAX_DEPTH` deep;
- no anchors, aliases or merge keys: nine anchors of nine aliases each expand to billions of
  values (an "alias bomb"), and the data never needs to repeat itself by reference;
- no explicit tags (``!!python/object/apply:...``, ``!!str``, ``!local``): the safe loader would
  refuse some and silently drop others, publishing their argument as text;
- no duplicate keys, which PyYAML would resolve by keeping the last one without a word.

The document is built from the parser's events with an explicit stack, so nesting cannot
exhaust Python's recursion limit, and each value is recorded with the line and column where it
starts, so every later error can point at it. libyaml's parser is used when PyYAML has it (it
reports the same positions); a syntax error is explained by PyYAML's own parser, whose messages
the hints are written for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guide.data.characters import refused_characters

PathKey = tuple[str | int, ...]  # ("groups", 2, "criteria", 4, "assessments", "fastapi", "rating")

MAX_BYTES = 16 * 1024 * 1024  # 200 times the real criteria.yml, and above the scaling benchmark's largest file
MAX_DEPTH = 20  # the deepest real value (a field of a source of an assessment) sits 9 levels down
# A plain scalar longer than this is text: no number, date or boolean is that long, and typing a
# 100,000-digit "1:2:3:..." as a base-60 integer would take minutes.
MAX_TYPED_SCALAR = 64

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE_TAG = "tag:yaml.org,2002:"
_MERGE_TAG = _CORE_TAG + "merge"
_STRING_TAG = _CORE_TAG + "str"


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based, counted in characters


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


@dataclass(frozen=True)
class FileProblem:
    """One reason a data file cannot be read, with its position."""

    message: str
    mark: Mark
    hint: str
    path: PathKey = ()


class YamlProblem(Exception):
    """The file cannot be read; ``problems`` says where and why (at least one)."""

    def __init__(self, problems: list[FileProblem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


def _refuse(message: str, mark: Mark, hint: str, path: PathKey = ()) -> YamlProblem:
    return YamlProblem([FileProblem(message, mark, hint, path)])


def read_yaml(path: Path) -> Located:
    """Parse one data file into plain Python data plus positions; raise YamlProblem if it can't be."""
    return parse_yaml(decode(path.read_bytes()))


def decode(raw: bytes) -> str:
    """The file's text: UTF-8 of a reasonable size, with no refused character (checked here, on
    the raw text, so the position is exact and comments are covered too)."""
    if len(raw) > MAX_BYTES:
        raise _refuse(
            f"the file is {len(raw):,} bytes long; a data file may be at most {MAX_BYTES:,}",
            Mark(1, 1),
            "check that nothing was pasted in by mistake; a longer list belongs in a new file",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start:error.start].decode("utf-8", errors="replace")) + 1
        raise _refuse(
            f"byte 0x{raw[error.start]:02x} is not UTF-8 text",
            Mark(raw.count(b"\n", 0, error.start) + 1, column),
            "save the file as UTF-8; this byte may come from text pasted from another program",
        ) from None
    text = text.removeprefix("\ufeff")  # a byte-order mark some editors write; invisible to everyone
    found = [c for c in refused_characters(text) if not (c.character == "\r" and text[c.index + 1:c.index + 2] == "\n")]
    if found:
        raise YamlProblem([
            FileProblem(f"contains {c.describe()}", position(text, c.index),
                        "delete it; if it came with pasted text, retype that text")
            for c in found
        ])
    return text


def position(text: str, index: int) -> Mark:
    """The line and column of character ``index`` of ``text``, as every problem reports them."""
    line_start = text.rfind("\n", 0, index) + 1
    return Mark(text.count("\n", 0, index) + 1, index - line_start + 1)


def _mark(yaml_mark: Any) -> Mark:
    return Mark(yaml_mark.line + 1, yaml_mark.column + 1)


def parse_yaml(text: str, loader_class: type[Any] = FAST_LOADER) -> Located:
    """Parse decoded text (see :func:`decode`) into data plus positions."""
    try:
        return _compose(text, loader_class)
    except yaml.MarkedYAMLError as error:
        if loader_class is yaml.SafeLoader:
            raise _syntax_problem(error) from None
    try:  # PyYAML's parser words syntax errors the way the hint expects
        return _compose(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as python_error:
        raise _syntax_problem(python_error) from None


def _syntax_problem(error: yaml.MarkedYAMLError) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    return _refuse(
        f"YAML syntax error: {(error.problem or 'invalid YAML').strip()}",
        _mark(mark) if mark else Mark(1, 1),
        "check indentation and quoting on this line or the one before; "
        "text containing ': ' or starting with a special character needs quotes",
    )


class _Collection:
    """A mapping or list being filled, with the path to it."""

    def __init__(self, value: dict[Any, Any] | list[Any], path: PathKey):
        self.value, self.path = value, path
        self.key: Any = None  # a mapping's key waiting for its value
        self.has_key = False
        self.first_seen: dict[Any, Mark] = {}

    def next_path(self) -> PathKey:
        return self.path + ((self.key,) if isinstance(self.value, dict) else (len(self.value),))

    def add(self, value: Any) -> None:
        if isinstance(self.value, dict):
            self.value[self.key] = value
            self.has_key = False
        else:
            self.value.append(value)


def _compose(text: str, loader_class: type[Any]) -> Located:
    loader = loader_class(text)
    try:
        return _build(loader)
    finally:
        loader.dispose()


def _build(loader: Any) -> Located:
    located = Located(data={})
    loader.get_event()  # StreamStartEvent
    if loader.check_event(yaml.StreamEndEvent):
        return located  # an empty file
    loader.get_event()  # DocumentStartEvent
    stack: list[_Collection] = []
    while True:
        event = loader.get_event()
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            if not stack:
                break
            continue
        parent = stack[-1] if stack else None
        is_key = parent is not None and isinstance(parent.value, dict) and not parent.has_key
        path = () if parent is None else parent.path if is_key else parent.next_path()
        _refuse_references_and_tags(event, path)
        if parent is not None and is_key:
            _take_key(loader, event, parent, located)
            continue
        if len(stack) >= MAX_DEPTH:
            raise _refuse(
                f"this value is nested more than {MAX_DEPTH} levels deep",
                _mark(event.start_mark),
                "no data file needs that many: check the indentation and that every bracket is closed",
            )
        located.values[path] = _mark(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(loader, event)
        else:
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        if parent is None:
            located.data = value
        else:
            parent.add(value)
        if not isinstance(event, yaml.ScalarEvent):
            stack.append(_Collection(value, path))
        elif parent is None:
            break  # the whole document is one scalar
    loader.get_event()  # DocumentEndEvent
    if not loader.check_event(yaml.StreamEndEvent):
        raise _refuse(
            "a data file holds one YAML document, and a second one starts here",
            _mark(loader.peek_event().start_mark),
            "remove the second `---` line, or move what follows it into the first document",
        )
    return located


def _refuse_references_and_tags(event: Any, path: PathKey) -> None:
    where = _mark(event.start_mark)
    if isinstance(event, yaml.AliasEvent):
        raise _refuse(
            f"the alias `*{event.anchor}` repeats another value by reference, which is not allowed",
            where,
            "write the value out in full where it is needed",
            path,
        )
    if event.anchor is not None:
        raise _refuse(
            f"the anchor `&{event.anchor}` names a value for reuse, which is not allowed",
            where,
            "remove the anchor and write out each value where it is needed",
            path,
        )
    if event.tag is not None:
        tag = event.tag
        shown = "!!" + tag.removeprefix(_CORE_TAG) if tag.startswith(_CORE_TAG) else tag
        raise _refuse(
            f"the tag `{shown}` is not allowed",
            where,
            "remove it: values are plain text, numbers, dates, lists or mappings; "
            "put text that starts with `!` in quotes",
            path,
        )


def _take_key(loader: Any, event: Any, mapping: _Collection, located: Located) -> None:
    where = _mark(event.start_mark)
    if not isinstance(event, yaml.ScalarEvent):
        raise _refuse("a key must be plain text", where, "write `name: value`", mapping.path)
    if event.implicit[0] and loader.resolve(yaml.ScalarNode, event.value, event.implicit) == _MERGE_TAG:
        raise _refuse(
            "the merge key `<<` copies another mapping's keys, which is not allowed",
            where,
            "write the keys out in full",
            mapping.path,
        )
    key = _scalar(loader, event)
    if key in mapping.first_seen:
        raise _refuse(
            f"duplicate key '{key}'; the first one is at line {mapping.first_seen[key].line}",
            where,
            "YAML keeps only the last of two equal keys, so one would be lost: merge them or rename one",
            (*mapping.path, key),
        )
    mapping.first_seen[key] = where
    located.keys[(*mapping.path, key)] = where
    mapping.key, mapping.has_key = key, True


def _scalar(loader: Any, event: yaml.ScalarEvent) -> Any:
    implicit = event.implicit if len(event.value) <= MAX_TYPED_SCALAR else (False, True)
    tag = loader.resolve(yaml.ScalarNode, event.value, implicit)
    if tag == _STRING_TAG:
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]  # C marks work too
    try:
        return loader.construct_object(node)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError):
        # e.g. a timestamp-looking value that is not a real date (2026-02-30): keep the text
        # and let the model report it with its position.
        return event.value
