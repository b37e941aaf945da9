"""The built real site's data folder, and the fixture archive's model, for the data tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.archive.check import check_archive
from generator.core.settings import site_settings

from ..conftest import REPO

SITE = {"url": "https://example.org/archive/", "name": "Readouts",
        "licence": {"name": "CC0 1.0 Universal", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}}


@pytest.fixture(scope="module")
def site_url() -> str:
    url = site_settings(REPO)["url"]
    assert url.startswith("https://")
    return url


@pytest.fixture(scope="module")
def data(built_real_site) -> Path:
    """The data folder of the built site: what MkDocs copied out of docs/data/."""
    return built_real_site / "site" / "data"


@pytest.fixture
def fixture_archive(project):
    archive, _ = check_archive(project)
    return archive


def page_exists(site: Path, site_url: str, url: str) -> bool:
    assert url.startswith(site_url), url
    return (site / url[len(site_url):] / "index.html").is_file()
