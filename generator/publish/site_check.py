"""The complete check: the archive as the archive stage checks it, then every page address the
build would write, so that no input the check passes can stop the build.

A clash between two pages, a reserved name (`index`) or a name with no letter an address can be
made of is an error at the archive file and line that made the address.
"""

from __future__ import annotations

from pathlib import Path

from ..archive.check import check_archive
from ..archive.load import RawDocument, load_readout, load_registry
from ..core.model import Archive
from ..core.problems import ERROR, Problem
from ..pages.index import Indexes, index_archive
from .kinds import NO_WORDS_SLUG, RESERVED_SLUGS, Address, page_addresses


class _Lines:
    """Finds the line of a value in an archive file, reading each file once, only when a message needs it."""

    def __init__(self, root: Path):
        self.root = root
        self.docs: dict[str, RawDocument] = {}

    def where(self, display: str, key: tuple) -> tuple[int, int]:
        if display not in self.docs:
            path = self.root / display
            load = load_registry if display.endswith(".yml") else load_readout
            self.docs[display] = load(path, self.root)[0]
        doc = self.docs[display]
        if key[:1] == ("name",) and isinstance(doc.data, list):  # a registry entry, by its name
            index = next((i for i, e in enumerate(doc.data) if isinstance(e, dict) and e.get("name") == key[1]), None)
            return doc.where(index, "name") if index is not None else (1, 1)
        return doc.where(*key) if key else (1, 1)


def _problem(lines: _Lines, origin: tuple[str, tuple], message: str, hint: str) -> Problem:
    display, key = origin
    return Problem(display, *lines.where(display, key), ERROR, message, hint)


def _named_by(address: Address) -> str:
    return " and ".join(dict.fromkeys(display for display, _ in address.origins)) or "the generator"


def _fix_for(address: Address, clash: bool = False) -> str:
    display, key = address.origins[0] if address.origins else ("", ())
    if key[:1] == ("event",):
        return "choose another 'event' key"
    if key[:1] == ("name",):
        return f"rename the entry in {display}: its page address is made from its name"
    if key[:1] == ("venue",) and clash:
        return "write one city the same way in every readout, as archive/places.yml does"
    if key[:1] == ("venue",):
        return "write the venue in Latin letters, as 'City, Country'"
    return "rename one of the files"


def address_problems(archive: Archive, indexes: Indexes, root: Path) -> list[Problem]:
    """Every page address the build would write that clashes, is reserved or is empty."""
    lines = _Lines(root)
    problems: list[Problem] = []
    taken: dict[str, Address] = {}
    named: set[tuple] = set()  # an official's page, feed and search file share one name: one report
    clashed: set[tuple] = set()
    for address in page_addresses(archive, indexes):
        origin = address.origins[0] if address.origins else None
        if (origin, address.slug) in named:
            origin = None
        named.add((origin, address.slug))
        if origin and address.slug in RESERVED_SLUGS:
            problems.append(_problem(lines, origin, f"the page address docs/{address.path} is reserved: "
                                     f"{address.slug!r} is the name of a folder's own page", _fix_for(address)))
        elif origin and address.from_words and address.slug == NO_WORDS_SLUG:
            problems.append(_problem(lines, origin, "no page address can be made of it: it has no Latin letter "
                                     "or digit", _fix_for(address)))
        unnamed = address.slug in RESERVED_SLUGS or (address.from_words and address.slug == NO_WORDS_SLUG)
        other = taken.setdefault(address.path, address)
        pair = (address.origins, other.origins)
        if other is not address and address.origins and not unnamed and pair not in clashed:  # once a pair
            clashed.add(pair)
            problems.append(_problem(lines, address.origins[0], f"two pages would be written to docs/{address.path}: by "
                                     f"{_named_by(address)} and by {_named_by(other)}", _fix_for(address, clash=True)))
    return sorted(set(problems))


def check_site(root: Path, only: list[Path] | None = None) -> tuple[Archive | None, list[Problem]]:
    """check_archive, then the page addresses. With `only`, the whole archive is still validated
    once (ids, duplicates and addresses are compared across files), and the problems reported are
    those of the given files and of the registries."""
    archive, problems = check_archive(root)
    found = address_problems(archive, index_archive(archive), root) if archive is not None else []
    problems = sorted(problems + found)
    if only is not None:
        given = {_display(root, path) for path in only}
        problems = [p for p in problems if p.path in given or not p.path.startswith("archive/readouts/")]
    return (None if any(p.severity == ERROR for p in problems) else archive), problems


def _display(root: Path, path: Path) -> str:
    """A given file as problems name it: relative to the project, its folders resolved."""
    return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
