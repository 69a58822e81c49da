"""Names of people in Azerbaijani, Russian and English spellings, made comparable.

Public API: :func:`fold` (script-independent lower-case Latin form) and
:func:`search_keys` (keys for indexing, blocking and search). See ``docs/linking.md``.
"""

from soraq.names.keys import canon, fold, search_keys, skeleton
from soraq.names.parse import NameParts, parse_name

__all__ = ["NameParts", "canon", "fold", "parse_name", "search_keys", "skeleton"]
