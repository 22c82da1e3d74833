"""Task 4 in Django: an async view that awaits another service through httpx."""

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
        if amount <= 0:
            raise ValueError
    except ValueError:
        errors["amount"] = ["Enter a positive number."]
    if errors:
        return JsonResponse(errors, status=400)

    # Under ASGI this await frees the worker's event loop for other requests.
    try:
        async with rates_client() as client:
            response = await client.get(f"/rates/{source}")
    except httpx.TimeoutException:
        return JsonResponse({"detail": "Rates service timed out"}, status=504)
    if response.status_code == 404:
        return JsonResponse({"detail": f"Unknown currency {source}"}, status=404)
    if response.is_error:
        return JsonResponse({"detail": "Rates service failed"}, status=502)
    rate = response.json()["rates"].get(target)
    if rate is None:
        return JsonResponse({"detail": f"Unknown currency {target}"}, status=404)
    return JsonResponse(
        {
            "amount": amount,
            "source": source,
            "target": target,
            "rate": rate,
            "result": round(amount * rate, 2),
        }
    )
