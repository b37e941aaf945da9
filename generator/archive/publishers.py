"""The registry of publishers: who published a readout, and the side it speaks for."""

from __future__ import annotations

import re

from .load import RawDocument
from .entries import entries, text, texts
from .registry import _closest, _index_names, _one_of
from . import schema
from ..core.model import SOURCE_KINDS, Publisher
from ..core.problems import Problem
from ..core.text import name_key, slugify

PUBLISHER_KINDS = tuple(SOURCE_KINDS)  # each a government body, state media or other media
# A host name of letters, digits and hyphens, at least two labels; "localhost" or an address is no publisher's.
HOST = re.compile(r"(?=.{4,253}\Z)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]")
_KEYS = ("name", "native", "country", "kind", "aliases", "hosts", "identified", "note")


class Publishers:
    """Publishers looked up by name or alias, whatever the case."""

    def __init__(self, publishers: list[Publisher], by_name: dict[str, Publisher]):
        self.all = tuple(sorted(publishers, key=lambda p: (p.name.casefold(), p.slug)))
        self._by_name = by_name

    def get(self, name: str) -> Publisher | None:
        return self._by_name.get(name_key(name))

    def closest(self, name: str) -> str:
        return _closest(name, [p.name for p in self.all] + [a for p in self.all for a in p.aliases])


def _identified(doc: RawDocument, entry: dict, index: int, problems: list[Problem]) -> bool:
    value = entry.get("identified", True)
    if not isinstance(value, bool):
        problems.append(doc.problem((index, "identified"), f"'identified' must be true or false, not {value!r}",
                                    "write 'identified: false' for a publisher the page does not name"))
        return True
    return value


def _publisher(doc: RawDocument, index: int, entry: dict, problems: list[Problem]) -> Publisher:
    name = text(doc, entry.get("name"), (index, "name"), problems)
    identified = _identified(doc, entry, index, problems)
    # An unidentified publisher may leave its side out; a named one always speaks for a country.
    country = (_one_of(doc, entry.get("country"), (index, "country"), schema.COUNTRIES, problems)
               if identified or entry.get("country") is not None else "")
    if not identified and not entry.get("note"):
        problems.append(doc.problem((index, "identified"), f"{name!r} is not identified but has no 'note'",
                                    "say in 'note' what the page shows of who published it"))
    return Publisher(
        slug=slugify(name), name=name, identified=identified, country=country,
        native=text(doc, entry.get("native"), (index, "native"), problems, required=identified),
        kind=_one_of(doc, entry.get("kind"), (index, "kind"), PUBLISHER_KINDS, problems),
        aliases=texts(doc, entry.get("aliases"), (index, "aliases"), problems),
        hosts=_hosts(doc, index, texts(doc, entry.get("hosts"), (index, "hosts"), problems), problems),
        note=text(doc, entry.get("note"), (index, "note"), problems, required=False),
    )


def _hosts(doc: RawDocument, index: int, written: tuple[str, ...], problems: list[Problem]) -> tuple[str, ...]:
    """Bare host names (fmprc.gov.cn): no scheme, user, port or path, in lower case."""
    hosts = []
    for number, host in enumerate(written):
        if HOST.fullmatch(host):
            hosts.append(host)
        else:
            problems.append(doc.problem((index, "hosts", number), f"{host!r} is not a bare host name",
                                        "write the host of the publisher's pages alone, in lower case, without "
                                        "http://, a path or a port: for example fmprc.gov.cn"))
    return tuple(hosts)


def _check_hosts_unique(doc: RawDocument, publishers: list[tuple[int, Publisher]], problems: list[Problem]) -> None:
    """A host belongs to one publisher: another that listed it would be given the first one's pages."""
    owners: dict[str, tuple[Publisher, int]] = {}
    for index, publisher in publishers:
        for number, host in enumerate(publisher.hosts):
            line = doc.where(index, "hosts", number)[0]
            owner, first = owners.setdefault(host.removeprefix("www."), (publisher, line))
            if owner is not publisher:
                problems.append(doc.problem((index, "hosts", number), f"the host {host!r} of {publisher.name!r} is "
                                            f"already a host of {owner.name!r} (line {first})",
                                            "a host belongs to one publisher: remove it from one of them"))


def load_publishers(doc: RawDocument, problems: list[Problem]) -> Publishers:
    indexed = [(index, _publisher(doc, index, entry, problems)) for index, entry in entries(doc, _KEYS, problems)]
    _check_hosts_unique(doc, indexed, problems)
    publishers = [publisher for _, publisher in indexed]
    by_name = _index_names(doc, publishers, lambda p: (p.name, *p.aliases), problems)
    return Publishers(publishers, by_name)
