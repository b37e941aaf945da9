"""The search index's word, pair and text shards made from the last run's: only the shards that hold
a changed readout's words, pairs or day are made again, each from its last file.

A readout's number is stable (search.py), so a change touches the shards of the changed readouts'
own words, pairs and days, and nothing else. Each run records, in the fragment store, each readout's
digest (its file's content key and its number) with the shards its words and pairs fall in, and the
SHA-256 and size of every shard file it wrote. The next run finds the readouts that are new, gone
or changed; the shards they were in or are now in are read from docs/, checked against their
SHA-256, and patched: the changed readouts' old postings out, their new ones in. Every other shard
file stays as it is, once its size is found as recorded. Any doubt (no record, a shard missing or
not as recorded, a readout without a key) makes every shard afresh. Either way the bytes are a
fresh build's. The record is committed only when the whole run succeeds (publish/fragments.py).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..core.limits import DAY_SLOTS
from ..core.model import Readout
from ..pages.addresses import Page
from .search_text import gaps, shard_of


@dataclass
class SearchMemory:
    """The last run's record of the index: each readout's (digest, number), each shard file's
    (SHA-256, size) by its path under docs/, a lookup of some readouts' (word shards, pair shards),
    and where this run's record goes: remember(parts, gone readouts, files, gone files, whole)."""

    docs: Path
    key_of: Callable[[Readout], str | None]
    parts: dict[str, tuple[str, int]]
    files: dict[str, tuple[str, int]]
    keys: Callable[[list[str]], dict[str, tuple[list[str], list[str]]]]
    remember: Callable[[dict, Iterable[str], dict, Iterable[str], bool], None]


@dataclass
class Shards:
    """Every word, pair and text shard of the index: the pages (content None: kept as it is)."""

    words: dict[str, Page] = field(default_factory=dict)  # by shard key
    pairs: dict[str, Page] = field(default_factory=dict)
    texts: dict[str, Page] = field(default_factory=dict)  # by day


def shard_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def digest(key: str | None, number: int) -> str | None:
    return None if key is None else hashlib.sha256(f"{key}\0{number}".encode()).hexdigest()


def word_path(key: str) -> str:
    return f"search/w/{key}.json"


def pair_path(key: str) -> str:
    return f"search/n/{key}.json"


def text_path(day: str) -> str:
    return f"search/t/{day}.json"


def day_of(number: int) -> str:
    return date.fromordinal(number // DAY_SLOTS).isoformat()


def file_record(shards: Shards) -> dict[str, tuple[str, int]]:
    """(SHA-256, size) of each shard made afresh."""
    record = {}
    for page in (*shards.words.values(), *shards.pairs.values(), *shards.texts.values()):
        if page.content is not None:
            data = page.content.encode("utf-8")
            record[page.path] = (hashlib.sha256(data).hexdigest(), len(data))
    return record


class _Doubt(Exception):
    """The last run's shards cannot be trusted or patched: every shard is made afresh."""


def updated_shards(readouts: tuple[Readout, ...], number: dict[str, int], memory: SearchMemory,
                   impacts: Callable, pairs_of: Callable, texts: Callable) -> Shards | None:
    """The shards patched from the last run's; None when any doubt says to make them afresh.
    impacts(readout) and pairs_of(readout) give its words' weights and its pairs; texts(readouts,
    number) the text shards of the given readouts' days."""
    try:
        return _updated(readouts, number, memory, impacts, pairs_of, texts)
    except _Doubt:
        return None


def _updated(readouts, number, memory: SearchMemory, impacts, pairs_of, texts) -> Shards:
    now = {r.id: (digest(memory.key_of(r), number[r.url_path]), number[r.url_path]) for r in readouts}
    if not memory.files or any(d is None for d, _ in now.values()):
        raise _Doubt
    changed = [r for r in readouts if memory.parts.get(r.id) != now[r.id]]
    going = [rid for rid in memory.parts if rid not in now or memory.parts[rid] != now[rid]]
    old_keys = memory.keys(going)
    if set(old_keys) != set(going):
        raise _Doubt
    removed = {memory.parts[rid][1] for rid in going}
    coming_words, coming_pairs = defaultdict(list), defaultdict(list)  # shard key → (name, number, impact)
    words_in, pairs_in = {}, {}
    for r in changed:
        words = {word: (shard_of(word), impact) for word, impact in impacts(r).items()}
        pairs = {pair: shard_of(pair.split(" ", 1)[0]) for pair in pairs_of(r)}
        for word, (key, impact) in words.items():
            coming_words[key].append((word, number[r.url_path], impact))
        for pair, key in pairs.items():
            coming_pairs[key].append((pair, number[r.url_path], 0))
        words_in[r.id], pairs_in[r.id] = sorted({key for key, _ in words.values()}), sorted(set(pairs.values()))
    shards = Shards()
    for key in {k for rid in going for k in old_keys[rid][0]} | set(coming_words):
        entries = _patched(memory, word_path(key), removed, coming_words.get(key, ()), postings=True)
        shards.words[key] = _page(word_path(key), {w: postings(e) for w, e in entries.items() if e})
    for key in {k for rid in going for k in old_keys[rid][1]} | set(coming_pairs):
        entries = _patched(memory, pair_path(key), removed, coming_pairs.get(key, ()), postings=False)
        shards.pairs[key] = _page(pair_path(key), {p: gaps(n for n, _ in e) for p, e in entries.items() if e})
    days = {day_of(n) for n in removed} | {r.date.isoformat() for r in changed}
    for day, shard in texts([r for r in readouts if r.date.isoformat() in days], number).items():
        shards.texts[day] = Page(text_path(day), shard_json(shard))
    _keep_the_rest(shards, memory, {r.date.isoformat() for r in readouts})
    _drop_empty(shards)
    gone = [rid for rid in memory.parts if rid not in now]
    made = {r.id: (*now[r.id], words_in[r.id], pairs_in[r.id]) for r in changed}
    paths = {page.path for page in (*shards.words.values(), *shards.pairs.values(), *shards.texts.values())}
    memory.remember(made, gone, file_record(shards), [path for path in memory.files if path not in paths], False)
    return shards


def _patched(memory: SearchMemory, path: str, removed: set[int], coming: Iterable[tuple[str, int, int]],
             postings: bool) -> dict[str, list]:
    """A shard of the last run, its readouts' numbers decoded, without the removed readouts' and
    with the coming ones (name, number, impact)."""
    entries: dict[str, list] = defaultdict(list)
    for name, its_number, impact in coming:
        entries[name].append((its_number, impact))
    if path not in memory.files:
        return entries  # a shard no readout had words in
    try:
        data = (memory.docs / path).read_bytes()
    except OSError:
        raise _Doubt from None
    if (hashlib.sha256(data).hexdigest(), len(data)) != memory.files[path]:
        raise _Doubt
    for name, codes in json.loads(data).items():
        previous = 0
        for code in codes:
            gap, impact = divmod(code, 8) if postings else (code, 0)
            previous += gap
            if previous not in removed:
                entries[name].append((previous, impact))
    return entries


def postings(entries: list[tuple[int, int]]) -> list[int]:
    """(number, impact) pairs as the index's postings: (gap from the previous number) × 8 + impact."""
    previous, codes = 0, []
    for number, impact in sorted(entries):
        codes.append((number - previous) * 8 + impact)
        previous = number
    return codes


def _page(path: str, shard: dict) -> Page:
    return Page(path, shard_json(shard))


def _keep_the_rest(shards: Shards, memory: SearchMemory, days: set[str]) -> None:
    """Every shard of the last run not made again stays, once its file is found at its size."""
    for path, (_, size) in memory.files.items():
        kind, name = path.split("/")[1], path.rsplit("/", 1)[1].removesuffix(".json")
        made = {"w": shards.words, "n": shards.pairs, "t": shards.texts}[kind]
        if name in made or (kind == "t" and name not in days):
            continue
        try:
            if os.stat(memory.docs / path).st_size != size:
                raise _Doubt
        except OSError:
            raise _Doubt from None
        made[name] = Page(path, None)


def all_recorded(readouts: tuple[Readout, ...], number: dict[str, int], shards: Shards, memory: SearchMemory,
                 words_in: dict[str, set[str]], pairs_in: dict[str, set[str]]) -> None:
    """Record shards made afresh, with each readout's shard keys (nothing, without every key)."""
    parts = {r.id: (digest(memory.key_of(r), number[r.url_path]), number[r.url_path], sorted(words_in[r.id]),
                    sorted(pairs_in[r.id])) for r in readouts}
    if any(part[0] is None for part in parts.values()):
        parts, files = {}, {}
    else:
        files = file_record(shards)
    memory.remember(parts, [], files, [], True)


def _drop_empty(shards: Shards) -> None:
    for made in (shards.words, shards.pairs):
        for key in [key for key, page in made.items() if page.content == "{}"]:
            del made[key]
