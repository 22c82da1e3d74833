from guide.data.rules import benchmark_results


def test_a_test_no_setup_ran(dataset):
    dataset.files["benchmarks.yml"]["benchmarks"][0]["tests"].append({"id": "html", "name": "HTML"})
    assert dataset.run(benchmark_results.RULE) == [
        f"data/benchmarks.yml:{dataset.at('benchmarks.yml', 'id: html', 'html')}: benchmarks[0].tests[1].id: "
        "no setup has a result for test 'html' (add its figure to a stack's `results`, or remove the test)"
    ]
