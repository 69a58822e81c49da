"""The registry's pages (all behind login)."""

from django.urls import path

from soraq.registry import views

app_name = "registry"

urlpatterns = [
    path("", views.home, name="home"),
    path("persons/", views.PersonListView.as_view(), name="person-list"),
    path("persons/<int:pk>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("documents/", views.DocumentListView.as_view(), name="document-list"),
    path("documents/<int:pk>/", views.DocumentDetailView.as_view(), name="document-detail"),
    path("documents/<int:pk>/original", views.document_original, name="document-original"),
]
