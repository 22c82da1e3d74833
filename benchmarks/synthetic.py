"""Synthetic data sets of any size, grown from the real data so every page still builds.

The real frameworks, criteria, decision tree and claims are the seed: the pages call macros with
real ids (``criterion_card("caching")``, ``framework_facts("django")``), so those stay. Extra
frameworks get a copy of a real assessment for every criterion; extra criteria are dealt out over
the real groups; the decision tree is replaced by a generated one of the requested number of
nodes (questions plus outcomes), either ``balanced`` (binary, breadth first) or ``chain`` (each
question leads to the next question or to an outcome: the deepest shape a tree can take).
"""

from __future__ import annotations

import copy
import itertools
import shutil
from pathlib import Path

import yaml

RATINGS = ["strong", "good", "fair", "weak"]


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes a value used twice out twice: data files may not hold anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def _load(data_dir: Path, name: str) -> dict:
    return yaml.safe_load((data_dir / name).read_text(encoding="utf-8"))


def _dump(path: Path, data: dict) -> None:
    # Block style, as contributors write the real files (the C emitter when PyYAML has it).
    path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def frameworks_data(seed: dict, count: int) -> dict:
    frameworks = seed["frameworks"][:count]
    template = seed["frameworks"][0]
    for number in range(len(frameworks) + 1, count + 1):
        frameworks.append({
            **{k: v for k, v in template.items() if k != "page"},
            "id": f"framework-{number}",
            "name": f"Framework {number}",
            "summary": f"Synthetic framework number {number}, for the scaling benchmark.",
        })
    return {"frameworks": frameworks}


def criteria_data(seed: dict, framework_ids: list[str], count: int) -> dict:
    groups = copy.deepcopy(seed["groups"])
    real = [c for g in groups for c in g["criteria"]]
    template_assessment = next(iter(real[0]["assessments"].values()))

    def fill(criterion: dict, offset: int) -> None:
        existing = criterion["assessments"]
        first = next(iter(existing.values()), template_assessment)
        criterion["assessments"] = {}
        for index, fid in enumerate(framework_ids):
            assessment = copy.deepcopy(existing.get(fid, first))
            if fid not in existing:
                assessment["rating"] = RATINGS[(index + offset) % 4]
            criterion["assessments"][fid] = assessment

    for offset, criterion in enumerate(real):
        fill(criterion, offset)
    cycle = itertools.cycle(groups)
    for number in range(len(real) + 1, count + 1):
        template = real[number % len(real)]
        criterion = {
            **copy.deepcopy({k: v for k, v in template.items() if k not in ("examples",)}),
            "id": f"synthetic-criterion-{number}",
            "title": f"Synthetic criterion {number}",
            "glance": number % 10 == 0,
        }
        fill(criterion, number)
        next(cycle)["criteria"].append(criterion)
    return {"groups": groups}


def decision_data(seed: dict, framework_ids: list[str], criterion_ids: list[str], nodes: int, shape: str) -> dict:
    """A tree of ``nodes`` questions and outcomes (at least 3), every question with 2 or 3 answers."""
    questions_wanted = max(1, (nodes - 1) // 2)
    outcomes_wanted = nodes - questions_wanted
    seed_question = seed["questions"][0]
    seed_outcome = seed["outcomes"][0]
    questions: list[dict] = []
    outcomes: list[dict] = []

    def new_outcome() -> str:
        number = len(outcomes) + 1
        outcomes.append({
            **copy.deepcopy(seed_outcome),
            "id": f"outcome-{number}",
            "title": f"Synthetic outcome {number}",
            "recommends": [{"framework": framework_ids[number % len(framework_ids)], "role": "The whole application."}],
            "criteria": [criterion_ids[(number * 7 + k) % len(criterion_ids)] for k in range(3)],
            "sources": [],
            "judgement": "Synthetic data for a benchmark.",
        })
        return outcomes[-1]["id"]

    def new_question(number: int) -> dict:
        question = {
            "id": f"question-{number}",
            "text": f"Synthetic question {number}?",
            "hint": seed_question.get("hint") or "Why this question matters.",
            "answers": [],
            "judgement": "Synthetic data for a benchmark.",
        }
        questions.append(question)
        return question

    def answer(label: int, target: str) -> dict:
        # Every path needs a reason of its own: the answer that ends it gives one.
        reason = {"because": f"Answer {label} leads to {target}."} if target.startswith("outcome-") else {}
        return {"label": f"Answer {label}", "hint": "When this answer applies.", **reason, "next": target}

    if shape == "chain":
        chain = [new_question(n) for n in range(1, questions_wanted + 1)]
        for index, question in enumerate(chain):
            following = chain[index + 1]["id"] if index + 1 < len(chain) else new_outcome()
            question["answers"] = [answer(1, following), answer(2, new_outcome())]
    else:  # balanced: question n asks on to questions 2n and 2n+1 where they exist
        for number in range(1, questions_wanted + 1):
            new_question(number)
        for number, question in enumerate(questions, start=1):
            targets = [f"question-{child}" if child <= questions_wanted else None for child in (2 * number, 2 * number + 1)]
            question["answers"] = [answer(i + 1, target or new_outcome()) for i, target in enumerate(targets)]
    while len(outcomes) < outcomes_wanted:  # an even count: one question gets a third answer
        questions[-1]["answers"].append(answer(len(questions[-1]["answers"]) + 1, new_outcome()))
    return {"start": "question-1", "questions": questions, "outcomes": outcomes}


def write_dataset(project: Path, frameworks: int, criteria: int, nodes: int | None = None, shape: str = "balanced",
                  seed_dir: Path | None = None) -> dict[str, int]:
    """Write a synthetic data set into ``project/data``; returns its sizes."""
    data_dir = project / "data"
    seed_dir = seed_dir or data_dir
    seed = {name: _load(seed_dir, f"{name}.yml") for name in ("frameworks", "criteria", "decision", "claims")}
    fw = frameworks_data(seed["frameworks"], frameworks)
    framework_ids = [f["id"] for f in fw["frameworks"]]
    cr = criteria_data(seed["criteria"], framework_ids, criteria)
    criterion_ids = [c["id"] for g in cr["groups"] for c in g["criteria"]]
    if nodes is None:
        decision = copy.deepcopy(seed["decision"])
    else:
        decision = decision_data(seed["decision"], framework_ids, criterion_ids, nodes, shape)
    _dump(data_dir / "frameworks.yml", fw)
    _dump(data_dir / "criteria.yml", cr)
    _dump(data_dir / "decision.yml", decision)
    _dump(data_dir / "claims.yml", seed["claims"])
    for other in sorted(seed_dir.glob("*.yml")):  # benchmarks, presets, ...: kept as they are
        if other.stem not in seed and other.resolve() != (data_dir / other.name).resolve():
            shutil.copy2(other, data_dir / other.name)
    return {
        "frameworks": len(framework_ids),
        "criteria": len(criterion_ids),
        "cells": len(framework_ids) * len(criterion_ids),
        "nodes": len(decision["questions"]) + len(decision["outcomes"]),
    }
