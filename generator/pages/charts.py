"""Charts drawn at build time: inline SVG, no library, no script.

A bar per year. Each chart is a <figure> with an SVG that has role="img", a
<title> and an aria-label, and the same figures in a table that only screen
readers see. The table sits in a hidden <div> (a table grows to fit its cells,
whatever width it is given) and has a class (so the theme does not wrap it in a
scrolling box). Colours come from the theme's CSS variables (see archive.css),
so a chart follows the light and the dark scheme. Every text is escaped here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

HEIGHT = 150  # the drawing, in SVG units: bars, the count above each, the year below
TOP = 18  # room for the counts above the bars
BOTTOM = 22  # room for the years below the axis
SIDE = 8
MAX_WIDTH = 640


SHORT_GAP = 2  # empty years shown one by one; a longer run of them is one slot


def per_year(counts: Counter) -> list[tuple[int | str, int]]:
    """(year, count) for each year that has any; a few empty years between two are shown as 0, a
    longer run of them as one slot ("1950–2019", 0). A chart grows with the years that have
    readouts, never with the span between the first and the last."""
    slots: list[tuple[int | str, int]] = []
    previous = None
    for year in sorted(counts):
        empty = year - previous - 1 if previous is not None else 0
        if 0 < empty <= SHORT_GAP:
            slots += [(between, 0) for between in range(previous + 1, year)]
        elif empty > SHORT_GAP:
            slots.append((f"{previous + 1}–{year - 1}", 0))
        slots.append((year, counts[year]))
        previous = year
    return slots


def counts_per_year(readouts: Iterable) -> list[tuple[int | str, int]]:
    """The readouts per year, as per_year gives them."""
    return per_year(Counter(r.date.year for r in readouts))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def bar_chart(counts: Sequence[tuple[int, int]], label: str, noun: str = "readout", caption: bool = False) -> str:
    """An SVG bar chart of counts per year inside a <figure>, or "" when there is nothing to draw."""
    if not counts:
        return ""
    slot = max(6, min(48, (MAX_WIDTH - 2 * SIDE) // len(counts)))
    width = 2 * SIDE + slot * len(counts)
    bar_width = max(2, round(slot * 0.7))
    plot = HEIGHT - TOP - BOTTOM
    top_count = max(count for _, count in counts) or 1
    every = max(1, math.ceil(36 / slot))  # years at least 36 units apart, so labels never overlap
    first, last = counts[0][0], counts[-1][0]
    span = str(first) if first == last else f"{first}–{last}"
    name = escape(f"{label}, {span}")
    parts = [
        f'<svg class="chart__svg" role="img" aria-label="{name}" viewBox="0 0 {width} {HEIGHT}" '
        f'width="{width}" height="{HEIGHT}" focusable="false">',
        f"<title>{name}</title>",
    ]
    baseline = HEIGHT - BOTTOM
    for i, (year, count) in enumerate(counts):
        centre = SIDE + i * slot + slot / 2
        height = round(plot * count / top_count, 1)
        x = round(centre - bar_width / 2, 1)
        parts.append(f'<rect class="chart__bar" x="{x}" y="{round(baseline - height, 1)}" width="{bar_width}" '
                     f'height="{height}"><title>{year}: {escape(_plural(count, noun))}</title></rect>')
        if slot >= 18 and count:
            parts.append(f'<text class="chart__count" x="{centre}" y="{round(baseline - height - 4, 1)}" '
                         f'text-anchor="middle">{count}</text>')
        if isinstance(year, str):  # a run of empty years: a mark on the axis, the years in its title
            parts.append(f'<text class="chart__year" x="{centre}" y="{HEIGHT - 6}" text-anchor="middle">…</text>')
        elif (len(counts) - 1 - i) % every == 0:  # counted back from the newest year, which always has one
            parts.append(f'<text class="chart__year" x="{centre}" y="{HEIGHT - 6}" text-anchor="middle">{year}</text>')
    parts.append(f'<line class="chart__axis" x1="{SIDE}" y1="{baseline}" x2="{width - SIDE}" y2="{baseline}"/>')
    parts.append("</svg>")
    rows = "".join(f"<tr><td>{year}</td><td>{count}</td></tr>" for year, count in counts)
    table = (f'<div class="visually-hidden"><table class="chart__table"><caption>{name}</caption><thead><tr><th scope="col">Year</th>'
             f'<th scope="col">{escape(noun.capitalize())}s</th></tr></thead><tbody>{rows}</tbody></table></div>')
    figcaption = f"<figcaption>{escape(label)}</figcaption>" if caption else ""
    return f'<figure class="chart">\n{"".join(parts)}\n{figcaption}{table}\n</figure>'
