"""Task 9, Django: the admin pages; Django Ninja's schema and docs page."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from catalog.models import Book

pytestmark = pytest.mark.django_db


def test_admin_login_page_is_served(client: Client) -> None:
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert (
        b'name="username"' in response.content
        and b'name="password"' in response.content
    )


def test_admin_sends_anonymous_visitors_to_the_login_page(client: Client) -> None:
    response = client.get("/admin/catalog/book/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/catalog/book/"


def test_staff_user_sees_and_edits_books_in_the_admin(client: Client) -> None:
    Book.objects.create(title="Dune", author="Frank Herbert", year=1965)
    client.force_login(
        User.objects.create_superuser("admin", "admin@example.com", "pw-for-tests-only")
    )
    changelist = client.get("/admin/catalog/book/")
    assert changelist.status_code == 200
    assert b"Dune" in changelist.content and b"Frank Herbert" in changelist.content
    add_form = client.get("/admin/catalog/book/add/")
    assert add_form.status_code == 200
    assert b'name="title"' in add_form.content


def test_ninja_openapi_json_describes_the_routes(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Books API (Django Ninja)"
    assert {"/api/books", "/api/books/{book_id}", "/api/reservations"} <= set(
        schema["paths"]
    )
    assert "BookOut" in schema["components"]["schemas"]


def test_ninja_docs_page_is_served(client: Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()
