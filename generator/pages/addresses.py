"""Where every page sits: its file under docs/, its address within the site, its permanent URL.

The one place that decides an address, below everything that links to a page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Event, Initiative, Official, Readout, Venue, YearPage


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, with .md
    content: str | None  # None: the page in docs/ is already right and stays (an incremental build)


def page_path(item) -> str:
    """Where an item's page sits under docs/."""
    if isinstance(item, Readout):
        return item.url_path + ".md"
    if isinstance(item, Official):
        return f"officials/{item.slug}.md"
    if isinstance(item, Initiative):
        return f"initiatives/{item.slug}.md"
    if isinstance(item, Event):
        return f"events/{item.slug}.md"
    if isinstance(item, Venue):
        return f"venues/{item.slug}.md"
    if isinstance(item, YearPage):
        return f"{page_path(item.item)[:-3]}/{item.year}.md"
    if isinstance(item, int):
        return f"timeline/{item}.md"
    return str(item)


def site_path(item) -> str:
    """The page's address within the site: its folder, as MkDocs' directory URLs make it."""
    path = page_path(item)
    if path.endswith(".md"):
        path = path[: -len("index.md")] if path == "index.md" or path.endswith("/index.md") else path[:-3] + "/"
    return path


def page_url(site: dict, item) -> str:
    """The page's permanent address: the site's URL and the page's folder."""
    return site.get("url", "/") + site_path(item)


def feed_path(item=None) -> str:
    """Where an Atom feed sits under docs/: the newest readouts, or one official's or initiative's."""
    if isinstance(item, Official):
        return f"data/feeds/officials/{item.slug}.xml"
    if isinstance(item, Initiative):
        return f"data/feeds/initiatives/{item.slug}.xml"
    return "data/feeds/readouts.xml"


def relative_path(target: str, source: str) -> str:
    """target as a link from the page source, both relative to docs/; posixpath.relpath without
    its calls to the file system, which made it a tenth of the generator's time."""
    here = source.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:])


def link_between(target, here) -> str:
    """The relative address from the page `here` to `target` (an item, a page path under docs/ or a
    file), in MkDocs' directory form: what MkDocs itself writes for a Markdown link between them."""
    there = site_path(target)
    folders = site_path(here).split("/")[:-1]  # a page's address is a folder
    parts = there.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "../" * (len(folders) - common) + "/".join(parts[common:]) or "./"


# ---------------------------------------------------------------- every page the build writes

DATA_FILES = ("data/readouts.json", "data/readouts.csv", "data/readout.schema.json")
CONTRIBUTE_PAGE = "contribute.md"
SEARCH_PAGE = "search/index.md"
SECTIONS = ("index.md", "officials/index.md", "initiatives/index.md", "timeline/index.md", "events/index.md",
            "venues/index.md", "data/index.md")
RESERVED_SLUGS = ("index",)  # a folder's own page: no item may take its name
NO_WORDS_SLUG = "untitled"  # what slugify makes of a name without a Latin letter or digit


@dataclass(frozen=True)
class Address:
    """One page the build writes, and what in the archive made its address (for the check's messages)."""

    path: str  # relative to docs/
    origins: tuple[tuple[str, tuple], ...] = ()  # (archive file, the key of the value) that made it
    slug: str = ""  # the part of the address made from content, if any
    from_words: bool = False  # the slug was made from a name's words (not written as a slug)


def search_entity_path(kind: str, slug: str) -> str:
    """Where the search index keeps the readouts of one official ('o'), initiative ('i') or venue ('v')."""
    return f"search/e/{kind}-{slug}.json"


def year_groups(readouts, list_limit: int) -> dict[int, list]:
    """The years of a listing too long for one page, each with its readouts; empty when it fits on one."""
    by_year: dict[int, list] = {}
    if len(readouts) > list_limit:
        for readout in readouts:
            by_year.setdefault(readout.year, []).append(readout)
    return by_year


def _fixed(archive, indexes, list_limit) -> list[Address]:
    paths = SECTIONS + DATA_FILES + (CONTRIBUTE_PAGE, SEARCH_PAGE, feed_path())
    return [Address(path) for path in paths] + [Address(page_path(year)) for year in indexes.by_year]


def _readouts(archive, indexes, list_limit) -> list[Address]:
    return [Address(page_path(r), ((r.source_path, ()),), r.slug) for r in archive.readouts]


def _registry_entries(archive, indexes, list_limit) -> list[Address]:
    found = []
    for registry, kind, items, by_item in (("officials", "o", archive.officials, indexes.by_official),
                                           ("initiatives", "i", archive.initiatives, indexes.by_initiative)):
        for item in items:
            origin = ((f"archive/{registry}.yml", ("name", item.name)),)
            paths = [page_path(item), feed_path(item), search_entity_path(kind, item.slug)]
            paths += [page_path(YearPage(item, year)) for year in year_groups(by_item.get(item.slug, ()), list_limit)]
            found += [Address(path, origin, item.slug, True) for path in paths]
    return found


def _venues(archive, indexes, list_limit) -> list[Address]:
    found = []
    for venues in indexes.by_venue.values():
        for venue, readouts in venues:
            origin = tuple((r.source_path, ("venue",)) for r in readouts[:3])
            paths = [page_path(venue), search_entity_path("v", venue.slug)]
            paths += [page_path(YearPage(venue, year)) for year in year_groups(readouts, list_limit)]
            found += [Address(path, origin, venue.slug, True) for path in paths]
    return found


def _events(archive, indexes, list_limit) -> list[Address]:
    found = []
    for event in archive.events:
        keyed = [r for r in event.readouts if r.event_key]
        origin = tuple((r.source_path, ("event",)) for r in keyed[:3]) or tuple(
            (r.source_path, ("date",)) for r in event.readouts[:3])
        found.append(Address(page_path(event), origin, event.slug))
    return found


# One entry per kind of page: a function of (archive, indexes, list_limit) giving its addresses.
PAGE_KINDS = (_fixed, _readouts, _registry_entries, _venues, _events)


def page_addresses(archive, indexes, list_limit: int) -> list[Address]:
    """Every page the build writes into docs/, with what made each address; but the search index's
    shards (search/w, d, f: named by letters, days and years) and its publishers' files (search/e/p-…,
    one for each distinct publisher id): the search index's own, where no two can meet."""
    return [address for kind in PAGE_KINDS for address in kind(archive, indexes, list_limit)]
