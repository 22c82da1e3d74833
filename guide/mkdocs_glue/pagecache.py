"""Each page's Markdown as the macros leave it, kept between builds in the build cache.

What the macros write into a page depends only on the page's own Markdown and place, the data,
the guide's code and templates, the site scripts whose figures the build prints
(:mod:`guide.views.sitescripts`), the site's settings, the versions of the libraries that
render it and the day (a review turns stale after a year); not on other pages, which links name by path, with titles from ``nav``. The page
lint (:mod:`guide.data.pagelint`) lets a page call the guide's macros and nothing else. An
entry is keyed by a hash of all of that, so a later build with the same inputs takes the page
from the cache instead of rendering its macros again (about a tenth of a build's CPU), and a
change to any of those inputs renders every page afresh. Like every entry of
:mod:`guide.data.buildcache`, a damaged one costs time, never correctness: each holds the hash
of its text and is used only when they agree.

The same hash keys the embed pages, the exports, the flowchart's SVG and the published schemas
(the hook's ``from_data`` and ``published_files``), and :class:`CleanCheck` lets a build skip
checking the data and the pages when nothing they read has changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

import guide
from guide.data.buildcache import cache_dir, files_of, hash_files, prune, read_entry, write_entry
from guide.data.filekinds import SNIPPET_FOLDERS
from guide.views import flowlayout, sitescripts

# Libraries whose output or behaviour can change what a page's macros write.
RENDERING_LIBRARIES = ("jinja2", "markupsafe", "mkdocs", "mkdocs-macros-plugin", "markdown", "pymdown-extensions",
                       "pydantic", "pyyaml")
JINJA_MARKERS = ("{{", "{%", "{#")
KEEP_PAGES = 800  # about 40 MB: the real site's pages for a score of data sets (a test run builds many)


def _code_files() -> dict[str, Path]:
    """The guide package's sources and templates by name; its compiled bytecode follows from them."""
    return {name: path for name, path in files_of(Path(guide.__file__).parent).items() if "/__pycache__/" not in name}


def _library_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in RENDERING_LIBRARIES}


def inputs_digest(config: MkDocsConfig, root: Path, *, serving: bool) -> str:
    """A hash of everything a page's macro output can depend on besides the page itself: the
    data, the guide's code and templates, the site scripts the build runs, the settings, the
    libraries, elkjs and the day. Other pages are not in it (the macros link to them by path, with titles
    from mkdocs.yml's ``nav``)."""
    digest = hashlib.sha256(b"guide-pages-1\0")
    named = {"mkdocs.yml": Path(config["config_file_path"])}
    named.update({f"site scripts/{path.name}": path for path in sitescripts.SCRIPTS})
    named.update(files_of(root / "data"))
    named.update(_code_files())
    hash_files(digest, named)
    digest.update(f"elkjs\0{flowlayout.elkjs_manifest()}\0".encode())
    settings = {name: config.get(name) for name in ("site_name", "site_url", "copyright", "use_directory_urls", "extra")}
    # The day: a criterion whose review is more than a year old is shown as due for review.
    digest.update(json.dumps([settings, repr(config["nav"]), _library_versions(), sys.version, serving, dt.date.today().isoformat()],
                             sort_keys=True, default=repr).encode())
    return digest.hexdigest()


class CleanCheck:
    """Whether an earlier build found the data and the pages clean, and nothing the check reads
    has changed since: the data, the pages, the snippet folders, the guide's code, the rendering
    libraries and the day (a date in the data may not lie in the future). A build then skips
    the check, which, with loading the models it needs, was a third of a later build's own cost;
    ``make check`` always checks. A check that found errors is never remembered."""

    def __init__(self, root: Path, docs_dir: Path) -> None:
        self.root, self.docs_dir = root, docs_dir
        self.folder = cache_dir("checked-clean")
        self.key = "" if self.folder is None else self._key(root, docs_dir)

    @staticmethod
    def _key(root: Path, docs_dir: Path) -> str:
        digest = hashlib.sha256(b"guide-checked-1\0")
        hash_files(digest, files_of(root / "data", docs_dir, *(root / name for name in SNIPPET_FOLDERS)) | _code_files())
        digest.update(json.dumps([_library_versions(), sys.version, dt.date.today().isoformat()], sort_keys=True).encode())
        return digest.hexdigest()

    def passed_before(self) -> bool:
        return self.folder is not None and read_entry(self.folder, self.key) == b"clean"

    def remember_passed(self) -> None:
        """Remember the files as they were before the check, and only if they still are: under
        ``mkdocs serve`` a page saved during the check must not pass for checked."""
        if self.folder is not None and self._key(self.root, self.docs_dir) == self.key:
            write_entry(self.folder, self.key, b"clean")
            prune(self.folder)


class RenderedPages:
    """The cache of one build: :meth:`before_macros` runs before the macros plugin on a page,
    :meth:`after_macros` after it."""

    def __init__(self, inputs: str) -> None:
        self.inputs = inputs
        self.folder = cache_dir("pages")
        self.pending: dict[str, str] = {}  # page source -> its entry's name, until the macros have run
        self.taken: set[str] = set()  # pages whose macros are not run again
        if self.folder is not None:
            prune(self.folder, keep_at_most=KEEP_PAGES)

    def before_macros(self, markdown: str, page: Page) -> str:
        """The page's rendered Markdown from an earlier build, which the macros plugin is told to
        leave as it is; else the page as it came."""
        if self.folder is None or any(marker in (page.title or "") for marker in JINJA_MARKERS):
            return markdown  # the macros plugin also renders a title with Jinja in it
        name = hashlib.sha256("\0".join([self.inputs, page.file.src_uri, markdown]).encode()).hexdigest()
        entry = read_entry(self.folder, name)
        if entry is not None:
            checksum, _, text = entry.partition(b"\n")
            if hashlib.sha256(text).hexdigest().encode() == checksum and "render_macros" not in page.meta:
                page.meta["render_macros"] = False
                self.taken.add(page.file.src_uri)
                return text.decode("utf-8")
        self.pending[page.file.src_uri] = name
        return markdown

    def after_macros(self, rendered: str, page: Page) -> str:
        """Store a page the macros rendered; take back the flag :meth:`before_macros` set, which
        the theme would otherwise see as front matter."""
        if page.file.src_uri in self.taken:
            self.taken.discard(page.file.src_uri)
            del page.meta["render_macros"]
        name = self.pending.pop(page.file.src_uri, None)
        if self.folder is not None and name is not None:
            text = rendered.encode("utf-8")
            write_entry(self.folder, name, hashlib.sha256(text).hexdigest().encode() + b"\n" + text)
        return rendered
