"""Hostile input against what the check keeps whole: registries that cannot be hijacked, published
ids that cannot vanish or be reused, addresses that lead where they say, and dates and speakers that
make sense. Each fixture of tests/fixtures/hostile/ has its exact outcome here or in test_hostile.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.archive.check import check_archive

from tests.archive.test_hostile import HOSTILE, READOUTS, REGISTRIES, _run
from tests.conftest import retire_an_id

SAME_NAME = "once case, spacing and Unicode forms are set aside (each name and alias must point to one entry: remove it from one of them)"
BARE_HOST = ("(write the host of the publisher's pages alone, in lower case, without http://, a path or a port: "
             "for example fmprc.gov.cn)")
CHINA_MFA = "Ministry of Foreign Affairs of the People's Republic of China"
SPACED_MFA = CHINA_MFA.replace("s R", "s\\xa0R")  # as the message shows it: a no-break space
APPENDED = {
    "publishers-hijack.yml": ("publishers", [
        f"183:7: error: the name \"{SPACED_MFA}\" of 'Foreign Affairs Daily' is used by \"{CHINA_MFA}\" too "
        f"(as \"{CHINA_MFA}\", line 8), {SAME_NAME}",
        "184:7: error: the name 'Xinhua  News Agency' of 'Foreign Affairs Daily' is used by 'Xinhua News Agency' too "
        f"(as 'Xinhua News Agency', line 51), {SAME_NAME}",
        f"186:7: error: the host 'fmprc.gov.cn' of 'Foreign Affairs Daily' is already a host of \"{CHINA_MFA}\" (line 16) "
        "(a host belongs to one publisher: remove it from one of them)",
        f"187:7: error: 'javascript:alert(1)' is not a bare host name {BARE_HOST}",
        f"188:7: error: 'https://example.org/' is not a bare host name {BARE_HOST}",
        f"189:7: error: 'WWW.Example.Org' is not a bare host name {BARE_HOST}"]),
    "officials-lookalike.yml": ("officials", [
        "34:3: error: 'Ｗａｎｇ Ｙｉ' has the same page address as 'Wang Yi' (names must differ in more than punctuation or case)",
        f"34:3: error: the name 'Ｗａｎｇ Ｙｉ' of 'Ｗａｎｇ Ｙｉ' is used by 'Wang Yi' too (as 'Wang Yi', line 1), {SAME_NAME}",
        "42:7: error: the name 'ZARIF' of 'Javad Rezaei' is used by 'Mohammad Javad Zarif' too (as 'Zarif', line 14), "
        f"{SAME_NAME}",
        "43:7: error: the name 'Javad  Zarif' of 'Javad Rezaei' is used by 'Mohammad Javad Zarif' too "
        f"(as 'Javad Zarif', line 15), {SAME_NAME}"]),
    "places-lookalike.yml": ("places", [
        "314:7: error: the city name 'ＴＥＨＲＡＮ' is used by 'Tehran, Iran' (line 81) too, once case, spacing and Unicode "
        "forms are set aside (each city name and alias must point to one entry)"]),
    "initiatives-lookalike.yml": ("initiatives", [
        "19:3: error: the name 'ＢＲＩ' of 'Building Relations Initiative' is used by 'Belt and Road Initiative' too "
        f"(as 'BRI', line 2), {SAME_NAME}"]),
}


def test_every_fixture_has_a_test():
    fixtures = {p.name for p in HOSTILE.iterdir() if p.name != "README.md"}
    assert fixtures == set(READOUTS) | set(REGISTRIES) | set(APPENDED) | {"odd-file-name.md", "retired-id.md"}


@pytest.mark.parametrize("fixture", sorted(APPENDED))
def test_a_registry_entry_cannot_take_another_entrys_name_or_host(project, capsys, fixture):
    registry, expected = APPENDED[fixture]
    path = project / "archive" / f"{registry}.yml"
    path.write_text(path.read_text(encoding="utf-8") + (HOSTILE / fixture).read_text(encoding="utf-8"), encoding="utf-8")
    code, lines, _ = _run(capsys, "--root", str(project), "check")
    assert code == 1
    assert lines == [f"archive/{registry}.yml:{line}" for line in expected]


# ---------------------------------------------------------------- nothing vanishes

PUBLISHED_CALL = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"
PUBLISHED_HINT = "(restore the file; if it was merged into another readout, add 'redirect: <that readout's id>' to this entry)"


def _replace_published_call(project: Path, tmp_path: Path, how: str) -> None:
    path = project / PUBLISHED_CALL
    kept = tmp_path / "kept" / "2020"
    kept.mkdir(parents=True)
    shutil.move(path, kept / path.name)
    if how == "folder":
        path.mkdir()
    elif how == "link":
        path.symlink_to(kept / path.name)
    elif how == "linked folder":
        folder = path.parent
        shutil.move(folder, tmp_path / "kept-folder")
        folder.symlink_to(kept, target_is_directory=True)


@pytest.mark.parametrize("how, what, more", [
    ("folder", "now a folder, not a plain file", []),
    ("link", "now a symbolic link, not a plain file",
     [f"{PUBLISHED_CALL}:1:1: error: a symbolic link (commit the folder or the readout itself, not a link to it)"]),
    ("linked folder", "reached through a symbolic link (2020)",
     ["archive/readouts/2020:1:1: error: a symbolic link (commit the folder or the readout itself, not a link to it)"]),
])
def test_a_published_readout_that_is_no_longer_a_plain_file_is_an_error(project, capsys, tmp_path, how, what, more):
    _replace_published_call(project, tmp_path, how)
    for argv in (("check",), ("check", str(project / "archive/readouts/2021/2021-03-27-zarif-receives-wang-yi.md"))):
        code, lines, _ = _run(capsys, "--root", str(project), *argv)
        assert code == 1
        expected = [f"archive/published-ids.yml:9:1: error: the published readout "
                    f"'2020-10-09-wang-yi-speaks-with-zarif-by-phone' ({PUBLISHED_CALL}) is {what} {PUBLISHED_HINT}"]
        assert lines == sorted(expected + (more if argv == ("check",) else []))


def test_a_retired_id_cannot_be_given_to_another_readout(project, capsys):
    retire_an_id(project)
    target = project / "archive/readouts/2021/2021-01-15-retired-id.md"
    shutil.copy(HOSTILE / "retired-id.md", target)
    code, lines, _ = _run(capsys, "--root", str(project), "check", str(target))
    assert code == 1
    assert lines == ["archive/readouts/2021/2021-01-15-retired-id.md:2:1: error: the id '2020-10-09-wang-yi-zarif-phone-call' "
                     "is retired: its address forwards to '2020-10-09-wang-yi-speaks-with-zarif-by-phone' "
                     "(archive/published-ids.yml, line 21) "
                     "(give this readout an id of its own; a retired id is never used again)"]


# ---------------------------------------------------------------- further attacks on ids, registries, dates and limits

CALL_TEXT = (HOSTILE / "odd-file-name.md").read_text(encoding="utf-8")
CALL_PATH = "archive/readouts/2021/2021-01-15-hostile.md"


def _edit(project: Path, relative: str, old: str, new: str, append: bool = False) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8") if path.exists() else CALL_TEXT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + new if append else text.replace(old, new, 1), encoding="utf-8")
    assert append or new in path.read_text(encoding="utf-8")


FURTHER = {  # name → (edits, the error expected: file, line, the start of its message)
    "id in full-width letters": ([(CALL_PATH, "id: 2021-01-15-hostile", "id: 2021-01-15-ｈｏｓｔｉｌｅ")],
                                 (CALL_PATH, 11, "'id' must be a slug")),
    "a speaker key ending in a line break": ([(CALL_PATH, "id:", 'speakers: {"p1\\n": both sides}\nid:')],
                                             (CALL_PATH, 11, "'p1\\n' is not a paragraph of this text")),
    "a published path that climbs out": ([("archive/published-ids.yml", "", "\n- id: gone\n  year: 2020\n  path: "
                                           "archive/readouts/../../etc/passwd.md\n", True)],
                                         ("archive/published-ids.yml", 21, "'path' must be archive/readouts/")),
    "a year before the archive's first": ([(CALL_PATH, "date: 2021-01-15", "date: 1948-12-31")],
                                          (CALL_PATH, 3, "'date' 1948-12-31 is outside the years the archive holds")),
    "another publisher's host behind www.": ([("archive/publishers.yml", "    - xinhuanet.com",
                                               "    - xinhuanet.com\n    - www.fmprc.gov.cn")],
                                             ("archive/publishers.yml", 59, "the host 'www.fmprc.gov.cn' of 'Xinhua")),
    "a host with a port": ([("archive/publishers.yml", "    - xinhuanet.com", "    - xinhuanet.com:443")],
                           ("archive/publishers.yml", 58, "'xinhuanet.com:443' is not a bare host name")),
    "a participant's alias in another script's letters": (
        [("archive/officials.yml", "    - Javad Zarif", "    - Javad Zarif\n    - Ｗａｎｇ　Ｙｉ")],
        ("archive/officials.yml", 16, "the name 'Ｗａｎｇ\\u3000Ｙｉ' of 'Mohammad Javad Zarif' is used by 'Wang Yi' too")),
    "a redirect to a retired id": ([("archive/published-ids.yml", "", "\n- id: old-a\n  year: 2020\n  redirect: old-b\n"
                                     "- id: old-b\n  year: 2020\n  redirect: 2020-10-09-wang-yi-speaks-with-zarif-by-phone\n",
                                     True)],
                                   ("archive/published-ids.yml", 21, "'redirect' names 'old-b', which no readout has")),
}


@pytest.mark.parametrize("name", sorted(FURTHER))
def test_further_attacks_are_errors_at_their_line(project, name):
    edits, expected = FURTHER[name]
    for edit in edits:
        _edit(project, *edit)
    _, problems = check_archive(project)
    errors = [(p.path, p.line, p.message) for p in problems if p.severity == "error"]
    assert any((path, line) == expected[:2] and message.startswith(expected[2]) for path, line, message in errors), errors
