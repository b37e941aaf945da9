"""A synthetic archive for the benchmark: realistic, deterministic, any size.

`write_synthetic_archive(root, n, seed)` writes root/archive in exactly the format of
the real one: about 200 officials (half Chinese, half Iranian, with native names,
aliases and dated positions), about 30 initiatives, agreements and organisations, and
n readouts of about 500 words each, spread over 1996–2025, about 5% of them a second
account of an earlier readout's event. Everything comes from one `random.Random(seed)`,
so the same (n, seed) gives byte-identical files.

`make_bench_project(root, n)` adds the repository's site set-up (mkdocs.yml, templates/,
CONTRIBUTING.md, everything hand-written in docs/: about.md, stylesheets/, scripts) around
it, ready to build (`benchmarks.project.copy_site_setup` is that set-up alone, which the tests use too).
"""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from generator.core.text import slugify

from .project import copy_site_setup, repository_root
from .vocabulary import (
    FIRST_DAY, LAST_DAY, ARCHIVE_OPENED, SECOND_ACCOUNT_SHARE, NO_DATE, KIND_WEIGHTS,
    PUBLISHERS, PUBLISHER_KINDS, HOME_CITIES, ABROAD, MONTHS, KIND_VERB,
    KIND_NOUN, TIME_OF_DAY, SUBJECTS, MODALS, VERBS, OBJECTS,
    ADJUNCTS, ISSUES, FACTS, VALUES, ROLES, AREAS,
    SUPPORTS, DEFENDS, INTERESTS, OPPORTUNITIES, LAUNCHED, OUTCOMES,
    TOPICS,
)
from .synthetic_registries import (FakeInitiative, FakeOfficial, initiatives_yaml, make_initiatives, make_officials,
                                   officials_yaml, yaml_scalar)

# ---------------------------------------------------------------- readouts

@dataclass(eq=False)
class _Readout:
    day: date
    kind: str
    venue: str
    occasion: str
    participants: list[FakeOfficial]  # the publisher's side first
    initiatives: list[FakeInitiative]
    country: str  # the publisher's country
    publisher: str
    url_base: str


def _styled(title: str, adjective: str) -> str:
    """'Minister of Foreign Affairs' → 'Iranian Minister of Foreign Affairs'; 'President of Iran' as it is."""
    own = ("Iran",) if adjective == "Iranian" else ("China", "Chinese", "CPC", "CPPCC", "People's")
    if any(word in title for word in own):
        return title
    return f"{adjective} {title}"


class _Writer:
    """Titles and bodies for readouts, from the word lists above."""

    def __init__(self, rng: random.Random, officials: list[FakeOfficial]):
        self.rng = rng
        self.by_country = {c: [o for o in officials if o.country == c] for c in ("China", "Iran")}

    def ref(self, official: FakeOfficial, first: bool = False) -> str:
        """How the text names an official: in full at first, then often by surname."""
        rng = self.rng
        if first:
            if official.aliases and rng.random() < 0.1:
                return rng.choice(official.aliases)  # a source's own spelling
            return official.name
        roll = rng.random()
        if roll < 0.5:
            return official.surname
        if roll < 0.8:
            return official.name
        return "the Chinese side" if official.country == "China" else "the Iranian side"

    def title(self, r: _Readout) -> str:
        rng = self.rng
        own, other = r.participants[0], next(p for p in r.participants if p.country != r.country)
        if r.country == "China":
            role = _styled(other.title_on(r.day), "Iranian") + " " if rng.random() < 0.4 else ""
            if r.kind == "meeting":
                return f"{own.name} Meets with {role}{other.name}"
            if r.kind == "talks":
                return f"{own.name} Holds Talks with {role}{other.name}"
            if r.kind == "phone call":
                return rng.choice((f"{own.name} Speaks with {role}{other.name} on the Phone",
                                   f"{own.name} Has a Phone Call with {role}{other.name}"))
            return f"{own.name} Holds Video Call with {role}{other.name}"
        topic = rng.choice(TOPICS)
        if r.kind == "meeting":
            return rng.choice((f"{own.name} Receives {_styled(other.title_on(r.day), 'Chinese')}",
                               f"{own.name}, {other.name} Discuss {topic} in {r.venue.split(',')[0]}"))
        if r.kind == "talks":
            return f"Iran, China Hold Talks on {topic}"
        if r.kind == "phone call":
            return f"{own.name} Discusses {topic} with {other.name} by Phone"
        return f"Iran, China Stress {topic} in {own.surname}–{other.surname} Video Call"

    def sentence(self, speaker: FakeOfficial) -> str:
        rng = self.rng
        s = self.ref(speaker)
        country, country2 = ("China", "Iran") if speaker.country == "China" else ("Iran", "China")
        pick = rng.randrange(8)
        if pick == 0:
            text = f"{s} said that {rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ADJUNCTS)}."
        elif pick == 1:
            text = (f"{s} stressed that {rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} "
                    f"{rng.choice(OBJECTS)}, {rng.choice(VERBS)} {rng.choice(OBJECTS)} and {rng.choice(VERBS)} {rng.choice(OBJECTS)}.")
        elif pick == 2:
            text = (f"{country} {rng.choice(VALUES)} {country2}'s {rng.choice(ROLES)} in {rng.choice(AREAS)}, "
                    f"and is ready to work with {country2} to {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ADJUNCTS)}.")
        elif pick == 3:
            text = (f"Noting that {rng.choice(FACTS)}, {s} said {rng.choice(SUBJECTS)} {rng.choice(MODALS)} "
                    f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}.")
        elif pick == 4:
            text = f"{s} expressed appreciation for {country2}'s {rng.choice(SUPPORTS)} on {rng.choice(ISSUES)}."
        elif pick == 5:
            text = f"{country} firmly supports {country2} in {rng.choice(DEFENDS)} {rng.choice(INTERESTS)}, {s} said."
        elif pick == 6:
            text = (f"The two sides also exchanged views on {rng.choice(ISSUES)}, {rng.choice(ISSUES)} "
                    f"and other international and regional issues of common concern.")
        else:
            text = (f"{s} added that {rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} "
                    f"{rng.choice(OBJECTS)} and jointly address {rng.choice(ISSUES)}.")
        return text[0].upper() + text[1:]

    def initiative_sentence(self, speaker: FakeOfficial, initiative: FakeInitiative, first: bool) -> str:
        rng = self.rng
        s = self.ref(speaker)
        country, country2 = ("China", "Iran") if speaker.country == "China" else ("Iran", "China")
        named = f"the {initiative.name} ({initiative.short})" if first else f"the {initiative.short}"
        pick = rng.randrange(4)
        if pick == 0:
            text = f"{s} said that {country} is ready to work with {country2} to advance cooperation under {named}."
        elif pick == 1:
            text = f"{s} welcomed {country2}'s support for {named} and called for its steady implementation."
        elif pick == 2:
            text = f"Both sides agreed that {named} offers {rng.choice(OPPORTUNITIES)} for {rng.choice(AREAS)}."
        else:
            text = (f"{s} noted that {named} has {rng.choice(OUTCOMES)} since it was "
                    f"{LAUNCHED[initiative.kind]} in {initiative.since}.")
        return text[0].upper() + text[1:]

    def lead(self, r: _Readout) -> str:
        rng = self.rng
        a, b = r.participants[0], next(p for p in r.participants if p.country != r.country)
        day = f"{MONTHS[r.day.month - 1]} {r.day.day}, {r.day.year}"
        where = f" in {r.venue.split(',')[0]}" if r.venue else ""
        occasion = f" on the sidelines of {r.occasion}" if r.occasion else ""
        a_title = _styled(a.title_on(r.day), "Chinese" if a.country == "China" else "Iranian")
        b_title = _styled(b.title_on(r.day), "Chinese" if b.country == "China" else "Iranian")
        text = (f"{rng.choice(TIME_OF_DAY)} {day}, {a_title} {self.ref(a, first=True)} "
                f"{KIND_VERB[r.kind]} {b_title} {self.ref(b, first=True)}{where}{occasion}.")
        others = [p for p in r.participants if p is not a and p is not b]
        if others:
            names = " and ".join(f"{p.title_on(r.day)} {p.name}" for p in others)
            text += f" {names} also took part in the {KIND_NOUN[r.kind]}."
        return text

    def body(self, r: _Readout) -> tuple[str, FakeOfficial | None]:
        """The text, and the official it names who did not take part, if any."""
        rng = self.rng
        mentioned = None
        target = rng.randint(440, 560)
        paragraphs = [self.lead(r)]
        words = paragraphs[0].count(" ") + 1
        pending = list(r.initiatives)
        named: list[FakeInitiative] = []
        speakers = r.participants
        turn = 0
        if rng.random() < 0.25:  # someone not present: greetings passed on, or an earlier consensus recalled
            speaker = speakers[0]
            absent = rng.choice(self.by_country[speaker.country])
            if absent not in r.participants:
                mentioned = absent
                greeting = (f"{self.ref(speaker)} conveyed the cordial greetings "
                            f"of {absent.name}, and recalled the important consensus reached between the leaders of the two countries.")
                paragraphs.append(greeting[0].upper() + greeting[1:])
                words += greeting.count(" ") + 1
        while words < target or pending:
            speaker = speakers[turn % len(speakers)]
            turn += 1
            sentences = []
            for _ in range(rng.randint(3, 5)):
                if pending and rng.random() < 0.5:
                    initiative = pending.pop(0)
                    named.append(initiative)
                    sentences.append(self.initiative_sentence(speaker, initiative, first=True))
                elif named and rng.random() < 0.15:
                    sentences.append(self.initiative_sentence(speaker, rng.choice(named), first=False))
                else:
                    sentences.append(self.sentence(speaker))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += paragraph.count(" ") + 1
        return "\n\n".join(paragraphs) + "\n", mentioned


def _publishers_yaml() -> str:
    lines = []
    for country, publishers in PUBLISHERS.items():
        for name, url in publishers:
            host = url.split("/")[2].removeprefix("www.").removeprefix("english.").removeprefix("en.")
            lines += [f"- name: {yaml_scalar(name)}", f"  native: {yaml_scalar(name)}", f"  country: {country}",
                      f"  kind: {PUBLISHER_KINDS[name]}", "  hosts:", f"    - {host}", ""]
    return "\n".join(lines)


def _front_matter(r: _Readout, slug: str, title: str, published: date | None, url: str, notes: str) -> str:
    lines = ["---", f"id: {slug}", f"title: {json.dumps(title, ensure_ascii=False)}", f"date: {r.day.isoformat()}",
             f"kind: {r.kind}"]
    if r.venue:
        lines.append(f"venue: {yaml_scalar(r.venue)}")
    if r.occasion:
        lines.append(f"occasion: {yaml_scalar(r.occasion)}")
    lines.append("officials:")
    lines += [f"  - {yaml_scalar(o.name)}" for o in r.participants]
    if r.initiatives:
        lines.append("initiatives:")
        lines += [f"  - {yaml_scalar(i.short if k % 3 == 2 else i.name)}" for k, i in enumerate(r.initiatives)]
    lines += ["source:", f"  publisher: {yaml_scalar(r.publisher)}"]
    if url:
        lines.append(f"  url: {url}")
    if published:
        lines.append(f"  published: {published.isoformat()}")
    lines.append("  language: en")
    added = max(r.day, ARCHIVE_OPENED) + timedelta(days=r.day.toordinal() % 8)
    if url:
        lines.append(f"  captured: {added.isoformat()}")
    lines.append(f"added: {added.isoformat()}")
    if notes:
        lines.append(f"notes: {json.dumps(notes, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _pick(rng: random.Random, pool: list[FakeOfficial], weights: list[float], exclude: list[FakeOfficial]) -> FakeOfficial:
    for _ in range(20):
        chosen = rng.choices(pool, cum_weights=weights)[0]
        if chosen not in exclude:
            return chosen
    return next(o for o in pool if o not in exclude)


def _write_registries(archive: Path, officials: list[FakeOfficial], initiatives: list[FakeInitiative]) -> None:
    (archive / "readouts").mkdir(parents=True, exist_ok=True)
    (archive / "officials.yml").write_bytes(officials_yaml(officials).encode("utf-8"))
    (archive / "initiatives.yml").write_bytes(initiatives_yaml(initiatives).encode("utf-8"))
    (archive / "publishers.yml").write_bytes(_publishers_yaml().encode("utf-8"))
    shutil.copyfile(repository_root() / "archive" / "formulations.yml", archive / "formulations.yml")
    shutil.copyfile(repository_root() / "archive" / "places.yml", archive / "places.yml")


def _participant_pools(officials: list[FakeOfficial]) -> dict[tuple[int, str], tuple[list[FakeOfficial], list[float]]]:
    """Who can take part in a given year, and how likely: cumulative weights, built once."""
    pools = {}
    for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
        for country in ("China", "Iran"):
            pool = [o for o in officials if o.country == country and o.first <= year <= o.last]
            if len(pool) < 4:
                pool = [o for o in officials if o.country == country]
            cumulative, total = [], 0.0
            for o in pool:
                total += o.weight
                cumulative.append(total)
            pools[(year, country)] = (pool, cumulative)
    return pools


def _second_account(rng: random.Random, original: _Readout) -> tuple[_Readout, str]:
    """The other side's account of an event already written."""
    country = "Iran" if original.country == "China" else "China"
    own = [p for p in original.participants if p.country == country]
    rest = [p for p in original.participants if p.country != country]
    publisher, url_base = rng.choice(PUBLISHERS[country])
    raised = rng.sample(original.initiatives, len(original.initiatives))[: rng.randint(0, len(original.initiatives))]
    r = _Readout(original.day, original.kind, original.venue, original.occasion, own + rest, raised,
                 country, publisher, url_base)
    return r, "Another account of the same " + KIND_NOUN[r.kind] + " is also in the archive."


def _new_encounter(rng: random.Random, pools: dict, events: dict[tuple, int]) -> tuple[date, list, list, tuple]:
    """A day and both sides' participants that no event of the archive has yet."""
    days = (LAST_DAY - FIRST_DAY).days + 1
    while True:
        day = FIRST_DAY + timedelta(days=rng.randrange(days))
        pool, weights = pools[(day.year, "China")]
        china = [_pick(rng, pool, weights, [])]
        pool, weights = pools[(day.year, "Iran")]
        iran = [_pick(rng, pool, weights, [])]
        for _ in range(rng.choices((0, 1, 2), (60, 28, 12))[0]):
            side = rng.choice(("China", "Iran"))
            pool, weights = pools[(day.year, side)]
            (china if side == "China" else iran).append(_pick(rng, pool, weights, china + iran))
        key = (day, tuple(sorted(o.slug for o in china + iran)))
        if key not in events:
            return day, china, iran, key


def _kind_and_place(rng: random.Random, day: date) -> tuple[str, str, str]:
    kind = rng.choices([k for k, _ in KIND_WEIGHTS], [w for _, w in KIND_WEIGHTS])[0]
    if kind == "video call" and day.year < 2010:
        kind = "phone call"
    venue = occasion = ""
    if kind in ("meeting", "talks"):
        roll = rng.random()
        if roll < 0.8:
            host = "China" if roll < 0.45 else "Iran"
            venue = f"{rng.choice(HOME_CITIES[host])}, {host}"
        else:
            city, place, occasions = rng.choice(ABROAD)
            venue = f"{city}, {place}"
            if rng.random() < 0.7:
                occasion = rng.choice(occasions)
    return kind, venue, occasion


def _first_account(rng: random.Random, pools: dict, events: dict[tuple, int],
                   raised_by_year: dict[int, list]) -> tuple[_Readout, str]:
    """One side's account of an event not yet in the archive."""
    day, china, iran, key = _new_encounter(rng, pools, events)
    kind, venue, occasion = _kind_and_place(rng, day)
    country = rng.choice(("China", "Iran"))
    publisher, url_base = rng.choice(PUBLISHERS[country])
    pool = raised_by_year[day.year]
    raised = rng.sample(pool, min(len(pool), rng.choices((0, 1, 2, 3, 4), (20, 30, 25, 15, 10))[0]))
    participants = china + iran if country == "China" else iran + china
    r = _Readout(day, kind, venue, occasion, participants, raised, country, publisher, url_base)
    events[key] = 1
    return r, NO_DATE if rng.random() < 0.04 else ""


def _unique_slug(title: str, day: date, slugs: dict[str, None]) -> str:
    slug = base = f"{day.isoformat()}-{slugify(title, max_words=8)}"
    suffix = 2
    while slug in slugs:
        slug = f"{base}-{suffix}"
        suffix += 1
    slugs[slug] = None
    return slug


def write_synthetic_archive(root: Path, n: int, seed: int = 1, published_ids: bool = False) -> None:
    """Write root/archive: the registries (places as the real one) and n readouts, all from random.Random(seed)."""
    rng = random.Random(seed)
    officials = make_officials(rng)
    initiatives = make_initiatives(rng)
    archive = root / "archive"
    _write_registries(archive, officials, initiatives)
    pools = _participant_pools(officials)
    raised_by_year = {year: [i for i in initiatives if i.since <= year] or initiatives
                      for year in range(FIRST_DAY.year, LAST_DAY.year + 1)}
    writer = _Writer(rng, officials)
    seconds = set(rng.sample(range(1, n), min(n - 1, round(n * SECOND_ACCOUNT_SHARE)))) if n > 1 else set()
    events: dict[tuple, int] = {}  # (date, participant slugs) → readouts of that event so far
    firsts: list[_Readout] = []  # readouts that no second account refers to yet
    slugs: dict[str, None] = {}
    listed: list[str] = []  # published-ids.yml's entries
    for index in range(n):
        if index in seconds and firsts:
            r, notes = _second_account(rng, firsts.pop(rng.randrange(len(firsts))))
        else:
            r, notes = _first_account(rng, pools, events, raised_by_year)
            firsts.append(r)
        title = writer.title(r)
        slug = _unique_slug(title, r.day, slugs)
        published = None if notes == NO_DATE else r.day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
        url = f"{r.url_base}{r.day:%Y%m}/t{r.day:%Y%m%d}_{rng.randrange(10**7, 10**8)}.html" if rng.random() < 0.85 else ""
        body, absent = writer.body(r)
        if absent is not None:  # as a curator would: the check warns about a name the front matter leaves out
            notes = f"{notes} {absent.name} is mentioned but did not take part.".strip()
        folder = archive / "readouts" / str(r.day.year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug}.md").write_bytes((_front_matter(r, slug, title, published, url, notes) + body).encode("utf-8"))
        listed.append(f"- id: {slug}\n  year: {r.day.year}\n  path: archive/readouts/{r.day.year}/{slug}.md\n")
    if published_ids:  # an archive whose pages are all published, as a contributor finds it
        (archive / "published-ids.yml").write_text("\n".join(listed), encoding="utf-8")


def make_bench_project(root: Path, n: int, seed: int = 1, published_ids: bool = False) -> Path:
    """A project folder with the repository's site set-up around a synthetic archive of n readouts."""
    copy_site_setup(root)
    write_synthetic_archive(root, n, seed, published_ids)
    return root
