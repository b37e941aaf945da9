"""Whole-archive downloads made from the last run's file: each readout's part of it is copied from
there while what it is made from is unchanged, and made again only when it changed.

A download holds every readout's text (about 100 MB at 10,000 readouts), and a contributor's change
touches one or two readouts, so making every record and row again on every run is most of the
downloads' time. Each run records, beside each download it wrote, the file's SHA-256 and, for each
readout, a digest of what its part is made from (`readout_digests`) with where its part sits in the
file. The next run checks the file against that SHA-256 and copies each part whose digest is
unchanged; a readout that is new or changed has its part made. Without a record, or when the file
is not the one recorded (changed by hand, left by another build), every part is made. Either way
the bytes are those a fresh build writes: a part is the same text wherever it comes from.

The digest holds the key of the readout file's content (which covers the generator's code and the
registries: publish/cache.py), the site's address and name, and everything of other readouts a part
shows (its language versions, its event, the original a translation's citation names). The record of what was written lives in the
fragment store (publish/fragments.py), outside the checkout.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..core.model import Archive, Readout
from ..pages.addresses import page_url
from ..pages.index import Indexes
from .records import version_fields

_FLUSH = 1 << 20  # bytes gathered before a piece is handed on


@dataclass
class LastDownload:
    """A download as the last run wrote it: the file under docs/, its SHA-256 (None when nothing
    usable was recorded), each readout's part (digest, start, length), and where this run's goes."""

    path: Path
    sha256: str | None
    parts: dict[str, tuple[str, int, int]]
    remember: Callable[[str, dict[str, tuple[str, int, int]]], None]


@dataclass
class DownloadMemory:
    """What the build remembers of the downloads it writes: the content key of a readout's file
    (None when unknown), and each download's last record by its path under docs/. One per run."""

    key_of: Callable[[Readout], str | None]
    last: Callable[[str], LastDownload]
    _digests: dict[str, str | None] | None = field(default=None, repr=False)

    def digests(self, archive: Archive, indexes: Indexes, site: dict) -> dict[str, str | None]:
        """readout_digests of the run's archive, worked out once for the data downloads and the citations."""
        if self._digests is None:
            self._digests = readout_digests(archive, indexes, site, self.key_of)
        return self._digests


@dataclass(frozen=True)
class Part:
    """A readout's part of a download, made only when the last file's cannot be copied."""

    readout_id: str
    digest: str | None
    make: Callable[[], str]


def readout_digests(archive: Archive, indexes: Indexes, site: dict, key_of: Callable[[Readout], str | None]
                    ) -> dict[str, str | None]:
    """Each readout's digest of what its parts of the downloads are made from; None: made every run.
    Besides its own file, a translation's citation names its original (id, title, language and
    address), which the digest holds too."""
    events = {r.id: e.slug for e in archive.all_events for r in e.readouts}
    digests: dict[str, str | None] = {}
    for readout in archive.readouts:
        key = key_of(readout)
        event = indexes.event_of.get(readout.url_path)
        others = [version_fields(readout, archive.versions, site), events.get(readout.id),
                  event.slug if event else None, page_url(site, event) if event else None,
                  dataclasses.astuple(readout.translation_of) if readout.translation_of else None,
                  site.get("url", "/"), site.get("name", "")]
        digests[readout.id] = None if key is None else hashlib.sha256(
            f"{key}\0{json.dumps(others, sort_keys=True)}".encode()).hexdigest()
    return digests


def spliced(pieces: Iterable[str | Part], last: LastDownload | None) -> Iterator[bytes]:
    """The download's bytes: its structure as given, each readout's part from the last file where
    it can be, else made; then the record of this file is handed to `last.remember`."""
    old = _intact(last)
    offset, parts, written, gathered, size = 0, {}, hashlib.sha256(), [], 0
    try:
        for piece in pieces:
            if isinstance(piece, Part):
                data = _copied(old, last, piece)
                data = piece.make().encode("utf-8") if data is None else data
                if piece.digest is not None:
                    parts[piece.readout_id] = (piece.digest, offset, len(data))
            else:
                data = piece.encode("utf-8")
            offset += len(data)
            written.update(data)
            gathered.append(data)
            size += len(data)
            if size >= _FLUSH:
                yield b"".join(gathered)
                gathered, size = [], 0
        yield b"".join(gathered)
    finally:
        if old is not None:
            old.close()
    if last is not None:
        last.remember(written.hexdigest(), parts)


def _intact(last: LastDownload | None) -> BinaryIO | None:
    """The last file, open, when it is the one its record describes."""
    if last is None or last.sha256 is None:
        return None
    try:
        old = open(last.path, "rb")
    except OSError:
        return None
    found = hashlib.sha256()
    try:
        while block := old.read(1 << 20):
            found.update(block)
    except OSError:
        old.close()
        return None
    if found.hexdigest() != last.sha256:
        old.close()
        return None
    return old


def _copied(old: BinaryIO | None, last: LastDownload | None, part: Part) -> bytes | None:
    if old is None or part.digest is None:
        return None
    digest, start, length = last.parts.get(part.readout_id, (None, 0, 0))
    if digest != part.digest:
        return None
    old.seek(start)
    data = old.read(length)
    return data if len(data) == length else None
