"""The people a readout names: its participants, and titled names that no registry entry matches."""

from __future__ import annotations

import re

from ..archive.registry import Registry
from ..core.model import Official
from .native import has_own_script, named_officials
from .page_text import sentences

_TITLES = (r"(?:(?:Vice|Deputy|Prime|Foreign|First|Executive|Special|Chief|Acting|Assistant|State|Supreme)\s+)*"
           r"(?:President|Premier|Minister|Secretary|Ambassador|Speaker|Chairman|Chairwoman|Chair|Director|Envoy|"
           r"Counselor|Councillor|Councilor|Governor|Mayor|Commander|Spokesperson|Spokesman|Leader|Ayatollah|"
           r"Vice-President|Chancellor|King|Emir|Sheikh|Crown Prince)(?:[- ]General)?")
_TITLED_NAME = re.compile(_TITLES + r"\s+(?P<name>[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|al-\w+|bin|ibn|de|van|von)){0,3})")
_NOT_A_NAME = {"of", "the", "and", "for", "to", "said", "says", "will", "has", "had", "also", "in", "on", "with",
               "general", "office", "council", "ministry", "department", "committee", "assembly", "republic",
               "state", "people", "government", "party", "chinese", "iranian", "china", "iran", "islamic"}


def participants(registry: Registry, title: str, lead: list[str], event_sentence: str) -> list[Official]:
    """Officials named in the headline, in the first sentence, and in the sentence that describes the encounter."""
    first_sentence = sentences(lead[0])[0] if lead and sentences(lead[0]) else ""
    found: dict[str, Official] = {}
    texts = (title, first_sentence, event_sentence)
    for official in [o for text in texts for o in registry.mentioned_officials(text)] + [  # native names after
            o for text in texts if has_own_script(text) for o in named_officials(registry, text)]:
        found.setdefault(official.slug, official)
    return list(found.values())


def unresolved_names(registry: Registry, text: str) -> list[str]:
    """Capitalised names after a title ('Foreign Minister Hossein Amir-Abdollahian') that no entry matches."""
    names: dict[str, str] = {}
    for match in _TITLED_NAME.finditer(text):
        words = match.group("name").split()
        while words and words[-1].casefold() in _NOT_A_NAME:
            words.pop()
        if not words or words[0].casefold() in _NOT_A_NAME:
            continue
        name = " ".join(words).rstrip("’'").removesuffix("’s").removesuffix("'s")
        if any(registry.official(" ".join(words[:n])) for n in range(len(words), 0, -1)) or registry.mentioned_officials(name):
            continue
        names.setdefault(name, match.group(0))
    return list(names)
