"""Markup from autoescaped Jinja2 templates in ``guide/views/templates/``.

Every value a template prints is escaped unless it is already :class:`~markupsafe.Markup`, and
its braces become entities, so data text can never start a macro, a Jinja expression or an
``attr_list`` block in the Markdown page the markup lands in. A template line break next to a
tag vanishes (write a space where one is meant); between two pieces of text it is one space. The
result is one line, so no line of it can start Markdown or snippet syntax (``guide.data.text``'s rule).
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from guide.data.buildcache import cache_dir
from guide.data.text import html_text, one_line

_BREAK_AFTER_TAG = re.compile(r">[ \t]*\n\s*")
_BREAK_BEFORE_TAG = re.compile(r"\s*\n[ \t]*<")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def _inert(value: Any) -> Any:
    """Escape a printed value now (so its braces can be made inert too); Markup passes as is."""
    if isinstance(value, Markup) or value is None:
        return value
    return Markup(str(escape(value)).replace("{", "&#123;").replace("}", "&#125;"))


def _text(value: str) -> Markup:
    """Data text as inline HTML: escaped, one line, `backticks` as code."""
    return Markup(html_text(value))


def _compiled_templates() -> FileSystemBytecodeCache | None:
    """Jinja's compiled templates, kept in the build cache (:mod:`guide.data.buildcache`):
    compiling them was a tenth of a build's own work. Jinja checks each entry against the
    template's source and the Python version, and writes entries atomically."""
    folder = cache_dir("templates")
    if folder is None:
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


ENVIRONMENT = Environment(
    loader=PackageLoader("guide.views", "templates"),
    bytecode_cache=_compiled_templates(),
    autoescape=True,
    undefined=StrictUndefined,
    finalize=_inert,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENVIRONMENT.filters["text"] = _text
ENVIRONMENT.filters["one_line"] = one_line


def _one_line(html: str) -> Markup:
    html = _BREAK_BEFORE_TAG.sub("<", _BREAK_AFTER_TAG.sub(">", html.strip()))
    return Markup(_LINE_BREAK.sub(" ", html))


def render(template: str, **context: Any) -> Markup:
    """Render ``guide/views/templates/<template>`` to one line of safe HTML."""
    return _one_line(ENVIRONMENT.get_template(template).render(**context))


def render_document(template: str, **context: Any) -> str:
    """Render a whole file (a standalone export) as it is written, line breaks kept, ending in one."""
    return ENVIRONMENT.get_template(template).render(**context) + "\n"


def render_macro(template: str, name: str, *args: Any) -> Markup:
    """Call the macro ``name`` of ``guide/views/templates/<template>``: a small piece of markup
    (a badge, a link) that Python code places in a larger template's context."""
    macro = getattr(ENVIRONMENT.get_template(template).module, name)
    return _one_line(str(macro(*args)))
