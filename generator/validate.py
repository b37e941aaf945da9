"""Stage 2, validate: every problem in the whole archive, each at the line of its field.

Validation reads a raw document field by field, as FIELDS in schema.py declares
them, and gives back the typed Readout when the file is sound.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import PurePosixPath

from . import schema
from .load import BadValue, LoadedArchive, RawDocument
from .model import Initiative, Official, Readout, Source
from .problems import ERROR, WARNING, Problem
from .registry import Registry, load_registry
from .text import has_html, summarise

_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
_URL = re.compile(r"^https?://[^\s<>\"'`]+$")
_BODY_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|<!--|<\?|<!\[|&#?[a-zA-Z0-9]+;")
_BODY_AUTOLINK = re.compile(r"<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>")
_INLINE_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]*)")
_REFERENCE_LINK = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)


def _check_text(doc: RawDocument, value, key_path, problems, limit=schema.MAX_TEXT, multiline=False) -> str:
    name = ".".join(str(k) for k in key_path)
    if not isinstance(value, str) or isinstance(value, BadValue):
        shown = value.text if isinstance(value, BadValue) else value
        problems.append(doc.problem(key_path, f"'{name}' must be text, not {type(shown).__name__} {shown!r}",
                                    "put the value in double quotes"))
        return ""
    value = value.strip()
    if not value:
        problems.append(doc.problem(key_path, f"'{name}' is empty", "fill it in or leave the field out"))
    elif len(value) > limit:
        problems.append(doc.problem(key_path, f"'{name}' is {len(value)} characters, over the limit of {limit}", "shorten it"))
    elif has_html(value):
        problems.append(doc.problem(key_path, f"'{name}' contains HTML or an HTML entity",
                                    "write plain text, without < > or &name; (an & alone is fine)"))
    elif not multiline and "\n" in value:
        problems.append(doc.problem(key_path, f"'{name}' must be one line", "join the lines"))
    return value


def _check_date(doc: RawDocument, value, key_path, problems) -> date | None:
    name = ".".join(str(k) for k in key_path)
    if isinstance(value, BadValue):
        problems.append(doc.problem(key_path, f"'{name}' is an impossible date ({value.text}): {value.reason}",
                                    "write a real day as YYYY-MM-DD"))
    elif isinstance(value, date) and not hasattr(value, "hour"):
        return value
    else:
        problems.append(doc.problem(key_path, f"'{name}' must be a date, not {value!r}",
                                    "write it as YYYY-MM-DD, without quotes, for example 2023-10-26"))
    return None


def _check_names(doc, value, key_path, problems, resolve, closest, what) -> tuple:
    name = key_path[-1]
    if not isinstance(value, list):
        problems.append(doc.problem(key_path, f"'{name}' must be a list, not {type(value).__name__}",
                                    f"write one '- name' per line under '{name}:'"))
        return ()
    found: dict[str, object] = {}
    for index, item in enumerate(value):
        text = _check_text(doc, item, key_path + (index,), problems)
        if not text:
            continue
        entry = resolve(text)
        if entry is None:
            suggestion = closest(text)
            hint = f"did you mean {suggestion!r}?" if suggestion else f"add it to archive/{what}.yml"
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
            problems.append(doc.problem(prefix or (), f"the required field '{'.'.join(prefix + (field.name,))}' is missing",
                                        f"add '{field.name}{example}'"))


def _check_source(doc: RawDocument, value, problems) -> Source | None:
    if not isinstance(value, dict):
        problems.append(doc.problem(("source",), "'source' must be a mapping",
                                    "indent 'publisher:' and 'language:' under 'source:'"))
        return None
    _check_unknown_keys(doc, value, schema.SOURCE_FIELD_NAMES, ("source",), problems)
    _check_required(doc, value, schema.SOURCE_FIELDS, ("source",), problems)
    publisher = _check_text(doc, value["publisher"], ("source", "publisher"), problems) if "publisher" in value else ""
    url = ""
    if value.get("url") is not None:
        url = _check_text(doc, value["url"], ("source", "url"), problems)
        if url and not _URL.match(url):
            problems.append(doc.problem(("source", "url"), f"'source.url' must be an http(s) address, not {url!r}",
                                        "write the page's address starting with https://"))
            url = ""
    published = _check_date(doc, value["published"], ("source", "published"), problems) if value.get("published") is not None else None
    language = value.get("language")
    if language is not None and not (isinstance(language, str) and _LANGUAGE.match(language)):
        problems.append(doc.problem(("source", "language"), f"'source.language' must be a two-letter code, not {language!r}",
                                    "for example en, zh or fa"))
        language = ""
    return Source(publisher=publisher, language=language or "", url=url, published=published)


def _body_line(doc: RawDocument, offset: int) -> int:
    return doc.body_line + doc.body.count("\n", 0, offset)


def _check_body(doc: RawDocument, problems: list[Problem]) -> None:
    body = doc.body
    if not body.strip():
        problems.append(Problem(doc.display, doc.body_line, 1, ERROR, "the readout has no text",
                                "paste the text of the readout below the front matter"))
        return
    reported_lines = set()  # one report a line: an opening and a closing tag are one mistake
    for pattern, message in ((_BODY_AUTOLINK, "angle-bracket links are not allowed in the text"),
                             (_BODY_HTML, "raw HTML is not allowed in the text")):
        for match in pattern.finditer(body):
            line = _body_line(doc, match.start())
            if line not in reported_lines:
                reported_lines.add(line)
                problems.append(Problem(doc.display, line, 1, ERROR, f"{message}: {match.group(0)[:40]!r}",
                                        "remove the markup; keep the readout's words as plain text"))
    for match in _INLINE_LINK.finditer(body):
        if match.group(1):
            problems.append(Problem(doc.display, _body_line(doc, match.start()), 1, ERROR,
                                    "images are not archived", "remove the image; describe it in 'notes' if it matters"))
        elif not _URL.match(match.group(2)):
            problems.append(Problem(doc.display, _body_line(doc, match.start()), 1, ERROR,
                                    f"links must be http(s) addresses, not {match.group(2)[:40]!r}", "remove the link"))
    for match in _REFERENCE_LINK.finditer(body):
        if not _URL.match(match.group(1)):
            problems.append(Problem(doc.display, _body_line(doc, match.start()), 1, ERROR,
                                    f"links must be http(s) addresses, not {match.group(1)[:40]!r}", "remove the link"))


def _check_path(doc: RawDocument, when: date | None, problems: list[Problem]) -> str:
    """The slug (file name without .md); a name that does not fit the date is a warning."""
    path = PurePosixPath(doc.display)
    slug = path.stem
    if not _SLUG.match(slug):
        problems.append(Problem(doc.display, 1, 1, ERROR, f"the file name {path.name!r} is not a slug",
                                "name it <date>-<words>.md with lowercase letters, digits and hyphens"))
    elif when and (not slug.startswith(when.isoformat() + "-") or path.parent.name != str(when.year)):
        problems.append(Problem(doc.display, *doc.where("date"), WARNING,
                                f"the path does not match the date {when.isoformat()}",
                                f"move it to archive/readouts/{when.year}/{when.isoformat()}-<words>.md"))
    return slug


def validate_readout(doc: RawDocument, registry: Registry, problems: list[Problem]) -> Readout | None:
    """The readout as a typed record, or None; every problem found goes into problems."""
    if not isinstance(doc.data, dict):
        if doc.data is not None or not doc.positions:
            problems.append(Problem(doc.display, 2, 1, ERROR, "the front matter must be a set of 'field: value' lines",
                                    "start from a draft: python -m generator new --from RAW.txt"))
        return None
    before = len([p for p in problems if p.severity == ERROR])
    data = doc.data
    _check_unknown_keys(doc, data, schema.FIELD_NAMES, (), problems)
    _check_required(doc, data, schema.FIELDS, (), problems)
    title = _check_text(doc, data["title"], ("title",), problems) if "title" in data else ""
    when = _check_date(doc, data["date"], ("date",), problems) if data.get("date") is not None else None
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
    occasion = _check_text(doc, data["occasion"], ("occasion",), problems) if data.get("occasion") is not None else ""
    officials: tuple[Official, ...] = ()
    if data.get("officials") is not None:
        officials = _check_names(doc, data["officials"], ("officials",), problems,
                                 registry.official, registry.closest_official, "officials")
        if isinstance(data["officials"], list) and not data["officials"]:
            problems.append(doc.problem(("officials",), "'officials' is empty", "list at least one participant"))
    initiatives: tuple[Initiative, ...] = ()
    if data.get("initiatives") is not None:
        initiatives = _check_names(doc, data["initiatives"], ("initiatives",), problems,
                                   registry.initiative, registry.closest_initiative, "initiatives")
    event = data.get("event")
    if event is not None and not (isinstance(event, str) and _SLUG.match(event)):
        problems.append(doc.problem(("event",), f"'event' must be a slug, not {event!r}",
                                    "lowercase letters, digits and hyphens, for example 2022-07-29-xi-raisi-call"))
    notes = _check_text(doc, data["notes"], ("notes",), problems, schema.MAX_NOTES, multiline=True) if data.get("notes") is not None else ""
    source = _check_source(doc, data["source"], problems) if data.get("source") is not None else None
    _check_body(doc, problems)
    slug = _check_path(doc, when, problems)
    if len([p for p in problems if p.severity == ERROR]) > before or when is None or source is None:
        return None
    participants = {o.slug for o in officials}
    return Readout(
        slug=slug, source_path=doc.display, title=title, date=when, kind=kind, venue=venue, occasion=occasion,
        officials=officials, initiatives=initiatives, source=source, notes=notes,
        body=doc.body.strip() + "\n", summary=summarise(doc.body),
        event_key=event or "",
        mentioned=tuple(o for o in registry.mentioned_officials(doc.body) if o.slug not in participants),
    )


def validate_archive(loaded: LoadedArchive) -> tuple[Registry, list[Readout], list[Problem]]:
    """The registry and every sound readout, with every problem in the archive."""
    problems = list(loaded.problems)
    registry = load_registry(loaded.officials, loaded.initiatives, problems)
    readouts = [r for doc in loaded.readouts if (r := validate_readout(doc, registry, problems))]
    seen: dict[str, str] = {}
    for readout in readouts:
        other = seen.setdefault(readout.url_path, readout.source_path)
        if other != readout.source_path:
            problems.append(Problem(readout.source_path, 1, 1, ERROR, f"the page address clashes with {other}",
                                    "rename one of the files"))
    return registry, readouts, problems
