"""A readout page as reference managers read it, on the real archive built with strict MkDocs:
the <head> tags of Zotero's Embedded Metadata translator, the "How to cite" block and its
files, and the sitemap's lastmod."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from generator.core.settings import site_settings

from ..conftest import REPO

SITE_URL = site_settings(REPO)["url"]
MOKHBER = "readouts/2023/2023-10-26-li-qiang-meets-with-mohammad-mokhber/"
AHMADIAN = "readouts/2023/2023-07-24-wang-yi-meets-with-ahmadian/"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class _Head(HTMLParser):
    """The <meta name> and <link rel> of a page's head, and the links and ids of its body."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.hrefs: list[str] = []
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "meta" and self.in_head and (values.get("name") or values.get("property")):
            self.meta.setdefault(values.get("name") or values.get("property"), []).append(values.get("content"))
        elif tag == "link" and self.in_head:
            self.links.setdefault(values.get("rel"), []).append(values.get("href"))
        elif tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def _page(site, path: str) -> _Head:
    parsed = _Head()
    parsed.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parsed


@pytest.fixture(scope="module")
def site(built_real_site):
    return built_real_site / "site"


def test_a_readout_page_carries_the_tags_zotero_reads(site):
    page = _page(site, AHMADIAN)
    one = {name: values[0] for name, values in page.meta.items() if len(values) == 1}
    assert one["z:itemType"] == "report" and one["DC.type"] == "report"
    assert one["citation_title"] == one["DC.title"] == (
        "Wang Yi Meets with Ahmadian, Secretary of Iran’s Supreme National Security Council")
    assert one["citation_date"] == one["DC.date"] == "2023-07-25"  # published, not the meeting's day
    assert one["citation_language"] == one["DC.language"] == "en"
    assert one["citation_public_url"] == one["DC.identifier"] == SITE_URL + AHMADIAN
    assert "citation_publisher" not in page.meta  # an unidentified publisher is not cited
    assert page.links["canonical"] == [SITE_URL + AHMADIAN]
    assert "schema.DC" not in page.links  # the translator knows DC's prefix; nothing points at another host
    assert "og:type" not in page.meta and "citation_author" not in page.meta
    assert all(len(values) == 1 for values in page.meta.values())


def test_an_inferred_publisher_and_a_supplied_title_are_marked_on_the_page(site):
    page = _page(site, MOKHBER)
    assert page.meta["citation_publisher"] == ["Xinhua News Agency"]
    assert page.meta["citation_title"][0].startswith("[") and page.meta["citation_title"][0].endswith("]")
    html = (site / MOKHBER / "index.html").read_text(encoding="utf-8")
    assert "Square brackets mark what the archive supplied or inferred" in html
    assert "[Xinhua News Agency]" in html and "Publisher inferred:" in html


def test_the_citation_files_it_links_are_there(site):
    for path in (MOKHBER, AHMADIAN):
        page = _page(site, path)
        files = [h for h in page.hrefs if h.endswith((".bib", ".ris"))]
        assert len(files) == 2, path
        for href in files:
            target = site / posixpath.normpath(posixpath.join(path, href))
            assert target.is_file() and target.parent == site / "data" / "cite", href
        script = (site / path / "index.html").read_text(encoding="utf-8").split('id="csl-json">')[1]
        assert json.loads(script.split("</script>")[0])[0]["type"] == "report"


def test_no_page_but_the_readouts_carries_citation_tags(site):
    for path in ("", "officials/xi-jinping/", "data/"):
        page = _page(site, path)
        assert not any(name.startswith(("citation_", "DC.", "z:")) for name in page.meta), path
        assert [h for h in page.links["alternate"]] == [posixpath.relpath("feed.xml", path or ".")]


def test_the_sitemap_dates_a_readout_by_its_last_change(site):
    records = {r["page"]: r for r in json.loads((site / "data" / "readouts.json").read_text(encoding="utf-8"))["readouts"]}
    urls = {url.findtext(f"{SM}loc"): url.findtext(f"{SM}lastmod") for url in ET.parse(site / "sitemap.xml").getroot()}
    assert set(records) <= set(urls)
    for page, record in records.items():
        assert urls[page] == record["updated"], page
    assert urls[SITE_URL + "officials/xi-jinping/"] is None  # no date rather than the build's


@pytest.mark.slow
def test_an_incremental_build_keeps_every_readouts_lastmod(project):
    from generator.publish.pipeline import build_site

    build_site(project, project / "site", strict=True, full=True)
    first = (project / "site" / "sitemap.xml").read_bytes()
    path = next((project / "archive" / "readouts").rglob("*zarif-receives-wang-yi.md"))
    path.write_text(path.read_text(encoding="utf-8").replace("added: ", "updated: 2025-02-03\nadded: ", 1), encoding="utf-8")
    build_site(project, project / "site", strict=True)  # renders only the changed pages
    urls = {url.findtext(f"{SM}loc"): url.findtext(f"{SM}lastmod")
            for url in ET.parse(project / "site" / "sitemap.xml").getroot()}
    readouts = {loc: day for loc, day in urls.items() if re.search(r"/readouts/\d{4}/[^/]+/$", loc)}
    assert len(readouts) == 3 and all(readouts.values()), readouts
    assert [day for loc, day in readouts.items() if "zarif-receives-wang-yi" in loc] == ["2025-02-03"]
    assert first != (project / "site" / "sitemap.xml").read_bytes()
