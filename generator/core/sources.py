"""Who published a readout, what kind of source that is, and what account a readout relays.

Only a government body's readout is a side's official account; state media and other media
report, and a publisher the page does not name is unidentified.
"""

from __future__ import annotations

from dataclasses import dataclass

SIDE_ADJECTIVES = {"China": "Chinese", "Iran": "Iranian"}
# What each kind of publisher is. Only a government body's readout is a side's official account;
# state media and other media report, and a publisher the page does not name is unidentified.
GOVERNMENT_BODY, STATE_MEDIA, OTHER_MEDIA, UNIDENTIFIED = "government body", "state media", "other media", "unidentified"
SOURCE_KINDS = {"ministry": GOVERNMENT_BODY, "embassy or mission": GOVERNMENT_BODY, "party body": GOVERNMENT_BODY,
                "government office": GOVERNMENT_BODY, "state news agency": STATE_MEDIA, "state broadcaster": STATE_MEDIA,
                "state newspaper": STATE_MEDIA, "other outlet": OTHER_MEDIA}
# How an account is named in a comparison: "the Iranian outlet's account".
PUBLISHER_KIND_NOUNS = {"ministry": "ministry", "embassy or mission": "mission", "party body": "party body",
                        "government office": "office", "state news agency": "news agency",
                        "state broadcaster": "broadcaster", "state newspaper": "newspaper", "other outlet": "outlet"}


@dataclass(frozen=True)
class Publisher:
    """Who published readouts, and the side (country) it speaks for; "" when not known."""

    slug: str
    name: str
    native: str
    country: str
    kind: str
    aliases: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()  # web addresses its pages are published at
    identified: bool = True
    note: str = ""

    @property
    def side_label(self) -> str:
        return f"{SIDE_ADJECTIVES.get(self.country, self.country)} side" if self.country else "side not known"

    @property
    def source_kind(self) -> str:
        """government body | state media | other media | unidentified."""
        return SOURCE_KINDS.get(self.kind, OTHER_MEDIA) if self.identified else UNIDENTIFIED

    @property
    def official(self) -> bool:
        """Whether its readouts are a side's official account: a government body's, of a known side."""
        return self.source_kind == GOVERNMENT_BODY and bool(self.country)

    @property
    def short_label(self) -> str:
        """'the Iranian outlet', 'the Chinese mission': how a comparison names its account."""
        noun = PUBLISHER_KIND_NOUNS.get(self.kind, "publisher")
        adjective = SIDE_ADJECTIVES.get(self.country, "")
        return f"the {adjective} {noun}" if adjective else f"the {noun} of unknown side"


@dataclass(frozen=True)
class Relay:
    """Another account that a readout passes on (Xinhua's, quoted by an Iranian outlet), with the
    paragraphs that the text shows come from it."""

    publisher: str
    by: Publisher | None = None
    paragraphs: tuple[int, ...] = ()
