"""The readout's record: permanent ids, dates added, provenance, inferred values, positions held on the day."""

from datetime import date

from generator.archive.check import check_archive
from generator.core.problems import ERROR, WARNING

from tests.archive.test_validate import GOOD, _problems, publish
from tests.conftest import REPO, write_readout

IDS = "archive/published-ids.yml"
PHONE_CALL = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


def _errors(problems):
    return [(p.path, p.line, p.message) for p in problems if p.severity == ERROR]


def test_the_record_fields_reach_the_model(project):
    text = GOOD.replace("  language: en\n", "  language: en\n  captured: 2024-01-10\n  archived:\n"
                        "    - https://web.archive.org/web/2024/https://example.org/a\n"
                        "inferred:\n  source.publisher: From the photo credit.\n  date: From \"on Friday\".\n"
                        "title_supplied: true\nupdated: 2024-02-01\n")
    assert _problems(project, text) == []
    archive, _ = check_archive(project)
    readout = next(r for r in archive.readouts if r.id == "2020-10-09-a-call")
    assert readout.url_path == "readouts/2020/2020-10-09-a-call"
    assert (readout.added, readout.updated, readout.last_changed) == (date(2024, 1, 15), date(2024, 2, 1), date(2024, 2, 1))
    assert readout.title_supplied and readout.source.captured == date(2024, 1, 10)
    assert readout.source.archived == ("https://web.archive.org/web/2024/https://example.org/a",)
    assert readout.inferred == (("date", 'From "on Friday".'), ("source.publisher", "From the photo credit."))
    assert readout.is_inferred("source.publisher") and not readout.is_inferred("venue")
    assert readout.inferred_basis("date") == 'From "on Friday".'


def test_bad_record_fields_are_refused_at_their_line(project):
    text = GOOD.replace("id: 2020-10-09-a-call", "id: A Call").replace("added: 2024-01-15", "added: 2024-13-01")
    text = text.replace("  language: en\n", "  language: en\n  archived:\n    - javascript:alert(1)\n"
                        "inferred:\n  venue: From the photo.\n  colour: red\ntitle_supplied: maybe\n")
    found = {(p.line, p.message[:30]) for p in _problems(project, text) if p.severity == ERROR}
    assert found == {(12, "an archived copy must be an ht"), (14, "'inferred' explains 'venue', w"),
                     (15, "'colour' is not a field that c"), (16, "'title_supplied' must be true "),
                     (17, "'id' must be a slug of at most"), (18, "'added' is an impossible date ")}


def test_an_inferred_mark_names_a_field_the_readout_gives(project):
    text = GOOD.replace("  language: en\n", "  language: en\ninferred:\n  venue: From the photo.\n  sourse.publisher: x\n")
    problems = _problems(project, text)
    assert [(p.line, p.severity) for p in problems] == [(12, ERROR), (13, ERROR)]
    assert "does not give" in problems[0].message and "'source.publisher'" in problems[1].hint


def test_two_readouts_with_one_id_are_refused(project):
    text = (REPO / "tests/fixtures/archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md").read_text()
    write_readout(project, "2020/2020-10-09-copy.md", text.replace("Somebody", "x"))
    _, problems = check_archive(project)
    assert ("archive/readouts/2020/2020-10-09-copy.md", 2, "the id '2020-10-09-wang-yi-speaks-with-zarif-by-phone' "
            f"is already the id of {PHONE_CALL}") in _errors(problems)


def test_a_published_id_cannot_change_or_disappear(project):
    path = project / PHONE_CALL
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("id: 2020-10-09-wang-yi-speaks-with-zarif-by-phone", "id: 2020-10-09-renamed"))
    _, problems = check_archive(project)
    changed = [p for p in problems if p.severity == ERROR]
    assert [(p.path, p.line) for p in changed] == [(PHONE_CALL, 2)]
    assert "changed from '2020-10-09-wang-yi-speaks-with-zarif-by-phone'" in changed[0].message
    assert "put back 'id: 2020-10-09-wang-yi-speaks-with-zarif-by-phone'" in changed[0].hint
    path.unlink()
    _, problems = check_archive(project)
    assert [(p.path, p.line) for p in problems if p.severity == ERROR] == [(IDS, 9)]
    assert "is missing" in problems[0].message and "redirect" in problems[0].hint


def test_a_renamed_file_keeps_its_address(project):
    path = project / PHONE_CALL
    path.rename(path.with_name("2020-10-09-a-new-file-name.md"))
    archive, problems = check_archive(project)
    assert [p for p in problems if p.severity == ERROR] == []
    assert any(r.url_path == "readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone" for r in archive.readouts)


def test_a_retired_id_becomes_a_redirect(project):
    path = project / PHONE_CALL
    path.write_text(path.read_text(encoding="utf-8").replace("id: 2020-10-09-wang-yi-speaks-with-zarif-by-phone",
                                                              "id: 2020-10-09-wang-yi-zarif-call"))
    ids = project / IDS
    ids.write_text(ids.read_text(encoding="utf-8").replace(
        f"  path: {PHONE_CALL}\n", f"  path: {PHONE_CALL}\n  redirect: 2020-10-09-wang-yi-zarif-call\n"))
    publish(project, "2020-10-09-wang-yi-zarif-call", 2020, PHONE_CALL)
    archive, problems = check_archive(project)
    assert problems == []
    assert [(r.address, r.target.id) for r in archive.redirects] == [
        ("readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone", "2020-10-09-wang-yi-zarif-call")]


def test_a_redirect_to_nothing_is_refused(project):
    publish(project, "2019-01-01-gone", 2019, "archive/readouts/2019/2019-01-01-gone.md",
            "  redirect: 2019-01-01-nowhere\n")
    _, problems = check_archive(project)
    assert [(p.path, p.severity) for p in problems] == [(IDS, ERROR)]
    assert "'2019-01-01-nowhere'" in problems[0].message


def test_a_new_id_is_a_warning_that_says_what_to_add(project):
    write_readout(project, "2020/2020-10-09-a-call.md", GOOD)
    _, problems = check_archive(project)
    assert [(p.line, p.severity) for p in problems] == [(11, WARNING)]
    assert "id: 2020-10-09-a-call, year: 2020, path: archive/readouts/2020/2020-10-09-a-call.md" in problems[0].hint


def test_positions_are_those_held_on_the_day():
    archive, _ = check_archive(REPO)
    wang_yi = next(o for o in archive.officials if o.name == "Wang Yi")
    assert [p.title for p in wang_yi.position_on(date(2023, 7, 24))] == [
        "Director of the Office of the Central Foreign Affairs Commission"]
    assert "Minister of Foreign Affairs" in [p.title for p in wang_yi.position_on(date(2023, 7, 25))]
    meeting = next(r for r in archive.readouts if r.id == "2023-07-24-wang-yi-meets-with-ahmadian")
    assert [p.title for p in meeting.positions_of(wang_yi)] == [
        "Director of the Office of the Central Foreign Affairs Commission"]


def test_the_real_archive_marks_what_it_inferred():
    archive, problems = check_archive(REPO)
    assert problems == []
    mokhber = next(r for r in archive.readouts if r.id == "2023-10-26-li-qiang-meets-with-mohammad-mokhber")
    assert mokhber.title_supplied and mokhber.is_inferred("source.publisher")
    assert "photo credit" in mokhber.inferred_basis("source.publisher")
    assert all(r.source.url == "" for r in archive.readouts)  # no seed gives an address: none is invented


def test_the_record_dates_are_not_in_the_future_with_a_days_grace():
    from generator.archive.load import RawDocument
    from generator.archive.record import check_dates_in_time

    doc = RawDocument(path=REPO, display="x.md", positions={("added",): (5, 1), ("source", "captured"): (9, 3)})
    today, meeting = date(2024, 5, 10), date(2024, 5, 1)
    for tomorrow, found in ((date(2024, 5, 11), []), (date(2024, 5, 12), [(5, ERROR), (9, ERROR)])):
        problems = []
        check_dates_in_time(doc, meeting, {"added": tomorrow, "source.captured": tomorrow}, problems, today)
        assert [(p.line, p.severity) for p in problems] == found
    problems = []
    check_dates_in_time(doc, meeting, {"added": date(2024, 4, 30), "source.captured": date(2024, 4, 29)}, problems, today)
    assert [(p.line, p.severity) for p in problems] == [(9, WARNING)]  # a day's grace for time zones; a capture may be older
