"""Load ``data/*.yml`` once, check it completely and build the :class:`~guide.model.Guide`.

Every problem is collected, never just the first, and each names the file, line, column, the
path of the field, what is wrong and a hint a newcomer can act on:
``data/criteria.yml:88:15: groups[2].criteria[4].assessments.fastapi.rating: 'grate' is not a
rating; expected one of: strong, good, fair, weak (see the rating scale on the Methodology page)``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from guide.data import models
from guide.data.characters import refused_characters
from guide.data.models import Guide, review_is_stale
from guide.data.sourcerules import source_findings

from guide.data.yamlsource import Located, Mark, PathKey, YamlProblem, read_yaml

DATA_FILES: dict[str, type[BaseModel]] = {
    "frameworks.yml": models.FrameworksFile,
    "criteria.yml": models.CriteriaFile,
    "decision.yml": models.DecisionFile,
    "claims.yml": models.ClaimsFile,
    "benchmarks.yml": models.BenchmarksFile,
    "presets.yml": models.PresetsFile,
}
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--")
_MD_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_CODE_SPAN = re.compile(r"`[^`]*`")
_BRACKETED = re.compile(r"\s*\(([^()]*\s[^()]*)\)")  # a clause in brackets, not "framework(s)"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        field = f" {self.path}:" if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        label = "warning: " if self.severity == "warning" else ""
        return f"{where}:{field} {label}{self.message}{hint}"


class DataError(Exception):
    """Raised by :func:`load_guide` when the data has errors; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        count = f"{len(errors)} problem" + ("" if len(errors) == 1 else "s")
        super().__init__(f"{count} in the guide's data:\n" + "\n".join(map(str, errors)))


def format_path(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Collector:
    def __init__(self, data_dir: Path, display_root: Path | None):
        self.data_dir = data_dir
        self.display_root = display_root
        self.problems: list[Problem] = []

    def name(self, file: str) -> str:
        return self.display(self.data_dir / file)

    def display(self, path: Path) -> str:
        """``path`` as the contributor sees it: relative to the project folder when inside it."""
        if self.display_root:
            try:
                return path.resolve().relative_to(self.display_root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def add(self, file: str, mark: Mark, path: PathKey, message: str, hint: str = "", severity="error"):
        self.problems.append(
            Problem(self.name(file), mark.line, mark.column, format_path(path), message, hint, severity)
        )


def check_data(
    data_dir: Path, docs_dir: Path | None = None, *, today: dt.date | None = None, display_root: Path | None = None
) -> tuple[Guide | None, list[Problem]]:
    """Validate every data file and cross-check them; return the Guide (if error-free) and all problems."""
    today = today or dt.date.today()
    out = _Collector(Path(data_dir), display_root if display_root is not None else Path.cwd())
    parsed: dict[str, tuple[BaseModel, Located]] = {}
    for file, model in DATA_FILES.items():
        path = Path(data_dir) / file
        if not path.exists():
            out.add(file, Mark(1, 1), (), "file is missing", f"create {file}; see the data reference page")
            continue
        try:
            located = read_yaml(path)
        except YamlProblem as unreadable:
            for problem in unreadable.problems:
                out.add(file, problem.mark, problem.path, problem.message, problem.hint)
            continue
        instance = _validate_model(model, located, file, out)
        if instance is not None:
            _check_text(instance, (), located, file, out)
            parsed[file] = (instance, located)
    _cross_check(parsed, Path(docs_dir) if docs_dir else None, today, out)
    if docs_dir:
        _check_page_sources(Path(docs_dir), today, out)
    errors = [p for p in out.problems if p.severity == "error"]
    guide = None
    if not errors and len(parsed) == len(DATA_FILES):
        guide = Guide(
            frameworks=parsed["frameworks.yml"][0].frameworks,
            groups=parsed["criteria.yml"][0].groups,
            decision=parsed["decision.yml"][0],
            claims=parsed["claims.yml"][0].claims,
            benchmarks=parsed["benchmarks.yml"][0].benchmarks,
            presets=parsed["presets.yml"][0].presets,
        )
    order = {"error": 0, "warning": 1}
    out.problems.sort(key=lambda p: (order[p.severity], p.file, p.line, p.column))
    return guide, out.problems


def load_guide(data_dir: Path, docs_dir: Path | None = None, **kwargs) -> Guide:
    """The Guide, or :class:`DataError` listing every error."""
    guide, problems = check_data(data_dir, docs_dir, **kwargs)
    if guide is None:
        raise DataError(problems)
    return guide


# --- schema errors -------------------------------------------------------------------------


def _validate_model(model: type[BaseModel], located: Located, file: str, out: _Collector):
    if not isinstance(located.data, dict):
        out.add(file, located.mark(()), (), "the file must be a mapping of keys to values", _top_hint(model))
        return None
    try:
        return model.model_validate(located.data)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            loc = tuple(item["loc"])
            message, hint = _explain(model, item, loc)
            at_key = item["type"] == "extra_forbidden"
            mark = located.mark(loc, key=at_key) if item["type"] != "missing" else located.mark(loc[:-1])
            out.add(file, mark, loc, message, hint)
        return None


def _top_hint(model: type[BaseModel]) -> str:
    return "it starts with: " + ", ".join(f"`{name}:`" for name in model.model_fields)


def _unwrap(annotation):
    """Strip Annotated and Optional to reach the underlying type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def _model_at(model, loc: PathKey):
    """The pydantic model class or annotation that the location ``loc`` points into."""
    current = model
    for part in loc:
        current = _unwrap(current)
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
    return _unwrap(current)


def _describe(value) -> str:
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


def _explain(model, item: dict, loc: PathKey) -> tuple[str, str]:
    kind, value, ctx = item["type"], item.get("input"), item.get("ctx") or {}
    target = _model_at(model, loc)
    parent = _model_at(model, loc[:-1]) if loc else None
    field_info = None
    if isinstance(parent, type) and issubclass(parent, BaseModel) and loc and isinstance(loc[-1], str):
        field_info = parent.model_fields.get(loc[-1])
    described = _as_hint(field_info.description or "") if field_info else ""

    if kind == "extra_forbidden":
        known = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
        return f"unknown key '{loc[-1]}'", hint
    if kind == "missing":
        return f"missing required field '{loc[-1]}'", described or f"add `{loc[-1]}:`"
    if kind == "enum" and isinstance(target, type) and issubclass(target, Enum):
        allowed = ", ".join(member.value for member in target)
        noun = "rating" if target is models.Rating else "value"
        close = difflib.get_close_matches(str(value), [m.value for m in target], n=1)
        hint = f"did you mean '{close[0]}'?" if close else "see the rating scale on the Methodology page"
        return f"'{value}' is not a {noun}; expected one of: {allowed}", hint
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        return f"'{value}' is not allowed; expected one of: {expected}", described
    if kind in ("string_type", "str_type"):
        hint = "put the text in quotes"
        if isinstance(value, bool):
            hint = "YAML reads yes/no/on/off/true/false as booleans: put the text in quotes"
        return f"expected text, got {_describe(value)}", hint
    if kind == "string_too_short":
        return "must not be empty", described or "write something or remove the key"
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return f"is {len(str(value))} characters long; at most {limit} fit", "keep it to one line; move detail into `detail`"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a valid id", "use lower-case words joined by hyphens, e.g. `raw-throughput`"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"'{value}' is not a real date", "write it as YYYY-MM-DD, e.g. 2026-11-25"
    if kind == "too_short":
        need, found = ctx.get("min_length", 1), ctx.get("actual_length", 0)
        return f"needs at least {_items(need)}, found {found}", described
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, got {_describe(value)}", "start each item with `- ` on its own line"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of keys to values, got {_describe(value)}", "write `key: value` pairs, indented under this key"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, got {_describe(value)}", "write `true` or `false`"
    message = item["msg"]  # pydantic's own words, in the same lower-case style as the rest
    return message[:1].lower() + message[1:], described


def _as_hint(description: str) -> str:
    """A field's description (a sentence for the data reference) worded as a hint: lower case,
    no closing full stop, and its brackets as a clause, since the hint itself goes in brackets."""
    hint = _BRACKETED.sub(r", \1", description).removesuffix(".")
    return hint[:1].lower() + hint[1:] if hint[1:2].islower() else hint


def _items(count: int) -> str:
    return "one item" if count == 1 else f"{count} items"


# --- text that would not render as written ---------------------------------------------------


def _check_text(value, path: PathKey, located: Located, file: str, out: _Collector):
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name in ("url", "homepage", "repository"):
                _check_url(getattr(value, name), path + (name,), located, file, out)
            else:
                _check_text(getattr(value, name), path + (name,), located, file, out)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_text(item, path + (index,), located, file, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(item, path + (key,), located, file, out)
    elif isinstance(value, str):
        _check_characters(value, path, located, file, out)
        prose = _CODE_SPAN.sub("", value)
        if _HTML_TAG.search(prose):
            out.add(file, located.mark(path), path, "contains an HTML tag, which the guide shows as plain text",
                    "write plain text; put code such as `<form>` in backticks")
        if _MD_LINK.search(prose):
            out.add(file, located.mark(path), path, "contains a Markdown link, which the guide shows as plain text",
                    "put the address in `sources` or `pages` instead of the text")


def _check_characters(text: str, path: PathKey, located: Located, file: str, out: _Collector):
    """Refused characters that reached a value through an escape (``"\\u202e"``): the reader
    already refused every one written as itself, at its exact position."""
    for found in refused_characters(text):
        out.add(file, located.mark(path), path, f"contains {found.describe()}",
                f"remove the backslash escape that writes it inside the quotes, such as `\\u{ord(found.character):04x}`")


def _check_url(url: str, path: PathKey, located: Located, file: str, out: _Collector):
    _check_characters(url, path, located, file, out)
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url.strip()):
        out.add(file, located.mark(path), path, f"'{url}' is not an http or https address",
                "write the full address, starting with https://")


# --- addresses cited in the pages ------------------------------------------------------------

_PAGE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")


def _check_page_sources(docs_dir: Path, today: dt.date, out: _Collector):
    """The pages' footnotes cite sources too: the same durable-source rules apply to them."""
    for page in sorted(docs_dir.rglob("*.md")):
        shown = out.display(page)
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in _PAGE_URL.finditer(line):
                url = match.group().rstrip(".,;:")
                for _rule, finding in source_findings(url, "", today):
                    out.problems.append(Problem(shown, number, match.start() + 1, url, finding.message, finding.hint, finding.severity))


# --- cross-file checks ------------------------------------------------------------------------


def _cross_check(parsed, docs_dir: Path | None, today: dt.date, out: _Collector):
    """Checks across files; each runs when the files it needs passed the schema, so one typo
    never hides the other problems."""

    def unique(file, located, items):
        seen: dict[str, int] = {}
        for path, item_id in items:
            if item_id in seen:
                out.add(file, located.mark(path + ("id",)), path + ("id",),
                        f"id '{item_id}' is used twice; the first one is at line {seen[item_id]}",
                        "every id must be unique: rename one")
            else:
                seen[item_id] = located.mark(path + ("id",)).line

    def known(file, located, path, value, pool, what, key=False):
        if pool is not None and value not in pool:
            close = difflib.get_close_matches(value, list(pool), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known {what} ids: " + ", ".join(pool)
            out.add(file, located.mark(path, key=key), path, f"no {what} has the id '{value}'", hint)

    def page(file, located, path, target):
        if docs_dir is None:
            return
        if not target.endswith(".md") or ".." in target.split("/") or not (docs_dir / target).is_file():
            out.add(file, located.mark(path), path, f"page '{target}' does not exist",
                    f"give a path under {docs_dir.as_posix()}/, e.g. `performance.md`")

    def not_future(file, located, path, date):
        if date > today:
            out.add(file, located.mark(path), path, f"date {date.isoformat()} lies in the future",
                    f"use the day the check was done; today is {today.isoformat()}")

    framework_ids = criterion_ids = None
    if "frameworks.yml" in parsed:
        frameworks_file, fw_loc = parsed["frameworks.yml"]
        # dicts, not lists: ordered for the hints, and each `in` check costs O(1), not O(n)
        framework_ids = dict.fromkeys(f.id for f in frameworks_file.frameworks)
        unique("frameworks.yml", fw_loc, [(("frameworks", i), f.id) for i, f in enumerate(frameworks_file.frameworks)])
        for i, framework in enumerate(frameworks_file.frameworks):
            not_future("frameworks.yml", fw_loc, ("frameworks", i, "reviewed"), framework.reviewed)
            if framework.page:
                page("frameworks.yml", fw_loc, ("frameworks", i, "page"), framework.page)

    if "criteria.yml" in parsed:
        criteria_file, cr_loc = parsed["criteria.yml"]
        unique("criteria.yml", cr_loc, [(("groups", g), group.id) for g, group in enumerate(criteria_file.groups)])
        criterion_paths = [
            (("groups", g, "criteria", c), criterion.id)
            for g, group in enumerate(criteria_file.groups)
            for c, criterion in enumerate(group.criteria)
        ]
        unique("criteria.yml", cr_loc, criterion_paths)
        criterion_ids = dict.fromkeys(cid for _, cid in criterion_paths)
        for g, group in enumerate(criteria_file.groups):
            if group.page:
                page("criteria.yml", cr_loc, ("groups", g, "page"), group.page)
            for c, criterion in enumerate(group.criteria):
                _check_criterion(criterion, ("groups", g, "criteria", c), cr_loc, framework_ids, today, known, page, not_future, out)

    if "decision.yml" in parsed:
        decision, de_loc = parsed["decision.yml"]
        _check_decision(decision, de_loc, framework_ids, criterion_ids, known, page, unique, today, not_future, out)

    if "benchmarks.yml" in parsed:
        benchmarks_file, be_loc = parsed["benchmarks.yml"]
        _check_benchmarks(benchmarks_file, be_loc, framework_ids, today, known, unique, not_future, out)

    if "presets.yml" in parsed:
        groups = parsed["criteria.yml"][0].groups if "criteria.yml" in parsed else None
        _check_presets(parsed["presets.yml"], groups, known, unique, out)

    if "claims.yml" in parsed:
        claims_file, cl_loc = parsed["claims.yml"]
        unique("claims.yml", cl_loc, [(("claims", i), claim.id) for i, claim in enumerate(claims_file.claims)])
        for i, claim in enumerate(claims_file.claims):
            for k, cid in enumerate(claim.criteria):
                known("claims.yml", cl_loc, ("claims", i, "criteria", k), cid, criterion_ids, "criterion")


def _check_criterion(criterion, base, located, framework_ids, today, known, page, not_future, out):
    file = "criteria.yml"
    not_future(file, located, base + ("reviewed",), criterion.reviewed)
    if review_is_stale(criterion.reviewed, today):
        out.add(file, located.mark(base + ("reviewed",)), base + ("reviewed",),
                f"last reviewed {criterion.reviewed.isoformat()}, over a year ago",
                "re-check the sources and update `reviewed` and each source's `accessed`", "warning")
    for e, example in enumerate(criterion.examples):
        page(file, located, base + ("examples", e), example)
    for fid, assessment in criterion.assessments.items():
        known(file, located, base + ("assessments", fid), fid, framework_ids, "framework", key=True)
        _check_sources(file, located, base + ("assessments", fid, "sources"), assessment.sources, today, not_future, out)
    for fid in framework_ids or []:
        if fid not in criterion.assessments:
            out.add(file, located.mark(base + ("assessments",), key=True), base + ("assessments",),
                    f"no assessment for framework '{fid}'", f"add `{fid}:` with rating, verdict, detail and sources")


def _check_sources(file, located, base, sources, today, not_future, out):
    """Each source: checked on a real day, and durable by every rule in ``guide.data.sourcerules``."""
    for s, source in enumerate(sources):
        not_future(file, located, base + (s, "accessed"), source.accessed)
        for _rule, finding in source_findings(source.url, source.title, today):
            out.add(file, located.mark(base + (s, "url")), base + (s, "url"), finding.message, finding.hint, finding.severity)


def _check_benchmarks(benchmarks_file, located, framework_ids, today, known, unique, not_future, out):
    file = "benchmarks.yml"
    unique(file, located, [(("benchmarks", b), run.id) for b, run in enumerate(benchmarks_file.benchmarks)])
    for b, run in enumerate(benchmarks_file.benchmarks):
        base = ("benchmarks", b)
        not_future(file, located, base + ("published",), run.published)
        unique(file, located, [(base + ("tests", t), test.id) for t, test in enumerate(run.tests)])
        test_ids = dict.fromkeys(test.id for test in run.tests)
        for k, stack in enumerate(run.stacks):
            known(file, located, base + ("stacks", k, "framework"), stack.framework, framework_ids, "framework")
            for test_id in stack.results:
                known(file, located, base + ("stacks", k, "results", test_id), test_id, test_ids, "test", key=True)
        for t, test in enumerate(run.tests):
            if not any(test.id in stack.results for stack in run.stacks):
                out.add(file, located.mark(base + ("tests", t, "id")), base + ("tests", t, "id"),
                        f"no setup has a result for test '{test.id}'", "add its figure to a stack's `results`, or remove the test")
        _check_sources(file, located, base + ("sources",), run.sources, today, not_future, out)


def _check_presets(parsed, groups, known, unique, out):
    """Presets name groups that exist and rank something; a group they leave out (one added
    since) counts as Medium, which is only worth a warning."""
    file = "presets.yml"
    presets_file, located = parsed
    unique(file, located, [(("presets", i), preset.id) for i, preset in enumerate(presets_file.presets)])
    group_ids = dict.fromkeys(g.id for g in groups) if groups is not None else None
    for i, preset in enumerate(presets_file.presets):
        base = ("presets", i, "weights")
        for group_id in preset.weights:
            known(file, located, base + (group_id,), group_id, group_ids, "group", key=True)
        if group_ids is None:
            continue
        missing = [g for g in group_ids if g not in preset.weights]
        if missing:
            out.add(file, located.mark(base, key=True), base,
                    f"no weight for {'group' if len(missing) == 1 else 'groups'} {', '.join(missing)}, "
                    f"which {'counts' if len(missing) == 1 else 'count'} as {models.DEFAULT_WEIGHT}, "
                    f"{models.WEIGHT_LABELS[models.DEFAULT_WEIGHT]}",
                    "give each group a weight from 0 to 3, e.g. `" + missing[0] + ": 2`", "warning")
        if all(preset.weights.get(g, models.DEFAULT_WEIGHT) == 0 for g in group_ids):
            out.add(file, located.mark(base, key=True), base, "every group has weight 0, so the preset ranks nothing",
                    "give at least one group a weight from 1 to 3")


def _check_decision(decision, located, framework_ids, criterion_ids, known, page, unique, today, not_future, out):
    file = "decision.yml"
    nodes = [(("questions", i), q.id) for i, q in enumerate(decision.questions)]
    nodes += [(("outcomes", i), o.id) for i, o in enumerate(decision.outcomes)]
    unique(file, located, nodes)
    where = {node_id: path for path, node_id in nodes}
    questions = {q.id: q for q in decision.questions}
    outcomes = {o.id: o for o in decision.outcomes}

    if decision.start not in questions:
        if decision.start in outcomes:
            out.add(file, located.mark(("start",)), ("start",), f"'{decision.start}' is an outcome",
                    "`start` must name the first question")
        else:
            known(file, located, ("start",), decision.start, questions, "question")
    for i, question in enumerate(decision.questions):
        for a, answer in enumerate(question.answers):
            known(file, located, ("questions", i, "answers", a, "next"), answer.next, where, "question or outcome")
    for i, outcome in enumerate(decision.outcomes):
        for r, rec in enumerate(outcome.recommends):
            known(file, located, ("outcomes", i, "recommends", r, "framework"), rec.framework, framework_ids, "framework")
        for k, cid in enumerate(outcome.criteria):
            known(file, located, ("outcomes", i, "criteria", k), cid, criterion_ids, "criterion")
        for p, target in enumerate(outcome.pages):
            page(file, located, ("outcomes", i, "pages", p), target)
    _check_backing(decision, located, today, not_future, out, file)

    # Reachability, cycles and dead ends, on the graph of answers that lead somewhere real.
    edges = {qid: [(a, ans.next) for a, ans in enumerate(q.answers) if ans.next in where] for qid, q in questions.items()}
    reached: set[str] = set()
    if decision.start in questions:
        stack = [decision.start]
        while stack:
            node = stack.pop()
            if node in reached:
                continue
            reached.add(node)
            stack.extend(nxt for _, nxt in edges.get(node, []))
        for path, node_id in nodes:
            if node_id not in reached:
                out.add(file, located.mark(path + ("id",)), path + ("id",),
                        f"'{node_id}' cannot be reached from the start '{decision.start}'",
                        "point an answer's `next` at it, or remove it")
    loops = _report_cycles(decision, edges, questions, located, out, file)
    # Walk the answers backwards from the outcomes: linear in the size of the tree.
    leads_here: dict[str, list[str]] = {}
    for qid, targets in edges.items():
        for _, nxt in targets:
            leads_here.setdefault(nxt, []).append(qid)
    leads_to_outcome = set(outcomes)
    pending = list(outcomes)
    while pending:
        for qid in leads_here.get(pending.pop(), []):
            if qid not in leads_to_outcome:
                leads_to_outcome.add(qid)
                pending.append(qid)
    for i, question in enumerate(decision.questions):
        if question.id not in leads_to_outcome:
            out.add(file, located.mark(("questions", i, "id")), ("questions", i, "id"),
                    f"no path from question '{question.id}' ever reaches an outcome",
                    "make at least one answer lead, directly or through other questions, to an outcome")
    sound = decision.start in questions and not loops and all(
        answer.next in where for question in decision.questions for answer in question.answers
    )
    if sound:
        _check_path_reasons(decision, located, out, file)


def _report_cycles(decision, edges, questions, located, out, file):
    index = {q.id: i for i, q in enumerate(decision.questions)}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    found = False

    # Depth first with an explicit stack (a recursive walk overflows on a deep tree, and copying
    # the trail at every step made it quadratic); reports the same loops in the same order.
    for q in decision.questions:
        if q.id in state:
            continue
        trail: list[str] = [q.id]  # the current path from q down; state 1 = on it
        position = {q.id: 0}
        stack = [(q.id, iter(edges.get(q.id, [])))]
        state[q.id] = 1
        while stack:
            node, answers = stack[-1]
            for a, nxt in answers:
                if nxt not in questions:
                    continue
                if state.get(nxt) == 1:
                    loop = trail[position[nxt]:] + [nxt]
                    path = ("questions", index[node], "answers", a, "next")
                    out.add(file, located.mark(path), path, "this answer closes a loop: " + " -> ".join(dict.fromkeys(loop)) + f" -> {nxt}",
                            "a decision must always move forward: point it at a later question or an outcome")
                    found = True
                elif nxt not in state:
                    state[nxt] = 1
                    position[nxt] = len(trail)
                    trail.append(nxt)
                    stack.append((nxt, iter(edges.get(nxt, []))))
                    break
            else:
                state[node] = 2
                trail.pop()
                del position[node]
                stack.pop()
    return found


def _check_backing(decision, located, today, not_future, out, file):
    """Every hint, reason and watch-out note is backed by its node's sources or judgement."""
    nodes = [("questions", i, q) for i, q in enumerate(decision.questions)]
    nodes += [("outcomes", i, o) for i, o in enumerate(decision.outcomes)]
    for kind, i, node in nodes:
        _check_sources(file, located, (kind, i, "sources"), node.sources, today, not_future, out)
        if kind == "questions":
            advice = node.hint or any(a.hint or a.because for a in node.answers)
            what = "its hint and its answers' hints and reasons"
        else:
            advice, what = True, "its `why` and watch-out notes"
        if advice and not node.sources and not node.judgement:
            noun = kind.removesuffix("s")
            out.add(file, located.mark((kind, i, "id")), (kind, i, "id"),
                    f"{noun} '{node.id}' gives advice with no source and no judgement",
                    f"add `sources:` with title, url and accessed where {what} can be checked, "
                    "or a `judgement:` that gives the guide's own reasoning")


def _check_path_reasons(decision, located, out, file):
    """Every path gives a reason of its own: at least one answer on it has `because`, and no
    two paths to the same outcome give the same reasons (the result could not tell them apart,
    so the outcome's reasons would fit only some of the answers that lead there)."""
    count = decision.path_count()
    if count > models.MAX_PATHS:
        out.add(file, located.mark(("start",)), ("start",),
                f"the tree has {count} paths from the start to an outcome; at most {models.MAX_PATHS} can be listed",
                "the Methodology page lists every path: let fewer answers lead into questions that other answers share")
        return
    index = {q.id: i for i, q in enumerate(decision.questions)}
    labels = {(q.id, a): answer.label for q in decision.questions for a, answer in enumerate(q.answers)}

    def where(step):
        return ("questions", index[step[0]], "answers", step[1])

    def shown(steps):
        return " > ".join(f'{question}: "{labels[(question, a)]}"' for question, a in steps)

    reported: set = set()
    seen: dict[tuple[str, frozenset], list] = {}
    for steps, outcome, given in decision.reasoned_paths():
        reasons = frozenset(text for _, text in given)
        if not reasons:
            last = where(steps[-1])
            if last not in reported:
                reported.add(last)
                out.add(file, located.mark(last), last,
                        f"leads to outcome '{outcome}' on a path that gives no reason of its own: {shown(steps)}",
                        "add `because:` to this answer, or to an earlier one on the path: one sentence on why "
                        "that answer leads to this outcome")
            continue
        other = seen.setdefault((outcome, reasons), steps)
        if other is not steps:
            parting = next(k for k, (mine, theirs) in enumerate(zip(steps, other)) if mine != theirs)
            at = where(steps[parting])
            if at in reported:
                continue
            reported.add(at)
            out.add(file, located.mark(at), at,
                    f"this path and another reach outcome '{outcome}' with the same reasons, so the result "
                    f"reads the same for different answers: {shown(steps)}; {shown(other)}",
                    "give this answer a `because:` that says what it changes, or lead it to an outcome of its own")
