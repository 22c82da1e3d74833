"""The durable-source rules: one unit test per rule on addresses, and for each rule the
``file:line:column: path: message (hint)`` a contributor sees on a copy of the real data."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from helpers import DataCopy

from guide.data.sourcerules import DJANGO_SUPPORT_ENDS, SOURCE_RULES, source_findings
from guide.data.validate import check_data

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 25)
ANCHOR = "                url: https://fastapi.tiangolo.com/async/"


def rules_broken(url: str, title: str = "", today: dt.date = TODAY) -> list[str]:
    return [rule.name for rule, _ in source_findings(url, title, today)]


# --- each rule on its own --------------------------------------------------------------------


@pytest.mark.parametrize("url", [
    "https://docs.djangoproject.com/en/stable/topics/async/",
    "https://alembic.sqlalchemy.org/en/latest/autogenerate.html",
    "https://docs.djangoproject.com/en/dev/releases/6.2/",
    "https://channels.readthedocs.io/",
])
def test_moving_version_paths_are_refused(url):
    assert "moving-version" in rules_broken(url)


@pytest.mark.parametrize("url", [
    "https://github.com/django/deps/blob/main/final/0012-steering-council.rst",
    "https://github.com/fastapi/fastapi/blob/master/docs/en/docs/management.md",
    "https://github.com/django/django/blob/stable/5.2.x/docs/topics/async.txt",
    "https://github.com/vitalik/django-ninja",
])
def test_branches_and_front_pages_are_refused(url):
    assert rules_broken(url) == ["branch-ref"]


@pytest.mark.parametrize("url", [
    "https://github.com/django/django/blob/6.1.3/django/utils/deprecation.py#L408-L464",
    "https://github.com/klen/py-frameworks-bench/blob/f6a0f409cc5e42561d2b9dfafc5d751894f33010/docs/methodic.md",
    "https://github.com/sqlalchemy/alembic/blob/rel_1_19_1/docs/build/autogenerate.rst",
    "https://github.com/django/djangoproject.com/pull/2246",
    "https://docs.djangoproject.com/en/6.1/topics/async/",
    "https://docs.djangoproject.com/en/4.1/releases/4.1/",
    "https://fastapi.tiangolo.com/tutorial/security/oauth2-jwt/",
    "https://pypi.org/project/fastapi/0.165.0/",
    "https://github.com/advisories/GHSA-qf9m-vfgh-m389",
])
def test_durable_first_hand_addresses_pass(url):
    assert rules_broken(url) == []


@pytest.mark.parametrize("url", [
    "https://docs.djangoproject.com/fr/6.1/howto/deployment/",
    "https://fastapi.tiangolo.com/zh-hant/tutorial/security/oauth2-jwt",
    "https://fastapi.tiangolo.com/de/tutorial/testing/",
    "https://channels.readthedocs.io/es/4.3.2/",
])
def test_translations_are_refused(url):
    assert "english-edition" in rules_broken(url)


def test_end_of_life_django_reference_pages_are_refused_but_release_notes_pass():
    assert rules_broken("https://docs.djangoproject.com/en/4.2/howto/deployment/asgi/uvicorn/") == ["end-of-life-django"]
    assert rules_broken("https://django.readthedocs.io/en/3.1/topics/async/") == ["end-of-life-django"]
    assert rules_broken("https://docs.djangoproject.com/en/3.1/releases/3.1/") == []


def test_a_release_that_ends_after_it_was_cited_is_a_warning_not_an_error():
    release, ends = next(iter(DJANGO_SUPPORT_ENDS.items()))
    url = f"https://docs.djangoproject.com/en/{release}/topics/cache/"
    assert rules_broken(url, today=ends) == []
    [(rule, finding)] = source_findings(url, "", ends + dt.timedelta(days=1))
    assert rule.name == "end-of-life-django" and finding.severity == "warning"
    assert ends.isoformat() in finding.message


def test_the_real_data_still_builds_after_every_supported_release_has_ended():
    after = max(DJANGO_SUPPORT_ENDS.values()) + dt.timedelta(days=1)
    guide, problems = check_data(ROOT / "data", ROOT / "docs", today=after, display_root=ROOT)
    assert guide is not None
    assert any("end of life" in p.message for p in problems if p.severity == "warning")


def test_an_unknown_newer_django_release_asks_for_the_table_to_be_updated():
    [(rule, finding)] = source_findings("https://docs.djangoproject.com/en/9.9/topics/cache/", "", TODAY)
    assert rule.name == "end-of-life-django"
    assert "DJANGO_SUPPORT_ENDS" in finding.hint


@pytest.mark.parametrize("url", [
    "https://raw.githubusercontent.com/django/channels/4.3.2/README.rst",
    "https://github.com/django/djangoproject.com/pull/2246.diff",
    "https://docs.celeryq.dev/en/v5.5.2/_sources/django/first-steps-with-django.rst.txt",
    "https://github.com/fastapi/fastapi/raw/0.141.1/README.md",
])
def test_raw_files_diffs_and_sphinx_sources_are_refused(url):
    assert "raw-file" in rules_broken(url)


def test_pypi_pages_name_the_version_the_title_describes():
    assert rules_broken("https://pypi.org/project/fastapi-cache2") == ["pypi-version"]
    assert rules_broken("https://pypi.org/project/sqladmin/0.15.2/", "SQLAdmin 0.32.0 on PyPI") == ["pypi-version"]
    assert rules_broken("https://pypi.org/project/sqladmin/0.32.0/", "SQLAdmin 0.32.0 on PyPI") == []


def test_every_rule_has_a_name_a_summary_and_a_hint_that_reads_as_a_sentence():
    names = [rule.name for rule in SOURCE_RULES]
    assert len(names) == len(set(names))
    for rule in SOURCE_RULES:
        assert rule.checks and rule.find.__doc__
    for url in ("https://docs.djangoproject.com/es/5.0/topics/cache", "https://github.com/a/b",
                "https://pypi.org/project/x", "https://raw.githubusercontent.com/a/b/main/c"):
        for _, finding in source_findings(url, "", TODAY):
            assert finding.message and not finding.message.endswith(".")
            assert "(" not in finding.hint, "the hint is printed inside parentheses"


# --- what make check prints -----------------------------------------------------------------


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)


SOURCE_PATH = "groups[0].criteria[1].assessments.fastapi.sources[0].url"


@pytest.mark.parametrize("bad_url, message_start", [
    ("https://docs.djangoproject.com/en/stable/topics/async/", "'/stable/' follows whatever release is newest"),
    ("https://github.com/fastapi/fastapi/blob/master/docs/en/docs/async.md", "'blob/master' is a branch"),
    ("https://fastapi.tiangolo.com/de/async/", "'/de/' is a translated edition"),
    ("https://docs.djangoproject.com/en/4.2/topics/async/", "Django 4.2 has reached its end of life"),
    ("https://raw.githubusercontent.com/fastapi/fastapi/0.141.1/docs/en/docs/async.md", "this is a raw file"),
    ("https://pypi.org/project/fastapi", "the page of 'fastapi' without a version"),
])
def test_each_rule_names_file_line_column_and_field(data, bad_url, message_start):
    line = data.edit("criteria.yml", ANCHOR, f"                url: {bad_url}")
    [message] = data.messages()
    assert message.startswith(f"data/criteria.yml:{line}:22: {SOURCE_PATH}: {message_start}")
    assert message.endswith(")") and " (" in message


def test_addresses_in_page_footnotes_are_checked_too(tmp_path):
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    page = tmp_path / "docs" / "together.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\n[^x]: See <https://docs.djangoproject.com/en/latest/topics/async/>.\n", encoding="utf-8")
    line = text.count("\n") + 2
    _, problems = check_data(ROOT / "data", tmp_path / "docs", today=TODAY, display_root=tmp_path)
    [message] = [str(p) for p in problems if p.severity == "error"]
    assert message.startswith(f"docs/together.md:{line}:12: https://docs.djangoproject.com/en/latest/topics/async/: '/latest/'")


def test_benchmark_sources_follow_the_rules(data):
    old = "https://github.com/klen/py-frameworks-bench/blob/f6a0f409cc5e42561d2b9dfafc5d751894f33010/docs/methodic.md"
    line = data.edit("benchmarks.yml", old, "https://github.com/klen/py-frameworks-bench/blob/master/docs/methodic.md")
    assert any(m.startswith(f"data/benchmarks.yml:{line}:14: benchmarks[") for m in data.messages())


def test_the_real_data_and_pages_break_no_rule():
    _, problems = check_data(ROOT / "data", ROOT / "docs", today=TODAY, display_root=ROOT)
    assert [str(p) for p in problems if p.severity == "error"] == []
