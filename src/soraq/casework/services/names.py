"""Name search in any script, through :func:`soraq.names.search_keys` (the registry's keys too)."""

from __future__ import annotations

from collections.abc import Iterable

from soraq.names import search_keys


def keys_for_names(names: Iterable[str]) -> set[str]:
    """Index keys of a case's names: whole-name keys and each word's keys (a surname alone finds it)."""
    keys: set[str] = set()
    for name in names:
        if name and name.strip():
            keys |= set(search_keys(name))
    return {k[:255] for k in keys if k}


def keys_for_query(query: str) -> set[str]:
    """Keys a search must hit: pair keys for a multi-word query (all words must match), else word keys."""
    query = (query or "").strip()
    if not query:
        return set()
    pair_keys = set(search_keys(query, single=False))
    if len(query.split()) > 1 and pair_keys:
        return pair_keys
    return set(search_keys(query))


def index_case(case) -> None:
    """(Re)write a case's name keys from its name and other spellings."""
    from soraq.casework.models import CaseNameKey

    keys = keys_for_names([case.name, *case.other_names])
    CaseNameKey.objects.filter(case=case).exclude(key__in=keys).delete()
    existing = set(CaseNameKey.objects.filter(case=case).values_list("key", flat=True))
    CaseNameKey.objects.bulk_create([CaseNameKey(case=case, key=k) for k in sorted(keys - existing)])
