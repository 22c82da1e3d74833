"""Task 6: a WebSocket consumer. Django has no WebSocket support; Channels adds it."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class EchoConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        self.received = 0
        await self.accept()

    async def receive(
        self, text_data: str | None = None, bytes_data=None, **kwargs
    ) -> None:
        # The base class would raise on a frame that is not JSON and hang up.
        try:
            content = await self.decode_json(text_data or "")
        except ValueError:
            content = None
        if not isinstance(content, dict):
            await self.send_json({"error": "Send a JSON object."})
            return
        await self.receive_json(content)

    async def receive_json(self, content: dict, **kwargs) -> None:
        self.received += 1
        await self.send_json(
            {"echo": str(content.get("text", "")), "count": self.received}
        )
