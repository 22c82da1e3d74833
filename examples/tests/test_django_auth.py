"""Task 3, Django: session login (plain views) and token auth (DRF), 401/403."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice() -> User:
    return User.objects.create_user("alice", password="wonderland-2024")


@pytest.fixture
def staff() -> User:
    return User.objects.create_user("root", password="s3cret-root-2024", is_staff=True)


# Plain Django: sessions ---------------------------------------------------------------


def test_plain_anonymous_is_401(client: Client) -> None:
    response = client.get("/accounts/me/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required"}


def test_plain_wrong_password_is_401(client: Client, alice: User) -> None:
    response = client.post(
        "/accounts/login/",
        {"username": "alice", "password": "guess"},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_plain_login_sets_a_session_cookie_that_opens_the_route(
    client: Client, alice: User
) -> None:
    response = client.post(
        "/accounts/login/",
        {"username": "alice", "password": "wonderland-2024"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert "sessionid" in response.cookies
    assert client.get("/accounts/me/").json() == {
        "username": "alice",
        "is_staff": False,
    }
    assert client.get("/accounts/reports/").status_code == 403


def test_plain_staff_is_allowed(client: Client, staff: User) -> None:
    client.force_login(staff)  # test shortcut: skips the login view
    assert client.get("/accounts/reports/").json() == {"signups_today": 42}


def test_plain_login_view_is_csrf_protected(alice: User) -> None:
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        "/accounts/login/",
        {"username": "alice", "password": "wonderland-2024"},
        content_type="application/json",
    )
    assert response.status_code == 403  # no CSRF token: refused before the view runs


# Django REST Framework: tokens --------------------------------------------------------


def test_drf_token_endpoint_and_protected_route(alice: User) -> None:
    api = APIClient()
    response = api.post(
        "/accounts/drf/token/",
        {"username": "alice", "password": "wonderland-2024"},
        format="json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert token == Token.objects.get(user=alice).key

    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/accounts/drf/me/").json() == {
        "username": "alice",
        "is_staff": False,
    }


def test_drf_missing_or_bad_token_is_401_with_a_challenge() -> None:
    api = APIClient()
    response = api.get("/accounts/drf/me/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {
        "detail": "Authentication credentials were not provided."
    }

    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.get("/accounts/drf/me/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}


def test_drf_non_staff_is_403_and_staff_is_allowed(alice: User, staff: User) -> None:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=alice).key}")
    response = api.get("/accounts/drf/reports/")
    assert response.status_code == 403
    assert response.json() == {
        "detail": "You do not have permission to perform this action."
    }

    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=staff).key}")
    assert api.get("/accounts/drf/reports/").json() == {"signups_today": 42}
