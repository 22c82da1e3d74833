"""The Performance page's figures: each benchmark run in ``data/benchmarks.yml`` as a table.

Rows are the measured setups, columns the tests; a last row names, for each test, the framework
whose best setup was fastest and by how much it beat the next framework's best setup. Ratios are
computed here from the published figures, so the data holds only what the sources print.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from guide.data.text import html_text
from guide.views.render import render
from guide.views.tables import Row, Section, data_table

if TYPE_CHECKING:
    from guide.data.models import Benchmark, Guide


@dataclass(frozen=True)
class Lead:
    """Who led one test: the leading framework's name and its best rate ÷ the runner-up's best."""

    leader: str
    ratio: float | None  # None when only one framework ran the test

    @property
    def label(self) -> str:
        return self.leader if self.ratio is None else f"{self.leader}, {self.ratio:.1f}×"


def lead(guide: Guide, run: Benchmark, test_id: str) -> Lead | None:
    """The framework whose best setup served the most requests in ``test_id``, and its margin."""
    best: dict[str, int] = {}
    for stack in run.stacks:
        if test_id in stack.results:
            best[stack.framework] = max(best.get(stack.framework, 0), stack.results[test_id])
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda item: item[1], reverse=True)
    leader = guide.framework(ranked[0][0]).name
    if len(ranked) == 1:
        return Lead(leader, None)
    return Lead(leader, ranked[0][1] / ranked[1][1])


def figures_table(guide: Guide, run: Benchmark) -> Markup:
    """The run's figures in the site's table shell: a row per setup, a column per test, and a
    last row with each test's leader; on a phone each row is a card (guide.views.tables.data_table)."""
    columns = ["Setup"] + [render("bench/test_heading.html", test=test) for test in run.tests]
    rows = [
        Row([render("bench/figure.html", value=stack.results.get(test.id)) for test in run.tests], Markup(html_text(stack.label)))
        for stack in run.stacks
    ]
    leads = [lead(guide, run, test.id) for test in run.tests]
    lead_row = Row([Markup(html_text(found.label)) if found else Markup("–") for found in leads],
                   Markup("Faster framework, best against best"))
    return data_table("Requests per second, by setup and test", columns, [Section(rows)], "guide-bench__table",
                      footer=[lead_row])


def benchmark_table(guide: Guide, run: Benchmark) -> Markup:
    return render("benchmark.html", run=run, table=figures_table(guide, run))


def benchmark_tables(guide: Guide) -> Markup:
    """Every benchmark run, newest first."""
    runs = sorted(guide.benchmarks, key=lambda run: run.published, reverse=True)
    return Markup("").join(benchmark_table(guide, run) for run in runs)
