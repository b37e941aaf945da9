"""Measurements of a built site: its files and bytes, its search index raw and gzipped, its largest page."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path


@dataclass
class SiteStats:
    files: int
    bytes: int
    search_files: int  # the files of the search index
    search_bytes: int
    search_gz_bytes: int  # each file gzipped on its own, as a web server sends it; summed
    search_largest_gz: int  # the most one fetch of the index costs
    search_largest: str
    max_page_bytes: int
    max_page: str


def search_index_files(site: Path) -> list[Path]:
    """Material's search/search_index.json; failing that, whatever index files the site has."""
    index = site / "search" / "search_index.json"
    if index.is_file():
        return [index]
    found = sorted(p for p in (site / "search").rglob("*.json") if p.is_file()) if (site / "search").is_dir() else []
    return found or sorted(p for p in site.rglob("*.json") if p.is_file() and "search" in p.name)


def site_stats(site: Path) -> SiteStats:
    files = total = 0
    max_page_bytes, max_page = 0, ""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        size = path.stat().st_size
        files += 1
        total += size
        if path.suffix == ".html" and size > max_page_bytes:
            max_page_bytes, max_page = size, path.relative_to(site).as_posix()
    search_raw = search_gz = largest_gz = 0
    largest = ""
    search = search_index_files(site)
    for path in search:
        data = path.read_bytes()
        gz = len(gzip.compress(data, compresslevel=6, mtime=0))  # about what a web server sends
        search_raw += len(data)
        search_gz += gz
        if gz > largest_gz:
            largest_gz, largest = gz, path.relative_to(site).as_posix()
    return SiteStats(files, total, len(search), search_raw, search_gz, largest_gz, largest, max_page_bytes, max_page)


