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


def _female_namesakes(ctx: DocContext) -> list[names.NameGroup]:
    """Women beside a male subject who share his surname or speak of "her son" / "her husband".

    Those recruited are almost always men; such a woman in the same report is,
    in practice, his mother, wife or sister speaking for him, not a further subject.
    """
    out = []
    for g in list(ctx.subjects):
        if g.sex != "female" or not any(o.sex != "female" for o in ctx.subjects if o is not g):
            continue
        namesake = g.family and any(o is not g and o.sex != "female" and names._same_word(o.family, g.family)
                                    for o in ctx.subjects)
        speaks_of_kin = relatives.speaks_of_kin(ctx, g)
        if namesake or speaks_of_kin:
            ctx.subjects.remove(g)
            out.append(g)
    return out


#: the relation of the speaker to a man she (or he) calls son, husband, brother
_INVERSE = {"son": ("mother", "father"), "husband": ("wife", "wife"), "brother": ("sister", "brother")}


def _speaker_and_son(ctx: DocContext,
                     found: list[tuple[names.NameGroup, roles.Role]]) -> list[tuple[names.NameGroup, roles.Role]]:
    """When only women were taken as subjects and a man is named as "her son/husband/brother",
    the man is the subject and the women speak for him (recruits are, in practice, men)."""
    if any(g.sex != "female" for g in ctx.subjects):
        return found
    men = [(g, r) for g, r in found if g.sex != "female" and r.relation in _INVERSE and g.best.size >= 2]
    if not men:
        return found
    man, role = men[0]
    women = list(ctx.subjects)
    ctx.subjects[:] = [man]
    inverse = _INVERSE[role.relation or "son"]
    rest = [(g, r) for g, r in found if g is not man]
    return rest + [(w, roles.Role("relative", inverse[0] if w.sex == "female" else inverse[1])) for w in women]


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
    for group in groups:
        role = roles.classify(ctx, group)
        if role.kind == "subject":
            ctx.subjects.append(group)
        elif role.kind == "relative":
            relatives_found.append((group, role))
        elif role.kind in ("source", "other"):
            sources.append(group)
        else:
            ctx.others.append(group)
    relatives_found += relatives.promote_sources(ctx, sources + _female_namesakes(ctx))
    relatives_found = _speaker_and_son(ctx, relatives_found)
    owners = attribution.sentence_owners(ctx)
    dates = find_dates(text, lang, base, from_published)
    by_subject = relatives.attach(ctx, owners, relatives_found)
    persons = [build_person(ctx, i, owners, dates, by_subject) for i in range(len(ctx.subjects))]
    return Report(
        doc_id=doc_id,
        lang=lang,
        published=published,
        relevant=True,
        source=source,
        figures=find_figures(ctx),
        persons=persons,
    )


def extract_document(doc: SourceDocument) -> Report:
    """Extract a report from an ingested document (its language hint and date are used)."""
    return extract_text(doc.text, doc.doc_id, published=doc.published, lang=doc.lang, url=doc.url)


__all__ = ["extract_document", "extract_text"]
