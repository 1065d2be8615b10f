// Versioned schema migrations of the PostgreSQL store, applied in order and recorded in
// faultline_schema. The schema mirrors the SQLite one (src/store/sqlite/migrations.ts) with
// PostgreSQL's own tools: an identity key, a stored tsvector with a GIN index for full-text
// search, jsonb languages, and "C" collation on date strings so '2016-12' < '2016-12~' compares
// by code point as in SQLite. Event and claim evidence is stored at write time because
// PostgreSQL's substr() counts code points, not the UTF-16 units our offsets use.
// Append new migrations; never edit one that has shipped.
import type pg from 'pg';

/** Text indexed for full-text search is capped so one huge document cannot overflow a tsvector (1 MB). */
export const FTS_MAX_CHARS = 300_000;

export const migrations: string[] = [
  /* 1: documents, their findings as queryable rows, and the full-text index */ `
  CREATE TABLE documents (
    rid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    external_id TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT COLLATE "C",
    languages JSONB NOT NULL,
    text TEXT NOT NULL,
    length INTEGER NOT NULL,
    camp TEXT,
    pack TEXT,
    findings TEXT NOT NULL,
    analysed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    tsv TSVECTOR GENERATED ALWAYS AS (
      setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A') ||
      setweight(to_tsvector('simple'::regconfig, left(text, ${FTS_MAX_CHARS})), 'B')) STORED
  );
  CREATE INDEX documents_outlet ON documents(outlet);
  CREATE INDEX documents_camp ON documents(camp);
  CREATE INDEX documents_published ON documents(published);
  CREATE INDEX documents_tsv ON documents USING GIN (tsv);

  CREATE TABLE segments (
    doc BIGINT NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    author TEXT,
    depth INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    stance TEXT,
    PRIMARY KEY (doc, idx)
  );

  CREATE TABLE places (
    doc BIGINT NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    place_id TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    kind TEXT NOT NULL,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    region TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, place_id)
  );
  CREATE INDEX places_id ON places(place_id);

  CREATE TABLE actors (
    doc BIGINT NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    affiliation TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    labels INTEGER NOT NULL,
    PRIMARY KEY (doc, actor_id)
  );
  CREATE INDEX actors_id ON actors(actor_id);

  CREATE TABLE persons (
    doc BIGINT NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, person_id)
  );

  CREATE TABLE claims (
    doc BIGINT NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    approx BOOLEAN NOT NULL,
    counted TEXT NOT NULL,
    attributed_to TEXT,
    hedged BOOLEAN NOT NULL,
    rule_id TEXT,
    evidence TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
  );
  CREATE INDEX claims_counted ON claims(counted);

  CREATE TABLE events (
    doc BIGINT NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
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
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    date TEXT COLLATE "C",
    fatalities INTEGER,
    civilian_fatalities INTEGER,
    child_fatalities INTEGER,
    cluster_id TEXT,
    rule_id TEXT,
    evidence TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
  );
  CREATE INDEX events_place_date ON events(place_id, date);
  CREATE INDEX events_date ON events(date);
  CREATE INDEX events_cluster ON events(cluster_id);
  CREATE INDEX events_type ON events(type);

  CREATE TABLE techniques (
    doc BIGINT NOT NULL REFERENCES documents(rid) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    technique TEXT NOT NULL,
    confidence DOUBLE PRECISION,
    rule_id TEXT,
    PRIMARY KEY (doc, idx)
  );
  CREATE INDEX techniques_technique ON techniques(technique);
  `,
  /* 2: clusters of event mentions, near-duplicate signatures, reference events (ACLED, UCDP) */ `
  CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    date_from TEXT COLLATE "C",
    date_to TEXT COLLATE "C",
    place_id TEXT,
    place_name TEXT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    region TEXT,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    outlets JSONB NOT NULL,
    camps JSONB NOT NULL,
    earliest_document TEXT,
    earliest_published TEXT
  );
  CREATE INDEX clusters_sources ON clusters(sources);

  CREATE TABLE signatures (
    document_id TEXT PRIMARY KEY,
    simhash TEXT,
    duplicate_of TEXT
  );
  CREATE INDEX signatures_duplicate ON signatures(duplicate_of);

  CREATE TABLE reference_events (
    dataset TEXT NOT NULL,
    ref_id TEXT NOT NULL,
    day_from INTEGER NOT NULL,
    day_to INTEGER NOT NULL,
    date_from TEXT NOT NULL,
    date_to TEXT NOT NULL,
    time_precision INTEGER,
    lat DOUBLE PRECISION NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    cell INTEGER NOT NULL,
    geo_precision INTEGER,
    country TEXT,
    admin1 TEXT,
    location TEXT,
    type TEXT,
    sub_type TEXT,
    actor1 TEXT,
    actor2 TEXT,
    fatalities INTEGER,
    notes TEXT,
    PRIMARY KEY (dataset, ref_id)
  );
  CREATE INDEX reference_cell_day ON reference_events(cell, day_from);
  CREATE INDEX reference_day ON reference_events(day_from);
  `,
  /* 3: a cluster's events newest first straight from an index (as SQLite's migration 6) */ `
  CREATE INDEX events_cluster_date ON events(cluster_id, date, doc, idx);
  DROP INDEX events_cluster;
  `,
];

/**
 * Brings the schema up to date. Several processes (analysts, ingest workers on other machines)
 * may open the same database at once: an advisory lock makes exactly one of them migrate.
 */
export async function migrate(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('faultline-schema'))");
    await client.query('CREATE TABLE IF NOT EXISTS faultline_schema (version INTEGER NOT NULL)');
    const rows = (await client.query<{ version: number }>('SELECT version FROM faultline_schema')).rows;
    const current = rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(`database schema version ${current} is newer than this Faultline (${migrations.length}); upgrade Faultline`);
    }
    for (let v = current; v < migrations.length; v++) await client.query(migrations[v]!);
    if (!rows.length) await client.query('INSERT INTO faultline_schema (version) VALUES ($1)', [migrations.length]);
    else if (current !== migrations.length) await client.query('UPDATE faultline_schema SET version = $1', [migrations.length]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

/** For read-only opens: the schema must exist and not be newer than this Faultline. */
export async function checkSchema(client: pg.ClientBase): Promise<void> {
  const exists = (await client.query<{ t: string | null }>("SELECT to_regclass('faultline_schema') AS t")).rows[0]?.t;
  if (!exists) throw new Error('no Faultline schema in this PostgreSQL database. Run `faultline analyze <inputs> --db postgres://…` first.');
  const version = (await client.query<{ version: number }>('SELECT version FROM faultline_schema')).rows[0]?.version ?? 0;
  if (version > migrations.length) {
    throw new Error(`database schema version ${version} is newer than this Faultline (${migrations.length}); upgrade Faultline`);
  }
}
