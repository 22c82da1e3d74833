"""Presets rank something, and say what they think of every group."""

from __future__ import annotations

from collections.abc import Iterator

from guide.data.models import PresetsFile
from guide.data.problems import Problem
from guide.data.rules.base import Checks, Rule
from guide.data.rules.ids import group_ids
from guide.data.scale import DEFAULT_WEIGHT, WEIGHT_LABELS


def check(checks: Checks) -> Iterator[Problem]:
    presets, groups = checks.model("presets.yml", PresetsFile), group_ids(checks)
    if presets is None or groups is None:
        return
    for i, preset in enumerate(presets.presets):
        path = ("presets", i, "weights")
        missing = [g for g in groups if g not in preset.weights]
        if missing:
            one = len(missing) == 1
            yield checks.problem(
                "presets.yml", path,
                f"no weight for {'group' if one else 'groups'} {', '.join(missing)}, "
                f"which {'counts' if one else 'count'} as {DEFAULT_WEIGHT}, {WEIGHT_LABELS[DEFAULT_WEIGHT]}",
                "give each group a weight from 0 to 3, e.g. `" + missing[0] + ": 2`", "warning", key=True)
        if all(preset.weights.get(g, DEFAULT_WEIGHT) == 0 for g in groups):
            yield checks.problem("presets.yml", path, "every group has weight 0, so the preset ranks nothing",
                                 "give at least one group a weight from 1 to 3", key=True)


RULE = Rule(
    "preset-weights",
    "A preset gives some group a weight above 0; a group it leaves out (one added since) counts as Medium, which is "
    "worth a warning.",
    ("presets.yml", "criteria.yml"),
    check,
)
