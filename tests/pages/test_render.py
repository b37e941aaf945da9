import re

import pytest

from generator.pages import render
from generator.publish.pipeline import generate
from benchmarks.synthetic import make_bench_project


@pytest.mark.slow
def test_long_listings_are_split_into_a_page_per_year(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "LIST_LIMIT", 20)
    root = make_bench_project(tmp_path / "project", 300)
    generated = generate(root)
    docs = root / "docs"
    busiest = max(generated.archive.officials,
                  key=lambda o: sum(o in r.officials for r in generated.archive.readouts))
    theirs = [r for r in generated.archive.readouts if busiest in r.officials]
    assert len(theirs) > 20
    page = (docs / f"officials/{busiest.slug}.md").read_text(encoding="utf-8")
    years = re.findall(r'<td><a href="(\d{4})/">\1</a></td><td[^>]*>(\d+)</td>', page)
    assert years and sum(int(count) for _, count in years) == len(theirs)
    assert "readouts/" not in page.split("## Readouts")[1].split("## Counterparts")[0]
    for year, count in years:
        listing = (docs / f"officials/{busiest.slug}/{year}.md").read_text(encoding="utf-8")
        assert listing.count("<li>") == int(count)


def test_short_listings_stay_on_one_page(project):
    generate(project)
    page = (project / "docs/officials/wang-yi.md").read_text(encoding="utf-8")
    assert "### 2021" in page and "### 2020" in page
    assert not (project / "docs/officials/wang-yi").exists()


def test_relative_paths_agree_with_posixpath():
    import itertools
    import posixpath

    from generator.pages.render import relative_path

    paths = ["index.md", "a.md", "officials/x.md", "officials/x/2020.md", "readouts/2022/s.md",
             "readouts/2023/t.md", "data/feeds/officials/x.xml", "officials/index.md"]
    for target, source in itertools.product(paths, paths):
        assert relative_path(target, source) == posixpath.relpath(target, posixpath.dirname(source) or ".")
