import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ACLED_COLUMNS, acledRows, writeAcled } from '../../src/export/acled.js';
import { ACTORS, PLACES, analyse, makeDoc } from './helpers.js';

const doc = analyse(makeDoc('Russian warplanes struck Khan Sheikhoun on Saturday, killing at least 11 civilians.', '2017-04-08', PLACES, ACTORS));

describe('ACLED export', () => {
  it('writes the 31 ACLED columns, one row per event', async () => {
    const rows: unknown[][] = [];
    for await (const r of acledRows([doc])) rows.push(r);
    expect(ACLED_COLUMNS).toHaveLength(31);
    expect(rows[0]).toEqual([...ACLED_COLUMNS]);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, rows[1]?.[i]]));
    expect(row).toMatchObject({
      event_date: '2017-04-08', year: 2017, time_precision: 1, disorder_type: 'Political violence',
      event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', actor1: 'Russian warplanes', inter1: 1,
      actor2: 'Civilians', inter2: 7, interaction: 17, civilian_targeting: 'Civilian targeting', iso: 760, country: 'Syria',
      admin1: 'Idlib', location: 'Khan Sheikhoun', geo_precision: 1, fatalities: 11, tags: 'cameo=19',
    });
  });

  it('streams CSV with a header line', async () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c: Buffer) => chunks.push(c.toString()));
    const n = await writeAcled([doc], out);
    expect(n).toBe(1);
    const lines = chunks.join('').trim().split('\n');
    expect(lines[0]?.split(',')).toHaveLength(31);
    expect(lines).toHaveLength(2);
  });
});
