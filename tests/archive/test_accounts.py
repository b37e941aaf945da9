"""Publishers, formulations, paragraphs and events: the registries and checks that compare accounts."""

import pytest

from generator.archive.check import check_archive
from generator.archive.formulations import FormulationFinder
from generator.archive.paragraphs import blocks
from generator.core.model import BOTH_SIDES, Formulation
from generator.core.problems import ERROR, WARNING

from tests.conftest import write_readout

CALL = """---
title: "A Call"
date: 2020-10-09
kind: {kind}
officials:
  - Wang Yi
  - Zarif
source:
  publisher: {publisher}
  language: en
id: {ident}
added: 2024-01-15
{extra}---
Wang Yi said China upholds the one-China principle.

He added that China opposes unilateralism.

For his part, Zarif said Iran supports it.
"""


def _readout(kind="phone call", publisher="Xinhua News Agency", extra="", ident="2020-10-09-a-call"):
    return CALL.format(kind=kind, publisher=publisher, extra=extra, ident=ident)


def _check(project, text, name="2020/2020-10-09-a-call.md"):
    path = write_readout(project, name, text)
    return check_archive(project, [path])[1]


ONE_CHINA = Formulation("one-china-principle", "One China principle", ("one-China principle",))
CORE = Formulation("core-interests", "core interests", ("core interest",))
INTERFERENCE = Formulation("non-interference", "non-interference in internal affairs",
                           ("non-interference in others' internal affairs", "interference in other countries' internal affairs"))


@pytest.mark.parametrize("text, found", [
    ("support for the One China principle", ["one-china-principle"]),
    ("Iran firmly pursues the one-China principle", ["one-china-principle"]),
    ("the ONE CHINA PRINCIPLE", ["one-china-principle"]),
    ("the one–China principle", ["one-china-principle"]),  # an en dash for the hyphen
    ("one-China principles and core interests", ["core-interests"]),  # a plural is another word
    ("someone-China principle", []),  # inside a longer word
    ("each other’s core interests", ["core-interests"]),
    ("uphold non-interference in others’ internal affairs", ["non-interference"]),  # a curly apostrophe
    ("score interests", []),
    ("core interests, then the one-China principle", ["core-interests", "one-china-principle"]),
])
def test_formulations_are_found_by_variant_case_and_whole_words(text, found):
    finder = FormulationFinder((ONE_CHINA, CORE, INTERFERENCE))
    assert [f.slug for f in finder.find(text)[0]] == found


def test_blocks_keep_fences_whole_and_number_only_paragraphs():
    body = "First.\n\n## A heading\n\n```\ncode\n\nmore code\n```\n\n- a list\n\nSecond\nline.\n"
    found = blocks(body)
    assert [(b.line, b.paragraph) for b in found] == [(0, True), (2, False), (4, False), (10, False), (12, True)]


def test_paragraphs_carry_line_speaker_and_formulations(project):
    path = write_readout(project, "2020/2020-10-09-a-call.md", _readout())
    archive, problems = check_archive(project)
    assert [p for p in problems if p.severity == ERROR] == []
    readout = next(r for r in archive.readouts if r.source_path.endswith("a-call.md"))
    first, second, third = readout.paragraphs
    assert (first.number, first.line, first.anchor) == (1, 14, "p1")
    assert [f.name for f in first.formulations] == ["One China principle"]
    assert [f.name for f in second.formulations] == ["unilateralism"]
    assert (first.speaker.name, second.speaker.name, third.speaker.name) == ("Wang Yi", "Wang Yi", "Mohammad Javad Zarif")
    assert readout.side == "China" and readout.source.by.kind == "state news agency"
    assert path.exists()


def test_the_speakers_override_is_checked_at_its_line(project):
    extra = "speakers:\n  p2: both sides\n  p3: nobody\n  p9: Wang Yi\n  p1: Wang Yo\n"
    problems = _check(project, _readout(extra=extra))
    errors = [(p.line, p.message) for p in problems if p.severity == ERROR]
    assert errors == [(16, "'p9' is not a paragraph of this text, which has 3"), (17, "unknown speaker 'Wang Yo'")]
    assert "did you mean 'Wang Yi'?" in next(p.hint for p in problems if p.line == 17)


def test_the_speakers_override_wins(project):
    write_readout(project, "2020/2020-10-09-a-call.md", _readout(extra="speakers:\n  p2: both sides\n  p3: nobody\n"))
    archive, _ = check_archive(project)
    readout = next(r for r in archive.readouts if r.source_path.endswith("a-call.md"))
    assert [p.speaker for p in readout.paragraphs][1:] == [BOTH_SIDES, None]


def test_an_unknown_publisher_is_an_error_with_the_closest_name(project):
    problems = _check(project, _readout(publisher="Xinhua News Agancy"))
    error = next(p for p in problems if p.severity == ERROR)
    assert (error.line, error.message) == (9, "unknown publisher 'Xinhua News Agancy'")
    assert "did you mean 'Xinhua News Agency'?" in error.hint


def test_an_unidentified_publisher_keeps_its_side_or_none(project):
    write_readout(project, "2020/2020-10-09-a-call.md",
                  _readout(publisher="Iranian English-language news outlet (unidentified)"))
    archive, _ = check_archive(project)
    readout = next(r for r in archive.readouts if r.source_path.endswith("a-call.md"))
    assert readout.side == "Iran" and not readout.source.by.identified


def test_the_publishers_registry_is_checked(project):
    registry = project / "archive" / "publishers.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "\n- name: Odd Outlet\n  country: Iraq\n  kind: blog\n"
                        "  identified: maybe\n", encoding="utf-8")
    _, problems = check_archive(project)
    found = {(p.path, p.message) for p in problems}
    line_of = {p.message: p.line for p in problems}
    assert ("archive/publishers.yml", "unknown country 'Iraq'") in found
    assert ("archive/publishers.yml", "unknown kind 'blog'") in found
    assert ("archive/publishers.yml", "'identified' must be true or false, not 'maybe'") in found
    assert line_of["unknown kind 'blog'"] > line_of["unknown country 'Iraq'"]


def test_same_day_same_people_different_kinds_is_a_warning_and_two_events(project):
    write_readout(project, "2020/2020-10-09-a-message.md", _readout(kind="message", ident="2020-10-09-a-message"))
    archive, problems = check_archive(project)
    warnings = [p for p in problems if p.severity == WARNING and "grouped as two events" in p.message]
    assert [(p.path, p.line) for p in warnings] == [("archive/readouts/2020/2020-10-09-a-message.md", 4),
                                                     ("archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md", 5)]
    day = [e for e in archive.all_events if e.date.isoformat() == "2020-10-09"]
    assert sorted(e.kind for e in day) == ["message", "phone call"]
    assert len({e.slug for e in day}) == 2 and not any(e.has_page for e in day)


def test_an_explicit_event_key_groups_and_silences_the_warning(project):
    key = "event: 2020-10-09-wang-yi-zarif\n"
    write_readout(project, "2020/2020-10-09-a-message.md", _readout(kind="message", extra=key, ident="2020-10-09-a-message"))
    original = project / "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"
    original.write_text(original.read_text(encoding="utf-8").replace("kind: phone call\n", "kind: phone call\n" + key),
                        encoding="utf-8")
    archive, problems = check_archive(project)
    assert not [p for p in problems if "grouped as two events" in p.message]
    event = next(e for e in archive.events if e.slug == "2020-10-09-wang-yi-zarif")
    assert len(event.readouts) == 2 and event.kind in ("phone call and message", "message and phone call")


def test_talks_and_a_meeting_of_one_day_are_one_event(project):
    archive, problems = check_archive(project)
    assert problems == []
    event = next(e for e in archive.events if e.date.isoformat() == "2021-03-27")
    assert len(event.readouts) == 2 and event.sides == ("China", "Iran")
    assert len(archive.all_events) == 2 and len(archive.events) == 1
