"""The one declaration of a readout's front matter.

The check, the build, the contributor's field reference and the published JSON
Schema are all made from FIELDS below.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from dataclasses import dataclass

from ..core.inferred import DATE_PARTS

IN_PERSON_KINDS = ("meeting", "talks")
REMOTE_KINDS = ("phone call", "video call", "message")
KINDS = IN_PERSON_KINDS + REMOTE_KINDS
INITIATIVE_KINDS = ("initiative", "agreement", "organisation")
COUNTRIES = ("China", "Iran")

SAFE_URL = re.compile(r"https?://[^\s<>\"'`()\[\]{}\\]+")  # http(s) with nothing that could end an attribute


def address_fault(url: str) -> str:
    """Why an address may not stand in the archive, or "" when it may: http(s) with nothing that
    could end an attribute, a host, and no user information (https://fmprc.gov.cn@elsewhere/ reads
    as the first host and leads to the second)."""
    if not SAFE_URL.fullmatch(url):
        return "it is not an http(s) address"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError:
        return "its host or port cannot be read"
    if "@" in parts.netloc:
        return "it has user information (a name before '@')"
    if not parts.hostname:
        return "it has no host"
    return ""


def fault_said(fault: str) -> str:
    """The fault after an address in a message ("not 'javascript:…'" says the first one itself)."""
    return "" if fault == "it is not an http(s) address" else f": {fault}"


def address_hint(fault: str, whose: str) -> str:
    if fault == "it is not an http(s) address":
        return f"write the {whose}'s address starting with https://, with any ( ) [ ] in it as %28 %29 %5B %5D"
    return f"write the {whose}'s own address, its host right after https://"


MAX_TEXT = 300  # characters in any one-line field
MAX_NOTES = 2000


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # text | date | kind | officials | initiatives | url | urls | language | mapping | slug | id | flag | inferred | notes
    required: bool
    description: str
    example: str = ""
    fields: tuple[Field, ...] = ()


SOURCE_FIELDS = (
    Field("publisher", "text", True, "Who published the readout: a name or alias from archive/publishers.yml "
          "(a publisher the page does not name is entered there with 'identified: false').",
          "Permanent Mission of the People's Republic of China to the UN"),
    Field("url", "url", False, "The address of the published page (http or https), when known.",
          "https://example.org/readout.html"),
    Field("published", "date", False, "The day the page was published (YYYY-MM-DD), when known.", "2022-07-29"),
    Field("language", "language", True, "The language of the text as archived: a two-letter code.", "en"),
    Field("captured", "date", False,
          "The day the text was copied from its source, or last checked against it (YYYY-MM-DD).", "2023-11-02"),
    Field("archived", "urls", False,
          "Copies of the page in a web archive or perma service (http or https addresses), as a list.",
          "[https://web.archive.org/web/20231102000000/https://example.org/readout.html]"),
)

RELAYS_FIELDS = (
    Field("publisher", "text", True, "Whose account it passes on: a name or alias from archive/publishers.yml.",
          "Xinhua News Agency"),
    Field("paragraphs", "paragraphs", False, "The paragraphs that the text shows come from that account "
          "(\"..., Xinhua reported\"): their anchors.", "[p1]"),
)

FIELDS = (
    Field("id", "id", True,
          "The readout's permanent identifier, which its page address is made from: lowercase letters, "
          "digits and hyphens, usually <date>-<words>. Never change it once published (see "
          "archive/published-ids.yml).", "2022-07-29-xi-jinping-speaks-with-ebrahim-raisi"),
    Field("title", "text", True,
          "The headline as published; when the page has none, a title in the same style, with "
          "'title_supplied: true'.",
          "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"),
    Field("title_supplied", "flag", False,
          "true when the title is the archive's own because the page shows no headline.", "false"),
    Field("headline", "text", False,
          "The headline exactly as published, when it differs from the title (a shortened or "
          "corrected title, or one in another language).", ""),
    Field("date", "date", True,
          "The day the meeting or call took place (YYYY-MM-DD), not the day it was published.", "2022-07-29"),
    Field("kind", "kind", True, "What took place: " + " | ".join(KINDS) + ".", "phone call"),
    Field("venue", "text", False,
          "Where it took place, as 'City, Country'. Required for " + " and ".join(IN_PERSON_KINDS)
          + "; left out for calls and messages.", "Tehran, Iran"),
    Field("occasion", "text", False, "The larger event it took place at, if any.",
          "22nd Meeting of the Council of Heads of Government of the SCO Member States"),
    Field("officials", "officials", True,
          "The participants: names or aliases from archive/officials.yml, at least one.", "[Xi Jinping, Ebrahim Raisi]"),
    Field("initiatives", "initiatives", False,
          "Initiatives, agreements and organisations the readout raises: names or abbreviations from "
          "archive/initiatives.yml.", "[Global Development Initiative, GSI]"),
    Field("event", "slug", False,
          "A shared key for accounts of the same meeting that the date and participants do not tie "
          "together: lowercase letters, digits and hyphens.", "2022-07-29-xi-raisi-call"),
    Field("version_of", "id", False,
          "When this text is the same readout in another language (the publisher's original, or its "
          "English version): the id of the readout it is a version of. The two are compared paragraph by "
          "paragraph; each keeps its own source, dates and text, with 'source.language' set, and the "
          "date, kind and participants of the other (for example version_of: "
          "2022-07-29-xi-jinping-speaks-with-ebrahim-raisi).", ""),
    Field("source", "mapping", True, "Where the text comes from.", "", SOURCE_FIELDS),
    Field("relays", "mapping", False,
          "When the readout passes on another publisher's account (an outlet quoting Xinhua): that publisher, and "
          "the paragraphs the text shows come from it. Such a readout is never counted as a side's official account.",
          "", RELAYS_FIELDS),
    Field("speakers", "speakers", False,
          "Who speaks in a paragraph, where the archive's rules get it wrong: the paragraph's anchor (p1, p2 …) "
          "and a name from archive/officials.yml, 'both sides', or 'nobody'.", "{p3: Ebrahim Raisi, p5: both sides}"),
    Field("inferred", "inferred", False,
          "Values the archive worked out rather than read on the page: each field's name (for example "
          "date, venue, source.publisher) with the basis for it; for a date inferred only in part, the part "
          "(date.year, date.month, date.day), so that citations bracket that part alone.",
          "{date: \"From 'on Friday' in the text: the Friday of the official readout of the same call.\"}"),
    Field("added", "date", True, "The day the readout entered the archive (YYYY-MM-DD).", "2023-11-02"),
    Field("updated", "date", False,
          "The day the text or its facts last changed (YYYY-MM-DD), when that is after 'added'.", ""),
    Field("notes", "notes", False,
          "Editorial notes: corrections, how the date was established, spellings in the original. "
          "The body itself keeps the source's words.", "The original spells the name \"Reahy\"."),
)

FIELD_NAMES = tuple(f.name for f in FIELDS)
SOURCE_FIELD_NAMES = tuple(f.name for f in SOURCE_FIELDS)
# The fields a value can be marked inferred in: every value a source could state.
_INFERABLE_FIELDS = tuple((f.name, f.type) for f in FIELDS if f.type not in ("id", "flag", "inferred", "notes", "mapping")
                          and f.name not in ("title", "event", "added", "updated", "headline")) \
    + tuple(("source." + f.name, f.type) for f in SOURCE_FIELDS if f.name not in ("captured", "archived"))
# A date can also be inferred in part: `date.year` where a dateline gives "December 6th" and no year.
INFERABLE = tuple(path for name, kind in _INFERABLE_FIELDS
                  for path in ((name,) + tuple(f"{name}.{part}" for part in DATE_PARTS) if kind == "date" else (name,)))


# Each inferable field in plain words, for readers of the pages and citations (never a raw field name).
FIELD_LABELS = {"date": "date of the meeting", "kind": "kind", "venue": "venue", "occasion": "occasion",
                "officials": "participants", "initiatives": "initiatives", "speakers": "speakers",
                "source.publisher": "publisher", "source.url": "source address",
                "source.published": "date of publication", "source.language": "language"}


def field_label(field_path: str) -> str:
    """A field in plain words: "date of the meeting", "date of the meeting (year)" for date.year."""
    whole, _, part = field_path.rpartition(".")
    if part in DATE_PARTS and whole in FIELD_LABELS:
        return f"{FIELD_LABELS[whole]} ({part})"
    return FIELD_LABELS.get(field_path, field_path.rsplit(".", 1)[-1].replace("_", " "))


def _json_type(field: Field) -> dict:
    if field.type == "date":
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if field.type == "kind":
        return {"type": "string", "enum": list(KINDS)}
    if field.type in ("officials", "initiatives"):
        item = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT}
        schema = {"type": "array", "items": item, "uniqueItems": True}
        if field.required:
            schema["minItems"] = 1
        return schema
    if field.type == "url":
        return {"type": "string", "format": "uri", "pattern": "^https?://"}
    if field.type == "urls":
        url = {"type": "string", "format": "uri", "pattern": "^https?://"}
        return {"type": "array", "items": url, "minItems": 1, "uniqueItems": True}
    if field.type == "flag":
        return {"type": "boolean"}
    if field.type == "inferred":
        basis = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": "^[^<>]*$"}
        return {"type": "object", "minProperties": 1, "additionalProperties": False,
                "properties": {name: basis for name in INFERABLE}}
    if field.type == "language":
        return {"type": "string", "pattern": "^[a-z]{2}$"}
    if field.type in ("slug", "id"):
        return {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
    if field.type == "mapping":
        return _object(field.fields)
    if field.type == "paragraphs":
        anchor = {"type": "string", "pattern": "^p[1-9][0-9]{0,3}$"}
        return {"type": "array", "items": anchor, "uniqueItems": True}
    if field.type == "speakers":
        speaker = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT}
        return {"type": "object", "patternProperties": {"^p[1-9][0-9]{0,3}$": speaker}, "additionalProperties": False}
    limit = MAX_NOTES if field.type == "notes" else MAX_TEXT
    return {"type": "string", "minLength": 1, "maxLength": limit, "pattern": "^[^<>]*$"}


def _object(fields: tuple[Field, ...]) -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {
            f.name: {"description": f.description, **_json_type(f)} for f in fields
        },
    }


def json_schema(base_url: str = "") -> dict:
    """The front matter as a JSON Schema (draft 2020-12), for editors and other tools."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "China–Iran Readouts Archive: readout front matter",
        "description": "The YAML front matter of one readout file under archive/readouts/.",
        **_object(FIELDS),
    }
    if base_url:
        schema["$id"] = base_url.rstrip("/") + "/data/readout.schema.json"
    return schema
