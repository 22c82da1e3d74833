"""Task 3, FastAPI: 401 without or with a bad token, 403 for a non-admin."""

import datetime as dt

import argon2
import jwt
import pytest
from fastapi.testclient import TestClient

from fastapi_app.auth import ALGORITHM, app
from fastapi_app.settings import settings

client = TestClient(app)
SECRET = settings.secret_key.get_secret_value()
# The default secret this example once fell back to, printed on the guide's pages.
PUBLISHED_SECRET = "change-me-in-production-32-bytes!"


def token_for(username: str, password: str) -> str:
    response = client.post("/token", data={"username": username, "password": password})
    assert response.status_code == 200
    assert response.json()["token_type"] == "bearer"
    return response.json()["access_token"]


@pytest.fixture(scope="module")
def alice() -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for('alice', 'wonderland')}"}


@pytest.fixture(scope="module")
def root() -> dict[str, str]:
    return {"Authorization": f"Bearer {token_for('root', 's3cret-root')}"}


def bearer(claims: dict, secret: str = SECRET) -> dict[str, str]:
    return {"Authorization": f"Bearer {jwt.encode(claims, secret, ALGORITHM)}"}


def in_minutes(minutes: int) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes)


def test_wrong_password_is_401() -> None:
    response = client.post("/token", data={"username": "alice", "password": "guess"})
    assert response.status_code == 401
    assert response.json() == {"detail": "Incorrect username or password"}


def test_no_token_is_401_with_a_bearer_challenge() -> None:
    response = client.get("/me")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {"detail": "Not authenticated"}


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer not.a.jwt"},
        bearer({"sub": "alice"}),  # no exp: would never expire
        bearer({"exp": in_minutes(5)}),  # no sub: whose token is it?
        bearer({"sub": ["alice"], "exp": in_minutes(5)}),  # sub must be a string
        bearer({"sub": "alice", "exp": in_minutes(-1)}),  # expired
        bearer({"sub": "mallory", "exp": in_minutes(5)}),  # no such user
        bearer({"sub": "root", "exp": in_minutes(5)}, PUBLISHED_SECRET),
    ],
    ids=["garbage", "no-exp", "no-sub", "list-sub", "expired", "unknown", "old-secret"],
)
def test_a_token_that_does_not_hold_up_is_401(headers: dict[str, str]) -> None:
    response = client.get("/me", headers=headers)
    assert response.status_code == 401
    assert response.json() == {"detail": "Could not validate credentials"}


def test_valid_token_reaches_the_protected_route(alice: dict[str, str]) -> None:
    response = client.get("/me", headers=alice)
    assert response.status_code == 200
    assert response.json() == {"username": "alice", "is_admin": False}  # no hash


def test_authenticated_but_not_allowed_is_403(alice: dict[str, str]) -> None:
    response = client.get("/reports", headers=alice)
    assert response.status_code == 403
    assert response.json() == {"detail": "Admins only"}


def test_admin_is_allowed(root: dict[str, str]) -> None:
    response = client.get("/reports", headers=root)
    assert response.status_code == 200
    assert response.json() == {"signups_today": 42}


def test_login_costs_the_same_hash_for_unknown_and_known_users(monkeypatch) -> None:
    """No timing: count the Argon2 verifications and the cost each one was asked for."""
    work: list[str] = []
    verify = argon2.PasswordHasher.verify

    def counted(self, hash: str, password: str) -> bool:
        work.append(hash.split("$")[3])  # "m=65536,t=3,p=4": memory, time, lanes
        return verify(self, hash, password)

    monkeypatch.setattr(argon2.PasswordHasher, "verify", counted)
    costs = {}
    for username, password in [
        ("nobody", "guess"),
        ("alice", "guess"),
        ("alice", "wonderland"),
    ]:
        work.clear()
        client.post("/token", data={"username": username, "password": password})
        costs[username, password] = list(work)
    assert len(set(map(tuple, costs.values()))) == 1, costs
    assert len(costs["nobody", "guess"]) == 1


def test_cors_answers_a_listed_origin_only() -> None:
    preflight = {
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
    }
    allowed = settings.allowed_origins[0]
    response = client.options("/me", headers={"Origin": allowed, **preflight})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == allowed
    response = client.options(
        "/me", headers={"Origin": "https://evil.example", **preflight}
    )
    assert "access-control-allow-origin" not in response.headers
