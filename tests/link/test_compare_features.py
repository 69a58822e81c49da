"""Each comparison feature picks the level its docstring promises (invented people)."""

from __future__ import annotations

from soraq.link import Mention
from soraq.link.compare import facts, family, names, places
from soraq.link.compare.prepare import prepare


def p(name: str = "Zaur Qasımzadə", **kw):
    return prepare(Mention(mention_id=kw.pop("mid", "x#0"), name=name, **kw))


def test_name_levels() -> None:
    assert names.name_words(p("Zaur Qasımzadə"), p("Гасымзаде Заур")).level == "exact"
    assert names.name_words(p("Jamshed Nurmatov"), p("Джамшид Нурматов")).level == "transliteration"
    assert names.name_words(p("Zaur Qasımzadə"), p("Zaur Qasımzdə")).level in {"fuzzy", "transliteration"}
    assert names.name_words(p("Zaur Qasımzadə"), p("Ramil Qasımzadə")).level == "partial"
    assert names.name_words(p("Zaur Qasımzadə"), p("Elnur Babaxanov")).level == "different"
    assert names.name_words(p("Заур"), p("Zaur Qasımzadə")).level == "one_word"
    assert names.name_words(p("Z. Qasımzadə"), p("Zaur Qasımzadə")).level == "fuzzy"


def test_patronymic_agrees_disagrees_or_uses_the_fathers_name() -> None:
    assert names.patronymic(p(patronymic="Telman"), p(patronymic="Тельман")).level == "agree"
    assert names.patronymic(p(patronymic="Telman"), p(patronymic="Rafail")).level == "disagree"
    assert names.patronymic(p(patronymic="Telman"), p(relatives=[("father", "Тельман Гасымзаде")])).level == "agree"
    assert names.patronymic(p(), p(patronymic="Telman")) is None


def test_birth_year_levels_and_age_tolerance() -> None:
    assert facts.birth_year(p(birth_year=1984), p(birth_year=1984)).level == "same"
    assert facts.birth_year(p(birth_year=1984), p(birth_year=1985)).level == "close"
    assert facts.birth_year(p(birth_year=1984), p(birth_year=1985, age=40)).level == "same"
    assert facts.birth_year(p(birth_year=1984), p(birth_year=1961)).level == "far"
    assert facts.birth_year(p(age=30), p(age=31)).level == "age_same"
    assert facts.birth_year(p(), p(birth_year=1984)) is None


def test_sex_citizenship_status() -> None:
    assert facts.sex(p(sex="male"), p(sex="female")).level == "different"
    assert facts.citizenship(p(citizenship="AZ"), p(citizenship="UZ")).level == "different"
    assert facts.status(p(status="missing"), p(status="missing")).level == "same"
    assert facts.status(p(status="unknown"), p(status="missing")) is None


def test_places_across_scripts_and_precision() -> None:
    assert places.home(p(home="Qaraxanlı, Zərdab"), p(home="Зардабский район")).level == "same"
    assert places.home(p(home="Zərdab"), p(home="Saatlı")).level == "different"
    assert places.location_abroad(p(location_abroad="Tula"), p(location_abroad="Тула")).level == "same"
    assert places.location_abroad(p(location_abroad="Russia"), p(location_abroad="Tula")) is None


def test_relatives_same_mother_is_strong_a_different_mother_contradicts() -> None:
    a = p(relatives=[("mother", "Xuraman Əliyeva")])
    assert family.relatives(a, p(relatives=[("mother", "Хураман")])).level == "same_given"
    assert family.relatives(a, p(relatives=[("mother", "Хураман Алиева")])).level == "same"
    assert family.relatives(a, p(relatives=[("mother", "Səbinə")])).level == "different"
    assert family.relatives(a, p(relatives=[("brother", "Elnur")])) is None
