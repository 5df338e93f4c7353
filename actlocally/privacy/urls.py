"""Privacy pages: a person's own export, and site staff's subject access and erasure."""

from django.urls import path

from . import views

urlpatterns = [
    path("my-data/", views.my_data, name="privacy_my_data"),
    path("people/", views.people, name="privacy_people"),
    path("people/<int:pk>/", views.person, name="privacy_person"),
    path("people/<int:pk>/export/", views.person_export, name="privacy_person_export"),
    path("people/<int:pk>/erase/", views.person_erase, name="privacy_person_erase"),
]
