"""The synthetic archive of the benchmark: deterministic, sound, realistic; and the benchmark runs end to end."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import bench
from generator.archive.check import check_archive
from generator.core.problems import ERROR
from benchmarks.synthetic import write_synthetic_archive

N = 200
pytestmark = pytest.mark.slow  # a synthetic archive of N readouts, checked whole


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    write_synthetic_archive(root, N, seed=7)
    return root


@pytest.fixture(scope="module")
def checked(synthetic):
    return check_archive(synthetic)


def test_the_same_seed_gives_the_same_bytes(tmp_path, synthetic):
    write_synthetic_archive(tmp_path / "again", N, seed=7)
    assert _files(tmp_path / "again") == _files(synthetic)
    write_synthetic_archive(tmp_path / "other", N, seed=8)
    assert _files(tmp_path / "other") != _files(synthetic)


def test_n_readouts_with_unique_slugs_in_their_year(synthetic):
    paths = sorted((synthetic / "archive" / "readouts").rglob("*.md"))
    assert len(paths) == N
    assert len({p.stem for p in paths}) == N
    for path in paths:
        assert re.fullmatch(r"(\d{4})-\d\d-\d\d-[a-z0-9]+(-[a-z0-9]+)*", path.stem)
        assert path.stem[:4] == path.parent.name


def test_it_passes_the_check(checked):
    archive, problems = checked
    assert [p.text() for p in problems if p.severity == ERROR] == []
    assert archive is not None and len(archive.readouts) == N


def test_it_passes_the_check_without_warnings(checked):
    """A curated archive: officials the text names who did not take part are named in 'notes'."""
    _, problems = checked
    assert [p.text() for p in problems] == []


def test_registries_are_the_expected_size(checked):
    archive, _ = checked
    countries = Counter(o.country for o in archive.officials)
    assert countries == {"China": 100, "Iran": 100}
    assert all(o.native and o.positions for o in archive.officials)
    assert len(archive.initiatives) == 30
    assert len({i.short for i in archive.initiatives}) == 30
    assert {i.kind for i in archive.initiatives} == {"initiative", "agreement", "organisation"}


def test_readouts_look_like_readouts(checked):
    archive, _ = checked
    for readout in archive.readouts:
        assert 2 <= len(readout.officials) <= 4
        assert {o.country for o in readout.officials} == {"China", "Iran"}
        assert len(readout.initiatives) <= 4
        assert 1996 <= readout.date.year <= 2025
        assert bool(readout.venue) == (readout.kind in ("meeting", "talks"))
        assert readout.source.language == "en"
        if readout.source.published:
            assert 0 <= (readout.source.published - readout.date).days <= 3
        assert 350 <= len(readout.body.split()) <= 800
        for official in readout.officials:  # the text names its participants
            assert any(name in readout.body for name in (official.name, *official.aliases))
    assert len({r.date.year for r in archive.readouts}) >= 25
    assert len({r.kind for r in archive.readouts}) == 4
    assert any(r.mentioned for r in archive.readouts)


def test_some_events_have_two_accounts_from_different_publishers(checked):
    archive, _ = checked
    assert 5 <= len(archive.events) <= 15  # about 5% of 200
    for event in archive.events:
        assert len(event.readouts) == 2
        first, second = event.readouts
        assert first.date == second.date
        assert {o.slug for o in first.officials} == {o.slug for o in second.officials}
        assert first.source.publisher != second.source.publisher
        assert first.slug != second.slug


@pytest.mark.browser  # the search session is measured in headless Chromium
def test_the_benchmark_runs_end_to_end():
    out = io.StringIO()
    assert bench.main(["20", "--quiet"], out=out) == 0
    lines = [line for line in out.getvalue().splitlines() if line.startswith("bench:")]
    assert len(lines) == 1
    values = dict(part.split("=", 1) for part in lines[0].split()[1:])
    assert list(values)[:9] == ["N", "total_s", "floor_s", "ratio", "generator_ms_per_readout", "rss_mb",
                                "search_gz_bytes", "max_page_bytes", "rebuild_written"]
    assert int(values["search_on_load_bytes"]) == 0 and int(values["search_session_gz_bytes"]) > 0
    assert float(values["serve_edit_s"]) > 0
    assert values["N"] == "20"
    assert float(values["total_s"]) > 0 and float(values["floor_s"]) > 0 and float(values["rss_mb"]) > 0
    assert int(values["search_gz_bytes"]) > 0 and int(values["max_page_bytes"]) > 0
    assert values["rebuild_written"] == "0"
    assert 0 < int(values["edit_one_written"]) <= int(values["add_one_written"])  # files written to site/
    assert float(values["add_one_s"]) > 0 and float(values["edit_one_s"]) > 0 and int(values["workers"]) >= 1
    assert "readout.md.j2:" in values["render_ms"] and "official.md.j2:" in values["render_ms"]
    assert values["zensical_s"] == "n/a" or float(values["zensical_s"]) > 0
    kinds = dict(part.split(":") for part in values["kinds_s"].split(","))  # every kind of page, timed
    assert "readouts" in kinds and "search-index" in kinds and all(float(s) >= 0 for s in kinds.values())
    assert "data-downloads" in dict(part.split(":") for part in values["add_kinds_s"].split(","))
