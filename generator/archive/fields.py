"""The checks of one value that every kind of field is made of: text, dates, addresses."""

from __future__ import annotations

import difflib
import unicodedata
from datetime import date

from . import schema
from .entries import stray_problem
from .load import BadValue, RawDocument
from ..core.text import has_html


def check_text(doc: RawDocument, value, key_path, problems, limit=schema.MAX_TEXT, multiline=False) -> str:
    name = ".".join(str(k) for k in key_path)
    if not isinstance(value, str) or isinstance(value, BadValue):
        shown = value.text if isinstance(value, BadValue) else value
        problems.append(doc.problem(key_path, f"'{name}' must be text, not {type(shown).__name__} {shown!r}",
                                    "put the value in double quotes"))
        return ""
    value = value.strip()
    if not value:
        problems.append(doc.problem(key_path, f"'{name}' is empty", "fill it in or leave the field out"))
    elif len(value) > limit:
        problems.append(doc.problem(key_path, f"'{name}' is {len(value)} characters, over the limit of {limit}", "shorten it"))
    elif has_html(value):
        problems.append(doc.problem(key_path, f"'{name}' contains HTML or an HTML entity",
                                    "write plain text, without < > or &name; (an & alone is fine)"))
    elif not multiline and "\n" in value:
        problems.append(doc.problem(key_path, f"'{name}' must be one line", "join the lines"))
    elif stray := stray_problem(doc, key_path, value, name, "multiline" if multiline else "one-line"):
        problems.append(stray)
    return value


def check_date(doc: RawDocument, value, key_path, problems) -> date | None:
    name = ".".join(str(k) for k in key_path)
    if isinstance(value, BadValue):
        problems.append(doc.problem(key_path, f"'{name}' is an impossible date ({value.text}): {value.reason}",
                                    "write a real day as YYYY-MM-DD"))
    elif isinstance(value, date) and not hasattr(value, "hour"):
        return value
    else:
        problems.append(doc.problem(key_path, f"'{name}' must be a date, not {value!r}",
                                    "write it as YYYY-MM-DD, without quotes, for example 2023-10-26"))
    return None


def confusable_hint(doc: RawDocument, key_path, written: str, meant: str) -> str:
    """When a name differs from a known one by a letter that looks the same (a Cyrillic 'а' in
    'Raisi'), which letter it is and where: the two look identical in the message otherwise."""
    if not meant:
        return ""
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, written, meant, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            for char, other in zip(written[i1:i2], meant[j1:j2], strict=True):
                if char != other and (not char.isascii() or char.casefold() == other.casefold()):
                    _, column = doc.column_of(key_path, char)
                    return (f" The {char!r} at column {column} is {unicodedata.name(char, 'an unnamed character')}, "
                            f"where {meant!r} has {unicodedata.name(other, other)}")
    return ""
