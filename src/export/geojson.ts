// A GeoJSON FeatureCollection of place mentions and events, streamed feature by feature.
import type { AnalysedDocument } from '../core/types.js';
import { writeLine } from './write.js';

export async function writeGeojson(docs: AsyncIterable<AnalysedDocument>, out: NodeJS.WritableStream): Promise<number> {
  await writeLine(out, '{"type":"FeatureCollection","features":[');
  let first = true;
  let n = 0;
  const emit = async (f: object): Promise<void> => {
    await writeLine(out, `${first ? '' : ','}${JSON.stringify(f)}`);
    first = false;
  };
  for await (const doc of docs) {
    const places = new Map(doc.places.map((p) => [p.id, p]));
    for (const p of doc.places) {
      if (p.lat === null || p.lon === null) continue;
      await emit({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { kind: 'place', documentId: doc.id, placeId: p.id, name: p.name, country: p.country, placeKind: p.kind, mentions: p.mentions.length } });
    }
    for (const e of doc.events) {
      const p = e.place ? places.get(e.place) : undefined;
      if (!p || p.lat === null || p.lon === null) continue;
      await emit({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { kind: 'event', documentId: doc.id, start: e.start, end: e.end, type: e.type, subType: e.subType, date: e.date,
          agent: e.agent, target: e.target, fatalities: e.fatalities, placeId: p.id, placeName: p.name, clusterId: e.clusterId ?? null } });
    }
    n++;
  }
  await writeLine(out, ']}');
  return n;
}
