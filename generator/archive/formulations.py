"""The registry of formulations, and where a text uses them.

A text uses a formulation where its name or a variant stands as whole words: a variant is the
same formulation written otherwise (an inflection, hyphenation, word order, a translation's
choice of words). A `related` wording is only akin to it ("illegal sanctions" beside
"unilateral sanctions"): it is found and shown apart, never counted as a use. Case, hyphens,
dashes and the kind of apostrophe do not matter ("one-China principle" is the "One China
principle"; "others’ internal affairs" is "others' internal affairs").

Every phrase is one path in a word automaton (a trie of words), so a text is read once, word by
word, whatever the number of phrases; where phrases overlap, the one that starts first wins, and
of those the longest (the programme's name "25-year comprehensive strategic partnership program"
is not a use of "comprehensive strategic partnership").

Its forms in other languages (`forms: {zh: [一个中国原则], fa: [اصل چین واحد]}`) are phrases of
the same automaton: Chinese is read a character at a time (it has no spaces between words, so a
form is found wherever its characters stand), Persian with its Arabic letter forms folded and the
zero-width non-joiner read as a space.
"""

from __future__ import annotations

import re

from .load import RawDocument
from .entries import entries, text, texts
from .registry import _index_names
from ..core.model import Formulation, Mark
from ..core.problems import Problem
from ..core.text import slugify

_KEYS = ("name", "variants", "related", "forms", "single_word", "summary")
_LANGUAGE = re.compile(r"^[a-z]{2}$")
# Arabic yeh, alef maksura and kaf are the Persian letters; the kashida only stretches a word.
_LETTER_FORMS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ـ": None})
_APOSTROPHES = ("’", "‘", "ʼ")
_JOINERS = ("-", "‐", "‑", "‒", "–", "—", "_")  # hyphens and dashes join words as a space would
# A word (letters and digits), or one mark of punctuation; joiners and spaces separate words.
# Chinese and Japanese characters are each a word; the zero-width non-joiner separates as a space does.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|(?:(?![{_CJK}])[^\W_])+|[^\w\s\-‐‑‒–—\u200c]")
MAX_WORDS = 12  # the longest phrase: bounds the words read from each place in a text
# Words too common to find a formulation by: a phrase of these alone is refused.
STOP_WORDS = frozenset(
    "a an and are as at be been but by for from had has have he her his i if in into is it its me my no nor not "
    "of on or our she so such than that the their them then there these they this those to too us was we were "
    "what when where which while who whom why will with would you your".split())
_END = ""  # the key a phrase's last word leads to in the automaton (no word is empty)


def fold(text: str) -> str:
    """Text as formulations are compared: lower case, one kind of apostrophe, words apart by one space."""
    return " ".join(token for token, _, _ in _tokens(text))


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """The text's words and marks, folded, each with where it stands in the text."""
    found = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in _APOSTROPHES:
            token = "'"
        elif not token.isascii():
            token = token.translate(_LETTER_FORMS)
        found.append((token.casefold(), match.start(), match.end()))
    return found


def phrase_problem(phrase: str, single_word: bool) -> str:
    """Why a phrase is not specific enough to find a formulation by, or ""."""
    words = [token for token, _, _ in _tokens(phrase) if token[0].isalnum()]
    if not words:
        return "has no word"
    if all(word in STOP_WORDS for word in words):
        return "is made of words too common to tell a formulation by"
    if len(words) == 1 and not single_word:
        return "is a single word"
    if len(_tokens(phrase)) > MAX_WORDS:
        return f"is longer than {MAX_WORDS} words"
    return ""


class FormulationFinder:
    """Finds every formulation a text uses, and every related wording, in one pass over its words."""

    def __init__(self, formulations: tuple[Formulation, ...]):
        self._root: dict = {}
        self._by_slug = {formulation.slug: formulation for formulation in formulations}
        for formulation in formulations:
            phrases = [(p, False) for p in (formulation.name, *formulation.variants, *_all_forms(formulation))]
            for phrase, related in phrases + [(p, True) for p in formulation.related]:
                node = self._root
                for token, _, _ in _tokens(phrase)[:MAX_WORDS]:
                    node = node.setdefault(token, {})
                if node is not self._root:
                    node.setdefault(_END, (formulation, related))

    def marks(self, text: str) -> tuple[Mark, ...]:
        """Each phrase found, in order: at each word the longest phrase starting there, then on after it."""
        tokens = _tokens(text)
        found, index, count = [], 0, len(tokens)
        while index < count:
            node, best, ahead = self._root, None, index
            while ahead < count and (node := node.get(tokens[ahead][0])) is not None:
                ahead += 1
                if _END in node:
                    best = (ahead, node[_END])
            if best is None:
                index += 1
                continue
            end, (formulation, related) = best
            found.append(Mark(formulation.slug, tokens[index][1], tokens[end - 1][2], related))
            index = end
        return tuple(found)

    def find(self, text: str) -> tuple[tuple[Formulation, ...], tuple[Formulation, ...], tuple[Mark, ...]]:
        """The formulations the text uses and those it has related wording of, each once in order of
        first appearance, and every mark."""
        marks = self.marks(text)
        by_slug = self._by_slug
        uses = tuple(dict.fromkeys(by_slug[m.slug] for m in marks if not m.related))
        related = tuple(dict.fromkeys(by_slug[m.slug] for m in marks if m.related))
        return uses, related, marks


def _single_word(doc: RawDocument, entry: dict, index: int, problems: list[Problem]) -> bool:
    value = entry.get("single_word", False)
    if not isinstance(value, bool):
        problems.append(doc.problem((index, "single_word"), f"'single_word' must be true or false, not {value!r}",
                                    "write 'single_word: true' where a one-word term is specific enough"))
        return False
    return value


def _check_phrases(doc: RawDocument, index: int, entry: dict, single_word: bool, problems: list[Problem]) -> None:
    """Every phrase specific enough to find the formulation by, at its own line."""
    forms = entry.get("forms") if isinstance(entry.get("forms"), dict) else {}
    for key in ("name", "variants", "related", *(("forms", language) for language in forms)):
        values = entry.get(key) if isinstance(key, str) else forms[key[1]]
        values = [(key, values)] if key == "name" else [((*(key if isinstance(key, tuple) else (key,)), i), v)
                                                        for i, v in enumerate(values or []) if isinstance(values, list)]
        for where, value in values:
            if not isinstance(value, str) or not value.strip():
                continue  # its own error says so
            if why := phrase_problem(value, single_word):
                hint = ("write at least two words, as the phrase stands in readouts"
                        + ("" if single_word or why != "is a single word" else
                           ", or approve a one-word term with 'single_word: true'"))
                problems.append(doc.problem((index, *(where if isinstance(where, tuple) else (where,))),
                                            f"the phrase {value.strip()!r} {why}: it would find the formulation in "
                                            "paragraphs that do not use it", hint))


def load_formulations(doc: RawDocument, problems: list[Problem]) -> tuple[Formulation, ...]:
    formulations = []
    for index, entry in entries(doc, _KEYS, problems):
        name = text(doc, entry.get("name"), (index, "name"), problems)
        single_word = _single_word(doc, entry, index, problems)
        _check_phrases(doc, index, entry, single_word, problems)
        formulations.append(Formulation(
            slug=slugify(name), name=name,
            variants=texts(doc, entry.get("variants"), (index, "variants"), problems),
            related=texts(doc, entry.get("related"), (index, "related"), problems),
            summary=text(doc, entry.get("summary"), (index, "summary"), problems, required=False),
            forms=_forms(doc, entry.get("forms"), (index, "forms"), problems),
        ))
    # Two formulations written the same way once folded would make every use ambiguous.
    _index_names(doc, formulations, lambda f: tuple(fold(v) for v in (f.name, *f.variants, *f.related,
                                                                     *_all_forms(f))), problems)
    return tuple(sorted(formulations, key=lambda f: f.sort_key))


def _all_forms(formulation: Formulation) -> tuple[str, ...]:
    return tuple(form for _, forms in formulation.forms for form in forms)


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
