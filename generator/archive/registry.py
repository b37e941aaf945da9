"""The registries of officials, initiatives and places: validated, and looked up by any name."""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from datetime import date

from . import schema
from .load import BadValue, RawDocument
from ..core.model import Formulation, Initiative, Official, Position
from ..core.problems import Problem
from ..core.text import name_key, slugify
from .entries import entries, text, texts
from .places import Places, load_places

_OFFICIAL_KEYS = ("name", "sort_as", "native", "country", "aliases", "positions")
_POSITION_KEYS = ("title", "from", "to")
_INITIATIVE_KEYS = ("name", "short", "kind", "aliases", "since", "summary")


@dataclass
class Registry:
    officials: tuple[Official, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    places: Places = field(default_factory=Places)
    _officials_by_name: dict[str, Official] = field(default_factory=dict)
    _initiatives_by_name: dict[str, Initiative] = field(default_factory=dict)
    _official_finder: NameFinder | None = None
    _initiative_finder: NameFinder | None = None
    # Set by accounts.add_registries: publishers.Publishers (None when publishers.yml was not read),
    # the formulations and their formulations.FormulationFinder.
    publishers: object = None
    formulations: tuple[Formulation, ...] = ()
    formulation_finder: object = None
    redirects: tuple = ()  # the Redirects archive/published-ids.yml asks for, once checked
    source_events: tuple = ()  # the SourceEvents of archive/source-log.yml, once checked

    def official(self, name: str) -> Official | None:
        return self._officials_by_name.get(name_key(name))

    def initiative(self, name: str) -> Initiative | None:
        return self._initiatives_by_name.get(name_key(name))

    def closest_official(self, name: str) -> str:
        return _closest(name, [o.name for o in self.officials] + [a for o in self.officials for a in o.aliases])

    def closest_initiative(self, name: str) -> str:
        names = [i.name for i in self.initiatives] + [i.short for i in self.initiatives if i.short]
        return _closest(name, names + [a for i in self.initiatives for a in i.aliases])

    def mentioned_officials(self, text: str) -> list[Official]:
        """Officials whose name or alias stands in the text, in order of first mention."""
        return [o for o, _ in self.officials_named(text)]

    def officials_named(self, text: str) -> list[tuple[Official, int]]:
        """Officials whose name or alias stands in the text, in order, with the offset of the first mention."""
        return self._official_finder.find(text) if self._official_finder else []

    def mentioned_initiatives(self, text: str) -> list[tuple[Initiative, int]]:
        """Initiatives named in the text (name, abbreviation or alias), in order, with the offset of the first mention."""
        return self._initiative_finder.find(text) if self._initiative_finder else []


_WORD = re.compile(r"[^\W_]+")


class NameFinder:
    """Finds registry names in a text by looking up its runs of words.

    One alternation of every name and alias costs about 1.5 ms per readout; a
    dictionary keyed by each name's first word costs a tenth of that. Words are
    compared in lower case, except abbreviations written in capitals (SCO, BRI),
    which must stand in capitals, so that ordinary words are not taken for them.
    """

    def __init__(self, names: dict[str, object]):
        self._runs: dict[str, list[tuple[tuple[str, ...], bool, object]]] = {}
        for name, item in names.items():
            words = tuple(_WORD.findall(name))
            if words:
                capitals = name.isupper()
                key = tuple(w.lower() for w in words)
                self._runs.setdefault(key[0], []).append((words if capitals else key, capitals, item))
        for runs in self._runs.values():
            runs.sort(key=lambda run: -len(run[0]))

    def find(self, text: str) -> list[tuple[object, int]]:
        """Each item named in the text, once, in order of first mention, with that mention's offset."""
        lowered, distinct = _lowered_words(text)
        firsts = self._runs.keys() & distinct
        if not firsts:
            return []
        words: list[str] | None = None  # as written: needed only for abbreviations in capitals
        found: dict[int, tuple[int, object, str]] = {}  # item → its first mention: word index, item, first word
        for first in firsts:
            runs = self._runs[first]
            index = -1
            while True:
                try:
                    index = lowered.index(first, index + 1)
                except ValueError:
                    break
                for run, capitals, item in runs:
                    if capitals and words is None:
                        words = _WORD.findall(text)
                    candidate = words if capitals else lowered
                    if len(candidate) == len(lowered) and tuple(candidate[index:index + len(run)]) == run:
                        if id(item) not in found or index < found[id(item)][0]:
                            found[id(item)] = (index, item, run[0])
                        break
        ordered = sorted(found.values(), key=lambda entry: entry[0])
        return [(item, _offset(text, first)) for _, item, first in ordered]


@functools.lru_cache(maxsize=4)  # a body is searched for officials, then for initiatives
def _lowered_words(text: str) -> tuple[list[str], frozenset[str]]:
    words = _WORD.findall(text.lower())
    return words, frozenset(words)


def _offset(text: str, word: str) -> int:
    """Where a word first stands in the text, for the line of a message."""
    match = _word_pattern(word).search(text)
    return match.start() if match else 0


@functools.cache  # the first words of the registries' names: a few hundred at most
def _word_pattern(word: str) -> re.Pattern:
    # compiled once each: re's own cache holds 512 patterns, fewer than a large registry's words
    return re.compile(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])", re.IGNORECASE)


def _closest(name: str, candidates: list[str]) -> str:
    by_fold = {c.casefold(): c for c in candidates}
    match = difflib.get_close_matches(name.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[match[0]] if match else ""


def _date(doc, value, key_path, problems) -> date | None:
    if value is None:
        return None
    if isinstance(value, BadValue):
        problems.append(doc.problem(key_path, f"impossible date {value.text!r}: {value.reason}", "write a real day as YYYY-MM-DD"))
    elif not isinstance(value, date) or hasattr(value, "hour"):
        problems.append(doc.problem(key_path, f"{value!r} is not a date", "write it as YYYY-MM-DD"))
    else:
        return value
    return None


def _positions(doc, value, key_path, problems) -> tuple[Position, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(doc.problem(key_path, "'positions' must be a list", "write one '- title:' per position"))
        return ()
    positions = []
    for index, item in enumerate(value):
        where = key_path + (index,)
        if not isinstance(item, dict):
            problems.append(doc.problem(where, "a position must be a mapping", "give it 'title:', 'from:' and 'to:'"))
            continue
        for key in item:
            if key not in _POSITION_KEYS:
                problems.append(doc.problem(where + (key,), f"unknown field {key!r}", "allowed: title, from, to"))
        start = _date(doc, item.get("from"), where + ("from",), problems)
        end = _date(doc, item.get("to"), where + ("to",), problems)
        if start and end and end < start:
            problems.append(doc.problem(where + ("to",), "the position ends before it starts", "check 'from' and 'to'"))
        positions.append(Position(text(doc, item.get("title"), where + ("title",), problems), start, end))
    return tuple(positions)


def _one_of(doc: RawDocument, value, key_path, allowed: tuple[str, ...], problems) -> str:
    """A value from a closed list; anything else is an error that lists the list."""
    written = text(doc, value, key_path, problems)
    if written and written not in allowed:
        problems.append(doc.problem(key_path, f"unknown {key_path[-1]} {written!r}", "allowed: " + ", ".join(allowed)))
    return written


def _officials(doc: RawDocument, problems: list[Problem]) -> list[Official]:
    officials = []
    for index, entry in entries(doc, _OFFICIAL_KEYS, problems):
        name = text(doc, entry.get("name"), (index, "name"), problems)
        country = _one_of(doc, entry.get("country"), (index, "country"), schema.COUNTRIES, problems)
        officials.append(Official(
            slug=slugify(name), name=name,
            native=text(doc, entry.get("native"), (index, "native"), problems),
            country=country,
            aliases=texts(doc, entry.get("aliases"), (index, "aliases"), problems),
            positions=_positions(doc, entry.get("positions"), (index, "positions"), problems),
            sort_as=_sort_as(doc, entry.get("sort_as"), name, (index, "sort_as"), problems),
        ))
    return officials


def family_first(name: str) -> str:
    """A name written family-last, as it sorts: the last word first ("Raisi Ebrahim")."""
    given, _, family = name.rpartition(" ")
    return f"{family} {given}".strip()


def _sort_as(doc: RawDocument, value, name: str, key_path, problems: list[Problem]) -> str:
    """The name as it sorts: `sort_as` where the name is not written family-last (the same words, family
    name first: a Chinese name as it stands), else the last word first."""
    written = text(doc, value, key_path, problems, required=False)
    if written and sorted(written.split()) != sorted(name.split()):
        problems.append(doc.problem(key_path, f"'sort_as' {written!r} is not the words of the name {name!r} reordered",
                                    f"write the name with the family name first, for example {name!r}"))
        return family_first(name)
    return written or family_first(name)


def _initiatives(doc: RawDocument, problems: list[Problem]) -> list[Initiative]:
    initiatives = []
    for index, entry in entries(doc, _INITIATIVE_KEYS, problems):
        name = text(doc, entry.get("name"), (index, "name"), problems)
        kind = _one_of(doc, entry.get("kind"), (index, "kind"), schema.INITIATIVE_KINDS, problems)
        since = entry.get("since")
        if since is not None and (not isinstance(since, int) or isinstance(since, bool) or not 1800 < since < 2200):
            problems.append(doc.problem((index, "since"), f"'since' must be a year, not {since!r}", "write it as 2021"))
            since = None
        initiatives.append(Initiative(
            slug=slugify(name), name=name, kind=kind, since=since,
            short=text(doc, entry.get("short"), (index, "short"), problems, required=False),
            summary=text(doc, entry.get("summary"), (index, "summary"), problems),
            aliases=texts(doc, entry.get("aliases"), (index, "aliases"), problems),
        ))
    return initiatives


def _name_line(doc: RawDocument, index: int, name: str) -> tuple[tuple, int]:
    """Where an entry writes a name: the key path of the field or list item, and its line."""
    entry = doc.data[index] if isinstance(doc.data, list) and index < len(doc.data) else None
    for key, value in (entry.items() if isinstance(entry, dict) else ()):
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for number, item in items:
            if isinstance(item, str) and item.strip() == name:
                path = (index, key) if number is None else (index, key, number)
                return path, doc.where(*path)[0]
    return (index,), doc.where(index)[0]


def _index_names(doc: RawDocument, items, names_of, problems) -> dict:
    """Every name and alias, compared by name_key, to its entry; two entries that share one are an
    error at the second, naming the first's line."""
    by_name: dict = {}
    first: dict[str, tuple[str, int]] = {}  # name_key → the name as first written, and its line
    slugs: dict[str, str] = {}
    for index, item in enumerate(items):
        if item.slug in slugs and item.name:
            problems.append(doc.problem((index, "name"), f"{item.name!r} has the same page address as {slugs[item.slug]!r}",
                                        "names must differ in more than punctuation or case"))
        slugs.setdefault(item.slug, item.name)
        for name in names_of(item):
            key = name_key(name)
            other = by_name.setdefault(key, item)
            path, line = _name_line(doc, index, name)
            first.setdefault(key, (name, line))
            if other is not item:
                written, where = first[key]
                problems.append(doc.problem(path, f"the name {name!r} of {item.name!r} is used by {other.name!r} too "
                                            f"(as {written!r}, line {where}), once case, spacing and Unicode forms "
                                            "are set aside", "each name and alias must point to one entry: "
                                            "remove it from one of them"))
    return by_name


def _initiative_names(initiatives) -> dict[str, Initiative]:
    """Every way an initiative is written, as written: capitals matter for abbreviations."""
    names: dict[str, Initiative] = {}
    for initiative in initiatives:
        for name in (initiative.name, initiative.short, *initiative.aliases):
            if name:
                names.setdefault(name, initiative)
    return names


def load_registry(officials_doc: RawDocument, initiatives_doc: RawDocument, problems: list[Problem],
                  places_doc: RawDocument | None = None) -> Registry:
    officials = _officials(officials_doc, problems)
    initiatives = _initiatives(initiatives_doc, problems)
    officials_by_name = _index_names(officials_doc, officials, lambda o: (o.name, *o.aliases), problems)
    initiatives_by_name = _index_names(
        initiatives_doc, initiatives, lambda i: (i.name, *((i.short,) if i.short else ()), *i.aliases), problems)
    return Registry(
        officials=tuple(sorted(officials, key=lambda o: o.sort_key)),
        initiatives=tuple(sorted(initiatives, key=lambda i: i.sort_key)),
        places=load_places(places_doc, problems) if places_doc is not None else Places(),
        _officials_by_name=officials_by_name,
        _initiatives_by_name=initiatives_by_name,
        _official_finder=NameFinder(officials_by_name),
        _initiative_finder=NameFinder(_initiative_names(initiatives)),
    )
