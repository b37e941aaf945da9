"""Who speaks in a paragraph, by rules about how readouts report speech.

A paragraph is attributed where the text says who speaks: "Xi Jinping stressed", "Raisi
said", "For his part, Mokhber said", "..., Li said.", "..., said Li, noting", "according to
Xi.", "The Chinese president stressed" (when one Chinese official took part), "The two sides
agreed" (both sides). "He said" keeps the previous paragraph's speaker only where that is
safe: the previous paragraph has one official as its speaker, and no other participant is
named before the pronoun. Only participants are candidates; where the rules point at two
people, or at nobody, the paragraph is left unattributed. A front-matter override corrects
what the rules get wrong.
"""

from __future__ import annotations

import re

from ..core.model import BOTH_SIDES, SIDE_ADJECTIVES, Official

VERB = (r"(?:said|says|stressed|emphasi[sz]ed|noted|pointed (?:out|to)|added|stated|highlighted|underlined|"
        r"underscored|welcomed|called(?: on| for)?|expressed|hoped|urged|proposed|reiterated|affirmed|believes|"
        r"thanked|congratulated|conveyed|mentioned|remarked|appreciated|told|voiced|praised|agreed)\b")
_ADVERB = r"(?:(?:also|further|then|later|again|firmly|first)\s+)?"
_OPENING = r"(?:[A-Z][^,.;:“”\"()]{0,50},\s+)?"  # "For his part, ", "In response, ", "During the meeting, "
_TITLES = (r"(?:(?:Chinese|Iranian|China's|Iran's|China’s|Iran’s|President|Premier|Vice|First|Foreign|Minister|"
           r"State|Councilor|Councillor|Secretary|General|Director|Ambassador|Speaker|Chairman|Mr\.?|Dr\.?)\s+){0,5}")
_ROLES = (r"(?:president|premier|side|leader|foreign minister|minister|vice president|first vice president|"
          r"official|envoy|head of state|ambassador|speaker)")
_BOTH = re.compile(_OPENING + r"(?:The two|Both(?: the)?|the two) (?:sides|leaders|presidents|ministers|"
                   r"countries|parties|delegations|heads of state)\s+" + _ADVERB + r"(?:" + VERB
                   + r"|discussed|exchanged|reached|held)")
_PRONOUN_LEAD = re.compile(_OPENING + r"(?:He|She)\s+" + _ADVERB + VERB)
_PRONOUN_QUOTE = re.compile(r"[“\"][^“”\"]{1,1500}[”\"],?\s+(?:he|she|He|She)\s+" + _ADVERB + VERB)
_PRONOUN_TRAIL = re.compile(r",\s+(?:he|she)\s+" + _ADVERB + VERB + r"[^,.;]{0,40}\.[”\"]?\s*$")


_NAME = r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){0,3})"  # capitalised words: whose they are is looked up
_LEAD_NAMED = _TITLES + _NAME + r"(?:\s*\([^()]{0,40}\))?\s+" + _ADVERB + VERB
# The second lead: an opening that is itself someone's speech ("Xi said so, Raisi said").
_LEADS = (re.compile(_OPENING + _LEAD_NAMED), re.compile(_LEAD_NAMED))
_TRAIL = re.compile(r",\s+" + _TITLES + _NAME + r"\s+" + _ADVERB + VERB
                    + r"(?:\s+here)?(?:\s+on)?(?:\s+\w+day)?[^,.;]{0,30}\.[”\"]?\s*$")
_SAID_NAME = re.compile(r",\s+(?:said|added|stressed|noted)\s+" + _TITLES + _NAME)
_ACCORDING = re.compile(r"according to\s+" + _TITLES + _NAME + r"\.[”\"]?\s*$")
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_ROLE = re.compile(_OPENING + r"[Tt]he (?P<side>\w+) " + _ROLES + r"\s+" + _ADVERB + VERB)


class Attributor:
    """The rules, applied for one readout's participants. The patterns are compiled once for every
    readout; a name they capture counts only when it is a participant's name, alias or surname."""

    def __init__(self, participants: tuple[Official, ...]):
        forms: dict[str, Official | None] = {}
        for official in participants:
            words = official.name.split()
            surname = words[0] if official.country == "China" else words[-1]  # Chinese names put it first
            for form in (official.name, *official.aliases, surname):
                forms[form] = official if forms.get(form, official) is official else None  # shared: nobody's
        self._by_form = {form: official for form, official in forms.items() if official}
        by_country: dict[str, list[Official]] = {}
        for official in participants:
            by_country.setdefault(SIDE_ADJECTIVES.get(official.country, official.country), []).append(official)
        self._by_side = {side: people[0] for side, people in by_country.items() if len(people) == 1}

    def _who(self, words: str) -> Official | None:
        """The participant that capitalised words name: the words, or the last of them ("Premier Li")."""
        parts = words.split()
        return next((self._by_form[" ".join(parts[i:])] for i in range(len(parts))
                     if " ".join(parts[i:]) in self._by_form), None)

    def _named_speakers(self, text: str) -> set[Official]:
        matches = [pattern.match(text) for pattern in _LEADS]
        matches += [_TRAIL.search(text), _ACCORDING.search(text), *_SAID_NAME.finditer(text)]
        found = {self._who(match.group("name")) for match in matches if match}
        if (role := _ROLE.match(text)) and role.group("side") in self._by_side:
            found.add(self._by_side[role.group("side")])
        return found - {None}

    def _continues(self, text: str, previous) -> bool:
        """'He said' goes on with the previous speaker, when nobody else is named before the pronoun."""
        if not isinstance(previous, Official):
            return False
        match = (_PRONOUN_LEAD.match(text) or _PRONOUN_QUOTE.match(text) or _PRONOUN_TRAIL.search(text))
        if not match:
            return False
        named = {self._who(m.group()) for m in _CAPITALISED.finditer(text[:match.end()])} - {None}
        return named <= {previous}

    def speaker(self, text: str, previous=None):
        """The paragraph's speaker: an Official, BOTH_SIDES, or None."""
        text = " ".join(text.split())
        named = self._named_speakers(text)
        if len(named) == 1:
            return named.pop()
        if named:
            return None  # two people: the rules cannot tell
        if _BOTH.match(text):
            return BOTH_SIDES
        return previous if self._continues(text, previous) else None
