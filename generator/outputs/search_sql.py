"""The SQLite download's full-text table (readouts_fts), made to find what the site's search finds.

FTS5's own tokenizers cannot: unicode61 takes a run of Chinese characters as one word, so a name
inside running text is never found, and it treats Arabic and Persian forms of a letter (ي and ی,
ك and ک) as different letters. So the table indexes each readout as the site's search does
(generator/outputs/search_text.py): folded (case, accents, Persian letter forms, no diacritics or
kashida, ASCII digits) and cut into the site's terms, Chinese as overlapping character pairs.
Its columns: `title`; `text`, the body and the names of the officials it mentions; `names`, what
the site counts as a title besides it (kind, date words, venue, occasion, publisher, every name of
the participants and initiatives). A query is written the same way: `match_expression` turns a
reader's words into one, and the data page shows it by hand ("习近平" is "习近 近平").
"""

from __future__ import annotations

from ..core.model import Archive, Readout
from ..core.remembered import per_readout
from .search import body_text, strong_text
from .search_text import tokens

FTS_SCHEMA = ("CREATE VIRTUAL TABLE readouts_fts USING fts5(title, text, names, content='', "
              "tokenize='unicode61 remove_diacritics 2');")


def folded(text: str) -> str:
    """A text as the site's search indexes it, its terms joined by spaces."""
    return " ".join(tokens(text))


@per_readout
def fts_row(readout: Readout) -> tuple[str, str, str]:
    facts = strong_text(readout).removeprefix(readout.title)
    return folded(readout.title), folded(body_text(readout)), folded(facts)


def insert_full_text(db, archive: Archive) -> None:
    """A row of readouts_fts for each readout, under the readout's own rowid."""
    rowids = dict(db.execute("SELECT id, rowid FROM readouts"))
    db.executemany("INSERT INTO readouts_fts(rowid, title, text, names) VALUES (?, ?, ?, ?)",
                   ((rowids[r.id], *fts_row(r)) for r in archive.readouts))


def match_expression(query: str) -> str:
    """A reader's query as an FTS5 MATCH expression that holds every word, folded as the table is;
    a word cut into Chinese pairs is a phrase of them."""
    terms = []
    for word in query.split():
        parts = tokens(word, query=True)
        if parts:
            terms.append('"' + " ".join(parts) + '"')
    return " AND ".join(terms)
