"""Task 7: pagination and filtering over the books table."""

from typing import Annotated

from fastapi import FastAPI, HTTPException, Query, Request, status
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from fastapi_app.crud import BookOut
from fastapi_app.db import SessionDep
from fastapi_app.models import Book

app = FastAPI(title="Book catalogue")


class BookFilters(BaseModel):
    """Query parameters, declared once and validated like a request body."""

    model_config = {"extra": "forbid"}

    page: int = Field(default=1, ge=1, le=1_000_000)
    size: int = Field(default=10, ge=1, le=100)
    author: str | None = Field(default=None, max_length=100)
    search: str | None = Field(default=None, min_length=2, max_length=200)
    year_from: int | None = Field(default=None, ge=0, le=2100)


class BookPage(BaseModel):
    count: int
    next: str | None
    previous: str | None
    results: list[BookOut]


@app.get("/books")
async def list_books(
    request: Request, session: SessionDep, params: Annotated[BookFilters, Query()]
) -> BookPage:
    query = select(Book)
    if params.author:
        query = query.where(func.lower(Book.author) == params.author.lower())
    if params.search:
        # autoescape: a % or _ in the search text matches itself, not "anything"
        query = query.where(Book.title.icontains(params.search, autoescape=True))
    if params.year_from is not None:
        query = query.where(Book.year >= params.year_from)

    count = await session.scalar(select(func.count()).select_from(query.subquery()))
    last_page = max(1, -(-count // params.size))
    if params.page > last_page:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Invalid page.")

    rows = await session.scalars(
        query.order_by(Book.year, Book.id)
        .offset((params.page - 1) * params.size)
        .limit(params.size)
    )

    def link(page: int) -> str:
        return str(request.url.include_query_params(page=page))

    return BookPage(
        count=count,
        next=link(params.page + 1) if params.page < last_page else None,
        previous=link(params.page - 1) if params.page > 1 else None,
        results=[BookOut.model_validate(book) for book in rows],
    )
