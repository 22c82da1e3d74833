"""Task 9, FastAPI: the OpenAPI schema lists the routes; the docs pages are served."""

from fastapi.testclient import TestClient

from fastapi_app.openapi_docs import app

client = TestClient(app)


def test_openapi_json_describes_the_book_routes() -> None:
    schema = client.get("/openapi.json").json()
    assert schema["info"] == {
        "title": "Books API",
        "version": "1.0.0",
        "summary": "The CRUD routes from task 2, documented from their type hints.",
    }
    assert set(schema["paths"]) == {"/books", "/books/{book_id}"}
    assert set(schema["paths"]["/books/{book_id}"]) == {"get", "patch", "delete"}
    # The request body schema comes straight from the Pydantic model.
    book_in = schema["components"]["schemas"]["BookIn"]
    assert book_in["required"] == ["title", "author", "year"]
    assert book_in["properties"]["year"]["maximum"] == 2100
    # Writes need a bearer token (task 3), reads do not: the schema says which is which.
    assert "OAuth2PasswordBearer" in schema["components"]["securitySchemes"]
    assert "security" in schema["paths"]["/books"]["post"]
    assert "security" not in schema["paths"]["/books"]["get"]


def test_swagger_ui_and_redoc_pages_are_served() -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "swagger-ui" in docs.text and "/openapi.json" in docs.text
    redoc = client.get("/redoc")
    assert redoc.status_code == 200
    assert "redoc" in redoc.text.lower()


def test_fastapi_has_no_admin() -> None:
    assert (
        client.get("/admin").status_code == 404
    )  # an admin needs a third-party package
