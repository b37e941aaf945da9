"""The archive as records: readouts.json (with its own schema) and readouts.csv.

A record holds everything a readout's page shows: the three dates, the participants with the
positions they held that day, every provenance field with what was inferred and on what basis,
and the full text as Markdown and as plain text. readouts.json names the schema written for
these records (outputs/records_schema.py); the front-matter schema stays for contributors.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date

from ..core.versions import original_language, original_of
from ..core.model import Archive, Formulation, Initiative, Official, Paragraph, Publisher, Readout
from ..core.remembered import per_readout
from ..pages.addresses import page_url
from ..pages.cite import publisher_identified
from ..pages.index import Indexes
from .records_schema import records_schema

CSV_COLUMNS = (
    "id", "date", "published", "added", "updated", "title", "headline", "title_supplied", "kind", "venue",
    "occasion", "participants", "mentioned", "initiatives", "formulations", "publisher", "publisher_identified",
    "side", "source_kind", "official", "relays", "initiatives_by_paragraph", "source_url", "captured", "archived",
    "source_state", "language", "version_of", "translation_of", "versions", "inferred", "notes", "event", "page",
    "text_plain", "text_markdown",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_MD_MARKS = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)|\\([\\`*_{}\[\]()#+\-.!|])|[*_`]+|^#{1,6}\s+|^>\s?",
                       re.MULTILINE)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def plain_text(markdown: str) -> str:
    """A body without its Markdown marks: paragraphs kept, links reduced to their text."""
    return _MD_MARKS.sub(lambda m: m.group(1) or m.group(2) or "", markdown).strip()


def _official(official: Official, day: date | None) -> dict:
    entry = {"id": official.slug, "name": official.name}
    if day is not None:
        entry["positions"] = [p.title for p in official.position_on(day)]
    return entry


def _initiative(initiative: Initiative) -> dict:
    return {"id": initiative.slug, "name": initiative.name, "short": initiative.short or None}


def _formulations(readout: Readout) -> list[dict]:
    """The formulations the text uses, in order of first use, each with the numbers of its paragraphs."""
    return [{"id": formulation.slug, "name": formulation.name,
             "paragraphs": [p.number for p in readout.paragraphs if formulation in p.formulations]}
            for formulation in readout.formulations]


def version_fields(readout: Readout, versions: dict, site: dict) -> dict:
    """The tie as written, the original it translates (where the archive holds it), and its other versions."""
    group = versions.get(readout.id, ())
    original = original_of(readout, group)
    return {"version_of": readout.version_of or None, "translation_of": original.id if original else None,
            "original_language": original_language(readout) or None,
            "versions": [{"id": r.id, "language": r.source.language, "page": page_url(site, r)}
                         for r in group if r is not readout]}


def readout_record(readout: Readout, indexes: Indexes, site: dict, versions: dict | None = None) -> dict:
    """One readout as the JSON download holds it: what its page shows, and its text."""
    event = indexes.event_of.get(readout.url_path)
    record = dict(_own_record(readout, site.get("url", "/")))  # its own fields; then those that depend on others
    record.update(version_fields(readout, versions or {}, site))
    record.update(event=event.slug if event else None, event_page=page_url(site, event) if event else None)
    return record


@per_readout
def _own_record(readout: Readout, url: str) -> dict:
    """The record's fields that depend on the readout alone (and the site's address), in the record's
    order; those that depend on other readouts are placeholders. Kept between the live preview's builds."""
    source = readout.source
    return {
        "id": readout.id,
        "title": readout.title,
        "headline": readout.headline or None,
        "title_supplied": readout.title_supplied,
        "date": readout.date.isoformat(),
        "published": iso(source.published),
        "added": iso(readout.added),
        "updated": iso(readout.last_changed),
        "kind": readout.kind,
        "venue": readout.venue or None,
        "occasion": readout.occasion or None,
        "participants": [_official(o, readout.date) for o in readout.officials],
        "mentioned": [_official(o, None) for o in readout.mentioned],
        "initiatives": [_initiative(i) for i in readout.initiatives],
        "formulations": _formulations(readout),
        "source": {
            "publisher": source.publisher,
            "publisher_id": source.by.slug if source.by else None,
            "publisher_identified": publisher_identified(readout),
            "source_kind": source.by.source_kind if source.by else None,
            "official": readout.official,
            "side": readout.side or None,
            "url": source.url or None,
            "published": iso(source.published),
            "captured": iso(source.captured),
            "archived": list(source.archived),
            "language": source.language,
            "events": [{"date": e.date.isoformat(), "state": e.state, "url": e.url or None, "added": list(e.added),
                        "removed": list(e.removed), "note": e.note or None} for e in readout.source_events],
        },
        "relays": ({"publisher": readout.relays.publisher, "paragraphs": list(readout.relays.paragraphs)}
                   if readout.relays else None),
        "version_of": None, "translation_of": None, "original_language": None, "versions": None,
        "inferred": dict(readout.inferred),
        "notes": readout.notes or None,
        "event": None,
        "event_page": None,
        "page": page_url({"url": url}, readout),
        "text_markdown": readout.body,
        "text_plain": plain_text(readout.body),
        "paragraphs": [_paragraph(p) for p in readout.paragraphs],
    }


def _paragraph(paragraph: Paragraph) -> dict:
    """A numbered paragraph: who speaks in it (an official's id, "both sides" or null), the formulations it
    uses and the initiatives it names: with the readout, the relation (readout, paragraph, initiative, speaker)."""
    speaker = paragraph.speaker.slug if isinstance(paragraph.speaker, Official) else paragraph.speaker
    return {"number": paragraph.number, "anchor": paragraph.anchor, "speaker": speaker,
            "formulations": [f.slug for f in paragraph.formulations],
            "initiatives": [i.slug for i in paragraph.initiatives]}


def initiatives_by_paragraph(record: dict) -> str:
    """'p2 United Nations (Li Qiang); p7 BRICS (both sides)': each initiative a paragraph names, with its speaker."""
    names = {i["id"]: i["name"] for i in record["initiatives"]}
    people = {p["id"]: p["name"] for p in record["participants"]}
    return "; ".join(f"p{p['number']} {names[slug]} ({people.get(p['speaker'], p['speaker'] or 'no speaker named')})"
                     for p in record["paragraphs"] for slug in p["initiatives"])


def _formulation_record(formulation: Formulation, site: dict) -> dict:
    return {"id": formulation.slug, "name": formulation.name, "variants": list(formulation.variants),
            "related": list(formulation.related),
            "forms": {language: list(forms) for language, forms in formulation.forms},
            "summary": formulation.summary or None, "page": page_url(site, formulation)}


def _official_record(official: Official, site: dict) -> dict:
    return {
        "id": official.slug, "name": official.name, "native": official.native, "country": official.country,
        "aliases": list(official.aliases),
        "positions": [{"title": p.title, "from": iso(p.start), "to": iso(p.end)} for p in official.positions],
        "page": page_url(site, official),
    }


def _initiative_record(initiative: Initiative, site: dict) -> dict:
    return {
        "id": initiative.slug, "name": initiative.name, "short": initiative.short or None, "kind": initiative.kind,
        "since": initiative.since, "summary": initiative.summary, "aliases": list(initiative.aliases),
        "page": page_url(site, initiative),
    }


def _publisher_record(publisher: Publisher) -> dict:
    return {"id": publisher.slug, "name": publisher.name, "native": publisher.native or None,
            "country": publisher.country or None, "kind": publisher.kind, "source_kind": publisher.source_kind,
            "identified": publisher.identified,
            "aliases": list(publisher.aliases), "note": publisher.note or None}


def each_record(archive: Archive, indexes: Indexes, site: dict) -> Iterator[dict]:
    """The records one at a time, in the archive's order: a download is written as they are made."""
    return (readout_record(r, indexes, site, archive.versions) for r in archive.readouts)


def records(archive: Archive, indexes: Indexes, site: dict) -> list[dict]:
    return list(each_record(archive, indexes, site))


def _lines(items: Iterable) -> Iterator:
    """A JSON array with an item per line: readable, and written by json's fast encoder, which
    does not indent (an indented archive of 10,000 readouts took seconds). An item that is not a
    dict is its text already, or a part of it made later (spliced.Part), and passes as it is."""
    yield "[\n"
    for number, item in enumerate(items):
        if number:
            yield ",\n"
        yield record_json(item) if isinstance(item, dict) else item
    yield "\n]"


def record_json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def readouts_json(readout_records: Iterable, archive: Archive, site: dict, licence: dict) -> Iterator:
    """readouts.json in pieces, a readout to a piece: each readout's record, or its part (see _lines)."""
    head = {"$schema": records_schema(site)["$id"], "title": site.get("name", ""), "url": site.get("url", "/"),
            "licence": licence}
    lists = {"readouts": readout_records, "officials": [_official_record(o, site) for o in archive.officials],
             "initiatives": [_initiative_record(i, site) for i in archive.initiatives],
             "publishers": [_publisher_record(p) for p in archive.publishers],
             "formulations": [_formulation_record(f, site) for f in archive.formulations]}
    yield "{\n" + ",\n".join(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in head.items())
    for key, items in lists.items():
        yield f",\n{json.dumps(key)}: "
        yield from _lines(items)
    yield "\n}\n"


def schema_json(site: dict) -> str:
    return json.dumps(records_schema(site), ensure_ascii=False, indent=2) + "\n"


def _cell(value) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    value = str(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv_row(record: dict) -> list[str]:
    def people(entries):
        return "; ".join(e["name"] + (f" ({'; '.join(e['positions'])})" if e.get("positions") else "")
                         for e in entries)

    source = record["source"]
    flat = dict(record, participants=people(record["participants"]), mentioned=people(record["mentioned"]),
                initiatives="; ".join(i["name"] for i in record["initiatives"]),
                formulations="; ".join(f["name"] for f in record["formulations"]),
                initiatives_by_paragraph=initiatives_by_paragraph(record),
                publisher=source["publisher"], publisher_identified=source["publisher_identified"], side=source["side"],
                source_kind=source["source_kind"], official=source["official"],
                relays=(record["relays"]["publisher"] + "".join(f" p{n}" for n in record["relays"]["paragraphs"])
                        if record["relays"] else None),
                source_url=source["url"], captured=source["captured"], archived=" ".join(source["archived"]),
                source_state=(f"{source['events'][-1]['state']} ({source['events'][-1]['date']})" if source["events"] else ""),
                language=source["language"], versions="; ".join(v["id"] for v in record["versions"]),
                inferred="; ".join(f"{field}: {basis}" for field, basis in record["inferred"].items()))
    return [_cell(flat[column]) for column in CSV_COLUMNS]


def _csv_line(cells: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def csv_row(record: dict) -> str:
    """A readout's line of readouts.csv."""
    return _csv_line(_csv_row(record))


def csv_rows(readout_records: Iterable) -> Iterator:
    """A row per readout, newest first, after a byte-order mark so that spreadsheets read it as UTF-8;
    each row a piece (a record, or its part made later: spliced.Part). Lists are joined with "; " (a
    participant's positions that day in brackets after the name)."""
    yield "\ufeff" + _csv_line(CSV_COLUMNS)
    for record in readout_records:
        yield csv_row(record) if isinstance(record, dict) else record


def readouts_csv(readout_records: Iterable[dict]) -> str:
    return "".join(csv_rows(readout_records))

