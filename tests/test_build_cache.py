"""The build cache (guide.data.buildcache): the flowchart's layouts and the precompressed copies
are kept between builds. The same input gives the same output without the work, a damaged
entry is redone, old entries go, and Node.js stays required whatever the cache holds."""

from __future__ import annotations

import os
import shutil

import pytest

from guide.data import buildcache
from guide.data.models import Answer, DecisionFile, Outcome, Question
from guide.publish import headers
from guide.views import flowlayout


def decision(text: str) -> DecisionFile:
    """One question with two answers, each to an outcome: only what the layout reads."""
    outcomes = [Outcome.model_construct(id=o, title=f"Outcome {o}") for o in ("o1", "o2")]
    question = Question.model_construct(id="q1", text=text, hint=None, answers=[
        Answer.model_construct(label="Yes", hint=None, next="o1"), Answer.model_construct(label="No", hint=None, next="o2")])
    return DecisionFile.model_construct(start="q1", questions=[question], outcomes=outcomes)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(buildcache.CACHE_VARIABLE, str(tmp_path))
    flowlayout._elk_layouts.cache_clear()
    yield tmp_path
    flowlayout._elk_layouts.cache_clear()


def forget_this_build():
    flowlayout._elk_layouts.cache_clear()


def test_a_second_build_reuses_the_layout_without_elk(cache, monkeypatch):
    first = flowlayout.layout(decision("Cached?"))
    assert len(list(cache.rglob("*.json"))) == 1
    forget_this_build()
    monkeypatch.setattr(flowlayout, "_run_elk", lambda request: pytest.fail("ELK ran again"))
    assert flowlayout.layout(decision("Cached?")) == first


def test_other_input_is_laid_out_afresh(cache):
    flowlayout.layout(decision("One question?"))
    flowlayout.layout(decision("Another question?"))
    assert len(list(cache.rglob("*.json"))) == 2


def test_a_damaged_entry_is_laid_out_again(cache):
    first = flowlayout.layout(decision("Damaged?"))
    [entry] = cache.rglob("*.json")
    entry.write_bytes(buildcache.json_entry([{"children": 1}]))  # whole, but not a layout
    forget_this_build()
    assert flowlayout.layout(decision("Damaged?")) == first
    checksum, _, text = entry.read_bytes().partition(b"\n")
    entry.write_bytes(checksum + b"\n" + text + b" ")  # the same layout, but not the bytes its checksum is of
    forget_this_build()
    assert flowlayout.layout(decision("Damaged?")) == first
    assert entry.read_bytes() == checksum + b"\n" + text, "laid out and stored again"


def test_off_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(buildcache.CACHE_VARIABLE, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    forget_this_build()
    flowlayout.layout(decision("Not kept?"))
    assert buildcache.cache_dir("elk") is None and not any(tmp_path.rglob("*.json"))


def test_node_is_required_even_when_the_cache_has_the_layout(cache, monkeypatch):
    flowlayout.layout(decision("Node needed?"))
    forget_this_build()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(flowlayout.LayoutError, match=r"Node\.js"):
        flowlayout.layout(decision("Node needed?"))


def test_precompressed_copies_come_from_the_cache_only_when_they_are_exact(cache, tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("<p>" + "the same words again " * 200 + "</p>")
    headers.precompress(site)
    first = {p.name: p.read_bytes() for p in site.iterdir()}
    entries = sorted((cache / "precompressed").iterdir())
    assert [e.suffix for e in entries] == [".br", ".gz"]
    entries[1].write_bytes(b"damaged")  # a bad gzip entry is compressed afresh
    monkeypatch.setattr(headers, "_brotli", lambda data: pytest.fail("Brotli ran again"))
    headers.precompress(site)
    assert {p.name: p.read_bytes() for p in site.iterdir()} == first


def test_the_policy_reuses_a_pages_inline_code_only_for_the_same_text(cache, tmp_path, monkeypatch):
    """The CSP's hashes from the build cache equal a fresh scan's; a changed page is scanned again
    and a damaged entry is not believed."""
    site = tmp_path / "site"
    site.mkdir()
    page = site / "index.html"
    page.write_text("<p>x</p><script>go()</script><style>p{}</style>", encoding="utf-8")
    fresh = headers.build_policy(site)
    scanned: list[str] = []
    real_scan = headers.inline_code
    monkeypatch.setattr(headers, "inline_code", lambda text, xml: scanned.append(text) or real_scan(text, xml))
    assert headers.build_policy(site) == fresh and scanned == []
    page.write_text("<script>stop()</script>", encoding="utf-8")
    assert headers.build_policy(site).pages_code.scripts == frozenset({"stop()"}) and len(scanned) == 1
    for entry in (cache / "inline-code").iterdir():
        entry.write_bytes(buildcache.json_entry({"scripts": [1], "styles": [], "style_attributes": []}))
    assert headers.build_policy(site).pages_code.scripts == frozenset({"stop()"}) and len(scanned) == 2


def test_entries_unused_for_a_month_are_removed(tmp_path):
    old, recent = tmp_path / "old", tmp_path / "recent"
    old.write_bytes(b"x")
    recent.write_bytes(b"x")
    os.utime(old, (0, 0))
    buildcache.prune(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["recent"]
