"""A small valid dataset for the rule tests, and a runner for one rule on it.

``dataset`` holds each data file as a Python mapping; a test changes what its rule is about, and
``run(rule)`` writes the files as YAML to a temporary folder, reads and validates them as
``check_data`` does, and returns what that one rule reports, as ``file:line:column: path: message
(hint)`` strings; ``check_data()`` returns everything, for the field rules that run while the
files are validated. ``at`` finds the line and column a test expects a problem at.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest
import yaml

from guide.data import fieldrules
from guide.data.registry import DATA_FILES
from guide.data.rules import Checked, Checks, Rule
from guide.data.validate import check_data
from guide.data.yamlsource import read_yaml

TODAY = dt.date(2026, 11, 25)
SOURCE = {
    "title": "Django 5.2 release notes",
    "url": "https://docs.djangoproject.com/en/5.2/releases/5.2/",
    "accessed": dt.date(2026, 11, 20),
}


def assessment(rating: str) -> dict:
    return {"rating": rating, "verdict": "A verdict.", "detail": "Some detail.", "sources": [dict(SOURCE)]}


VALID = {
    "frameworks.yml": {"frameworks": [
        {"id": fid, "name": name, "summary": f"{name} in one line.", "homepage": f"https://{fid}.example.org/",
         "repository": f"https://github.com/example/{fid}", "licence": "MIT", "version": "1.0",
         "reviewed": dt.date(2026, 11, 20), "page": "index.md"}
        for fid, name in (("alpha", "Alpha"), ("beta", "Beta"))
    ]},
    "criteria.yml": {"groups": [{
        "id": "speed", "title": "Speed", "description": "How fast.", "page": "index.md",
        "criteria": [{
            "id": "throughput", "title": "Throughput", "measures": "Requests per second.",
            "reviewed": dt.date(2026, 11, 20), "review_note": "Checked the notes.", "examples": ["index.md"],
            "assessments": {"alpha": assessment("strong"), "beta": assessment("fair")},
        }],
    }]},
    "decision.yml": {
        "start": "first",
        "questions": [{
            "id": "first", "text": "Which one?", "judgement": "The guide's own view.",
            "answers": [
                {"label": "Fast", "because": "You need speed.", "next": "use-alpha"},
                {"label": "Other", "because": "Speed matters less.", "next": "use-beta"},
            ],
        }],
        "outcomes": [
            {"id": f"use-{fid}", "title": f"Use {fid}", "recommends": [{"framework": fid, "role": "Everything."}],
             "why": "It fits.", "criteria": ["throughput"], "pages": ["index.md"], "judgement": "Our view."}
            for fid in ("alpha", "beta")
        ],
    },
    "claims.yml": {"claims": [{
        "id": "fast", "section": "performance", "claim": "Alpha is fast.", "finding": "supported",
        "note": "It is.", "criteria": ["throughput"],
    }]},
    "benchmarks.yml": {"benchmarks": [{
        "id": "run", "title": "A run", "published": dt.date(2026, 1, 5), "hardware": "A laptop.",
        "load": "wrk.", "versions": "Latest.", "tests": [{"id": "json", "name": "JSON"}],
        "stacks": [{"framework": fid, "label": fid.title(), "results": {"json": 100}} for fid in ("alpha", "beta")],
        "sources": [dict(SOURCE)],
    }]},
    "presets.yml": {"presets": [{
        "id": "api", "title": "API", "description": "For APIs.", "weights": {"speed": 3},
    }]},
}


class NoAliases(yaml.SafeDumper):
    """Writes a value shared by two places twice: the guide's reader refuses anchors."""

    def ignore_aliases(self, data: object) -> bool:
        return True


class Dataset:
    def __init__(self, root: Path):
        self.root = root
        self.files = copy.deepcopy(VALID)
        (root / "docs").mkdir()
        (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")

    def write(self) -> None:
        (self.root / "data").mkdir(exist_ok=True)
        for file, content in self.files.items():
            text = yaml.dump(content, Dumper=NoAliases, sort_keys=False, allow_unicode=False, width=1000)
            (self.root / "data" / file).write_text(text, encoding="utf-8")

    def checks(self, today: dt.date = TODAY) -> Checks:
        """What ``check_data`` hands the rules: every file that passed the schema."""
        self.write()
        checked = {}
        for file, model in DATA_FILES.items():
            located = read_yaml(self.root / "data" / file)
            instance = model.model_validate(located.data, context=fieldrules.context(today, field_rules=False))
            checked[file] = Checked(instance, located)
        return Checks(checked, self.root / "docs", today, lambda p: p.relative_to(self.root).as_posix(), self.root / "data")

    def run(self, rule: Rule, today: dt.date = TODAY) -> list[str]:
        return [str(problem) for problem in rule.check(self.checks(today))]

    def line_of(self, file: str, needle: str, occurrence: int = 1) -> int:
        """The 1-based line of the ``occurrence``-th line containing ``needle`` (after ``write``)."""
        self.write()
        lines = [n for n, line in enumerate((self.root / "data" / file).read_text(encoding="utf-8").splitlines(), 1)
                 if needle in line]
        return lines[occurrence - 1]


    def at(self, file: str, needle: str, value: str | None = None, occurrence: int = 1) -> str:
        """``line:column`` of ``value`` (or of ``needle`` itself) on the ``occurrence``-th line of
        ``file`` that contains ``needle`` (after ``write``)."""
        line = self.line_of(file, needle, occurrence)
        text = (self.root / "data" / file).read_text(encoding="utf-8").splitlines()[line - 1]
        return f"{line}:{text.index(value or needle) + 1}"

    def check_data(self, today: dt.date = TODAY) -> list[str]:
        """Every problem ``make check`` would show, for the field rules that run during validation."""
        self.write()
        _, problems = check_data(self.root / "data", self.root / "docs", today=today, display_root=self.root)
        return [str(problem) for problem in problems]


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    return Dataset(tmp_path)
