"""The "suggest a readout" workflow's script, run locally: an issue body → a drafted file, checked →
the commands that open the pull request (a dry run), with the issue's text kept as data."""

from __future__ import annotations

import importlib.util
import json

import yaml

from tests.conftest import REPO, make_project

ISSUE = REPO / "tests" / "fixtures" / "issues" / "suggest-a-readout.md"
_spec = importlib.util.spec_from_file_location("suggestion", REPO / ".github" / "scripts" / "suggestion.py")
suggestion = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(suggestion)


def test_the_issue_forms_answers_are_read_as_github_writes_them():
    answers = suggestion.parse_form(ISSUE.read_text(encoding="utf-8"))
    assert answers["title"] == "Xi Jinping meets Iranian President Raisi"
    assert answers["url"] == "https://english.news.cn/20220915/xi-raisi/c.html"
    assert "date" not in answers  # "_No response_"
    assert answers["raw"].startswith("Xi Jinping meets Iranian President Raisi\nSource: Xinhua")
    assert not answers["raw"].endswith("```")


def test_a_dry_run_drafts_a_pull_request_from_the_issue(tmp_path, capsys):
    drafting = make_project(tmp_path / "drafting", REPO / "archive")
    out = tmp_path / "suggestion"
    assert suggestion.main(["draft", str(ISSUE), str(out), "--root", str(drafting)]) == 0
    meta = json.loads((out / "suggestion.json").read_text(encoding="utf-8"))
    assert meta == {"path": "archive/readouts/2022/2022-09-15-xi-jinping-meets-iranian-president-raisi.md",
                    "title": "Xi Jinping meets Iranian President Raisi"}
    drafted = (out / "draft.md").read_text(encoding="utf-8")
    front = yaml.safe_load(drafted.split("---\n")[1])
    assert front["date"].isoformat() == "2022-09-15" and front["source"]["url"].startswith("https://english.news.cn/")
    assert "`$(touch /tmp/pwned)`" in drafted  # the words are kept as the text's, nothing ran them
    findings = (out / "findings.md").read_text(encoding="utf-8")
    assert findings.startswith("The draft is below") and "error(s)" in findings

    proposing = make_project(tmp_path / "proposing", REPO / "archive")  # the second job's fresh checkout
    capsys.readouterr()
    assert suggestion.main(["propose", str(out), "--issue", "42", "--root", str(proposing), "--dry-run"]) == 0
    commands = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert commands[0] == ["git", "switch", "--create", "suggestion/issue-42"]
    assert commands[1] == ["cp", str(out / "draft.md"), meta["path"]]
    assert commands[5] == ["gh", "pr", "create", "--head", "suggestion/issue-42",
                           "--title", "Readout: Xi Jinping meets Iranian President Raisi",
                           "--body-file", str(out / "findings.md")]
    assert commands[6] == ["gh", "issue", "comment", "42", "--body-file", str(out / "findings.md")]
    assert not (proposing / meta["path"]).exists()  # a dry run changes nothing


def test_a_drafted_path_outside_the_readouts_or_over_a_file_is_refused(tmp_path):
    out = tmp_path / "suggestion"
    out.mkdir()
    root = make_project(tmp_path / "project", REPO / "archive")
    for path in ("../.github/workflows/ci.yml", "archive/officials.yml",
                 "archive/readouts/2023/2023-07-24-wang-yi-meets-with-ahmadian.md"):
        (out / "suggestion.json").write_text(json.dumps({"path": path, "title": "x"}), encoding="utf-8")
        try:
            suggestion.propose_commands(out, 1, root)
        except SystemExit as refused:
            assert path in str(refused)
        else:
            raise AssertionError(f"{path} was accepted")
