"""The archive as data: JSON, CSV, the front-matter JSON Schema and Atom feeds.

Pure functions from the model to `Page` objects under docs/data/, written by the
write stage like every other page (only when changed) and copied by MkDocs into
the site as they are. Nothing depends on the clock: a feed's `updated` is the
newest date among its readouts, so the same archive gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import urlsplit

from ..archive.schema import json_schema
from ..core.model import Archive, Initiative, Official, Readout
from ..pages.addresses import DATA_FILES, Page, feed_path, page_url
from ..pages.index import Indexes

FEED_SIZE = 50  # entries in each feed, newest first
ATOM = "http://www.w3.org/2005/Atom"
CSV_COLUMNS = ("date", "title", "kind", "venue", "participants", "initiatives", "publisher", "source", "page")
# Characters XML 1.0 cannot hold at all: a stranger's text may still carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _absolute(site: dict) -> bool:
    return bool(urlsplit(site.get("url", "")).scheme)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def readout_record(readout: Readout, indexes: Indexes, site: dict) -> dict:
    """One readout as the JSON download holds it (everything but the text, which is on its page)."""
    event = indexes.event_of.get(readout.url_path)
    return {
        "id": readout.slug,
        "title": readout.title,
        "date": readout.date.isoformat(),
        "kind": readout.kind,
        "venue": readout.venue or None,
        "occasion": readout.occasion or None,
        "participants": [o.name for o in readout.officials],
        "initiatives": [i.name for i in readout.initiatives],
        "mentioned": [o.name for o in readout.mentioned],
        "publisher": readout.source.publisher,
        "source": readout.source.url or None,
        "published": _iso(readout.source.published),
        "language": readout.source.language,
        "notes": readout.notes or None,
        "event": event.slug if event else None,
        "event_page": page_url(site, event) if event else None,
        "page": page_url(site, readout),
    }


def _official_record(official: Official, site: dict) -> dict:
    return {
        "id": official.slug, "name": official.name, "native": official.native, "country": official.country,
        "aliases": list(official.aliases),
        "positions": [{"title": p.title, "from": _iso(p.start), "to": _iso(p.end)} for p in official.positions],
        "page": page_url(site, official),
    }


def _initiative_record(initiative: Initiative, site: dict) -> dict:
    return {
        "id": initiative.slug, "name": initiative.name, "short": initiative.short or None, "kind": initiative.kind,
        "since": initiative.since, "summary": initiative.summary, "aliases": list(initiative.aliases),
        "page": page_url(site, initiative),
    }


def readouts_json(archive: Archive, indexes: Indexes, site: dict) -> str:
    data = {
        "title": site.get("name", ""),
        "url": site.get("url", "/"),
        "schema": site.get("url", "/") + "data/readout.schema.json",
        "readouts": [readout_record(r, indexes, site) for r in archive.readouts],
        "officials": [_official_record(o, site) for o in archive.officials],
        "initiatives": [_initiative_record(i, site) for i in archive.initiatives],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def readouts_csv(archive: Archive, site: dict) -> str:
    """A row per readout, newest first; several participants or initiatives are joined with "; "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in archive.readouts:
        writer.writerow([_cell(value) for value in (
            r.date.isoformat(), r.title, r.kind, r.venue, "; ".join(o.name for o in r.officials),
            "; ".join(i.name for i in r.initiatives), r.source.publisher, r.source.url, page_url(site, r))])
    return out.getvalue()


def schema_json(site: dict) -> str:
    base = site.get("url", "") if _absolute(site) else ""
    return json.dumps(json_schema(base), ensure_ascii=False, indent=2) + "\n"


def _xml(text: str) -> str:
    return _NOT_XML.sub("", " ".join(str(text).split()))


def _timestamp(value: date) -> str:
    return f"{value.isoformat()}T00:00:00Z"


def _updated(readout: Readout) -> date:
    """When a reader could first have the readout: published if known and later, else the day itself."""
    published = readout.source.published
    return max(readout.date, published) if published else readout.date


def _id(site: dict, url: str) -> str:
    """A page's address as its Atom id; a tag: URI when the site has no absolute address."""
    if _absolute(site):
        return url
    return "tag:china-iran-readouts.invalid,2024:" + url.lstrip("/")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = _xml(text)
    return element


def atom_feed(title: str, path: str, alternate: str, readouts: tuple[Readout, ...], site: dict,
              fallback: date | None = None) -> str:
    """A valid Atom 1.0 feed of the newest FEED_SIZE readouts, newest first."""
    entries = readouts[:FEED_SIZE]
    feed_url = site.get("url", "/") + path
    updated = max((_updated(r) for r in entries), default=fallback or date(1970, 1, 1))
    feed = ET.Element("feed", {"xmlns": ATOM})
    _sub(feed, "id", _id(site, feed_url))
    _sub(feed, "title", title)
    _sub(feed, "updated", _timestamp(updated))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=alternate)
    author = _sub(feed, "author")
    _sub(author, "name", site.get("name") or "Readouts archive")
    _sub(author, "uri", site.get("url", "/"))
    for readout in entries:
        url = page_url(site, readout)
        entry = _sub(feed, "entry")
        _sub(entry, "id", _id(site, url))
        _sub(entry, "title", readout.title)
        _sub(entry, "updated", _timestamp(_updated(readout)))
        if readout.source.published:
            _sub(entry, "published", _timestamp(readout.source.published))
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        author = _sub(entry, "author")
        _sub(author, "name", readout.source.publisher)
        _sub(entry, "category", term=readout.kind)
        for initiative in readout.initiatives:
            _sub(entry, "category", term=initiative.slug, label=_xml(initiative.name),
                 scheme=site.get("url", "/") + "initiatives/")
        where = f" in {readout.venue}" if readout.venue else ""
        people = ", ".join(o.name for o in readout.officials)
        intro = f"{readout.date.day} {readout.date:%B} {readout.date.year}, {readout.kind}{where}: {people}."
        _sub(entry, "summary", f"{intro} {readout.summary}".strip(), type="text")
    ET.indent(feed, "  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def render_feeds(archive: Archive, indexes: Indexes, site: dict) -> list[Page]:
    name = site.get("name") or "Readouts archive"
    newest = archive.readouts[0].date if archive.readouts else None
    pages = [Page(feed_path(), atom_feed(f"{name}: newest readouts", feed_path(), page_url(site, "index.md"),
                                         archive.readouts, site))]
    for official in archive.officials:
        pages.append(Page(feed_path(official), atom_feed(
            f"{name}: readouts with {official.name}", feed_path(official), page_url(site, official),
            indexes.by_official.get(official.slug, ()), site, newest)))
    for initiative in archive.initiatives:
        pages.append(Page(feed_path(initiative), atom_feed(
            f"{name}: readouts on {initiative.label}",
            feed_path(initiative), page_url(site, initiative),
            indexes.by_initiative.get(initiative.slug, ()), site, newest)))
    return pages


def render_data(archive: Archive, indexes: Indexes, site: dict) -> list[Page]:
    """Every data file under docs/data/, in a fixed order (the data page itself is a template)."""
    return [
        Page(DATA_FILES[0], readouts_json(archive, indexes, site)),
        Page(DATA_FILES[1], readouts_csv(archive, site)),
        Page(DATA_FILES[2], schema_json(site)),
        *render_feeds(archive, indexes, site),
    ]
