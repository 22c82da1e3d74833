"""The registry: every rule is named, described and silent on the valid fixture."""

from __future__ import annotations

import pytest

from guide.data.rules import RULES


def test_names_are_unique_and_every_rule_says_what_it_checks():
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert all(rule.description.endswith(".") and len(rule.description) > 30 for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_the_valid_fixture_passes(dataset, rule):
    assert dataset.run(rule) == []


def test_the_valid_fixture_is_a_whole_guide(dataset):
    """So that each rule's test changes one thing in data that is otherwise right."""
    assert dataset.check_data() == []
