"""Which data file is read into which model, and how the checked files make one :class:`Guide`.

Adding a data file is one entry here (and a field on ``Guide``); the schema, the data reference
and ``make check`` all follow this table.
"""

from __future__ import annotations

from pydantic import BaseModel

from guide.data import models
from guide.data.models import Guide

DATA_FILES: dict[str, type[BaseModel]] = {
    "frameworks.yml": models.FrameworksFile,
    "criteria.yml": models.CriteriaFile,
    "decision.yml": models.DecisionFile,
    "claims.yml": models.ClaimsFile,
    "benchmarks.yml": models.BenchmarksFile,
    "presets.yml": models.PresetsFile,
}


def assemble(files: dict[str, BaseModel]) -> Guide:
    """The Guide from every data file, each already validated against its model."""
    frameworks = files["frameworks.yml"]
    criteria = files["criteria.yml"]
    claims = files["claims.yml"]
    benchmarks = files["benchmarks.yml"]
    presets = files["presets.yml"]
    decision = files["decision.yml"]
    assert isinstance(frameworks, models.FrameworksFile) and isinstance(criteria, models.CriteriaFile)
    assert isinstance(claims, models.ClaimsFile) and isinstance(benchmarks, models.BenchmarksFile)
    assert isinstance(presets, models.PresetsFile) and isinstance(decision, models.DecisionFile)
    return Guide(
        frameworks=frameworks.frameworks,
        groups=criteria.groups,
        decision=decision,
        claims=claims.claims,
        benchmarks=benchmarks.benchmarks,
        presets=presets.presets,
    )
