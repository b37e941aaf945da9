"""Where a meeting took place: "City, Country" from the text, through archive/places.yml."""

from __future__ import annotations

import functools
import re

from ..archive.places import Places
from .page_text import sentences

_IN_CITY_COUNTRY = re.compile(r"\bin (?P<city>[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|el-[A-Z]\w*|de)){0,2}), "
                              r"(?P<country>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})")
_HERE = re.compile(r"\bhere\b", re.I)


@functools.lru_cache(maxsize=4)
def _in_city(names: tuple[str, ...]) -> re.Pattern:
    """'in Tehran', 'at Boao': any city name or alias of the registry, the longest first."""
    return re.compile(r"\b(?:in|at) (?P<city>" + "|".join(map(re.escape, names)) + r")\b")


def venue(places: Places, lead: list[str], event_sentence: str, dateline_city: str) -> tuple[str, str]:
    """'City, Country', or ('', a city it found but could not place)."""
    in_city = _in_city(tuple(places.city_names()))
    ordered = [event_sentence] + [s for p in lead for s in sentences(p) if s != event_sentence]
    for sentence in ordered:
        candidates = []
        for match in _IN_CITY_COUNTRY.finditer(sentence):
            if match.group("country") in places.countries:
                candidates.append((match.start(), f"{match.group('city')}, {match.group('country')}"))
        for match in in_city.finditer(sentence):
            candidates.append((match.start(), places.city(match.group("city")).venue))
        if candidates:
            return min(candidates)[1], ""
        if dateline_city and _HERE.search(sentence):
            place = places.city(dateline_city)
            return (place.venue, "") if place else ("", dateline_city.title())
    return "", ""
