"""Pydantic's validation errors reworded for a contributor, through one table keyed by error type.

Each entry takes the error (its value, its context, and the model field it sits on) and returns
the problems to report, as (message, hint) pairs; an error type the table does not know keeps
pydantic's own words, lower-cased to match the rest.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from guide.data.annotations import unwrap
from guide.data.fieldrules import ERROR_TYPE as FIELD_RULE_ERROR
from guide.data.scale import Rating
from guide.data.yamlsource import PathKey

Finding = tuple[str, str]  # message, hint
_BRACKETED = re.compile(r"\s*\(([^()]*\s[^()]*)\)")  # a clause in brackets, not "framework(s)"


def model_at(model: Any, loc: PathKey) -> Any:
    """The pydantic model class or annotation that the location ``loc`` points into."""
    current = model
    for part in loc:
        current = unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return None
            current = field.annotation
            continue
        origin = typing.get_origin(current)
        if origin is list:
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    return unwrap(current)


@dataclass(frozen=True)
class SchemaError:
    """One pydantic error, with what the rewording needs to know about where it happened."""

    kind: str
    loc: PathKey
    value: Any
    ctx: dict[str, Any]
    message: str  # pydantic's own
    target: Any  # the type the location points into
    parent: Any  # the type that holds it
    described: str  # the field's description, worded as a hint

    @classmethod
    def of(cls, model: type[BaseModel], item: Any) -> SchemaError:
        loc = tuple(item["loc"])
        parent = model_at(model, loc[:-1]) if loc else None
        field_info: FieldInfo | None = None
        if isinstance(parent, type) and issubclass(parent, BaseModel) and loc and isinstance(loc[-1], str):
            field_info = parent.model_fields.get(loc[-1])
        described = as_hint(field_info.description or "") if field_info else ""
        return cls(item["type"], loc, item.get("input"), item.get("ctx") or {}, item["msg"],
                   model_at(model, loc), parent, described)


def describe(value: Any) -> str:
    """What a YAML value is, in a newcomer's words."""
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "nothing"
    return "text"


def as_hint(description: str) -> str:
    """A field's description (a sentence for the data reference) worded as a hint: lower case,
    no closing full stop, and its brackets as a clause, since the hint itself goes in brackets."""
    hint = _BRACKETED.sub(r", \1", description).removesuffix(".")
    return hint[:1].lower() + hint[1:] if hint[1:2].islower() else hint


def _items(count: int) -> str:
    return "one item" if count == 1 else f"{count} items"


def _unknown_key(error: SchemaError) -> list[Finding]:
    parent = error.parent
    known = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
    close = difflib.get_close_matches(str(error.loc[-1]), known, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
    return [(f"unknown key '{error.loc[-1]}'", hint)]


def _missing(error: SchemaError) -> list[Finding]:
    return [(f"missing required field '{error.loc[-1]}'", error.described or f"add `{error.loc[-1]}:`")]


def _not_a_member(error: SchemaError) -> list[Finding]:
    target = error.target
    if not (isinstance(target, type) and issubclass(target, Enum)):
        return _pydantic_words(error)
    values = [member.value for member in target]
    noun = "rating" if target is Rating else "value"
    close = difflib.get_close_matches(str(error.value), values, n=1)
    hint = f"did you mean '{close[0]}'?" if close else "see the rating scale on the Methodology page"
    return [(f"'{error.value}' is not a {noun}; expected one of: {', '.join(values)}", hint)]


def _not_allowed(error: SchemaError) -> list[Finding]:
    return [(f"'{error.value}' is not allowed; expected one of: {error.ctx.get('expected', '')}", error.described)]


def _not_text(error: SchemaError) -> list[Finding]:
    hint = "put the text in quotes"
    if isinstance(error.value, bool):
        hint = "YAML reads yes/no/on/off/true/false as booleans: put the text in quotes"
    return [(f"expected text, got {describe(error.value)}", hint)]


def _empty(error: SchemaError) -> list[Finding]:
    return [("must not be empty", error.described or "write something or remove the key")]


def _too_long(error: SchemaError) -> list[Finding]:
    return [(f"is {len(str(error.value))} characters long; at most {error.ctx.get('max_length')} fit",
             "keep it to one line; move detail into `detail`")]


def _not_an_id(error: SchemaError) -> list[Finding]:
    return [(f"'{error.value}' is not a valid id", "use lower-case words joined by hyphens, e.g. `raw-throughput`")]


def _not_a_date(error: SchemaError) -> list[Finding]:
    return [(f"'{error.value}' is not a real date", "write it as YYYY-MM-DD, e.g. 2026-11-25")]


def _too_few(error: SchemaError) -> list[Finding]:
    need, found = error.ctx.get("min_length", 1), error.ctx.get("actual_length", 0)
    return [(f"needs at least {_items(need)}, found {found}", error.described)]


def _not_a_list(error: SchemaError) -> list[Finding]:
    return [(f"expected a list, got {describe(error.value)}", "start each item with `- ` on its own line")]


def _not_a_mapping(error: SchemaError) -> list[Finding]:
    return [(f"expected a mapping of keys to values, got {describe(error.value)}",
             "write `key: value` pairs, indented under this key")]


def _not_yes_or_no(error: SchemaError) -> list[Finding]:
    return [(f"expected true or false, got {describe(error.value)}", "write `true` or `false`")]


def _field_rule(error: SchemaError) -> list[Finding]:
    """A rule of guide.data.fieldrules: each of its findings as it worded them."""
    return [(message, hint) for message, hint in error.ctx["findings"]]


def _pydantic_words(error: SchemaError) -> list[Finding]:
    return [(error.message[:1].lower() + error.message[1:], error.described)]


# Error types that share a wording are listed together; "date" and "datetime" stand for every
# type of that family (date_parsing, date_from_datetime_inexact, datetime_type, ...).
REWORDINGS: dict[str, Callable[[SchemaError], list[Finding]]] = {
    "extra_forbidden": _unknown_key,
    "missing": _missing,
    "enum": _not_a_member,
    "literal_error": _not_allowed,
    "string_type": _not_text,
    "string_too_short": _empty,
    "string_too_long": _too_long,
    "string_pattern_mismatch": _not_an_id,
    "date": _not_a_date,
    "datetime": _not_a_date,
    "too_short": _too_few,
    "list_type": _not_a_list,
    "tuple_type": _not_a_list,
    "dict_type": _not_a_mapping,
    "model_type": _not_a_mapping,
    "model_attributes_type": _not_a_mapping,
    "bool_type": _not_yes_or_no,
    "bool_parsing": _not_yes_or_no,
    FIELD_RULE_ERROR: _field_rule,
}
FAMILIES = ("date", "datetime")


def reword(model: type[BaseModel], item: Any) -> list[Finding]:
    """The problems one pydantic error item (from ``ValidationError.errors()``) stands for."""
    error = SchemaError.of(model, item)
    family = error.kind.split("_", 1)[0]
    reworded = REWORDINGS.get(error.kind) or (REWORDINGS[family] if family in FAMILIES else _pydantic_words)
    return reworded(error)


def top_hint(model: type[BaseModel]) -> str:
    """What a data file starts with, for a file that is not a mapping."""
    return "it starts with: " + ", ".join(f"`{name}:`" for name in model.model_fields)
