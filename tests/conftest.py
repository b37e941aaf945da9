"""Shared fixtures: small real projects in temporary folders, and the real archive built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE_ARCHIVE = REPO / "tests" / "fixtures" / "archive"
ARTIFACTS = REPO / "test-artifacts"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _generated(folder: str, names: list[str]) -> list[str]:
    """Build output in the repository's docs/ stays behind: only hand-written pages are copied."""
    from generator.write import GENERATED

    return [n for n in names if n in GENERATED] if Path(folder) == REPO / "docs" else []


def make_project(root: Path, archive: Path = FIXTURE_ARCHIVE) -> Path:
    """A project folder with the repository's site set-up and the given archive."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(REPO / "CONTRIBUTING.md", root / "CONTRIBUTING.md")  # the source of the generated contribute page
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "generator").symlink_to(REPO / "generator")  # mkdocs.yml names its hook by path
    shutil.copytree(REPO / "docs", root / "docs", ignore=lambda folder, names: _generated(folder, names))
    shutil.copytree(archive, root / "archive")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The small fixture archive, ready to build."""
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_real_site(tmp_path_factory) -> Path:
    """The real archive, generated and built with strict MkDocs, once per test run."""
    from generator.pipeline import build_site

    root = make_project(tmp_path_factory.mktemp("real") / "project", REPO / "archive")
    build_site(root, root / "site", strict=True)
    return root


def write_readout(project: Path, relative: str, text: str) -> Path:
    path = project / "archive" / "readouts" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
