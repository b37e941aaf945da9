"""The event comparison and the formulation pages with a stranger's names in every field: all
text, no markup, links only the generator's own."""

from datetime import date
from html.parser import HTMLParser

from generator.core.model import BOTH_SIDES, Event, Formulation, Official, Paragraph, Publisher, Readout, Source
from generator.pages import compare, formulations

HOSTILE = '<script>alert(1)</script> "quoted" \' onmouseover=alert(2) & *em* [x](javascript:alert(3))'
OFFICIAL = Official("x", f"Official {HOSTILE}", "x", "China")
OTHER = Official("y", "Other Person", "y", "Iran")
PHRASE = Formulation("f", f"phrase {HOSTILE}")


def _readout(number: int, publisher: Publisher, text: str) -> Readout:
    paragraph = Paragraph(1, 10, text, OFFICIAL if number == 1 else BOTH_SIDES, (PHRASE,) if number == 1 else ())
    return Readout(id=f"2020-01-0{number}-r", source_path=f"archive/readouts/2020/2020-01-0{number}-r.md",
                   title=f"Title {HOSTILE}", date=date(2020, 1, 1), kind="meeting", venue="", occasion="",
                   officials=(OFFICIAL, OTHER), initiatives=(), source=Source(publisher.name, "en", by=publisher),
                   notes="", body=text + "\n", summary=text, event_key="", added=date(2020, 1, 2),
                   paragraphs=(paragraph,))


class _Html(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data):
        self.text.append(data)


def _parse(markup) -> _Html:
    parsed = _Html()
    parsed.feed(str(markup))
    return parsed


def test_a_stranger_s_names_stay_text_in_the_comparison():
    chinese = Publisher("c", f"Publisher {HOSTILE}", "", "China", "ministry")
    iranian = Publisher("i", "Iranian Outlet", "", "Iran", "other outlet")
    event = Event("e", date(2020, 1, 1), (_readout(1, chinese, "Said in *words*."), _readout(2, iranian, "Plain.")),
                  (OFFICIAL, OTHER))
    here = "events/e.md"
    for markup in (compare.comparison(event, here), compare.accounts_side_by_side(event, here)):
        parsed = _parse(markup)
        assert "script" not in parsed.tags
        assert not [name for name, _ in parsed.attributes if name.startswith("on")]
        hrefs = [value for name, value in parsed.attributes if name == "href"]
        assert hrefs and not [h for h in hrefs if "javascript" in h]
    text = "".join(_parse(compare.comparison(event, here)).text)
    assert f"phrase {HOSTILE}: only in the Chinese ministry's account" in text
    columns = "".join(_parse(compare.accounts_side_by_side(event, here)).text)
    assert f"Publisher {HOSTILE}" in columns and f"Official {HOSTILE}" in columns and "Both sides" in columns


def test_a_stranger_s_names_stay_text_on_a_formulation_page():
    publisher = Publisher("c", f"Publisher {HOSTILE}", "", "China", "ministry")
    readout = _readout(1, publisher, "Said.")
    uses = ((readout, readout.paragraphs[0]),)
    for markup in (formulations.formulation_summary(PHRASE, uses, "formulations/f.md"),
                   formulations.uses_listing(uses, "formulations/f.md", 10)):
        parsed = _parse(markup)
        assert "script" not in parsed.tags and not [n for n, _ in parsed.attributes if n.startswith("on")]
    listing = "".join(_parse(formulations.uses_listing(uses, "formulations/f.md", 10)).text)
    assert f"Title {HOSTILE}" in listing and "in the Chinese account" in listing
