"""Citations to download: each readout's .bib and .ris (linked from its page), and the whole
archive as one BibTeX file, one RIS file and one CSL-JSON file, in the archive's order. The two
are kinds of file of their own (publish/kinds.py): a readout's own files change with it alone."""

from __future__ import annotations

import json

from ..core.model import Archive, Readout
from ..pages import cite
from ..pages.addresses import Page, citation_path, page_url

BIBLIOGRAPHY = {"bib": "data/readouts.bib", "ris": "data/readouts.ris", "csl-json": "data/readouts.csl.json"}
CITATION_FILES = ("bib", "ris")  # a readout's own, under data/cite/


def readout_citations(readout: Readout, site: dict) -> list[Page]:
    """A readout's own .bib and .ris, linked from its page."""
    url, name = page_url(site, readout), site.get("name", "")
    made = {"bib": cite.bibtex, "ris": cite.ris}
    return [Page(citation_path(readout, extension), made[extension](readout, url, name)) for extension in CITATION_FILES]


def render_bibliography(archive: Archive, site: dict) -> list[Page]:
    """The whole archive as one BibTeX, one RIS and one CSL-JSON file."""
    name = site.get("name", "")
    entries, references, items = [], [], []
    for readout in archive.readouts:
        url = page_url(site, readout)
        entries.append(cite.bibtex(readout, url, name))
        references.append(cite.ris(readout, url, name))
        items.append(cite.csl_item(readout, url, name))
    return [
        Page(BIBLIOGRAPHY["bib"], "\n".join(entries)),
        Page(BIBLIOGRAPHY["ris"], "\r\n".join(references)),
        Page(BIBLIOGRAPHY["csl-json"], json.dumps(items, ensure_ascii=False, indent=1) + "\n"),
    ]
