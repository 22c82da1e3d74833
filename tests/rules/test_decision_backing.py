from guide.data.rules import decision_backing

ADD = "add `sources:` with title, url and accessed where {what} can be checked, or a `judgement:` that gives the guide's own reasoning"


def test_a_question_whose_reasons_nothing_backs(dataset):
    del dataset.files["decision.yml"]["questions"][0]["judgement"]
    assert dataset.run(decision_backing.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'id: first', 'first')}: questions[0].id: question 'first' gives "
        f"advice with no source and no judgement ({ADD.format(what=chr(39).join(['its hint and its answers', ' hints and reasons']))})"
    ]


def test_a_question_without_advice_needs_no_backing(dataset):
    question = dataset.files["decision.yml"]["questions"][0]
    del question["judgement"]
    for answer in question["answers"]:
        del answer["because"]
    assert dataset.run(decision_backing.RULE) == []


def test_an_outcome_always_needs_backing(dataset):
    outcome = dataset.files["decision.yml"]["outcomes"][1]
    del outcome["judgement"]
    assert dataset.run(decision_backing.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'id: use-beta', 'use-beta')}: outcomes[1].id: outcome 'use-beta' "
        f"gives advice with no source and no judgement ({ADD.format(what='its `why` and watch-out notes')})"
    ]
    outcome["sources"] = [{"title": "Beta docs", "url": "https://docs.djangoproject.com/en/5.2/", "accessed": "2026-11-20"}]
    assert dataset.run(decision_backing.RULE) == []
