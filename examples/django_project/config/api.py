"""Django Ninja: one NinjaAPI serves every router, the schema and the docs (task 9)."""

from ninja import NinjaAPI

from accounts.api_ninja import router as accounts_router
from catalog.api_ninja import router as books_router
from config.json_body import NinjaJSONParser
from reservations.api_ninja import router as reservations_router

api = NinjaAPI(
    title="Books API (Django Ninja)",
    version="1.0.0",
    docs_url="/docs",  # Swagger UI at /api/docs; the schema is at /api/openapi.json
    parser=NinjaJSONParser(),
)
api.add_router("/", reservations_router)  # task 1
api.add_router("/", books_router)  # tasks 2 and 7
api.add_router("/", accounts_router)  # task 3
