"""Task 5, Django + Celery: enqueued on commit; eager mode runs the task inline."""

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from config.celery import app as celery_app
from newsletter.models import Subscriber
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


def subscribe(client: Client, email: str) -> object:
    return client.post(
        "/newsletter/subscriptions/", {"email": email}, content_type="application/json"
    )


def test_subscribing_sends_the_welcome_email_after_commit(
    client: Client, eager_celery: None, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = subscribe(client, "ada@example.com")
        assert mail.outbox == []  # nothing is sent before the transaction commits
    assert response.status_code == 202
    assert len(callbacks) == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["ada@example.com"], "Welcome to the newsletter")
    ]
    assert Subscriber.objects.get(email="ada@example.com").welcomed_at is not None


@pytest.mark.django_db(transaction=True)  # real commits, as in production
def test_the_job_is_handed_to_the_broker_only_once_the_subscriber_is_committed(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed_over = []

    def delay(subscriber_id: int) -> None:
        handed_over.append(
            (
                connection.in_atomic_block,
                Subscriber.objects.filter(pk=subscriber_id).exists(),
            )
        )

    monkeypatch.setattr(send_welcome_email, "delay", delay)
    assert subscribe(client, "ada@example.com").status_code == 202
    assert handed_over == [(False, True)]  # outside the transaction, row visible


def test_subscribing_twice_sends_one_email(
    client: Client, eager_celery: None, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        subscribe(client, "ada@example.com")
        subscribe(client, "ada@example.com")
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1


def test_invalid_email_enqueues_nothing(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        response = subscribe(client, "nope")
    assert response.status_code == 400
    assert response.json() == {"email": ["Enter a valid email address."]}
    assert callbacks == []


def test_a_job_delivered_twice_sends_one_email() -> None:
    """Late acknowledgement delivers at least once: the task skips what was done."""
    subscriber = Subscriber.objects.create(email="grace@example.com")
    send_welcome_email.apply(args=[subscriber.pk]).get()  # runs here, no broker
    send_welcome_email.apply(args=[subscriber.pk]).get()
    assert [m.to for m in mail.outbox] == [["grace@example.com"]]


def test_jobs_are_acknowledged_late_so_a_lost_worker_does_not_lose_them() -> None:
    assert celery_app.conf.task_acks_late is True
    assert celery_app.conf.task_reject_on_worker_lost is True
    assert celery_app.conf.worker_prefetch_multiplier == 1
