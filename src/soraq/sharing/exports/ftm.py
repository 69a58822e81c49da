"""FollowTheMoney export: entities as JSON lines, readable by the ``ftm`` tools.

Full view: a ``Person`` per registry person (names, birth year, nationality,
home as address), an ``Article`` per source document, a ``Documentation`` link
from each document to each person it mentions, an ``Event`` per event (with the
person as ``involved``), and a ``Family`` link to a ``Person`` per named relative.

Public view: only the persons whose family consented to publication (FtM's
Person needs a name), with the generalised fields of the public dataset and no
documents, events or relatives.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from followthemoney import model
from followthemoney.proxy import EntityProxy

PREFIX = "soraq"

#: Soraq relation -> FtM Family.relationship wording
RELATION_WORDS = {
    "mother": "mother", "father": "father", "brother": "brother", "sister": "sister",
    "wife": "wife", "husband": "husband", "son": "son", "daughter": "daughter",
    "in_law": "in-law", "relative": "relative",
}


def _entity(schema: str, *id_parts: str) -> EntityProxy:
    entity = model.make_entity(schema)
    entity.make_id(PREFIX, schema, *id_parts)
    return entity


def full_entities(dataset) -> Iterator[EntityProxy]:
    articles: dict[str, EntityProxy] = {}
    for doc in dataset.documents:
        article = _entity("Article", doc.doc_id)
        article.add("title", doc.title or doc.doc_id)
        article.add("sourceUrl", doc.url)
        article.add("publishedAt", doc.published)
        article.add("publisher", doc.outlet)
        article.add("language", doc.lang, quiet=True)
        articles[doc.doc_id] = article
        yield article
    for record in dataset.persons:
        person = _entity("Person", record.person_id)
        person.add("name", record.name)
        person.add("alias", list(record.aliases))
        person.add("firstName", record.given_name)
        person.add("lastName", record.family_name)
        person.add("fatherName", record.patronymic)
        person.add("gender", record.sex, quiet=True)
        person.add("birthDate", str(record.birth_year) if record.birth_year else None)
        person.add("nationality", record.citizenship, quiet=True)
        person.add("address", record.home)
        person.add("position", record.occupation)
        person.add("summary", f"status: {record.status or 'unknown'}")
        person.add("keywords", list(record.coercion))
        yield person
        for doc_id in record.documents:
            article = articles.get(doc_id)
            if article is None:
                continue
            link = _entity("Documentation", record.person_id, doc_id)
            link.add("document", article.id)
            link.add("entity", person.id)
            link.add("role", "mentions")
            yield link
        for index, event in enumerate(record.events):
            item = _entity("Event", record.person_id, str(index))
            item.add("name", event.type)
            item.add("date", event.date)
            item.add("location", event.place)
            item.add("involved", person.id)
            yield item
        for index, (relation, name) in enumerate(record.relatives):
            relative = _entity("Person", record.person_id, "relative", str(index))
            relative.add("name", name)
            yield relative
            family = _entity("Family", record.person_id, "family", str(index))
            family.add("person", person.id)
            family.add("relative", relative.id)
            family.add("relationship", RELATION_WORDS.get(relation, relation))
            yield family


def public_entities(dataset) -> Iterator[EntityProxy]:
    for public in dataset.persons:
        if not public.name:
            continue
        person = _entity("Person", public.public_id)
        person.add("name", public.name)
        person.add("nationality", public.citizenship, quiet=True)
        person.add("address", ", ".join(x for x in (public.region, public.citizenship) if x) or None)
        person.add("summary", f"status: {public.status or 'unknown'}")
        person.add("keywords", list(public.coercion or ()))
        yield person


def entities(dataset) -> Iterator[EntityProxy]:
    return public_entities(dataset) if dataset.public else full_entities(dataset)


def write(dataset, out: IO[str]) -> None:
    for entity in entities(dataset):
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True))
        out.write("\n")
