"""Language versions in a real browser: each version's page in its language and direction, the Versions
view side by side (stacked on a phone), search in either version, and the data read back by real parsers.
A phone-width screenshot of each kind of page goes to test-artifacts/."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from benchmarks.search import serve_folder

from .conftest import Visit

CALL = "2021-01-15-wang-yi-speaks-with-zarif-on-the-phone"
PERSIAN = "readouts/2021/2021-03-27-zarif-receives-wang-yi-fa/"
CHINESE = f"readouts/2021/{CALL}-zh/"
CALL_VERSIONS = f"versions/{CALL}/"


@pytest.fixture(scope="module")
def versions_site(built_versions_site):
    server = serve_folder(built_versions_site / "site")
    yield built_versions_site / "site", f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(params=[(1280, "wide"), (390, "phone")], ids=["wide", "phone"])
def page_at(request, browser, versions_site):
    width, name = request.param
    context = browser.new_context(viewport={"width": width, "height": 900})
    visit = Visit(context.new_page(), versions_site[1])
    yield visit, name
    assert visit.foreign_requests == [] and visit.errors == []  # no font or script from another host
    context.close()


def test_a_persian_version_reads_right_to_left_in_a_persian_font(page_at):
    visit, width = page_at
    page = visit.open(PERSIAN)
    text = page.locator("div.readout-text")
    assert text.get_attribute("lang") == "fa" and text.get_attribute("dir") == "rtl"
    assert text.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert "Vazirmatn" in text.evaluate("e => getComputedStyle(e).fontFamily")
    assert page.locator("h1").get_attribute("lang") == "fa"
    assert "اصل چین واحد" in text.inner_text()
    first = text.locator("p").first.bounding_box()  # right aligned: the text starts at the right edge
    assert first["x"] + first["width"] >= page.locator("h1").bounding_box()["x"] + page.locator("h1").bounding_box()["width"] - 2
    visit.screenshot(f"versions-readout-persian-{width}")


def test_a_chinese_version_has_its_language_and_its_versions_panel(page_at):
    visit, width = page_at
    page = visit.open(CHINESE)
    text = page.locator("div.readout-text")
    assert text.get_attribute("lang") == "zh" and text.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert "Noto Sans CJK SC" in text.evaluate("e => getComputedStyle(e).fontFamily")
    panel = page.locator(".versions-panel")
    assert "This is the Chinese version" in panel.inner_text()
    panel.get_by_role("link", name="Compare the versions side by side").click()
    page.wait_for_url(f"**/{CALL_VERSIONS}")
    visit.screenshot(f"versions-readout-chinese-{width}")


def test_the_versions_view_sets_paragraph_against_paragraph_and_stacks_on_a_phone(page_at):
    visit, width = page_at
    page = visit.open(CALL_VERSIONS)
    chinese, english = page.locator("#zh-p2"), page.locator("#en-p2")
    assert chinese.get_attribute("lang") == "zh" and english.get_attribute("lang") == "en"
    left, right = chinese.bounding_box(), english.bounding_box()
    if width == "wide":
        assert abs(left["y"] - right["y"]) < 2 and left["x"] < right["x"]  # side by side
    else:
        assert abs(left["x"] - right["x"]) < 2 and left["y"] < right["y"]  # one above the other
    visit.screenshot(f"versions-view-{width}")


def test_the_summary_says_what_differs_and_links_each_item_to_its_paragraph(versions_site, page_at):
    visit, _ = page_at
    page = visit.open(CALL_VERSIONS)
    summary = page.locator("ul.versions-differences")
    items = summary.locator("li").all_inner_texts()
    assert items[0].startswith("The formulation comprehensive strategic partnership is in the Chinese version (¶2); "
                               "no form of it was found in the English version.")
    assert any("has no counterpart found in the English version: 中方坚定支持伊方维护国家主权和领土完整。" in i for i in items)
    assert any(i.startswith("¶2 of the Chinese version is 1.5 times as long") for i in items)
    assert "omitted" not in page.locator("article").inner_text()
    mark = page.locator("#zh-p2 mark.versions-alone")
    assert mark.inner_text() == "中方坚定支持伊方维护国家主权和领土完整。"
    assert mark.get_attribute("title") == "No counterpart found in the English version"
    summary.locator("a", has_text="¶2").first.click()
    assert page.evaluate("location.hash") == "#zh-p2"


def test_a_pair_that_agrees_says_so_and_what_it_could_not_compare(browser, versions_site):
    context = browser.new_context(viewport={"width": 390, "height": 900})
    visit = Visit(context.new_page(), versions_site[1])
    page = visit.open("versions/2021-03-27-wang-yi-holds-talks-with-zarif/")
    assert page.locator("p.versions-differences").inner_text().startswith("Every paragraph has a counterpart")
    assert "Not compared, for want of a form in both languages in the registries: Tehran." in page.locator(
        "p.versions-scope").inner_text()
    persian = visit.open("versions/2021-03-27-zarif-receives-wang-yi/")
    assert persian.locator("#fa-p3").get_attribute("dir") == "rtl"
    visit.screenshot("versions-view-persian-phone")
    context.close()


def test_search_finds_a_readout_by_words_of_either_version(browser, versions_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    visit = Visit(context.new_page(), versions_site[1])
    for query, title in (("领土完整", "王毅应约同伊朗外长扎里夫通电话"), ("strategic partnership", "Wang Yi Speaks with Iranian"),
                         ("یکجانبه گرایی", "ظریف همتای چینی خود را به حضور پذیرفت")):
        page = visit.open("search/?q=" + query)
        results = page.locator("[data-search-readouts] li")
        results.first.wait_for()
        assert title in results.first.inner_text()  # the version whose words matched, first
    names = visit.open("search/?q=全面战略伙伴关系").locator("[data-search-names] li")
    names.first.wait_for()
    assert "comprehensive strategic partnership" in names.first.inner_text()  # a formulation by its Chinese form
    context.close()


def test_citations_cite_the_version_read_with_its_language_and_its_original(versions_site):
    site, _ = versions_site
    bib = (site / "data" / "cite" / f"{CALL}.bib").read_text(encoding="utf-8")
    assert "Translation of the Chinese original" in bib and "王毅应约同伊朗外长扎里夫通电话" in bib
    assert f"readouts/2021/{CALL}-zh/" in bib
    chinese = (site / "data" / "cite" / f"{CALL}-zh.ris").read_text(encoding="utf-8")
    assert "LA  - zh" in chinese and "In Chinese." in chinese and "Translation of" not in chinese
    items = {i["id"].removeprefix("readouts:"): i for i in json.loads((site / "data" / "readouts.csl.json").read_text())}
    assert items[CALL + "-zh"]["language"] == "zh" and "Translation of" in items[CALL]["note"]


def test_the_downloads_carry_the_versions_and_their_ties(versions_site):
    site, _ = versions_site
    records = {r["id"]: r for r in json.loads((site / "data" / "readouts.json").read_text())["readouts"]}
    chinese, english = records[CALL + "-zh"], records[CALL]
    assert chinese["version_of"] == CALL and chinese["translation_of"] is None
    assert english["translation_of"] == CALL + "-zh" and [v["id"] for v in english["versions"]] == [CALL + "-zh"]
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((site / "data" / "readouts.csv").read_text("utf-8-sig")))}
    assert rows[CALL]["versions"] == CALL + "-zh" and rows[CALL + "-zh"]["version_of"] == CALL
    db = sqlite3.connect(site / "data" / "readouts.sqlite")
    assert db.execute("SELECT version_id, language FROM readout_versions WHERE readout_id = ?", (CALL,)).fetchall() == [
        (CALL + "-zh", "zh")]
    assert ("zh", "全面战略伙伴关系") in db.execute(
        "SELECT language, form FROM formulation_forms WHERE formulation_id = 'comprehensive-strategic-partnership'").fetchall()
    db.close()


def test_events_count_versions_as_one_account_and_provenance_wants_the_original(browser, versions_site):
    site, base = versions_site
    assert not (site / "events" / "2021-01-15-wang-yi-mohammad-javad-zarif").exists()  # one account in two languages
    context = browser.new_context(viewport={"width": 390, "height": 900})
    visit = Visit(context.new_page(), base)
    page = visit.open("events/2021-03-27-wang-yi-mohammad-javad-zarif/")
    assert page.locator("article").inner_text().count("2 accounts of the talks") == 1
    provenance = visit.open("provenance/").locator("article table").inner_text()
    assert "Wang Yi Speaks with Zarif on the Phone" in provenance and "Chinese original" in provenance
    assert "Persian original" not in provenance  # the Iranian account has its Persian version
    context.close()
