"""Names in wire-service copy: results tables and lists, datelines and bylines, businesses and
countries that "say" things, places after a saint's title (sentences and tables written for these
tests, in the shapes of agency news: none is taken from a data set)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import names_in as names

from reader.analysis import analyze
from reader.corpus.parse import parse_article


def test_the_people_in_a_results_table_are_found() -> None:
    table = (
        "Leading placings after the final on Sunday:\n\n"
        "1. Daniel Forsberg (Sweden) 1:50.91\n\n"
        "2. Eddie Rowan (Britain) 1:51.20\n\n"
        "3. Anna Berg ( Norway ) 1:52.04\n"
    )
    assert names(table) == ["Daniel Forsberg", "Eddie Rowan", "Anna Berg"]


def test_sides_in_results_lines_and_league_tables_are_not_people() -> None:
    body = (
        "Results of matches played on Saturday:\n\n"
        "Oakridge Rovers 3 (Malvey 23rd, Tornqvist 71st) Hollow Bay 1 (Perrin 40th)\n\n"
        "Standings (played, won, drawn, lost, goals for, against, points):\n\n"
        "Whitford Albion 4 3 1 0 11 4 10\n"
    )
    assert names(body) == ["Malvey", "Tornqvist", "Perrin"]


def test_initials_and_players_in_a_scorecard_are_people() -> None:
    body = "Kestrel County 323 (N. Falbrook 86, A. Wendell 64; D. Gorham 4-38)\n\nR. Pontin c Storrow b Whitlam 53\n"
    assert names(body) == ["N. Falbrook", "A. Wendell", "D. Gorham", "R. Pontin", "Storrow", "Whitlam"]


def test_a_country_that_says_something_is_not_a_person() -> None:
    assert names("India said on Friday it would not sign the treaty. China says the talks went well.") == []


def test_a_business_named_in_full_is_not_a_person_when_named_short() -> None:
    body = "Orvella Ltd reported a loss for the half year. Orvella said sales would recover, chief Tom Hale said."
    assert names(body) == ["Tom Hale"]


def test_a_newsroom_line_is_not_a_person() -> None:
    assert names("Prices were steady.\n\n-- Sofia Newsroom, +359 2 981 0000\n") == []
    assert names("SOFIA 1996-08-26\n\nPrices were steady.\n\n-- Lilia Semova, Sofia Newsroom, 359-2-84561\n") == [
        "Lilia Semova"
    ]


def test_the_words_after_a_saints_title_that_make_a_place_are_no_person() -> None:
    body = "In St Louis, the home side won again.\n\nSt Louis 3 Houston 2\n\nSt Helens 22 20 0 2 950 455 40\n"
    assert names(body) == []


pytestmark = pytest.mark.unit


def test_double_initials_stay_with_the_name() -> None:
    found = names("Foreign Minister R.K. Dalmia was asked at a news conference. He played J.S. Bach all night.")
    assert found == ["R.K. Dalmia", "J.S. Bach"]


def test_a_business_with_its_legal_form_is_no_person_anywhere_in_the_article() -> None:
    body = (
        "Options exchange Norvik Gruppen AB said on Thursday it would open a bourse. "
        '"We are ready," Norvik Gruppen said in a statement, and Lena Sund agreed.'
    )
    assert names(body) == ["Lena Sund"]


def test_a_newspaper_named_after_a_country_is_no_person() -> None:
    body = '"They must face the past," said a commentary in the official China Daily. China Daily did not say more.'
    assert names(body) == []


def test_the_writers_byline_over_a_dateline_is_a_person() -> None:
    body = "Marta Kowalczyk\n\nWARSAW 1996-08-27\n\nThe central bank kept its rates unchanged.\n\nBy Tom Ellery\n"
    assert names(body) == ["Marta Kowalczyk", "Tom Ellery"]


def test_a_headline_in_capitals_names_only_the_people_its_text_names() -> None:
    text = "RUGBY - SCHOLTEN WINS THE CUP FOR LEEDS.\n\nLEEDS 1996-08-27\n\nPieter Scholten kicked three goals.\n"
    found = analyze(parse_article(text, article_id="t", path=Path("t.txt"), content_hash="t"))
    assert [text[m.start : m.end] for m in found.names] == ["SCHOLTEN", "Pieter Scholten"]


def test_an_arabic_article_joined_to_a_surname_stays_in_the_name() -> None:
    assert names("Prime Minister Abdul-Karim al-Kabariti left Amman on Thursday.") == ["Abdul-Karim al-Kabariti"]


def test_places_written_without_their_accents_and_after_fort_are_no_people() -> None:
    body = "Sao Paulo state's debt has grown. Pupils walk to Fort Lee's school on the Beirut Stock Exchange street."
    assert names(body) == []


def test_a_squad_list_and_a_draw_line_are_read_as_text() -> None:
    body = "Defenders - Markus Albrecht, Thomas Hellweg, Juergen Kohlmann\n\nDavid Prinzler (Germany) vs. qualifier\n"
    assert names(body) == ["Markus Albrecht", "Thomas Hellweg", "Juergen Kohlmann", "David Prinzler"]
    assert names("Mayor Meets Merkel, Hollande, Renzi In Berlin\n\nThe talks went on.") == []


def test_a_nationality_made_from_a_place_stays_out_of_the_name() -> None:
    body = "The silver went to Namibian Frankie Fredman. Spaniard Carlos Sainte lost time; Adrian Hale did not."
    assert names(body) == ["Frankie Fredman", "Carlos Sainte", "Adrian Hale"]
    assert names("Anil Raman left the show on Friday.") == ["Anil Raman"]  # "Raman" is no "Rama-n"


def test_the_parties_to_a_court_case_are_people_but_fixtures_are_not() -> None:
    assert names("The court relied on Wadell v. Jacoby and on Kenning versus Nebraska.") == [
        "Wadell",
        "Jacoby",
        "Kenning",
    ]
    assert names("Fixtures: Notts County v Yorkton, Plymford v Prestwick.") == []


def test_a_verb_that_makes_a_speaker_need_not_make_a_name() -> None:
    assert names("Last year Zorbex predicted a rise, and the crowd at Wembley chanted.") == []


def test_dates_and_bodies_named_before_their_kind_are_no_people() -> None:
    body = (
        "For the period ending June 30, it earned $6 million. The rebels met on Sunday, the official"
        " news agency Petrah said, and the opposition Talvan militia agreed."
    )
    assert names(body) == []
    assert names("June Carter sang, and April Ross won on Sunday.") == ["June Carter", "April Ross"]


def test_a_day_after_a_name_is_cut_and_the_surname_is_known_again() -> None:
    body = "Candidate Bob Dolan Wednesday accused the administration. Later Dolan told a crowd he would act."
    assert names(body) == ["Bob Dolan", "Dolan"]


def test_former_before_a_country_makes_no_title() -> None:
    assert names("Former England manager Bobby Robinson enjoyed the day. Former President Obama spoke.") == [
        "Bobby Robinson",
        "Obama",
    ]


def test_sides_with_their_country_or_an_innings_score_are_no_people() -> None:
    body = (
        "In Larnaca: Oakfield Rovers (Cyprus) 5 Dunmore Athletic (Armenia) 0 (2-0)\n\n"
        "At Cardiff: Kentmere 255-3 (D. Fulmer 64)\n"
    )
    assert names(body) == ["D. Fulmer"]


def test_a_place_between_an_age_and_a_person_noun_is_no_person() -> None:
    body = "The body of a 40-year-old Missouri woman was found. The 66-year-old Alec Baldwin spoke."
    assert names(body) == ["Alec Baldwin"]


def test_compound_adjectives_and_a_companys_shares_are_no_people() -> None:
    body = "It issued American-style call warrants and rated the bonds BB-plus. The option gives 0.79 Barrow shares."
    assert names(body) == []


def test_roads_and_other_phrases_with_figures_are_not_people() -> None:
    body = (
        "Drivers from the north take US-169 South or I-44 West, the road Mayor Dana Whitlock "
        "opened; the B52 Bomber museum is beside it.\n"
    )
    assert names(body) == ["Dana Whitlock"]
    assert names("Officers closed Elm Road and I-44 West, said Dana Holt.\n") == ["Dana Holt"]
    assert names("The crews of Dana Holt and I-44 West met.\n") == ["Dana Holt"]  # not made one by the "and"


def test_a_thing_that_continues_to_do_something_is_not_made_a_speaker() -> None:
    body = "As the port declined, Brookfield continued to grow and Oakvale continues to. Marta Lind said so.\n"
    assert names(body) == ["Marta Lind"]


def test_a_saints_place_with_a_dot_a_demonym_of_two_words_and_a_scale_are_no_person() -> None:
    # "St." with its dot stood outside the phrase, so "Louis" was judged alone; "Costa Rican"
    # and "Puerto Rican" were read as a first name and a surname.
    body = (
        "He is the son of a milkman from a working class district of St. Louis, and an insider.\n\n"
        "Costa Rican officials said on Tuesday they had no news. A two-year-old Puerto Rican girl "
        "began treatment, and South African President Nelson Mandela sent a message.\n\n"
        "Freezing occurs at 0 Celsius (32.0 F); it reached 62 degrees Celsius in August.\n"
    )
    assert names(body) == ["Nelson Mandela"]
