from django.urls import path

from live import views

urlpatterns = [path("events/countdown/", views.countdown)]
