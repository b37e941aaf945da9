"""The built site served on localhost and driven in Debian's headless Chromium.

These tests never skip: without Chromium they fail and say how to install it.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from benchmarks.search import CHROMIUM, CHROMIUM_ARGS, serve_folder

from ..conftest import ARTIFACTS


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(built_real_site):
    server = serve_folder(built_real_site / "site")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def search_site_url(built_search_site):
    """The search fixture archive, built once per test run and served."""
    server = serve_folder(built_search_site / "site")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make browser` (Debian's chromium package)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A browser page that refuses and remembers every request to another host."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.foreign_requests: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base_url) or url.startswith("data:"):
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()

    def open(self, path: str = ""):
        self.page.goto(self.base_url + path)
        return self.page

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@contextmanager
def desktop_visit(browser, site_url: str):
    """A page of its own on a desktop-sized screen, closed when done."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield Visit(context.new_page(), site_url)
    finally:
        context.close()


def one_page_per_module(url_fixture: str, start: str):
    """A fixture: one page of a module's tests that only type and read, each query replacing the
    one before (opening a page for each would be most of their time)."""

    @pytest.fixture(scope="module")
    def shared(browser, request):
        with desktop_visit(browser, request.getfixturevalue(url_fixture)) as visit:
            visit.open(start)
            yield visit

    return shared


@pytest.fixture
def visit(browser, site_url):
    with desktop_visit(browser, site_url) as visit:
        yield visit


@pytest.fixture
def phone(browser, site_url):
    """A visit on a phone-sized screen: 390 CSS pixels wide."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    yield Visit(context.new_page(), site_url)
    context.close()


@pytest.fixture
def search_visit(browser, search_site_url):
    """A page of the search fixture's site."""
    with desktop_visit(browser, search_site_url) as visit:
        yield visit
