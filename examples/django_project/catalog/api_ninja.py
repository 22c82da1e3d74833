"""Tasks 2, 7 and 9 with Django Ninja: typed async endpoints over Book, documented."""

# --8<-- [start:crud]
from typing import Annotated

from django.http import HttpRequest
from django.shortcuts import aget_object_or_404
from ninja import Field, FilterLookup, FilterSchema, ModelSchema, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from pydantic import field_validator

from accounts.api_ninja import bearer
from catalog.models import Book

router = Router(tags=["books"])  # reading is public; writing needs a bearer token


class BookIn(Schema):
    # Model validators do not run on save(), so the schema repeats the model's limits.
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)
    year: int = Field(ge=0, le=2100)


class BookPatch(Schema):
    """Every field may be left out; a field that is sent needs a value (NOT NULL)."""

    title: str | None = Field(default=None, min_length=1, max_length=200)
    author: str | None = Field(default=None, min_length=1, max_length=100)
    year: int | None = Field(default=None, ge=0, le=2100)

    @field_validator("title", "author", "year")
    @classmethod
    def not_null(cls, value: object) -> object:
        if value is None:  # only reached when the client sent an explicit null
            raise ValueError("may be left out, but not null")
        return value


class BookOut(ModelSchema):
    class Meta:
        model = Book
        fields = ["id", "title", "author", "year"]


BookId = Annotated[int, Field(ge=1, le=2**63 - 1)]  # SQLite's largest integer


# Task 2: CRUD, with Django's async ORM (acreate, aget, asave, adelete, async for).


@router.post("/books", response={201: BookOut}, auth=bearer)
async def create_book(request: HttpRequest, data: BookIn) -> Status:
    return Status(201, await Book.objects.acreate(**data.model_dump()))


@router.get("/books", response=list[BookOut])
async def list_books(request: HttpRequest) -> list[Book]:
    return [book async for book in Book.objects.all()]


@router.get("/books/{book_id}", response=BookOut)
async def read_book(request: HttpRequest, book_id: BookId) -> Book:
    return await aget_object_or_404(Book, pk=book_id)


@router.patch("/books/{book_id}", response=BookOut, auth=bearer)
async def update_book(request: HttpRequest, book_id: BookId, data: BookPatch) -> Book:
    book = await aget_object_or_404(Book, pk=book_id)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(book, field, value)
    await book.asave()
    return book


@router.delete("/books/{book_id}", response={204: None}, auth=bearer)
async def delete_book(request: HttpRequest, book_id: BookId) -> Status:
    await (await aget_object_or_404(Book, pk=book_id)).adelete()
    return Status(204, None)


# --8<-- [end:crud]
# --8<-- [start:browse]
# Task 7: pagination and filtering, with the same envelope and parameters as the others.


class BookFilters(FilterSchema):
    author: Annotated[str | None, FilterLookup("author__iexact")] = None
    search: Annotated[
        str | None, FilterLookup("title__icontains"), Field(min_length=2)
    ] = None  # icontains escapes % and _ itself
    year_from: Annotated[
        int | None, FilterLookup("year__gte"), Field(ge=0, le=2100)
    ] = None


class PageParams(Schema):
    page: int = Field(default=1, ge=1, le=1_000_000)
    size: int = Field(default=10, ge=1, le=100)


class BookPage(Schema):
    count: int
    next: str | None
    previous: str | None
    results: list[BookOut]


@router.get("/browse", response=BookPage)
async def browse_books(
    request: HttpRequest,
    filters: Query[BookFilters],
    paging: Query[PageParams],
) -> dict:
    books = filters.filter(Book.objects.all())  # Meta.ordering keeps pages stable
    count = await books.acount()
    last_page = max(1, -(-count // paging.size))
    if paging.page > last_page:
        raise HttpError(404, "Invalid page.")
    start = (paging.page - 1) * paging.size

    def link(page: int) -> str:
        query = request.GET.copy()
        query["page"] = page
        return request.build_absolute_uri(f"?{query.urlencode()}")

    return {
        "count": count,
        "next": link(paging.page + 1) if paging.page < last_page else None,
        "previous": link(paging.page - 1) if paging.page > 1 else None,
        "results": [book async for book in books[start : start + paging.size]],
    }


# --8<-- [end:browse]
