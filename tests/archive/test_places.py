"""The places registry (archive/places.yml): checked like the other registries, read by the drafting."""

from __future__ import annotations

from generator.archive.check import check_archive
from generator.contribute.draft import load_draft_registry

from tests.conftest import REPO, make_project


def test_the_real_places_registry_is_sound_and_resolves_aliases(tmp_path):
    root = make_project(tmp_path / "project", REPO / "archive")
    places = load_draft_registry(root).places
    assert places.city("tehran").venue == "Tehran, Iran"
    assert places.city("Nur-Sultan").venue == "Astana, Kazakhstan"
    assert places.city("Beijing").native == "北京"
    assert "UAE" in places.countries and "Nowhere" not in places.countries


def test_a_bad_places_entry_is_an_error_at_its_line(project):
    (project / "archive" / "places.yml").write_text(
        "- city: Tehran\n  country: Iran\n- city: <b>X</b>\n  country: Iran\n  mayor: someone\n"
        "- city: tehran\n  country: Iran\n", encoding="utf-8")
    archive, problems = check_archive(project)
    assert archive is None
    found = [(p.path, p.line, p.message) for p in problems if p.severity == "error"]
    assert found == [
        ("archive/places.yml", 3, "'city' contains HTML"),
        ("archive/places.yml", 5, "unknown field 'mayor'"),
        ("archive/places.yml", 6, "the city name 'tehran' is used by 'Tehran, Iran' (line 1) too, "
                                  "once case, spacing and Unicode forms are set aside"),
    ]


def test_a_missing_places_registry_is_an_error(project):
    (project / "archive" / "places.yml").unlink()
    _, problems = check_archive(project)
    assert [(p.path, p.message) for p in problems if p.severity == "error"] == [
        ("archive/places.yml", "cannot be read: No such file or directory")]
