"""The one declaration of a readout's front matter.

The check, the build, the contributor's field reference and the published JSON
Schema are all made from FIELDS below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

IN_PERSON_KINDS = ("meeting", "talks")
REMOTE_KINDS = ("phone call", "video call", "message")
KINDS = IN_PERSON_KINDS + REMOTE_KINDS
INITIATIVE_KINDS = ("initiative", "agreement", "organisation")
COUNTRIES = ("China", "Iran")

SAFE_URL = re.compile(r"^https?://[^\s<>\"'`()\[\]{}\\]+$")  # http(s) with nothing that could end an attribute
MAX_TEXT = 300  # characters in any one-line field
MAX_NOTES = 2000


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # text | date | kind | names | url | language | mapping | slug
    required: bool
    description: str
    example: str = ""
    fields: tuple["Field", ...] = ()


SOURCE_FIELDS = (
    Field("publisher", "text", True, "Who published the readout: a name or alias from archive/publishers.yml "
          "(a publisher the page does not name is entered there with 'identified: false').",
          "Permanent Mission of the People's Republic of China to the UN"),
    Field("url", "url", False, "The address of the published page (http or https), when known.",
          "https://example.org/readout.html"),
    Field("published", "date", False, "The day the page was published (YYYY-MM-DD), when known.", "2022-07-29"),
    Field("language", "language", True, "The language of the text as archived: a two-letter code.", "en"),
)

FIELDS = (
    Field("title", "text", True, "The headline as published.",
          "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"),
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
    Field("source", "mapping", True, "Where the text comes from.", "", SOURCE_FIELDS),
    Field("speakers", "speakers", False,
          "Who speaks in a paragraph, where the archive's rules get it wrong: the paragraph's anchor (p1, p2 …) "
          "and a name from archive/officials.yml, 'both sides', or 'nobody'.", "{p3: Ebrahim Raisi, p5: both sides}"),
    Field("notes", "notes", False,
          "Editorial notes: corrections, how the date was established, spellings in the original. "
          "The body itself keeps the source's words.", "The original spells the name \"Reahy\"."),
)

FIELD_NAMES = tuple(f.name for f in FIELDS)
SOURCE_FIELD_NAMES = tuple(f.name for f in SOURCE_FIELDS)


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
    if field.type == "language":
        return {"type": "string", "pattern": "^[a-z]{2}$"}
    if field.type == "slug":
        return {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
    if field.type == "mapping":
        return _object(field.fields)
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
