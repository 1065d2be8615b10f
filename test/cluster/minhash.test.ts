import { describe, expect, it } from 'vitest';
import { DuplicateFinder } from '../../src/cluster/duplicates.js';
import { bands, minhash, MIN_SIMILARITY, similarity } from '../../src/cluster/minhash.js';
import { proopp, reprint, wire } from './fixtures.js';

describe('MinHash near-duplicates', () => {
  it('finds a reprint with its own header and footer, and a one-word edit, but not another story', () => {
    const a = minhash(wire().text)!;
    expect(a).toMatch(/^[0-9a-f]{256}$/);
    expect(similarity(a, minhash(reprint().text)!)).toBe(1);
    const edited = wire().text.replace('on Monday', 'on Sunday');
    expect(similarity(a, minhash(edited)!)).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(similarity(a, minhash(proopp().text.repeat(2))!)).toBeLessThan(0.2);
  });

  it('does not sign texts too short to call reprints', () => {
    expect(minhash('Shelling hit Aleppo.')).toBeNull();
  });

  it('gives similar texts a common LSH band', () => {
    const a = bands(minhash(wire().text)!);
    const b = bands(minhash(wire().text.replace('on Monday', 'on Sunday'))!);
    expect(a).toHaveLength(16);
    expect(a.filter((x) => b.includes(x)).length).toBeGreaterThan(0);
  });

  it('keeps the earliest published document as the original', () => {
    const f = new DuplicateFinder();
    const sig = minhash(wire().text);
    f.add({ documentId: 'late', signature: sig, published: '2016-12-13', order: 0 });
    f.add({ documentId: 'early', signature: sig, published: '2016-12-12', order: 1 });
    f.add({ documentId: 'other', signature: minhash(proopp().text.repeat(2)), published: '2016-12-12', order: 2 });
    f.add({ documentId: 'short', signature: null, published: null, order: 3 });
    expect([...f.duplicates()]).toEqual([['late', 'early']]);
  });
});

describe('DuplicateFinder at scale', () => {
  it('finds the reprint pairs among 5,000 documents without comparing all pairs', () => {
    const words = 'army rebels shelling aleppo idlib civilians killed wounded monitor said town district strike convoy aid ceasefire talks russia turkey'.split(' ');
    let seed = 7;
    const rnd = (): number => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    const story = (): string => Array.from({ length: 60 }, () => words[Math.floor(rnd() * words.length)]).join(' ');
    const f = new DuplicateFinder();
    const stories: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const text = i % 100 === 99 ? `${stories[i - 1]!} Share this.` : story();
      stories.push(text);
      f.add({ documentId: `d${i}`, signature: minhash(text), published: null, order: i });
    }
    const t0 = performance.now();
    const dups = f.duplicates();
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(dups.size).toBe(50);
    expect(dups.get('d99')).toBe('d98');
  });
});
