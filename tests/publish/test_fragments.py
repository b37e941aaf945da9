"""What each readout contributes to the whole-archive files is kept on disk between runs
(generator/publish/fragments.py): a run after a change computes the changed readout's alone,
and writes what a fresh build writes, whatever state the store is in."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from generator.publish import cache, fragments, pipeline
from tests.conftest import make_versions_project
from tests.trees import tree

OTHER = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


@pytest.fixture(autouse=True)
def fresh_process():
    pipeline._VALIDATED.clear()  # each generate() below runs as a new process would
    yield
    pipeline._VALIDATED.clear()


def _store(root: Path) -> Path:
    [found] = cache.cache_folder(root).glob(f"*/{fragments.FILE_NAME}")
    return found


def _keys(root: Path) -> set[str]:
    with sqlite3.connect(_store(root)) as db:
        return {key for (key,) in db.execute("SELECT DISTINCT key FROM fragments")}


def _docs(root: Path) -> dict[str, bytes | dict]:
    return tree(root / "docs")


def _generate(root: Path) -> None:
    pipeline._VALIDATED.clear()
    pipeline.generate(root)


def _add_a_sentence(root: Path) -> None:
    path = root / OTHER
    path.write_text(path.read_text(encoding="utf-8") + "\nA sentence added to the record.\n", encoding="utf-8")


def _fresh_copy(root: Path, tmp_path: Path) -> Path:
    fresh = make_versions_project(tmp_path / "fresh")
    (fresh / OTHER).write_bytes((root / OTHER).read_bytes())
    _generate(fresh)
    return fresh


def test_a_run_after_an_edit_computes_the_edited_readouts_fragments_alone(tmp_path, monkeypatch):
    root = make_versions_project(tmp_path / "project")
    pipeline._VALIDATED.clear()
    archive = pipeline.generate(root).archive
    translations = [r for r in archive.readouts if r.translation_of is not None]
    before = _keys(root)
    assert translations and len(before) == len(archive.readouts) - len(translations)  # a translation: every run
    _add_a_sentence(root)
    stored: list[str] = []
    put = fragments.Fragments.put
    monkeypatch.setattr(fragments.Fragments, "put", lambda self, key, *rest: stored.append(key) or put(self, key, *rest))
    _generate(root)
    after = _keys(root)
    assert len(before - after) == 1 and len(after - before) == 1  # the edited file's fragments replaced
    assert set(stored) == after - before and len(stored) >= 6  # record, three citations, postings, pairs, row
    assert "A sentence added to the record." in (root / "docs/data/readouts.json").read_text(encoding="utf-8")
    fresh = _fresh_copy(root, tmp_path)
    here, there = _docs(root), _docs(fresh)
    assert sorted(here) == sorted(there) and [name for name in here if here[name] != there[name]] == []


@pytest.mark.parametrize("damage", ["not a database", "a folder", "rows of another shape"])
def test_a_damaged_store_is_a_store_with_nothing_in_it(tmp_path, damage):
    root = make_versions_project(tmp_path / "project")
    _generate(root)
    store = _store(root)
    if damage == "not a database":
        store.write_bytes(b"SQLite format 3\0" + b"\xff" * 4000)
    elif damage == "a folder":
        store.unlink()
        store.mkdir()
    else:
        with sqlite3.connect(store) as db:
            db.execute("DROP TABLE fragments")
            db.execute("CREATE TABLE fragments (key INTEGER)")
    _add_a_sentence(root)
    _generate(root)  # never a reason to fail
    fresh = _fresh_copy(root, tmp_path)
    here, there = _docs(root), _docs(fresh)
    assert sorted(here) == sorted(there) and [name for name in here if here[name] != there[name]] == []
