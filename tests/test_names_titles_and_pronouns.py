"""Names next to the pronoun "I" and after a title, in the shapes of spoken and court records
(sentences written for these tests, in the shapes GUM's training transcripts show)."""

from __future__ import annotations

import pytest
from conftest import names_in as names

pytestmark = pytest.mark.unit


def test_the_pronoun_i_after_a_name_is_no_part_of_it() -> None:
    assert names("At the end of the job. Mr. Collins I know you are eager to answer.") == ["Collins"]


def test_a_regnal_number_is_not_cut_from_its_name() -> None:
    assert "Charles" not in names("Charles I was executed in 1649, after the war.")


def test_a_title_makes_a_name_of_a_surname_that_is_also_a_place_word() -> None:
    found = names("We welcome our substitute justices, Judge Shanlyn Park and Judge Jim Kawashima.")
    assert found == ["Shanlyn Park", "Jim Kawashima"]
    assert names("They met at the Park Hotel near Central Park.") == []
