"""The renderer behind one function: MkDocs, or Zensical when it is installed.

Zensical is not a dependency, so its path is tested with a stand-in program that does what
`zensical build` does with the files: reads the configuration it is given and writes site_dir.
The comparison of the two renderers on the real archive is in the README (Renderers).
"""

from __future__ import annotations

import stat
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from generator.publish import renderer
from generator.publish.pipeline import build_site

# A stand-in for `zensical build --config-file FILE`: keeps the configuration it was given and
# the theme override it found, and copies docs/ into site_dir as Zensical would render it.
FAKE_ZENSICAL = textwrap.dedent("""\
    #!{python}
    import json, shutil, sys
    from pathlib import Path
    import yaml
    assert sys.argv[1:3] == ["build", "--config-file"], sys.argv
    config_file = Path(sys.argv[3])
    root = config_file.parent
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    if "fail" in (root / "docs" / "about.md").read_text(encoding="utf-8"):
        print("Error: the page cannot be rendered"); sys.exit(1)
    site = root / config["site_dir"]
    shutil.copytree(root / config["docs_dir"], site)
    theme = sorted(p.name for p in (root / config["theme"]["custom_dir"]).iterdir())
    (site / "zensical-was-given.json").write_text(json.dumps({{"config": config, "theme": theme}}))
""")


@pytest.fixture
def fake_zensical(tmp_path, monkeypatch) -> Path:
    program = tmp_path / "bin" / "zensical"
    program.parent.mkdir()
    program.write_text(FAKE_ZENSICAL.format(python=sys.executable), encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(renderer, "zensical_command", lambda: str(program))
    return program


def _given(site: Path) -> dict:
    import json

    return json.loads((site / "zensical-was-given.json").read_text(encoding="utf-8"))


def test_zensical_gets_the_project_configuration_without_hooks_its_search_or_the_mkdocs_sitemap(project,
                                                                                                fake_zensical):
    build_site(project, project / "site", renderer=renderer.ZENSICAL)
    given = _given(project / "site")
    mkdocs_yml = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" in mkdocs_yml and "hooks" not in given["config"]
    assert given["config"]["plugins"] == [{"search": {"enabled": False}}]
    assert given["config"]["site_name"] == mkdocs_yml["site_name"] and given["config"]["nav"] == mkdocs_yml["nav"]
    assert given["config"]["extra_javascript"] == mkdocs_yml["extra_javascript"]  # the archive's own search
    assert "main.html" in given["theme"] and "sitemap.xml" not in given["theme"]
    assert (project / "site" / "readouts/2021/2021-03-27-wang-yi-holds-talks-with-zarif.md").is_file()
    assert not list(project.glob(".zensical-*"))  # its configuration and work folder are gone


def test_a_failed_zensical_build_leaves_the_site_as_it_was_and_says_why(project, fake_zensical):
    build_site(project, project / "site", renderer=renderer.ZENSICAL)
    before = sorted(p.relative_to(project) for p in (project / "site").rglob("*"))
    about = project / "docs" / "about.md"  # a hand-written page
    about.write_text(about.read_text(encoding="utf-8") + "\nfail\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="zensical build failed:\nError: the page cannot be rendered"):
        build_site(project, project / "site", renderer=renderer.ZENSICAL)
    assert sorted(p.relative_to(project) for p in (project / "site").rglob("*")) == before
    assert not list(project.glob(".zensical-*")) and not list(project.glob(".site-*"))


def test_without_zensical_the_build_says_how_to_install_it(project, monkeypatch):
    monkeypatch.setattr(renderer, "zensical_command", lambda: None)
    with pytest.raises(renderer.RendererMissing, match="pip install zensical"):
        renderer.render_docs(project / "mkdocs.yml", project / "site", renderer=renderer.ZENSICAL)


def test_an_unknown_renderer_is_refused(project):
    with pytest.raises(ValueError, match="unknown renderer 'hugo': one of mkdocs, zensical"):
        renderer.render_docs(project / "mkdocs.yml", project / "site", renderer="hugo")
