"""Printing the Comparison and the Decision pages with Chromium's print to PDF gives the whole
table and the flowchart: the PDFs are produced (the comparison runs over several pages), their
text (poppler's ``pdftotext``) holds every criterion title and every outcome and question, and in
the print layout at A4 width no table is wider than the page, and the flowchart prints whole on one
page with labels of 8 pt or more (measured in the print layout and in the PDF). The print CSS these
rely on is in docs/assets/stylesheets/guide.css (rows, headings and the flowchart are not split
across pages; the flowchart's page margins and size).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections import Counter

import pytest

from helpers import offline_context, shown

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
    assert overflowing_tables(page) == []
    pages, text = printed(page, tmp_path, "decision")
    assert pages >= 1
    missing = [o.title for o in guide.decision.outcomes if collapse(shown(o.title)) not in text]
    missing += [q.text for q in guide.decision.questions if collapse(shown(q.text)) not in text]
    assert missing == [], f"outcomes or questions missing from the printed decision guide: {missing}"


def test_code_prints_without_copy_buttons(page, site_url):
    """Material 9.8 puts its copy button in ``.md-code__nav``, which its own print styles leave on
    the page (they hide the older ``.md-clipboard``)."""
    page.goto(site_url + "contributing/", wait_until="networkidle")
    buttons = page.locator(".md-typeset .md-code__button")
    assert buttons.count() > 0 and buttons.first.is_visible(), "the screen shows them"
    page.emulate_media(media="print")
    assert [buttons.nth(i).is_visible() for i in range(buttons.count())] == [False] * buttons.count()


# Printed labels: the chart shrinks to the page's text area (A4 less guide.css's 12 mm @page
# margins); every label must stay at 8 pt or more, and the whole chart on one page.
PRINT_AREA_PX = round((210 - 2 * 12) / 25.4 * 96)
LEAST_PT = 8


def test_printed_flowchart_labels_are_8pt_or_more_at_a4_width(browser, site_url):
    context, record = offline_context(browser, viewport={"width": PRINT_AREA_PX, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(site_url + "decision/", wait_until="networkidle")
    drawing = page.evaluate(
        "() => { const svg = document.querySelector('.guide-flowchart svg.guide-flow'); const box = svg.getBoundingClientRect();"
        " const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);"
        " const inside = [...svg.querySelectorAll('a.guide-flow__node')].every(n => { const r = n.getBoundingClientRect();"
        "   return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1; });"
        " return {right: box.right, page: document.documentElement.clientWidth, smallest: Math.min(...sizes), inside}; }"
    )
    context.close()
    assert record.blocked == []
    smallest_pt = drawing["smallest"] * 72 / 96
    print(f"\nsmallest printed flowchart label (print layout, {PRINT_AREA_PX} px wide): {smallest_pt:.2f} pt")
    assert drawing["right"] <= drawing["page"] and drawing["inside"]
    assert smallest_pt >= LEAST_PT


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def pdf_words(pdf, page_number: int) -> list[tuple[float, float, float, float, str]]:
    xml = subprocess.run(
        ["pdftotext", "-f", str(page_number), "-l", str(page_number), "-bbox-layout", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    return [(float(a), float(b), float(c), float(d), html.unescape(w)) for a, b, c, d, w in WORD.findall(xml)]


def test_printed_pdf_holds_the_whole_chart_on_one_page_at_8pt(page, site_url, poppler, tmp_path):
    """In the PDF itself: every word of the chart is on the page that holds its caption, above the
    caption; its size is read from the words' boxes, scaled by the caption's (whose size the CSS
    fixes), so the font's own proportions cancel out."""
    page.goto(site_url + "decision/", wait_until="networkidle")
    chart_words = page.evaluate("() => [...document.querySelectorAll('svg.guide-flow tspan')].flatMap(t => t.textContent.split(/\\s+/))")
    caption = page.evaluate("() => document.querySelector('.guide-flowchart figcaption').textContent.trim().split(/\\s+/).slice(0, 3)")
    page.emulate_media(media="print")
    caption_px = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.guide-flowchart figcaption')).fontSize)")
    pdf = tmp_path / "decision.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout, re.M).group(1))
    for number in range(1, pages + 1):
        words = pdf_words(pdf, number)
        texts = [w[4] for w in words]
        starts = [i for i in range(len(texts) - 2) if texts[i:i + 3] == caption]
        if starts:
            break
    else:
        pytest.fail("the flowchart's caption is not in the PDF")
    caption_word = words[starts[0]]
    above = [w for w in words if w[3] <= caption_word[1]]
    remaining = Counter(chart_words)
    remaining.subtract(Counter(w[4] for w in above))
    assert +remaining == Counter(), f"words of the chart not on page {number}: {sorted((+remaining).elements())[:10]}"
    unit = (caption_word[3] - caption_word[1]) / (caption_px * 72 / 96)  # box height per point of font size
    chart_heights = [w[3] - w[1] for w in above if w[4] in set(chart_words)]
    smallest_pt = min(chart_heights) / unit
    print(f"\nsmallest flowchart label in the printed PDF: {smallest_pt:.2f} pt (page {number} of {pages})")
    assert smallest_pt >= LEAST_PT - 0.05
