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
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_]+")  # hyphens and dashes join words as a space would


def fold(text: str) -> str:
    """Text as formulations are compared: lower case, one kind of apostrophe, words apart by one space."""
    return _SEPARATORS.sub(" ", text.translate(_APOSTROPHES).casefold())


class FormulationFinder:
    """Finds every formulation a text uses with one pass of one pattern."""

    def __init__(self, formulations: tuple[Formulation, ...]):
        self._by_phrase: dict[str, Formulation] = {}
        for formulation in formulations:
            for phrase in (formulation.name, *formulation.variants):
                self._by_phrase.setdefault(fold(phrase).strip(), formulation)
        phrases = sorted((p for p in self._by_phrase if p), key=lambda p: (-len(p), p))  # longest first
        self._pattern = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?![\w])")
                         if phrases else None)

    def find(self, text: str) -> tuple[Formulation, ...]:
        """The formulations the text uses, each once, in order of first use."""
        if self._pattern is None:
            return ()
        found: dict[str, Formulation] = {}
        for match in self._pattern.finditer(fold(text)):
            formulation = self._by_phrase[match.group()]
            found.setdefault(formulation.slug, formulation)
        return tuple(found.values())


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
