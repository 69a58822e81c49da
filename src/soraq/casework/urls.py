"""Case-work URLs (included at the site root by soraq.site.urls)."""

from django.urls import path

from . import views

app_name = "casework"

urlpatterns = [
    path("intake/", views.intake, name="intake"),
    path("intake/done/", views.intake_done, name="intake-done"),
    path("cases/", views.case_list, name="case-list"),
    path("cases/silent/", views.silent_list, name="silent"),
    path("cases/mine/", views.my_cases, name="my-cases"),
    path("cases/open/<int:person_pk>/", views.case_from_person, name="case-from-person"),
    path("cases/<str:reference>/", views.case_detail, name="case-detail"),
    path("cases/<str:reference>/confidential/", views.case_confidential, name="case-confidential"),
    path("cases/<str:reference>/photo/<int:pk>/", views.request_photo, name="request-photo"),
    path("cases/<str:reference>/edit/", views.case_edit, name="case-edit"),
    path("cases/<str:reference>/follow/", views.case_follow, name="case-follow"),
    path("cases/<str:reference>/seen/", views.case_seen, name="case-seen"),
    path("cases/<str:reference>/hide/", views.case_hide, name="case-hide"),
    path("cases/<str:reference>/consent/", views.case_consent, name="case-consent"),
    path("cases/<str:reference>/notes/", views.note_add, name="note-add"),
    path("cases/<str:reference>/evidence/", views.evidence_add, name="evidence-add"),
    path("cases/<str:reference>/candidates/", views.candidates_refresh, name="candidates-refresh"),
    path("evidence/<int:pk>/", views.evidence_download, name="evidence-download"),
    path("alerts/", views.alert_list, name="alerts"),
    path("review/", views.review_queue, name="review"),
    path("review/decide/", views.review_decide, name="review-decide"),
    path("review/merge/", views.person_merge, name="person-merge"),
    path("review/split/<int:person_pk>/", views.person_split, name="person-split"),
    path("audit/", views.audit_log, name="audit-log"),
]
