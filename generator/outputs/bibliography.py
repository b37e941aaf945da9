"""Citations to download: each readout's .bib and .ris (linked from its page), and the whole
archive as one BibTeX file, one RIS file and one CSL-JSON file, in the archive's order. The two
are kinds of file of their own (publish/kinds.py): a readout's own files change with it alone."""

from __future__ import annotations

import json

from collections.abc import Callable

from ..core.model import Archive, Readout
from ..pages import cite
from ..pages.addresses import Page, Streamed, citation_path, page_url
from ..pages.index import Indexes
from .spliced import DownloadMemory, Part, spliced

BIBLIOGRAPHY = {"bib": "data/readouts.bib", "ris": "data/readouts.ris", "csl-json": "data/readouts.csl.json"}
CITATION_FILES = ("bib", "ris")  # a readout's own, under data/cite/


def readout_citations(readout: Readout, site: dict) -> list[Page]:
    """A readout's own .bib and .ris, linked from its page."""
    url, name = page_url(site, readout), site.get("name", "")
    made = {"bib": cite.bibtex, "ris": cite.ris}
    return [Page(citation_path(readout, extension), made[extension](readout, url, name)) for extension in CITATION_FILES]


def render_bibliography(archive: Archive, indexes: Indexes, site: dict, memory: DownloadMemory | None = None
                        ) -> list[Page]:
    """The whole archive as one BibTeX, one RIS and one CSL-JSON file, each readout's entry copied
    from the last run's file while unchanged (spliced.py)."""
    name = site.get("name", "")
    digests = memory.digests(archive, indexes, site) if memory else {}

    def parts(entry: Callable[[Readout, str, str], str]) -> list[Part]:
        return [Part(r.id, digests.get(r.id), lambda r=r: entry(r, page_url(site, r), name)) for r in archive.readouts]

    def joined(items: list, separator: str) -> list:
        return [piece for n, item in enumerate(items) for piece in ((separator, item) if n else (item,))]

    def made(kind: str, pieces: Callable[[], list]) -> Page:
        path = BIBLIOGRAPHY[kind]
        return Page(path, Streamed(lambda: spliced(pieces(), memory.last(path) if memory else None)))

    return [
        made("bib", lambda: joined(parts(cite.bibtex), "\n")),
        made("ris", lambda: joined(parts(cite.ris), "\r\n")),
        made("csl-json", lambda: ["[\n", *joined(parts(_csl_text), ",\n"), "\n]\n"] if archive.readouts else ["[]\n"]),
    ]


def _csl_text(readout: Readout, url: str, name: str) -> str:
    """A readout's CSL-JSON item as it stands in the whole list, which json.dumps indents by one."""
    return " " + json.dumps(cite.csl_item(readout, url, name), ensure_ascii=False, indent=1).replace("\n", "\n ")
