import pytest

from guide.data.rules import unique_ids


@pytest.mark.parametrize(("file", "items", "index", "taken", "path"), [
    ("frameworks.yml", "frameworks", 1, "alpha", "frameworks[1].id"),
    ("decision.yml", "outcomes", 1, "first", "outcomes[1].id"),  # questions and outcomes share one namespace
])
def test_an_id_used_twice(dataset, file, items, index, taken, path):
    dataset.files[file][items][index]["id"] = taken
    first = dataset.line_of(file, f"id: {taken}")
    assert dataset.run(unique_ids.RULE) == [
        f"data/{file}:{dataset.at(file, f'id: {taken}', taken, 2)}: {path}: id '{taken}' is used twice; "
        f"the first one is at line {first} (every id must be unique: rename one)"
    ]


def test_the_same_test_id_in_two_runs_is_fine(dataset):
    runs = dataset.files["benchmarks.yml"]["benchmarks"]
    runs.append({**runs[0], "id": "another-run"})
    assert dataset.run(unique_ids.RULE) == []
