"""The command line, run through main(): exact output and exit codes."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from generator.__main__ import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, main, make_parser

from .conftest import REPO, make_project, write_readout

CALL = """---
title: "Xi Jinping Speaks with Ebrahim Raisi"
date: 2022-08-05
kind: phone call
officials:
  - Xi Jinping
  - Ebrahim Raisi
source:
  publisher: Xinhua News Agency
  published: 2022-08-06
  language: en
id: 2022-08-05-xi-jinping-speaks-with-ebrahim-raisi
added: 2024-01-15
---
Xi Jinping spoke with Ebrahim Raisi on the phone.
"""
NAME = "2022/2022-08-05-xi-jinping-speaks-with-ebrahim-raisi.md"
SHOWN = f"archive/readouts/{NAME}"


ENTRY = f"\n- id: 2022-08-05-xi-jinping-speaks-with-ebrahim-raisi\n  year: 2022\n  path: {SHOWN}\n"


@pytest.fixture
def unlisted(tmp_path: Path) -> Path:
    """The real archive, about to receive CALL as a new readout."""
    return make_project(tmp_path / "project", REPO / "archive")


@pytest.fixture
def real(unlisted: Path) -> Path:
    """The real archive, with CALL's id listed among the published ones, as its pull request does."""
    with (unlisted / "archive/published-ids.yml").open("a", encoding="utf-8") as ids:
        ids.write(ENTRY)
    return unlisted


def _check(capsys, root: Path, *args: str) -> tuple[int, list[str], str]:
    code = main(["--root", str(root), "check", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.err.splitlines(), captured.out


def _check_one(capsys, root: Path, text: str, *options: str) -> tuple[int, list[str]]:
    path = write_readout(root, NAME, text)
    code, lines, _ = _check(capsys, root, *options, str(path))
    return code, lines


def test_a_sound_readout_passes_once_its_id_is_listed(unlisted, capsys):
    assert _check_one(capsys, unlisted, CALL) == (EXIT_OK, [
        f"{SHOWN}:12:1: warning: the id '2022-08-05-xi-jinping-speaks-with-ebrahim-raisi' is not yet among the "
        "published ids (add an entry to archive/published-ids.yml, so that its address never changes: "
        f"id: 2022-08-05-xi-jinping-speaks-with-ebrahim-raisi, year: 2022, path: {SHOWN})",
        "check: 0 error(s), 1 warning(s)"])
    with (unlisted / "archive/published-ids.yml").open("a", encoding="utf-8") as ids:
        ids.write(ENTRY)
    assert _check_one(capsys, unlisted, CALL) == (EXIT_OK, ["check: 0 error(s), 0 warning(s)"])


def test_an_unknown_name_suggests_the_closest_registry_name(real, capsys):
    code, lines = _check_one(capsys, real, CALL.replace("  - Xi Jinping\n", "  - Xi Jinpin\n"))
    assert code == EXIT_PROBLEMS
    assert lines[0] == f"{SHOWN}:6:5: error: unknown name 'Xi Jinpin' in 'officials' (did you mean 'Xi Jinping'?)"


def test_an_unknown_kind_lists_the_allowed_ones(real, capsys):
    code, lines = _check_one(capsys, real, CALL.replace("kind: phone call", "kind: phone-call"))
    assert code == EXIT_PROBLEMS
    assert lines[0] == (f"{SHOWN}:4:1: error: unknown kind 'phone-call' (did you mean 'phone call'? "
                        "allowed: meeting, talks, phone call, video call, message)")


def test_a_bad_date_says_the_expected_form(real, capsys):
    code, lines = _check_one(capsys, real, CALL.replace("date: 2022-08-05", "date: August 5, 2022"))
    assert code == EXIT_PROBLEMS
    assert lines[0] == (f"{SHOWN}:3:1: error: 'date' must be a date, not 'August 5, 2022' "
                        "(write it as YYYY-MM-DD, without quotes, for example 2023-10-26)")


def test_usage_errors_exit_with_2(real, capsys):
    (real / "archive/readouts/2022/notes.txt").write_text("x", encoding="utf-8")
    cases = {
        str(real / "README.md"): None,
        str(real / "mkdocs.yml"): "check: {} is not a readout: readouts are .md files",
        str(real / "archive/readouts/2022/notes.txt"): "check: {} is not a readout: readouts are .md files",
        str(real / "archive/readouts/2022/missing.md"): "check: no such file: {}",
        str(real / "archive/readouts/../../CONTRIBUTING.md"):
            "check: {} is outside archive/readouts/: only readout files can be checked on their own",
    }
    (real / "README.md").write_text("# x\n", encoding="utf-8")
    cases[str(real / "README.md")] = "check: {} is outside archive/readouts/: only readout files can be checked on their own"
    for path, message in cases.items():
        code, lines, _ = _check(capsys, real, path)
        assert (code, lines) == (EXIT_USAGE, [message.format(path)])
    assert main(["--root", str(real), "check", "--no-such-option"]) == EXIT_USAGE
    assert main(["--root", str(real), "frobnicate"]) == EXIT_USAGE
    capsys.readouterr()


def test_a_relative_path_is_read_from_the_project_root(real, capsys):
    write_readout(real, NAME, CALL)
    code, lines, _ = _check(capsys, real, SHOWN)
    assert (code, lines) == (EXIT_OK, ["check: 0 error(s), 0 warning(s)"])


# ---------------------------------------------------------------- warnings


def test_an_official_named_in_the_text_but_not_listed_is_a_gentle_warning(real, capsys):
    text = CALL.replace("on the phone.", "on the phone. Premier Li Qiang sent his regards.")
    code, lines = _check_one(capsys, real, text)
    assert code == EXIT_OK
    assert lines[0] == (f"{SHOWN}:5:1: warning: the text names 'Li Qiang' (line 15), who is not among 'officials' "
                        "(add them if they took part; if they did not, name them in 'notes' "
                        "(\"... is mentioned but did not take part\"))")
    assert lines[-1] == "check: 0 error(s), 1 warning(s)"
    noted = text.replace("  language: en\n", "  language: en\nnotes: Li Qiang is mentioned but did not take part.\n")
    assert _check_one(capsys, real, noted) == (EXIT_OK, ["check: 0 error(s), 0 warning(s)"])


def test_an_initiative_named_in_the_text_but_not_listed_is_a_warning(real, capsys):
    text = CALL.replace("on the phone.", "on the phone about the Belt and Road and the GDI.")
    code, lines = _check_one(capsys, real, text)
    assert code == EXIT_OK
    assert lines[:2] == [
        f"{SHOWN}:2:1: warning: the text names 'Belt and Road Initiative' (line 15), which is not among 'initiatives' "
        "(add '- Belt and Road Initiative' under 'initiatives:' if the readout raises it; if not, say why in 'notes')",
        f"{SHOWN}:2:1: warning: the text names 'Global Development Initiative' (line 15), which is not among "
        "'initiatives' (add '- Global Development Initiative' under 'initiatives:' if the readout raises it; "
        "if not, say why in 'notes')"]
    listed = text.replace("source:\n", "initiatives:\n  - BRI\nsource:\n")
    code, lines = _check_one(capsys, real, listed)
    assert (code, len(lines)) == (EXIT_OK, 2) and lines[0].startswith(f"{SHOWN}:8:1: warning: the text names 'Global Dev")


def test_a_date_after_publication_or_in_the_future_is_a_warning(real, capsys):
    code, lines = _check_one(capsys, real, CALL.replace("published: 2022-08-06", "published: 2022-08-01"))
    assert (code, lines[0]) == (EXIT_OK, f"{SHOWN}:3:1: warning: 'date' 2022-08-05 is after the publication date "
                                         "2022-08-01 ('date' is the day of the meeting or call; check it and "
                                         "'source.published')")
    # tomorrow: within the day's grace for time zones, and entered the same day ('added' is never before the meeting)
    future = (date.today() + timedelta(days=1)).isoformat()
    text = CALL.replace("date: 2022-08-05", f"date: {future}").replace("  published: 2022-08-06\n", "")
    text = text.replace("added: 2024-01-15", f"added: {future}")
    text = text.replace("id: 2022-08-05-xi-jinping-speaks-with-ebrahim-raisi", f"id: {future}-call")
    path = write_readout(real, f"{future[:4]}/{future}-call.md", text)
    code, lines, _ = _check(capsys, real, str(path))
    assert (code, lines[0]) == (EXIT_OK, f"archive/readouts/{future[:4]}/{future}-call.md:3:1: warning: 'date' "
                                         f"{future} is in the future (write the day the meeting or call took place, "
                                         "as YYYY-MM-DD)")


def test_a_likely_duplicate_is_found_even_when_one_file_is_checked(real, capsys):
    write_readout(real, NAME, CALL)
    again = CALL.replace("Raisi\"", "Raisi by Phone\"").replace("id: 2022-08-05-xi-jinping-speaks-with-ebrahim-raisi",
                                                                "id: 2022-08-05-again")
    with (real / "archive/published-ids.yml").open("a", encoding="utf-8") as ids:
        ids.write("\n- id: 2022-08-05-again\n  year: 2022\n  path: archive/readouts/2022/2022-08-05-again.md\n")
    other = write_readout(real, "2022/2022-08-05-again.md", again)
    code, lines, _ = _check(capsys, real, str(other))
    assert code == EXIT_OK
    assert lines == [
        "archive/readouts/2022/2022-08-05-again.md:9:3: warning: likely a duplicate of "
        f"{SHOWN}: the same date, participants and publisher (if it is the same readout, keep one file; if it is "
        "another account, check the date, the participants and the publisher)",
        "check: 0 error(s), 1 warning(s)"]
    other.write_text(again.replace("publisher: Xinhua News Agency", "publisher: Islamic Republic News Agency (IRNA)"), encoding="utf-8")
    assert _check(capsys, real, str(other))[:2] == (EXIT_OK, ["check: 0 error(s), 0 warning(s)"])


def test_strict_counts_warnings_as_errors(real, capsys):
    text = CALL.replace("published: 2022-08-06", "published: 2022-08-01")
    code, lines = _check_one(capsys, real, text, "--strict")
    assert code == EXIT_PROBLEMS
    assert lines[-1] == "check: 0 error(s), 1 warning(s) (warnings are errors with --strict)"


def test_github_annotations_go_to_standard_output(real, capsys):
    write_readout(real, NAME, CALL.replace("  - Xi Jinping\n", "  - Xi Jinpin\n"))
    code, lines, out = _check(capsys, real, "--format", "github")
    assert code == EXIT_PROBLEMS
    assert out.splitlines() == [f"::error file={SHOWN},line=6,col=5::unknown name 'Xi Jinpin' in 'officials' "
                                "(did you mean 'Xi Jinping'?)"]
    assert lines == ["check: 1 error(s), 0 warning(s)"]


def test_the_real_archive_is_free_of_errors(capsys):
    code, lines, _ = _check(capsys, REPO)
    assert code == EXIT_OK, lines


# ---------------------------------------------------------------- new


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_new_reads_standard_input_writes_the_draft_and_says_what_is_missing(real, capsys, monkeypatch):
    _stdin(monkeypatch, (REPO / "tests/fixtures/raw/mfa-evening.txt").read_bytes())
    assert main(["--root", str(real), "new", "--from", "-"]) == EXIT_OK
    out = capsys.readouterr().out.splitlines()
    path = "archive/readouts/2024/2024-03-09-wang-yi-holds-talks-with-iranian-foreign-minister.md"
    assert out[0] == f"wrote {(real / path).as_posix()}"
    assert out[1] == "could not determine: source.url"
    assert out[2] == ("names not in archive/officials.yml (add them there if they took part): "
                      "Hossein Amir-Abdollahian")
    assert out[-1] == f"next: compare the draft with the source, then run: python -m generator check {(real / path).as_posix()}"
    assert (real / path).read_text(encoding="utf-8").startswith("---\n# yaml-language-server: $schema=")
    _stdin(monkeypatch, (REPO / "tests/fixtures/raw/mfa-evening.txt").read_bytes())
    assert main(["--root", str(real), "new", "--from", "-"]) == EXIT_PROBLEMS
    assert capsys.readouterr().err == (f"new: {(real / path)} already exists: it is left as it is "
                                       "(choose another path with --output)\n")


def test_new_options_override_and_output_can_be_printed(real, capsys):
    raw = str(REPO / "tests/fixtures/raw/seeds/000_7a3463ed38877b04.txt")
    code = main(["--root", str(real), "new", "--from", raw, "--url", "https://www.idcpc.org.cn/english/news/x.html",
                 "--publisher", "International Department of the CPC Central Committee", "--output", "-"])
    captured = capsys.readouterr()
    assert code == EXIT_OK
    assert "  publisher: International Department of the CPC Central Committee\n" in captured.out
    assert "  url: https://www.idcpc.org.cn/english/news/x.html\n" in captured.out
    assert not list((real / "archive/readouts/2023").glob("*liu-jianchao*.md"))[1:]  # nothing new was written
    target = real / "drafts" / "mine.md"
    assert main(["--root", str(real), "new", "--from", raw, "--output", str(target)]) == EXIT_OK
    assert target.is_file() and capsys.readouterr().out.startswith(f"wrote {target.as_posix()}\n")


def test_new_refuses_bad_input_clearly(real, capsys, tmp_path):
    bad = tmp_path / "raw.txt"
    bad.write_bytes(b"\xff\xfeWang Yi met")
    assert main(["--root", str(real), "new", "--from", str(bad)]) == EXIT_PROBLEMS
    assert capsys.readouterr().err == f"new: {bad}: not UTF-8 (byte 0): save the text as UTF-8\n"
    assert main(["--root", str(real), "new", "--from", str(bad), "--url", "javascript:alert(1)"]) == EXIT_USAGE
    assert "--url must be an http(s) address" in capsys.readouterr().err
    assert main(["--root", str(real), "new"]) == EXIT_USAGE
    capsys.readouterr()


# ---------------------------------------------------------------- fields and help


def test_fields_rewrites_the_reference_in_contributing(tmp_path, capsys):
    (tmp_path / "CONTRIBUTING.md").write_text("# C\n\n<!-- field-reference -->\nstale\n<!-- /field-reference -->\n",
                                              encoding="utf-8")
    assert main(["--root", str(tmp_path), "fields"]) == EXIT_OK
    assert capsys.readouterr().out == "CONTRIBUTING.md: the field reference was rewritten\n"
    text = (tmp_path / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "stale" not in text and "| `source.publisher` | yes |" in text
    assert main(["--root", str(tmp_path), "fields"]) == EXIT_OK
    assert capsys.readouterr().out == "CONTRIBUTING.md: the field reference was already up to date\n"
    (tmp_path / "CONTRIBUTING.md").write_text("# No markers\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "fields"]) == EXIT_PROBLEMS
    capsys.readouterr()


def test_every_command_has_help():
    parser = make_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    assert {"build", "serve", "check", "new", "fields"} <= set(commands.choices)
    helps = {c.dest: c.help for c in commands._choices_actions}
    for name, sub in commands.choices.items():
        assert helps.get(name) and sub.description, name
        for action in sub._actions:
            assert action.help, (name, action.dest)
