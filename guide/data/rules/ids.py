"""The ids other files refer to, each as an ordered dict (ordered for hints, O(1) to look up),
or None when the file that defines them failed the schema (references to them go unchecked)."""

from __future__ import annotations

from guide.data.models import CriteriaFile, DecisionFile, FrameworksFile
from guide.data.rules.base import Checks

Ids = dict[str, None]


def framework_ids(checks: Checks) -> Ids | None:
    frameworks = checks.model("frameworks.yml", FrameworksFile)
    return dict.fromkeys(f.id for f in frameworks.frameworks) if frameworks else None


def group_ids(checks: Checks) -> Ids | None:
    criteria = checks.model("criteria.yml", CriteriaFile)
    return dict.fromkeys(g.id for g in criteria.groups) if criteria else None


def criterion_ids(checks: Checks) -> Ids | None:
    criteria = checks.model("criteria.yml", CriteriaFile)
    return dict.fromkeys(c.id for g in criteria.groups for c in g.criteria) if criteria else None


def node_ids(decision: DecisionFile) -> Ids:
    """Questions, then outcomes: one namespace."""
    return dict.fromkeys([q.id for q in decision.questions] + [o.id for o in decision.outcomes])
