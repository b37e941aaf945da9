"""The synthetic archive's registries: officials with native names, aliases and dated
positions, and initiatives, as `benchmarks.synthetic` writes them to archive/."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from generator.core.text import slugify

from .vocabulary import (
    LAST_DAY, OFFICIALS_PER_COUNTRY, CHINESE_SURNAMES, CHINESE_GIVEN, WADE_GILES, IRANIAN_GIVEN,
    IRANIAN_ONSETS, IRANIAN_MIDDLES, IRANIAN_ENDINGS, PERSIAN_VARIANTS, CHINESE_TITLES, IRANIAN_TITLES,
    INITIATIVE_PREFIXES, INITIATIVE_DOMAINS, INITIATIVE_NOUNS, INITIATIVE_PURPOSES, SMALL_WORDS, LAUNCHED,
    VOCABULARY,
)


# ---------------------------------------------------------------- the registries

@dataclass(eq=False)
class FakeOfficial:
    name: str
    native: str
    country: str
    aliases: list[str]
    positions: list[tuple[str, date, date | None]]  # newest first; None: still in office
    surname: str  # how the texts call them after the first mention
    weight: float
    slug: str = ""
    first: int = 0  # years active, for picking participants
    last: int = 0

    def title_on(self, day: date) -> str:
        for title, start, end in self.positions:
            if start <= day and (end is None or day <= end):
                return title
        return self.positions[-1][0]


@dataclass(eq=False)
class FakeInitiative:
    name: str
    short: str
    kind: str
    since: int
    summary: str
    aliases: list[str] = field(default_factory=list)


def _random_day(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _positions(rng: random.Random, titles: tuple[str, ...]) -> list[tuple[str, date, date | None]]:
    start = _random_day(rng, rng.randint(1988, 2023))
    spans = []
    for _ in range(1 if rng.random() < 0.5 else 2):
        end = start + timedelta(days=rng.randint(2 * 365, 10 * 365))
        spans.append((rng.choice(titles), start, end if end <= LAST_DAY else None))
        if end > LAST_DAY:
            break
        start = end + timedelta(days=rng.randint(1, 300))
        if start > LAST_DAY:
            break
    return spans[::-1]


def _chinese_official(rng: random.Random) -> tuple[str, str, list[str], str]:
    surname, surname_native = rng.choice(CHINESE_SURNAMES)
    syllables = [rng.choice(CHINESE_GIVEN) for _ in range(1 if rng.random() < 0.3 else 2)]
    given = "".join(s for s, _ in syllables).capitalize()
    name = f"{surname} {given}"
    native = surname_native + "".join(c for _, c in syllables)
    candidates = [f"{given} {surname}"]  # Western order
    if len(syllables) == 2:
        candidates.append(f"{surname} {syllables[0][0].capitalize()}-{syllables[1][0]}")
    wade = name
    for old, new in WADE_GILES:
        wade = wade.replace(old, new)
    if wade != name:
        candidates.append(wade)
    return name, native, candidates, name


def _iranian_official(rng: random.Random) -> tuple[str, str, list[str], str]:
    onset, middle, ending = rng.choice(IRANIAN_ONSETS), rng.choice(IRANIAN_MIDDLES), rng.choice(IRANIAN_ENDINGS)
    surname = onset[0] + middle[0] + ending[0]
    surname_native = onset[1] + middle[1] + ending[1]
    given = [rng.choice(IRANIAN_GIVEN)]
    if rng.random() < 0.3:
        second = rng.choice(IRANIAN_GIVEN)
        if second != given[0]:
            given.append(second)
    joined = "-" if len(given) == 2 and rng.random() < 0.4 else " "
    name = joined.join(g for g, _ in given) + " " + surname
    native = " ".join(g for _, g in given) + " " + surname_native
    variant = name
    for old, new in PERSIAN_VARIANTS:
        variant = variant.replace(old, new)
    doubled = re.sub(r"([aeiou])([rlmnzsd])([aeiou])", r"\1\2\2\3", surname, count=1)
    candidates = [surname, variant, name.replace(surname, doubled), "Seyyed " + name]
    return name, native, candidates, surname


def make_officials(rng: random.Random) -> list[FakeOfficial]:
    taken: dict[str, str] = {}  # every name, alias and slug in use, case-folded
    officials = []
    for country, make, titles in (("China", _chinese_official, CHINESE_TITLES),
                                  ("Iran", _iranian_official, IRANIAN_TITLES)):
        made = 0
        while made < OFFICIALS_PER_COUNTRY:
            name, native, candidates, surname = make(rng)
            slug = slugify(name)
            if name.casefold() in taken or "slug:" + slug in taken:
                continue
            taken[name.casefold()] = name
            taken["slug:" + slug] = name
            aliases = []
            for alias in rng.sample(candidates, min(len(candidates), rng.choice((0, 1, 1, 2, 2)))):
                key = alias.casefold()
                if alias == name or key in taken or key in VOCABULARY or len(alias) < 4:
                    continue
                taken[key] = name
                aliases.append(alias)
            if surname != name and surname not in aliases:
                surname = name  # only a registered alias may stand for them in a text
            positions = _positions(rng, titles)
            official = FakeOfficial(name, native, country, aliases, positions, surname,
                                 weight=min(rng.paretovariate(1.2), 25.0), slug=slug)
            official.first = positions[-1][1].year
            official.last = positions[0][2].year if positions[0][2] else LAST_DAY.year
            officials.append(official)
            made += 1
    return officials


def _abbreviation(name: str) -> str:
    words = re.split(r"[\s–-]+", name)
    return "".join(w[0].upper() for w in words if w and w.casefold() not in SMALL_WORDS)


def make_initiatives(rng: random.Random) -> list[FakeInitiative]:
    kinds = ["initiative"] * 12 + ["agreement"] * 10 + ["organisation"] * 8
    taken: dict[str, str] = {}
    made = []
    for kind in kinds:
        while True:
            domain = rng.choice(INITIATIVE_DOMAINS)
            noun = rng.choice(INITIATIVE_NOUNS[kind])
            if kind == "agreement" and rng.random() < 0.5:
                name = f"China–Iran {domain} {noun}"
            else:
                name = f"{rng.choice(INITIATIVE_PREFIXES)} {domain} {noun}"
            short = _abbreviation(name)
            if name.casefold() in taken or short.casefold() in taken or len(short) < 3:
                continue
            break
        since = rng.randint(1990, 2023)
        purpose = rng.choice(INITIATIVE_PURPOSES).format(d=domain.casefold())
        summary = f"{kind.capitalize()} {LAUNCHED[kind]} in {since} {purpose}."
        aliases = []
        american = name.replace("Organisation", "Organization").replace("Civilisation", "Civilization")
        if american != name:
            aliases.append(american)
        for key in (name, short, *aliases):
            taken[key.casefold()] = name
        made.append(FakeInitiative(name, short, kind, since, summary, aliases))
    return made


_PLAIN = re.compile(r"^[A-Za-z\u0080-\uffff][\w\u0080-\uffff '’,.()–-]*$")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def yaml_scalar(text: str) -> str:
    """The text as a YAML scalar: plain where that reads back as the same text, quoted elsewhere."""
    if _PLAIN.match(text) and text.casefold() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def officials_yaml(officials: list[FakeOfficial]) -> str:
    parts = []
    for o in officials:
        lines = [f"- name: {yaml_scalar(o.name)}", f"  native: {yaml_scalar(o.native)}", f"  country: {o.country}"]
        if o.aliases:
            lines.append("  aliases:")
            lines += [f"    - {yaml_scalar(a)}" for a in o.aliases]
        else:
            lines.append("  aliases: []")
        lines.append("  positions:")
        for title, start, end in o.positions:
            lines.append(f"    - title: {yaml_scalar(title)}")
            lines.append(f"      from: {start.isoformat()}")
            if end is not None:
                lines.append(f"      to: {end.isoformat()}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def initiatives_yaml(initiatives: list[FakeInitiative]) -> str:
    parts = []
    for i in initiatives:
        lines = [f"- name: {yaml_scalar(i.name)}", f"  short: {yaml_scalar(i.short)}", f"  kind: {i.kind}"]
        if i.aliases:
            lines.append("  aliases:")
            lines += [f"    - {yaml_scalar(a)}" for a in i.aliases]
        else:
            lines.append("  aliases: []")
        lines += [f"  since: {i.since}", f"  summary: {yaml_scalar(i.summary)}"]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
