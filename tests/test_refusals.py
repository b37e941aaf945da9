"""One rule set: every condition under which the build stops is an error of the check, at the
archive file and line that caused it.

The build's refusals are found in the generator's own code: every `raise` of a module the build
runs (all but the check's own stage, archive/, whose refusals are its problems, and the drafting
command). Each is named in REFUSALS with an archive that reaches for it; for each, the check
reports an error at the file, line and message given, and the build stops with that same error
before it gets anywhere near the refusal. A new `raise` in the build fails the first test until
it is listed here with its case, or, if the archive cannot cause it, with the reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.core.limits import DAY_SLOTS
from generator.core.problems import ArchiveInvalid
from generator.publish.site_check import check_site
from generator.publish.pipeline import build_site

from tests.conftest import REPO, make_project, write_readout

CHECKED_ELSEWHERE = ("generator/archive/", "generator/contribute/", "generator/__main__.py")

READOUT = """---
id: {id}
title: "Wang Yi Speaks with Zarif"
date: {date}
kind: phone call
officials:
  - Wang Yi
  - Zarif
source:
  publisher: {publisher}
  language: en
added: 2024-01-15
{extra}---
Wang Yi spoke with Zarif on the phone.
"""
CHINA = "Ministry of Foreign Affairs of the People's Republic of China"


def _readout(root: Path, name: str, *, id: str = "", date: str = "2021-01-15", publisher: str = CHINA,
             extra: str = "") -> str:
    path = write_readout(root, f"{date[:4]}/{date}-{name}.md",
                         READOUT.format(id=id or f"{date}-{name}", date=date, publisher=publisher, extra=extra))
    return path.relative_to(root).as_posix()


def _id_with_a_newline(root: Path):
    path = _readout(root, "x", id='"2021-01-15-x\\n"')
    return path, 2, "'id' must be a slug"


def _id_outside_docs(root: Path):
    path = _readout(root, "x", id='"../../../../x"')
    return path, 2, "'id' must be a slug"


def _too_many_on_one_day(root: Path):
    paths = [_readout(root, f"call-{number:02d}", publisher=f"{CHINA}" if number % 2 else "Xinhua News Agency")
             for number in range(DAY_SLOTS + 1)]
    return paths[-1], 4, f"{DAY_SLOTS + 1} readouts are dated 2021-01-15, more than the {DAY_SLOTS}"


def _unknown_name(root: Path):
    path = _readout(root, "x", extra="initiatives:\n  - Nothing Known\n")
    return path, 14, "unknown name 'Nothing Known'"


def _two_pages_at_one_address(root: Path):
    # one city spelt two ways that make one address: two venue pages at one path
    first = _readout(root, "a", date="2021-01-16", extra="venue: Sharm el-Sheikh, Egypt\n")
    _readout(root, "b", date="2021-01-17", extra="venue: Sharm El Sheikh, Egypt\n")
    for path in (root / "archive" / "readouts" / "2021").glob("2021-01-1[67]-*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("kind: phone call", "kind: meeting"), encoding="utf-8")
    return first, 13, "two pages would be written to docs/venues/sharm-el-sheikh-egypt.md"


# (module, function, exception) of each refusal → an archive that reaches for it
REFUSALS = {
    ("generator/publish/pipeline.py", "_generate", "ArchiveInvalid"): [_unknown_name, _two_pages_at_one_address],
    ("generator/publish/write.py", "_checked", "WriteRefused"): [_id_outside_docs],
    ("generator/publish/write.py", "write", "WriteRefused"): [_two_pages_at_one_address],
    ("generator/outputs/search.py", "readout_numbers", "ValueError"): [_too_many_on_one_day],
    # MkDocs in strict mode: a page address with a line break in it stopped it
    ("generator/publish/site.py", "render_with_mkdocs", "raise"): [_id_with_a_newline],
}
# Refusals no archive can cause, and why.
NOT_FROM_THE_ARCHIVE = {
    ("generator/publish/hook.py", "on_pre_build", "PluginError"): "ArchiveInvalid from generate, as MkDocs reports it",
    ("generator/publish/pipeline.py", "build_site", "raise"): "puts docs/ back, then passes on what stopped the build",
    ("generator/publish/pipeline.py", "generate", "raise"): "puts docs/ back, then passes on what stopped the run",
    ("generator/publish/cache.py", "cache_folder", "CacheUnusable"): "the cache folder is inside the project (the machine's set-up)",
    ("generator/publish/cache.py", "__init__", "CacheUnusable"): "the cache folder cannot be made or written (the machine's)",
    ("generator/publish/cache.py", "get", "ValueError"): "caught in get: a bad entry is discarded and the readout checked again",
    ("generator/core/remembered.py", "_encoded", "TypeError"): "caught in _computed: a value JSON cannot hold is not stored",
    ("generator/outputs/search_update.py", "_updated", "_Doubt"):
        "caught in updated_shards: a readout without a key or a record without shards makes every shard afresh",
    ("generator/outputs/search_update.py", "_patched", "_Doubt"):
        "caught in updated_shards: a shard not as the last run wrote it makes every shard afresh",
    ("generator/outputs/search_update.py", "_keep_the_rest", "_Doubt"):
        "caught in updated_shards: a shard missing or of another size makes every shard afresh",
    ("generator/publish/lock.py", "build_lock", "BuildLocked"): "another build of the project is running",
    ("generator/publish/site.py", "_exchange", "OSError"): "the file system cannot swap the site's folders",
    ("generator/publish/site.py", "_mkdocs", "Abort"): "MkDocs' strict mode, passed on with its warnings and their files",
    ("generator/publish/write.py", "_replace", "WriteRefused"): "the disk is full or cannot be written (the machine's)",
    ("generator/publish/write.py", "_replace_streamed", "WriteRefused"): "the disk is full or cannot be written (the machine's)",
    ("generator/publish/write.py", "_replace_streamed", "raise"): "removes its temporary file, then passes on what stopped it",
    ("generator/publish/site.py", "render_with_zensical", "raise"): "removes its new folder, then passes on Zensical's failure",
    ("generator/publish/renderer.py", "render_docs", "ValueError"): "a renderer other than mkdocs or zensical was asked for",
    ("generator/publish/renderer.py", "_zensical_build", "RendererMissing"): "--renderer zensical without zensical installed",
    ("generator/publish/renderer.py", "_zensical_build", "RuntimeError"): "Zensical failed on docs/ that MkDocs would render",
}


def _raise_sites() -> set[tuple[str, str, str]]:
    """Every raise in a module the build runs: (module, the function it is in, the exception's name)."""
    found = set()
    for path in sorted((REPO / "generator").rglob("*.py")):
        module = path.relative_to(REPO).as_posix()
        if module.startswith(CHECKED_ELSEWHERE):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in (node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))):
            for node in ast.walk(function):
                if isinstance(node, ast.Raise):
                    target = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                    name = "raise" if target is None else getattr(target, "id", getattr(target, "attr", "?"))
                    found.add((module, function.name, name))
    return found


def test_every_refusal_of_the_build_is_listed_with_a_case():
    assert _raise_sites() == set(REFUSALS) | set(NOT_FROM_THE_ARCHIVE)


CASES = sorted({case for cases in REFUSALS.values() for case in cases}, key=lambda case: case.__name__)


@pytest.mark.parametrize("case", CASES, ids=[case.__name__.strip("_") for case in CASES])
def test_the_check_reports_what_the_build_would_refuse_at_its_file_and_line(tmp_path, case):
    root = make_project(tmp_path / "project")
    path, line, message = case(root)
    _, problems = check_site(root)
    errors = [(p.path, p.line, p.message) for p in problems if p.severity == "error"]
    assert any((at, number) == (path, line) and message in text for at, number, text in errors), errors
    with pytest.raises(ArchiveInvalid) as stopped:  # the build stops at the check's error, never further on
        build_site(root, root / "site", strict=True)
    assert any((p.path, p.line) == (path, line) and message in p.message for p in stopped.value.problems)
    assert not (root / "site").exists()
