"""Where the build publishes the guide's files: the export folder, the exports' names and the
site's own address (:class:`SiteInfo`), which every export names.

Kept apart from :mod:`guide.publish.exports` so that the MkDocs glue and the embed pages can name
these addresses without loading the exporters and their models: a build whose pages and exports
all come from the build cache loads neither (see guide/mkdocs_glue/site.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from guide.views.tables import COMPARISON_PAGE
from guide.views.urls import page_url

if TYPE_CHECKING:
    from guide.data.models import Criterion

EXPORT_DIR = "exports"
JSON_NAME = "guide.json"
SCHEMA_NAME = "guide.schema.json"
CSV_NAME = "comparison.csv"
MARKDOWN_NAME = "comparison.md"
HTML_NAME = "comparison.html"


@dataclass(frozen=True)
class SiteInfo:
    """Where the exported data is published: named in every export."""

    name: str
    url: str  # the site's address, ending in "/"; "" when unknown
    licence: str = ""
    directory_urls: bool = True

    def page(self, page: str, anchor: str | None = None) -> str:
        """Absolute address of a page of the guide (a path under docs/)."""
        address = self.url + page_url(page, self.directory_urls)
        return f"{address}#{anchor}" if anchor else address

    def criterion(self, criterion: Criterion) -> str:
        return self.page(COMPARISON_PAGE, criterion.id)

    def export(self, name: str) -> str:
        return f"{self.url}{EXPORT_DIR}/{name}"
