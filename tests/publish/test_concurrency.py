"""One build of a checkout at a time, and a site that changes in one step."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time

import pytest

from generator.publish import site
from generator.publish.lock import NAME, BuildLocked, build_lock
from generator.publish.pipeline import build_site
from tests.conftest import REPO, make_project
from tests.trees import tree

PHONE_CALL = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"
HOLD = "import sys, time; from pathlib import Path; from generator.publish.lock import build_lock\n" \
       "with build_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(float(sys.argv[2]))\n"


def _edit(project, old, new):
    path = project / PHONE_CALL
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _cli_build(project, **env):
    return subprocess.Popen([sys.executable, "-m", "generator", "--root", str(project), "build"], cwd=REPO,
                            env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _same_as_a_full_build(project, tmp_path):
    fresh = make_project(tmp_path / "fresh", project / "archive")
    build_site(fresh, fresh / "site", full=True)
    for folder in ("docs", "site"):
        here, there = tree(project / folder), tree(fresh / folder)
        assert sorted(here) == sorted(there), folder
        assert [name for name in here if here[name] != there[name]] == [], folder
    shutil.rmtree(fresh)


@pytest.mark.slow
def test_a_second_build_stops_with_the_holders_process_id(project, monkeypatch):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(project), "30"], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setenv("READOUTS_LOCK_WAIT", "0.3")
        with pytest.raises(BuildLocked, match=f"another build of this project is running \\(process {holder.pid}, "):
            build_site(project, project / "site")
        assert not (project / "site").exists() and not (project / "docs/index.md").exists()
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
def test_a_lock_left_by_a_dead_build_is_taken_over(project):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (project / NAME).write_text(f"{dead.pid}\n", encoding="ascii")
    with build_lock(project, wait=0):
        assert (project / NAME).read_text(encoding="ascii") == f"{os.getpid()}\n"
    assert (project / NAME).read_text(encoding="ascii") == ""


@pytest.mark.slow
def test_the_command_line_says_another_build_is_running(project):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(project), "30"], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        second = _cli_build(project, READOUTS_LOCK_WAIT="0.2")
        _, err = second.communicate(timeout=120)
        assert second.returncode == 1
        assert f"another build of this project is running (process {holder.pid}" in err and "Traceback" not in err
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.slow
def test_two_builds_at_once_leave_what_a_full_build_makes(project, tmp_path):
    build_site(project, project / "site")
    _edit(project, "on the phone.", "on the phone about rain.")
    builds = [_cli_build(project, READOUTS_LOCK_WAIT="300") for _ in range(2)]
    time.sleep(0.5)
    _edit(project, "about rain.", "about snow.")  # changed while they run: the later build must see it
    results = [build.communicate(timeout=600) + (build.returncode,) for build in builds]
    assert [code for _, _, code in results] == [0, 0], results
    build_site(project, project / "site")  # a third build, after both: what the record says must be true
    assert "snow" in (project / "site/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone/index.html").read_text()
    _same_as_a_full_build(project, tmp_path)
    assert not list(project.glob(".docs-*")) and not list(project.glob(".site-*"))


@pytest.mark.slow  # 300 swaps under a reader that polls without pause
def test_the_site_is_swapped_in_one_step(tmp_path):
    """A reader polling site/ while it is replaced finds a whole site every time."""
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("0", encoding="utf-8")
    missing, done = [], threading.Event()

    def read():
        while not done.is_set():
            try:
                (site_dir / "index.html").read_text(encoding="utf-8")
            except FileNotFoundError:
                missing.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for number in range(1, 300):
            staging = tmp_path / f".site-{number}"
            staging.mkdir()
            (staging / "index.html").write_text(str(number), encoding="utf-8")
            site._swap(staging, site_dir)
    finally:
        done.set()
        reader.join()
    assert missing == [] and (site_dir / "index.html").read_text(encoding="utf-8") == "299"
