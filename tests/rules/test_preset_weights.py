import copy

from guide.data.rules import preset_weights


def add_group(dataset, group_id):
    groups = dataset.files["criteria.yml"]["groups"]
    group = copy.deepcopy(groups[0])
    group["id"], group["criteria"][0]["id"] = group_id, f"{group_id}-criterion"
    groups.append(group)


def test_a_group_the_preset_leaves_out_is_a_warning(dataset):
    add_group(dataset, "tools")
    add_group(dataset, "people")
    assert dataset.run(preset_weights.RULE) == [
        f"data/presets.yml:{dataset.at('presets.yml', 'weights:')}: presets[0].weights: warning: no weight for groups "
        "tools, people, which count as 2, Medium (give each group a weight from 0 to 3, e.g. `tools: 2`)"
    ]


def test_a_preset_that_ignores_everything(dataset):
    dataset.files["presets.yml"]["presets"][0]["weights"] = {"speed": 0}
    assert dataset.run(preset_weights.RULE) == [
        f"data/presets.yml:{dataset.at('presets.yml', 'weights:')}: presets[0].weights: every group has weight 0, "
        "so the preset ranks nothing (give at least one group a weight from 1 to 3)"
    ]
