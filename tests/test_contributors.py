"""What contributors rely on: committed schemas and docs match the models, editors find the
schemas, and the pull-request workflow runs the same checks as `make test`."""

from __future__ import annotations

import json
import re

import jsonschema
import yaml

from helpers import ROOT
from guide.publish.reference import END, START, reference_markdown
from guide.publish.schema import SCHEMA_DIR, schema_name, schema_text
from guide.data.validate import DATA_FILES
from guide.data.yamlsource import read_yaml


def test_committed_schemas_match_the_models():
    for data_file in DATA_FILES:
        committed = (ROOT / SCHEMA_DIR / schema_name(data_file)).read_text(encoding="utf-8")
        assert committed == schema_text(data_file), f"{schema_name(data_file)} is stale: run `make schema`"


def test_every_data_file_names_its_schema_for_editors_and_validates_against_it():
    for data_file in DATA_FILES:
        path = ROOT / "data" / data_file
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=schema/{schema_name(data_file)}"
        schema = json.loads((ROOT / SCHEMA_DIR / schema_name(data_file)).read_text())
        data = json.loads(json.dumps(read_yaml(path).data, default=str))
        jsonschema.validate(data, schema)


def test_schema_catches_what_editors_should_flag():
    schema = json.loads((ROOT / SCHEMA_DIR / "frameworks.schema.json").read_text())
    bad = {"frameworks": [{"id": "x", "nmae": "typo"}]}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(bad))
    assert any("nmae" in e.message for e in errors)


def test_contributing_holds_the_current_data_reference():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index(START) + len(START): text.index(END)]
    assert section.strip() == reference_markdown(heading_level=3).strip(), "run `make schema`"


def test_reference_documents_every_field_of_every_model():
    text = reference_markdown()
    for model in DATA_FILES.values():
        for name in model.model_fields:
            assert f"| `{name}` |" in text


def test_schema_is_published_with_the_site(built_site):
    for data_file in DATA_FILES:
        published = built_site / "schema" / schema_name(data_file)
        assert published.read_text(encoding="utf-8") == schema_text(data_file)
    assert (built_site / "contributing/data-reference/index.html").is_file()


def test_workflow_runs_check_build_and_test_and_deploys_from_main():
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = " ".join(step.get("run", "") for step in workflow["jobs"]["test"]["steps"])
    for command in ("make check", "make build", "make test"):
        assert command in steps
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "test" and "refs/heads/main" in deploy["if"]
    uses = [step.get("uses", "") for step in deploy["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)


def test_issue_forms_are_valid_forms():
    for name in ("wrong-claim.yml", "add-framework.yml"):
        form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text())
        assert {"name", "description", "body"} <= set(form)
        ids = [item["id"] for item in form["body"] if "id" in item]
        assert len(ids) == len(set(ids))
        assert all(item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"} for item in form["body"])


def test_pull_request_template_has_the_contributing_checklist():
    def checklist(text):
        return [line for line in text.splitlines() if line.startswith("- [ ]")]

    contributing = checklist((ROOT / "CONTRIBUTING.md").read_text())
    template = checklist((ROOT / ".github/pull_request_template.md").read_text())
    assert template and [re.sub(r"\s+", " ", l) for l in template] == [re.sub(r"\s+", " ", l) for l in contributing]


def test_pre_commit_runs_the_data_check():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "make check" in entries
