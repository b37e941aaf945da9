
import pytest

from generator.publish.pipeline import generate
from generator.core.problems import ArchiveInvalid
from generator.pages.render import Page
from generator.publish.write import WriteRefused, write_pages

from tests.conftest import write_readout


def test_a_second_run_rewrites_nothing_and_stale_pages_go(project):
    first = generate(project)
    assert first.report.written and not first.report.removed
    second = generate(project)
    assert second.report.written == () and second.report.unchanged == len(first.report.written)
    (project / "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md").unlink()
    ids = project / "archive/published-ids.yml"  # withdrawn from the record on purpose
    entry = ("- id: 2020-10-09-wang-yi-speaks-with-zarif-by-phone\n  year: 2020\n"
             "  path: archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md\n")
    ids.write_text(ids.read_text(encoding="utf-8").replace(entry, ""), encoding="utf-8")
    third = generate(project)
    assert "readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md" in third.report.removed
    assert "timeline/2020.md" in third.report.removed
    assert not (project / "docs/readouts/2020").exists()
    assert (project / "docs/about.md").exists()  # hand-written pages are never touched


def test_a_broken_archive_writes_nothing(project):
    generate(project)
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    write_readout(project, "2021/2021-05-01-broken.md", "---\ntitle: [\n---\nx\n")
    with pytest.raises(ArchiveInvalid) as raised:
        generate(project)
    assert "2021-05-01-broken.md:2" in str(raised.value)
    after = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert after == before


def test_paths_are_confined_and_never_written_twice(tmp_path):
    with pytest.raises(WriteRefused):
        write_pages([Page("../outside.md", "x")], tmp_path)
    with pytest.raises(WriteRefused):
        write_pages([Page("about.md", "x")], tmp_path)
    with pytest.raises(WriteRefused):
        write_pages([Page("officials/a.md", "x"), Page("officials/a.md", "y")], tmp_path)


def _generate_in_process(root, seed: int) -> str:
    import os
    import subprocess
    import sys

    environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "build", "--pages-only"],
                          env=environment, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.mark.slow
def test_output_is_deterministic_across_processes_and_hash_seeds(project, tmp_path):
    from tests.conftest import make_project

    other = make_project(tmp_path / "other")
    _generate_in_process(project, 1)
    _generate_in_process(other, 2)
    files = sorted(p.relative_to(project / "docs") for p in (project / "docs").rglob("*") if p.is_file())
    assert len(files) > 20 and files == sorted(p.relative_to(other / "docs") for p in (other / "docs").rglob("*") if p.is_file())
    assert [f for f in files if (project / "docs" / f).read_bytes() != (other / "docs" / f).read_bytes()] == []


@pytest.mark.slow
def test_a_rebuild_with_nothing_changed_writes_nothing(project):
    _generate_in_process(project, 1)
    (project / ".build-state.json").unlink()  # so the whole archive is rendered again, not skipped
    before = {p: p.stat().st_mtime_ns for p in (project / "docs").rglob("*") if p.is_file()}
    out = _generate_in_process(project, 3)
    assert ": 0 pages written, 0 removed" in out
    assert {p: p.stat().st_mtime_ns for p in before if p.exists()} == before


@pytest.mark.slow  # builds a whole site with MkDocs
def test_clean_leaves_the_project_as_it_was_before_the_build(project):
    """`make clean` runs `generator clean`, which removes every kind's files, the site and the
    records, and leaves the hand-written pages."""
    from generator.__main__ import main
    from tests.conftest import REPO

    rule = (REPO / "Makefile").read_text(encoding="utf-8").split("\nclean:", 1)[1].split("\n\n", 1)[0]
    assert "-m generator clean" in rule
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    from generator.publish.pipeline import build_site

    build_site(project, project / "site")
    assert (project / "site" / "index.html").is_file()
    assert main(["--root", str(project), "clean"]) == 0
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_git_ignores_everything_the_build_writes(tmp_path):
    """Every generated part of docs/ and every record is in .gitignore, so none is committed."""
    import subprocess

    from generator.publish import state
    from generator.publish.lock import NAME as LOCK
    from generator.publish.write import GENERATED
    from tests.conftest import REPO

    paths = [f"docs/{name}" for name in GENERATED] + ["site/index.html", LOCK, state.NAME, f"{state.NAME}.1.tmp"]
    found = subprocess.run(["git", "check-ignore", "--no-index", *paths], cwd=REPO, capture_output=True, text=True)
    assert sorted(found.stdout.split()) == sorted(paths)


def test_a_streamed_download_is_written_piece_by_piece_and_only_when_it_changed(tmp_path):
    from generator.pages.addresses import Streamed
    from generator.publish.write import Backup

    docs = tmp_path / "docs"
    made = []

    def pieces(text):
        def give():
            for piece in text.split(" "):
                made.append(piece)
                yield piece + " "
        return give

    first = write_pages([Page("data/readouts.csv", Streamed(pieces("a b c")))], docs)
    target = docs / "data/readouts.csv"
    assert first.written == ("data/readouts.csv",) and target.read_text() == "a b c " and made == ["a", "b", "c"]
    stamp = target.stat().st_mtime_ns
    again = write_pages([Page("data/readouts.csv", Streamed(pieces("a b c")))], docs)
    assert again.written == () and again.unchanged == 1 and target.stat().st_mtime_ns == stamp  # left as it was

    def broken():
        yield "half of a "
        raise KeyboardInterrupt  # Ctrl-C while the file is being made

    backup = Backup(tmp_path)
    with pytest.raises(KeyboardInterrupt):
        write_pages([Page("data/readouts.csv", Streamed(broken))], docs, backup)
    assert target.read_text() == "a b c " and [p.name for p in target.parent.iterdir()] == ["readouts.csv"]
    backup.discard()
