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
    # official slug → the initiatives named in paragraphs attributed to them, each with those paragraphs
    raised_by: dict[str, tuple[tuple[Initiative, tuple[tuple[Readout, Paragraph], ...]], ...]]
    # official slug → initiatives their readouts name that they raise in no paragraph, with how many readouts
    named_around: dict[str, tuple[tuple[Initiative, int], ...]]
    # initiative slug → who raised it (an Official, or None: a paragraph without a speaker), with the paragraphs
    raisers_of: dict[str, tuple[tuple[Official | None, tuple[tuple[Readout, Paragraph], ...]], ...]]
    neighbours: dict[str, tuple[Readout | None, Readout | None]]  # url_path → (older, newer)
    statements_of: dict[str, tuple[tuple[Readout, Paragraph], ...]] = None  # official slug → paragraphs they speak in
    uses_of: dict[str, tuple[tuple[Readout, Paragraph], ...]] = None  # formulation slug → paragraphs that use it
    related_of: dict[str, tuple[tuple[Readout, Paragraph], ...]] = None  # formulation slug → related wording


def _ranked(counter: Counter, items: dict) -> tuple:
    """Most frequent first; ties by name, so the order never depends on dict order."""
    return tuple((items[slug], count) for slug, count in
                 sorted(counter.items(), key=lambda kv: (-kv[1], items[kv[0]].sort_key)))


Said = tuple[Readout, Paragraph]


def _who_raised(archive: Archive) -> tuple[dict, dict, dict]:
    """The relation (readout, paragraph, initiative, speaker), gathered by official and by initiative;
    a paragraph where both sides speak counts for every participant."""
    raised: dict[str, dict[str, list[Said]]] = defaultdict(lambda: defaultdict(list))
    raisers: dict[str, dict[str | None, list[Said]]] = defaultdict(lambda: defaultdict(list))
    around: dict[str, Counter] = defaultdict(Counter)
    for readout in archive.readouts:
        raised_here: set[tuple[str, str]] = set()
        for paragraph in readout.paragraphs:
            speakers = paragraph.spoken_by(readout.officials)
            for initiative in paragraph.initiatives:
                for official in speakers:
                    raised[official.slug][initiative.slug].append((readout, paragraph))
                    raisers[initiative.slug][official.slug].append((readout, paragraph))
                    raised_here.add((official.slug, initiative.slug))
                if not speakers:
                    raisers[initiative.slug][None].append((readout, paragraph))
        for official in readout.officials:
            around[official.slug].update(i.slug for i in readout.initiatives
                                         if (official.slug, i.slug) not in raised_here)
    return raised, raisers, around


def _by_paragraphs(found: dict, items: dict) -> tuple:
    """Most paragraphs first, then by name; None (no speaker) last."""
    def key(slug):
        return (slug is None, -len(found[slug]), items[slug].sort_key if slug is not None else ())
    return tuple((items[slug] if slug is not None else None, tuple(found[slug])) for slug in sorted(found, key=key))


def index_archive(archive: Archive) -> Indexes:
    officials = {o.slug: o for o in archive.officials}
    initiatives = {i.slug: i for i in archive.initiatives}
    by_official, mentioning, by_initiative, by_year = (defaultdict(list) for _ in range(4))
    by_venue: dict[str, dict[Venue, list]] = defaultdict(lambda: defaultdict(list))
    venue_of: dict[str, Venue] = {}
    counterparts: dict[str, Counter] = defaultdict(Counter)
    statements_of, uses_of, related_of = defaultdict(list), defaultdict(list), defaultdict(list)
    for readout in archive.readouts:  # already newest first, so every list is too
        for paragraph in readout.paragraphs:
            if isinstance(paragraph.speaker, Official):
                statements_of[paragraph.speaker.slug].append((readout, paragraph))
            for formulation in paragraph.formulations:
                uses_of[formulation.slug].append((readout, paragraph))
            for formulation in paragraph.related:
                related_of[formulation.slug].append((readout, paragraph))
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
        for initiative in readout.initiatives:
            by_initiative[initiative.slug].append(readout)
    raised, raisers, around = _who_raised(archive)
    raised_ever = {official: set(found) for official, found in raised.items()}
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
        raised_by={k: _by_paragraphs(v, initiatives) for k, v in raised.items()},
        named_around={k: _ranked(Counter({i: n for i, n in v.items() if i not in raised_ever.get(k, ())}), initiatives)
                      for k, v in around.items()},
        raisers_of={k: _by_paragraphs(v, officials) for k, v in raisers.items()},
        neighbours=neighbours,
        statements_of={k: tuple(v) for k, v in statements_of.items()},
        uses_of={k: tuple(v) for k, v in uses_of.items()},
        related_of={k: tuple(v) for k, v in related_of.items()},
    )
