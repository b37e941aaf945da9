"""A folder's files as a test compares them: each file's bytes, and a SQLite download's content.

readouts.sqlite is updated in a copy of the last run's file (generator/outputs/sqlite_update.py),
so an incremental build gives the content of a full build's file, not its bytes: every table's
rows (without their rowids, in sorted order) and, for the contentless full-text table, every
term with the readout, column and place it is found at.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def database_content(path: Path) -> dict[str, list]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                                  "name NOT LIKE 'readouts_fts%' ORDER BY name")]
        content = {table: sorted(db.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr) for table in tables}
        db.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, readouts_fts, 'instance')")
        content["readouts_fts"] = sorted(db.execute(
            "SELECT t.term, r.id, t.col, t.offset FROM temp.terms t JOIN readouts r ON r.rowid = t.doc").fetchall())
    finally:
        db.close()
    return content


def tree(folder: Path) -> dict[str, bytes | dict]:
    """Every file under folder by its path: its bytes, or a SQLite file's content."""
    return {p.relative_to(folder).as_posix(): database_content(p) if p.suffix == ".sqlite" else p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
