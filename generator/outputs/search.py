"""The search index: written at build time, fetched piece by piece only when a reader searches.

Two parts:
- `search/entities.json`, small: every official, initiative and venue with every
  name it goes by (aliases, misspellings, native script, abbreviations), so a
  name finds its page first; `search/e/<id>.json` lists each one's readouts.
- a word index sharded by the first two letters of each word
  (`search/w/<xx>.json`), and the readouts' titles in chunks of CHUNK
  (`search/d/<n>.json`), so a query fetches a few small files, never the whole.

Readouts are numbered newest first, so "newest first" is "lowest number first",
and posting lists are stored as gaps between numbers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict

from ..core.model import Archive, Readout
from ..pages.addresses import Page, search_entity_path, site_path
from ..pages.index import Indexes

CHUNK = 16
_WORD = re.compile(r"[^\W_]+")
_MARKS = re.compile(r"[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_LETTER_FORMS = {"ي": "ی", "ى": "ی", "ك": "ک", "\u200c": " ", "’": "", "'": ""}
STOPWORDS = frozenset(
    "a an and are as at be been but by for from had has have he his in is it its of on or said she "
    "that the their them they this to was were which will with would".split())


def normalise(text: str) -> str:
    """Lowercase, without accents or Arabic-script diacritics; search.js does the same to a query."""
    if not unicodedata.is_normalized("NFKD", text):
        text = unicodedata.normalize("NFKD", text)
    text = _MARKS.sub("", text)
    for letter, replacement in _LETTER_FORMS.items():  # a few str.replace calls beat translate() with a dict
        if letter in text:
            text = text.replace(letter, replacement)
    return text.lower()


def words(text: str) -> set[str]:
    distinct = set(_WORD.findall(normalise(text))) - STOPWORDS  # in C; then the few distinct words in Python
    return {w for w in distinct if len(w) > 1}


def shard_of(word: str) -> str:
    key = word[:2]
    return key if key.isascii() and key.isalnum() else "_"


def _gaps(numbers) -> list[int]:
    previous, gaps = 0, []
    for number in sorted(numbers):
        gaps.append(number - previous)
        previous = number
    return gaps


def _strong_text(readout: Readout) -> str:
    names = [o.name for o in readout.officials] + [i.label for i in readout.initiatives]
    return " ".join([readout.title, readout.venue, readout.occasion, readout.source.publisher, *names])


def _entity(kind: str, ident: str, name: str, subtitle: str, url: str, keys, readouts: list[int]) -> dict:
    folded = sorted({normalise(k).strip() for k in keys if k and k.strip()})
    return {"t": kind, "id": ident, "n": name, "s": subtitle, "u": url, "k": folded, "c": len(readouts)}


def _entities(archive: Archive, indexes: Indexes, number: dict[str, int]) -> tuple[list[dict], dict[str, list[int]]]:
    """Every official, initiative and venue with the names it goes by, and the numbers of its readouts."""
    def numbers(readouts) -> list[int]:
        return [number[r.url_path] for r in readouts]

    entities, postings = [], {}
    for official in archive.officials:
        parts = official.name.split()
        keys = [official.name, official.native, *official.aliases, parts[0], parts[-1]]
        ident = "o-" + official.slug
        postings[ident] = numbers(indexes.by_official.get(official.slug, ()))
        entities.append(_entity("o", ident, official.name, f"{official.native} · {official.country}",
                                site_path(official), keys, postings[ident]))
    for initiative in archive.initiatives:
        ident = "i-" + initiative.slug
        postings[ident] = numbers(indexes.by_initiative.get(initiative.slug, ()))
        entities.append(_entity("i", ident, initiative.label, initiative.kind.capitalize(), site_path(initiative),
                                [initiative.name, initiative.short, *initiative.aliases], postings[ident]))
    venues = sorted((pair for pairs in indexes.by_venue.values() for pair in pairs),
                    key=lambda pair: (pair[0].city, pair[0].country, pair[0].slug))
    for venue, readouts in venues:
        ident = "v-" + venue.slug
        postings[ident] = numbers(readouts)
        entities.append(_entity("v", ident, venue.name, "Venue", site_path(venue), [venue.city], postings[ident]))
    return entities, postings


def _documents(readouts: tuple[Readout, ...]) -> list[list]:
    return [[r.url_path + "/", r.title, r.date.isoformat(), r.kind,
             ", ".join(o.name for o in r.officials), _shorten(r.summary, 160)] for r in readouts]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _word_shards(readouts: tuple[Readout, ...]) -> dict[str, dict[str, list[list[int]]]]:
    strong: dict[str, list[int]] = defaultdict(list)
    body: dict[str, list[int]] = defaultdict(list)
    for number, readout in enumerate(readouts):
        in_strong = words(_strong_text(readout))
        for word in in_strong:
            strong[word].append(number)
        for word in words(readout.body) - in_strong:
            body[word].append(number)
    shards: dict[str, dict] = defaultdict(dict)
    for word in sorted(strong.keys() | body.keys()):
        shards[shard_of(word)][word] = [_gaps(strong.get(word, ())), _gaps(body.get(word, ()))]
    return shards


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def render_search_index(archive: Archive, indexes: Indexes) -> list[Page]:
    readouts = archive.readouts
    number = {r.url_path: n for n, r in enumerate(readouts)}
    entities, postings = _entities(archive, indexes, number)
    shards = _word_shards(readouts)
    documents = _documents(readouts)
    manifest = {"chunk": CHUNK, "readouts": len(readouts), "shards": sorted(shards), "entities": entities}
    pages = [Page("search/entities.json", _json(manifest))]
    pages += [Page(search_entity_path(*ident.split("-", 1)), _json(_gaps(numbers))) for ident, numbers in postings.items()]
    pages += [Page(f"search/w/{key}.json", _json(shard)) for key, shard in sorted(shards.items())]
    pages += [Page(f"search/d/{start // CHUNK}.json", _json(documents[start:start + CHUNK]))
              for start in range(0, len(documents), CHUNK)]
    return pages
