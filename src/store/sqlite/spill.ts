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
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly range: Database.Statement;
  private nextRow = 1;
  /** rows added but not yet written: written in one transaction per BATCH */
  private pending: SpillRow[] = [];

  private constructor(private readonly dir: string) {
    this.db = new Database(join(dir, 'spill.db'));
    // scratch data: no journal, no fsync; the sorter's temp files go to disk, not the heap
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('temp_store = FILE');
    this.db.pragma('cache_size = -32768');
    this.db.exec('CREATE TABLE spill (id INTEGER PRIMARY KEY, key REAL, tier INTEGER, day INTEGER, doc TEXT, idx INTEGER, payload TEXT)');
    this.insert = this.db.prepare('INSERT INTO spill VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.update = this.db.prepare('UPDATE spill SET key = ?, tier = ?, day = ?, doc = ?, idx = ?, payload = ? WHERE id = ?');
    this.range = this.db.prepare('SELECT id, payload FROM spill WHERE id >= ? AND id < ? ORDER BY id');
  }

  /** A new, empty spill in a private directory under `dir` (default: the OS temp directory). */
  static open(dir = process.env.FAULTLINE_TMPDIR ?? tmpdir()): SortSpill {
    return new SortSpill(mkdtempSync(join(dir, 'faultline-spill-')));
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
    this.flush();
    const stmt = this.db.prepare('SELECT payload FROM spill ORDER BY key, tier, day, doc, idx').pluck();
    for (const payload of stmt.iterate()) yield payload as string;
  }

  close(): void {
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
