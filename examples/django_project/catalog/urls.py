from django.urls import include, path

from catalog import api_drf, listing, listing_drf, views

urlpatterns = [
    # Task 2: plain Django CRUD and the DRF viewset
    path("books/", views.book_collection),
    path("books/<int:pk>/", views.book_detail),
    path("drf/", include(api_drf.router.urls)),
    # Task 7: pagination and filtering
    path("browse/", listing.browse_books),
    path("drf/browse/", listing_drf.BookListView.as_view()),
]
