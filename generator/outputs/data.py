"""The archive as data under docs/data/: pure functions from the model to `Page` objects, written
by the write stage like every other page (only when changed) and copied by MkDocs into the site
as they are.

records.py: readouts.json with its schema, readouts.csv; sqlite.py: readouts.sqlite (updated in a
copy of the last run's: sqlite_update.py). The citations
(bibliography.py) and the Atom feeds (feeds.py) are kinds of file of their own (publish/kinds.py).
The front-matter schema for contributors is written here. Nothing depends on the clock: the same archive gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from ..archive.schema import json_schema
from ..core.model import Archive
from ..pages.addresses import Page, Streamed, page_path
from ..pages.index import Indexes
from .records import csv_row, csv_rows, readout_record, readouts_json, record_json, schema_json
from .records_schema import RECORDS_SCHEMA_PATH
from .spliced import DownloadMemory, Part, spliced
from .sqlite_update import sqlite_download

# Each page's last change, for the sitemap (templates/theme/sitemap.xml, through the MkDocs hook):
# MkDocs reads no front matter of the pages an incremental build leaves as they are.
LASTMOD_FILE = ".lastmod.json"
DATA_FILES = {"json": "data/readouts.json", "csv": "data/readouts.csv", "sqlite": "data/readouts.sqlite",
              "records-schema": RECORDS_SCHEMA_PATH, "front-matter-schema": "data/readout.schema.json"}


def front_matter_schema_json(site: dict) -> str:
    base = site.get("url", "") if urlsplit(site.get("url", "")).scheme else ""
    return json.dumps(json_schema(base), ensure_ascii=False, indent=2) + "\n"


def licence(site: dict) -> dict:
    """The licence of the archive's own metadata, as mkdocs.yml's `extra.metadata_licence` states it."""
    stated = site.get("licence") or {}
    return {"name": stated.get("name", ""), "url": stated.get("url", ""),
            "scope": "The archive's own metadata: its records, registries and notes. The texts of the "
                     "readouts remain their publishers'."}


def lastmod_json(archive: Archive) -> str:
    """{page under docs/: its last change}, for every readout's page."""
    dates = {page_path(r): r.last_changed.isoformat() for r in archive.readouts}
    return json.dumps(dict(sorted(dates.items())), indent=0) + "\n"


def render_data(archive: Archive, indexes: Indexes, site: dict, memory: DownloadMemory | None = None
                ) -> Iterator[Page]:
    """Every data file, in a fixed order (the data page itself is a template). Each download holds
    every readout's text (about 100 MB apiece at 10,000), so each is streamed to disk a readout at
    a time, never held; with the build's memory of the last downloads, each readout's part is
    copied from the last file while what it is made from is unchanged (spliced.py), and the SQLite
    file is updated in a copy of the last one (sqlite_update.py)."""
    digests = memory.digests(archive, indexes, site) if memory else {}

    def parts(text: Callable[[dict], str]) -> Iterator[Part]:
        for readout in archive.readouts:
            yield Part(readout.id, digests.get(readout.id),
                       lambda r=readout: text(readout_record(r, indexes, site, archive.versions)))

    def last(name: str):
        return memory.last(DATA_FILES[name]) if memory else None

    yield Page(DATA_FILES["json"], Streamed(lambda: spliced(readouts_json(parts(record_json), archive, site,
                                                                          licence(site)), last("json"))))
    yield Page(DATA_FILES["csv"], Streamed(lambda: spliced(csv_rows(parts(csv_row)), last("csv"))))
    yield Page(DATA_FILES["records-schema"], schema_json(site))
    yield Page(DATA_FILES["front-matter-schema"], front_matter_schema_json(site))
    yield Page(DATA_FILES["sqlite"], Streamed(lambda: sqlite_download(archive, indexes, site, last("sqlite"), digests)))
    yield Page(LASTMOD_FILE, lastmod_json(archive))
