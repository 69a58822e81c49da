"""Bytes to text in whatever encoding a source used.

Reports reach us from Azerbaijani, Russian, Central Asian and South Asian
outlets, from families' Word exports and from government lists: UTF-8 is the
common case, but cp1251/KOI8-R (Russian), cp1254/ISO-8859-9 (Azerbaijani and
Turkish Latin) and UTF-16 (Windows "Unicode" exports) all occur. A byte-order
mark or a declared charset is trusted first, strict UTF-8 second, and only
then the statistical guess of charset-normalizer: a wrong guess silently
garbles names, which is worse than a clear error.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: The legacy code pages each language was actually written in (Windows and ISO
#: families). charset-normalizer recognises the *language* of Latin text well but
#: often picks a sibling code page (ISO-8859-10 for Turkish-alphabet text), which
#: turns "ş" into "þ": among near-equally clean guesses we prefer the language's own.
_NATIVE_CODEPAGES: dict[str, tuple[str, ...]] = {
    "Turkish": ("cp1254", "iso8859_9"),
    "Russian": ("cp1251", "koi8_r"),
    "Ukrainian": ("cp1251", "koi8_u"),
    "Bulgarian": ("cp1251",),
    "Kazakh": ("cp1251", "kz1048"),
    "Polish": ("cp1250", "iso8859_2"),
    "Czech": ("cp1250", "iso8859_2"),
    "Romanian": ("cp1250", "iso8859_16"),
    "Lithuanian": ("cp1257", "iso8859_13"),
    "Latvian": ("cp1257", "iso8859_13"),
}
#: ISO 639-1 hint -> the charset-normalizer language whose code pages it used
#: (Azerbaijani Latin shares Turkish code pages; Central Asian Cyrillic, Russian ones).
_ISO_TO_LANGUAGE = {
    "tr": "Turkish", "az": "Turkish", "ru": "Russian", "uk": "Ukrainian", "kk": "Kazakh",
    "ky": "Russian", "tg": "Russian", "uz": "Russian", "bg": "Bulgarian", "pl": "Polish",
    "cs": "Czech", "ro": "Romanian", "lt": "Lithuanian", "lv": "Latvian",
}
#: how much noisier (chaos ratio) than the best guess a native code page may be and still win
_NATIVE_SLACK = 0.15
#: chaos ratio (0..1) above which a guess is refused as noise
_MAX_CHAOS = 0.5


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


class EncodingError(ValueError):
    """The bytes are not text in any encoding we can tell."""


def _bom_encoding(raw: bytes) -> str | None:
    """A byte-order mark names the encoding outright."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    return None


def _normal_codec(name: str | None) -> str | None:
    """A declared charset, if Python knows it (``windows-1251`` -> ``cp1251``)."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes (outside UTF-16/32, handled by BOM) mean a binary file, not text."""
    return b"\x00" in raw[:4096]


def _pick(matches: list[Any], lang_hint: str | None) -> Any:
    """The best guess, preferring a code page native to the (hinted or detected) language.

    Among guesses nearly as clean as the best one, the first whose code page is
    the one its own detected language (or the hinted language) was written in wins.
    """
    best = matches[0]
    hinted = _ISO_TO_LANGUAGE.get((lang_hint or "").lower())
    for match in matches:
        if match.chaos > best.chaos + _NATIVE_SLACK:
            continue
        languages = [hinted] if hinted else list(match.languages[:2])
        if any(match.encoding in _NATIVE_CODEPAGES.get(lang, ()) for lang in languages):
            return match
    return best


def decode_bytes(raw: bytes, declared: str | None = None, lang_hint: str | None = None) -> Decoded:
    """Decode ``raw``: BOM, then a declared charset, then strict UTF-8, then a guess.

    ``lang_hint`` (ISO 639-1, e.g. ``"az"`` from a feed's configuration) breaks
    ties between code pages that decode the bytes equally cleanly.
    """
    if not raw:
        return Decoded("", "utf-8")
    bom = _bom_encoding(raw)
    if bom:
        try:
            return Decoded(raw.decode(bom), bom)
        except UnicodeDecodeError as exc:
            raise EncodingError(f"broken {bom} text: {exc.reason}") from None
    codec = _normal_codec(declared)
    if codec:
        try:
            return Decoded(raw.decode(codec), codec)
        except UnicodeDecodeError:
            pass  # servers often lie about the charset; fall through to detection
    if not _looks_binary(raw):  # NUL bytes decode as "UTF-8" but mean UTF-16 without a BOM
        try:
            return Decoded(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        raise EncodingError("cannot tell the text encoding (binary data?)")
    best = _pick(matches, lang_hint)
    if _looks_binary(raw) and not best.encoding.startswith(("utf_16", "utf_32")):
        raise EncodingError("binary data, not text")
    if best.chaos > _MAX_CHAOS:
        raise EncodingError(f"text encoding guess {best.encoding} is unreliable")
    return Decoded(str(best), codecs.lookup(best.encoding).name)


def decode_text(raw: bytes, declared: str | None = None, lang_hint: str | None = None) -> str:
    """Just the text of :func:`decode_bytes`."""
    return decode_bytes(raw, declared, lang_hint).text
