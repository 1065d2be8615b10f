// Versioned schema migrations, applied in order and recorded in PRAGMA user_version.
// Append new migrations; never edit one that has shipped.
export const migrations: string[] = [
  /* 1: documents, their findings as queryable rows, and the full-text index */ `
  CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    external_id TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    languages TEXT NOT NULL,
    text TEXT NOT NULL,
    camp TEXT,
    pack TEXT,
    findings TEXT NOT NULL,
    analysed_at TEXT NOT NULL
  );
  CREATE INDEX documents_outlet ON documents(outlet);
  CREATE INDEX documents_camp ON documents(camp);
  CREATE INDEX documents_published ON documents(published);

  CREATE TABLE segments (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    author TEXT,
    depth INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    stance TEXT,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;

  CREATE TABLE places (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    place_id TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    kind TEXT NOT NULL,
    lat REAL,
    lon REAL,
    region TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, place_id)
  ) WITHOUT ROWID;
  CREATE INDEX places_id ON places(place_id);

  CREATE TABLE actors (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    labels INTEGER NOT NULL,
    PRIMARY KEY (doc, actor_id)
  ) WITHOUT ROWID;
  CREATE INDEX actors_id ON actors(actor_id);

  CREATE TABLE persons (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, person_id)
  ) WITHOUT ROWID;

  CREATE TABLE claims (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value REAL NOT NULL,
    approx INTEGER NOT NULL,
    counted TEXT NOT NULL,
    attributed_to TEXT,
    hedged INTEGER NOT NULL,
    rule_id TEXT,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;
  CREATE INDEX claims_counted ON claims(counted);

  CREATE TABLE events (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    type TEXT NOT NULL,
    sub_type TEXT,
    cause TEXT,
    agent TEXT,
    target TEXT,
    place_id TEXT,
    place_name TEXT,
    lat REAL,
    lon REAL,
    date TEXT,
    fatalities INTEGER,
    civilian_fatalities INTEGER,
    child_fatalities INTEGER,
    cluster_id TEXT,
    rule_id TEXT,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;
  CREATE INDEX events_place_date ON events(place_id, date);
  CREATE INDEX events_date ON events(date);
  CREATE INDEX events_cluster ON events(cluster_id);
  CREATE INDEX events_type ON events(type);

  CREATE TABLE techniques (
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    technique TEXT NOT NULL,
    confidence REAL,
    rule_id TEXT,
    PRIMARY KEY (doc, idx)
  ) WITHOUT ROWID;
  CREATE INDEX techniques_technique ON techniques(technique);

  CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
  `,
];
