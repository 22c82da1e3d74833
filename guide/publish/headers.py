"""The serving side's one header policy, written into the built site as ``deploy/nginx.conf``
and ``_headers`` (Netlify, Cloudflare Pages), and the precompressed files served beside the
originals.

The policy is made after the build from the built pages themselves, never from a hand-kept
list: every inline ``<script>`` and ``<style>`` that Material and the guide emit gets a SHA-256
hash in the Content-Security-Policy, so the site needs no ``'unsafe-inline'``. One set of hashes
covers every page because Material's instant navigation swaps page contents in place: the
scripts of the page a reader navigates to run under the policy of the page they arrived on.

Areas of the site and what they get (``headers_for`` is the single answer, both files are
renderings of it):

* pages (everything not below): the strict policy, ``frame-ancestors 'self'``, revalidated;
* ``embed/``: the same, but framable by ``'self'`` and the allowed wiki origins;
* ``exports/``: files for reuse, readable by other sites' scripts; the standalone HTML table
  is styled with ``style`` attributes on purpose (rich-text editors keep nothing else), so its
  policy allows exactly those attribute values by hash (``'unsafe-hashes'``) and no script;
* fingerprinted files (a content hash in the name): cacheable for a year, immutable;
* ``deploy/`` and ``_headers``: configuration, not served (nginx answers 404).

Plain functions over a folder of files; nothing here imports MkDocs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import brotli

from guide.data.buildcache import cache_dir, cached_json, prune, read_entry, write_entry
from guide.publish import inlinecode
from guide.publish.addresses import EXPORT_DIR
from guide.publish.embeds import EMBED_DIR
from guide.publish.inlinecode import InlineCode, UnsupportedMarkup, csp_hash, inline_code

EMBED_ORIGINS_VARIABLE = "GUIDE_EMBED_ORIGINS"
DEPLOY_DIR = "deploy"
NGINX_FILE = f"{DEPLOY_DIR}/nginx.conf"
HEADERS_FILE = "_headers"
EMBED_AREA = f"{EMBED_DIR}/"
EXPORT_AREA = f"{EXPORT_DIR}/"

REVALIDATE = "no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
# Material names its bundles, stylesheets and search worker <name>.<8 hex digits>.min.<ext>.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.min\.(js|css)(\.map)?$")

# Features the site never uses, turned off for it and anything it frames. Only names Chromium
# knows: an unknown one is logged as a console error on every page.
DISABLED_FEATURES = (
    "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation",
    "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
    "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "sync-xhr",
    "usb", "xr-spatial-tracking",
)

# Every extension the built site may hold, with its type; the include sets them itself, so it
# does not depend on the server's mime.types (Debian's lacks .mjs, which module scripts need).
CONTENT_TYPES = {
    "html": "text/html", "css": "text/css", "js": "text/javascript", "mjs": "text/javascript",
    "json": "application/json", "map": "application/json", "xml": "text/xml", "txt": "text/plain",
    "svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon", "jpg": "image/jpeg",
    "webp": "image/webp", "woff2": "font/woff2", "csv": "text/csv", "md": "text/markdown",
    "gz": "application/gzip", "br": "application/x-brotli", "webmanifest": "application/manifest+json",
}
TEXT_TYPES = ("text/", "application/json", "image/svg+xml", "application/manifest+json")
COMPRESSIBLE = ("html", "css", "js", "mjs", "json", "xml", "txt", "svg", "csv", "md", "webmanifest")
GZIP_LEVEL = 9
# Quality 10 gives within 4% of the maximum (11) in a third of its time on this site.
BROTLI_QUALITY = 10

_ORIGIN = re.compile(r"https?://(\*\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?")


class PolicyError(ValueError):
    """A setting the policy cannot be made from; the message says which and how to fix it."""


# --- settings ---------------------------------------------------------------------------------


def embed_origins(configured: object, environment: str | None) -> tuple[str, ...]:
    """The wiki origins allowed to frame ``embed/`` pages: ``extra.embed_origins`` in mkdocs.yml
    (a list) and the ``GUIDE_EMBED_ORIGINS`` variable (separated by spaces or commas), together,
    in that order, without repeats. Each is ``scheme://host[:port]``; ``*.`` may start the host."""
    if configured is None:
        configured = []
    if not isinstance(configured, list) or not all(isinstance(o, str) for o in configured):
        raise PolicyError("extra.embed_origins in mkdocs.yml must be a list of origins such as https://wiki.example.com")
    found = [*configured, *re.split(r"[\s,]+", environment or "")]
    origins: list[str] = []
    for origin in (o.strip().rstrip("/").lower() for o in found):
        if not origin:
            continue
        if not _ORIGIN.fullmatch(origin):
            raise PolicyError(
                f"{origin!r} is not an origin: write scheme://host or scheme://host:port (http or https, "
                f"no path), in extra.embed_origins or {EMBED_ORIGINS_VARIABLE}"
            )
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


def base_path(site_url: str | None) -> str:
    """The URL path the site is published under ("/" or "/guide/"), from ``site_url``."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


# --- inline code and its hashes ----------------------------------------------------------------


def _hashes(texts: Iterable[str]) -> str:
    return " ".join(sorted(csp_hash(text) for text in texts))


# --- the policy ----------------------------------------------------------------------------------


def is_fingerprinted(path: str) -> bool:
    return bool(FINGERPRINTED.search(path))


@dataclass(frozen=True)
class Policy:
    """The headers of every file of one built site. Paths are site-relative URL paths
    (``""`` for the home page, ``"embed/comparison/"``, ``"assets/javascripts/guide.js"``)."""

    base: str  # the URL path the site lives under, "/" or "/guide/"
    origins: tuple[str, ...]
    pages_code: InlineCode  # every page and embed page together (instant navigation mixes them)
    exports_code: InlineCode
    fingerprinted: tuple[str, ...]  # site-relative paths of files with a content hash in the name
    top_level: tuple[str, ...]  # the site's top-level entries, folders ending in "/"
    immutable: tuple[str, ...]  # the fingerprinted files as few rules: a path, or a folder ("x/")
                                # when every file below it is fingerprinted

    def content_security_policy(self, area: str) -> str:
        if area == "exports":
            styles = self.exports_code.styles
            attributes = self.exports_code.style_attributes
            style_src = " ".join(filter(None, ["'unsafe-hashes'" if attributes else "", _hashes(styles | attributes)]))
            return "; ".join([
                "default-src 'none'", "style-src " + (style_src or "'none'"), "img-src 'self'",
                "frame-ancestors 'self'", "base-uri 'none'", "form-action 'none'",
            ])
        ancestors = " ".join(["'self'", *self.origins]) if area == "embed" else "'self'"
        return "; ".join([
            "default-src 'self'",
            " ".join(filter(None, ["script-src 'self'", _hashes(self.pages_code.scripts)])),
            " ".join(filter(None, ["style-src 'self'", _hashes(self.pages_code.styles)])),
            "img-src 'self' data:",  # Material's icons are data: URIs in its stylesheet
            "worker-src 'self'",  # Material's search runs in a worker of its own
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {ancestors}",
        ])

    def common_headers(self) -> dict[str, str]:
        """What every response carries, whatever its area."""
        return {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",  # intranet addresses stay in the intranet
            "Permissions-Policy": ", ".join(f"{feature}=()" for feature in DISABLED_FEATURES),
            "Cross-Origin-Opener-Policy": "same-origin",
        }

    def area_headers(self, area: str) -> dict[str, str]:
        """The headers an area adds to the common ones (without caching)."""
        headers = {"Content-Security-Policy": self.content_security_policy(area)}
        if area != "embed" or not self.origins:
            headers["X-Frame-Options"] = "SAMEORIGIN"  # for browsers without frame-ancestors
        if area == "exports":
            headers["Access-Control-Allow-Origin"] = "*"  # other sites' scripts may fetch the data
        return headers

    def headers_for(self, path: str) -> dict[str, str] | None:
        """Every header the file at ``path`` is served with; None where it must not be served."""
        if is_configuration(path):
            return None
        cache = IMMUTABLE if path in self.fingerprinted else REVALIDATE
        return {**self.common_headers(), **self.area_headers(area_of(path)), "Cache-Control": cache}


def is_configuration(path: str) -> bool:
    """The serving rules themselves: read by the server or the host, never sent to readers."""
    return path == HEADERS_FILE or path.startswith(DEPLOY_DIR + "/")


def area_of(path: str) -> str:
    if path.startswith(EMBED_AREA):
        return "embed"
    if path.startswith(EXPORT_AREA):
        return "exports"
    return "pages"


def _served_files(site_dir: Path) -> Iterator[tuple[str, Path]]:
    """The site's files as site-relative paths, without the configuration and precompressed copies."""
    for file in sorted(site_dir.rglob("*")):
        path = file.relative_to(site_dir).as_posix()
        if file.is_file() and not is_configuration(path) and not _is_copy(file):
            yield path, file


def _is_copy(file: Path) -> bool:
    """A precompressed copy of a file beside it (``x.js.gz`` next to ``x.js``)."""
    return file.suffix in (".gz", ".br") and file.with_suffix("").is_file()


_SCANNER = hashlib.sha256(Path(inlinecode.__file__).read_bytes()).hexdigest()
_CODE_KINDS = ("scripts", "styles", "style_attributes")


def _inline_code_of(text: str, xml: bool) -> InlineCode:
    """:func:`inline_code`, kept in the build cache under a hash of the text and of the scanner's
    source: a later build scans only the files that changed (the scan was a third of its policy's cost)."""
    found = cached_json(
        "inline-code", lambda: [_SCANNER, "svg" if xml else "html", text],
        lambda entry: isinstance(entry, dict) and all(
            isinstance(entry.get(kind), list) and all(isinstance(value, str) for value in entry[kind]) for kind in _CODE_KINDS),
        lambda: _code_lists(inline_code(text, xml)),
    )
    return InlineCode(*(frozenset(found[kind]) for kind in _CODE_KINDS))


def _code_lists(code: InlineCode) -> dict[str, list[str]]:
    return {kind: sorted(getattr(code, kind)) for kind in _CODE_KINDS}


def build_policy(site_dir: Path, origins: tuple[str, ...] = (), base: str = "/") -> Policy:
    """The policy for the site built in ``site_dir``: hashes from its pages, its fingerprinted files."""
    pages, exports, fingerprinted, top_level = InlineCode(), InlineCode(), [], set()
    for path, file in _served_files(site_dir):
        extension = PurePosixPath(path).suffix.lstrip(".")
        if extension and extension not in CONTENT_TYPES:
            raise PolicyError(f"{path}: no content type known for .{extension} files; add one to CONTENT_TYPES in {__name__}")
        first, _, rest = path.partition("/")
        top_level.add(first + "/" if rest else first)
        if extension in ("html", "svg"):
            try:
                code = _inline_code_of(file.read_text(encoding="utf-8"), xml=extension == "svg")
            except UnsupportedMarkup as error:
                raise PolicyError(f"{path}: {error}") from None
            if area_of(path) == "exports":
                exports |= code
            else:
                pages |= code
        if is_fingerprinted(path):
            fingerprinted.append(path)
    if pages.style_attributes:
        raise PolicyError(
            f"style attributes in the site's pages need 'unsafe-hashes': {sorted(pages.style_attributes)[:3]}; "
            "use a class and a stylesheet rule instead"
        )
    immutable = _fewest_rules(fingerprinted, [path for path, _ in _served_files(site_dir)])
    return Policy(base, origins, pages, exports, tuple(fingerprinted), tuple(sorted(top_level)), immutable)


def _fewest_rules(fingerprinted: list[str], served: list[str]) -> tuple[str, ...]:
    """The fingerprinted paths, each replaced by its highest folder holding nothing else."""
    mixed = {str(PurePosixPath(path).parent) + "/" for path in served if not is_fingerprinted(path)}
    mixed = {folder for path in mixed for folder in _folders(path)}
    rules = []
    for path in fingerprinted:
        clean = [folder for folder in _folders(path) if folder not in mixed]
        rule = clean[0] if clean else path
        if rule not in rules:
            rules.append(rule)
    return tuple(rules)


def _folders(path: str) -> list[str]:
    """``a/b/c.js`` or ``a/b/`` -> ``["a/", "a/b/"]``, the top-level folder first."""
    parts = path.rstrip("/").split("/")[:-1] if not path.endswith("/") else path.rstrip("/").split("/")
    return ["/".join(parts[: n + 1]) + "/" for n in range(len(parts))]


# --- renderings ----------------------------------------------------------------------------------

_GENERATED = "Generated by guide/publish/headers.py when the site is built; edit mkdocs.yml or the module, not this file."


NGINX_VALUE_LIMIT = 4000  # nginx refuses a parameter over 4,096 bytes
HEADERS_LINE_LIMIT = 2000  # Cloudflare Pages' limits: characters in a _headers line,
HEADERS_RULE_LIMIT = 100  # and rules in a project


def nginx_include(policy: Policy) -> str:
    """Directives for inside an nginx ``server`` block whose ``root`` is the built site.

    Headers are added once, at server level, from variables that a location changes with
    ``set``: an ``add_header`` inside a location would drop every server-level one, and a
    header whose value is empty is not sent. An error page's internal redirect starts over
    from the server-level values, so a 404 gets the pages' headers."""
    base = policy.base
    types: dict[str, list[str]] = {}
    for extension, content_type in CONTENT_TYPES.items():
        types.setdefault(content_type, []).append(extension)
    charset_types = sorted(t for t in types if t.startswith(TEXT_TYPES) and t != "text/html")

    def served(path: str) -> dict[str, str]:
        headers = policy.headers_for(path)
        if headers is None:
            raise PolicyError(f"{path} is configuration, not a served file")
        return headers

    variants = {
        "pages": served("index.html"),
        "embed": served(EMBED_AREA),
        "exports": served(EXPORT_AREA),
        "immutable": {**served("index.html"), "Cache-Control": IMMUTABLE},
    }
    names = list(dict.fromkeys(name for headers in variants.values() for name in headers))
    varying = [n for n in names if len({headers.get(n, "") for headers in variants.values()}) > 1]
    variable = {name: "$guide_" + name.lower().replace("-", "_") for name in varying}

    def quoted(value: str) -> str:
        if len(value) > NGINX_VALUE_LIMIT or '"' in value:
            raise PolicyError(f"header value too long or quoted for nginx: {value[:80]}...")
        return f'"{value}"'

    def settings(variant: str) -> list[str]:
        defaults = variants["pages"]
        return [f"set {variable[n]} {quoted(variants[variant].get(n, ''))};"
                for n in varying if variants[variant].get(n, "") != defaults.get(n, "")]

    lines = [
        f"# {_GENERATED}",
        "# Include it inside a server block: root <the built site>; include <the built site>/deploy/nginx.conf;",
        f"# Site path: {base}   Origins allowed to frame {base}{EMBED_AREA}: {' '.join(policy.origins) or '(none)'}",
        "",
        "types {",
        *[f"    {content_type} {' '.join(extensions)};" for content_type, extensions in types.items()],
        "}",
        "default_type application/octet-stream;",
        "charset utf-8;",
        f"charset_types {' '.join(charset_types)};",
        "gzip_static on;  # serves x.js.gz for x.js to clients that accept gzip",
        "gzip_vary on;",
        "absolute_redirect off;",
        "server_tokens off;",
        f"error_page 404 {base}404.html;",
        "",
        "# Site pages; the locations below change what differs.",
        *[f"set {variable[n]} {quoted(variants['pages'].get(n, ''))};" for n in varying],
        *[f"add_header {n} {variable.get(n) or quoted(variants['pages'][n])} always;" for n in names],
        "",
        "# Configuration, not content.",
        f"location ^~ {base}{DEPLOY_DIR}/ {{ return 404; }}",
        f"location = {base}{HEADERS_FILE} {{ return 404; }}",
        "",
        f"location ^~ {base}{EMBED_AREA} {{",
        *[f"    {line}" for line in settings("embed")],
        "}",
        f"location ^~ {base}{EXPORT_AREA} {{",
        *[f"    {line}" for line in settings("exports")],
        "}",
        "",
        "# Files with a content hash in their name never change.",
    ]
    for rule in policy.immutable:
        selector = f"^~ {base}{rule}" if rule.endswith("/") else f"= {base}{rule}"
        lines.append(f"location {selector} {{ {' '.join(settings('immutable'))} }}")
    return "\n".join(lines) + "\n"


def headers_file(policy: Policy) -> str:
    """The same policy as a ``_headers`` file for Netlify and Cloudflare Pages.

    Rules never set the same header twice for one path: where several rules match, Cloudflare
    Pages joins repeated headers with commas (two CSPs would both apply) and Netlify lets one
    win. So the area rules are one per top-level entry, not one ``/*`` rule overridden below it.
    Files without a hash in a folder that also holds fingerprinted ones (``assets/``) keep the
    host's default caching: a rule per file would pass Cloudflare's limit of 100 rules."""
    base = policy.base
    rules: list[tuple[str, dict[str, str]]] = [(f"{base}*", policy.common_headers())]
    for entry in policy.top_level:
        headers = policy.area_headers(area_of(entry))
        if not any(path.startswith(entry) for path in policy.fingerprinted):
            headers = {**headers, "Cache-Control": REVALIDATE}
        if entry.endswith("/"):
            rules.append((f"{base}{entry}*", headers))
        elif entry == "index.html":
            rules += [(base, headers), (f"{base}{entry}", headers)]
        else:
            rules.append((f"{base}{entry}", headers))
    rules += [(f"{base}{rule}{'*' if rule.endswith('/') else ''}", {"Cache-Control": IMMUTABLE}) for rule in policy.immutable]
    lines = [f"# {_GENERATED}"]
    for pattern, headers in rules:
        lines += [pattern, *[f"  {name}: {value}" for name, value in headers.items()]]
    too_long = [line[:60] for line in lines if len(line) > HEADERS_LINE_LIMIT]
    if len(rules) > HEADERS_RULE_LIMIT or too_long:
        raise PolicyError(f"_headers passes Cloudflare Pages' limits: {len(rules)} rules, lines too long: {too_long}")
    return "\n".join(lines) + "\n"


# --- precompression ----------------------------------------------------------------------------


def precompress(site_dir: Path) -> list[Path]:
    """Write ``x.gz`` and ``x.br`` beside every compressible file where they are smaller.

    Deterministic: gzip without a name or time stamp, Brotli at a fixed quality, so two builds
    give the same bytes. A copy already there (MkDocs' sitemap.xml.gz) is replaced by the same
    content compressed the same way as the others. Copies of files an earlier build compressed
    (the theme's assets, unchanged pages) come from the build cache (:mod:`guide.data.buildcache`),
    keyed by a hash of the file and the compressor's settings, each with a hash of its own bytes
    that must match, so a damaged entry is compressed afresh (checking the hash costs a thirtieth
    of decompressing the copies)."""
    folder = cache_dir("precompressed")
    written = []
    unused = _unused_search_languages(site_dir)
    for path, file in list(_served_files(site_dir)):
        if file.suffix.lstrip(".") not in COMPRESSIBLE or path.startswith(unused):
            continue
        data = file.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        for suffix, compress in ((".gz", _gzip), (".br", _brotli)):
            target = file.with_name(file.name + suffix)
            packed = _cached_compression(folder, f"{digest}.{_SETTINGS[suffix]}{suffix}", data, compress)
            if len(packed) < len(data):
                target.write_bytes(packed)
                os.utime(target, ns=(file.stat().st_atime_ns, file.stat().st_mtime_ns))  # as nginx's docs advise
                written.append(target)
            else:
                target.unlink(missing_ok=True)
    if folder is not None:
        prune(folder)
    return written


# Material's search worker loads the files below this folder only for languages other than
# English (its word splitters and stemmers); wordcut.js alone was a quarter of a first build's
# compression time.
SEARCH_LANGUAGES = "assets/javascripts/lunr/"


def _unused_search_languages(site_dir: Path) -> tuple[str, ...]:
    """Folders no reader's browser fetches: the search languages when search is English only
    (``config.lang`` of Material's search index, English when there is no index)."""
    try:
        languages = json.loads((site_dir / "search" / "search_index.json").read_bytes())["config"]["lang"]
    except (OSError, ValueError, KeyError, TypeError):
        languages = ["en"]
    return (SEARCH_LANGUAGES,) if languages == ["en"] else ()


# What else decides the compressed bytes: the level and the library's version.
_SETTINGS = {".gz": f"gzip{GZIP_LEVEL}-zlib{zlib.ZLIB_RUNTIME_VERSION}", ".br": f"br{BROTLI_QUALITY}-{brotli.__version__}"}


_CHECKSUM_BYTES = hashlib.sha256().digest_size  # before each cached copy


def _cached_compression(folder: Path | None, name: str, data: bytes, compress: Callable[[bytes], bytes]) -> bytes:
    if folder is not None and (cached := read_entry(folder, name)) is not None:
        checksum, packed = cached[:_CHECKSUM_BYTES], cached[_CHECKSUM_BYTES:]
        if hashlib.sha256(packed).digest() == checksum:
            return packed
    packed = compress(data)
    if folder is not None:
        write_entry(folder, name, hashlib.sha256(packed).digest() + packed)
    return packed


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def _brotli(data: bytes) -> bytes:
    packed: bytes = brotli.compress(data, quality=BROTLI_QUALITY)
    return packed


# --- the build's one call -------------------------------------------------------------------------


def publish_serving_files(site_dir: Path, site_url: str | None, configured_origins: object, environment_origins: str | None,
                          *, compress: bool = True) -> Policy:
    """After the build: the policy from the built pages, ``deploy/nginx.conf`` and ``_headers``
    from it, then the precompressed copies (the build's largest cost, so ``mkdocs serve``, whose
    server never sends them, passes ``compress=False``). Raises :class:`PolicyError` on a bad setting."""
    policy = build_policy(site_dir, embed_origins(configured_origins, environment_origins), base_path(site_url))
    (site_dir / DEPLOY_DIR).mkdir(exist_ok=True)
    (site_dir / NGINX_FILE).write_text(nginx_include(policy), encoding="utf-8")
    (site_dir / HEADERS_FILE).write_text(headers_file(policy), encoding="utf-8")
    if compress:
        precompress(site_dir)
    return policy
