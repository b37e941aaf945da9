"""The header's search as a WAI-ARIA combobox, driven by the keyboard alone."""

from .searching import BOX, type_query


def _active(page) -> str | None:
    return page.locator(BOX).get_attribute("aria-activedescendant")


def _option_ids(page) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('#archive-search-listbox [role=option]')].map(o => o.id)")


def test_the_box_is_a_combobox_that_owns_a_listbox_of_options(visit):
    page = visit.open("timeline/")
    box = page.locator(BOX)
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    listbox_id = box.get_attribute("aria-controls")
    type_query(visit, "Raisi")
    assert box.get_attribute("aria-expanded") == "true"
    listbox = page.locator(f"#{listbox_id}")
    assert listbox.get_attribute("role") == "listbox"
    assert listbox.locator("[role=group]").count() == 2  # names, then readouts
    assert listbox.locator("[role=option]").count() >= 3
    status = page.locator("[role=status][aria-live=polite]")
    assert status.inner_text() == "1 name and 4 readouts"


def test_arrows_home_end_move_the_active_result_and_enter_opens_it(visit):
    page = visit.open("timeline/")
    type_query(visit, "Raisi")
    ids = _option_ids(page)
    box = page.locator(BOX)
    assert _active(page) is None
    box.press("ArrowDown")
    assert _active(page) == ids[0]
    assert page.locator(f"#{ids[0]}").get_attribute("aria-selected") == "true"
    box.press("ArrowDown")
    assert _active(page) == ids[1]
    box.press("ArrowUp")
    assert _active(page) == ids[0]
    box.press("End")
    assert _active(page) == ids[-1]
    box.press("Home")
    assert _active(page) == ids[0]
    box.press("ArrowUp")  # wraps round
    assert _active(page) == ids[-1]
    box.press("ArrowDown")
    box.press("ArrowDown")
    target = page.locator(f"#{ids[1]}").get_attribute("href")
    box.press("Enter")
    page.wait_for_url(target)
    assert "/readouts/" in page.url


def test_enter_with_no_active_result_opens_the_search_page(visit):
    page = visit.open("timeline/")
    type_query(visit, "Reahy")
    page.locator(BOX).press("Enter")
    page.wait_for_url("**/search/?q=Reahy")


def test_escape_closes_then_clears(visit):
    page = visit.open("timeline/")
    type_query(visit, "Raisi")
    box = page.locator(BOX)
    box.press("ArrowDown")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator("[data-archive-search-panel]").is_hidden()
    assert _active(page) is None
    assert box.input_value() == "Raisi"
    box.press("Escape")
    assert box.input_value() == ""


def test_every_result_is_reachable_with_tab(visit):
    page = visit.open("timeline/")
    type_query(visit, "Raisi")
    ids = _option_ids(page)
    reached = []
    for _ in ids:
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id"))
    assert reached == ids
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.archiveSearchAll") == ""  # then "All results"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")  # arrows also move between the results themselves
    assert page.evaluate("document.activeElement.id") == ids[-2]
    page.keyboard.press("Enter")
    page.wait_for_url("**/readouts/**")


def test_slash_focuses_the_box(visit):
    page = visit.open("timeline/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "archive-search-input"
    assert visit.errors == []
