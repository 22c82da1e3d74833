"""The real site, built strict: every page shows what the data says, nothing loads from another
host, and the known traps of the stack fail the build instead of publishing something wrong."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import HOSTILE, HOSTILE_TITLE, ROOT, build_site, copy_project, parsed_page, shown
from guide.views.flowchart import node_anchor

PAGES = [
    "index.html", "frameworks/fastapi/index.html", "frameworks/django/index.html", "performance/index.html",
    "development/index.html", "scalability/index.html", "when-fastapi/index.html", "when-django/index.html",
    "together/index.html", "decision/index.html", "comparison/index.html", "methodology/index.html",
    "contributing/index.html",
]


def squeeze(text: str) -> str:
    return "".join(text.split())


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return parsed_page(site / page)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_exists_with_real_content(built_site, page):
    soup = soup_of(built_site, page)
    article = soup.select_one("article.md-content__inner")
    assert article is not None and article.h1 is not None
    assert len(article.get_text(" ", strip=True).split()) > 150, f"{page} is too thin"
    assert "Traceback" not in article.get_text() and "Macro Syntax Error" not in article.get_text()


def test_full_table_shows_every_criterion_with_each_rating(every_build):
    built_site, guide = every_build.site, every_build.guide
    table = soup_of(built_site, "comparison/index.html").select_one("table.guide-comparison--full")
    rows = {row.th.a.get_text(): row for row in table.select("tbody tr") if "guide-group-row" not in (row.get("class") or [])}
    assert len(rows) == len(guide.criteria)
    for criterion in guide.criteria:
        cells = rows[shown(criterion.title)].find_all("td")
        for cell, framework in zip(cells, guide.frameworks, strict=True):
            assessment = criterion.assessments[framework.id]
            badge = cell.select_one(".guide-rating")
            assert f"guide-rating--{assessment.rating.value}" in badge["class"]
            assert badge.get_text(" ", strip=True).endswith(assessment.rating.label)
            assert shown(assessment.verdict) in cell.get_text()


def test_comparison_page_has_every_explanation_and_source(every_build):
    built_site, guide = every_build.site, every_build.guide
    soup = soup_of(built_site, "comparison/index.html")
    for criterion in guide.criteria:
        card = soup.find("details", id=criterion.id)
        assert card is not None, criterion.id
        hrefs = {a["href"] for a in card.select(".guide-sources a")}
        for assessment in criterion.assessments.values():
            assert squeeze(shown(assessment.detail)) in squeeze(card.get_text())
            assert {s.url for s in assessment.sources} <= hrefs


def test_group_tables_on_their_pages(every_build):
    built_site, guide = every_build.site, every_build.guide
    for group in guide.groups:
        if not group.page:
            continue
        page = group.page.removesuffix(".md") + "/index.html"
        table = soup_of(built_site, page).select_one(f"table.guide-comparison--{group.id}")
        assert table is not None, f"{group.id} table missing on {page}"
        assert [a.get_text() for a in table.select("tbody th a")] == [shown(c.title) for c in group.criteria]


def test_home_has_the_at_a_glance_table(every_build):
    built_site, guide = every_build.site, every_build.guide
    table = soup_of(built_site, "index.html").select_one("table.guide-comparison--glance")
    assert [a.get_text() for a in table.select("tbody th a")] == [shown(c.title) for c in guide.criteria if c.glance]


def test_every_node_is_in_the_flowchart_and_links_to_its_outline_entry(every_build):
    built_site, guide = every_build.site, every_build.guide
    soup = soup_of(built_site, "decision/index.html")
    chart = soup.select_one("figure.guide-flowchart svg.guide-flow")
    for node_id, text in [(q.id, q.text) for q in guide.decision.questions] + [(o.id, o.title) for o in guide.decision.outcomes]:
        link = chart.select_one(f'a.guide-flow__node[data-node="{node_id}"]')
        assert link is not None and " ".join(t.get_text() for t in link.select("tspan")) == " ".join(shown(text).split())
        assert link["xlink:href"] == f"#{node_anchor(node_id)}"  # the walk's answers stay in the address
        section = soup.find(id=node_anchor(node_id))
        assert section is not None and " ".join(shown(text).split()) in " ".join(section.get_text().split())
    for question in guide.decision.questions:
        for index, answer in enumerate(question.answers):
            assert chart.select_one(f'g.guide-flow__edge[data-from="{question.id}"][data-answer="{index}"][data-to="{answer.next}"]')


def test_the_flowchart_export_is_the_page_drawing_with_relative_links(every_build):
    built_site, guide = every_build.site, every_build.guide
    export = (built_site / "exports/flowchart.svg").read_text(encoding="utf-8")
    page_svg = soup_of(built_site, "decision/index.html").select_one("svg.guide-flow")
    assert export.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    assert f'viewBox="{page_svg["viewbox"]}"' in export
    links = re.findall(r'xlink:href="([^"]+)"', export)
    assert len(links) == len(guide.decision.questions) + len(guide.decision.outcomes)
    assert all(link.startswith("../decision/#decide-") for link in links)


def test_methodology_lists_every_article_claim(built_site, guide):
    text = soup_of(built_site, "methodology/index.html").select_one("table.guide-claims").get_text(" ")
    for claim in guide.claims:
        assert shown(claim.claim) in text


LOADING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon", "prefetch"}


def external_loads(html: str) -> list[str]:
    """Resources a browser would fetch from another host on this page (links to read are fine)."""
    soup = BeautifulSoup(html, "html.parser")
    urls = [tag["src"] for tag in soup.select("script[src], img[src], iframe[src], source[src], video[src], audio[src]")]
    urls += [tag["href"] for tag in soup.select("link[href]") if LOADING_LINKS & set(tag.get("rel", []))]
    return [u for u in urls if re.match(r"^(https?:)?//", u) and not re.match(r"^(https?:)?//(127\.0\.0\.1|localhost)[:/]", u)]


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = {}
    for page in built_site.rglob("*.html"):
        found = external_loads(page.read_text(encoding="utf-8"))
        if found:
            offenders[str(page.relative_to(built_site))] = found
    assert offenders == {}
    css = "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.css"))
    assert not re.search(r"@import\s+url\(\s*['\"]?https?:|fonts\.googleapis", css)


MERMAID_USE = re.compile(r"mermaid[\w-]*\.(?:esm|min|js|mjs|initialize|render)|vendor/mermaid|class=\"mermaid", re.I)


def test_no_diagram_runtime_is_built_or_loaded(built_site):
    """The flowchart is drawn at build time: no Mermaid file is shipped, and no page or script of
    the site's own loads, calls or marks up a diagram for it (Material's bundle, which would load
    Mermaid for a `mermaid` block, finds none)."""
    assert not (built_site / "assets/vendor").exists()
    shipped = [p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if "mermaid" in p.name.lower()]
    assert shipped == []
    own = list(built_site.rglob("*.html")) + list((built_site / "assets/javascripts").glob("*.js"))
    own += list((built_site / "assets/stylesheets").glob("*.css"))
    for file in own:
        if file.name.startswith("bundle."):
            continue
        assert not MERMAID_USE.search(file.read_text(encoding="utf-8")), file.relative_to(built_site)


def test_abbreviations_have_tooltips(built_site):
    soup = soup_of(built_site, "frameworks/fastapi/index.html")
    titles = {abbr.get_text(): abbr.get("title", "") for abbr in soup.find_all("abbr")}
    assert "ASGI" in titles and "Asynchronous" in titles["ASGI"]


def test_pages_own_code_blocks_with_braces_survive_the_macros_plugin(built_site):
    code = soup_of(built_site, "contributing/index.html").get_text()
    assert '{{ comparison_table(group="performance") }}' in code
    assert '{{ criterion_verdicts("admin") }}' in code


def test_no_unprotected_jinja_inside_code_blocks_in_docs():
    """Macros are rendered before Markdown, so `{{` in a code block would run; every such block
    must sit inside a raw block (or the page must opt out with render_macros: false)."""
    fence = re.compile(r"^(```|~~~)[^\n]*\n(.*?)^\1", re.M | re.S)
    problems = []
    for page in (ROOT / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if re.search(r"^render_macros:\s*false", text, re.M):
            continue
        raw_spans = [(m.start(), m.end()) for m in re.finditer(r"{%\s*raw\s*%}.*?{%\s*endraw\s*%}", text, re.S)]
        for block in fence.finditer(text):
            if re.search(r"{{|{%", block.group(2)) and not any(a <= block.start() and block.end() <= b for a, b in raw_spans):
                problems.append(f"{page.relative_to(ROOT)}:{text[:block.start()].count(chr(10)) + 1}")
    assert problems == []


# --- the traps: each must fail the build, loudly ---------------------------------------------


def broken_build(tmp_path: Path, edit) -> subprocess.CompletedProcess:
    project = copy_project(tmp_path / "project")
    edit(project)
    return build_site(project, tmp_path / "site")


def append(page: str, text: str):
    def edit(project: Path):
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return edit


def test_a_macro_error_fails_the_build_instead_of_publishing_a_traceback(tmp_path):
    result = broken_build(tmp_path, append("performance.md", '\n{{ criterion_verdicts("no-such-criterion") }}\n'))
    assert result.returncode != 0
    assert "no criterion has the id 'no-such-criterion'" in result.stdout + result.stderr


def test_a_typo_in_a_macro_name_fails_the_build(tmp_path):
    result = broken_build(tmp_path, append("performance.md", "\n{{ comparsion_table() }}\n"))
    assert result.returncode != 0
    assert "comparsion_table" in result.stdout + result.stderr


def test_a_broken_anchor_fails_the_strict_build(tmp_path):
    result = broken_build(tmp_path, append("performance.md", "\nSee [this](comparison.md#no-such-anchor).\n"))
    assert result.returncode != 0
    assert "does not contain an anchor '#no-such-anchor'" in result.stderr


def test_a_data_error_fails_the_build_with_file_and_line(tmp_path):
    def edit(project: Path):
        path = project / "data" / "frameworks.yml"
        path.write_text(path.read_text().replace("    licence: MIT", "    licence: MIT\n    licence: MIT"))
    result = broken_build(tmp_path, edit)
    assert result.returncode != 0
    assert re.search(r"data/frameworks\.yml:\d+:5: frameworks\[0\]\.licence: duplicate key 'licence'", result.stderr)


def test_make_build_never_leaves_a_site_from_a_failed_build(tmp_path):
    project = copy_project(tmp_path / "project")
    append("performance.md", "\n{{ comparsion_table() }}\n")(project)
    venv = ROOT / ".venv"
    # -o: the copy shares this checkout's installs (node_modules is a symlink); never reinstall them.
    command = ["make", "-s", "-o", "node_modules/.installed", "-o", f"{venv}/bin/.site-installed", "build", f"VENV={venv}"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    assert result.returncode != 0
    assert not (project / "site").exists()


def test_hostile_data_text_is_shown_exactly_as_written(hostile_site):
    """Text that looks like table syntax, Jinja, a snippet include or Markdown stays inert
    (HTML tags and Markdown links are refused earlier, by the data check)."""
    guide = hostile_site.guide
    soup = soup_of(hostile_site.site, "comparison/index.html")
    row = soup.select_one("table.guide-comparison--full").select("tbody tr")[1]
    assert len(row.find_all(["th", "td"])) == 1 + len(guide.frameworks)
    assert HOSTILE in row.get_text()
    assert HOSTILE_TITLE in soup.select_one(f"h2#group-{guide.groups[0].id}").get_text()
    page_text = soup.get_text()
    assert "49" not in row.get_text() and "Set up on a fresh machine" not in page_text  # no Jinja, no include
    assert soup.select("h2 em, td em") == []
