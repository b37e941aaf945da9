"""Driving the archive's search in the browser: the header's box and the search page."""

from __future__ import annotations

BOX = "#archive-search-input"


def type_query(visit, query: str) -> list[str]:
    """Types a query into the header's box; the titles of the results shown, names first."""
    page = visit.page
    page.locator(BOX).fill(query)
    page.wait_for_function("q => document.querySelector('[data-archive-search]').dataset.done === q", arg=query)
    return [t.strip() for t in page.locator("#archive-search-listbox .archive-result__title").all_inner_texts()]


def open_search_page(visit, query_string: str = ""):
    """Opens search/ with the given address query (e.g. "?q=raisi&year=2023") and waits for its results."""
    page = visit.open("search/" + query_string)
    wait_for_page(page)
    return page


def wait_for_page(page) -> None:
    page.wait_for_function(
        "() => { const root = document.querySelector('[data-search-page]');"
        " return root.dataset.done !== undefined && root.dataset.busy === undefined"
        " && root.dataset.done === location.pathname + location.search; }")


def page_titles(page) -> list[str]:
    return [t.strip() for t in page.locator("[data-search-readouts] ol .archive-result__title").all_inner_texts()]


def page_names(page) -> list[str]:
    return [t.strip() for t in page.locator("[data-search-names] .archive-result__title").all_inner_texts()]


def box_readouts(visit) -> list[str]:
    """The titles of the readouts the header's box shows, names left out."""
    return [t.strip() for t in visit.page.locator(
        "#archive-search-listbox [data-kind=readout] .archive-result__title").all_inner_texts()]


def count_filters(page) -> None:
    """Points at the search page's filters, which an unfiltered query counts only then, and waits for the counts."""
    page.locator(".search-page__filters summary").hover()
    page.wait_for_function("() => document.querySelector('[data-search-page]').dataset.counted !== undefined")
