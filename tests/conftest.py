"""Shared fixtures: small real projects in temporary folders, and the real archive built once."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.project import copy_site_setup

REPO = Path(__file__).resolve().parent.parent
FIXTURE_ARCHIVE = REPO / "tests" / "fixtures" / "archive"
SEARCH_ARCHIVE = REPO / "tests" / "fixtures" / "search"  # readouts in Chinese and Persian, accounts of one call
VERSIONS_OVERLAY = REPO / "tests" / "fixtures" / "versions"  # laid over the fixture archive: language versions
ARTIFACTS = REPO / "test-artifacts"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

WHOLE_SITES = {"built_real_site", "built_fixture_site", "built_search_site", "built_versions_site"}  # fixtures that build a site with strict MkDocs


def pytest_collection_modifyitems(config, items):
    """A test that reads a whole built site is slow, like the build it needs. In a parallel run (make
    test), the slow tests are handed out first, so that short ones fill the end of every worker's share
    instead of one worker running a minute-long test alone at the end."""
    for item in items:
        if WHOLE_SITES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    if hasattr(config, "workerinput"):  # each worker collects, in the same order, what the others do
        items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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


def _files(root: Path) -> dict[str, tuple[int, int]]:
    return {str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(root.rglob("*")) if path.is_file()}


def built_once(tmp_path_factory, name: str, make: Callable[[Path], Path]):
    """The project `make(folder)` builds, made once per test run and shared by every test and every
    worker (make test runs the suite in several processes): the first worker to ask builds it while
    the others wait on a lock beside it. The tests only read it, and a test that wrote into it would
    change what the tests after it see: the fixture fails the run if any file in it changed."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the folder of this run, above each worker's own
    done = base / f"{name}.built"
    with open(base / f"{name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            shutil.rmtree(base / name, ignore_errors=True)  # what a failed build in another worker left
            done.write_text(str(make(base / name / "project")), encoding="utf-8")
    root = Path(done.read_text(encoding="utf-8"))
    before = _files(root)
    yield root
    after = _files(root)
    changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
    assert not changed, f"a test wrote into the shared build {name}: {changed[:5]} (copy it into tmp_path first)"


def _strict_build(root: Path) -> Path:
    from generator.publish.pipeline import build_site

    build_site(root, root / "site", strict=True)
    return root


@pytest.fixture(scope="session")
def built_real_site(tmp_path_factory) -> Path:
    """The real archive, generated and built with strict MkDocs, once per test run."""
    yield from built_once(tmp_path_factory, "real", lambda root: _strict_build(make_project(root, REPO / "archive")))


@pytest.fixture(scope="session")
def built_search_site(tmp_path_factory) -> Path:
    """The search fixture archive, generated and built with strict MkDocs, once per test run."""
    yield from built_once(tmp_path_factory, "search", lambda root: _strict_build(make_project(root, SEARCH_ARCHIVE)))


@pytest.fixture(scope="session")
def built_versions_site(tmp_path_factory) -> Path:
    """The fixture archive with its language versions, generated and built with strict MkDocs, once per test run."""
    yield from built_once(tmp_path_factory, "versions", lambda root: _strict_build(make_versions_project(root)))


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
    yield from built_once(tmp_path_factory, "fixture", lambda root: _strict_build(retire_an_id(make_project(root))))
