"""Every message ``make check`` can print reads well: the only brackets are the hint's, no
"criterions" or "item(s)", lower case like the rest of the line, hints without a closing full
stop. Each mistake below is one a contributor can make; together they reach every message."""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import FIXTURES, DataCopy

MISTAKES = [
    ("criteria.yml", "    title: Performance\n", "    title: Performance: fast\n"),
    ("frameworks.yml", "    licence: MIT\n", "    licence: MIT\n    licence: Apache-2.0\n"),
    ("criteria.yml", "            verdict:", "            verdit:"),
    ("frameworks.yml", "    licence: BSD-3-Clause\n", ""),
    ("frameworks.yml", '    version: "0.165"', "    version: 0.165"),
    ("frameworks.yml", "    licence: MIT", '    licence: ""'),
    ("criteria.yml", "            rating: strong", "            rating: grate"),
    ("criteria.yml", "            rating: strong", "            rating: strnog"),
    ("criteria.yml", "      - id: realtime\n", "      - id: throughput\n"),
    ("criteria.yml", "          django:\n", "          djangoo:\n"),
    ("criteria.yml", "                url: https://fastapi.tiangolo.com/async/", "                url: javascript:alert(1)"),
    ("frameworks.yml", "    reviewed: 2026-11-25", "    reviewed: 2026-02-30"),
    ("frameworks.yml", "    reviewed: 2026-11-25", "    reviewed: 2099-01-01"),
    ("frameworks.yml", "    reviewed: 2026-11-25", "    reviewed: [2026]"),
    ("frameworks.yml", "  - id: fastapi", "  - id: Fast API"),
    ("frameworks.yml", "    name: FastAPI", "    name: {first: Fast}"),
    ("frameworks.yml", "  - id: django\n", "  - django\n  - id: django\n"),
    ("frameworks.yml", "frameworks:\n", "frameworks: 3\nnope:\n"),
    ("frameworks.yml", "    summary: An API", "    summary: <b>An</b> API"),
    ("frameworks.yml", "    licence: MIT", "    licence: '[MIT](https://example.org)'"),
    ("frameworks.yml", "    licence: MIT", "    licence: *mit"),
    ("frameworks.yml", "    licence: MIT", "    licence: &mit MIT"),
    ("frameworks.yml", "    licence: MIT", "    <<: {licence: MIT}"),
    ("frameworks.yml", "    licence: MIT", "    licence: !!str MIT"),
    ("frameworks.yml", "    licence: MIT", '    licence: "M\\u202eIT"'),
    ("frameworks.yml", "    licence: MIT", "    licence: M\u202eIT"),
    ("frameworks.yml", "    licence: MIT", "    licence: M\x07IT"),
    ("frameworks.yml", "    licence: MIT", "    licence: " + "[" * 30 + "]" * 30),
    ("frameworks.yml", "    licence: MIT", "    licence: MIT\n---\n"),
    ("frameworks.yml", "    licence: MIT", "    [licence]: MIT"),
    ("criteria.yml", "        glance: true", "        glance: maybe"),
    ("presets.yml", '      performance: 3\n', '      performance: yes\n'),
    ("presets.yml", '      performance: 3\n', '      performance: "2"\n'),
    ("presets.yml", "  - id: saas-product\n", "  - id: api-service\n"),
    ("presets.yml", "      performance: 3\n", ""),
]


def decision_mistakes() -> list[tuple[str, str, str]]:
    """Mistakes in the fixture's decision.yml (what DataCopy edits), found from its content."""
    text = (FIXTURES / "data" / "decision.yml").read_text(encoding="utf-8")
    tree = yaml.safe_load(text)
    start = tree["start"]
    first_next = re.search(r"^        next: (\S+)\n", text, re.MULTILINE).group(0)
    label = next(a["label"] for q in tree["questions"] for a in q["answers"] if f"      - label: {a['label']}\n" in text)
    pages = re.search(r"^    pages: \[.*\]$", text, re.MULTILINE).group(0)
    framework = re.search(r"^      - framework: \S+\n", text, re.MULTILINE).group(0)
    target = first_next.split(": ")[1].strip()
    judgement = re.search(r"^    judgement: >-\n(?:      .*\n)+", text, re.MULTILINE).group(0)
    return [
        ("decision.yml", judgement, ""),  # advice with no source and no judgement
        ("decision.yml", "        because: ", "        # because: ", -1),  # every reason commented out
        ("decision.yml", f"      - label: {label}\n", "      - label: yes\n"),
        ("decision.yml", framework, "      - framework: flask\n"),
        ("decision.yml", framework, framework + "        frameworks: x\n"),
        ("decision.yml", first_next, f"        next: {target[:-1]}q\n"),  # did you mean
        ("decision.yml", first_next, "        next: zzzzzzzz\n"),  # no close match: the known ids
        ("decision.yml", first_next, f"        next: {start}\n"),  # a loop
        ("decision.yml", f"start: {start}\n", f"start: {tree['questions'][1]['id']}\n"),  # the first is unreachable
        ("decision.yml", "    criteria: [", "    criteria: [qqqqqqqq, "),
        ("decision.yml", pages, "    pages: [when-djangoo.md]"),
        ("decision.yml", pages, "    pages: []"),
    ]


def without_quoted(text: str) -> str:
    """The message with quoted data ('grate', `<<`) left out: only the guide's own words."""
    return re.sub(r"'[^']*'|`[^`]*`", "''", text)


def deepest_bracket(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


@pytest.fixture(scope="module")
def problems(tmp_path_factory):
    found = []
    for index, (file, old, new, *count) in enumerate(MISTAKES + decision_mistakes()):
        data = DataCopy(tmp_path_factory.mktemp(f"mistake{index}"))
        data.edit(file, old, new, *count)
        _, reported = data.problems()
        assert reported, f"no problem reported for {new!r}"
        found += reported
    return found


def test_no_bracket_inside_another(problems):
    for problem in problems:
        assert deepest_bracket(without_quoted(problem.message)) == 0, str(problem)
        assert deepest_bracket(without_quoted(problem.hint)) == 0, str(problem)


def test_plurals_are_words(problems):
    for problem in problems:
        text = str(problem)
        assert "criterions" not in text and "(s)" not in text, text


def test_lower_case_and_no_closing_full_stop(problems):
    for problem in problems:
        assert not problem.message[:1].isupper() or problem.message.startswith(("YAML", "U+")), str(problem)
        assert not problem.hint.endswith("."), str(problem)
        assert not problem.hint[:1].isupper() or problem.hint.startswith(("YAML", "SPDX")), str(problem)


def test_every_kind_of_message_is_covered(problems):
    """The list above reaches each way the check words a problem."""
    messages = " | ".join(p.message for p in problems)
    for phrase in ["YAML syntax error", "duplicate key", "unknown key", "missing required field", "expected text",
                   "is not a rating", "is used twice", "no framework has the id", "cannot be reached", "closes a loop",
                   "does not exist", "is not an http or https address", "is not a real date", "lies in the future",
                   "is not a valid id", "expected a mapping", "expected a list", "contains an HTML tag",
                   "contains a Markdown link", "the alias", "the anchor", "the merge key", "the tag", "contains U+",
                   "nested more than", "one YAML document", "a key must be plain text", "needs at least",
                   "expected true or false", "is not a weight", "no weight for group", "no reason of its own",
                   "gives advice with no source and no judgement"]:
        assert phrase in messages, phrase
