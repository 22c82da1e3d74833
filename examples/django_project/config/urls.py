"""URLs for every Django example. Each task's app keeps its own urls.py."""

from django.contrib import admin
from django.urls import include, path

from config.api import api

urlpatterns = [
    path("admin/", admin.site.urls),  # task 9: the Django admin
    path("api/", api.urls),  # Django Ninja (tasks 1, 2, 3, 7), with docs at /api/docs
    path("reservations/", include("reservations.urls")),  # task 1
    path("catalog/", include("catalog.urls")),  # tasks 2 and 7
    path("accounts/", include("accounts.urls")),  # task 3
    path("rates/", include("rates.urls")),  # task 4
    path("newsletter/", include("newsletter.urls")),  # task 5
    path(
        "live/", include("live.urls")
    ),  # task 6 (SSE; the WebSocket route is in config/asgi.py)
]
