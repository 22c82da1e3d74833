"""One test per kind of data mistake: each asserts the file, line, column and message that a
contributor sees, on a copy of the real data with a single change."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide.validate import check_data

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 25)


class DataCopy:
    def __init__(self, tmp_path: Path):
        self.root = tmp_path
        shutil.copytree(ROOT / "data", tmp_path / "data")

    def edit(self, file: str, old: str, new: str, count: int = 1) -> int:
        """Replace the first ``count`` occurrences; return the 1-based line of the first new text."""
        path = self.root / "data" / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not found in {file}"
        start = text.index(old)
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return text[:start].count("\n") + 1

    def line_of(self, file: str, needle: str, occurrence: int = 1) -> int:
        text = (self.root / "data" / file).read_text(encoding="utf-8")
        index = -1
        for _ in range(occurrence):
            index = text.index(needle, index + 1)
        return text[:index].count("\n") + 1

    def problems(self, today: dt.date = TODAY):
        guide, problems = check_data(self.root / "data", ROOT / "docs", today=today, display_root=self.root)
        return guide, problems

    def messages(self, today: dt.date = TODAY) -> list[str]:
        return [str(p) for p in self.problems(today)[1] if p.severity == "error"]


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)


def test_the_real_data_is_valid():
    guide, problems = check_data(ROOT / "data", ROOT / "docs", today=TODAY, display_root=ROOT)
    assert [p for p in problems if p.severity == "error"] == []
    assert guide is not None
    assert len(guide.criteria) >= 24 and len(guide.groups) >= 6
    assert len(guide.decision.questions) >= 6 and len(guide.decision.outcomes) >= 5


def test_yaml_syntax_error_names_the_line(data):
    line = data.edit("criteria.yml", "    title: Performance\n", "    title: Performance: fast\n")
    [message] = data.messages()
    assert message.startswith(f"data/criteria.yml:{line}:")
    assert "YAML syntax error: mapping values are not allowed here" in message
    assert "needs quotes" in message


def test_duplicate_key_is_refused_not_silently_dropped(data):
    line = data.edit("frameworks.yml", "    licence: MIT\n", "    licence: MIT\n    licence: Apache-2.0\n")
    assert data.messages() == [
        f"data/frameworks.yml:{line + 1}:5: frameworks[0].licence: duplicate key 'licence' (first at line {line}) "
        "(YAML keeps only the last of two equal keys, so one would be lost: merge them or rename one)"
    ]


def test_duplicate_key_deep_inside_an_assessment(data):
    line = data.line_of("criteria.yml", "            verdict:")
    data.edit("criteria.yml", "            rating: strong\n", "            rating: strong\n            rating: good\n")
    [message] = data.messages()
    assert message.startswith(f"data/criteria.yml:{line - 1 + 1}:13: groups[0].criteria[0].assessments.fastapi.rating: duplicate key 'rating'")


def test_unknown_key_suggests_the_close_one(data):
    line = data.edit("criteria.yml", "            verdict:", "            verdit:")
    messages = data.messages()
    assert f"data/criteria.yml:{line}:13: groups[0].criteria[0].assessments.fastapi.verdit: unknown key 'verdit' (did you mean 'verdict'?)" in messages
    assert any("assessments.fastapi.verdict: missing required field 'verdict'" in m for m in messages)


def test_missing_required_field_points_at_its_parent(data):
    line = data.line_of("frameworks.yml", "  - id: django")
    data.edit("frameworks.yml", "    licence: BSD-3-Clause\n", "")
    assert data.messages() == [
        f"data/frameworks.yml:{line}:5: frameworks[1].licence: missing required field 'licence' "
        "(SPDX identifier, e.g. `MIT` or `BSD-3-Clause`.)"
    ]


def test_wrong_type_is_named(data):
    line = data.edit("frameworks.yml", '    version: "0.165"', "    version: 0.165")
    assert data.messages() == [f"data/frameworks.yml:{line}:14: frameworks[0].version: expected text, got a number (put the text in quotes)"]


def test_yes_no_booleans_get_a_quoting_hint(data):
    line = data.edit("decision.yml", "      - label: Django\n", "      - label: yes\n")
    assert data.messages() == [
        f"data/decision.yml:{line}:16: questions[6].answers[0].label: expected text, got yes/no (a boolean) "
        "(YAML reads yes/no/on/off/true/false as booleans: put the text in quotes)"
    ]


def test_empty_string_is_an_error(data):
    line = data.edit("frameworks.yml", "    licence: MIT", '    licence: ""')
    assert data.messages() == [f"data/frameworks.yml:{line}:14: frameworks[0].licence: must not be empty (SPDX identifier, e.g. `MIT` or `BSD-3-Clause`.)"]


def test_unknown_rating_lists_the_scale(data):
    line = data.edit("criteria.yml", "            rating: strong", "            rating: grate")
    assert data.messages() == [
        f"data/criteria.yml:{line}:21: groups[0].criteria[0].assessments.fastapi.rating: 'grate' is not a rating "
        "(expected one of: strong, good, fair, weak) (did you mean 'great'?)".replace(" (did you mean 'great'?)", " (see the rating scale on the Methodology page)")
    ]


def test_misspelt_rating_gets_a_suggestion(data):
    data.edit("criteria.yml", "            rating: strong", "            rating: strnog")
    [message] = data.messages()
    assert message.endswith("'strnog' is not a rating (expected one of: strong, good, fair, weak) (did you mean 'strong'?)")


def test_ids_must_be_unique(data):
    first = data.line_of("criteria.yml", "      - id: throughput")
    line = data.edit("criteria.yml", "      - id: realtime\n", "      - id: throughput\n")
    messages = data.messages()
    assert f"data/criteria.yml:{line}:13: groups[0].criteria[2].id: id 'throughput' is used twice (first at line {first}) (every id must be unique: rename one)" in messages


def test_verdict_for_an_unknown_framework_and_the_missing_one(data):
    line = data.edit("criteria.yml", "          django:\n", "          djangoo:\n")
    messages = data.messages()
    assert f"data/criteria.yml:{line}:11: groups[0].criteria[0].assessments.djangoo: no framework has the id 'djangoo' (did you mean 'django'?)" in messages
    assessments_line = data.line_of("criteria.yml", "        assessments:")
    assert (
        f"data/criteria.yml:{assessments_line}:9: groups[0].criteria[0].assessments: no assessment for framework 'django' "
        "(add `django:` with rating, verdict, detail and sources)"
    ) in messages


def test_outcome_naming_an_unknown_framework(data):
    line = data.edit("decision.yml", "      - framework: fastapi\n", "      - framework: flask\n")
    [message] = data.messages()
    assert message == f"data/decision.yml:{line}:20: outcomes[3].recommends[0].framework: no framework has the id 'flask' (known frameworks: fastapi, django)"


def test_answer_that_leads_nowhere(data):
    line = data.edit("decision.yml", "        next: team\n", "        next: teem\n")
    messages = data.messages()
    assert f"data/decision.yml:{line}:15: questions[3].answers[1].next: no question or outcome has the id 'teem' (did you mean 'team'?)" in messages


def test_unreachable_node(data):
    data.edit("decision.yml", "        next: data-model\n", "        next: fastapi-data\n")
    line = data.line_of("decision.yml", "  - id: data-model")
    assert data.messages() == [
        f"data/decision.yml:{line}:9: questions[5].id: 'data-model' cannot be reached from the start 'existing-codebase' "
        "(point an answer's `next` at it, or remove it)"
    ]


def test_cycle_is_refused(data):
    line = data.edit("decision.yml", "      - label: Django\n        next: django-api\n", "      - label: Django\n        next: product-kind\n") + 1
    messages = data.messages()
    assert any(
        m.startswith(f"data/decision.yml:{line}:15: questions[6].answers[0].next: this answer closes a loop: ")
        and m.endswith("-> product-kind (a decision must always move forward: point it at a later question or an outcome)")
        for m in messages
    ), messages


def test_path_that_never_reaches_an_outcome(data):
    data.edit("decision.yml", "        next: fastapi-data\n", "        next: data-model\n")
    data.edit("decision.yml", "      - label: Yes, and the heavy processing is one part of it\n        next: both-together\n",
              "      - label: Yes, and the heavy processing is one part of it\n        next: data-model\n")
    line = data.line_of("decision.yml", "  - id: data-model")
    messages = data.messages()
    assert (
        f"data/decision.yml:{line}:9: questions[5].id: no path from question 'data-model' ever reaches an outcome "
        "(make at least one answer lead, directly or through other questions, to an outcome)"
    ) in messages
    assert any("closes a loop" in m for m in messages)


def test_link_to_a_page_that_does_not_exist(data):
    line = data.edit("decision.yml", "    pages: [when-django.md, development.md]", "    pages: [when-djangoo.md, development.md]")
    assert data.messages() == [
        f"data/decision.yml:{line}:13: outcomes[0].pages[0]: page 'when-djangoo.md' does not exist (give a path under {(ROOT / 'docs').as_posix()}/, e.g. `performance.md`)"
    ]


def test_javascript_url_is_refused(data):
    line = data.edit("criteria.yml", "                url: https://fastapi.tiangolo.com/async/", "                url: javascript:alert(1)")
    assert data.messages() == [
        f"data/criteria.yml:{line}:22: groups[0].criteria[1].assessments.fastapi.sources[0].url: 'javascript:alert(1)' is not an http(s) address "
        "(write the full address, starting with https://)"
    ]


def test_date_that_does_not_exist(data):
    line = data.edit("frameworks.yml", "    reviewed: 2026-11-25", "    reviewed: 2026-02-30")
    assert data.messages() == [f"data/frameworks.yml:{line}:15: frameworks[0].reviewed: '2026-02-30' is not a real date (write it as YYYY-MM-DD, e.g. 2026-11-25)"]


def test_date_in_the_future(data):
    line = data.edit("frameworks.yml", "    reviewed: 2026-11-25", "    reviewed: 2099-01-01")
    assert data.messages() == [f"data/frameworks.yml:{line}:15: frameworks[0].reviewed: date 2099-01-01 lies in the future (use the day the check was done (today is 2026-11-25))"]


def test_html_in_text_is_refused(data):
    line = data.edit("frameworks.yml", "    summary: An API framework", "    summary: <script>alert(1)</script> An API framework")
    assert data.messages() == [
        f"data/frameworks.yml:{line}:14: frameworks[0].summary: contains an HTML tag, which the guide shows as plain text "
        "(write plain text; put code such as `<form>` in backticks)"
    ]


def test_code_in_backticks_and_comparisons_are_fine(data):
    data.edit("frameworks.yml", "    summary: An API framework", "    summary: p99 < 50 ms, `<form>` and {{ x }} | pipes; an API framework")
    assert data.messages() == []


def test_markdown_link_in_text_is_refused(data):
    line = data.edit("frameworks.yml", "    summary: An API framework", "    summary: See [the docs](https://example.org) for an API framework")
    [message] = data.messages()
    assert message.startswith(f"data/frameworks.yml:{line}:14: frameworks[0].summary: contains a Markdown link")


def test_every_problem_is_reported_at_once(data):
    data.edit("frameworks.yml", "    licence: MIT", '    licence: ""')
    data.edit("decision.yml", "        next: team\n", "        next: teem\n")
    data.edit("claims.yml", "    finding: supported", "    finding: proven")
    files = sorted({m.split(":")[0] for m in data.messages()})
    assert files == ["data/claims.yml", "data/decision.yml", "data/frameworks.yml"]


def test_stale_reviews_are_warnings_not_errors(data):
    guide, problems = data.problems(today=dt.date(2028, 1, 1))
    assert guide is not None
    warnings = [str(p) for p in problems if p.severity == "warning" and "last reviewed" in p.message]
    assert len(warnings) == len(guide.criteria)
    line = data.line_of("criteria.yml", "        reviewed: 2026-11-25")
    assert warnings[0] == (
        f"data/criteria.yml:{line}:19: groups[0].criteria[0].reviewed: warning: last reviewed 2026-11-25, over a year ago "
        "(re-check the sources and update `reviewed` and each source's `accessed`)"
    )


def test_top_level_must_be_a_mapping(data):
    (data.root / "data" / "claims.yml").write_text("- just a list\n")
    assert data.messages() == ["data/claims.yml:1:1: the file must be a mapping of keys to values (it starts with: `claims:`)"]


def test_missing_file(data):
    (data.root / "data" / "claims.yml").unlink()
    assert data.messages() == ["data/claims.yml:1:1: file is missing (create claims.yml; see the data reference page)"]


def test_cli_exits_non_zero_and_prints_every_error(data):
    data.edit("frameworks.yml", "    licence: MIT", '    licence: ""')
    shutil.copytree(ROOT / "docs", data.root / "docs")
    result = subprocess.run([sys.executable, "-m", "guide", "check", "--root", str(data.root)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/frameworks.yml:" in result.stderr and "must not be empty" in result.stderr
    assert "data check failed: 1 error(s)" in result.stderr


def test_cli_passes_on_the_real_data():
    guide, _ = check_data(ROOT / "data", ROOT / "docs", display_root=ROOT)
    result = subprocess.run([sys.executable, "-m", "guide", "check", "--root", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counts = f"{len(guide.frameworks)} frameworks, {len(guide.groups)} groups, {len(guide.criteria)} criteria"
    assert result.stdout.startswith(f"data ok: {counts}")
