"""The plain-text field rule, a validator on Text, OneLine and PagePath in guide.data.models."""

from guide.data.fieldrules import PLAIN_TEXT


def test_html_and_a_markdown_link_in_one_verdict_are_two_problems(dataset):
    verdict = "Use <b>this</b>, see [docs](https://example.org)"
    dataset.files["criteria.yml"]["groups"][0]["criteria"][0]["assessments"]["beta"]["verdict"] = verdict
    where = f"data/criteria.yml:{dataset.at('criteria.yml', verdict)}: groups[0].criteria[0].assessments.beta.verdict"
    assert dataset.check_data() == [
        f"{where}: contains an HTML tag, which the guide shows as plain text "
        "(write plain text; put code such as `<form>` in backticks)",
        f"{where}: contains a Markdown link, which the guide shows as plain text "
        "(put the address in `sources` or `pages` instead of the text)",
    ]


def test_an_escaped_control_character(dataset):
    dataset.files["frameworks.yml"]["frameworks"][0]["summary"] = "Fast\u202e."
    assert dataset.check_data() == [
        f"data/frameworks.yml:{dataset.at('frameworks.yml', 'summary:', chr(34))}: frameworks[0].summary: contains "
        "U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that can make text display in another order than it is "
        "written (remove the backslash escape that writes it inside the quotes, such as `\\u202e`)"
    ]


def test_code_in_backticks_is_fine():
    assert PLAIN_TEXT.find("Put `<form>` and `[a](b)` in backticks.", None) == []


def test_the_other_rules_still_run_on_a_file_with_a_bad_text(dataset):
    """A field rule fails the value, not the file: the duplicate id is reported too."""
    dataset.files["claims.yml"]["claims"][0]["note"] = "<i>It is.</i>"
    dataset.files["claims.yml"]["claims"].append(dict(dataset.files["claims.yml"]["claims"][0], note="Again."))
    problems = dataset.check_data()
    assert [p.split(": ", 2)[1] for p in problems] == ["claims[0].note", "claims[1].id"]
