"""The search page (search/): a form whose state lives in the address, filters with counts,
and the results; docs/javascripts/search-page.js answers it from the index. Without
JavaScript the page says so; nothing on it comes from content, so nothing needs escaping."""

from __future__ import annotations

from ..pages.addresses import SEARCH_PAGE, Page, page_path, relative_path

PATH = SEARCH_PAGE

FILTERS = (  # parameter in the address, label
    ("kind", "Kind"), ("official", "Official"), ("initiative", "Initiative"),
    ("publisher", "Publisher"), ("venue", "Venue"),
)


def _select(name: str, label: str) -> str:
    return (f'<div class="search-page__filter"><label for="search-{name}">{label}</label>\n'
            f'<select id="search-{name}" name="{name}"><option value="">Any</option></select></div>')


def _form() -> str:
    filters = "\n".join(_select(name, label) for name, label in FILTERS)
    return f"""<form class="search-page__form" role="search" action="./" method="get" data-search-form>
<div class="search-page__query">
<label for="search-q">Search for</label>
<input id="search-q" type="search" name="q" autocomplete="off" autocapitalize="off" spellcheck="false">
<button type="submit">Search</button>
</div>
<details class="search-page__filters" data-search-filters>
<summary>Filters and order</summary>
<div class="search-page__filter-grid">
<div class="search-page__filter"><label for="search-from">From year</label>
<input id="search-from" name="from" type="number" inputmode="numeric" min="1900" max="2100"></div>
<div class="search-page__filter"><label for="search-to">To year</label>
<input id="search-to" name="to" type="number" inputmode="numeric" min="1900" max="2100"></div>
{filters}
<div class="search-page__filter"><label for="search-sort">Order</label>
<select id="search-sort" name="sort"><option value="">Best match first</option><option value="date">Newest first</option></select></div>
</div>
<p><a href="./" data-search-clear>Clear the search and filters</a></p>
</details>
</form>"""


def _timeline_link() -> str:
    return relative_path(page_path("timeline/index.md"), PATH).removesuffix("index.md")


def render_search_page() -> Page:
    content = f"""---
title: Search
---

# Search the archive

<div class="search-page" data-search-page>
<p class="search-page__intro">Names in any spelling or script, initiatives by name or abbreviation, places, years
and months ("July 2022"), any word of a readout; a "quoted phrase" must appear as written.</p>
{_form()}
<p class="search-page__status" role="status" aria-live="polite" data-search-status>Searching needs JavaScript; the
<a href="{_timeline_link()}">timeline</a> lists every readout.</p>
<p class="search-page__suggestion" data-search-suggestion hidden></p>
<section class="search-page__names" aria-label="Names" data-search-names hidden><h2>Names</h2><ul></ul></section>
<section class="search-page__readouts" aria-label="Readouts" data-search-readouts hidden><h2>Readouts</h2><ol></ol>
<button type="button" class="search-page__more" data-search-more hidden>Show more</button></section>
</div>
"""
    return Page(PATH, content)
