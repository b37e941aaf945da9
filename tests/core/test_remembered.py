"""Values computed from one readout are kept between the live preview's builds, and a build in
such a process still writes what a fresh full build writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core import remembered
from generator.outputs.search import impacts
from generator.publish import pipeline
from tests.conftest import make_versions_project
from tests.trees import tree


@pytest.fixture
def keeping():
    pipeline._VALIDATED.clear()
    remembered.keep_between_builds()
    yield
    remembered.keep_between_builds(False)
    pipeline._VALIDATED.clear()


def test_a_value_is_kept_for_the_same_object_and_arguments_only(keeping):
    calls = []

    @remembered.per_readout
    def measure(readout, scale):
        calls.append((readout, scale))
        return [len(readout) * scale]

    first, second = "abc", "abcd"
    assert measure(first, 2) == [6] and measure(first, 2) == [6] and len(calls) == 1
    assert measure(first, 3) == [9] and len(calls) == 2  # other arguments: computed again
    assert measure(second, 3) == [12] and len(calls) == 3
    remembered.forget_all_but([second])
    assert measure(first, 3) == [9] and len(calls) == 4


def test_without_the_live_preview_nothing_is_kept():
    calls = []
    measure = remembered.per_readout(lambda readout: calls.append(readout) or 1)
    measure("abc"), measure("abc")
    assert len(calls) == 2


def _docs(root: Path) -> dict[str, bytes | dict]:
    return tree(root / "docs")


ORIGINAL = "archive/readouts/2021/2021-01-15-wang-yi-speaks-with-zarif-on-the-phone-zh.md"
TRANSLATION = "archive/readouts/2021/2021-01-15-wang-yi-speaks-with-zarif-on-the-phone.md"
OTHER = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


def _retitle(path: Path, title: str) -> None:
    path.write_text(re.sub(r"^title: .*$", f"title: {title}", path.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")


def test_builds_of_a_warm_process_write_what_a_fresh_full_build_writes(keeping, tmp_path):
    """The citations, search postings and full-text rows of unchanged readouts come from memory;
    a translation cites its original's new title, and an edited text is indexed again."""
    root = make_versions_project(tmp_path / "warm")
    pipeline.remember_archive(root)
    pipeline.generate(root)
    other = next(r for _, r, _ in pipeline._VALIDATED[str(root)][1].values() if r.source_path == OTHER)
    postings = impacts(other)
    unchanged = next(r for _, r, _ in pipeline._VALIDATED[str(root)][1].values() if r.source_path.endswith("fa.md"))
    kept = impacts(unchanged)
    changes = [lambda: _retitle(root / ORIGINAL, "王毅同扎里夫通电话（修订）"),
               lambda: (root / OTHER).write_text((root / OTHER).read_text(encoding="utf-8") + "\nA sentence added.\n",
                                                 encoding="utf-8"),
               lambda: _retitle(root / TRANSLATION, "Wang Yi Speaks with Zarif on the Phone Again")]
    for step, change in enumerate(changes):
        change()
        pipeline.generate(root)
        fresh = make_versions_project(tmp_path / f"fresh-{step}")
        for name in (ORIGINAL, TRANSLATION, OTHER):
            (fresh / name).write_bytes((root / name).read_bytes())
        remembered._keeping.clear()  # the fresh build as a new process makes it, keeping nothing
        pipeline.generate(fresh)
        remembered.keep_between_builds()
        here, there = _docs(root), _docs(fresh)
        assert sorted(here) == sorted(there)
        assert [name for name in here if here[name] != there[name]] == [], step
    assert impacts(other) is not postings  # edited: a new readout, indexed again
    assert impacts(unchanged) is kept  # not computed again in any of the builds
    bib = (root / "docs/data/readouts.bib").read_text(encoding="utf-8")
    assert "修订" in bib and "A sentence added" in (root / "docs/data/readouts.json").read_text(encoding="utf-8")


def test_a_warm_process_patches_the_whole_archive_files_as_a_new_process_does(keeping, tmp_path, monkeypatch):
    """Readouts validated in memory come with their files' content keys, so the live preview's runs
    reuse the last run's downloads and search shards (outputs/spliced.py, search_update.py) too."""
    from generator.outputs import search

    root = make_versions_project(tmp_path / "warm")
    pipeline.remember_archive(root)
    pipeline.generate(root)
    afresh: list[int] = []
    words = search._word_shards
    monkeypatch.setattr(search, "_word_shards", lambda *args: afresh.append(1) or words(*args))
    (root / OTHER).write_text((root / OTHER).read_text(encoding="utf-8") + "\nA zanzibarian sentence.\n", encoding="utf-8")
    pipeline.generate(root)
    assert afresh == []  # patched from the last run's shards, in memory as on the command line
    assert "zanzibarian" in (root / "docs/search/w/zan.json").read_text(encoding="utf-8")


class _Store:
    """A fragment store in memory (publish/fragments.py keeps one on disk)."""

    def __init__(self):
        self.values: dict[tuple, str] = {}

    def get(self, key, function, arguments):
        return self.values.get((key, function, arguments))

    def put(self, key, function, arguments, value):
        self.values[(key, function, arguments)] = value


def test_a_stored_value_comes_back_as_it_went_and_is_not_computed_again():
    calls, store, readout = [], _Store(), object()

    @remembered.per_readout
    def fragment(readout, url):
        calls.append(url)
        return {"row": ("title", "text"), "pairs": [frozenset({"b c", "a b"})], "none": None, "url": url}

    with remembered.storing(store, [(readout, "key-1")]):
        first = fragment(readout, "/")
        again = fragment(readout, "/")  # a later run: from the store
        other = fragment(readout, "/other/")  # other arguments: computed
    assert calls == ["/", "/other/"] and again == first and again is not first
    assert isinstance(again["row"], tuple) and isinstance(again["pairs"][0], frozenset)
    assert fragment(readout, "/") == first and calls == ["/", "/other/", "/"]  # no store: computed
    assert other["url"] == "/other/" and len(store.values) == 2


def test_a_value_json_cannot_hold_exactly_is_computed_every_time():
    calls, store, readout = [], _Store(), object()

    @remembered.per_readout
    def counts(readout):
        calls.append(1)
        return {1: "one"}  # JSON would give the key back as "1"

    with remembered.storing(store, [(readout, "key-1")]):
        assert counts(readout) == {1: "one"} and counts(readout) == {1: "one"}
    assert len(calls) == 2 and store.values == {}


def test_a_readout_the_build_does_not_name_is_computed():
    calls, store = [], _Store()
    named, other = object(), object()
    measure = remembered.per_readout(lambda readout: calls.append(readout) or 1)
    with remembered.storing(store, [(named, "key-1")]):
        measure(named), measure(named), measure(other), measure(other)
    assert calls == [named, other, other]
