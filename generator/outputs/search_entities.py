"""The registries as search finds them: every official, initiative, venue, publisher and formulation with
every name it goes by, what it is (role) and how many readouts it has, and its readouts' numbers."""

from __future__ import annotations

from ..core.model import Archive, Official, Readout
from ..core.text import slugify
from ..pages.addresses import site_path
from ..pages.index import Indexes
from .search_text import fold_name


def publisher_id(readout: Readout) -> str:
    by = readout.source.by
    return "p-" + (by.slug if by is not None else slugify(readout.source.publisher) or "unknown")


def _entity(kind: str, ident: str, name: str, role: str, url: str, keys, count: int, **extra) -> dict:
    folded = sorted({fold_name(k) for k in keys if k and fold_name(k)})
    return {"t": kind, "id": ident, "n": name, "r": role, "u": url, "k": folded, "c": count, **extra}


def _role(official: Official) -> str:
    """The latest position held, with the country."""
    latest = max(official.positions, key=lambda p: (p.start is not None, p.start), default=None)
    return " · ".join(part for part in (latest.title if latest else "", official.country) if part)


def _positions(official: Official) -> list[list[str]]:
    """Every position with its first and last day ("" when open), so a result can name the one
    held at the time of the readouts a query found."""
    return [[p.title, p.start.isoformat() if p.start else "", p.end.isoformat() if p.end else ""]
            for p in sorted(official.positions, key=lambda p: (p.start is not None, p.start))]


def _officials(archive: Archive, indexes: Indexes, numbers) -> list[tuple[dict, list[int]]]:
    found = []
    for official in archive.officials:
        keys = [official.name, official.native, *official.aliases]  # a word of any matches it
        readouts = numbers(indexes.by_official.get(official.slug, ()))
        mentions = len(indexes.mentioning.get(official.slug, ()))
        found.append((_entity("o", "o-" + official.slug, official.name, _role(official), site_path(official),
                              keys, len(readouts), m=mentions, native=official.native,
                              ps=_positions(official)), readouts))
    return found


def _initiatives(archive: Archive, indexes: Indexes, numbers) -> list[tuple[dict, list[int]]]:
    found = []
    for initiative in archive.initiatives:
        readouts = numbers(indexes.by_initiative.get(initiative.slug, ()))
        role = initiative.kind.capitalize() + (f" since {initiative.since}" if initiative.since else "")
        found.append((_entity("i", "i-" + initiative.slug, initiative.label, role, site_path(initiative),
                              [initiative.name, initiative.short, *initiative.aliases], len(readouts)), readouts))
    return found


def _venues(indexes: Indexes, numbers) -> list[tuple[dict, list[int]]]:
    found = []
    for country, cities in indexes.by_venue.items():
        for venue, readouts in cities:
            found.append((_entity("v", "v-" + venue.slug, venue.name, f"Venue in {country}", site_path(venue),
                                  [venue.city, venue.name], len(readouts)), numbers(readouts)))
    return found


def _publishers(archive: Archive, numbers) -> list[tuple[dict, list[int]]]:
    """Every publisher with readouts: the registry's entry where there is one (its native name,
    aliases, kind and side); the search page filters by it, as it has no page of its own."""
    by_publisher: dict[str, tuple[Readout, list[Readout]]] = {}
    for readout in archive.readouts:
        by_publisher.setdefault(publisher_id(readout), (readout, []))[1].append(readout)
    found = []
    for ident, (first, readouts) in sorted(by_publisher.items()):
        by = first.source.by
        keys = [first.source.publisher] + ([by.name, by.native, *by.aliases] if by else [])
        role = f"Publisher · {by.kind.capitalize()} · {by.side_label.capitalize()}" if by else "Publisher"
        found.append((_entity("p", ident, by.name if by else first.source.publisher, role,
                              f"search/?publisher={ident}", keys, len(readouts)), numbers(readouts)))
    return found


def _formulations(archive: Archive, indexes: Indexes, numbers) -> list[tuple[dict, list[int]]]:
    found = []
    for formulation in archive.formulations:
        readouts = {readout.url_path: readout for readout, _ in (indexes.uses_of or {}).get(formulation.slug, ())}
        found.append((_entity("f", "f-" + formulation.slug, formulation.name, "Formulation", site_path(formulation),
                              [formulation.name, *formulation.variants, *(f for _, forms in formulation.forms for f in forms)],
                              len(readouts)), numbers(readouts.values())))
    return found


def search_entities(archive: Archive, indexes: Indexes, number: dict[str, int]) -> tuple[list[dict], dict[str, list[int]]]:
    """The entities of the manifest, and each one's readout numbers (for search/e/<id>.json)."""
    def numbers(readouts) -> list[int]:
        return sorted(number[r.url_path] for r in readouts)

    found = (_officials(archive, indexes, numbers) + _initiatives(archive, indexes, numbers)
             + _venues(indexes, numbers) + _publishers(archive, numbers) + _formulations(archive, indexes, numbers))
    return [entity for entity, _ in found], {entity["id"]: readouts for entity, readouts in found}
