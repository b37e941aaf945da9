"""What each readout contributes to the whole-archive files (its record, its citations, its search
words and phrase pairs, its full-text row), kept on disk between runs beside the validated
readouts (cache.py). A build after a small change then assembles the downloads, the citations and
the search index from stored fragments, and computes only the changed readouts' own.

A fragment is found by the key of its readout file's content (cache.py: the file's path and bytes
with the fingerprint of the generator's code, the registries, the parsers and the Markdown
settings), the function that made it and its arguments (the site's address and name). Only the
readouts whose values follow from their own file are named: a translation whose original the
archive holds is told of that original (its citation names it), so its values are computed on
every run.

Where and why: one SQLite file in the cache's folder for the current fingerprint, outside the
checkout, for the reasons cache.py gives; a new fingerprint starts an empty one. Fragments are
JSON text, read back as plain data (core/remembered.py), never unpickled. A store that cannot be
opened, read or written holds nothing: it never makes a build fail, only slower.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from ..core.model import Readout
from ..outputs.search_update import SearchMemory
from ..outputs.spliced import DownloadMemory, LastDownload
from .cache import FRAGMENTS, discard

FILE_NAME = FRAGMENTS + "sqlite"
_SCHEMA = """CREATE TABLE IF NOT EXISTS fragments (
  key TEXT NOT NULL, function TEXT NOT NULL, arguments TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (key, function, arguments)) WITHOUT ROWID;
-- each data download the last run wrote (outputs/spliced.py): its SHA-256, and each readout's part of it
CREATE TABLE IF NOT EXISTS download_files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS download_parts (path TEXT NOT NULL, readout_id TEXT NOT NULL, digest TEXT NOT NULL,
  start INTEGER NOT NULL, length INTEGER NOT NULL, PRIMARY KEY (path, readout_id)) WITHOUT ROWID;
-- the search index the last run wrote (outputs/search_update.py): each readout's digest, number and the
-- shards its words and pairs fall in (JSON lists), and each shard file's SHA-256 and size
CREATE TABLE IF NOT EXISTS search_parts (readout_id TEXT PRIMARY KEY, digest TEXT NOT NULL, number INTEGER NOT NULL,
  words TEXT NOT NULL, pairs TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_files (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL) WITHOUT ROWID"""


def _open(path: Path) -> sqlite3.Connection | None:
    for attempt in range(2):
        try:
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA synchronous = OFF")  # a cache: a store lost in a crash is rebuilt
            db.executescript(_SCHEMA)
            db.execute("BEGIN")
            return db
        except sqlite3.DatabaseError:  # not a database, a corrupted one, a folder: start again, once
            if attempt == 0:
                discard(path)
        except (sqlite3.Error, OSError):
            return None
    return None


class Fragments:
    """The fragment store of one build, with the content key of each readout file; with no folder,
    a store that holds nothing. Closed (what was added kept) at the end of a `with` block."""

    def __init__(self, folder: Path | None, keys: dict[str, str]):
        self.keys = keys  # readout file as the archive shows it (readout.source_path) → content key
        self.db = _open(folder / FILE_NAME) if folder is not None else None
        self.added = 0

    def __enter__(self) -> Fragments:
        return self

    def __exit__(self, failed, *exception) -> None:
        """Kept only when the whole run succeeded: a record of files a failed run wrote would describe
        files that run's backup then put back."""
        if failed is None:
            self.close()
        elif self.db is not None:
            self._give_up()  # closed without COMMIT: SQLite rolls the run's changes back

    def named(self, readouts: Iterable[Readout]) -> list[tuple[Readout, str]]:
        """The readouts whose fragments may be stored, each with its key."""
        if self.db is None:
            return []
        return [(readout, self.keys[readout.source_path]) for readout in readouts
                if readout.translation_of is None and readout.source_path in self.keys]

    def downloads(self, docs_dir: Path) -> DownloadMemory | None:
        """What the last run wrote of the data downloads under docs_dir; None without a store."""
        if self.db is None:
            return None
        return DownloadMemory(lambda readout: self.keys.get(readout.source_path),
                              lambda path: self._last_download(docs_dir, path))

    def search(self, docs_dir: Path) -> SearchMemory | None:
        """The last run's record of the search index under docs_dir; None without a store."""
        if self.db is None:
            return None
        try:
            parts = {rid: (digest, number) for rid, digest, number in
                     self.db.execute("SELECT readout_id, digest, number FROM search_parts")}
            files = {path: (sha, size) for path, sha, size in self.db.execute("SELECT path, sha256, size FROM search_files")}
        except sqlite3.Error:
            parts, files = {}, {}
        return SearchMemory(docs_dir, lambda readout: self.keys.get(readout.source_path), parts, files,
                            self._search_keys, self._remember_search)

    def _search_keys(self, ids: list[str]) -> dict[str, tuple[list[str], list[str]]]:
        try:
            rows = self.db.execute("SELECT readout_id, words, pairs FROM search_parts WHERE readout_id IN "
                                   "(SELECT value FROM json_each(?))", (json.dumps(ids),)).fetchall()
        except (sqlite3.Error, AttributeError):
            return {}
        return {rid: (json.loads(words), json.loads(pairs)) for rid, words, pairs in rows}

    def _remember_search(self, parts: dict, gone: Iterable[str], files: dict, gone_files: Iterable[str],
                         whole: bool) -> None:
        if self.db is None:
            return
        try:
            if whole:
                self.db.execute("DELETE FROM search_parts")
                self.db.execute("DELETE FROM search_files")
            self.db.executemany("DELETE FROM search_parts WHERE readout_id = ?", ((rid,) for rid in gone))
            self.db.executemany("DELETE FROM search_files WHERE path = ?", ((path,) for path in gone_files))
            self.db.executemany("INSERT OR REPLACE INTO search_parts VALUES (?, ?, ?, ?, ?)",
                                ((rid, digest, number, json.dumps(words), json.dumps(pairs))
                                 for rid, (digest, number, words, pairs) in parts.items()))
            self.db.executemany("INSERT OR REPLACE INTO search_files VALUES (?, ?, ?)",
                                ((path, sha, size) for path, (sha, size) in files.items()))
        except sqlite3.Error:
            self._give_up()

    def _last_download(self, docs_dir: Path, path: str) -> LastDownload:
        sha, parts = None, {}
        try:
            if self.db is not None and (found := self.db.execute(
                    "SELECT sha256 FROM download_files WHERE path = ?", (path,)).fetchone()):
                sha, parts = found[0], {rid: (digest, start, length) for rid, digest, start, length in self.db.execute(
                    "SELECT readout_id, digest, start, length FROM download_parts WHERE path = ?", (path,))}
        except sqlite3.Error:
            sha, parts = None, {}
        return LastDownload(docs_dir / path, sha, parts, lambda sha256, made: self._remember_download(path, sha256, made))

    def _remember_download(self, path: str, sha256: str, parts: dict[str, tuple[str, int, int]]) -> None:
        if self.db is None:
            return
        try:
            self.db.execute("DELETE FROM download_files WHERE path = ?", (path,))
            self.db.execute("DELETE FROM download_parts WHERE path = ?", (path,))
            self.db.execute("INSERT INTO download_files VALUES (?, ?)", (path, sha256))
            self.db.executemany("INSERT INTO download_parts VALUES (?, ?, ?, ?, ?)",
                                ((path, rid, *part) for rid, part in parts.items()))
        except sqlite3.Error:
            self._give_up()

    def get(self, key: str, function: str, arguments: str) -> str | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT value FROM fragments WHERE key = ? AND function = ? AND arguments = ?",
                                  (key, function, arguments)).fetchone()
        except sqlite3.Error:
            self._give_up()
            return None
        return row[0] if row else None

    def put(self, key: str, function: str, arguments: str, value: str) -> None:
        if self.db is None:
            return
        try:
            self.db.execute("INSERT OR REPLACE INTO fragments VALUES (?, ?, ?, ?)", (key, function, arguments, value))
            self.added += 1
        except sqlite3.Error:
            self._give_up()

    def close(self) -> None:
        """Keep what was added, and drop the fragments of files that are gone or changed."""
        if self.db is None:
            return
        try:
            if self.added:
                self.db.execute("CREATE TEMP TABLE current (key TEXT PRIMARY KEY)")
                self.db.executemany("INSERT OR IGNORE INTO current VALUES (?)", ((key,) for key in self.keys.values()))
                self.db.execute("DELETE FROM fragments WHERE key NOT IN (SELECT key FROM current)")
            self.db.execute("COMMIT")
        except sqlite3.Error:
            pass
        self._give_up()

    def _give_up(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass
        self.db = None
