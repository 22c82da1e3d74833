"""Ways task 4's other service can fail, short of a timeout: each must give a 502."""

import httpx


def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def server_error(request: httpx.Request) -> httpx.Response:
    return httpx.Response(503)


def not_json(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text="<html>maintenance</html>")


def missing_key(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"base": "EUR"})


def wrong_shape(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=["EUR", "USD"])


def bad_rate(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"base": "EUR", "rates": {"USD": "a lot"}})


# handler -> test id
UPSTREAM_FAILURES = {
    handler: handler.__name__.replace("_", "-")
    for handler in [refused, server_error, not_json, missing_key, wrong_shape, bad_rate]
}
