"""The inline code of a built page as a browser reads it: the text of every inline ``<script>``
and ``<style>`` and the value of every ``style`` attribute, which the Content-Security-Policy
allows by hash (:mod:`guide.publish.headers`).

A scanner, not a full HTML parser: one regular expression finds the next comment, end tag or
start tag (attributes and their quoted values included, so a ``<`` inside a value is never
taken for a tag), and Python looks only at the tags that matter. It follows the HTML
tokenizer where that decides what is code: script and style text is raw up to the first
``</script`` or ``</style`` that ends a tag name; ``textarea``, ``title`` and the other raw or
escapable text elements hide what looks like markup inside them; inside ``<svg>`` or ``<math>``
a style's text is parsed (character references decoded, CDATA unwrapped, comments dropped).
Python's ``html.parser`` did the same job in a tenth of the build's time (a callback per tag,
about 90,000 tags on this site).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass


class UnsupportedMarkup(ValueError):
    """Markup whose inline code this scanner cannot read the way a browser does."""


@dataclass(frozen=True)
class InlineCode:
    """The inline code of one or more pages, as the browser sees the text it hashes."""

    scripts: frozenset[str] = frozenset()
    styles: frozenset[str] = frozenset()
    style_attributes: frozenset[str] = frozenset()

    def __or__(self, other: InlineCode) -> InlineCode:
        return InlineCode(
            self.scripts | other.scripts, self.styles | other.styles, self.style_attributes | other.style_attributes
        )


# An attribute as the tokenizer reads it (a name is anything up to a space, "/", ">" or "=";
# a value is quoted or runs to a space or ">"). Possessive, so that a tag that does not close
# fails in one pass instead of backtracking through every way of splitting its names.
_ATTRIBUTE = r"""[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?+"""
_SPECIAL = "script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext|svg|math"
# Everything this scanner can step over in one go, without Python looking at it: text, tags
# that are neither special (above) nor carry a style attribute, end tags other than </svg> and
# </math>, doctypes and processing instructions, and a "<" that starts no tag.
_SKIP = re.compile(
    r"(?:[^<]++"
    rf"|<(?!(?:{_SPECIAL})[\s/>])[a-z][^\s/>]*+(?:[\s/]*+(?!style(?:[\s/>=]|$)){_ATTRIBUTE})*+[\s/]*+>"
    r"|</(?!(?:svg|math)[\s/>])[a-z][^>]*+>"
    r"|<[!?](?!--|\[CDATA\[)[^>]*+>"
    r"|</(?![a-z])[^>]*+>"
    r"|<(?![a-z/!?]))*+",
    re.I,
)
# What stops the skipping: a comment, a CDATA section, or a tag to look at.
_TOKEN = re.compile(
    r"<!--(?:-?>|.*?(?:-->|\Z))"  # a comment (an unclosed one runs to the end, as in a browser)
    r"|<!\[CDATA\["  # a CDATA section (foreign content) or a bogus comment (HTML): decided below
    rf"|<(?P<end>/)?(?P<name>[a-z][^\s/>]*+)(?P<attributes>(?:[\s/]*+{_ATTRIBUTE})*+)[\s/]*+>",
    re.S | re.I,
)
_ATTRIBUTES = re.compile(r"""(?P<name>[^\s/>][^\s/>=]*+)(?:\s*+=\s*+(?:"(?P<double>[^"]*+)"|'(?P<single>[^']*+)'|(?P<bare>[^\s>]*+)))?+""")
# Elements whose content is text up to their end tag (in HTML content; inside SVG or MathML
# only <script> and <style> keep that rule for this scanner's purpose, see _foreign_text).
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"})
_FOREIGN = frozenset({"svg", "math"})
_CDATA_OR_COMMENT = re.compile(r"(<!\[CDATA\[.*?\]\]>|<!--.*?-->)", re.S)
_JAVASCRIPT_TYPES = ("", "module", "importmap", "speculationrules")


def inline_code(page: str, xml: bool = False) -> InlineCode:
    """Every inline script and style block, and every ``style`` attribute, of one HTML page (or,
    with ``xml``, of an SVG file, which is a document of its own when opened).
    Raises :class:`UnsupportedMarkup` for a script a browser would read in its escaped states."""
    text = page.replace("\r\n", "\n").replace("\r", "\n")  # browsers normalise line breaks first
    scripts: set[str] = set()
    styles: set[str] = set()
    style_attributes: set[str] = set()
    foreign = 1 if xml else 0  # depth inside <svg> or <math>
    position = 0
    while (position := _skip(text, position)) < len(text):
        token = _TOKEN.match(text, position)
        if token is None:  # a tag or bogus comment that never closes: it runs to the end, as in a browser
            break
        position = token.end()
        name = (token.group("name") or "").lower()
        if not name:
            if token.group().startswith("<![CDATA[") and foreign:
                end = text.find("]]>", position)
                position = len(text) if end < 0 else end + 3
            elif token.group().startswith("<![CDATA["):
                end = text.find(">", position)
                position = len(text) if end < 0 else end + 1
            continue
        if token.group("end"):
            if name in _FOREIGN and foreign:
                foreign -= 1
            continue
        attributes = token.group("attributes")
        values = _attribute_values(attributes) if "=" in attributes or name == "script" else {}
        if (style := values.get("style")) is not None:
            style_attributes.add(html.unescape(style))
        self_closing = token.group().endswith("/>")
        if name in _FOREIGN and not self_closing:
            foreign += 1
        if name == "plaintext" and not foreign:
            break  # the rest of the document is text
        if name not in _RAW_TEXT or (foreign and name not in ("script", "style")) or (foreign and self_closing):
            continue
        closing = re.compile(rf"</{name}(?=[\s/>])", re.I).search(text, position)
        content = text[position:closing.start()] if closing else text[position:]
        position = text.find(">", closing.end()) + 1 if closing else len(text)
        position = position or len(text)
        if foreign and "<" in _CDATA_OR_COMMENT.sub("", content):
            raise UnsupportedMarkup(
                f"a <{name}> inside SVG or MathML holds markup, which browsers parse as elements there: {content[:60]!r}; "
                "keep only text, CDATA and comments in it"
            )
        if name == "style":
            styles.add(_foreign_text(content) if foreign else content)
        elif name == "script" and "src" not in values and _executes(values.get("type")):
            if "<!--" in content:
                raise UnsupportedMarkup(
                    f"an inline script contains '<!--', which browsers read in an escaped mode this scanner does not follow: "
                    f"{content[:60]!r}; move the script into a file"
                )
            scripts.add(_foreign_text(content) if foreign else content)
    return InlineCode(frozenset(scripts), frozenset(styles), frozenset(style_attributes))


def _skip(text: str, position: int) -> int:
    """Where the next thing to look at starts (``_SKIP`` matches, if only the empty string)."""
    skipped = _SKIP.match(text, position)
    return skipped.end() if skipped else position


def _attribute_values(attributes: str) -> dict[str, str | None]:
    """A start tag's attributes by lower-case name; the first of repeated names wins, as in a browser."""
    values: dict[str, str | None] = {}
    for found in _ATTRIBUTES.finditer(attributes):
        value = next((v for v in found.group("double", "single", "bare") if v is not None), None)
        values.setdefault(found.group("name").lower(), value)
    return values


def _executes(script_type: str | None) -> bool:
    """Whether a ``<script type=...>`` runs (and so needs a hash); JSON data blocks do not."""
    kind = html.unescape(script_type or "").strip().lower()
    return kind in _JAVASCRIPT_TYPES or kind.endswith(("javascript", "ecmascript"))


def _foreign_text(raw: str) -> str:
    """The text of a ``<style>`` or ``<script>`` inside SVG or MathML: character references decoded,
    CDATA unwrapped, comments dropped, as an HTML parser builds it in foreign content."""
    parts = _CDATA_OR_COMMENT.split(raw)
    return "".join(
        part[9:-3] if part.startswith("<![CDATA[") else "" if part.startswith("<!--") else html.unescape(part)
        for part in parts
    )


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
