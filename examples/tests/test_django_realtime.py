"""Task 6, Django: a Channels WebSocket consumer and an async SSE view."""

import json

import pytest
from channels.testing import WebsocketCommunicator
from django.test import AsyncClient

from config.asgi import application


@pytest.mark.anyio
async def test_websocket_echoes_and_counts() -> None:
    # The Origin header is checked by AllowedHostsOriginValidator in config/asgi.py.
    communicator = WebsocketCommunicator(
        application, "/ws/echo/", headers=[(b"origin", b"http://localhost")]
    )
    connected, _ = await communicator.connect()
    assert connected
    await communicator.send_json_to({"text": "hello"})
    assert await communicator.receive_json_from() == {"echo": "hello", "count": 1}
    await communicator.send_json_to({"text": "again"})
    assert await communicator.receive_json_from() == {"echo": "again", "count": 2}
    await communicator.disconnect()


@pytest.mark.anyio
@pytest.mark.parametrize("headers", [[(b"origin", b"https://evil.example")], []])
async def test_websocket_from_a_foreign_or_missing_origin_is_refused(headers) -> None:
    communicator = WebsocketCommunicator(application, "/ws/echo/", headers=headers)
    connected, _ = await communicator.connect()
    assert not connected


@pytest.mark.anyio
async def test_a_frame_that_is_not_a_json_object_gets_an_error_not_a_hang_up() -> None:
    communicator = WebsocketCommunicator(
        application, "/ws/echo/", headers=[(b"origin", b"http://localhost")]
    )
    assert (await communicator.connect())[0]
    for frame in [
        {"text_data": "not json"},
        {"text_data": "[1, 2]"},
        {"bytes_data": b"\xff"},
    ]:
        await communicator.send_to(**frame)
        assert await communicator.receive_json_from() == {
            "error": "Send a JSON object."
        }
    await communicator.send_json_to({"text": "still here"})
    assert await communicator.receive_json_from() == {"echo": "still here", "count": 1}
    await communicator.disconnect()


def parse_sse(body: str) -> list[dict[str, str]]:
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


@pytest.mark.anyio
async def test_sse_streams_a_countdown() -> None:
    response = await AsyncClient().get("/live/events/countdown/", {"start": "3"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    body = b"".join([chunk async for chunk in response.streaming_content]).decode()
    events = parse_sse(body)
    assert [(e["event"], json.loads(e["data"])["remaining"]) for e in events] == [
        ("tick", 3),
        ("tick", 2),
        ("tick", 1),
        ("done", 0),
    ]
    assert [e.get("id") for e in events] == ["3", "2", "1", None]


@pytest.mark.anyio
async def test_sse_validates_its_query() -> None:
    response = await AsyncClient().get("/live/events/countdown/", {"start": "99"})
    assert response.status_code == 400
