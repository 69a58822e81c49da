"""Plain text in the encodings reports actually arrive in."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from soraq.ingest import IngestError, SourceDocument, iter_documents
from soraq.ingest.encoding import EncodingError, decode_bytes

RUSSIAN = ("Гражданин Иван Примеров, 1990 года рождения, был задержан в Фиктивске за "
           "просроченную регистрацию. Родственники сообщают, что его заставили подписать контракт.")
# Azerbaijani Latin as legacy Windows software wrote it: cp1254 has no "ə", so "ä" stood in for it
AZ_LATIN = ("Şüvälan kändinin sakini Orxan Testoğlu Rusiyada saxlanılıb. Ailäsi onunla äläqä "
            "saxlaya bilmir, çünkü onun telefonu söndürülüb. Qardaşı İlkin deyir ki, o işlämäyä getmişdi.")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-8", "utf-16-le"])
def test_russian_text_in_legacy_and_unicode_encodings(encoding: str) -> None:
    assert decode_bytes(RUSSIAN.encode(encoding)).text == RUSSIAN


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                          (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_mark_decides_and_is_removed(bom: bytes, encoding: str) -> None:
    decoded = decode_bytes(bom + RUSSIAN.encode(encoding))
    assert decoded.text == RUSSIAN


@pytest.mark.parametrize("encoding", ["cp1254", "iso-8859-9"])
def test_azerbaijani_latin_in_turkish_code_pages(encoding: str) -> None:
    assert decode_bytes(AZ_LATIN.encode(encoding)).text == AZ_LATIN


def test_declared_charset_is_trusted_when_it_decodes() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251"), declared="windows-1251").encoding == "cp1251"


def test_a_lying_declared_charset_falls_back_to_detection() -> None:
    assert decode_bytes(RUSSIAN.encode("utf-8"), declared="us-ascii").text == RUSSIAN


def test_binary_data_is_a_clear_error() -> None:
    with pytest.raises(EncodingError):
        decode_bytes(bytes(range(256)) * 8)


def test_text_files_come_in_with_their_encoding_recorded(tmp_path: Path) -> None:
    (tmp_path / "ru-cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "ru-utf16.txt").write_bytes(RUSSIAN.encode("utf-16"))
    (tmp_path / "broken.txt").write_bytes(bytes(range(256)) * 8)
    items = list(iter_documents([tmp_path]))
    docs = {i.doc_id: i for i in items if isinstance(i, SourceDocument)}
    errors = [i for i in items if isinstance(i, IngestError)]
    assert docs["ru-cp1251"].text == RUSSIAN and docs["ru-cp1251"].extra["encoding"] == "cp1251"
    assert docs["ru-utf16"].text == RUSSIAN
    assert docs["ru-cp1251"].raw == RUSSIAN.encode("cp1251")  # the original bytes are kept
    assert [e.origin for e in errors] == [str(tmp_path / "broken.txt")]


def test_short_azerbaijani_latin_line_in_cp1254() -> None:
    text = "Orxan Testoğlu Rusiyada saxlanılıb, ailäsi onunla äläqä saxlaya bilmir."
    assert decode_bytes(text.encode("cp1254")).text == text


def test_western_text_is_unchanged_by_the_turkish_preference() -> None:
    text = "Le travailleur a été retenu à la frontière, selon sa famille, qui a écrit à l'ambassade."
    assert decode_bytes(text.encode("cp1252")).text == text


@pytest.mark.parametrize(
    "encoding,text",
    [
        ("koi8-r", "Рабочего задержали на границе, сообщает его семья. Ещё один съезд."),
        ("cp866", "Рабочего задержали на границе, сообщает его семья."),
        ("cp1251", "Працівника затримали на кордоні, каже його родина. Їжак, ґанок."),
        ("cp1251", "Привет"),
        ("cp1250", "Pracownik został zatrzymany na granicy, mówi jego rodzina. Żółć, źdźbło."),
        ("iso-8859-1", "El trabajador fue detenido en la frontera, según su familia. Año."),
        ("cp1252", "Café"),
        ("cp1254", "Şähid ailäläri"),
    ],
)
def test_short_and_legacy_texts_of_the_project_languages(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding)).text == text
