"""Task 2 with Django REST Framework: a ModelViewSet gives all five operations + PUT."""

from rest_framework import serializers, viewsets
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.routers import DefaultRouter

from catalog.models import Book


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title", "author", "year"]


class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer
    # Anyone reads, signed-in users write.
    permission_classes = [IsAuthenticatedOrReadOnly]


router = DefaultRouter()
router.register("books", BookViewSet)  # /books/ and /books/<pk>/
