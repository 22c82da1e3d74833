"""The step-by-step decision walk: its Python (paths, URL format, markup) and, in headless
Chromium with the network cut off, every path of the tree, shared URLs, the Back button,
instant navigation, keyboard-only use and the no-JavaScript outline.
Paths are enumerated from the data, never written out here."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from conftest import FakeLinks, offline_context, tab_to
from guide import walk
from guide.flowchart import node_anchor
from guide.models import Guide

ROOT = Path(__file__).resolve().parent.parent
VISIBLE_STEP = ".guide-walk__step:not([hidden])"


def outcome_title(guide: Guide, outcome_id: str) -> str:
    return next(o.title for o in guide.decision.outcomes if o.id == outcome_id)


def path_param(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("path", [""])[0]


# --- Python --------------------------------------------------------------------------------


def test_every_path_ends_in_an_outcome_and_every_outcome_is_reached(guide):
    paths = walk.walk_paths(guide.decision)
    outcomes = {o.id for o in guide.decision.outcomes}
    assert all(end in outcomes for _, end in paths)
    assert {end for _, end in paths} == outcomes
    assert len({walk.encode_path(steps) for steps, _ in paths}) == len(paths)
    for steps, _ in paths:
        assert steps[0][0] == guide.decision.start


def test_follow_reads_back_every_encoded_path(guide):
    for steps, end in walk.walk_paths(guide.decision):
        assert walk.follow(guide.decision, walk.encode_path(steps)) == (steps, end)


def test_follow_stops_at_the_first_step_that_does_not_fit(guide):
    decision = guide.decision
    start = decision.start
    first = decision.questions[0] if decision.questions[0].id == start else next(q for q in decision.questions if q.id == start)
    nxt = first.answers[0].next
    assert walk.follow(decision, "") == ([], start)
    assert walk.follow(decision, "nonsense") == ([], start)
    assert walk.follow(decision, f"{start}.{len(first.answers)}") == ([], start)  # no such answer
    assert walk.follow(decision, f"{start}.x") == ([], start)
    assert walk.follow(decision, f"{start}.0,not-the-question.0") == ([(start, 0)], nxt)
    steps, end = walk.walk_paths(decision)[0]
    assert walk.follow(decision, walk.encode_path(steps) + f",{start}.0") == (steps, end)  # nothing after an outcome


def test_walk_data_describes_every_node(guide):
    data = walk.walk_data(guide)
    assert data["start"] == guide.decision.start and data["param"] == walk.PATH_PARAM
    for question in guide.decision.questions:
        assert data["nodes"][question.id] == {"next": [a.next for a in question.answers]}
    for outcome in guide.decision.outcomes:
        assert data["nodes"][outcome.id] == {"outcome": True}


def test_walk_markup_holds_every_question_and_outcome(guide):
    soup = BeautifulSoup(walk.walk(guide, FakeLinks()), "html.parser")
    root = soup.select_one(".guide-walk")
    assert json.loads(root["data-walk"]) == walk.walk_data(guide)
    assert root.select_one(".guide-walk__app").has_attr("hidden")
    assert "outline" in root.select_one(".guide-walk__nojs").get_text()
    for question in guide.decision.questions:
        step = root.select_one(f'.guide-walk__step[data-node="{question.id}"]')
        heading = step.select_one("h3")
        assert heading["tabindex"] == "-1" and heading.get_text() == question.text.replace("`", "")
        buttons = step.select("button.guide-walk__answer")
        assert [b["type"] for b in buttons] == ["button"] * len(question.answers)
        for button, answer in zip(buttons, question.answers):
            assert button.get_text() == answer.label.replace("`", "")
            if answer.hint:
                assert soup.find(id=button["aria-describedby"]).get_text() == " ".join(answer.hint.split()).replace("`", "")
    for outcome in guide.decision.outcomes:
        step = root.select_one(f'.guide-walk__step[data-node="{outcome.id}"]')
        assert step.has_attr("data-outcome")
        reasons = step.select(".guide-walk__reasons > li")
        assert [r["data-criterion"] for r in reasons] == outcome.criteria
        for reason in reasons:
            criterion = guide.criterion(reason["data-criterion"])
            for framework in guide.frameworks:
                item = reason.select_one(f'li[data-framework="{framework.id}"]')
                assert criterion.assessments[framework.id].rating.label in item.get_text()
        links = [a["href"] for a in step.select(".guide-walk__onward a")]
        assert [f"/{page}" for page in outcome.pages] == links[: len(outcome.pages)]
        assert f"/decision.md#{node_anchor(outcome.id)}" in links
        assert len(step.select(".guide-walk__watch li")) == len(outcome.watch_out)


def test_walk_markup_escapes_data_text(guide):
    hostile = '<script>alert("x")</script> {{ macro() }} & `<b>`'
    question = guide.decision.questions[0]
    answers = [a.model_copy(update={"label": hostile, "hint": hostile}) for a in question.answers]
    questions = [question.model_copy(update={"text": hostile, "answers": answers})] + guide.decision.questions[1:]
    changed = guide.model_copy(update={"decision": guide.decision.model_copy(update={"questions": questions})})
    markup = walk.walk(changed, FakeLinks())
    assert "{{" not in markup and "<script" not in markup  # inert for the macros plugin and the browser
    soup = BeautifulSoup(markup, "html.parser")
    assert soup.find("script") is None and soup.find("b") is None
    step = soup.select_one(f'.guide-walk__step[data-node="{question.id}"]')
    assert step.select_one("h3").get_text() == hostile.replace("`", "")


# --- In the browser ------------------------------------------------------------------------


def open_walk(page, url: str):
    page.goto(url)
    page.wait_for_selector(".guide-walk__app:not([hidden])")


def visible_node(page) -> str:
    return page.get_attribute(VISIBLE_STEP, "data-node")


def answer(page, index: int):
    page.locator(f"{VISIBLE_STEP} .guide-walk__answer").nth(index).click()


SNAPSHOT = """() => {
    const step = document.querySelector('.guide-walk__step:not([hidden])');
    const hidden = sel => { const e = document.querySelector(sel); return !e || e.offsetParent === null; };
    return {
        node: step.dataset.node,
        count: (step.querySelector('[data-walk-count]') || {}).textContent || null,
        heading: step.querySelector('h3').textContent,
        kicker: step.querySelector('.guide-walk__kicker').textContent,
        reasons: step.querySelectorAll('.guide-walk__reasons > li').length,
        focused: document.activeElement.id,
        trail: document.querySelectorAll('.guide-walk__trail li').length,
        backHidden: hidden('[data-walk-back]'),
        restartHidden: hidden('[data-walk-restart]'),
    };
}"""


def test_walk_every_path_to_its_outcome(offline_page, site_url, guide):
    page = offline_page
    open_walk(page, site_url + "decision/")
    assert page.is_hidden(".guide-walk__nojs")
    for steps, end in walk.walk_paths(guide.decision):
        for number, (question_id, index) in enumerate(steps, start=1):
            shown = page.evaluate(SNAPSHOT)
            assert (shown["node"], shown["count"]) == (question_id, str(number))
            assert shown["backHidden"] == shown["restartHidden"] == (number == 1)
            answer(page, index)
        outcome = next(o for o in guide.decision.outcomes if o.id == end)
        shown = page.evaluate(SNAPSHOT)
        assert shown["node"] == end and shown["heading"] == outcome.title
        assert shown["focused"] == f"walk-{end}-h"
        assert all(guide.framework(r.framework).name in shown["kicker"] for r in outcome.recommends)
        assert shown["reasons"] == len(outcome.criteria) and shown["trail"] == len(steps)
        assert path_param(page.url) == walk.encode_path(steps)
        page.wait_for_function(
            "title => document.querySelector('.guide-walk__status').textContent.includes(title)", arg=outcome.title
        )
        page.click("[data-walk-restart]")
    assert page.record.console_errors == []


def test_shared_url_shows_the_same_result_after_a_reload(offline_page, site_url, guide):
    page = offline_page
    steps, end = max(walk.walk_paths(guide.decision), key=lambda item: len(item[0]))
    url = f"{site_url}decision/?path={walk.encode_path(steps)}"
    open_walk(page, url)
    assert visible_node(page) == end
    page.reload()
    page.wait_for_selector(".guide-walk__app:not([hidden])")
    assert visible_node(page) == end and path_param(page.url) == walk.encode_path(steps)
    # A link whose tail no longer fits the tree stops at the last step that does.
    open_walk(page, f"{site_url}decision/?path={steps[0][0]}.{steps[0][1]},no-such-question.0")
    assert visible_node(page) == walk.follow(guide.decision, walk.encode_path(steps[:1]))[1]
    assert path_param(page.url) == walk.encode_path(steps[:1])
    assert page.record.console_errors == []


def test_browser_back_button_steps_back_through_the_questions(offline_page, site_url, guide):
    page = offline_page
    steps, end = max(walk.walk_paths(guide.decision), key=lambda item: len(item[0]))
    open_walk(page, site_url + "decision/")
    for _, index in steps:
        answer(page, index)
    assert visible_node(page) == end
    for back in range(len(steps) - 1, -1, -1):
        page.go_back()
        page.wait_for_function(
            "node => document.querySelector('.guide-walk__step:not([hidden])').getAttribute('data-node') === node",
            arg=steps[back][0],
        )
        assert path_param(page.url) == walk.encode_path(steps[:back])
        # Focus lands on the question (Material may first swap in a fresh copy of the page).
        page.wait_for_function("id => document.activeElement.id === id", arg=f"walk-{steps[back][0]}-h")
    page.go_forward()
    page.wait_for_function(
        "node => document.querySelector('.guide-walk__step:not([hidden])').getAttribute('data-node') === node",
        arg=steps[1][0] if len(steps) > 1 else end,
    )
    # The page's own Back and Restart buttons, and "Change" in the list of answers.
    open_walk(page, f"{site_url}decision/?path={walk.encode_path(steps)}")
    page.click("[data-walk-back]")
    assert visible_node(page) == steps[-1][0] and path_param(page.url) == walk.encode_path(steps[:-1])
    page.locator(".guide-walk__change").first.click()
    assert visible_node(page) == guide.decision.start and path_param(page.url) == ""
    assert page.record.console_errors == []


def test_walk_survives_instant_navigation(offline_page, site_url, guide):
    page = offline_page
    steps, end = walk.walk_paths(guide.decision)[0]
    page.goto(site_url)
    page.click("nav.md-tabs >> text=Choose")  # the tab opens on the decision guide
    page.wait_for_url("**/decision/")
    page.wait_for_selector(".guide-walk__app:not([hidden])")
    for _, index in steps:
        answer(page, index)
    assert visible_node(page) == end
    page.locator(f"{VISIBLE_STEP} .guide-walk__onward a").first.click()  # instant navigation away
    page.wait_for_function("!document.querySelector('.guide-walk')")
    page.go_back()  # and back: Material fetches the page again and the walk restores the result
    page.wait_for_function(
        "node => { const s = document.querySelector('.guide-walk__step:not([hidden])'); return s && s.getAttribute('data-node') === node; }",
        arg=end,
    )
    assert page.is_hidden(".guide-walk__nojs")
    page.click("[data-walk-restart]")
    assert visible_node(page) == guide.decision.start
    assert page.record.console_errors == []


def test_walk_with_the_keyboard_only(offline_page, site_url, guide):
    page = offline_page
    steps, end = max(walk.walk_paths(guide.decision), key=lambda item: len(item[0]))
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
        page.keyboard.press("Space" if number % 2 else "Enter")
    assert visible_node(page) == end
    assert page.evaluate("document.activeElement.id") == f"walk-{end}-h"
    page.wait_for_function("t => document.querySelector('.guide-walk__status').textContent.includes(t)", arg=outcome_title(guide, end))
    tab_to(page, "[data-walk-back]")
    page.keyboard.press("Enter")
    assert visible_node(page) == steps[-1][0]
    assert page.evaluate("document.activeElement.id") == f"walk-{steps[-1][0]}-h"
    tab_to(page, "[data-walk-restart]")
    page.keyboard.press("Space")
    assert visible_node(page) == guide.decision.start
    assert page.record.console_errors == []




def test_without_javascript_the_outline_reaches_every_outcome(browser, site_url, guide):
    context, record = offline_context(browser, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "decision/")
    assert page.is_visible(".guide-walk__nojs") and page.is_hidden(".guide-walk__app")
    for steps, end in walk.walk_paths(guide.decision):
        for question_id, index in steps:
            page.locator(f"#{node_anchor(question_id)} .guide-answers > li > a").nth(index).click()
        assert urlsplit(page.url).fragment == node_anchor(end)
        assert outcome_title(guide, end) in page.inner_text(f"#{node_anchor(end)} h3")
    context.close()
    assert record.blocked == []
