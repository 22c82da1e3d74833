import dataclasses

from guide.data.rules import references


def test_an_assessment_for_an_unknown_framework_is_reported_at_its_key(dataset):
    assessments = dataset.files["criteria.yml"]["groups"][0]["criteria"][0]["assessments"]
    assessments["betta"] = assessments.pop("beta")
    assert dataset.run(references.RULE) == [
        f"data/criteria.yml:{dataset.at('criteria.yml', 'betta:')}: groups[0].criteria[0].assessments.betta: "
        "no framework has the id 'betta' (did you mean 'beta'?)"
    ]


def test_an_answer_leading_nowhere_lists_the_nodes_when_nothing_is_close(dataset):
    dataset.files["decision.yml"]["questions"][0]["answers"][1]["next"] = "zzz"
    assert dataset.run(references.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'next: zzz', 'zzz')}: questions[0].answers[1].next: "
        "no question or outcome has the id 'zzz' (known question or outcome ids: first, use-alpha, use-beta)"
    ]


def test_claims_benchmarks_and_presets_are_checked_too(dataset):
    dataset.files["claims.yml"]["claims"][0]["criteria"] = ["thruput"]
    dataset.files["benchmarks.yml"]["benchmarks"][0]["stacks"][0]["results"] = {"jsno": 5}
    dataset.files["presets.yml"]["presets"][0]["weights"] = {"sped": 1}
    assert dataset.run(references.RULE) == [
        f"data/benchmarks.yml:{dataset.at('benchmarks.yml', 'jsno:')}: benchmarks[0].stacks[0].results.jsno: "
        "no test has the id 'jsno' (did you mean 'json'?)",
        f"data/presets.yml:{dataset.at('presets.yml', 'sped:')}: presets[0].weights.sped: "
        "no group has the id 'sped' (did you mean 'speed'?)",
        f"data/claims.yml:{dataset.at('claims.yml', 'thruput')}: claims[0].criteria[0]: "
        "no criterion has the id 'thruput' (did you mean 'throughput'?)",
    ]


def test_references_into_a_file_that_failed_the_schema_are_left_alone(dataset):
    dataset.files["decision.yml"]["outcomes"][0]["recommends"][0]["framework"] = "gamma"
    checks = dataset.checks()
    without_frameworks = dataclasses.replace(checks, files={f: c for f, c in checks.files.items() if f != "frameworks.yml"})
    assert list(references.RULE.check(without_frameworks)) == []
    assert len(list(references.RULE.check(checks))) == 1
