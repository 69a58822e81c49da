"""Sharing URLs: the REST API under /api/, statistics, exports and imports."""

from django.urls import path

from soraq.sharing import views
from soraq.sharing.api import api

app_name = "sharing"

urlpatterns = [
    path("api/", api.urls),
    path("statistics/", views.statistics_page, name="statistics"),
    path("statistics/statistics.csv", views.statistics_csv, name="statistics-csv"),
    path("sharing/exports/", views.exports_page, name="exports"),
    path("sharing/exports/<str:fmt>/", views.export_download, name="export-download"),
    path("sharing/import/", views.import_page, name="import"),
]
