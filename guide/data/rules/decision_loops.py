"""No answer leads back to a question already asked."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import DecisionFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.rules.tree import MAX_LOOPS, loops


def check(checks: Checks) -> Iterator[Problem]:
    decision = checks.model("decision.yml", DecisionFile)
    if decision is None:
        return
    for question, answer, loop in loops(decision):
        yield checks.problem("decision.yml", ("questions", question, "answers", answer, "next"),
                             "this answer closes a loop: " + " -> ".join(loop),
                             "a decision must always move forward: point it at a later question or an outcome")


RULE = Rule(
    "decision-loops",
    "The answers form no loop (checked with graphlib's topological sort); each answer that closes one is named, "
    f"with the loop, up to {MAX_LOOPS} at a time.",
    ("decision.yml",),
    check,
)
