"""Both sides: settings come from the environment; no secret has a published default."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent
DJANGO = EXAMPLES / "django_project"


def run(
    args: list[str], env: dict[str, str], cwd=EXAMPLES
) -> subprocess.CompletedProcess:
    """Run Python in a clean environment: only what the test passes, plus PATH."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("secret", [None, "too-short"])
def test_fastapi_apps_refuse_to_start_without_a_real_secret(secret: str | None) -> None:
    env = {} if secret is None else {"FASTAPI_EXAMPLES_SECRET_KEY": secret}
    result = run(["-c", "import fastapi_app.auth"], env)
    assert result.returncode != 0
    assert "secret_key" in result.stderr


def test_fastapi_settings_are_read_from_the_environment() -> None:
    env = {
        "FASTAPI_EXAMPLES_SECRET_KEY": secrets.token_hex(32),
        "FASTAPI_EXAMPLES_ALLOWED_ORIGINS": '["https://app.example.com"]',
    }
    code = "from fastapi_app.settings import settings; print(settings.allowed_origins)"
    result = run(["-c", code], env)
    assert result.stdout.strip() == "['https://app.example.com']", result.stderr


def test_django_refuses_to_start_without_a_secret() -> None:
    result = run(["manage.py", "check"], {}, cwd=DJANGO)
    assert result.returncode != 0
    assert "Set the DJANGO_SECRET_KEY environment variable." in result.stderr


def test_django_debug_is_off_unless_asked_for() -> None:
    code = "from django.conf import settings; print(settings.DEBUG)"
    env = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(50)}
    shell = ["manage.py", "shell", "--verbosity", "0", "-c", code]
    assert run(shell, env, cwd=DJANGO).stdout.strip() == "False"
    debug = run(shell, {**env, "DJANGO_DEBUG": "1"}, cwd=DJANGO)
    assert debug.stdout.strip() == "True"


def test_django_passes_the_deployment_checklist() -> None:
    env = {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "api.example.com",
    }
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env, cwd=DJANGO
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
