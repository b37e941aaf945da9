"""Stage 2, validate: every problem in the whole archive, each at the line of its field.

Validation reads a raw document field by field, as FIELDS in schema.py declares
them, and gives back the typed Readout when the file is sound.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import PurePosixPath

from . import accounts, schema
from .source_log import check_source_log
from .load import LoadedArchive, RawDocument, load_readout, readout_paths
from ..core.model import Initiative, Official, Readout, Source
from ..core.limits import DAY_SLOTS, FIRST_YEAR, last_year
from ..core.problems import ERROR, WARNING, Problem
from .identity import check_identities
from .registry import Registry, load_registry
from .body import body_line, check_body
from ..core.settings import markdown_extensions
from ..core.text import summarise
from .fields import check_date as _check_date, check_text as _check_text, confusable_hint
from .record import check_dates_in_time, check_record, check_source_record
from .relays import check_relays
from .versions import check_versions

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # each pattern is used whole (fullmatch)
_LANGUAGE = re.compile(r"[a-z]{2}")


def _check_names(doc, value, key_path, problems, resolve, closest, what, registry_sound=True) -> tuple:
    name = key_path[-1]
    if not isinstance(value, list):
        problems.append(doc.problem(key_path, f"'{name}' must be a list, not {type(value).__name__}",
                                    f"write one '- name' per line under '{name}:'"))
        return ()
    found: dict[str, object] = {}
    for index, item in enumerate(value):
        count = len(problems)
        text = _check_text(doc, item, key_path + (index,), problems)
        if not text or len(problems) > count:
            continue
        entry = resolve(text)
        if entry is None and not registry_sound:
            continue  # the registry could not be read: its own error says so, no need for one per name
        if entry is None:
            suggestion = closest(text)
            hint = f"did you mean {suggestion!r}?" if suggestion else f"add it to archive/{what}.yml"
            hint += confusable_hint(doc, key_path + (index,), text, suggestion)
            problems.append(doc.problem(key_path + (index,), f"unknown name {text!r} in '{name}'", hint))
        elif entry.slug in found:
            problems.append(doc.problem(key_path + (index,), f"{text!r} names {entry.name!r} a second time", "list each once"))
        else:
            found[entry.slug] = entry
    return tuple(found.values())


def _check_unknown_keys(doc: RawDocument, data: dict, allowed: tuple[str, ...], prefix: tuple, problems) -> None:
    for key in data:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(allowed)
            problems.append(doc.problem(prefix + (key,), f"unknown field {key!r}", hint))


def _check_required(doc, data: dict, fields, prefix: tuple, problems) -> None:
    for field in fields:
        if field.required and data.get(field.name) is None:
            example = f": {field.example}" if field.example else ""
            name = ".".join(prefix + (field.name,))
            if field.name in data:  # written, but left empty: point at it
                problems.append(doc.problem(prefix + (field.name,), f"the required field '{name}' is empty",
                                            f"fill it in, for example '{field.name}{example}'"))
            else:
                problems.append(doc.problem(prefix or (), f"the required field '{name}' is missing",
                                            f"add '{field.name}{example}'"))


def _check_source(doc: RawDocument, value, problems) -> Source | None:
    if not isinstance(value, dict):
        problems.append(doc.problem(("source",), "'source' must be a mapping",
                                    "indent 'publisher:' and 'language:' under 'source:'"))
        return None
    _check_unknown_keys(doc, value, schema.SOURCE_FIELD_NAMES, ("source",), problems)
    _check_required(doc, value, schema.SOURCE_FIELDS, ("source",), problems)
    publisher = _check_text(doc, value["publisher"], ("source", "publisher"), problems) if value.get("publisher") is not None else ""
    url = ""
    if value.get("url") is not None:
        url = _check_text(doc, value["url"], ("source", "url"), problems)
        if url and (fault := schema.address_fault(url)):
            problems.append(doc.problem(("source", "url"), f"'source.url' must be an http(s) address, not {url!r}"
                                        + schema.fault_said(fault), schema.address_hint(fault, "page")))
            url = ""
    published = _check_date(doc, value["published"], ("source", "published"), problems) if value.get("published") is not None else None
    language = value.get("language")
    if language is not None and not (isinstance(language, str) and _LANGUAGE.fullmatch(language)):
        problems.append(doc.problem(("source", "language"), f"'source.language' must be a two-letter code, not {language!r}",
                                    "for example en, zh or fa"))
        language = ""
    captured, archived = check_source_record(doc, value, problems)
    return Source(publisher=publisher, language=language or "", url=url, published=published,
                  captured=captured, archived=archived)


def _check_path(doc: RawDocument, when: date | None, problems: list[Problem]) -> str:
    """The slug (file name without .md); a name that does not fit the date is a warning."""
    path = PurePosixPath(doc.display)
    slug = path.stem
    if not _SLUG.fullmatch(slug):
        problems.append(Problem(doc.display, 1, 1, ERROR, f"the file name {path.name!r} is not a slug",
                                "name it <date>-<words>.md with lowercase letters, digits and hyphens"))
    elif when and (not slug.startswith(when.isoformat() + "-") or path.parent.name != str(when.year)):
        problems.append(Problem(doc.display, *doc.where("date"), WARNING,
                                f"the path does not match the date {when.isoformat()}",
                                f"move it to archive/readouts/{when.year}/{when.isoformat()}-<words>.md"))
    return slug


def _check_mentions(doc: RawDocument, registry: Registry, officials, initiatives, notes: str,
                    named: list[tuple[Official, int]], problems: list[Problem]) -> None:
    """Names in the text that the front matter leaves out: a gentle warning, silenced by naming them in 'notes'."""
    listed = {o.slug for o in officials} | {o.slug for o in registry.mentioned_officials(notes)}
    for official, offset in named:
        if official.slug not in listed:
            line = body_line(doc, offset)
            problems.append(doc.problem(("officials",), f"the text names {official.name!r} (line {line}), "
                                        "who is not among 'officials'",
                                        "add them if they took part; if they did not, name them in 'notes' "
                                        "(\"... is mentioned but did not take part\")", WARNING))
    raised = {i.slug for i in initiatives} | {i.slug for i, _ in registry.mentioned_initiatives(notes)}
    for initiative, offset in registry.mentioned_initiatives(doc.body):
        if initiative.slug not in raised:
            problems.append(doc.problem(("initiatives",), f"the text names {initiative.name!r} "
                                        f"(line {body_line(doc, offset)}), which is not among 'initiatives'",
                                        f"add '- {initiative.name}' under 'initiatives:' if the readout raises it; "
                                        "if not, say why in 'notes'", WARNING))


def _check_dates(doc: RawDocument, when: date | None, source: Source | None, problems: list[Problem]) -> None:
    today = date.today()
    published = source.published if source else None
    when, published = (d if d and FIRST_YEAR <= d.year <= last_year(today) else None for d in (when, published))
    if when and when > today:
        problems.append(doc.problem(("date",), f"'date' {when.isoformat()} is in the future",
                                    "write the day the meeting or call took place, as YYYY-MM-DD", WARNING))
    elif when and published and when > published:
        problems.append(doc.problem(("date",), f"'date' {when.isoformat()} is after the publication date "
                                    f"{published.isoformat()}",
                                    "'date' is the day of the meeting or call; check it and 'source.published'", WARNING))
    if published and published > today:
        problems.append(doc.problem(("source", "published"), f"'source.published' {published.isoformat()} is in the future",
                                    "write the day the page was published, as YYYY-MM-DD", WARNING))


def _check_kind_and_venue(doc: RawDocument, data: dict, problems: list[Problem]) -> tuple[object, str]:
    """The kind from the closed list, and a venue exactly where the kind takes one."""
    kind = data.get("kind")
    if kind is not None and kind not in schema.KINDS:
        close = difflib.get_close_matches(str(kind), schema.KINDS, n=1)
        problems.append(doc.problem(("kind",), f"unknown kind {kind!r}",
                                    (f"did you mean {close[0]!r}? " if close else "") + "allowed: " + ", ".join(schema.KINDS)))
    venue = _check_text(doc, data["venue"], ("venue",), problems) if data.get("venue") is not None else ""
    if kind in schema.IN_PERSON_KINDS and not venue:
        problems.append(doc.problem(("kind",), f"a {kind} needs a 'venue'", "add 'venue: City, Country'"))
    if kind in schema.REMOTE_KINDS and venue:
        problems.append(doc.problem(("venue",), f"a {kind} has no venue", "leave 'venue' out; put a place in 'notes'"))
    if venue and ", " not in venue:
        problems.append(doc.problem(("venue",), f"'venue' must read 'City, Country', not {venue!r}", "for example 'Tehran, Iran'"))
    return kind, venue


def validate_readout(doc: RawDocument, registry: Registry, problems: list[Problem],
                     unreadable: frozenset[str] = frozenset(), extensions: tuple = ()) -> Readout | None:
    """The readout as a typed record, or None; every problem found goes into problems.

    unreadable names the registries ("officials", "initiatives") that could not be read at all;
    extensions are the site's Markdown extensions (core.settings.markdown_extensions)."""
    if not isinstance(doc.data, dict):
        if doc.data is not None or not doc.positions:
            problems.append(Problem(doc.display, 2, 1, ERROR, "the front matter must be a set of 'field: value' lines",
                                    "start from a draft: python -m generator new --from RAW.txt"))
        return None
    before = len([p for p in problems if p.severity == ERROR])
    data = doc.data
    _check_unknown_keys(doc, data, schema.FIELD_NAMES, (), problems)
    _check_required(doc, data, schema.FIELDS, (), problems)
    title = _check_text(doc, data["title"], ("title",), problems) if data.get("title") is not None else ""
    when = _check_date(doc, data["date"], ("date",), problems) if data.get("date") is not None else None
    kind, venue = _check_kind_and_venue(doc, data, problems)
    occasion = _check_text(doc, data["occasion"], ("occasion",), problems) if data.get("occasion") is not None else ""
    officials: tuple[Official, ...] = ()
    if data.get("officials") is not None:
        officials = _check_names(doc, data["officials"], ("officials",), problems,
                                 registry.official, registry.closest_official, "officials", "officials" not in unreadable)
        if isinstance(data["officials"], list) and not data["officials"]:
            problems.append(doc.problem(("officials",), "'officials' is empty", "list at least one participant"))
    initiatives: tuple[Initiative, ...] = ()
    if data.get("initiatives") is not None:
        initiatives = _check_names(doc, data["initiatives"], ("initiatives",), problems,
                                   registry.initiative, registry.closest_initiative, "initiatives",
                                   "initiatives" not in unreadable)
    event = data.get("event")
    if event is not None and not (isinstance(event, str) and _SLUG.fullmatch(event)):
        problems.append(doc.problem(("event",), f"'event' must be a slug, not {event!r}",
                                    "lowercase letters, digits and hyphens, for example 2022-07-29-xi-raisi-call"))
    notes = _check_text(doc, data["notes"], ("notes",), problems, schema.MAX_NOTES, multiline=True) if data.get("notes") is not None else ""
    source = _check_source(doc, data["source"], problems) if data.get("source") is not None else None
    record = check_record(doc, data, problems)
    check_body(doc, problems, extensions)
    _check_dates(doc, when, source, problems)
    check_dates_in_time(doc, when, {"added": record["added"], "updated": record["updated"],
                                    "source.published": source.published if source else None,
                                    "source.captured": source.captured if source else None}, problems)
    named = registry.officials_named(doc.body)
    if len([p for p in problems if p.severity == ERROR]) == before:  # hints about names only once the names are right
        _check_mentions(doc, registry, officials, initiatives, notes, named, problems)
    _check_path(doc, when, problems)
    source, paragraphs = accounts.check_accounts(doc, source, officials, registry, problems, initiatives)
    relays = check_relays(doc, registry.publishers, len(paragraphs), problems)
    if (len([p for p in problems if p.severity == ERROR]) > before or when is None or source is None
            or not record["id"] or record["added"] is None):
        return None
    participants = {o.slug for o in officials}
    return Readout(
        **record, source_path=doc.display, title=title, date=when, kind=kind, venue=venue, occasion=occasion,
        officials=officials, initiatives=initiatives, source=source, notes=notes,
        body=doc.body.strip() + "\n", summary=summarise(doc.body),
        event_key=event or "",
        mentioned=tuple(o for o, _ in named if o.slug not in participants), paragraphs=paragraphs, relays=relays,
    )


def validate_archive(loaded: LoadedArchive, known: list[Readout] | None = None, identities: bool = True
                     ) -> tuple[Registry, list[Readout], list[Problem]]:
    """The registry and every sound readout, with every problem in the archive.

    When only some files were loaded, the others are read and validated too, to compare
    them with (duplicates, ids), unless `known` already holds them. Without `identities`
    (one share of a larger archive), the ids are left to check_identities over the whole."""
    problems = list(loaded.problems)
    extensions = markdown_extensions(loaded.officials.path.parent.parent)  # the site's, beside archive/
    unreadable = {p.path for p in loaded.problems if p.severity == ERROR}  # reported by load already
    registry = accounts.add_registries(load_registry(loaded.officials, loaded.initiatives, problems, loaded.places), loaded, unreadable,
                                       problems)
    registries = frozenset(what for what, doc in (("officials", loaded.officials), ("initiatives", loaded.initiatives))
                           if doc.display in unreadable)
    checked = [(doc, r) for doc in loaded.readouts if doc.display not in unreadable
               and (r := validate_readout(doc, registry, problems, registries, extensions))]
    readouts = [r for _, r in checked]
    rest = known if known is not None else _rest_of_archive(loaded, registry, extensions)  # compared with all the others
    if identities:
        published = loaded.published if loaded.published is None or loaded.published.display not in unreadable else None
        redirects, found = check_identities(published, readouts + list(rest), _root(loaded))
        registry.redirects = tuple(redirects)
        others = {r.source_path for r in rest}  # their warnings are for a check of those files
        problems += [p for p in found if p.severity == ERROR or p.path not in others]
    _check_duplicates(checked, rest, problems)
    _check_day_limit(checked, rest, problems)
    problems += accounts.ambiguous_events(checked, rest)
    problems += check_versions(checked, rest)
    if loaded.source_log is not None and loaded.source_log.display not in unreadable:
        registry.source_events = check_source_log(loaded.source_log, {r.id for r in readouts + list(rest)}, problems)
    return registry, readouts, problems


def _root(loaded: LoadedArchive):
    return loaded.officials.path.parent.parent


def _rest_of_archive(loaded: LoadedArchive, registry: Registry, extensions: tuple) -> list[Readout]:
    """The sound readouts of the archive that were not loaded, when only some files are checked."""
    archive_dir = _root(loaded) / "archive"
    given = {doc.path.resolve() for doc in loaded.readouts}
    rest = []
    for path in readout_paths(archive_dir):
        if path.resolve() in given:
            continue
        doc, found = load_readout(path, archive_dir.parent)
        if not any(p.severity == ERROR for p in found) and (readout := validate_readout(doc, registry, [], extensions=extensions)):
            rest.append(readout)
    return rest


def _duplicate_key(readout: Readout) -> tuple:
    """Versions in two languages are not duplicates (versions.py checks them)."""
    return (readout.date, frozenset(o.slug for o in readout.officials), " ".join(readout.source.publisher.casefold().split()),
            readout.source.language)


def _check_duplicates(checked: list[tuple[RawDocument, Readout]], rest: list[Readout], problems: list[Problem]) -> None:
    """Same day, same participants and same publisher as another readout: most likely the same text twice."""
    by_key: dict[tuple, list[str]] = {}
    for readout in [r for _, r in checked] + rest:
        by_key.setdefault(_duplicate_key(readout), []).append(readout.source_path)
    for doc, readout in checked:
        twins = sorted(p for p in by_key[_duplicate_key(readout)] if p != readout.source_path)
        if twins:
            problems.append(doc.problem(("source", "publisher"), f"likely a duplicate of {twins[0]}: the same date, "
                                        "participants and publisher",
                                        "if it is the same readout, keep one file; if it is another account, "
                                        "check the date, the participants and the publisher", WARNING))


def _check_day_limit(checked: list[tuple[RawDocument, Readout]], rest: list[Readout], problems: list[Problem]) -> None:
    """More readouts on one day than the search index can number (core/limits.py): each checked one of them is told."""
    per_day: dict[date, int] = {}
    for readout in [r for _, r in checked] + rest:
        per_day[readout.date] = per_day.get(readout.date, 0) + 1
    for doc, readout in checked:
        if per_day[readout.date] > DAY_SLOTS:
            problems.append(doc.problem(("date",), f"{per_day[readout.date]} readouts are dated {readout.date.isoformat()}, "
                                        f"more than the {DAY_SLOTS} the archive holds on one day",
                                        "check the date: it is the day of the meeting or call, not of publication"))
