"""A newcomer's first five minutes: each thing that goes wrong says what to do, in one line."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from generator.__main__ import main, serve_address

from tests.conftest import REPO


def _fake(folder: Path, name: str, script: str) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(0o755)
    return path


def _make(tmp_path: Path, python: Path) -> subprocess.CompletedProcess:
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(REPO / name, tmp_path / name)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}  # not a sub-make
    return subprocess.run(["make", "site", f"PYTHON={python}"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60, env=env)


def test_make_on_a_python_the_pins_cannot_run_on_says_so_in_one_line(tmp_path):
    old = _fake(tmp_path, "python3", 'if [ "$1" = -c ]; then echo 3.11.2; exit 0; fi\necho "pip ran" >&2; exit 9\n')
    done = _make(tmp_path, old)
    assert done.returncode != 0 and "pip ran" not in done.stderr and not (tmp_path / ".venv").exists()
    ours = [line for line in done.stderr.splitlines() if "***" not in line]  # make's own "Error 1" line
    assert ours == [f"make: {old} is Python 3.11.2, and the pinned packages need 3.11.5 or later: install a newer "
                    "Python (python.org, pyenv or your system's packages), then run: make PYTHON=python3.12"]


def test_make_without_a_python_says_how_to_name_one(tmp_path):
    done = _make(tmp_path, tmp_path / "no-such-python")
    ours = [line for line in done.stderr.splitlines() if "***" not in line]  # make's own "Error 1" line
    assert ours == [f"make: no Python at '{tmp_path / 'no-such-python'}': install Python 3.11.5 or later, then run: "
                    "make .venv/.installed PYTHON=/path/to/python3"]


def test_a_new_enough_python_passes_the_version_check(tmp_path):
    new = _fake(tmp_path, "python3", 'if [ "$1" = -c ]; then echo 3.12.0; exit 0; fi\necho "venv made" >&2; exit 9\n')
    done = _make(tmp_path, new)
    assert "venv made" in done.stderr  # past the check, on to creating .venv (which the fake refuses)


def test_installing_chromium_without_root_or_sudo_says_how(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _fake(bin_dir, "id", "echo 1000\n")
    _fake(bin_dir, "apt-get", "echo 'apt-get ran' >&2\nexit 9\n")
    done = subprocess.run(["/bin/sh", str(REPO / "tests/install-debian.sh"), "chromium", "CHROMIUM", "Chromium",
                           "the browser tests"], capture_output=True, text=True,
                          env={"PATH": str(bin_dir), "CHROMIUM": str(tmp_path / "chromium")}, timeout=30)
    assert done.returncode == 1 and "sudo: not found" not in done.stderr and "apt-get ran" not in done.stderr
    assert done.stderr.splitlines() == [
        f"Chromium is not installed at {tmp_path / 'chromium'}, and there is no sudo to install it: as root, run "
        "'apt-get install chromium' (Debian, Ubuntu), or set CHROMIUM=/path/to/chromium to one you have."]


def test_serve_prints_the_whole_address_with_the_site_url_path(project, monkeypatch, capsys):
    assert serve_address(project, "127.0.0.1:8000") == "http://127.0.0.1:8000/archive/"  # site_url's path
    served = []
    monkeypatch.setattr("mkdocs.commands.serve.serve", lambda **options: served.append(options))
    assert main(["--root", str(project), "serve"]) == 0 and served
    assert capsys.readouterr().out == "serve: the site is at http://127.0.0.1:8000/archive/ (Ctrl+C stops it)\n"
