"""A reader's pages in headless Chromium: citations, events, charts, accessibility and phone width."""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python
import pytest

from generator.core.settings import site_settings

from ..conftest import REPO
from .conftest import Visit

AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")
SITE_URL = site_settings(REPO)["url"]  # the permanent links name the published site, wherever it is served

CHINESE_CALL = "readouts/2022/2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi/"
IRANIAN_CALL = "readouts/2022/2022-07-29-china-ready-for-mutual-coop-to-advance-strategic-partnership/"
EVENT = "events/2022-07-29-xi-jinping-ebrahim-raisi/"
PAGES = {
    "home": "",
    "readout": CHINESE_CALL,
    "event": EVENT,
    "official": "officials/xi-jinping/",
    "initiative": "initiatives/global-development-initiative/",
    "year": "timeline/2023/",
    "data": "data/",
    "formulation": "formulations/one-china-principle/",
    "formulations": "formulations/",
    "coverage": "coverage/",
    "coverage-year": "coverage/2023/",
}


@pytest.fixture
def dark(browser, site_url):
    """A visit by a reader whose system asks for the dark scheme."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    yield Visit(context.new_page(), site_url)
    context.close()


def _csl(page) -> dict:
    items = json.loads(page.locator("script#csl-json").text_content())
    assert isinstance(items, list) and len(items) == 1
    return items[0]


def test_a_readout_tells_how_to_cite_it(visit, phone):
    missing = []
    visit.page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    page = visit.open(CHINESE_CALL)
    cite = page.locator(".readout-cite")
    assert cite.is_visible()
    note = cite.locator("#cite-chicago-note").inner_text()
    assert note.startswith("Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone, readout, Phone call "
                           "between Xi Jinping and Ebrahim Raisi, July 29, 2022 (Permanent Mission of the People's "
                           "Republic of China to the UN, 2022)")
    assert "@report{readouts:2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi," in cite.inner_text()
    assert cite.locator("#cite-ris").inner_text().startswith("TY  - RPRT")
    permalink = cite.get_by_role("link", name=SITE_URL + CHINESE_CALL)
    assert permalink.get_attribute("href") == SITE_URL + CHINESE_CALL
    for name in ("BibTeX (.bib)", "RIS (.ris)"):  # the readout's own files, served beside the site
        response = page.request.get(page.url + cite.get_by_role("link", name=name).get_attribute("href"))
        assert response.ok and b"readouts:2022-07-29-xi-jinping" in response.body(), name

    item = _csl(page)
    assert item["type"] == "report" and "author" not in item
    assert item["publisher"] == "Permanent Mission of the People's Republic of China to the UN"
    assert item["issued"] == {"date-parts": [[2022, 7, 29]]} and item["custom"]["meeting-date"] == "2022-07-29"
    assert item["URL"] == SITE_URL + CHINESE_CALL
    head = {name: page.locator(f"head meta[name='{name}']").get_attribute("content")
            for name in ("z:itemType", "DC.type", "citation_title", "citation_date", "citation_publisher")}
    assert head == {"z:itemType": "report", "DC.type": "report",
                    "citation_title": "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone",
                    "citation_date": "2022-07-29",
                    "citation_publisher": "Permanent Mission of the People's Republic of China to the UN"}
    visit.screenshot("reader-readout-cite")

    page = visit.open(IRANIAN_CALL)  # an unidentified publisher, no publication date: left out, n.d.
    assert page.locator("#cite-chicago-note").inner_text().startswith(
        "China Ready for Mutual Coop. to Advance Strategic Partnership, readout, Phone call between Xi Jinping and "
        "Ebrahim Raisi, [July 29, 2022] (n.d.), ")
    item = _csl(page)
    assert "issued" not in item and "publisher" not in item and item["URL"] == SITE_URL + IRANIAN_CALL
    assert page.locator("head meta[name='citation_publisher']").count() == 0

    page = phone.open(CHINESE_CALL)
    assert page.locator(".readout-cite").is_visible()
    phone.screenshot("reader-readout-phone")
    assert missing == [], missing
    assert visit.foreign_requests == [] == phone.foreign_requests
    assert visit.errors == [] == phone.errors


def test_a_citation_is_copied_with_the_keyboard_and_announced(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    visit = Visit(context.new_page(), site_url)
    page = visit.open(CHINESE_CALL)
    button = page.get_by_role("button", name="Copy BibTeX (biblatex)")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator(".readout-cite [role=status]").filter(has_text="copied")
    status.wait_for()
    assert status.inner_text() == "BibTeX (biblatex) copied to the clipboard."
    assert button.locator("xpath=..").get_by_role("status").inner_text() == status.inner_text()  # beside it
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#cite-bibtex").inner_text() and copied.startswith("@report{")
    assert visit.foreign_requests == [] and visit.errors == []
    context.close()


def test_without_script_the_copy_buttons_stay_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CHINESE_CALL)
    assert page.locator("button[data-cite-copy]").count() == 5
    assert not page.locator("button[data-cite-copy]").first.is_visible()
    assert page.locator("#cite-chicago-note").is_visible()
    context.close()


def test_an_event_stands_side_by_side_on_a_wide_screen_and_stacked_on_a_phone(visit, phone):
    page = visit.open(EVENT)
    wide = [a.bounding_box() for a in page.locator(".event-account").all()]
    assert len(wide) == 2 and wide[0]["y"] == wide[1]["y"] and wide[0]["x"] + wide[0]["width"] <= wide[1]["x"]
    headings = page.locator(".event-account h2").all_inner_texts()
    assert sorted(h.rstrip("¶ \n") for h in headings) == [
        "Iranian English-language news outlet (unidentified)",
        "Permanent Mission of the People's Republic of China to the UN"]
    visit.screenshot("reader-event-wide")

    page = phone.open(EVENT)
    narrow = [a.bounding_box() for a in page.locator(".event-account").all()]
    assert len(narrow) == 2 and narrow[0]["x"] == narrow[1]["x"]
    assert narrow[1]["y"] >= narrow[0]["y"] + narrow[0]["height"]
    phone.screenshot("reader-event-phone")
    assert visit.foreign_requests == [] == phone.foreign_requests


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scrolling_on_a_phone(phone, name):
    page = phone.open(PAGES[name])
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    phone.screenshot(f"reader-phone-{name}")
    assert width[0] <= width[1], f"{name}: the page is {width[0]} px wide on a {width[1]} px screen"
    assert phone.foreign_requests == [] and phone.errors == []


def _serious_violations(visit: Visit, path: str) -> list[str]:
    page = visit.open(path)
    page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in results["violations"]:
        where = [node["target"] for node in violation["nodes"]][:5]
        line = f"{violation['impact']}: {violation['id']} ({violation['help']}) at {where}"
        print(f"axe on /{path}: {line}")  # the lesser ones are shown, not failed
        if violation["impact"] in ("serious", "critical"):
            found.append(line)
    assert visit.foreign_requests == [] and visit.errors == []
    return found


@pytest.mark.parametrize("name", [n for n in PAGES if n != "data"])
def test_axe_finds_no_serious_violation(visit, dark, name):
    for scheme, session in (("light", visit), ("dark", dark)):
        assert _serious_violations(session, PAGES[name]) == [], f"{name} page in the {scheme} scheme"


def test_the_data_page_passes_axe(visit):
    assert _serious_violations(visit, PAGES["data"]) == []


def _chart(page, label: str):
    chart = page.locator("figure.chart").first
    svg = chart.locator("svg[role=img]")
    assert svg.get_attribute("aria-label").startswith(label)
    assert svg.locator("title").first.text_content().startswith(label)
    box = svg.bounding_box()
    assert box["width"] > 20 and box["height"] > 20
    rows = chart.locator(".visually-hidden table tbody tr").all()
    return {r.locator("td").nth(0).text_content(): int(r.locator("td").nth(1).text_content()) for r in rows}


def test_charts_of_readouts_per_year_have_a_text_alternative(visit):
    page = visit.open()
    assert _chart(page, "Readouts per year") == {"2022": 2, "2023": 3}
    assert page.locator("figure.chart .visually-hidden").bounding_box()["width"] <= 1
    bars = page.locator("figure.chart rect.chart__bar").all()
    assert len(bars) == 2 and bars[1].bounding_box()["height"] > bars[0].bounding_box()["height"]
    fill = bars[0].evaluate("bar => getComputedStyle(bar).fill")
    assert fill not in ("", "none", "rgb(0, 0, 0)"), fill  # the theme's colour, not SVG's default black
    visit.screenshot("reader-home-chart")

    page = visit.open("officials/xi-jinping/")
    assert _chart(page, "Readouts per year with Xi Jinping") == {"2022": 2}
    assert page.get_by_role("link", name="Atom feed of these readouts").get_attribute("href").endswith(
        "data/feeds/officials/xi-jinping.xml")
    visit.screenshot("reader-official")

    page = visit.open("initiatives/belt-and-road-initiative/")
    assert _chart(page, "Readouts per year: Belt and Road Initiative") == {"2023": 2}
    visit.screenshot("reader-initiative")
    assert visit.foreign_requests == [] and visit.errors == []


def test_feeds_are_announced_and_linked(visit):
    missing = []
    visit.page.on("response", lambda response: missing.append(response.url) if response.status >= 400 else None)
    page = visit.open("officials/xi-jinping/")
    feeds = page.locator("head link[rel=alternate][type='application/atom+xml']")
    assert [feeds.nth(i).get_attribute("href") for i in range(feeds.count())] == ["../../feed.xml"]
    assert page.get_by_role("link", name="Atom feed of these readouts").get_attribute("href").endswith(
        "data/feeds/officials/xi-jinping.xml")

    page = visit.open("data/")
    for name in ("readouts.json", "readouts.csv", "readouts.sqlite", "readouts.schema.json", "readout.schema.json",
                 "readouts.bib", "readouts.ris", "readouts.csl.json"):
        response = page.request.get(visit.base_url + "data/" + page.get_by_role("link", name=name).get_attribute("href"))
        assert response.ok, name
    response = page.request.get(visit.base_url + "data/" + page.get_by_role("link", name="All readouts").get_attribute("href"))
    assert response.ok and b"<feed" in response.body()
    page.wait_for_load_state("networkidle")
    assert missing == [], missing  # Material asks for sitemap.xml beside every announced feed
    visit.screenshot("reader-data")
    assert visit.foreign_requests == []
