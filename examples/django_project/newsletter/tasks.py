"""Task 5: the job, a Celery task. A worker process runs it, not the web process."""

from celery import shared_task
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_welcome_email(email: str) -> None:
    send_mail(
        subject="Welcome to the newsletter",
        message="Thanks for subscribing.",
        from_email=None,  # DEFAULT_FROM_EMAIL
        recipient_list=[email],
    )
