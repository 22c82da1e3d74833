"""Reading a JSON object from a request body, for the plain Django views."""

import json

from django.http import HttpRequest


def json_object(request: HttpRequest) -> dict:
    """The body as a dict; ValueError with a message for the client if it is not one."""
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ValueError("Body must be JSON in UTF-8.") from None
    if not isinstance(payload, dict):
        raise ValueError("Body must be a JSON object.")
    return payload
