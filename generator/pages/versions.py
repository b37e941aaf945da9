"""The Versions view: a readout's language versions side by side, paragraph against paragraph, with a
summary of what the evidence shows one version holds and the other not (alignment.py finds it).

Everything here is the generator's own structure, written once as escaped HTML; each paragraph is
the readout's Markdown rendered on its own, inside an element that carries its language and the
direction of its script.
"""

from __future__ import annotations

import markdown
from markupsafe import Markup

from ..core.languages import direction, language_name
from ..core.model import Paragraph, Readout
from ..core.versions import account_of, is_translation, original_language
from .addresses import VersionGroup, link_between
from .alignment import Comparison, Difference, LENGTH_TOLERANCE, Row, compare_versions, sentences

_INLINE = markdown.Markdown(output_format="html")  # no extensions: what the check lets into a body


def version_group(readout: Readout, versions: dict) -> VersionGroup | None:
    """The page of the readout's versions, when it has any."""
    group = versions.get(readout.id)
    return VersionGroup(account_of(group).id, group) if group else None


def version_groups(archive) -> tuple[VersionGroup, ...]:
    """Every readout's versions, once per group, in the readouts' order."""
    seen: dict[str, VersionGroup] = {}
    for readout in archive.readouts:
        if (group := version_group(readout, archive.versions)) is not None:
            seen.setdefault(group.slug, group)
    return tuple(seen.values())


def page_values(group: VersionGroup, names) -> dict:
    """What the Versions page's template shows: the group, its title, its original, the comparisons."""
    base = next(r for r in group.readouts if r.id == group.slug)
    original = next((r for r in group.readouts if not is_translation(r) and original_language(r)), None)
    return {"group": group, "group_title": base.title, "original": original, "comparisons": comparisons(group, names)}


def comparisons(group: VersionGroup, names) -> list[Comparison]:
    """Each other version against the one that stands for the group (the English, where there is one),
    the other version on the left: usually the original."""
    base = next(r for r in group.readouts if r.id == group.slug)
    return [compare_versions(other, base, names) for other in group.readouts if other is not base]


def lang_attributes(readout: Readout) -> Markup:
    code = readout.source.language
    return Markup(' lang="{}" dir="{}"').format(code, direction(code))


def version_name(readout: Readout) -> str:
    return f"the {language_name(readout.source.language)} version"


def _row_id(readout: Readout, paragraph: Paragraph) -> str:
    return f"{readout.source.language}-{paragraph.anchor}"


def _link_to_row(readout: Readout, anchors: tuple[str, ...]) -> Markup:
    return Markup(", ").join(Markup('<a href="#{}-{}">¶{}</a>').format(readout.source.language, anchor, anchor[1:])
                             for anchor in anchors)


def _difference(comparison: Comparison, difference: Difference) -> Markup:
    version, other = (comparison.left, comparison.right) if difference.version is comparison.left else (
        comparison.right, comparison.left)
    here, there = version_name(version), version_name(other)
    where = _link_to_row(version, difference.anchors)
    if difference.kind in ("formulation", "name"):
        what = "formulation" if difference.kind == "formulation" else "name"
        return Markup("<li>The {} <strong>{}</strong> is in {} ({}); no form of it was found in {}.</li>").format(
            what, difference.label, here, where, there)
    if difference.kind == "paragraph":
        return Markup('<li>{} of {} has no counterpart found in {}: <span{}>{}</span></li>').format(
            where, here, there, lang_attributes(version), difference.label)
    if difference.kind == "sentence":
        return Markup('<li>A sentence of {} in {} has no counterpart found in {}: <span{}>{}</span></li>').format(
            where, here, there, lang_attributes(version), difference.label)
    return Markup("<li>{} of {} is {} times as long, against {} of {}, as texts in the two languages usually "
                  "are (the comparison allows {} times).</li>").format(
        where, here, difference.label, _link_to_row(other, difference.other), there, LENGTH_TOLERANCE)


def summary(comparison: Comparison) -> Markup:
    """What differs, in words, each item linked to its row; and what could not be compared."""
    left, right = comparison.left, comparison.right
    items = Markup("").join(_difference(comparison, d) for d in comparison.differences)
    found = (Markup('<ul class="versions-differences">{}</ul>').format(items) if items else
             Markup('<p class="versions-differences">Every paragraph has a counterpart, and the numbers, names '
                    'and formulations compared are in both versions.</p>'))
    scope = ["numbers and dates", "officials' and places' names written in both languages in the registries"]
    if comparison.formulations_compared:
        scope.append("the formulations " + ", ".join(comparison.formulations_compared))
    note = Markup("Compared: {}.").format("; ".join(scope))
    if comparison.names_not_compared:
        note += Markup(" Not compared, for want of a form in both languages in the registries: {}.").format(
            ", ".join(comparison.names_not_compared))
    return Markup('<h2 id="{id}">{left} and {right}</h2>\n{found}\n<p class="versions-scope">{note} What one '
                  'version holds and the other lacks is reported as having no counterpart found: a translation '
                  'may say the same in other words.</p>').format(
        id=f"{left.source.language}-{right.source.language}", left="T" + version_name(left)[1:],
        right=version_name(right), found=found, note=note)


def _sentences(paragraph: Paragraph, alone: tuple[int, ...], other: Readout) -> Markup:
    """The paragraph as HTML, the sentences with no counterpart found marked."""
    if not alone:
        _INLINE.reset()
        return Markup(_INLINE.convert(paragraph.text))
    parts = []
    for index, sentence in enumerate(sentences(paragraph.text)):
        _INLINE.reset()
        html = Markup(_INLINE.convert(sentence).removeprefix("<p>").removesuffix("</p>"))
        if index in alone:
            html = Markup('<mark class="versions-alone" title="No counterpart found in {}">{}</mark>').format(
                version_name(other), html)
        parts.append(html)
    return Markup("<p>{}</p>").format(Markup(" ").join(parts))


def _cell(readout: Readout, paragraph: Paragraph | None, alone: tuple[int, ...], other: Readout,
          other_paragraph: Paragraph | None, here: str) -> Markup:
    name = language_name(readout.source.language)
    if paragraph is None:
        return Markup('<div class="versions-cell versions-cell--none"><p class="versions-none">No counterpart '
                      'found in {} for {} ¶{}.</p></div>').format(version_name(readout), version_name(other),
                                                                  other_paragraph.number)
    only = (Markup('<p class="versions-only">Only in {}: no counterpart found in {}.</p>').format(
        version_name(readout), version_name(other)) if other_paragraph is None else "")
    return Markup('<div class="versions-cell{extra}" id="{id}"{attrs}><a class="versions-number" href="{href}" '
                  'title="Paragraph {n} of the {name} version">{name} ¶{n}</a>{only}{text}</div>').format(
        extra=" versions-cell--alone" if other_paragraph is None else "", id=_row_id(readout, paragraph),
        attrs=lang_attributes(readout), href=link_between(readout, here) + "#" + paragraph.anchor,
        n=paragraph.number, name=name, only=only, text=_sentences(paragraph, alone, other))


def _row(comparison: Comparison, row: Row, here: str) -> Markup:
    left, right = comparison.left, comparison.right
    return Markup('<div class="versions-row">{}{}</div>').format(
        _cell(left, row.left, row.left_alone, right, row.right, here),
        _cell(right, row.right, row.right_alone, left, row.left, here))


def side_by_side(comparison: Comparison, here: str) -> Markup:
    """The two versions in two columns, paragraph against paragraph; one above the other on a phone."""
    left, right = comparison.left, comparison.right
    heads = Markup("").join(Markup('<div class="versions-head"><a href="{}"{}>{}</a><br>{} · {}</div>').format(
        link_between(r, here), lang_attributes(r), r.title, language_name(r.source.language), r.source.publisher)
        for r in (left, right))
    rows = Markup("\n").join(_row(comparison, row, here) for row in comparison.rows)
    return Markup('<div class="versions">\n<div class="versions-row versions-row--head">{}</div>\n{}\n</div>').format(
        heads, rows)


def versions_panel(readout: Readout, group: VersionGroup | None, here: str) -> Markup:
    """On a readout's page: its other versions, and the link to see them side by side."""
    if group is None:
        return Markup("")
    others = Markup(", ").join(Markup('<a href="{}"{}>{}</a> ({})').format(
        link_between(r, here), lang_attributes(r), r.title, language_name(r.source.language))
        for r in group.readouts if r is not readout)
    return Markup('<div class="admonition abstract versions-panel"><p class="admonition-title">Versions</p>'
                  '<p>This is {}. Also in the archive: {}. <a href="{}">Compare the versions side by side</a>, '
                  'paragraph against paragraph.</p></div>').format(version_name(readout), others, link_between(group, here))
