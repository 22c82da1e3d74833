"""Task 6: a WebSocket endpoint and a server-sent events (SSE) endpoint."""

import asyncio
import json
from collections.abc import AsyncIterable
from typing import Annotated

from fastapi import FastAPI, Query, WebSocket, WebSocketDisconnect, status
from fastapi.sse import EventSourceResponse, ServerSentEvent

from fastapi_app.settings import settings

app = FastAPI(title="Realtime")


@app.websocket("/ws/echo")
async def echo(websocket: WebSocket) -> None:
    # Browsers send cookies with a cross-site handshake: accept known origins only.
    if websocket.headers.get("origin") not in settings.allowed_origins:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)  # answered 403
        return
    await websocket.accept()
    received = 0
    try:
        while True:
            frame = await websocket.receive()
            if frame["type"] == "websocket.disconnect":
                break
            try:
                message = json.loads(frame.get("text") or "")
            except ValueError:
                message = None
            if not isinstance(message, dict):
                await websocket.send_json({"error": "Send a JSON object."})
                continue
            received += 1
            await websocket.send_json(
                {"echo": str(message.get("text", "")), "count": received}
            )
    except WebSocketDisconnect:
        pass  # the client went away; nothing to clean up here


# --8<-- [start:sse]
@app.get("/events/countdown", response_class=EventSourceResponse)
async def countdown(
    start: Annotated[int, Query(ge=1, le=10)] = 3,
) -> AsyncIterable[ServerSentEvent]:
    for n in range(start, 0, -1):
        yield ServerSentEvent(data={"remaining": n}, event="tick", id=str(n))
        await asyncio.sleep(0.01)
    yield ServerSentEvent(data={"remaining": 0}, event="done")


# --8<-- [end:sse]
