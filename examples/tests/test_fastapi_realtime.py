"""Task 6, FastAPI: WebSocket messages go both ways; SSE delivers every event."""

import json

import pytest
from fastapi.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from fastapi_app.realtime import app
from fastapi_app.settings import settings

client = TestClient(app)
ORIGIN = {"origin": settings.allowed_origins[0]}  # as a browser on the front end sends


def test_websocket_echoes_and_counts() -> None:
    with client.websocket_connect("/ws/echo", headers=ORIGIN) as websocket:
        websocket.send_json({"text": "hello"})
        assert websocket.receive_json() == {"echo": "hello", "count": 1}
        websocket.send_json({"text": "again"})
        assert websocket.receive_json() == {"echo": "again", "count": 2}


@pytest.mark.parametrize("headers", [{"origin": "https://evil.example"}, {}])
def test_websocket_from_a_foreign_or_missing_origin_is_refused(headers) -> None:
    with pytest.raises(WebSocketDisconnect) as refused:
        with client.websocket_connect("/ws/echo", headers=headers):
            pass
    assert refused.value.code == 1008


def test_a_frame_that_is_not_a_json_object_gets_an_error_not_a_hang_up() -> None:
    with client.websocket_connect("/ws/echo", headers=ORIGIN) as websocket:
        websocket.send_text("not json")
        assert websocket.receive_json() == {"error": "Send a JSON object."}
        websocket.send_text("[1, 2]")
        assert websocket.receive_json() == {"error": "Send a JSON object."}
        websocket.send_bytes(b"\xff")
        assert websocket.receive_json() == {"error": "Send a JSON object."}
        websocket.send_json({"text": "still here"})
        assert websocket.receive_json() == {"echo": "still here", "count": 1}


def parse_sse(body: str) -> list[dict[str, str]]:
    """Split a text/event-stream body into events (field name -> value)."""
    events = []
    for block in body.strip().split("\n\n"):
        fields = dict(
            line.split(": ", 1)
            for line in block.splitlines()
            if not line.startswith(":")
        )
        if fields:
            events.append(fields)
    return events


def test_sse_streams_a_countdown() -> None:
    with client.stream("GET", "/events/countdown", params={"start": 3}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        body = "".join(response.iter_text())
    events = parse_sse(body)
    assert [(e["event"], json.loads(e["data"])["remaining"]) for e in events] == [
        ("tick", 3),
        ("tick", 2),
        ("tick", 1),
        ("done", 0),
    ]
    assert [e.get("id") for e in events] == ["3", "2", "1", None]


def test_sse_validates_its_query() -> None:
    assert client.get("/events/countdown", params={"start": 99}).status_code == 422
