"""Tasks 2 and 8, Django: CRUD via plain views and DRF; migrations are current."""

import pytest
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from catalog.models import Book

DUNE = {"title": "Dune", "author": "Frank Herbert", "year": 1965}

# Each test runs inside a transaction that is rolled back afterwards; the test database
# itself was created once, by running the migrations.
pytestmark = pytest.mark.django_db


# Plain Django -------------------------------------------------------------------------


def test_plain_create_then_read(client: Client) -> None:
    created = client.post("/catalog/books/", DUNE, content_type="application/json")
    assert created.status_code == 201
    book = created.json()
    assert book == {"id": book["id"], **DUNE}
    assert client.get(f"/catalog/books/{book['id']}/").json() == book
    assert Book.objects.get(pk=book["id"]).title == "Dune"


def test_plain_update_and_delete(client: Client) -> None:
    book = Book.objects.create(**DUNE)
    response = client.patch(
        f"/catalog/books/{book.pk}/", {"year": 1966}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["year"] == 1966

    assert client.delete(f"/catalog/books/{book.pk}/").status_code == 204
    response = client.get(f"/catalog/books/{book.pk}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Book not found"}


def test_plain_invalid_book_is_400(client: Client) -> None:
    response = client.post(
        "/catalog/books/",
        {**DUNE, "title": "", "year": -5},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "title": ["This field is required."],
        "year": ["Ensure this value is greater than or equal to 0."],
    }
    assert not Book.objects.exists()


# Django REST Framework ----------------------------------------------------------------


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def test_drf_full_cycle(api: APIClient) -> None:
    created = api.post("/catalog/drf/books/", DUNE, format="json")
    assert created.status_code == 201
    url = f"/catalog/drf/books/{created.json()['id']}/"
    assert api.get("/catalog/drf/books/").json() == [created.json()]
    assert api.patch(url, {"year": 1966}, format="json").json()["year"] == 1966
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404


def test_drf_invalid_book_is_400(api: APIClient) -> None:
    response = api.post("/catalog/drf/books/", {**DUNE, "year": "soon"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"year": ["A valid integer is required."]}


def test_each_test_starts_with_an_empty_table() -> None:
    assert Book.objects.count() == 0


def test_migrations_are_committed_and_current() -> None:
    # Fails if a model changed without a new migration file.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
