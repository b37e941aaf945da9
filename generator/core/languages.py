"""The languages readouts come in: their names in a sentence, the direction of their script,
and the language each side publishes its own readouts in first.

These are facts about languages, not about the archive, so they are kept here rather than
in a registry; a language not listed is named by its code and written left to right.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # "the Chinese version"
    direction: str = "ltr"  # ltr | rtl
    # Characters of its text per character of the English version of the same text, as measured
    # on published pairs (Chinese runs at about a third of the English, Persian near the English).
    english_ratio: float = 1.0


LANGUAGES = {language.code: language for language in (
    Language("en", "English"),
    Language("zh", "Chinese", english_ratio=0.32),
    Language("fa", "Persian", "rtl", english_ratio=0.95),
    Language("ar", "Arabic", "rtl", english_ratio=0.9),
    Language("ru", "Russian", english_ratio=1.1),
    Language("fr", "French", english_ratio=1.15),
)}

# The language a side's own government writes its readouts in: an English text of a Chinese
# ministry is the English version of a Chinese original.
SIDE_LANGUAGES = {"China": "zh", "Iran": "fa"}


def language(code: str) -> Language:
    return LANGUAGES.get(code) or Language(code, code)


def language_name(code: str) -> str:
    return language(code).name


def direction(code: str) -> str:
    return language(code).direction
