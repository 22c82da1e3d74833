"""Rules on one value, run by pydantic as ``Annotated`` validators on the types in
:mod:`guide.data.models`: text that would not render as written, web addresses, dates.

Each rule returns its findings (message, hint); a value with findings fails validation with the
error type :data:`ERROR_TYPE`, which :mod:`guide.data.messages` turns into one problem per
finding at the value's position. ``check_data`` validates with a context (:func:`context`) that
carries the day it counts as today, and validates a second time with the rules switched off to
get the file's model for the cross-file rules, so a bad address never hides the other problems.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pydantic import ValidationInfo
from pydantic_core import PydanticCustomError

from guide.data.characters import refused_characters

ERROR_TYPE = "guide_field_rule"
Finding = tuple[str, str]  # message, hint

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--")
_MD_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_CODE_SPAN = re.compile(r"`[^`]*`")


def context(today: dt.date, *, field_rules: bool = True) -> dict[str, Any]:
    """The validation context: the day the date rule counts as today, and whether the rules run."""
    return {"today": today, "field_rules": field_rules}


@dataclass(frozen=True)
class FieldRule:
    name: str
    description: str
    find: Callable[[Any, dt.date], list[Finding]]

    def __call__(self, value: Any, info: ValidationInfo) -> Any:
        """The validator: ``value`` unchanged, or an error carrying every finding."""
        settings = info.context or {}
        if not settings.get("field_rules", True):
            return value
        findings = self.find(value, settings.get("today") or dt.date.today())
        if findings:
            shown = findings[0][0].replace("{", "(").replace("}", ")")
            raise PydanticCustomError(ERROR_TYPE, shown, {"rule": self.name, "findings": findings})
        return value


def escaped_characters(text: str) -> list[Finding]:
    """Refused characters that reached a value through an escape (``"\\u202e"``): the reader
    already refused every one written as itself, at its exact position."""
    return [
        (f"contains {found.describe()}",
         f"remove the backslash escape that writes it inside the quotes, such as `\\u{ord(found.character):04x}`")
        for found in refused_characters(text)
    ]


def _plain_text(text: str, today: dt.date) -> list[Finding]:
    findings = escaped_characters(text)
    prose = _CODE_SPAN.sub("", text)
    if _HTML_TAG.search(prose):
        findings.append(("contains an HTML tag, which the guide shows as plain text",
                         "write plain text; put code such as `<form>` in backticks"))
    if _MD_LINK.search(prose):
        findings.append(("contains a Markdown link, which the guide shows as plain text",
                         "put the address in `sources` or `pages` instead of the text"))
    return findings


def _web_address(url: str, today: dt.date) -> list[Finding]:
    findings = escaped_characters(url)
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url.strip()):
        findings.append((f"'{url}' is not an http or https address", "write the full address, starting with https://"))
    return findings


def _not_in_future(day: dt.date, today: dt.date) -> list[Finding]:
    if day > today:
        return [(f"date {day.isoformat()} lies in the future", f"use the day the check was done; today is {today.isoformat()}")]
    return []


PLAIN_TEXT = FieldRule(
    "plain-text",
    "Text holds no HTML tag, Markdown link or escaped control character: the guide shows text as written.",
    _plain_text,
)
WEB_ADDRESS = FieldRule(
    "web-address",
    "An address is a whole http or https URL, with no escaped control character.",
    _web_address,
)
NOT_IN_FUTURE = FieldRule(
    "not-in-future",
    "A date of a review, a reading or a publication is not later than today.",
    _not_in_future,
)
FIELD_RULES = (PLAIN_TEXT, WEB_ADDRESS, NOT_IN_FUTURE)
