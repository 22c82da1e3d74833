"""The template layer escapes by default, keeps data text inert and returns one line."""

from __future__ import annotations

from markupsafe import Markup

from guide.views.render import ENVIRONMENT, render

HOSTILE = '<script>alert("x")</script> {{ macro() }} {% raw %} `code`'


def test_printed_values_are_escaped_and_inert(tmp_path):
    out = ENVIRONMENT.from_string("<p>{{ value }}</p>").render(value=HOSTILE)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "{{" not in out and "{%" not in out


def test_text_filter_shows_code_spans_and_escapes_the_rest():
    out = ENVIRONMENT.from_string("<p>{{ value | text }}</p>").render(value=HOSTILE)
    assert "<code>code</code>" in out and "<script>" not in out and "{{" not in out


def test_markup_passes_through():
    out = ENVIRONMENT.from_string("{{ value }}").render(value=Markup("<b>ok</b>"))
    assert out == "<b>ok</b>"


def test_render_returns_one_line(tmp_path, monkeypatch):
    template = ENVIRONMENT.from_string("<ul>\n  <li>\n    one\n    two\n  </li>\n</ul>\n")
    monkeypatch.setattr(ENVIRONMENT, "get_template", lambda name: template)
    assert render("any.html") == "<ul><li>one two</li></ul>"
