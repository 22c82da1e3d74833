"""Tasks 2 and 8, Django: CRUD in plain views, DRF and Ninja; migrations are current."""

import pytest
from django.contrib.auth.models import User
from django.core import signing
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from accounts.api_ninja import TOKEN_SALT
from catalog.models import Book

DUNE = {"title": "Dune", "author": "Frank Herbert", "year": 1965}

# Each test runs inside a transaction that is rolled back afterwards; the test database
# itself was created once, by running the migrations.
pytestmark = pytest.mark.django_db


@pytest.fixture
def user() -> User:
    return User.objects.create_user("alice")  # no password: these tests skip the login


# Plain Django -------------------------------------------------------------------------


@pytest.fixture
def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)  # test shortcut: a session without the login view
    return client


def test_plain_create_then_read(signed_in: Client) -> None:
    created = signed_in.post("/catalog/books/", DUNE, content_type="application/json")
    assert created.status_code == 201
    book = created.json()
    assert book == {"id": book["id"], **DUNE}
    assert signed_in.get(f"/catalog/books/{book['id']}/").json() == book
    assert Book.objects.get(pk=book["id"]).title == "Dune"


def test_plain_update_and_delete(signed_in: Client) -> None:
    book = Book.objects.create(**DUNE)
    url = f"/catalog/books/{book.pk}/"
    response = signed_in.patch(url, {"year": 1966}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["year"] == 1966

    assert signed_in.delete(url).status_code == 204
    response = signed_in.get(url)
    assert response.status_code == 404
    assert response.json() == {"detail": "Book not found"}


def test_plain_invalid_book_is_400(signed_in: Client) -> None:
    response = signed_in.post(
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


def test_plain_patch_that_is_not_a_json_object_changes_nothing(
    signed_in: Client,
) -> None:
    book = Book.objects.create(**DUNE)
    for body in ("{not json", '["title", "x"]', b"\xff\xfe"):
        response = signed_in.patch(
            f"/catalog/books/{book.pk}/", body, content_type="application/json"
        )
        assert response.status_code == 400
    book.refresh_from_db()
    assert (book.title, book.year) == ("Dune", 1965)


def test_plain_anonymous_write_is_401(client: Client) -> None:
    assert client.get("/catalog/books/").status_code == 200
    response = client.post("/catalog/books/", DUNE, content_type="application/json")
    assert response.status_code == 401
    assert not Book.objects.exists()


def test_plain_write_needs_the_csrf_token(user: User) -> None:
    browser = Client(enforce_csrf_checks=True)  # checks CSRF as a real browser would
    browser.force_login(user)
    response = browser.post("/catalog/books/", DUNE, content_type="application/json")
    assert response.status_code == 403  # a cross-site form could have sent that
    token = browser.get("/accounts/csrf/").json()["csrfToken"]
    response = browser.post(
        "/catalog/books/", DUNE, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201


# Django REST Framework ----------------------------------------------------------------


@pytest.fixture
def api(user: User) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_drf_full_cycle(api: APIClient) -> None:
    created = api.post("/catalog/drf/books/", DUNE, format="json")
    assert created.status_code == 201
    url = f"/catalog/drf/books/{created.json()['id']}/"
    assert api.get("/catalog/drf/books/").json() == [created.json()]
    assert api.patch(url, {"year": 1966}, format="json").json()["year"] == 1966
    replaced = api.put(url, {**DUNE, "title": "Dune Messiah", "year": 1969}, format="json")
    assert replaced.json()["title"] == "Dune Messiah"  # PUT: the sixth operation
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404


def test_drf_invalid_book_is_400(api: APIClient) -> None:
    response = api.post("/catalog/drf/books/", {**DUNE, "year": "soon"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"year": ["A valid integer is required."]}


def test_drf_anonymous_reads_but_cannot_write() -> None:
    anonymous = APIClient()
    book = Book.objects.create(**DUNE)
    url = f"/catalog/drf/books/{book.pk}/"
    assert anonymous.get(url).status_code == 200
    assert anonymous.post("/catalog/drf/books/", DUNE, format="json").status_code == 401
    assert anonymous.patch(url, {"year": 1}, format="json").status_code == 401
    assert anonymous.delete(url).status_code == 401
    assert Book.objects.get().year == 1965


# Django Ninja -------------------------------------------------------------------------


@pytest.fixture
def bearer(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {signing.dumps(user.pk, salt=TOKEN_SALT)}"}


def test_ninja_full_cycle(client: Client, bearer: dict[str, str]) -> None:
    created = client.post(
        "/api/books", DUNE, content_type="application/json", headers=bearer
    )
    assert created.status_code == 201
    book = created.json()
    assert book == {"id": book["id"], **DUNE}
    url = f"/api/books/{book['id']}"
    assert client.get("/api/books").json() == [book]
    changed = client.patch(
        url, {"year": 1966}, content_type="application/json", headers=bearer
    )
    assert changed.json() == {**book, "year": 1966}
    assert client.delete(url, headers=bearer).status_code == 204
    assert client.get(url).status_code == 404


def test_ninja_invalid_book_and_null_field_are_422(
    client: Client, bearer: dict[str, str]
) -> None:
    response = client.post(
        "/api/books",
        {**DUNE, "year": -5},
        content_type="application/json",
        headers=bearer,
    )
    assert response.status_code == 422
    book = Book.objects.create(**DUNE)
    response = client.patch(
        f"/api/books/{book.pk}",
        {"title": None},
        content_type="application/json",
        headers=bearer,
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "data", "title"]
    book.refresh_from_db()
    assert book.title == "Dune"


def test_ninja_patch_that_is_no_json_object_is_400(
    client: Client, bearer: dict[str, str]
) -> None:
    book = Book.objects.create(**DUNE)
    for body in ["null", '["title", "x"]']:  # Ninja alone would read "no fields": 200
        response = client.patch(
            f"/api/books/{book.pk}",
            body,
            content_type="application/json",
            headers=bearer,
        )
        assert response.status_code == 400


def test_ninja_anonymous_reads_but_cannot_write(client: Client) -> None:
    book = Book.objects.create(**DUNE)
    assert client.get(f"/api/books/{book.pk}").status_code == 200
    response = client.post("/api/books", DUNE, content_type="application/json")
    assert response.status_code == 401
    assert client.delete(f"/api/books/{book.pk}").status_code == 401
    assert Book.objects.count() == 1


def test_each_test_starts_with_an_empty_table() -> None:
    assert Book.objects.count() == 0


def test_migrations_are_committed_and_current() -> None:
    # Fails if a model changed without a new migration file.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
