"""The data's rules, one small module each, in the order ``check_data`` runs them.

Modelled on MDN browser-compat-data's linter: a rule (:class:`~guide.data.rules.base.Rule`) is a
name, a description of what it checks, the data files it reads, and a function that returns
problems. Each has its test in ``tests/rules/test_<module>.py``. Rules on a single value (text,
addresses, dates) are pydantic validators on the model types instead: ``guide.data.fieldrules``.

Problems at the same position keep this order, so ids come before what hangs on them.
"""

from __future__ import annotations

from guide.data.rules import (
    assessments,
    benchmark_results,
    decision_backing,
    decision_loops,
    decision_outcomes,
    decision_reachable,
    decision_reasons,
    decision_start,
    durable_sources,
    page_sources,
    pages,
    preset_weights,
    references,
    stale_reviews,
    unique_ids,
)
from guide.data.rules.base import Checked, Checks, Rule

RULES: list[Rule] = [
    unique_ids.RULE,
    decision_start.RULE,
    references.RULE,
    pages.RULE,
    stale_reviews.RULE,
    assessments.RULE,
    durable_sources.RULE,
    benchmark_results.RULE,
    preset_weights.RULE,
    decision_backing.RULE,
    decision_reachable.RULE,
    decision_loops.RULE,
    decision_outcomes.RULE,
    decision_reasons.RULE,
    page_sources.RULE,
]

__all__ = ["RULES", "Checked", "Checks", "Rule"]
