from guide.data.rules import decision_reasons


def test_a_path_without_a_reason(dataset):
    del dataset.files["decision.yml"]["questions"][0]["answers"][0]["because"]
    assert dataset.run(decision_reasons.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'label: Fast', 'label')}: questions[0].answers[0]: leads to "
        "outcome 'use-alpha' on a path that gives no reason of its own: first: \"Fast\" (add `because:` to this answer, "
        "or to an earlier one on the path: one sentence on why that answer leads to this outcome)"
    ]


def test_two_paths_to_one_outcome_with_the_same_reasons(dataset):
    answers = dataset.files["decision.yml"]["questions"][0]["answers"]
    answers[1].update(next="use-alpha", because=answers[0]["because"])
    dataset.files["decision.yml"]["outcomes"].pop()
    assert dataset.run(decision_reasons.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'label: Other', 'label')}: questions[0].answers[1]: this path "
        "and another reach outcome 'use-alpha' with the same reasons, so the result reads the same for different "
        "answers: first: \"Other\"; first: \"Fast\" (give this answer a `because:` that says what it changes, or lead it "
        "to an outcome of its own)"
    ]


def test_too_many_paths_to_list(dataset, monkeypatch):
    monkeypatch.setattr(decision_reasons, "MAX_PATHS", 1)
    assert dataset.run(decision_reasons.RULE) == [
        "data/decision.yml:1:8: start: the tree has 2 paths from the start to an outcome; at most 1 can be listed "
        "(the Methodology page lists every path: let fewer answers lead into questions that other answers share)"
    ]


def test_an_unsound_tree_is_left_to_the_other_rules(dataset):
    dataset.files["decision.yml"]["questions"][0]["answers"][0].update(next="first")
    del dataset.files["decision.yml"]["questions"][0]["answers"][1]["because"]
    assert dataset.run(decision_reasons.RULE) == []
