"""Draft a readout from a web page as a browser saves it: the page's own metadata fills the source's
fields (address, publisher, publication date, language, the day it was saved), its article the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..archive.registry import Registry
from . import sources
from .draft import Draft, DraftError, PageFacts, draft_page, load_draft_registry
from .page_text import Page
from .saved_page import PageError, SavedPage, read_saved_page


def _publisher(saved: SavedPage, url: str, publishers) -> str:
    """Through publishers.yml: the address's host first, the page's site name as a hint after it."""
    if publishers is None:
        return ""
    found, _ = sources.publisher(url, [], "", [], publishers)
    return found or sources.site_publisher(saved.site_name, publishers)


def page_parts(saved: SavedPage) -> Page:
    """The saved page as the parts the drafting reads from pasted text."""
    return Page(title=saved.headline, title_line=saved.headline,
                stamps=[saved.published] if saved.published else [], paragraphs=list(saved.paragraphs),
                removed=list(saved.removed), navigation=[saved.site_name] if saved.site_name else [],
                credits=list(saved.credits))


def draft_saved_page(data: bytes, name: str, root: Path, *, url: str = "", publisher: str = "",
                     today: date | None = None, registry: Registry | None = None) -> Draft:
    """The draft of a readout file from the bytes of a saved HTML page."""
    try:
        saved = read_saved_page(data, name)
    except PageError as error:
        raise DraftError(str(error)) from None
    registry = registry or load_draft_registry(root)
    url = url or saved.url
    publisher = publisher or _publisher(saved, url, registry.publishers)
    facts = PageFacts(language=saved.language, captured=saved.captured, credits=saved.credits, saved_page=True)
    return draft_page(page_parts(saved), root, registry, url=url, publisher=publisher, today=today, facts=facts)
