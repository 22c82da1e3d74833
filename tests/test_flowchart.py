"""The decision flowchart without a browser: text measuring and wrapping, ELK's layout (every
label on its edge, nothing overlapping, legible when printed, the same bytes every time), and the
SVG the project writes (a link per box, a marked group per answer, title and description, data
text escaped). Browser checks are in test_flowchart_browser.py."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import FakeLinks
from guide.views import flowchart, flowlayout
from guide.data.models import Answer, DecisionFile, Guide, Outcome, Question
from guide.views.textmetrics import SAFETY, text_width, wrap

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
HOSTILE = 'Ask <script>alert("x")</script> & {{ macro() }} {% raw %} `code` ]]> --8<-- "/etc/passwd"?'


def small_decision(text: str = "Is the work a JSON API?") -> DecisionFile:
    """Two questions and three outcomes, with ``text`` in a question, an answer and an outcome."""
    outcome = Outcome.model_construct(id="use-b", title="Use B", recommends=[], why="", watch_out=[], criteria=[], pages=[])
    return DecisionFile.model_construct(
        start="first",
        questions=[
            Question.model_construct(id="first", text=text, hint=None, answers=[
                Answer.model_construct(label=text, hint=None, next="second"),
                Answer.model_construct(label="No", hint=None, next="use-a"),
            ]),
            Question.model_construct(id="second", text="Does the team know B?", hint=None, answers=[
                Answer.model_construct(label="Yes", hint=None, next="use-b"),
                Answer.model_construct(label="No, neither", hint=None, next="use-c"),
            ]),
        ],
        outcomes=[
            outcome.model_copy(update={"id": "use-a", "title": text}),
            outcome,
            outcome.model_copy(update={"id": "use-c", "title": "Use C, with an adapter and a longer title than the rest"}),
        ],
    )


def with_decision(guide: Guide, decision: DecisionFile) -> Guide:
    return guide.model_copy(update={"decision": decision})


def inline_svg(guide: Guide):
    html = flowchart.flowchart(guide, FakeLinks(), "/exports/flowchart.svg")
    return BeautifulSoup(html, "html.parser")


# --- measuring and wrapping ----------------------------------------------------------------


def test_text_width_follows_the_font_metrics():
    assert text_width("iiii", 14) < text_width("MMMM", 14)
    assert text_width("Django", 14, bold=True) > text_width("Django", 14)
    assert text_width("ab", 28) == pytest.approx(2 * text_width("ab", 14))
    # Helvetica's "a" is 556 thousandths of an em, with the safety margin on top.
    assert text_width("a", 10) == pytest.approx(5.56 * SAFETY)
    assert text_width("日本", 10) == pytest.approx(20 * SAFETY)


@pytest.mark.parametrize("width", [60, 90, 126, 400])
def test_wrap_keeps_every_word_in_order_within_the_width(width):
    text = "Does this work extend a Django codebase you already run, or an extraordinarily-long-word?"
    lines = wrap(text, width, 14)
    assert " ".join(lines) == text
    longest_word = max(text_width(word, 14) for word in text.split())
    assert all(text_width(line, 14) <= max(width, longest_word) + 0.01 for line in lines)


def greedy(text: str, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", 14) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


@pytest.mark.parametrize("text", ["Does this work extend a Django codebase you already run?", "One endpoint must scale and deploy on its own"])
def test_wrap_evens_out_the_lines_without_adding_any(text):
    filled, evened = greedy(text, 112), wrap(text, 112, 14)
    assert len(evened) == len(filled)
    assert max(text_width(line, 14) for line in evened) <= max(text_width(line, 14) for line in filled)
    assert min(text_width(line, 14) for line in evened) > min(text_width(line, 14) for line in filled)


# --- the layout ------------------------------------------------------------------------------


def crosses_box(points, box: flowlayout.Box) -> bool:
    """Whether the route passes through the inside of ``box`` (orthogonal segments)."""
    for (x1, y1), (x2, y2) in zip(points, points[1:]):
        if x1 == x2 and box.x < x1 < box.x + box.width and min(y1, y2) < box.y + box.height and max(y1, y2) > box.y:
            return True
        if y1 == y2 and box.y < y1 < box.y + box.height and min(x1, x2) < box.x + box.width and max(x1, x2) > box.x:
            return True
    return False


def overlap(a: flowlayout.Box, b: flowlayout.Box) -> bool:
    return a.x < b.x + b.width - 0.5 and b.x < a.x + a.width - 0.5 and a.y < b.y + b.height - 0.5 and b.y < a.y + a.height - 0.5


def on_border(point, box: flowlayout.Box) -> bool:
    x, y = point
    inside_x = box.x - 0.5 <= x <= box.x + box.width + 0.5
    inside_y = box.y - 0.5 <= y <= box.y + box.height + 0.5
    near_side = min(abs(x - box.x), abs(x - box.x - box.width)) < 0.5 or min(abs(y - box.y), abs(y - box.y - box.height)) < 0.5
    return inside_x and inside_y and near_side


@pytest.fixture(scope="module", params=["real", "small"])
def decision(request, guide):
    return guide.decision if request.param == "real" else small_decision()


def test_every_answer_is_an_edge_from_its_question_to_where_it_leads(decision):
    chart = flowlayout.layout(decision)
    expected = {(q.id, index, a.next) for q in decision.questions for index, a in enumerate(q.answers)}
    assert {(e.source, e.answer, e.target) for e in chart.edges} == expected
    assert {n.id for n in chart.nodes} == {q.id for q in decision.questions} | {o.id for o in decision.outcomes}
    boxes = {n.id: n.box for n in chart.nodes}
    for edge in chart.edges:
        assert on_border(edge.points[0], boxes[edge.source]) and on_border(edge.points[-1], boxes[edge.target])
        assert edge.points[-1][1] > edge.points[0][1]  # top to bottom


def test_each_label_sits_on_its_edge_and_nothing_overlaps(decision):
    chart = flowlayout.layout(decision)
    for edge in chart.edges:
        assert crosses_box(edge.points, edge.label), f"the label of {edge.source}/{edge.answer} is off its edge"
    boxes = [n.box for n in chart.nodes] + [e.label for e in chart.edges]
    clashes = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if overlap(a, b)]
    assert clashes == []
    for edge in chart.edges:  # no edge runs through a box it does not start or end at
        for node in chart.nodes:
            if node.id not in (edge.source, edge.target):
                assert not crosses_box(edge.points, node.box), f"{edge.source}/{edge.answer} crosses {node.id}"


def test_every_line_fits_inside_its_box(decision):
    chart = flowlayout.layout(decision)
    for node in chart.nodes:
        bold = node.kind == "outcome"
        assert max(text_width(line, flowlayout.FONT_SIZE, bold) for line in node.lines) <= node.box.width - 2 * flowlayout.NODE_PADDING[0] + 0.1
        assert len(node.lines) * flowlayout.LINE_HEIGHT <= node.box.height
    for edge in chart.edges:
        assert max(text_width(line, flowlayout.FONT_SIZE) for line in edge.lines) <= edge.label.width - 2 * flowlayout.LABEL_PADDING[0] + 0.1


def test_the_real_tree_prints_on_one_a4_page_with_8pt_labels(guide):
    chart = flowlayout.layout(guide.decision)
    smallest_pt = flowlayout.FONT_SIZE * chart.print_scale * 72 / 96
    assert smallest_pt >= 8


def test_a_wider_tree_is_wrapped_more_narrowly_to_stay_printable(guide):
    small = flowlayout.layout(small_decision())
    assert flowlayout.fits_print(small)
    assert max(len(n.lines) for n in small.nodes) <= max(len(n.lines) for n in flowlayout.layout(guide.decision).nodes)


def test_a_tree_too_large_to_print_gets_one_fast_layout_that_still_connects_everything(guide):
    """A synthetic tree past the search limit: the build must not spend minutes on it."""
    questions = [
        Question.model_construct(id=f"q{n}", text=f"Question {n}?", hint=None, answers=[
            Answer.model_construct(label="Yes", hint=None, next=f"q{2 * n}" if 2 * n <= 40 else f"o{2 * n}"),
            Answer.model_construct(label="No", hint=None, next=f"q{2 * n + 1}" if 2 * n + 1 <= 40 else f"o{2 * n + 1}"),
        ])
        for n in range(1, 41)
    ]
    ends = sorted({a.next for q in questions for a in q.answers if a.next.startswith("o")})
    outcome = small_decision().outcomes[0]
    big = DecisionFile.model_construct(start="q1", questions=questions, outcomes=[outcome.model_copy(update={"id": e, "title": e}) for e in ends])
    assert len(questions) + len(ends) > flowlayout.SEARCH_LIMIT
    chart = flowlayout.layout(big)
    assert {(e.source, e.target) for e in chart.edges} == {(q.id, a.next) for q in questions for a in q.answers}
    assert all(" ".join(n.lines) for n in chart.nodes)


def test_layout_without_node_says_what_to_install(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(flowlayout.LayoutError, match="Node.js"):
        flowlayout.layout(small_decision("A question no other test lays out?"))


def test_two_runs_in_fresh_processes_give_the_same_svg():
    code = (
        "import sys; from pathlib import Path; from guide.data.validate import load_guide; from guide.views import flowchart;"
        f"g = load_guide(Path({str(ROOT / 'data')!r})); sys.stdout.write(flowchart.standalone_svg(g, '../decision/'))"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout for _ in range(2)]
    assert runs[0] == runs[1] and runs[0].startswith("<?xml")


# --- the SVG -------------------------------------------------------------------------------


def test_every_box_is_a_named_link_to_its_outline_entry(guide):
    soup = inline_svg(guide)
    svg = soup.select_one("figure.guide-flowchart svg.guide-flow")
    for kind, nodes, text in (("question", guide.decision.questions, "text"), ("outcome", guide.decision.outcomes, "title")):
        for node in nodes:
            links = svg.select(f'a.guide-flow__node[data-node="{node.id}"]')
            assert len(links) == 1
            link = links[0]
            assert f"guide-flow__node--{kind}" in link["class"]
            assert link["xlink:href"] == FakeLinks().href("decision.md", flowchart.node_anchor(node.id))
            assert flowlayout.plain(getattr(node, text)) in link["aria-label"]
            assert " ".join(t.get_text() for t in link.select("tspan")) == flowlayout.plain(getattr(node, text))


def test_every_answer_is_a_marked_edge_with_its_label(guide):
    svg = inline_svg(guide).select_one("svg")
    for question in guide.decision.questions:
        for index, answer in enumerate(question.answers):
            edges = svg.select(f'g.guide-flow__edge[data-from="{question.id}"][data-answer="{index}"]')
            assert len(edges) == 1 and edges[0]["data-to"] == answer.next
            assert " ".join(t.get_text() for t in edges[0].select("tspan")) == flowlayout.plain(answer.label)
            assert edges[0].select_one("path.guide-flow__line") and edges[0].select_one("path.guide-flow__arrow")


def test_svg_has_a_title_and_description_and_no_image_role(guide):
    svg = inline_svg(guide).select_one("svg")
    assert svg["role"] == "group"
    title, desc = svg.find("title"), svg.find("desc")
    assert title.get_text().strip() and desc.get_text().strip()
    assert svg["aria-labelledby"] == title["id"] and svg["aria-describedby"] == desc["id"]
    assert svg.select_one(".guide-flow__edges")["aria-hidden"] == "true"
    assert svg.select_one(".guide-flow__nodes")["role"] == "list"
    assert all(item["role"] == "listitem" for item in svg.select(".guide-flow__nodes > g"))


def test_figure_offers_the_full_size_svg_and_the_outline(guide):
    soup = inline_svg(guide)
    assert soup.select_one("a.guide-flowchart__full")["href"] == "/exports/flowchart.svg"
    assert soup.select_one("figcaption a")["href"] == FakeLinks().href("decision.md", "decision-outline")
    figure = soup.select_one("figure")
    assert figure.has_attr("data-search-exclude")


def test_on_the_decision_page_boxes_link_by_fragment_alone(guide):
    html = flowchart.flowchart(guide, FakeLinks(), "../exports/flowchart.svg", on_decision_page=True)
    soup = BeautifulSoup(html, "html.parser")
    hrefs = [a["xlink:href"] for a in soup.select("a.guide-flow__node")]
    assert hrefs and all(h.startswith("#decide-") for h in hrefs)


def test_data_text_is_escaped_everywhere(guide):
    hostile = with_decision(guide, small_decision(HOSTILE))
    html = str(flowchart.flowchart(hostile, FakeLinks(), "/exports/flowchart.svg"))
    assert "<script>" not in html and "{{" not in html and "{%" not in html and "\n" not in html
    soup = BeautifulSoup(html, "html.parser")
    shown = flowlayout.plain(HOSTILE)
    assert " ".join(t.get_text() for t in soup.select('a[data-node="first"] tspan')) == shown
    assert " ".join(t.get_text() for t in soup.select('g[data-from="first"][data-answer="0"] tspan')) == shown
    assert soup.select_one('a[data-node="use-a"]')["aria-label"] == f"Outcome: {shown}"
    # The standalone file is well-formed XML whatever the data holds.
    root = ElementTree.fromstring(flowchart.standalone_svg(hostile, "https://example.org/decision/").split("\n", 1)[1])
    texts = [" ".join(t.text for t in text.iter(f"{SVG}tspan")) for text in root.iter(f"{SVG}text")]
    assert shown in texts


def test_standalone_svg_is_the_same_drawing_with_light_colours_and_given_links(guide):
    standalone = flowchart.standalone_svg(guide, "https://example.org/guide/decision/")
    root = ElementTree.fromstring(standalone.split("\n", 1)[1])
    assert root.tag == f"{SVG}svg"
    links = {a.get("data-node"): a.get(XLINK) for a in root.iter(f"{SVG}a")}
    assert links == {n: f"https://example.org/guide/decision/#decide-{n}" for n in links}
    assert len(links) == len(guide.decision.questions) + len(guide.decision.outcomes)
    boxes = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "guide-flow__box"]
    assert {r.get("fill") for r in boxes} <= set(flowchart.LIGHT.values())
    inline = inline_svg(guide).select_one("svg")
    assert inline["viewbox"] == root.get("viewBox")  # one layout everywhere


def test_paths_are_short_and_numbers_rounded(guide):
    svg = str(inline_svg(guide).select_one("svg"))
    assert not any(len(number.split(".")[1]) > 1 for number in re.findall(r"\d+\.\d+", svg))
    assert len(svg.encode()) < 60_000


def test_arrow_points_at_the_end_of_its_edge():
    path = flowchart.arrow_path(((0.0, 0.0), (0.0, 100.0)))
    assert path == "M0 100L-4.5 92L4.5 92Z"
    line = flowchart.line_path(((0.0, 0.0), (0.0, 50.0), (40.0, 50.0), (40.0, 100.0)))
    assert line.startswith("M0 0L0 44Q0 50 6 50") and line.endswith("L40 93")
    assert math.isclose(flowchart.BASELINE, 0.35 * flowlayout.FONT_SIZE)
