"""Language versions: the `version_of` tie, checked across the archive, and formulations' native forms."""

from __future__ import annotations

from generator.archive.check import check_archive
from generator.archive.formulations import FormulationFinder
from generator.core.model import Formulation
from generator.core.problems import ERROR

ZH = "archive/readouts/2021/2021-01-15-wang-yi-speaks-with-zarif-on-the-phone-zh.md"
EN_ID = "2021-01-15-wang-yi-speaks-with-zarif-on-the-phone"


def _edit(project, relative, old, new):
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _errors(project):
    _, problems = check_archive(project)
    return [p for p in problems if p.severity == ERROR]


def test_the_versions_archive_is_clean_and_groups_its_versions(versions_project):
    archive, problems = check_archive(versions_project)
    assert problems == []
    assert {r.id for r in archive.versions[EN_ID]} == {EN_ID, EN_ID + "-zh"}
    talks = next(e for e in archive.all_events if e.date.isoformat() == "2021-03-27")
    assert len(talks.readouts) == 4 and [r.source.language for r in talks.accounts] == ["en", "en"]
    call = next(e for e in archive.all_events if e.date.isoformat() == "2021-01-15")
    assert len(call.readouts) == 2 and len(call.accounts) == 1 and not call.has_page  # one account, two languages


def test_a_tie_to_a_missing_id_names_the_line_and_the_closest_id(versions_project):
    _edit(versions_project, ZH, f"version_of: {EN_ID}", f"version_of: {EN_ID}s")
    [error] = _errors(versions_project)
    assert (error.path, error.line) == (ZH, 3)
    assert "no readout has the id" in error.message and EN_ID in error.hint


def test_a_tie_between_two_meetings_is_refused(versions_project):
    _edit(versions_project, ZH, f"version_of: {EN_ID}", "version_of: 2020-10-09-wang-yi-speaks-with-zarif-by-phone")
    [error] = _errors(versions_project)
    assert (error.path, error.line) == (ZH, 3) and "ties two meetings" in error.message
    assert "same 'event:' key" in error.hint


def test_two_versions_in_one_language_from_one_publisher_are_refused(versions_project):
    _edit(versions_project, ZH, "  language: zh", "  language: en")
    errors = _errors(versions_project)
    assert [(e.path, e.line) for e in errors if "two versions in 'en'" in e.message] == [
        (ZH, 14), ("archive/readouts/2021/2021-01-15-wang-yi-speaks-with-zarif-on-the-phone.md", 13)]
    assert "keep one file" in errors[0].hint


def test_a_circle_of_ties_is_refused_at_each_file(versions_project):
    english = "archive/readouts/2021/2021-01-15-wang-yi-speaks-with-zarif-on-the-phone.md"
    _edit(versions_project, english, f"id: {EN_ID}\n", f"id: {EN_ID}\nversion_of: {EN_ID}-zh\n")
    errors = _errors(versions_project)
    assert {(e.path, e.line) for e in errors} == {(english, 3), (ZH, 3)}
    assert all("circle" in e.message and "remove 'version_of' from that one" in e.hint for e in errors)


def test_a_tie_to_itself_is_refused(versions_project):
    _edit(versions_project, ZH, f"version_of: {EN_ID}", f"version_of: {EN_ID}-zh")
    [error] = _errors(versions_project)
    assert error.line == 3 and "own id" in error.message


def test_versions_in_two_languages_are_not_taken_for_duplicates(versions_project):
    _, problems = check_archive(versions_project)
    assert not any("duplicate" in p.message for p in problems)


def test_forms_are_checked_like_variants(versions_project):
    path = "archive/formulations.yml"
    _edit(versions_project, path, "    zh: [单边主义]", "    zh: [<b>单边主义</b>]\n    english: [x]")
    _edit(versions_project, path, "    fa: [تمامیت ارضی]", "    fa: [اصل چین واحد]")
    _edit(versions_project, path, "    fa: [مشارکت راهبردی جامع]", "    fa: [مشارکت]")
    errors = _errors(versions_project)
    found = {(e.path, e.line, e.message.split(" ")[0]) for e in errors}
    assert (path, 20, "'forms.zh.0'") in found  # HTML in a form
    assert (path, 21, "'english'") in found  # not a language code
    assert any(e.line == 14 and "'مشارکت' is a single word" in e.message for e in errors)  # as a variant would be
    assert any(e.line == 25 and "اصل چین واحد" in e.message and "used by" in e.message for e in errors)


def test_native_forms_are_found_as_a_text_writes_them():
    partnership = Formulation("csp", "comprehensive strategic partnership",
                              forms=(("fa", ("مشارکت راهبردی جامع",)), ("zh", ("全面战略伙伴关系",))))
    unilateralism = Formulation("u", "unilateralism", forms=(("fa", ("یکجانبه‌گرایی",)), ("zh", ("单边主义",))))
    finder = FormulationFinder((partnership, unilateralism))
    assert finder.find("推进中伊全面战略伙伴关系，反对单边主义。")[0] == (partnership, unilateralism)  # inside a run
    # Arabic yeh and kaf, and a space for the non-joiner, are the same Persian text
    assert finder.find("بر مشارکت راهبردی جامع و مخالفت با يکجانبه گرايي تاکید کردند")[0] == (partnership, unilateralism)
    assert finder.find("مشارکت راهبردی جامعه")[0] == ()  # whole words in Persian
    assert finder.find("the strategic partnership")[0] == ()
