"""Every question and outcome can be reached from the start."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import DecisionFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.rules.tree import edges, node_paths


def reached(decision: DecisionFile) -> set[str]:
    """The nodes some path of answers leads to from the start (none when the start is no question)."""
    answers = edges(decision)
    if decision.start not in answers:
        return set()
    found: set[str] = set()
    stack = [decision.start]
    while stack:
        node = stack.pop()
        if node not in found:
            found.add(node)
            stack.extend(nxt for _, nxt in answers.get(node, []))
    return found


def check(checks: Checks) -> Iterator[Problem]:
    decision = checks.model("decision.yml", DecisionFile)
    if decision is None or decision.start not in {q.id for q in decision.questions}:
        return
    found = reached(decision)
    for path, node_id in node_paths(decision):
        if node_id not in found:
            yield checks.problem("decision.yml", (*path, "id"), f"'{node_id}' cannot be reached from the start '{decision.start}'",
                                 "point an answer's `next` at it, or remove it")


RULE = Rule(
    "decision-reachable",
    "Each question and outcome is reached from `start` by some path of answers.",
    ("decision.yml",),
    check,
)
