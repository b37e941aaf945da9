"""The JSON Schema of readouts.json: the records as the archive publishes them.

Written for the download, apart from the front-matter schema (data/readout.schema.json) that
contributors' files follow: a record carries what the archive derives (positions held on the
day, the event, the page's address, the plain text) besides what a contributor writes.
"""

from __future__ import annotations

RECORDS_SCHEMA_PATH = "data/readouts.schema.json"

_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_OPTIONAL_DATE = {"anyOf": [_DATE, {"type": "null"}]}
_TEXT = {"type": "string"}
_OPTIONAL_TEXT = {"type": ["string", "null"]}
_URL = {"type": "string", "format": "uri", "pattern": "^https?://"}
_SLUG = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}


def _object(properties: dict, description: str = "") -> dict:
    schema = {"type": "object", "required": list(properties), "additionalProperties": False,
              "properties": properties}
    if description:
        schema["description"] = description
    return schema


def _person(with_positions: bool) -> dict:
    properties = {"id": _SLUG, "name": _TEXT}
    if with_positions:
        properties["positions"] = {"type": "array", "items": _TEXT,
                                   "description": "The positions the official held on the day of the meeting."}
    return _object(properties)


_SOURCE = _object({
    "publisher": {**_TEXT, "description": "Who published the readout, as the archive records it."},
    "publisher_id": {"anyOf": [_SLUG, {"type": "null"}], "description": "Its entry among the publishers."},
    "publisher_identified": {"type": "boolean", "description": "False when the archive could not identify "
                                                                "the publisher (citations leave it out)."},
    "side": {**_OPTIONAL_TEXT, "description": "The country the publisher speaks for; null when not known."},
    "source_kind": {"anyOf": [{"enum": ["government body", "state media", "other media", "unidentified"]},
                              {"type": "null"}], "description": "What the publisher is."},
    "official": {"type": "boolean", "description": "True for a side's official account: a government body's "
                                                   "readout that relays no other account."},
    "url": {"anyOf": [_URL, {"type": "null"}], "description": "The source's address; null: not recorded."},
    "published": {**_OPTIONAL_DATE, "description": "The day the source published it."},
    "captured": {**_OPTIONAL_DATE, "description": "The day the text was captured or last verified."},
    "archived": {"type": "array", "items": _URL, "description": "Archived copies (web archive, perma)."},
    "language": _TEXT,
    "events": {"type": "array", "description": "What the watcher saw of the source page, oldest first "
                                               "(archive/source-log.yml).", "items": _object({
        "date": {**_DATE, "description": "The day it was seen."},
        "state": {"enum": ["live", "edited", "moved", "removed", "restored", "unreachable"]},
        "url": {"anyOf": [_URL, {"type": "null"}], "description": "The address that answered."},
        "added": {"type": "array", "items": _TEXT, "description": "Sentences the page has and the archived text has not."},
        "removed": {"type": "array", "items": _TEXT, "description": "Sentences of the archived text the page no longer has."},
        "note": {**_OPTIONAL_TEXT, "description": "What was seen: HTTP 404, a timeout ..."},
    }, "One change of the source page's state.")},
}, "Where the text came from.")

_READOUT = _object({
    "id": {**_SLUG, "description": "The stable id the page's address is built from."},
    "title": _TEXT,
    "headline": {**_OPTIONAL_TEXT, "description": "The headline as published, when it differs from the title."},
    "title_supplied": {"type": "boolean", "description": "True when the title is the archive's own."},
    "date": {**_DATE, "description": "The day the meeting or call took place."},
    "published": {**_OPTIONAL_DATE, "description": "The day the readout was published."},
    "added": {**_OPTIONAL_DATE, "description": "The day the readout entered the archive."},
    "updated": {**_OPTIONAL_DATE, "description": "The last change of its text or facts."},
    "kind": _TEXT,
    "venue": _OPTIONAL_TEXT,
    "occasion": _OPTIONAL_TEXT,
    "participants": {"type": "array", "items": _person(True)},
    "mentioned": {"type": "array", "items": _person(False),
                  "description": "Officials the text names who did not take part."},
    "initiatives": {"type": "array", "items": _object({"id": _SLUG, "name": _TEXT, "short": _OPTIONAL_TEXT})},
    "formulations": {"type": "array", "items": _object({
        "id": _SLUG, "name": _TEXT,
        "paragraphs": {"type": "array", "minItems": 1, "items": {"type": "integer", "minimum": 1},
                       "description": "The numbers of the paragraphs that use it (the page's anchors #p1, #p2 …)."},
    }), "description": "The stock phrases the text uses, in order of first use."},
    "source": _SOURCE,
    "relays": {"anyOf": [_object({"publisher": _TEXT, "paragraphs": {"type": "array", "items": {"type": "integer",
                                                                                                   "minimum": 1}}}),
                         {"type": "null"}],
               "description": "Another publisher's account that the readout passes on, and the paragraphs the text "
                              "shows come from it."},
    "version_of": {"anyOf": [_SLUG, {"type": "null"}],
                   "description": "The id of the readout this text is another language's version of, as the file ties it."},
    "translation_of": {"anyOf": [_SLUG, {"type": "null"}],
                       "description": "The version in the publisher's own language, when this text is a translation "
                                      "and the archive holds the original."},
    "original_language": {"anyOf": [_TEXT, {"type": "null"}],
                          "description": "The language the publisher's side writes its readouts in first."},
    "versions": {"type": "array", "items": _object({"id": _SLUG, "language": _TEXT, "page": _TEXT}),
                 "description": "The readout's other language versions in the archive."},
    "inferred": {"type": "object", "additionalProperties": _TEXT,
                 "description": "Values the archive inferred: field → the basis for it."},
    "notes": _OPTIONAL_TEXT,
    "event": {"anyOf": [_TEXT, {"type": "null"}], "description": "The event it is one account of."},
    "event_page": {"anyOf": [_TEXT, {"type": "null"}]},
    "page": {**_TEXT, "description": "The readout's page in the archive."},
    "text_markdown": {**_TEXT, "description": "The text as archived, in Markdown."},
    "text_plain": {**_TEXT, "description": "The text without Markdown marks."},
    "paragraphs": {"type": "array", "items": {"$ref": "#/$defs/paragraph"},
                   "description": "The text's numbered paragraphs (headings and lists are not numbered)."},
}, "One readout.")

_PARAGRAPH = _object({
    "number": {"type": "integer", "minimum": 1},
    "anchor": {**_TEXT, "description": "The paragraph's id on the readout's page: page#anchor links to it."},
    "speaker": {"anyOf": [_SLUG, {"const": "both sides"}, {"type": "null"}],
                "description": "Who speaks in it, where the text says so: an official's id, or both sides."},
    "formulations": {"type": "array", "items": _SLUG, "description": "The ids of the formulations it uses."},
    "initiatives": {"type": "array", "items": _SLUG,
                    "description": "The ids of the initiatives it names (of those the readout lists): the speaker "
                                   "raises them, both participants where both sides speak."},
})

_FORMULATION = _object({
    "id": _SLUG, "name": _TEXT, "variants": {"type": "array", "items": _TEXT},
    "related": {"type": "array", "items": _TEXT,
                "description": "Wordings only akin to the formulation: found and shown apart, never counted as uses."},
    "forms": {"type": "object", "additionalProperties": {"type": "array", "items": _TEXT},
              "description": "Its forms in other languages: a language code → how texts in it write the formulation."},
    "summary": _OPTIONAL_TEXT,
    "page": _TEXT,
}, "A stock phrase tracked to the paragraph, with the other ways it is written.")

_OFFICIAL = _object({
    "id": _SLUG, "name": _TEXT, "native": _TEXT, "country": _TEXT, "aliases": {"type": "array", "items": _TEXT},
    "positions": {"type": "array", "items": _object({"title": _TEXT, "from": _OPTIONAL_DATE, "to": _OPTIONAL_DATE})},
    "page": _TEXT,
})

_INITIATIVE = _object({
    "id": _SLUG, "name": _TEXT, "short": _OPTIONAL_TEXT, "kind": _TEXT, "since": {"type": ["integer", "null"]},
    "summary": _TEXT, "aliases": {"type": "array", "items": _TEXT}, "page": _TEXT,
})

_PUBLISHER = _object({
    "id": _SLUG, "name": _TEXT, "native": _OPTIONAL_TEXT, "country": _OPTIONAL_TEXT, "kind": _TEXT,
    "source_kind": {"enum": ["government body", "state media", "other media", "unidentified"]},
    "identified": {"type": "boolean"}, "aliases": {"type": "array", "items": _TEXT}, "note": _OPTIONAL_TEXT,
})


def records_schema(site: dict) -> dict:
    """The schema, its $id the address it is published at."""
    schema = _object({
        "$schema": _TEXT,
        "title": _TEXT,
        "url": _TEXT,
        "licence": _object({"name": _TEXT, "url": _TEXT, "scope": _TEXT}),
        "readouts": {"type": "array", "items": {"$ref": "#/$defs/readout"}},
        "officials": {"type": "array", "items": {"$ref": "#/$defs/official"}},
        "initiatives": {"type": "array", "items": {"$ref": "#/$defs/initiative"}},
        "publishers": {"type": "array", "items": {"$ref": "#/$defs/publisher"}},
        "formulations": {"type": "array", "items": {"$ref": "#/$defs/formulation"}},
    }, "Every readout in the archive, newest first, with the registries of officials, initiatives, publishers "
       "and formulations.")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": site.get("url", "/") + RECORDS_SCHEMA_PATH, "title": "Readouts archive: records",
            **schema, "$defs": {"readout": _READOUT, "official": _OFFICIAL, "initiative": _INITIATIVE,
                                "publisher": _PUBLISHER, "paragraph": _PARAGRAPH, "formulation": _FORMULATION}}
