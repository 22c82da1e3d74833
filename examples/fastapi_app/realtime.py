"""Task 6: a WebSocket endpoint and a server-sent events (SSE) endpoint."""

import asyncio
from collections.abc import AsyncIterable
from typing import Annotated

from fastapi import FastAPI, Query, WebSocket, WebSocketDisconnect
from fastapi.sse import EventSourceResponse, ServerSentEvent

app = FastAPI(title="Realtime")


@app.websocket("/ws/echo")
async def echo(websocket: WebSocket) -> None:
    await websocket.accept()
    received = 0
    try:
        while True:
            message = await websocket.receive_json()
            received += 1
            await websocket.send_json(
                {"echo": message.get("text", ""), "count": received}
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
