"""Task 6: server-sent events with an async StreamingHttpResponse (no Channels)."""

import asyncio
import json
from collections.abc import AsyncIterator

from django.http import HttpRequest, JsonResponse, StreamingHttpResponse
from django.views.decorators.http import require_GET


def sse(data: dict, event: str, event_id: str | None = None) -> str:
    """Format one event in the text/event-stream wire format."""
    lines = [f"event: {event}", f"data: {json.dumps(data)}"]
    if event_id is not None:
        lines.insert(1, f"id: {event_id}")
    return "\n".join(lines) + "\n\n"


@require_GET
async def countdown(request: HttpRequest) -> StreamingHttpResponse | JsonResponse:
    start = request.GET.get("start", "3")
    if not start.isdigit() or not 1 <= int(start) <= 10:
        return JsonResponse(
            {"start": ["Enter a whole number from 1 to 10."]}, status=400
        )

    async def events() -> AsyncIterator[str]:
        for n in range(int(start), 0, -1):
            yield sse({"remaining": n}, "tick", str(n))
            await asyncio.sleep(0.01)
        yield sse({"remaining": 0}, "done")

    response = StreamingHttpResponse(events(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # tell nginx not to buffer the stream
    return response
