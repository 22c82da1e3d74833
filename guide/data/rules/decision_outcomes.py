"""From every question, some path of answers reaches an outcome."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import DecisionFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.rules.tree import edges


def leading_to_an_outcome(decision: DecisionFile) -> set[str]:
    """Nodes from which an outcome can be reached, found by walking the answers backwards from
    the outcomes: linear in the size of the tree."""
    leads_here: dict[str, list[str]] = {}
    for qid, targets in edges(decision).items():
        for _, nxt in targets:
            leads_here.setdefault(nxt, []).append(qid)
    found = {o.id for o in decision.outcomes}
    pending = list(found)
    while pending:
        for qid in leads_here.get(pending.pop(), []):
            if qid not in found:
                found.add(qid)
                pending.append(qid)
    return found


def check(checks: Checks) -> Iterator[Problem]:
    decision = checks.model("decision.yml", DecisionFile)
    if decision is None:
        return
    found = leading_to_an_outcome(decision)
    for i, question in enumerate(decision.questions):
        if question.id not in found:
            yield checks.problem("decision.yml", ("questions", i, "id"),
                                 f"no path from question '{question.id}' ever reaches an outcome",
                                 "make at least one answer lead, directly or through other questions, to an outcome")


RULE = Rule(
    "decision-outcomes",
    "Every question has at least one answer that leads, directly or through other questions, to an outcome.",
    ("decision.yml",),
    check,
)
