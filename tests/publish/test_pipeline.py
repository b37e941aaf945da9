
import pytest

from generator.archive import check
from generator.publish import pipeline
from generator.publish.pipeline import generate
from generator.core.problems import ArchiveInvalid

from tests.conftest import write_readout

PHONE_CALL = "2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


def _edit(project, relative, old, new):
    path = project / "archive/readouts" / relative
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_second_generation_in_one_process_reads_only_the_changed_file(project, monkeypatch):
    generate(project)
    read = []
    original = pipeline.load_archive
    monkeypatch.setattr(pipeline, "load_archive", lambda root, only=None: read.append(only) or original(root, only))
    _edit(project, PHONE_CALL, "on the phone.", "on the phone about the weather.")
    second = generate(project)
    assert [[p.name for p in only] for only in read] == [["2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"]]
    assert "readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md" in second.report.written
    assert "weather" in (project / "docs/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md").read_text()
    assert len(second.archive.readouts) == 3 and len(second.archive.events) == 1


def test_an_error_in_the_changed_file_is_still_reported(project):
    generate(project)
    _edit(project, PHONE_CALL, "  - Wang Yi\n", "  - Wang Yii\n")
    with pytest.raises(ArchiveInvalid, match="Wang Yi"):
        generate(project)


def test_a_clash_with_a_remembered_readout_is_still_found(project):
    generate(project)
    text = (project / "archive/readouts" / PHONE_CALL).read_text(encoding="utf-8")
    write_readout(project, "2021/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md", text.replace("2020-10-10", "2020-10-11"))
    with pytest.raises(ArchiveInvalid, match="is already the id of"):
        generate(project)


def test_a_registry_change_validates_everything_again(project, monkeypatch):
    generate(project)
    read = []
    original = pipeline.load_archive
    for module in (pipeline, check):  # the pipeline reads changed files itself, everything through check
        monkeypatch.setattr(module, "load_archive", lambda root, only=None: read.append(only) or original(root, only))
    registry = project / "archive/officials.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("    - Rowhani\n", "    - Rowhani\n    - Rohani\n"),
                        encoding="utf-8")
    generate(project)
    assert read[-1] is None and not any(read[:-1])  # the registries alone, then everything


@pytest.mark.slow
def test_a_large_archive_built_by_several_processes_gives_the_same_pages(project, tmp_path, monkeypatch):
    from generator.core import parallel

    from tests.conftest import make_project

    generate(project)
    alone = {p.relative_to(project / "docs"): p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    forked = []
    original = parallel.each_chunk
    monkeypatch.setattr(parallel, "workers_for", lambda items: 2)
    monkeypatch.setattr(parallel, "each_chunk", lambda function, chunks, workers: forked.append((len(chunks), workers))
                        or original(function, chunks, workers))
    other = make_project(tmp_path / "other")
    generate(other)
    together = {p.relative_to(other / "docs"): p.read_bytes() for p in (other / "docs").rglob("*") if p.is_file()}
    assert forked[0] == (2, 2) and forked[1][1] == 2 and forked[1][0] > 2  # validation; the pages in chunks
    assert together == alone


def test_a_new_process_validates_only_the_files_changed_since_the_last_run(project, monkeypatch):
    generate(project)
    pipeline._VALIDATED.clear()  # what a new process starts with
    read = []
    load, add = pipeline.load_archive, pipeline.with_readouts
    monkeypatch.setattr(pipeline, "load_archive", lambda root, only=None: read.append(only) or load(root, only))
    monkeypatch.setattr(pipeline, "with_readouts", lambda loaded, only, root: read.append(only) or add(loaded, only, root))
    _edit(project, PHONE_CALL, "on the phone.", "on the phone about the weather.")
    second = generate(project)
    # the registries once, then the changed file alone
    assert [[p.name for p in only] for only in read] == [[], ["2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"]]
    assert len(second.archive.readouts) == 3 and len(second.archive.events) == 1


def test_a_tampered_cache_entry_is_validated_again_and_runs_nothing(project, monkeypatch):
    from generator.publish.cache import ReadoutCache

    generate(project)
    store = ReadoutCache(project)
    for entry in store.folder.glob("*.json"):
        entry.write_text('{"$": "ArchiveInvalid", "problems": []}', encoding="utf-8")
    pipeline._VALIDATED.clear()
    _edit(project, PHONE_CALL, "on the phone.", "on the phone again.")
    generated = generate(project)
    assert len(generated.archive.readouts) == 3
    assert "again" in (project / "docs/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md").read_text()


def test_the_cache_lives_outside_the_project(project):
    from generator.publish.cache import ReadoutCache

    generate(project)
    folder = ReadoutCache(project).folder
    assert list(folder.glob("*.json")) and project.resolve() not in folder.resolve().parents


def test_an_added_published_id_renders_only_what_names_it(project):
    """published-ids.yml is data: a contributor's new entry keeps the cache and renders no readout page."""
    from generator.publish.cache import fingerprint

    listed = project / "archive/published-ids.yml"
    entry = ("\n- id: 2021-03-27-zarif-receives-wang-yi\n  year: 2021\n"
             "  path: archive/readouts/2021/2021-03-27-zarif-receives-wang-yi.md\n")
    text = listed.read_text(encoding="utf-8")
    listed.write_text(text.replace(entry, ""), encoding="utf-8")  # the readout as it is before its pull request
    first = generate(project)
    before = fingerprint(project)
    listed.write_text(text, encoding="utf-8")
    pipeline._VALIDATED.clear()  # a new process, as `make site` is
    second = generate(project)
    assert fingerprint(project) == before
    rendered = {template: count for template, (count, _) in second.timings.items()}
    items = {"readout.md.j2", "official.md.j2", "initiative.md.j2", "venue.md.j2", "event.md.j2", "year.md.j2"}
    assert items <= set(first.timings) and not items & set(rendered)  # the section pages are made every run


def test_a_cold_build_validates_each_file_and_the_registries_once(project, monkeypatch):
    from generator.archive import validate

    calls = {"readouts": 0, "registries": 0}
    readout, registry = validate.validate_readout, validate.load_registry

    def count(name, function):
        def counted(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)
        return counted

    monkeypatch.setattr(validate, "validate_readout", count("readouts", readout))
    monkeypatch.setattr(validate, "load_registry", count("registries", registry))
    pipeline._VALIDATED.clear()
    monkeypatch.setenv("READOUTS_CACHE", str(project.parent / "empty-cache"))
    generate(project)
    assert calls == {"readouts": 3, "registries": 1}
