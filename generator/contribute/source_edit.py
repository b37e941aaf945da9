"""Adding an archived copy to a readout's `source.archived`, without rewriting what the contributor wrote.

The file is not loaded and dumped again (which would lose comments, quoting and order): one line
is inserted, after the list's last item or, when there is no list yet, after the `source` mapping's
last line, in its indentation. The result is parsed again and must differ from the original by that
one address alone; otherwise the file is left as it was and the contributor asked to add it by hand.
The file is replaced in one step (written beside it, then renamed), so a reader never sees half of it.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from pathlib import Path

from ..archive.load import RawDocument, load_readout, parse_yaml
from ..archive.schema import SAFE_URL

_FENCE = "---"


class EditError(Exception):
    """The file cannot be edited safely; the message says what to add by hand."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _insertion(doc: RawDocument, url: str) -> tuple[int, str]:
    """The index (in doc.lines) to insert at, and the line to insert."""
    lines, data = doc.lines, doc.data
    source = data.get("source") if isinstance(data, dict) else None
    if not isinstance(source, dict) or not source:
        raise EditError("it has no 'source' mapping")
    key_line = doc.positions[("source",)][0] - 1  # the 'source:' key's line (0-based index in lines)
    first_child = min(doc.positions[("source", key)][0] for key in source) - 1
    if first_child == key_line:
        raise EditError("its 'source' is written on one line ({...})")
    child = " " * _indent(lines[first_child])
    archived = source.get("archived")
    if archived is not None:
        if not isinstance(archived, list) or not archived:
            raise EditError("its 'source.archived' is not a list")
        last = doc.positions[("source", "archived", len(archived) - 1)][0] - 1
        if doc.positions[("source", "archived")][0] - 1 == last and "[" in lines[last]:
            raise EditError("its 'source.archived' is written on one line ([...])")
        match = re.match(r"^(\s*-\s+)", lines[last])
        if not match:
            raise EditError("its 'source.archived' list is written in a shape this command does not edit")
        return last + 1, match.group(1) + url
    end = first_child
    for index in range(first_child + 1, len(lines)):
        text = lines[index]
        if text.strip() == _FENCE and _indent(text) == 0:
            break
        if text.strip() and not text.lstrip().startswith("#") and _indent(text) <= _indent(lines[key_line]):
            break
        if text.strip() and not text.lstrip().startswith("#"):
            end = index
    return end + 1, f"{child}archived:\n{child}  - {url}"


def _expected(data: dict, url: str) -> dict:
    source = dict(data["source"])
    source["archived"] = [*(source.get("archived") or []), url]
    return {**data, "source": source}


def add_archived_copy(path: Path, root: Path, url: str) -> str:
    """Add url to the readout's source.archived; the unified diff of the change. EditError when it cannot be
    done safely (the file is then left as it was)."""
    if not SAFE_URL.fullmatch(url):
        raise EditError(f"the copy's address is not one the check accepts: {url[:100]!r}")
    doc, problems = load_readout(path, root)
    if problems or not isinstance(doc.data, dict):
        raise EditError("it does not pass the check as it is")
    archived = doc.data.get("source", {}).get("archived") if isinstance(doc.data.get("source"), dict) else None
    if isinstance(archived, list) and url in archived:
        return ""
    index, inserted = _insertion(doc, url)
    old_text = path.read_text(encoding="utf-8")
    old_lines = old_text.split("\n")
    new_lines = old_lines[:index] + inserted.split("\n") + old_lines[index:]
    new_text = "\n".join(new_lines)
    check = RawDocument(path=path, display=doc.display)
    front = "\n".join(new_lines[1:new_lines.index(_FENCE, 1)]) + "\n"
    if parse_yaml(check, front, first_line=2) or check.data != _expected(doc.data, url):
        raise EditError("adding the line would change more than the list of copies")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            stream.write(new_text)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    shown = doc.display
    return "".join(difflib.unified_diff(old_text.splitlines(keepends=True), new_text.splitlines(keepends=True),
                                        f"a/{shown}", f"b/{shown}"))
