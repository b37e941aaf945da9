"""Every kind of page and file the build writes into docs/, in one table.

Each kind says where its files sit (`writes_into`: the first part of their paths, which the
build owns whole), how they are made (`make`), every address it writes with the archive value
that made it (`addresses`, for the check's messages when two pages would meet), and which of its
pages show a readout (`shows`: those pages are rendered again when the readout changes; a kind
without it is made on every run). Rendering (pipeline.py), the address check (site_check.py),
the record of what depends on what (depends.py), the writer's folders (write.py) and
`make clean` all read this table, so adding a kind of page is adding an entry here.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import partial
from itertools import chain
from pathlib import Path
from collections.abc import Callable, Iterable

from ..contribute.reference import render_contributing
from ..core.model import Archive, Official, Readout, YearPage
from ..core.versions import account_of
from ..outputs.bibliography import BIBLIOGRAPHY, CITATION_FILES, readout_citations, render_bibliography
from ..outputs.data import render_data
from ..outputs.feeds import render_feeds
from ..outputs.formulations import render_formulations_data
from ..outputs.search import render_search_index
from ..outputs.search_update import SearchMemory
from ..outputs.spliced import DownloadMemory
from ..pages import coverage, provenance, versions
from ..pages.addresses import (CONTRIBUTE_PAGE, COVERAGE, DATA_FILES, FORMULATIONS, READOUTS_INDEX, SEARCH_PAGE, SECTIONS,
                               SOURCES_FEED, CoverageYear, Page, ReadoutsYear, VersionGroup, citation_path, feed_path,
                               page_path, search_entity_path, year_groups)
from ..pages.index import Indexes
from ..pages import render
from ..pages.render import Renderer

RESERVED_SLUGS = ("index",)  # a folder's own page: no item may take its name
NO_WORDS_SLUG = "untitled"  # what slugify makes of a name without a Latin letter or digit


@dataclass(frozen=True)
class Address:
    """One file the build writes, and what in the archive made its address (for the check's messages)."""

    path: str  # relative to docs/
    origins: tuple[tuple[str, tuple], ...] = ()  # (archive file, the key of the value) that made it
    slug: str = ""  # the part of the address made from content, if any
    from_words: bool = False  # the slug was made from a name's words (not written as a slug)


@dataclass
class Context:
    """What every kind is made from."""

    archive: Archive
    indexes: Indexes
    site: dict
    root: Path
    renderer: Renderer
    downloads: DownloadMemory | None = None  # what the last run wrote of the data downloads (fragments.py)
    search: SearchMemory | None = None  # and of the search index


@dataclass(frozen=True)
class Kind:
    name: str
    writes_into: tuple[str, ...]  # the first part of its files' paths under docs/
    make: Callable[[Context], Iterable[Page]]  # its files: rendered, or Page(path, None) when kept as they are
    addresses: Callable[[Archive, Indexes], list[Address]]  # every file it writes, but those `named_by_index`
    shows: Callable[[Readout, Indexes, Archive], Iterable] | None = None  # the items whose pages show a readout
    named_by_index: tuple[str, ...] = ()  # patterns of files named by the search index's own keys


def _origin(registry: str, item) -> tuple:
    return ((f"archive/{registry}.yml", ("name", item.name)),)


def _listed(items, by_item: dict, registry: str) -> list[Address]:
    """The pages of registry entries, with their pages per year when their listing is long."""
    found = []
    for item in items:
        paths = [page_path(item)] + [page_path(YearPage(item, year))
                                     for year in year_groups(by_item.get(item.slug, ()), render.LIST_LIMIT)]
        found += [Address(path, _origin(registry, item), item.slug, True) for path in paths]
    return found


def _venue_addresses(archive: Archive, indexes: Indexes, path_of=None) -> list[Address]:
    found = []
    for venues in indexes.by_venue.values():
        for venue, readouts in venues:
            origin = tuple((r.source_path, ("venue",)) for r in readouts[:3])
            paths = [path_of(venue)] if path_of else [page_path(venue)] + [
                page_path(YearPage(venue, year)) for year in year_groups(readouts, render.LIST_LIMIT)]
            found += [Address(path, origin, venue.slug, True) for path in paths]
    return found


def _event_addresses(archive: Archive, indexes: Indexes) -> list[Address]:
    found = []
    for event in archive.events:
        keyed = [r for r in event.readouts if r.event_key]
        origin = tuple((r.source_path, ("event",)) for r in keyed[:3]) or tuple(
            (r.source_path, ("date",)) for r in event.readouts[:3])
        found.append(Address(page_path(event), origin, event.slug))
    return found


def _version_addresses(archive: Archive, indexes: Indexes) -> list[Address]:
    return [Address(page_path(group), tuple((r.source_path, ("version_of",)) for r in group.readouts
                                            if r.version_of)[:3], group.slug)
            for group in versions.version_groups(archive)]


def _search_addresses(archive: Archive, indexes: Indexes) -> list[Address]:
    found = [Address(SEARCH_PAGE), Address("search/entities.json")]
    for registry, letter, items in (("officials", "o", archive.officials), ("initiatives", "i", archive.initiatives),
                                    ("formulations", "f", archive.formulations)):
        found += [Address(search_entity_path(letter, item.slug), _origin(registry, item), item.slug, True)
                  for item in items]
    return found + _venue_addresses(archive, indexes, lambda venue: search_entity_path("v", venue.slug))


def _feed_addresses(archive: Archive, indexes: Indexes) -> list[Address]:
    found = [Address(feed_path()), Address(SOURCES_FEED)]
    for registry, items in (("officials", archive.officials), ("initiatives", archive.initiatives)):
        found += [Address(feed_path(item), _origin(registry, item), item.slug, True) for item in items]
    return found


# ------------------------------------------------------------------ the pages each readout is on

def _readout_shows(readout: Readout, indexes: Indexes, archive: Archive) -> list:
    """Its own page, its neighbours', the other accounts of its event and its language versions."""
    items = [readout, *(n for n in indexes.neighbours[readout.url_path] if n is not None)]
    if event := indexes.event_of.get(readout.url_path):
        items += event.readouts
    return items + list(archive.versions.get(readout.id, ()))


def _officials_shown(readout: Readout, indexes: Indexes, archive: Archive) -> list:
    """Its participants, the officials it mentions and those it gives statements to."""
    speakers = {p.speaker for p in readout.paragraphs if isinstance(p.speaker, Official)}
    return [*readout.officials, *readout.mentioned, *speakers]


def _event_shown(readout: Readout, indexes: Indexes, archive: Archive) -> list:
    return [event] if (event := indexes.event_of.get(readout.url_path)) else []


def _venue_shown(readout: Readout, indexes: Indexes, archive: Archive) -> list:
    return [venue] if (venue := indexes.venue_of.get(readout.url_path)) else []


def _versions_shown(readout: Readout, indexes: Indexes, archive: Archive) -> list:
    group = archive.versions.get(readout.id, ())
    return [VersionGroup(account_of(group).id, group)] if group else []


# ------------------------------------------------------------------ how each kind is made

def _sections(c: Context):
    for path in SECTIONS:  # index.md → home.md.j2, officials/index.md → officials.md.j2, …
        yield c.renderer.section(("home" if path == "index.md" else path.split("/")[0]) + ".md.j2", path)


def _item_pages(items, make, listing=lambda c, item: ()):
    return lambda c: (page for item in items(c) for page in c.renderer.item_pages(item, partial(make(c), item),
                                                                                     listing(c, item)))


def _venue_pages(c: Context):
    for venues in c.indexes.by_venue.values():
        for venue, readouts in venues:
            yield from c.renderer.item_pages(venue, partial(c.renderer.venue, venue, readouts), readouts)


def _timeline_pages(c: Context):
    for year, readouts in c.indexes.by_year.items():
        yield from c.renderer.item_pages(year, partial(c.renderer.year, year, readouts))


def _version_pages(c: Context):
    for group in versions.version_groups(c.archive):
        yield c.renderer.versions(group) if c.renderer.wanted(group) else Page(page_path(group), None)


def _formulation_pages(c: Context):
    yield c.renderer.section("formulations.md.j2", FORMULATIONS)
    yield from map(c.renderer.formulation, c.archive.formulations)


def _citation_files(c: Context):
    """Each readout's .bib and .ris; kept as they are unless its page is rendered again (a translation's
    files name its original, whose changes make the translation's page dirty too)."""
    for readout in c.archive.readouts:
        if c.renderer.wanted(readout):
            yield from readout_citations(readout, c.site)
        else:
            yield from (Page(citation_path(readout, extension), None) for extension in CITATION_FILES)


def _fixed(*paths: str) -> Callable[[Archive, Indexes], list[Address]]:
    return lambda archive, indexes: [Address(path) for path in paths]


KINDS = (
    Kind("home and section pages", ("index.md", "officials", "initiatives", "timeline", "events", "venues", "data",
                                    "provenance"), _sections, _fixed(*SECTIONS)),
    Kind("readouts by year", ("readouts",), lambda c: c.renderer.readouts_indexes(),
         lambda archive, indexes: [Address(READOUTS_INDEX)] + [Address(page_path(ReadoutsYear(y))) for y in indexes.by_year]),
    Kind("timeline years", ("timeline",), _timeline_pages,
         lambda archive, indexes: [Address(page_path(year)) for year in indexes.by_year],
         lambda readout, indexes, archive: [readout.year]),
    Kind("readouts", ("readouts",), lambda c: c.renderer.readout_pages(),
         lambda archive, indexes: [Address(page_path(r), ((r.source_path, ()),), r.slug) for r in archive.readouts],
         _readout_shows),
    Kind("officials", ("officials",),
         _item_pages(lambda c: c.archive.officials, lambda c: c.renderer.official,
                     lambda c, item: c.indexes.by_official.get(item.slug, ())),
         lambda archive, indexes: _listed(archive.officials, indexes.by_official, "officials"), _officials_shown),
    Kind("initiatives", ("initiatives",),
         _item_pages(lambda c: c.archive.initiatives, lambda c: c.renderer.initiative,
                     lambda c, item: c.indexes.by_initiative.get(item.slug, ())),
         lambda archive, indexes: _listed(archive.initiatives, indexes.by_initiative, "initiatives"),
         lambda readout, indexes, archive: readout.initiatives),
    Kind("venues", ("venues",), _venue_pages, _venue_addresses, _venue_shown),
    Kind("events", ("events",), _item_pages(lambda c: c.archive.events, lambda c: c.renderer.event),
         _event_addresses, _event_shown),
    Kind("language versions", ("versions",), _version_pages, _version_addresses, _versions_shown),
    Kind("formulations", ("formulations",), _formulation_pages,
         lambda archive, indexes: [Address(FORMULATIONS)] + [
             Address(page_path(f), _origin("formulations", f), f.slug, True) for f in archive.formulations]),
    Kind("coverage", ("coverage",), lambda c: c.renderer.coverage_pages(),
         lambda archive, indexes: [Address(COVERAGE)] + [
             Address(page_path(CoverageYear(year))) for year, events in coverage.by_year(archive.all_events).items()
             if any(coverage.coverage_class(e) != "both sides" for e in events)]),
    Kind("redirects from retired ids", ("readouts",),
         lambda c: (provenance.redirect_page(redirect, c.site) for redirect in c.archive.redirects),
         lambda archive, indexes: [Address(page_path(r), (("archive/published-ids.yml", ()),), r.address)
                                   for r in archive.redirects]),
    Kind("contributing guide", (CONTRIBUTE_PAGE,), lambda c: [render_contributing(c.root)], _fixed(CONTRIBUTE_PAGE)),
    Kind("data downloads", ("data", ".lastmod.json"),
         lambda c: chain(render_data(c.archive, c.indexes, c.site, c.downloads),
                         [render_formulations_data(c.archive, c.indexes, c.site)]),
         _fixed(*(path for path in DATA_FILES if path not in BIBLIOGRAPHY.values() and path != SOURCES_FEED))),
    Kind("readouts' citation files", ("data",), _citation_files,
         lambda archive, indexes: [Address(citation_path(r, extension), ((r.source_path, ("id",)),), r.id)
                                   for r in archive.readouts for extension in CITATION_FILES],
         lambda readout, indexes, archive: [readout, *archive.versions.get(readout.id, ())]),
    Kind("citations", ("data",), lambda c: render_bibliography(c.archive, c.indexes, c.site, c.downloads), _fixed(*BIBLIOGRAPHY.values())),
    Kind("feeds", ("feed.xml", "data"), lambda c: render_feeds(c.archive, c.indexes, c.site, c.renderer.wanted),
         _feed_addresses, lambda readout, indexes, archive: [*readout.officials, *readout.initiatives]),
    Kind("search index", ("search",), lambda c: render_search_index(c.archive, c.indexes, c.search), _search_addresses,
         named_by_index=("search/w/*.json", "search/n/*.json", "search/d/*.json", "search/t/*.json",
                         "search/f/*.json", "search/e/p-*.json")),
)

# The first parts of the paths under docs/ that the build owns whole: hand-written pages live beside them.
GENERATED = tuple(dict.fromkeys(top for kind in KINDS for top in kind.writes_into))


def make_pages(context: Context) -> list[Page]:
    """Every kind's files, in the table's order, in memory (the build writes each kind as it is made)."""
    return [page for kind in KINDS for page in kind.make(context)]


def page_addresses(archive: Archive, indexes: Indexes) -> list[Address]:
    """Every file the build writes into docs/, with what made each address; but the search index's
    shards (named by letters, days and years) and its publishers' files: the index's own, where no
    two can meet."""
    return [address for kind in KINDS for address in kind.addresses(archive, indexes)]


def kind_of(path: str, addresses: dict[str, str]) -> str | None:
    """The kind a file under docs/ belongs to: by its address, or by the index's own naming."""
    return addresses.get(path) or next((kind.name for kind in KINDS
                                        if any(fnmatchcase(path, shape) for shape in kind.named_by_index)), None)


def pages_showing(readout: Readout, indexes: Indexes, archive: Archive) -> list[str]:
    """The pages a readout appears on (an item's pages per year go with its page)."""
    return sorted({page_path(item) for kind in KINDS if kind.shows for item in kind.shows(readout, indexes, archive)})
