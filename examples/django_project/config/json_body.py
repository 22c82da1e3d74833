"""Reading JSON request bodies: a helper for the plain views, and parsers for DRF and
Django Ninja that close two gaps in theirs (both found by tests/test_abuse.py)."""

import json

from django.http import HttpRequest
from ninja.parser import Parser
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


def json_object(request: HttpRequest) -> dict:
    """The body as a dict; ValueError with a message for the client if it is not one."""
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ValueError("Body must be JSON in UTF-8.") from None
    if not isinstance(payload, dict):
        raise ValueError("Body must be a JSON object.")
    return payload


class DRFJSONParser(JSONParser):
    """DRF's parser, but a body nested too deep for Python is a 400, not a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - nested too deeply") from None


class NinjaJSONParser(Parser):
    """Ninja's parser, but a body that is not a JSON object is a 400: Ninja would read
    `null` as no fields at all, so a PATCH would answer 200 and change nothing."""

    def parse_body(self, request: HttpRequest) -> dict:
        return json_object(request)  # Ninja turns the ValueError into a 400
