"""Sharing pages: statistics (with offline SVG charts and CSV), exports and imports.

Each page asks :func:`soraq.sharing.permissions.can` exactly as the API does:
an anonymous visitor is sent to the login page, a logged-in user without the
role gets 403.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from soraq.sharing import permissions
from soraq.sharing.exports import FORMATS


def _require(request: HttpRequest, action: str) -> HttpResponse | None:
    if permissions.can(request.user, action):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(f"your role does not allow {action}")


def _wants_full(request: HttpRequest) -> bool:
    return request.GET.get("view") == "full"


@require_GET
def statistics_page(request: HttpRequest) -> HttpResponse:
    from soraq.sharing.statistics import registry_statistics, wording

    full = _wants_full(request)
    denied = _require(request, "statistics.full" if full else "statistics.public")
    if denied:
        return denied
    stats = registry_statistics(public=not full)
    return render(request, "sharing/statistics.html", {
        "stats": stats,
        "tables_html": _tables_html(stats),
        "full": full,
        "total": wording(stats.total) if stats.total is not None else None,
        "confirmed_total": wording(stats.confirmed) if stats.confirmed else "0",
        "can_full": permissions.can(request.user, "statistics.full"),
    })


def _tables_html(stats) -> str:
    """The charts and tables, rendered once per computation of the statistics (then cached)."""
    from django.core.cache import cache
    from django.template.loader import render_to_string
    from django.utils.translation import get_language

    from soraq.sharing.statistics import bar_chart_svg, wording

    key = f"soraq.sharing.statistics.html.{stats.public}.{stats.computed_at}.{get_language()}"
    html = cache.get(key)
    if html is None:
        tables = [
            {
                "table": table,
                "chart": mark_safe(bar_chart_svg(table)),  # every label is escaped by bar_chart_svg
                "rows": [
                    {"label": row.label, "reported": wording(row.reported, table.k),
                     "confirmed": wording(row.confirmed, table.k) if row.confirmed else (
                         "0" if row.confirmed == 0 else wording(None, table.k))}
                    for row in table.rows
                ],
            }
            for table in stats.tables
        ]
        html = render_to_string("sharing/_statistics_tables.html", {"tables": tables})
        cache.set(key, html, 300)
    return mark_safe(html)


@require_GET
def statistics_csv(request: HttpRequest) -> HttpResponse:
    from soraq.sharing.statistics import registry_statistics, to_csv

    full = _wants_full(request)
    denied = _require(request, "statistics.full" if full else "statistics.public")
    if denied:
        return denied
    response = HttpResponse(to_csv(registry_statistics(public=not full)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="soraq-statistics-{"full" if full else "public"}.csv"'
    )
    return response


@require_GET
def exports_page(request: HttpRequest) -> HttpResponse:
    denied = _require(request, "export.public")
    if denied:
        return denied
    return render(request, "sharing/exports.html", {
        "formats": FORMATS,
        "can_full": permissions.can(request.user, "export.full"),
    })


@require_GET
def export_download(request: HttpRequest, fmt: str) -> HttpResponse:
    from soraq.sharing.exporting import audit_export, build_dataset, export_response

    if fmt not in FORMATS:
        return HttpResponse("unknown format", status=404, content_type="text/plain")
    public = request.GET.get("view") != "full"
    denied = _require(request, "export.public" if public else "export.full")
    if denied:
        return denied
    dataset = build_dataset(public=public)
    audit_export(request.user, dataset, fmt, "web")
    return export_response(dataset, fmt)


@require_http_methods(["GET", "POST"])
def import_page(request: HttpRequest) -> HttpResponse:
    from soraq.sharing.imports import audit_import, import_upload

    denied = _require(request, "persons.import")
    if denied:
        return denied
    context: dict = {"column_map": request.POST.get("column_map", "")}
    status = 200
    if request.method == "POST":
        report = import_upload(request.FILES.get("file"), context["column_map"])
        audit_import(request.user, report, "web")
        context["report"] = report
        status = 400 if report.refused is not None else 200
    return render(request, "sharing/import.html", context, status=status)


@require_GET
def public_photo(request: HttpRequest, public_id: str) -> HttpResponse:
    """A consented person's photo, as linked from the public dataset (see soraq.sharing.photos)."""
    from soraq.sharing.exporting import audit, publication_secret
    from soraq.sharing.photos import find_photo

    denied = _require(request, "export.public")
    if denied:
        return denied
    found = find_photo(public_id, publication_secret())
    if found is None:
        raise Http404("no published photo")
    data, media_type = found
    audit(request.user, "sharing.photo.view", {"public_id": public_id})
    response = HttpResponse(data, content_type=media_type)
    response["Cache-Control"] = "no-store"
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response
