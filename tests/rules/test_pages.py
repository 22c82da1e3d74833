from guide.data.rules import pages


def test_a_page_that_does_not_exist(dataset):
    dataset.files["decision.yml"]["outcomes"][1]["pages"] = ["nowhere.md"]
    assert dataset.run(pages.RULE) == [
        f"data/decision.yml:{dataset.at('decision.yml', 'nowhere.md')}: outcomes[1].pages[0]: page 'nowhere.md' does "
        f"not exist (give a path under {(dataset.root / 'docs').as_posix()}/, e.g. `performance.md`)"
    ]


def test_a_path_out_of_the_pages_folder_or_not_markdown(dataset):
    (dataset.root / "docs" / "notes.txt").write_text("notes", encoding="utf-8")
    dataset.files["frameworks.yml"]["frameworks"][0]["page"] = "../docs/index.md"
    dataset.files["criteria.yml"]["groups"][0]["criteria"][0]["examples"] = ["notes.txt"]
    problems = dataset.run(pages.RULE)
    assert [p.split(": ", 2)[1] for p in problems] == ["frameworks[0].page", "groups[0].criteria[0].examples[0]"]


def test_without_a_pages_folder_nothing_is_checked(dataset):
    import dataclasses

    dataset.files["decision.yml"]["outcomes"][1]["pages"] = ["nowhere.md"]
    assert list(pages.RULE.check(dataclasses.replace(dataset.checks(), docs_dir=None))) == []
