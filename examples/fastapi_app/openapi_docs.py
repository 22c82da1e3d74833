"""Task 9: the OpenAPI schema and the docs pages FastAPI serves by itself."""

from fastapi import FastAPI

from fastapi_app.crud import router as books_router
from fastapi_app.errors import HANDLERS

app = FastAPI(
    title="Books API",
    version="1.0.0",
    summary="The CRUD routes from task 2, documented from their type hints.",
    openapi_tags=[
        {"name": "books", "description": "Create, read, update and delete books."}
    ],
    # These three are the defaults, written out to show where the pages live.
    docs_url="/docs",  # Swagger UI
    redoc_url="/redoc",  # ReDoc
    openapi_url="/openapi.json",  # the schema both pages read
    exception_handlers=HANDLERS,  # fastapi_app/errors.py, as in task 2
)
app.include_router(books_router)
