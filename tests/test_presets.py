"""Scorecard presets (data/presets.yml): one test per kind of mistake, each asserting the file,
line, column and message a contributor sees; and presets that keep working when the groups change
through data (a group added since counts as Medium, a group that no longer exists is ignored)."""

from __future__ import annotations

from helpers import FakeLinks
from guide.views import scorecard, sitescripts
from guide.data.models import Group, Preset
from guide.data.scale import DEFAULT_WEIGHT

FIRST = "  - id: api-service\n"


def weights_line(data, group_id: str) -> int:
    """The line of ``group_id``'s weight in the first preset."""
    text = (data.root / "data" / "presets.yml").read_text(encoding="utf-8")
    start = text.index(FIRST)
    return text[:text.index(f"      {group_id}: ", start)].count("\n") + 1


def first_group(data) -> str:
    return data.problems()[0].groups[0].id


def test_unknown_group_is_named_with_a_suggestion(data):
    group = first_group(data)
    line = weights_line(data, group)
    data.edit("presets.yml", f"      {group}: ", f"      {group[:-1]}x: ")
    assert data.messages() == [
        f"data/presets.yml:{line}:7: presets[0].weights.{group[:-1]}x: no group has the id '{group[:-1]}x' (did you mean '{group}'?)"
    ]


def test_weight_out_of_range(data):
    group = first_group(data)
    line = weights_line(data, group)
    text = (data.root / "data" / "presets.yml").read_text(encoding="utf-8")
    old = text[text.index(f"      {group}: ", text.index(FIRST)):].split("\n", 1)[0] + "\n"
    data.edit("presets.yml", old, f"      {group}: 5\n")
    [message] = data.messages()
    assert message.startswith(f"data/presets.yml:{line}:{len(group) + 9}: presets[0].weights.{group}: '5' is not a weight")
    assert "0 Ignore, 1 Low, 2 Medium, 3 High" in message


def test_yes_and_quoted_numbers_are_not_weights(data):
    group = first_group(data)
    text = (data.root / "data" / "presets.yml").read_text(encoding="utf-8")
    old = text[text.index(f"      {group}: ", text.index(FIRST)):].split("\n", 1)[0] + "\n"
    data.edit("presets.yml", old, f"      {group}: yes\n")
    assert "a yes/no value is not a weight; expected one of: 0 Ignore" in data.messages()[0]
    data.edit("presets.yml", f"      {group}: yes\n", f'      {group}: "2"\n')
    assert '"2", text in quotes, is not a weight' in data.messages()[0]


def test_duplicate_preset_id(data):
    line = data.line_of("presets.yml", "  - id: ", 2)
    data.edit("presets.yml", "  - id: saas-product\n", "  - id: api-service\n")
    assert data.messages() == [
        f"data/presets.yml:{line}:9: presets[1].id: id 'api-service' is used twice; the first one is at line "
        f"{data.line_of('presets.yml', FIRST)} (every id must be unique: rename one)"
    ]


def test_a_preset_that_ignores_every_group(data):
    guide, _ = data.problems()
    lines = "".join(f"      {g.id}: 0\n" for g in guide.groups)
    text = (data.root / "data" / "presets.yml").read_text(encoding="utf-8")
    start = text.index("    weights:\n", text.index(FIRST)) + len("    weights:\n")
    end = text.index("  - id: ", start)
    (data.root / "data" / "presets.yml").write_text(text[:start] + lines + text[end:], encoding="utf-8")
    line = data.line_of("presets.yml", "    weights:")
    assert data.messages() == [
        f"data/presets.yml:{line}:5: presets[0].weights: every group has weight 0, so the preset ranks nothing "
        "(give at least one group a weight from 1 to 3)"
    ]


def test_a_group_left_out_is_a_warning_and_counts_as_medium(data):
    group = first_group(data)
    line = data.line_of("presets.yml", "    weights:")
    text = (data.root / "data" / "presets.yml").read_text(encoding="utf-8")
    old = text[text.index(f"      {group}: ", text.index(FIRST)):].split("\n", 1)[0] + "\n"
    data.edit("presets.yml", old, "")
    guide, problems = data.problems()
    assert guide is not None
    assert [str(p) for p in problems if p.severity == "warning"] == [
        f"data/presets.yml:{line}:5: presets[0].weights: warning: no weight for group {group}, which counts as 2, Medium "
        f"(give each group a weight from 0 to 3, e.g. `{group}: 2`)"
    ]
    assert sitescripts.preset_weights(guide, guide.presets[0])[group] == DEFAULT_WEIGHT


def test_missing_presets_file(data):
    (data.root / "data" / "presets.yml").unlink()
    assert data.messages() == ["data/presets.yml:1:1: file is missing (create presets.yml; see the data reference page)"]


def test_presets_follow_the_groups_when_data_changes(guide):
    """A group added through data gets the default weight in every preset (and a button row, a
    place in the script's data), and a preset naming a group that is gone ignores it."""
    extra = Group(id="new-group", title="New group", description="x", criteria=guide.groups[0].criteria)
    grown = guide.model_copy(update={"groups": [*guide.groups, extra]})
    every = [sitescripts.preset_weights(grown, preset) for preset in grown.presets]
    for weights in every:
        assert weights["new-group"] == DEFAULT_WEIGHT
        assert set(weights) == {g.id for g in grown.groups}
    assert all(len(scored.ranking) == len(grown.frameworks) for scored in sitescripts.figures(grown, every, []).scored)
    data = scorecard.scorecard_data(grown, FakeLinks())
    assert all(p["weights"]["new-group"] == DEFAULT_WEIGHT for p in data["presets"])
    stale = Preset(id="stale", title="Stale", description="x", weights={"gone": 3, guide.groups[0].id: 1})
    assert sitescripts.preset_weights(guide, stale) == {**sitescripts.default_weights(guide), guide.groups[0].id: 1}
