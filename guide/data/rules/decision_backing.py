"""Every piece of advice in the decision tree is backed by sources or the guide's judgement."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import DecisionFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule


def check(checks: Checks) -> Iterator[Problem]:
    decision = checks.model("decision.yml", DecisionFile)
    if decision is None:
        return
    for i, question in enumerate(decision.questions):
        advice = question.hint or any(a.hint or a.because for a in question.answers)
        if advice and not question.sources and not question.judgement:
            yield _unbacked(checks, "questions", i, question.id, "its hint and its answers' hints and reasons")
    for i, outcome in enumerate(decision.outcomes):
        if not outcome.sources and not outcome.judgement:
            yield _unbacked(checks, "outcomes", i, outcome.id, "its `why` and watch-out notes")


def _unbacked(checks: Checks, kind: str, index: int, node_id: str, what: str) -> Problem:
    return checks.problem("decision.yml", (kind, index, "id"),
                          f"{kind.removesuffix('s')} '{node_id}' gives advice with no source and no judgement",
                          f"add `sources:` with title, url and accessed where {what} can be checked, "
                          "or a `judgement:` that gives the guide's own reasoning")


RULE = Rule(
    "decision-backing",
    "A question with a hint or with answers that give hints or reasons, and every outcome, has `sources`, a "
    "`judgement`, or both.",
    ("decision.yml",),
    check,
)
