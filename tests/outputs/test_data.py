"""The data downloads and Atom feeds: built from the real archive, parsed, and checked against it."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.outputs.data import CSV_COLUMNS, FEED_SIZE, atom_feed, readouts_csv, render_data
from generator.pages.index import index_archive
from generator.core.model import make_archive
from generator.archive.check import check_archive
from generator.core.settings import site_settings
from generator.archive.schema import json_schema

REPO = Path(__file__).resolve().parents[2]
A = "{http://www.w3.org/2005/Atom}"
CALL = "2022-07-29"
CALL_EVENT = "2022-07-29-xi-jinping-ebrahim-raisi"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@pytest.fixture(scope="module")
def site_url() -> str:
    url = site_settings(REPO)["url"]
    assert url.startswith("https://")
    return url


@pytest.fixture(scope="module")
def data(built_real_site) -> Path:
    """The data folder of the built site: what MkDocs copied out of docs/data/."""
    return built_real_site / "site" / "data"


def _page_exists(site: Path, site_url: str, url: str) -> bool:
    assert url.startswith(site_url), url
    return (site / url[len(site_url):] / "index.html").is_file()


def test_the_json_download_holds_every_readout(data, site_url):
    archive = json.loads((data / "readouts.json").read_text(encoding="utf-8"))
    readouts = archive["readouts"]
    assert len(readouts) == 5
    assert [r["date"] for r in readouts] == sorted((r["date"] for r in readouts), reverse=True)
    call = [r for r in readouts if r["date"] == CALL]
    assert len(call) == 2 and {r["event"] for r in call} == {CALL_EVENT}
    assert {r["publisher"] for r in call} == {"Permanent Mission of the People's Republic of China to the UN",
                                             "Iranian English-language news outlet (unidentified)"}
    for readout in call:
        assert readout["participants"] == ["Xi Jinping", "Ebrahim Raisi"]
        assert readout["kind"] == "phone call" and readout["venue"] is None
        assert readout["event_page"] == f"{site_url}events/{CALL_EVENT}/"
    chinese = next(r for r in call if r["published"])
    assert chinese["title"] == "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"
    assert chinese["published"] == CALL and chinese["notes"].startswith("The Chinese official readout")
    mokhber = next(r for r in readouts if r["id"] == "2023-10-26-li-qiang-meets-with-mohammad-mokhber")
    assert mokhber["occasion"] == "22nd Meeting of the Council of Heads of Government of the SCO Member States"
    assert mokhber["venue"] == "Bishkek, Kyrgyzstan" and mokhber["event"] is None
    assert mokhber["mentioned"] == ["Xi Jinping", "Ebrahim Raisi"]
    site = data.parent
    for readout in readouts:
        assert _page_exists(site, site_url, readout["page"])
    assert {o["name"] for o in archive["officials"]} >= {"Xi Jinping", "Ebrahim Raisi", "Wang Yi"}
    assert all(_page_exists(site, site_url, item["page"]) for item in archive["officials"] + archive["initiatives"])


def test_the_csv_download_has_a_row_per_readout(data, site_url):
    with (data / "readouts.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == 5
    call = [r for r in rows if r["date"] == CALL]
    assert len(call) == 2
    assert {r["participants"] for r in call} == {"Xi Jinping; Ebrahim Raisi"}
    assert all(r["kind"] == "phone call" and r["venue"] == "" for r in call)
    bishkek = next(r for r in rows if r["venue"] == "Bishkek, Kyrgyzstan")
    assert bishkek["participants"] == "Li Qiang; Mohammad Mokhber"
    assert bishkek["initiatives"].split("; ")[:2] == ["Shanghai Cooperation Organisation", "United Nations"]
    assert bishkek["publisher"] == "Xinhua News Agency"
    for row in rows:
        assert row["page"].startswith(site_url) and urlsplit(row["page"]).scheme == "https"
        assert _page_exists(data.parent, site_url, row["page"])


def test_the_schema_is_published_with_its_address(data, site_url):
    schema = json.loads((data / "readout.schema.json").read_text(encoding="utf-8"))
    assert schema == json_schema(site_url)
    assert schema["$id"] == site_url + "data/readout.schema.json"


def _feed(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{A}feed"
    return root


def _check_atom(root: ET.Element, site_url: str) -> list[ET.Element]:
    """What Atom 1.0 requires of a feed and its entries, and what this archive promises besides."""
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{name}")) == 1, name
    assert TIMESTAMP.match(root.findtext(f"{A}updated"))
    self_link = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_link) == 1 and self_link[0].get("href") == root.findtext(f"{A}id")
    assert root.find(f"{A}author/{A}name").text
    entries = root.findall(f"{A}entry")
    assert len(entries) <= FEED_SIZE
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        assert TIMESTAMP.match(entry.findtext(f"{A}updated"))
        link = entry.find(f"{A}link[@rel='alternate']")
        assert link.get("href") == entry.findtext(f"{A}id") and link.get("href").startswith(site_url)
        assert entry.find(f"{A}author/{A}name").text
        assert entry.findtext(f"{A}summary")
    if entries:  # updated comes from the readouts' dates, never from the clock
        assert root.findtext(f"{A}updated") == max(e.findtext(f"{A}updated") for e in entries)
    return entries


def test_the_feeds_are_atom_and_follow_the_archive(data, site_url):
    root = _feed(data / "feeds" / "readouts.xml")
    entries = _check_atom(root, site_url)
    assert len(entries) == 5
    assert root.findtext(f"{A}updated") == "2023-12-11T00:00:00Z"  # the newest publication date
    assert [e.findtext(f"{A}id").split("/")[-2][:10] for e in entries] == [
        "2023-12-06", "2023-10-26", "2023-07-24", "2022-07-29", "2022-07-29"]
    for entry in entries:
        path = entry.findtext(f"{A}id")[len(site_url):]
        assert (data.parent / path / "index.html").is_file()

    officials = sorted(p.stem for p in (data / "feeds" / "officials").glob("*.xml"))
    assert len(officials) == 8 and "xi-jinping" in officials and "ebrahim-raisi" in officials
    xi = _check_atom(_feed(data / "feeds" / "officials" / "xi-jinping.xml"), site_url)
    assert sorted(e.findtext(f"{A}title") for e in xi) == [
        "China Ready for Mutual Coop. to Advance Strategic Partnership",
        "Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone"]
    bri = _check_atom(_feed(data / "feeds" / "initiatives" / "belt-and-road-initiative.xml"), site_url)
    assert [e.findtext(f"{A}id").split("/")[-2][:10] for e in bri] == ["2023-10-26", "2023-07-24"]
    for path in (data / "feeds").rglob("*.xml"):
        _check_atom(_feed(path), site_url)


def test_the_data_page_links_every_download_and_feed(built_real_site):
    html = (built_real_site / "site" / "data" / "index.html").read_text(encoding="utf-8")
    for href in ("readouts.json", "readouts.csv", "readout.schema.json", "feeds/readouts.xml",
                 "feeds/officials/xi-jinping.xml", "feeds/initiatives/belt-and-road-initiative.xml"):
        assert f'href="{href}"' in html, href
    official = (built_real_site / "site" / "officials" / "xi-jinping" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../data/feeds/officials/xi-jinping.xml"' in official


# Without the built site: the functions themselves, on the small fixture archive.

@pytest.fixture
def fixture_archive(project):
    archive, _ = check_archive(project)
    return archive


SITE = {"url": "https://example.org/archive/", "name": "Readouts"}


def test_the_same_archive_gives_the_same_bytes(fixture_archive):
    first = render_data(fixture_archive, index_archive(fixture_archive), SITE)
    second = render_data(fixture_archive, index_archive(fixture_archive), SITE)
    assert first == second
    assert [p.path for p in first][:3] == ["data/readouts.json", "data/readouts.csv", "data/readout.schema.json"]


def test_a_feed_holds_the_newest_fifty(fixture_archive):
    template = fixture_archive.readouts[-1]
    many = [replace(template, id=f"{template.date + timedelta(days=i)}-call-{i}", date=template.date + timedelta(days=i),
                    source=replace(template.source, published=None)) for i in range(FEED_SIZE + 10)]
    archive = make_archive(fixture_archive.officials, fixture_archive.initiatives, many)
    root = ET.fromstring(atom_feed("All", "data/feeds/readouts.xml", SITE["url"], archive.readouts, SITE).encode())
    entries = root.findall(f"{A}entry")
    assert len(entries) == FEED_SIZE
    newest = template.date + timedelta(days=FEED_SIZE + 9)
    assert root.findtext(f"{A}updated") == f"{newest.isoformat()}T00:00:00Z"
    assert entries[0].findtext(f"{A}updated") == root.findtext(f"{A}updated")


def test_an_empty_feed_is_still_valid_and_dated_by_the_archive():
    root = ET.fromstring(atom_feed("None", "data/feeds/officials/x.xml", SITE["url"], (), SITE, date(2023, 12, 6)).encode())
    assert root.findall(f"{A}entry") == [] and root.findtext(f"{A}updated") == "2023-12-06T00:00:00Z"


def test_a_strangers_text_cannot_break_the_feed_or_the_spreadsheet(fixture_archive):
    readout = fixture_archive.readouts[0]
    hostile = replace(readout, title="Talks\x01 \x0b</title><script>x</script> & more", source=replace(
        readout.source, publisher="=HYPERLINK(\"https://example.org\")"))
    archive = make_archive(fixture_archive.officials, fixture_archive.initiatives, [hostile])
    feed = atom_feed("All", "data/feeds/readouts.xml", SITE["url"], archive.readouts, SITE)
    entry = ET.fromstring(feed.encode()).find(f"{A}entry")
    assert entry.findtext(f"{A}title") == "Talks </title><script>x</script> & more"
    assert entry.findtext(f"{A}author/{A}name") == "=HYPERLINK(\"https://example.org\")"
    rows = list(csv.DictReader(io.StringIO(readouts_csv(archive, SITE))))
    assert rows[0]["publisher"] == "'=HYPERLINK(\"https://example.org\")"
