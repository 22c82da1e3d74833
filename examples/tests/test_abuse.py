"""The same hostile and malformed requests, sent to every implementation of every task.

Each row is one request and what may come back: a 4xx, or the status the page documents,
never a 5xx; a JSON body that is real JSON (no NaN); and no change to the stored book.
The WebSocket halves of task 6 have their own tests in test_*_realtime.py.
"""

import datetime as dt
import json
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx
import jwt
import pytest
from alembic import command
from alembic.config import Config
from django.contrib.auth.models import User
from django.core import signing
from django.core.cache import cache
from django.test import Client
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, pool
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine
from sqlalchemy.orm import Session

from accounts.api_ninja import TOKEN_SALT
from catalog.models import Book as DjangoBook
from fastapi_app import (
    async_client,
    auth,
    background,
    crud,
    json_api,
    pagination,
    rates_service,
    realtime,
)
from fastapi_app.db import get_session
from fastapi_app.models import Book as SqlBook
from fastapi_app.settings import settings
from rates import views as rates_views

pytestmark = pytest.mark.django_db
EXAMPLES = Path(__file__).resolve().parent.parent

FOUR_XX = frozenset(range(400, 500))
DUNE = {"title": "Dune", "author": "Frank Herbert", "year": 1965}
TOO_BIG_FOR_SQLITE = str(2**64)

# Bodies ----------------------------------------------------------------------------
MALFORMED = b'{"title": "Dune",'
NOT_UTF8 = b'{"title": "\xff\xfe"}'
NOT_AN_OBJECT = b'["title", "Dune"]'
JSON_NULL = b"null"
DEEP = b"[" * 100_000 + b"]" * 100_000  # nested past Python's recursion limit
WRONG_TYPES = json.dumps({"title": ["Dune"], "author": {}, "year": "soon"}).encode()
NULLS = json.dumps({"title": None, "author": None, "year": None}).encode()
HUGE_NUMBER = b'{"title": "Dune", "author": "Frank Herbert", "year": 1e400}'
LONG_TEXT = json.dumps({**DUNE, "title": "x" * 100_000}).encode()


@dataclass(frozen=True)
class Hostile:
    """One request; `documented`: statuses other than a 4xx that a page promises."""

    name: str
    method: str = "GET"
    body: bytes | None = None
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    signed_in: bool = False
    documented: dict[str, frozenset[int]] = field(default_factory=dict)
    form: bool = False  # FastAPI's /token reads a form, the others JSON
    csrf_checks: bool = (
        False  # as a browser would face them (Django's test client skips them)
    )

    def allowed(self, implementation: str) -> frozenset[int]:
        return FOUR_XX | self.documented.get(implementation, frozenset())


# Where each task lives in each implementation: "fastapi:<module>" or django/drf/ninja.
ENDPOINTS = {
    "reservations": {
        "fastapi:json_api": "/reservations",
        "django": "/reservations/",
        "drf": "/reservations/drf/",
        "ninja": "/api/reservations",
    },
    "reservation": {
        "fastapi:json_api": "/reservations/{id}",
        "django": "/reservations/{id}/",
        "drf": "/reservations/drf/{id}/",
        "ninja": "/api/reservations/{id}",
    },
    "books": {
        "fastapi:crud": "/books",
        "django": "/catalog/books/",
        "drf": "/catalog/drf/books/",
        "ninja": "/api/books",
    },
    "book": {
        "fastapi:crud": "/books/{id}",
        "django": "/catalog/books/{id}/",
        "drf": "/catalog/drf/books/{id}/",
        "ninja": "/api/books/{id}",
    },
    "login": {
        "fastapi:auth": "/token",
        "django": "/accounts/login/",
        "drf": "/accounts/drf/token/",
        "ninja": "/api/auth/token",
    },
    "me": {
        "fastapi:auth": "/me",
        "django": "/accounts/me/",
        "drf": "/accounts/drf/me/",
        "ninja": "/api/auth/me",
    },
    "convert": {"fastapi:async_client": "/convert", "django": "/rates/convert/"},
    "subscribe": {
        "fastapi:background": "/subscriptions",
        "django": "/newsletter/subscriptions/",
    },
    "countdown": {
        "fastapi:realtime": "/events/countdown",
        "django": "/live/events/countdown/",
    },
    "browse": {
        "fastapi:pagination": "/books",
        "django": "/catalog/browse/",
        "drf": "/catalog/drf/browse/",
        "ninja": "/api/browse",
    },
    # Signed in with the session cookie, so CSRF applies.
    "books-by-session": {"django": "/catalog/books/", "drf": "/catalog/drf/books/"},
    "admin": {"django": "/admin/login/"},
}

BAD_BODIES = [
    ("malformed", MALFORMED),
    ("not-utf8", NOT_UTF8),
    ("not-an-object", NOT_AN_OBJECT),
    ("json-null", JSON_NULL),
    ("deeply-nested", DEEP),
    ("wrong-types", WRONG_TYPES),
    ("nulls", NULLS),
    ("huge-number", HUGE_NUMBER),
    ("long-text", LONG_TEXT),
]

# Documented on the pagination page: DRF serves a default page instead of refusing.
DRF_IGNORES_A_BAD_SIZE = {"drf": frozenset({200})}
DRF_SEARCHES_ONE_LETTER = {"drf": frozenset({200})}  # no minimum length there

CASES: list[tuple[str, Hostile]] = [
    # Task 1: a JSON body
    *[("reservations", Hostile(name, "POST", body)) for name, body in BAD_BODIES],
    *[
        ("reservation", Hostile(f"id-{name}", query={"id": value}))
        for name, value in [("zero", "0"), ("huge", TOO_BIG_FOR_SQLITE), ("text", "x")]
    ],
    # Task 2: CRUD, anonymous writes and broken updates
    ("books", Hostile("anonymous-create", "POST", json.dumps(DUNE).encode())),
    ("book", Hostile("anonymous-update", "PATCH", b'{"title": "Mine"}')),
    ("book", Hostile("anonymous-delete", "DELETE")),
    *[
        ("books", Hostile(f"create-{name}", "POST", body, signed_in=True))
        for name, body in BAD_BODIES
    ],
    *[
        ("book", Hostile(f"update-{name}", "PATCH", body, signed_in=True))
        for name, body in BAD_BODIES
    ],
    *[
        ("book", Hostile(f"id-{name}", query={"id": value}))
        for name, value in [
            ("zero", "0"),
            ("negative", "-1"),
            ("huge", TOO_BIG_FOR_SQLITE),
            ("text", "dune"),
        ]
    ],
    # Task 3: logins with broken bodies, and tokens that do not hold up
    *[("login", Hostile(name, "POST", body)) for name, body in BAD_BODIES[:5]],
    ("login", Hostile("no-password", "POST", b'{"username": "alice"}', form=True)),
    (
        "login",
        Hostile("list-username", "POST", b'{"username": ["alice"], "password": 1}'),
    ),
    *[
        ("me", Hostile(f"authorization-{name}", headers={"Authorization": value}))
        for name, value in [
            ("empty-bearer", "Bearer "),
            ("garbage", "Bearer not-a-token"),
            ("huge", "Bearer " + "a" * 10_000),
            ("other-scheme", "Basic YWxpY2U6d29uZGVybGFuZA=="),
            ("unsigned-jwt", "Bearer " + jwt.encode({"sub": "alice"}, None, "none")),
        ]
    ],
    # Task 4: amounts that are not numbers, and codes that are not codes
    *[
        (
            "convert",
            Hostile(
                f"amount-{amount}",
                query={"amount": amount, "source": "EUR", "target": "USD"},
            ),
        )
        for amount in ["nan", "inf", "-inf", "1e308", "0", "-5", "ten", ""]
    ],
    (
        "convert",
        Hostile(
            "currency-lowercase",
            query={"amount": "1", "source": "eur", "target": "USD"},
        ),
    ),
    ("convert", Hostile("currency-missing", query={"amount": "1", "source": "EUR"})),
    # Task 5: a JSON body that enqueues a job
    *[("subscribe", Hostile(name, "POST", body)) for name, body in BAD_BODIES],
    ("subscribe", Hostile("email-list", "POST", b'{"email": ["a@example.com"]}')),
    # Task 6: the stream's parameter
    *[
        ("countdown", Hostile(f"start-{start}", query={"start": start}))
        for start in ["0", "11", "-1", "ten", TOO_BIG_FOR_SQLITE]
    ],
    # Task 7: page, size and filters
    *[
        (
            "browse",
            Hostile(f"{name}-{value}", query={name: value}, documented=documented),
        )
        for name, value, documented in [
            ("size", "0", DRF_IGNORES_A_BAD_SIZE),
            ("size", "-1", DRF_IGNORES_A_BAD_SIZE),
            ("size", "ten", DRF_IGNORES_A_BAD_SIZE),
            ("page", "0", {}),
            ("page", "ten", {}),
            ("page", TOO_BIG_FOR_SQLITE, {}),
            ("year_from", "soon", {}),
            ("year_from", TOO_BIG_FOR_SQLITE, {}),
            ("search", "%", DRF_SEARCHES_ONE_LETTER),
        ]
    ],
    (
        "books-by-session",
        Hostile(
            "cross-site-create",
            "POST",
            json.dumps(DUNE).encode(),
            signed_in=True,
            csrf_checks=True,
        ),
    ),
    # Task 9: the admin's login form (the OpenAPI pages serve task 2's routes, above)
    (
        "admin",
        Hostile(
            "login-without-csrf",
            "POST",
            b"username=a&password=b",
            form=True,
            csrf_checks=True,
        ),
    ),
]


def params() -> Iterator[pytest.param]:
    for endpoint, hostile in CASES:
        for implementation, path in ENDPOINTS[endpoint].items():
            yield pytest.param(
                implementation,
                path,
                hostile,
                id=f"{endpoint}-{hostile.name}-{implementation.split(':')[0]}",
            )


# The implementations ---------------------------------------------------------------


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str


Sender = Callable[[str, str, Hostile], Reply]


@pytest.fixture(autouse=True)
def fresh_throttles() -> None:
    cache.clear()


@pytest.fixture(scope="module")
def fastapi_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated database for the module, with one book that no test may change."""
    path = tmp_path_factory.mktemp("abuse") / "books.sqlite3"
    config = Config(str(EXAMPLES / "fastapi_app" / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", f"sqlite+aiosqlite:///{path}")
    command.upgrade(config, "head")
    return path


@pytest.fixture(scope="module")
def fastapi_engine(fastapi_database: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{fastapi_database}")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def fastapi_book(fastapi_engine: Engine) -> int:
    with Session(fastapi_engine) as session:
        book = SqlBook(**DUNE)
        session.add(book)
        session.commit()
        return book.id


@pytest.fixture
def fastapi(fastapi_database: Path, fastapi_book: int) -> Iterator[Sender]:
    apps = {
        "json_api": json_api.app,
        "crud": crud.app,
        "auth": auth.app,
        "async_client": async_client.app,
        "background": background.app,
        "realtime": realtime.app,
        "pagination": pagination.app,
    }
    engine = create_async_engine(
        f"sqlite+aiosqlite:///{fastapi_database}", poolclass=pool.NullPool
    )

    async def test_session() -> AsyncIterator[AsyncSession]:
        async with AsyncSession(engine) as session:
            yield session

    for app in (crud.app, pagination.app):
        app.dependency_overrides[get_session] = test_session
    rates = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=rates_service.app), base_url="http://rates"
    )
    async_client.app.dependency_overrides[async_client.rates_client] = lambda: rates
    token = jwt.encode(
        {"sub": "alice", "exp": 2**40},
        settings.secret_key.get_secret_value(),
        auth.ALGORITHM,
    )

    def send(implementation: str, path: str, hostile: Hostile) -> Reply:
        client = TestClient(apps[implementation.split(":")[1]])
        headers = dict(hostile.headers)
        if hostile.signed_in:
            headers["Authorization"] = f"Bearer {token}"
        if hostile.body is not None:
            headers["Content-Type"] = (
                "application/x-www-form-urlencoded"
                if hostile.form
                else "application/json"
            )
        response = client.request(
            hostile.method,
            url(path, hostile, fastapi_book),
            content=hostile.body,
            headers=headers,
        )
        return Reply(
            response.status_code,
            response.content,
            response.headers.get("content-type", ""),
        )

    yield send
    for app in apps.values():
        app.dependency_overrides.clear()


@pytest.fixture
def django_book() -> int:
    return DjangoBook.objects.create(**DUNE).pk


@pytest.fixture
def django(django_book: int, monkeypatch: pytest.MonkeyPatch) -> Sender:
    user = User.objects.create_user("alice")  # no password: nothing here logs in
    monkeypatch.setattr(
        rates_views,
        "rates_client",
        lambda: httpx.AsyncClient(
            transport=httpx.ASGITransport(app=rates_service.app),
            base_url="http://rates",
        ),
    )
    bearer = f"Bearer {signing.dumps(user.pk, salt=TOKEN_SALT)}"

    def send(implementation: str, path: str, hostile: Hostile) -> Reply:
        client = Client(enforce_csrf_checks=hostile.csrf_checks)
        headers = dict(hostile.headers)
        if hostile.signed_in:
            if implementation == "ninja":
                headers["Authorization"] = bearer
            else:
                client.force_login(user)
        content_type = (
            "application/x-www-form-urlencoded" if hostile.form else "application/json"
        )
        response = client.generic(
            hostile.method,
            url(path, hostile, django_book),
            hostile.body or b"",
            content_type=content_type,
            headers=headers,
        )
        body = b"" if response.streaming else response.content  # task 6 streams
        return Reply(response.status_code, body, response.get("Content-Type", ""))

    return send


def url(path: str, hostile: Hostile, book_id: int) -> str:
    query = dict(hostile.query)
    path = path.format(id=query.pop("id", book_id))
    return f"{path}?{urlencode(query)}" if query else path


# The test --------------------------------------------------------------------------


def strict_json(body: bytes) -> object:
    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(body, parse_constant=refuse)


@pytest.mark.parametrize(("implementation", "path", "hostile"), list(params()))
def test_hostile_request_gets_a_client_error_and_changes_nothing(
    implementation: str,
    path: str,
    hostile: Hostile,
    request: pytest.FixtureRequest,
) -> None:
    framework = "fastapi" if implementation.startswith("fastapi") else "django"
    send: Sender = request.getfixturevalue(framework)

    reply = send(implementation, path, hostile)

    assert reply.status in hostile.allowed(implementation), reply.body[:300]
    if "json" in reply.content_type:
        strict_json(reply.body)
    if framework == "fastapi":
        with Session(request.getfixturevalue("fastapi_engine")) as session:
            stored = session.get(SqlBook, request.getfixturevalue("fastapi_book"))
            stored = {
                "title": stored.title,
                "author": stored.author,
                "year": stored.year,
            }
    else:
        stored = DjangoBook.objects.filter(pk=request.getfixturevalue("django_book"))
        stored = stored.values("title", "author", "year").first()
    assert stored == DUNE


# The table must point at real routes: a typo would turn every row into a passing 404.
TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
RESERVATION = {"name": "Ada", "email": "ada@example.com", "guests": 2, "date": TOMORROW}
WELL_FORMED = {
    "reservations": (Hostile("valid", "POST", json.dumps(RESERVATION).encode()), {201}),
    "reservation": (Hostile("unknown", query={"id": "999999"}), {404}),
    "books": (Hostile("list"), {200}),
    "book": (Hostile("read"), {200}),
    "login": (
        Hostile("wrong-password", "POST", b'{"username": "a", "password": "b"}'),
        {400, 401},
    ),
    "me": (Hostile("anonymous"), {401}),
    "convert": (
        Hostile("valid", query={"amount": "2", "source": "EUR", "target": "USD"}),
        {200},
    ),
    "subscribe": (Hostile("valid", "POST", b'{"email": "ada@example.com"}'), {202}),
    "countdown": (Hostile("valid", query={"start": "1"}), {200}),
    "browse": (Hostile("first-page"), {200}),
    "books-by-session": (Hostile("list"), {200}),
    "admin": (Hostile("login-page"), {200}),
}


@pytest.mark.parametrize(
    ("implementation", "path", "endpoint"),
    [
        pytest.param(implementation, path, endpoint, id=f"{endpoint}-{implementation}")
        for endpoint, paths in ENDPOINTS.items()
        for implementation, path in paths.items()
    ],
)
def test_every_route_in_the_table_answers_a_well_formed_request(
    implementation: str, path: str, endpoint: str, request: pytest.FixtureRequest
) -> None:
    framework = "fastapi" if implementation.startswith("fastapi") else "django"
    send: Sender = request.getfixturevalue(framework)
    hostile, expected = WELL_FORMED[endpoint]
    if hostile.name == "wrong-password" and implementation == "fastapi:auth":
        hostile = Hostile("wrong-password", "POST", b"username=a&password=b", form=True)
    reply = send(implementation, path, hostile)
    assert reply.status in expected, reply.body[:300]
    if endpoint == "reservation":
        assert b"Reservation not found" in reply.body
