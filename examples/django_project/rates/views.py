"""Task 4 in Django: an async view that awaits another service through httpx."""

import math
import re

import httpx
from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

CURRENCY = re.compile(r"^[A-Z]{3}$")


def rates_client() -> httpx.AsyncClient:
    # Django has no per-app startup/shutdown hook for an async client, so open one per
    # request (or keep one per worker yourself). Tests replace this function.
    return httpx.AsyncClient(base_url=settings.RATES_SERVICE_URL, timeout=5.0)


def is_rate(value: object) -> bool:
    return type(value) in (int, float) and 0 < value < 1e9  # no bool, NaN or infinity


def rates_in(response: httpx.Response) -> dict[str, float]:
    """The rates the other service promises; ValueError for any other reply."""
    data = response.json()  # ValueError if the body is not JSON
    rates = data.get("rates") if isinstance(data, dict) else None
    if not isinstance(rates, dict) or not all(map(is_rate, rates.values())):
        raise ValueError("unexpected reply")
    return rates


@require_GET
async def convert(request: HttpRequest) -> JsonResponse:
    source, target = request.GET.get("source", ""), request.GET.get("target", "")
    errors = {
        name: ["Enter a three-letter currency code."]
        for name, code in (("source", source), ("target", target))
        if not CURRENCY.match(code)
    }
    try:
        amount = float(request.GET.get("amount", ""))
    except ValueError:
        amount = math.nan
    if not 0 < amount <= 1e12:  # also refuses nan and inf
        errors["amount"] = ["Enter a positive number up to 10^12."]
    if errors:
        return JsonResponse(errors, status=400)

    # Under ASGI this await frees the worker's event loop for other requests.
    try:
        async with rates_client() as client:
            response = await client.get(f"/rates/{source}")
    except httpx.TimeoutException:
        return JsonResponse({"detail": "Rates service timed out"}, status=504)
    except httpx.TransportError:  # refused, reset, DNS failure, ...
        return JsonResponse({"detail": "Rates service unreachable"}, status=502)
    if response.status_code == 404:
        return JsonResponse({"detail": f"Unknown currency {source}"}, status=404)
    if response.is_error:
        return JsonResponse({"detail": "Rates service failed"}, status=502)
    try:
        rates = rates_in(response)
    except ValueError:  # not JSON, or not the promised shape
        return JsonResponse({"detail": "Rates service sent a bad reply"}, status=502)
    if target not in rates:
        return JsonResponse({"detail": f"Unknown currency {target}"}, status=404)
    rate = rates[target]
    return JsonResponse(
        {
            "amount": amount,
            "source": source,
            "target": target,
            "rate": rate,
            "result": round(amount * rate, 2),
        }
    )
