"""The decision tree as a flowchart (a static SVG drawn at build time) and as a text outline.

The flowchart is laid out by :mod:`guide.views.flowlayout` and drawn here through the templates
``flowchart.svg`` (the drawing) and ``flowchart.html`` (the figure on a page). Every question and
outcome is a link to its entry in the outline; every answer is an edge the walk can mark (see
``docs/assets/javascripts/guide.js``). The same drawing is written to ``exports/flowchart.svg``.

The outline, the same tree as text, is rendered by :mod:`guide.views.outline`; its anchors are defined
here because the drawn boxes link to them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from guide.views.flowlayout import FONT_SIZE, LABEL_LINE_HEIGHT, LABEL_PADDING, LINE_HEIGHT, NODE_PADDING, Box, Chart, layout, plain
from guide.views.render import render

if TYPE_CHECKING:
    from guide.data.models import Guide
    from guide.views.tables import Links

DECISION_PAGE = "decision.md"
SVG_NAME = "flowchart.svg"  # under exports/
# The light palette, written into the SVG; the site's CSS maps each class to custom properties.
LIGHT = {
    "text": "#1d1d1d", "background": "#ffffff", "line": "#5e5e5e", "border": "#00695c",
    "question_fill": "#ffffff", "outcome_fill": "#e0f2f1",
}
ARROW_LENGTH = 8.0
ARROW_HALF_WIDTH = 4.5
CORNER_RADIUS = 6.0
BASELINE = 0.35 * FONT_SIZE  # from the middle of a line to its baseline (Helvetica's cap height / 2)


def node_anchor(node_id: str) -> str:
    """The HTML id of a question or outcome in the outline."""
    return f"decide-{node_id}"


def outline_href(links: Links, node_id: str | None = None) -> str:
    """A node of the outline (or the outline itself) on the Decision page, from any page:
    embeds show the flowchart and the walk without the outline beside them."""
    return links.href(DECISION_PAGE, node_anchor(node_id) if node_id else "decision-outline")


# --- the drawing -------------------------------------------------------------------------------


def _num(value: float) -> str:
    """A coordinate as the SVG writes it: one decimal at most, so every build gives the same bytes."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class _Line:
    x: str
    y: str
    text: str


def _text_lines(lines: tuple[str, ...], box: Box, padding_top: float, line_height: float) -> list[_Line]:
    centre = box.x + box.width / 2
    return [
        _Line(_num(centre), _num(box.y + padding_top + (index + 0.5) * line_height + BASELINE), line)
        for index, line in enumerate(lines)
    ]


def _box(box: Box) -> dict[str, str]:
    return {"x": _num(box.x), "y": _num(box.y), "width": _num(box.width), "height": _num(box.height)}


def _towards(start: tuple[float, float], end: tuple[float, float], distance: float) -> tuple[float, float]:
    length = math.dist(start, end)
    if length == 0:
        return start
    share = min(distance, length) / length
    return (start[0] + (end[0] - start[0]) * share, start[1] + (end[1] - start[1]) * share)


def line_path(points: tuple[tuple[float, float], ...]) -> str:
    """The edge's route with rounded corners, stopping inside the arrowhead."""
    route = list(points)
    route[-1] = _towards(route[-1], route[-2], ARROW_LENGTH - 1)
    commands = [f"M{_num(route[0][0])} {_num(route[0][1])}"]
    for before, corner, after in zip(route, route[1:], route[2:], strict=False):
        radius = min(CORNER_RADIUS, math.dist(before, corner) / 2, math.dist(corner, after) / 2)
        enter, leave = _towards(corner, before, radius), _towards(corner, after, radius)
        commands.append(
            f"L{_num(enter[0])} {_num(enter[1])}Q{_num(corner[0])} {_num(corner[1])} {_num(leave[0])} {_num(leave[1])}"
        )
    commands.append(f"L{_num(route[-1][0])} {_num(route[-1][1])}")
    return "".join(commands)


def arrow_path(points: tuple[tuple[float, float], ...]) -> str:
    """A filled triangle whose tip touches the target box where the edge ends."""
    tip, before = points[-1], points[-2]
    length = math.dist(tip, before) or 1.0
    along = ((tip[0] - before[0]) / length, (tip[1] - before[1]) / length)
    base = (tip[0] - along[0] * ARROW_LENGTH, tip[1] - along[1] * ARROW_LENGTH)
    side = (-along[1] * ARROW_HALF_WIDTH, along[0] * ARROW_HALF_WIDTH)
    corners = [tip, (base[0] + side[0], base[1] + side[1]), (base[0] - side[0], base[1] - side[1])]
    return "M" + "L".join(f"{_num(x)} {_num(y)}" for x, y in corners) + "Z"


def flowchart_svg(guide: Guide, chart: Chart, hrefs: dict[str, str]) -> Markup:
    """The chart as SVG, each box linking to ``hrefs[node id]``."""
    decision = guide.decision
    names = {q.id: f"Question: {q.text}" for q in decision.questions}
    names.update({o.id: f"Outcome: {o.title}" for o in decision.outcomes})
    nodes = [
        {
            "id": node.id, "kind": node.kind, "start": node.id == decision.start, "href": hrefs[node.id],
            "name": plain(names[node.id]), "box": _box(node.box),
            "radius": 14 if node.kind == "outcome" else 4, "stroke": 2.5 if node.id == decision.start else 1.5,
            "lines": _text_lines(node.lines, node.box, NODE_PADDING[1], LINE_HEIGHT),
        }
        for node in chart.nodes
    ]
    edges = [
        {
            "source": edge.source, "answer": edge.answer, "target": edge.target,
            "line": line_path(edge.points), "arrow": arrow_path(edge.points), "label": _box(edge.label),
            "lines": _text_lines(edge.lines, edge.label, LABEL_PADDING[1], LABEL_LINE_HEIGHT),
        }
        for edge in chart.edges
    ]
    return render(
        "flowchart.svg",
        width=_num(chart.width), height=_num(chart.height), font_size=FONT_SIZE, colours=LIGHT,
        ids={"title": "guide-flow-title", "desc": "guide-flow-desc"},
        title=f"The decision flowchart: {len(decision.questions)} questions and {len(decision.outcomes)} outcomes",
        description=(
            "Read from the top: each question's answers lead down to the next question or to an outcome. "
            "Each box links to its explanation in the outline on the Decision page, which holds the same tree as text."
        ),
        nodes=nodes, edges=edges,
    )


def _node_ids(guide: Guide) -> list[str]:
    return [q.id for q in guide.decision.questions] + [o.id for o in guide.decision.outcomes]


def flowchart(guide: Guide, links: Links, full_size_href: str, on_decision_page: bool = False) -> Markup:
    """The flowchart figure for a page. On the Decision page the boxes link to the outline's
    anchors by fragment alone, so a click keeps the walk's answers in the address."""
    if on_decision_page:
        hrefs = {node: "#" + node_anchor(node) for node in _node_ids(guide)}
    else:
        hrefs = {node: outline_href(links, node) for node in _node_ids(guide)}
    decision = guide.decision
    return render(
        "flowchart.html",
        svg=flowchart_svg(guide, layout(decision), hrefs),
        node_count=len(decision.questions) + len(decision.outcomes),
        question_count=len(decision.questions), outcome_count=len(decision.outcomes),
        outline_href="#decision-outline" if on_decision_page else outline_href(links),
        full_size_href=full_size_href,
    )


def standalone_svg(guide: Guide, decision_page_url: str) -> str:
    """The file ``exports/flowchart.svg``: the same drawing, for wikis that take images, its boxes
    linking to ``decision_page_url`` (absolute when the site's address is known, else relative to
    the file) and its outline anchors."""
    hrefs = {node: f"{decision_page_url}#{node_anchor(node)}" for node in _node_ids(guide)}
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + str(flowchart_svg(guide, layout(guide.decision), hrefs)) + "\n"

