"""Pydantic's errors reworded through guide.data.messages.REWORDINGS, one entry per error type."""

import typing

from pydantic_core.core_schema import ErrorType

from guide.data.fieldrules import ERROR_TYPE
from guide.data.messages import FAMILIES, REWORDINGS


def test_every_entry_is_an_error_type_pydantic_has():
    assert set(REWORDINGS) - set(FAMILIES) - {ERROR_TYPE} <= set(typing.get_args(ErrorType))


def test_a_misspelt_key_and_a_misspelt_rating(dataset):
    assessment = dataset.files["criteria.yml"]["groups"][0]["criteria"][0]["assessments"]["beta"]
    assessment["rating"] = "strnog"
    assessment["verdcit"] = assessment.pop("verdict")
    at = "groups[0].criteria[0].assessments.beta"
    assert dataset.check_data() == [
        f"data/criteria.yml:{dataset.at('criteria.yml', 'rating: strnog', 'rating', 1)}: {at}.verdict: missing required "
        "field 'verdict' (one line, shown in the tables, at most 160 characters)",
        f"data/criteria.yml:{dataset.at('criteria.yml', 'rating: strnog', 'strnog')}: {at}.rating: 'strnog' is not a "
        "rating; expected one of: strong, good, fair, weak (did you mean 'strong'?)",
        f"data/criteria.yml:{dataset.at('criteria.yml', 'verdcit:')}: {at}.verdcit: unknown key 'verdcit' "
        "(did you mean 'verdict'?)",
    ]


def test_a_date_that_does_not_exist_is_one_family(dataset):
    dataset.files["benchmarks.yml"]["benchmarks"][0]["published"] = "2026-02-30"
    quoted = "'2026"
    assert dataset.check_data() == [
        f"data/benchmarks.yml:{dataset.at('benchmarks.yml', 'published:', quoted)}: benchmarks[0].published: "
        "'2026-02-30' is not a real date (write it as YYYY-MM-DD, e.g. 2026-11-25)"
    ]


def test_an_error_type_the_table_lacks_keeps_pydantics_words(dataset):
    dataset.files["benchmarks.yml"]["benchmarks"][0]["stacks"][0]["results"]["json"] = 0
    problems = dataset.check_data()
    assert len(problems) == 1 and problems[0].endswith("benchmarks[0].stacks[0].results.json: input should be greater than 0")
