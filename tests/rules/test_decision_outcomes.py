from guide.data.rules import decision_outcomes


def test_a_question_whose_answers_never_end(dataset):
    dataset.files["decision.yml"]["questions"][0]["answers"][1]["next"] = "spin"
    dataset.files["decision.yml"]["questions"].append({
        "id": "spin", "text": "Again?", "judgement": "Ours.",
        "answers": [{"label": "Yes", "next": "spin"}, {"label": "Still yes", "next": "spin"}],
    })
    assert dataset.run(decision_outcomes.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'id: spin', 'spin')}: questions[1].id: no path from question "
        "'spin' ever reaches an outcome (make at least one answer lead, directly or through other questions, to an outcome)"
    ]
