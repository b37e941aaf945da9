"""`python -m generator sources watch`: fetch each readout's source page, compare its article text
with the archived text, and record in archive/source-log.yml what changed.

Politely: one request at a time (so never two to one host), a pause between two requests to the
same host, a timeout, a user agent naming the project, and robots.txt respected (a page it forbids is
not fetched). Safely: every address, redirects included, is checked before it is asked for (see
fetch.py). A network failure is no removal: a page is recorded removed only when it is seen gone
(404, 410, or a "page not found" page) twice in a row, and unreachable the first time.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib import robotparser
from urllib.parse import urlsplit

from ..archive.check import check_archive
from ..core.model import Readout
from ..core.source_events import SourceEvent
from .fetch import FetchError, FetchSettings, fetch
from .saved_page import PageError, read_saved_page

LOG = "archive/source-log.yml"
_ONCE = "not found once"  # the note of a first sighting of a page gone: a removal when seen again
_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])[\"”’)]?\s*")
_NOT_FOUND = re.compile(r"\b(?:page not found|page cannot be found|no longer available|does not exist|error 404)\b"
                        r"|页面不存在|页面未找到|找不到|صفحه (?:مورد نظر )?یافت نشد", re.I)
_HEADER = ("# What the watcher (python -m generator sources watch) saw of each readout's source page: one entry\n"
           "# per change, oldest first. state: live | edited | moved | removed | restored | unreachable.\n")


@dataclass(frozen=True)
class WatchSettings:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    pause: float = 2.0  # seconds between two requests to one host


@dataclass
class Seen:
    """What one fetch showed: gone, unreachable, skipped, or live (at url) with the sentences that differ."""
    kind: str
    url: str = ""
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    note: str = ""


def sentences(text: str) -> list[str]:
    """The text's sentences, spaces made single and Markdown's escapes undone, for comparison."""
    plain = re.sub(r"\\(.)", r"\1", text).replace("&lt;", "<")
    found = []
    for paragraph in plain.split("\n"):
        found += [" ".join(s.split()) for s in _SENTENCE_END.split(paragraph.lstrip("#* ").rstrip("*")) if s.strip()]
    return found


def difference(archived: str, page: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(sentences added on the page, sentences removed from it), against the archived text."""
    old, new = sentences(archived), [s for p in page for s in sentences(p)]
    kept_old, kept_new = set(old), set(new)
    return tuple(s for s in new if s not in kept_old), tuple(s for s in old if s not in kept_new)


class Robots:
    """robots.txt per host, fetched once a run; a host that cannot be reached for it is unreachable."""

    def __init__(self, settings: WatchSettings):
        self.settings, self.parsers = settings, {}

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.parsers:
            parser = robotparser.RobotFileParser()
            try:
                answer = fetch(origin + "/robots.txt", self.settings.fetch, follow=2)
            except FetchError as error:
                self.parsers[origin] = error
                raise
            if answer.status in (401, 403):
                parser.disallow_all = True
            elif answer.status >= 400:
                parser.allow_all = True
            else:
                parser.parse(answer.body.decode("utf-8", "replace").splitlines())
            self.parsers[origin] = parser
        found = self.parsers[origin]
        if isinstance(found, FetchError):
            raise found
        return found.can_fetch(self.settings.fetch.user_agent, url)


def look(readout: Readout, settings: WatchSettings, robots: Robots) -> Seen:
    url = readout.source.url
    try:
        if not robots.allows(url):
            return Seen("skipped", note="robots.txt does not allow it")
        answer = fetch(url, settings.fetch)
    except FetchError as error:
        return Seen("unreachable", note=str(error))
    if answer.status in (404, 410):
        return Seen("gone", answer.url, note=f"HTTP {answer.status}")
    if answer.status >= 300:
        return Seen("unreachable", answer.url, note=f"HTTP {answer.status}")
    try:
        page = read_saved_page(answer.body, url)
    except PageError as error:
        raw = answer.body[:200_000].decode("utf-8", "replace")
        if _NOT_FOUND.search(raw) or re.search(r"<title>[^<]*\b404\b", raw, re.I):
            return Seen("gone", answer.url, note="a page-not-found page")
        return Seen("unreachable", answer.url, note=str(error).split(": ", 1)[-1][:200])
    if _NOT_FOUND.search(page.headline + " " + " ".join(page.paragraphs[:2])):
        return Seen("gone", answer.url, note="a page-not-found page")
    added, removed = difference(readout.body, page.paragraphs)
    return Seen("moved" if answer.redirects and answer.url != url else "live", answer.url, added, removed)


def _event(readout: Readout, seen: Seen, last: SourceEvent | None, today: date) -> SourceEvent | None:
    """The change to record, given what was seen and the last entry of the log for this readout; None: no change."""
    def event(state: str, note: str = "") -> SourceEvent:
        return SourceEvent(readout.id, today, state, seen.url, seen.added, seen.removed, note or seen.note)

    last_state = last.state if last else ""
    if seen.kind == "skipped":
        return None
    if seen.kind == "gone":
        if last_state == "removed":
            return None
        if last_state == "unreachable" and last.note.startswith(_ONCE):
            return event("removed")
        return event("unreachable", f"{_ONCE} ({seen.note}): a removal is recorded when it is seen again")
    if seen.kind == "unreachable":
        return None if last_state in ("unreachable", "removed") else event("unreachable")
    if last_state == "removed":
        return event("restored")
    if seen.kind == "moved":
        same = last_state == "moved" and last.url == seen.url and (last.added, last.removed) == (seen.added, seen.removed)
        return None if same else event("moved")
    state = "edited" if seen.added or seen.removed else "live"
    if last and last_state == state and (last.added, last.removed) == (seen.added, seen.removed):
        return None
    if state == "live" and last_state in ("live", "restored"):
        return None
    return event(state)


def _entry(event: SourceEvent) -> str:
    lines = [f"- readout: {event.readout}", f"  date: {event.date.isoformat()}", f"  state: {event.state}"]
    if event.url:
        lines.append(f"  url: {json.dumps(event.url)}")
    for name, values in (("added", event.added), ("removed", event.removed)):
        if values:
            lines.append(f"  {name}:")
            lines += [f"    - {json.dumps(value, ensure_ascii=False)}" for value in values]
    if event.note:
        lines.append(f"  note: {json.dumps(event.note, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def append_to_log(root: Path, events: list[SourceEvent]) -> None:
    """Add the entries at the end of the log, never rewriting what it holds."""
    path = root / LOG
    text = path.read_text(encoding="utf-8") if path.exists() else _HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    path.write_text(text + "".join(_entry(e) for e in events), encoding="utf-8")


def watch_sources(root: Path, settings: WatchSettings, today: date | None = None, say=print) -> list[SourceEvent]:
    """Look at every readout's source page once; append what changed to the log, and return it."""
    archive, problems = check_archive(root)
    if archive is None:
        raise FetchError("the archive has errors: run python -m generator check first")
    today = today or date.today()
    last: dict[str, SourceEvent] = {r.id: r.source_events[-1] for r in archive.readouts if r.source_events}
    robots, asked_at, events = Robots(settings), {}, []
    for readout in sorted((r for r in archive.readouts if r.source.url), key=lambda r: r.id):
        host = urlsplit(readout.source.url).netloc
        if host in asked_at and settings.pause:
            time.sleep(max(0.0, asked_at[host] + settings.pause - time.monotonic()))
        seen = look(readout, settings, robots)
        asked_at[host] = time.monotonic()
        event = _event(readout, seen, last.get(readout.id), today)
        say(f"{readout.id}: {seen.kind}" + (f" ({seen.note})" if seen.note else "") + (f" -> {event.state}" if event else ""))
        if event:
            events.append(event)
    if events:
        append_to_log(root, events)
    return events
