"""News reports in styles the development set lacks: a diaspora news story with an official's
estimate, a mother's account with relative dates, a detention with charges and a refused contract
(invented people and places)."""

from __future__ import annotations

from tests.extract.helpers import event_dates

STORIES = {
"en1": """Family of Ghanaian student killed in Russia's war demand answers

ACCRA - The family of a 23-year-old Ghanaian student who was recruited into the Russian army say they learned of his death from a stranger's Facebook post.

Emmanuel Ofori Darko travelled to Kursk in September 2023 on a student visa to study engineering. According to his uncle, Kwabena Mensah, police detained him in March 2025 for working without a permit and told him he would be deported unless he signed a contract with the defence ministry. He signed in April.

"He called us in May and said they were being sent to the front," Mr Mensah said. "We never heard from him again." In August, a man who served with him wrote on Facebook that Emmanuel had been killed near Pokrovsk. His body has not been returned.

Ghana's foreign ministry said it was aware of at least 12 Ghanaians fighting for Russia and that several had died. Thousands of African men are believed to have been recruited.""",
"ru1": """Мать пропавшего узбекского мигранта просит о помощи

Жительница Коканда Мунира Юлдашева уже пять месяцев ничего не знает о сыне. По её словам, 28-летний Азиз Юлдашев уехал на заработки в Россию весной 2024 года и работал курьером в Москве.

В феврале 2025 года Азиза задержали сотрудники миграционной службы. Ему пригрозили депортацией, если он не подпишет контракт с Минобороны. «Он позвонил мне из полиции и плакал», — рассказывает Мунира. Через неделю Азиз сообщил, что подписал контракт и его отправляют в учебный центр под Ростовом.

Последний раз сын выходил на связь в июле. С тех пор его телефон выключен. Мунира обратилась в посольство Узбекистана, но ответа пока не получила. По данным правозащитников, на стороне России могут воевать сотни граждан Узбекистана.""",
"az1": """Rusiyada həbs olunan gəncin ailəsi kömək istəyir

Ağcabədi rayon sakini, 1999-cu il təvəllüdlü Azərbaycan vətəndaşı Nurlan Həşimov 2023-cü ildən Rusiyanın Tümen şəhərində yaşayırdı. O, orada anbarda yükdaşıyan işləyirdi.

Ailəsinin sözlərinə görə, ötən ilin dekabrında Nurlanı polis saxlayıb və ona narkotik ittihamı irəli sürülüb. Deyiblər ki, müqavilə imzalasa, iş bağlanacaq. Nurlan imzalamaqdan imtina edib. Hazırda o, istintaq təcridxanasında saxlanılır, məhkəmə iclası martın 3-nə təyin olunub.

Qeyd edək ki, son iki ildə minlərlə miqrant Rusiya ordusuna göndərilib, onların bir çoxu həlak olub.""",
}


def _only(extract, key):  # type: ignore[no-untyped-def]
    report = extract(STORIES[key], key, published="2026-01-20")
    assert len(report.persons) == 1, [p.name for p in report.persons]
    return report, report.persons[0]


def test_english_news_story_with_an_estimate(extract) -> None:  # type: ignore[no-untyped-def]
    report, p = _only(extract, "en1")
    assert (p.name, p.citizenship, p.occupation, p.location_abroad) == ("Emmanuel Ofori Darko", "GH", "student", "Kursk")
    dates = event_dates(p)
    assert dates["departure"] == {"2023-09"} and dates["contract"] == {"2025-04"} and dates["death"] == {"2025-08"}
    assert {"threat_of_deportation", "document_pretext"} <= set(p.coercion)
    assert [(r.name, r.relation) for r in p.relatives] == [("Kwabena Mensah", "relative")]
    assert p.status == "killed"
    assert [(f.citizenship, f.number) for f in report.figures] == [("GH", 12)]


def test_russian_mothers_account(extract) -> None:  # type: ignore[no-untyped-def]
    _, p = _only(extract, "ru1")
    assert [(r.name, r.relation) for r in p.relatives] == [("Мунира Юлдашева", "mother")]  # not "Коканда Мунира"
    dates = event_dates(p)
    assert dates["detention"] == {"2025-02"}
    assert dates["contract"] == {"2025-02"}  # "через неделю" after February
    assert "deployment" not in dates  # "сотни граждан могут воевать" is no event of his
    assert "threat_of_deportation" in p.coercion
    assert p.status == "missing"


def test_azerbaijani_detention_with_charges_and_a_refused_contract(extract) -> None:  # type: ignore[no-untyped-def]
    _, p = _only(extract, "az1")
    dates = event_dates(p)
    assert "contract" not in dates and "death" not in dates
    assert dates["court_hearing"] == {"2026-03-03"}  # the charge itself is no hearing; set for after publication
    assert p.occupation == "anbarda yükdaşıyan"
    assert p.status == "detained"
