"""CONTRIBUTING.md, its field reference made from the schema, and the site's contribute page."""

from __future__ import annotations

import re

from generator.archive import schema
from generator.contribute.reference import END, START, contributing_is_current, render_contributing, render_field_reference
from generator.archive.check import check_archive
from generator.publish.pipeline import generate
from generator.publish.write import GENERATED

from tests.conftest import REPO, make_project, write_readout


def test_the_reference_in_contributing_is_up_to_date():
    assert contributing_is_current(REPO), "run `python -m generator fields` to rewrite the field reference"


def test_the_reference_names_every_field_and_kind():
    reference = render_field_reference()
    for field in schema.FIELDS:
        assert f"| `{field.name}` | {'yes' if field.required else 'no'} |" in reference
        for sub in field.fields:
            assert f"| `{field.name}.{sub.name}` |" in reference
    for kind in schema.KINDS:
        assert f"`{kind}`" in reference


def test_the_example_in_the_reference_passes_the_check(tmp_path):
    root = make_project(tmp_path / "project", REPO / "archive")
    example = render_field_reference().split("```yaml\n")[1].split("```")[0]
    path = write_readout(root, "2022/2022-07-29-example.md", example + "Xi Jinping spoke with Ebrahim Raisi.\n")
    archive, problems = check_archive(root, [path])
    assert [p for p in problems if p.severity == "error"] == []


def test_contributing_has_no_relative_links():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]*)\)", text) + re.findall(r"<(\w+:[^>]*)>", text)
    assert all(link.startswith(("http://", "https://", "#")) for link in links), links


def test_the_site_page_is_contributing_with_a_fresh_reference():
    page = render_contributing(REPO)
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert page.path == "contribute.md" and "contribute.md" in GENERATED
    assert START not in page.content and END not in page.content
    assert page.content.startswith(text.split(START)[0])
    assert page.content.endswith(render_field_reference() + text.split(END)[1])


def test_without_contributing_the_page_still_holds_the_reference(tmp_path):
    page = render_contributing(tmp_path)
    assert page.content.startswith("# Contribute a readout") and page.content.endswith(render_field_reference())


def test_the_contribute_page_is_generated_into_docs(project):
    generate(project)
    assert (project / "docs" / "contribute.md").read_text(encoding="utf-8") == render_contributing(project).content
