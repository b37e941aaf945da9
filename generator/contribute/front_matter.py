"""The drafted front matter as YAML: values quoted only where YAML would misread them, and a
comment beside each field the draft could not fill or the contributor should confirm."""

from __future__ import annotations

import json
import re
from datetime import date

_PLAIN = re.compile(r"^[A-Za-z][\w .,'’()–-]*[\w.)’]$")
_YAML_WORDS = {"yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"}


def _yaml(value, quoted: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    if not quoted and re.match(r"^https?://[^\s#]+$", text):
        return text
    if not quoted and _PLAIN.match(text) and ": " not in text and " #" not in text and text.casefold() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _comment(text: str) -> str:
    return " ".join(text.split()).replace("<", "‹").replace(">", "›")


def front_matter(fields: dict, schema_url: str, comments: dict[str, str], remarks: list[str]) -> str:
    lines = ["---", f"# yaml-language-server: $schema={schema_url}"]

    def field_line(key: str, value, indent: str = "") -> None:
        note = f"  # {_comment(comments[key])}" if key in comments else ""
        if value in (None, "", []):
            lines.append(f"{indent}{key}:{note}")
        elif isinstance(value, list):
            lines.append(f"{indent}{key}:{note}")
            lines.extend(f"{indent}  - {_yaml(item)}" for item in value)
        else:
            lines.append(f"{indent}{key}: {_yaml(value, quoted=key in ('title', 'notes'))}{note}")

    for key in ("id", "version_of", "title", "title_supplied", "date", "kind", "venue", "occasion", "officials",
                "initiatives"):
        if fields.get(key) or key in comments:
            field_line(key, fields.get(key))
    lines.append("source:")
    for key in ("publisher", "url", "published", "language", "captured"):
        if fields["source"].get(key) or ("source." + key) in comments:
            note = comments.get("source." + key)
            value = fields["source"].get(key)
            suffix = f"  # {_comment(note)}" if note else ""
            lines.append(f"  {key}:{suffix}" if not value else f"  {key}: {_yaml(value)}{suffix}")
    if fields.get("inferred"):
        lines.append("inferred:")
        lines.extend(f"  {key}: {_yaml(basis, quoted=True)}" for key, basis in fields["inferred"].items())
    field_line("added", fields["added"])
    if fields.get("notes"):
        field_line("notes", fields["notes"])
    lines.extend("# " + _comment(remark) if remark else "#" for remark in remarks)
    lines.append("---")
    return "\n".join(lines) + "\n"
