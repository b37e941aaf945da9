"""archive/source-log.yml: what the watcher saw of each readout's source page over time.

One entry per change, oldest first: the readout's id, the day, the state (live, edited, moved,
removed, restored, unreachable), the address that answered, the sentences added and removed
against the archived text, and a note of what was seen. The watcher writes it and the check reads
it like any registry: every problem with its file and line, and an id that names no readout is one.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import date

from . import schema
from .entries import entries, text, texts
from .fields import check_date
from .load import RawDocument
from ..core.source_events import SOURCE_STATES, SourceEvent
from ..core.problems import Problem

LOG_KEYS = ("readout", "date", "state", "url", "added", "removed", "note")


def _check_entry(doc: RawDocument, index: int, entry: dict, ids: set[str], problems: list[Problem]) -> SourceEvent | None:
    count = len(problems)
    readout = text(doc, entry.get("readout"), (index, "readout"), problems)
    if readout and readout not in ids:
        close = difflib.get_close_matches(readout, sorted(ids), n=1)
        problems.append(doc.problem((index, "readout"), f"no readout has the id {readout!r}",
                                    f"did you mean {close[0]!r}?" if close else "write the id of a readout in the archive"))
    when = check_date(doc, entry.get("date"), (index, "date"), problems) if "date" in entry else None
    if "date" not in entry:
        problems.append(doc.problem((index,), "'date' is missing", "add the day the page was seen, YYYY-MM-DD"))
    elif when and when > date.today():
        problems.append(doc.problem((index, "date"), f"'date' {when.isoformat()} is in the future", "write the day it was seen"))
    state = text(doc, entry.get("state"), (index, "state"), problems)
    if state and state not in SOURCE_STATES:
        problems.append(doc.problem((index, "state"), f"{state!r} is not a state of a source page",
                                    "one of: " + ", ".join(SOURCE_STATES)))
    url = text(doc, entry.get("url"), (index, "url"), problems, required=False)
    if url and not schema.SAFE_URL.fullmatch(url):
        problems.append(doc.problem((index, "url"), "'url' must be an http(s) address",
                                    "write it starting with https://, with any ( ) [ ] as %28 %29 %5B %5D"))
    added = texts(doc, entry.get("added"), (index, "added"), problems)
    removed = texts(doc, entry.get("removed"), (index, "removed"), problems)
    note = text(doc, entry.get("note"), (index, "note"), problems, required=False)
    if len(problems) > count or when is None:
        return None
    return SourceEvent(readout, when, state, url, added, removed, note)


def check_source_log(doc: RawDocument, ids: set[str], problems: list[Problem]) -> tuple[SourceEvent, ...]:
    """The log's events, each checked; the problems found added to problems."""
    events = [event for index, entry in entries(doc, LOG_KEYS, problems)
              if (event := _check_entry(doc, index, entry, ids, problems))]
    return tuple(events)


def with_source_events(readouts: list, events: tuple[SourceEvent, ...]) -> list:
    """The readouts, each carrying the log's events of its page, oldest first (and none that the log
    no longer holds, when a readout comes from an earlier run)."""
    events_of: dict[str, tuple[SourceEvent, ...]] = {}
    for event in sorted(events, key=lambda e: (e.date, e.readout)):
        events_of[event.readout] = events_of.get(event.readout, ()) + (event,)
    return [r if r.source_events == events_of.get(r.id, ()) else replace(r, source_events=events_of.get(r.id, ()))
            for r in readouts]
