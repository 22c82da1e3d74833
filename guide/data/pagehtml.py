"""Raw HTML in a page that would run code, load something from elsewhere or restyle the page.

Markdown hands HTML written in a page to the reader as it is, and the Content-Security-Policy
trusts every inline ``<script>`` and ``<style>`` in the built pages (it hashes them after the
build), so a page from a pull request may not hold:

- the tags ``<script>``, ``<style>``, ``<link>``, ``<meta>``, ``<base>``, ``<iframe>``,
  ``<frame>``, ``<frameset>``, ``<object>``, ``<embed>``, ``<applet>`` and ``<form>``;
- an event attribute (``onclick``, ``onerror``, any ``on...``) or a ``style`` attribute, also
  when Markdown's attribute lists (``{: onclick="..." }``) put it there;
- a ``javascript:`` or ``vbscript:`` address in any attribute or Markdown link, or a ``data:``
  address where a browser follows or loads one (``href``, ``src``, ``action``, ``formaction``,
  ``xlink:href`` and their kin);
- a file loaded from another site (``src``, ``srcset``, ``poster``, ``background``), which
  includes a Markdown image with an ``https://`` address: nothing loads from elsewhere.

Whether some text is HTML or code is Markdown's decision, so the check asks Markdown: it
converts the page with mkdocs.yml's extensions after the Jinja step, the way the build will (a
macro call stands in as one letter: its HTML is the guide's own; code is not coloured), and reads
the result with Python's HTML tokenizer. Fenced and indented code, code spans, escaped text and
HTML comments come out as text, so showing ``<script>`` as code is fine. A comment or a
``<![CDATA[`` section is read once more from the inside, since browsers end some of them early
(``<!-->``, ``--!>``) where Python's tokenizer does not. Each problem is placed at the tag,
attribute or address in the page or in the snippet file it came from.

A page or included file with more than :data:`MAX_OPEN_TAGS` tags that never close is refused
before Markdown reads it, since each costs Markdown's HTML reader a pass over the rest; a page
found clean is remembered in the build cache, so a build reads only the pages that changed.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import markdown
from pymdownx import __version__ as pymdownx_version
from pymdownx.snippets import SnippetExtension, SnippetMissingError, SnippetPreprocessor

from guide.data.buildcache import cache_dir, files_of, hash_files, prune, read_entry, write_entry
from guide.data.problems import Problem, shown_path
from guide.data.text import shorten
from guide.data.yamlsource import YamlProblem, decode, position

# mkdocs.yml's markdown_extensions (a test keeps the names equal); only the settings that change
# what is HTML and what is code matter here (the highlighter's options decide which fences are code)
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "abbr": {}, "admonition": {}, "attr_list": {}, "def_list": {}, "footnotes": {}, "md_in_html": {}, "tables": {},
    "toc": {}, "pymdownx.details": {}, "pymdownx.highlight": {}, "pymdownx.inlinehilite": {},
    "pymdownx.superfences": {}, "pymdownx.tabbed": {"alternate_style": True}, "pymdownx.snippets": {},
}
AUTO_APPEND = ("abbreviations.md",)  # mkdocs.yml's pymdownx.snippets auto_append: part of every page

_SHOW_AS_CODE = "to show it as code, put it between backticks or in a fenced code block"
REFUSED_TAGS = {
    "script": ("would run code in the reader's browser", "the guide's scripts live in docs/assets/javascripts/; " + _SHOW_AS_CODE),
    "style": ("would restyle the page", "add a rule to a stylesheet in docs/assets/stylesheets/; " + _SHOW_AS_CODE),
    "link": ("would load a file into the page", "link to a page with a Markdown link; " + _SHOW_AS_CODE),
    "meta": ("would change how the browser treats the page", "set a page's title or description in its front matter; "
             + _SHOW_AS_CODE),
    "base": ("would change where every link on the page points", _SHOW_AS_CODE),
    "form": ("would send what a reader types to another address", _SHOW_AS_CODE),
} | {
    tag: ("would show content from elsewhere inside the page", "link to it instead; " + _SHOW_AS_CODE)
    for tag in ("iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe")
}
CODE_SCHEMES = ("javascript", "vbscript")  # refused in any attribute
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data", "background",
                  "cite", "ping", "codebase", "dynsrc", "lowsrc"}  # where a data: address is refused too
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "background", "dynsrc", "lowsrc", "ping"}  # fetched as the page loads
SVG_LOADING_TAGS = {"image", "use", "feimage"}  # whose href is fetched too
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_EXTERNAL = re.compile(r"(?:^|,)\s*(?://|[a-z][a-z0-9+.-]*:)")
_MAX_NESTED_READS = 8
MAX_PROBLEMS = 50  # per page: enough to fix in one go, and a page of a million tags is placed in linear time


@dataclass(frozen=True)
class Finding:
    """One refused piece of the HTML a page becomes, with patterns that find it in the page's text."""

    needles: tuple[str, ...]  # regular expressions tried in turn
    message: str
    hint: str


def html_findings(html: str, depth: int = 0) -> list[Finding]:
    """Everything refused in ``html``, in order."""
    reader = _FindingReader(depth)
    reader.feed(html)
    reader.close()
    return reader.found


class _FindingReader(HTMLParser):
    def __init__(self, depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = depth
        self.found: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += _tag_findings(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += _tag_findings(tag, attrs)

    def handle_comment(self, data: str) -> None:
        self._read_inside(data)

    def unknown_decl(self, data: str) -> None:
        self._read_inside(data)

    def _read_inside(self, data: str) -> None:
        """Browsers end ``<!-->`` and ``<!-- --!>`` at once and read ``<![CDATA[`` only in SVG;
        whatever a browser may see as HTML in there counts as HTML."""
        if self.depth < _MAX_NESTED_READS:
            self.found += html_findings(data, self.depth + 1)


def _tag_findings(tag: str, attrs: list[tuple[str, str | None]]) -> Iterator[Finding]:
    shown = f"`<{tag}>`"
    if tag in REFUSED_TAGS:
        effect, hint = REFUSED_TAGS[tag]
        yield Finding((rf"<\s*{re.escape(tag)}(?![\w:-])",), f"the HTML tag {shown} {effect}", hint)
    for name, value in attrs:
        loads = name in LOADING_ATTRIBUTES or (tag in SVG_LOADING_TAGS and name in {"href", "xlink:href"})
        yield from _attribute_findings(shown, name, value or "", loads)


def _attribute_findings(tag: str, name: str, value: str, loads: bool) -> Iterator[Finding]:
    attribute = rf"(?<![\w:.-]){re.escape(name)}(?![\w:.-])"
    if name.startswith("on"):
        yield Finding((attribute,), f"the attribute `{name}` on {tag} would run code in the reader's browser",
                      "remove it: the guide's scripts live in docs/assets/javascripts/; " + _SHOW_AS_CODE)
    elif name == "style":
        yield Finding((attribute,), f"the attribute `style` on {tag} would restyle the page",
                      "give the element a class and add a rule to a stylesheet in docs/assets/stylesheets/")
    address = re.sub(r"[\x00-\x20]", "", value).lower()  # as a browser reads it, which ignores tabs and newlines
    scheme = _SCHEME.match(address)
    needles = (rf"{scheme.group(1)}\s*(?::|&)", attribute) if scheme else ()
    if scheme and scheme.group(1) in CODE_SCHEMES:
        yield Finding(needles, f"the {scheme.group(1)}: address in `{name}` on {tag} would run code in the reader's browser",
                      "link to a page of the guide or to an https address")
    elif scheme and scheme.group(1) == "data" and name in URL_ATTRIBUTES:
        yield Finding(needles, f"the data: address in `{name}` on {tag} puts a whole file in the page, which may hold code",
                      "add the file under docs/assets/ and point to it there")
    elif loads and _EXTERNAL.search(address):
        yield Finding((re.escape(value.strip()), attribute), f"{tag} would load `{shorten(value)}` from another site",
                      "the guide loads nothing from elsewhere: add the file under docs/assets/ and point to it there")


# --- reading a page as the build does -------------------------------------------------------


class _Snippets(SnippetPreprocessor):  # type: ignore[misc]
    """pymdownx.snippets, reading only regular files inside the snippet folders and noting each
    file it reads (with its text), so a problem can be placed in the file it came from."""

    def __init__(self, config: dict[str, Any], md: markdown.Markdown, folders: list[Path], root: Path) -> None:
        super().__init__(config, md)
        self.folders, self.root = folders, root
        self.read: list[tuple[str, str]] = []

    def read_lines(self, path: str) -> list[str]:
        real = Path(path).resolve()
        if not real.is_file() or not any(real.is_relative_to(folder) for folder in self.folders):
            raise SnippetMissingError(path)  # refused by the snippet check, which says why
        try:
            text = decode(real.read_bytes())
        except YamlProblem as unreadable:
            raise SnippetMissingError(path) from unreadable
        shown = shown_path(real, self.root, real.as_posix())
        _check_open_tags(shown, text)
        self.read.append((shown, text))
        return text.split("\n") if text else []


class _SnippetsExtension(SnippetExtension):  # type: ignore[misc]
    def __init__(self, folders: list[Path], root: Path) -> None:
        self.folders, self.root = folders, root
        super().__init__(base_path=[str(folder) for folder in folders], restrict_base_path=True, check_paths=True,
                         url_download=False, auto_append=list(AUTO_APPEND))

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        self.md = md
        md.registerExtension(self)
        self.preprocessor = _Snippets(self.getConfigs(), md, self.folders, self.root)
        md.preprocessors.register(self.preprocessor, "snippet", 32)


# Python's HTML tokenizer, which Markdown uses, rereads the rest of the text at each "<" that
# starts a tag it cannot close: 2,000 of them took half a second, 4,000 a second and a half.
# A page (or included file) with more is refused before Markdown reads it; written pages have a few.
MAX_OPEN_TAGS = 1000
_OPEN_TAG = re.compile(r"<[A-Za-z][^<>]*+(?=<|\Z)")


class _TooManyOpenTags(Exception):
    def __init__(self, name: str, text: str, offset: int, count: int) -> None:
        super().__init__(name)
        self.name, self.text, self.offset, self.count = name, text, offset, count


def _check_open_tags(name: str, text: str) -> None:
    """Raise :class:`_TooManyOpenTags` (at the first one) when ``text`` has more than MAX_OPEN_TAGS."""
    found = _OPEN_TAG.finditer(text)
    first = next(found, None)
    if first is not None:
        count = 1 + sum(1 for _ in found)
        if count > MAX_OPEN_TAGS:
            raise _TooManyOpenTags(name, text, first.start(), count)


class HtmlReader:
    """Converts pages as the build does; made once for all the pages of one check. A page it
    found clean is remembered in the build cache (:mod:`guide.data.buildcache`) under a hash of
    everything the result depends on: the page after the Jinja step, every file it could
    include, this module and the Markdown packages' versions."""

    def __init__(self, root: Path, folders: Sequence[str]) -> None:
        self.root = root.resolve()
        self.folders = [(self.root / folder).resolve() for folder in folders]
        self.cache = cache_dir("pages-clean")
        if self.cache is not None:
            prune(self.cache)
        self._inputs = b""  # the digest of what every page's result depends on, once needed

    @functools.cached_property
    def markdown(self) -> markdown.Markdown:
        self.snippets = _SnippetsExtension(self.folders, self.root)
        names = [name for name in MARKDOWN_EXTENSIONS if name != "pymdownx.snippets"]
        converter = markdown.Markdown(extensions=[*names, self.snippets],
                                      extension_configs={name: MARKDOWN_EXTENSIONS[name] for name in names})
        fences = converter.preprocessors["fenced_code_block"].extension.superfences
        fences[0] = {**fences[0], "formatter": _plain_code}  # what is code stays the highlighter's decision
        return converter

    def _key(self, rendered: str) -> str:
        if not self._inputs:
            inputs = hashlib.sha256("\0".join([Path(__file__).read_text(encoding="utf-8"), markdown.__version__,
                                                pymdownx_version]).encode())
            hash_files(inputs, files_of(*self.folders))  # every file a page may include
            self._inputs = inputs.digest()
        return hashlib.sha256(self._inputs + rendered.encode()).hexdigest()

    def lint(self, text: str, rendered: str, origins: Sequence[int], page: str) -> list[Problem]:
        """Problems with the raw HTML in a page; ``text`` is the page as written (with ``\\n`` line
        ends), ``rendered`` what the Jinja step makes of it and ``origins`` the offset in ``text``
        of each character of ``rendered``."""
        key = self._key(rendered) if self.cache is not None else ""
        if self.cache is not None and read_entry(self.cache, key) is not None:
            return []
        try:
            _check_open_tags(page, rendered)
            converter = self.markdown
            self.snippets.preprocessor.read = []
            html = converter.reset().convert(rendered)
        except _TooManyOpenTags as crowded:
            offset = origins[crowded.offset] if crowded.name == page else crowded.offset
            where = position(text if crowded.name == page else crowded.text, offset)
            return [Problem(crowded.name, where.line, where.column, "",
                            f"{crowded.count} '<' start a tag that never closes, over the {MAX_OPEN_TAGS} a page may hold: "
                            "Markdown's HTML reader slows down with each",
                            "write &lt; for a '<' that is text, or put the text in a code block")]
        except SnippetMissingError:
            return []  # the snippet check reports it
        except RecursionError:
            return [Problem(page, 1, 1, "", "the page is nested too deeply for Markdown to read",
                            "use fewer levels of quotes or lists")]
        findings = html_findings(html)[:MAX_PROBLEMS]
        if not findings:
            if self.cache is not None:
                write_entry(self.cache, key, b"")
            return []
        sources = [_Source(page, rendered, text, origins)]
        sources += [_Source(name, included, included, None) for name, included in self.snippets.preprocessor.read]
        locator = _Locator(sources)
        return [locator.problem(finding) for finding in findings]


def _plain_code(src: str = "", language: str = "", classes: list[str] | None = None, id_value: str = "",
                attrs: dict[str, str] | None = None, **_: Any) -> str:
    """A fenced block as the highlighter would give it, without the colours (which cost a second
    a check and change nothing here): its text and the attributes a page gave it."""
    element = ElementTree.Element("pre", {**(attrs or {}), **({"id": id_value} if id_value else {})})
    element.text = src
    return ElementTree.tostring(element, encoding="unicode", method="html")


@dataclass(frozen=True)
class _Source:
    name: str
    text: str
    written: str  # the file as written
    origins: Sequence[int] | None  # the offset in ``written`` of each character of ``text``; None: the same

    def place(self, offset: int) -> tuple[int, int]:
        where = position(self.written, self.origins[offset] if self.origins is not None else offset)
        return where.line, where.column


class _Locator:
    """Places findings in the page and the files it includes. Findings come in the order of the
    page, so each is looked for after the one before first; text that looks like code (a fence
    or a code span) is passed over while there is another match: only to choose between
    places, never to decide whether something is a problem."""

    def __init__(self, sources: list[_Source]) -> None:
        self.sources = sources
        self.used: set[tuple[int, int]] = set()
        self.cursor = (0, 0)

    def problem(self, finding: Finding) -> Problem:
        for needle in finding.needles:
            pattern = re.compile(needle, re.IGNORECASE)
            for after_cursor, prefer_text in ((True, True), (True, False), (False, True), (False, False)):
                for number, source in enumerate(self.sources):
                    if after_cursor and number < self.cursor[0]:
                        continue
                    start = self.cursor[1] if after_cursor and number == self.cursor[0] else 0
                    code = _code(source.text) if prefer_text else _NO_CODE
                    for match in pattern.finditer(source.text, start):
                        key = (number, match.start())
                        if key not in self.used and not code.holds(match.start()):
                            self.used.add(key)
                            self.cursor = key
                            line, column = source.place(match.start())
                            return Problem(source.name, line, column, "", finding.message, finding.hint)
        return Problem(self.sources[0].name, 1, 1, "", finding.message, finding.hint)


@dataclass(frozen=True)
class _Spans:
    """Sorted spans that do not overlap, as (starts, ends)."""

    starts: list[int]
    ends: list[int]

    def holds(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


_NO_CODE = _Spans([], [])
_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})", re.MULTILINE)
_BACKTICKS = re.compile(r"`+|\n")


@functools.lru_cache(maxsize=16)
def _code(text: str) -> _Spans:
    """Roughly where ``text`` holds code (fences, and code spans paired on one line), in linear
    time: only to choose between places, never to decide whether something is a problem."""
    spans = []
    fence = None
    for match in _FENCE.finditer(text):
        if fence is None:
            fence = match
        elif match.group(1)[0] == fence.group(1)[0] and len(match.group(1)) >= len(fence.group(1)):
            spans.append((fence.start(), match.end()))
            fence = None
    opened: dict[int, int] = {}  # the length of a run of backticks on this line, and where it starts
    for run in _BACKTICKS.finditer(text):
        size = len(run.group())
        if run.group() == "\n":
            opened.clear()
        elif size in opened:
            spans.append((opened[size], run.end()))
            opened.clear()
        else:
            opened[size] = run.start()
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return _Spans(starts, ends)
