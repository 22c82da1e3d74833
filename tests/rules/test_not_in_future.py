"""The not-in-future field rule, a validator on every date in guide.data.models; ``check_data``
passes the day it counts as today in the validation context."""

import datetime as dt

from guide.data.fieldrules import NOT_IN_FUTURE


def test_a_date_after_today(dataset):
    dataset.files["benchmarks.yml"]["benchmarks"][0]["published"] = dt.date(2026, 11, 26)
    assert dataset.check_data(today=dt.date(2026, 11, 25)) == [
        f"data/benchmarks.yml:{dataset.at('benchmarks.yml', 'published:', '2026')}: benchmarks[0].published: "
        "date 2026-11-26 lies in the future (use the day the check was done; today is 2026-11-25)"
    ]
    assert dataset.check_data(today=dt.date(2026, 11, 26)) == []


def test_today_itself_is_fine():
    day = dt.date(2026, 11, 25)
    assert NOT_IN_FUTURE.find(day, day) == [] and NOT_IN_FUTURE.find(day, day - dt.timedelta(days=1))
