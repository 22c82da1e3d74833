"""The mkdocs-macros entry point: the only place pages meet the data.

Only ``define_env`` is used (no ``on_post_build`` and friends) so the module also runs under
ProperDocs and Zensical's macros extension. Each macro returns HTML from a renderer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError

from guide.data.macronames import PAGE_MACROS
from guide.data.text import markdown_text
from guide.mkdocs_glue.site import checked, guide_for, site_info, site_links
from guide.publish import embeds
from guide.publish.addresses import EXPORT_DIR
from guide.views import benchmarks, flowchart, outline, pagetext, scorecard, tables, walk
from guide.views.urls import PageLinks, page_url

if TYPE_CHECKING:
    from guide.data.models import Guide


def define_env(env: Any) -> None:
    """Register the guide's macros and filter on the macros plugin's ``env``."""
    # Data text placed into a page's Markdown (a heading, a sentence) goes through this filter,
    # so that `*`, `<` or `[` in the data are shown as written.
    env.filter(markdown_text, name="md_text")
    if checked(env.conf).errors:
        return  # `mkdocs serve` with problems: every page lists them instead of calling a macro
    registered: set[str] = set()

    def data() -> Guide:
        """The Guide, loaded by the first macro a page calls: a build whose pages all come from the
        build cache never loads it (guide/mkdocs_glue/site.py)."""
        guide = guide_for(env.conf)
        assert guide is not None  # the check found no errors
        return guide

    def macro(function: Callable[..., str]) -> Callable[..., str]:
        """``env.macro`` for a name guide/data/macronames.py lists (the page lint allows those)."""
        if function.__name__ not in PAGE_MACROS:
            raise PluginError(f"macro {function.__name__} is not listed in guide/data/macronames.py")
        registered.add(function.__name__)
        env.macro(function)
        return function

    def links() -> PageLinks:
        return site_links(env.conf, env.page.file.src_uri)

    def embeddable(content: str, name: str) -> str:
        """A table or the flowchart with its "Embed" control below; embed pages get none."""
        src = env.page.file.src_uri
        if embeds.is_embed_page(src):
            return content
        return embeds.embed_control(content, embeds.embed_named(data(), name), control_links())

    def control_links() -> embeds.ControlLinks:
        directory_urls = env.conf["use_directory_urls"]
        here = page_url(env.page.file.src_uri, directory_urls)
        return embeds.ControlLinks(site_info(env.conf).url, here, directory_urls)

    @macro
    def embed_catalogue() -> str:
        """Every embed page with its iframe address (for the "Embed and reuse" page)."""
        return embeds.embed_catalogue(data(), control_links())

    @macro
    def export_list() -> str:
        """The export files with their addresses."""
        return embeds.export_list(control_links())

    @macro
    def comparison_table(group: str | None = None) -> str:
        """The full comparison, or one group's table with ``group="performance"``."""
        guide = data()
        if group is None:
            return embeddable(tables.full_table(guide, links()), embeds.FULL)
        return embeddable(tables.group_table(guide, guide.group(group), links()), embeds.group_embed_name(group))

    @macro
    def glance_table() -> str:
        return embeddable(tables.glance_table(data(), links()), embeds.GLANCE)

    @macro
    def criterion_verdicts(criterion: str) -> str:
        return tables.criterion_verdicts(data(), criterion, links())

    @macro
    def criterion_details(group: str) -> str:
        guide = data()
        return tables.criterion_cards(guide, guide.group(group), links())

    @macro
    def rating_scale() -> str:
        return tables.rating_scale()

    @macro
    def review_table() -> str:
        return tables.review_table(data(), links())

    @macro
    def claims_table() -> str:
        return tables.claims_table(data(), links())

    @macro
    def framework_facts(framework: str) -> str:
        return tables.framework_facts(data(), framework)

    @macro
    def decision_flowchart() -> str:
        """The flowchart (a static SVG); on the Decision page its boxes jump within the page."""
        full_size = control_links().relative(f"{EXPORT_DIR}/{flowchart.SVG_NAME}")
        on_decision_page = env.page.file.src_uri == flowchart.DECISION_PAGE
        return embeddable(flowchart.flowchart(data(), links(), full_size, on_decision_page), embeds.FLOWCHART)

    @macro
    def decision_outline() -> str:
        return outline.outline(data(), links())

    @macro
    def decision_paths() -> str:
        """Every path through the decision tree with its outcome and reasons (Methodology page)."""
        return outline.paths_table(data(), links())

    @macro
    def decision_walk() -> str:
        """The interactive walk, one question at a time (the outline is its no-JavaScript form).
        On the Decision page it shows each outcome's advice from the outline below it; elsewhere
        (the embed) it carries that advice itself."""
        on_decision_page = env.page.file.src_uri == flowchart.DECISION_PAGE
        return walk.walk(data(), links(), outcomes_here=not on_decision_page)

    @macro
    def priorities_scorecard() -> str:
        """The weighting form and ranking; hidden until the site script runs."""
        return scorecard.scorecard(data(), links())

    @macro
    def scorecard_table() -> str:
        """Mean points per group, and the scores with equal weights and with each preset."""
        return scorecard.equal_weights_table(data(), links())

    @macro
    def scorecard_lead() -> str:
        """Who leads with equal weights, and how much each group adds to or takes from the lead."""
        return scorecard.equal_weights_lead(data())

    # Numbers, names and dates from the data, for sentences in pages (pages may not use Jinja
    # expressions of their own: see guide/data/pagelint.py).
    @macro
    def count(what: str) -> str:
        """``count("criteria")``: how many frameworks, groups, criteria, questions, outcomes or claims."""
        return pagetext.count(data(), what)

    @macro
    def frameworks_compared() -> str:
        """Each framework with the version its assessments describe: "FastAPI 0.165 and Django 6.1"."""
        return pagetext.frameworks_compared(data())

    @macro
    def group_title(group: str) -> str:
        """``group_title("builtins")``: a group's title, for a sentence."""
        return pagetext.group_title(data(), group)

    @macro
    def framework_reviews() -> str:
        """A list of the frameworks with their versions and review dates."""
        return pagetext.framework_reviews(data())

    @macro
    def data_reviewed() -> str:
        """The newest review date in the data (YYYY-MM-DD)."""
        return data().reviewed.isoformat()

    @macro
    def comparison_groups() -> str:
        """Every group as a section: heading, description and each criterion in full."""
        return pagetext.group_sections(data(), links())

    @macro
    def benchmark_tables() -> str:
        """Every benchmark run's figures, with versions, hardware, dates and sources."""
        return benchmarks.benchmark_tables(data())

    @macro
    def data_reference() -> str:
        """Every field of every data file, generated from the models (Markdown)."""
        from guide.publish import reference  # reads the models: see data()

        return reference.reference_markdown(heading_level=2)

    if missing := PAGE_MACROS - registered:
        raise PluginError(f"guide/data/macronames.py lists macros that are not defined: {sorted(missing)}")
