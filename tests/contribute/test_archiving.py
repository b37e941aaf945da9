"""`sources archive` against a local server playing the web archive, failures included, and the
one-line edit of the contributor's file."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from generator.archive.check import check_archive
from generator.contribute.archiving import ArchiveSettings, archive_sources, copy_date, service_address
from generator.contribute.fetch import FetchError, FetchSettings, fetch
from generator.contribute.source_edit import EditError, add_archived_copy

from tests.conftest import make_project, write_readout
from tests.contribute.servers import ScriptedServer, slow

LOOPBACK = FetchSettings(timeout=2.0, allow_loopback=True)
STAMP = "20240312093000"

READOUT = """---
id: 2024-03-12-wang-yi-meets-zarif  # the id stays
title: 'Wang Yi Meets Zarif'
date: 2024-03-12
kind: phone call
officials: [Wang Yi, Mohammad Javad Zarif]
source:
  publisher: Ministry of Foreign Affairs of the People's Republic of China
  url: https://www.fmprc.gov.cn/eng/x/t1.html   # as published
  language: en
  # captured when the text was copied
  captured: 2024-03-13
added: 2024-03-13
---
Wang Yi spoke with Zarif on the phone.
"""


def _settings(base: str, **options) -> ArchiveSettings:
    return ArchiveSettings(service=base + "/save/", fetch=LOOPBACK, pause=0, **options)


def _saved(path: str):
    return 302, {"Location": f"/web/{STAMP}/{path.removeprefix('/save/')}"}, b""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "project")
    write_readout(root, "2024/2024-03-12-wang-yi-meets-zarif.md", READOUT)
    write_readout(root, "2024/2024-03-14-wang-yi-meets-zarif-again.md", READOUT.replace("2024-03-12-wang-yi-meets-zarif", "2024-03-14-again")
                  .replace("2024-03-12", "2024-03-14").replace("t1.html", "t2.html").replace("Zarif'", "Zarif Again'")
                  .replace("2024-03-13", "2024-03-15"))
    return root


def test_each_address_without_a_copy_gets_one_added_by_one_inserted_line(project):
    with ScriptedServer({"*": _saved, f"/web/{STAMP}/https://www.fmprc.gov.cn/eng/x/t1.html": lambda p: (200, {}, b"ok"),
                         f"/web/{STAMP}/https://www.fmprc.gov.cn/eng/x/t2.html": lambda p: (200, {}, b"ok")}) as server:
        report = archive_sources(project, _settings(server.base), say=lambda text: None)
    assert report.failed == [] and not report.stopped
    copy = f"{server.base}/web/{STAMP}/https://www.fmprc.gov.cn/eng/x/t1.html"
    added = {file: (url, diff) for file, url, diff in report.added}
    assert len(added) == 2  # the fixture archive's own readout with an address has a copy already
    assert added["archive/readouts/2024/2024-03-12-wang-yi-meets-zarif.md"][0] == copy
    text = (project / "archive/readouts/2024/2024-03-12-wang-yi-meets-zarif.md").read_text(encoding="utf-8")
    assert text == READOUT.replace("  captured: 2024-03-13\n", f"  captured: 2024-03-13\n  archived:\n    - {copy}\n")
    changed = [line for line in added["archive/readouts/2024/2024-03-12-wang-yi-meets-zarif.md"][1].splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["+  archived:", f"+    - {copy}"]  # the diff: two lines added, none changed
    assert all("china-iran-readouts-archive" in agent for _, agent in server.requests)
    archive, problems = check_archive(project)
    assert archive is not None
    assert copy_date(copy) == "2024-03-12"


def test_a_copy_joins_an_existing_list_in_its_own_shape(tmp_path):
    root = make_project(tmp_path / "p")
    path = write_readout(root, "2024/2024-03-12-x.md", READOUT.replace(
        "  captured: 2024-03-13\n", "  captured: 2024-03-13\n  archived:\n  - https://archive.ph/abc  # first\n"))
    diff = add_archived_copy(path, root, f"https://web.archive.org/web/{STAMP}/https://x.org/")
    assert f"+  - https://web.archive.org/web/{STAMP}/https://x.org/\n" in diff
    assert "  - https://archive.ph/abc  # first\n  - https://web.archive.org/" in path.read_text(encoding="utf-8")
    assert add_archived_copy(path, root, f"https://web.archive.org/web/{STAMP}/https://x.org/") == ""  # listed once


@pytest.mark.parametrize("source", [
    "source: {publisher: Xinhua, url: 'https://x.org/a', language: en}\n",
    "source:\n  publisher: Xinhua\n  url: https://x.org/a\n  language: en\n  archived: [https://archive.ph/a]\n",
])
def test_a_shape_it_does_not_edit_is_left_as_it_was(tmp_path, source):
    root = make_project(tmp_path / "p")
    text = "---\nid: x\ntitle: X\ndate: 2024-03-12\nkind: phone call\nofficials: [Wang Yi]\n" + source + "added: 2024-03-13\n---\nText.\n"
    path = write_readout(root, "2024/2024-03-12-x.md", text)
    with pytest.raises(EditError, match="one line"):
        add_archived_copy(path, root, f"https://web.archive.org/web/{STAMP}/https://x.org/a")
    assert path.read_text(encoding="utf-8") == text


def test_a_slow_service_times_out_and_the_file_is_unchanged(project):
    before = (project / "archive/readouts/2024/2024-03-12-wang-yi-meets-zarif.md").read_text(encoding="utf-8")
    settings = ArchiveSettings(fetch=FetchSettings(timeout=0.3, allow_loopback=True), pause=0)
    with ScriptedServer({"*": slow(1.5, (302, {"Location": f"/web/{STAMP}/x"}, b""))}) as server:
        report = archive_sources(project, ArchiveSettings(service=server.base + "/save/", fetch=settings.fetch, pause=0),
                                 say=lambda text: None)
    assert report.added == [] and len(report.failed) == 2
    assert all("timed out" in why for _, why in report.failed)
    assert (project / "archive/readouts/2024/2024-03-12-wang-yi-meets-zarif.md").read_text(encoding="utf-8") == before


def test_a_refusing_service_is_a_failure_not_a_crash(project):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    report = archive_sources(project, _settings(f"http://127.0.0.1:{port}"), say=lambda text: None)
    assert report.added == [] and len(report.failed) == 2 and "refused" in report.failed[0][1].casefold()


def test_a_rate_limit_is_waited_out_when_short_and_ends_the_run_when_long(project):
    answers = iter([(429, {"Retry-After": "0"}, b""), None, (429, {"Retry-After": "3600"}, b"")])

    def route(path):
        answer = next(answers)
        return answer or _saved(path)
    with ScriptedServer({"/save/https://www.fmprc.gov.cn/eng/x/t2.html": route,
                         "/save/https://www.fmprc.gov.cn/eng/x/t1.html": route}) as server:
        report = archive_sources(project, _settings(server.base, max_wait=5), say=lambda text: None)
    assert len(report.added) == 1 and "429" in report.stopped and "3600" in report.stopped
    assert len(server.requests) == 3


def test_an_error_answer_or_one_without_a_copy_is_a_failure(project):
    with ScriptedServer({"/save/https://www.fmprc.gov.cn/eng/x/t2.html": lambda p: (503, {}, b"busy"),
                         "/save/https://www.fmprc.gov.cn/eng/x/t1.html": lambda p: (200, {}, b"saved, perhaps")}) as server:
        report = archive_sources(project, _settings(server.base), say=lambda text: None)
    assert sorted(why for _, why in report.failed) == ["the archive answered 503", "the archive's answer names no copy"]


def test_private_addresses_and_other_schemes_are_never_fetched():
    for address in ("http://127.0.0.1:9/", "http://10.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest/",
                    "ftp://x.org/", "file:///etc/passwd", "http://user:pw@x.org/"):
        with pytest.raises(FetchError):
            fetch(address, FetchSettings(timeout=1))


def test_the_service_is_configuration(project, monkeypatch):
    assert service_address(project) == "https://web.archive.org/save/"
    monkeypatch.setenv("READOUTS_ARCHIVE_SERVICE", "https://archive.example/save/")
    assert service_address(project) == "https://archive.example/save/"
