"""Task 4, Django: the view's httpx client is swapped for a mock transport."""

import httpx
import pytest
from django.test import AsyncClient

from rates import views
from upstream import UPSTREAM_FAILURES

RATES = {"EUR": {"USD": 1.25, "GBP": 0.85}}


def fake_rates_service(request: httpx.Request) -> httpx.Response:
    """Stands in for the rates service: answers GET /rates/<base>."""
    base = request.url.path.rsplit("/", 1)[-1]
    if base not in RATES:
        return httpx.Response(404, json={"detail": f"Unknown currency {base}"})
    return httpx.Response(200, json={"base": base, "rates": RATES[base]})


def use_transport(
    monkeypatch: pytest.MonkeyPatch, transport: httpx.AsyncBaseTransport
) -> None:
    monkeypatch.setattr(
        views,
        "rates_client",
        lambda: httpx.AsyncClient(transport=transport, base_url="http://rates.test"),
    )


@pytest.mark.anyio
async def test_converts_with_the_rate_from_the_other_service(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_transport(monkeypatch, httpx.MockTransport(fake_rates_service))
    response = await AsyncClient().get(
        "/rates/convert/", {"amount": "10", "source": "EUR", "target": "USD"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "amount": 10.0,
        "source": "EUR",
        "target": "USD",
        "rate": 1.25,
        "result": 12.5,
    }


@pytest.mark.anyio
async def test_unknown_currency_is_404(monkeypatch: pytest.MonkeyPatch) -> None:
    use_transport(monkeypatch, httpx.MockTransport(fake_rates_service))
    response = await AsyncClient().get(
        "/rates/convert/", {"amount": "10", "source": "XYZ", "target": "USD"}
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "Unknown currency XYZ"}


@pytest.mark.anyio
@pytest.mark.parametrize("failure", UPSTREAM_FAILURES, ids=UPSTREAM_FAILURES.get)
async def test_upstream_failure_is_502(
    monkeypatch: pytest.MonkeyPatch, failure
) -> None:
    use_transport(monkeypatch, httpx.MockTransport(failure))
    response = await AsyncClient().get(
        "/rates/convert/", {"amount": "10", "source": "EUR", "target": "USD"}
    )
    assert response.status_code == 502


@pytest.mark.anyio
async def test_upstream_timeout_is_504(monkeypatch: pytest.MonkeyPatch) -> None:
    def too_slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    use_transport(monkeypatch, httpx.MockTransport(too_slow))
    response = await AsyncClient().get(
        "/rates/convert/", {"amount": "10", "source": "EUR", "target": "USD"}
    )
    assert response.status_code == 504


def test_sync_test_client_can_call_the_async_view_too(
    client, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_transport(monkeypatch, httpx.MockTransport(fake_rates_service))
    response = client.get(
        "/rates/convert/", {"amount": "2", "source": "EUR", "target": "GBP"}
    )
    assert response.json()["result"] == 1.7


def test_bad_query_is_400_without_calling_out(
    client, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[httpx.Request] = []
    use_transport(
        monkeypatch,
        httpx.MockTransport(
            lambda request: calls.append(request) or httpx.Response(200)
        ),
    )
    response = client.get(
        "/rates/convert/", {"amount": "-1", "source": "euro", "target": "USD"}
    )
    assert response.status_code == 400
    assert set(response.json()) == {"amount", "source"}
    for amount in ["nan", "inf", "-inf", "1e308"]:
        response = client.get(
            "/rates/convert/", {"amount": amount, "source": "EUR", "target": "USD"}
        )
        assert response.status_code == 400, amount
    assert calls == []
