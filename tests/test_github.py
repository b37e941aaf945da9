"""The GitHub workflows, linted with actionlint, and the rules that keep pull requests harmless."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"


def _actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"  # installed with the test dependencies
    return str(found) if found.exists() else (shutil.which("actionlint") or "actionlint")


def _load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_actionlint_finds_nothing_in_the_workflows():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert sorted(Path(f).name for f in files) == ["archive-sources.yml", "ci.yml", "pages.yml", "suggestion.yml",
                                                         "watch-sources.yml"]
    result = subprocess.run([_actionlint(), "-no-color", *files], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_on_pull_requests_read_only_and_without_secrets():
    ci = _load("ci.yml")
    assert {"pull_request", "push"} <= set(ci["on"])
    assert ci["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in ci["jobs"].values())
    text = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    assert "secrets." not in text and "pull_request_target" not in text
    steps = [step.get("run", "") for job in ci["jobs"].values() for step in job["steps"]]
    assert "make annotations" in steps and "make test" in steps


def test_pages_deploys_main_with_the_least_rights():
    pages = _load("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    assert pages["permissions"] == {"contents": "read"}
    assert pages["concurrency"]["group"]
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [step.get("uses", "") for job in pages["jobs"].values() for step in job["steps"]]
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert any(u.startswith(action) for u in uses), action
    assert "make site" in [step.get("run") for step in pages["jobs"]["build"]["steps"]]


def test_actions_are_pinned_to_full_commit_shas_with_their_version_named():
    for path in WORKFLOWS.glob("*.yml"):
        for action in re.findall(r"uses:\s*(\S+.*)", path.read_text(encoding="utf-8")):
            assert re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+", action), (path.name, action)


def test_the_suggestion_workflow_drafts_without_rights_and_proposes_with_the_least():
    flow = _load("suggestion.yml")
    assert set(flow["on"]) == {"issues"} and flow["permissions"] == {"contents": "read"}
    draft, propose = flow["jobs"]["draft"], flow["jobs"]["propose"]
    assert draft["permissions"] == {"contents": "read"}
    assert propose["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert propose["needs"] == "draft"
    assert draft["steps"][0]["with"]["persist-credentials"] is False
    text = (WORKFLOWS / "suggestion.yml").read_text(encoding="utf-8")
    assert "secrets." not in text and "pull_request_target" not in text
    for job in flow["jobs"].values():  # the stranger's text reaches a step through env only, never its script
        for step in job["steps"]:
            assert "github.event.issue.body" not in step.get("run", "") and "github.event.issue.title" not in step.get("run", "")
    assert any(step.get("env", {}).get("ISSUE_BODY") == "${{ github.event.issue.body }}" for step in draft["steps"])


def test_the_make_target_ci_calls_exists():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^annotations: .*\n\t.*-m generator check --format github$", makefile, re.MULTILINE)


def test_the_templates_for_contributors_are_there():
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 5 and "python -m generator check" in template
    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "suggest-a-readout.yml").read_text(encoding="utf-8"))
    ids = [item.get("id") for item in form["body"] if item.get("type") != "markdown"]
    assert form["name"] and form["description"] and form["title"]
    assert {"source-url", "date", "participants", "raw-text"} <= set(ids)


def test_the_archive_workflow_archives_without_rights_and_proposes_with_the_least():
    flow = _load("archive-sources.yml")
    assert flow["on"]["push"]["branches"] == ["main"] and flow["permissions"] == {"contents": "read"}
    archive, propose = flow["jobs"]["archive"], flow["jobs"]["propose"]
    assert archive["permissions"] == {"contents": "read"}
    assert archive["steps"][0]["with"]["persist-credentials"] is False
    assert propose["permissions"] == {"contents": "write", "pull-requests": "write"} and propose["needs"] == "archive"
    runs = [step.get("run", "") for job in flow["jobs"].values() for step in job["steps"]]
    assert any("-m generator sources archive" in run for run in runs)
    assert any("-m generator check" in run for run in runs)  # what the pull request adds passes the check first
    assert any("gh pr create" in run for run in runs)
    text = (WORKFLOWS / "archive-sources.yml").read_text(encoding="utf-8")
    assert "secrets." not in text and "pull_request_target" not in text


def test_the_watch_workflow_runs_weekly_and_proposes_the_log_with_the_least_rights():
    flow = _load("watch-sources.yml")
    assert [entry["cron"] for entry in flow["on"]["schedule"]] == ["17 4 * * 1"]
    assert flow["permissions"] == {"contents": "read"}
    watch, propose = flow["jobs"]["watch"], flow["jobs"]["propose"]
    assert watch["permissions"] == {"contents": "read"} and watch["steps"][0]["with"]["persist-credentials"] is False
    assert propose["permissions"] == {"contents": "write", "pull-requests": "write"} and propose["needs"] == "watch"
    runs = [step.get("run", "") for job in flow["jobs"].values() for step in job["steps"]]
    assert any("-m generator sources watch" in run for run in runs) and any("gh pr create" in run for run in runs)
    assert "secrets." not in (WORKFLOWS / "watch-sources.yml").read_text(encoding="utf-8")
