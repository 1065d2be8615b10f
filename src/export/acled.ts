// ACLED's 31-column standard export layout, one row per event mention, so Faultline's events
// can sit next to ACLED data in the same tools. Actor names, admin1 (governorate), coordinates
// and the evidence sentence (as notes) come from the document's own findings.
import type { AnalysedDocument, EventFinding, EventType } from '../core/types.js';
import { csvRow, writeLine } from './write.js';

export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

const COUNTRIES: Record<string, [string, number, string, string]> = {
  SY: ['SYR', 760, 'Syria', 'Middle East'],
  IQ: ['IRQ', 368, 'Iraq', 'Middle East'],
  TR: ['TUR', 792, 'Turkey', 'Middle East'],
  LB: ['LBN', 422, 'Lebanon', 'Middle East'],
  JO: ['JOR', 400, 'Jordan', 'Middle East'],
  IL: ['ISR', 376, 'Israel', 'Middle East'],
  IR: ['IRN', 364, 'Iran', 'Middle East'],
  RU: ['RUS', 643, 'Russia', 'Europe'],
  UA: ['UKR', 804, 'Ukraine', 'Europe'],
  US: ['USA', 840, 'United States', 'North America'],
};

/** ACLED inter codes by actor affiliation: 1 state, 2 rebel, 3 political militia, 7 civilians, 8 external. */
const INTER: Record<string, number> = {
  syrian_government_and_allies: 1,
  syrian_opposition: 2,
  jihadist: 2,
  kurdish: 2,
  us_and_allies: 8,
  turkey: 8,
  international_body: 8,
  media: 0,
  other: 3,
};

const DISORDER: Record<EventType, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Protests: 'Demonstrations',
  Riots: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

function actorCell(doc: AnalysedDocument, id: string | null): [string, number | null] {
  if (!id) return ['', null];
  if (id === 'civilians') return ['Civilians', 7];
  const a = doc.actors.find((x) => x.id === id);
  return a ? [a.name, INTER[a.affiliation] ?? 3] : [id, null];
}

function row(doc: AnalysedDocument, e: EventFinding, index: number): unknown[] {
  const place = e.place ? doc.places.find((p) => p.id === e.place) : undefined;
  const country = COUNTRIES[place?.country ?? 'SY'] ?? COUNTRIES.SY;
  const [code, iso, countryName, region] = country ?? ['SYR', 760, 'Syria', 'Middle East'];
  const [actor1, inter1] = actorCell(doc, e.agent);
  const [actor2, inter2] = actorCell(doc, e.target);
  const interaction = inter1 !== null ? Number([inter1, inter2 ?? 0].sort((a, b) => a - b).filter((n, i) => n || i).join('')) : null;
  const year = e.date ? Number(e.date.slice(0, 4)) : null;
  return [
    `${code}-${doc.id}-${index + 1}`,
    e.date ?? '',
    year,
    e.timePrecision ?? '',
    DISORDER[e.type],
    e.type,
    e.subType ?? '',
    actor1,
    '',
    inter1 ?? '',
    actor2,
    '',
    inter2 ?? '',
    interaction ?? '',
    e.target === 'civilians' && e.type !== 'Strategic developments' ? 'Civilian targeting' : '',
    iso,
    region,
    countryName,
    place?.region ?? (place?.kind === 'region' ? place.name : ''),
    '',
    '',
    place?.name ?? '',
    place?.lat ?? '',
    place?.lon ?? '',
    e.geoPrecision ?? '',
    doc.outlet ?? doc.source,
    '',
    doc.text.slice(e.start, e.end).replace(/\s+/g, ' '),
    e.fatalities ?? 0,
    e.cameo ? `cameo=${e.cameo}` : '',
    '',
  ];
}

/** Rows (header first) for any stream of analysed documents. */
export async function* acledRows(docs: AsyncIterable<AnalysedDocument> | Iterable<AnalysedDocument>): AsyncGenerator<unknown[]> {
  yield [...ACLED_COLUMNS];
  for await (const doc of docs) {
    for (let i = 0; i < doc.events.length; i++) {
      const e = doc.events[i];
      if (e) yield row(doc, e, i);
    }
  }
}

/** Write ACLED CSV; returns the number of event rows written. */
export async function writeAcled(docs: AsyncIterable<AnalysedDocument> | Iterable<AnalysedDocument>, out: NodeJS.WritableStream): Promise<number> {
  let n = -1;
  for await (const r of acledRows(docs)) {
    await writeLine(out, csvRow(r));
    n++;
  }
  return n;
}
