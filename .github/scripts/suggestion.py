"""A "suggest a readout" issue, turned into a drafted pull request, in two steps run by
.github/workflows/suggestion.yml (each can be run, and tested, on its own):

    python .github/scripts/suggestion.py draft ISSUE_BODY_FILE OUT_DIR [--root .]
        Reads the issue form's answers, drafts the readout with `generator new`'s library from the
        pasted text, checks the draft as `generator check` would, and leaves in OUT_DIR: draft.md
        (the file), suggestion.json (its path and title) and findings.md (what the check found).
        No network, no token: the first job runs it with read-only access and no secrets.

    python .github/scripts/suggestion.py propose OUT_DIR --issue N [--dry-run]
        Puts draft.md at its path (never over a file), commits it on a branch of its own, pushes it
        and opens the pull request, then comments on the issue with the findings. Every command is
        an argument list, never a shell line: the issue's text reaches no shell. --dry-run prints
        the commands instead of running them.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

FIELDS = {"Title": "title", "Source URL": "url", "Date of the meeting or call": "date", "Participants": "participants",
          "Raw text": "raw"}
DRAFT_PATH = re.compile(r"archive/readouts/(?:\d{4}|undated)/[a-z0-9]+(?:-[a-z0-9]+)*\.md")
MAX_BODY = 1024 * 1024


def parse_form(body: str) -> dict[str, str]:
    """The answers of an issue form, as GitHub writes them: '### Label', a blank line, the answer."""
    answers: dict[str, str] = {}
    for block in re.split(r"^### ", "\n" + body.replace("\r\n", "\n"), flags=re.M)[1:]:
        label, _, answer = block.partition("\n")
        answer = answer.strip()
        fenced = re.fullmatch(r"```[a-z]*\n(.*?)\n?```", answer, flags=re.S)  # a textarea rendered as text
        answer = fenced.group(1) if fenced else answer
        if label.strip() in FIELDS and answer != "_No response_":
            answers[FIELDS[label.strip()]] = answer
    return answers


def _raw_text(answers: dict[str, str]) -> str:
    """The pasted text; without one, the headline and the participants, for a draft to start from."""
    if answers.get("raw", "").strip():
        return answers["raw"]
    return "\n\n".join(part for part in (answers.get("title", ""), answers.get("participants", "")) if part)


def draft(body_file: Path, out_dir: Path, root: Path) -> dict:
    sys.path.insert(0, str(root))
    from generator.contribute.draft import DraftError, draft_readout, valid_url, write_draft
    from generator.core.problems import ERROR
    from generator.publish.site_check import check_site

    body = body_file.read_bytes()[:MAX_BODY].decode("utf-8", "replace")
    answers = parse_form(body)
    out_dir.mkdir(parents=True, exist_ok=True)
    url = answers.get("url", "").strip()
    try:
        made = draft_readout(_raw_text(answers), root, url=url if valid_url(url) else "")
    except DraftError as error:
        (out_dir / "findings.md").write_text(f"No draft could be made: {error}\n", encoding="utf-8")
        meta = {"path": "", "title": answers.get("title", "")}
        (out_dir / "suggestion.json").write_text(json.dumps(meta), encoding="utf-8")
        return meta
    path = write_draft(made, root)  # into this job's own checkout, to check it; never over a file
    _, problems = check_site(root, [path])
    lines = [f"- `{p.path}:{p.line}:{p.column}` {p.severity}: {p.message}" + (f" ({p.hint})" if p.hint else "")
             for p in problems]
    errors = sum(p.severity == ERROR for p in problems)
    findings = ["The draft is below, as far as the text allowed. `python -m generator check` finds "
                f"{errors} error(s) and {len(problems) - errors} warning(s):", ""] + (lines or ["- nothing"])
    if made.undetermined:
        findings += ["", "To fill in or check: " + "; ".join(made.undetermined) + "."]
    (out_dir / "findings.md").write_text("\n".join(findings) + "\n", encoding="utf-8")
    shutil.copyfile(path, out_dir / "draft.md")
    meta = {"path": made.path, "title": made.fields.get("title") or answers.get("title", "")}
    (out_dir / "suggestion.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return meta


def propose_commands(out_dir: Path, issue: int, root: Path) -> list[list[str]]:
    """The commands that open the pull request: argument lists, each value a single argument."""
    meta = json.loads((out_dir / "suggestion.json").read_text(encoding="utf-8"))
    comment = ["gh", "issue", "comment", str(issue), "--body-file", str(out_dir / "findings.md")]
    path = meta.get("path", "")
    if not path:
        return [comment]
    if not DRAFT_PATH.fullmatch(path):
        raise SystemExit(f"refusing the drafted path {path!r}: not a readout's path under archive/readouts/")
    if (root / path).exists():
        raise SystemExit(f"{path} already exists: it is left as it is")
    branch = f"suggestion/issue-{issue}"
    title = " ".join(str(meta.get("title") or "A suggested readout").split())[:200]
    return [
        ["git", "switch", "--create", branch],
        ["cp", str(out_dir / "draft.md"), path],
        ["git", "add", "--", path],
        ["git", "-c", "user.name=github-actions[bot]", "-c", "user.email=github-actions[bot]@users.noreply.github.com",
         "commit", "--message", f"Draft the readout suggested in issue #{issue}", "--", path],
        ["git", "push", "--set-upstream", "origin", branch],
        ["gh", "pr", "create", "--head", branch, "--title", f"Readout: {title}",
         "--body-file", str(out_dir / "findings.md")],
        comment,
    ]


def propose(out_dir: Path, issue: int, root: Path, dry_run: bool) -> list[list[str]]:
    commands = propose_commands(out_dir, issue, root)
    for command in commands:
        if dry_run:
            print(json.dumps(command, ensure_ascii=False))
        else:
            subprocess.run(command, cwd=root, check=True)
    return commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="suggestion.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    drafting = commands.add_parser("draft")
    drafting.add_argument("body", type=Path)
    drafting.add_argument("out", type=Path)
    drafting.add_argument("--root", type=Path, default=Path.cwd())
    proposing = commands.add_parser("propose")
    proposing.add_argument("out", type=Path)
    proposing.add_argument("--issue", type=int, required=True)
    proposing.add_argument("--root", type=Path, default=Path.cwd())
    proposing.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "draft":
        print(json.dumps(draft(args.body, args.out, args.root.resolve()), ensure_ascii=False))
    else:
        propose(args.out, args.issue, args.root.resolve(), args.dry_run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
