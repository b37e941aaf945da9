"""The comparison layer in headless Chromium: paragraph anchors and the event's columns. (The
formulation and coverage pages are among test_reader's pages: at a phone's width, and under axe.)"""

from __future__ import annotations

from .test_reader import EVENT, IRANIAN_CALL


def test_a_paragraph_anchor_opens_at_its_paragraph_and_its_pilcrow_cites_it(visit):
    page = visit.open(IRANIAN_CALL + "#p11")
    box = page.locator("#p11").bounding_box()
    height = page.evaluate("window.innerHeight")
    assert box is not None and 0 <= box["y"] < height / 2, box
    assert "One China principle" in page.locator("#p11").inner_text()
    link = page.locator("#p11 a.paragraph-link")
    assert link.evaluate("a => getComputedStyle(a).opacity") == "0"
    page.locator("#p11").hover()
    page.wait_for_function("document.querySelector('#p11 a.paragraph-link') && "
                           "getComputedStyle(document.querySelector('#p11 a.paragraph-link')).opacity === '1'")
    assert "(n.d.), para. 11, " in link.get_attribute("title")
    visit.screenshot("accounts-paragraph-anchor")
    assert visit.foreign_requests == [] and visit.errors == []


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
