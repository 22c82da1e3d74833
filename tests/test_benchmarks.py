"""Benchmark figures: the data checks, the computed lead, and the tables a reader sees on the
Performance page (built HTML)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from guide.views.benchmarks import benchmark_tables, lead


def test_a_setup_of_an_unknown_framework_is_named(data):
    line = data.edit("benchmarks.yml", "      - framework: django\n        label: Django 4.0.3", "      - framework: djnago\n        label: Django 4.0.3")
    [message] = data.messages()
    assert message.startswith(f"data/benchmarks.yml:{line}:20: benchmarks[0].stacks[1].framework: no framework has the id 'djnago'")
    assert "did you mean 'django'?" in message


def test_a_result_for_an_unknown_test_is_named(data):
    line = data.edit("benchmarks.yml", "results: {html: 1002,", "results: {htm: 1002,")
    [message] = data.messages()
    assert message.startswith(f"data/benchmarks.yml:{line}:")
    assert "benchmarks[0].stacks[1].results.htm: no test has the id 'htm' (did you mean 'html'?)" in message


def test_a_test_no_setup_ran_is_refused(data):
    line = data.edit("benchmarks.yml", "      - id: upload\n", "      - id: websocket\n        name: WebSocket echo\n      - id: upload\n")
    assert f"data/benchmarks.yml:{line}:13: benchmarks[0].tests[2].id: no setup has a result for test 'websocket'" in " ".join(data.messages())


def test_figures_must_be_positive_whole_numbers(data):
    line = data.edit("benchmarks.yml", "results: {html: 9060,", "results: {html: -9060,")
    [message] = data.messages()
    assert message.startswith(f"data/benchmarks.yml:{line}:") and "results.html" in message


def test_the_lead_compares_each_frameworks_best_setup(guide):
    for run in guide.benchmarks:
        for test in run.tests:
            result = lead(guide, run, test.id)
            best = {}
            for stack in run.stacks:
                if test.id in stack.results:
                    best[stack.framework] = max(best.get(stack.framework, 0), stack.results[test.id])
            ranked = sorted(best.values(), reverse=True)
            assert result.leader == guide.framework(max(best, key=best.get)).name
            assert result.ratio == (ranked[0] / ranked[1] if len(ranked) > 1 else None)
            assert result.ratio is None or result.ratio >= 1


def test_a_lead_with_one_framework_has_no_ratio(guide):
    run = guide.benchmarks[0]
    only = run.model_copy(update={"stacks": [run.stacks[0], run.stacks[0]]})
    result = lead(guide, only, run.tests[0].id)
    assert result.ratio is None and result.label == guide.framework(run.stacks[0].framework).name


def test_data_text_in_a_table_is_escaped(guide):
    run = guide.benchmarks[0]
    evil = run.model_copy(update={"title": "<script>x</script> {{ 7*7 }}"})
    html = str(benchmark_tables(guide.model_copy(update={"benchmarks": [evil]})))
    assert "<script>" not in html and "{{" not in html and "&lt;script&gt;" in html


def test_the_performance_page_shows_every_run_with_its_facts_and_figures(built_site, guide):
    soup = BeautifulSoup((built_site / "performance" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for run in guide.benchmarks:
        figure = soup.find("figure", id=f"bench-{run.id}")
        assert figure is not None, run.id
        facts = figure.select_one("dl").get_text(" ", strip=True)
        assert run.published.isoformat() in facts
        rows = figure.select("tbody tr")
        assert [r.th.get_text(" ", strip=True) for r in rows] == [s.label for s in run.stacks]
        headers = [th.get_text(" ", strip=True) for th in figure.select("thead th")][1:]
        assert len(headers) == len(run.tests)
        for row, stack in zip(rows, run.stacks):
            cells = row.find_all("td")
            for cell, test, header in zip(cells, run.tests, headers):
                label = cell.select_one(".guide-cell-label")  # the phone card names each figure's test
                assert label.get_text(" ", strip=True) == header
                label.extract()
                if test.id in stack.results:
                    assert cell.get_text(strip=True) == f"{stack.results[test.id]:,}"
        leads = figure.select("tfoot td")
        assert len(leads) == len(run.tests)
        for cell, test in zip(leads, run.tests):
            found = lead(guide, run, test.id)
            assert cell.get_text(" ", strip=True).endswith(found.label if found else "–")
        assert [a["href"] for a in figure.select(".guide-sources a")] == [s.url for s in run.sources]
