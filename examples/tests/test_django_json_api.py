"""Task 1, Django: plain and DRF answer 400 with field errors; Ninja answers 422."""

import datetime as dt

import pytest
from django.test import Client

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
VALID = {"name": "Ada", "email": "ada@example.com", "guests": 2, "date": TOMORROW}

pytestmark = pytest.mark.django_db


def post(client: Client, url: str, data: object) -> object:
    return client.post(url, data, content_type="application/json")


# Plain Django -------------------------------------------------------------------------


def test_plain_valid_body_creates_a_reservation(client: Client) -> None:
    response = post(client, "/reservations/", VALID)
    assert response.status_code == 201
    body = response.json()
    assert body["guests"] == 2 and body["date"] == TOMORROW
    assert client.get(f"/reservations/{body['id']}/").json() == body


def test_plain_invalid_fields_give_400_with_messages_per_field(client: Client) -> None:
    response = post(client, "/reservations/", {**VALID, "guests": 0, "email": "nope"})
    assert response.status_code == 400
    assert response.json() == {
        "errors": {
            "email": ["Enter a valid email address."],
            "guests": ["Ensure this value is greater than or equal to 1."],
        }
    }


def test_plain_past_date_and_malformed_json(client: Client) -> None:
    response = post(client, "/reservations/", {**VALID, "date": "2000-01-01"})
    assert response.status_code == 400
    assert response.json() == {"errors": {"date": ["Must not be in the past."]}}

    for body, message in [
        ("{not json", "Body must be JSON in UTF-8."),
        (b"\xff\xfe{}", "Body must be JSON in UTF-8."),
        ("[1, 2]", "Body must be a JSON object."),
    ]:
        response = client.post("/reservations/", body, content_type="application/json")
        assert response.status_code == 400
        assert response.json() == {"errors": {"__all__": [message]}}


def test_plain_wrong_method_and_unknown_id(client: Client) -> None:
    assert client.get("/reservations/").status_code == 405
    response = client.get("/reservations/999999/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Reservation not found"}


# Django REST Framework ----------------------------------------------------------------


def test_drf_valid_body_creates_a_reservation(client: Client) -> None:
    response = post(client, "/reservations/drf/", VALID)
    assert response.status_code == 201
    assert (
        client.get(f"/reservations/drf/{response.json()['id']}/").json()
        == response.json()
    )


def test_drf_invalid_fields_give_400_with_messages_per_field(client: Client) -> None:
    response = post(
        client, "/reservations/drf/", {**VALID, "guests": 0, "date": "2000-01-01"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "guests": ["Ensure this value is greater than or equal to 1."],
        "date": ["Must not be in the past."],
    }


def test_drf_body_nested_too_deep_is_400_not_500(client: Client) -> None:
    deep = "[" * 100_000 + "]" * 100_000  # past Python's recursion limit
    response = client.post("/reservations/drf/", deep, content_type="application/json")
    assert response.status_code == 400


def test_drf_malformed_json_and_unknown_id(client: Client) -> None:
    response = client.post(
        "/reservations/drf/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error")
    response = client.get("/reservations/drf/999999/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Reservation not found"}


# Django Ninja -------------------------------------------------------------------------


def test_ninja_valid_body_creates_a_reservation(client: Client) -> None:
    response = post(client, "/api/reservations", VALID)
    assert response.status_code == 201
    assert (
        client.get(f"/api/reservations/{response.json()['id']}").json()
        == response.json()
    )


def test_ninja_invalid_fields_give_422_like_fastapi(client: Client) -> None:
    response = post(client, "/api/reservations", {**VALID, "guests": 0})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "data", "guests"]
    assert error["type"] == "greater_than_equal"


def test_ninja_body_that_is_not_an_object_is_400(client: Client) -> None:
    for body in ["null", "[1, 2]", "{not json"]:
        response = client.post(
            "/api/reservations", body, content_type="application/json"
        )
        assert response.status_code == 400
        assert response.json() == {"detail": "Cannot parse request body"}


def test_ninja_unknown_id_is_404(client: Client) -> None:
    response = client.get("/api/reservations/999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Reservation not found"}
