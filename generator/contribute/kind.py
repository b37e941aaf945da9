"""What kind of encounter a readout records (meeting, talks, call, message), and on what occasion."""

from __future__ import annotations

import re

from .page_text import sentences

CUES = (  # the kind of encounter, as the text words it; checked in this order within one sentence
    ("video call", re.compile(r"\bvideo[- ](?:call|link|conference|talks?|meeting)\b|\bvia video\b|\bvirtual (?:meeting|talks)\b"
                              r"|视频(?:通话|会晤|会谈|连线)|ویدئو|ویدیو", re.I)),
    ("phone call", re.compile(r"\b(?:tele)?phone\b|通电话|通话|تلفنی", re.I)),
    ("message", re.compile(r"\b(?:sent|sends|send|exchanged|exchange)\s+(?:(?:a|an|congratulatory|condolence|"
                           r"messages? of|letters? of)\s+)*(?:messages?|letters?|cables?)\b|\bcongratulatory (?:message|letter)\b"
                           r"|致电|贺电|致信|复信|پیام", re.I)),
    ("talks", re.compile(r"\b(?:held|holds|hold|holding)\s+(?:\w+\s+)?talks\b|\btalks with\b|会谈|مذاکره|مذاکرات", re.I)),
    ("meeting", re.compile(r"\b(?:met|meets?|meeting with|received|receives|receiving|called on|calls on)\b"
                           r"|会见|会晤|接见|دیدار|ملاقات", re.I)),
)
_OCCASION = re.compile(r"\b(?:on the (?:sidelines|margins) of|while attending|during (?=the [^,.]*?\b(?:[Ss]ummit|[Ss]ession|"
                       r"[Ff]orum|[Cc]onference|[Mm]eeting)\b))\s+(?:the\s+)?(?P<occasion>[^,;]+?)"
                       r"(?=,|;| in [A-Z]| on [A-Z]| on the | held | which |\.(?:\s|$)|$)")


def tells_an_encounter(line: str) -> bool:
    """Whether a line words a meeting, a call or a message."""
    return any(cue.search(line) for _, cue in CUES)


def kind(title: str, lead: list[str]) -> tuple[str, str]:
    """The kind, and the sentence that says so."""
    for found, cue in CUES:
        if title and cue.search(title):
            return found, title
    for paragraph in lead:
        for sentence in sentences(paragraph):
            for found, cue in CUES:
                if cue.search(sentence):
                    return found, sentence
    return "", ""


def occasion(lead: list[str]) -> str:
    found = [m.group("occasion").strip() for p in lead for m in _OCCASION.finditer(p)]
    found = [f for f in found if 2 <= len(f.split()) <= 30]
    return min(found, key=len) if found else ""
