"""Task 5: the job, a Celery task. A worker process runs it, not the web process."""

from celery import shared_task
from django.core.mail import send_mail
from django.utils import timezone

from newsletter.models import Subscriber


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_welcome_email(subscriber_id: int) -> None:
    # Late acknowledgement (settings.py) can deliver a job twice: skip what was done.
    subscriber = Subscriber.objects.get(pk=subscriber_id)  # committed: see views.py
    if subscriber.welcomed_at is not None:
        return
    send_mail(
        subject="Welcome to the newsletter",
        message="Thanks for subscribing.",
        from_email=None,  # DEFAULT_FROM_EMAIL
        recipient_list=[subscriber.email],
    )
    subscriber.welcomed_at = timezone.now()
    subscriber.save(update_fields=["welcomed_at"])
