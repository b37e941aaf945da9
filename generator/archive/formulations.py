"""The registry of formulations, and where a text uses them.

A text uses a formulation where its name or a variant stands as whole words. Case,
hyphens, dashes and the kind of apostrophe do not matter ("one-China principle" is the
"One China principle"; "others’ internal affairs" is "others' internal affairs").
"""

from __future__ import annotations

import re

from .load import RawDocument
from .entries import entries, text, texts
from .registry import _index_names
from ..core.model import Formulation
from ..core.problems import Problem
from ..core.text import slugify

_KEYS = ("name", "variants", "summary")
_APOSTROPHES = ("’", "‘", "ʼ")
_JOINERS = ("-", "‐", "‑", "‒", "–", "—", "_")  # hyphens and dashes join words as a space would
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Text as formulations are compared: lower case, one kind of apostrophe, words apart by one space."""
    text = text.casefold()
    for apostrophe in _APOSTROPHES:  # str.replace, a pass in C each: faster than str.translate or a pattern
        text = text.replace(apostrophe, "'")
    for joiner in _JOINERS:
        text = text.replace(joiner, " ")
    return " ".join(text.split())


class FormulationFinder:
    """Finds every formulation a text uses. A phrase is searched for only when all its words are in
    the text: one pattern of every phrase would try each of them at every character."""

    def __init__(self, formulations: tuple[Formulation, ...]):
        self._phrases: list[tuple[frozenset[str], re.Pattern, Formulation]] = []
        seen: set[str] = set()
        for formulation in formulations:
            for phrase in (formulation.name, *formulation.variants):
                folded = fold(phrase).strip()
                if folded and folded not in seen:
                    seen.add(folded)
                    pattern = re.compile(r"(?<!\w)" + re.escape(folded) + r"(?!\w)")
                    self._phrases.append((frozenset(_WORD.findall(folded)), pattern, formulation))

    def find(self, text: str) -> tuple[Formulation, ...]:
        """The formulations the text uses, each once, in order of first use."""
        folded = fold(text)
        words = set(_WORD.findall(folded))
        first: dict[str, tuple[int, Formulation]] = {}  # slug → where it is first used, and the formulation
        for needed, pattern, formulation in self._phrases:
            if needed <= words and (match := pattern.search(folded)):
                if formulation.slug not in first or match.start() < first[formulation.slug][0]:
                    first[formulation.slug] = (match.start(), formulation)
        return tuple(formulation for _, formulation in sorted(first.values(), key=lambda entry: entry[0]))


def load_formulations(doc: RawDocument, problems: list[Problem]) -> tuple[Formulation, ...]:
    formulations = []
    for index, entry in entries(doc, _KEYS, problems):
        name = text(doc, entry.get("name"), (index, "name"), problems)
        formulations.append(Formulation(
            slug=slugify(name), name=name,
            variants=texts(doc, entry.get("variants"), (index, "variants"), problems),
            summary=text(doc, entry.get("summary"), (index, "summary"), problems, required=False),
        ))
    # Two formulations written the same way once folded would make every use ambiguous.
    _index_names(doc, formulations, lambda f: tuple(fold(v) for v in (f.name, *f.variants)), problems)
    return tuple(sorted(formulations, key=lambda f: f.sort_key))
