from guide.data.rules import assessments


def test_a_framework_without_an_assessment(dataset):
    del dataset.files["criteria.yml"]["groups"][0]["criteria"][0]["assessments"]["beta"]
    assert dataset.run(assessments.RULE) == [
        f"data/criteria.yml:{dataset.at('criteria.yml', 'assessments:')}: groups[0].criteria[0].assessments: "
        "no assessment for framework 'beta' (add `beta:` with rating, verdict, detail and sources)"
    ]
