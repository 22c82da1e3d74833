"""The addresses the pages cite (their footnotes) pass the same durable-source rules as the data."""

from __future__ import annotations

import re
from collections.abc import Iterator

from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.sourcerules import source_findings

PAGE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")


def check(checks: Checks) -> Iterator[Problem]:
    if checks.docs_dir is None:
        return
    for page in sorted(checks.docs_dir.rglob("*.md")):
        shown = checks.display(page)
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in PAGE_URL.finditer(line):
                url = match.group().rstrip(".,;:")
                for _rule, finding in source_findings(url, "", checks.today):
                    yield Problem(shown, number, match.start() + 1, url, finding.message, finding.hint, finding.severity)


RULE = Rule(
    "page-sources",
    "Every http or https address in a page under docs/ passes the durable-source rules.",
    (),
    check,
)
