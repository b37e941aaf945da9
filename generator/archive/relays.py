"""`relays:` in a readout: the other account it passes on (an Iranian outlet quoting Xinhua), with the
paragraphs that the text shows come from it.

    relays:
      publisher: Xinhua News Agency
      paragraphs: [p2]
"""

from __future__ import annotations

import re

from .load import RawDocument
from ..core.model import Relay
from ..core.problems import Problem

_KEY = re.compile(r"^p([1-9][0-9]{0,3})$")
_FIELDS = ("publisher", "paragraphs")


def _paragraphs(doc: RawDocument, value, count: int, problems: list[Problem]) -> tuple[int, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(doc.problem(("relays", "paragraphs"), "'relays.paragraphs' must be a list",
                                    "write the paragraphs' anchors, for example '[p2, p5]'"))
        return ()
    found = []
    for index, item in enumerate(value):
        match = _KEY.match(item) if isinstance(item, str) else None
        if not match or int(match.group(1)) > count:
            problems.append(doc.problem(("relays", "paragraphs", index), f"{item!r} is not a paragraph of this text, "
                                        f"which has {count}", f"write p1 to p{count}: the number of the paragraph's anchor"))
        else:
            found.append(int(match.group(1)))
    return tuple(sorted(set(found)))


def check_relays(doc: RawDocument, publishers, count: int, problems: list[Problem]) -> Relay | None:
    """The account the readout relays, its publisher resolved through archive/publishers.yml; None when none."""
    value = doc.data.get("relays") if isinstance(doc.data, dict) else None
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("publisher"), str) or not value["publisher"].strip():
        problems.append(doc.problem(("relays",), "'relays' must name the publisher of the account it relays",
                                    "write 'relays:' with 'publisher: Xinhua News Agency' (and 'paragraphs: [p2]') under it"))
        return None
    for key in value:
        if key not in _FIELDS:
            problems.append(doc.problem(("relays", key), f"unknown field {key!r} in 'relays'", "allowed: publisher, paragraphs"))
    name = value["publisher"].strip()
    by = publishers.get(name) if publishers is not None else None
    if publishers is not None and by is None:
        close = publishers.closest(name)
        problems.append(doc.problem(("relays", "publisher"), f"unknown publisher {name!r} in 'relays'",
                                    (f"did you mean {close!r}? " if close else "") + "add it to archive/publishers.yml"))
    return Relay(publisher=by.name if by else name, by=by, paragraphs=_paragraphs(doc, value.get("paragraphs"), count, problems))
