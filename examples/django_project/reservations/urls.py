from django.urls import path

from reservations import api_drf, views

urlpatterns = [
    path("", views.create_reservation),
    path("<int:reservation_id>/", views.read_reservation),
    path("drf/", api_drf.create_reservation),
    path("drf/<int:reservation_id>/", api_drf.read_reservation),
]
