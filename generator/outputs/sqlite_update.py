"""readouts.sqlite updated in a copy of the file the last run wrote: only the rows of the readouts
that changed go out and in again.

Made afresh, the database costs every readout's record, every row and a vacuum of the whole file
(about 100 MB at 10,000 readouts) on every run. So each run records, beside the file it wrote, its
SHA-256 and each readout's digest of what its rows are made from (spliced.py says what the digest
holds and where the record is kept). The next run copies the file,
checks the copy against the SHA-256 recorded for it, deletes the rows of each readout that is gone
or whose digest changed and inserts theirs again, and rewrites the tables made from the registries
and the events and the full-text table (a contentless FTS5 table deletes a row only when given its
old text). Without a record, or with a file that is not the one recorded, the file is made afresh.

The content then equals a fresh build's; the bytes do not: the rows of updated readouts go in last,
and the space of deleted rows is reused later rather than vacuumed away. A query that wants an
order says so (ORDER BY), as SQL asks anyway.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..core.model import Archive
from ..pages.index import Indexes
from .records import each_record, readout_record
from .spliced import LastDownload
from .search_sql import insert_full_text
from .sqlite import READOUT_TABLES, REGISTRY_TABLES, event_ids, file_pieces, insert_readouts, insert_registries, make_database


def sqlite_download(archive: Archive, indexes: Indexes, site: dict, last: LastDownload | None,
                    digests: dict[str, str | None], size: int = 1 << 20) -> Iterator[bytes]:
    """The database file a megabyte at a time: the last one updated where it can be, else made afresh.
    `digests`: each readout's (spliced.readout_digests)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "readouts.sqlite"
        if not (last and _copied_intact(last, path) and _updated(path, archive, indexes, site, last.parts, digests)):
            path.unlink(missing_ok=True)
            make_database(path, archive, each_record(archive, indexes, site), site)
        written = hashlib.sha256()
        for piece in file_pieces(path, size):
            written.update(piece)
            yield piece
    if last:
        last.remember(written.hexdigest(), {rid: (digest, 0, 0) for rid, digest in digests.items() if digest is not None})


def _copied_intact(last: LastDownload, copy: Path) -> bool:
    """Copy the last file, and say whether it is the one its digests describe."""
    if last.sha256 is None:
        return False
    found = hashlib.sha256()
    try:
        with open(last.path, "rb") as source, open(copy, "wb") as target:
            while piece := source.read(1 << 20):
                found.update(piece)
                target.write(piece)
    except OSError:
        return False
    return found.hexdigest() == last.sha256


def _updated(path: Path, archive: Archive, indexes: Indexes, site: dict, before: dict[str, tuple[str, int, int]],
             now: dict[str, str | None]) -> bool:
    """Update the copy in place; False when it cannot be (the file is then made afresh)."""
    changed = {rid for rid, digest in now.items() if digest is None or before.get(rid, ("",))[0] != digest}
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        with db:
            held = {rid for (rid,) in db.execute("SELECT id FROM readouts")}
            going = [(rid,) for rid in held if rid in changed or rid not in now]
            if not going and not changed:  # the registries are in the store's fingerprint: they did not change
                return True
            db.execute("CREATE TEMP TABLE going (id TEXT PRIMARY KEY)")
            db.executemany("INSERT INTO going VALUES (?)", going)
            for table in READOUT_TABLES:  # names of this package's own
                db.execute(f"DELETE FROM {table} WHERE readout_id IN (SELECT id FROM going)")
            db.execute("DELETE FROM readouts WHERE id IN (SELECT id FROM going)")
            for table in REGISTRY_TABLES:
                db.execute(f"DELETE FROM {table}")
            db.execute("INSERT INTO readouts_fts(readouts_fts) VALUES ('delete-all')")
            insert_registries(db, archive, site)
            coming = [r for r in archive.readouts if r.id in changed]
            insert_readouts(db, ((readout_record(r, indexes, site, archive.versions), r) for r in coming),
                            event_ids(archive))
            insert_full_text(db, archive)
    except sqlite3.Error:
        return False
    finally:
        db.close()
    return True
