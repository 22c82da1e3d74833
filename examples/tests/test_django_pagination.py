"""Task 7, Django: Paginator (plain), django-filter (DRF), FilterSchema (Ninja)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from catalog.models import Book

pytestmark = pytest.mark.django_db


LISTINGS = ["/catalog/browse/", "/catalog/drf/browse/", "/api/browse"]


@pytest.fixture(autouse=True)
def books() -> None:
    Book.objects.bulk_create(
        Book(title=f"Book {n}", author="Le Guin" if n % 2 else "Herbert", year=1960 + n)
        for n in range(1, 26)
    )
    Book.objects.create(title="Dune", author="Frank Herbert", year=1965)


@pytest.mark.parametrize("url", LISTINGS)
def test_first_page_has_count_and_next_link(client: Client, url: str) -> None:
    body = client.get(url, {"size": 10}).json()
    assert body["count"] == 26
    assert len(body["results"]) == 10
    assert body["previous"] is None
    next_link = urlsplit(body["next"])
    assert next_link.path == url
    assert parse_qs(next_link.query) == {"size": ["10"], "page": ["2"]}


@pytest.mark.parametrize("url", LISTINGS)
def test_last_page_has_previous_link_only(client: Client, url: str) -> None:
    body = client.get(url, {"size": 10, "page": 3}).json()
    assert [b["year"] for b in body["results"]] == [1980, 1981, 1982, 1983, 1984, 1985]
    assert body["next"] is None
    assert body["previous"].startswith(f"http://testserver{url}?")


@pytest.mark.parametrize("url", LISTINGS)
def test_filters_combine_and_links_keep_them(client: Client, url: str) -> None:
    body = client.get(url, {"author": "le guin", "year_from": 1970, "size": 2}).json()
    assert body["count"] == 8
    assert {b["author"] for b in body["results"]} == {"Le Guin"}
    assert parse_qs(urlsplit(body["next"]).query) == {
        "author": ["le guin"],
        "year_from": ["1970"],
        "size": ["2"],
        "page": ["2"],
    }


@pytest.mark.parametrize("url", LISTINGS)
def test_search_matches_part_of_the_title(client: Client, url: str) -> None:
    body = client.get(url, {"search": "dun"}).json()
    assert [b["title"] for b in body["results"]] == ["Dune"]


@pytest.mark.parametrize("url", LISTINGS)
def test_like_wildcards_in_a_search_match_themselves(client: Client, url: str) -> None:
    Book.objects.create(title="100% Dune", author="Anon", year=2000)
    assert client.get(url, {"search": "%%"}).json()["count"] == 0
    assert client.get(url, {"search": "0%"}).json()["count"] == 1


@pytest.mark.parametrize("url", LISTINGS)
def test_page_past_the_end_is_404(client: Client, url: str) -> None:
    response = client.get(url, {"page": 99})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


def test_plain_view_rejects_bad_parameters(client: Client) -> None:
    response = client.get(
        "/catalog/browse/", {"year_from": "soon", "size": 0, "page": 0}
    )
    assert response.status_code == 400
    assert set(response.json()) == {"year_from", "size", "page"}


def test_ninja_rejects_bad_parameters_with_422(client: Client) -> None:
    response = client.get("/api/browse", {"year_from": "soon", "size": 0, "page": 0})
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["detail"]} == {
        "year_from",
        "size",
        "page",
    }


def test_drf_rejects_a_bad_filter_and_caps_the_page_size(client: Client) -> None:
    response = client.get("/catalog/drf/browse/", {"year_from": "soon"})
    assert response.status_code == 400
    assert response.json() == {"year_from": ["Enter a number."]}
    # A page size out of range is not refused: DRF caps it at max_page_size (100)
    # and ignores one below 1, serving the default of 10.
    assert (
        len(client.get("/catalog/drf/browse/", {"size": 1000}).json()["results"]) == 26
    )
    assert len(client.get("/catalog/drf/browse/", {"size": 0}).json()["results"]) == 10
