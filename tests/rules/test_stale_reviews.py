import datetime as dt

from guide.data.rules import stale_reviews


def test_a_review_over_a_year_old_is_a_warning(dataset):
    assert dataset.run(stale_reviews.RULE, today=dt.date(2027, 11, 20)) == []  # 365 days: not yet
    assert dataset.run(stale_reviews.RULE, today=dt.date(2027, 11, 21)) == [
        f"data/criteria.yml:{dataset.at('criteria.yml', 'reviewed: 2026-11-20', '2026')}: groups[0].criteria[0].reviewed: "
        "warning: last reviewed 2026-11-20, over a year ago "
        "(re-check the sources and update `reviewed` and each source's `accessed`)"
    ]
