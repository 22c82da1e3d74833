"""Rules that keep the guide's sources durable and first-hand.

A source has to say tomorrow what it said on the day it was checked, in the language the guide
is written in, about a release people still run. Each rule below is one small unit: a name,
what it checks, and a function that returns a finding (a message and a hint) or ``None``.
:func:`source_findings` runs them all on one address; ``guide.data.validate`` runs that on every
source in the data and on every address in the pages, and reports each finding as
``file:line:column: path: message (hint)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

# Django's supported releases and the day each one's security support ends (Django's release
# roadmap as tabulated at https://endoflife.date/django and https://versionlog.com/django, read
# 2026-11-25; 4.2 LTS ended on 2026-04-30). A release older than every entry has reached its end
# of life. When Django ships a new feature release, add it with its date: the rule asks for
# that when a source cites a release it does not know.
DJANGO_SUPPORT_ENDS: dict[str, dt.date] = {
    "5.2": dt.date(2028, 4, 30),
    "6.0": dt.date(2027, 4, 30),
    "6.1": dt.date(2027, 12, 31),
}

# Path segments that name whatever release is newest today rather than one release.
MOVING_VERSIONS = frozenset({"stable", "latest", "dev", "main", "master", "current", "nightly", "devel"})
# Hosts whose first path segment is the language of a translated edition; English is `en` or none.
LANGUAGE_FIRST_HOSTS = ("docs.djangoproject.com", "fastapi.tiangolo.com", "docs.python.org", ".readthedocs.io")
LANGUAGE_CODE = re.compile(r"^[a-z]{2}(-[a-z]{2,4})?$")
COMMIT_OR_TAG = re.compile(r"^([0-9a-f]{7,40}|.*\d.*)$")  # a commit hash, or a ref with a digit in it (v1.2, rel_2_0_36)
VERSION_NUMBER = re.compile(r"\b\d+\.\d+(?:\.\d+)*(?:[a-z]+\d*)?\b")


@dataclass(frozen=True)
class Finding:
    message: str
    hint: str
    severity: str = "error"  # "warning" for what was right when checked and has aged since


@dataclass(frozen=True)
class SourceRule:
    name: str
    checks: str
    find: Callable[[SplitResult, str, dt.date], Finding | None]


def _segments(parts: SplitResult) -> list[str]:
    return [segment for segment in parts.path.split("/") if segment]


def _host(parts: SplitResult) -> str:
    return (parts.hostname or "").lower()


def moving_version(parts: SplitResult, title: str, today: dt.date) -> Finding | None:
    """Docs paths such as /en/stable/ or /latest/ change their content with every release."""
    if _host(parts) in ("github.com", "raw.githubusercontent.com"):
        return None  # branch names on GitHub are `branch_ref`'s business
    segments = _segments(parts)
    if _host(parts).endswith(".readthedocs.io") and len(segments) < 2:
        return Finding(
            "a Read the Docs front page redirects to whatever release is newest",
            "cite the page of the release checked, e.g. `/en/4.3.1/`",
        )
    moving = next((s for s in segments if s.lower() in MOVING_VERSIONS), None)
    if moving is None:
        return None
    return Finding(
        f"'/{moving}/' follows whatever release is newest, so the page can change under the claim",
        "cite the release the text describes instead: `/en/5.2/` for `/en/stable/`, `/2.12/` for `/latest/`",
    )


# Paths of GitHub's own pages, not repositories: an advisory (GHSA-...) is a fixed record.
GITHUB_SITE_SECTIONS = frozenset({"advisories"})


def branch_ref(parts: SplitResult, title: str, today: dt.date) -> Finding | None:
    """A file on a branch (blob/main, tree/master) or a repository's front page moves with every commit."""
    host, segments = _host(parts), _segments(parts)
    if host != "github.com" or len(segments) < 2 or segments[0] in GITHUB_SITE_SECTIONS:
        return None
    if len(segments) == 2:
        return Finding(
            "a repository's front page shows its default branch, which changes with every commit",
            "link the file at a release tag or commit: `https://github.com/OWNER/REPO/blob/TAG/README.md`",
        )
    if segments[2] in ("blob", "tree", "commits") and len(segments) >= 4 and not COMMIT_OR_TAG.match(segments[3]):
        return Finding(
            f"'{segments[2]}/{segments[3]}' is a branch, so the file can change after it was checked",
            f"replace '{segments[3]}' with a release tag or a commit hash; on GitHub, `y` turns the address into a commit link",
        )
    return None


def _language(parts: SplitResult) -> str | None:
    host, segments = _host(parts), _segments(parts)
    if not segments or not any(host == h or (h.startswith(".") and host.endswith(h)) for h in LANGUAGE_FIRST_HOSTS):
        return None
    first = segments[0].lower()
    return first if LANGUAGE_CODE.match(first) and first != "en" else None


def english_edition(parts: SplitResult, title: str, today: dt.date) -> Finding | None:
    """The guide is in English: cite the English edition, not a translation that may lag or differ."""
    language = _language(parts)
    if language is None:
        return None
    return Finding(
        f"'/{language}/' is a translated edition; the guide cites the English original",
        "use the same page in English: `/en/` on Django's and Read the Docs sites, no language prefix on FastAPI's",
    )


def end_of_life_django(parts: SplitResult, title: str, today: dt.date) -> Finding | None:
    """How-to and reference pages of an end-of-life Django release may no longer describe Django."""
    host, segments = _host(parts), _segments(parts)
    if (host == "docs.djangoproject.com" and len(segments) >= 2) or (host == "django.readthedocs.io" and len(segments) >= 2):
        version, rest = segments[1], segments[2:]
    else:
        return None
    if not re.fullmatch(r"\d+\.\d+", version) or (rest and rest[0] == "releases"):
        return None  # release notes say what a release introduced, which stays true
    ends = DJANGO_SUPPORT_ENDS.get(version)
    supported = ", ".join(v for v, end in DJANGO_SUPPORT_ENDS.items() if end >= today)
    if ends is None:
        oldest = min(DJANGO_SUPPORT_ENDS, key=lambda v: tuple(map(int, v.split("."))))
        if tuple(map(int, version.split("."))) > tuple(map(int, oldest.split("."))):
            return Finding(
                f"Django {version} is not in the guide's table of supported releases",
                "add it with the day its support ends to DJANGO_SUPPORT_ENDS in guide/data/sourcerules.py",
            )
    elif ends >= today:
        return None
    else:
        # Supported when it was cited: flag it like a stale review, without breaking the build.
        return Finding(
            f"Django {version} reached its end of life on {ends.isoformat()}, after this page was cited",
            f"re-check the claim against a supported release, one of {supported}, and cite that one"
            if supported else "add Django's newer releases to DJANGO_SUPPORT_ENDS in guide/data/sourcerules.py, then re-check",
            "warning",
        )
    return Finding(
        f"Django {version} has reached its end of life, so this page may no longer describe current Django",
        f"cite a supported release, one of {supported}; "
        "for when a feature arrived, the release notes of the release that added it are fine",
    )


def raw_file(parts: SplitResult, title: str, today: dt.date) -> Finding | None:
    """Raw files, diffs and Sphinx sources are what a page is built from, not the page a reader can check."""
    host, path = _host(parts), parts.path
    kind = None
    if host in ("raw.githubusercontent.com", "gist.githubusercontent.com") or "/raw/" in path:
        kind = "a raw file"
    elif path.endswith((".diff", ".patch")):
        kind = "a diff"
    elif "/_sources/" in path or path.endswith(".rst.txt"):
        kind = "Sphinx source text"
    if kind is None:
        return None
    return Finding(
        f"this is {kind}, not a page a reader can check",
        "link what a reader can open and read: the docs page itself, the file on GitHub at a tag `/blob/TAG/...`, or the pull request",
    )


def pypi_version(parts: SplitResult, title: str, today: dt.date) -> Finding | None:
    """A PyPI project page without a version shows the newest release, not the one the text describes."""
    segments = _segments(parts)
    if _host(parts) not in ("pypi.org", "www.pypi.org") or len(segments) < 2 or segments[0] != "project":
        return None
    name = segments[1]
    if len(segments) < 3:
        return Finding(
            f"the page of '{name}' without a version always shows the newest release",
            f"cite the release checked: `https://pypi.org/project/{name}/VERSION/`",
        )
    version = segments[2]
    named = VERSION_NUMBER.findall(title)
    if named and version not in named:
        return Finding(
            f"the title names {named[0]} but the page is version {version}",
            "make the title and the address name the same release",
        )
    return None


SOURCE_RULES: tuple[SourceRule, ...] = (
    SourceRule("moving-version", "no /stable/, /latest/ or /dev/ docs paths", moving_version),
    SourceRule("branch-ref", "GitHub files at a tag or commit, never a branch or a front page", branch_ref),
    SourceRule("english-edition", "the English edition where one exists", english_edition),
    SourceRule("end-of-life-django", "no how-to or reference page of an end-of-life Django release", end_of_life_django),
    SourceRule("raw-file", "no raw files, diffs or Sphinx `_sources`", raw_file),
    SourceRule("pypi-version", "a PyPI page for the version the text describes", pypi_version),
)


def source_findings(url: str, title: str = "", today: dt.date | None = None) -> list[tuple[SourceRule, Finding]]:
    """Every rule that ``url`` (cited under ``title``) breaks, with what to do about it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return []
    when = today or dt.date.today()
    found = []
    for rule in SOURCE_RULES:
        finding = rule.find(parts, title, when)
        if finding is not None:
            found.append((rule, finding))
    return found
