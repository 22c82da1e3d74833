"""Tasks 2 and 8, FastAPI: CRUD over a migrated SQLite database, fresh per test."""

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi.testclient import TestClient

from fastapi_app.auth import User, current_user
from fastapi_app.crud import app
from fastapi_app.db import get_session
from fastapi_app.models import Base

DUNE = {"title": "Dune", "author": "Frank Herbert", "year": 1965}


@pytest.fixture
def anonymous(test_session) -> Iterator[TestClient]:
    # Swap the real session dependency for one bound to the test database.
    app.dependency_overrides[get_session] = test_session
    with TestClient(app) as client:
        yield client
    app.dependency_overrides.clear()


@pytest.fixture
def client(anonymous: TestClient) -> TestClient:
    # Signed in without a token: the dependency that checks it is swapped too.
    app.dependency_overrides[current_user] = lambda: User(username="alice")
    return anonymous


def test_create_then_read(client: TestClient) -> None:
    created = client.post("/books", json=DUNE)
    assert created.status_code == 201
    book = created.json()
    assert book == {"id": 1, **DUNE}
    assert client.get(f"/books/{book['id']}").json() == book
    assert client.get("/books").json() == [book]


def test_update_changes_only_the_fields_sent(client: TestClient) -> None:
    book_id = client.post("/books", json=DUNE).json()["id"]
    response = client.patch(f"/books/{book_id}", json={"year": 1966})
    assert response.status_code == 200
    assert response.json() == {"id": book_id, **DUNE, "year": 1966}


def test_a_field_sent_as_null_is_refused_not_stored(client: TestClient) -> None:
    book_id = client.post("/books", json=DUNE).json()["id"]
    response = client.patch(f"/books/{book_id}", json={"title": None})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "title"]
    assert client.get(f"/books/{book_id}").json()["title"] == "Dune"


def test_delete_then_404(client: TestClient) -> None:
    book_id = client.post("/books", json=DUNE).json()["id"]
    assert client.delete(f"/books/{book_id}").status_code == 204
    response = client.get(f"/books/{book_id}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Book not found"}


def test_invalid_book_is_rejected_before_the_database(client: TestClient) -> None:
    response = client.post("/books", json={**DUNE, "title": "", "year": -5})
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["detail"]} == {"title", "year"}
    assert client.get("/books").json() == []


def test_anyone_reads_but_only_a_signed_in_user_writes(anonymous: TestClient) -> None:
    assert anonymous.get("/books").status_code == 200
    assert anonymous.post("/books", json=DUNE).status_code == 401
    assert anonymous.patch("/books/1", json={"year": 1}).status_code == 401
    assert anonymous.delete("/books/1").status_code == 401
    assert anonymous.get("/books").json() == []


def test_each_test_starts_with_an_empty_database(client: TestClient) -> None:
    assert client.get("/books").json() == []


def test_migrations_match_the_models(migrated_engine) -> None:
    # The Alembic counterpart of `manage.py makemigrations --check`.
    with migrated_engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
