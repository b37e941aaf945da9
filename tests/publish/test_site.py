"""The real archive, built with strict MkDocs: assertions on the HTML it writes."""

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.sources = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        loads = tag in ("script", "img", "iframe", "source") or (
            tag == "link" and attrs.get("rel") not in ("canonical", "alternate"))  # those only name an address
        for name in ("src", "href"):
            if loads and attrs.get(name):
                self.sources.append(attrs[name])


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _linked_readouts(html: str) -> set[str]:
    return set(re.findall(r'href="(?:\.\./)+readouts/\d{4}/([^"#/]+)/"', html))


def _readouts() -> list[dict]:
    found = []
    for path in sorted((REPO / "archive/readouts").rglob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        found.append({"slug": path.stem, **yaml.safe_load(front)})
    return found


def test_each_official_page_lists_exactly_their_readouts(built_real_site):
    site = built_real_site / "site"
    registry = yaml.safe_load((REPO / "archive/officials.yml").read_text(encoding="utf-8"))
    readouts = _readouts()
    for official in registry:
        slug = re.sub(r"[^a-z0-9]+", "-", official["name"].lower()).strip("-")
        html = _html(site, f"officials/{slug}")
        section = html.split('id="readouts-')[1].split('<h2 id="')[0]
        expected = {r["slug"] for r in readouts if official["name"] in r["officials"]}
        assert _linked_readouts(section) == expected, official["name"]


def test_each_initiative_page_lists_exactly_the_readouts_that_raise_it(built_real_site):
    site = built_real_site / "site"
    registry = yaml.safe_load((REPO / "archive/initiatives.yml").read_text(encoding="utf-8"))
    readouts = _readouts()
    for initiative in registry:
        slug = re.sub(r"[^a-z0-9]+", "-", initiative["name"].lower().replace("–", "-")).strip("-")
        html = _html(site, f"initiatives/{slug}")
        section = html.split('id="readouts-that-raise-it')[1].split('<h2 id="')[0]
        assert _linked_readouts(section) == {r["slug"] for r in readouts if initiative["name"] in r.get("initiatives", [])}, initiative["name"]


def test_the_2022_07_29_call_shows_both_accounts_side_by_side(built_real_site):
    html = _html(built_real_site / "site", "events/2022-07-29-xi-jinping-ebrahim-raisi")
    assert html.count('class="event-account"') == 2
    assert "Permanent Mission of the People" in html and "Iranian English-language news outlet" in html
    assert "On the afternoon of July 29, 2022, President Xi Jinping" in html
    assert "in a phone conversation with Iranian President Ebrahim Raisi on Friday" in html
    readout = _html(built_real_site / "site", "readouts/2022/2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi")
    assert "events/2022-07-29-xi-jinping-ebrahim-raisi/" in readout


def test_home_timeline_and_venues_show_the_archive(built_real_site):
    site = built_real_site / "site"
    home = _html(site, ".")
    assert "<strong>5</strong> readouts" in home and "<strong>8</strong> officials" in home
    timeline = _html(site, "timeline")
    assert re.search(r'2023/">2023</a></td>\s*<td[^>]*>3</td>', timeline)
    assert re.search(r'2022/">2022</a></td>\s*<td[^>]*>2</td>', timeline)
    year = _html(site, "timeline/2023")
    assert [m for m in re.findall(r'<h2 id="([a-z]+)"', year)] == ["december", "october", "july"]
    venues = _html(site, "venues")
    for place in ("Tehran", "Bishkek", "Johannesburg"):
        assert place in venues


def test_the_navigation_holds_sections_not_readouts(built_real_site):
    html = _html(built_real_site / "site", "officials/xi-jinping")
    nav = html[html.index('<nav class="md-tabs"'):html.index("</nav>", html.index('<nav class="md-tabs"'))]
    assert "Timeline" in nav and "Officials" in nav and "readouts/" not in nav


def test_no_page_loads_anything_from_another_host(built_real_site):
    site = built_real_site / "site"
    for page in site.rglob("*.html"):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        external = [s for s in parser.sources if re.match(r"^(https?:)?//", s)]
        assert external == [], page
