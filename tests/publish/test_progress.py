"""A long build says what it is doing: plain lines in a log, a bar on a terminal."""

import io

import pytest

from generator.publish.pipeline import build_site
from generator.publish.progress import Progress

pytestmark = pytest.mark.slow  # each test builds the site with MkDocs


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_build_reports_each_stage_with_its_counts_in_plain_lines(project, tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("READOUTS_CACHE", str(tmp_path / "cache"))  # an empty cache: every file is read
    log = io.StringIO()
    build_site(project, project / "site", progress=Progress(log))
    lines = log.getvalue().splitlines()
    assert [line.split(":")[1].strip() for line in lines] == ["check", "render", "write", "MkDocs renders"]
    assert lines[0].startswith("build: check: 3 readout files read and validated (") and "\r" not in log.getvalue()
    assert lines[-1].startswith("build: MkDocs renders: ") and " of " in lines[-1]


def test_on_a_terminal_the_pages_rendered_are_shown_as_a_bar(project, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    terminal = _Terminal()
    build_site(project, project / "site", progress=Progress(terminal))
    assert "\rbuild: MkDocs renders [" in terminal.getvalue() and "##############################]" in terminal.getvalue()


def test_in_ci_a_terminal_gets_plain_lines(project, monkeypatch):
    monkeypatch.setenv("CI", "true")
    terminal = _Terminal()
    build_site(project, project / "site", progress=Progress(terminal))
    assert "\r" not in terminal.getvalue()
