"""The site an incremental build retires is kept as the spare the next one starts from: brought up
to date by linking only what differs, it gives what a full build gives."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.publish import site
from generator.publish.pipeline import build_site
from tests.conftest import make_project
from tests.trees import tree

PHONE_CALL = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


def _inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_mirroring_links_what_differs_and_removes_what_is_gone(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    for folder in (source / "a" / "b", source / "c", target / "a", target / "gone", target / "x"):
        folder.mkdir(parents=True)
    (source / "a" / "b" / "page.html").write_text("new")
    (source / "a" / "kept.html").write_text("kept")
    (source / "c" / "was-a-file").mkdir()
    (source / "x").write_text("a file where the target has a folder")
    os.link(source / "a" / "kept.html", target / "a" / "kept.html")  # already the same file
    (target / "a" / "b").write_text("a file where the source has a folder")
    (target / "c").write_text("a file where the source has a folder")
    (target / "gone" / "old.html").write_text("gone")
    (source / "changed.html").write_text("this build's")
    (target / "changed.html").write_text("the last build's")  # the same name, another file
    kept = (target / "a" / "kept.html").stat().st_ino
    site._mirror(source, target)
    assert tree(target) == tree(source) and not (target / "gone").exists()
    assert _inodes(target) == _inodes(source)  # every file a hard link to the source's
    assert (target / "a" / "kept.html").stat().st_ino == kept and (target / "c" / "was-a-file").is_dir()


@pytest.mark.slow
def test_an_incremental_build_starts_from_the_spare_and_equals_a_full_build(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project")
    build_site(project, project / "site")
    assert not site.spare_of(project / "site").exists()  # a full build keeps no spare: every file changed
    path = project / PHONE_CALL
    path.write_text(path.read_text(encoding="utf-8").replace("on the phone.", "on the phone about rain."), encoding="utf-8")
    build_site(project, project / "site")
    spare = site.spare_of(project / "site")
    assert spare.is_dir()
    stale = spare / "about" / "index.html"  # a page no edit of a readout renders again
    stale.unlink()
    stale.write_text("a page that is no longer the site's")  # a file of its own: linked again
    (spare / "stray.html").write_text("not the site's")
    copied: list[Path] = []
    monkeypatch.setattr(site, "_link_tree", lambda source, destination: copied.append(destination))
    path.write_text(path.read_text(encoding="utf-8").replace("about rain.", "about snow."), encoding="utf-8")
    build_site(project, project / "site")
    assert copied == []  # started from the spare, not from a fresh copy
    fresh = make_project(tmp_path / "fresh", project / "archive")
    build_site(fresh, fresh / "site", full=True)
    assert tree(project / "site") == tree(fresh / "site")
    shutil.rmtree(fresh)
