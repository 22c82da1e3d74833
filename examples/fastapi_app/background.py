"""Task 5: a background job with BackgroundTasks (in-process, after the response)."""

from fastapi import BackgroundTasks, FastAPI, status
from pydantic import BaseModel, Field

from fastapi_app.errors import HANDLERS

app = FastAPI(title="Newsletter", exception_handlers=HANDLERS)

# Stand-in for an email provider: the job appends here instead of sending mail.
outbox: list[dict[str, str]] = []


class Subscription(BaseModel):
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def send_welcome_email(email: str) -> None:
    # Runs in the same process, after the response has gone out. If the process dies
    # first, the job is lost: there is no queue, retry or result store.
    outbox.append({"to": email, "subject": "Welcome to the newsletter"})


@app.post("/subscriptions", status_code=status.HTTP_202_ACCEPTED)
def subscribe(data: Subscription, background_tasks: BackgroundTasks) -> dict[str, str]:
    background_tasks.add_task(send_welcome_email, data.email)
    return {"status": "subscribed", "email": data.email}
