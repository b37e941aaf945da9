"""Reading the entries of a registry file: a YAML list of mappings with plain-text fields."""

from __future__ import annotations

from .load import RawDocument
from ..core.problems import Problem
from ..core.text import has_html


def text(doc: RawDocument, value, key_path, problems, required=True) -> str:
    label = ".".join(str(k) for k in key_path[1:]) or str(key_path[-1])  # 'aliases.0', not '0'
    if value is None:
        if required:
            problems.append(doc.problem(key_path, f"'{label}' is missing", "add it"))
        return ""
    if not isinstance(value, str) or not value.strip():
        problems.append(doc.problem(key_path, f"'{label}' must be text", "write it as a plain string"))
        return ""
    if has_html(value):
        problems.append(doc.problem(key_path, f"'{label}' contains HTML", "write plain text, without < > or &entities;"))
    return value.strip()


def texts(doc: RawDocument, value, key_path, problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(doc.problem(key_path, f"'{key_path[-1]}' must be a list", "write one '- item' per line"))
        return ()
    return tuple(t for i, v in enumerate(value) if (t := text(doc, v, key_path + (i,), problems)))


def entries(doc: RawDocument, keys: tuple[str, ...], problems: list[Problem]):
    if doc.data is None and not problems:
        problems.append(doc.problem((), "the registry is empty or missing", "it must be a YAML list of entries"))
        return
    if not isinstance(doc.data, list):
        if doc.data is not None:
            problems.append(doc.problem((), "the registry must be a YAML list", "start each entry with '- name:'"))
        return
    for index, entry in enumerate(doc.data):
        if not isinstance(entry, dict):
            problems.append(doc.problem((index,), "each entry must be a mapping", "start it with '- name:'"))
            continue
        for key in entry:
            if key not in keys:
                problems.append(doc.problem((index, key), f"unknown field {key!r}", "allowed: " + ", ".join(keys)))
        yield index, entry
