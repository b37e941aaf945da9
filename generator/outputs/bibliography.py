"""Citations to download: each readout's .bib and .ris (linked from its page), and the whole
archive as one BibTeX file, one RIS file and one CSL-JSON file, in the archive's order."""

from __future__ import annotations

import json

from ..core.model import Archive
from ..pages import cite
from ..pages.addresses import Page, citation_path, page_url

BIBLIOGRAPHY = {"bib": "data/readouts.bib", "ris": "data/readouts.ris", "csl-json": "data/readouts.csl.json"}


def render_bibliography(archive: Archive, site: dict) -> list[Page]:
    name = site.get("name", "")
    pages, entries, references, items = [], [], [], []
    for readout in archive.readouts:
        url = page_url(site, readout)
        entry, reference = cite.bibtex(readout, url, name), cite.ris(readout, url, name)
        pages += [Page(citation_path(readout, "bib"), entry), Page(citation_path(readout, "ris"), reference)]
        entries.append(entry)
        references.append(reference)
        items.append(cite.csl_item(readout, url, name))
    pages += [
        Page(BIBLIOGRAPHY["bib"], "\n".join(entries)),
        Page(BIBLIOGRAPHY["ris"], "\r\n".join(references)),
        Page(BIBLIOGRAPHY["csl-json"], json.dumps(items, ensure_ascii=False, indent=1) + "\n"),
    ]
    return pages
