"""The decision tree as a graph, for the rules on its shape: nodes with their paths in the file,
answers that lead somewhere real, and its loops (found with ``graphlib``)."""

from __future__ import annotations

import graphlib

from guide.data.models import DecisionFile
from guide.data.yamlsource import PathKey

Edges = dict[str, list[tuple[int, str]]]  # question id -> (answer index, next node id)
# Each loop costs one sort of the whole tree; past this many the rest wait for the next check,
# so that a tree of thousands of loops (a hostile pull request) cannot stall it.
MAX_LOOPS = 20


def node_paths(decision: DecisionFile) -> list[tuple[PathKey, str]]:
    """Every question and outcome with its path in decision.yml, in file order."""
    nodes: list[tuple[PathKey, str]] = [(("questions", i), q.id) for i, q in enumerate(decision.questions)]
    return nodes + [(("outcomes", i), o.id) for i, o in enumerate(decision.outcomes)]


def edges(decision: DecisionFile) -> Edges:
    """Each question's answers that lead to a node that exists."""
    known = {node_id for _, node_id in node_paths(decision)}
    return {q.id: [(a, answer.next) for a, answer in enumerate(q.answers) if answer.next in known] for q in decision.questions}


def has_loop(decision: DecisionFile) -> bool:
    """Whether some answers lead back to a question already asked (one topological sort)."""
    return bool(loops(decision, limit=1))


def loops(decision: DecisionFile, limit: int | None = None) -> list[tuple[int, int, list[str]]]:
    """Every answer that closes a loop, as (question index, answer index, the loop's nodes from
    where it starts back to there).

    A loop starts at its question listed first in decision.yml, and the answer that leads back
    to it closes the loop. That answer is set aside and the search repeats, so an answer that
    closes a second loop is found too, up to ``limit`` (:data:`MAX_LOOPS` unless given)."""
    limit = MAX_LOOPS if limit is None else limit
    index = {q.id: i for i, q in enumerate(decision.questions)}
    closing: set[tuple[str, int]] = set()
    found: list[tuple[int, int, list[str]]] = []
    answers = edges(decision)
    while len(found) < limit:
        before: dict[str, set[str]] = {qid: set() for qid in index}
        for qid, targets in answers.items():
            for a, nxt in targets:
                if nxt in index and (qid, a) not in closing:
                    before[nxt].add(qid)
        try:
            graphlib.TopologicalSorter(before).prepare()
            return found
        except graphlib.CycleError as error:
            cycle: list[str] = error.args[1][:-1]  # each node leads to the next; the last is the first again
        first = min(range(len(cycle)), key=lambda k: index[cycle[k]])
        loop = cycle[first:] + cycle[:first]
        last, start = loop[-1], loop[0]
        answer = next(a for a, nxt in answers[last] if nxt == start and (last, a) not in closing)
        closing.add((last, answer))
        found.append((index[last], answer, [*loop, start]))
    return found
