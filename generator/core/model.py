"""Stage 3, model: typed, immutable records of the archive.

Officials and initiatives are value objects that carry their slug, so every
index is a plain mapping from such an object to readouts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .inferred import inferred_entries
from .sources import (GOVERNMENT_BODY, OTHER_MEDIA, PUBLISHER_KIND_NOUNS, SIDE_ADJECTIVES, SOURCE_KINDS,  # noqa: F401
                      STATE_MEDIA, UNIDENTIFIED, Publisher, Relay)
from .versions import account_of, version_groups, with_originals
from .source_events import SourceEvent


@dataclass(frozen=True)
class Position:
    title: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Official:
    slug: str
    name: str
    native: str
    country: str
    aliases: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()
    sort_as: str = ""  # the name as it sorts, family name first (the registry fills it in: "Raisi Ebrahim")

    @property
    def sort_key(self) -> tuple:
        return ((self.sort_as or self.name).casefold(), self.slug)

    def position_on(self, day: date) -> tuple[Position, ...]:
        """The positions held on that day, in the registry's order; an open end is held still."""
        return tuple(p for p in self.positions
                     if (p.start is None or p.start <= day) and (p.end is None or day <= p.end))


@dataclass(frozen=True)
class Initiative:
    slug: str
    name: str
    short: str
    kind: str
    since: int | None
    summary: str
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name} ({self.short})" if self.short else self.name

    @property
    def sort_key(self) -> tuple:
        return (self.name.casefold(), self.slug)


@dataclass(frozen=True)
class Formulation:
    """A stock phrase, with the other ways it is written, and wordings only related to it."""

    slug: str
    name: str
    variants: tuple[str, ...] = ()
    summary: str = ""
    related: tuple[str, ...] = ()
    forms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language code, its forms), as in the registry

    @property
    def sort_key(self) -> tuple:
        return (self.name.casefold(), self.slug)

    def phrases(self, language: str = "en") -> tuple[str, ...]:
        """How the formulation is written in a language: the name and variants in English, else its forms."""
        if language == "en":
            return (self.name, *self.variants)
        return next((forms for code, forms in self.forms if code == language), ())


BOTH_SIDES = "both sides"


@dataclass(frozen=True)
class Mark:
    """Where a paragraph's text has a formulation's words (text[start:end]): a use, or related wording."""

    slug: str
    start: int
    end: int
    related: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a readout's text: its number (its anchor is p<number>), the line it
    starts on in the file, who speaks in it (an Official, BOTH_SIDES, or None), the
    formulations it uses (and those it has related wording of, with where the words stand),
    and the initiatives it names (of those the readout lists)."""

    number: int
    line: int
    text: str
    speaker: object = None
    formulations: tuple[Formulation, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    related: tuple[Formulation, ...] = ()  # formulations it has only related wording of: never a use
    marks: tuple[Mark, ...] = ()  # where the words of each use and related wording stand

    def spoken_by(self, participants: tuple[Official, ...]) -> tuple[Official, ...]:
        """Who says what the paragraph holds: its speaker, or every participant where both sides speak."""
        if isinstance(self.speaker, Official):
            return (self.speaker,)
        return participants if self.speaker == BOTH_SIDES else ()

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True)
class Source:
    publisher: str
    language: str
    url: str = ""
    published: date | None = None
    by: Publisher | None = None  # the registry's entry for the publisher
    captured: date | None = None  # the day the text was copied from its source or last checked
    archived: tuple[str, ...] = ()  # web-archive copies of the page


@dataclass(frozen=True)
class Readout:
    id: str  # the permanent identifier the page address is made from; never changes once published
    source_path: str  # archive/readouts/<year>/<file>.md
    title: str
    date: date
    kind: str
    venue: str
    occasion: str
    officials: tuple[Official, ...]
    initiatives: tuple[Initiative, ...]
    source: Source
    notes: str
    body: str
    summary: str
    event_key: str
    added: date
    updated: date | None = None  # None: unchanged since it was added
    title_supplied: bool = False  # the title is the archive's own; the page shows no headline
    headline: str = ""  # the headline as published, when it differs from the title
    inferred: tuple[tuple[str, str], ...] = ()  # (field path, basis), in the schema's order
    mentioned: tuple[Official, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    relays: Relay | None = None
    source_events: tuple[SourceEvent, ...] = ()  # what archive/source-log.yml records of its page, oldest first
    version_of: str = ""  # the id of the readout this text is another language's version of
    translation_of: object = None  # versions.Original: the original, when this is a translation of one in the archive

    @property
    def side(self) -> str:
        """The country the publisher speaks for, "" when not known."""
        return self.source.by.country if self.source.by else ""

    @property
    def official(self) -> bool:
        """A side's official account: a government body published it, and it relays no other account."""
        return bool(self.source.by and self.source.by.official) and self.relays is None

    @property
    def formulations(self) -> tuple[Formulation, ...]:
        """Every formulation the text uses, once, in order of first use."""
        seen: dict[str, Formulation] = {}
        for paragraph in self.paragraphs:
            for formulation in paragraph.formulations:
                seen.setdefault(formulation.slug, formulation)
        return tuple(seen.values())

    @property
    def slug(self) -> str:
        """The readout's id: what every address, anchor and key is made from."""
        return self.id

    @property
    def last_changed(self) -> date:
        return self.updated or self.added

    def is_inferred(self, field_path: str) -> bool:
        return bool(inferred_entries(self.inferred, field_path))

    def inferred_basis(self, field_path: str) -> str:
        return " ".join(basis for _, basis in inferred_entries(self.inferred, field_path))

    def positions_of(self, official: Official) -> tuple[Position, ...]:
        """What the official held on the day of the meeting or call."""
        return official.position_on(self.date)

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def url_path(self) -> str:
        """Where the page sits under docs/, without the .md."""
        return f"readouts/{self.date.year}/{self.id}"

    @property
    def sort_key(self) -> tuple:
        """Newest first everywhere; ties broken by the stable slug."""
        return (-self.date.toordinal(), self.slug)

    @property
    def country(self) -> str:
        return self.venue.rsplit(",", 1)[-1].strip() if self.venue else ""

    @property
    def city(self) -> str:
        return self.venue.rsplit(",", 1)[0].strip() if self.venue else ""

    @property
    def venue_slug(self) -> str:
        from .text import slugify

        return slugify(f"{self.city} {self.country}") if self.venue else ""


@dataclass(frozen=True)
class Venue:
    """A city where meetings took place; its page lists them."""

    slug: str
    city: str
    country: str

    @property
    def name(self) -> str:
        return f"{self.city}, {self.country}"

    @property
    def sort_key(self) -> tuple:
        return (self.city.casefold(), self.slug)


@dataclass(frozen=True)
class YearPage:
    """One year of an official's, initiative's or venue's readouts, on a page of its own
    when they are too many for one page."""

    item: object
    year: int


@dataclass(frozen=True)
class Event:
    """One meeting, call or message, with every account of it in the archive."""

    slug: str
    date: date
    readouts: tuple[Readout, ...]  # every readout of it, each language version included
    officials: tuple[Official, ...] = field(default=())
    accounts: tuple[Readout, ...] = field(default=())  # one readout per account: a version stands for its group

    def __post_init__(self):
        if not self.accounts:  # no versions told apart: each readout is an account
            object.__setattr__(self, "accounts", self.readouts)

    @property
    def kind(self) -> str:
        """The kind its accounts give; "talks and meeting" when they describe it differently."""
        kinds = list(dict.fromkeys(r.kind for r in self.readouts))
        return " and ".join(kinds)

    @property
    def sides(self) -> tuple[str, ...]:
        """The countries whose publishers gave an account, in a fixed order; "" for a side not known."""
        return tuple(sorted({r.side for r in self.readouts}))

    @property
    def official_sides(self) -> tuple[str, ...]:
        """The countries whose government bodies gave an official account: media reports do not count."""
        return tuple(sorted({r.side for r in self.readouts if r.official}))

    @property
    def has_page(self) -> bool:
        """Only an event with several accounts has a page: the readout's own page is a single account's,
        and its versions in other languages are one account."""
        return len(self.accounts) > 1


@dataclass(frozen=True)
class Redirect:
    """A published address that no longer holds a page of its own: a retired id, or a readout
    whose year changed. Its page sends readers (and link checkers) on to the readout."""

    address: str  # under docs/, without the .md, like Readout.url_path
    target: Readout


@dataclass(frozen=True)
class Archive:
    officials: tuple[Official, ...]
    initiatives: tuple[Initiative, ...]
    readouts: tuple[Readout, ...]  # newest first
    events: tuple[Event, ...]  # newest first; only meetings with several accounts (each has a page)
    all_events: tuple[Event, ...] = ()  # newest first; every event, single accounts included
    publishers: tuple[Publisher, ...] = ()
    formulations: tuple[Formulation, ...] = ()
    redirects: tuple[Redirect, ...] = ()
    versions: dict = field(default_factory=dict)  # readout id → its language versions, itself included
    places: tuple = ()  # the places registry's entries (city, native name, aliases), for comparing versions


# In-person kinds are one mode: one side's "talks" are often the other's "meeting".
_MODES = {"meeting": "in person", "talks": "in person"}


def event_mode(kind: str) -> str:
    """What must agree for two accounts to be of one occurrence: a call is never a message."""
    return _MODES.get(kind, kind)


def event_key(readout: Readout) -> tuple:
    """Accounts with the same key are of one event: an explicit `event:` key, or the same day,
    participants and mode."""
    if readout.event_key:
        return ("key", readout.event_key)
    return ("same", readout.date, tuple(sorted(o.slug for o in readout.officials)), event_mode(readout.kind))


def _event_slug(readouts: list[Readout]) -> str:
    first = readouts[0]
    if first.event_key:
        return first.event_key
    names = "-".join(o.slug for o in first.officials[:3])
    return f"{first.date.isoformat()}-{names}"


def _make_event(slug: str, readouts: list[Readout], versions: dict[str, tuple[Readout, ...]]) -> Event:
    people: dict[str, Official] = {}
    for readout in readouts:
        for official in readout.officials:
            people.setdefault(official.slug, official)
    accounts = [r for r in readouts if r.id not in versions or account_of(versions[r.id]) is r]
    return Event(slug=slug, date=min(r.date for r in readouts), readouts=tuple(readouts),
                 officials=tuple(people.values()), accounts=tuple(accounts))


def group_events(ordered: tuple[Readout, ...], versions: dict[str, tuple[Readout, ...]] | None = None) -> list[Event]:
    """Every event, newest first; slugs made unique by the mode where two events share a day and people."""
    groups: dict[tuple, list[Readout]] = {}
    for readout in ordered:
        groups.setdefault(event_key(readout), []).append(readout)
    slugs: dict[str, int] = {}
    for accounts in groups.values():
        slug = _event_slug(accounts)
        slugs[slug] = slugs.get(slug, 0) + 1
    events = []
    for key, accounts in groups.items():
        slug = _event_slug(accounts)
        if slugs[slug] > 1 and key[0] == "same":
            slug = f"{slug}-{key[3].replace(' ', '-')}"
        events.append(_make_event(slug, accounts, versions if versions is not None else version_groups(ordered)))
    events.sort(key=lambda e: (-e.date.toordinal(), e.slug))
    return events


def make_archive(officials, initiatives, readouts, redirects=(), publishers=(), formulations=(), places=()) -> Archive:
    """The whole archive, sorted once; accounts of one occurrence grouped into events."""
    ordered = with_originals(tuple(sorted(readouts, key=lambda r: r.sort_key)))
    versions = version_groups(ordered)
    events = group_events(ordered, versions)
    return Archive(officials=tuple(officials), initiatives=tuple(initiatives), readouts=ordered,
                   events=tuple(e for e in events if e.has_page), all_events=tuple(events),
                   publishers=tuple(publishers), formulations=tuple(formulations),
                   redirects=tuple(sorted(redirects, key=lambda r: r.address)), versions=versions,
                   places=tuple(places))
