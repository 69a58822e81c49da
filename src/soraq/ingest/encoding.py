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
import re
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
#: The legacy encodings Soraq's sources were written in (Cyrillic for Russian and Central
#: Asian languages, Turkish-alphabet Latin for Azerbaijani, Western and Central European
#: Latin). Detection looks among these first: unrestricted, charset-normalizer takes
#: KOI8-R Russian for Shift-JIS and short Latin text for Arabic or Hebrew code pages.
#: Only when none of these decodes cleanly is every encoding considered.
_PLAUSIBLE = ["cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "iso8859_5", "kz1048",
              "cp1254", "iso8859_9", "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2",
              "cp1257", "utf_16", "utf_32"]
#: When several of them decode a text equally cleanly (short texts often do), the one
#: that mixes scripts inside fewest words wins, then this order: Soraq's sources first.
_PREFERENCE = ("cp1251", "koi8_r", "cp1254", "iso8859_9", "cp1252", "latin_1")
_TIE = 0.01
#: Western Latin code pages. cp1254 differs from cp1252/Latin-1 only in six letters (Ğğ İı
#: Şş where those have Ðð Ýý Þþ), so reading Western text as cp1254 changes nothing for
#: other languages, while Azerbaijani and Turkish are far likelier in Soraq's sources than
#: Icelandic or Faroese: a Western guess is decoded as cp1254.
_WESTERN = frozenset({"cp1252", "iso8859-1", "iso8859-15", "iso8859-10"})  # codecs.lookup names
_ICELANDIC_OR_FAROESE = frozenset({"is", "fo"})
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
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


def _mixed_script_words(text: str) -> int:
    """Words mixing Latin and Cyrillic letters: a sign of a wrong code page ("Cafй")."""
    return sum(1 for w in text.split() if _LATIN.search(w) and _CYRILLIC.search(w))


def _rank(encoding: str) -> int:
    return _PREFERENCE.index(encoding) if encoding in _PREFERENCE else len(_PREFERENCE)


def _native(match: Any) -> bool:
    """The guess's code page is the one its own detected language was written in."""
    return any(match.encoding in _NATIVE_CODEPAGES.get(lang, ()) for lang in match.languages[:2])


def _pick(matches: list[Any], lang_hint: str | None) -> Any:
    """The most plausible of charset-normalizer's guesses.

    1. With a language hint, a code page native to that language, if nearly as clean.
    2. Among equally clean guesses: fewest mixed-script words, then a code page native to
       the detected language, then Soraq's usual code pages.
    3. A code page native to a guess's own detected language, if nearly as clean.
    4. Otherwise charset-normalizer's best.
    """
    best = matches[0]
    near = [m for m in matches if m.chaos <= best.chaos + _NATIVE_SLACK]
    hinted = _ISO_TO_LANGUAGE.get((lang_hint or "").lower())
    if hinted:
        for match in near:
            if match.encoding in _NATIVE_CODEPAGES.get(hinted, ()):
                return match
    ties = [m for m in matches if m.chaos <= best.chaos + _TIE]
    if len(ties) > 1:
        return min(ties, key=lambda m: (_mixed_script_words(str(m)), not _native(m), _rank(m.encoding),
                                        ties.index(m)))
    for match in near:
        if _native(match):
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

    matches = list(from_bytes(raw, cp_isolation=_PLAUSIBLE))
    if not matches or matches[0].chaos > _MAX_CHAOS:
        matches = list(from_bytes(raw))
    if not matches:
        raise EncodingError("cannot tell the text encoding (binary data?)")
    best = _pick(matches, lang_hint)
    if _looks_binary(raw) and not best.encoding.startswith(("utf_16", "utf_32")):
        raise EncodingError("binary data, not text")
    if best.chaos > _MAX_CHAOS:
        raise EncodingError(f"text encoding guess {best.encoding} is unreliable")
    encoding = codecs.lookup(best.encoding).name
    if encoding in _WESTERN and (lang_hint or "").lower() not in _ICELANDIC_OR_FAROESE:
        try:
            return Decoded(raw.decode("cp1254"), "cp1254")
        except UnicodeDecodeError:
            pass
    return Decoded(str(best), encoding)


def decode_text(raw: bytes, declared: str | None = None, lang_hint: str | None = None) -> str:
    """Just the text of :func:`decode_bytes`."""
    return decode_bytes(raw, declared, lang_hint).text
