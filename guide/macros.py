"""The mkdocs-macros entry point: the only place pages meet the data.

Only ``define_env`` is used (no ``on_post_build`` and friends) so the module also runs under
ProperDocs and Zensical's macros extension. Each macro returns HTML from a renderer.
"""

from __future__ import annotations

from guide import flowchart, tables
from guide.text import markdown_text
from guide.site import SiteLinks, guide_for


def define_env(env):
    guide = guide_for(env.conf)
    env.variables["guide"] = guide
    # Data text placed into a page's Markdown (a heading, a sentence) goes through this filter,
    # so that `*`, `<` or `[` in the data are shown as written.
    env.filter(markdown_text, name="md_text")

    def links() -> SiteLinks:
        return SiteLinks(env.conf, env.page.file.src_uri)

    @env.macro
    def comparison_table(group: str | None = None) -> str:
        """The full comparison, or one group's table with ``group="performance"``."""
        if group is None:
            return tables.full_table(guide, links())
        return tables.group_table(guide, guide.group(group), links())

    @env.macro
    def glance_table() -> str:
        return tables.glance_table(guide, links())

    @env.macro
    def criterion_verdicts(criterion: str) -> str:
        return tables.criterion_verdicts(guide, criterion, links())

    @env.macro
    def criterion_details(group: str) -> str:
        return tables.criterion_cards(guide, guide.group(group), links())

    @env.macro
    def rating_scale() -> str:
        return tables.rating_scale()

    @env.macro
    def review_table() -> str:
        return tables.review_table(guide, links())

    @env.macro
    def claims_table() -> str:
        return tables.claims_table(guide, links())

    @env.macro
    def framework_facts(framework: str) -> str:
        return tables.framework_facts(guide, framework)

    @env.macro
    def decision_flowchart() -> str:
        return flowchart.flowchart(guide, links())

    @env.macro
    def decision_outline() -> str:
        return flowchart.outline(guide, links())

    @env.macro
    def criterion_card(criterion: str) -> str:
        """One criterion in full (verdicts, explanations, sources), for a prose page."""
        return tables.criterion_card(guide, guide.criterion(criterion), links())
