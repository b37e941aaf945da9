"""Every page the build writes: one entry per kind of page, each address with the archive file and
value that made it, so that the check can name them when two pages would meet (see site_check.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import YearPage
from ..core.versions import account_of
from . import coverage
from .addresses import (CONTRIBUTE_PAGE, citation_path, COVERAGE, DATA_FILES, FORMULATIONS, READOUTS_INDEX, SEARCH_PAGE,
                        SECTIONS, CoverageYear, ReadoutsYear, VersionGroup, feed_path, page_path, search_entity_path,
                        year_groups)

RESERVED_SLUGS = ("index",)  # a folder's own page: no item may take its name
NO_WORDS_SLUG = "untitled"  # what slugify makes of a name without a Latin letter or digit


@dataclass(frozen=True)
class Address:
    """One page the build writes, and what in the archive made its address (for the check's messages)."""

    path: str  # relative to docs/
    origins: tuple[tuple[str, tuple], ...] = ()  # (archive file, the key of the value) that made it
    slug: str = ""  # the part of the address made from content, if any
    from_words: bool = False  # the slug was made from a name's words (not written as a slug)


def _fixed(archive, indexes, list_limit) -> list[Address]:
    paths = SECTIONS + DATA_FILES + (CONTRIBUTE_PAGE, SEARCH_PAGE, FORMULATIONS, COVERAGE, READOUTS_INDEX, feed_path())
    return [Address(path) for path in paths] + [Address(page_path(year)) for year in indexes.by_year] \
        + [Address(page_path(ReadoutsYear(year))) for year in indexes.by_year]


def _readouts(archive, indexes, list_limit) -> list[Address]:
    found = [Address(page_path(r), ((r.source_path, ()),), r.slug) for r in archive.readouts]
    return found + [Address(citation_path(r, extension), ((r.source_path, ("id",)),), r.id)
                    for r in archive.readouts for extension in ("bib", "ris")]


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


def _formulations(archive, indexes, list_limit) -> list[Address]:
    return [Address(path, (("archive/formulations.yml", ("name", f.name)),), f.slug, True)
            for f in archive.formulations for path in (page_path(f), search_entity_path("f", f.slug))]


def _versions(archive, indexes, list_limit) -> list[Address]:
    groups = {account_of(group).id: group for group in archive.versions.values()}
    return [Address(page_path(VersionGroup(slug, group)), tuple((r.source_path, ("version_of",)) for r in group
                                                               if r.version_of)[:3], slug)
            for slug, group in sorted(groups.items())]


def _coverage_years(archive, indexes, list_limit) -> list[Address]:
    return [Address(page_path(CoverageYear(year))) for year, events in coverage.by_year(archive.all_events).items()
            if any(coverage.coverage_class(e) != "both sides" for e in events)]


# One entry per kind of page: a function of (archive, indexes, list_limit) giving its addresses.
PAGE_KINDS = (_fixed, _readouts, _registry_entries, _venues, _events, _formulations, _versions, _coverage_years)


def page_addresses(archive, indexes, list_limit: int) -> list[Address]:
    """Every page the build writes into docs/, with what made each address; but the search index's
    shards (search/w, n, d, t, f: named by letters, days and years) and its publishers' files
    (search/e/p-…, one for each distinct publisher id): the search index's own, where no two can meet."""
    return [address for kind in PAGE_KINDS for address in kind(archive, indexes, list_limit)]
