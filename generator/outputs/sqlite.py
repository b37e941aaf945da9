"""The archive as a SQLite database, built with the standard library.

Tables: readouts, archived_copies, inferred, officials, official_aliases, positions,
initiatives, publishers (with the side each speaks for), events (every event, a single account's too,
with its coverage as the coverage page counts it), readout_officials (each participant
with the positions held that day, and each official the text mentions), readout_initiatives,
paragraphs (each numbered paragraph with its speaker), paragraph_initiatives (each initiative a
paragraph names, with its speaker: who raised it), formulations, formulation_variants, formulation_forms
(each formulation's forms in other languages), readout_versions (each readout's other language versions),
formulation_uses (each paragraph that uses a formulation, with its speaker and their side), and
readouts_fts (FTS5 over the readouts' titles, texts and names, folded as the site's search folds
them: generator/outputs/search_sql.py; its rowid is the readout's). Values
go in through parameters only. The same archive gives the same bytes: the rows go in in a fixed
order into a fresh file with a fixed page size, which is then vacuumed; the header records no
time, and only the library's version number.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..core.model import BOTH_SIDES, Archive, Readout
from ..pages.addresses import page_url
from ..pages.coverage import coverage_class
from .formulations import paragraph_speaker
from .records import iso
from .search_sql import FTS_SCHEMA, insert_full_text

SCHEMA = """
CREATE TABLE readouts (
  id TEXT PRIMARY KEY, title TEXT NOT NULL, headline TEXT, title_supplied INTEGER NOT NULL,
  date TEXT NOT NULL, published TEXT, added TEXT, updated TEXT,
  kind TEXT NOT NULL, venue TEXT, occasion TEXT,
  publisher TEXT NOT NULL, publisher_id TEXT REFERENCES publishers(id), publisher_identified INTEGER NOT NULL,
  side TEXT, source_url TEXT, captured TEXT,
  language TEXT NOT NULL, notes TEXT, event_id TEXT REFERENCES events(id), page TEXT NOT NULL,
  text_markdown TEXT NOT NULL, text_plain TEXT NOT NULL,
  version_of TEXT REFERENCES readouts(id),  -- the tie to the same readout in another language, as written
  translation_of TEXT REFERENCES readouts(id)  -- the original, when this text is a translation of one in the archive
);
-- a readout's language versions: a row for each other version of it (both ways)
CREATE TABLE readout_versions (readout_id TEXT NOT NULL REFERENCES readouts(id),
                               version_id TEXT NOT NULL REFERENCES readouts(id), language TEXT NOT NULL);
CREATE TABLE archived_copies (readout_id TEXT NOT NULL REFERENCES readouts(id), url TEXT NOT NULL);
CREATE TABLE source_events (readout_id TEXT NOT NULL REFERENCES readouts(id), date TEXT NOT NULL, state TEXT NOT NULL,
  url TEXT, sentences_added TEXT, sentences_removed TEXT, note TEXT);
CREATE TABLE inferred (readout_id TEXT NOT NULL REFERENCES readouts(id), field TEXT NOT NULL, basis TEXT NOT NULL);
CREATE TABLE officials (id TEXT PRIMARY KEY, name TEXT NOT NULL, native TEXT, country TEXT, page TEXT NOT NULL);
CREATE TABLE official_aliases (official_id TEXT NOT NULL REFERENCES officials(id), alias TEXT NOT NULL);
CREATE TABLE positions (official_id TEXT NOT NULL REFERENCES officials(id), title TEXT NOT NULL,
                        start TEXT, "end" TEXT);
CREATE TABLE initiatives (id TEXT PRIMARY KEY, name TEXT NOT NULL, short TEXT, kind TEXT, since INTEGER,
                          summary TEXT, page TEXT NOT NULL);
CREATE TABLE publishers (id TEXT PRIMARY KEY, name TEXT NOT NULL, native TEXT, country TEXT, kind TEXT,
                         identified INTEGER NOT NULL, note TEXT);
-- every meeting, call or message, a single account's too; coverage is what the coverage page counts
CREATE TABLE events (id TEXT PRIMARY KEY, date TEXT NOT NULL, kind TEXT NOT NULL, accounts INTEGER NOT NULL,
                     coverage TEXT,  -- 'both sides', 'China' or 'Iran' (that side's account only), NULL: no known side
                     page TEXT NOT NULL);  -- the event's page, or its one account's
CREATE TABLE readout_officials (
  readout_id TEXT NOT NULL REFERENCES readouts(id), official_id TEXT NOT NULL REFERENCES officials(id),
  role TEXT NOT NULL CHECK (role IN ('participant', 'mentioned')),
  positions TEXT  -- for a participant: the positions held on the day of the meeting, joined with "; "
);
CREATE TABLE readout_initiatives (readout_id TEXT NOT NULL REFERENCES readouts(id),
                                  initiative_id TEXT NOT NULL REFERENCES initiatives(id));
CREATE TABLE formulations (id TEXT PRIMARY KEY, name TEXT NOT NULL, summary TEXT, page TEXT NOT NULL);
CREATE TABLE formulation_variants (formulation_id TEXT NOT NULL REFERENCES formulations(id), variant TEXT NOT NULL);
CREATE TABLE formulation_forms (formulation_id TEXT NOT NULL REFERENCES formulations(id), language TEXT NOT NULL,
                                form TEXT NOT NULL);
CREATE TABLE paragraphs (  -- the numbered paragraphs: page#p<number> links to one
  readout_id TEXT NOT NULL REFERENCES readouts(id), number INTEGER NOT NULL,
  speaker_id TEXT REFERENCES officials(id), both_sides INTEGER NOT NULL,  -- the speaker, where the text says
  PRIMARY KEY (readout_id, number)
);
-- a use carries its paragraph's speaker and their side, so that counting by side needs no join
CREATE TABLE formulation_uses (
  readout_id TEXT NOT NULL, paragraph INTEGER NOT NULL, formulation_id TEXT NOT NULL REFERENCES formulations(id),
  speaker_id TEXT REFERENCES officials(id),  -- NULL when both sides speak or the text names no speaker
  speaker TEXT,  -- the official's name, 'both sides', or NULL
  side TEXT,  -- the country the speaker speaks for; the account's own side is readouts.side
  PRIMARY KEY (readout_id, paragraph, formulation_id),
  FOREIGN KEY (readout_id, paragraph) REFERENCES paragraphs(readout_id, number)
);
-- who raised what: each initiative a paragraph names (of those the readout lists), with the paragraph's speaker
CREATE TABLE paragraph_initiatives (
  readout_id TEXT NOT NULL, paragraph INTEGER NOT NULL, initiative_id TEXT NOT NULL REFERENCES initiatives(id),
  speaker_id TEXT REFERENCES officials(id),  -- NULL when both sides speak or the text names no speaker
  speaker TEXT,  -- the official's name, 'both sides' (each participant raises it), or NULL
  side TEXT,  -- the country the speaker speaks for
  PRIMARY KEY (readout_id, paragraph, initiative_id),
  FOREIGN KEY (readout_id, paragraph) REFERENCES paragraphs(readout_id, number)
);
CREATE INDEX readout_officials_by_official ON readout_officials(official_id);
CREATE INDEX readout_initiatives_by_initiative ON readout_initiatives(initiative_id);
CREATE INDEX paragraph_initiatives_by_initiative ON paragraph_initiatives(initiative_id);
CREATE INDEX formulation_uses_by_formulation ON formulation_uses(formulation_id);
CREATE INDEX paragraphs_by_speaker ON paragraphs(speaker_id);
"""


def _insert(db: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)  # table names are this module's own


# The tables made from the registries and the events, rewritten whole when the file is updated.
REGISTRY_TABLES = ("officials", "official_aliases", "positions", "initiatives", "publishers", "events", "formulations",
                   "formulation_variants", "formulation_forms")


def insert_registries(db: sqlite3.Connection, archive: Archive, site: dict) -> None:
    _insert(db, "officials", [(o.slug, o.name, o.native, o.country, page_url(site, o)) for o in archive.officials])
    _insert(db, "official_aliases", [(o.slug, alias) for o in archive.officials for alias in o.aliases])
    _insert(db, "positions", [(o.slug, p.title, iso(p.start), iso(p.end))
                              for o in archive.officials for p in o.positions])
    _insert(db, "initiatives", [(i.slug, i.name, i.short or None, i.kind, i.since, i.summary, page_url(site, i))
                                for i in archive.initiatives])
    _insert(db, "publishers", [(p.slug, p.name, p.native or None, p.country or None, p.kind, int(p.identified),
                                 p.note or None) for p in archive.publishers])
    _insert(db, "events", [(e.slug, e.date.isoformat(), e.kind, len(e.readouts), coverage_class(e) or None,
                            page_url(site, e if e.has_page else e.readouts[0])) for e in archive.all_events])
    _insert(db, "formulations", [(f.slug, f.name, f.summary or None, page_url(site, f)) for f in archive.formulations])
    _insert(db, "formulation_variants", [(f.slug, variant) for f in archive.formulations for variant in f.variants])
    _insert(db, "formulation_forms", [(f.slug, language, form) for f in archive.formulations
                                      for language, forms in f.forms for form in forms])


# The tables with rows for each readout, in the order they are filled; with their readout's id in readout_id.
READOUT_TABLES = ("readout_versions", "archived_copies", "source_events", "inferred", "readout_officials",
                  "readout_initiatives", "paragraphs", "formulation_uses", "paragraph_initiatives")


def readout_row(r: dict, event_id: str) -> tuple:
    """The readout's row of `readouts`, from its record (the JSON download's)."""
    source = r["source"]
    return (r["id"], r["title"], r["headline"], int(r["title_supplied"]), r["date"], r["published"], r["added"],
            r["updated"], r["kind"], r["venue"], r["occasion"], source["publisher"], source["publisher_id"],
            int(source["publisher_identified"]), source["side"], source["url"], source["captured"],
            source["language"], r["notes"], event_id, r["page"], r["text_markdown"], r["text_plain"],
            r["version_of"], r["translation_of"])


def other_rows(r: dict, readout: Readout) -> dict[str, list[tuple]]:
    """The readout's rows of every other table that has rows for each readout (READOUT_TABLES)."""
    source, rid = r["source"], r["id"]
    return {
        "readout_versions": [(rid, v["id"], v["language"]) for v in r["versions"]],
        "archived_copies": [(rid, url) for url in source["archived"]],
        "source_events": [(rid, e["date"], e["state"], e["url"], "\n".join(e["added"]) or None,
                           "\n".join(e["removed"]) or None, e["note"]) for e in source["events"]],
        "inferred": [(rid, field, basis) for field, basis in r["inferred"].items()],
        "readout_officials": [(rid, p["id"], "participant", "; ".join(p["positions"])) for p in r["participants"]]
        + [(rid, m["id"], "mentioned", None) for m in r["mentioned"]],
        "readout_initiatives": [(rid, i["id"]) for i in r["initiatives"]],
        "paragraphs": [(rid, p["number"], None if p["speaker"] in (None, BOTH_SIDES) else p["speaker"],
                        int(p["speaker"] == BOTH_SIDES)) for p in r["paragraphs"]],
        **_paragraph_relations(readout),
    }


def _paragraph_relations(readout: Readout) -> dict[str, list[tuple]]:
    """A row per paragraph and formulation it uses, and per paragraph and initiative it names, in the
    text's order, each with the paragraph's speaker."""
    uses, raised = [], []
    for paragraph in readout.paragraphs:
        speaker = paragraph_speaker(paragraph) or {"name": None, "slug": None, "side": None}
        who = (speaker["slug"], speaker["name"], speaker["side"] or None)
        uses += [(readout.id, paragraph.number, formulation.slug, *who) for formulation in paragraph.formulations]
        raised += [(readout.id, paragraph.number, initiative.slug, *who) for initiative in paragraph.initiatives]
    return {"formulation_uses": uses, "paragraph_initiatives": raised}


def insert_readouts(db: sqlite3.Connection, pairs: Iterable[tuple[dict, Readout]], event_of: dict[str, str]) -> None:
    """One pass over the records, each with its readout: each readout's row goes in as its record is
    made (the texts are most of the file), its other rows once every readout's is in, table by table."""
    rows: dict[str, list[tuple]] = {table: [] for table in READOUT_TABLES}
    for record, readout in pairs:
        _insert(db, "readouts", [readout_row(record, event_of[record["id"]])])
        for table, found in other_rows(record, readout).items():
            rows[table] += found
    for table in READOUT_TABLES:
        _insert(db, table, rows[table])


def event_ids(archive: Archive) -> dict[str, str]:
    """The event of each readout, by the readout's id."""
    return {r.id: e.slug for e in archive.all_events for r in e.readouts}


def sqlite_pieces(archive: Archive, records: Iterable[dict], site: dict, size: int = 1 << 20) -> Iterator[bytes]:
    """The database file, made in a temporary folder, then given a megabyte at a time."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "readouts.sqlite"
        make_database(path, archive, records, site)
        yield from file_pieces(path, size)


def make_database(path: Path, archive: Archive, records: Iterable[dict], site: dict) -> None:
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA page_size = 4096")
        db.execute("PRAGMA journal_mode = OFF")
        with db:
            db.executescript(SCHEMA + FTS_SCHEMA)  # the full-text table: search_sql.py
            insert_registries(db, archive, site)
            insert_readouts(db, zip(records, archive.readouts, strict=True), event_ids(archive))
            insert_full_text(db, archive)
        db.execute("VACUUM")
    finally:
        db.close()


def file_pieces(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    with open(path, "rb") as made:
        while piece := made.read(size):
            yield piece


def readouts_sqlite(archive: Archive, records: Iterable[dict], site: dict) -> bytes:
    """The database file's bytes."""
    return b"".join(sqlite_pieces(archive, records, site))
