"""The macros and filters a page under ``docs/`` may call: the one list both sides read.

``guide/mkdocs_glue/macros.py`` registers exactly these (it refuses to start otherwise), and the
page lint (``guide/data/pagelint.py``) allows exactly these, so the lint never has to look into
the MkDocs glue. A new macro is one line here and its function in the macros module.
"""

from __future__ import annotations

PAGE_MACROS: frozenset[str] = frozenset({
    # tables and write-ups (guide/views/tables.py)
    "comparison_table", "glance_table", "criterion_verdicts", "criterion_details", "rating_scale",
    "review_table", "claims_table", "framework_facts", "comparison_groups",
    # the decision tree (guide/views/flowchart.py, outline.py, walk.py)
    "decision_flowchart", "decision_outline", "decision_paths", "decision_walk",
    # the scorecard (guide/views/scorecard.py)
    "priorities_scorecard", "scorecard_table", "scorecard_lead",
    # numbers, names and dates for sentences (guide/views/pagetext.py)
    "count", "frameworks_compared", "group_title", "framework_reviews", "data_reviewed",
    # benchmarks, embeds, exports and the data reference
    "benchmark_tables", "embed_catalogue", "export_list", "data_reference",
})

PAGE_FILTERS: frozenset[str] = frozenset({"md_text"})
