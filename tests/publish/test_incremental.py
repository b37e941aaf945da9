"""An incremental build gives what a full build gives, byte for byte, and a failed one changes nothing."""

from __future__ import annotations

import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from benchmarks.synthetic import make_bench_project
from generator.publish.pipeline import build_site, generate
from generator.publish import state
from tests.conftest import make_project
from tests.trees import tree

pytestmark = pytest.mark.slow  # every test builds sites with MkDocs, several of them twice


def _readouts(root: Path) -> list[Path]:
    return sorted((root / "archive/readouts").rglob("*.md"))


def _moved(path: Path, root: Path, day: date) -> Path:
    """Where a readout of `day` named like `path` belongs: its folder and name follow its date."""
    name = f"{day.isoformat()}-{path.stem[11:]}.md"
    return root / "archive/readouts" / str(day.year) / name


def _redate(text: str, day: date) -> str:
    return re.sub(r"^date: .*$", f"date: {day.isoformat()}", text, count=1, flags=re.M)


def _add(rng: random.Random, root: Path) -> str:
    source = rng.choice(_readouts(root))
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(2000))
    target = _moved(source.with_name(source.stem[:11] + f"added-{rng.randrange(10**6)}.md"), root, day)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = re.sub(r"^id: .*$", f"id: {target.stem}", _redate(source.read_text(encoding="utf-8"), day), count=1, flags=re.M)
    target.write_text(text, encoding="utf-8")
    return f"add {target.name}"


def _edit(rng: random.Random, root: Path) -> str:
    path = rng.choice(_readouts(root))
    text = path.read_text(encoding="utf-8")
    if rng.random() < 0.5:
        path.write_text(text.rstrip("\n") + f"\n\nAn added paragraph {rng.randrange(10**6)}.\n", encoding="utf-8")
        return f"edit the text of {path.name}"
    path.write_text(re.sub(r"^title: ([\"']?)(.*)\1$", r"title: \1\2, revised\1", text, count=1, flags=re.M), encoding="utf-8")
    return f"edit the title of {path.name}"


def _rename(rng: random.Random, root: Path) -> str:
    path = rng.choice(_unpublished(root))  # a published address must keep working: see _move_published
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(2000))
    target = _moved(path, root, day)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_redate(path.read_text(encoding="utf-8"), day), encoding="utf-8")
    path.unlink()
    return f"move {path.name} to {target.name}"


def _delete(rng: random.Random, root: Path) -> str:
    path = rng.choice(_unpublished(root))
    path.unlink()
    return f"delete {path.name}"


PUBLISHED = "archive/published-ids.yml"


def _published(root: Path) -> str:
    path = root / PUBLISHED
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _unpublished(root: Path) -> list[Path]:
    listed = _published(root)
    return [path for path in _readouts(root) if f"path: {path.relative_to(root).as_posix()}\n" not in listed
            and f"- id: {path.stem}\n" not in listed]


def _publish(rng: random.Random, root: Path) -> str:
    """What a contributor does with a new readout: an entry in published-ids.yml."""
    path = rng.choice(_unpublished(root))
    entry = f"\n- id: {path.stem}\n  year: {path.parent.name}\n  path: {path.relative_to(root).as_posix()}\n"
    (root / PUBLISHED).write_text(_published(root) + entry, encoding="utf-8")
    return f"publish {path.name}"


def _move_published(rng: random.Random, root: Path) -> str:
    """A published readout's date corrected into another year: its entry follows, the old address redirects."""
    published = [p for p in _readouts(root) if p not in _unpublished(root)]
    if not published:
        return _publish(rng, root)
    path = rng.choice(published)
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(2000))
    while str(day.year) == path.parent.name:
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(2000))
    target = root / "archive/readouts" / str(day.year) / path.name  # the id stays, and the file's name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_redate(path.read_text(encoding="utf-8"), day), encoding="utf-8")
    path.unlink()
    text = _published(root).replace(f"- id: {path.stem}\n  year: {path.parent.name}\n",
                                    f"- id: {path.stem}\n  year: {day.year}\n")
    text += f"\n- id: {path.stem}\n  year: {path.parent.name}\n  redirect: {path.stem}\n"
    (root / PUBLISHED).write_text(text, encoding="utf-8")
    return f"move published {path.name} to {day.year}"


def _edit_registry(rng: random.Random, root: Path) -> str:
    path = root / "archive/officials.yml"
    path.write_text(path.read_text(encoding="utf-8") + f"\n# revised {rng.randrange(10**6)}\n", encoding="utf-8")
    return "edit archive/officials.yml"


def _edit_template(rng: random.Random, root: Path) -> str:
    path = root / "templates/readout.md.j2"
    path.write_text(path.read_text(encoding="utf-8") + f"\nRevised {rng.randrange(10**6)}.\n", encoding="utf-8")
    return "edit templates/readout.md.j2"


CHANGES = [_add, _edit, _rename, _delete, _publish, _publish, _move_published,
           _edit_registry, _edit_template]


@pytest.mark.parametrize("seed", [1, 2])
def test_incremental_builds_equal_full_builds_over_random_changes(tmp_path, seed):
    rng = random.Random(seed)
    root = make_bench_project(tmp_path / "project", 20, seed)
    build_site(root, root / "site")
    steps = []
    for step in range(6):
        steps.append(rng.choice(CHANGES)(rng, root))
        build_site(root, root / "site")
        fresh = make_project(tmp_path / f"fresh-{step}", root / "archive")
        # docs/ after every change; site/ after every third (its full MkDocs build is most of a step's
        # time): what an incremental MkDocs build gets wrong stays wrong until its page changes again
        folders = ("docs", "site") if step % 3 == 2 else ("docs",)
        if "site" in folders:
            build_site(fresh, fresh / "site", full=True)
        else:
            generate(fresh)
        for folder in folders:
            here, there = tree(root / folder), tree(fresh / folder)
            assert sorted(here) == sorted(there), (folder, steps)
            assert [name for name in here if here[name] != there[name]] == [], (folder, steps)
        shutil.rmtree(fresh)


def test_a_change_renders_only_the_pages_it_touches(project):
    build_site(project, project / "site")
    before = {p: p.stat().st_ino for p in (project / "site").rglob("*.html")}
    path = project / "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"
    path.write_text(path.read_text(encoding="utf-8").replace("on the phone.", "on the phone about rain."), encoding="utf-8")
    build_site(project, project / "site")
    after = {p: p.stat().st_ino for p in (project / "site").rglob("*.html")}
    rendered = sorted(p.relative_to(project / "site").as_posix() for p in after if after[p] != before.get(p))
    assert "readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone/index.html" in rendered
    assert "about/index.html" not in rendered and "officials/index.html" not in rendered
    assert len(rendered) < len(after) / 4


def test_a_changed_setting_renders_everything(project):
    build_site(project, project / "site")
    before = {p: p.stat().st_ino for p in (project / "site").rglob("*.html")}
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    build_site(project, project / "site")
    assert all(p.stat().st_ino != inode for p, inode in before.items())


def test_a_failed_build_leaves_docs_and_site_as_they_were(project):
    from mkdocs.exceptions import Abort

    build_site(project, project / "site")
    docs, site = tree(project / "docs"), tree(project / "site")
    path = project / "archive/readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone.md"
    path.write_text(path.read_text(encoding="utf-8").replace("on the phone.", "on the phone about rain."), encoding="utf-8")
    about = project / "docs/about.md"  # a hand-written page with a link MkDocs cannot resolve: strict mode fails
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [the minutes](minutes.md).\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, project / "site")
    docs["about.md"] = about.read_bytes()
    assert tree(project / "docs") == docs and tree(project / "site") == site
    assert not list(project.glob(".docs-*")) and not list(project.glob(".site-*"))


def test_the_site_folder_is_readable_by_others(project):
    build_site(project, project / "site")
    assert (project / "site").stat().st_mode & 0o755 == 0o755
    assert state.part(project, state.SITE)["site_dir"] == str((project / "site").resolve())


def test_an_edit_renders_only_the_pages_the_readout_appears_on(tmp_path):

    root = make_bench_project(tmp_path / "project", 60)
    first = generate(root)
    path = _readouts(root)[5]
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\nOne more sentence.\n", encoding="utf-8")
    second = generate(root)
    rendered = {template: count for template, (count, _) in second.timings.items()}
    assert rendered["readout.md.j2"] <= 5 < first.timings["readout.md.j2"][0]  # it and its neighbours, its event's
    assert sum(rendered.values()) < sum(count for count, _ in first.timings.values()) / 3
