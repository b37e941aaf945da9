"""The search page: its state in the address (shareable, the back button works), filters with
counts, a year range, order by date, and axe with results and filters shown."""

import pytest

from .searching import count_filters, open_search_page, page_names, page_titles, wait_for_page
from .test_reader import AXE_SCRIPT

CALL = "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"
IRANIAN_CALL = "China Ready for Mutual Coop. to Advance Strategic Partnership"
AHMADIAN = "Wang Yi Meets with Ahmadian, Secretary of Iran’s Supreme National Security Council"
MOKHBER = "Li Qiang Meets with Iran's First Vice President Mohammad Mokhber"
KHARRAZI = "Liu Jianchao Meets with Kamal Kharrazi, Head of Iran’s Strategic Council on Foreign Relations"


def _options(page, name: str) -> dict[str, str]:
    return page.evaluate("name => Object.fromEntries([...document.querySelector(`#search-${name}`).options]"
                         ".map(o => [o.value, o.textContent]))", name)


def test_an_address_opens_its_search_and_fills_the_form(visit):
    page = open_search_page(visit, "?q=raisi&year=2023")
    assert page.locator("#search-q").input_value() == "raisi"
    assert page.locator("#search-from").input_value() == "2023" == page.locator("#search-to").input_value()
    assert sorted(page_titles(page)) == sorted([AHMADIAN, MOKHBER])  # 2023 readouts naming him
    assert page_names(page) == ["Ebrahim Raisi"]
    assert page.url.endswith("search/?q=raisi&year=2023")
    assert visit.errors == [] and visit.foreign_requests == []


def test_results_read_as_a_person_reads_them(visit):
    page = open_search_page(visit, "?q=Reahy")
    result = page.locator("[data-search-readouts] li", has_text=AHMADIAN)
    meta = result.locator(".archive-result__meta").all_inner_texts()
    assert meta[0] == "24 July 2023 · Meeting · Johannesburg, South Africa"
    assert result.locator(".archive-result__people").inner_text() == "Wang Yi, Ali-Akbar Ahmadian"
    snippet = result.locator(".archive-result__snippet")
    assert "Reahy" in snippet.locator("mark").all_inner_texts()
    entity = page.locator("[data-search-names] li").first.locator(".archive-result__meta").all_inner_texts()
    assert entity == ["Official · President of Iran · Iran", "ابراهیم رئیسی · 2 readouts, mentioned in 2"]


@pytest.mark.parametrize("name, value, expected", [
    ("kind", "phone call", [CALL, IRANIAN_CALL]),
    ("official", "o-ali-akbar-ahmadian", [AHMADIAN]),
    ("initiative", "i-shanghai-cooperation-organisation", [CALL, IRANIAN_CALL, MOKHBER, KHARRAZI]),
    ("publisher", "p-xinhua-news-agency", [MOKHBER]),
    ("venue", "v-johannesburg-south-africa", [AHMADIAN]),
])
def test_each_filter_narrows_counts_and_lands_in_the_address(visit, name, value, expected):
    fetched = []
    page = visit.page
    page.on("request", lambda request: fetched.append(request.url))
    open_search_page(visit, "?q=china")
    assert not [url for url in fetched if "/search/f/" in url]  # an unfiltered query fetches no filter data
    before = len(page_titles(page))
    count_filters(page)
    options = _options(page, name)
    assert options[value].endswith(f"({len(expected)})")  # each value says how many it keeps
    page.locator(f"#search-{name}").select_option(value)
    wait_for_page(page)
    assert sorted(page_titles(page)) == sorted(expected)
    assert len(expected) < before
    assert f"{name}={value.replace(' ', '+')}" in page.url
    page.reload()
    wait_for_page(page)
    assert sorted(page_titles(page)) == sorted(expected)  # the address alone holds the state
    assert page.locator(f"#search-{name}").input_value() == value


def test_a_year_range_narrows_by_date_and_order_by_date(visit):
    page = open_search_page(visit, "?q=china")
    page.locator("#search-from").fill("2022")
    page.locator("#search-to").fill("2022")
    page.locator("#search-to").dispatch_event("change")
    wait_for_page(page)
    assert "year=2022" in page.url
    assert sorted(page_titles(page)) == sorted([CALL, IRANIAN_CALL])
    page = open_search_page(visit, "?q=china&from=2023&sort=date")
    assert page_titles(page) == [KHARRAZI, MOKHBER, AHMADIAN]
    assert "newest first" in page.locator("[data-search-status]").inner_text()


def test_filters_alone_list_readouts(visit):
    page = open_search_page(visit, "?official=o-xi-jinping&sort=date")
    assert page_titles(page)[:2] in ([CALL, IRANIAN_CALL], [IRANIAN_CALL, CALL])
    assert page.locator("#search-official").input_value() == "o-xi-jinping"


def test_the_back_button_steps_through_searches(visit):
    page = open_search_page(visit, "?q=raisi")
    first = page_titles(page)
    count_filters(page)
    page.locator("#search-kind").select_option("meeting")
    wait_for_page(page)
    assert "kind=meeting" in page.url
    page.locator("#search-q").fill("ahmadian")
    page.locator("#search-q").press("Enter")
    wait_for_page(page)
    assert page_titles(page) == [AHMADIAN]
    page.go_back()
    wait_for_page(page)
    assert page.url.endswith("search/?q=raisi&kind=meeting")
    page.go_back()
    wait_for_page(page)
    assert page.url.endswith("search/?q=raisi")
    assert page_titles(page) == first
    assert page.locator("#search-kind").input_value() == ""
    page.go_forward()
    wait_for_page(page)
    assert page.locator("#search-kind").input_value() == "meeting"


def test_a_suggestion_for_a_misspelt_name(visit):
    page = open_search_page(visit, "?q=Kharazzi")
    link = page.locator("[data-search-suggestion] a")
    suggested = link.inner_text()
    assert suggested in ("kharazi", "kharrazi")  # the registry's spellings of Kamal Kharrazi
    link.click()
    page.wait_for_url(f"**/search/?q={suggested}")
    wait_for_page(page)
    assert page_titles(page)[0] == KHARRAZI


def test_axe_finds_nothing_serious_with_results_and_filters_shown(visit):
    page = open_search_page(visit, "?q=raisi")
    page.locator("#archive-search-input").fill("raisi")
    page.wait_for_function("() => document.querySelector('[data-archive-search]').dataset.done === 'raisi'")
    assert page.locator(".search-page__filters").get_attribute("open") is not None
    assert page.locator("[data-archive-search-panel]").is_visible()
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['impact']}: {v['id']} at {[n['target'] for n in v['nodes']][:3]}"
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    visit.screenshot("search-page")
    assert serious == []


def test_quoted_words_must_all_appear(visit):
    page = open_search_page(visit, "?q=Johannesburg+Kharrazi")
    assert sorted(page_titles(page)) == sorted([AHMADIAN, KHARRAZI])  # each holds one of the words
    page = open_search_page(visit, '?q="Johannesburg"+Kharrazi')
    assert page_titles(page) == [AHMADIAN]  # the quoted word is required
    assert page.locator("#search-q").input_value() == '"Johannesburg" Kharrazi'


def test_a_shared_address_fetches_only_what_the_index_lists(visit):
    """Filter values come from the index's own lists: any other value in an address is dropped
    (from the address too), so a link cannot make a reader fetch a file the index never named."""
    fetched = []
    visit.page.on("request", lambda request: fetched.append(request.url))
    hostile = ("?q=china&official=../../data/readouts&initiative=..%2F..%2Fdata%2Freadouts"
               "&publisher=o-xi-jinping&venue=https://example.org/x&kind=<b>&from=../1&sort=x")
    page = open_search_page(visit, hostile)
    assert page.url.endswith("search/?q=china")
    hostile_titles = page_titles(page)
    data = [url for url in fetched if url.endswith(".json")]
    assert data and all(url.startswith(visit.base_url + "search/") for url in data)
    assert not [url for url in fetched[1:] if "data/readouts" in url or "/e/" in url]  # [0]: the page itself
    assert page.locator("#search-official").input_value() == "" == page.locator("#search-publisher").input_value()
    assert visit.errors == [] and visit.foreign_requests == []
    assert sorted(hostile_titles) == sorted(page_titles(open_search_page(visit, "?q=china")))


def test_on_a_phone_the_filters_fold_and_the_first_result_is_on_the_first_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_url + "search/?q=raisi")
    wait_for_page(page)
    filters = page.locator(".search-page__filters")
    assert filters.get_attribute("open") is None and filters.locator("summary").is_visible()
    first = page.locator("[data-search-readouts] li").first.bounding_box()
    assert first["y"] + first["height"] <= 844  # the whole first result, title and snippet
    filters.locator("summary").click()
    assert page.locator("#search-kind").is_visible()  # one tap away
    context.close()
