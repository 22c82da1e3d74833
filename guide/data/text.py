"""Escaping of data text for each place it lands.

Data text is plain text with one convenience: `backticks` become code. Everything else is shown
exactly as written: a `|` does not split a table cell, `<script>` is shown, not run, and `{{ }}`
is not a macro. Line breaks collapse to spaces so a line of data can never start a Markdown or
snippet directive (``--8<--``) inside generated HTML.
"""

from __future__ import annotations

import html
import re

_CODE = re.compile(r"`([^`]+)`")
_SPACE = re.compile(r"\s+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:])")


def one_line(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def shorten(text: str, limit: int = 60) -> str:
    """Text quoted in a problem: one line, cut to ``limit`` characters with "..." where it was cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def html_text(text: str) -> str:
    """Plain data text as safe inline HTML, with `code` spans."""
    parts = _CODE.split(one_line(text))
    return "".join(
        f"<code>{html.escape(part)}</code>" if index % 2 else html.escape(part, quote=True)
        for index, part in enumerate(parts)
    ).replace("{", "&#123;").replace("}", "&#125;")


def pre_text(text: str) -> str:
    """Text shown verbatim in a <pre>: escaped, with newlines as &#10; so the generated HTML stays
    on one line (no line of it can start Markdown or snippet syntax) and braces inert."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;").replace("\n", "&#10;")


def attr(text: str) -> str:
    """A value for an HTML attribute (always quoted with double quotes by the callers)."""
    return html.escape(one_line(text), quote=True)


def markdown_text(text: str) -> str:
    """Plain data text as inert Markdown (headings and cells of Markdown exports)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))
    return escaped.replace("<", "&lt;").replace(">", "&gt;")


def markdown_cell(text: str) -> str:
    """A cell of a GitHub-flavoured Markdown table: `|` escaped, HTML shown as text, one line."""
    return markdown_text(text)

