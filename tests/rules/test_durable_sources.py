from guide.data.rules import durable_sources
from guide.data.sourcerules import source_findings

MOVING = "https://docs.djangoproject.com/en/stable/topics/http/"


def test_a_source_that_moves_with_each_release(dataset):
    dataset.files["benchmarks.yml"]["benchmarks"][0]["sources"][0]["url"] = MOVING
    (_, finding), = source_findings(MOVING, "Django 5.2 release notes", dataset.checks().today)
    assert dataset.run(durable_sources.RULE) == [
        f"data/benchmarks.yml:{dataset.at('benchmarks.yml', MOVING)}: benchmarks[0].sources[0].url: "
        f"{finding.message} ({finding.hint})"
    ]


def test_sources_of_assessments_and_decision_nodes_are_checked(dataset):
    dataset.files["criteria.yml"]["groups"][0]["criteria"][0]["assessments"]["beta"]["sources"][0]["url"] = MOVING
    dataset.files["decision.yml"]["outcomes"][0]["sources"] = [{"title": "Docs", "url": MOVING, "accessed": "2026-11-20"}]
    paths = [problem.split(": ", 2)[1] for problem in dataset.run(durable_sources.RULE)]
    assert paths == ["groups[0].criteria[0].assessments.beta.sources[0].url", "outcomes[0].sources[0].url"]
