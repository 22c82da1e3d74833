"""Task 2 in plain Django: a JSON CRUD resource, validated by a ModelForm."""

from django import forms
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_http_methods

from catalog.models import Book
from config.json_body import json_object

# No @csrf_exempt: writes are signed in with the session cookie, so CsrfViewMiddleware
# must see the X-CSRFToken header (a JSON client gets the token from /accounts/csrf/).


class BookForm(forms.ModelForm):
    class Meta:
        model = Book
        fields = ["title", "author", "year"]


def errors(form: forms.Form) -> JsonResponse:
    data = {
        field: [e["message"] for e in errs]
        for field, errs in form.errors.get_json_data().items()
    }
    return JsonResponse(data, status=400)


def refusal(request: HttpRequest) -> JsonResponse | None:
    """Why a write is refused (not signed in), or None when it may go ahead."""
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "Authentication required"}, status=401)
    return None


@require_http_methods(["GET", "POST"])
def book_collection(request: HttpRequest) -> JsonResponse:
    if request.method == "GET":
        return JsonResponse(
            [model_to_dict(book) for book in Book.objects.all()], safe=False
        )
    if refused := refusal(request):
        return refused
    try:
        form = BookForm(json_object(request))
    except ValueError as error:
        return JsonResponse({"detail": str(error)}, status=400)
    if not form.is_valid():
        return errors(form)
    return JsonResponse(model_to_dict(form.save()), status=201)


@require_http_methods(["GET", "PATCH", "DELETE"])
def book_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # get_object_or_404 would answer with Django's HTML 404 page instead.
    book = Book.objects.filter(pk=pk).first() if pk < 2**63 else None
    if book is None:
        return JsonResponse({"detail": "Book not found"}, status=404)
    if request.method == "GET":
        return JsonResponse(model_to_dict(book))
    if refused := refusal(request):
        return refused
    if request.method == "DELETE":
        book.delete()
        return HttpResponse(status=204)
    try:
        changes = json_object(request)
    except ValueError as error:
        return JsonResponse({"detail": str(error)}, status=400)
    # PATCH: start from the stored values so the fields left out keep them.
    form = BookForm({**model_to_dict(book), **changes}, instance=book)
    if not form.is_valid():
        return errors(form)
    return JsonResponse(model_to_dict(form.save()))
