"""Task 5, Django + Celery: enqueued on commit; eager mode runs the task inline."""

import pytest
from django.core import mail
from django.test import Client

from config.celery import app as celery_app
from newsletter.tasks import send_welcome_email

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager_celery(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run tasks in the calling process instead of sending them to a broker.

    Celery 5.7 still opens a producer in eager mode, so point it at the in-memory
    transport rather than the Redis URL in settings (no redis package is installed).
    """
    monkeypatch.setitem(celery_app.conf, "broker_url", "memory://")
    monkeypatch.setitem(celery_app.conf, "task_always_eager", True)
    monkeypatch.setitem(celery_app.conf, "task_eager_propagates", True)


def test_subscribing_sends_the_welcome_email_after_commit(
    client: Client, eager_celery: None, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            "/newsletter/subscriptions/",
            {"email": "ada@example.com"},
            content_type="application/json",
        )
        assert mail.outbox == []  # nothing is sent before the transaction commits
    assert response.status_code == 202
    assert len(callbacks) == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["ada@example.com"], "Welcome to the newsletter")
    ]


def test_invalid_email_enqueues_nothing(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            "/newsletter/subscriptions/",
            {"email": "nope"},
            content_type="application/json",
        )
    assert response.status_code == 400
    assert response.json() == {"email": ["Enter a valid email address."]}
    assert callbacks == []


def test_the_task_can_be_called_directly_too() -> None:
    send_welcome_email.apply(args=["grace@example.com"]).get()  # runs here, no broker
    assert mail.outbox[0].to == ["grace@example.com"]
