"""Printing the Comparison and the Decision pages with Chromium's print to PDF gives the whole
table and the flowchart: the PDFs are produced (the comparison runs over several pages), their
text (poppler's ``pdftotext``) holds every criterion title and every outcome and question, and in
the print layout at A4 width no table is wider than the page and the drawn flowchart is shown
with every node. The print CSS these rely on is at the end of docs/assets/stylesheets/guide.css
(rows, headings and the flowchart are not split across pages).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import offline_context, shown

A4_WIDTH_PX = 794  # 210 mm at 96 px per inch: the width Chromium lays a printed A4 page out at


@pytest.fixture(scope="module")
def poppler():
    missing = [tool for tool in ("pdftotext", "pdfinfo") if not shutil.which(tool)]
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: `make test` installs Debian's poppler-utils")


@pytest.fixture
def page(browser):
    context, record = offline_context(browser, viewport={"width": A4_WIDTH_PX, "height": 1123})
    page = context.new_page()
    yield page
    context.close()
    assert record.blocked == []


def printed(page, tmp_path, name: str) -> tuple[int, str]:
    """Print the page to an A4 PDF: (number of pages, its text with whitespace collapsed)."""
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    assert pdf.read_bytes().startswith(b"%PDF-")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pages, collapse(text)


def collapse(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def overflowing_tables(page) -> list[str]:
    page.emulate_media(media="print")
    return page.evaluate(
        "() => [...document.querySelectorAll('.md-content table')]"
        ".filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1"
        " || (t.closest('.md-typeset__scrollwrap') && t.closest('.md-typeset__scrollwrap').scrollWidth"
        " > t.closest('.md-typeset__scrollwrap').clientWidth + 1))"
        ".map(t => (t.caption ? t.caption.textContent : t.className) || 'a table')"
    )


def test_comparison_prints_every_criterion_over_several_pages(page, site_url, guide, poppler, tmp_path):
    page.goto(site_url + "comparison/", wait_until="networkidle")
    assert overflowing_tables(page) == []
    pages, text = printed(page, tmp_path, "comparison")
    assert pages > 1
    missing = [c.title for c in guide.criteria if collapse(shown(c.title)) not in text]
    assert missing == [], f"criteria missing from the printed comparison: {missing}"
    for framework in guide.frameworks:
        assert framework.name in text


def test_decision_page_prints_the_flowchart_and_every_outcome(page, site_url, guide, poppler, tmp_path):
    page.goto(site_url + "decision/", wait_until="networkidle")
    page.wait_for_selector(".guide-flowchart--drawn svg", timeout=20000)
    assert overflowing_tables(page) == []
    drawing = page.evaluate(
        "() => { const svg = document.querySelector('.guide-flowchart svg'); const box = svg.getBoundingClientRect();"
        " const shown = [...svg.querySelectorAll('g.node')].filter(n => { const r = n.getBoundingClientRect();"
        " return r.width > 0 && r.height > 0 && r.left >= box.left - 1 && r.right <= box.right + 1; });"
        " return {width: box.width, height: box.height, page: document.documentElement.clientWidth,"
        " display: getComputedStyle(svg.closest('.guide-flowchart')).display, nodes: shown.length}; }"
    )
    assert drawing["display"] != "none" and drawing["height"] > 100
    assert 300 < drawing["width"] <= drawing["page"]
    assert drawing["nodes"] == len(guide.decision.questions) + len(guide.decision.outcomes)
    pages, text = printed(page, tmp_path, "decision")
    assert pages >= 1
    missing = [o.title for o in guide.decision.outcomes if collapse(shown(o.title)) not in text]
    missing += [q.text for q in guide.decision.questions if collapse(shown(q.text)) not in text]
    assert missing == [], f"outcomes or questions missing from the printed decision guide: {missing}"
