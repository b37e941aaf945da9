"""Searching the real archive by typing into the header's search box: names, initiatives,
places, several words, dates, near misses; and no index fetched on page load."""

import pytest

from .conftest import one_page_per_module
from .searching import box_readouts, type_query

NAMES = [
    # query, first result, a readout expected among the next results
    ("Ebrahim Raisi", "Ebrahim Raisi", "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"),
    ("Raisi", "Ebrahim Raisi", "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"),
    ("Reahy", "Ebrahim Raisi", "Wang Yi Meets with Ahmadian, Secretary of Iran’s Supreme National Security Council"),
    ("Raeisi", "Ebrahim Raisi", "China Ready for Mutual Coop. to Advance Strategic Partnership"),
    ("ابراهیم رئیسی", "Ebrahim Raisi", "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"),
    ("习近平", "Xi Jinping", "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"),
    ("Xi", "Xi Jinping", "China Ready for Mutual Coop. to Advance Strategic Partnership"),
    ("Kharrazi", "Kamal Kharrazi", "Liu Jianchao Meets with Kamal Kharrazi, Head of Iran’s Strategic Council on Foreign Relations"),
    ("Ahmadian", "Ali-Akbar Ahmadian", "Wang Yi Meets with Ahmadian, Secretary of Iran’s Supreme National Security Council"),
    ("Mokhbar", "Mohammad Mokhber", "Li Qiang Meets with Iran's First Vice President Mohammad Mokhber"),
]
INITIATIVES = [
    ("GDI", "Global Development Initiative (GDI)", "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"),
    ("Global Security Initiative", "Global Security Initiative (GSI)", "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"),
    ("BRI", "Belt and Road Initiative (BRI)", "Wang Yi Meets with Ahmadian, Secretary of Iran’s Supreme National Security Council"),
    ("Belt and Road", "Belt and Road Initiative (BRI)", "Li Qiang Meets with Iran's First Vice President Mohammad Mokhber"),
    ("SCO", "Shanghai Cooperation Organisation (SCO)", "Li Qiang Meets with Iran's First Vice President Mohammad Mokhber"),
    ("JCPOA", "Joint Comprehensive Plan of Action (JCPOA)", "China Ready for Mutual Coop. to Advance Strategic Partnership"),
    ("nuclear deal", "Joint Comprehensive Plan of Action (JCPOA)", "China Ready for Mutual Coop. to Advance Strategic Partnership"),
]
PLACES = [
    ("Bishkek", "Bishkek, Kyrgyzstan", "Li Qiang Meets with Iran's First Vice President Mohammad Mokhber"),
    ("Johannesburg", "Johannesburg, South Africa", "Wang Yi Meets with Ahmadian, Secretary of Iran’s Supreme National Security Council"),
]
CALL = "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"
IRANIAN_CALL = "China Ready for Mutual Coop. to Advance Strategic Partnership"
MOKHBER = "Li Qiang Meets with Iran's First Vice President Mohammad Mokhber"



@pytest.fixture
def searching(visit):
    visit.open("timeline/")
    return visit


typing = one_page_per_module("site_url", "timeline/")


@pytest.mark.parametrize("query, first, readout", NAMES + INITIATIVES + PLACES)
def test_a_name_finds_its_page_first_then_its_readouts(typing, query, first, readout):
    titles = type_query(typing, query)
    assert titles[0] == first
    assert readout in titles[1:]
    assert typing.foreign_requests == [] and typing.errors == []


def test_an_occasion_finds_its_readout_first(searching):
    type_query(searching, "Council of Heads of Government")
    assert box_readouts(searching)[0] == MOKHBER


def test_several_words_find_every_account_first_then_partial_matches(searching):
    type_query(searching, "Raisi phone call 2022")
    readouts = box_readouts(searching)
    assert sorted(readouts[:2]) == sorted([CALL, IRANIAN_CALL])  # both accounts of the call hold every word
    assert len(readouts) > 2  # then readouts holding some of the words


def test_a_word_no_readout_holds_leaves_the_others_to_match(searching):
    type_query(searching, "SCO summit")
    assert MOKHBER in box_readouts(searching)
    status = searching.page.locator("[data-archive-search-status]").inner_text()
    assert "readout" in status and "no readout" not in status


def test_a_month_and_a_year_match_dates(searching):
    type_query(searching, "July 2022")
    readouts = box_readouts(searching)
    assert sorted(readouts[:2]) == sorted([CALL, IRANIAN_CALL])
    dates = searching.page.locator("#archive-search-listbox [data-kind=readout] .archive-result__meta").all_inner_texts()
    assert dates[0].startswith("29 July 2022 · Phone call")


def test_a_word_still_being_typed_matches_as_a_prefix(searching):
    type_query(searching, "Kharr")
    assert "Liu Jianchao Meets with Kamal Kharrazi, Head of Iran’s Strategic Council on Foreign Relations" in box_readouts(searching)


def test_a_misspelt_word_still_finds_and_an_unknown_one_gets_a_suggestion(searching):
    type_query(searching, "Johannesbrug ")  # a near miss of a word in the index
    assert "Wang Yi Meets with Ahmadian, Secretary of Iran’s Supreme National Security Council" in box_readouts(searching)
    type_query(searching, "Kharazzi Mokhbre ")
    status = searching.page.locator("[data-archive-search-status]").inner_text()
    assert "Did you mean" in status


def test_registry_entries_read_their_role_and_counts(searching):
    type_query(searching, "GDI")
    entity = searching.page.locator("#archive-search-listbox [data-kind=i]").first
    lines = entity.locator(".archive-result__meta").all_inner_texts()
    assert lines[0] == "Initiative since 2021"
    assert lines[1].endswith("readouts") or lines[1].endswith("readout")
    type_query(searching, "Raisi")
    lines = searching.page.locator("#archive-search-listbox [data-kind=o]").first.locator(".archive-result__meta").all_inner_texts()
    assert lines[0] == "Official · President of Iran · Iran"


def test_matched_words_are_marked_with_text_never_markup(searching):
    type_query(searching, "Raisi")
    marks = searching.page.locator("#archive-search-listbox mark").all_inner_texts()
    assert "Ebrahim Raisi" in marks  # the whole name where the text writes it
    assert "Ebrahim" not in marks


def test_loading_a_page_fetches_no_search_index(visit):
    fetched = []
    visit.page.on("request", lambda request: fetched.append(request.url))
    visit.open("officials/xi-jinping/")
    visit.page.wait_for_load_state("networkidle")
    assert [url for url in fetched if "/search/" in url] == []
    type_query(visit, "Raisi")
    assert any(url.endswith("/search/entities.json") for url in fetched)
    visit.screenshot("search")


def test_opening_a_result_marks_the_search_words_on_its_page(searching):
    type_query(searching, "Reahy")
    readouts = searching.page.locator("#archive-search-listbox [data-kind=readout]")
    readouts.filter(has_text="Wang Yi Meets with Ahmadian").click()
    searching.page.wait_for_url("**/readouts/**")
    assert "Reahy" in searching.page.locator(".md-content article mark").all_inner_texts()
    searching.page.go_back()
    type_query(searching, "Reahy")
    readouts.filter(has_text=CALL).click()  # a readout naming him as the registry does
    searching.page.wait_for_url("**/readouts/**")
    assert "Ebrahim Raisi" in searching.page.locator(".md-content article mark").all_inner_texts()
    assert searching.errors == []


def test_all_results_opens_the_search_page_with_the_same_query(searching):
    type_query(searching, "nuclear deal")
    searching.page.locator("[data-archive-search-all]").click()
    searching.page.wait_for_url("**/search/?q=nuclear+deal")
    assert searching.page.locator("#search-q").input_value() == "nuclear deal"


def test_the_results_panel_sits_above_the_header_tabs(searching):
    type_query(searching, "Raisi")
    covered = searching.page.evaluate("""() => {
        const tabs = document.querySelector('.md-tabs').getBoundingClientRect();
        const panel = document.querySelector('[data-archive-search-panel]').getBoundingClientRect();
        const x = Math.max(tabs.left, panel.left) + 5, y = tabs.top + tabs.height / 2;
        return panel.top < y && document.elementFromPoint(x, y).closest('[data-archive-search-panel]') !== null;
    }""")
    assert covered
    searching.screenshot("search-panel-over-tabs")


def test_the_browser_folds_text_as_the_index_does(searching):
    from generator.outputs.search_text import normalise, tokens

    samples = ["Reahy", "ابراهیم رئیسی", "علی‌اکبر احمدیان", "Ali-Akbar Ahmadián", "习近平同伊朗总统莱希通电话",
               "China’s", "ÉTÉ", "كمال", "رئيسـيِ ۱۴۰۱ ٢٠٢٣", "ديدار در پكن", "さくら 대한민국"]
    folded = searching.page.evaluate("s => s.map(window.archiveSearchText.normalise)", samples)
    assert folded == [normalise(s) for s in samples]
    split = searching.page.evaluate("s => s.map(window.archiveSearchText.tokens)", samples)
    assert split == [tokens(s, query=True) for s in samples]
