"""Case-work pages. Every view checks the role matrix (:mod:`soraq.casework.permissions`);
every view of confidential data writes an audit entry."""

from __future__ import annotations

import functools
import re

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soraq.registry import dataversion
from soraq.registry.models import STATUS_LABELS, Mention, Person

from . import audit, evidence_store, ratelimit
from .forms import CaseEditForm, CaseFilterForm, ConsentForm, EvidenceForm, HideForm, IntakeForm, NoteForm
from .models import Alert, AuditEntry, CandidateMatch, Case, EvidenceFile, FactReview, Note, TracingRequest
from .permissions import allowed_actions, can
from .services import cases as case_service
from .services import consent as consent_service
from .services import matching, review
from .services.intake import IntakeData, submit


def requires(action: str):
    """The view needs ``action``: anonymous visitors go to the login page, others get 403."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not can(request.user, action):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            with audit.acting_as(request.user):
                return view(request, *args, **kwargs)

        return never_cache(wrapped)

    return decorator


def _ctx(request, **extra):
    """Common context: what the user may do (templates show only what is allowed)."""
    actions = allowed_actions(request.user)
    unread = (Alert.objects.filter(recipient=request.user, read_at__isnull=True).count()
              if "alert.view" in actions else 0)
    return {"can": {a.replace(".", "_"): True for a in actions}, "unread_alerts": unread, **extra}


def _paging(request, page) -> dict:
    """What the registry's pagination partial expects."""
    query = request.GET.copy()
    query.pop("page", None)
    return {"is_paginated": page.has_other_pages(), "page_obj": page, "query_string": query.urlencode()}


# --- public intake -------------------------------------------------------------------------------


@never_cache
def intake(request):
    """The public tracing-request form (no account needed)."""
    lang = translation.get_language() or "en"
    if request.method == "POST":
        form = IntakeForm(request.POST, request.FILES)
        if form.is_valid() or form.bot_suspected:
            if not ratelimit.hit(request, "intake", ratelimit.intake_rate()):
                audit.record(audit.ANONYMOUS, "intake.rate_limited", None, {})
                return render(request, "casework/intake_limited.html", _ctx(request), status=429)
        if form.bot_suspected:
            audit.record(audit.ANONYMOUS, "intake.bot_check_failed", None, {})
            fresh = IntakeForm(initial={k: v for k, v in request.POST.items()
                                        if k not in {"started", "website", "csrfmiddlewaretoken"}})
            messages.warning(request, _("Please check your answers and send the form again."))
            return render(request, "casework/intake.html", _ctx(request, form=fresh))
        if form.is_valid():
            d = form.cleaned_data
            photo, photo_type = d["photo"] if d.get("photo") else (None, "")
            req = submit(IntakeData(
                lang=lang[:2], name=d["name"].strip(), birth_date=d["birth_date"], citizenship=d["citizenship"],
                home_district=d["home_district"], work_abroad=d["work_abroad"], phone=d["phone"],
                photo=photo, photo_type=photo_type, story=d["story"], last_contact=d["last_contact"],
                went_missing=d["went_missing"], contact_name=d["contact_name"],
                contact_relation=d["contact_relation"], contact_phone=d["contact_phone"],
                contact_email=d["contact_email"], contact_other=d["contact_other"],
            ), family_user=request.user if _files_for_own_family(request.user) else None, actor=request.user)
            request.session["casework_last_reference"] = req.reference
            return redirect("casework:intake-done")
    else:
        form = IntakeForm()
    return render(request, "casework/intake.html", _ctx(request, form=form))


def _files_for_own_family(user) -> bool:
    """A family account files for itself; staff filing for a family (by phone) are not the family."""
    return can(user, "case.view_own") and not can(user, "case.view")


@never_cache
def intake_done(request):
    reference = request.session.get("casework_last_reference")
    if not reference:
        return redirect("casework:intake")
    return render(request, "casework/intake_done.html", _ctx(request, reference=reference))


# --- cases ---------------------------------------------------------------------------------------


@requires("case.list")
def case_list(request):
    form = CaseFilterForm(request.GET or None)
    filters = case_service.CaseFilters()
    if form.is_valid():
        d = form.cleaned_data
        filters = case_service.CaseFilters(
            q=d["q"], citizenship=d["citizenship"], status=d["status"], person_status=d["person_status"],
            region=d["region"], date_from=d["date_from"], date_to=d["date_to"], new_reports=d["new_reports"])
    page = Paginator(case_service.find_cases(filters), 50).get_page(request.GET.get("page"))
    if filters.q:
        audit.record(request.user, "case.search", None, {"results": page.paginator.count})
    return render(request, "casework/case_list.html", _ctx(request, form=form, page=page, **_paging(request, page)))


@requires("case.list")
def silent_list(request):
    return render(request, "casework/silent_list.html", _ctx(request, rows=case_service.gone_silent()))


def _case_or_404(reference: str) -> Case:
    return get_object_or_404(Case.objects.select_related("mention__person", "mention__document"),
                             reference=reference.upper())


@never_cache
def case_detail(request, reference: str):
    user = request.user
    if not can(user, "case.view"):
        # decide before looking the reference up: the answer must not tell whether a case exists
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        own = Case.objects.filter(reference=reference.upper(), family_user=user).first()
        if own is None or not can(user, "case.view_own"):
            raise PermissionDenied
        audit.record(user, "case.view_own", own, {})
        return render(request, "casework/case_family.html", _ctx(request, case=own))
    # the case, its requests' non-confidential fields and its candidate matches are the same for every
    # role that may open the case: kept per change of the data (see _case_rows); no query when kept
    if not _REFERENCE_SHAPE.fullmatch(reference):
        raise Http404("no such case")  # no case has such a reference: none of it enters a cache key
    rows = dataversion.cached(f"casework.case.rows.{reference.upper()}", lambda: _case_rows(reference))
    if rows is None:
        raise Http404("no such case")
    case, requests_, candidates = rows
    with audit.acting_as(user):
        # what the registry says about the person (and the reviewers' rulings on it) is the same for
        # every role that may open the case: rendered once per change of the data (see _case_registry)
        registry = dataversion.cached(f"casework.case.{case.pk}.{translation.get_language()}",
                                      lambda: _case_registry(case))
        notes = list(case.notes.select_related("author")) if can(user, "note.view") else None
        evidence = list(case.evidence.all()) if can(user, "evidence.view") else None
        details = {}
        if notes is not None:
            details["notes"] = len(notes)
        if evidence is not None:
            details["evidence_listed"] = len(evidence)
        # one entry for the whole view: it names how many notes and evidence files were shown
        # (a second entry for the notes would double the view's waits on the audit chain)
        audit.record(user, "case.view", case, details)
        person = case.person
        news = registry["last_news"]
        return render(request, "casework/case_detail.html", _ctx(
            request, case=case, person=person, registry_html=registry["html"],
            status_label=STATUS_LABELS.get(person.status, person.status) if person is not None else "",
            last_news=news, days_without_news=(timezone.localdate() - news).days if news else None,
            requests=requests_, notes=notes,
            candidates=candidates,
            evidence=evidence,
            # only the forms this reader may use (the template shows no other)
            edit_form=CaseEditForm(instance=case) if can(user, "case.edit") else None,
            note_form=NoteForm() if can(user, "note.add") else None,
            evidence_form=EvidenceForm() if can(user, "evidence.add") else None,
            hide_form=HideForm() if can(user, "case.hide") else None,
            consent_form=ConsentForm() if can(user, "case.consent") else None,
            following=can(user, "case.follow") and case.followers.filter(pk=user.pk).exists(),
        ))


#: what a case reference can look like (``SRQ-`` and 8 characters; at most the field's 12)
_REFERENCE_SHAPE = re.compile(r"[A-Za-z0-9-]{1,12}")


def _case_rows(reference: str) -> tuple[Case, list[TracingRequest], list[CandidateMatch]] | None:
    """The rows the case page shows to every role that may open it (None: no such case).

    Never a confidential field: the family's consent giver stays deferred (loaded, for the roles
    that may see it, when the page asks for it), the requests' contacts, testimony and photo are not
    read (they load on their own, audited page).
    """
    case = (Case.objects.select_related("mention__person", "mention__document")
            .defer("publish_consent_from").filter(reference=reference.upper()).first())
    if case is None:
        return None
    requests_ = list(case.requests.only("pk", "case", "reference", "submitted_at", "lang", "flagged",
                                        "photo_type"))
    candidates = list(case.candidates.select_related("person").order_by("verdict", "-probability"))
    return case, requests_, candidates


def _case_registry(case: Case) -> dict:
    """The case page's reader-independent part: names, status, facts with rulings, timeline, reports."""
    file = case_service.case_file(case)
    rulings = review.fact_rulings(file.registry.get("mentions", []))
    for fact in file.registry.get("facts", []):
        for claim in fact.claims:
            claim.ruling = rulings.get((claim.mention.pk, fact.field))
    if file.registry:
        for claim in file.registry["status"].claims:
            claim.ruling = rulings.get((claim.mention.pk, "status"))
    html = render_to_string("casework/_case_registry.html", {"case": case, "file": file})
    return {"html": html, "last_news": file.last_news}


@requires("contact.view")
def case_confidential(request, reference: str):
    """The family's contacts and testimony: shown only on request, each view audited."""
    case = _case_or_404(reference)
    show_testimony = can(request.user, "testimony.view")
    requests_ = list(case.requests.all())
    audit.record(request.user, "contact.view", case, {"requests": [r.pk for r in requests_],
                                                      "testimony": show_testimony})
    return render(request, "casework/case_confidential.html", _ctx(
        request, case=case, requests=requests_, show_testimony=show_testimony))


@requires("testimony.view")
def request_photo(request, reference: str, pk: int):
    req = get_object_or_404(TracingRequest, pk=pk, case__reference=reference.upper())
    if not req.photo:
        raise Http404
    audit.record(request.user, "photo.view", req, {})
    response = HttpResponse(bytes(req.photo), content_type=req.photo_type or "application/octet-stream")
    response["Cache-Control"] = "no-store"
    response["Content-Disposition"] = "inline"
    return response


@require_POST
@requires("case.edit")
def case_edit(request, reference: str):
    case = _case_or_404(reference)
    form = CaseEditForm(request.POST, instance=case)
    if form.is_valid():
        form.save()
        audit.record(request.user, "case.edit", case, {"fields": sorted(form.changed_data)})
        messages.success(request, _("Case updated."))
    else:
        messages.error(request, _("The case was not changed: check the values."))
    return redirect(case)


@require_POST
@requires("case.follow")
def case_follow(request, reference: str):
    case = _case_or_404(reference)
    if request.POST.get("follow") == "1":
        case.followers.add(request.user)
        messages.success(request, _("You follow this case now: you will be alerted about news and silence."))
    else:
        case.followers.remove(request.user)
        messages.success(request, _("You no longer follow this case."))
    return redirect(case)


@require_POST
@requires("case.hide")
def case_hide(request, reference: str):
    """Mark a case and its requests as false or malicious: hidden from lists, never deleted."""
    case = _case_or_404(reference)
    form = HideForm(request.POST)
    hide = request.POST.get("hide", "1") == "1"
    if hide and not form.is_valid():
        messages.error(request, _("Say why the request is false or malicious."))
        return redirect(case)
    with transaction.atomic():
        case.hidden = hide
        case.hidden_reason = form.cleaned_data["reason"] if hide else ""
        case.save(update_fields=["hidden", "hidden_reason", "updated_at"])
        case.requests.update(flagged=hide, flagged_by=request.user if hide else None,
                             flagged_at=timezone.now() if hide else None,
                             flag_reason=case.hidden_reason)
        audit.record(request.user, "case.hide" if hide else "case.unhide", case, {})
    messages.success(request, _("The case is hidden.") if hide else _("The case is shown again."))
    return redirect(case)


@require_POST
@requires("case.consent")
def case_consent(request, reference: str):
    """Record (``given_by`` posted) or withdraw (``withdraw=1``) the family's consent to publish."""
    case = _case_or_404(reference)
    if request.POST.get("withdraw") == "1":
        consent_service.withdraw_consent(case, request.user)
        messages.success(request, _("Consent withdrawn: the name is no longer published."))
        return redirect(case)
    form = ConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say who in the family agreed, and how."))
        return redirect(case)
    consent_service.record_consent(case, request.user, form.cleaned_data["given_by"])
    messages.success(request, _("Consent to publish recorded."))
    return redirect(case)


@require_POST
@requires("case.edit")
def case_seen(request, reference: str):
    """The caseworker has looked at the new reports: clear the case's "new reports" flag."""
    case = _case_or_404(reference)
    case.has_new_reports = False
    case.save(update_fields=["has_new_reports", "updated_at"])
    return redirect(case)


@require_POST
@requires("note.add")
def note_add(request, reference: str):
    case = _case_or_404(reference)
    form = NoteForm(request.POST)
    if form.is_valid():
        note = Note.objects.create(case=case, author=request.user, body=form.cleaned_data["body"])
        audit.record(request.user, "note.add", note, {"case": case.pk})
        messages.success(request, _("Note added."))
    return redirect(case)


@require_POST
@requires("evidence.add")
def evidence_add(request, reference: str):
    case = _case_or_404(reference)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
        return redirect(case)
    upload = form.cleaned_data["file"]
    try:
        digest = evidence_store.store(upload.read())
    except evidence_store.EvidenceError as exc:
        messages.error(request, str(exc))
        return redirect(case)
    item = EvidenceFile.objects.create(case=case, sha256=digest, size=upload.size, filename=upload.name[:255],
                                       content_type=(upload.content_type or "")[:100],
                                       description=form.cleaned_data["description"], uploaded_by=request.user)
    audit.record(request.user, "evidence.add", item, {"sha256": digest, "size": upload.size})
    messages.success(request, _("File attached."))
    return redirect(case)


@requires("evidence.view")
def evidence_download(request, pk: int):
    item = get_object_or_404(EvidenceFile, pk=pk)
    try:
        data = evidence_store.read(item.sha256)
    except evidence_store.EvidenceError as exc:
        audit.record(request.user, "evidence.integrity_error", item, {"sha256": item.sha256})
        return HttpResponse(str(exc), status=500, content_type="text/plain; charset=utf-8")
    audit.record(request.user, "evidence.view", item, {"sha256": item.sha256})
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="evidence-{item.sha256[:16]}"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@requires("case.edit")
def candidates_refresh(request, reference: str):
    case = _case_or_404(reference)
    n = matching.refresh_candidates(case)
    messages.success(request, _("%(n)d open candidate matches.") % {"n": n})
    return redirect(case)


@require_POST
@requires("case.edit")
def case_from_person(request, person_pk: int):
    """Open a case for a person already in the registry (anchored to their newest mention)."""
    person = get_object_or_404(Person, pk=person_pk)
    anchor = person.mentions.order_by("-document__published_sort", "-pk").first()
    if anchor is None:
        raise Http404
    existing = Case.objects.filter(mention__person=person).first()
    if existing:
        return redirect(existing)
    from .services.names import index_case

    case = Case.objects.create(name=person.display_name, other_names=list(person.names or []),
                               birth_year=person.birth_year, citizenship=person.citizenship,
                               home_region=person.home, mention=anchor, status=Case.Status.OPEN)
    index_case(case)
    case.followers.add(request.user)
    audit.record(request.user, "case.open", case, {"person": person.pk})
    return redirect(case)


# --- family --------------------------------------------------------------------------------------


@requires("case.view_own")
def my_cases(request):
    rows = Case.objects.filter(family_user=request.user)
    return render(request, "casework/my_cases.html", _ctx(request, cases=rows))


# --- alerts --------------------------------------------------------------------------------------


@requires("alert.view")
def alert_list(request):
    if request.method == "POST":
        Alert.objects.filter(recipient=request.user, read_at__isnull=True).update(read_at=timezone.now())
        return redirect("casework:alerts")
    alerts = Alert.objects.filter(recipient=request.user).select_related("case")[:200]
    return render(request, "casework/alerts.html", _ctx(request, alerts=alerts))


# --- review --------------------------------------------------------------------------------------


@requires("review.view")
def review_queue(request):
    items = review.queue(limit=50)
    quotes = {}
    for s in items:
        field = s.field or "name"
        if s.mention is not None:
            quotes[(s.key, "a")] = review.quote_for(s.mention, field)
        if s.other is not None:
            quotes[(s.key, "b")] = review.quote_for(s.other, "name")
    for s in items:
        s.quote_a = quotes.get((s.key, "a"))
        s.quote_b = quotes.get((s.key, "b"))
    return render(request, "casework/review_queue.html", _ctx(request, items=items))


@require_POST
@requires("review.decide")
def review_decide(request):
    kind = request.POST.get("kind")
    verdict = request.POST.get("verdict")
    try:
        if verdict == "correct" and kind in {"link", "candidate"}:
            person = get_object_or_404(Person, pk=int(request.POST["person"]))
            cand = (get_object_or_404(CandidateMatch, pk=int(request.POST["candidate"]))
                    if kind == "candidate" else None)
            mention = cand.case.mention if cand else get_object_or_404(Mention, pk=int(request.POST["mention"]))
            if mention is None:
                raise ValueError(_("Unknown suggestion."))
            review.correct_link(request.user, mention, person, cand)
        elif kind == "link":
            mention = get_object_or_404(Mention, pk=int(request.POST["mention"]))
            other = get_object_or_404(Mention, pk=int(request.POST["other"]))
            review.decide_link(request.user, mention, other, same=verdict == "same")
        elif kind == "candidate":
            cand = get_object_or_404(CandidateMatch, pk=int(request.POST["candidate"]))
            review.decide_candidate(request.user, cand, same=verdict == "same")
        elif kind == "fact":
            mention = get_object_or_404(Mention, pk=int(request.POST["mention"]))
            value = request.POST.get("value", "").strip() or None
            if verdict == FactReview.Verdict.CORRECTED and not value:
                raise ValueError(_("Give the corrected value."))
            review.decide_fact(request.user, mention, request.POST.get("field", ""), verdict, value)
        else:
            raise ValueError(_("Unknown suggestion."))
    except (KeyError, ValueError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Decision recorded."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "casework:review"
    return redirect(target)


@requires("person.merge")
def person_merge(request):
    if request.method == "POST":
        try:
            keep = get_object_or_404(Person, pk=int(request.POST["keep"]))
            absorb = get_object_or_404(Person, pk=int(request.POST["absorb"]))
            person = review.merge(request.user, keep, absorb)
        except (KeyError, ValueError) as exc:
            messages.error(request, str(exc) or _("Choose two different persons."))
        else:
            messages.success(request, _("Persons merged."))
            return redirect(person.get_absolute_url())
    return render(request, "casework/person_merge.html", _ctx(request))


@requires("person.split")
def person_split(request, person_pk: int):
    person = get_object_or_404(Person, pk=person_pk)
    if request.method == "POST":
        ids = [int(x) for x in request.POST.getlist("mention") if x.isdigit()]
        try:
            new = review.split(request.user, person, ids)
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Mentions moved to a new person."))
            return redirect(new.get_absolute_url())
    mentions = person.mentions.select_related("document").order_by("document__published_sort")
    return render(request, "casework/person_split.html", _ctx(request, person=person, mentions=mentions))


# --- audit ---------------------------------------------------------------------------------------


@requires("audit.view")
def audit_log(request):
    page = Paginator(AuditEntry.objects.order_by("-seq"), 100).get_page(request.GET.get("page"))
    return render(request, "casework/audit_log.html", _ctx(request, page=page, **_paging(request, page)))
