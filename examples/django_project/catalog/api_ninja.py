"""Task 9 with Django Ninja: typed endpoints over Book, documented automatically."""

from django.shortcuts import get_object_or_404
from ninja import ModelSchema, Router

from catalog.models import Book

router = Router(tags=["books"])


class BookOut(ModelSchema):
    class Meta:
        model = Book
        fields = ["id", "title", "author", "year"]


@router.get("/books", response=list[BookOut])
def list_books(request):
    return Book.objects.all()


@router.get("/books/{book_id}", response=BookOut)
def read_book(request, book_id: int):
    return get_object_or_404(Book, pk=book_id)
