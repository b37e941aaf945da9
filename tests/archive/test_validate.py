from generator.archive.check import check_archive
from generator.core.problems import ERROR, WARNING

from tests.conftest import write_readout

GOOD = """---
title: "A Call"
date: 2020-10-09
kind: phone call
officials:
  - Wang Yi
  - Zarif
source:
  publisher: Xinhua News Agency
  language: en
id: 2020-10-09-a-call
added: 2024-01-15
---
Text.
"""


def publish(project, ident="2020-10-09-a-call", year=2020, path="archive/readouts/2020/2020-10-09-a-call.md", more=""):
    """List an id among the published ones, as the pull request that adds a readout does."""
    ids = project / "archive" / "published-ids.yml"
    if f"- id: {ident}\n" not in ids.read_text(encoding="utf-8"):
        with ids.open("a", encoding="utf-8") as ids:
            ids.write(f"\n- id: {ident}\n  year: {year}\n  path: {path}\n{more}")


def _problems(project, text, name="2020/2020-10-09-a-call.md"):
    publish(project, path="archive/readouts/" + name)
    path = write_readout(project, name, text)
    _, problems = check_archive(project, [path])
    return problems


def test_the_fixture_archive_is_clean(project):
    archive, problems = check_archive(project)
    assert problems == []
    assert len(archive.readouts) == 3 and len(archive.events) == 1


def test_unknown_name_suggests_the_closest_and_names_the_line(project):
    problems = _problems(project, GOOD.replace("  - Zarif", "  - Zarrif"))
    assert [(p.line, p.severity) for p in problems] == [(7, ERROR)]
    assert "'Zarrif'" in problems[0].message and "Zarif" in problems[0].hint


def test_unknown_kind_lists_the_allowed_ones(project):
    problems = _problems(project, GOOD.replace("kind: phone call", "kind: phonecall"))
    assert problems[0].line == 4 and "phone call" in problems[0].hint and "meeting" in problems[0].hint


def test_every_problem_is_reported_in_one_run(project):
    text = GOOD.replace("date: 2020-10-09", "date: 2020-13-01").replace("kind: phone call", "kind: chat")
    text = text.replace("  language: en", "  language: English")
    problems = _problems(project, text)
    assert {p.line for p in problems if p.severity == ERROR} == {3, 4, 10}


def test_venue_rules_follow_the_kind(project):
    problems = _problems(project, GOOD.replace("kind: phone call", "kind: meeting"))
    assert "needs a 'venue'" in problems[0].message
    problems = _problems(project, GOOD.replace("kind: phone call", "kind: phone call\nvenue: Tehran, Iran"))
    assert "has no venue" in problems[0].message


def test_a_misplaced_file_is_a_warning(project):
    problems = _problems(project, GOOD, name="2021/2021-01-01-a-call.md")
    assert [p.severity for p in problems] == [WARNING] and "2020/2020-10-09" in problems[0].hint


def test_missing_field_names_the_fix(project):
    problems = _problems(project, GOOD.replace('title: "A Call"\n', ""))
    assert "'title' is missing" in problems[0].message and problems[0].hint.startswith("add 'title")


def test_body_html_and_bad_links_are_refused_at_their_line(project):
    body = "Text.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n![p](https://e.org/p.png)\n"
    problems = _problems(project, GOOD.replace("Text.\n", body))
    assert [p.line for p in problems] == [16, 18, 20]
