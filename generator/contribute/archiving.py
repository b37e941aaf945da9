"""`python -m generator sources archive`: ask a public web archive for a copy of each source address
that has none yet, and add the copy's address under the readout's `source.archived`.

The service's address is configuration: `READOUTS_ARCHIVE_SERVICE`, else `extra.archive_service` in
mkdocs.yml, else the Wayback Machine's save address. The address to archive is appended to it. The
copy's address is the one the service answers with (where it redirects to, or its Content-Location),
and its date is the timestamp such addresses carry (/web/20240312093000/...). A slow, refusing or
failing service leaves the readout for the next run; a rate limit is waited out when the service says
for how long (up to a limit), and otherwise ends the run, so that the service is not pressed further.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

from ..archive.check import check_archive
from ..archive.record import copy_day
from ..archive.schema import SAFE_URL
from ..core.settings import site_settings
from .fetch import FetchError, FetchSettings, fetch
from .source_edit import EditError, add_archived_copy

DEFAULT_SERVICE = "https://web.archive.org/save/"


@dataclass(frozen=True)
class ArchiveSettings:
    service: str = DEFAULT_SERVICE
    fetch: FetchSettings = field(default_factory=lambda: FetchSettings(timeout=120.0))
    max_wait: float = 120.0  # the longest Retry-After the run waits out
    pause: float = 5.0  # seconds between two requests to the service


@dataclass
class ArchiveReport:
    added: list[tuple[str, str, str]] = field(default_factory=list)  # (file, copy, diff)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why)
    stopped: str = ""  # why the run ended early


class RateLimited(Exception):
    pass


def service_address(root: Path) -> str:
    configured = os.environ.get("READOUTS_ARCHIVE_SERVICE") or site_settings(root).get("archive_service") or ""
    return configured or DEFAULT_SERVICE


def copy_date(copy: str) -> str:
    """The day a web archive's copy was made, from its address's timestamp (YYYY-MM-DD), or ''."""
    day = copy_day(copy)
    return day.isoformat() if day else ""


def request_copy(url: str, settings: ArchiveSettings) -> str:
    """The address of a new copy of url; FetchError when there is none, RateLimited when told to stop."""
    for attempt in (1, 2):
        response = fetch(settings.service + url, settings.fetch, follow=0)  # the copy's address is enough
        if response.status == 429:
            wait = response.headers.get("retry-after", "")
            if attempt == 1 and wait.isdigit() and int(wait) <= settings.max_wait:
                time.sleep(int(wait))
                continue
            raise RateLimited(f"the archive limits its rate (429, Retry-After: {wait or 'not given'})")
        if response.status >= 400:
            raise FetchError(f"the archive answered {response.status}")
        for candidate in filter(None, (response.headers.get("content-location"), response.headers.get("location"))):
            copy = urljoin(response.url, candidate.strip())
            if SAFE_URL.fullmatch(copy) and copy_date(copy):
                return copy
        raise FetchError("the archive's answer names no copy")
    raise FetchError("the archive gave no copy")


def readouts_without_copy(root: Path) -> list[tuple[str, str]]:
    """(file, source address) of every readout with an address and no archived copy."""
    archive, problems = check_archive(root)
    if archive is None:
        raise EditError("the archive has errors: run python -m generator check first")
    return [(r.source_path, r.source.url) for r in archive.readouts if r.source.url and not r.source.archived]


def archive_sources(root: Path, settings: ArchiveSettings, say=print) -> ArchiveReport:
    report = ArchiveReport()
    for index, (file, url) in enumerate(readouts_without_copy(root)):
        if index and settings.pause:
            time.sleep(settings.pause)
        try:
            copy = request_copy(url, settings)
            diff = add_archived_copy(root / file, root, copy)
        except RateLimited as limited:
            report.stopped = str(limited)
            say(f"stopped: {limited}; the rest are left for the next run")
            break
        except (FetchError, EditError) as error:
            report.failed.append((file, str(error)))
            say(f"{file}: not archived: {error}")
            continue
        report.added.append((file, copy, diff))
        say(diff.rstrip("\n") if diff else f"{file}: {copy} is listed already")
    return report
