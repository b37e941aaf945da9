"""The complete check computes every page address the build would write: a clash, a reserved name or a
name no address can be made of is an error at its archive file and line, and the build writes exactly
the pages the enumeration names."""

from __future__ import annotations

from pathlib import Path

from generator.__main__ import main
from generator.publish.pipeline import generate
from generator.pages import render
from generator.publish.kinds import KINDS, kind_of, page_addresses
from generator.pages.index import index_archive
from generator.archive.check import check_archive

from tests.conftest import make_versions_project, retire_an_id

CALL = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


def _check(project: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(project), "check"])
    lines = [line for line in capsys.readouterr().err.splitlines() if not line.startswith("check: ")]
    return code, lines


def _account(project: Path, name: str, extra: str, replace: tuple[str, str] = ("", "")) -> str:
    text = (project / CALL).read_text(encoding="utf-8").replace(*replace)
    text = text.replace("id: 2020-10-09-wang-yi-speaks-with-zarif-by-phone", "id: " + name[:-3])
    text = text.replace("kind: phone call\n", "kind: phone call\n" + extra, 1)
    path = project / "archive" / "readouts" / "2020" / name
    path.write_text(text, encoding="utf-8")
    return path.relative_to(project).as_posix()


def test_two_spellings_of_a_venue_that_make_one_address_are_a_clash(project, capsys):
    talks = "archive/readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif.md"
    other = "archive/readouts/2021/2021-03-27-zarif-receives-wang-yi.md"
    for name, venue in ((talks, "Sharm el-Sheikh, Egypt"), (other, "Sharm El Sheikh, Egypt")):
        path = project / name
        path.write_text(path.read_text(encoding="utf-8").replace("venue: Tehran, Iran", f"venue: {venue}"),
                        encoding="utf-8")
    code, lines = _check(project, capsys)
    assert code == 1
    clash = [line for line in lines if "error" in line]
    assert clash == [
        f"{talks}:7:1: error: two pages would be written to docs/venues/sharm-el-sheikh-egypt.md: by {talks} and by "
        f"{other} (write one city the same way in every readout, as archive/places.yml does)"]
    assert main(["--root", str(project), "build", "--pages-only"]) == 1  # the build refuses it in the same words
    assert clash[0] in capsys.readouterr().err


def test_an_event_key_or_an_official_named_index_is_reserved(project, capsys):
    first = _account(project, "2020-10-09-a.md", "event: index\n")
    _account(project, "2020-10-09-b.md", "event: index\n", ("People's Republic of China", "Islamic Republic of Iran"))
    registry = project / "archive" / "officials.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("- name: Hassan Rouhani", "- name: Index"),
                        encoding="utf-8")
    code, lines = _check(project, capsys)
    assert code == 1
    errors = [line for line in lines if "error" in line]
    assert f"{first}:6:1: error: the page address docs/events/index.md is reserved: 'index' is the name of a " \
           "folder's own page (choose another 'event' key)" in errors
    assert "archive/officials.yml:21:3: error: the page address docs/officials/index.md is reserved: 'index' is the " \
           "name of a folder's own page (rename the entry in archive/officials.yml: its page address is made from " \
           "its name)" in errors


def test_venues_without_latin_letters_have_no_address(project, capsys):
    talks = "archive/readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif.md"
    path = project / talks
    path.write_text(path.read_text(encoding="utf-8").replace("venue: Tehran, Iran", "venue: 北京, 中国"), encoding="utf-8")
    code, lines = _check(project, capsys)
    assert code == 1
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("venue:"))
    assert f"{talks}:{line}:1: error: no page address can be made of it: it has no Latin letter or digit " \
           "(write the venue in Latin letters, as 'City, Country')" in lines


def test_every_file_the_build_writes_belongs_to_one_kind(tmp_path, monkeypatch):
    """The table of kinds names every file in docs/ the build writes, and nothing it does not write:
    on the real archive with a language version and a retired id, and year pages for every listing."""
    monkeypatch.setattr(render, "LIST_LIMIT", 1)  # year pages for every listing of more than one readout
    root = retire_an_id(make_versions_project(tmp_path / "project"))
    generated = generate(root)
    archive, _ = check_archive(root)
    addresses = page_addresses(archive, index_archive(archive))
    by_path = {}
    for kind in KINDS:
        for address in kind.addresses(archive, index_archive(archive)):
            assert address.path.split("/")[0] in kind.writes_into, (kind.name, address.path)
            by_path[address.path] = kind.name
    written = set(generated.report.written)
    assert {path: kind_of(path, by_path) for path in written if kind_of(path, by_path) is None} == {}
    assert {a.path for a in addresses} <= written  # and the table names nothing the build does not write
    kinds = {kind_of(path, by_path) for path in written}
    assert kinds == {kind.name for kind in KINDS}  # every kind is made on this archive
    assert any("/20" in path and path.startswith("officials/") for path in by_path)  # year pages are there
    assert any(path.endswith("/index.html") and path.startswith("readouts/") for path in by_path)  # the redirect
