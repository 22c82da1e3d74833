"""Task 3, FastAPI: 401 without or with a bad token, 403 for a non-admin."""

import pytest
from fastapi.testclient import TestClient

from fastapi_app.auth import app

client = TestClient(app)


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


def test_wrong_password_is_401() -> None:
    response = client.post("/token", data={"username": "alice", "password": "guess"})
    assert response.status_code == 401
    assert response.json() == {"detail": "Incorrect username or password"}


def test_no_token_is_401_with_a_bearer_challenge() -> None:
    response = client.get("/me")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {"detail": "Not authenticated"}


def test_forged_token_is_401() -> None:
    response = client.get("/me", headers={"Authorization": "Bearer not.a.jwt"})
    assert response.status_code == 401
    assert response.json() == {"detail": "Could not validate credentials"}


def test_valid_token_reaches_the_protected_route(alice: dict[str, str]) -> None:
    response = client.get("/me", headers=alice)
    assert response.status_code == 200
    assert response.json() == {"username": "alice", "is_admin": False}


def test_authenticated_but_not_allowed_is_403(alice: dict[str, str]) -> None:
    response = client.get("/reports", headers=alice)
    assert response.status_code == 403
    assert response.json() == {"detail": "Admins only"}


def test_admin_is_allowed(root: dict[str, str]) -> None:
    response = client.get("/reports", headers=root)
    assert response.status_code == 200
    assert response.json() == {"signups_today": 42}
