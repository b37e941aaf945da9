"""Faults leave nothing behind and nothing stale: hand-written pages by MkDocs' own rules, a full
disk, Ctrl-C, strict mode's warnings, and builds killed at random points."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.synthetic import make_bench_project
from generator.publish import site as site_module
from generator.publish.pipeline import build_site
from generator.publish.write import WriteRefused
from tests.conftest import REPO
from tests.publish.test_concurrency import HOLD, _same_as_a_full_build
from tests.trees import tree

PHONE_CALL = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


def _edit(project, old, new, relative=PHONE_CALL):
    path = project / relative
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.mark.slow
def test_hand_written_markdown_and_readme_pages_follow_mkdocs_rules(project, tmp_path):
    (project / "docs/notes.markdown").write_text("# Notes\n\nFirst version.\n", encoding="utf-8")
    (project / "docs/team").mkdir()
    (project / "docs/team/README.md").write_text("# Team\n\nWho keeps the archive.\n", encoding="utf-8")
    build_site(project, project / "site")
    live = (project / "site/notes/index.html")
    assert "First version." in live.read_text(encoding="utf-8")
    assert "Who keeps" in (project / "site/team/index.html").read_text(encoding="utf-8")
    kept = tmp_path / "kept.html"
    os.link(live, kept)  # the file a reader may be served right now
    (project / "docs/notes.markdown").write_text("# Notes\n\nSecond version.\n", encoding="utf-8")
    build_site(project, project / "site")
    assert "First version." in kept.read_text(encoding="utf-8")  # never rewritten in place
    assert "Second version." in live.read_text(encoding="utf-8")
    build_site(project, tmp_path / "full-site", full=True)  # the same docs/, rendered whole
    assert tree(project / "site") == tree(tmp_path / "full-site")
    (project / "docs/notes.markdown").unlink()
    (project / "docs/team/README.md").unlink()
    build_site(project, project / "site")
    assert not (project / "site/notes").exists() and not (project / "site/team").exists()


def test_mkdocs_rules_name_every_output():
    assert [site_module._output_of(path) for path in ("a.markdown", "b/README.md", "index.md", "c/d.md", "e.png")] == [
        "a/index.html", "b/index.html", "index.html", "c/d/index.html", "e.png"]


def test_a_full_disk_names_the_file_and_leaves_docs_as_it_was(project, monkeypatch):
    from generator.publish.pipeline import generate

    generate(project)
    before = tree(project / "docs")
    _edit(project, "on the phone.", "on the phone about rain.")

    def full(self, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(WriteRefused, match=r"cannot write docs/readouts/\S+\.md: No space left on device"):
        build_site(project, project / "site")
    monkeypatch.undo()
    assert tree(project / "docs") == before
    assert not [p for p in (project / "docs").rglob("*") if p.name.endswith(".tmp")]


def _hears_ctrl_c():
    """A suite started in the background (`make test &`) passes its processes Ctrl-C ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_ctrl_c_stops_a_build_without_a_traceback(project):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(project), "60"], cwd=REPO, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        build = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project), "build"], cwd=REPO,
                                 env={**os.environ, "READOUTS_LOCK_WAIT": "60"}, stderr=subprocess.PIPE, text=True,
                                 preexec_fn=_hears_ctrl_c)
        time.sleep(3)  # waiting for the lock
        build.send_signal(signal.SIGINT)
        _, err = build.communicate(timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert build.returncode == 130 and err.strip().endswith("interrupted: docs/ and site/ are as they were")
    assert "Traceback" not in err


def test_strict_mode_says_which_warning_stopped_it_and_where_it_came_from():
    said = site_module._explained(
        "Aborted with 2 warnings in strict mode!",
        ["Doc file 'readouts/2020/x.md' contains a link 'y.md', but the target is not found among documentation files.",
         "Doc file 'about.md' contains a link 'minutes.md', but the target is not found among documentation files."],
        {"readouts/2020/x.md": "archive/readouts/2020/x.md"})
    assert said.splitlines() == [
        "Aborted with 2 warnings in strict mode!",
        "  Doc file 'readouts/2020/x.md' contains a link 'y.md', but the target is not found among documentation "
        "files. (in archive/readouts/2020/x.md)",
        "  Doc file 'about.md' contains a link 'minutes.md', but the target is not found among documentation files. "
        "(in docs/about.md)"]


@pytest.mark.slow
def test_a_strict_failure_shows_mkdocs_warning(project):
    from mkdocs.exceptions import Abort

    about = project / "docs/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [the minutes](minutes.md).\n", encoding="utf-8")
    with pytest.raises(Abort, match=r"(?s)strict mode.*'minutes\.md'.*\(in docs/about\.md\)"):
        build_site(project, project / "site")


@pytest.mark.slow
def test_builds_killed_at_random_points_leave_the_next_build_equal_to_a_full_one(tmp_path):
    rng = random.Random(7)
    root = make_bench_project(tmp_path / "project", 30, 7)
    build_site(root, root / "site")
    readouts = sorted((root / "archive/readouts").rglob("*.md"))
    for round_ in range(4):
        path = rng.choice(readouts)
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n\nKilled round {round_}.\n", encoding="utf-8")
        build = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(root), "build"], cwd=REPO,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 6))
        build.kill()
        build.wait()
    build_site(root, root / "site")
    _same_as_a_full_build(root, tmp_path)
    assert not list(root.glob(".docs-*")) and not list(root.glob(".site-*"))
    assert not [p for p in (root / "docs").rglob("*") if p.name.endswith(".tmp")]
