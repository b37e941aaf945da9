"""The registry of formulations, and where a text uses them.

A text uses a formulation where its name or a variant stands as whole words. Case,
hyphens, dashes and the kind of apostrophe do not matter ("one-China principle" is the
"One China principle"; "others’ internal affairs" is "others' internal affairs").
Its forms in other languages (`forms: {zh: [一个中国原则], fa: [اصل چین واحد]}`) are found
the same way, with Arabic and Persian letter forms folded and a zero-width non-joiner taken
as a space; Chinese has no spaces between words, so a Chinese form is found wherever its
characters stand.
"""

from __future__ import annotations

import re

from .load import RawDocument
from .entries import entries, text, texts
from .registry import _index_names
from ..core.model import Formulation
from ..core.problems import Problem
from ..core.text import slugify

_KEYS = ("name", "variants", "forms", "summary")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
# Arabic yeh, alef maksura and kaf are the Persian letters; the kashida only stretches a word.
_LETTER_FORMS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ـ": None, "\u200c": " "})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_APOSTROPHES = ("’", "‘", "ʼ")
_JOINERS = ("-", "‐", "‑", "‒", "–", "—", "_")  # hyphens and dashes join words as a space would
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Text as formulations are compared: lower case, one kind of apostrophe, words apart by one space."""
    text = text.casefold()
    if not text.isascii():
        text = text.translate(_LETTER_FORMS)
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
            for phrase in (formulation.name, *formulation.variants, *(f for _, forms in formulation.forms for f in forms)):
                folded = fold(phrase).strip()
                if folded and folded not in seen:
                    seen.add(folded)
                    if _CJK.search(folded):  # no spaces between Chinese words: any run of its characters
                        needed = frozenset(w for w in _WORD.findall(folded) if not _CJK.search(w))
                        pattern = re.compile(re.escape(folded))
                    else:
                        needed = frozenset(_WORD.findall(folded))
                        pattern = re.compile(r"(?<!\w)" + re.escape(folded) + r"(?!\w)")
                    self._phrases.append((needed, pattern, formulation))

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
            forms=_forms(doc, entry.get("forms"), (index, "forms"), problems),
        ))
    # Two formulations written the same way once folded would make every use ambiguous.
    _index_names(doc, formulations, lambda f: tuple(fold(v) for v in (
        f.name, *f.variants, *(form for _, forms in f.forms for form in forms))), problems)
    return tuple(sorted(formulations, key=lambda f: f.sort_key))


def _forms(doc: RawDocument, value, key_path, problems) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """forms: {zh: [...], fa: [...]}: each language's forms, each checked as a variant is."""
    if value is None:
        return ()
    if not isinstance(value, dict):
        problems.append(doc.problem(key_path, "'forms' must map a language to its forms",
                                    "write it as 'forms:' with 'zh:' and 'fa:' lists indented under it"))
        return ()
    found = []
    for language, forms in value.items():
        if not (isinstance(language, str) and _LANGUAGE.match(language)) or language == "en":
            problems.append(doc.problem(key_path + (language,), f"{language!r} is not a language of 'forms'",
                                        "a two-letter code other than en, such as zh or fa (English forms are "
                                        "the name and 'variants')"))
            continue
        if not isinstance(forms, list) or not forms:
            problems.append(doc.problem(key_path + (language,), f"'forms.{language}' must be a list",
                                        "write one '- form' per line"))
            continue
        written = texts(doc, forms, key_path + (language,), problems)
        if written:
            found.append((language, written))
    return tuple(sorted(found))
