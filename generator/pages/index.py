"""Stage 4, index: plain mappings built once from the model, read by every page."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..core.model import Archive, Event, Initiative, Official, Paragraph, Readout, Venue


@dataclass(frozen=True)
class Indexes:
    by_official: dict[str, tuple[Readout, ...]]  # official slug → readouts they took part in
    mentioning: dict[str, tuple[Readout, ...]]  # official slug → readouts that name them only
    by_initiative: dict[str, tuple[Readout, ...]]
    by_year: dict[int, tuple[Readout, ...]]  # newest year first
    by_venue: dict[str, tuple[tuple[Venue, tuple[Readout, ...]], ...]]  # country → its cities, with readouts
    venue_of: dict[str, Venue]  # readout url_path → where it took place
    event_of: dict[str, Event]  # readout url_path → its event
    counterparts: dict[str, tuple[tuple[Official, int], ...]]
    initiatives_of: dict[str, tuple[tuple[Initiative, int], ...]]  # official slug → initiatives raised
    officials_of: dict[str, tuple[tuple[Official, int], ...]]  # initiative slug → officials involved
    neighbours: dict[str, tuple[Readout | None, Readout | None]]  # url_path → (older, newer)
    statements_of: dict[str, tuple[tuple[Readout, Paragraph], ...]] = None  # official slug → paragraphs they speak in
    uses_of: dict[str, tuple[tuple[Readout, Paragraph], ...]] = None  # formulation slug → paragraphs that use it


def _ranked(counter: Counter, items: dict) -> tuple:
    """Most frequent first; ties by name, so the order never depends on dict order."""
    return tuple((items[slug], count) for slug, count in
                 sorted(counter.items(), key=lambda kv: (-kv[1], items[kv[0]].sort_key)))


def index_archive(archive: Archive) -> Indexes:
    officials = {o.slug: o for o in archive.officials}
    initiatives = {i.slug: i for i in archive.initiatives}
    by_official, mentioning, by_initiative, by_year = (defaultdict(list) for _ in range(4))
    by_venue: dict[str, dict[Venue, list]] = defaultdict(lambda: defaultdict(list))
    venue_of: dict[str, Venue] = {}
    counterparts: dict[str, Counter] = defaultdict(Counter)
    initiatives_of: dict[str, Counter] = defaultdict(Counter)
    officials_of: dict[str, Counter] = defaultdict(Counter)
    statements_of, uses_of = defaultdict(list), defaultdict(list)
    for readout in archive.readouts:  # already newest first, so every list is too
        for paragraph in readout.paragraphs:
            if isinstance(paragraph.speaker, Official):
                statements_of[paragraph.speaker.slug].append((readout, paragraph))
            for formulation in paragraph.formulations:
                uses_of[formulation.slug].append((readout, paragraph))
        by_year[readout.year].append(readout)
        if readout.venue:
            venue = Venue(readout.venue_slug, readout.city, readout.country)
            venue_of[readout.url_path] = venue
            by_venue[readout.country][venue].append(readout)
        for official in readout.mentioned:
            mentioning[official.slug].append(readout)
        for official in readout.officials:
            by_official[official.slug].append(readout)
            counterparts[official.slug].update(o.slug for o in readout.officials if o.slug != official.slug)
            initiatives_of[official.slug].update(i.slug for i in readout.initiatives)
        for initiative in readout.initiatives:
            by_initiative[initiative.slug].append(readout)
            officials_of[initiative.slug].update(o.slug for o in readout.officials)
    chronological = archive.readouts
    neighbours = {
        r.url_path: (chronological[i + 1] if i + 1 < len(chronological) else None, chronological[i - 1] if i else None)
        for i, r in enumerate(chronological)
    }
    return Indexes(
        by_official={k: tuple(v) for k, v in by_official.items()},
        mentioning={k: tuple(v) for k, v in mentioning.items()},
        by_initiative={k: tuple(v) for k, v in by_initiative.items()},
        by_year={y: tuple(by_year[y]) for y in sorted(by_year, reverse=True)},
        by_venue={country: tuple((venue, tuple(readouts)) for venue, readouts in
                                 sorted(cities.items(), key=lambda item: item[0].sort_key))
                  for country, cities in sorted(by_venue.items())},
        venue_of=venue_of,
        event_of={r.url_path: e for e in archive.events for r in e.readouts},
        counterparts={k: _ranked(v, officials) for k, v in counterparts.items()},
        initiatives_of={k: _ranked(v, initiatives) for k, v in initiatives_of.items()},
        officials_of={k: _ranked(v, officials) for k, v in officials_of.items()},
        neighbours=neighbours,
        statements_of={k: tuple(v) for k, v in statements_of.items()},
        uses_of={k: tuple(v) for k, v in uses_of.items()},
    )
