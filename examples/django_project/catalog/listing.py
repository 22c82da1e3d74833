"""Task 7 in plain Django: filter from request.GET, page with Paginator."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.forms.models import model_to_dict
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from catalog.models import Book


@require_GET
def browse_books(request: HttpRequest) -> JsonResponse:
    books = Book.objects.all()  # Meta.ordering keeps pages stable
    if author := request.GET.get("author"):
        books = books.filter(author__iexact=author)
    if search := request.GET.get("search"):
        books = books.filter(title__icontains=search)
    if year_from := request.GET.get("year_from"):
        if not year_from.isdigit():
            return JsonResponse({"year_from": ["Enter a whole number."]}, status=400)
        books = books.filter(year__gte=int(year_from))

    try:
        size = min(int(request.GET.get("size", 10)), 100)
        page = Paginator(books, size).page(request.GET.get("page", 1))
    except (ValueError, PageNotAnInteger, EmptyPage):
        return JsonResponse({"detail": "Invalid page."}, status=404)

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"?{query.urlencode()}")

    return JsonResponse(
        {
            "count": page.paginator.count,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number())
            if page.has_previous()
            else None,
            "results": [model_to_dict(book) for book in page],
        }
    )
