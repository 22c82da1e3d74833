"""Task 7 in plain Django: a Form checks the query, Paginator pages the queryset."""

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.forms.models import model_to_dict
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from catalog.models import Book


class BrowseForm(forms.Form):
    page = forms.IntegerField(min_value=1, max_value=1_000_000, required=False)
    size = forms.IntegerField(min_value=1, max_value=100, required=False)
    author = forms.CharField(max_length=100, required=False)
    search = forms.CharField(min_length=2, max_length=200, required=False)
    year_from = forms.IntegerField(min_value=0, max_value=2100, required=False)


@require_GET
def browse_books(request: HttpRequest) -> JsonResponse:
    form = BrowseForm(request.GET)
    if not form.is_valid():
        errors = {
            field: [e["message"] for e in errs]
            for field, errs in form.errors.get_json_data().items()
        }
        return JsonResponse(errors, status=400)
    params = form.cleaned_data

    books = Book.objects.all()  # Meta.ordering keeps pages stable
    if params["author"]:
        books = books.filter(author__iexact=params["author"])
    if params["search"]:
        books = books.filter(title__icontains=params["search"])  # escapes % and _
    if params["year_from"] is not None:
        books = books.filter(year__gte=params["year_from"])

    try:
        page = Paginator(books, params["size"] or 10).page(params["page"] or 1)
    except EmptyPage:
        return JsonResponse({"detail": "Invalid page."}, status=404)

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"?{query.urlencode()}")

    return JsonResponse(
        {
            "count": page.paginator.count,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": (
                link(page.previous_page_number()) if page.has_previous() else None
            ),
            "results": [model_to_dict(book) for book in page],
        }
    )
