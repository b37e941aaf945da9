"""Stage 1, load: files → raw documents with the source position of every value.

Every readout may come from a stranger, so YAML is read with the safe C composer,
and refused where it could do harm: a size limit, no anchors or aliases (no
expansion bombs), no tags outside YAML's plain types, no duplicate keys.
"""

from __future__ import annotations

import itertools
import os
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from ..core.problems import ERROR, Problem, display_path
from ..core.text import describe_character

MAX_READOUT_BYTES = 256 * 1024
MAX_REGISTRY_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 10  # a readout needs 2 levels, a registry 4

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALAR = yaml.SafeLoader("")  # only its constructors are used, one scalar at a time
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)

KeyPath = tuple  # ("source", "publisher") or ("officials", 2)


@dataclass(frozen=True)
class BadValue:
    """A scalar YAML could read but not make sense of, such as the date 2023-02-30."""

    text: str
    reason: str


@dataclass
class RawDocument:
    path: Path
    display: str  # the path as the contributor sees it, used in every message
    data: Any = None
    positions: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    lines: list[str] = field(default_factory=list)  # the YAML's lines as written, from the file's first

    def column_of(self, key_path: KeyPath, char: str) -> tuple[int, int]:
        """Line and column of a character in a value: where it is written, or the value's start
        when YAML wrote it as an escape ("\\u202e")."""
        line, column = self.where(*key_path)
        written = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        found = written.find(char, column - 1)
        return line, (found + 1 if found >= 0 else column)

    def where(self, *key_path: Any) -> tuple[int, int]:
        """Line and column of a value, or of its nearest enclosing value that is known."""
        path = tuple(key_path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, key_path: KeyPath, message: str, hint: str = "", severity: str = ERROR) -> Problem:
        line, column = self.where(*key_path)
        return Problem(self.display, line, column, severity, message, hint)


class _Refused(Exception):
    def __init__(self, mark: Any, message: str, hint: str = ""):
        super().__init__(message)
        self.line = (mark.line + 1) if mark is not None else 1
        self.column = (mark.column + 1) if mark is not None else 1
        self.message = message
        self.hint = hint


def read_text(path: Path, display: str, limit: int) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problems that stop it being read."""
    try:  # a symbolic link could point anywhere, and a pipe or device would never end
        if path.is_symlink() or not stat.S_ISREG(path.lstat().st_mode):
            return None, [Problem(display, 1, 1, ERROR, "not a plain file (a symbolic link, folder or device)",
                                  "commit the readout itself as a regular file")]
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as error:
        return None, [Problem(display, 1, 1, ERROR, f"cannot be read: {error.strerror}")]
    if len(raw) > limit:
        return None, [Problem(display, 1, 1, ERROR, f"the file is {path.stat().st_size:,} bytes, over the limit of {limit:,}",
                              "split it, or trim page furniture from the body")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(display, line, 1, ERROR, f"the file is not UTF-8 (byte {error.start})",
                              "save it as UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # one kind of line ending, as Markdown reads them
    if "\x00" in text:
        return None, [Problem(display, text[: text.index("\x00")].count("\n") + 1, 1, ERROR,
                              "the file contains a NUL character", "save it as plain UTF-8 text")]
    return text, []


def parse_yaml(doc: RawDocument, text: str, first_line: int = 1) -> list[Problem]:
    """Fill doc.data and doc.positions from YAML text that starts at first_line of the file."""
    try:
        _check_depth(text)  # before composing: the composer recurses, and deep nesting would crash it
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + first_line) if mark else first_line
        column = (mark.column + 1) if mark else 1
        if mark and mark.index >= len(text.rstrip()):  # at the end: the last line with content stops short
            line, column = first_line + text.rstrip().count("\n"), 1
        reason = error.problem or error.context or "invalid YAML"
        return [Problem(doc.display, line, column, ERROR, f"invalid YAML: {reason}",
                        "check indentation, and quote values that contain ': ' or start with a special character")]
    except yaml.reader.ReaderError as error:  # a character YAML refuses to read: DEL, ESC, C1 controls
        before = text[: error.position]
        line, column = first_line + before.count("\n"), error.position - before.rfind("\n")
        return [Problem(doc.display, line, column, ERROR,
                        f"the file contains {describe_character(chr(error.character))}, a control character",
                        "delete it: retype the text around it if your editor does not show it")]
    except yaml.YAMLError as error:
        return [Problem(doc.display, first_line, 1, ERROR, f"invalid YAML: {' '.join(str(error).split())}")]
    except _Refused as refused:
        return [Problem(doc.display, refused.line + first_line - 1, refused.column, ERROR, refused.message, refused.hint)]
    if node is None:
        doc.data = None
        return []
    try:
        doc.data = _value(node, (), doc.positions, set(), first_line - 1)
    except _Refused as refused:
        doc.data = None
        return [Problem(doc.display, refused.line + first_line - 1, refused.column, ERROR,
                        refused.message, refused.hint)]
    return []


def _check_depth(text: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"the YAML is nested more than {MAX_DEPTH} levels deep",
                               "write plain fields and lists")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def _value(node: yaml.Node, key_path: KeyPath, positions: dict, seen: set, offset: int) -> Any:
    if id(node) in seen:
        raise _Refused(node.start_mark, "YAML anchors and aliases are not allowed", "write each value out in full")
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:
        raise _Refused(node.start_mark, f"the YAML tag {node.tag!r} is not allowed", "remove the tag; write plain values")
    positions[key_path] = (node.start_mark.line + 1 + offset, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        try:
            return _SCALAR.yaml_constructors[node.tag](_SCALAR, node)
        except (ValueError, OverflowError) as error:
            return BadValue(node.value, str(error))
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, key_path + (index,), positions, seen, offset) for index, item in enumerate(node.value)]
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
            raise _Refused(key_node.start_mark, "keys must be plain words", "write the field name, such as 'title:'")
        key = key_node.value
        if key in mapping:
            raise _Refused(key_node.start_mark, f"the field {key!r} appears twice", "keep one of them")
        mapping[key] = _value(value_node, key_path + (key,), positions, seen, offset)
        positions[key_path + (key,)] = (key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1)
    return mapping


def load_readout(path: Path, root: Path) -> tuple[RawDocument, list[Problem]]:
    """A readout file: YAML front matter between two '---' lines, then the Markdown body."""
    doc = RawDocument(path=path, display=display_path(path, root))
    text, problems = read_text(path, doc.display, MAX_READOUT_BYTES)
    if text is None:
        return doc, problems
    if not text.strip():
        return doc, [Problem(doc.display, 1, 1, ERROR, "the file is empty",
                             "start from a draft: python -m generator new --from RAW.txt")]
    fences = list(itertools.islice(_FENCE.finditer(text), 2))
    if not fences or fences[0].start() != 0 or len(fences) < 2:
        return doc, [Problem(doc.display, 1, 1, ERROR, "no front matter",
                             "the file must start with a '---' line, then the fields, then another '---' line")]
    front = text[fences[0].end() + 1: fences[1].start()]
    problems = parse_yaml(doc, front, first_line=2)
    after = fences[1].end()
    doc.body_line = text.count("\n", 0, after) + 2
    doc.lines = text[:after].split("\n")
    doc.body = text[after + 1:] if after < len(text) else ""
    return doc, problems


def load_registry(path: Path, root: Path) -> tuple[RawDocument, list[Problem]]:
    doc = RawDocument(path=path, display=display_path(path, root))
    text, problems = read_text(path, doc.display, MAX_REGISTRY_BYTES)
    if text is None:
        return doc, problems
    doc.lines = text.split("\n")
    return doc, parse_yaml(doc, text)


@dataclass
class LoadedArchive:
    officials: RawDocument
    initiatives: RawDocument
    readouts: list[RawDocument]
    problems: list[Problem]
    places: RawDocument | None = None
    publishers: RawDocument | None = None
    formulations: RawDocument | None = None
    published: RawDocument | None = None  # archive/published-ids.yml, once the archive has one
    source_log: RawDocument | None = None  # archive/source-log.yml, once the watcher has written one


REGISTRIES = ("officials.yml", "initiatives.yml", "places.yml", "publishers.yml", "formulations.yml", "published-ids.yml",
              "source-log.yml")  # what archive/ holds beside readouts/


def readout_paths(archive_dir: Path) -> list[Path]:
    """Every readout: each plain *.md file reached through plain folders under readouts/."""
    paths, _ = _walk_readouts(archive_dir / "readouts")
    return sorted(paths)


def _walk_readouts(folder: Path) -> tuple[list[Path], list[tuple[Path, str, str]]]:
    """The readout files under folder, and every other entry with what is wrong with it and the fix."""
    paths: list[Path] = []
    strays: list[tuple[Path, str, str]] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return paths, strays
    for entry in entries:
        path = Path(entry.path)
        if entry.is_symlink():
            strays.append((path, "a symbolic link", "commit the folder or the readout itself, not a link to it"))
        elif entry.is_dir(follow_symlinks=False):
            found, stray = _walk_readouts(path)
            paths += found
            strays += stray
        elif not entry.is_file(follow_symlinks=False):
            strays.append((path, "not a plain file (a pipe or device)", "remove it"))
        elif entry.name.endswith(".md"):
            paths.append(path)
        elif entry.name.lower().endswith(".md"):
            strays.append((path, f"the extension of {entry.name!r} is not '.md' in lower case",
                           f"rename it to {entry.name[:-3]}.md"))
        else:
            strays.append((path, "not a readout: only folders and .md files belong under archive/readouts/",
                           "move it out of the archive, or save the readout as a .md file"))
    return paths, strays


def stray_entries(root: Path) -> list[Problem]:
    """Every entry of archive/ that is neither a registry nor a readout: an error, never a silent skip."""
    archive_dir = root / "archive"
    problems = []
    try:
        entries = sorted(os.scandir(archive_dir), key=lambda entry: entry.name)
    except OSError:
        entries = []
    for entry in entries:
        if entry.name == "readouts" and entry.is_dir(follow_symlinks=False) and not entry.is_symlink():
            continue
        if entry.name not in REGISTRIES:
            problems.append(Problem(display_path(Path(entry.path), root), 1, 1, ERROR,
                                    "an unknown entry of archive/: it holds " + ", ".join(REGISTRIES)
                                    + " and the folder readouts/", "move it out of archive/"))
    _, strays = _walk_readouts(archive_dir / "readouts")
    problems += [Problem(display_path(path, root), 1, 1, ERROR, message, hint) for path, message, hint in strays]
    return problems


def load_archive(root: Path, only: list[Path] | None = None) -> LoadedArchive:
    """Every readout under archive/readouts (or only the given files), and the registries; with
    all of them (or none: the registries alone), every entry of archive/ that is neither."""
    archive_dir = root / "archive"
    problems: list[Problem] = []
    officials, found = load_registry(archive_dir / "officials.yml", root)
    problems += found
    initiatives, found = load_registry(archive_dir / "initiatives.yml", root)
    problems += found
    places, found = load_registry(archive_dir / "places.yml", root)
    problems += found
    publishers, found = load_registry(archive_dir / "publishers.yml", root)
    problems += found
    formulations, found = load_registry(archive_dir / "formulations.yml", root)
    problems += found
    if not only:  # the whole archive: every entry of it is accounted for
        problems += stray_entries(root)
    readouts = []
    for path in (only if only is not None else readout_paths(archive_dir)):
        doc, found = load_readout(path, root)
        readouts.append(doc)
        problems += found
    published = source_log = None
    if (archive_dir / "published-ids.yml").exists():
        published, found = load_registry(archive_dir / "published-ids.yml", root)
        problems += found
    if (archive_dir / "source-log.yml").exists():
        source_log, found = load_registry(archive_dir / "source-log.yml", root)
        problems += found
    return LoadedArchive(officials, initiatives, readouts, problems, places=places, published=published, source_log=source_log,
                         publishers=publishers, formulations=formulations)


def with_readouts(registries: LoadedArchive, paths: list[Path], root: Path) -> LoadedArchive:
    """The registries already loaded (by load_archive(root, [])), with the given readout files: the
    registries are parsed once in a build that reads a few files and takes the rest from the cache."""
    loaded = [load_readout(path, root) for path in paths]
    return replace(registries, readouts=[doc for doc, _ in loaded],
                   problems=registries.problems + [problem for _, found in loaded for problem in found])
