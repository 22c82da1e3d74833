"""Task 9 with Django Ninja: one NinjaAPI serves the schema and the docs page."""

from ninja import NinjaAPI

from catalog.api_ninja import router as books_router
from reservations.api_ninja import router as reservations_router

api = NinjaAPI(
    title="Books API (Django Ninja)",
    version="1.0.0",
    docs_url="/docs",  # Swagger UI at /api/docs; the schema is at /api/openapi.json
)
api.add_router("/", books_router)
api.add_router("/", reservations_router)
