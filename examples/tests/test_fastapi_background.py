"""Task 5, FastAPI: 202, and the background task has run when TestClient returns.

TestClient waits for the whole ASGI call, background tasks included.
"""

from fastapi.testclient import TestClient

from fastapi_app import background
from fastapi_app.background import app

client = TestClient(app)


def test_subscribing_queues_and_runs_the_welcome_email() -> None:
    background.outbox.clear()
    response = client.post("/subscriptions", json={"email": "ada@example.com"})
    assert response.status_code == 202
    assert response.json() == {"status": "subscribed", "email": "ada@example.com"}
    assert background.outbox == [
        {"to": "ada@example.com", "subject": "Welcome to the newsletter"}
    ]


def test_invalid_email_schedules_nothing() -> None:
    background.outbox.clear()
    response = client.post("/subscriptions", json={"email": "not-an-email"})
    assert response.status_code == 422
    assert background.outbox == []
