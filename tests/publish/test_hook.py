"""Plain `mkdocs build`, as a contributor who knows MkDocs runs it: the hook named in mkdocs.yml
runs the generator first, so the site holds the readouts without `make site`."""

from __future__ import annotations

import re

from click.testing import CliRunner
from mkdocs.__main__ import cli

from tests.conftest import write_readout

READOUT = "readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif"


def _mkdocs_build(project, *options):
    return CliRunner().invoke(cli, ["build", "--config-file", str(project / "mkdocs.yml"), *options])


def test_plain_mkdocs_build_generates_the_pages_through_the_hook(project):
    assert not (project / "docs" / f"{READOUT}.md").exists()
    done = _mkdocs_build(project, "--strict")
    assert done.exit_code == 0, done.output
    assert (project / "docs" / f"{READOUT}.md").is_file()  # written by the generator, run by the hook
    page = (project / "site" / READOUT / "index.html").read_text(encoding="utf-8")
    assert "Wang Yi Holds Talks with Iranian Foreign Minister" in page
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert re.search(rf"{READOUT}/</loc>\s*<lastmod>2024-03-01</lastmod>", sitemap)  # the hook's page_lastmod


def test_plain_mkdocs_build_stops_on_a_broken_readout_and_names_it(project):
    write_readout(project, "2021/2021-05-01-broken.md", "---\ntitle: [\n---\nx\n")
    done = _mkdocs_build(project)
    assert done.exit_code != 0
    assert "2021-05-01-broken.md:2" in done.output
    assert not (project / "site").exists()
