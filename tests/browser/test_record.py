"""Every kind of page asks the server only for files that exist, and a retired address forwards."""

from __future__ import annotations

import pytest

from benchmarks.search import serve_folder

from ..conftest import RETIRED_ID

EVERY_KIND = (
    "", "timeline/", "timeline/2021/", "officials/", "officials/wang-yi/", "initiatives/",
    "initiatives/belt-and-road-initiative/", "events/", "events/2021-03-27-wang-yi-mohammad-javad-zarif/",
    "venues/", "venues/tehran-iran/", "data/", "contribute/", "about/", "provenance/",
    "readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif/", "readouts/2021/2021-03-27-zarif-receives-wang-yi/",
)  # and the redirect page, below


@pytest.fixture(scope="module")
def fixture_url(built_fixture_site):
    server = serve_folder(built_fixture_site / "site")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def watched(browser, fixture_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed: list[tuple[int, str]] = []
    page.on("response", lambda response: response.status >= 400 and failed.append((response.status, response.url)))
    page.on("requestfailed", lambda request: failed.append((0, request.url)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(fixture_url) else route.abort())
    yield page, fixture_url, failed
    context.close()


@pytest.mark.parametrize("path", EVERY_KIND)
def test_no_page_asks_for_a_file_that_does_not_exist(watched, path):
    page, base, failed = watched
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() >= 1
    assert failed == []


def test_a_retired_address_forwards_to_the_readout(watched):
    page, base, failed = watched
    page.goto(base + f"readouts/2020/{RETIRED_ID}/")
    page.wait_for_url("**/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone/")
    assert page.locator("h1").inner_text().rstrip("¶") == "Wang Yi Speaks with Zarif on the Phone"
    assert failed == []


def test_the_basis_of_an_inferred_value_is_one_click_away(watched):
    page, base, _ = watched
    page.goto(base + "readouts/2021/2021-03-27-zarif-receives-wang-yi/")
    marker = page.locator(".readout-panel sup.inferred a")
    assert marker.get_attribute("title").startswith("Inferred: From")
    marker.click()
    assert page.url.endswith("#inferred-date")
    assert page.locator("#inferred-date").is_visible()
