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
  /* clusters of event mentions, near-duplicate signatures, reference events (ACLED, UCDP) */ `
  CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    date_from TEXT,
    date_to TEXT,
    place_id TEXT,
    place_name TEXT,
    lat REAL,
    lon REAL,
    region TEXT,
    mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    camps TEXT NOT NULL,
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
    lat REAL NOT NULL,
    lon REAL NOT NULL,
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
  ) WITHOUT ROWID;
  CREATE INDEX reference_cell_day ON reference_events(cell, day_from);
  CREATE INDEX reference_day ON reference_events(day_from);
  `,
  /* 3: the workbench at scale: running totals kept by triggers (places, actors, agent → target
     edges, events per month × type × camp) so corpus-wide lists need not aggregate millions of
     rows per request, and indexes for the document filters and claim sorts */ `
  CREATE TABLE place_totals (
    place_id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT, kind TEXT NOT NULL, lat REAL, lon REAL, region TEXT,
    documents INTEGER NOT NULL, mentions INTEGER NOT NULL
  );
  CREATE INDEX place_totals_mentions ON place_totals(mentions DESC, place_id);
  INSERT INTO place_totals SELECT place_id, name, country, kind, lat, lon, region, count(*), sum(mentions) FROM places GROUP BY place_id;
  CREATE TRIGGER places_total_add AFTER INSERT ON places BEGIN
    INSERT INTO place_totals VALUES (new.place_id, new.name, new.country, new.kind, new.lat, new.lon, new.region, 1, new.mentions)
      ON CONFLICT(place_id) DO UPDATE SET documents = documents + 1, mentions = mentions + excluded.mentions;
  END;
  CREATE TRIGGER places_total_remove AFTER DELETE ON places BEGIN
    UPDATE place_totals SET documents = documents - 1, mentions = mentions - old.mentions WHERE place_id = old.place_id;
    DELETE FROM place_totals WHERE place_id = old.place_id AND documents <= 0;
  END;

  CREATE TABLE actor_totals (
    actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, affiliation TEXT NOT NULL, documents INTEGER NOT NULL, mentions INTEGER NOT NULL, labels INTEGER NOT NULL
  );
  CREATE INDEX actor_totals_mentions ON actor_totals(mentions DESC, actor_id);
  CREATE INDEX actor_totals_affiliation ON actor_totals(affiliation, mentions DESC);
  INSERT INTO actor_totals SELECT actor_id, name, affiliation, count(*), sum(mentions), sum(labels) FROM actors GROUP BY actor_id;
  CREATE TRIGGER actors_total_add AFTER INSERT ON actors BEGIN
    INSERT INTO actor_totals VALUES (new.actor_id, new.name, new.affiliation, 1, new.mentions, new.labels)
      ON CONFLICT(actor_id) DO UPDATE SET documents = documents + 1, mentions = mentions + excluded.mentions, labels = labels + excluded.labels;
  END;
  CREATE TRIGGER actors_total_remove AFTER DELETE ON actors BEGIN
    UPDATE actor_totals SET documents = documents - 1, mentions = mentions - old.mentions, labels = labels - old.labels WHERE actor_id = old.actor_id;
    DELETE FROM actor_totals WHERE actor_id = old.actor_id AND documents <= 0;
  END;

  CREATE TABLE edge_totals (agent TEXT NOT NULL, target TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (agent, target)) WITHOUT ROWID;
  CREATE INDEX edge_totals_count ON edge_totals(count DESC);
  INSERT INTO edge_totals SELECT agent, target, count(*) FROM events WHERE agent IS NOT NULL AND target IS NOT NULL GROUP BY agent, target;

  CREATE TABLE event_months (
    month TEXT NOT NULL, type TEXT NOT NULL, camp TEXT NOT NULL, count INTEGER NOT NULL, fatalities INTEGER NOT NULL,
    PRIMARY KEY (month, type, camp)
  ) WITHOUT ROWID;
  INSERT INTO event_months SELECT substr(e.date, 1, 7), e.type, coalesce(d.camp, 'unclear'), count(*), coalesce(sum(e.fatalities), 0)
    FROM events e JOIN documents d ON d.rowid = e.doc WHERE e.date IS NOT NULL AND length(e.date) >= 7 GROUP BY 1, 2, 3;

  CREATE TRIGGER events_total_add AFTER INSERT ON events BEGIN
    INSERT INTO edge_totals SELECT new.agent, new.target, 1 WHERE new.agent IS NOT NULL AND new.target IS NOT NULL
      ON CONFLICT(agent, target) DO UPDATE SET count = count + 1;
    INSERT INTO event_months SELECT substr(new.date, 1, 7), new.type, coalesce((SELECT camp FROM documents WHERE rowid = new.doc), 'unclear'), 1, coalesce(new.fatalities, 0)
      WHERE new.date IS NOT NULL AND length(new.date) >= 7
      ON CONFLICT(month, type, camp) DO UPDATE SET count = count + 1, fatalities = fatalities + excluded.fatalities;
  END;
  CREATE TRIGGER events_total_remove AFTER DELETE ON events BEGIN
    UPDATE edge_totals SET count = count - 1 WHERE agent = old.agent AND target = old.target;
    DELETE FROM edge_totals WHERE agent = old.agent AND target = old.target AND count <= 0;
    UPDATE event_months SET count = count - 1, fatalities = fatalities - coalesce(old.fatalities, 0)
      WHERE month = substr(old.date, 1, 7) AND type = old.type
        AND camp = coalesce((SELECT camp FROM documents WHERE rowid = old.doc), 'unclear');
    DELETE FROM event_months WHERE count <= 0;
  END;
  -- a document's events go before the document itself, so the trigger above still sees its camp
  CREATE TRIGGER documents_events_first BEFORE DELETE ON documents BEGIN
    DELETE FROM events WHERE doc = old.rowid;
  END;

  CREATE INDEX places_name ON places(name);
  CREATE INDEX actors_name ON actors(name);
  CREATE INDEX claims_value ON claims(value);
  CREATE INDEX documents_camp_published ON documents(camp, published);
  CREATE INDEX documents_outlet_published ON documents(outlet, published);
  CREATE INDEX events_type_date ON events(type, date);
  `,
  /* 4: evidence text stored at write time: SQL substr() counts code points, not the UTF-16
     units of our offsets, so it drifts after an emoji; old rows keep the substr() fallback */ `
  ALTER TABLE events ADD COLUMN evidence TEXT;
  ALTER TABLE claims ADD COLUMN evidence TEXT;
  `,
  /* 5: the running totals are added once per write batch by the write path (totals-writer.ts):
     the per-row insert triggers cost a third of the store's write time. Deletes keep theirs. */ `
  DROP TRIGGER places_total_add;
  DROP TRIGGER actors_total_add;
  DROP TRIGGER events_total_add;
  `,
  /* 6: a cluster's events newest first straight from an index: at a million documents one
     event is retold tens of thousands of times, and sorting them all took most of a dossier */ `
  CREATE INDEX events_cluster_date ON events(cluster_id, date, doc, idx);
  DROP INDEX events_cluster;
  `,
  /* 7: indexes that are a prefix of another (events_type_date, documents_camp_published,
     documents_outlet_published) serve no query the longer one does not, and every write paid
     for them */ `
  DROP INDEX events_type;
  DROP INDEX documents_camp;
  DROP INDEX documents_outlet;
  `,
];
