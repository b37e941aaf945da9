"""A readout's text in paragraphs: numbered, with their speaker and formulations.

A paragraph is a block of plain text between empty lines. Headings, lists, quotes, code,
tables and rules are blocks too but not numbered paragraphs, so the numbers stay those of
the text a reader sees as paragraphs. `speakers:` in the front matter overrides the rules:
`speakers: {p3: Ebrahim Raisi, p5: both sides, p7: nobody}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .formulations import FormulationFinder
from .load import RawDocument
from .speakers import Attributor
from ..core.model import BOTH_SIDES, Initiative, Official, Paragraph
from ..core.problems import Problem

NOBODY = "nobody"
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_NOT_PARAGRAPH = re.compile(r"^(?: {0,3}(?:#|>|[-*+][ \t]|\d{1,9}[.)](?:[ \t]|$)|\||\[[^\]]*\]:)| {4}|\t"
                            r"| {0,3}(?:[-*_][ \t]*){3,}$)")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_KEY = re.compile(r"p([1-9][0-9]{0,3})")  # used whole (fullmatch)


@dataclass(frozen=True)
class Block:
    text: str
    line: int  # where it starts, counted from 0 in the text it was cut from
    paragraph: bool


def blocks(body: str) -> list[Block]:
    """The text's blocks between empty lines, a fenced code block kept whole."""
    found: list[Block] = []
    current: list[str] = []
    start, fence = 0, ""
    lines = body.split("\n")
    for number, line in enumerate(lines + [""]):
        opened = _FENCE.match(line)
        if fence:
            current.append(line)
            fence = "" if opened and opened.group(1).startswith(fence) else fence
            continue
        if line.strip():
            if not current:
                start = number
            current.append(line)
            fence = opened.group(1) if opened else ""
            continue
        if current:
            found.append(Block("\n".join(current), start, _is_paragraph(current)))
            current = []
    return found


def _is_paragraph(lines: list[str]) -> bool:
    if _FENCE.match(lines[0]) or _NOT_PARAGRAPH.match(lines[0]):
        return False
    return not (len(lines) > 1 and _SETEXT.match(lines[1]))  # an underlined heading


def _overrides(doc: RawDocument, count: int, official, closest, participants: tuple[Official, ...],
               problems: list[Problem]) -> dict[int, object]:
    """speakers: {pN: name | both sides | nobody}, checked at the line of each entry: a name is a participant's."""
    value = doc.data.get("speakers") if isinstance(doc.data, dict) else None
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.append(doc.problem(("speakers",), "'speakers' must be a mapping of paragraphs to speakers",
                                    "write it as 'speakers: {p3: Ebrahim Raisi}'"))
        return {}
    chosen: dict[int, object] = {}
    for key, name in value.items():
        where = ("speakers", key)
        match = _KEY.fullmatch(key)
        if not match or int(match.group(1)) > count:
            problems.append(doc.problem(where, f"{key!r} is not a paragraph of this text, which has {count}",
                                        f"write p1 to p{count}: the number of the paragraph's anchor"))
            continue
        if not isinstance(name, str):
            problems.append(doc.problem(where, f"the speaker of {key} must be a name", "write a name from "
                                        "archive/officials.yml, 'both sides' or 'nobody'"))
            continue
        folded = name.strip().casefold()
        speaker = {BOTH_SIDES: BOTH_SIDES, NOBODY: None}.get(folded) if folded in (BOTH_SIDES, NOBODY) \
            else official(name.strip())
        if speaker is None and folded != NOBODY:
            close = closest(name)
            problems.append(doc.problem(where, f"unknown speaker {name!r}",
                                        (f"did you mean {close!r}? " if close else "")
                                        + "use a name from archive/officials.yml, 'both sides' or 'nobody'"))
            continue
        if isinstance(speaker, Official) and speaker not in participants:
            problems.append(doc.problem(where, f"{speaker.name!r}, the speaker of {key}, is not among 'officials'",
                                        "a paragraph is given to a participant: add them to 'officials' if they took "
                                        "part; if not, write 'both sides', 'nobody' or a participant's name"))
            continue
        chosen[int(match.group(1))] = speaker
    return chosen


def paragraphs(doc: RawDocument, participants: tuple[Official, ...], registry, finder: FormulationFinder,
               problems: list[Problem], listed: tuple[Initiative, ...] = ()) -> tuple[Paragraph, ...]:
    """The numbered paragraphs of the document's text, each with its speaker, formulations and the
    initiatives of `listed` (the readout's own list) that it names."""
    numbered: list[tuple[Block, bool]] = []  # each paragraph, and whether a paragraph came just before it
    follows = False
    for block in blocks(doc.body):
        if block.paragraph:
            numbered.append((block, follows))
        follows = block.paragraph  # after a heading or a list, "He" may be someone else
    overrides = _overrides(doc, len(numbered), registry.official, registry.closest_official, participants, problems)
    attributor = Attributor(participants)
    found, previous = [], None
    for number, (block, follows) in enumerate(numbered, start=1):
        carried = previous if follows else None
        speaker = overrides[number] if number in overrides else attributor.speaker(block.text, carried)
        named = {i.slug for i, _ in registry.mentioned_initiatives(block.text)} if listed else set()
        uses, related, marks = finder.find(block.text)
        found.append(Paragraph(number, doc.body_line + block.line, block.text, speaker, uses,
                               tuple(i for i in listed if i.slug in named), related, marks))
        previous = speaker
    return tuple(found)
