"""Which pages a readout appears on, so a change renders only those pages again.

Each kind of page in kinds.py that has `shows` names the items whose pages show a readout: its
own page, its neighbours' (previous and next), the other accounts of its event and its language
versions; its event, year, venue, initiatives and versions page; its participants and the
officials it mentions or gives statements to (with their pages per year). Each is named by its
page under docs/. Kinds without `shows` (the home and section pages, the data files, the feeds,
the search index) are made on every run, so a new kind of page is correct before it is made
incremental.

The last run records each readout file's pages; a run that finds some readout files
added, changed or removed (and nothing else changed) renders the pages of their old and
their new versions. archive/published-ids.yml is data, not a registry: no page but the
redirects (rendered every run) shows it, so an added entry renders nothing else again.
"""

from __future__ import annotations

from pathlib import Path

from ..archive.identity import PUBLISHED
from ..core.model import Archive
from ..core.problems import display_path
from ..pages.index import Indexes
from .kinds import pages_showing


def depends_on(archive: Archive, indexes: Indexes) -> dict[str, list[str]]:
    """Each readout file (as the archive names it) → the pages it appears on (kinds.py's `shows`)."""
    return {readout.source_path: pages_showing(readout, indexes, archive) for readout in archive.readouts}


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
