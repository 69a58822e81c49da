"""Near-duplicates: syndicated copies with edits are found, distinct reports on the same topic are not."""

from __future__ import annotations

from pathlib import Path

from soraq.ingest import SourceDocument
from soraq.ingest.dedupe import NearDuplicateIndex, mark_duplicates, normalise, shingles

STORY = (
    "A construction worker from the village of Fiktivli, Orxan Testoglu, was detained in Fictivsk in "
    "January over an expired registration. According to his brother, the police held him for two days, "
    "threatened him with prison and made him sign a contract with the defence ministry. He was sent to a "
    "training camp near the border and called his family once in February. Since then nobody has heard "
    "from him. The family has written to the foreign ministry and to the embassy, asking for help to "
    "find him and bring him home. Lawyers say dozens of migrants were recruited in the same way."
)
COPY = (
    "FICTIVSK (Example Wire) - A construction worker from the village of Fiktivli, Orxan Testoglu, was "
    "detained in Fictivsk in January over an expired registration. According to his brother, police held "
    "him for two days, threatened him with prison and made him sign a contract with the defence ministry. "
    "He was sent to a training camp near the border and phoned his family once in February. Since then "
    "nobody has heard from him. The family has written to the foreign ministry and to the embassy, asking "
    "for help to find him and bring him home. Read more on our website."
)
OTHER = (
    "Another family from the region says their son, a driver named Elvin Nümunəli, went to work abroad in "
    "spring and was detained at a market. He told his mother by phone that he had been made to sign a "
    "contract. The family has written to the foreign ministry. Lawyers say dozens of migrants were "
    "recruited in the same way, and the embassy says it is checking the reports."
)


def test_normalisation_ignores_case_and_punctuation() -> None:
    assert normalise("Orxan «TESTOGLU», 35!") == "orxan testoglu 35"
    assert shingles("one two three four") == {b"one two three", b"two three four"}
    assert shingles("short") == {b"short"}


def test_syndicated_copy_is_found_distinct_report_is_not() -> None:
    index = NearDuplicateIndex()
    index.add("original", STORY)
    index.add("other", OTHER)
    found = index.query(COPY)
    assert [d for d, _ in found] == ["original"]
    assert 0.6 <= found[0][1] < 1.0
    assert index.query(OTHER)[0] == ("other", 1.0)
    assert index.query("A completely different text about the weather in a seaside town today.") == []


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    index = NearDuplicateIndex()
    index.add("original", STORY, sha256="ab" * 32)
    path = tmp_path / "dedupe.npz"
    index.save(path)
    loaded = NearDuplicateIndex.load(path)
    assert len(loaded) == 1 and "original" in loaded
    assert loaded.query(COPY) == index.query(COPY)
    assert loaded.exact("ab" * 32) == "original"


def test_exact_reingest_is_a_no_op_and_copies_are_marked() -> None:
    first = SourceDocument(doc_id="a", text=STORY, raw=STORY.encode())
    again = SourceDocument(doc_id="a-again", text=STORY, raw=STORY.encode())
    copy = SourceDocument(doc_id="b", text=COPY, raw=COPY.encode())
    other = SourceDocument(doc_id="c", text=OTHER, raw=OTHER.encode())
    index = NearDuplicateIndex()
    out = list(mark_duplicates([first, again, copy, other], index))
    assert [d.doc_id for d in out] == ["a", "b", "c"]
    assert [d for d, _ in out[1].extra["near_duplicates"]] == ["a"]
    assert "near_duplicates" not in out[0].extra and "near_duplicates" not in out[2].extra
