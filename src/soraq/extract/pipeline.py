"""Orchestration: one document in, one :class:`~soraq.report.Report` out.

Steps, each in its own module: language -> sentences -> relevance -> names
(mentions grouped into people) -> roles (subjects vs relatives/officials) ->
per subject: facts, events and dates, status, coercion, relatives -> figures.
Only relevant reports get persons: a near-topic article names people who are
not victims of recruitment.
"""

from __future__ import annotations

from soraq.extract import attribution, language, names, relatives, relevance, roles, sentences
from soraq.extract.context import DocContext
from soraq.extract.dates import base_date, find_dates
from soraq.extract.figures import find_figures
from soraq.extract.lexicon import load
from soraq.extract.subject import build_person
from soraq.ingest.documents import SourceDocument
from soraq.report import Report, is_partial_date


def _normalise_published(published: str | None) -> str | None:
    """A publication date cut to the partial-ISO precision the contract allows."""
    if not published:
        return None
    value = str(published).strip()[:10]
    for size in (10, 7, 4):
        head = value[:size]
        if len(head) == size and is_partial_date(head):
            return head
    return None


def extract_text(
    text: str,
    doc_id: str,
    published: str | None = None,
    lang: str | None = None,
    url: str | None = None,
) -> Report:
    """Extract a report from the text of one document."""
    lang = lang if lang in language.SUPPORTED else language.detect(text)
    published = _normalise_published(published)
    sents = sentences.split(text, lang)
    ctx = DocContext(text=text, lang=lang, lexicon=load(lang), sentences=sents, published=published)
    relevant = relevance.is_relevant_fast(text) and relevance.decide(ctx)[0]
    source = {"url": url} if url else None
    if not relevant:
        return Report(doc_id=doc_id, lang=lang, published=published, relevant=False, source=source)
    base, from_published = base_date(text, published, lang)
    ctx.base_date, ctx.base_is_published = base, from_published
    groups = names.group_mentions(names.find_mentions(text, lang))
    relatives_found: list[tuple[names.NameGroup, roles.Role]] = []
    sources: list[names.NameGroup] = []
    quoted: list[names.NameGroup] = []  # people quoted in the report (never a place or an alias)
    for group in groups:
        role = roles.classify(ctx, group)
        if role.kind == "subject":
            ctx.subjects.append(group)
        elif role.kind == "relative":
            relatives_found.append((group, role))
        elif role.kind in ("source", "other"):
            sources.append(group)
            if role.kind == "source":
                quoted.append(group)
        else:
            ctx.others.append(group)
    relatives_found += relatives.promote_sources(ctx, sources + relatives.female_namesakes(ctx))
    relatives_found = relatives.narrator_namesakes(ctx, relatives_found)
    relatives_found = relatives.speaking_namesakes(ctx, relatives_found)
    relatives_found = relatives.first_person_narrators(ctx, groups, relatives_found)
    relatives_found = relatives.letter_writers(ctx, relatives_found)
    relatives_found = relatives.speaker_and_son(ctx, relatives_found)
    relatives_found = relatives.through_narrator(ctx, groups, relatives_found)
    relatives_found = relatives.drop_owner_genitive(ctx, relatives_found, sources)
    # everybody who is not a subject can be the doer of a clause (see scope.other_actor)
    ctx.others += [g for g, _ in relatives_found] + [g for g in quoted if all(g is not r for r, _ in relatives_found)]
    dates = find_dates(text, lang, base, from_published)
    owners = attribution.sentence_owners(ctx)
    by_subject = relatives.shared_kin(ctx, relatives_found, relatives.attach(ctx, owners, relatives_found))
    persons = [build_person(ctx, i, owners, dates, by_subject) for i in range(len(ctx.subjects))]
    figures = find_figures(ctx)
    if not persons and not figures and not relevance.tells_of_someone(ctx):
        # the contract's "named or counted": a warning or a statement in general terms
        # ("citizens are advised not to sign ...") reports on nobody
        return Report(doc_id=doc_id, lang=lang, published=published, relevant=False, source=source)
    return Report(
        doc_id=doc_id,
        lang=lang,
        published=published,
        relevant=True,
        source=source,
        figures=figures,
        persons=persons,
    )


def extract_document(doc: SourceDocument) -> Report:
    """Extract a report from an ingested document (its language hint and date are used)."""
    return extract_text(doc.text, doc.doc_id, published=doc.published, lang=doc.lang, url=doc.url)


__all__ = ["extract_document", "extract_text"]
