"""Rules added while reading a third fresh held-out set for categories of error.

Every person, place and sentence here is invented.
"""

from __future__ import annotations

import pytest

from soraq.extract.names import find_mentions


def _names(text: str, lang: str) -> list[str]:
    return [" ".join(m.tokens) for m in find_mentions(text, lang)]


def test_az_month_in_locative_opens_no_name() -> None:
    """'Martda' (in March) before a surname-first name is a date word, not part of the name."""
    names = _names("Martda Həsənli Orxan Tahir oğlu Rusiyada saxlanılıb.", "az")
    assert "Həsənli Orxan Tahir oğlu" in names
    assert not any(n.startswith("Mart") for n in names)


def test_az_genitive_before_son_is_no_patronymic() -> None:
    """'Səmədli Nərminənin oğlu' is Nərminə's son: the mother's name, not a man with the patronymic Nərminə."""
    text = ("Səmədli Nərminənin oğlu, 1991-ci il təvəllüdlü Səmədli Elşad Vaqif oğlu Rusiyada işləyirdi. "
            "Anası Səmədli Nərminə deyir ki, oğlundan xəbər yoxdur.")
    mentions = find_mentions(text, "az")
    assert not any(m.patronymic == "Nərminə" for m in mentions)
    assert any(m.given == "Elşad" and m.patronymic == "Vaqif" for m in mentions)


def test_az_neighbour_and_office_staff_are_no_subjects(extract) -> None:
    """A neighbour ('Qonşusu X') or an office's staffer ('Aparatın əməkdaşı X') who only tells of the
    case is not a person the report is about."""
    text = ("Lənkəranlı miqrant Rusiya ordusunda\n\n"
            "1990-cı il təvəllüdlü Kazımlı Tural Ramiz oğlu Rusiyada işləyirdi. 2025-ci ilin mayında o, "
            "Rusiya ordusu ilə müqavilə imzalamağa məcbur edilib. Qonşusu Hacıyev Nüsrət də orada işləyib, "
            "amma evə qayıdıb. \"Belə şey görməmişdik\", - Nüsrət deyir. Nazirliyin əməkdaşı Ramazan "
            "Əlizadə bildirdi ki, müraciət araşdırılır.")
    report = extract(text, "t", published="2025-10-01")
    assert [p.name for p in report.persons] == ["Kazımlı Tural Ramiz oğlu"]


def test_uzbek_latin_turned_comma_stays_inside_the_name() -> None:
    """'Gʻofurov', 'Toʻxtayev': the Uzbek turned comma is a letter of the name, not its end."""
    names = _names("Last year Oybek Toʻxtayev went to Moscow to work.", "en")
    assert "Oybek Toʻxtayev" in names


def test_ru_given_name_agrees_with_oblique_patronymic() -> None:
    """'Рахимова Улугбека Шавкатовича' (genitive) gives 'Рахимов Улугбек Шавкатович': every word drops
    the case ending, the given name too."""
    text = "Суд рассмотрел дело в отношении гражданина Узбекистана Рахимова Улугбека Шавкатовича, 1995 года рождения."
    assert "Рахимов Улугбек Шавкатович" in _names(text, "ru")


def test_ru_genitive_of_a_name_in_a() -> None:
    """'гибель Раджендры Тхапы' -> 'Раджендра': no name's nominative ends in '-ы' after a hard consonant."""
    text = "МИД Непала подтвердил гибель Сурендры Гурунга, 1997 года рождения, уроженца округа Гулми."
    assert any(n.startswith("Сурендра") for n in _names(text, "ru"))


def test_ru_surname_written_before_given_name_and_patronymic() -> None:
    """'Каримов Олим Рустамович, 1988 года рождения' at a sentence start is one name, surname first."""
    text = ("Олим Каримов погиб на войне. Об этом сообщила его жена.\n\n"
            "Каримов Олим Рустамович, 1988 года рождения, отбывал наказание в колонии.")
    names = _names(text, "ru")
    assert "Каримов Олим Рустамович" in names
    assert "Олим Рустамович" not in names


def test_ru_consul_of_an_embassy_in_a_city_is_an_official(extract) -> None:
    """'Консул посольства Таджикистана в Москве X' is an official even with the office and its city
    between the title and the name."""
    text = ("Жена ищет мужа, отправленного на фронт\n\n"
            "Гражданин Таджикистана Фаррух Сафаров, 33 года, работал на стройке в Москве. В марте 2025 года "
            "его задержали и заставили подписать контракт с Минобороны России. Консул посольства "
            "Таджикистана в Москве Рустам Холов подтвердил, что обращение получено.")
    report = extract(text, "t", published="2025-10-01")
    assert [p.name for p in report.persons] == ["Фаррух Сафаров"]


def test_en_interview_joining_nationality_and_war_only_in_its_headline(extract) -> None:
    """A Q&A whose one sentence joining a nationality and the war is the headline ("a Ghanaian back
    from Russia's war"), the rest telling the contract and the wound, is relevant."""
    text = ("\"They said it was a warehouse\": a Ghanaian back from Russia's war\n\n"
            "Kwame Boateng, 31, came home to Kumasi in May. He spoke to us by phone.\n\n"
            "How did you go?\n\nA cousin showed me an advert: packing work near Moscow. I flew in June.\n\n"
            "What happened then?\n\nThey took us to an office and we signed papers in Russian. It was a contract.\n\n"
            "Were you hurt?\n\nIn September I was wounded in the leg.")
    report = extract(text, "t", published="2025-10-01")
    assert report.relevant


def test_az_patent_cue_does_not_outweigh_a_contract_offer_in_detention(extract) -> None:
    """One near-topic word (an expired work patent) does not outweigh a migrant held and pushed to sign
    with the defence ministry, even when the sentences are apart."""
    text = ("Saxlanılan miqrantın ailəsi narahatdır\n\n"
            "Şəki şəhər sakini, 38 yaşlı Rövşən Talıblı iyunun 3-də Rusiyada saxlanılıb. Həyat yoldaşı deyir ki, "
            "o, beş il əvvəl Rusiyaya gedib və bazarda işləyir. Onun patentinin müddəti bitib.\n\n"
            "Ailəsinin sözlərinə görə, o hazırda saxlanma mərkəzindədir. Həyat yoldaşı narahatdır. "
            "Orada ona Rusiya Müdafiə Nazirliyi ilə müqavilə imzalamağı təklif ediblər.")
    report = extract(text, "t", published="2025-07-01")
    assert report.relevant


def test_en_press_release_entries_with_titles_and_nationality_after_the_name(extract) -> None:
    """Entries of an NGO list ("— Mr. X Y, Malawian national, 30 years old, ...") are the people the
    release is about, even when no name list knows them; "his wife, Mrs. Z Y" stays his relative."""
    text = ("Statement: two more families ask for help\n\n"
            "Our association received new requests from the families of two foreign nationals recruited "
            "into the Russian armed forces.\n\n"
            "— Mr. Chisomo Banda, Malawian national, 30 years old, originally from Zomba. He was a student in "
            "Tula. He signed a contract with the Russian army in May 2025 under threat of expulsion. His "
            "wife, Mrs. Tiyamike Banda, has had no news since August.\n\n"
            "— Mr. Tendai Moyoroti, Zimbabwean citizen, 26 years old. He was killed on the front in "
            "September 2025, according to a comrade.")
    report = extract(text, "t", published="2025-11-01")
    assert [p.name for p in report.persons] == ["Chisomo Banda", "Tendai Moyoroti"]
    first = report.persons[0]
    assert ("wife", "Tiyamike Banda") in {(r.relation, r.name) for r in first.relatives}
    assert report.persons[1].birth_year in (1998, 1999)


def test_en_home_chain_keeps_each_unit_and_drops_the_country(extract) -> None:
    """'from Tanuku in the West Godavari district' keeps the district's unit; a country closing the chain
    ('Talas district, Kyrgyzstan') is the citizenship's, not part of the home."""
    report = extract("Indian citizen Ravi Teja, 29, from Tanuku in the West Godavari district, was recruited in 2025 "
                     "and killed fighting for the Russian army in Ukraine.", "t", published="2026-01-10")
    assert report.persons[0].home == "Tanuku, West Godavari district"
    report = extract("Kyrgyz migrant Bolot Sydykov, 33, from Talas district, Kyrgyzstan, signed a contract with the Russian army "
                     "in June 2025 and went missing at the front.", "t", published="2026-01-10")
    assert report.persons[0].home == "Talas district"


def test_en_home_after_origin_birth_place_and_nationality(extract) -> None:
    """'originally from X', 'born in 1994 in X', 'Kenyan citizen from X' name the home."""
    for text, home in [
        ("Mr. Kwabena Owusu, Ghanaian national, 30 years old, originally from Techiman. He was killed on the front "
         "in Ukraine in May 2025 after signing a contract with the Russian army.", "Techiman"),
        ("Mr. Kwabena Owusu, Ghanaian citizen, born in 1994 in Techiman. He was killed on the front in Ukraine in "
         "May 2025 after signing a contract with the Russian army.", "Techiman"),
        ("Mr. Otieno Wekesa, Kenyan citizen from Busia County, thirty years. He signed a contract with the Russian "
         "army in May 2025 and went missing at the front in Ukraine.", "Busia County"),
    ]:
        report = extract(text, "t", published="2026-01-10")
        assert report.persons and report.persons[0].home == home, text


def test_az_list_entry_home_in_apposition(extract) -> None:
    """An NGO list entry "X Y Z oğlu, 1992-ci il təvəllüdlü, Şabran rayonu." states the home in apposition."""
    text = ("Təşkilat Rusiya ordusuna cəlb edilən həmvətənlərin siyahısını açıqlayıb.\n\n"
            "1. Rüstəmli Famil Əkbər oğlu, 1992-ci il təvəllüdlü, Şabran rayonu. Moskvada saxlanılıb, "
            "2025-ci ilin aprelində Rusiya ordusu ilə müqavilə imzalamağa məcbur edilib, cəbhəyə göndərilib.")
    report = extract(text, "t", published="2025-10-01")
    assert report.persons and report.persons[0].home == "Şabran rayonu"


def test_ru_kin_word_subjects_genitive_then_relatives_name_is_two_people(extract) -> None:
    """'брат Улугбека Жахонгир' is Улугбек's brother Жахонгир, not a person named 'Улугбек Жахонгир'."""
    text = ("Гражданин Узбекистана Улугбек Рашидов попал в плен. Как рассказал брат Улугбека Жахонгир, "
            "в декабре 2025 года Улугбека задержали в Москве и заставили подписать контракт с Минобороны России.")
    report = extract(text, "t", published="2026-02-01")
    assert [p.name for p in report.persons] == ["Улугбек Рашидов"]
    assert ("brother", "Жахонгир") in {(r.relation, r.name) for r in report.persons[0].relatives}


@pytest.mark.parametrize("before", ["his wife, Mrs. ", "his doctor, Dr ", "onun dostu cənab ", "его жена г-жа ", "Mme "])
def test_courtesy_titles_of_every_lexicon_end_a_gap(before: str) -> None:
    """The courtesy titles are the lexicons' words said before a name, whatever the report's language."""
    from soraq.extract.roles import honorific_end

    assert honorific_end().search(before)
    assert not honorific_end().search("his wife, Mrsa ")
