from guide.data.rules import page_sources
from guide.data.sourcerules import source_findings

MOVING = "https://docs.djangoproject.com/en/stable/topics/http/"


def test_an_address_in_a_page_is_reported_at_its_line_and_column(dataset):
    (dataset.root / "docs" / "guide.md").write_text(f"# Guide\n\nSee [the docs]({MOVING}).\n", encoding="utf-8")
    (_, finding), = source_findings(MOVING, "", dataset.checks().today)
    assert dataset.run(page_sources.RULE) == [f"docs/guide.md:3:16: {MOVING}: {finding.message} ({finding.hint})"]


def test_trailing_punctuation_is_not_part_of_the_address(dataset):
    (dataset.root / "docs" / "guide.md").write_text("Read https://docs.djangoproject.com/en/5.2/releases/5.2/.\n",
                                                    encoding="utf-8")
    assert dataset.run(page_sources.RULE) == []
