"""Renderers without MkDocs: escaping for every target, badges, links and the outline (the flowchart: test_flowchart.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from guide.views import flowchart, outline, tables
from guide.data.models import Guide
from guide.data.scale import Rating
from guide.views.urls import nav_titles, page_url, relative_url
from helpers import FakeLinks, shown
from guide.data.text import html_text, markdown_cell

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = 'a | b <script>alert("x")</script> {{ macro() }} {% raw %} & `<code>`\n--8<-- "/etc/passwd"'


def hostile_guide(guide: Guide) -> Guide:
    """The real guide with hostile text in every kind of text field the tables show."""
    group = guide.groups[0]
    criterion = group.criteria[0]
    assessments = {
        fid: a.model_copy(update={"verdict": HOSTILE, "detail": HOSTILE}) for fid, a in criterion.assessments.items()
    }
    criterion = criterion.model_copy(update={"title": HOSTILE, "measures": HOSTILE, "assessments": assessments})
    group = group.model_copy(update={"title": HOSTILE, "criteria": [criterion, *group.criteria[1:]]})
    return guide.model_copy(update={"groups": [group, *guide.groups[1:]]})


def test_html_text_shows_everything_as_written():
    out = html_text(HOSTILE)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "{{" not in out and "{%" not in out  # inert for any later Jinja pass
    assert "<code>&lt;code&gt;</code>" in out
    assert "\n" not in out  # no line can start a Markdown or snippet directive
    text = BeautifulSoup(f"<p>{out}</p>", "html.parser").get_text()
    assert text == 'a | b <script>alert("x")</script> {{ macro() }} {% raw %} & <code> --8<-- "/etc/passwd"'


def test_markdown_cell_escapes_pipes_and_html():
    cell = markdown_cell(HOSTILE)
    assert "|" not in cell.replace("\\|", "")
    assert "<" not in cell and "\n" not in cell


@pytest.mark.parametrize("rating", list(Rating))
def test_rating_badge_has_a_text_equivalent(rating):
    soup = BeautifulSoup(tables.rating_badge(rating), "html.parser")
    badge = soup.span
    assert rating.value in badge["class"][1]
    assert badge.get_text(" ", strip=True).endswith(rating.label)
    assert soup.find(attrs={"aria-hidden": "true"}) is not None  # the symbols are decoration
    assert badge["title"] == rating.meaning


def test_full_table_has_every_criterion_and_verdict(guide):
    soup = BeautifulSoup(tables.full_table(guide, FakeLinks()), "html.parser")
    rows = soup.select("tbody tr:not(.guide-group-row)")
    assert len(rows) == len(guide.criteria)
    for row, criterion in zip(rows, guide.criteria):
        assert row.th.a["href"] == f"/comparison.md#{criterion.id}"
        for cell, framework in zip(row.find_all("td"), guide.frameworks):
            assessment = criterion.assessments[framework.id]
            assert assessment.rating.label in cell.get_text()
            assert shown(assessment.verdict) in cell.get_text()
    headers = [th.get_text() for th in soup.thead.find_all("th")]
    assert headers == ["Criterion"] + [f.name for f in guide.frameworks]


def test_hostile_text_keeps_the_table_intact(guide):
    evil = hostile_guide(guide)
    out = tables.full_table(evil, FakeLinks()) + tables.criterion_cards(evil, evil.groups[0], FakeLinks())
    soup = BeautifulSoup(out, "html.parser")
    assert soup.find("script") is None
    first_row = soup.select("tbody tr:not(.guide-group-row)")[0]
    assert len(first_row.find_all(["td", "th"])) == 1 + len(guide.frameworks)
    assert "{{" not in out and "\n" not in out


def test_glance_table_holds_only_glance_criteria(guide):
    soup = BeautifulSoup(tables.glance_table(guide, FakeLinks()), "html.parser")
    titles = [a.get_text() for a in soup.select("tbody th a")]
    assert titles == [c.title for c in guide.criteria if c.glance]


def test_criterion_card_lists_sources_with_dates(guide):
    criterion = guide.criteria[0]
    soup = BeautifulSoup(tables.criterion_card(guide, criterion, FakeLinks()), "html.parser")
    assert soup.details["id"] == criterion.id  # Material opens a targeted <details>
    assert soup.details.summary.h3.get_text() == shown(criterion.title)
    links = [a["href"] for a in soup.select(".guide-sources a")]
    assert links == [s.url for a in criterion.assessments.values() for s in a.sources]
    assert f"Last reviewed {criterion.reviewed.isoformat()}" in soup.get_text()


def test_stale_criterion_is_flagged(guide):
    old = guide.criteria[0].model_copy(update={"reviewed": dt.date(2020, 1, 1)})
    html_out = tables.criterion_card(guide, old, FakeLinks())
    assert "due for review" in html_out


def test_outline_links_every_answer_to_an_anchor_that_exists(guide):
    soup = BeautifulSoup(outline.outline(guide, FakeLinks()), "html.parser")
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    for question in guide.decision.questions:
        section = soup.find(id=flowchart.node_anchor(question.id))
        targets = [a["href"] for a in section.select(".guide-answers a")]
        assert targets == [f"#{flowchart.node_anchor(a.next)}" for a in question.answers]
        assert all(t[1:] in ids for t in targets)
    for outcome in guide.decision.outcomes:
        section = soup.find(id=flowchart.node_anchor(outcome.id))
        assert outcome.title in section.h3.get_text()
        onward = [a["href"] for a in section.select(".guide-outcome__onward a")]  # then the scorecard
        assert onward[: len(outcome.pages)] == [f"/{p}" for p in outcome.pages] and len(onward) == len(outcome.pages) + 1


@pytest.mark.parametrize(
    ("target", "here", "expected"),
    [
        ("performance.md", "decision.md", "../performance/"),
        ("index.md", "decision.md", "../"),
        ("decision.md", "index.md", "decision/"),
        ("frameworks/django.md", "frameworks/fastapi.md", "../django/"),
        ("comparison.md", "comparison.md", "./"),
        ("contributing/index.md", "frameworks/django.md", "../../contributing/"),
    ],
)
def test_relative_urls_between_pages(target, here, expected):
    assert relative_url(page_url(target), page_url(here)) == expected


def test_nav_titles_are_read_from_mkdocs_nav():
    nav = [{"Home": "index.md"}, {"Choose": [{"Decision guide": "decision.md"}, "plain.md"]}]
    assert nav_titles(nav) == {"index.md": "Home", "decision.md": "Decision guide"}
