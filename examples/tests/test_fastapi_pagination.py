"""Task 7, FastAPI: page links and counts, filters, and refusal of bad parameters."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from fastapi_app.db import get_session
from fastapi_app.models import Book
from fastapi_app.pagination import app


@pytest.fixture
def client(migrated_engine, test_session) -> Iterator[TestClient]:
    with Session(migrated_engine) as session:
        session.add_all(
            Book(
                title=f"Book {n}",
                author="Le Guin" if n % 2 else "Herbert",
                year=1960 + n,
            )
            for n in range(1, 26)
        )
        session.add(Book(title="Dune", author="Frank Herbert", year=1965))
        session.commit()
    app.dependency_overrides[get_session] = test_session
    yield TestClient(app, base_url="http://testserver")
    app.dependency_overrides.clear()


def test_first_page_has_count_and_next_link(client: TestClient) -> None:
    body = client.get("/books", params={"size": 10}).json()
    assert body["count"] == 26
    assert len(body["results"]) == 10
    assert body["previous"] is None
    assert body["next"] == "http://testserver/books?size=10&page=2"


def test_last_page_has_previous_link_only(client: TestClient) -> None:
    body = client.get("/books", params={"size": 10, "page": 3}).json()
    assert [b["year"] for b in body["results"]] == [1980, 1981, 1982, 1983, 1984, 1985]
    assert body["next"] is None
    assert body["previous"] == "http://testserver/books?size=10&page=2"


def test_filters_combine_and_links_keep_them(client: TestClient) -> None:
    body = client.get(
        "/books", params={"author": "le guin", "year_from": 1970, "size": 2}
    ).json()
    assert body["count"] == 8  # odd n from 11 to 25
    assert {b["author"] for b in body["results"]} == {"Le Guin"}
    assert (
        body["next"]
        == "http://testserver/books?author=le+guin&year_from=1970&size=2&page=2"
    )


def test_search_matches_part_of_the_title(client: TestClient) -> None:
    body = client.get("/books", params={"search": "dun"}).json()
    assert [b["title"] for b in body["results"]] == ["Dune"]


def test_like_wildcards_in_a_search_match_themselves(
    client: TestClient, migrated_engine
) -> None:
    with Session(migrated_engine) as session:
        session.add(Book(title="100% Dune", author="Anon", year=2000))
        session.commit()
    assert client.get("/books", params={"search": "%%"}).json()["count"] == 0
    assert client.get("/books", params={"search": "0%"}).json()["count"] == 1


def test_page_past_the_end_is_404(client: TestClient) -> None:
    response = client.get("/books", params={"page": 99})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


def test_bad_parameters_are_422(client: TestClient) -> None:
    response = client.get("/books", params={"size": 1000, "page": 0, "colour": "red"})
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["detail"]} == {
        "size",
        "page",
        "colour",
    }
    assert client.get("/books", params={"size": 0}).status_code == 422
