"""Sharing URLs: the REST API under /api/, statistics, exports and imports.

No app namespace here: the API registers its own (``api``), and the pages are
named ``sharing-...``.
"""

from django.urls import path

from soraq.sharing import views
from soraq.sharing.api import api

urlpatterns = [
    path("api/", api.urls),
    path("statistics/", views.statistics_page, name="sharing-statistics"),
    path("statistics/statistics.csv", views.statistics_csv, name="sharing-statistics-csv"),
    path("sharing/exports/", views.exports_page, name="sharing-exports"),
    path("sharing/exports/<str:fmt>/", views.export_download, name="sharing-export-download"),
    path("sharing/import/", views.import_page, name="sharing-import"),
    path("sharing/photos/<str:public_id>", views.public_photo, name="sharing-public-photo"),
]
