"""data/formulations.json: every formulation with every paragraph that uses it.

Each use names the readout, the paragraph (its number, and the link to its anchor), the words
matched, the speaker the text names and their side, and the side whose account reports it.
Related wording (akin to the formulation, not the formulation) is listed apart and never
counted as a use.
"""

from __future__ import annotations

import json

from ..core.model import BOTH_SIDES, Archive, Official, Paragraph, Readout
from ..pages.addresses import Page, page_url
from ..pages.index import Indexes

PATH = "data/formulations.json"


def paragraph_speaker(paragraph: Paragraph) -> dict | None:
    """Who speaks in a paragraph: an official (name, id, side), both sides, or None when the text does not say."""
    if isinstance(paragraph.speaker, Official):
        return {"name": paragraph.speaker.name, "slug": paragraph.speaker.slug, "side": paragraph.speaker.country}
    return {"name": BOTH_SIDES, "slug": None, "side": None} if paragraph.speaker == BOTH_SIDES else None


def _use(readout: Readout, paragraph: Paragraph, site: dict, slug: str = "", related: bool = False) -> dict:
    by = readout.source.by
    words = next((paragraph.text[m.start:m.end] for m in paragraph.marks if m.slug == slug and m.related == related), None)
    return {
        "readout": readout.slug,
        "words": words,
        "date": readout.date.isoformat(),
        "paragraph": paragraph.number,
        "url": f"{page_url(site, readout)}#{paragraph.anchor}",
        "speaker": paragraph_speaker(paragraph),
        "publisher": readout.source.publisher,
        "account_side": (by.country or None) if by else None,
    }


def render_formulations_data(archive: Archive, indexes: Indexes, site: dict) -> Page:
    records = [{
        "slug": formulation.slug,
        "name": formulation.name,
        "variants": list(formulation.variants),
        "related": list(formulation.related),
        "summary": formulation.summary,
        "page": page_url(site, formulation),
        "uses": [_use(r, p, site, formulation.slug) for r, p in reversed(indexes.uses_of.get(formulation.slug, ()))],
        "related_wording": [_use(r, p, site, formulation.slug, related=True)  # never counted as uses
                            for r, p in reversed((indexes.related_of or {}).get(formulation.slug, ()))],
    } for formulation in archive.formulations]
    return Page(PATH, json.dumps({"formulations": records}, ensure_ascii=False, indent=1) + "\n")
