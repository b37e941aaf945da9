"""The search index's shards patched from the last run's: a change makes again only the shards of the
changed readouts' words, pairs and days, and the files are a fresh build's."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.outputs import search
from generator.publish import pipeline
from tests.conftest import make_versions_project
from tests.trees import tree

OTHER = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


@pytest.fixture
def afresh(monkeypatch) -> list[int]:
    """How many times every word shard was made afresh in the runs that follow."""
    made: list[int] = []
    words = search._word_shards
    monkeypatch.setattr(search, "_word_shards", lambda *args: made.append(1) or words(*args))
    return made


def _generate(root: Path) -> pipeline.Generated:
    pipeline._VALIDATED.clear()  # as a new process would
    return pipeline.generate(root)


def _edit(root: Path, old: str, new: str) -> None:
    path = root / OTHER
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _same_as_fresh(root: Path, tmp_path: Path) -> None:
    fresh = make_versions_project(tmp_path / "fresh")
    (fresh / OTHER).write_bytes((root / OTHER).read_bytes())
    _generate(fresh)
    here, there = tree(root / "docs/search"), tree(fresh / "docs/search")
    assert sorted(here) == sorted(there) and [name for name in here if here[name] != there[name]] == []


def test_an_edit_patches_the_shards_of_its_words_alone(tmp_path, afresh):
    root = make_versions_project(tmp_path / "project")
    _generate(root)
    assert afresh == [1]
    _edit(root, "on the phone.", "on the phone about zanzibarian rainfall.")
    written = _generate(root).report.written
    assert afresh == [1]  # patched, not made afresh
    shards = [path for path in written if path.startswith("search/w/")]
    assert "search/w/zan.json" in shards and "search/w/rai.json" in shards
    assert len(shards) <= 4  # the new words' shards, and the shard of the word "phone" whose weight changed
    assert "zanzibarian" in (root / "docs/search/w/zan.json").read_text(encoding="utf-8")
    _same_as_fresh(root, tmp_path)


def test_a_word_gone_from_the_archive_leaves_no_shard_behind(tmp_path, afresh):
    root = make_versions_project(tmp_path / "project")
    _edit(root, "on the phone.", "on the phone about zanzibarian rainfall.")
    _generate(root)
    _edit(root, "on the phone about zanzibarian rainfall.", "on the phone.")
    removed = _generate(root).report.removed
    assert afresh == [1] and "search/w/zan.json" in removed
    _same_as_fresh(root, tmp_path)


def test_a_shard_changed_since_it_was_written_makes_every_shard_afresh(tmp_path, afresh):
    root = make_versions_project(tmp_path / "project")
    _generate(root)
    shard = root / "docs/search/w/pho.json"
    shard.write_text(shard.read_text(encoding="utf-8").replace("phone", "phony"), encoding="utf-8")
    _edit(root, "on the phone.", "on the phone about rain.")
    _generate(root)
    assert afresh == [1, 1]
    _same_as_fresh(root, tmp_path)


def test_a_failed_run_records_nothing(tmp_path, afresh, monkeypatch):
    root = make_versions_project(tmp_path / "project")
    _generate(root)
    _edit(root, "on the phone.", "on the phone about zanzibarian rainfall.")
    with monkeypatch.context() as failing:
        failing.setattr(pipeline.state, "keep_docs", lambda *args: (_ for _ in ()).throw(OSError("disk full")))
        with pytest.raises(OSError):
            _generate(root)
    assert not (root / "docs/search/w/zan.json").exists()  # put back as it was
    _generate(root)
    # patched from the record of the run before: the failed run's would describe files put back,
    # which only a full remake would then get right
    assert afresh == [1]
    _same_as_fresh(root, tmp_path)
