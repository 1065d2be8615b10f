// Ingests the shared seeds and the FA-KES development CSV when ../shared is present.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSegments, collect, docsOf, rejectionsOf } from './helpers.js';

const shared = fileURLToPath(new URL('../../../shared', import.meta.url));
const present = existsSync(join(shared, 'corpus/seeds')) && existsSync(join(shared, 'data/fakes/fakes-dev.csv'));
if (!present) console.log(`skipping shared-data ingest test: ${shared} is absent`);

describe.skipIf(!present)('shared seeds and FA-KES', () => {
  it('ingests 3 seeds + 381 FA-KES rows with dates, segments and meta', async () => {
    const events = await collect([join(shared, 'corpus/seeds'), join(shared, 'data/fakes/fakes-dev.csv')], {
      columns: { text: 'article_content', title: 'article_title', date: 'date', source: 'source', id: 'unit_id' },
    });
    expect(rejectionsOf(events)).toEqual([]);
    const docs = docsOf(events);
    expect(docs).toHaveLength(3 + 381);
    for (const d of docs) checkSegments(d);

    const seed = (prefix: string) => docs.find((d) => d.source.includes(`/${prefix}_`));
    const s000 = seed('000');
    const s002 = seed('002');
    const s003 = seed('003');
    expect(s000?.segments.map((s) => s.kind)).toEqual(['body']);
    const posts = s002?.segments.filter((s) => s.kind === 'post') ?? [];
    expect(posts.length).toBeGreaterThanOrEqual(8);
    expect(posts.length).toBeLessThanOrEqual(16);
    const comments = s003?.segments.filter((s) => s.kind === 'comment') ?? [];
    expect(comments.length).toBeGreaterThanOrEqual(12);
    expect(comments.length).toBeLessThanOrEqual(24);
    const authors = comments.map((c) => c.author);
    for (const a of ['Пламень За Свободу', 'Diego Castellanos', 'Scott Miller', 'Douglas Houck', 'Simon Gunson']) expect(authors).toContain(a);
    expect(s003?.published).toBe('2023-06');
    expect(s002?.languages.map((l) => l.lang)).toEqual(expect.arrayContaining(['en', 'ru']));

    const fakes = docs.filter((d) => d.source.includes('fakes-dev.csv#row='));
    expect(fakes.every((d) => d.externalId && d.outlet && d.meta?.label !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(d.published ?? ''))).toBe(true);
    for (const k of ['location', 'actor', 'cause_of_death', 'nb_children', 'nb_civilians', 'nb_noncivilians', 'nb_women', 'label']) {
      expect(fakes[0].meta).toHaveProperty(k);
    }
    const first = fakes.find((d) => d.externalId === '1914947530');
    expect([first?.published, first?.title]).toEqual(['2017-04-05', 'Syria attack symptoms consistent with nerve agent use WHO']);
  });
});
