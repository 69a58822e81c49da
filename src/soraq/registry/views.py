"""Registry pages: search people, read one person's file, read one document.

Views only read; what they show is prepared by :mod:`soraq.registry.services`.
"""

from __future__ import annotations

import functools
import hashlib

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from soraq.registry import dataversion
from soraq.registry.models import STATUS_CHOICES, Document, Person
from soraq.registry.services import presentation, search
from soraq.site import navigation


class RegistryReaderMixin(LoginRequiredMixin):
    """Logged-in users may read the registry, unless an installed app bars them (``registry_access``)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not navigation.may_read_registry(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def registry_reader(view):
    """The function-view form of :class:`RegistryReaderMixin`."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not navigation.may_read_registry(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapped)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The person list; a user barred from the registry goes to the first page their menu offers."""
    if not navigation.may_read_registry(request):
        items = navigation.contributions("nav_items", request)
        if not items:
            raise PermissionDenied
        return redirect(items[0].url)
    return redirect("registry:person-list")


class PersonListView(RegistryReaderMixin, ListView):
    """People, searchable by name in any script and filterable by citizenship and status.

    The total is counted up to :data:`search.COUNT_CAP` (:class:`search.CappedPaginator`);
    the per-row counts are made for the shown page only (:func:`search.with_counts`). The
    results as rendered are the same for every reader of the registry: kept, per query and
    language, in the process's cache until the data changes.
    """

    template_name = "registry/person_list.html"
    context_object_name = "persons"
    paginate_by = 25
    paginator_class = search.CappedPaginator

    def get(self, request, *args, **kwargs):
        params = request.GET
        query = hashlib.sha256(params.urlencode().encode()).hexdigest()[:32]
        results = dataversion.cached(f"registry.persons.{get_language()}.{query}", self._render_results)
        return TemplateResponse(request, self.template_name, {
            **self._filters(),
            "status_choices": STATUS_CHOICES,
            "citizenship_choices": search.citizenships(),
            "results": results,
        })

    def _filters(self) -> dict[str, str]:
        params = self.request.GET
        return {"q": params.get("q", ""), "citizenship": params.get("citizenship", ""),
                "status": params.get("status", "")}

    def _render_results(self) -> str:
        self.object_list = self.get_queryset()
        return render_to_string("registry/_person_results.html", self.get_context_data())

    def get_queryset(self):
        filters = self._filters()
        return search.find_persons(filters["q"], citizenship=filters["citizenship"], status=filters["status"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["persons"] = context["object_list"] = search.with_counts(context["object_list"])
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(self._filters(), query_string=query.urlencode())
        return context


class PersonDetailView(RegistryReaderMixin, DetailView):
    """One person: names, facts with their sources, disagreements, timeline and linked mentions."""

    model = Person
    template_name = "registry/person_detail.html"
    context_object_name = "person"

    def get_object(self, queryset=None):
        """The person's row, kept per data version like the rendered file (no query when kept)."""
        pk = self.kwargs[self.pk_url_kwarg]
        person = dataversion.cached(f"registry.person.row.{pk}", lambda: Person.objects.filter(pk=pk).first())
        if person is None:
            raise Http404("no such person")
        return person

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.object
        # The file as rendered is the same for every reader of the registry: rendered once per
        # language until the data changes (kept in each server process's memory).
        # What depends on the reader (actions, case work's cases) is rendered around it each time.
        context["parts"] = dataversion.cached(
            f"registry.person.{person.pk}.{get_language()}", lambda: _person_parts(person))
        context["actions"] = navigation.person_actions(self.request, person)
        return context


def _person_parts(person: Person) -> dict[str, str]:
    """The reader-independent parts of a person's page, rendered."""
    context = {"person": person, "file": presentation.person_file(person)}
    return {"head": render_to_string("registry/_person_head.html", context),
            "body": render_to_string("registry/_person_file.html", context)}


class DocumentListView(RegistryReaderMixin, ListView):
    model = Document
    template_name = "registry/document_list.html"
    context_object_name = "documents"
    paginate_by = 50

    def get_queryset(self):
        return Document.objects.defer("text", "original", "report")


class DocumentDetailView(RegistryReaderMixin, DetailView):
    """One document: its metadata, its text with the extracted facts highlighted, its people."""

    model = Document
    template_name = "registry/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return Document.objects.defer("original")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(presentation.document_page(self.object))
        return context


@registry_reader
def document_original(request: HttpRequest, pk: int) -> HttpResponse:
    """The original bytes as received, as a download (never rendered: they may hold active HTML)."""
    document = get_object_or_404(Document, pk=pk)
    if document.original is None:
        response = HttpResponse(document.text, content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse(bytes(document.original), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{document.pk}.original"'
    response["Content-Security-Policy"] = "sandbox"
    return response
