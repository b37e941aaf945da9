"""A reader finds their way through the built site in a real browser."""


def test_home_to_an_official_a_readout_and_a_year(visit):
    page = visit.open()
    assert page.locator("h1").first.inner_text().rstrip("¶") == "China–Iran Readouts Archive"
    visit.screenshot("home")

    page.locator(".md-tabs").get_by_role("link", name="Officials").click()
    page.wait_for_url("**/officials/")
    page.get_by_role("link", name="Ebrahim Raisi").first.click()
    page.wait_for_url("**/officials/ebrahim-raisi/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Ebrahim Raisi"
    assert "ابراهیم رئیسی" in page.locator(".native-name").inner_text()
    visit.screenshot("official")

    page.get_by_role("link", name="Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone").first.click()
    page.wait_for_url("**/readouts/2022/2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi/")
    assert "29 July 2022" in page.locator(".readout-panel").inner_text()
    visit.screenshot("readout")

    page.locator(".md-tabs").get_by_role("link", name="Timeline").click()
    page.wait_for_url("**/timeline/")
    page.get_by_role("link", name="2023").click()
    page.wait_for_url("**/timeline/2023/")
    headings = page.locator("article h2").all_inner_texts()
    assert [h.strip("¶ \n") for h in headings] == ["December", "October", "July"]
    visit.screenshot("year")

    assert visit.foreign_requests == [] and visit.errors == []


def test_event_accounts_stand_side_by_side_on_a_wide_screen(visit):
    page = visit.open("events/2022-07-29-xi-jinping-ebrahim-raisi/")
    boxes = [a.bounding_box() for a in page.locator(".event-account").all()]
    assert len(boxes) == 2 and boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"]
    visit.screenshot("event-wide")
