"""The registry of places (archive/places.yml): cities named as venues, their country, native names, aliases."""

from __future__ import annotations

from dataclasses import dataclass, field

from .entries import entries, text, texts
from .load import RawDocument
from ..core.problems import Problem
from ..core.text import name_key

_PLACE_KEYS = ("city", "country", "native", "aliases", "country_aliases")


@dataclass(frozen=True)
class Place:
    city: str
    country: str
    native: str = ""
    aliases: tuple[str, ...] = ()
    country_aliases: tuple[str, ...] = ()

    @property
    def venue(self) -> str:
        return f"{self.city}, {self.country}"


@dataclass(frozen=True)
class Places:
    places: tuple[Place, ...] = ()
    _by_name: dict[str, Place] = field(default_factory=dict)  # every city name and alias, case-folded
    countries: frozenset[str] = frozenset()  # every country name and alias, as written

    def city(self, name: str) -> Place | None:
        """The place a city name or alias stands for."""
        return self._by_name.get(name_key(name))

    def city_names(self) -> list[str]:
        """Every way a city is written, longest first (for a regular expression that takes the longest)."""
        names = {alias for place in self.places for alias in (place.city, *place.aliases)}
        return sorted(names, key=lambda name: (-len(name), name))


def load_places(doc: RawDocument, problems: list[Problem]) -> Places:
    places = []
    for index, entry in entries(doc, _PLACE_KEYS, problems):
        places.append(Place(
            city=text(doc, entry.get("city"), (index, "city"), problems),
            country=text(doc, entry.get("country"), (index, "country"), problems),
            native=text(doc, entry.get("native"), (index, "native"), problems, required=False),
            aliases=texts(doc, entry.get("aliases"), (index, "aliases"), problems),
            country_aliases=texts(doc, entry.get("country_aliases"), (index, "country_aliases"), problems),
        ))
    by_name: dict[str, Place] = {}
    first: dict[str, int] = {}  # name_key → the line that first wrote it
    for index, place in enumerate(places):
        for number, name in enumerate((place.city, *place.aliases)):
            path = (index, "city") if number == 0 else (index, "aliases", number - 1)
            key = name_key(name)
            other = by_name.setdefault(key, place)
            first.setdefault(key, doc.where(*path)[0])
            if other is not place and name:
                problems.append(doc.problem(path, f"the city name {name!r} is used by {other.venue!r} (line {first[key]}) "
                                            "too, once case, spacing and Unicode forms are set aside",
                                            "each city name and alias must point to one entry"))
    countries = frozenset(name for place in places for name in (place.country, *place.country_aliases) if name)
    return Places(tuple(places), by_name, countries)
