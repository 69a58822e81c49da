"""Term-frequency adjustment of agreeing birth years and places (invented people, invented data)."""

from __future__ import annotations

import random

from soraq.link import Mention
from soraq.link.frequency import NameFrequencies
from soraq.link.score import score_pair_fast
from soraq.link.value_frequency import MAX_GAIN, ValueFrequencies


def crowd(n: int = 1200) -> list[Mention]:
    """Invented mentions: half born in 1991, the rest spread over forty years; one rare village."""
    rng = random.Random(4)
    out = []
    for i in range(n):
        year = 1991 if i % 2 else 1960 + rng.randrange(40)
        out.append(Mention(f"d{i}#0", f"Name{i} Family{i % 300}", birth_year=year, home="Zərdab" if i % 3 else None))
    out.append(Mention("rare#0", "Tural Xəzərli", birth_year=1961, home="Qəlbəkənd"))
    out.append(Mention("rare2#0", "Tural Xəzərli", birth_year=1961, home="Qəlbəkənd"))
    return out


def test_a_common_year_weighs_less_and_a_rare_one_more_but_capped() -> None:
    ms = crowd()
    values = ValueFrequencies.of(ms)
    assert values is not None
    common = values.bits("birth_year", 0.5)
    assert common < -3.5  # log2(0.03 / 0.5)
    assert values.bits("birth_year", 0.0001) == MAX_GAIN


def test_the_adjustment_reaches_the_pair_score_with_a_reason() -> None:
    ms = crowd()
    freqs = NameFrequencies.of(ms)
    assert freqs is not None and freqs.values is not None
    pair = score_pair_fast(ms[-1], ms[-2], freqs)
    reason = next(r for r in pair.reasons if r.feature == "value_frequency")
    assert reason.weight > 0 and "rarer" in reason.text
    common = score_pair_fast(ms[1], ms[3], freqs)  # both 1991, both Zərdab
    assert next(r for r in common.reasons if r.feature == "value_frequency").weight < 0


def test_no_adjustment_for_small_data() -> None:
    assert ValueFrequencies.of(crowd()[:50]) is None
