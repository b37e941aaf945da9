"""Which pages a readout appears on, so a change renders only those pages again.

A readout is on its own page, its neighbours' (previous and next), its event's page and
the pages of the other accounts of that event, the pages of its participants and of the
officials it mentions or names as speakers (with their pages per year), of its initiatives,
its venue and its year, and its language versions' pages and the page that compares them. Each is named by its page under docs/. The home page, the section pages, the data
files, the feeds and the search index are rendered on every run; page kinds not named
here are too, so a new kind of page is correct before it is made incremental.

The last run records each readout file's pages; a run that finds some readout files
added, changed or removed (and nothing else changed) renders the pages of their old and
their new versions. archive/published-ids.yml is data, not a registry: no page but the
redirects (rendered every run) shows it, so an added entry renders nothing else again.
"""

from __future__ import annotations

from pathlib import Path

from ..archive.identity import PUBLISHED
from ..core.model import Archive, Official, Readout
from ..core.problems import display_path
from ..core.versions import account_of
from ..pages.addresses import VersionGroup, page_path
from ..pages.index import Indexes


def pages_of(readout: Readout, indexes: Indexes, versions: dict | None = None) -> list[str]:
    """The item pages the readout appears on (an item's pages per year go with its page)."""
    speakers = {p.speaker for p in readout.paragraphs if isinstance(p.speaker, Official)}  # their statements
    items: list = [readout, readout.year, *readout.officials, *readout.mentioned, *readout.initiatives, *speakers]
    items += [neighbour for neighbour in indexes.neighbours[readout.url_path] if neighbour is not None]
    if venue := indexes.venue_of.get(readout.url_path):
        items.append(venue)
    if event := indexes.event_of.get(readout.url_path):
        items += [event, *event.readouts]
    if versions:
        group = versions.get(readout.id, ())
        items += [*group, VersionGroup(account_of(group).id, group)] if group else []
    return sorted({page_path(item) for item in items})


def depends_on(archive: Archive, indexes: Indexes) -> dict[str, list[str]]:
    """Each readout file (as the archive names it) → the pages it appears on."""
    return {readout.source_path: pages_of(readout, indexes, archive.versions) for readout in archive.readouts}


def dirty_pages(root: Path, last: dict | None, inputs: dict[str, list[int]],
                depends: dict[str, list[str]]) -> set[str] | None:
    """The pages to render again since the last run, or None for every page: when there is no
    usable record, or anything besides readout files changed (a registry, a template, the
    generator, mkdocs.yml)."""
    if last is None or "depends" not in last:
        return None
    readouts_dir = str(root / "archive" / "readouts") + "/"
    before, now = last.get("inputs", {}), inputs

    def is_readout(path: str) -> bool:
        return path.startswith(readouts_dir) and path.endswith(".md")

    def is_data(path: str) -> bool:  # the redirect pages it makes are rendered on every run
        return is_readout(path) or path == published

    published = str(root / PUBLISHED)
    if {p: s for p, s in before.items() if not is_data(p)} != {p: s for p, s in now.items() if not is_data(p)}:
        return None
    changed = {display_path(Path(path), root) for path in before.keys() | now.keys()
               if is_readout(path) and before.get(path) != now.get(path)}
    dirty: set[str] = set()
    for source in changed:
        dirty.update(last["depends"].get(source, ()))
        dirty.update(depends.get(source, ()))
    return dirty
