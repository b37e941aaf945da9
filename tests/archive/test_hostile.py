"""Hostile input: every file of a pull request is a stranger's.

Each kind of attack has one fixture in tests/fixtures/hostile/. The check, run through the
command line's main(), names the file and the line with a clear message, exits with 1, and
never shows a traceback or hangs. A built site shows Markdown and HTML special characters
from titles, names and notes as text, and a failed build leaves docs/ and site/ as they were.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.__main__ import main
from generator.archive.load import MAX_READOUT_BYTES
from generator.core.limits import last_year
from generator.archive.check import check_archive
from generator.publish.pipeline import build_site

from tests.conftest import REPO, make_project, write_readout
from tests.work import calls_made

HOSTILE = REPO / "tests" / "fixtures" / "hostile"
TARGET = "archive/readouts/2021/2021-01-15-hostile.md"
HTML_HINT = "(write plain text, without < > or &name; (an & alone is fine))"
MARKUP_HINT = "(remove the markup; keep the readout's words as plain text)"
URL_HINT = "(write the page's address starting with https://, with any ( ) [ ] in it as %28 %29 %5B %5D)"
STRAY_HINT = "(delete it: retype the text around it if your editor does not show it)"
BOX_HINT = "(keep the readout's words as plain paragraphs; put remarks in 'notes')"
FRONT_MATTER_HINT = "(the file must start with a '---' line, then the fields, then another '---' line)"
# Work, counted in function calls (tests/work.py), not timed: the check's calls whatever the text (the
# registries, the other readouts; 100,000 at most when these were written), and its calls per character
# of a text it must parse (5 to 9 then). At 50 KB, a step whose calls grow with the square of the text
# makes hundreds of times the budget.
CHECK_CALLS, CALLS_PER_CHARACTER = 500_000, 25

# fixture → every line the check prints about it (after "path:")
READOUTS = {
    "malformed-yaml.md": [
        "6:7: error: invalid YAML: did not find expected ',' or ']' "
        "(check indentation, and quote values that contain ': ' or start with a special character)"],
    "python-tag.md": [
        "2:8: error: the YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed "
        "(remove the tag; write plain values)"],
    "alias-bomb.md": ["5:4: error: YAML anchors and aliases are not allowed (write each value out in full)"],
    "deep-nesting.md": ["5:21: error: the YAML is nested more than 10 levels deep (write plain fields and lists)"],
    "duplicate-field.md": ["5:1: error: the field 'title' appears twice (keep one of them)"],
    "oversized.md": [
        "1:1: error: the file is 262,531 bytes, over the limit of 262,144 (split it, or trim page furniture from the body)"],
    "not-utf8.md": ["2:1: error: the file is not UTF-8 (byte 44) (save it as UTF-8)"],
    "empty.md": ["1:1: error: the file is empty (start from a draft: python -m generator new --from RAW.txt)"],
    "no-front-matter.md": [f"1:1: error: no front matter {FRONT_MATTER_HINT}"],
    "wrong-type-title.md": ["2:1: error: 'title' must be text, not int 42 (put the value in double quotes)"],
    "wrong-type-list.md": [
        "5:1: error: 'officials' must be a list, not str (write one '- name' per line under 'officials:')"],
    "impossible-date.md": [
        "3:1: error: 'date' is an impossible date (2021-02-30): day is out of range for month "
        "(write a real day as YYYY-MM-DD)"],
    "body-script.md": [
        f"16:1: error: raw HTML is not allowed in the text: '<script>alert(1)</script>' {MARKUP_HINT}",
        f"18:1: error: raw HTML is not allowed in the text: '<img src=x onerror=alert(2)>' {MARKUP_HINT}"],
    "field-html.md": [
        f"2:1: error: 'title' contains HTML or an HTML entity {HTML_HINT}",
        f"9:3: error: 'source.publisher' contains HTML or an HTML entity {HTML_HINT}",
        f"11:1: error: 'notes' contains HTML or an HTML entity {HTML_HINT}"],
    "special-characters.md": [  # < and > are refused; the Markdown characters of the publisher and notes pass
        f"2:1: error: 'title' contains HTML or an HTML entity {HTML_HINT}",
        f"6:5: error: 'officials.0' contains HTML or an HTML entity {HTML_HINT}",
        "9:3: error: unknown publisher 'Ministry *of* [Foreign](javascript:alert(1)) Affairs | `code` & more' "
        "(add it to archive/publishers.yml "
        "(with 'identified: false' and its side, where the page does not name it))"],
    "non-http-link.md": [
        f"10:3: error: 'source.url' must be an http(s) address, not 'javascript:alert(1)' {URL_HINT}",
        "15:1: error: links must be http(s) addresses, not 'javascript:alert(2)' (remove the link)",
        "17:1: error: links must be http(s) addresses, not 'data:text/html;base64,PHNjcmlwdD4=' (remove the link)",
        "17:1: error: links must be http(s) addresses, not 'javascript:alert(3)' (remove the link)",
        "19:1: error: links must be http(s) addresses, not 'javascript:alert(4)' (remove the link)"],
    "url-breakout.md": [
        "10:3: error: 'source.url' must be an http(s) address, not "
        f"'https://example.org/x)[y](javascript:alert(1)' {URL_HINT}"],
    "attribute-list.md": [
        f"15:1: error: attribute lists in curly brackets are not allowed in the text: '{{: onclick=\"alert(1)\" }}' {MARKUP_HINT}",
        f"17:1: error: attribute lists in curly brackets are not allowed in the text: '{{: onmouseover=\"alert(2)\" }}' {MARKUP_HINT}"],
    "path-event.md": [
        "8:1: error: 'event' must be a slug, not '../../x' "
        "(lowercase letters, digits and hyphens, for example 2022-07-29-xi-raisi-call)"],
    "symlink.md": [
        "1:1: error: a symbolic link (commit the folder or the readout itself, not a link to it)"],
    # a lone carriage return ends a line for Markdown: the definition on "line 14" is its own line 15
    "lone-cr-link.md": ["15:1: error: links must be http(s) addresses, not 'javascript:alert(1)' (remove the link)"],
    "definition-list-reference.md": [
        "17:1: error: links must be http(s) addresses, not 'javascript:alert(1)' (remove the link)"],
    "admonition.md": [f"16:1: error: admonitions and other boxes are not part of a readout's text {BOX_HINT}"],
    "heading-id.md": [
        f"16:1: error: attribute lists in curly brackets are not allowed in the text: '{{#__search}}' {MARKUP_HINT}",
        "18:1: error: the link '#__search' points to no heading of this text (remove the link)",
        "18:1: error: the link '#summary' points to no heading of this text (remove the link)"],
    "title-carriage-return.md": [
        f"2:1: error: 'title' contains U+000D CARRIAGE RETURN, a control or invisible formatting character {STRAY_HINT}"],
    "title-controls.md": [f"2:23: error: the file contains U+007F DELETE, a control character {STRAY_HINT}"],
    "title-bidi.md": [
        f"2:29: error: 'title' contains U+202E RIGHT-TO-LEFT OVERRIDE, a control or invisible formatting character "
        f"{STRAY_HINT}"],
    "body-controls.md": [
        "14:15: error: the text contains U+001B ESCAPE, a control character or one that reorders the text around it "
        f"{STRAY_HINT}"],
    "confusable-name.md": [  # a Cyrillic 'а' in 'Zarif': the hint says which letter differs
        "7:5: error: unknown name 'Zаrif' in 'officials' (did you mean 'Zarif'? The 'а' at column 6 is "
        "CYRILLIC SMALL LETTER A, where 'Zarif' has LATIN SMALL LETTER A)"],
    "id-newline.md": [  # matched whole: an id pattern ending in "$" takes "id\n", and MkDocs stopped at its address
        "10:3: error: 'source.language' must be a two-letter code, not 'en\\n' (for example en, zh or fa)",
        "11:1: error: 'id' must be a slug of at most 120 characters, not '2021-01-15-hostile\\n' (lowercase letters, "
        "digits and hyphens, for example 2023-10-26-li-qiang-meets-with-mohammad-mokhber)"],
    "url-user-info.md": [  # reads as the ministry's address and leads to evil.example
        "10:3: error: 'source.url' must be an http(s) address, not 'https://www.fmprc.gov.cn@evil.example/readout.html': "
        "it has user information (a name before '@') (write the page's own address, its host right after https://)",
        "13:7: error: an archived copy must be an http(s) address, not 'https://web.archive.org:x/web/2021/https://www.fmprc"
        ".gov.cn/': its host or port cannot be read (write the copy's own address, its host right after https://)",
        "14:7: error: an archived copy must be an http(s) address, not 'https://user:password@web.archive.org/web/2021/"
        "https://www.f': it has user information (a name before '@') (write the copy's own address, its host right "
        "after https://)",
        "15:7: error: an archived copy must be an http(s) address, not 'https:///web/2021': it has no host (write the "
        "copy's own address, its host right after https://)"],
    "url-lookalike-host.md": [  # a warning: the curator reads it; the readout itself is sound
        "10:3: warning: the address is on 'www.fmprc.gov.cn.evil.example', which is not a host of \"Ministry of Foreign "
        "Affairs of the People's Republic of China\" (its hosts: fmprc.gov.cn, mfa.gov.cn, example.org) (check the "
        "address and the publisher; if the publisher's pages are on this host, add it to the publisher's 'hosts' in "
        "archive/publishers.yml)",
        "12:1: warning: the id '2021-01-15-hostile' is not yet among the published ids (add an entry to "
        "archive/published-ids.yml, so that its address never changes: id: 2021-01-15-hostile, year: 2021, "
        "path: archive/readouts/2021/2021-01-15-hostile.md)"],
    "dates-out-of-range.md": [  # 1 to 9999 would have made a chart bar for every year between
        f"3:1: error: 'date' 9999-12-31 is outside the years the archive holds, 1949 to {last_year()} "
        "(write the day the meeting or call took place, as YYYY-MM-DD)",
        "3:1: warning: the path does not match the date 9999-12-31 (move it to archive/readouts/9999/9999-12-31-<words>.md)",
        f"10:3: error: 'source.published' 0001-01-01 is outside the years the archive holds, 1949 to {last_year()} "
        "(write the day the page was published, as YYYY-MM-DD)"],
    "record-dates.md": [  # added before the meeting; updated in a year feeds and the sitemap would carry for centuries
        "11:3: warning: 'source.captured' 2020-06-01 is before the meeting, 2021-01-15 (check it and 'date': a page "
        "captured before the meeting cannot hold its account unless it was updated in place)",
        "13:1: error: 'added' 2021-01-13 is before the meeting, 2021-01-15 (check it and 'date')",
        f"14:1: error: 'updated' 2999-01-01 is outside the years the archive holds, 1949 to {last_year()} "
        "(write the day of the last change to the text or its facts)"],
    "speaker-not-participant.md": [  # his paragraphs would appear among his statements on his page
        *(f"{line}:3: error: 'Hassan Rouhani', the speaker of p{number}, is not among 'officials' (a paragraph is given "
          "to a participant: add them to 'officials' if they took part; if not, write 'both sides', 'nobody' or a "
          "participant's name)" for line, number in ((9, 1), (10, 2)))],
    "name-zero-width.md": [
        f"7:8: error: 'officials.1' contains U+200B ZERO WIDTH SPACE, a control or invisible formatting character "
        f"{STRAY_HINT}"],
}
REGISTRIES = {
    "officials-html.yml": [
        "32:3: error: 'name' contains HTML (write plain text, without < > or &entities;)",
        "36:7: error: 'aliases.0' contains HTML (write plain text, without < > or &entities;)"],
    "officials-tag.yml": [
        "32:9: error: the YAML tag 'tag:yaml.org,2002:python/object/new:os.system' is not allowed "
        "(remove the tag; write plain values)"],
    "officials-bomb.yml": ["35:12: error: YAML anchors and aliases are not allowed (write each value out in full)"],
    "officials-bidi.yml": [
        f"32:15: error: 'name' contains U+202E RIGHT-TO-LEFT OVERRIDE, a control or invisible formatting character "
        f"{STRAY_HINT}",
        f"36:7: error: 'aliases.0' contains U+2066 LEFT-TO-RIGHT ISOLATE, a control or invisible formatting character "
        f"{STRAY_HINT}"],
}


# fixture → the registry it is appended to, and every line the check prints about it
def _run(capsys, *argv: str) -> tuple[int, list[str], str]:
    codes = []
    calls_made(lambda: codes.append(main(list(argv))), budget=CHECK_CALLS)  # stops a bomb that expands, or a loop
    code = codes[0]
    captured = capsys.readouterr()
    output = captured.err + captured.out
    assert "Traceback" not in output
    return code, [line for line in output.splitlines() if not line.startswith("check: ")], output


def _place(project: Path, fixture: str) -> Path:
    source = HOSTILE / fixture
    target = project / TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    if fixture == "oversized.md":
        text = source.read_text(encoding="utf-8")
        paragraph = text.splitlines()[-1] + "\n\n"
        target.write_text(text + paragraph * (MAX_READOUT_BYTES // len(paragraph) + 1), encoding="utf-8")
    elif fixture == "symlink.md":
        target.symlink_to(source)
    else:
        shutil.copy(source, target)
    return target


@pytest.mark.parametrize("fixture", sorted(READOUTS))
def test_a_hostile_readout_gets_a_clear_error(project, capsys, fixture):
    target = _place(project, fixture)
    code, lines, _ = _run(capsys, "--root", str(project), "check", str(target))
    assert lines == [f"{TARGET}:{line}" for line in READOUTS[fixture]]
    assert code == (1 if any(": error: " in line for line in lines) else 0)  # a warning alone fails nothing


@pytest.mark.parametrize("fixture", sorted(REGISTRIES))
def test_a_hostile_registry_gets_a_clear_error(project, capsys, fixture):
    shutil.copy(HOSTILE / fixture, project / "archive" / "officials.yml")
    code, lines, _ = _run(capsys, "--root", str(project), "check")
    assert code == 1
    assert lines == [f"archive/officials.yml:{line}" for line in REGISTRIES[fixture]]


def test_a_file_name_with_odd_characters_is_refused(project, capsys):
    target = project / "archive/readouts/2021/2021-01-15 Odd;name$(x).md"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(HOSTILE / "odd-file-name.md", target)
    code, lines, _ = _run(capsys, "--root", str(project), "check", str(target))
    assert code == 1
    assert lines == ["archive/readouts/2021/2021-01-15 Odd;name$(x).md:1:1: error: the file name "
                     "'2021-01-15 Odd;name$(x).md' is not a slug "
                     "(name it <date>-<words>.md with lowercase letters, digits and hyphens)"]


def test_annotations_cannot_smuggle_workflow_commands(project, capsys):
    target = project / "archive/readouts/2021/2021-01-15-x\n::error::forged.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(HOSTILE / "odd-file-name.md", target)
    code, _, output = _run(capsys, "--root", str(project), "check", "--format", "github")
    assert code == 1
    assert "\n::error::forged" not in output and "%0A%3A%3Aerror%3A%3Aforged.md" in output


@pytest.mark.parametrize("body", ["[" * 50_000, "[\n" * 25_000, "<a" * 25_000, "[x](" * 100 + "](" * 25_000,
                                  "- - -\n" * 10_000, "1. " * 20_000, "*" * 50_000, "> [a" * 12_500,
                                  "a\r=\r" * 12_500, "Term\n" + "".join(": " * i + "b\n" for i in range(1, 60)),
                                  "`a" * 25_000],
                         ids=["brackets", "bracket-lines", "tags", "links", "rules", "lists", "stars", "quotes",
                              "lone-cr-setext", "definitions", "backticks"])
def test_pathological_text_is_refused_in_work_linear_in_its_length(project, body):
    head = (HOSTILE / "odd-file-name.md").read_text(encoding="utf-8").split("---\n")[1]
    path = write_readout(project, "2021/2021-01-15-x.md", f"---\n{head}---\n{body}\n")
    found = []
    calls_made(lambda: found.extend(check_archive(project, [path])[1]), budget=CHECK_CALLS + CALLS_PER_CHARACTER * len(body))
    assert found and found[0].severity == "error" and len(found) <= 21


# ---------------------------------------------------------------- the built site

SPECIAL = "*bold* _em_ [x](javascript:alert(1)) & | ` # {: onclick=alert(2) }"
OFFICIAL = "Wang *Yi* [w](javascript:alert(3)) & | `"
REGISTRY_ENTRY = f"""
- name: "{OFFICIAL}"
  native: 王毅
  country: China
  aliases:
    - Special Name
"""
PUBLISHER_ENTRY = f"""
- name: "Publisher {SPECIAL}"
  native: "出版者 {SPECIAL}"
  country: China
  kind: other outlet
"""
READOUT = f"""---
title: "Talks on {SPECIAL} \\" onmouseover=\\"alert(4)"
date: 2020-10-09
kind: meeting
venue: Tehran, Iran
officials:
  - Special Name
  - Zarif
source:
  publisher: "Publisher {SPECIAL}"
  url: https://example.org/readout?a=1&b=2
  language: en
notes: "Notes {SPECIAL}"
id: 2020-10-09-talks
added: 2024-01-15
inferred:
  venue: "Basis {SPECIAL}"
---
0;url=https://evil.example/" http-equiv="refresh" data-x=" Special Name met Zarif.

A paragraph with *emphasis*, an ampersand & and a pipe |.
"""


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        kind = dict(attrs).get("type") or "text/javascript"
        self._in_script = tag == "script" and "json" not in kind  # JSON data (a citation) is never run

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.mark.slow
def test_special_characters_show_as_text_and_nothing_runs(tmp_path):
    root = make_project(tmp_path / "project")
    registry = root / "archive" / "officials.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + REGISTRY_ENTRY, encoding="utf-8")
    publishers = root / "archive" / "publishers.yml"
    publishers.write_text(publishers.read_text(encoding="utf-8") + PUBLISHER_ENTRY, encoding="utf-8")
    write_readout(root, "2020/2020-10-09-talks.md", READOUT)
    build_site(root, root / "site", strict=True)
    site = root / "site"
    pages = {p.relative_to(site).as_posix(): _parse(p) for p in site.rglob("*.html")}
    for name, page in pages.items():
        for tag, attribute, value in page.attributes:
            assert not attribute.startswith("on"), (name, tag, attribute, value)
            assert not (tag == "meta" and attribute == "http-equiv"), (name, value)
            if attribute in ("href", "src"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), (name, value)
        assert not any("alert(" in script for script in page.scripts), name
    readout = " ".join("".join(pages["readouts/2020/2020-10-09-talks/index.html"].text).split())
    assert f'Talks on {SPECIAL} " onmouseover="alert(4)' in readout  # the heading, as text
    assert f"Publisher {SPECIAL}" in readout and f"Notes {SPECIAL}" in readout
    assert f"Basis {SPECIAL}" in readout  # an inferred value's basis, in the panel and its tooltip
    assert OFFICIAL in readout and "A paragraph with emphasis, an ampersand & and a pipe |." in readout
    official = [p for n, p in pages.items() if n.startswith("officials/wang-yi-w-javascript-alert-3")]
    assert official and OFFICIAL in "".join(official[0].text)
    source = (site / "readouts/2020/2020-10-09-talks/index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/readout?a=1&amp;b=2"' in source
    assert '<meta name="description" content="0;url=https://evil.example/&quot; http-equiv=&quot;refresh' in source


def test_angle_brackets_in_titles_names_and_notes_are_refused(project):
    registry = project / "archive" / "officials.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + REGISTRY_ENTRY.replace("Wang *Yi*", "Wang <b>Yi</b>"),
                        encoding="utf-8")
    text = READOUT.replace("Talks on", "Talks <script>alert(5)</script> on").replace("Notes ", "Notes <i>x</i> ")
    path = write_readout(project, "2020/2020-10-09-talks.md", text)
    _, problems = check_archive(project, [path])
    found = {(p.path, p.line, p.message) for p in problems if p.severity == "error"}
    assert ("archive/officials.yml", 32, "'name' contains HTML") in found
    assert ("archive/readouts/2020/2020-10-09-talks.md", 2, "'title' contains HTML or an HTML entity") in found
    assert ("archive/readouts/2020/2020-10-09-talks.md", 13, "'notes' contains HTML or an HTML entity") in found


@pytest.mark.slow
def test_a_failed_build_leaves_docs_and_site_as_they_were(tmp_path, capsys):
    root = make_project(tmp_path / "project")
    assert main(["--root", str(root), "build"]) == 0
    snapshot = {p: p.read_bytes() for folder in ("docs", "site") for p in (root / folder).rglob("*") if p.is_file()}
    stamps = {p: p.stat().st_mtime_ns for p in snapshot}
    write_readout(root, "2021/2021-05-01-broken.md", (HOSTILE / "body-script.md").read_text(encoding="utf-8"))
    capsys.readouterr()
    assert main(["--root", str(root), "build"]) == 1
    output = capsys.readouterr().err
    assert "archive/readouts/2021/2021-05-01-broken.md:16:1: error: raw HTML" in output and "Traceback" not in output
    assert "docs/ and site/ are as they were" in output
    after = {p: p.read_bytes() for folder in ("docs", "site") for p in (root / folder).rglob("*") if p.is_file()}
    assert after == snapshot
    assert {p: p.stat().st_mtime_ns for p in after} == stamps


# ---------------------------------------------------------------- every entry of archive/ accounted for

def test_every_entry_of_the_archive_is_a_readout_a_folder_or_a_registry(project, capsys, tmp_path):
    readouts = project / "archive" / "readouts"
    elsewhere = tmp_path / "elsewhere" / "2019"
    elsewhere.mkdir(parents=True)
    shutil.copy(HOSTILE / "odd-file-name.md", elsewhere / "2019-01-15-linked.md")
    (readouts / "2019").symlink_to(elsewhere, target_is_directory=True)
    shutil.copy(HOSTILE / "odd-file-name.md", readouts / "2021" / "2021-01-15-upper.MD")
    (readouts / "2021" / "notes.txt").write_text("a stray file\n", encoding="utf-8")
    (project / "archive" / "publisher.yml").write_text("- name: x\n", encoding="utf-8")
    code, lines, _ = _run(capsys, "--root", str(project), "check")
    assert code == 1
    assert lines == [
        "archive/publisher.yml:1:1: error: an unknown entry of archive/: it holds officials.yml, initiatives.yml, "
        "places.yml, publishers.yml, formulations.yml, published-ids.yml, source-log.yml and the folder readouts/ "
            "(move it out of archive/)",
        "archive/readouts/2019:1:1: error: a symbolic link (commit the folder or the readout itself, not a link to it)",
        "archive/readouts/2021/2021-01-15-upper.MD:1:1: error: the extension of '2021-01-15-upper.MD' is not '.md' "
        "in lower case (rename it to 2021-01-15-upper.md)",
        "archive/readouts/2021/notes.txt:1:1: error: not a readout: only folders and .md files belong under "
        "archive/readouts/ (move it out of the archive, or save the readout as a .md file)",
    ]
