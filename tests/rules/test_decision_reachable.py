from guide.data.rules import decision_reachable


def test_a_node_no_answer_leads_to(dataset):
    decision = dataset.files["decision.yml"]
    decision["questions"][0]["answers"][1]["next"] = "use-alpha"
    assert dataset.run(decision_reachable.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'id: use-beta', 'use-beta')}: outcomes[1].id: 'use-beta' cannot "
        "be reached from the start 'first' (point an answer's `next` at it, or remove it)"
    ]


def test_without_a_real_start_nothing_is_reported_here(dataset):
    dataset.files["decision.yml"]["start"] = "use-alpha"  # decision-start reports that
    assert dataset.run(decision_reachable.RULE) == []
