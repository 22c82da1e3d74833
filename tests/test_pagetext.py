"""The page text that replaced Jinja in pages (counts, frameworks, review dates, the comparison's
group sections): it follows the data and shows data text as written."""

from __future__ import annotations

import re

import pytest

from helpers import FakeLinks
from guide.views import pagetext


def test_counts_follow_the_data(guide):
    assert pagetext.count(guide, "criteria") == str(len(guide.criteria))
    assert pagetext.count(guide, "groups") == str(len(guide.groups))
    assert pagetext.count(guide, "questions") == str(len(guide.decision.questions))
    assert pagetext.count(guide, "frameworks") == str(len(guide.frameworks))


def test_an_unknown_count_fails_the_build_with_the_choices(guide):
    with pytest.raises(ValueError, match="count\\(\\) counts one of frameworks, groups, criteria, questions, outcomes, claims, not 'pages'"):
        pagetext.count(guide, "pages")


@pytest.mark.parametrize("items, text", [(["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")])
def test_in_words(items, text):
    assert pagetext.in_words(items) == text


def test_every_framework_is_named_with_its_version(guide):
    text = pagetext.frameworks_compared(guide)
    for framework in guide.frameworks:
        assert framework.name in text
    assert text.count(" and ") == 1 and text.count(", ") == max(0, len(guide.frameworks) - 2)
    lines = pagetext.framework_reviews(guide).split("\n")
    assert len(lines) == len(guide.frameworks)
    assert all(line.startswith("- **") and ", reviewed " in line for line in lines)


def test_one_section_per_group_with_its_anchor_and_escaped_text(guide):
    hostile = guide.model_copy(update={"groups": [
        guide.groups[0].model_copy(update={"title": "Speed *and* {{ x }} | <b>", "description": "[not](a link)"}),
        *guide.groups[1:],
    ]})
    text = pagetext.group_sections(hostile, FakeLinks())
    headings = re.findall(r"^## (.*) \{ #group-([a-z0-9-]+) \}$", text, re.MULTILINE)
    assert [group_id for _, group_id in headings] == [group.id for group in guide.groups]
    assert headings[0][0] == r"Speed \*and\* \{\{ x \}\} \| &lt;b&gt;"
    assert r"\[not\]\(a link\)" in text
    for criterion in guide.criteria:
        assert f'id="{criterion.id}"' in text


def test_a_group_title_is_escaped_and_an_unknown_group_fails(guide):
    hostile = guide.model_copy(update={"groups": [guide.groups[0].model_copy(update={"title": "A *b* [c]"}), *guide.groups[1:]]})
    assert pagetext.group_title(hostile, guide.groups[0].id) == r"A \*b\* \[c\]"
    with pytest.raises(KeyError, match="no group has the id 'nope'"):
        pagetext.group_title(guide, "nope")
