"""The rules that make a result earn its place, pinned on the search fixture: phrases hold their
words in order, snippets quote the passage with the rarest words and mark exactly what matched
(a name matched through an alias or abbreviation marked whole), the page a result opens marks
the same and scrolls to it, names appear only when every word of the query names them, and near
misses find readouts without turning one number into another."""

from .searching import open_search_page, page_names, page_titles, type_query

PHONE_2024 = "Wang Yi Speaks with Ahmadian on the Phone"  # one-China, JCPOA in full, 25-year
XI_2024 = "Xi Jinping Speaks with Ebrahim Raisi"  # "China has one goal", agreements, 25 ministries
NUCLEAR_DEAL = "Zarif Receives Chinese Foreign Minister"  # "the nuclear deal", an alias of the JCPOA
CALL_2022 = "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"
REAHY = "Wang Yi Meets with Ahmadian, Secretary of Iran’s Supreme National Security Council"


def _result(page, title):
    return page.locator("[data-search-readouts] li").filter(
        has=page.locator(".archive-result__title", has_text=title)).first


def _snippet_marks(page, title) -> list[str]:
    return _result(page, title).locator(".archive-result__snippet mark").all_inner_texts()


def test_a_quoted_phrase_holds_its_words_in_order(search_visit):
    for query in ('"One China"', '"one-China"', '"ONE china"'):
        page = open_search_page(search_visit, "?q=" + query)
        assert page_titles(page) == [PHONE_2024], query  # not "One Belt, One Road", not "China has one goal"
    assert _snippet_marks(page, PHONE_2024) == ["one-China principle"]  # the phrase, within the formulation's name
    page = open_search_page(search_visit, "?q=one+china")
    assert {PHONE_2024, XI_2024} <= set(page_titles(page))  # unquoted, the words anywhere
    assert search_visit.errors == []


def test_a_snippet_quotes_the_rarest_words_and_marks_a_name_whole(search_visit):
    page = open_search_page(search_visit, "?q=nuclear+JCPOA")
    assert page_titles(page)[0] == PHONE_2024
    snippet = _result(page, PHONE_2024).locator(".archive-result__snippet").inner_text()
    assert "Joint Comprehensive Plan of Action" in snippet and "strategic partnership" not in snippet
    assert _snippet_marks(page, PHONE_2024) == ["Joint Comprehensive Plan of Action", "nuclear"]
    assert _snippet_marks(page, NUCLEAR_DEAL) == ["nuclear deal"]  # the registry's alias, whole
    every_mark = page.locator("[data-search-readouts] mark").all_inner_texts()
    assert not {"Comprehensive", "comprehensive", "Joint", "Plan", "Action"} & set(every_mark)


def test_the_page_a_result_opens_marks_the_same_and_scrolls_to_it(browser, search_site_url):
    context = browser.new_context(viewport={"width": 390, "height": 500})
    page = context.new_page()
    page.goto(search_site_url + "search/?q=JCPOA")
    page.wait_for_function("() => document.querySelector('[data-search-page]').dataset.done !== undefined")
    _result(page, PHONE_2024).locator("a").click()
    page.wait_for_url("**/readouts/**")
    text_marks = page.locator(".md-content article p[id^=p] mark").all_inner_texts()
    assert text_marks == ["Joint Comprehensive Plan of Action"]
    assert not {"Comprehensive", "Joint"} & set(page.locator(".md-content article mark").all_inner_texts())
    first = page.locator("mark.archive-mark--first")
    assert first.evaluate("m => m.closest('p').id") == "p3"
    page.wait_for_function("() => { const r = document.querySelector('mark.archive-mark--first').getBoundingClientRect();"
                           " return r.top >= 0 && r.bottom <= innerHeight; }")
    assert page.evaluate("scrollY") > 0
    context.close()


def test_a_name_appears_only_when_every_word_names_it(search_visit):
    assert page_names(open_search_page(search_visit, "?q=belt+cooperation")) == []  # one word each for BRI and SCO
    assert page_names(open_search_page(search_visit, "?q=Xi+Jinping")) == ["Xi Jinping"]
    assert page_names(open_search_page(search_visit, "?q=shanghai+coop")) == ["Shanghai Cooperation Organisation (SCO)"]
    assert page_names(open_search_page(search_visit, "?q=nuclear+deal")) == ["Joint Comprehensive Plan of Action (JCPOA)"]
    assert page_names(open_search_page(search_visit, "?q=王毅")) == ["Wang Yi"]


def test_a_name_shows_the_position_held_at_the_time_of_the_readouts_found(search_visit):
    def role(query):
        page = open_search_page(search_visit, "?q=" + query)
        return page.locator("[data-search-names] li .archive-result__meta").first.inner_text()

    assert role("Wang+Yi+2020") == "Official · Minister of Foreign Affairs · China"
    assert role("Wang+Yi+2024") == "Official · Director of the Office of the Central Foreign Affairs Commission · China"
    assert role("Wang+Yi") == ("Official · Minister of Foreign Affairs → Director of the Office of the Central"
                               " Foreign Affairs Commission · China")  # the span of his readouts


def test_near_misses_find_readouts_and_leave_numbers_alone(search_visit):
    page = open_search_page(search_visit, "?q=Zarif+2019")
    assert page.locator("[data-search-suggestion]").is_hidden()  # 2019 is not "corrected" into 2020 or 2021
    assert "with every word" in page.locator("[data-search-status]").inner_text()
    page = open_search_page(search_visit, "?q=xijinping")
    assert page_names(page) == ["Xi Jinping"]
    assert {CALL_2022, XI_2024} <= set(page_titles(page))
    page = open_search_page(search_visit, "?q=Rahisi")
    assert page_names(page) == ["Ebrahim Raisi"]
    assert {CALL_2022, XI_2024, REAHY} <= set(page_titles(page))
    assert _snippet_marks(page, REAHY) == ["Reahy"]  # the alias the text writes


def test_a_hyphenated_word_ranks_the_readout_that_writes_it_first(search_visit):
    page = open_search_page(search_visit, "?q=25-year+agreement")
    assert page_titles(page)[:2] == [PHONE_2024, XI_2024]  # XI_2024 holds "agreement" three times, "25" and "year" apart
    box = type_query(search_visit, "25-year agreement")
    assert box[0] == PHONE_2024
