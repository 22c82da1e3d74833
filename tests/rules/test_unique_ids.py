from guide.data.rules import unique_ids


def test_a_framework_id_used_twice(dataset):
    dataset.files["frameworks.yml"]["frameworks"][1]["id"] = "alpha"
    first = dataset.line_of("frameworks.yml", "id: alpha")
    assert dataset.run(unique_ids.RULE) == [
        f"data/frameworks.yml:{dataset.at('frameworks.yml', 'id: alpha', 'alpha', 2)}: frameworks[1].id: id 'alpha' is "
        f"used twice; the first one is at line {first} (every id must be unique: rename one)"
    ]


def test_questions_and_outcomes_share_one_namespace(dataset):
    dataset.files["decision.yml"]["outcomes"][1]["id"] = "first"
    first = dataset.line_of("decision.yml", "id: first")
    assert dataset.run(unique_ids.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'id: first', 'first', 2)}: outcomes[1].id: id 'first' is used "
        f"twice; the first one is at line {first} (every id must be unique: rename one)"
    ]


def test_the_same_test_id_in_two_runs_is_fine(dataset):
    runs = dataset.files["benchmarks.yml"]["benchmarks"]
    runs.append({**runs[0], "id": "another-run"})
    assert dataset.run(unique_ids.RULE) == []
