"""Search in every script, on the search fixture: Chinese found inside running text by bigrams,
Persian found whichever letter forms, digits, diacritics or non-joiners a text or query uses."""

import pytest

from .conftest import one_page_per_module
from .searching import box_readouts, open_search_page, page_titles, type_query

CHINESE = "习近平同伊朗总统莱希通电话"
PERSIAN = "ديدار رئيسی با شی جين‌پينگ در پكن"
ENGLISH_CALL = "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"


typing = one_page_per_module("search_site_url", "")


@pytest.mark.parametrize("query, expected", [
    ("习近平", CHINESE),  # a three-character name inside running text
    ("莱希", CHINESE),  # a two-character name no registry holds
    ("伊朗总统", CHINESE),
    ("رئیسی", PERSIAN),  # Persian yeh, the text has Arabic yeh and a kashida
    ("رئيسي", PERSIAN),  # Arabic yeh, as some keyboards type it
    ("پکن", PERSIAN),  # Persian kaf, the text has Arabic kaf
    ("جین‌پینگ", PERSIAN),  # with a zero-width non-joiner
    ("جینپینگ", PERSIAN),  # joined
    ("جین پینگ", PERSIAN),  # apart
    ("۱۴۰۱", PERSIAN),  # Persian digits
    ("1401", PERSIAN),  # ASCII digits for them
    ("همکاری", PERSIAN),  # the text writes it with a kasra
])
def test_every_script_finds_its_readout(typing, query, expected):
    type_query(typing, query)
    assert expected in box_readouts(typing)
    assert typing.errors == [] and typing.foreign_requests == []


def test_a_native_name_finds_the_official_and_every_account(search_visit):
    search_visit.open("")
    titles = type_query(search_visit, "ابراهیم رئیسی")
    assert titles[0] == "Ebrahim Raisi"
    assert {CHINESE, PERSIAN, ENGLISH_CALL} <= set(box_readouts(search_visit))


def test_chinese_matches_are_marked_in_the_title(search_visit):
    search_visit.open("")
    type_query(search_visit, "莱希")
    marks = search_visit.page.locator("#archive-search-listbox mark").all_inner_texts()
    assert "莱希" in marks


def test_the_search_page_filters_a_persian_query_by_year(search_visit):
    page = open_search_page(search_visit, "?q=" + "رئيسي" + "&year=2023")
    assert PERSIAN in page_titles(page)
    assert CHINESE not in page_titles(page)
    assert page.locator("#search-q").input_value() == "رئيسي"
