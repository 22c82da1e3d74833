"""Task 1, FastAPI: invalid bodies get 422 with a list of problems; unknown ids 404."""

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from fastapi_app.json_api import app

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
VALID = {"name": "Ada", "email": "ada@example.com", "guests": 2, "date": TOMORROW}


@pytest.fixture
def client() -> TestClient:
    return TestClient(app)


def test_valid_body_creates_a_reservation(client: TestClient) -> None:
    response = client.post("/reservations", json=VALID)
    assert response.status_code == 201
    body = response.json()
    assert body["id"] >= 1
    assert body["guests"] == 2
    assert client.get(f"/reservations/{body['id']}").json() == body


def test_invalid_fields_give_422_with_one_entry_per_problem(client: TestClient) -> None:
    response = client.post(
        "/reservations", json={**VALID, "guests": 0, "email": "not-an-email"}
    )
    assert response.status_code == 422
    problems = {
        tuple(error["loc"]): error["type"] for error in response.json()["detail"]
    }
    assert problems == {
        ("body", "guests"): "greater_than_equal",
        ("body", "email"): "string_pattern_mismatch",
    }


def test_custom_validator_message_is_reported(client: TestClient) -> None:
    response = client.post("/reservations", json={**VALID, "date": "2000-01-01"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "date"]
    assert "must not be in the past" in error["msg"]


def test_missing_field_and_wrong_type(client: TestClient) -> None:
    body = {k: v for k, v in VALID.items() if k != "name"} | {"guests": "two"}
    response = client.post("/reservations", json=body)
    assert response.status_code == 422
    types = {error["loc"][-1]: error["type"] for error in response.json()["detail"]}
    assert types == {"name": "missing", "guests": "int_parsing"}


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/reservations",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "json_invalid"


def test_unknown_reservation_is_404(client: TestClient) -> None:
    response = client.get("/reservations/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Reservation not found"}


def test_a_number_too_big_for_json_is_422_not_500(client: TestClient) -> None:
    # 1e400 parses to infinity; FastAPI's own 422 handler would echo it and fail.
    response = client.post(
        "/reservations",
        content=b'{"name": "Ada", "guests": 1e400}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    assert all("input" not in error for error in response.json()["detail"])
