"""The header policy (guide/publish/headers.py) on small made-up sites: which inline code it finds and
hashes, which headers each area gets, how the nginx include and the _headers file render it,
the wiki origins it accepts, and deterministic precompressed copies. The real site behind a
real nginx is tests/test_served.py."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import subprocess
import sys

import brotli
import pytest

from helpers import ROOT
from guide.publish.inlinecode import UnsupportedMarkup, csp_hash, inline_code
from guide.publish.headers import (
    HEADERS_FILE, IMMUTABLE, NGINX_FILE, REVALIDATE, PolicyError, base_path, build_policy,
    embed_origins, headers_file, nginx_include, precompress, publish_serving_files,
)

PAGE = """<!doctype html><html><head>
<script>var a = 1 < 2 && "&amp;";</script>
<script type="module">import "./x.js";</script>
<script id="__config" type="application/json">{"base": "."}</script>
<script src="assets/javascripts/x.js"></script>
<style>p { color: red }</style>
</head><body>
<svg><style>.n &gt; text { fill: teal }<![CDATA[ a > b ]]><!-- note --></style></svg>
<p>text</p></body></html>
"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def make_site(root, pages: dict[str, str]):
    for path, text in pages.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def directives(csp: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (d.split() for d in csp.split("; "))}


# --- inline code --------------------------------------------------------------------------------


def test_inline_code_is_what_the_browser_hashes():
    code = inline_code(PAGE)
    # Raw text for HTML script and style (references stay as written); data blocks and files are left out.
    assert code.scripts == {'var a = 1 < 2 && "&amp;";', 'import "./x.js";'}
    # Inside SVG a style's text is parsed: references decoded, CDATA unwrapped, comments dropped.
    assert code.styles == {"p { color: red }", ".n > text { fill: teal } a > b "}
    assert code.style_attributes == frozenset()


def test_style_attributes_are_found_with_their_values_decoded():
    code = inline_code('<p style="color: red">a</p><img style="width:1px&quot;" src="x"/><br style=\'a:b\' />')
    assert code.style_attributes == {"color: red", 'width:1px"', "a:b"}


def test_line_breaks_are_normalised_before_hashing():
    assert inline_code("<script>a;\r\nb;\rc;</script>").scripts == {"a;\nb;\nc;"}


def test_markup_inside_text_elements_and_attribute_values_is_not_code():
    page = ("<title><script>t()</script></title><textarea><p style='a'></textarea><noscript><script>n()</script></noscript>"
            '<a title="<script>v()</script>" href="x">link</a><p data-x=\'<style>s{}</style>\'>p</p>')
    assert inline_code(page) == inline_code("")


def test_scripts_read_as_a_browser_tokenizes_them():
    # "</script" ends the text only before a space, "/" or ">"; HTML ignores a self-closing slash on
    # <script>; an unclosed script runs to the end; the first of two style attributes counts.
    code = inline_code('<script/>a("</scripts>")</script ><p style="x" STYLE="y"><script>tail()')
    assert code.scripts == {'a("</scripts>")', "tail()"}
    assert code.style_attributes == {"x"}


def test_inline_code_it_cannot_read_as_a_browser_does_fails_loudly():
    with pytest.raises(UnsupportedMarkup, match="<!--"):
        inline_code("<script>if (a <!--b) {}</script>")
    with pytest.raises(UnsupportedMarkup, match="SVG or MathML"):
        inline_code("<svg><style>a{}<p>b</p></style></svg>")


def test_tags_that_never_close_take_one_pass():
    """Possessive patterns: a hostile page of half-open tags is read in linear time, not stalled."""
    page = ("<a " + "b" * 60 + " " + "c=" * 2000 + '"' + "<p '") * 200 + "'>" + "<script>x()</script>"
    assert inline_code(page).scripts == {"x()"}
    for unclosed in ('<a x="', "<a", "<!", "</b", "<svg><![CDATA["):  # each runs to the end, as in a browser
        assert inline_code("<script>x()</script>" + unclosed * 50_000 + "<script>y()</script>").scripts == {"x()"}


def test_csp_hash_is_base64_sha256_of_the_utf8_text():
    assert csp_hash("alert('é');") == "'sha256-" + base64.b64encode(hashlib.sha256("alert('é');".encode()).digest()).decode() + "'"


# --- the policy ----------------------------------------------------------------------------------


@pytest.fixture
def small_site(tmp_path):
    return make_site(tmp_path / "site", {
        "index.html": PAGE,
        "guide/index.html": "<script>var b;</script>",
        "embed/table/index.html": "<script>var theme;</script>",
        "exports/table.html": '<table style="border:0"><td style="padding:2px">x</td></table>',
        "exports/table.csv": "a,b\n",
        "assets/javascripts/bundle.0123abcd.min.js": "bundle();" * 50,
        "assets/javascripts/guide.js": "guide();" * 50,
        "assets/javascripts/workers/search.89abcdef.min.js": "search();" * 50,
        "assets/stylesheets/main.fedcba98.min.css": "p{}" * 50,
        "search/search_index.json": "{}",
    })


def test_every_page_shares_one_set_of_hashes_and_embeds_add_the_allowed_origins(small_site):
    policy = build_policy(small_site, ("https://wiki.example.com",))
    page = directives(policy.headers_for("guide/")["Content-Security-Policy"])
    embed = directives(policy.headers_for("embed/table/")["Content-Security-Policy"])
    expected_scripts = sorted(sha(s) for s in ['var a = 1 < 2 && "&amp;";', 'import "./x.js";', "var b;", "var theme;"])
    assert page["script-src"] == ["'self'", *expected_scripts]  # instant navigation: any page's scripts on any page
    assert page["style-src"][0] == "'self'" and len(page["style-src"]) == 3
    assert page["default-src"] == ["'self'"] and page["worker-src"] == ["'self'"] and page["object-src"] == ["'none'"]
    assert page["frame-ancestors"] == ["'self'"]
    assert embed["frame-ancestors"] == ["'self'", "https://wiki.example.com"]
    assert {k: v for k, v in embed.items() if k != "frame-ancestors"} == {k: v for k, v in page.items() if k != "frame-ancestors"}
    assert policy.headers_for("guide/")["X-Frame-Options"] == "SAMEORIGIN"
    assert "X-Frame-Options" not in policy.headers_for("embed/table/")  # it cannot name the wiki
    assert "'unsafe-inline'" not in str(page) and "'unsafe-hashes'" not in str(page)


def test_without_allowed_origins_embeds_are_framed_only_by_the_site(small_site):
    headers = build_policy(small_site).headers_for("embed/table/")
    assert directives(headers["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    assert headers["X-Frame-Options"] == "SAMEORIGIN"


def test_exports_allow_their_style_attributes_by_hash_and_nothing_else(small_site):
    headers = build_policy(small_site).headers_for("exports/table.html")
    csp = directives(headers["Content-Security-Policy"])
    assert csp["default-src"] == ["'none'"] and "script-src" not in csp
    assert csp["style-src"] == ["'unsafe-hashes'", *sorted([sha("border:0"), sha("padding:2px")])]
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_svg_files_are_documents_whose_styles_get_hashes_too(small_site):
    svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><style>a &gt; b { }</style></svg>'
    make_site(small_site, {"exports/chart.svg": svg, "assets/images/logo.svg": svg})
    policy = build_policy(small_site)
    assert sha("a > b { }") in directives(policy.headers_for("exports/chart.svg")["Content-Security-Policy"])["style-src"]
    assert sha("a > b { }") in directives(policy.headers_for("guide/")["Content-Security-Policy"])["style-src"]


def test_a_style_attribute_on_a_site_page_stops_the_build(small_site):
    (small_site / "guide" / "index.html").write_text('<p style="color:red">x</p>')
    with pytest.raises(PolicyError, match="style attributes"):
        build_policy(small_site)


def test_a_file_type_without_a_known_content_type_stops_the_build(small_site):
    (small_site / "data.xyz").write_text("?")
    with pytest.raises(PolicyError, match=r"\.xyz"):
        build_policy(small_site)


def test_fingerprinted_files_are_immutable_and_everything_else_revalidates(small_site):
    policy = build_policy(small_site)
    assert policy.headers_for("assets/javascripts/bundle.0123abcd.min.js")["Cache-Control"] == IMMUTABLE
    assert policy.headers_for("assets/stylesheets/main.fedcba98.min.css")["Cache-Control"] == IMMUTABLE
    for path in ("", "guide/", "assets/javascripts/guide.js", "search/search_index.json", "embed/table/", "exports/table.csv"):
        assert policy.headers_for(path)["Cache-Control"] == REVALIDATE, path
    # A folder holding only fingerprinted files is one rule; a mixed one lists its files.
    assert "assets/javascripts/workers/" in policy.immutable
    assert "assets/javascripts/bundle.0123abcd.min.js" in policy.immutable


def test_configuration_is_not_served(small_site):
    policy = build_policy(small_site)
    assert policy.headers_for(NGINX_FILE) is None and policy.headers_for(HEADERS_FILE) is None


# --- renderings ----------------------------------------------------------------------------------


def test_nginx_include_sets_each_header_once_and_locations_change_values(small_site):
    policy = build_policy(small_site, ("https://wiki.example.com",))
    text = nginx_include(policy)
    assert text.count("add_header Content-Security-Policy ") == 1
    assert "location ^~ /deploy/ { return 404; }" in text and "location = /_headers { return 404; }" in text
    assert "gzip_static on;" in text and "text/javascript js mjs;" in text
    embed_block = text.split("location ^~ /embed/ {")[1].split("}")[0]
    assert "https://wiki.example.com" in embed_block and 'set $guide_x_frame_options "";' in embed_block
    assert f'location = /assets/javascripts/bundle.0123abcd.min.js {{ set $guide_cache_control "{IMMUTABLE}"; }}' in text
    assert "location ^~ /assets/javascripts/workers/ {" in text


def test_a_site_under_a_path_gets_its_locations_under_that_path(small_site):
    policy = build_policy(small_site, (), base_path("https://intranet.example/guide"))
    text = nginx_include(policy)
    assert "location ^~ /guide/embed/ {" in text and "error_page 404 /guide/404.html;" in text
    assert "/guide/*\n" in headers_file(policy)


def test_headers_file_never_sets_a_header_twice_for_one_path(small_site):
    policy = build_policy(small_site, ("https://wiki.example.com",))
    rules = parse_rules(headers_file(policy))
    for path in ("/", "/guide/", "/embed/table/", "/exports/table.csv", "/assets/javascripts/bundle.0123abcd.min.js",
                 "/assets/javascripts/guide.js", "/assets/javascripts/workers/search.89abcdef.min.js", "/search/search_index.json"):
        seen: dict[str, str] = {}
        for pattern, headers in rules:
            if pattern.endswith("*") and path.startswith(pattern[:-1]) or pattern == path:
                assert not set(seen) & set(headers), (path, pattern)
                seen.update(headers)
        expected = policy.headers_for(path.lstrip("/"))
        if "Cache-Control" not in seen:  # left to the host's default, which revalidates
            assert expected.pop("Cache-Control") == REVALIDATE, path
        assert seen == expected, path


def parse_rules(text: str):
    rules = []
    for line in text.splitlines():
        if line.startswith("/"):
            rules.append((line, {}))
        elif line.startswith("  "):
            name, _, value = line.strip().partition(": ")
            rules[-1][1][name] = value
    return rules


def test_renderings_stay_within_nginx_and_cloudflare_limits(small_site):
    for n in range(150):  # many pages, each its own top-level folder
        make_site(small_site, {f"page-{n}/index.html": f"<script>var p{n};</script>"})
    with pytest.raises(PolicyError, match="Cloudflare"):
        headers_file(build_policy(small_site))


# --- settings ------------------------------------------------------------------------------------


def test_origins_come_from_mkdocs_yml_and_the_environment_together():
    assert embed_origins(["https://wiki.example.com/"], "https://example.atlassian.net, http://localhost:8090") == (
        "https://wiki.example.com", "https://example.atlassian.net", "http://localhost:8090",
    )
    assert embed_origins(None, None) == () and embed_origins([], " ") == ()
    assert embed_origins(["https://*.example.com"], "https://*.example.com") == ("https://*.example.com",)


@pytest.mark.parametrize("origin", [
    "wiki.example.com", "ftp://wiki.example.com", "https://wiki.example.com/path", "https://a.com;script-src",
    'https://a.com"', "https://a.com'", "*", "'self'", "https://",
])
def test_anything_but_an_origin_is_refused(origin):
    with pytest.raises(PolicyError, match="not an origin"):
        embed_origins([origin], None)


def test_origins_setting_must_be_a_list():
    with pytest.raises(PolicyError, match="list"):
        embed_origins("https://wiki.example.com", None)


# --- precompressed copies ------------------------------------------------------------------------


def test_precompressed_copies_are_smaller_exact_and_the_same_every_time(small_site):
    publish_serving_files(small_site, "http://127.0.0.1:8000/", [], None)
    first = {p: p.read_bytes() for p in small_site.rglob("*") if p.suffix in (".gz", ".br")}
    original = small_site / "assets/javascripts/guide.js"
    assert gzip.decompress(first[original.with_name("guide.js.gz")]) == original.read_bytes()
    assert brotli.decompress(first[original.with_name("guide.js.br")]) == original.read_bytes()
    assert first[original.with_name("guide.js.gz")][4:8] == b"\0\0\0\0"  # no time stamp
    assert not (small_site / "search/search_index.json.gz").exists()  # "{}" does not shrink
    assert not any(p.parent.name == "deploy" or p.name.startswith(HEADERS_FILE) for p in first)
    precompress(small_site)
    assert {p: p.read_bytes() for p in small_site.rglob("*") if p.suffix in (".gz", ".br")} == first


@pytest.mark.parametrize(("languages", "compressed"), [(["en"], False), (["en", "th"], True)])
def test_search_languages_are_compressed_only_when_search_uses_them(tmp_path, languages, compressed):
    splitter = "assets/javascripts/lunr/wordcut.js"
    site = make_site(tmp_path, {
        "search/search_index.json": json.dumps({"config": {"lang": languages}, "docs": []}),
        splitter: "var wordcut = " + "[1, 2, 3], " * 500 + ";",
    })
    precompress(site)
    assert (site / f"{splitter}.br").is_file() is compressed and (site / f"{splitter}.gz").is_file() is compressed


def test_the_policy_modules_import_without_mkdocs():
    blocker = "import sys; sys.modules['mkdocs'] = None; import guide.publish.headers, guide.publish.localnginx"
    done = subprocess.run([sys.executable, "-c", blocker], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
