"""A contributor adding a framework, step by step as CONTRIBUTING.md's "Add a framework" section
says, to a copy of the project: no code changes, data and one page only.

The framework is made up (no test or data file names it), so nothing in the suite can have been
written with it in mind. It comes with one new criterion too ("Add a criterion"), assessed for
every framework. The files are read and written back as a contributor's editor would leave them:
whole YAML documents with every value written out (data files may hold no anchors or aliases)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from helpers import dump_yaml

NEW_ID = "ferret"
NEW_FRAMEWORK = {
    "id": NEW_ID,
    "name": "Ferret",
    "summary": "A made-up web framework: test data for adding a framework through data alone.",
    "homepage": "https://example.org/ferret/",
    "repository": "https://example.org/ferret/source/",
    "licence": "MIT",
    "version": "1.0",
}
NEW_CRITERION_ID = "ferret-test-criterion"
NEW_OUTCOME_ID = "ferret-for-the-service"
RATINGS = ["strong", "good", "fair", "weak"]


@dataclass
class Added:
    framework_id: str
    criterion_id: str
    outcome_id: str
    page: str  # the overview page, a path under docs/
    check_before_assessments: subprocess.CompletedProcess  # step 2's `make check`
    check_at_the_end: subprocess.CompletedProcess


def check(project: Path) -> subprocess.CompletedProcess:
    """`make check` in the copy: ``python -m guide check``."""
    return subprocess.run([sys.executable, "-m", "guide", "check"], cwd=project, capture_output=True, text=True)


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write(path: Path, content: dict) -> None:
    path.write_text(dump_yaml(content), encoding="utf-8")


def a_source(data: Path) -> dict:
    """A source as the data writes them (title, URL, date accessed): the first one in criteria.yml."""
    groups = read(data / "criteria.yml")["groups"]
    return next(iter(groups[0]["criteria"][0]["assessments"].values()))["sources"][0]


def assessment(number: int, subject: str, source: dict) -> dict:
    return {
        "rating": RATINGS[number % len(RATINGS)],
        "verdict": f"Test verdict {number} on {subject}.",
        "detail": f"Test detail {number}: data for a build with a framework added through data.",
        "sources": [source],
    }


def add_a_framework(project: Path) -> Added:
    data, docs = project / "data", project / "docs"
    frameworks = read(data / "frameworks.yml")
    reviewed = frameworks["frameworks"][0]["reviewed"]

    # 1. The framework in data/frameworks.yml, with the version reviewed and the date.
    frameworks["frameworks"].append({**NEW_FRAMEWORK, "reviewed": reviewed})
    write(data / "frameworks.yml", frameworks)

    # 2. `make check` lists every criterion without an assessment for it; add each one.
    before = check(project)
    criteria = read(data / "criteria.yml")
    source = a_source(data)
    count = 0
    for group in criteria["groups"]:
        for criterion in group["criteria"]:
            criterion["assessments"][NEW_ID] = assessment(count, criterion["title"], source)
            count += 1
    # "Add a criterion": an entry under a group's criteria, assessed for every framework.
    criteria["groups"][-1]["criteria"].append({
        "id": NEW_CRITERION_ID,
        "title": "Ferret test criterion",
        "measures": "Test data: a criterion added together with the framework.",
        "reviewed": reviewed,
        "review_note": "Test data: what the review re-checked.",
        "glance": True,
        "assessments": {
            framework["id"]: assessment(index, framework["name"], source)
            for index, framework in enumerate(frameworks["frameworks"])
        },
    })
    write(data / "criteria.yml", criteria)

    # 3. An overview page with the framework's facts, in the navigation, named by `page`.
    page = f"frameworks/{NEW_ID}.md"
    (docs / page).write_text(
        f"# {NEW_FRAMEWORK['name']}\n\n{{{{ framework_facts(\"{NEW_ID}\") }}}}\n\n"
        "## What it is\n\nA made-up framework that a test adds to the data to show that adding one takes data only.\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    last = next(f for f in reversed(frameworks["frameworks"]) if f.get("page"))  # the last overview page in nav
    line = next(line for line in text.splitlines() if line.strip().endswith(f": {last['page']}"))
    indent = line[: len(line) - len(line.lstrip())]
    config.write_text(text.replace(line + "\n", f"{line}\n{indent}- {NEW_FRAMEWORK['name']}: {page}\n", 1), encoding="utf-8")
    frameworks["frameworks"][-1]["page"] = page
    write(data / "frameworks.yml", frameworks)

    # 4. An outcome that recommends it, and an answer that leads there with its own reason.
    decision = read(data / "decision.yml")
    outcomes = {outcome["id"] for outcome in decision["outcomes"]}
    last_question = next(q for q in decision["questions"] if all(a["next"] in outcomes for a in q["answers"]))
    last_question["answers"].append({
        "label": "Ferret", "hint": "A team that already runs Ferret.",
        "because": "Test reason: the team already runs Ferret.", "next": NEW_OUTCOME_ID,
    })
    decision["outcomes"].append({
        "id": NEW_OUTCOME_ID,
        "title": "Ferret for the service",
        "recommends": [{"framework": NEW_ID, "role": "The service."}],
        "why": "Test outcome for a framework added through data.",
        "watch_out": ["A made-up framework: nobody runs it."],
        "criteria": [NEW_CRITERION_ID],
        "pages": [page],
        "judgement": "Test judgement: the outcome exists to show that data alone adds it.",
    })
    write(data / "decision.yml", decision)

    # 5. `make check` passes (the tests then build the site strict).
    return Added(NEW_ID, NEW_CRITERION_ID, NEW_OUTCOME_ID, page, before, check(project))
