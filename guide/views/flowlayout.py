"""The decision flowchart's geometry: wrapped labels, box sizes and ELK's layout of them.

The tree is drawn top to bottom: questions and outcomes as boxes, each answer as an edge with
its label on the line. Text is wrapped and measured here (:mod:`guide.views.textmetrics`); ELK (npm
package ``elkjs``, run with Node, which the build already needs) places the boxes, routes the
edges at right angles and puts each label on its edge, so a label never floats away from it.
The result is plain numbers; :mod:`guide.views.flowchart` draws them.

Legibility decides the size. Every label is :data:`FONT_SIZE` px. The chart is printed no wider
than an A4 page's text area (:data:`PRINT_WIDTH`) with labels of at least 8 pt, so it may be at
most :data:`MAX_WIDTH` wide (and :data:`MAX_HEIGHT` tall, to stay on one page). Wrapping widths
are tried from the widest down, in one Node run, and the first that fits is kept: the fewest
lines per box that still print legibly. If none fits, the one that prints largest is kept.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guide.data.buildcache import cached_json
from guide.views.lastcall import for_the_last
from guide.views.node import require_node, run_json
from guide.views.textmetrics import text_width, wrap

if TYPE_CHECKING:
    from guide.data.models import DecisionFile

FONT_SIZE = 14  # px, every label; the page shows the chart at this size or a little smaller
LINE_HEIGHT = 18
LABEL_LINE_HEIGHT = 17
NODE_PADDING = (12, 9)  # px around the text of a box (left and right, top and bottom)
LABEL_PADDING = (4, 2)
# Room for the chart on a printed page, in CSS px (96 per inch): A4's width less the 12 mm page
# margins guide.css sets (@page) and the theme's 0.8 rem (16 px) content margins; its height is
# the print style's max-height for the chart, 235 mm: with the heading above it and the caption
# below, it fills the 273 mm of a page.
PRINT_WIDTH = (210 - 2 * 12) * 96 / 25.4 - 2 * 16  # 671 px
PRINT_HEIGHT = 235 * 96 / 25.4  # 888 px
PRINT_FONT = 8.25 * 96 / 72  # px: 8 pt, and a little to spare for rounding
MAX_WIDTH = PRINT_WIDTH * FONT_SIZE / PRINT_FONT
MAX_HEIGHT = PRINT_HEIGHT * FONT_SIZE / PRINT_FONT
# (box text, answer label) wrapping widths in px, tried from the most readable to the narrowest.
WRAPPINGS = [(168, 126), (154, 112), (140, 104), (126, 98), (112, 90), (100, 84), (90, 76)]
LAYOUT_TIMEOUT = 120  # seconds; a tree that takes longer is far beyond anything readable
# Beyond this many questions and outcomes no chart fits a page legibly: one layout, the narrowest
# wrapping, with ELK's linear-time node placement (network simplex takes minutes at 1,000 nodes).
SEARCH_LIMIT = 60
FAST_OPTIONS = {"elk.layered.nodePlacement.strategy": "BRANDES_KOEPF", "elk.layered.thoroughness": "1"}
SCRIPT = Path(__file__).with_name("elk_layout.js")
NODE_MISSING = "Node.js is needed to lay out the decision flowchart: install Node.js 20+ and run `npm ci` (`make build` does)."

ELK_OPTIONS = {
    "elk.algorithm": "layered",
    "elk.direction": "DOWN",
    "elk.edgeRouting": "ORTHOGONAL",
    "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
    "elk.spacing.nodeNode": "16",
    "elk.layered.spacing.nodeNodeBetweenLayers": "20",
    "elk.spacing.edgeNode": "10",
    "elk.spacing.edgeEdge": "8",
    "elk.spacing.edgeLabel": "2",
    "elk.layered.spacing.edgeNodeBetweenLayers": "10",
    "elk.layered.spacing.edgeEdgeBetweenLayers": "8",
    "elk.padding": "[top=8,left=8,bottom=8,right=8]",
}
LABEL_OPTIONS = {"elk.edgeLabels.inline": "true", "elk.edgeLabels.placement": "CENTER"}


class LayoutError(RuntimeError):
    """ELK could not be run; the message says what to install."""


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # "question" or "outcome"
    lines: tuple[str, ...]
    box: Box


@dataclass(frozen=True)
class Edge:
    source: str
    answer: int  # the answer's index in its question
    target: str
    lines: tuple[str, ...]
    label: Box
    points: tuple[tuple[float, float], ...]  # from the source's border to the target's


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    @property
    def print_scale(self) -> float:
        """How much printing shrinks the chart to fit an A4 page (1 when it fits as it is)."""
        return min(1.0, PRINT_WIDTH / self.width, PRINT_HEIGHT / self.height)


def plain(text: str) -> str:
    """Data text as the chart shows it: one line, backticks dropped (the outline shows code)."""
    return " ".join(text.replace("`", "").split())


def _size(lines: list[str], padding: tuple[int, int], line_height: int, bold: bool = False) -> tuple[float, float]:
    width = max(text_width(line, FONT_SIZE, bold) for line in lines) + 2 * padding[0]
    return round(width, 1), len(lines) * line_height + 2 * padding[1]


@dataclass(frozen=True)
class Candidate:
    """One wrapping of the tree: the ELK graph to lay out and the lines each box and label holds."""

    graph: dict[str, Any]
    kinds: dict[str, str]
    lines: dict[str, list[str]]  # by node id and by edge id ("<question id>/<answer index>")


def candidate(decision: DecisionFile, node_width: int, label_width: int) -> Candidate:
    """The tree as an ELK graph: boxes sized for their wrapped text, one edge per answer."""
    kinds: dict[str, str] = {}
    lines: dict[str, list[str]] = {}
    children = []
    for kind, node_id, text in [("question", q.id, q.text) for q in decision.questions] + [
        ("outcome", o.id, o.title) for o in decision.outcomes
    ]:
        bold = kind == "outcome"
        kinds[node_id] = kind
        lines[node_id] = wrap(plain(text), node_width, FONT_SIZE, bold)
        width, height = _size(lines[node_id], NODE_PADDING, LINE_HEIGHT, bold)
        children.append({"id": node_id, "width": width, "height": height})
    edges = []
    for question in decision.questions:
        for index, answer in enumerate(question.answers):
            edge_id = f"{question.id}/{index}"
            lines[edge_id] = wrap(plain(answer.label), label_width, FONT_SIZE)
            width, height = _size(lines[edge_id], LABEL_PADDING, LABEL_LINE_HEIGHT)
            edges.append({
                "id": edge_id, "sources": [question.id], "targets": [answer.next],
                # ELK places a label only when it has text.
                "labels": [{"id": edge_id + "/label", "text": " ".join(lines[edge_id]), "width": width, "height": height,
                            "layoutOptions": LABEL_OPTIONS}],
            })
    graph = {"id": "decision", "layoutOptions": ELK_OPTIONS, "children": children, "edges": edges}
    return Candidate(graph, kinds, lines)


def _run_elk(request_json: str) -> list[dict[str, Any]]:
    def failed(stderr: str) -> LayoutError:
        hint = " Run `npm ci` (`make build` does) to install elkjs." if "Cannot find module" in stderr else ""
        return LayoutError(f"ELK could not lay out the decision flowchart:{hint}\n{stderr}")

    laid_out: list[dict[str, Any]] = run_json(
        SCRIPT, [], request_json, timeout=LAYOUT_TIMEOUT, missing=LayoutError(NODE_MISSING),
        timed_out=LayoutError(f"ELK took over {LAYOUT_TIMEOUT} s to lay out the decision flowchart."), failed=failed,
    )
    return laid_out


def elkjs_manifest() -> str:
    """elkjs's package.json as Node finds it from the script (its version is in cache keys)."""
    for folder in SCRIPT.parents:
        manifest = folder / "node_modules" / "elkjs" / "package.json"
        if manifest.is_file():
            return manifest.read_text(encoding="utf-8")
    return ""


def _is_layout(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(graph, dict) and {"children", "edges", "width", "height"} <= graph.keys() for graph in value
    )


@functools.lru_cache(maxsize=8)
def _elk_layouts(request_json: str) -> list[dict[str, Any]]:
    """ELK's layouts, once per distinct input: within a build (it draws the chart on several
    pages) and, through :mod:`guide.data.buildcache`, across builds, since the same input always
    gives the same layout and laying out every wrapping is most of the pipeline's own time.
    Node is required either way, so a build never depends on what a cache holds."""
    require_node(LayoutError(NODE_MISSING))
    return cached_json("elk", lambda: [request_json, SCRIPT.read_text(encoding="utf-8"), elkjs_manifest()], _is_layout,
                       lambda: _run_elk(request_json))


def _point(point: dict[str, float]) -> tuple[float, float]:
    return (point["x"], point["y"])


def _chart(laid_out: dict[str, Any], wrapped: Candidate) -> Chart:
    nodes = tuple(
        Node(child["id"], wrapped.kinds[child["id"]], tuple(wrapped.lines[child["id"]]),
             Box(child["x"], child["y"], child["width"], child["height"]))
        for child in laid_out["children"]
    )
    edges = []
    for edge in laid_out["edges"]:
        source, _, index = edge["id"].rpartition("/")
        section = edge["sections"][0]  # one source and one target: one section
        points = [_point(section["startPoint"]), *map(_point, section.get("bendPoints", [])), _point(section["endPoint"])]
        label = edge["labels"][0]
        edges.append(Edge(
            source, int(index), edge["targets"][0], tuple(wrapped.lines[edge["id"]]),
            Box(label["x"], label["y"], label["width"], label["height"]), tuple(points),
        ))
    return Chart(laid_out["width"], laid_out["height"], nodes, tuple(edges))


def fits_print(chart: Chart) -> bool:
    return chart.width <= MAX_WIDTH and chart.height <= MAX_HEIGHT


@for_the_last
def layout(decision: DecisionFile) -> Chart:
    """The chart to draw: the most readable wrapping that prints legibly (see the module's text).
    ELK lays the wrappings out in order and stops at the first that fits; a tree too large to
    print legibly at all gets one fast layout (:data:`SEARCH_LIMIT`). A build draws the chart three
    times (the Decision page, its embed, exports/flowchart.svg): it is kept for the last tree."""
    wrappings = WRAPPINGS
    if len(decision.questions) + len(decision.outcomes) > SEARCH_LIMIT:
        wrappings = WRAPPINGS[-1:]
    candidates = [candidate(decision, node_width, label_width) for node_width, label_width in wrappings]
    if len(wrappings) == 1:
        candidates[0].graph["layoutOptions"] = {**ELK_OPTIONS, **FAST_OPTIONS}
    request = {"graphs": [c.graph for c in candidates], "fits": {"width": MAX_WIDTH, "height": MAX_HEIGHT}}
    laid_out = _elk_layouts(json.dumps(request, sort_keys=True, ensure_ascii=True))
    charts = [_chart(graph, wrapped) for graph, wrapped in zip(laid_out, candidates, strict=False)]
    if fits_print(charts[-1]):
        return charts[-1]
    return max(charts, key=lambda chart: chart.print_scale)  # max keeps the first of equals
