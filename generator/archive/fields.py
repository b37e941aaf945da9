"""The checks of one value that every kind of field is made of: text, dates, addresses."""

from __future__ import annotations

from datetime import date

from . import schema
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
