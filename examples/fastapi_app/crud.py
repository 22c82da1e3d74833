"""Task 2: a CRUD resource backed by a database (SQLAlchemy 2 + Alembic)."""

from typing import Annotated

from fastapi import APIRouter, FastAPI, HTTPException, Path, Response, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from fastapi_app.db import SessionDep
from fastapi_app.models import Book

router = APIRouter(prefix="/books", tags=["books"])


class BookIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    author: str = Field(min_length=1, max_length=100)
    year: int = Field(ge=0, le=2100)


class BookPatch(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=200)
    author: str | None = Field(default=None, min_length=1, max_length=100)
    year: int | None = Field(default=None, ge=0, le=2100)


class BookOut(BookIn):
    model_config = ConfigDict(from_attributes=True)

    id: int


BookId = Annotated[int, Path(ge=1)]


def get_book_or_404(session: SessionDep, book_id: int) -> Book:
    book = session.get(Book, book_id)
    if book is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Book not found")
    return book


@router.post("", status_code=status.HTTP_201_CREATED)
def create_book(data: BookIn, session: SessionDep) -> BookOut:
    book = Book(**data.model_dump())
    session.add(book)
    session.commit()
    return BookOut.model_validate(book)


@router.get("")
def list_books(session: SessionDep) -> list[BookOut]:
    books = session.scalars(select(Book).order_by(Book.id))
    return [BookOut.model_validate(book) for book in books]


@router.get("/{book_id}")
def read_book(book_id: BookId, session: SessionDep) -> BookOut:
    return BookOut.model_validate(get_book_or_404(session, book_id))


@router.patch("/{book_id}")
def update_book(book_id: BookId, data: BookPatch, session: SessionDep) -> BookOut:
    book = get_book_or_404(session, book_id)
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(book, field, value)
    session.commit()
    return BookOut.model_validate(book)


@router.delete("/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book_id: BookId, session: SessionDep) -> Response:
    session.delete(get_book_or_404(session, book_id))
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


app = FastAPI(title="Books")
app.include_router(router)
