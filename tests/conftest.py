"""Shared fixtures: small real projects in temporary folders, and the real archive built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from benchmarks.project import copy_site_setup

REPO = Path(__file__).resolve().parent.parent
FIXTURE_ARCHIVE = REPO / "tests" / "fixtures" / "archive"
VERSIONS_OVERLAY = REPO / "tests" / "fixtures" / "versions"  # laid over the fixture archive: language versions
ARTIFACTS = REPO / "test-artifacts"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

WHOLE_SITES = {"built_real_site", "built_fixture_site"}  # fixtures that build a site with strict MkDocs


def pytest_collection_modifyitems(items):
    """A test that reads a whole built site is slow, like the build it needs."""
    for item in items:
        if WHOLE_SITES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


# Left out by -m "not browser" and -m "not slow" without being imported at all: Playwright, and
# Hypothesis for the property test (whose module is all slow), take seconds to import.
LEFT_OUT_WHOLE = {"browser": ("tests/browser",), "slow": ("tests/archive/test_property.py",)}


def pytest_ignore_collect(collection_path, config):
    expression = config.getoption("markexpr") or ""
    path = Path(collection_path).resolve()
    for marker, paths in LEFT_OUT_WHOLE.items():
        if f"not {marker}" in expression and any(path == REPO / left_out for left_out in paths):
            return True
    return None


@pytest.fixture(scope="session", autouse=True)
def _readout_cache(tmp_path_factory):
    """Builds keep validated readouts in a folder of the test run, not in the user's cache."""
    os.environ["READOUTS_CACHE"] = str(tmp_path_factory.mktemp("readouts-cache"))


def make_project(root: Path, archive: Path = FIXTURE_ARCHIVE) -> Path:
    """A project folder with the repository's site set-up and the given archive."""
    copy_site_setup(root)
    shutil.copytree(archive, root / "archive")
    return root


def make_versions_project(root: Path) -> Path:
    """The fixture archive with Chinese and Persian versions of its readouts (tests/fixtures/versions/
    holds the files it adds or replaces): a pair that agrees, a pair whose English version lacks a
    sentence and a formulation, and a Persian pair."""
    make_project(root)
    shutil.copytree(VERSIONS_OVERLAY, root / "archive", dirs_exist_ok=True)
    return root


@pytest.fixture
def versions_project(tmp_path: Path) -> Path:
    return make_versions_project(tmp_path / "project")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The small fixture archive, ready to build."""
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_real_site(tmp_path_factory) -> Path:
    """The real archive, generated and built with strict MkDocs, once per test run."""
    from generator.publish.pipeline import build_site

    root = make_project(tmp_path_factory.mktemp("real") / "project", REPO / "archive")
    build_site(root, root / "site", strict=True)
    return root


def write_readout(project: Path, relative: str, text: str) -> Path:
    path = project / "archive" / "readouts" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


RETIRED_ID = "2020-10-09-wang-yi-zarif-phone-call"  # the fixture call's address before its id was corrected


def retire_an_id(root: Path) -> Path:
    """The fixture archive as it is after one published id was retired: the old address is a
    redirect entry in archive/published-ids.yml, whose page forwards to the readout."""
    with (root / "archive" / "published-ids.yml").open("a", encoding="utf-8") as ids:
        ids.write(f"\n- id: {RETIRED_ID}\n  year: 2020\n  redirect: 2020-10-09-wang-yi-speaks-with-zarif-by-phone\n")
    return root


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory) -> Path:
    """The fixture archive with a retired id, generated and built with strict MkDocs, once per test run."""
    from generator.publish.pipeline import build_site

    root = retire_an_id(make_project(tmp_path_factory.mktemp("fixture") / "project"))
    build_site(root, root / "site", strict=True)
    return root
