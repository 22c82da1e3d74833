"""Task 6: a WebSocket consumer. Django has no WebSocket support; Channels adds it."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class EchoConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        self.received = 0
        await self.accept()

    async def receive_json(self, content: dict, **kwargs) -> None:
        self.received += 1
        await self.send_json({"echo": content.get("text", ""), "count": self.received})
