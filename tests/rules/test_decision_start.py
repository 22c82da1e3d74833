from guide.data.rules import decision_start


def test_the_start_is_an_outcome(dataset):
    dataset.files["decision.yml"]["start"] = "use-alpha"
    assert dataset.run(decision_start.RULE) == [
        "data/decision.yml:1:8: start: 'use-alpha' is an outcome (`start` must name the first question)"
    ]


def test_the_start_is_misspelt(dataset):
    dataset.files["decision.yml"]["start"] = "frist"
    assert dataset.run(decision_start.RULE) == ["data/decision.yml:1:8: start: no question has the id 'frist' (did you mean 'first'?)"]
