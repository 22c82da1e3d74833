"""Task 3, Django: session login (plain views), tokens (DRF and Ninja), 401/403."""

import pytest
from django.contrib.auth import hashers
from django.contrib.auth.models import User
from django.core import signing
from django.core.cache import cache
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.api_ninja import TOKEN_SALT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_throttles() -> None:
    cache.clear()  # the login throttles count in the cache, across tests too


@pytest.fixture
def alice() -> User:
    return User.objects.create_user("alice", password="wonderland-2024")


@pytest.fixture
def staff() -> User:
    return User.objects.create_user("root", password="s3cret-root-2024", is_staff=True)


def post_json(client: Client, url: str, data: object, **extra) -> object:
    return client.post(url, data, content_type="application/json", **extra)


# Plain Django: sessions ---------------------------------------------------------------


def test_plain_anonymous_is_401(client: Client) -> None:
    response = client.get("/accounts/me/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication required"}


def test_plain_wrong_password_is_401(client: Client, alice: User) -> None:
    response = post_json(
        client, "/accounts/login/", {"username": "alice", "password": "guess"}
    )
    assert response.status_code == 401


def test_plain_login_sets_a_session_cookie_that_opens_the_route(
    client: Client, alice: User
) -> None:
    response = post_json(
        client, "/accounts/login/", {"username": "alice", "password": "wonderland-2024"}
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


def test_plain_login_needs_the_csrf_token_and_a_json_client_can_get_it(
    alice: User,
) -> None:
    browser = Client(enforce_csrf_checks=True)  # checks CSRF as a real browser would
    credentials = {"username": "alice", "password": "wonderland-2024"}
    response = post_json(browser, "/accounts/login/", credentials)
    assert response.status_code == 403  # no CSRF token: refused before the view runs

    token = browser.get("/accounts/csrf/").json()["csrfToken"]  # also sets the cookie
    response = post_json(
        browser, "/accounts/login/", credentials, headers={"X-CSRFToken": token}
    )
    assert response.status_code == 200


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


def test_drf_login_is_throttled_after_five_attempts_a_minute(alice: User) -> None:
    api = APIClient()
    guesses = [
        api.post("/accounts/drf/token/", {"username": "alice", "password": f"guess{n}"})
        for n in range(6)
    ]
    assert [r.status_code for r in guesses] == [400] * 5 + [429]
    assert "Retry-After" in guesses[-1]


# Django Ninja: signed bearer tokens ---------------------------------------------------


def ninja_token(client: Client, username: str, password: str) -> object:
    return post_json(
        client, "/api/auth/token", {"username": username, "password": password}
    )


def test_ninja_token_endpoint_and_protected_routes(
    client: Client, alice: User, staff: User
) -> None:
    response = ninja_token(client, "alice", "wonderland-2024")
    assert response.status_code == 200
    assert response.json()["token_type"] == "bearer"
    headers = {"Authorization": f"Bearer {response.json()['access_token']}"}
    assert client.get("/api/auth/me", headers=headers).json() == {
        "username": "alice",
        "is_staff": False,
    }
    response = client.get("/api/auth/reports", headers=headers)
    assert response.status_code == 403
    assert response.json() == {"detail": "Staff only"}

    staff_token = ninja_token(client, "root", "s3cret-root-2024").json()["access_token"]
    response = client.get(
        "/api/auth/reports", headers={"Authorization": f"Bearer {staff_token}"}
    )
    assert response.json() == {"signups_today": 42}


def test_ninja_wrong_password_and_bad_tokens_are_401(
    client: Client, alice: User, monkeypatch
) -> None:
    assert ninja_token(client, "alice", "guess").status_code == 401
    forged = signing.dumps(alice.pk, salt=TOKEN_SALT, key="not-the-secret-key-" * 3)
    other_salt = signing.dumps(alice.pk, salt="some.other.purpose")
    for token in ["not-a-token", forged, other_salt]:
        response = client.get(
            "/api/auth/me", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 401
        assert response.json() == {"detail": "Unauthorized"}

    issued = signing.dumps(alice.pk, salt=TOKEN_SALT)
    monkeypatch.setattr("accounts.api_ninja.TOKEN_LIFETIME", -1)  # now long expired
    response = client.get("/api/auth/me", headers={"Authorization": f"Bearer {issued}"})
    assert response.status_code == 401


def test_ninja_login_is_throttled_after_five_attempts_a_minute(
    client: Client, alice: User
) -> None:
    guesses = [ninja_token(client, "alice", f"guess{n}") for n in range(6)]
    assert [r.status_code for r in guesses] == [401] * 5 + [429]


# Every login: the same hashing work for unknown and known users ---------------------


def logins(client: Client, username: str, password: str) -> list[object]:
    """One login attempt through each Django variant."""
    credentials = {"username": username, "password": password}
    return [
        post_json(client, "/accounts/login/", credentials),
        post_json(client, "/accounts/drf/token/", credentials),
        post_json(client, "/api/auth/token", credentials),
    ]


@pytest.fixture
def real_hasher(settings) -> None:
    """The production hasher (the tests' settings use a fast one); before any user is made."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]


def test_login_costs_the_same_hash_for_unknown_and_known_users(
    real_hasher: None, client: Client, alice: User, monkeypatch
) -> None:
    """No timing: count the PBKDF2 runs and the iterations each one was asked for."""
    work: list[int] = []
    pbkdf2 = hashers.pbkdf2

    def counted(password, salt, iterations, *args, **kwargs):
        work.append(iterations)
        return pbkdf2(password, salt, iterations, *args, **kwargs)

    monkeypatch.setattr(hashers, "pbkdf2", counted)
    costs = {}
    for username, password in [
        ("nobody", "guess"),
        ("alice", "guess"),
        ("alice", "wonderland-2024"),
    ]:
        work.clear()
        logins(client, username, password)
        costs[username, password] = list(work)
    assert len(set(map(tuple, costs.values()))) == 1, costs
    assert len(costs["nobody", "guess"]) == 3  # one hash per variant


def test_cors_answers_a_listed_origin_only(client: Client, settings) -> None:
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-csrftoken",
    }
    allowed = settings.CORS_ALLOWED_ORIGINS[0]
    response = client.options(
        "/accounts/login/", headers={"Origin": allowed, **preflight}
    )
    assert response["Access-Control-Allow-Origin"] == allowed
    assert response["Access-Control-Allow-Credentials"] == "true"  # the session cookie
    response = client.options(
        "/accounts/login/", headers={"Origin": "https://evil.example", **preflight}
    )
    assert "Access-Control-Allow-Origin" not in response
