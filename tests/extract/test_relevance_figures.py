"""Relevance (fast pre-filter and full decision) and aggregate figures, on invented reports."""

from __future__ import annotations

import pytest

from soraq.extract import is_relevant_fast

RELEVANT = [
    "Azerbaijani citizen Elvin Zeynalov was forcibly sent to the war in Ukraine after police detained him in Samara.",
    "Гражданин Узбекистана Шерзод Каримов, работавший в России, погиб на войне в Украине.",
    "Azərbaycan vətəndaşı Elvin Zeynalov Rusiya ordusu tərkibində Ukraynada həlak olub.",
    # counted (the contract's "named or counted"; a statement in general terms reports on nobody)
    "At least 12 Nepali migrant workers lured with job offers are being sent to the front line in Ukraine by the Russian army.",
]
NEAR_TOPIC = [
    # remittances
    "Remittances from Tajik migrant workers in Russia fell by a third last year as the rouble weakened, "
    "the central bank in Dushanbe said.",
    # Karabakh commemoration
    "Qarabağ müharibəsinin şəhidi Elvin Zeynalovun xatirəsi doğulduğu kənddə anılıb. Şəhidin ailəsi dövlətə "
    "minnətdarlığını bildirib.",
    # a Russian volunteer's obituary
    "В Забайкалье похоронили добровольца Ивана Сидорова, погибшего в зоне СВО. Односельчане вспоминают его "
    "как доброго и отзывчивого человека.",
    # an exchange of Ukrainian prisoners
    "Ukraine and Russia exchanged prisoners of war on Friday; 95 Ukrainian soldiers returned home, the "
    "Ukrainian ombudsman said.",
    # migrants' paperwork
    "Мигрантам напомнили о сроках постановки на миграционный учет: иностранные граждане обязаны встать на "
    "учет в течение семи дней.",
]


@pytest.mark.parametrize("text", RELEVANT)
def test_relevant_reports(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert is_relevant_fast(text)
    assert extract(text, "t").relevant


@pytest.mark.parametrize("text", NEAR_TOPIC)
def test_near_topic_reports_are_not_relevant(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    report = extract(text, "t")
    assert not report.relevant
    assert report.persons == []


def test_prefilter_drops_unrelated_text() -> None:
    assert not is_relevant_fast("The football club signed a new goalkeeper from a Brazilian team on Monday.")


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("APA reported that 20 Azerbaijani citizens had been involved in the war in Ukraine. "
         "Azerbaijani citizen Elvin Zeynalov was among them.", [("AZ", 20)]),
        ("По данным властей, около 200 граждан Кении воюют на стороне России в Украине.", [("KE", 200)]),
        ("At least 12 Nepalis have been killed fighting for the Russian army in Ukraine, and 5 are missing.",
         [("NP", 12), ("NP", 5)]),
    ],
)
def test_aggregate_figures(extract, text, figures) -> None:  # type: ignore[no-untyped-def]
    report = extract(text, "t", published="2025-06-01")
    assert [(f.citizenship, f.number) for f in report.figures] == figures


def test_foreign_legion_on_the_ukrainian_side_is_not_relevant(extract) -> None:  # type: ignore[no-untyped-def]
    text = ("Colombian volunteers of the International Legion fighting for Ukraine were killed near the front "
            "line, their Russian captors said.")
    assert not extract(text, "t").relevant


@pytest.mark.parametrize("text", ["", "   \n ", "Hello."])
def test_empty_or_trivial_documents(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    report = extract(text, "t")
    assert not report.relevant and report.persons == [] and report.lang == "en"
