// An on-disk sort for passes over a whole corpus (the clustering pass's event mentions): rows go
// into a scratch SQLite file in any order and come back sorted, so the mentions of a million
// documents never sit in memory together. SQLite's sorter does the external merge sort in temp
// files; the scratch file is its own database, not the corpus's, so it serves the PostgreSQL
// store too, and it is deleted on close.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const BATCH = 5000;

/** A scratch SQLite file in a private directory under `dir`; no journal, no fsync, temp files on disk. */
function openScratch(dir: string, prefix: string, schema: string): { db: Database.Database; dir: string } {
  const own = mkdtempSync(join(dir, prefix));
  const db = new Database(join(own, 'scratch.db'));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  // the sorter's temp files go to disk, not the heap
  db.pragma('temp_store = FILE');
  db.pragma('cache_size = -32768');
  db.exec(schema);
  return { db, dir: own };
}

function closeScratch(db: Database.Database, dir: string): void {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

const scratchDir = (): string => process.env.FAULTLINE_TMPDIR ?? tmpdir();

export interface SpillRow {
  /** sort columns, compared in this order */
  key: number;
  tier: number;
  day: number;
  doc: string;
  idx: number;
  payload: string;
}

export class SortSpill {
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly range: Database.Statement;
  private nextRow = 1;
  /** rows added but not yet written: written in one transaction per BATCH */
  private pending: SpillRow[] = [];

  private constructor(private readonly db: Database.Database, private readonly dir: string) {
    this.insert = this.db.prepare('INSERT INTO spill VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.update = this.db.prepare('UPDATE spill SET key = ?, tier = ?, day = ?, doc = ?, idx = ?, payload = ? WHERE id = ?');
    this.range = this.db.prepare('SELECT id, payload FROM spill WHERE id >= ? AND id < ? ORDER BY id');
  }

  /** A new, empty spill in a private directory under `dir` (default: the OS temp directory). */
  static open(dir = scratchDir()): SortSpill {
    const scratch = openScratch(dir, 'faultline-spill-',
      'CREATE TABLE spill (id INTEGER PRIMARY KEY, key REAL, tier INTEGER, day INTEGER, doc TEXT, idx INTEGER, payload TEXT)');
    return new SortSpill(scratch.db, scratch.dir);
  }

  /** the row number the next added row gets; rows are numbered from 1 in the order added */
  get next(): number {
    return this.nextRow;
  }

  add(rows: SpillRow[]): void {
    for (const r of rows) {
      this.pending.push(r);
      this.nextRow++;
    }
    if (this.pending.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (!this.pending.length) return;
    const first = this.nextRow - this.pending.length;
    this.db.transaction(() => {
      this.pending.forEach((r, i) => this.insert.run(first + i, r.key, r.tier, r.day, r.doc, r.idx, r.payload));
    })();
    this.pending = [];
  }

  /** Rows numbered from `from` to before `to`, with their numbers. */
  rows(from: number, to: number): { id: number; payload: string }[] {
    this.flush();
    return this.range.all(from, to) as { id: number; payload: string }[];
  }

  replace(id: number, r: SpillRow): void {
    this.flush();
    this.update.run(r.key, r.tier, r.day, r.doc, r.idx, r.payload, id);
  }

  /** Every payload in sort order. Nothing else may use the spill while this runs. */
  *sorted(): IterableIterator<string> {
    for (const r of this.sortedRows()) yield r.payload;
  }

  /** Every row in sort order, with its number. Nothing else may use the spill while this runs. */
  *sortedRows(): IterableIterator<{ id: number; payload: string }> {
    this.flush();
    const stmt = this.db.prepare('SELECT id, payload FROM spill ORDER BY key, tier, day, doc, idx');
    for (const r of stmt.iterate()) yield r as { id: number; payload: string };
  }

  close(): void {
    closeScratch(this.db, this.dir);
  }
}

export interface RowAssignment {
  documentId: string;
  index: number;
  clusterId: string;
}

/**
 * Results keyed by a SortSpill row number, collected in any order and read back in row order.
 * The clustering pass finishes clusters in time order, which scatters its writes over the whole
 * events table; read back in row order (the order documents were read, which is the store's
 * order) they touch the table front to back instead, which on a corpus larger than the page
 * cache is the difference between a random read per event and a sequential pass. Its own file:
 * the SortSpill's connection is busy iterating while these are written.
 */
export class RowOrderSpill {
  private readonly insert: Database.Statement;
  private pending: [number, RowAssignment][] = [];
  private count = 0;

  private constructor(private readonly db: Database.Database, private readonly dir: string) {
    this.insert = this.db.prepare('INSERT INTO rows VALUES (?, ?, ?, ?)');
  }

  static open(dir = scratchDir()): RowOrderSpill {
    const scratch = openScratch(dir, 'faultline-rows-', 'CREATE TABLE rows (id INTEGER PRIMARY KEY, doc TEXT NOT NULL, idx INTEGER NOT NULL, cluster TEXT NOT NULL)');
    return new RowOrderSpill(scratch.db, scratch.dir);
  }

  get size(): number {
    return this.count;
  }

  add(row: number, a: RowAssignment): void {
    this.pending.push([row, a]);
    this.count++;
    if (this.pending.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (!this.pending.length) return;
    this.db.transaction(() => {
      for (const [row, a] of this.pending) this.insert.run(row, a.documentId, a.index, a.clusterId);
    })();
    this.pending = [];
  }

  /** Every assignment in row order, `batch` at a time. */
  *inRowOrder(batch = BATCH): IterableIterator<RowAssignment[]> {
    this.flush();
    const stmt = this.db.prepare('SELECT doc AS documentId, idx AS "index", cluster AS clusterId FROM rows ORDER BY id');
    let out: RowAssignment[] = [];
    for (const r of stmt.iterate()) {
      out.push(r as RowAssignment);
      if (out.length >= batch) {
        yield out;
        out = [];
      }
    }
    if (out.length) yield out;
  }

  close(): void {
    closeScratch(this.db, this.dir);
  }
}
