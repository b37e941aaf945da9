"""The Atom feeds, read by feedparser and by the letter of Atom 1.0: ordered by date added."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta

import feedparser

from generator.core.model import make_archive
from generator.outputs.feeds import FEED_SIZE, atom_feed, render_feeds
from generator.pages.addresses import SOURCES_FEED, feed_path
from generator.pages.index import index_archive

from .conftest import SITE

A = "{http://www.w3.org/2005/Atom}"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def _check_atom(root: ET.Element, site_url: str) -> list[ET.Element]:
    """What Atom 1.0 requires of a feed and its entries, and what this archive promises besides."""
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{name}")) == 1, name
    self_link = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_link) == 1 and self_link[0].get("href") == root.findtext(f"{A}id")
    entries = root.findall(f"{A}entry")
    assert len(entries) <= FEED_SIZE
    for entry in entries:
        for name in ("id", "title", "updated", "published"):
            assert len(entry.findall(f"{A}{name}")) == 1 and TIMESTAMP.match(entry.findtext(f"{A}updated")), name
        link = entry.find(f"{A}link[@rel='alternate']")
        assert link.get("href") == entry.findtext(f"{A}id") and link.get("href").startswith(site_url)
        assert entry.find(f"{A}author/{A}name").text and entry.findtext(f"{A}summary")
    published = [e.findtext(f"{A}published") for e in entries]
    assert published == sorted(published, reverse=True)  # newest additions first
    if entries:  # updated comes from the readouts' changes, never from the clock
        assert root.findtext(f"{A}updated") == max(e.findtext(f"{A}updated") for e in entries)
    return entries


def test_the_archive_feed_is_ordered_by_date_added(built_real_site, data, site_url):
    path = built_real_site / "site" / "feed.xml"
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo and parsed.version == "atom10" and len(parsed.entries) == 5
    records = {r["page"]: r for r in json.loads((data / "readouts.json").read_text(encoding="utf-8"))["readouts"]}
    for entry in parsed.entries:
        record = records[entry.link]
        assert entry.published.startswith(record["added"]) and entry.updated.startswith(record["updated"])
        day = date.fromisoformat(record["date"])
        assert f"of {day.day} {day:%B} {day.year}" in entry.summary  # the meeting's date
        assert "unidentified" not in entry.author
    entries = _check_atom(ET.parse(path).getroot(), site_url)
    for entry in entries:
        assert (built_real_site / "site" / entry.findtext(f"{A}id")[len(site_url):] / "index.html").is_file()


def test_every_feed_of_an_official_or_initiative_is_atom(data, site_url):
    officials = sorted(p.stem for p in (data / "feeds" / "officials").glob("*.xml"))
    assert len(officials) == 8 and "xi-jinping" in officials
    xi = feedparser.parse((data / "feeds" / "officials" / "xi-jinping.xml").read_bytes())
    assert not xi.bozo and sorted(e.title for e in xi.entries) == [
        "China Ready for Mutual Coop. to Advance Strategic Partnership",
        "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"]
    for path in (data / "feeds").rglob("*.xml"):
        _check_atom(ET.parse(path).getroot(), site_url)


def test_a_feed_holds_the_fifty_added_last(fixture_archive):
    template = fixture_archive.readouts[-1]
    start = date(2024, 1, 1)
    many = [replace(template, id=f"{template.date}-call-{i}", added=start + timedelta(days=i),
                    updated=None) for i in range(FEED_SIZE + 10)]
    archive = make_archive(fixture_archive.officials, fixture_archive.initiatives, many)
    root = ET.fromstring(atom_feed("All", "feed.xml", SITE["url"], archive.readouts, SITE).encode())
    entries = root.findall(f"{A}entry")
    newest = start + timedelta(days=FEED_SIZE + 9)
    assert len(entries) == FEED_SIZE and entries[0].findtext(f"{A}published") == f"{newest}T00:00:00Z"
    assert root.findtext(f"{A}updated") == f"{newest}T00:00:00Z"


def test_an_empty_feed_is_still_valid_and_dated_by_the_archive():
    root = ET.fromstring(atom_feed("None", "data/feeds/officials/x.xml", SITE["url"], (), SITE, date(2023, 12, 6)).encode())
    assert root.findall(f"{A}entry") == [] and root.findtext(f"{A}updated") == "2023-12-06T00:00:00Z"


def test_a_strangers_text_cannot_break_the_feed(fixture_archive):
    readout = fixture_archive.readouts[0]
    hostile = replace(readout, title="Talks\x01 \x0b</title><script>x</script> & more")
    archive = make_archive(fixture_archive.officials, fixture_archive.initiatives, [hostile])
    entry = ET.fromstring(atom_feed("All", "feed.xml", SITE["url"], archive.readouts, SITE).encode()).find(f"{A}entry")
    assert entry.findtext(f"{A}title") == "Talks </title><script>x</script> & more"


def test_a_feed_whose_readouts_did_not_change_is_kept_as_it_is(fixture_archive):
    """An official's or initiative's feed holds its own readouts alone: kept when its page shows no changed
    readout; an empty feed (dated by the archive's newest change) and the archive's own are always made."""
    archive = replace(fixture_archive, officials=(*fixture_archive.officials, replace(
        fixture_archive.officials[0], slug="nobody", name="Nobody", aliases=())))
    indexes = index_archive(archive)
    wang_yi = next(o for o in archive.officials if o.slug == "wang-yi")
    made = {p.path: p.content for p in render_feeds(archive, indexes, SITE, lambda item: item is wang_yi)}
    assert made[feed_path(wang_yi)] is not None and made[feed_path()] is not None and made[SOURCES_FEED] is not None
    assert made[feed_path(archive.officials[-1])] is not None  # no readouts
    kept = [path for path, content in made.items() if content is None]
    assert kept and all(path.startswith("data/feeds/") for path in kept)
    everything = {p.path: p.content for p in render_feeds(archive, indexes, SITE)}
    assert all(everything[path] == content for path, content in made.items() if content is not None)
