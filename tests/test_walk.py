"""The step-by-step decision walk: its Python (paths, reasons, progress, markup, each reason's
step in the URL format as walk.js writes it) and,
in headless Chromium with the network cut off, every path of the tree, shared URLs, the Back
button, in-page anchors, leaving the page and coming back, the `guide:walk` events, focus and scroll, one
activation per answer, the phone layout, print, keyboard-only use, axe in both palettes and the
no-JavaScript outline. Paths, reasons and progress are derived from the data, never written out
here."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import (
    AXE, AXE_OPTIONS, DESKTOP, PHONE, READY, SCHEMES, VISIBLE_STEP, FakeLinks, answer, describe, offline_context, open_walk, parsed_page,
    settle, settled, shown, tab_to, visible_node,
)
from guide.views import outline, walk
from js.cases import path_value
from guide.views.flowchart import node_anchor
from guide.data.models import Guide

ROOT = Path(__file__).resolve().parent.parent


def outcome_of(guide: Guide, outcome_id: str):
    return next(o for o in guide.decision.outcomes if o.id == outcome_id)


def answer_of(guide: Guide, step):
    question = next(q for q in guide.decision.questions if q.id == step[0])
    return question.answers[step[1]]


def path_param(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("path", [""])[0]


def most_questions_left(guide: Guide) -> dict[str, int]:
    """From the paths themselves: the most questions a reader can still meet from each question."""
    left: dict[str, int] = {}
    for steps, _ in guide.decision.paths():
        for position, (question, _) in enumerate(steps):
            left[question] = max(left.get(question, 0), len(steps) - position)
    return left


def longest_path(guide: Guide):
    return max(guide.decision.paths(), key=lambda item: len(item[0]))


# --- Python --------------------------------------------------------------------------------


def test_every_path_ends_in_an_outcome_and_every_outcome_is_reached(guide):
    paths = guide.decision.paths()
    outcomes = {o.id for o in guide.decision.outcomes}
    assert all(end in outcomes for _, end in paths)
    assert {end for _, end in paths} == outcomes
    assert len({path_value(steps) for steps, _ in paths}) == len(paths) == guide.decision.path_count()
    for steps, _ in paths:
        assert steps[0][0] == guide.decision.start


def test_every_path_gives_reasons_of_its_own(guide):
    """Each path shows at least one "because you answered" reason, and no two paths to the same
    outcome show the same ones: the outcome's reasons never fit only some of its paths."""
    seen: dict[tuple[str, frozenset], list] = {}
    for steps, end, reasons in guide.decision.reasoned_paths():
        assert reasons, f"path {path_value(steps)} to {end} gives no reason"
        assert [step for step, _ in reasons] == [step for step in steps if answer_of(guide, step).because]
        key = (end, frozenset(text for _, text in reasons))
        assert key not in seen, f"{path_value(steps)} and {path_value(seen[key])} give the same reasons"
        seen[key] = steps


def test_every_question_and_outcome_is_backed_by_sources_or_judgement(guide):
    for node in [*guide.decision.questions, *guide.decision.outcomes]:
        assert node.sources or node.judgement, node.id
        for source in node.sources:
            assert source.url.startswith("https://") and source.title


def test_progress_counts_the_longest_remaining_path(guide):
    left = guide.decision.questions_left()
    assert {q: left[q] for q in most_questions_left(guide)} == most_questions_left(guide)
    assert all(left[o.id] == 0 for o in guide.decision.outcomes)


def test_walk_data_describes_every_node(guide):
    data = walk.walk_data(guide)
    assert data["start"] == guide.decision.start and data["param"] == walk.PATH_PARAM
    left = most_questions_left(guide)
    for question in guide.decision.questions:
        assert data["nodes"][question.id] == {"next": [a.next for a in question.answers], "left": left[question.id]}
    for outcome in guide.decision.outcomes:
        assert data["nodes"][outcome.id] == {"outcome": True}
    assert "flow" not in json.dumps(data)  # the flowchart's script reads data-node, not ids of ours


def test_walk_markup_holds_every_question_and_outcome(guide):
    """The first question is in view before the script runs, its answers links to the next node
    of the outline (the walk without JavaScript); with ``outcomes_here`` (an embed) each outcome
    carries its advice, through the partials the outline uses."""
    soup = BeautifulSoup(walk.walk(guide, FakeLinks(), outcomes_here=True), "html.parser")
    root = soup.select_one(".guide-walk")
    assert json.loads(root["data-walk"]) == walk.walk_data(guide)
    assert not root.select_one(".guide-walk__app").has_attr("hidden")
    note = root.select_one("noscript .guide-walk__nojs")
    assert note.a["href"] == "/decision.md#decision-outline"
    for question in guide.decision.questions:
        step = root.select_one(f'.guide-walk__step[data-node="{question.id}"]')
        assert step.has_attr("hidden") == (question.id != guide.decision.start)
        heading = step.select_one("h3")
        assert heading["tabindex"] == "-1" and heading.get_text() == shown(question.text)
        links = step.select("a.guide-walk__answer")
        assert len(links) == len(question.answers)
        for index, (link, choice) in enumerate(zip(links, question.answers)):
            assert link.get_text() == shown(choice.label) and link["data-answer"] == str(index)
            assert link["href"] == f"/decision.md#{node_anchor(choice.next)}"
            if choice.hint:
                assert soup.find(id=link["aria-describedby"]).get_text() == shown(choice.hint)
        assert_backing(step, question)
    for outcome in guide.decision.outcomes:
        step = root.select_one(f'.guide-walk__step[data-node="{outcome.id}"]')
        assert step.has_attr("data-outcome") and step.has_attr("hidden")
        assert_outcome_advice(guide, step, outcome)
        assert step.select_one(".guide-walk__in-outline a")["href"] == f"/decision.md#{node_anchor(outcome.id)}"


def test_beside_the_outline_the_walk_holds_no_copy_of_the_advice(guide):
    """One copy of each outcome's advice in the page: the outline's, which walk.js copies."""
    html = walk.walk(guide, FakeLinks(), outcomes_here=False)
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("[data-outcome-part]")
    for outcome in guide.decision.outcomes:
        step = soup.select_one(f'.guide-walk__step[data-node="{outcome.id}"]')
        assert [slot.get_text() for slot in step.select("[data-walk-copy]")] == ["", ""]
        assert shown(outcome.why) not in " ".join(soup.get_text().split())
    outline_soup = BeautifulSoup(outline.outline(guide, FakeLinks()), "html.parser")
    for outcome in guide.decision.outcomes:
        assert_outcome_advice(guide, outline_soup.find(id=node_anchor(outcome.id)), outcome)


def assert_outcome_advice(guide, block, outcome):
    """An outcome's advice as the shared partials render it: both parts, named for the script."""
    parts = {p["data-outcome-part"]: p for p in block.select(f'[data-outcome-of="{outcome.id}"]')}
    assert set(parts) == {"summary", "details"}
    summary, details = parts["summary"], parts["details"]
    assert shown(outcome.why) in " ".join(summary.get_text().split())
    assert len(summary.select(".guide-recommends li")) == len(outcome.recommends)
    reasons = details.select(".guide-outcome__criteria > li")
    assert [r["data-criterion"] for r in reasons] == outcome.criteria
    for reason in reasons:
        criterion = guide.criterion(reason["data-criterion"])
        for framework in guide.frameworks:
            item = reason.select_one(f'li[data-framework="{framework.id}"]')
            assert criterion.assessments[framework.id].rating.label in item.get_text()
    links = [a["href"] for a in details.select(".guide-outcome__onward a")]
    assert [f"/{page}" for page in outcome.pages] + ["/scorecard.md"] == links
    assert len(details.select(".guide-outcome__watch li")) == len(outcome.watch_out)
    assert_backing(details, outcome)


def test_the_decision_page_holds_each_outcome_once_and_the_embed_its_own(built_site, guide):
    """On the built pages: each part of every outcome's advice is in the page exactly once, in the
    outline on the Decision page and in the walk in the embed (which has no outline)."""
    for page, home in (("decision", "#decision-outline"), ("embed/decision", ".guide-walk")):
        soup = parsed_page(built_site / page / "index.html")
        assert soup.select_one(".guide-walk") and soup.select_one(home)
        text = " ".join(soup.get_text().split())
        for outcome in guide.decision.outcomes:
            for part in ("summary", "details"):
                wanted = f'[data-outcome-part="{part}"][data-outcome-of="{outcome.id}"]'
                assert len(soup.select(wanted)) == len(soup.select_one(home).select(wanted)) == 1, (page, outcome.id, part)
            assert text.count(shown(outcome.why)) == 1, (page, outcome.id)


def with_absolute_links(block, page_address: str) -> str:
    """A block's markup with each link resolved from the page's address, so that a link written
    from two pages at different depths reads the same."""
    copy = BeautifulSoup(str(block), "html.parser")
    for element in copy.select("[href]"):
        element["href"] = urljoin(page_address, element["href"])
    return str(copy)


def test_the_walk_and_the_outline_render_each_outcome_alike(built_site, guide):
    """One partial draws an outcome for both: the walk in the embed, which renders each outcome's
    advice itself, gives markup equal to the Decision page's outline, part for part and link for
    link; and the Decision page's walk has an empty slot for each part the outline holds, in the
    same order, for walk.js to fill with a copy."""
    site = "https://guide.example/"
    soups = {page: BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
             for page in ("decision", "embed/decision")}
    outline_root = soups["decision"].select_one("#decision-outline")
    embed_walk = soups["embed/decision"].select_one(".guide-walk")
    for outcome in guide.decision.outcomes:
        wanted = f'[data-outcome-part][data-outcome-of="{outcome.id}"]'
        in_outline, in_walk = outline_root.select(wanted), embed_walk.select(wanted)
        assert in_outline, outcome.id
        assert ([with_absolute_links(part, site + "decision/") for part in in_outline]
                == [with_absolute_links(part, site + "embed/decision/") for part in in_walk]), outcome.id
        step = soups["decision"].select_one(f'.guide-walk__step[data-node="{outcome.id}"]')
        slots = step.select("[data-walk-copy]")
        assert [slot["data-walk-copy"] for slot in slots] == [part["data-outcome-part"] for part in in_outline]
        assert not any(slot.contents for slot in slots), outcome.id


def test_search_finds_each_outcome_once_and_never_the_walk(built_site, guide):
    """The search index holds the outline's text, not the walk's copy of it: no result leads to a
    hidden step of the walk, and each outcome's advice and each answer's reason is found once."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    decision = [doc for doc in docs if doc["location"].startswith("decision/")]
    walk_ids = {f"walk-{node.id}-h" for node in [*guide.decision.questions, *guide.decision.outcomes]} | {"decision-walk-trail"}
    assert decision and not [d["location"] for d in decision if d["location"].partition("#")[2] in walk_ids]
    text = " ".join(BeautifulSoup(d["title"] + " " + d["text"], "html.parser").get_text(" ") for d in decision)
    text = " ".join(text.split())
    for outcome in guide.decision.outcomes:
        assert text.count(shown(outcome.why)) == 1, outcome.id
    for question in guide.decision.questions:
        for choice in question.answers:
            if choice.because:
                assert text.count(shown(choice.because)) == 1, (question.id, choice.label)


def test_every_path_finds_its_reasons_in_its_outcome_in_path_order(guide):
    soup = BeautifulSoup(walk.walk(guide, FakeLinks(), outcomes_here=False), "html.parser")
    for steps, end, reasons in guide.decision.reasoned_paths():
        items = soup.select(f'.guide-walk__step[data-node="{end}"] .guide-walk__because > li')
        order = [item["data-step"] for item in items]
        wanted = [path_value([step]) for step, _ in reasons]
        assert [s for s in order if s in wanted] == wanted  # shown in the order answered
        for step, because in reasons:
            item = items[order.index(path_value([step]))]
            assert item.has_attr("hidden")  # the script shows the ones on the path taken
            text = " ".join(item.get_text().split())
            assert text.startswith(f"Because you answered “{shown(answer_of(guide, step).label)}”")
            assert text.endswith(shown(because))


def assert_backing(block, node):
    backing = block.select_one("details.guide-backing")
    assert backing is not None, node.id
    assert [a["href"] for a in backing.select(".guide-sources a")] == [s.url for s in node.sources]
    if node.judgement:
        assert shown(node.judgement) in " ".join(backing.select_one(".guide-judgement").get_text().split())


def test_outline_shows_reasons_sources_and_judgement(guide):
    soup = BeautifulSoup(outline.outline(guide, FakeLinks()), "html.parser")
    for question in guide.decision.questions:
        section = soup.find(id=node_anchor(question.id))
        items = section.select(".guide-answers > li")
        for item, choice in zip(items, question.answers):
            because = item.select_one(".guide-because")
            assert (because is not None) == bool(choice.because)
            if choice.because:
                assert shown(choice.because) in because.get_text()
        assert_backing(section, question)
    for outcome in guide.decision.outcomes:
        assert_backing(soup.find(id=node_anchor(outcome.id)), outcome)


def test_paths_table_lists_every_path_with_its_outcome_and_reasons(guide):
    soup = BeautifulSoup(outline.paths_table(guide, FakeLinks()), "html.parser")
    rows = soup.select("tbody tr")
    paths = guide.decision.reasoned_paths()
    assert len(rows) == len(paths)
    for row, (steps, end, reasons) in zip(rows, paths):
        cells = row.find_all("td")
        answers = [" ".join(li.get_text().split()) for li in cells[0].select("li")]
        assert len(answers) == len(steps)
        for text, step in zip(answers, steps):
            assert text.endswith(shown(answer_of(guide, step).label))
        link = cells[1].a
        assert link.get_text() == shown(outcome_of(guide, end).title) and link["href"] == f"/decision.md#{node_anchor(end)}"
        assert [li.get_text() for li in cells[2].select("li")] == [shown(text) for _, text in reasons]


def test_paths_table_names_a_long_shared_start_instead_of_repeating_it(guide):
    """A deep tree's table grows with the tree, not its square: rows share their long starts."""
    questions = []
    depth = outline.SHARED_PREFIX_SHOWN + 3
    for number in range(depth):
        following = f"q{number + 1}" if number + 1 < depth else "o-last"
        questions.append(guide.decision.questions[0].model_copy(update={"id": f"q{number}", "answers": [
            guide.decision.questions[0].answers[0].model_copy(update={"next": following, "because": None}),
            guide.decision.questions[0].answers[0].model_copy(update={"next": f"o{number}", "because": f"Reason {number}."}),
        ]}))
    outcomes = [guide.decision.outcomes[0].model_copy(update={"id": f"o{n}"}) for n in range(depth)]
    outcomes.append(guide.decision.outcomes[0].model_copy(update={"id": "o-last"}))
    deep = guide.model_copy(update={"decision": guide.decision.model_copy(update={
        "start": "q0", "questions": questions, "outcomes": outcomes})})
    soup = BeautifulSoup(outline.paths_table(deep, FakeLinks()), "html.parser")
    listed = [len(row.select("ol li")) for row in soup.select("tbody tr")]
    assert listed[0] == depth  # the first row in full; the others name what they share with it
    assert max(listed[1:]) <= outline.SHARED_PREFIX_SHOWN + 1 and soup.select(".guide-paths__shared")


def test_walk_markup_escapes_data_text(guide):
    hostile = '<script>alert("x")</script> {{ macro() }} & `<b>`'
    question = guide.decision.questions[0]
    answers = [a.model_copy(update={"label": hostile, "hint": hostile, "because": hostile}) for a in question.answers]
    questions = [question.model_copy(update={"text": hostile, "answers": answers, "judgement": hostile})] + guide.decision.questions[1:]
    changed = guide.model_copy(update={"decision": guide.decision.model_copy(update={"questions": questions})})
    for markup in (walk.walk(changed, FakeLinks(), outcomes_here=True), outline.outline(changed, FakeLinks()),
                   outline.paths_table(changed, FakeLinks())):
        assert "{{" not in markup and "<script" not in markup  # inert for the macros plugin and the browser
        soup = BeautifulSoup(markup, "html.parser")
        assert soup.find("script") is None and soup.find("b") is None
    step = BeautifulSoup(walk.walk(changed, FakeLinks(), outcomes_here=True), "html.parser").select_one(f'.guide-walk__step[data-node="{question.id}"]')
    assert step.select_one("h3").get_text() == shown(hostile)


# --- In the browser ------------------------------------------------------------------------

EVENTS = """
window.__walkEvents = [];
document.addEventListener('guide:walk', e => window.__walkEvents.push(JSON.parse(JSON.stringify(e.detail))));
"""


SNAPSHOT = """() => {
    const step = document.querySelector('.guide-walk__step:not([hidden])');
    const hidden = sel => { const e = document.querySelector(sel); return !e || e.offsetParent === null; };
    const box = e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return {
        node: step.dataset.node,
        progress: document.querySelector('[data-walk-progress]').textContent,
        heading: step.querySelector('h3').textContent,
        kicker: (step.querySelector('.guide-walk__kicker') || {}).textContent || '',
        because: [...step.querySelectorAll('.guide-walk__because > li')].filter(li => !li.hidden)
            .map(li => li.textContent.replace(/\\s+/g, ' ').trim()),
        reasons: [...step.querySelectorAll('.guide-outcome__criteria > li')].filter(li => li.offsetParent !== null).length,
        why: (step.querySelector('.guide-outcome__summary > p') || {}).textContent || '',
        focused: document.activeElement.id,
        trail: [...document.querySelectorAll('.guide-walk__trail li')].map(li => li.querySelector('strong').textContent),
        trailInStep: !!step.querySelector('.guide-walk__trail'),
        backHidden: hidden('[data-walk-back]'),
        restartHidden: hidden('[data-walk-restart]'),
        headingBox: box(step.querySelector('h3')),
        backBox: box(document.querySelector('[data-walk-back]')),
        header: header,
        viewport: window.innerHeight,
        current: window.guideWalk.current(),
        link: (document.querySelector('[data-walk-link]') || {}).textContent || '',
    };
}"""


def in_view(shown_: dict, box: str) -> bool:
    return shown_[box]["top"] >= shown_["header"] - 1 and shown_[box]["bottom"] <= shown_["viewport"] + 1


def press(page, selector: str):
    """Activate a control with the keyboard (Enter), as a keyboard user does: unlike a pointer
    click, it need not wait for the last step to settle (see one activation is one answer)."""
    page.locator(selector).press("Enter")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_walk_every_path_to_its_outcome(browser, site_url, guide, viewport):
    """On a desktop every path, on a phone one path to each outcome, answered with the keyboard
    (pointer clicks: test_one_activation_is_one_answer, test_browser_back_steps_back_in_place_on_a_phone)."""
    context, record = offline_context(browser, viewport=viewport)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(EVENTS)
    open_walk(page, site_url + "decision/")
    assert page.is_hidden(".guide-walk__nojs") and page.locator("a.guide-walk__answer").count() == 0
    left = most_questions_left(guide)
    paths = guide.decision.reasoned_paths()
    if viewport == PHONE:  # on a phone, one path to each outcome: the layout, not the tree, is tested
        paths = list({end: (steps, end, reasons) for steps, end, reasons in reversed(paths)}.values())
    for steps, end, reasons in paths:
        for number, (question_id, index) in enumerate(steps, start=1):
            shown_ = page.evaluate(SNAPSHOT)
            assert shown_["node"] == question_id
            assert shown_["progress"] == f"Question {number} of at most {number - 1 + left[question_id]}"
            assert shown_["backHidden"] == shown_["restartHidden"] == (number == 1)
            assert shown_["current"] == {"steps": [list(s) for s in steps[: number - 1]], "node": question_id}
            if number > 1:  # focus and scroll follow the step
                assert shown_["focused"] == f"walk-{question_id}-h" and in_view(shown_, "headingBox")
            press(page, f"{VISIBLE_STEP} .guide-walk__answer >> nth={index}")
        outcome = outcome_of(guide, end)
        shown_ = page.evaluate(SNAPSHOT)
        assert shown_["node"] == end and shown_["heading"] == shown(outcome.title)
        assert shown_["focused"] == f"walk-{end}-h" and in_view(shown_, "headingBox")
        assert shown_["progress"].startswith("Your result")
        assert all(guide.framework(r.framework).name in shown_["kicker"] for r in outcome.recommends)
        # The reasons for exactly this path, "because you answered ...", in the order answered.
        assert len(shown_["because"]) == len(reasons)
        for text, (step, because) in zip(shown_["because"], reasons):
            assert text.startswith(f"Because you answered “{shown(answer_of(guide, step).label)}”")
            assert text.endswith(shown(because))
        assert shown_["reasons"] == len(outcome.criteria) and shown_["why"] == shown(outcome.why)  # copied from the outline
        assert shown_["trail"] == [shown(answer_of(guide, step).label) for step in steps] and shown_["trailInStep"]
        # The controls sit next to the result, in view with its heading.
        assert not shown_["backHidden"] and in_view(shown_, "backBox")
        assert abs(shown_["headingBox"]["top"] - shown_["backBox"]["bottom"]) < 160
        assert path_param(page.url) == path_value(steps) and path_param(shown_["link"]) == path_value(steps)
        assert shown_["current"] == {"steps": [list(s) for s in steps], "node": end}
        page.wait_for_function(
            "title => document.querySelector('.guide-walk__status').textContent.includes(title)", arg=shown(outcome.title)
        )
        press(page, "[data-walk-restart]")
    events = page.evaluate("window.__walkEvents")
    assert events[0] == {"steps": [], "node": guide.decision.start}  # the first render
    assert len(events) == 1 + sum(len(steps) + 1 for steps, _, _ in paths)
    context.close()
    assert errors == [] and record.blocked == []


def test_shared_url_shows_the_same_result_after_a_reload(offline_page, site_url, guide):
    page = offline_page
    steps, end = longest_path(guide)
    url = f"{site_url}decision/?path={path_value(steps)}"
    open_walk(page, url)
    assert visible_node(page) == end
    assert page.evaluate("window.guideWalk.current()") == {"steps": [list(s) for s in steps], "node": end}
    page.reload()
    page.wait_for_selector(READY)
    assert visible_node(page) == end and path_param(page.url) == path_value(steps)
    # A link whose tail no longer fits the tree stops at the last step that does.
    open_walk(page, f"{site_url}decision/?path={steps[0][0]}.{steps[0][1]},no-such-question.0")
    assert visible_node(page) == (steps[1][0] if len(steps) > 1 else end)
    assert path_param(page.url) == path_value(steps[:1])
    assert page.record.console_errors == []


def test_browser_back_steps_back_in_place_on_a_phone(browser, site_url, guide):
    """Back goes one answer back without the page being fetched again or jumping to its top."""
    context, record = offline_context(browser, viewport=PHONE)
    page = context.new_page()
    page.add_init_script(EVENTS)
    steps, end = longest_path(guide)
    open_walk(page, site_url + "decision/")
    page.evaluate("document.querySelector('.guide-walk').__original = true")
    page.evaluate("window.scrollTo(0, document.querySelector('.guide-walk__bar').getBoundingClientRect().top + scrollY - 60)")
    for _, index in steps:
        answer(page, index)
    assert visible_node(page) == end
    for back in range(len(steps) - 1, -1, -1):
        page.go_back()
        page.wait_for_function("node => document.querySelector('.guide-walk__step:not([hidden])').dataset.node === node", arg=steps[back][0])
        assert path_param(page.url) == path_value(steps[:back])
        page.wait_for_function("id => document.activeElement.id === id", arg=f"walk-{steps[back][0]}-h")
        shown_ = page.evaluate(SNAPSHOT)
        assert in_view(shown_, "headingBox")
        assert page.evaluate("window.scrollY") > 0  # never back to the top of the page
        assert page.evaluate("document.querySelector('.guide-walk').__original === true")  # not fetched and swapped in
    assert page.evaluate("window.__walkEvents.at(-1)") == {"steps": [], "node": guide.decision.start}
    page.go_forward()
    page.wait_for_function(
        "node => document.querySelector('.guide-walk__step:not([hidden])').dataset.node === node",
        arg=steps[1][0] if len(steps) > 1 else end,
    )
    # The page's own Back and Start over buttons, and "Change" in the list of answers.
    open_walk(page, f"{site_url}decision/?path={path_value(steps)}")
    settled(page)
    page.click("[data-walk-back]")
    assert visible_node(page) == steps[-1][0] and path_param(page.url) == path_value(steps[:-1])
    settled(page)
    page.locator(".guide-walk__change").first.click()
    assert visible_node(page) == guide.decision.start and path_param(page.url) == ""
    context.close()
    assert record.blocked == []


def test_in_page_anchors_leave_the_walk_alone(offline_page, site_url, guide):
    """An outline link, or a fragment link such as the flowchart's boxes, scrolls to its anchor:
    it is not a step of the walk, and the walk does not pull the page back to itself."""
    page = offline_page
    steps, end = longest_path(guide)
    open_walk(page, f"{site_url}decision/?path={path_value(steps[:1])}")
    node = visible_node(page)
    target = guide.decision.outcomes[-1].id
    # A link in the outline (Material handles it).
    page.locator(f"#{node_anchor(guide.decision.start)} .guide-answers a").first.click()
    anchor = guide.decision.questions[0].answers[0].next
    page.wait_for_function("hash => location.hash === hash", arg=f"#{node_anchor(anchor)}")
    page.wait_for_timeout(300)
    assert_anchor_in_view(page, node_anchor(anchor))
    assert visible_node(page) == node and path_param(page.url) == path_value(steps[:1])
    # A plain fragment navigation, which fires popstate (as a link inside an SVG does).
    popstates = page.evaluate("""hash => new Promise(resolve => {
        let count = 0; addEventListener('popstate', () => count++);
        location.hash = hash; setTimeout(() => resolve(count), 300); })""", f"#{node_anchor(target)}")
    assert popstates >= 1
    assert_anchor_in_view(page, node_anchor(target))
    assert visible_node(page) == node and page.evaluate("document.activeElement.id") != f"walk-{node}-h"
    page.go_back()  # back to the first anchor: still not a step
    page.wait_for_function("hash => location.hash === hash", arg=f"#{node_anchor(anchor)}")
    page.wait_for_timeout(300)
    assert visible_node(page) == node
    assert page.record.console_errors == []


def assert_anchor_in_view(page, anchor: str):
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", anchor)
    assert 0 <= top < page.viewport_size["height"] / 2, f"#{anchor} is at {top}px, not scrolled to"


def test_one_activation_is_one_answer(browser, site_url, guide):
    """A double click, or a fast second tap, does not also answer the question that appears
    under the pointer; a deliberate answer after that works."""
    context, record = offline_context(browser, viewport=PHONE, has_touch=True)
    page = context.new_page()
    open_walk(page, site_url + "decision/")
    start = guide.decision.start
    first = page.locator(f"{VISIBLE_STEP} .guide-walk__answer").first
    first.dblclick()
    page.wait_for_timeout(600)
    assert path_param(page.url) == f"{start}.0"
    page.goto(site_url + "decision/")
    page.wait_for_selector(READY)
    box = page.locator(f"{VISIBLE_STEP} .guide-walk__answer").first.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.touchscreen.tap(x, y)
    page.touchscreen.tap(x, y)
    page.wait_for_timeout(600)
    assert path_param(page.url) == f"{start}.0"
    answer(page, 0)  # once settled, the next answer counts
    assert path_param(page.url).startswith(f"{start}.0,") and len(path_param(page.url).split(",")) == 2
    assert page.locator(".guide-walk__trail li").count() == 2  # both answers listed, as the reader sees
    context.close()
    assert record.blocked == []


def test_first_answer_is_above_the_fold_on_a_phone(browser, site_url):
    context, record = offline_context(browser, viewport=PHONE)
    page = context.new_page()
    open_walk(page, site_url + "decision/")
    box = page.locator(f"{VISIBLE_STEP} .guide-walk__answer").first.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    assert page.evaluate("window.scrollY") == 0
    context.close()
    assert record.blocked == []


def test_walk_survives_leaving_the_page_and_coming_back(offline_page, site_url, guide):
    page = offline_page
    steps, end = guide.decision.paths()[0]
    page.goto(site_url)
    page.click("nav.md-tabs >> text=Choose")  # the tab opens on the decision guide
    page.wait_for_url("**/decision/")
    page.wait_for_selector(READY)
    for _, index in steps:
        answer(page, index)
    assert visible_node(page) == end
    page.locator(f"{VISIBLE_STEP} .guide-outcome__onward a").first.click()  # away to another page
    page.wait_for_function("!document.querySelector('.guide-walk')")
    assert page.evaluate("window.guideWalk ? window.guideWalk.current() : null") is None
    page.go_back()  # and back: the walk restores the result from the address
    page.wait_for_function(
        "node => { const s = document.querySelector('.guide-walk__step:not([hidden])'); return s && s.dataset.node === node; }",
        arg=end,
    )
    assert page.is_hidden(".guide-walk__nojs")
    settled(page)
    page.click("[data-walk-restart]")
    assert visible_node(page) == guide.decision.start
    assert page.record.console_errors == []


def test_walk_with_the_keyboard_only(offline_page, site_url, guide):
    page = offline_page
    steps, end = longest_path(guide)
    open_walk(page, site_url + "decision/")
    for number, (question_id, index) in enumerate(steps):
        if number == 0:
            tab_to(page, "button.guide-walk__answer")
        else:
            assert page.evaluate("document.activeElement.id") == f"walk-{question_id}-h"
            page.keyboard.press("Tab")
        for _ in range(index):
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.getAttribute('data-answer')") == str(index)
        page.keyboard.press("Space" if number % 2 else "Enter")  # the keyboard is never held back
    assert visible_node(page) == end
    assert page.evaluate("document.activeElement.id") == f"walk-{end}-h"
    page.wait_for_function("t => document.querySelector('.guide-walk__status').textContent.includes(t)",
                           arg=shown(outcome_of(guide, end).title))
    page.keyboard.press("Shift+Tab")  # the controls sit just before the result
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-walk-back')")
    page.keyboard.press("Enter")
    assert visible_node(page) == steps[-1][0]
    assert page.evaluate("document.activeElement.id") == f"walk-{steps[-1][0]}-h"
    tab_to(page, "[data-walk-restart]")
    page.keyboard.press("Space")
    assert visible_node(page) == guide.decision.start
    assert page.record.console_errors == []


def test_without_javascript_the_outline_reaches_every_outcome(browser, site_url, guide):
    """The walk's first question is there without JavaScript, its answers links into the outline,
    whose links reach every outcome. The page loads once: each path starts from an empty fragment
    (a same-document navigation), so every click must move the fragment to be seen."""
    context, record = offline_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "decision/")
    assert page.is_visible(".guide-walk__nojs")
    assert page.locator(f"{VISIBLE_STEP}").count() == 1 and visible_node(page) == guide.decision.start
    for steps, end in guide.decision.paths():
        page.goto(site_url + "decision/#")
        assert urlsplit(page.url).fragment == ""
        page.locator(f"{VISIBLE_STEP} a.guide-walk__answer").nth(steps[0][1]).click()
        landed = answer_of(guide, steps[0]).next
        assert urlsplit(page.url).fragment == node_anchor(landed)
        for question_id, index in steps[1:]:
            page.locator(f"#{node_anchor(question_id)} .guide-answers > li > a").nth(index).click()
        assert urlsplit(page.url).fragment == node_anchor(end)
        assert shown(outcome_of(guide, end).title) in page.inner_text(f"#{node_anchor(end)} h3")
    context.close()
    assert record.blocked == []


# --- Print and accessibility ---------------------------------------------------------------


def pdf_text(page, tmp_path: Path, name: str) -> str:
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.replace("\u00ad", "").split())


def test_print_carries_the_answers_result_and_address_not_the_screen_instructions(browser, site_url, guide, tmp_path):
    context, record = offline_context(browser, viewport={"width": 794, "height": 1123})
    page = context.new_page()
    open_walk(page, site_url + "decision/")
    screen_only = [" ".join(t.split()) for t in page.eval_on_selector_all(".guide-screen-only", "els => els.map(e => e.textContent)")]
    assert screen_only  # the page's instructions for the screen
    # Before any answer, nothing of the walk is printed: no empty shell.
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.guide-walk')).display") == "none"
    before = pdf_text(page, tmp_path, "before")
    assert "Question 1 of at most" not in before and "Start over" not in before
    heading = " ".join(page.eval_on_selector("h2.guide-walk-heading", "h => h.textContent").split())
    assert heading.rstrip("¶ ") not in before  # nor the heading of a section with nothing in it
    for sentence in screen_only:
        assert sentence[:40] not in before
    # After the walk: the answers, the result with its reasons, and the address of both.
    steps, end, reasons = max(guide.decision.reasoned_paths(), key=lambda item: len(item[2]))
    page.emulate_media(media="null")  # page.pdf() prints with print media unless told otherwise
    open_walk(page, f"{site_url}decision/?path={path_value(steps)}")
    address = page.url
    after = pdf_text(page, tmp_path, "after")
    assert heading.rstrip("¶ ") in after  # with something in it, the section has its heading again
    result = after[after.lower().index("your result"): after.index("What to watch out for")]
    assert shown(outcome_of(guide, end).title) in result
    for step in steps:
        assert shown(answer_of(guide, step).label) in result
    for _, because in reasons:
        assert shown(because) in result
    # pdftotext joins a word broken after a hyphen at a line end: compare without hyphens.
    assert "Because you answered" in result and address.replace("-", "") in result.replace(" ", "").replace("-", "")
    assert "Start over" not in result and "Change" not in result
    for sentence in screen_only:
        assert sentence[:40] not in after
    context.close()
    assert record.blocked == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_walk_mid_way_and_at_an_outcome_passes_axe(browser, site_url, guide, viewport):
    """In both palettes: each state is loaded once, checked in the light palette, then in the dark
    one after the system setting switches (Material follows it, as test_accessibility.py checks)."""
    context, record = offline_context(browser, viewport=viewport, color_scheme="light")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    steps, end = longest_path(guide)
    problems: list[str] = []
    for state in (steps[:1], steps):
        page.emulate_media(color_scheme="light")
        page.goto(f"{site_url}decision/?path={path_value(state)}")
        page.wait_for_selector(READY)
        page.evaluate("document.querySelectorAll('.guide-walk details').forEach(d => d.open = true)")
        for palette in SCHEMES:
            page.emulate_media(color_scheme=palette)
            settle(page, SCHEMES[palette])
            result = page.evaluate("options => axe.run(document.querySelector('.guide-walk'), options)", AXE_OPTIONS)
            for violation in result["violations"]:
                problems += describe(f"decision/?path={path_value(state)}", f"{palette} {viewport['width']}px", violation)
    context.close()
    assert not problems, "\n".join(problems)
    assert record.blocked == []
