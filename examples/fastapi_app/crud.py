"""Task 2: a CRUD resource backed by a database (SQLAlchemy 2 asyncio + Alembic)."""

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Response, status
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select

from fastapi_app.auth import current_user
from fastapi_app.db import SessionDep
from fastapi_app.errors import HANDLERS
from fastapi_app.models import Book

router = APIRouter(prefix="/books", tags=["books"])
signed_in = [Depends(current_user)]  # reading is public; writing needs a bearer token


class BookIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)
    year: int = Field(ge=0, le=2100)


class BookPatch(BaseModel):
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


class BookOut(BookIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


BookId = Annotated[int, Path(ge=1, le=2**63 - 1)]  # SQLite's largest integer


async def get_book_or_404(session: SessionDep, book_id: int) -> Book:
    book = await session.get(Book, book_id)
    if book is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Book not found")
    return book


@router.post("", status_code=status.HTTP_201_CREATED, dependencies=signed_in)
async def create_book(data: BookIn, session: SessionDep) -> BookOut:
    book = Book(**data.model_dump())
    session.add(book)
    await session.commit()
    return BookOut.model_validate(book)


@router.get("")
async def list_books(session: SessionDep) -> list[BookOut]:
    books = await session.scalars(select(Book).order_by(Book.id))
    return [BookOut.model_validate(book) for book in books]


@router.get("/{book_id}")
async def read_book(book_id: BookId, session: SessionDep) -> BookOut:
    return BookOut.model_validate(await get_book_or_404(session, book_id))


@router.patch("/{book_id}", dependencies=signed_in)
async def update_book(book_id: BookId, data: BookPatch, session: SessionDep) -> BookOut:
    book = await get_book_or_404(session, book_id)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(book, field, value)
    await session.commit()
    return BookOut.model_validate(book)


@router.delete(
    "/{book_id}", status_code=status.HTTP_204_NO_CONTENT, dependencies=signed_in
)
async def delete_book(book_id: BookId, session: SessionDep) -> Response:
    await session.delete(await get_book_or_404(session, book_id))
    await session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


app = FastAPI(title="Books", exception_handlers=HANDLERS)
app.include_router(router)
