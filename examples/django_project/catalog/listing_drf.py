"""Task 7 with Django REST Framework: a pagination class plus django-filter."""

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, generics
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny

from catalog.api_drf import BookSerializer
from catalog.models import Book


class BookPagination(PageNumberPagination):
    page_size = 10
    page_size_query_param = "size"  # out of 1 to 100: the default 10, or 100
    max_page_size = 100


class BookFilter(django_filters.FilterSet):
    author = django_filters.CharFilter(lookup_expr="iexact")
    year_from = django_filters.NumberFilter(
        field_name="year", lookup_expr="gte", min_value=0, max_value=2100
    )

    class Meta:
        model = Book
        fields = ["author", "year_from"]


class BookListView(generics.ListAPIView):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    permission_classes = [AllowAny]  # public; the project default is signed-in
    pagination_class = BookPagination
    filter_backends = [DjangoFilterBackend, filters.SearchFilter]
    filterset_class = BookFilter
    search_fields = ["title"]  # ?search=...
