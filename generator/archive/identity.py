"""Permanent addresses: archive/published-ids.yml lists every id whose page has been published.

A readout's address is readouts/<year>/<id>/. Once published it must keep working, so the
check refuses two readouts with one id, an id that changed under a published file, and a
published id that disappeared; a retired id (or an address whose year changed) is kept as a
redirect entry, and its old address becomes a page that forwards to the readout.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .load import RawDocument
from .record import ID
from ..core.limits import FIRST_YEAR, last_year
from ..core.model import Readout, Redirect
from ..core.problems import ERROR, WARNING, Problem

PUBLISHED = "archive/published-ids.yml"
_PATH = re.compile(r"archive/readouts/[^./\s][^/\s]*/[^./\s][^/\s]*\.md")  # used whole (fullmatch)
_ID_LINE = re.compile(r"^id:", re.MULTILINE)


@dataclass(frozen=True)
class Entry:
    id: str
    year: int  # the year in the published address
    path: str  # the readout's file when its page was published; may be empty for a redirect
    redirect: str  # empty for a live entry; else the id whose page the old address forwards to
    line: int

    @property
    def address(self) -> str:
        return f"readouts/{self.year}/{self.id}"


def _entry(doc: RawDocument, index: int, item, problems: list[Problem]) -> Entry | None:
    line = doc.where(index)[0]
    if not isinstance(item, dict) or set(item) - {"id", "year", "path", "redirect"}:
        problems.append(Problem(doc.display, line, 1, ERROR, "an entry has 'id', 'year', 'path' and, once retired, "
                                "'redirect'", "write '- id: <id>' and, indented under it, 'year: <year of its address>' "
                                "and 'path: archive/readouts/<year>/<file>.md'"))
        return None
    ident, year, path, redirect = item.get("id"), item.get("year"), item.get("path", ""), item.get("redirect", "")
    if not (isinstance(ident, str) and ID.fullmatch(ident)) or not (isinstance(redirect, str) and (not redirect or ID.fullmatch(redirect))):
        problems.append(Problem(doc.display, line, 1, ERROR, f"'id' and 'redirect' must be ids, not {ident!r} and {redirect!r}",
                                "lowercase letters, digits and hyphens"))
        return None
    if not isinstance(year, int) or isinstance(year, bool) or not FIRST_YEAR <= year <= last_year():
        problems.append(Problem(doc.display, line, 1, ERROR, f"'year' must be the year in the page's address, not {year!r}",
                                "for example 'year: 2023' for readouts/2023/<id>/"))
        return None
    if not (isinstance(path, str) and (_PATH.fullmatch(path) or (redirect and not path))):
        problems.append(Problem(doc.display, line, 1, ERROR, f"'path' must be archive/readouts/<year>/<file>.md, not {path!r}",
                                "write the path of the readout's file as it was when its page was published"))
        return None
    return Entry(ident, year, path, redirect, line)


def read_published(doc: RawDocument | None, problems: list[Problem]) -> list[Entry]:
    """The entries of published-ids.yml; none when the archive has not published anything yet."""
    if doc is None or doc.data is None:
        return []
    if not isinstance(doc.data, list):
        problems.append(Problem(doc.display, 1, 1, ERROR, "the published ids must be a list of entries",
                                "start each entry with '- id: <id>'"))
        return []
    entries = [e for index, item in enumerate(doc.data) if (e := _entry(doc, index, item, problems))]
    live: dict[str, Entry] = {}
    addresses: dict[str, Entry] = {}
    for entry in entries:
        first = live.setdefault(entry.id, entry) if not entry.redirect else entry
        other = addresses.setdefault(entry.address, entry)
        if first is not entry or other is not entry:
            problems.append(Problem(doc.display, entry.line, 1, ERROR, f"the id {entry.id!r} is listed twice "
                                    f"(line {(first if first is not entry else other).line})", "keep one entry"))
    return entries


def _id_line(root: Path, readout: Readout) -> int:
    """The line of the readout's 'id:', read again only when there is something to say about it."""
    try:
        text = (root / readout.source_path).read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return 1
    match = _ID_LINE.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def duplicate_ids(readouts: list[Readout], root: Path, published: frozenset[str] = frozenset()) -> list[Problem]:
    """Two readouts with one id would share one page address: the one not yet published is told."""
    seen: dict[str, Readout] = {}
    problems = []
    for readout in sorted(readouts, key=lambda r: (r.source_path not in published, r.source_path)):
        other = seen.setdefault(readout.id, readout)
        if other is not readout:
            problems.append(Problem(readout.source_path, _id_line(root, readout), 1, ERROR,
                                    f"the id {readout.id!r} is already the id of {other.source_path}",
                                    "give this readout an id of its own: usually its file name without .md"))
    return problems


def check_identities(doc: RawDocument | None, readouts: list[Readout], root: Path) -> tuple[list[Redirect], list[Problem]]:
    """Every readout against the published ids; the redirects the published-but-moved addresses need."""
    problems: list[Problem] = []
    entries = read_published(doc, problems)
    problems += duplicate_ids(readouts, root, frozenset(e.path for e in entries))
    by_id = {r.id: r for r in readouts}
    by_path = {r.source_path: r for r in readouts}
    live = {e.id: e for e in entries if not e.redirect}
    for entry in live.values():
        _check_live(doc, entry, by_id, by_path, root, problems)
    retired = {e.id: e for e in entries if e.redirect and e.redirect != e.id}  # not an address moved to another year
    for readout in readouts:
        if readout.id in retired:
            entry = retired[readout.id]
            problems.append(Problem(readout.source_path, _id_line(root, readout), 1, ERROR,
                                    f"the id {readout.id!r} is retired: its address forwards to {entry.redirect!r} "
                                    f"({PUBLISHED}, line {entry.line})",
                                    "give this readout an id of its own; a retired id is never used again"))
        elif readout.id not in live and doc is not None:
            problems.append(Problem(readout.source_path, _id_line(root, readout), 1, WARNING,
                                    f"the id {readout.id!r} is not yet among the published ids",
                                    f"add an entry to {PUBLISHED}, so that its address never changes: "
                                    f"id: {readout.id}, year: {readout.year}, path: {readout.source_path}"))
    redirects = []
    addresses = {r.url_path for r in readouts}
    for entry in entries:
        target = by_id.get(entry.redirect or entry.id)
        if not entry.redirect:
            continue
        if target is None:
            problems.append(Problem(doc.display, entry.line, 1, ERROR, f"'redirect' names {entry.redirect!r}, "
                                    "which no readout has as its id", "write the id of the readout that replaces it"))
        elif entry.address in addresses:
            problems.append(Problem(doc.display, entry.line, 1, ERROR, f"the redirect from {entry.address}/ would "
                                    "replace a readout's page", "remove the redirect, or the readout's id"))
        else:
            redirects.append(Redirect(address=entry.address, target=target))
    return redirects, problems


def _not_a_readout(root: Path, relative: str) -> str:
    """What stands at a published readout's path when it is not a plain file reached through plain
    folders (what the archive reads): "" when it is one."""
    path = root
    for number, part in enumerate(relative.split("/"), start=1):
        path = path / part
        try:
            mode = path.lstat().st_mode
        except FileNotFoundError:
            return "missing"
        except OSError as error:
            return f"unreadable ({error.strerror})"
        last = number == len(relative.split("/"))
        if stat.S_ISLNK(mode):
            return "now a symbolic link, not a plain file" if last else f"reached through a symbolic link ({part})"
        if not last and not stat.S_ISDIR(mode):
            return "missing"
    if stat.S_ISREG(mode):
        return ""
    return "now a folder, not a plain file" if stat.S_ISDIR(mode) else "now something other than a plain file"


def _check_live(doc: RawDocument, entry: Entry, by_id: dict, by_path: dict, root: Path, problems: list[Problem]) -> None:
    readout = by_id.get(entry.id)
    renamed = by_path.get(entry.path)
    if readout is None and renamed is not None:
        problems.append(Problem(renamed.source_path, _id_line(root, renamed), 1, ERROR,
                                f"the id changed from {entry.id!r}, as published, to {renamed.id!r}",
                                f"put back 'id: {entry.id}': its address readouts/.../{entry.id}/ is published; to "
                                f"retire it, add 'redirect: {renamed.id}' to its entry in {PUBLISHED}"))
    elif readout is None:
        what = _not_a_readout(root, entry.path)
        if not what:
            return  # the file is there but unsound: its own errors say why
        problems.append(Problem(doc.display, entry.line, 1, ERROR,
                                f"the published readout {entry.id!r} ({entry.path}) is {what}",
                                "restore the file; if it was merged into another readout, add "
                                "'redirect: <that readout's id>' to this entry"))
    elif readout.url_path != entry.address:
        problems.append(Problem(readout.source_path, _id_line(root, readout), 1, ERROR,
                                f"the page address would move from {entry.address}/ to {readout.url_path}/",
                                f"if the date was wrong, change the entry's year in {PUBLISHED} to "
                                f"{readout.year} and add an entry with the old year and "
                                f"'redirect: {readout.id}', so the old address forwards"))
