from django.urls import path

from rates import views

urlpatterns = [path("convert/", views.convert)]
