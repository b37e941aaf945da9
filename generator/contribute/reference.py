"""The contributor's field reference, made from FIELDS in schema.py, and the site's contribute page.

CONTRIBUTING.md keeps a copy of the reference between two marker lines; `python -m
generator fields` rewrites it (and a test fails when it is stale). The site's page
docs/contribute.md is CONTRIBUTING.md with the reference made afresh at the marker.
"""

from __future__ import annotations

from pathlib import Path

from ..archive import schema
from ..pages.addresses import Page

START = "<!-- field-reference -->"
END = "<!-- /field-reference -->"
CONTRIBUTING = "CONTRIBUTING.md"
PAGE_PATH = "contribute.md"

_FALLBACK = """# Contribute a readout

Readouts are added by pull request: draft the file with `python -m generator new --from RAW.txt`,
review it against the source, run `python -m generator check`, and open the pull request.

## Field reference

"""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _code(text: str) -> str:
    return f"`{text}`".replace("|", "\\|") if text else ""


def _rows(fields: tuple[schema.Field, ...], prefix: str = "") -> list[str]:
    rows = []
    for field in fields:
        name = prefix + field.name
        required = "yes" if field.required else "no"
        rows.append(f"| {_code(name)} | {required} | {_cell(field.description)} | {_code(field.example)} |")
        if field.fields:
            rows += _rows(field.fields, name + ".")
    return rows


def _example(fields: tuple[schema.Field, ...], indent: str = "") -> list[str]:
    """A front matter made of the examples; one the check accepts (a call's venue is shown as a comment)."""
    remote = next((f.example for f in fields if f.type == "kind"), "") in schema.REMOTE_KINDS
    lines = []
    for field in fields:
        if field.fields:
            lines.append(f"{indent}{field.name}:")
            lines += _example(field.fields, indent + "  ")
        elif field.example and field.type not in ("slug", "speakers"):
            example = field.example
            if field.type in ("text", "notes") and (":" in example or example.startswith(("\"", "'"))):
                example = '"' + example.replace("\\", "\\\\").replace('"', '\\"') + '"'
            if field.name == "venue" and remote:
                lines.append(f"{indent}# {field.name}: {example}   (" + " and ".join(schema.IN_PERSON_KINDS) + " only)")
            else:
                lines.append(f"{indent}{field.name}: {example}")
    return lines


def render_field_reference() -> str:
    """The field reference as Markdown: a table of every field, the closed lists, and an example."""
    lines = [
        "Every readout file starts with these fields, between two `---` lines. Names of officials and",
        "initiatives must be names, aliases or abbreviations from `archive/officials.yml` and",
        "`archive/initiatives.yml`.",
        "",
        "| Field | Required | What to write | Example |",
        "| --- | --- | --- | --- |",
        *_rows(schema.FIELDS),
        "",
        "- **Kinds:** " + ", ".join(f"`{k}`" for k in schema.KINDS) + ". A "
        + " or ".join(f"`{k}`" for k in schema.IN_PERSON_KINDS) + " needs a `venue`; "
        + ", ".join(f"`{k}`" for k in schema.REMOTE_KINDS) + " have none.",
        "- **Dates** are written `YYYY-MM-DD`, without quotes.",
        f"- **Text fields** are one line of plain text, at most {schema.MAX_TEXT} characters (`notes`: "
        f"{schema.MAX_NOTES}), without HTML: no `<` `>` tags and no `&name;` entities (an `&` alone is fine).",
        "- **Links** (`source.url`, and any in the text) are `http://` or `https://` addresses.",
        "",
        "A complete front matter:",
        "",
        "```yaml",
        "---",
        *_example(schema.FIELDS),
        "---",
        "```",
    ]
    return "\n".join(lines) + "\n"


def _split(text: str) -> tuple[str, str, str] | None:
    """The text before the start marker (with it), the block, and the text from the end marker on."""
    start, end = text.find(START + "\n"), text.find(END)
    if start < 0 or end < start:
        return None
    head = start + len(START) + 1
    return text[:head], text[head:end], text[end:]


def update_contributing(root: Path) -> tuple[Path | None, bool]:
    """Rewrite the reference block of CONTRIBUTING.md; (its path, whether it changed), or (None, False) without markers."""
    path = root / CONTRIBUTING
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None, False
    parts = _split(text)
    if parts is None:
        return None, False
    head, block, tail = parts
    reference = "\n" + render_field_reference() + "\n"
    if block == reference:
        return path, False
    path.write_text(head + reference + tail, encoding="utf-8")
    return path, True


def contributing_is_current(root: Path) -> bool:
    try:
        parts = _split((root / CONTRIBUTING).read_text(encoding="utf-8"))
    except OSError:
        return False
    return parts is not None and parts[1] == "\n" + render_field_reference() + "\n"


def render_contributing(root: Path):
    """The site's contribute page: CONTRIBUTING.md with the reference made afresh, or a short page without it."""

    try:
        text = (root / CONTRIBUTING).read_text(encoding="utf-8")
    except OSError:
        return Page(PAGE_PATH, _FALLBACK + render_field_reference())
    parts = _split(text)
    if parts is None:
        return Page(PAGE_PATH, text.rstrip("\n") + "\n\n## Field reference\n\n" + render_field_reference())
    head, _, tail = parts
    head = head[: -len(START) - 1]
    tail = tail[len(END):]
    return Page(PAGE_PATH, head + render_field_reference() + tail)
