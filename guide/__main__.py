"""Command line: ``python -m guide check`` validates the data and what the pages under docs/ may
hold (macros, snippets and raw HTML); ``python -m guide schema`` rewrites the JSON Schemas and the field
reference in CONTRIBUTING.md. Both run in well under a second and need no MkDocs build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide.data.projectcheck import check_project
from guide.publish.reference import update_contributing
from guide.publish.schema import write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide", description=__doc__)
    parser.add_argument("command", choices=["check", "schema"])
    parser.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: here)")
    args = parser.parse_args(argv)
    root = args.root
    if args.command == "schema":
        for path in write_schemas(root):
            print(f"wrote {path.relative_to(root).as_posix()}")
        if update_contributing(root / "CONTRIBUTING.md"):
            print("updated the data reference in CONTRIBUTING.md")
        return 0
    found = check_project(root, root / "docs")
    if found.file_problems:
        for problem in found.file_problems:
            print(problem, file=sys.stderr)
        print(f"check failed: {_counted(len(found.file_problems), 'error')}; nothing else was read", file=sys.stderr)
        return 1
    guide, problems = found.guide, found.page_problems + found.data_problems
    for problem in problems:
        print(problem, file=sys.stderr if problem.severity == "error" else sys.stdout)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors or guide is None:
        print(f"check failed: {_counted(errors, 'error')}, {_counted(warnings, 'warning')}", file=sys.stderr)
        return 1
    questions, outcomes = len(guide.decision.questions), len(guide.decision.outcomes)
    print(
        f"data ok: {len(guide.frameworks)} frameworks, {len(guide.groups)} groups, {len(guide.criteria)} criteria, "
        f"{questions} questions, {outcomes} outcomes, {len(guide.claims)} article claims; pages ok; "
        f"{_counted(warnings, 'warning')}"
    )
    return 0


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


if __name__ == "__main__":
    sys.exit(main())
