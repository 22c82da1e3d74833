"""One test per kind of data mistake: each asserts the file, line, column and message that a
contributor sees, on a copy of the real data with a single change."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import yaml

from guide.data.validate import check_data

from helpers import ROOT, TODAY, DataCopy  # noqa: F401  (TODAY: other modules import it from here)


def decision_of(data: DataCopy) -> dict:
    return yaml.safe_load((data.root / "data" / "decision.yml").read_text(encoding="utf-8"))


def question_index(data: DataCopy, question_id: str) -> int:
    return next(i for i, q in enumerate(decision_of(data)["questions"]) if q["id"] == question_id)


def first_answer(data: DataCopy, test) -> tuple[int, int]:
    """(question index, answer index) of the first answer in the file that passes ``test``."""
    return next((q, a) for q, question in enumerate(decision_of(data)["questions"])
                for a, answer in enumerate(question["answers"]) if test(answer))


def edit_in_node(data: DataCopy, node_id: str, old: str, new: str) -> int:
    """Replace the first ``old`` inside the question or outcome ``node_id``; return its line."""
    path = data.root / "data" / "decision.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {node_id}\n")
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text[:at].count("\n") + 1


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
        f"data/frameworks.yml:{line + 1}:5: frameworks[0].licence: duplicate key 'licence'; the first one is at line {line} "
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
        "(SPDX identifier, e.g. `MIT` or `BSD-3-Clause`)"
    ]


def test_wrong_type_is_named(data):
    line = data.edit("frameworks.yml", '    version: "0.165"', "    version: 0.165")
    assert data.messages() == [f"data/frameworks.yml:{line}:14: frameworks[0].version: expected text, got a number (put the text in quotes)"]


def test_yes_no_booleans_get_a_quoting_hint(data):
    question, answer = first_answer(data, lambda a: a["label"] == "Django")
    line = data.edit("decision.yml", "      - label: Django\n", "      - label: yes\n")
    assert data.messages() == [
        f"data/decision.yml:{line}:16: questions[{question}].answers[{answer}].label: expected text, got a yes/no value "
        "(YAML reads yes/no/on/off/true/false as booleans: put the text in quotes)"
    ]


def test_empty_string_is_an_error(data):
    line = data.edit("frameworks.yml", "    licence: MIT", '    licence: ""')
    assert data.messages() == [f"data/frameworks.yml:{line}:14: frameworks[0].licence: must not be empty (SPDX identifier, e.g. `MIT` or `BSD-3-Clause`)"]


def test_unknown_rating_lists_the_scale(data):
    line = data.edit("criteria.yml", "            rating: strong", "            rating: grate")
    assert data.messages() == [
        f"data/criteria.yml:{line}:21: groups[0].criteria[0].assessments.fastapi.rating: 'grate' is not a rating; "
        "expected one of: strong, good, fair, weak (see the rating scale on the Methodology page)"
    ]


def test_misspelt_rating_gets_a_suggestion(data):
    data.edit("criteria.yml", "            rating: strong", "            rating: strnog")
    [message] = data.messages()
    assert message.endswith("'strnog' is not a rating; expected one of: strong, good, fair, weak (did you mean 'strong'?)")


def test_ids_must_be_unique(data):
    first = data.line_of("criteria.yml", "      - id: throughput")
    line = data.edit("criteria.yml", "      - id: realtime\n", "      - id: throughput\n")
    messages = data.messages()
    assert f"data/criteria.yml:{line}:13: groups[0].criteria[2].id: id 'throughput' is used twice; the first one is at line {first} (every id must be unique: rename one)" in messages


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
    outcome = next(i for i, o in enumerate(decision_of(data)["outcomes"]) if o["recommends"][0]["framework"] == "fastapi")
    line = data.edit("decision.yml", "      - framework: fastapi\n", "      - framework: flask\n")
    [message] = data.messages()
    assert message == f"data/decision.yml:{line}:20: outcomes[{outcome}].recommends[0].framework: no framework has the id 'flask' (known framework ids: fastapi, django)"


def test_answer_that_leads_nowhere(data):
    question, answer = first_answer(data, lambda a: a["next"] == "team")
    line = data.edit("decision.yml", "        next: team\n", "        next: teem\n")
    messages = data.messages()
    assert f"data/decision.yml:{line}:15: questions[{question}].answers[{answer}].next: no question or outcome has the id 'teem' (did you mean 'team'?)" in messages


def test_unreachable_node(data):
    data.edit("decision.yml", "        next: data-model\n", "        next: demanding-part\n")
    line = data.line_of("decision.yml", "  - id: data-model")
    messages = data.messages()
    assert (
        f"data/decision.yml:{line}:9: questions[{question_index(data, 'data-model')}].id: 'data-model' cannot be reached from the start 'existing-codebase' "
        "(point an answer's `next` at it, or remove it)"
    ) in messages
    assert all("cannot be reached" in m for m in messages)  # and what only it led to


def test_cycle_is_refused(data):
    question, answer = first_answer(data, lambda a: a["next"] == "django-api")
    line = data.edit("decision.yml", "        next: django-api\n", "        next: product-kind\n")
    messages = data.messages()
    assert any(
        m.startswith(f"data/decision.yml:{line}:15: questions[{question}].answers[{answer}].next: this answer closes a loop: ")
        and m.endswith("-> product-kind (a decision must always move forward: point it at a later question or an outcome)")
        for m in messages
    ), messages


def test_path_that_never_reaches_an_outcome(data):
    for answer in decision_of(data)["questions"][question_index(data, "data-model")]["answers"]:
        edit_in_node(data, "data-model", f"        next: {answer['next']}\n", "        next: data-model\n")
    line = data.line_of("decision.yml", "  - id: data-model")
    messages = data.messages()
    assert (
        f"data/decision.yml:{line}:9: questions[{question_index(data, 'data-model')}].id: no path from question 'data-model' ever reaches an outcome "
        "(make at least one answer lead, directly or through other questions, to an outcome)"
    ) in messages
    assert any("closes a loop" in m for m in messages)


# --- reasons, sources and judgement in the decision tree ------------------------------------


def add_answer(data: DataCopy, question_id: str, label: str, next_id: str, because: str | None = None) -> int:
    """Append an answer to a question; return the line of its `- label:`."""
    path = data.root / "data" / "decision.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {question_id}\n")
    answers = text.index("    answers:\n", start) + len("    answers:\n")
    end = answers
    while text.startswith("      ", end):  # the answers' lines, up to the question's next key
        end = text.index("\n", end) + 1
    block = f"      - label: {label}\n" + (f"        because: {because}\n" if because else "") + f"        next: {next_id}\n"
    path.write_text(text[:end] + block + text[end:], encoding="utf-8")
    return text[:end].count("\n") + 1


def test_path_without_a_reason_of_its_own(data):
    """A new answer that leads to an existing outcome without saying why: the outcome's reasons
    were written for other paths."""
    decision = decision_of(data)
    start = decision["start"]
    outcome = decision["outcomes"][0]["id"]
    line = add_answer(data, start, "Something else", outcome)
    answer = len(decision["questions"][question_index(data, start)]["answers"])
    label = "Something else"
    assert data.messages() == [
        f"data/decision.yml:{line}:9: questions[{question_index(data, start)}].answers[{answer}]: leads to outcome '{outcome}' "
        f"on a path that gives no reason of its own: {start}: \"{label}\" (add `because:` to this answer, or to an earlier "
        "one on the path: one sentence on why that answer leads to this outcome)"
    ]


def test_two_paths_to_one_outcome_with_the_same_reasons(data):
    """A second answer with the same reason as its neighbour: the result could not tell them apart."""
    decision = decision_of(data)
    outcomes = {o["id"] for o in decision["outcomes"]}
    q, a = first_answer(data, lambda answer: answer.get("because") and answer["next"] in outcomes)
    question = decision["questions"][q]
    original = question["answers"][a]
    line = add_answer(data, question["id"], "A twin answer", original["next"], original["because"])
    twin = len(question["answers"])
    messages = data.messages()
    assert len(messages) == 1
    assert messages[0].startswith(
        f"data/decision.yml:{line}:9: questions[{q}].answers[{twin}]: this path and another reach outcome "
        f"'{original['next']}' with the same reasons, so the result reads the same for different answers: "
    )
    assert f'{question["id"]}: "A twin answer"' in messages[0] and f'{question["id"]}: "{original["label"]}"' in messages[0]
    assert messages[0].endswith(
        "(give this answer a `because:` that says what it changes, or lead it to an outcome of its own)"
    )


def test_advice_without_a_source_or_a_judgement(data):
    decision = decision_of(data)
    q = next(i for i, question in enumerate(decision["questions"]) if question.get("judgement") and not question.get("sources"))
    question_id = decision["questions"][q]["id"]
    path = data.root / "data" / "decision.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    judgement: >-\n", text.index(f"  - id: {question_id}\n"))
    end = text.index("\n\n", start) + 1  # the folded block ends at the blank line
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    line = data.line_of("decision.yml", f"  - id: {question_id}")
    assert data.messages() == [
        f"data/decision.yml:{line}:9: questions[{q}].id: question '{question_id}' gives advice with no source and no judgement "
        "(add `sources:` with title, url and accessed where its hint and its answers' hints and reasons can be checked, "
        "or a `judgement:` that gives the guide's own reasoning)"
    ]


def test_decision_source_checked_in_the_future(data):
    line = data.line_of("decision.yml", "        accessed: 2026-11-25")
    data.edit("decision.yml", "        accessed: 2026-11-25", "        accessed: 2027-01-05")
    [message] = data.messages()
    assert message.startswith(f"data/decision.yml:{line}:19: ") and ".sources[0].accessed: date 2027-01-05 lies in the future" in message


def test_a_tree_with_more_paths_than_can_be_listed(data):
    """Answers that share follow-up questions multiply paths: 2 answers x 13 questions in a row
    give 8,192 paths from 26 answers, more than the Methodology page can list."""
    depth = 13
    questions = [
        {"id": f"q{n}", "text": f"Question {n}?", "judgement": "Test data.",
         "answers": [{"label": f"A{k}", "because": f"Reason {n}.{k}.", "next": f"q{n + 1}" if n + 1 < depth else "done"}
                     for k in range(2)]}
        for n in range(depth)
    ]
    outcome = {**decision_of(data)["outcomes"][0], "id": "done"}
    content = {"start": "q0", "questions": questions, "outcomes": [outcome]}
    (data.root / "data" / "decision.yml").write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    assert data.messages() == [
        f"data/decision.yml:1:8: start: the tree has {2 ** depth} paths from the start to an outcome; at most 5000 can be "
        "listed (the Methodology page lists every path: let fewer answers lead into questions that other answers share)"
    ]


def test_link_to_a_page_that_does_not_exist(data):
    line = data.edit("decision.yml", "    pages: [when-django.md, development.md]", "    pages: [when-djangoo.md, development.md]")
    assert data.messages() == [
        f"data/decision.yml:{line}:13: outcomes[0].pages[0]: page 'when-djangoo.md' does not exist (give a path under {(data.root / 'docs').as_posix()}/, e.g. `performance.md`)"
    ]


def test_javascript_url_is_refused(data):
    line = data.edit("criteria.yml", "                url: https://fastapi.tiangolo.com/async/", "                url: javascript:alert(1)")
    assert data.messages() == [
        f"data/criteria.yml:{line}:22: groups[0].criteria[1].assessments.fastapi.sources[0].url: 'javascript:alert(1)' is not an http or https address "
        "(write the full address, starting with https://)"
    ]


def test_date_that_does_not_exist(data):
    line = data.edit("frameworks.yml", "    reviewed: 2026-11-25", "    reviewed: 2026-02-30")
    assert data.messages() == [f"data/frameworks.yml:{line}:15: frameworks[0].reviewed: '2026-02-30' is not a real date (write it as YYYY-MM-DD, e.g. 2026-11-25)"]


def test_date_in_the_future(data):
    line = data.edit("frameworks.yml", "    reviewed: 2026-11-25", "    reviewed: 2099-01-01")
    assert data.messages() == [f"data/frameworks.yml:{line}:15: frameworks[0].reviewed: date 2099-01-01 lies in the future (use the day the check was done; today is 2026-11-25)"]


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
    result = subprocess.run([sys.executable, "-m", "guide", "check", "--root", str(data.root)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/frameworks.yml:" in result.stderr and "must not be empty" in result.stderr
    assert "check failed: 1 error, 0 warnings" in result.stderr


def test_cli_passes_on_the_real_data():
    guide, _ = check_data(ROOT / "data", ROOT / "docs", display_root=ROOT)
    result = subprocess.run([sys.executable, "-m", "guide", "check", "--root", str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    counts = f"{len(guide.frameworks)} frameworks, {len(guide.groups)} groups, {len(guide.criteria)} criteria"
    assert result.stdout.startswith(f"data ok: {counts}")
