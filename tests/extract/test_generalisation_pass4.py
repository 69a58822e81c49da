"""Rules added in the fourth generalisation pass (categories of error seen across held-out sets).

Every person, place and sentence here is invented.
"""

from __future__ import annotations


def test_general_warning_names_nobody_so_is_not_relevant(extract) -> None:
    """The contract's "named or counted": an advisory to citizens in general terms reports on nobody."""
    text = ("Consulate warns job seekers about offers in Russia\n\n"
            "The consulate urged citizens who look for work in Russia not to sign papers they cannot read. "
            "Serving in a foreign army as a mercenary is a crime under national law, the statement said, "
            "and a contract with the Russian army can be signed by deception.")
    assert extract(text, "t", published="2026-02-01").relevant is False


def test_en_tracing_request_with_front_line_and_embassy_is_relevant(extract) -> None:
    """A family's plea: a job in Moscow, a contract, "going to the front line", a letter to their embassy."""
    text = ("Please help us find my brother\n\n"
            "My name is Sita Rai. My brother Prem Kumar Lama is 31 years old. In May last year an agent told him "
            "there was a warehouse job in Moscow. When he arrived they made him sign a contract.\n\n"
            "He called us last on 2 March. He said they were going to the front line. "
            "We wrote to the Nepal embassy on 20 March.")
    report = extract(text, "t", published="2026-04-01")
    assert report.relevant
    assert [p.name for p in report.persons] == ["Prem Kumar Lama"]


def test_en_killed_in_the_war_with_a_national_is_relevant(extract) -> None:
    """"killed in the war" is the war itself; "the Indian embassy in Moscow informed his wife" the foreigner."""
    text = ("Family mourns son\n\n"
            "Arjun Pillai, 27, of Thrissur, who left for Russia in May, has been killed in the war, "
            "the Indian embassy in Moscow informed his wife on 3 February.")
    report = extract(text, "t", published="2026-02-10")
    assert report.relevant
    assert report.persons and report.persons[0].status == "killed"


def test_en_interview_training_then_the_front_is_relevant(extract) -> None:
    """An interview that names the war only as "training near X, then the front" beside "a Ghanaian"."""
    text = ("A Ghanaian's story after coming home\n\n"
            "ACCRA - Kofi Mensah Boateng, 26, came back to Ghana in May after five months in Russia.\n\n"
            "Q: What happened?\nA: An online advert offered factory work in Kazan. "
            "Then training near Kazan, then the front. In March I was hit in the arm.")
    assert extract(text, "t", published="2026-06-01").relevant


def test_kinship_word_tells_sex_over_a_name_list() -> None:
    """"my brother Maya Ram Lama": the writer's "brother" beats a list that calls "Maya" a woman's name;
    a Russian genitive after the kin word ("мать Бисты") names the owner, whose sex it does not tell."""
    from soraq.extract.names import find_mentions

    text = "Please help. My brother Maya Ram Lama went to Russia in May."
    mention = next(m for m in find_mentions(text, "en") if m.family == "Lama")
    assert mention.sex == "male"
    ru = "Мать Гуруна плачет. Гурунг воевал в рядах российской армии."
    assert all(m.sex != "female" for m in find_mentions(ru, "ru") if m.text.startswith("Гурун"))


def test_narrators_brother_with_his_story_is_the_subject(extract) -> None:
    """In a first-person request, "my brother X is 31" whose story follows is the one it is about;
    "our mother Y cries every day" stays his relative."""
    text = ("Help us find him\n\n"
            "My name is Anita Magar. My brother Maya Ram Magar is 31 years old. In June he went to Russia for "
            "a job and they made him sign a contract with the army. Our mother Laxmi Magar cries every day.")
    report = extract(text, "t", published="2026-01-10")
    assert [p.name for p in report.persons] == ["Maya Ram Magar"]
    assert report.persons[0].sex == "male"


def _names(text: str, lang: str) -> list[str]:
    from soraq.extract.names import find_mentions

    return [" ".join(m.tokens) for m in find_mentions(text, lang)]


def test_az_pronoun_or_case_marked_word_opens_no_name() -> None:
    """"Onu Samara ...", "Bunu Elnur ...", "Kənddə Həsənli ...": a pronoun in any case, or a first word in
    the locative (Azerbaijani marks case on a name's last word only), is no part of the name."""
    names = _names("Bunu Rəşad Quliyev özü deyib. Onu Samaraya aparıblar. Kənddə Həsənli Aynur danışır.", "az")
    assert "Rəşad Quliyev" in names
    assert not any(n.split()[0] in ("Bunu", "Onu", "Kənddə") for n in names)
    assert any(n.startswith("Həsənli") for n in names)


def test_outlet_words_are_no_person() -> None:
    """"Şimal Səsi" (Voice of the North), "Northern Voice", "Голос Юга": an outlet, not a person."""
    assert not any("Səsi" in n for n in _names("Şimal Səsi xəbər verir ki, Elnur Quliyev Rusiyadadır.", "az"))
    assert not any("Voice" in n for n in _names("Northern Voice learned that Kamal Ahmed was detained.", "en"))


def test_ru_woman_in_the_nominative_by_what_follows() -> None:
    """"Гулбахор Саидова рассказала" / "... живёт в X. Её сын": a given name no list knows stays a woman's
    nominative; "Жахонгира Саидова из села" stays a man's genitive."""
    from soraq.extract.names import find_mentions

    w = find_mentions("Гулбахор Саидова живёт в Фергане. Её сын уехал в Россию.", "ru")[0]
    assert (w.tokens, w.sex) == (["Гулбахор", "Саидова"], "female")
    m = find_mentions("Суд оштрафовал Жахонгира Саидова из села Боло.", "ru")[0]
    assert m.tokens == ["Жахонгир", "Саидов"]


def test_mother_speaking_of_her_son_named_by_given_name(extract) -> None:
    """A mother named in full who speaks of "her son X, 30" (his given name only): he is the subject,
    her own "жив ли мой сын" tells his fate, not hers."""
    text = ("Мать ищет сына\n\n"
            "Гулбахор Саидова живёт в Фергане. Её сыну Жахонгиру 30 лет. Два года назад он уехал на заработки "
            "в Россию. В январе Жахонгир позвонил и сказал, что его отправляют на фронт.\n\n"
            "«Я хочу знать, жив ли мой сын», — говорит Гулбахор.")
    report = extract(text, "t", published="2026-03-01")
    assert [p.name for p in report.persons] == ["Жахонгир"]
    assert any(r.relation == "mother" for r in report.persons[0].relatives)


def test_bare_surname_is_the_subject_not_the_mother_beside_him(extract) -> None:
    """"When Maya Ram Gurung landed, his mother Sunmaya Gurung cried. Gurung, 30, ...": the bare
    surname is the man the report is about; a lawyer in apposition ("X, a Pokhara lawyer") is no subject;
    his pronouns outvote a given-name list that calls "Maya" a woman's name."""
    text = ("Home from Russia's war\n\n"
            "POKHARA — When Maya Ram Gurung landed in Kathmandu on May 3, his mother Sunmaya Gurung cried. "
            "Gurung, 30, is one of the Nepali men recruited into the Russian army. He signed a contract in "
            "Moscow in 2025. In March Gurung was captured; he was released in April, he said. His family "
            "says he has changed.\n\n"
            "Rita Shrestha, a Pokhara lawyer who helps families, said many men remain missing.")
    report = extract(text, "t", published="2026-05-10")
    assert [p.name for p in report.persons] == ["Maya Ram Gurung"]
    p = report.persons[0]
    assert p.sex == "male"
    assert p.birth_year in (1995, 1996)
    assert any(r.relation == "mother" for r in p.relatives)


def test_ru_preposition_and_pronoun_open_no_name() -> None:
    """"В Худжанде ..." is a place natasha may tag as a person; "Меня не били" opens no name."""
    names = _names("В Худжанде похоронили Рустама Назарова. «Меня не били», — говорит Алишер Каримов.", "ru")
    assert not any(n.startswith(("В ", "Меня")) or n == "Худжанд" for n in names)
    assert "Рустам Назаров" in names


def test_ru_brother_of_the_dead_and_a_lawyer_advising_relatives(extract) -> None:
    """"брат погибшего Илхом X" is a relative even though "Илхом" ends like an instrumental;
    "Юрист Y, консультирующая родственников" is a lawyer, not a relative."""
    text = ("В Худжанде похоронили 30-летнего Рустама Назарова, гражданина Таджикистана. Его отправили на фронт "
            "после задержания в Москве. «Ему сказали: контракт или тюрьма», — рассказывает брат погибшего "
            "Илхом Назаров. Юрист Мадина Каримова, консультирующая родственников мигрантов, советует обращаться "
            "в посольство.")
    report = extract(text, "t", published="2026-05-01")
    assert [p.name for p in report.persons] == ["Рустам Назаров"]
    rel = {r.name: r.relation for r in report.persons[0].relatives}
    assert rel.get("Илхом Назаров") == "brother"
    assert "Мадина Каримова" not in rel


def test_az_surname_first_mother_beside_her_son_is_his_relative(extract) -> None:
    """"Həsənli Gülnarə xanım" (surname first, a given name no list may know) beside "Həsənli Orxan Tahir
    oğlu": she shares his surname in either word order, so she speaks for him."""
    text = ("Ananın harayı\n\n"
            "Lerik rayonunda yaşayan Həsənli Gülnarə xanım oğlundan xəbər gözləyir. Həsənli Orxan Tahir oğlu "
            "1994-cü il təvəllüdlüdür. Ötən ilin mayında Rusiyaya işləməyə gedib. Oktyabrda onu cəbhəyə aparıblar, "
            "- deyə Həsənli Gülnarə danışır.")
    report = extract(text, "t", published="2026-02-01")
    assert [p.name for p in report.persons] == ["Həsənli Orxan Tahir oğlu"]


def test_that_same_day_keeps_the_day_and_since_then_the_month() -> None:
    """"həmin gün" / "that same day" / "в тот же день" is the date told before, to the day."""
    from datetime import date

    from soraq.extract.events import _previous_date
    from soraq.extract.dates import find_dates

    dates = find_dates("His last call was on 9 March. That same day they took him.", "en", date(2026, 4, 1), True)
    assert _previous_date(dates, 40, day=True) == "2026-03-09"
    assert _previous_date(dates, 40) == "2026-03"


def test_az_future_with_person_ending_is_no_event(person) -> None:
    """"bu yay qayıdıb damı örtəcəm" (I'll come back this summer and roof it): a converb before a spoken
    future ("-əcəm", "-acağam") is a plan, not a return."""
    text = ("Ramil Əhmədli 1990-cı il təvəllüdlüdür. Ötən il Rusiyaya işləməyə gedib, oktyabrda onu cəbhəyə "
            "aparıblar. Anası deyir: \"Dedi, ana, bu yay qayıdıb evi tikəcəm.\"")
    p = person(text, published="2026-02-01", lang="az")
    assert "return" not in [e.type for e in p.events]


def test_az_ablative_unit_and_dotted_capital_in_relative_dates() -> None:
    """"Bir neçə gündən sonra" counts from the date before; "İki ay əvvəl" opens a sentence with the
    dotted capital İ, which a case-blind regex does not fold."""
    from datetime import date

    from soraq.extract.dates import find_dates

    text = "Ötən ilin noyabrında polis onu apardı. Bir neçə gündən sonra müqavilə imzalayıb. İki ay əvvəl zəng etdi."
    values = [d.value for d in find_dates(text, "az", date(2026, 1, 20), True)]
    assert values == ["2025-11", "2025-11", "2025-11"]


def test_az_family_home_from_the_mother_and_no_origin_from_a_surname(extract) -> None:
    """The mother "Qəbələ rayonunun Vəndam qəsəbəsində yaşayan" gives the family home when the son has none
    of his own; "Həsənli ailəsinin evi" (the Həsənli family's house) is no one from "Həsən"; "Qəsəbə sakini"
    (a resident of the settlement) names no place."""
    text = ("Ananın harayı\n\n"
            "Qəbələ rayonunun Vəndam qəsəbəsində yaşayan Həsənli Gülnarə xanım oğlundan xəbər gözləyir. Həsənli "
            "Orxan Tahir oğlu 1994-cü il təvəllüdlüdür. Ötən ilin mayında Rusiyaya işləməyə gedib. Oktyabrda onu "
            "cəbhəyə aparıblar, - deyə Həsənli Gülnarə danışır. Qəsəbə sakini Rauf Məmmədov deyir ki, çoxları "
            "Rusiyaya gedib. Qəsəbədə Həsənli ailəsinin evi yarımçıq qalıb.")
    report = extract(text, "t", published="2026-02-01")
    assert [p.name for p in report.persons] == ["Həsənli Orxan Tahir oğlu"]
    p = report.persons[0]
    assert p.home == "Vəndam, Qəbələ"
    assert any(r.relation == "mother" and r.name.startswith("Həsənli") for r in p.relatives)


def test_counted_group_is_another_doer_unless_it_counts_the_subjects(extract) -> None:
    """"two Kenyan men in his unit were killed" is not his death; "Two Kenyan men killed" about two is theirs."""
    one = ("Kenyan returns from Russia's war\n\n"
           "NAIROBI - Peter Otieno Wafula, 31, came home to Nakuru on May 2 after being recruited into the Russian "
           "army. He says he was wounded in March, but two Kenyan men in his unit were killed in February.")
    p = extract(one, "t", published="2026-05-10").persons[0]
    assert p.status != "killed"
    two = ("Two Kenyan men killed in Russia's war\n\n"
           "Peter Otieno Wafula, 31, and John Kamau Mwangi, 28, both Kenyan citizens recruited into the Russian army, "
           "were killed near Pokrovsk in March, their families said.")
    report = extract(two, "t", published="2026-05-10")
    assert [p.status for p in report.persons] == ["killed", "killed"]


def test_namesake_killed_is_another_man(extract) -> None:
    """"not related to a Kyrgyz man of the same name who was killed", "həlak olan adaşı",
    "с погибшим тёзкой": the namesake's death is not the subject's; "X is one of the men who came home" is his."""
    en = ("Kyrgyz migrant detained in Russia\n\n"
          "Azamat Toktogulov, 29, a Kyrgyz citizen, was detained in Kazan in March and told to sign a contract with "
          "the Russian army. Toktogulov is not related to a Kyrgyz man of the same name who was killed in Ukraine last year.")
    p = extract(en, "t", published="2026-05-01").persons[0]
    assert p.status != "killed" and "death" not in [e.type for e in p.events]
    az = ("Azərbaycan vətəndaşı, 1991-ci il təvəllüdlü Rəşad Kərimli Rusiyada saxlanılıb. Ondan müqavilə imzalamağı tələb ediblər. "
          "Qeyd edək ki, Rəşad Kərimlinin ötən ay Ukraynada həlak olan şəkili adaşı ilə qohumluğu yoxdur.")
    p = extract(az, "t", published="2026-05-01").persons[0]
    assert p.status != "killed"
    home = ("Nepali man home from Russia's war\n\n"
            "Ram Bahadur Rai, 33, is one of the Nepali men who have come home after being recruited into the Russian army.")
    p = extract(home, "t", published="2026-05-01").persons[0]
    assert "return" in [e.type for e in p.events]


def test_en_job_promise_in_any_order_and_pay_in_words(person) -> None:
    """"on the promise of jobs as cooks", "offered him 'driving work'", "ended up on the front line" are
    deception; "three lakh rupees a month" (no 'promised' before it) is inducement."""
    text = ("Two Punjab men who left for Russia in May on the promise of jobs as cooks in army canteens ended up on "
            "the front line in Ukraine. Gurpreet Singh, 27, of Ludhiana, was killed in August. \"They told us cooking "
            "work, three lakh rupees a month,\" his cousin said.")
    p = person(text, published="2025-10-01")
    assert {"deception", "inducement"} <= set(p.coercion)


def test_threat_of_prison_in_spoken_forms(person) -> None:
    """"либо контракт, либо тюрьма", "həbsxanada çürüyəcəksən", "or prison": a threat of prison;
    a sentence already served ("суд отправил его в колонию") is not."""
    ru = ("Гражданин Таджикистана Рустам Назаров, 30 лет, работал в Москве. В марте его задержали, и ему сказали: "
          "либо контракт с Минобороны, либо тюрьма. Он подписал контракт.")
    assert "threat_of_prison" in person(ru, lang="ru").coercion
    az = ("Azərbaycan vətəndaşı, 1992-ci il təvəllüdlü Elnur Quliyev Rusiyada işləyirdi. Polis onu saxlayıb. "
          "Ona dedilər: ya Rusiya ordusu ilə müqavilə imzalayırsan, ya da həbsxanada çürüyəcəksən.")
    assert "threat_of_prison" in person(az, lang="az").coercion
    served = ("Уроженец Таджикистана Аваз Рахимов, 35 лет, погиб на войне в Украине. Четыре года назад суд отправил "
              "его в колонию на семь лет, в колонии он подписал контракт с ЧВК.")
    assert "threat_of_prison" not in person(served, lang="ru").coercion


def test_threat_told_as_a_choice_is_also_a_threat_event(person) -> None:
    """"либо контракт, либо тюрьма" names a coercion method and the event of being threatened, dated by the
    sentence before in its paragraph ("В марте его задержали.")."""
    text = ("Гражданин Таджикистана Рустам Назаров, 30 лет, работал в Москве. В марте 2025 года его задержали. "
            "Ему сказали: либо контракт с Минобороны, либо тюрьма.")
    p = person(text, lang="ru")
    assert "threat_of_prison" in p.coercion
    assert ("threat", "2025-03") in [(e.type, e.date) for e in p.events]


def test_this_month_is_the_publication_month() -> None:
    """"earlier this month", "bu ayın əvvəlində", "в начале этого месяца": the publication's month."""
    from datetime import date

    from soraq.extract.dates import find_dates

    base = date(2025, 12, 20)
    for text, lang in (("The family wrote to the embassy earlier this month.", "en"),
                       ("Ailə bu ayın əvvəlində səfirliyə müraciət edib.", "az"),
                       ("Семья в начале этого месяца обратилась в посольство.", "ru")):
        assert [d.value for d in find_dates(text, lang, base, True)] == ["2025-12"], lang


def test_plea_in_a_dated_video_takes_its_date(person) -> None:
    """"A video appeared on 3 May ... In it he asked the government to help him": the plea's date is the video's."""
    text = ("Kenyan recruit appears in captivity video\n\n"
            "A video of Brian Kiprono Mutai, 27, a Kenyan recruited into the Russian army, appeared online on 3 May. "
            "In it he said he was captured near Kupiansk. He asked the Kenyan government to help him come home.")
    p = person(text, published="2026-05-10")
    assert ("appeal", "2026-05-03") in [(e.type, e.date) for e in p.events]


def test_brother_who_speaks_throughout_is_a_relative(extract) -> None:
    """"Every evening, Arun Tamang checks his younger brother's profile ... 'We only want to know he is alive,'
    Arun says": the brother who speaks is the relative of the one whose story the war sentences tell."""
    text = ("A brother waits\n\n"
            "Every evening, Arun Tamang climbs the hill and opens his younger brother's profile.\n\n"
            "Suman Tamang, 25, flew to Moscow in August for a job. In October he was sent to the front "
            "in the Russian army.\n\n"
            "\"He called us from the airport,\" Arun says. \"We only want to know if he is alive,\" Arun says.")
    report = extract(text, "t", published="2026-01-10")
    assert [p.name for p in report.persons] == ["Suman Tamang"]
    assert ("brother", "Arun Tamang") in [(r.relation, r.name) for r in report.persons[0].relatives]


def test_home_from_abbreviated_units_bracketed_age_and_comma(extract) -> None:
    """"(Qax r., Ləkit k.)" is Ləkit village of Qax district; "X Y (41) of Galle" and "X Y, from Kisii in
    Kenya" give the home after the name."""
    az = ("Azərbaycan vətəndaşı Vüqar Əliyev (38 yaş, Qax r., Ləkit k.) Rusiyada hərbi müqavilə imzalamağa "
          "məcbur edilib, oktyabrda Ukraynada əsir düşüb.")
    assert extract(az, "t", published="2026-01-10").persons[0].home == "Ləkit, Qax"
    en = ("A former Sri Lankan soldier, Nimal Perera (41) of Galle, was wounded in March while fighting for the "
          "Russian army.")
    assert extract(en, "t", published="2026-05-01").persons[0].home == "Galle"
    ke = ("Three Africans in Russia's war\n\nBrian Otieno Ouma, from Kisii in Kenya, went to Russia last year for "
          "a job and was sent to the front in the Russian army.")
    assert extract(ke, "t", published="2026-05-01").persons[0].home == "Kisii"


def test_ru_native_town_stops_at_the_name(extract) -> None:
    """"уроженец Шымкента Ерлан Абаев": the home is the town, in the nominative, not the town and the name."""
    text = ("Из плена вернулись граждане Казахстана\n\nСреди них — 35-летний уроженец Шымкента Ерлан Абаев, "
            "попавший в плен в феврале, когда воевал в составе российской армии.")
    p = extract(text, "t", published="2026-06-10").persons[0]
    assert p.home == "Шымкент"


def test_step_between_two_dated_events_of_one_month_takes_that_month(person) -> None:
    """"He landed in Moscow on 3 August. There they took his passport and gave him a contract to sign.
    In late August he was sent to the front": the signing happened in August."""
    text = ("Гражданин Кубы Йордан Перес, 26 лет, ищет работу. Третьего августа он прилетел в Москву. "
            "Там у него забрали паспорт и дали подписать контракт с Минобороны. "
            "В конце августа его отправили на фронт.")
    p = person(text, published="2025-12-01", lang="ru")
    assert ("contract", "2025-08") in [(e.type, e.date) for e in p.events]


def test_early_this_year_is_the_publication_year() -> None:
    """"в начале года", "early this year", "bu ilin əvvəlində": the publication's year; "ötən ilin əvvəlində"
    stays last year."""
    from datetime import date

    from soraq.extract.dates import find_dates

    base = date(2026, 3, 1)
    assert [d.value for d in find_dates("В начале года его задержали.", "ru", base, True)] == ["2026"]
    assert [d.value for d in find_dates("Early this year he left for Moscow.", "en", base, True)] == ["2026"]
    assert [d.value for d in find_dates("Ötən ilin əvvəlində Rusiyaya gedib.", "az", base, True)] == ["2025"]


def test_russian_town_over_the_bare_country(extract) -> None:
    """"went to Russia" in the cue, "factory work in Tver" elsewhere: the place abroad is the town; Russian
    case forms ("в Твери") and Azerbaijani endings ("Samarada") are reduced; a war place is never it."""
    en = ("A Ghanaian's story\n\nKojo Mensah Owusu, 25, a Ghanaian, went to Russia in May. An online advert had "
          "offered factory work in Tver. In July he was sent to the front near Bakhmut.")
    assert extract(en, "t", published="2026-01-10").persons[0].location_abroad == "Tver"
    ru = ("Гражданин Узбекистана Бекзод Каримов, 28 лет, уехал в Россию в 2024 году. Он работал в Твери на стройке, "
          "в марте его отправили на фронт.")
    assert extract(ru, "t", published="2026-01-10").persons[0].location_abroad == "Тверь"
    az = ("Azərbaycan vətəndaşı, 1990-cı il təvəllüdlü Elnur Həsənov Rusiyaya gedib. O, Samarada tikintidə "
          "işləyirdi, oktyabrda onu Rusiya ordusu ilə müqavilə imzalamağa məcbur ediblər.")
    assert extract(az, "t", published="2026-01-10").persons[0].location_abroad == "Samara"


def test_az_press_name_with_az_marker_or_surname_is_azerbaijani(person) -> None:
    """In an Azerbaijani report with no citizenship stated, "X Y oğlu" or a "-li"/"-zadə" surname is an
    Azerbaijani citizen; an "-ov" surname (shared with Central Asia) alone says nothing."""
    az = ("Həsənli Orxan Tahir oğlu Rusiyada işləyirdi. Ötən il onu Rusiya ordusu ilə müqavilə imzalamağa məcbur "
          "ediblər, oktyabrda cəbhəyə göndərilib.")
    assert person(az, lang="az").citizenship == "AZ"
    ov = ("Rustam Karimov Rusiyada işləyirdi. Ötən il onu Rusiya ordusu ilə müqavilə imzalamağa məcbur ediblər, "
          "oktyabrda cəbhəyə göndərilib. Miqrant ailəsi narahatdır.")
    assert person(ov, lang="az").citizenship is None


def test_en_occupation_forms(person) -> None:
    """"a 27-year-old Kenyan mechanic from X", "was a student in Tver", "worked in Kazan as a courier"."""
    base = " He was recruited into the Russian army in May and sent to the front."
    assert person("Otieno Juma Were, a 27-year-old Kenyan mechanic from Kisumu, went to Russia." + base).occupation == "mechanic"
    assert person("Kwabena Osei Mensah, 24, a Ghanaian, was a student in Tver." + base).occupation == "student"
    assert person("Aziz Karimov Rahimov, 31, an Uzbek citizen, has worked in Kazan as a courier since 2023." + base).occupation == "courier"


def test_az_workplace_in_the_locative_is_no_trade() -> None:
    """"dəmir sexində işləyirdi" (worked in the iron workshop): the locative names where, not the trade."""
    from soraq.extract.places import _AZ_LOCATIVE_END

    assert _AZ_LOCATIVE_END.search("dəmir sexində") and _AZ_LOCATIVE_END.search("tikintidə")
    assert not _AZ_LOCATIVE_END.search("sürücü") and not _AZ_LOCATIVE_END.search("fəhlə")


def test_a_russian_town_anchors_the_report() -> None:
    """A report naming neither Russia nor a war region but a Russian town ("Tverə", "в Твери") is anchored."""
    from soraq.extract import language, relevance, sentences
    from soraq.extract.context import DocContext
    from soraq.extract.lexicon import load

    for text, lang in (("Qardaşım 2025-ci ildə Tverə işləməyə getmişdi, indi hərbi hissədədir.", "az"),
                       ("Брат работал в Твери, теперь он в воинской части.", "ru")):
        ctx = DocContext(text=text, lang=lang, lexicon=load(lang), sentences=sentences.split(text, lang))
        assert relevance._anchored(ctx), lang
    text = "Qardaşım 2025-ci ildə Gəncəyə işləməyə getmişdi."
    ctx = DocContext(text=text, lang="az", lexicon=load("az"), sentences=sentences.split(text, "az"))
    assert not relevance._anchored(ctx)


def test_az_family_post_with_a_russian_town_and_a_given_name_with_initial(extract) -> None:
    """A family's post: "Qardaşım Elşən R., 29 yaşında ... Tverə işləməyə getmişdi ... onu hərbi hissəyə
    aparıblar": work in a Russian town is labour migration, and "Elşən R." (a given name and the
    surname's initial) is the person."""
    text = ("Hamıdan xahiş edirəm paylaşın!\n\n"
            "Qardaşım Elşən R., 29 yaşında, Lerik rayonundandır. 2025-ci ilin mayında Tverə işləməyə getmişdi, "
            "tikintidə işləyirdi. Oktyabrda zəng etdi, dedi ki, onu hərbi hissəyə aparıblar, təlimdədir.")
    report = extract(text, "t", published="2026-01-10")
    assert report.relevant
    assert [(p.given_name, p.family_name) for p in report.persons] == [("Elşən", "R.")]
