"""Atom feeds of new readouts: the archive's, and one per official and per initiative.

A feed follows the archive as it grows, so entries come in the order readouts were added,
newest first: an entry is published the day its readout was added and updated on its last
change; the meeting's date is in its summary. Nothing depends on the clock: a feed's
`updated` is the newest change among its entries, so the same archive gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from urllib.parse import urlsplit

from ..core.model import Archive, Readout
from ..pages.addresses import SOURCES_FEED, Page, feed_path, page_url
from ..pages.cite import publisher_identified
from ..pages.index import Indexes

FEED_SIZE = 50  # entries in each feed, newest first
ATOM = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot hold at all: a stranger's text may still carry them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _absolute(site: dict) -> bool:
    return bool(urlsplit(site.get("url", "")).scheme)


def _xml(text: str) -> str:
    return _NOT_XML.sub("", " ".join(str(text).split()))


def _timestamp(value: date) -> str:
    return f"{value.isoformat()}T00:00:00Z"


def added(readout: Readout) -> date:
    """The day the readout entered the archive (the meeting's day for a record that lacks it)."""
    return readout.added or readout.date


def last_change(readout: Readout) -> date:
    return max(readout.updated or added(readout), added(readout))


def by_date_added(readouts) -> tuple[Readout, ...]:
    """Newest additions first; readouts added the same day by their meeting's date, then their id."""
    return tuple(sorted(readouts, key=lambda r: (-added(r).toordinal(), -r.date.toordinal(), r.id)))


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


def _entry(feed: ET.Element, readout: Readout, site: dict) -> None:
    url = page_url(site, readout)
    entry = _sub(feed, "entry")
    _sub(entry, "id", _id(site, url))
    _sub(entry, "title", readout.title)
    _sub(entry, "published", _timestamp(added(readout)))
    _sub(entry, "updated", _timestamp(last_change(readout)))
    _sub(entry, "link", rel="alternate", type="text/html", href=url)
    author = _sub(entry, "author")  # Atom requires one: the publisher, or the archive for an unidentified one
    _sub(author, "name", readout.source.publisher if publisher_identified(readout) else site.get("name") or "Archive")
    _sub(entry, "category", term=readout.kind)
    for initiative in readout.initiatives:
        _sub(entry, "category", term=initiative.slug, label=_xml(initiative.name),
             scheme=site.get("url", "/") + "initiatives/")
    where = f" in {readout.venue}" if readout.venue else ""
    people = ", ".join(o.name for o in readout.officials)
    meeting = f"{readout.date.day} {readout.date:%B} {readout.date.year}"
    intro = f"{readout.kind.capitalize()} of {meeting}{where}: {people}."
    _sub(entry, "summary", f"{intro} {readout.summary}".strip(), type="text")


def atom_feed(title: str, path: str, alternate: str, readouts: tuple[Readout, ...], site: dict,
              fallback: date | None = None) -> str:
    """A valid Atom 1.0 feed of the FEED_SIZE readouts added last, newest first."""
    entries = by_date_added(readouts)[:FEED_SIZE]
    feed_url = site.get("url", "/") + path
    updated = max((last_change(r) for r in entries), default=fallback or date(1970, 1, 1))
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
        _entry(feed, readout, site)
    ET.indent(feed, "  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def sources_feed(archive: Archive, site: dict) -> str:
    """The changes seen in source pages (archive/source-log.yml), newest first: each an entry linking to
    the readout, its summary what was seen."""
    by_id = {r.id: r for r in archive.readouts}
    events = sorted((e for r in archive.readouts for e in r.source_events if e.state != "live"),
                    key=lambda e: (e.date, e.readout), reverse=True)[:FEED_SIZE]
    name = site.get("name") or "Readouts archive"
    feed_url = site.get("url", "/") + SOURCES_FEED
    feed = ET.Element("feed", {"xmlns": ATOM})
    _sub(feed, "id", _id(site, feed_url))
    _sub(feed, "title", f"{name}: changes in source pages")
    _sub(feed, "updated", _timestamp(events[0].date if events else date(1970, 1, 1)))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=page_url(site, "provenance/index.md"))
    _sub(_sub(feed, "author"), "name", name)
    for event in events:
        readout = by_id[event.readout]
        url = page_url(site, readout)
        entry = _sub(feed, "entry")
        _sub(entry, "id", _id(site, f"{url}#source-{event.date.isoformat()}"))
        _sub(entry, "title", f"Source page {event.state}: {readout.title}")
        _sub(entry, "updated", _timestamp(event.date))
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        said = [f"{len(event.added)} sentence(s) added"] if event.added else []
        said += [f"{len(event.removed)} sentence(s) removed"] if event.removed else []
        said += [f"now at {event.url}"] if event.state == "moved" else []
        said += [event.note] if event.note else []
        _sub(entry, "summary", f"Seen {event.state} on {event.date.isoformat()}" + (": " + "; ".join(said) if said else "."),
             type="text")
    ET.indent(feed, "  ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def render_feeds(archive: Archive, indexes: Indexes, site: dict, wanted: Callable[[object], bool] = lambda item: True
                 ) -> list[Page]:
    """Every feed. An official's or initiative's feed holds its readouts alone, so it is made when
    `wanted(item)` (its page shows a changed readout) and otherwise kept as it is; an empty one,
    dated by the archive's newest change, and the archive's own are made every time."""
    name = site.get("name") or "Readouts archive"
    newest = max((last_change(r) for r in archive.readouts), default=None)
    pages = [Page(feed_path(), atom_feed(f"{name}: readouts added", feed_path(), page_url(site, "index.md"),
                                         archive.readouts, site))]
    for item, readouts, title in (
            *((o, indexes.by_official.get(o.slug, ()), f"readouts with {o.name}") for o in archive.officials),
            *((i, indexes.by_initiative.get(i.slug, ()), f"readouts on {i.label}") for i in archive.initiatives)):
        path = feed_path(item)
        made = not readouts or wanted(item)
        pages.append(Page(path, atom_feed(f"{name}: {title}", path, page_url(site, item), readouts, site, newest)
                          if made else None))
    pages.append(Page(SOURCES_FEED, sources_feed(archive, site)))
    return pages
