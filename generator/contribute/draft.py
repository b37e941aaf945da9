"""Draft a readout file from the raw text of a readout as published.

A contributor pastes the text of a published page (navigation, share buttons, photo
credits and all) and gets a file under archive/readouts/ with the front matter filled
in as far as the text allows: the headline, the day the meeting or call took place
(resolving "on Friday", "Oct. 26", "here today" against the dateline or the page's
date), the publication date, the kind, the venue, the occasion, the participants and
the initiatives (through the registries' names and aliases), and the publisher where
the page gives it away. What it cannot determine is left empty for `check` to point at,
and names it cannot resolve are listed in a comment for archive/officials.yml.

`draft_readout(raw, root)` returns a Draft; `write_draft(draft, root)` writes it and never
overwrites a file. The command line (`python -m generator new`) is a thin layer over both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..archive import schema
from ..archive.load import load_archive, load_registry as load_registry_file
from ..archive.publishers import load_publishers
from ..archive.registry import Registry, load_registry
from ..archive.schema import address_fault
from ..archive.validate import validate_archive
from ..core.model import Official, Readout
from ..core.problems import ERROR, Problem
from ..core.settings import site_settings
from ..core.text import slugify
from . import kind as kinds, people, places, sources, versions
from .dates import (WEEKDAYS, Dateline, find_dates, long_date, meeting_date, named_weekday, read_dateline,
                    with_year, years_fitting)
from .front_matter import front_matter
from .native import has_own_script, named_place
from .page_text import Page, normalise, read_page, suggest_title

MAX_RAW_BYTES = 1024 * 1024
SCHEMA_PATH = "data/readout.schema.json"

class DraftError(Exception):
    """The draft cannot be made or written; the message says why."""


@dataclass
class Draft:
    path: str  # where it goes, relative to the project root: archive/readouts/<year>/<date>-<slug>.md
    text: str  # the whole file
    fields: dict  # what the text gave: title, date, kind, venue, occasion, officials, initiatives, source, notes
    undetermined: list[str] = field(default_factory=list)  # what the contributor must fill in or check
    unresolved: list[str] = field(default_factory=list)  # names after a title that no registry entry matches
    mentioned: list[str] = field(default_factory=list)  # registry officials named but not taken as participants
    removed: list[str] = field(default_factory=list)  # lines left out as page furniture


# ------------------------------------------------------------------ the draft


def load_draft_registry(root: Path) -> Registry:
    problems: list[Problem] = []
    docs = []
    for name in ("officials", "initiatives", "places"):
        doc, found = load_registry_file(root / "archive" / f"{name}.yml", root)
        docs.append(doc)
        problems += found
    registry = load_registry(*docs[:2], problems, docs[2])
    publishers, found = load_registry_file(root / "archive" / "publishers.yml", root)
    problems += found
    registry.publishers = load_publishers(publishers, problems) if not found else None
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise DraftError("the registries have errors; run python -m generator check first:\n"
                         + "\n".join(p.text() for p in errors[:10]))
    return registry


def _archive_readouts(root: Path) -> list[Readout]:
    _, readouts, _ = validate_archive(load_archive(root))
    return readouts


def _same_encounter(root: Path, officials: list[Official], kind: str, weekday: int, before: date | None) -> Readout | None:
    """The one readout in the archive of the same participants (and kind) on such a weekday: another account."""
    wanted = {o.slug for o in officials}
    found = {r.date: r for r in _archive_readouts(root)
             if {o.slug for o in r.officials} == wanted and (not kind or r.kind == kind)
             and r.date.weekday() == weekday and (before is None or r.date <= before)}
    return found[max(found)] if len(found) == 1 else None


@dataclass
class _Findings:
    """What the drafting found out along the way, for the contributor."""
    undetermined: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)
    inferred: dict[str, str] = field(default_factory=dict)  # field → how the draft worked its value out


@dataclass
class PageFacts:
    """What a saved web page says beyond its text: the language it declares, the day it was saved
    (None: today, for the contributor to confirm), and its photo captions and credits."""
    language: str = ""
    captured: date | None = None
    credits: list[str] = field(default_factory=list)
    saved_page: bool = False


def _title(page: Page, lead_text: list[str], findings: _Findings) -> str:
    if page.title:
        return page.title
    title = suggest_title(lead_text[0] if lead_text else "")
    if title:
        findings.notes.append("The page shows no headline; the title is the archive's own.")
        findings.comments["title"] = "suggested from the first sentence: the page shows no headline"
    else:
        findings.comments["title"] = "the headline as published"
        findings.undetermined.append("title")
    return title


def _meeting_day(root: Path, lead_text: list[str], reference: date | None, kind: str,
                 officials: list[Official], from_dateline: bool, findings: _Findings) -> date | None:
    finding = meeting_date(lead_text, reference)
    when = finding.when
    what = kind or "meeting"
    if finding.how == "relative":
        source_of = "the dateline" if from_dateline else "the page's date"
        findings.notes.append(f"The text says the {what} took place \"{finding.phrase}\", which is {long_date(when)}, "
                              f"counted from {source_of}.")
        findings.inferred["date"] = f"From \"{finding.phrase}\" in the text, counted from {source_of}."
    elif finding.how == "weekday":
        other = _same_encounter(root, officials, kind, finding.weekday, None) if officials else None
        if other:
            when = other.date
            findings.notes.append(f"The text says the {what} took place \"{finding.phrase}\" and the page shows no "
                                  f"date; {long_date(when)} is the date of another account of the same {what} in the "
                                  f"archive ({other.source_path}).")
            findings.inferred["date"] = (f"From \"{finding.phrase}\" in the text: the date of another account of "
                                         f"the same {what} ({other.id}).")
        else:
            findings.undetermined.append(f"date (the text says {finding.phrase!r} but gives no date to count from)")
    if when is None and finding.how != "weekday":
        findings.undetermined.append("date")
    if when is None:
        findings.comments.setdefault("date", "the day the meeting or call took place, as YYYY-MM-DD")
    return when


def _source(page: Page, url: str, publisher: str, agency: str, published: date | None, body_text: str,
            today: date, findings: _Findings, publishers, facts: PageFacts) -> dict:
    header = page.navigation + ([page.title] if page.title else [])
    found_publisher, how = sources.publisher(url, header, agency, page.credits, publishers)
    publisher = publisher or found_publisher
    if publisher and how == "photo credit" and publisher == found_publisher:
        findings.notes.append(f"The publisher is identified from the photo credit "
                              f"({page.credits[0].lstrip('©(c) ').split('/')[0]}).")
        findings.inferred["source.publisher"] = f"From the photo credit ({page.credits[0]})."
    for key, missing, comment in (
            ("publisher", not publisher, "who published the page: not found in the text (use --publisher)"),
            ("url", not url, "the page's address, https://... (use --url)"),
            ("published", not published, "the day the page was published, YYYY-MM-DD, when known")):
        if missing:
            findings.comments["source." + key] = comment
            findings.undetermined.append("source." + key)
    if facts.credits:
        shown = "; ".join(_shortened(credit, 300) for credit in facts.credits[:3])
        findings.notes.append(f"Left out of the text, the page's photo caption or credit: {shown}.".replace("<", "‹")
                              .replace(">", "›"))
    if facts.saved_page and not facts.captured:
        findings.comments["source.captured"] = "today: confirm the day the page was saved or checked against the source"
    return {"publisher": publisher, "url": url, "published": published,
            "language": facts.language or sources.language(body_text), "captured": facts.captured or today}


def _shortened(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _remarks(unresolved: list[str], mentioned: list[str]) -> list[str]:
    remarks: list[str] = []
    if unresolved:
        remarks += ["Names not in archive/officials.yml: add each there (name, native, country, aliases,",
                    "positions), then list them under 'officials' if they took part:"]
        remarks += [f"  - {name}" for name in unresolved]
    if mentioned:
        remarks += ["Also named in the text, not listed as taking part (if they did not, say so in 'notes'):"]
        remarks += [f"  - {name}" for name in mentioned]
    if remarks:
        remarks.append("Review every field against the source, then run: python -m generator check FILE")
    return remarks


def _publication_day(page: Page, dateline: Dateline, today: date, findings: _Findings) -> tuple[date | None, date | None]:
    """The page's date, and the dateline's date with its year (None when unknown)."""
    published = min(page.stamps) if page.stamps else None
    when = dateline.when
    if dateline.day and not when and published:
        when = with_year(*dateline.day, published)
    if not published and dateline.when:
        published = dateline.when
    return published, when


def _infer_year(registry: Registry, dateline: Dateline, lead_text: list[str], officials: list[Official],
                today: date, findings: _Findings) -> date | None:
    """A date without a year and nothing to count from ("Sept. 15 ... on Thursday"): the one year in
    which that day is the weekday named while every participant held office, or None and a clear mark."""
    yearless = dateline.day or next(((month, day) for p in lead_text for _, when, (month, day) in find_dates(p)
                                     if when is None), None)
    if yearless is None:
        return None
    weekday = named_weekday(lead_text)
    terms = [[(p.start, p.end) for p in official.positions] for official in officials]
    years = years_fitting(*yearless, weekday, terms, today)
    written = dateline.written or f"{date(2000, *yearless):%B} {yearless[1]}"
    named = f"a {WEEKDAYS[weekday].capitalize()}" if weekday is not None else "that day"
    if len(years) == 1 and officials:
        findings.notes.append(f"The text gives no year: {written} was {named} in {years[0]} alone while "
                              + " and ".join(o.name for o in officials) + " held office.")
        return date(years[0], *yearless)
    choices = "; it could be " + ", ".join(map(str, years)) if 1 < len(years) <= 6 else ""
    findings.undetermined.append(f"the year of {written!r}: the text gives none{choices}")
    findings.comments["date"] = f"THE YEAR IS NOT IN THE TEXT: {written} of which year?{choices} (YYYY-MM-DD)"
    return None


def _venue(registry: Registry, kind: str, lead_text: list[str], event_sentence: str, dateline: Dateline,
           findings: _Findings) -> str:
    """'City, Country' for a meeting or talks (or an undetermined kind); calls and messages have none."""
    if kind and kind not in schema.IN_PERSON_KINDS:
        return ""
    venue, unplaced = places.venue(registry.places, lead_text, event_sentence, dateline.city)
    if not venue and has_own_script(event_sentence + "".join(lead_text)):
        place = named_place(registry.places, event_sentence) or named_place(registry.places, " ".join(lead_text))
        venue = place.venue if place else ""
    if not venue and kind:
        findings.comments["venue"] = "City, Country" + (f": {unplaced}, but which country?" if unplaced else "")
        findings.undetermined.append("venue")
    return venue


def draft_readout(raw: str, root: Path, *, url: str = "", publisher: str = "", today: date | None = None,
                  registry: Registry | None = None) -> Draft:
    """The draft of a readout file from the raw text of the published page."""
    registry = registry or load_draft_registry(root)
    page = read_page(normalise(raw), kinds.tells_an_encounter,
                     lambda line: registry.publishers is not None and sources.is_publisher_line(line, registry.publishers))
    return draft_page(page, root, registry, url=url, publisher=publisher, today=today)


def draft_page(page: Page, root: Path, registry: Registry, *, url: str = "", publisher: str = "",
               today: date | None = None, facts: PageFacts | None = None) -> Draft:
    """The draft of a readout file from a page's parts (headline, date stamps, paragraphs, credits)."""
    today = today or date.today()
    if not page.paragraphs:
        raise DraftError("no paragraph of text found: paste the readout's text as published")
    findings = _Findings()
    dateline = read_dateline(page.paragraphs[0], registry.places)
    published, dateline_date = _publication_day(page, dateline, today, findings)

    lead = page.paragraphs[:4]
    lead_text = [lead[0][dateline.end:]] + lead[1:]  # the dateline is no date of the meeting
    lead_text = [p for p in lead_text if not p.startswith("## ")]
    title = _title(page, lead_text, findings)
    kind, event_sentence = kinds.kind(title if page.title else "", lead_text)
    if not kind:
        findings.comments["kind"] = " | ".join(schema.KINDS)
        findings.undetermined.append("kind")
    officials = people.participants(registry, page.title, lead_text, event_sentence)
    if not officials:
        findings.undetermined.append("officials (no name from archive/officials.yml in the headline or the first sentences)")
    reference = dateline_date or published or _infer_year(registry, dateline, lead_text, officials, today, findings)
    from_dateline = bool(dateline_date) or (reference is not None and not published)
    when = _meeting_day(root, lead_text, reference, kind, officials, from_dateline, findings)
    officials, when, kind, version = versions.as_version(registry, lambda: _archive_readouts(root), page, lead_text,
                                                         officials, when, kind, findings)
    if when and published and published != when:
        findings.notes.append(f"The page is dated {long_date(published)}.")
    venue = _venue(registry, kind, lead_text, event_sentence, dateline, findings) or versions.venue_of(version, findings)

    body_text = "\n\n".join(page.paragraphs)
    participants = {o.slug for o in officials}
    mentioned = [o.name for o in registry.mentioned_officials(body_text) if o.slug not in participants]
    unresolved = people.unresolved_names(registry, page.title + "\n" + body_text)
    source = _source(page, url, publisher, dateline.agency, published, body_text, today, findings,
                     registry.publishers, facts or PageFacts())
    fields = {
        "version_of": version.other.id if version.other else None,
        "title": title, "title_supplied": not page.title and bool(title), "date": when, "kind": kind, "venue": venue,
        "occasion": kinds.occasion(lead_text), "officials": [o.name for o in officials],
        "initiatives": [i.name for i, _ in registry.mentioned_initiatives(title + "\n\n" + body_text)],
        "source": source, "added": today}
    return _finish(page, root, fields, findings, unresolved, mentioned, versions.path_of(version))


def _finish(page: Page, root: Path, fields: dict, findings: _Findings, unresolved: list[str],
            mentioned: list[str], version_path: str = "") -> Draft:
    """The draft's path and text, from the fields found."""
    paragraphs = list(page.paragraphs)
    if page.caption and not paragraphs[0].startswith("## ") and "*" not in paragraphs[0]:
        paragraphs[0] = f"*{paragraphs[0]}*"
        findings.notes.append("The opening paragraph in italics is the photo caption.")
    path = version_path or _draft_path(fields["title"], fields["date"], fields["officials"], fields["kind"])
    fields = {"id": Path(path).stem, **fields, "notes": " ".join(findings.notes),
              "inferred": {key: findings.inferred[key] for key in schema.INFERABLE if key in findings.inferred}}
    if not fields["venue"]:
        fields.pop("venue")
    schema_url = _site_url(root) + SCHEMA_PATH
    text = (front_matter(fields, schema_url, findings.comments, _remarks(unresolved, mentioned))
            + "\n\n".join(paragraphs) + "\n")
    return Draft(path=path, text=text, fields=fields, undetermined=findings.undetermined,
                 unresolved=unresolved, mentioned=mentioned, removed=page.removed)


def _site_url(root: Path) -> str:
    url = site_settings(root)["url"]
    return url if url.startswith(("http://", "https://")) else "/"


def _draft_path(title: str, when: date | None, officials: list[str], kind: str) -> str:
    head = re.split(r"[,:;]", title, maxsplit=1)[0] if title else "untitled"
    words = slugify(head if len(head.split()) >= 4 else title, max_words=8)  # "Wang Yi Meets with Ahmadian, Secretary of ..."
    if words == "untitled" and officials:  # a headline in Chinese or Persian: the participants' names and the kind
        words = slugify(" ".join(officials[:2]) + " " + kind, max_words=8)
    if when:
        return f"archive/readouts/{when.year}/{when.isoformat()}-{words}.md"
    return f"archive/readouts/undated/undated-{words}.md"


def valid_url(url: str) -> bool:
    """An address the check accepts for 'source.url'."""
    return not address_fault(url)


def read_source(source: str, limit: int, stdin=None) -> bytes:
    """The bytes of a file, or of standard input for '-', up to limit (one more tells it is too large)."""
    import sys

    try:
        if source == "-":
            data = (stdin or sys.stdin.buffer).read(limit + 1)
        else:
            path = Path(source)
            if not path.is_file():
                raise DraftError(f"{source}: no such file")
            with path.open("rb") as stream:
                data = stream.read(limit + 1)
    except OSError as error:
        raise DraftError(f"{source}: cannot be read: {error.strerror}") from None
    return data.encode("utf-8") if isinstance(data, str) else data


def raw_text(data: bytes, source: str) -> str:
    """Pasted text as UTF-8; refused when too large, not UTF-8 or empty."""
    if len(data) > MAX_RAW_BYTES:
        raise DraftError(f"{source}: over {MAX_RAW_BYTES:,} bytes: paste the readout's page, not a whole site")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DraftError(f"{source}: not UTF-8 (byte {error.start}): save the text as UTF-8") from None
    if not text.strip():
        raise DraftError(f"{source}: empty: paste the readout's text as published")
    return text


def read_raw(source: str, stdin=None) -> str:
    """The raw text from a file, or from standard input for '-'; refused when too large or not UTF-8."""
    return raw_text(read_source(source, MAX_RAW_BYTES, stdin), source)


def write_draft(draft: Draft, root: Path, output: Path | None = None) -> Path:
    """Write the draft to its path (or output); never over an existing file."""
    target = output if output is not None else root / draft.path
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as stream:
            stream.write(draft.text)
    except FileExistsError:
        raise DraftError(f"{target} already exists: it is left as it is (choose another path with --output)") from None
    except OSError as error:
        raise DraftError(f"{target}: cannot be written: {error.strerror}") from None
    return target
