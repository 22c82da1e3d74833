"""What a page under ``docs/`` may hold beyond Markdown, checked before anything renders.

Pages come from pull requests. Like a data file, a page (and every file it includes) must be
UTF-8 without control, invisible or bidirectional characters, and its YAML front matter follows
the data files' rules (no anchors, aliases or tags: MkDocs would expand an alias bomb when a
template prints the value). Two preprocessors read pages with more power than Markdown:

- **Jinja** (mkdocs-macros renders every page as a template, with Python objects in reach, so
  ``{{ ''.__class__.__mro__ }}`` walks into the interpreter). A page may only call the guide's
  registered macros with literal arguments, ``{{ criterion_verdicts("admin") }}``, optionally
  through the guide's registered filters; ``{% raw %}`` blocks and ``{# comments #}`` are fine.
  Any other expression or statement is an error. The check reads Jinja's own token stream, so
  it sees a page exactly as the renderer will.
- **Snippets** (``--8<-- "file"``, pymdownx.snippets, which reads files before Markdown runs).
  A snippet may only come from ``includes/`` or ``examples/`` (mkdocs.yml's ``base_path``), must
  exist, and must not leave those folders through ``..`` or a symbolic link; snippets inside an
  included file are followed too.

Markdown itself passes raw HTML to the reader, so :mod:`guide.data.pagehtml` refuses the HTML
that would run code, load something from elsewhere or restyle the page.

Every problem is a :class:`~guide.data.validate.Problem` naming the page, line and column.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError
from pymdownx.snippets import SnippetPreprocessor

from guide.data.filekinds import SNIPPET_FOLDERS
from guide.data.macronames import PAGE_FILTERS, PAGE_MACROS
from guide.data.pagehtml import HtmlReader
from guide.data.problems import Problem, format_path, shown_path
from guide.data.text import shorten
from guide.data.yamlsource import YamlProblem, decode, parse_yaml, position

_LITERALS = {"string", "integer", "float"}
_CONSTANT_NAMES = {"true", "false", "none", "True", "False", "None"}
_CALL_HINT = "a page may only call one of the guide's macros, e.g. `{{ glance_table() }}`; CONTRIBUTING lists them"
_MAX_SNIPPET_DEPTH = 8
Token = tuple[int, int, str, str]  # offset in the page, line, kind, value
# MkDocs' own pattern for a page's YAML front matter (mkdocs.utils.meta.YAML_RE; a test keeps them equal)
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def registered_names() -> tuple[frozenset[str], frozenset[str]]:
    """The macros and filters a page may call (``guide/data/macronames.py``); the macros module
    registers exactly these, and a test compares them with what the macros plugin registers."""
    return PAGE_MACROS, PAGE_FILTERS


# --- Jinja ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def _tokens(text: str) -> tuple[Token, ...]:
    """A page's Jinja tokens as (offset in ``text``, line, kind, value), whitespace dropped,
    once its Jinja has parsed (raises Jinja's error if not). Remembered: :func:`lint_jinja` and
    :func:`jinja_output` both read each page.

    The lexer gives lines but no columns, and ``{%-``/``-}}`` trim the text around them, so each
    token is found in the text after the previous one: what lies between is only trimmed space."""
    Environment().parse(text)
    found: list[Token] = []
    cursor = 0
    for line, kind, value in Environment().lex(text):
        if not value:
            continue
        offset = max(text.find(value, cursor), cursor)  # always found: the lexer only trims space
        cursor = offset + len(value)
        if kind != "whitespace":
            found.append((offset, line, kind, value))
    return tuple(found)


def lint_jinja(text: str, page: str, macros: frozenset[str], filters: frozenset[str]) -> list[Problem]:
    """Problems with the Jinja in one page's text; ``page`` names it in each problem."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as Jinja's lexer reads it

    def problem(offset: int, line: int, message: str, hint: str) -> Problem:
        return Problem(page, line, position(text, offset).column, "", message, hint)

    try:
        tokens = _tokens(text)
    except TemplateSyntaxError as error:
        return [Problem(page, error.lineno or 1, 1, "", f"Jinja syntax error: {error.message}",
                        "to show braces as text, put them between {% raw %} and {% endraw %}")]
    except RecursionError:
        return [Problem(page, 1, 1, "", "the page's Jinja is nested too deeply to read", _CALL_HINT)]
    problems = []
    index = 0
    while index < len(tokens):
        offset, line, kind, _ = tokens[index]
        if kind == "block_begin":
            end = _end_of(tokens, index, "block_end")
            name = tokens[index + 1][3] if index + 1 < end else ""
            problems.append(problem(offset, line, f"the Jinja statement `{{% {name} %}}` is not allowed in a page",
                                    "a page shows data only through a macro call; to show the braces as text, "
                                    "put them between {% raw %} and {% endraw %}"))
            index = end + 1
        elif kind == "variable_begin":
            end = _end_of(tokens, index, "variable_end")
            found = _check_expression(tokens[index + 1:end], macros, filters)
            if found:
                at, message, hint = found
                at_offset, at_line = tokens[index + 1 + at][:2] if at >= 0 else (offset, line)
                shown = text[offset:tokens[end][0] + len(tokens[end][3])]
                problems.append(problem(at_offset, at_line, message.format(expression=shorten(shown)), hint))
            index = end + 1
        else:
            index += 1
    return problems


def jinja_output(text: str) -> tuple[str, list[int]]:
    """What Markdown gets of a page once mkdocs-macros has rendered it, as far as the page's own
    text goes, and the offset in ``text`` of each of its characters. Comments and the raw markers
    are dropped (so they cannot split a tag that Markdown would then see whole) and each macro
    call becomes one letter, since its HTML is the guide's own. A page whose Jinja does not parse
    comes back as written: its Jinja problem is reported anyway."""
    try:
        tokens = _tokens(text)
    except (TemplateSyntaxError, RecursionError):
        return text, list(range(len(text)))
    rendered: list[str] = []
    origins: list[int] = []
    for offset, _, kind, value in tokens:
        if kind == "data":
            rendered.append(value)
            origins += range(offset, offset + len(value))
        elif kind == "variable_begin":
            rendered.append("x")
            origins.append(offset)
    return "".join(rendered), origins


def _end_of(tokens: Sequence[Token], start: int, kind: str) -> int:
    return next(i for i in range(start + 1, len(tokens)) if tokens[i][2] == kind)


def _check_expression(tokens: Sequence[Token], macros: frozenset[str], filters: frozenset[str]) -> tuple[int, str, str] | None:
    """None when ``tokens`` (between ``{{`` and ``}}``) is ``macro(literals) | filter(literals) ...``;
    otherwise the index of the first wrong token, a message and a hint."""
    not_a_call = (-1, "`{expression}` is not a call of one of the guide's macros", _CALL_HINT)
    if len(tokens) < 3 or tokens[0][2] != "name" or tokens[1][3] != "(":
        return not_a_call
    name = tokens[0][3]
    if name not in macros:
        return 0, f"`{name}` is not one of the guide's macros", _suggest(name, macros, "macros")
    position = _arguments(tokens, 1)
    if isinstance(position, tuple):
        return position
    while position < len(tokens):
        if tokens[position][3] != "|" or position + 1 >= len(tokens) or tokens[position + 1][2] != "name":
            return (position, "only the guide's filters may follow a macro call, as in `| md_text`",
                    "remove what follows the macro's closing bracket")
        filter_name = tokens[position + 1][3]
        if filter_name not in filters:
            return position + 1, f"`{filter_name}` is not one of the guide's filters", _suggest(filter_name, filters, "filters")
        position += 2
        if position < len(tokens) and tokens[position][3] == "(":
            position = _arguments(tokens, position)
            if isinstance(position, tuple):
                return position
    return None


def _arguments(tokens: Sequence[Token], start: int) -> int | tuple[int, str, str]:
    """Check ``( literal, name=literal, ... )`` from ``tokens[start]`` (the ``(``); return the
    index after the ``)``, or a problem."""
    wrong = "an argument to a macro must be text in quotes, a number, true, false or none"
    position = start + 1
    while position < len(tokens) and tokens[position][3] != ")":
        if tokens[position][2] == "name" and position + 1 < len(tokens) and tokens[position + 1][3] == "=":
            position += 2  # a keyword argument
        if position < len(tokens) and tokens[position][3] == "-":
            position += 1  # a negative number
        if position >= len(tokens) or not _is_literal(tokens[position]):
            return min(position, len(tokens) - 1), wrong, "write the value itself, such as `\"performance\"`"
        position += 1
        if position < len(tokens) and tokens[position][3] == ",":
            position += 1
        elif position < len(tokens) and tokens[position][3] != ")":
            return position, wrong, "separate arguments with commas"
    if position >= len(tokens):
        return len(tokens) - 1, "the macro call has no closing bracket", "end it with `)`"
    return position + 1


def _is_literal(token: Token) -> bool:
    kind, value = token[2], token[3]
    return kind in _LITERALS or (kind == "name" and value in _CONSTANT_NAMES)


def _suggest(name: str, known: frozenset[str], what: str) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"did you mean `{close[0]}`?" if close else f"the guide's {what}: " + ", ".join(sorted(known))


# --- snippets ------------------------------------------------------------------------------


def _snippet_lines(lines: list[str]) -> Iterator[tuple[int, int, str]]:
    """(line, column, path) of every snippet a file includes, inline or in a block, the way
    pymdownx.snippets reads them (with its own patterns)."""
    in_block = False
    for number, line in enumerate(lines, start=1):
        match = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
        if match:
            if match.group("escape"):
                continue
            if match.group("inline_marker"):
                if not in_block:
                    yield number, match.start("snippet") + 1, match.group("snippet")[1:-1].strip()
                continue
            in_block = not in_block
            continue
        if in_block:
            path = line.strip()
            if path and not path.startswith(";"):
                yield number, len(line) - len(line.lstrip()) + 1, path


def _target_file(path: str) -> str:
    """The file part of ``file.py:section`` or ``file.py:3:10`` (pymdownx's own pattern)."""
    match = SnippetPreprocessor.RE_SNIPPET_FILE.match(path[:500])
    return str(match.group(1)) if match else path


def lint_snippets(text: str, name: str, root: Path, seen: tuple[str, ...] = ()) -> list[Problem]:
    """Problems with the snippets ``text`` includes; ``name`` is the file shown in problems and
    ``root`` the project folder that holds ``includes/`` and ``examples/``."""
    problems = []
    folders = [(root / folder).resolve() for folder in SNIPPET_FOLDERS]
    for line, column, path in _snippet_lines(text.splitlines()):
        found, wrong = _snippet_file(_target_file(path), folders)
        if wrong:
            message, hint = wrong
            problems.append(Problem(name, line, column, "", message.format(path=path), hint))
            continue
        if found is None:
            continue  # not reached: a missing file comes back as ``wrong``
        real = found.resolve()
        key = real.as_posix()
        if key not in seen and len(seen) < _MAX_SNIPPET_DEPTH:
            shown = shown_path(real, root.resolve(), key)
            nested, unreadable = read_text(real, shown)
            problems += unreadable + lint_snippets(nested, shown, root, (*seen, key))
    return problems


def _snippet_file(target: str, folders: list[Path]) -> tuple[Path | None, tuple[str, str] | None]:
    """The file a snippet path names, or why it may not be read (a message with ``{path}``, a hint)."""
    if target.lower().startswith(("http://", "https://")):
        return None, ("the snippet '{path}' is an address; snippets are read only from files",
                      "copy what you need into a file under includes/ or examples/")
    if os.path.isabs(target) or ".." in Path(target).parts:
        return None, ("the snippet '{path}' points outside the snippet folders",
                      "write a path inside includes/ or examples/, without `..`")
    found = next((folder / target for folder in folders if (folder / target).is_file()), None)
    if found is None:
        return None, ("the snippet '{path}' is not a file in includes/ or examples/", _snippet_hint(target))
    if not any(found.resolve().is_relative_to(folder) for folder in folders):
        return None, ("the snippet '{path}' is a link to a file outside the snippet folders",
                      "include the file itself, not a symbolic link to it")
    return found, None


def _snippet_hint(target: str) -> str:
    first, _, rest = target.partition("/")
    if first in SNIPPET_FOLDERS and rest:
        return f"paths start inside includes/ or examples/: write `{rest}`"
    return "paths start inside includes/ or examples/, e.g. `fastapi_app/crud.py`"


# --- the text itself and its front matter ----------------------------------------------------


def read_text(path: Path, name: str) -> tuple[str, list[Problem]]:
    """The text of a page or an included file, or the reasons it cannot be shown as written
    (not UTF-8, too long, a refused character: see :func:`guide.data.yamlsource.decode`)."""
    try:
        return decode(path.read_bytes()), []
    except YamlProblem as unreadable:
        return "", [Problem(name, p.mark.line, p.mark.column, "", p.message, p.hint) for p in unreadable.problems]


def lint_front_matter(text: str, page: str) -> list[Problem]:
    """A page's YAML front matter, read under the data files' rules."""
    match = FRONT_MATTER.match(text)
    if not match:
        return []
    try:
        parse_yaml(match.group(1))
    except YamlProblem as refused:
        return [
            Problem(page, p.mark.line + 1, p.mark.column, "",
                    "front matter: " + f"{format_path(p.path)}: " * bool(p.path) + p.message, p.hint)
            for p in refused.problems
        ]
    return []


# --- every page ----------------------------------------------------------------------------


def lint_pages(docs_dir: Path, root: Path, display_root: Path | None = None) -> list[Problem]:
    """Every problem of every Markdown page under ``docs_dir``, sorted by page and line."""
    macros, filters = registered_names()
    html = HtmlReader(root, SNIPPET_FOLDERS)
    shown_root = (display_root or root).resolve()
    problems = []
    for page in sorted(Path(docs_dir).rglob("*.md")):
        resolved = page.resolve()
        name = shown_path(resolved, shown_root, page.as_posix())
        text, unreadable = read_text(page, name)
        if unreadable:
            problems += unreadable
            continue
        problems += lint_front_matter(text, name)
        problems += lint_jinja(text, name, macros, filters)
        snippet_problems = lint_snippets(text, name, root)
        problems += snippet_problems
        if not snippet_problems:  # else Markdown would read what the snippet check refuses
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            problems += html.lint(text, *jinja_output(text), name)
    return sorted(set(problems), key=lambda p: (p.file, p.line, p.column, p.message))  # an included file's once
