"""The search index: written at build time, fetched piece by piece only when a reader searches.

Files under search/ (docs/javascripts/search-*.js reads them):
- `entities.json`: the manifest: how many readouts, which word shards exist, the kinds and
  years with counts, and every official, initiative, venue, publisher and formulation with every name it
  goes by (aliases, misspellings, native script, abbreviations), its role and its counts.
- `w/<key>.json`: word → postings, sharded by the word's first three letters (search_text.shard_of).
- `d/<yyyy-mm-dd>.json`: the readouts of one day, as a result shows them.
- `t/<yyyy-mm-dd>.json` and `n/<key>.json`: their texts, for snippets, and the pairs of adjacent
  words, for phrases (generator/outputs/search_passages.py).
- `f/<year>.json`: each readout's kind, publisher, venue, participants and initiatives (as places
  in the manifest's lists), for the search page's filters and their counts.
- `e/<entity>.json`: the readouts of one official, initiative, venue, publisher or formulation.

Every readout has a stable number: its day (date ordinal) × 64 + its rank among that day's
readouts by file name. No file name or number depends on a readout's position in the
archive, so adding a readout rewrites its day, its year, its entities, the manifest and the
shards of its own words, and nothing else. Higher numbers are newer.

A posting is (gap from the previous number) × 8 + impact: impact 1-7 is the term's BM25
weight within that readout (k1 1.2, b 0.75), counting a word in a title or a registry name
three times a word of the body. The average length is a constant, not the archive's, so one
readout added does not change every other readout's impacts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..core.limits import DAY_SLOTS
from ..core.model import Archive, Readout
from ..core.remembered import per_readout
from ..pages.addresses import Page, site_path
from ..pages.index import Indexes
from .search_entities import publisher_id, search_entities
from .search_page import render_search_page
from .search_passages import pair_shards, phrase_pairs, text_shards
from .search_text import MONTHS, STOPWORDS, gaps, shard_of, tokens
from .search_update import (SearchMemory, Shards, all_recorded, pair_path, postings, shard_json, text_path, updated_shards,
                            word_path)

STRONG_WEIGHT = 3
K1, B, AVERAGE_LENGTH = 1.2, 0.75, 300
MAX_IMPACT = 7


def readout_numbers(readouts: Iterable[Readout]) -> dict[str, int]:
    """Each readout's stable number: day × DAY_SLOTS + rank within its day, by file name."""
    by_day: dict[int, list[Readout]] = defaultdict(list)
    for readout in readouts:
        by_day[readout.date.toordinal()].append(readout)
    numbers = {}
    for day, same_day in by_day.items():
        if len(same_day) > DAY_SLOTS:
            raise ValueError(f"{same_day[0].date}: more than {DAY_SLOTS} readouts on one day")
        for rank, readout in enumerate(sorted(same_day, key=lambda r: r.slug)):
            numbers[readout.url_path] = day * DAY_SLOTS + rank
    return numbers


def _indexed(text: str) -> list[str]:
    return [w for w in tokens(text) if w not in STOPWORDS and (len(w) > 1 or not w.isascii())]


def strong_text(readout: Readout) -> str:
    """What counts as a title: the title, kind, date words, venue, occasion, publisher, and every
    name of the participants and initiatives (aliases and misspellings count for the official)."""
    names = [name for o in readout.officials for name in (o.name, o.native, *o.aliases)]
    names += [name for i in readout.initiatives for name in (i.name, i.short, *i.aliases)]
    if readout.source.by is not None:
        names += [readout.source.by.native, *readout.source.by.aliases]
    when = f"{readout.date.year} {MONTHS[readout.date.month - 1]}"
    return " ".join([readout.title, readout.kind, when, readout.venue, readout.occasion,
                     readout.source.publisher, *names])


def body_text(readout: Readout) -> str:
    """The body, and every name of the officials it mentions (an alias found in the text counts for them)."""
    mentioned = [name for o in readout.mentioned for name in (o.name, o.native, *o.aliases)]
    return " ".join([readout.body, *mentioned])


@per_readout
def impacts(readout: Readout) -> dict[str, int]:
    """Each indexed word of a readout with its weight there, 1 (weak) to MAX_IMPACT."""
    strong = Counter(_indexed(strong_text(readout)))
    body = Counter(_indexed(body_text(readout)))
    length = sum(body.values()) + STRONG_WEIGHT * sum(strong.values())
    norm = K1 * (1 - B + B * length / AVERAGE_LENGTH)
    frequencies = Counter(body)
    for word, count in strong.items():
        frequencies[word] += STRONG_WEIGHT * count
    by_frequency = {}  # most words share a handful of frequencies
    for frequency in set(frequencies.values()):
        saturated = frequency * (K1 + 1) / (frequency + norm)  # below K1 + 1
        by_frequency[frequency] = max(1, min(MAX_IMPACT, round(saturated / (K1 + 1) * MAX_IMPACT + 0.5)))
    return {word: by_frequency[frequency] for word, frequency in frequencies.items()}


def _word_shards(readouts: tuple[Readout, ...], number: dict[str, int], keys: dict[str, set[str]]
                 ) -> dict[str, dict[str, list[int]]]:
    """Every word shard; keys: filled with the shards each readout's words fall in."""
    entries: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for readout in readouts:
        its_number = number[readout.url_path]
        weights = impacts(readout)
        for word, impact in weights.items():
            entries[word].append((its_number, impact))
        keys[readout.id] = {shard_of(word) for word in weights}
    shards: dict[str, dict] = defaultdict(dict)
    for word in sorted(entries):
        shards[shard_of(word)][word] = postings(entries[word])
    return shards


def _shards(readouts: tuple[Readout, ...], number: dict[str, int], memory: SearchMemory | None) -> Shards:
    """The word, pair and text shards: patched from the last run's where the build remembers them
    (search_update.py), else made afresh (and recorded, when the build keeps a record)."""
    if memory is not None and (found := updated_shards(readouts, number, memory, impacts, phrase_pairs, text_shards)):
        return found
    words_in: dict[str, set[str]] = {}
    pairs_in: dict[str, set[str]] = {}
    shards = Shards(
        words={key: Page(word_path(key), shard_json(shard)) for key, shard in _word_shards(readouts, number, words_in).items()},
        pairs={key: Page(pair_path(key), shard_json(shard)) for key, shard in pair_shards(readouts, number, pairs_in).items()},
        texts={day: Page(text_path(day), shard_json(texts)) for day, texts in text_shards(readouts, number).items()})
    if memory is not None:
        all_recorded(readouts, number, shards, memory, words_in, pairs_in)
    return shards


def _day_shards(readouts: tuple[Readout, ...], number: dict[str, int]) -> dict[str, list[list]]:
    days: dict[str, list[tuple[int, list]]] = defaultdict(list)
    for r in readouts:
        days[r.date.isoformat()].append((number[r.url_path], [
            site_path(r), r.title, r.kind, r.venue, [o.name for o in r.officials],
            r.source.by.name if r.source.by else r.source.publisher]))
    return {day: [record for _, record in sorted(entries)] for day, entries in days.items()}


def _facet_shards(readouts: tuple[Readout, ...], number: dict[str, int], indexes: Indexes,
                  place: dict[str, int], kinds: dict[str, int]) -> dict[int, dict]:
    """Each year's readouts with their kind, publisher, venue, participants and initiatives, as
    columns of numbers: places in the manifest's kinds and entities (-1: no venue), readouts as
    gaps between their numbers. Names would cost three times the bytes."""
    by_year: dict[int, list[tuple[int, Readout]]] = defaultdict(list)
    for r in readouts:
        by_year[r.year].append((number[r.url_path], r))
    years = {}
    for year, entries in by_year.items():
        entries.sort(key=lambda entry: entry[0])
        columns = {"n": gaps(n for n, _ in entries), "k": [], "p": [], "v": [], "o": [], "i": []}
        for _, r in entries:
            venue = indexes.venue_of.get(r.url_path)
            columns["k"].append(kinds[r.kind])
            columns["p"].append(place[publisher_id(r)])
            columns["v"].append(place["v-" + venue.slug] if venue else -1)
            columns["o"].append([place["o-" + o.slug] for o in r.officials])
            columns["i"].append([place["i-" + i.slug] for i in r.initiatives])
        years[year] = columns
    return years


def render_search_index(archive: Archive, indexes: Indexes, memory: SearchMemory | None = None) -> list[Page]:
    readouts = archive.readouts
    number = readout_numbers(readouts)
    entities, postings = search_entities(archive, indexes, number)
    shards = _shards(readouts, number, memory)
    manifest = {
        "v": 4, "readouts": len(readouts), "slots": DAY_SLOTS, "shards": sorted(shards.words),
        "pairs": sorted(shards.pairs), "entities": entities,
        "kinds": sorted(Counter(r.kind for r in readouts).items()),
        "years": sorted(Counter(r.year for r in readouts).items()),
    }
    pages = [Page("search/entities.json", shard_json(manifest)), render_search_page()]
    pages += [Page(f"search/e/{ident}.json", shard_json(gaps(numbers))) for ident, numbers in sorted(postings.items())]
    pages += [shards.words[key] for key in sorted(shards.words)]
    pages += [Page(f"search/d/{day}.json", shard_json(records))
              for day, records in sorted(_day_shards(readouts, number).items())]
    pages += [shards.texts[day] for day in sorted(shards.texts)]
    pages += [shards.pairs[key] for key in sorted(shards.pairs)]
    place = {entity["id"]: index for index, entity in enumerate(entities)}
    kinds = {kind: index for index, (kind, _) in enumerate(manifest["kinds"])}
    pages += [Page(f"search/f/{year}.json", shard_json(facets))
              for year, facets in sorted(_facet_shards(readouts, number, indexes, place, kinds).items())]
    return pages
