"""Downloads made from the last run's file: an unchanged readout's part is copied from it, a changed
one's made, and the bytes are a fresh build's either way."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.outputs import data
from generator.outputs.spliced import LastDownload, Part, spliced
from generator.publish import pipeline
from tests.conftest import make_versions_project

OTHER = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


def _download(tmp_path: Path, texts: dict[str, str], last: LastDownload | None, made: list[str]) -> bytes:
    def part(rid: str, text: str) -> Part:
        return Part(rid, f"digest of {text}", lambda: made.append(rid) or text)

    pieces = ["[", *(piece for rid, text in texts.items() for piece in (part(rid, text), ",")), "]"]
    return b"".join(spliced(pieces, last))


def _remembered(tmp_path: Path, texts: dict[str, str]) -> LastDownload:
    """The download of `texts` written to a file, with the record its run keeps."""
    kept = {}
    last = LastDownload(tmp_path / "download", None, {}, lambda sha, parts: kept.update(sha=sha, parts=parts))
    last.path.write_bytes(_download(tmp_path, texts, last, []))
    return LastDownload(last.path, kept["sha"], kept["parts"], lambda sha, parts: None)


def test_unchanged_parts_are_copied_and_changed_ones_made(tmp_path):
    last = _remembered(tmp_path, {"a": "first", "b": "second ü", "c": "third"})
    made: list[str] = []
    now = {"a": "first", "b": "second, edited", "new": "added", "c": "third"}
    assert _download(tmp_path, now, last, made) == _download(tmp_path, now, None, [])
    assert made == ["b", "new"]


def test_a_file_that_is_not_the_one_recorded_has_every_part_made(tmp_path):
    last = _remembered(tmp_path, {"a": "first", "b": "second"})
    last.path.write_bytes(last.path.read_bytes().replace(b"first", b"FIRST"))  # changed by hand
    made: list[str] = []
    assert _download(tmp_path, {"a": "first", "b": "second"}, last, made) == b"[first,second,]"
    assert made == ["a", "b"]
    assert hashlib.sha256(last.path.read_bytes()).hexdigest() != last.sha256


def test_after_an_edit_the_json_and_csv_make_the_edited_record_alone(tmp_path, monkeypatch):
    root = make_versions_project(tmp_path / "project")
    pipeline._VALIDATED.clear()
    pipeline.generate(root)
    made: list[str] = []
    record = data.readout_record
    monkeypatch.setattr(data, "readout_record", lambda readout, *rest: made.append(readout.id) or record(readout, *rest))
    path = root / OTHER
    path.write_text(path.read_text(encoding="utf-8").replace("on the phone.", "on the phone about rain."), encoding="utf-8")
    pipeline._VALIDATED.clear()
    pipeline.generate(root)
    assert made == [path.stem, path.stem]  # once for the JSON, once for the CSV
    assert "on the phone about rain." in (root / "docs/data/readouts.json").read_text(encoding="utf-8")
    assert "on the phone about rain." in (root / "docs/data/readouts.csv").read_text(encoding="utf-8-sig")
