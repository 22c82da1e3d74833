"""Task 9: the Django admin for Book. Registering the model is all it takes."""

from django.contrib import admin

from catalog.models import Book


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "year"]
    list_filter = ["year"]
    search_fields = ["title", "author"]
