"""The cache is a cache: outside the project, keyed on everything validation reads, never fatal.

One fixture per class of attack or fault, each asserting its exact outcome."""

import json
import os

import pytest

from generator.publish import cache, pipeline
from generator.publish.cache import CacheUnusable, ReadoutCache, fingerprint
from generator.publish.pipeline import generate

PHONE_CALL = "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"
PAGE = "docs/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"


@pytest.fixture
def fresh_process():
    pipeline._VALIDATED.clear()  # what a new process starts with
    yield
    pipeline._VALIDATED.clear()


def _plant(folder, text):
    """A validated-looking entry for every readout: what a pull request would commit under the cache."""
    for entry in folder.glob("*.json"):
        entry.write_text(text, encoding="utf-8")


def _edit(project, old, new):
    path = project / PHONE_CALL
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("variable", ["READOUTS_CACHE", "XDG_CACHE_HOME"])
def test_a_cache_folder_inside_the_project_is_refused_and_the_build_goes_on(project, monkeypatch, capsys, variable,
                                                                              fresh_process):
    monkeypatch.delenv("READOUTS_CACHE", raising=False)
    monkeypatch.setenv(variable, str(project / ".cache"))
    with pytest.raises(CacheUnusable, match="inside the project"):
        ReadoutCache(project)
    generate(project)
    assert "is inside the project" in capsys.readouterr().err
    assert not (project / ".cache").exists()  # nothing written there either


def test_a_symbolic_link_to_the_project_is_followed_before_the_cache_is_placed(project, tmp_path, monkeypatch,
                                                                              capsys, fresh_process):
    (project / "planted").mkdir()
    (tmp_path / "innocent").symlink_to(project / "planted")
    monkeypatch.setenv("READOUTS_CACHE", str(tmp_path / "innocent"))
    generate(project)
    assert "is inside the project" in capsys.readouterr().err
    assert list((project / "planted").iterdir()) == []


def test_entries_planted_in_a_cache_inside_the_project_are_never_read(project, monkeypatch, fresh_process):
    """The attack: a pull request commits entries under a cache folder that CI points into the checkout."""
    outside = ReadoutCache(project)
    generate(project)
    relative = outside.folder.relative_to(cache.cache_base().parent)
    monkeypatch.setenv("READOUTS_CACHE", str(project / "ci-cache"))
    planted = project / "ci-cache" / relative
    planted.parent.mkdir(parents=True)
    os.rename(outside.folder, planted)
    for entry in planted.glob("*.json"):
        entry.write_text(entry.read_text(encoding="utf-8").replace("Zarif", "javascript:alert(1)"), encoding="utf-8")
    pipeline._VALIDATED.clear()
    _edit(project, "on the phone.", "on the phone again.")
    generate(project)
    assert "javascript:" not in "".join(p.read_text(encoding="utf-8") for p in (project / "docs").rglob("*.md"))


def test_an_unusable_cache_location_builds_without_the_cache_with_a_warning(project, tmp_path, monkeypatch, capsys,
                                                                           fresh_process):
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("READOUTS_CACHE", str(tmp_path / "a-file"))
    generated = generate(project)
    assert len(generated.archive.readouts) == 3
    err = capsys.readouterr().err
    assert "build: warning: the cache folder" in err and "cannot be made" in err and "building without a cache" in err


@pytest.mark.parametrize("corruption", [
    "",                                               # emptied
    '{"key": ',                                       # cut short
    '{"$": "ArchiveInvalid", "problems": []}',        # no key at all
    "[1, 2, 3]",                                      # not an object
    "\udcff".encode("utf-8", "surrogatepass").decode("latin-1"),  # not UTF-8
])
def test_a_corrupted_entry_is_discarded_and_rebuilt(project, corruption, fresh_process):
    generate(project)
    store = ReadoutCache(project)
    _plant(store.folder, corruption)
    pipeline._VALIDATED.clear()
    _edit(project, "on the phone.", "on the phone again.")
    generated = generate(project)
    assert len(generated.archive.readouts) == 3
    assert "again" in (project / PAGE).read_text(encoding="utf-8")
    entries = list(store.folder.glob("*.json"))
    assert len(entries) == 3 and all(json.loads(e.read_text(encoding="utf-8").partition("\n")[0])["key"] == e.stem
                                     for e in entries)


def test_an_entry_whose_content_does_not_match_its_digest_is_discarded(project, fresh_process):
    generate(project)
    store = ReadoutCache(project)
    for entry in store.folder.glob("*.json"):
        header, _, readout = entry.read_text(encoding="utf-8").partition("\n")  # the digest kept as it was
        entry.write_text(header + "\n" + readout.replace("Zarif", "javascript:alert(1)"), encoding="utf-8")
    pipeline._VALIDATED.clear()
    _edit(project, "on the phone.", "on the phone again.")
    generate(project)
    assert "javascript:" not in (project / PAGE).read_text(encoding="utf-8")
    assert not any("javascript:" in e.read_text(encoding="utf-8") for e in store.folder.glob("*.json"))


def test_an_entry_filed_under_another_files_key_is_discarded(project, fresh_process):
    """Content and digest agree, but the key inside is not the key of the file it stands for."""
    generate(project)
    store = ReadoutCache(project)
    entries = sorted(store.folder.glob("*.json"))
    first = entries[0].read_text(encoding="utf-8")
    for entry in entries[1:]:
        entry.write_text(first, encoding="utf-8")
    assert store.get(entries[1].stem, {}, {}) is None and not entries[1].exists()


def test_a_folder_in_place_of_an_entry_is_discarded(project, fresh_process):
    generate(project)
    store = ReadoutCache(project)
    entry = sorted(store.folder.glob("*.json"))[0]
    entry.unlink()
    entry.mkdir()
    pipeline._VALIDATED.clear()
    _edit(project, "on the phone.", "on the phone again.")
    assert len(generate(project).archive.readouts) == 3
    assert not entry.is_dir() and len(list(store.folder.glob("*.json"))) == 3


def test_the_key_covers_markdown_settings_and_parser_versions(project, monkeypatch):
    before = fingerprint(project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - abbr\n"),
                      encoding="utf-8")
    cache.markdown_extensions.cache_clear()
    after_settings = fingerprint(project)
    monkeypatch.setattr(cache, "_version", lambda package: "9.9" if package == "pymdown-extensions" else "1")
    after_version = fingerprint(project)
    assert len({before, after_settings, after_version}) == 3


@pytest.mark.slow
def test_nothing_compiled_is_kept_on_disk(project):
    from generator.publish.pipeline import build_site

    build_site(project, project / "site")
    kept = [p for p in cache.cache_base().rglob("*") if p.is_file()]
    entries = [p for p in kept if p.suffix == ".json"]
    assert entries and {p.name for p in kept if p not in entries} == {"fragments.sqlite"}  # JSON text: fragments.py


def test_every_readout_comes_back_from_its_entry_as_it_was_validated(versions_project):
    from generator.archive.check import check_archive

    archive, _ = check_archive(versions_project)
    store = ReadoutCache(versions_project)
    keyed = {store.key(readout.source_path, b""): readout for readout in archive.readouts}
    store.keep(keyed, set(keyed))
    officials, initiatives = {o.slug: o for o in archive.officials}, {i.slug: i for i in archive.initiatives}
    assert any(readout.translation_of for readout in archive.readouts)  # told again on every run
    for key, readout in keyed.items():
        assert store.get(key, officials, initiatives) == cache.as_validated(readout), readout.source_path
