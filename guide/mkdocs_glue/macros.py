"""The mkdocs-macros entry point: the only place pages meet the data.

Only ``define_env`` is used (no ``on_post_build`` and friends) so the module also runs under
ProperDocs and Zensical's macros extension. Each macro returns HTML from a renderer.
"""

from __future__ import annotations

from guide.publish import embeds, reference
from guide.views import benchmarks, flowchart, outline, pagetext, scorecard, tables, walk
from guide.publish.exports import EXPORT_DIR, site_info
from guide.data.text import markdown_text
from guide.mkdocs_glue.site import SiteLinks, guide_for, page_url


def define_env(env):
    guide = guide_for(env.conf)
    env.variables["guide"] = guide
    # Data text placed into a page's Markdown (a heading, a sentence) goes through this filter,
    # so that `*`, `<` or `[` in the data are shown as written.
    env.filter(markdown_text, name="md_text")

    def links() -> SiteLinks:
        return SiteLinks(env.conf, env.page.file.src_uri)

    def embeddable(content: str, name: str) -> str:
        """A table or the flowchart with its "Embed" control below; embed pages get none."""
        src = env.page.file.src_uri
        if embeds.is_embed_page(src):
            return content
        return embeds.embed_control(content, embeds.embed_named(guide, name), control_links())

    def control_links() -> embeds.ControlLinks:
        directory_urls = env.conf["use_directory_urls"]
        here = page_url(env.page.file.src_uri, directory_urls)
        return embeds.ControlLinks(site_info(env.conf).url, here, directory_urls)

    @env.macro
    def embed_catalogue() -> str:
        """Every embed page with its iframe address (for the "Embed and reuse" page)."""
        return embeds.embed_catalogue(guide, control_links())

    @env.macro
    def export_list() -> str:
        """The export files with their addresses."""
        return embeds.export_list(control_links())

    @env.macro
    def comparison_table(group: str | None = None) -> str:
        """The full comparison, or one group's table with ``group="performance"``."""
        if group is None:
            return embeddable(tables.full_table(guide, links()), embeds.FULL)
        return embeddable(tables.group_table(guide, guide.group(group), links()), embeds.group_embed_name(group))

    @env.macro
    def glance_table() -> str:
        return embeddable(tables.glance_table(guide, links()), embeds.GLANCE)

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
        """The flowchart (a static SVG); on the Decision page its boxes jump within the page."""
        full_size = control_links().relative(f"{EXPORT_DIR}/{flowchart.SVG_NAME}")
        on_decision_page = env.page.file.src_uri == flowchart.DECISION_PAGE
        return embeddable(flowchart.flowchart(guide, links(), full_size, on_decision_page), embeds.FLOWCHART)

    @env.macro
    def decision_outline() -> str:
        return outline.outline(guide, links())

    @env.macro
    def decision_paths() -> str:
        """Every path through the decision tree with its outcome and reasons (Methodology page)."""
        return outline.paths_table(guide, links())

    @env.macro
    def decision_walk() -> str:
        """The interactive walk, one question at a time (the outline is its no-JavaScript form).
        On the Decision page it shows each outcome's advice from the outline below it; elsewhere
        (the embed) it carries that advice itself."""
        on_decision_page = env.page.file.src_uri == flowchart.DECISION_PAGE
        return walk.walk(guide, links(), outcomes_here=not on_decision_page)

    @env.macro
    def priorities_scorecard() -> str:
        """The weighting form and ranking; hidden until the site script runs."""
        return scorecard.scorecard(guide, links())

    @env.macro
    def scorecard_table() -> str:
        """Mean points per group, and the scores with equal weights and with each preset."""
        return scorecard.equal_weights_table(guide, links())

    @env.macro
    def scorecard_lead() -> str:
        """Who leads with equal weights, and how much each group adds to or takes from the lead."""
        return scorecard.equal_weights_lead(guide)

    # Numbers, names and dates from the data, for sentences in pages (pages may not use Jinja
    # expressions of their own: see guide/data/pagelint.py).
    @env.macro
    def count(what: str) -> str:
        """``count("criteria")``: how many frameworks, groups, criteria, questions, outcomes or claims."""
        return pagetext.count(guide, what)

    @env.macro
    def frameworks_compared() -> str:
        """Each framework with the version its assessments describe: "FastAPI 0.165 and Django 6.1"."""
        return pagetext.frameworks_compared(guide)

    @env.macro
    def group_title(group: str) -> str:
        """``group_title("builtins")``: a group's title, for a sentence."""
        return pagetext.group_title(guide, group)

    @env.macro
    def framework_reviews() -> str:
        """A list of the frameworks with their versions and review dates."""
        return pagetext.framework_reviews(guide)

    @env.macro
    def data_reviewed() -> str:
        """The newest review date in the data (YYYY-MM-DD)."""
        return guide.reviewed.isoformat()

    @env.macro
    def comparison_groups() -> str:
        """Every group as a section: heading, description and each criterion in full."""
        return pagetext.group_sections(guide, links())

    @env.macro
    def benchmark_tables() -> str:
        """Every benchmark run's figures, with versions, hardware, dates and sources."""
        return benchmarks.benchmark_tables(guide)

    @env.macro
    def data_reference() -> str:
        """Every field of every data file, generated from the models (Markdown)."""
        return reference.reference_markdown(heading_level=2)
