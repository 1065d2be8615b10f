// The command line end to end, through the compiled CLI exactly as users run it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../helpers.js';

const tmp = tempDir();
const db = join(tmp.dir, 'cli.db');
const corpus = join(tmp.dir, 'corpus');

function faultline(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  mkdirSync(join(corpus, 'nested'), { recursive: true });
  writeFileSync(join(corpus, 'wire.txt'), 'Shelling hits Idlib\n\nIDLIB, 4 May 2019 — At least 9 civilians were killed when shells hit a market in Idlib, the Syrian Observatory for Human Rights said.\n');
  writeFileSync(join(corpus, 'nested', 'page.html'), '<html><head><title>Raqqa report</title><meta property="og:site_name" content="Example News"></head><body><article><h1>Raqqa report</h1><p>Fighting continued near Raqqa on Sunday, residents said. Dozens of families fled the city towards the north.</p><p>The coalition said air strikes hit positions of the Islamic State group.</p></article></body></html>');
  writeFileSync(join(corpus, 'rows.csv'), 'id,title,text,date,source\nr1,Aleppo,"Government forces advanced in eastern Aleppo, state media said.",12/13/16,SANA\nr2,Douma,"Rescuers said 40 people died in Douma.",4/8/18,Reuters\n');
  writeFileSync(join(corpus, 'empty.txt'), '');
});
afterAll(() => tmp.cleanup());

describe('faultline CLI', () => {
  it('has --help on every command', () => {
    for (const cmd of ['analyze', 'export', 'show', 'stats', 'demo']) {
      const r = faultline([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain('Usage: faultline');
    }
  });

  it('exits 2 on usage errors and writes nothing', () => {
    expect(faultline(['nonsense']).code).toBe(2);
    expect(faultline(['analyze']).code).toBe(2);
    const r = faultline(['analyze', corpus, '--pack', 'atlantis', '--db', join(tmp.dir, 'never.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown pack "atlantis"/);
  });

  it('analyses a folder, names rejected inputs and exits 1, keeping the rest', () => {
    const r = faultline(['analyze', corpus, '--db', db, '--quiet']);
    expect(r.stderr).toMatch(/rejected .*empty\.txt: .+/);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/added 4\b/);
  });

  it('adds nothing twice when re-run on the same content', () => {
    const r = faultline(['analyze', corpus, '--db', db, '--quiet', '--json']);
    const summary = JSON.parse(r.stdout.trim().split('\n').pop()!) as { added: number; skipped: number };
    expect(summary.added).toBe(0);
    expect(summary.skipped).toBe(4);
  });

  it('reads standard input with -', () => {
    const r = faultline(['analyze', '-', '--db', db, '--quiet', '--json'], 'Protesters gathered in Daraa on Friday, witnesses said.\n');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout.trim()) as { added: number }).added).toBe(1);
  });

  it('exports JSONL with CSV row metadata mapped, and shows a document', () => {
    const r = faultline(['export', '--db', db, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; externalId: string | null; outlet: string | null; published: string | null; title: string | null });
    expect(docs).toHaveLength(5);
    const row = docs.find((d) => d.externalId === 'r1');
    expect(row).toMatchObject({ outlet: 'SANA', published: '2016-12-13', title: 'Aleppo' });
    const shown = faultline(['show', row!.id, '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Aleppo');
    expect(faultline(['show', 'ffffffffffffffff', '--db', db]).code).toBe(1);
  });

  it('exports CSV and GeoJSON, and prints stats', () => {
    expect(faultline(['export', '--db', db, '--format', 'csv']).stdout.split('\n')[0]).toContain('document_id');
    const geo = JSON.parse(faultline(['export', '--db', db, '--format', 'geojson']).stdout) as { type: string };
    expect(geo.type).toBe('FeatureCollection');
    expect(faultline(['export', '--db', db, '--format', 'pdf']).code).toBe(2);
    const stats = faultline(['stats', '--db', db]);
    expect(stats.stdout).toMatch(/documents 5/);
  });

  it('tells the user how to create a database that does not exist', () => {
    const r = faultline(['stats', '--db', join(tmp.dir, 'missing.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/faultline analyze/);
  });
});
