"""The comparison layer on the real archive, built with strict MkDocs: event, formulation,
coverage and official pages, and every readout paragraph's anchor, read from the HTML."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import pytest

from generator.archive.check import check_archive
from generator.publish.pipeline import generate
from generator.core.model import Official
from generator.pages.paragraphs import speaker_name

from benchmarks.synthetic import make_bench_project

EVENT = "events/2022-07-29-xi-jinping-ebrahim-raisi"
IRANIAN_CALL = "readouts/2022/2022-07-29-china-ready-for-mutual-coop-to-advance-strategic-partnership"


class _Page(HTMLParser):
    """The text of a page's article, its links, and its ids."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []  # (href, class)
        self.ids: set[str] = set()
        self.paragraph_ids: list[str] = []
        self._in_article = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_article = self._in_article or tag == "article"
        self.text.append(" ")  # cells and definitions are words apart
        if attrs.get("id"):
            self.ids.add(attrs["id"])
            if tag == "p" and re.fullmatch(r"p\d+", attrs["id"]):
                self.paragraph_ids.append(attrs["id"])
        if tag == "a" and attrs.get("href") and self._in_article:
            self.links.append((attrs["href"], attrs.get("class") or ""))

    def handle_endtag(self, tag):
        self._in_article = self._in_article and tag != "article"

    def handle_data(self, data):
        if self._in_article:
            self.text.append(data)

    @property
    def plain(self) -> str:
        return " ".join("".join(self.text).split())


def _page(site: Path, address: str) -> _Page:
    page = _Page()
    page.feed((site / address / "index.html").read_text(encoding="utf-8"))
    return page


def _resolve(site: Path, address: str, href: str) -> tuple[Path, str]:
    target, anchor = urldefrag(urljoin(f"/{address}/", href))
    path = site / target.lstrip("/")
    return (path / "index.html" if target.endswith("/") else path), anchor


def _assert_links_resolve(site: Path, address: str) -> int:
    """Every relative link the page's article holds reaches a page, and an anchor that exists there."""
    checked = 0
    for href, _ in _page(site, address).links:
        if href.startswith(("http", "mailto:")) or href.startswith("#") and not href[1:]:
            continue
        path, anchor = _resolve(site, address, href)
        assert path.exists(), (address, href)
        if anchor and path.suffix == ".html":
            target = _Page()
            target.feed(path.read_text(encoding="utf-8"))
            assert anchor in target.ids, (address, href)
        checked += 1
    return checked


def test_the_2022_07_29_event_says_what_only_one_account_mentions(built_real_site):
    page = _page(built_real_site / "site", EVENT)
    text = page.plain
    assert "BRICS: only in the Iranian outlet's account" in text
    assert "Joint Comprehensive Plan of Action: only in the Iranian outlet's account" in text
    assert "hegemonism: only in the Chinese mission's account" in text
    assert "Global Development Initiative: only" not in text  # both accounts raise it
    assert "Iranian side · other outlet" in text and "Chinese side · embassy or mission" in text
    assert _assert_links_resolve(built_real_site / "site", EVENT) > 40


def test_every_readout_paragraph_has_an_anchor_its_number_its_speaker_and_its_citation(built_real_site):
    archive, _ = check_archive(built_real_site)
    site = built_real_site / "site"
    for readout in archive.readouts:
        page = _page(site, readout.url_path)
        numbers = [f"p{p.number}" for p in readout.paragraphs]
        assert page.paragraph_ids == numbers and numbers
        html = (site / readout.url_path / "index.html").read_text(encoding="utf-8")
        buttons = re.findall(r'<button type="button" class="paragraph-number" popovertarget="cite-(p\d+)"', html)
        assert buttons == numbers and re.findall(r'<div class="paragraph-cite" id="cite-(p\d+)" popover>', html) == numbers
        speakers = re.findall(r'id="(p\d+)"><button[^>]*>.*?</button>(?:<span class="paragraph-speaker">'
                              r'<span class="visually-hidden">Speaker: </span>(?:<a [^>]*>)?([^<]*))?', html)
        assert speakers == [(p.anchor, speaker_name(p.speaker)) for p in readout.paragraphs]
    html = (site / IRANIAN_CALL / "index.html").read_text(encoding="utf-8")
    cite = re.search(r'<div class="paragraph-cite" id="cite-p11" popover>(.*?)</div>', html).group(1)
    assert "(n.d.), para. 11, " in cite and f"{IRANIAN_CALL}/#p11." in cite and "title=" not in cite


def test_the_one_china_principle_page_links_to_the_paragraphs_that_use_it(built_real_site):
    site = built_real_site / "site"
    address = "formulations/one-china-principle"
    page = _page(site, address)
    used = sorted({href for href, _ in page.links if "/#p" in href})
    assert used == ["../../readouts/2022/2022-07-29-china-ready-for-mutual-coop-to-advance-strategic-partnership/#p11",
                    "../../readouts/2022/2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi/#p4"]
    for href in used:
        path, anchor = _resolve(site, address, href)
        paragraph = re.search(rf'<p [^>]*id="{anchor}"[^>]*>(.*?)</p>', path.read_text(encoding="utf-8"), re.S).group(1)
        assert re.search(r"one[ -]china principle", paragraph, re.I)
    assert "First use 29 July 2022" in page.plain and "Ebrahim Raisi 2" in page.plain, page.plain
    assert page.plain.count("Uses of “One China principle” per year") >= 1
    _assert_links_resolve(site, address)


def test_coverage_lists_the_events_with_one_side_s_account(built_real_site):
    site = built_real_site / "site"
    index = _page(site, "coverage")
    # official accounts only: the Iranian outlet's report of the 2022 call and Xinhua's of the Li Qiang meeting do not count
    assert re.search(r"2023 3 0 1 0 2 2022 1 0 1 0 0 All years 4 0 2 0 2", index.plain)
    year = _page(site, "coverage/2023").plain
    assert "26 October 2023, meeting: Li Qiang, Mohammad Mokhber" in year
    assert "Xinhua News Agency: state media, Chinese side" in year and "wanted: an official account of each side" in year
    assert "2022" not in year.split("Coverage of every year")[1]
    for address in ("coverage", "coverage/2023", "formulations", "events"):
        _assert_links_resolve(site, address)


def test_an_official_page_lists_the_statements_attributed_to_them(built_real_site):
    site = built_real_site / "site"
    page = _Page()
    page.feed("<article " + (site / "officials/mohammad-mokhber/index.html").read_text(encoding="utf-8").split('id="statements')[1])
    statements = [href for href, _ in page.links if "/#p" in href]
    assert statements == [f"../../readouts/2023/2023-10-26-li-qiang-meets-with-mohammad-mokhber/#p{n}" for n in (8, 9, 10)]
    _assert_links_resolve(site, "officials/mohammad-mokhber")


@pytest.mark.slow
def test_the_comparison_on_a_synthetic_archive(tmp_path):
    root = make_bench_project(tmp_path / "project", 300)
    generated = generate(root)
    compared = [e for e in generated.archive.events if len({r.side for r in e.readouts}) == 2]
    assert compared and all(e.has_page for e in generated.archive.events)
    for event in compared[:5]:
        page = (root / "docs" / f"events/{event.slug}.md").read_text(encoding="utf-8")
        first, second = event.readouts
        for officials in (first.mentioned, second.mentioned):
            for official in officials:
                if official not in (*second.officials, *second.mentioned) or official not in (*first.officials, *first.mentioned):
                    assert f"{official.name}</a>: only in the" in page
        speakers = {p.speaker.name for r in event.readouts for p in r.paragraphs if isinstance(p.speaker, Official)}
        assert speakers and all(f'<span class="event-paragraph__speaker">{name}</span>' in page for name in speakers)
    coverage = (root / "docs/coverage/index.md").read_text(encoding="utf-8")
    total = re.search(r"All years</th><td>(\d+)</td><td>(\d+)</td>", coverage)
    official_both = [e for e in generated.archive.all_events if {"China", "Iran"} <= set(e.official_sides)]
    assert int(total.group(1)) == len(generated.archive.all_events) and int(total.group(2)) == len(official_both)


def test_paragraphs_that_report_the_same_statement_point_at_each_other(built_real_site):
    html = (built_real_site / "site" / EVENT / "index.html").read_text(encoding="utf-8")
    alike = {}
    for chunk in html.split('<div class="event-paragraph" ')[1:]:
        own = re.match(r'id="(a\d-p\d+)"', chunk).group(1)
        found = re.search(r'<a class="event-paragraph__alike" href="#(a\d-p\d+)"', chunk.split("</div>")[0])
        alike[own] = found.group(1) if found else None
    assert alike["a1-p3"] == "a2-p3"  # Xi on core interests, in both accounts
    assert alike["a2-p4"] == "a1-p11"  # Raisi's paragraph: matched with Raisi's words (One China first), not Xi's
    assert alike["a1-p21"] is None  # the outlet's own background on the 2018 withdrawal
    assert len(alike) == 22 + 4
