"""The comparison layer in headless Chromium: paragraph anchors and the event's columns. (The
formulation and coverage pages are among test_reader's pages: at a phone's width, and under axe.)"""

from __future__ import annotations

from .test_reader import EVENT, IRANIAN_CALL


def _paragraph_shows_its_number_and_speaker(page, anchor: str, number: int, speaker: str):
    paragraph = page.locator(f"#{anchor}")
    button = paragraph.locator("button.paragraph-number")
    assert button.is_visible() and button.inner_text().split() == ["Paragraph", str(number)]  # "Paragraph" for screen readers
    assert button.evaluate("b => getComputedStyle(b.firstElementChild).clipPath") == "inset(50%)"  # shown: the number
    assert button.evaluate("b => getComputedStyle(b).opacity") == "1"
    number_box, text_box = button.bounding_box(), paragraph.bounding_box()
    assert number_box["x"] <= text_box["x"] + 2  # in the margin, left of the text
    label = paragraph.locator(".paragraph-speaker")
    assert label.is_visible() and " ".join(label.inner_text().split()) == f"Speaker: {speaker}"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width  # nothing wider than the screen
    return button


def _popover_cites(page, anchor: str, number: int):
    popover = page.locator(f"#cite-{anchor}")
    assert popover.is_visible()
    text = popover.inner_text()
    assert f"{IRANIAN_CALL.rstrip('/')}/#{anchor}" in text and f"(n.d.), para. {number}, " in text
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    return popover


def test_a_paragraph_shows_its_number_and_speaker_and_its_number_cites_it(visit):
    page = visit.open(IRANIAN_CALL + "#p11")
    box = page.locator("#p11").bounding_box()
    height = page.evaluate("window.innerHeight")
    assert box is not None and 0 <= box["y"] < height / 2, box
    assert "One China principle" in page.locator("#p11").inner_text()
    button = _paragraph_shows_its_number_and_speaker(page, "p11", 11, "Ebrahim Raisi")
    assert page.locator("a.paragraph-link").count() == 0 and button.get_attribute("title") is None  # no tooltip
    assert not page.locator("#cite-p11").is_visible()
    button.click()
    _popover_cites(page, "p11", 11)
    visit.screenshot("accounts-paragraph-cite")
    page.keyboard.press("Escape")
    assert not page.locator("#cite-p11").is_visible()
    page.locator("#p3 button.paragraph-number").focus()  # by keyboard: Tab to the number, Enter
    page.keyboard.press("Enter")
    _popover_cites(page, "p3", 3)
    page.locator("#cite-p3 .paragraph-cite__close").click()
    assert not page.locator("#cite-p3").is_visible()
    instructions = page.locator("text=press its number in the margin")
    assert instructions.count() == 1 and "point at" not in page.locator("article").inner_text()
    assert visit.foreign_requests == [] and visit.errors == []


def test_on_a_phone_the_number_and_speaker_show_and_a_tap_cites_the_paragraph(phone):
    page = phone.open(IRANIAN_CALL + "#p11")
    button = _paragraph_shows_its_number_and_speaker(page, "p11", 11, "Ebrahim Raisi")
    _paragraph_shows_its_number_and_speaker(page, "p1", 1, "Xi Jinping")
    button.tap()
    _popover_cites(page, "p11", 11)
    phone.screenshot("accounts-paragraph-cite-phone")
    assert phone.foreign_requests == [] and phone.errors == []


def test_the_event_columns_hold_numbered_attributed_paragraphs_that_lead_to_the_readout(visit):
    page = visit.open(EVENT)
    columns = page.locator(".event-account").all()
    first, second = (column.locator(".event-paragraph").first.bounding_box() for column in columns)
    assert len(columns) == 2 and first["x"] + first["width"] <= second["x"]  # the first paragraphs side by side
    assert first["y"] < second["y"] + second["height"] and second["y"] < first["y"] + first["height"]
    assert page.locator("#only-one-account + ul li", has_text="BRICS: only in the Iranian outlet's account").count() == 1
    speakers = page.locator(".event-account").nth(0).locator(".event-paragraph__speaker").all_inner_texts()
    assert "Both sides" in speakers and "Ebrahim Raisi" in speakers
    page.locator(".event-account").nth(0).locator("a.event-paragraph__number", has_text="¶11").click()
    page.wait_for_url("**" + IRANIAN_CALL + "#p11")
    assert page.locator("#p11").is_visible()
    assert visit.foreign_requests == [] and visit.errors == []
