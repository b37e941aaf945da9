"""A change in a readout's source page, as the watcher recorded it in archive/source-log.yml."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SOURCE_STATES = ("live", "edited", "moved", "removed", "restored", "unreachable")


@dataclass(frozen=True)
class SourceEvent:
    """A change in a readout's source page, as the watcher saw it (archive/source-log.yml)."""
    readout: str  # the readout's id
    date: date  # the day it was seen
    state: str  # one of SOURCE_STATES
    url: str = ""  # the address that answered: the new one when the page moved
    added: tuple[str, ...] = ()  # sentences the page has and the archived text has not
    removed: tuple[str, ...] = ()  # sentences the archived text has and the page has not
    note: str = ""  # what was seen: "HTTP 404", "timed out", ...
