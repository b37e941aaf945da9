"""The scholarly record on the built site: the HTML MkDocs writes, read with an HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

import pytest

from tests.conftest import RETIRED_ID

REPO_URL = "https://github.com/china-iran-readouts/archive"
TALKS = "readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif/index.html"
RECEIVES = "readouts/2021/2021-03-27-zarif-receives-wang-yi/index.html"
_BLOCKS = {"p", "div", "section", "nav", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "h1", "h2", "h3"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Parsed(HTMLParser):
    """Every link, every id, and the text inside each element that has a class or an id."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[dict, str]] = []
        self.ids: set[str] = set()
        self.metas: list[dict] = []
        self.texts: dict[str, list[str]] = {}  # "#id" or ".class" → the text of each such element
        self._open: list[tuple[str, list[str], list[str]]] = []  # (tag, keys, text so far)
        self._link: tuple[dict, list[str]] | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag in ("meta", "link"):
            self.metas.append({"tag": tag, **attributes})
        if tag == "a":
            self._link = (attributes, [])
        if tag not in _VOID:
            keys = ["." + c for c in attributes.get("class", "").split()] + (["#" + attributes["id"]] if "id" in attributes else [])
            self._open.append((tag, keys, []))

    def handle_endtag(self, tag):
        if tag == "a" and self._link:
            self.links.append((self._link[0], " ".join("".join(self._link[1]).split())))
            self._link = None
        while self._open:
            opened, keys, text = self._open.pop()
            joined = "".join(text)
            for key in keys:
                self.texts.setdefault(key, []).append(" ".join(joined.split()))
            if self._open:
                self._open[-1][2].append(joined + (" " if opened in _BLOCKS else ""))
            if opened == tag:
                break

    def handle_data(self, data):
        if self._open:
            self._open[-1][2].append(data)
        if self._link:
            self._link[1].append(data)

    def text(self, key: str) -> str:
        return " ".join(self.texts.get(key, []))

    def link_to(self, text: str) -> dict:
        return next(attributes for attributes, label in self.links if label == text)


def _page(site: Path, path: str) -> Parsed:
    return Parsed((site / path).read_text(encoding="utf-8"))


def test_participants_show_the_position_held_on_the_day(built_real_site):
    page = _page(built_real_site / "site", "readouts/2023/2023-07-24-wang-yi-meets-with-ahmadian/index.html")
    participants = page.text(".participants")
    assert "Wang Yi (Director of the Office of the Central Foreign Affairs Commission)" in participants
    assert "Minister of Foreign Affairs" not in participants  # from the next day only


def test_an_inferred_value_is_marked_where_it_appears_with_its_basis(built_real_site):
    page = _page(built_real_site / "site", "readouts/2023/2023-10-26-li-qiang-meets-with-mohammad-mokhber/index.html")
    marker = page.link_to("inferred")
    assert marker["href"] == "#inferred-source-publisher" and "photo credit" in marker["title"]
    assert "inferred-source-publisher" in page.ids  # the basis is on the page, readable without hovering
    assert "From the photo credit (© Xinhua/Yin Bogu)" in page.text("#inferred-source-publisher")
    source = page.text(".readout-source")
    assert "Publisher Xinhua News Agency inferred" in source
    assert "none shown on the page; the title is supplied by the archive" in source
    assert "Address address not recorded" in source and "Captured not recorded" in source


def test_the_source_panel_gives_the_address_capture_and_copies_as_robust_links(built_fixture_site):
    page = _page(built_fixture_site / "site", TALKS)
    original = "https://example.org/wang-yi-zarif.html"
    copy = "https://web.archive.org/web/20240110000000/https://example.org/wang-yi-zarif.html"
    address = page.link_to(original)
    assert (address["href"], address["data-originalurl"], address["data-versiondate"], address["data-versionurl"]) == (
        original, original, "2024-01-10", copy)
    for archived in (copy, "https://perma.cc/ABCD-1234"):
        attributes = page.link_to(archived)
        assert (attributes["href"], attributes["data-originalurl"], attributes["data-versiondate"]) == (
            archived, original, "2024-01-10")
    source = page.text(".readout-source")
    assert "Headline as published Wang Yi Holds Talks with Iranian FM Zarif in Tehran" in source
    assert "Captured 10 January 2024" in source and "Published 27 March 2021" in source
    facts = page.text(".readout-panel")
    assert "Added 15 January 2024" in facts and "Updated 1 March 2024" in facts


def test_each_readout_links_to_its_file_and_every_page_to_the_repository(built_fixture_site):
    page = _page(built_fixture_site / "site", RECEIVES)
    path = "archive/readouts/2021/2021-03-27-zarif-receives-wang-yi.md"
    assert page.link_to("View source")["href"] == f"{REPO_URL}/blob/main/{path}"
    assert page.link_to("Suggest a correction")["href"] == f"{REPO_URL}/edit/main/{path}"
    for name in ("index.html", RECEIVES, "officials/wang-yi/index.html"):
        footer = _page(built_fixture_site / "site", name)
        assert footer.link_to("Source repository")["href"] == REPO_URL
        assert footer.link_to("Contribute a readout") and footer.link_to("Provenance wanted")


def test_official_pages_list_positions_with_the_readouts_held_in_each(built_real_site):
    page = _page(built_real_site / "site", "officials/wang-yi/index.html")
    positions = page.texts[".positions"][0]
    assert positions.index("Minister of Foreign Affairs, from 25 July 2023") < positions.index(
        "Director of the Office of the Central Foreign Affairs Commission, from 1 January 2023")
    director = positions.split("Director of the Office")[1].split("Minister of Foreign Affairs, from 16 March")[0]
    assert "(1 readout)" in director and "Wang Yi Meets with Ahmadian" in director


def test_the_home_page_lists_what_was_added_last(built_fixture_site):
    page = _page(built_fixture_site / "site", "index.html")
    assert page.text(".recently-added") == (
        "1 February 2024: Zarif Receives Chinese Foreign Minister (27 March 2021) "
        "15 January 2024: Wang Yi Holds Talks with Iranian Foreign Minister Zarif (27 March 2021) "
        "12 January 2024: Wang Yi Speaks with Zarif on the Phone (9 October 2020)")


def test_the_provenance_page_lists_what_is_wanted(built_fixture_site):
    page = _page(built_fixture_site / "site", "provenance/index.html")
    rows = [label for attributes, label in page.links if attributes.get("href", "").startswith("../readouts/")]
    assert rows == ["Wang Yi Holds Talks with Iranian Foreign Minister Zarif", "Zarif Receives Chinese Foreign Minister",
                    "Wang Yi Speaks with Zarif on the Phone"]
    text = page.text("article") or page.text(".md-content")
    assert ("source address; publication date; capture date; archived copy; inferred, to confirm: date of the "
            "meeting; Persian original") in text  # Zarif receives: nothing recorded
    assert "source address; archived copy; Chinese original" in text  # the phone call: captured, but no address or copy
    assert "Zarif Ministry of Foreign Affairs of the People's Republic of China Chinese original" in text  # only that
    assert "source.publisher" not in text and "inferred date" not in text
    contribute = _page(built_fixture_site / "site", "contribute/index.html")
    assert any("provenance" in attributes.get("href", "") for attributes, _ in contribute.links)


def test_a_retired_address_forwards_to_the_readout(built_fixture_site):
    site = built_fixture_site / "site"
    page = _page(site, f"readouts/2020/{RETIRED_ID}/index.html")
    target = "readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone/"
    refresh = next(m for m in page.metas if m.get("http-equiv") == "refresh")
    assert refresh["content"] == "0; url=../2020-10-09-wang-yi-speaks-with-zarif-by-phone/"
    canonical = next(m for m in page.metas if m.get("rel") == "canonical")
    assert canonical["href"] == "https://china-iran-readouts.github.io/archive/" + target
    link = page.link_to("Wang Yi Speaks with Zarif on the Phone")["href"]
    assert (site / f"readouts/2020/{RETIRED_ID}/" / link / "index.html").resolve() == (site / target / "index.html").resolve()


def test_every_link_the_generator_writes_leads_to_a_file(built_fixture_site):
    """MkDocs no longer checks the links in raw HTML blocks: every relative link on every page must resolve."""
    site = built_fixture_site / "site"
    broken = []
    for path in sorted(p for p in site.rglob("*.html") if p.name != "404.html"):  # 404 links from the site's root
        address = "http://site/" + path.relative_to(site).as_posix()
        for attributes, _ in Parsed(path.read_text(encoding="utf-8")).links:
            href = attributes.get("href", "")
            if not href or href.startswith(("#", "http:", "https:", "mailto:", "javascript:")):
                continue
            target = urldefrag(urljoin(address, href))[0][len("http://site/"):]
            file = site / unquote(target)
            if not (file.is_file() or (file / "index.html").is_file()):
                broken.append((path.relative_to(site).as_posix(), href))
    assert broken == []


@pytest.mark.slow
def test_a_long_provenance_list_keeps_the_page_small(tmp_path):
    from benchmarks.synthetic import make_bench_project
    from generator.publish.pipeline import generate
    from generator.pages.provenance import PROVENANCE_ROWS

    root = make_bench_project(tmp_path / "project", PROVENANCE_ROWS + 40)
    generate(root)
    page = (root / "docs" / "provenance" / "index.md").read_text(encoding="utf-8")
    assert page.count("<tr><td>") == PROVENANCE_ROWS
    assert f"{PROVENANCE_ROWS + 40} readouts want part of their record" in page
    assert "lack a capture date" in page
