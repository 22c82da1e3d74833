"""Data files from a careless or hostile pull request: each mistake is reported as
``data/FILE.yml:LINE:COLUMN: message (hint)``, never as a traceback, a hang or silently
accepted data. Like test_validation.py, each test edits one thing in a copy of the real data."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest
import yaml

from guide.data import yamlsource
from guide.data.validate import DATA_FILES
from helpers import ROOT, DataCopy


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)


def append(data: DataCopy, file: str, text: str) -> int:
    """Add ``text`` at the end of a data file; return the line it starts on."""
    path = data.root / "data" / file
    old = path.read_text(encoding="utf-8")
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


# --- references and tags -------------------------------------------------------------------


def test_alias_bomb_is_refused_at_its_first_anchor_at_once(data):
    bomb = ['bomb0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    bomb += [f"bomb{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    line = append(data, "claims.yml", "\n".join(bomb) + "\n")
    started = time.perf_counter()
    messages = data.messages()
    assert time.perf_counter() - started < 10  # before: no answer after minutes, 4.5 GB and growing
    assert messages == [
        f"data/claims.yml:{line}:8: bomb0: the anchor `&a0` names a value for reuse, which is not allowed "
        "(remove the anchor and write out each value where it is needed)"
    ]


def test_alias_is_refused(data):
    line = data.edit("frameworks.yml", "    licence: BSD-3-Clause", "    licence: *mit")
    assert data.messages() == [
        f"data/frameworks.yml:{line}:14: frameworks[1].licence: the alias `*mit` repeats another value by reference, "
        "which is not allowed (write the value out in full where it is needed)"
    ]


def test_merge_key_is_refused(data):
    line = data.edit("frameworks.yml", "    licence: MIT\n", "    <<: {licence: MIT}\n")
    assert data.messages() == [
        f"data/frameworks.yml:{line}:5: frameworks[0]: the merge key `<<` copies another mapping's keys, "
        "which is not allowed (write the keys out in full)"
    ]


@pytest.mark.parametrize("tagged, shown", [
    ('!!python/object/apply:os.system ["echo owned"]', "!!python/object/apply:os.system"),
    ("!!str MIT", "!!str"),  # would pass silently before: the tag was dropped, the text kept
    ("!!binary TUlU", "!!binary"),
    ("!licence MIT", "!licence"),
])
def test_explicit_tag_is_refused(data, tagged, shown):
    line = data.edit("frameworks.yml", "    licence: MIT", f"    licence: {tagged}")
    assert data.messages() == [
        f"data/frameworks.yml:{line}:14: frameworks[0].licence: the tag `{shown}` is not allowed "
        "(remove it: values are plain text, numbers, dates, lists or mappings; put text that starts with `!` in quotes)"
    ]


def test_tag_on_a_list_is_refused(data):
    line = data.edit("frameworks.yml", "frameworks:\n", "frameworks: !!set\n")
    [message] = data.messages()
    assert message.startswith(f"data/frameworks.yml:{line}:13: frameworks: the tag `!!set` is not allowed")


def test_a_second_document_is_refused(data):
    line = append(data, "frameworks.yml", "---\nframeworks: []\n")
    assert data.messages() == [
        f"data/frameworks.yml:{line}:1: a data file holds one YAML document, and a second one starts here "
        "(remove the second `---` line, or move what follows it into the first document)"
    ]


# --- bytes and nesting ---------------------------------------------------------------------


def test_bytes_that_are_not_utf8_name_the_file_line_and_column(data):
    path = data.root / "data" / "frameworks.yml"
    text = path.read_text(encoding="utf-8")
    line = text[:text.index("    licence: MIT")].count("\n") + 1
    path.write_bytes(text.replace("    licence: MIT", "    licence: M\xc9T").encode("latin-1"))
    assert data.messages() == [
        f"data/frameworks.yml:{line}:15: byte 0xc9 is not UTF-8 text "
        "(save the file as UTF-8; this byte may come from text pasted from another program)"
    ]


def test_a_list_nested_3000_deep_is_a_data_error(data):
    line = append(data, "claims.yml", "deep: " + "[" * 3000 + "]" * 3000 + "\n")
    assert data.messages() == [
        f"data/claims.yml:{line}:26: this value is nested more than 20 levels deep "
        "(no data file needs that many: check the indentation and that every bracket is closed)"
    ]


def test_block_nesting_counts_too(data):
    lines = "".join("  " * depth + "- \n" for depth in range(40))
    line = append(data, "claims.yml", "deep:\n" + lines)
    [message] = data.messages()
    assert message.startswith(f"data/claims.yml:{line + 20}:39: this value is nested more than 20 levels deep")


def test_an_oversized_file_is_refused_before_parsing(data):
    append(data, "claims.yml", "# padding\n" * 1_700_000)
    [message] = data.messages()
    assert re.fullmatch(
        r"data/claims\.yml:1:1: the file is [\d,]+ bytes long; a data file may be at most 16,777,216 "
        r"\(check that nothing was pasted in by mistake; a longer list belongs in a new file\)", message)


def test_a_long_number_like_text_stays_text_and_is_quick(data):
    # 20,000 parts of a base-60 integer would take minutes to compute
    line = data.edit("frameworks.yml", '    version: "0.165"', "    version: " + ":".join(["1"] * 20_000))
    started = time.perf_counter()
    messages = data.messages()
    assert time.perf_counter() - started < 10
    # read as text, so the message is about its length, not "expected text, got a number"
    assert messages == [f"data/frameworks.yml:{line}:14: frameworks[0].version: is 39999 characters long; at most 160 fit "
                        "(keep it to one line; move detail into `detail`)"]


# --- characters ----------------------------------------------------------------------------


BIDI_AND_INVISIBLE = [
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that can make text display in another order than it is written"),
    ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE, a bidirectional control that can make text display in another order than it is written"),
    ("\u200b", "U+200B ZERO WIDTH SPACE, an invisible formatting character"),
    ("\u2028", "U+2028 LINE SEPARATOR, a line separator, which breaks lines only in some programs"),
    ("\x07", "U+0007, a control character"),
    ("\x9b", "U+009B, a control character"),
    ("\r", "U+000D, a control character"),
]


@pytest.mark.parametrize("character, described", BIDI_AND_INVISIBLE)
def test_refused_character_written_as_itself_is_reported_where_it_stands(data, character, described):
    line = data.edit("frameworks.yml", "    licence: MIT", f"    licence: M{character}IT")
    assert data.messages() == [
        f"data/frameworks.yml:{line}:15: contains {described} (delete it; if it came with pasted text, retype that text)"
    ]


def test_bidi_control_in_a_comment_is_refused_too(data):
    # a reviewer reads the diff, where an override can hide what a line really says
    line = data.edit("frameworks.yml", "frameworks:\n", "frameworks:  # note \u202e\n")
    [message] = data.messages()
    assert message.startswith(f"data/frameworks.yml:{line}:21: contains U+202E RIGHT-TO-LEFT OVERRIDE")


@pytest.mark.parametrize("escape, described", [
    ("\\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\\u200b", "U+200B ZERO WIDTH SPACE"),
    ("\\a", "U+0007, a control character"),
    ("\\r", "U+000D, a control character"),
])
def test_refused_character_written_as_an_escape_is_reported_at_its_text(data, escape, described):
    line = data.edit("frameworks.yml", "    licence: MIT", f'    licence: "M{escape}IT"')
    [message] = data.messages()
    assert message.startswith(f"data/frameworks.yml:{line}:14: frameworks[0].licence: contains {described}")
    assert message.endswith("(remove the backslash escape that writes it inside the quotes, such as "
                            f"`\\u{ord(escape.encode().decode('unicode_escape')):04x}`)")


def test_escaped_bidi_control_in_an_address_is_refused(data):
    line = data.edit("frameworks.yml", "    homepage: https://fastapi.tiangolo.com/", '    homepage: "https://fastapi.tiangolo.com/\\u202e"')
    [message] = data.messages()
    assert message.startswith(f"data/frameworks.yml:{line}:15: frameworks[0].homepage: contains U+202E RIGHT-TO-LEFT OVERRIDE")


def test_windows_line_ends_tabs_and_letters_beyond_ascii_are_fine(data):
    path = data.root / "data" / "frameworks.yml"
    text = path.read_text(encoding="utf-8").replace("    licence: MIT", '    licence: "MIT\tor — naïve 日本 🚀"')
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert data.messages() == []


def test_a_byte_order_mark_is_ignored(data):
    path = data.root / "data" / "frameworks.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert data.messages() == []


# --- the reader itself ---------------------------------------------------------------------


@pytest.mark.parametrize("file", list(DATA_FILES))
def test_the_fast_parser_and_pyyaml_give_the_same_data_and_positions(file):
    text = yamlsource.decode((ROOT / "data" / file).read_bytes())
    fast = yamlsource.parse_yaml(text, yamlsource.FAST_LOADER)
    python = yamlsource.parse_yaml(text, yaml.SafeLoader)
    assert fast.data == python.data
    assert fast.values == python.values and fast.keys == python.keys


def test_the_fast_parser_is_libyaml_where_pyyaml_has_it():
    assert yamlsource.FAST_LOADER is (yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader)


def test_syntax_errors_read_the_same_with_either_parser():
    text = "groups:\n  - id: x\n    title: a: b\n"
    with pytest.raises(yamlsource.YamlProblem) as fast:
        yamlsource.parse_yaml(text, yamlsource.FAST_LOADER)
    with pytest.raises(yamlsource.YamlProblem) as python:
        yamlsource.parse_yaml(text, yaml.SafeLoader)
    assert fast.value.problems == python.value.problems
    [problem] = fast.value.problems
    assert (problem.mark.line, problem.mark.column, problem.message) == (3, 13, "YAML syntax error: mapping values are not allowed here")


def test_the_command_reports_bad_bytes_without_a_traceback(data):
    (data.root / "data" / "claims.yml").write_bytes(b"claims:\n  - id: \xff\xfe\n")
    result = subprocess.run([sys.executable, "-m", "guide", "check", "--root", str(data.root)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/claims.yml:2:9: byte 0xff is not UTF-8 text" in result.stderr
