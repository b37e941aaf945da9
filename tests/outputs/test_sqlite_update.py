"""readouts.sqlite updated in a copy of the last run's file: the rows of the changed readouts alone go
out and in, and the content is a fresh build's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from generator.outputs import sqlite_update
from generator.publish import pipeline
from tests.conftest import make_versions_project
from tests.trees import database_content

DOWNLOAD = "docs/data/readouts.sqlite"
OTHER = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"
CHINESE = "archive/readouts/2021/2021-01-15-wang-yi-speaks-with-zarif-on-the-phone-zh.md"
ENGLISH = "2021-01-15-wang-yi-speaks-with-zarif-on-the-phone"


@pytest.fixture
def made(monkeypatch) -> list[Path]:
    """Each database made afresh in the runs that follow."""
    found: list[Path] = []
    make = sqlite_update.make_database
    monkeypatch.setattr(sqlite_update, "make_database", lambda path, *rest: found.append(path) or make(path, *rest))
    return found


def _generate(root: Path) -> None:
    pipeline._VALIDATED.clear()  # as a new process would
    pipeline.generate(root)


def _fresh(root: Path, tmp_path: Path) -> dict:
    """The download of a fresh build of the same archive."""
    fresh = make_versions_project(tmp_path / "fresh")
    for path in (root / "archive").rglob("*"):
        if path.is_file():
            (fresh / path.relative_to(root)).write_bytes(path.read_bytes())
    _generate(fresh)
    return database_content(fresh / DOWNLOAD)


def _edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_updates_the_last_file_and_gives_a_fresh_builds_content(tmp_path, made):
    root = make_versions_project(tmp_path / "project")
    _generate(root)
    assert len(made) == 1
    _edit(root, OTHER, "on the phone.", "on the phone about rain.")
    _generate(root)
    assert len(made) == 1  # updated, not made again
    content = database_content(root / DOWNLOAD)
    assert any("about rain" in row[-4] for row in content["readouts"])  # text_plain
    assert content == _fresh(root, tmp_path)


def test_a_readout_whose_version_group_changed_is_updated_though_its_file_is_not(tmp_path, made):
    root = make_versions_project(tmp_path / "project")
    _generate(root)
    before = database_content(root / DOWNLOAD)["readout_versions"]
    assert [row for row in before if row[0] == ENGLISH]  # the English account lists its Chinese version
    _edit(root, CHINESE, f"version_of: {ENGLISH}\n", "")
    _generate(root)
    assert len(made) == 1
    content = database_content(root / DOWNLOAD)
    assert not [row for row in content["readout_versions"] if row[0] == ENGLISH]
    assert content == _fresh(root, tmp_path)


def test_a_download_changed_since_it_was_written_is_made_afresh(tmp_path, made):
    root = make_versions_project(tmp_path / "project")
    _generate(root)
    with sqlite3.connect(root / DOWNLOAD) as db:  # not the file the last run recorded
        db.execute("UPDATE readouts SET title = 'planted'")
    _edit(root, OTHER, "on the phone.", "on the phone about rain.")
    _generate(root)
    assert len(made) == 2
    content = database_content(root / DOWNLOAD)
    assert "planted" not in {row[1] for row in content["readouts"]}
    assert content == _fresh(root, tmp_path)


def test_a_run_that_changes_no_readout_leaves_the_file_as_it_was(tmp_path, made):
    root = make_versions_project(tmp_path / "project")  # translations among its readouts
    _generate(root)
    before = (root / DOWNLOAD).stat().st_mtime_ns
    (root / ".build-state.json").unlink()  # so that every kind is made again
    _generate(root)
    assert len(made) == 1 and (root / DOWNLOAD).stat().st_mtime_ns == before
