"""Two builds of the same checkout give byte-identical sites: every file under site/ (pages,
sitemap.xml and sitemap.xml.gz, the search index, the exports, the embed pages, the flowchart's
SVG in the Decision page and in exports/flowchart.svg) has the same bytes, and no file is only in
one build.

The second build runs as if on another day and with another hash seed, so what would differ
between a build today and one next week, or between two interpreter runs, shows up now:

* ``SOURCE_DATE_EPOCH`` is set to a different day. MkDocs dates every page by the build day (or
  that variable) and writes it into sitemap.xml (``lastmod``) and sitemap.xml.gz (the gzip
  header's mtime); guide/mkdocs_glue/hooks.py dates pages by the data's newest review instead, so neither
  depends on when the build ran.
* ``PYTHONHASHSEED`` is set (the session's build, the first, runs with the seed the test run has,
  random unless set), so output that follows the iteration order of a set would differ.

Nothing is excluded. One output legitimately depends on the day, and a second build cannot fake
it: a criterion reviewed more than a year before the build day is flagged as stale on the page
(guide.data.models.review_is_stale). That is a change in what the page must say, not noise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os

from helpers import ROOT, build_site


def digest(site) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*")) if path.is_file()
    }


def test_two_builds_are_byte_identical(built_site, tmp_path, monkeypatch):
    """The session's build is the first; the second runs nine days later with another hash seed."""
    another_day = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=9)
    seed = "2" if os.environ.get("PYTHONHASHSEED") != "2" else "3"
    monkeypatch.setenv("PYTHONHASHSEED", seed)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(another_day.timestamp())))
    second = build_site(ROOT, tmp_path / "second")
    assert second.returncode == 0, second.stderr

    a, b = digest(built_site), digest(tmp_path / "second")
    assert {"index.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "exports/flowchart.svg"} <= a.keys()
    assert sorted(a.keys() - b.keys()) == [] and sorted(b.keys() - a.keys()) == [], "files in only one build"
    differing = sorted(name for name in a if a[name] != b[name])
    assert differing == [], f"files that differ between two builds: {differing}"
