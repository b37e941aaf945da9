"""Searching the built site by typing into the real search box."""

import pytest

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


def _search(visit, query):
    page = visit.page
    page.locator(".md-search__input").fill(query)
    page.wait_for_function("q => document.querySelector('[data-readouts-search]').dataset.done === q", arg=query)
    titles = page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()
    return [t.strip() for t in titles]


@pytest.fixture
def searching(visit):
    visit.open("timeline/")
    return visit


@pytest.mark.parametrize("query, first, readout", NAMES + INITIATIVES + PLACES)
def test_a_name_finds_its_page_first_then_its_readouts(searching, query, first, readout):
    titles = _search(searching, query)
    assert titles[0] == first
    assert readout in titles[1:]
    assert searching.foreign_requests == [] and searching.errors == []


def test_an_occasion_finds_its_readout(searching):
    titles = _search(searching, "Council of Heads of Government")
    assert titles[0] == "Li Qiang Meets with Iran's First Vice President Mohammad Mokhber"


def test_loading_a_page_fetches_no_search_index(visit):
    fetched = []
    visit.page.on("request", lambda request: fetched.append(request.url))
    visit.open("officials/xi-jinping/")
    visit.page.wait_for_load_state("networkidle")
    assert [url for url in fetched if "/search/" in url] == []
    _search(visit, "Raisi")
    assert any(url.endswith("/search/entities.json") for url in fetched)
    visit.screenshot("search")


def test_enter_opens_the_first_result(searching):
    _search(searching, "Reahy")
    searching.page.locator(".md-search__input").press("Enter")
    searching.page.wait_for_url("**/officials/ebrahim-raisi/")


def test_the_browser_folds_text_as_the_index_does(searching):
    from generator.outputs.search import normalise

    samples = ["Reahy", "ابراهیم رئیسی", "علی‌اکبر احمدیان", "Ali-Akbar Ahmadián", "习近平", "China’s", "ÉTÉ", "كمال"]
    folded = searching.page.evaluate("samples => samples.map(window.readoutsSearch.normalise)", samples)
    assert folded == [normalise(s) for s in samples]
