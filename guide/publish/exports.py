"""The guide's data as files other tools and wikis can reuse: JSON (with its JSON Schema), CSV,
a GitHub-flavoured Markdown table and a standalone HTML table with inline styles.

Each function takes the :class:`~guide.data.models.Guide` and a :class:`SiteInfo` (which site the
data comes from) and returns the file's text. Every file names its source and the date the data
was last reviewed, and none holds a build timestamp: the same data always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field

from guide.data.models import Claim, DecisionFile, Framework, Group, Guide
from guide.data.text import markdown_cell
from guide.publish.addresses import CSV_NAME, HTML_NAME, JSON_NAME, MARKDOWN_NAME, SCHEMA_NAME, SiteInfo
from guide.views.render import render_document, render_macro
from guide.views.tables import (
    RATING_COLOURS,
    SYMBOLS,
    ComparisonField,
    InlineStyles,
    Row,
    Section,
    comparison_columns,
    comparison_records,
    data_table,
)

if TYPE_CHECKING:
    from guide.data.scale import Rating

SCHEMA_VERSION = "1.0"


# --- JSON ----------------------------------------------------------------------------------


class ExportSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="The guide's name.")
    url: str = Field(description="Where the guide is published; empty when the build did not know.")
    licence: str = Field(description="The terms the text and data are under.")
    reviewed: str = Field(description="The newest review date in the data (YYYY-MM-DD).")
    schema_url: str = Field(description="Where the JSON Schema of this file is published.")


class GuideExport(BaseModel):
    """The whole guide: frameworks, criteria in groups with every verdict and source, the
    decision tree and the source article's claims."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="FastAPI or Django guide export")

    schema_version: Literal["1.0"] = Field(description="Changes when the shape of this file changes.")
    source: ExportSource
    frameworks: list[Framework]
    groups: list[Group]
    decision: DecisionFile
    claims: list[Claim]


def guide_export(guide: Guide, site: SiteInfo) -> GuideExport:
    return GuideExport(
        schema_version=SCHEMA_VERSION,
        source=ExportSource(
            name=site.name, url=site.url, licence=site.licence, reviewed=guide.reviewed.isoformat(),
            schema_url=site.export(SCHEMA_NAME),
        ),
        frameworks=guide.frameworks, groups=guide.groups, decision=guide.decision, claims=guide.claims,
    )


def _json_text(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def guide_json(guide: Guide, site: SiteInfo) -> str:
    return _json_text(guide_export(guide, site).model_dump(mode="json"))


def guide_json_schema(site: SiteInfo) -> str:
    schema = GuideExport.model_json_schema(mode="serialization")
    return _json_text({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": site.export(SCHEMA_NAME) if site.url else SCHEMA_NAME,
        **schema,
    })


# --- CSV -----------------------------------------------------------------------------------


# A spreadsheet reads a cell that starts with one of these as a formula (CSV injection):
# https://github.com/OWASP/www-community/blob/0e5e8f001bc2b6d5c8d09ca9b1700c4643296a82/pages/attacks/CSV_Injection.md
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(value: object) -> object:
    """A text cell a spreadsheet shows as text: one leading single quote when it would start a
    formula (OWASP's remedy; spreadsheets hide the quote), everything else as written. Numbers pass."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _provenance(guide: Guide, site: SiteInfo) -> list[ComparisonField]:
    """What the CSV adds to each row after the comparison's fields: where the criterion is
    written up, which guide the data comes from, and when the data was last reviewed."""
    reviewed = guide.reviewed.isoformat()
    return [
        ComparisonField("criterion_url", lambda cell: site.criterion(cell.criterion)),
        ComparisonField("guide", lambda cell: site.name),
        ComparisonField("guide_url", lambda cell: site.url),
        ComparisonField("data_reviewed", lambda cell: reviewed),
    ]


def comparison_csv(guide: Guide, site: SiteInfo) -> str:
    """The comparison in long format (:func:`~guide.views.tables.comparison_records`: the
    fields of the tables' one column definition, one row per criterion and framework), then
    :func:`_provenance`; a header row, RFC 4180 quoting, CRLF line ends.

    As OWASP advises, every cell is in double quotes (so a `;` or `,` in the text never starts a
    new cell, whichever separator the spreadsheet assumes) and none starts a formula (see
    :func:`csv_cell`)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    for record in comparison_records(guide, *_provenance(guide, site)):
        writer.writerow(csv_cell(value) for value in record)
    return out.getvalue()


# --- Markdown ------------------------------------------------------------------------------


def _link(text: str, url: str) -> str:
    """A Markdown link whose text is escaped data; the address is ours (no spaces or brackets)."""
    return f"[{markdown_cell(text)}]({url})" if url else markdown_cell(text)


def comparison_markdown(guide: Guide, site: SiteInfo) -> str:
    """The comparison as one GitHub-flavoured Markdown table, with its source and review date."""
    columns = comparison_columns(guide, grouped=True)
    lines = [
        f"## {markdown_cell(site.name)} – comparison table",
        "",
        f"Source: {_link(site.name, site.url)}. Data last reviewed on {guide.reviewed.isoformat()}. "
        "Ratings run strong, good, fair, weak; each criterion links to its sources."
        + (f" {markdown_cell(site.licence)}" if site.licence else ""),
        "",
        "| " + " | ".join(markdown_cell(column) for column in columns) + " |",
        "| " + " | ".join("---" for _ in columns) + " |",
    ]
    for group in guide.groups:
        for criterion in group.criteria:
            cells = [markdown_cell(group.title), _link(criterion.title, site.criterion(criterion))]
            for framework in guide.frameworks:
                a = criterion.assessments[framework.id]
                cells.append(f"**{a.rating.label}**: {markdown_cell(a.verdict)}")
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# --- HTML ----------------------------------------------------------------------------------

_CELL = "border:1px solid #b8bec6;padding:6px 8px;text-align:left;vertical-align:top"
EXPORT_STYLES = InlineStyles(
    table="border-collapse:collapse;font-family:sans-serif;font-size:14px;line-height:1.4",
    caption="caption-side:bottom;text-align:left;padding:6px 0;font-size:90%",
    head=_CELL + ";background:#eef1f4;font-weight:bold",
    cell=_CELL,
)
PARTS = "exports/parts.html"


def _rating_style(rating: Rating) -> str:
    background, colour = RATING_COLOURS[rating]
    return f"background:{background};color:{colour}"


def comparison_html_table(guide: Guide, site: SiteInfo) -> Markup:
    """The comparison as one HTML table with inline styles only (no classes, no scripts): the
    site's table shell in its export variant."""
    sections = [
        Section(
            [
                Row(
                    [render_macro(PARTS, "verdict", _rating_style(a.rating), SYMBOLS[a.rating], a.rating, a)
                     for a in (criterion.assessments[f.id] for f in guide.frameworks)],
                    render_macro(PARTS, "link_or_text", criterion.title, site.criterion(criterion)),
                )
                for criterion in group.criteria
            ],
            render_macro("tables/cells.html", "text", group.title),
        )
        for group in guide.groups
    ]
    caption = render_macro(PARTS, "caption", site.name, site.url, guide.reviewed, site.licence)
    return data_table(caption, comparison_columns(guide, versions=True), sections, stack=False, styles=EXPORT_STYLES)


def comparison_html(guide: Guide, site: SiteInfo) -> str:
    """A standalone page holding :func:`comparison_html_table`: open it, select all, paste."""
    return render_document("exports/comparison.html", title=f"{site.name} – comparison table",
                           table=comparison_html_table(guide, site))


# --- all of them ---------------------------------------------------------------------------


def exports(guide: Guide, site: SiteInfo) -> dict[str, str]:
    """File name under ``exports/`` -> text, for every export."""
    return {
        JSON_NAME: guide_json(guide, site),
        SCHEMA_NAME: guide_json_schema(site),
        CSV_NAME: comparison_csv(guide, site),
        MARKDOWN_NAME: comparison_markdown(guide, site),
        HTML_NAME: comparison_html(guide, site),
    }
