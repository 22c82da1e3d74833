from django.urls import path

from accounts import api_drf, views

urlpatterns = [
    path("csrf/", views.csrf),
    path("login/", views.login_view),
    path("logout/", views.logout_view),
    path("me/", views.me),
    path("reports/", views.reports),
    path("drf/token/", api_drf.token_view),
    path("drf/me/", api_drf.me),
    path("drf/reports/", api_drf.reports),
]
