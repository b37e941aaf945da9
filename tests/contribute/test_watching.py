"""`sources watch` against a local server whose page changes, moves, vanishes and comes back; and the
log it writes, read by the check."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.archive.check import check_archive
from generator.contribute.fetch import FetchSettings
from generator.contribute.watching import WatchSettings, watch_sources

from tests.conftest import make_project, write_readout
from tests.contribute.servers import ScriptedServer

SETTINGS = WatchSettings(fetch=FetchSettings(timeout=2.0, allow_loopback=True), pause=0)
SENTENCES = ["Wang Yi spoke with Zarif on the phone.", "Both sides agreed to keep in touch.",
             "They exchanged views on the region."]
DAY = date(2025, 1, 6)


def _page(sentences: list[str], title: str = "Wang Yi Speaks with Zarif") -> tuple[int, dict, bytes]:
    body = "".join(f"<p>{s} It was a call of substance between the two ministers.</p>" if False else f"<p>{s}</p>"
                   for s in sentences)
    html = (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><h1>{title}</h1>"
            f"<div class='content'>{body}</div><footer>All rights reserved</footer></body></html>")
    return 200, {"Content-Type": "text/html; charset=utf-8"}, html.encode()


def _readout(root: Path, url: str) -> None:
    write_readout(root, "2025/2025-01-02-wang-yi-zarif.md", f"""---
id: 2025-01-02-wang-yi-zarif
title: Wang Yi Speaks with Zarif
date: 2025-01-02
kind: phone call
officials: [Wang Yi, Mohammad Javad Zarif]
source:
  publisher: Ministry of Foreign Affairs of the People's Republic of China
  url: {url}
  language: en
added: 2025-01-03
---
""" + "\n\n".join(SENTENCES) + "\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    fixture = root / "archive/readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif.md"
    fixture.write_text(fixture.read_text(encoding="utf-8").replace("  url: https://example.org/wang-yi-zarif.html\n", ""),
                       encoding="utf-8")  # only the readout served here has an address
    return root


def test_a_page_that_changes_moves_vanishes_and_comes_back(project):
    answers: dict[str, object] = {"/robots.txt": lambda p: (200, {}, b"User-agent: *\nDisallow: /private/\n")}
    with ScriptedServer(answers) as server:
        _readout(project, server.base + "/news/1.html")
        states = []

        def run(day: int, page) -> list:
            answers["/news/1.html"] = page
            events = watch_sources(project, SETTINGS, DAY + timedelta(days=day), say=lambda text: None)
            states.append([e.state for e in events])
            return events

        run(0, lambda p: _page(SENTENCES))
        edited = run(1, lambda p: _page(SENTENCES[:2] + ["They discussed the nuclear deal."]))
        run(2, lambda p: _page(SENTENCES[:2] + ["They discussed the nuclear deal."]))  # no change, nothing recorded
        run(3, lambda p: (404, {}, b"<html><title>404</title></html>"))
        run(4, lambda p: (200, {}, b"<html><head><title>Page not found</title></head><body><p>Page not found</p></body></html>"))
        run(5, lambda p: _page(SENTENCES))
        answers["/eng/1.html"] = lambda p: _page(SENTENCES)
        moved = run(6, lambda p: (301, {"Location": "/eng/1.html"}, b""))
        run(7, lambda p: (302, {"Location": "file:///etc/passwd"}, b""))
        run(8, lambda p: (302, {"Location": "http://10.0.0.1/admin"}, b""))
    assert states == [["live"], ["edited"], [], ["unreachable"], ["removed"], ["restored"], ["moved"], ["unreachable"], []]
    assert edited[0].added == ("They discussed the nuclear deal.",) and edited[0].removed == ("They exchanged views on the region.",)
    assert moved[0].url == server.base + "/eng/1.html"
    assert all("china-iran-readouts-archive" in agent for _, agent in server.requests)
    assert [path for path, _ in server.requests].count("/robots.txt") == 9  # once a run, per host
    archive, problems = check_archive(project)
    assert archive is not None, [p.text() for p in problems]
    events = [e for r in archive.readouts for e in r.source_events]
    assert [e.state for e in events] == ["live", "edited", "unreachable", "removed", "restored", "moved",
                                                        "unreachable"]
    assert events[2].note.startswith("not found once (HTTP 404)")
    assert "redirected to a non-http(s) address" in events[-1].note


def test_network_failures_are_not_removals(project):
    with ScriptedServer({}) as server:
        url = server.base + "/news/1.html"
    _readout(project, url)  # the server is gone: every request is refused
    for day in range(3):
        events = watch_sources(project, SETTINGS, DAY + timedelta(days=day), say=lambda text: None)
        assert [e.state for e in events] == (["unreachable"] if day == 0 else [])


def test_robots_txt_is_respected(project):
    with ScriptedServer({"/robots.txt": lambda p: (200, {}, b"User-agent: *\nDisallow: /news/\n"),
                         "/news/1.html": lambda p: _page(SENTENCES)}) as server:
        _readout(project, server.base + "/news/1.html")
        assert watch_sources(project, SETTINGS, DAY, say=lambda text: None) == []
    assert [path for path, _ in server.requests] == ["/robots.txt"]


def test_the_check_reads_the_log_and_names_the_line_of_each_problem(project):
    _readout(project, "https://www.fmprc.gov.cn/eng/1.html")
    (project / "archive/source-log.yml").write_text(
        "- readout: 2025-01-02-wang-yi-zarif\n  date: 2025-01-06\n  state: live\n"
        "- readout: 2025-01-02-wang-yi-zarf\n  date: 2025-13-01\n  state: vanished\n  url: javascript:alert(1)\n",
        encoding="utf-8")
    archive, problems = check_archive(project)
    assert archive is None
    assert [p.text() for p in problems if p.path == "archive/source-log.yml"] == [
        "archive/source-log.yml:4:3: error: no readout has the id '2025-01-02-wang-yi-zarf' (did you mean '2025-01-02-wang-yi-zarif'?)",
        "archive/source-log.yml:5:3: error: '1.date' is an impossible date (2025-13-01): month must be in 1..12 (write a real day as YYYY-MM-DD)",
        "archive/source-log.yml:6:3: error: 'vanished' is not a state of a source page (one of: live, edited, moved, removed, restored, unreachable)",
        "archive/source-log.yml:7:3: error: 'url' must be an http(s) address (write it starting with https://, with any ( ) [ ] as %28 %29 %5B %5D)",
    ]
