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


class Attributor:
    """The rules, compiled for one readout's participants."""

    def __init__(self, participants: tuple[Official, ...]):
        forms: dict[str, Official | None] = {}
        for official in participants:
            words = official.name.split()
            surname = words[0] if official.country == "China" else words[-1]  # Chinese names put it first
            for form in (official.name, *official.aliases, surname):
                forms[form] = official if forms.get(form, official) is official else None  # shared: nobody's
        self._by_form = {form: official for form, official in forms.items() if official}
        names = "|".join(map(re.escape, sorted(self._by_form, key=lambda f: (-len(f), f))))
        name = rf"(?P<name>(?<![\w-])(?:{names})(?![\w-]))" if names else r"(?P<name>(?!))"
        self._named = re.compile(name)
        lead = _TITLES + name + r"(?:\s*\([^()]{0,40}\))?\s+" + _ADVERB + VERB
        self._leads = (re.compile(_OPENING + lead), re.compile(lead))  # the second: an opening that is itself speech
        self._trail = re.compile(r",\s+" + _TITLES + name + r"\s+" + _ADVERB + VERB
                                 + r"(?:\s+here)?(?:\s+on)?(?:\s+\w+day)?[^,.;]{0,30}\.[”\"]?\s*$")
        self._said_name = re.compile(r",\s+(?:said|added|stressed|noted)\s+" + _TITLES + name + r"\b")
        self._according = re.compile(r"according to\s+" + _TITLES + name + r"\.[”\"]?\s*$")
        by_country: dict[str, list[Official]] = {}
        for official in participants:
            by_country.setdefault(official.country, []).append(official)
        self._by_role: list[tuple[re.Pattern, Official]] = [
            (re.compile(_OPENING + r"[Tt]he " + SIDE_ADJECTIVES.get(country, country) + r" " + _ROLES + r"\s+"
                        + _ADVERB + VERB), people[0])
            for country, people in sorted(by_country.items()) if len(people) == 1]

    def _named_speakers(self, text: str) -> set[Official]:
        matches = [pattern.match(text) for pattern in self._leads]
        matches += [self._trail.search(text), self._according.search(text)]
        found = {self._by_form[match.group("name")] for match in matches if match}
        found |= {self._by_form[m.group("name")] for m in self._said_name.finditer(text)}
        found |= {official for pattern, official in self._by_role if pattern.match(text)}
        return found

    def _continues(self, text: str, previous) -> bool:
        """'He said' goes on with the previous speaker, when nobody else is named before the pronoun."""
        if not isinstance(previous, Official):
            return False
        match = (_PRONOUN_LEAD.match(text) or _PRONOUN_QUOTE.match(text) or _PRONOUN_TRAIL.search(text))
        if not match:
            return False
        before = text[:match.end()]
        return all(self._by_form[m.group("name")] is previous for m in self._named.finditer(before))

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
