"""The readout's record of itself: its permanent id, when it entered the archive, where its
text was captured and kept, and which of its values the archive inferred."""

from __future__ import annotations

import difflib
import re
from datetime import date, timedelta

from . import schema
from .fields import check_date, check_text
from .load import RawDocument
from ..core.inferred import DATE_PARTS
from ..core.limits import FIRST_YEAR, GRACE_DAYS, last_year
from ..core.problems import ERROR, WARNING, Problem

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # used whole (fullmatch): "$" would let "id\n" through
MAX_ID = 120
_COPY_TIMESTAMP = re.compile(r"/(?P<stamp>(?:19|20)\d{12})(?:[a-z]{2}_)?/")


def copy_day(copy: str) -> date | None:
    """The day a web archive made a copy, from the timestamp in its address (/web/20240312093000/...), or None."""
    match = _COPY_TIMESTAMP.search(copy)
    if not match:
        return None
    stamp = match["stamp"]
    try:
        return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
    except ValueError:
        return None


def nearest_copy(copies: tuple[str, ...], day: date | None) -> str:
    """The archived copy made nearest the day (the capture date); the first listed when no date tells."""
    dated = [(abs((found - day).days), index, copy) for index, copy in enumerate(copies)
             if day and (found := copy_day(copy))]
    return min(dated)[2] if dated else (copies[0] if copies else "")


def _check_id(doc: RawDocument, value, problems: list[Problem]) -> str:
    if not isinstance(value, str) or not ID.fullmatch(value) or len(value) > MAX_ID:
        problems.append(doc.problem(("id",), f"'id' must be a slug of at most {MAX_ID} characters, not {value!r}",
                                    "lowercase letters, digits and hyphens, for example "
                                    "2023-10-26-li-qiang-meets-with-mohammad-mokhber"))
        return ""
    return value


def _check_version_of(doc: RawDocument, value, own_id: str, problems: list[Problem]) -> str:
    if not isinstance(value, str) or not ID.match(value) or len(value) > MAX_ID:
        problems.append(doc.problem(("version_of",), f"'version_of' must be the id of another readout, not {value!r}",
                                    "copy the 'id:' line of the readout this text is a version of"))
        return ""
    if value == own_id:
        problems.append(doc.problem(("version_of",), "'version_of' names the readout's own id",
                                    "write the id of the readout in the other language, or remove 'version_of'"))
        return ""
    return value


def _check_flag(doc: RawDocument, value, name: str, problems: list[Problem]) -> bool:
    if not isinstance(value, bool):
        problems.append(doc.problem((name,), f"'{name}' must be true or false, not {value!r}",
                                    "write true or false, without quotes"))
        return False
    return value


def _present(data: dict, field_path: str) -> bool:
    value: object = data
    if field_path.rsplit(".", 1)[-1] in DATE_PARTS:  # date.year: the date must be given
        field_path = field_path.rsplit(".", 1)[0]
    for key in field_path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value is not None


def _check_inferred(doc: RawDocument, value, data: dict, problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not value:
        problems.append(doc.problem(("inferred",), "'inferred' must be a mapping of field names to the basis for each",
                                    "for example, indented under 'inferred:': "
                                    "source.publisher: \"From the photo credit (Xinhua).\""))
        return ()
    found = {}
    for name, basis in value.items():
        if name not in schema.INFERABLE:
            close = difflib.get_close_matches(str(name), schema.INFERABLE, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(schema.INFERABLE)
            problems.append(doc.problem(("inferred", name), f"{name!r} is not a field that can be inferred", hint))
            continue
        if not _present(data, name):
            problems.append(doc.problem(("inferred", name), f"'inferred' explains '{name}', which the readout does not give",
                                        f"fill in '{name}' or remove its line from 'inferred'"))
            continue
        whole = name.rsplit(".", 1)[0]
        if whole != name and name.rsplit(".", 1)[1] in DATE_PARTS and whole in value:
            problems.append(doc.problem(("inferred", name), f"'inferred' explains both '{whole}' and '{name}'",
                                        f"keep '{whole}' when the whole date is inferred, or only the parts that are"))
            continue
        count = len(problems)
        text = check_text(doc, basis, ("inferred", name), problems)
        if text and len(problems) == count:
            found[name] = text
    return tuple((name, found[name]) for name in schema.INFERABLE if name in found)


def check_record(doc: RawDocument, data: dict, problems: list[Problem]) -> dict:
    """id, added, updated, title_supplied, headline, inferred and version_of, as the Readout takes them."""
    record: dict = {"id": "", "added": None, "updated": None, "title_supplied": False, "headline": "", "inferred": (),
                    "version_of": ""}
    if data.get("id") is not None:
        record["id"] = _check_id(doc, data["id"], problems)
    if data.get("version_of") is not None:
        record["version_of"] = _check_version_of(doc, data["version_of"], record["id"], problems)
    for name in ("added", "updated"):
        if data.get(name) is not None:
            record[name] = check_date(doc, data[name], (name,), problems)
    if data.get("title_supplied") is not None:
        record["title_supplied"] = _check_flag(doc, data["title_supplied"], "title_supplied", problems)
    if data.get("headline") is not None:
        record["headline"] = check_text(doc, data["headline"], ("headline",), problems)
        if record["title_supplied"]:
            problems.append(doc.problem(("headline",), "a readout with a published headline has no supplied title",
                                        "remove 'title_supplied: true', or remove 'headline'"))
    if data.get("inferred") is not None:
        record["inferred"] = _check_inferred(doc, data["inferred"], data, problems)
    _check_record_dates(doc, record, problems)
    return record


def _check_record_dates(doc: RawDocument, record: dict, problems: list[Problem]) -> None:
    added, updated = record["added"], record["updated"]
    if added and updated and updated < added:
        problems.append(doc.problem(("updated",), f"'updated' {updated.isoformat()} is before 'added' {added.isoformat()}",
                                    "write the day of the last change to the text or its facts"))
    if updated == added and updated is not None:
        problems.append(doc.problem(("updated",), "'updated' is the same day as 'added'",
                                    "leave 'updated' out until the readout changes", WARNING))


_FUTURE_HINTS = {"added": "write the day the readout entered the archive, usually today",
                 "updated": "write the day of the last change to the text or its facts",
                 "source.captured": "write the day the text was copied or checked",
                 "source.published": "write the day the page was published, as YYYY-MM-DD",
                 "date": "write the day the meeting or call took place, as YYYY-MM-DD"}


def check_dates_in_time(doc: RawDocument, when: date | None, dates: dict[str, date | None], problems: list[Problem],
                        today: date | None = None) -> None:
    """Every date of a readout in the archive's range (FIRST_YEAR to next year); the record's own
    dates (added, updated, captured) not in the future, and none of them before the meeting: the
    archive cannot have held, changed or copied an account of it sooner. A day's grace either way
    for time zones. A capture before the meeting is only a warning: a source page may be older than
    the account it now holds (an announcement updated in place). The meeting's own date in the
    future, and a publication before it, are warnings of validate.py's."""
    today = today or date.today()
    grace = timedelta(days=GRACE_DAYS)
    meeting = when if when and FIRST_YEAR <= when.year <= last_year(today) else None
    for name, value in {"date": when, **dates}.items():
        key = tuple(name.split("."))
        if value is None:
            continue
        if not FIRST_YEAR <= value.year <= last_year(today):
            problems.append(doc.problem(key, f"'{name}' {value.isoformat()} is outside the years the archive holds, "
                                        f"{FIRST_YEAR} to {last_year(today)}", _FUTURE_HINTS[name]))
        elif name in ("added", "updated", "source.captured") and value > today + grace:
            problems.append(doc.problem(key, f"'{name}' {value.isoformat()} is in the future", _FUTURE_HINTS[name]))
        elif name in ("added", "updated", "source.captured") and meeting and value < meeting - grace:
            severity = WARNING if name == "source.captured" else ERROR
            problems.append(doc.problem(key, f"'{name}' {value.isoformat()} is before the meeting, {meeting.isoformat()}",
                                        "check it and 'date'" + (": a page captured before the meeting cannot hold "
                                                                 "its account unless it was updated in place"
                                                                 if severity == WARNING else ""), severity))


def check_source_record(doc: RawDocument, value: dict, problems: list[Problem]) -> tuple[date | None, tuple[str, ...]]:
    """source.captured and source.archived."""
    captured = None
    if value.get("captured") is not None:
        captured = check_date(doc, value["captured"], ("source", "captured"), problems)
    archived = value.get("archived")
    if archived is None:
        return captured, ()
    if not isinstance(archived, list) or not archived:
        problems.append(doc.problem(("source", "archived"), "'source.archived' must be a list of addresses",
                                    "write one '- https://…' line per copy under 'archived:'"))
        return captured, ()
    copies: list[str] = []
    for index, item in enumerate(archived):
        where = ("source", "archived", index)
        count = len(problems)
        url = check_text(doc, item, where, problems)
        if not url or len(problems) > count:
            continue
        if fault := schema.address_fault(url):
            problems.append(doc.problem(where, f"an archived copy must be an http(s) address, not {url[:60]!r}"
                                        + schema.fault_said(fault), schema.address_hint(fault, "copy")))
        elif url in copies:
            problems.append(doc.problem(where, "the same archived copy is listed twice", "list each once"))
        else:
            copies.append(url)
    return captured, tuple(copies)
