"""Every link the generator writes as HTML resolves: MkDocs no longer sees them, so this test does."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmarks.synthetic import make_bench_project
from generator.publish.pipeline import build_site
from generator.pages import render


class _Hrefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.hrefs.append(value)


def broken_links(site: Path, base: str = "/archive/") -> list[str]:
    """Every href or src in site/ that names no file there, as "page: href"; an absolute path
    is read under `base`, the path of the site's address (404.html links so)."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = _Hrefs()
        parser.feed(page.read_text(encoding="utf-8"))
        folder = page.parent.relative_to(site).as_posix()
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue  # another site, or an anchor on this page
            path = parts.path.removeprefix(base) if parts.path.startswith(base) else parts.path
            target = posixpath.normpath(posixpath.join(folder, path))
            resolved = site / target / "index.html" if (site / target).is_dir() else site / target
            if target.startswith("..") or not resolved.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
    return broken


def test_every_link_in_the_real_site_resolves(built_real_site):
    assert broken_links(built_real_site / "site") == []


@pytest.mark.slow
def test_every_link_resolves_in_a_larger_archive_with_pages_per_year(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "LIST_LIMIT", 15)  # officials and initiatives get a page per year
    root = make_bench_project(tmp_path / "project", 120)
    build_site(root, root / "site")
    assert list((root / "site/officials").glob("*/20*/index.html")), "no listing was split by year"
    assert broken_links(root / "site") == []


def test_the_check_finds_a_broken_link(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<a href="../b/">b</a><a href="../a/#x">a</a><a href="https://x.org/">x</a>')
    assert broken_links(tmp_path) == ["a/index.html: ../b/"]
    (tmp_path / "b").mkdir()
    (tmp_path / "b/index.html").write_text("")
    assert broken_links(tmp_path) == []
