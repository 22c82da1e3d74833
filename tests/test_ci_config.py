"""The CI workflow cannot be changed from outside and leaves no credentials behind: every
third-party action is pinned to a full commit with its tag beside it, checkouts keep no token,
and Dependabot proposes updates for the actions and every package file."""

from __future__ import annotations

import re

import yaml

from helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:- )?uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40}) # (?P<tag>v\d+(?:\.\d+){0,2})\s*$")


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_every_action_is_pinned_to_a_commit_with_its_tag():
    assert WORKFLOWS
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"^\s*(- )?uses:", line) and "uses: ./" not in line:
                assert PINNED.match(line), f"{path.name}: not pinned to a commit with its tag: {line.strip()}"


def test_checkouts_leave_no_credentials_in_git_config():
    for path in WORKFLOWS:
        checkouts = [s for s in steps(yaml.safe_load(path.read_text())) if s.get("uses", "").startswith("actions/checkout@")]
        assert checkouts, path.name
        for step in checkouts:
            assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: {step}"


def test_dependabot_watches_actions_and_every_package_file():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text())
    assert config["version"] == 2
    watched = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert watched == {("github-actions", "/"), ("pip", "/"), ("pip", "/examples"), ("npm", "/")}
    for ecosystem, directory in watched:
        folder = ROOT / directory.strip("/")
        if ecosystem == "pip":
            assert list(folder.glob("requirements*.txt")), directory
        if ecosystem == "npm":
            assert (folder / "package.json").is_file() and (folder / "package-lock.json").is_file()
    # every requirements file of the project is in a watched folder
    for requirements in ROOT.glob("**/requirements*.txt"):
        folder = requirements.parent.relative_to(ROOT)
        if folder.parts[:1] in ((".venv",), ("node_modules",)):
            continue
        assert ("pip", "/" + folder.as_posix().removeprefix(".")) in watched, requirements
