"""Every path gives a reason of its own, and the tree has few enough paths to list them all."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import MAX_PATHS, DecisionFile, Step
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.rules.tree import edges, has_loop
from guide.data.yamlsource import PathKey


def is_sound(decision: DecisionFile) -> bool:
    """The paths can be walked: the start is a question, every answer leads somewhere real, no loop."""
    questions = {q.id for q in decision.questions}
    known = sum(len(targets) for targets in edges(decision).values())
    return decision.start in questions and known == sum(len(q.answers) for q in decision.questions) and not has_loop(decision)


def check(checks: Checks) -> Iterator[Problem]:
    """At least one answer on each path has `because`, and no two paths to the same outcome give
    the same reasons (the result could not tell them apart, so the outcome's reasons would fit
    only some of the answers that lead there)."""
    decision = checks.model("decision.yml", DecisionFile)
    if decision is None or not is_sound(decision):
        return
    count = decision.path_count()
    if count > MAX_PATHS:
        yield checks.problem("decision.yml", ("start",),
                             f"the tree has {count} paths from the start to an outcome; at most {MAX_PATHS} can be listed",
                             "the Methodology page lists every path: let fewer answers lead into questions that other answers share")
        return
    index = {q.id: i for i, q in enumerate(decision.questions)}
    labels = {(q.id, a): answer.label for q in decision.questions for a, answer in enumerate(q.answers)}

    def where(step: Step) -> PathKey:
        return ("questions", index[step[0]], "answers", step[1])

    def shown(steps: list[Step]) -> str:
        return " > ".join(f'{question}: "{labels[(question, a)]}"' for question, a in steps)

    reported: set[PathKey] = set()
    seen: dict[tuple[str, frozenset[str]], list[Step]] = {}
    for steps, outcome, given in decision.reasoned_paths():
        reasons = frozenset(text for _, text in given)
        if not reasons:
            last = where(steps[-1])
            if last not in reported:
                reported.add(last)
                yield checks.problem("decision.yml", last,
                                     f"leads to outcome '{outcome}' on a path that gives no reason of its own: {shown(steps)}",
                                     "add `because:` to this answer, or to an earlier one on the path: one sentence on why "
                                     "that answer leads to this outcome")
            continue
        other = seen.setdefault((outcome, reasons), steps)
        if other is not steps:
            parting = next(k for k, (mine, theirs) in enumerate(zip(steps, other, strict=False)) if mine != theirs)
            at = where(steps[parting])
            if at not in reported:
                reported.add(at)
                yield checks.problem("decision.yml", at,
                                     f"this path and another reach outcome '{outcome}' with the same reasons, so the result "
                                     f"reads the same for different answers: {shown(steps)}; {shown(other)}",
                                     "give this answer a `because:` that says what it changes, or lead it to an outcome of its own")


RULE = Rule(
    "decision-reasons",
    "On a sound tree (start is a question, every `next` known, no loop): at most "
    f"{MAX_PATHS} paths; each path has an answer with `because`; no two paths to one outcome give the same reasons.",
    ("decision.yml",),
    check,
)
