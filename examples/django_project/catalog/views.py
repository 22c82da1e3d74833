"""Task 2 in plain Django: a JSON CRUD resource, validated by a ModelForm."""

import json

from django import forms
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from catalog.models import Book


class BookForm(forms.ModelForm):
    class Meta:
        model = Book
        fields = ["title", "author", "year"]


def _errors(form: forms.Form) -> JsonResponse:
    data = {
        field: [e["message"] for e in errs]
        for field, errs in form.errors.get_json_data().items()
    }
    return JsonResponse(data, status=400)


def _body(request: HttpRequest) -> dict:
    try:
        payload = json.loads(request.body)
    except json.JSONDecodeError:
        payload = None
    return payload if isinstance(payload, dict) else {}


@csrf_exempt
@require_http_methods(["GET", "POST"])
def book_collection(request: HttpRequest) -> JsonResponse:
    if request.method == "GET":
        return JsonResponse(
            [model_to_dict(book) for book in Book.objects.all()], safe=False
        )
    form = BookForm(_body(request))
    if not form.is_valid():
        return _errors(form)
    return JsonResponse(model_to_dict(form.save()), status=201)


@csrf_exempt
@require_http_methods(["GET", "PATCH", "DELETE"])
def book_detail(request: HttpRequest, pk: int) -> HttpResponse:
    book = Book.objects.filter(pk=pk).first()
    if (
        book is None
    ):  # get_object_or_404 would answer with Django's HTML 404 page instead
        return JsonResponse({"detail": "Book not found"}, status=404)
    if request.method == "GET":
        return JsonResponse(model_to_dict(book))
    if request.method == "DELETE":
        book.delete()
        return HttpResponse(status=204)
    # PATCH: start from the stored values so missing fields keep them.
    form = BookForm({**model_to_dict(book), **_body(request)}, instance=book)
    if not form.is_valid():
        return _errors(form)
    return JsonResponse(model_to_dict(form.save()))
