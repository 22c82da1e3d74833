"""Task 4, FastAPI: the outgoing call goes to the rates service running in-process."""

from collections.abc import Callable, Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from fastapi_app import rates_service
from fastapi_app.async_client import app, rates_client
from upstream import UPSTREAM_FAILURES


@pytest.fixture
def use_upstream() -> Iterator[Callable[[httpx.AsyncBaseTransport], None]]:
    """Point the app's httpx client at a transport of the test's choosing."""

    def use(transport: httpx.AsyncBaseTransport) -> None:
        client = httpx.AsyncClient(transport=transport, base_url="http://rates.test")
        app.dependency_overrides[rates_client] = lambda: client

    yield use
    app.dependency_overrides.clear()


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(app) as client:  # runs the lifespan, like a real server start
        yield client


def test_converts_with_the_rate_from_the_other_service(
    client: TestClient, use_upstream
) -> None:
    use_upstream(
        httpx.ASGITransport(app=rates_service.app)
    )  # the real service app, no socket
    response = client.get(
        "/convert", params={"amount": 10, "source": "EUR", "target": "USD"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "amount": 10.0,
        "source": "EUR",
        "target": "USD",
        "rate": 1.25,
        "result": 12.5,
    }


def test_unknown_currency_is_passed_on_as_404(client: TestClient, use_upstream) -> None:
    use_upstream(httpx.ASGITransport(app=rates_service.app))
    response = client.get(
        "/convert", params={"amount": 10, "source": "XYZ", "target": "USD"}
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Unknown currency XYZ"}


@pytest.mark.parametrize("failure", UPSTREAM_FAILURES, ids=UPSTREAM_FAILURES.get)
def test_upstream_failure_is_502(client: TestClient, use_upstream, failure) -> None:
    use_upstream(httpx.MockTransport(failure))
    response = client.get(
        "/convert", params={"amount": 10, "source": "EUR", "target": "USD"}
    )
    assert response.status_code == 502


def test_upstream_timeout_is_504(client: TestClient, use_upstream) -> None:
    def too_slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    use_upstream(httpx.MockTransport(too_slow))
    response = client.get(
        "/convert", params={"amount": 10, "source": "EUR", "target": "USD"}
    )
    assert response.status_code == 504


def test_bad_query_never_reaches_the_other_service(
    client: TestClient, use_upstream
) -> None:
    calls: list[httpx.Request] = []
    use_upstream(
        httpx.MockTransport(
            lambda request: calls.append(request) or httpx.Response(200)
        )
    )
    response = client.get(
        "/convert", params={"amount": -1, "source": "euro", "target": "USD"}
    )
    assert response.status_code == 422
    assert {e["loc"][-1] for e in response.json()["detail"]} == {"amount", "source"}
    for amount in ["nan", "inf", "-inf", "1e308"]:
        response = client.get(
            "/convert", params={"amount": amount, "source": "EUR", "target": "USD"}
        )
        assert response.status_code == 422, amount
    assert calls == []
