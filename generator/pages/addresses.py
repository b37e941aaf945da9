"""Where every page sits: its file under docs/, its address within the site, its permanent URL.

The one place that decides an address, below everything that links to a page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..core.model import Event, Formulation, Initiative, Official, Readout, Redirect, Venue, YearPage


FORMULATIONS = "formulations/index.md"
COVERAGE = "coverage/index.md"


@dataclass(frozen=True)
class CoverageYear:
    """The events of one year that have one side's account only."""

    year: int


@dataclass(frozen=True)
class ReadoutsYear:
    """The index of one year's readouts, at the folder their addresses share (readouts/2022/): a
    shortened address is a page, not a 404."""

    year: int


READOUTS_INDEX = "readouts/index.md"  # readouts/: every year, each linking to its index


@dataclass(frozen=True)
class VersionGroup:
    """A readout's language versions, compared on one page named by the version that stands for them."""

    slug: str
    readouts: tuple[Readout, ...]


@dataclass(frozen=True, eq=False)
class Streamed:
    """A large file made in pieces as it is written, so that no whole download is held in memory:
    `pieces()` gives them (text, or bytes for a binary file) afresh on each call."""

    pieces: Callable[[], Iterable[str | bytes]]

    def chunks(self) -> Iterator[bytes]:
        """The pieces as the file's bytes."""
        return (piece.encode("utf-8") if isinstance(piece, str) else piece for piece in self.pieces())

    def whole(self) -> bytes:
        return b"".join(self.chunks())

    def __eq__(self, other) -> bool:
        return isinstance(other, Streamed) and self.whole() == other.whole()


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, with .md
    # bytes for a binary download (the SQLite database); Streamed for a download made in pieces;
    # None: the page in docs/ is already right and stays (an incremental build)
    content: str | bytes | Streamed | None


def page_path(item) -> str:
    """Where an item's page sits under docs/."""
    if isinstance(item, Readout):
        return item.url_path + ".md"
    if isinstance(item, Redirect):  # a plain HTML page MkDocs copies as it is, at the old address
        return item.address + "/index.html"
    if isinstance(item, Official):
        return f"officials/{item.slug}.md"
    if isinstance(item, Initiative):
        return f"initiatives/{item.slug}.md"
    if isinstance(item, Event):
        return f"events/{item.slug}.md"
    if isinstance(item, Venue):
        return f"venues/{item.slug}.md"
    if isinstance(item, Formulation):
        return f"formulations/{item.slug}.md"
    if isinstance(item, VersionGroup):
        return f"versions/{item.slug}.md"
    if isinstance(item, CoverageYear):
        return f"coverage/{item.year}.md"
    if isinstance(item, ReadoutsYear):
        return f"readouts/{item.year}/index.md"
    if isinstance(item, YearPage):
        return f"{page_path(item.item)[:-3]}/{item.year}.md"
    if isinstance(item, int):
        return f"timeline/{item}.md"
    return str(item)


def site_path(item) -> str:
    """The page's address within the site: its folder, as MkDocs' directory URLs make it."""
    path = page_path(item)
    if path.endswith(".md"):
        path = path[: -len("index.md")] if path == "index.md" or path.endswith("/index.md") else path[:-3] + "/"
    return path


def page_url(site: dict, item) -> str:
    """The page's permanent address: the site's URL and the page's folder."""
    return site.get("url", "/") + site_path(item)


def feed_path(item=None) -> str:
    """Where an Atom feed sits under docs/: the newest readouts, or one official's or initiative's.

    The archive-wide feed sits at the top, beside sitemap.xml: every page announces it with
    <link rel="alternate">, and Material fetches sitemap.xml from the folder of every such link.
    """
    if isinstance(item, Official):
        return f"data/feeds/officials/{item.slug}.xml"
    if isinstance(item, Initiative):
        return f"data/feeds/initiatives/{item.slug}.xml"
    return "feed.xml"


def citation_path(readout: Readout, extension: str) -> str:
    """Where one readout's citation file (bib, ris) sits under docs/: named by its stable id."""
    return f"data/cite/{readout.id}.{extension}"


def relative_path(target: str, source: str) -> str:
    """target as a link from the page source, both relative to docs/; posixpath.relpath without
    its calls to the file system, which made it a tenth of the generator's time."""
    here = source.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:])


def link_between(target, here) -> str:
    """The relative address from the page `here` to `target` (an item, a page path under docs/ or a
    file), in MkDocs' directory form: what MkDocs itself writes for a Markdown link between them."""
    there = site_path(target)
    folders = site_path(here).split("/")[:-1]  # a page's address is a folder
    parts = there.split("/")
    common = 0
    while common < len(folders) and common < len(parts) - 1 and folders[common] == parts[common]:
        common += 1
    return "../" * (len(folders) - common) + "/".join(parts[common:]) or "./"


# ---------------------------------------------------------------- every page the build writes

# The downloads the outputs stage writes under fixed names (outputs/data.py, bibliography.py, formulations.py
# name them; the test of publish/kinds.py fails when the two lists part).
SOURCES_FEED = "data/feeds/sources.xml"  # the changes seen in source pages (outputs/feeds.py)
DATA_FILES = ("data/readouts.json", "data/readouts.csv", "data/readouts.sqlite", "data/readouts.schema.json",
              "data/readout.schema.json", "data/readouts.bib", "data/readouts.ris", "data/readouts.csl.json",
              "data/formulations.json", ".lastmod.json", SOURCES_FEED)
CONTRIBUTE_PAGE = "contribute.md"
SEARCH_PAGE = "search/index.md"
SECTIONS = ("index.md", "officials/index.md", "initiatives/index.md", "timeline/index.md", "events/index.md",
            "venues/index.md", "data/index.md", "provenance/index.md")


def search_entity_path(kind: str, slug: str) -> str:
    """Where the search index keeps the readouts of one official ('o'), initiative ('i') or venue ('v')."""
    return f"search/e/{kind}-{slug}.json"


def year_groups(readouts, list_limit: int) -> dict[int, list]:
    """The years of a listing too long for one page, each with its readouts; empty when it fits on one."""
    by_year: dict[int, list] = {}
    if len(readouts) > list_limit:
        for readout in readouts:
            by_year.setdefault(readout.year, []).append(readout)
    return by_year
