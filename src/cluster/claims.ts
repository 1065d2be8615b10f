// Claim comparison: the same counted thing in the same event ("deaths in Douma on 2018-04-07"),
// with the value each source gives. A source's figure for a thing is the largest it states
// (the headline toll; "12 children among 58 dead" gives children 12 and dead 58).
import type { AnalysedDocument, EventFinding } from '../core/types.js';
import type { ClusterRecord } from '../store/types.js';
import type { ClaimComparison, ClaimValue, DossierNumber } from './dossier-types.js';

/** two figures agree when they differ by no more than this share of the larger (or 2) */
export const TOLERANCE = 0.2;

export function withinTolerance(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(2, TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
}

/** "Civilians" and "civilian" are one thing; so are "buses" and "bus", "casualties" and "casualty". */
export function countedKey(counted: string): string {
  const c = counted.trim().toLowerCase();
  if (c.length <= 3 || !c.endsWith('s') || c.endsWith('ss')) return c;
  if (c.endsWith('ies')) return `${c.slice(0, -3)}y`;
  if (/(?:s|x|z|ch|sh)es$/.test(c)) return c.slice(0, -2);
  return c.slice(0, -1);
}

interface MemberLike { doc: AnalysedDocument; events: { e: EventFinding }[] }

const FATALITY_FIELDS: [keyof EventFinding, string][] = [
  ['fatalities', 'deaths'], ['civilianFatalities', 'civilian deaths'], ['childFatalities', 'child deaths'],
];

export function compareClaims(members: MemberLike[], cluster: ClusterRecord, numbers: DossierNumber[]): ClaimComparison[] {
  const groups = new Map<string, Map<string, ClaimValue>>();
  const offer = (key: string, v: ClaimValue): void => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new Map()));
    const prev = g.get(v.documentId);
    if (!prev || v.value > prev.value) g.set(v.documentId, v);
  };
  for (const { doc, events } of members) {
    for (const { e } of events) {
      for (const [field, key] of FATALITY_FIELDS) {
        const value = e[field];
        if (typeof value !== 'number') continue;
        offer(key, { documentId: doc.id, outlet: doc.outlet, camp: doc.stance.camp ?? null, value, approx: false, hedged: false,
          attributedTo: null, evidence: doc.text.slice(e.start, e.end) });
      }
    }
  }
  const allowed = new Set(members.map((m) => m.doc.id));
  for (const n of numbers) {
    if (!allowed.has(n.documentId) || !n.counted.trim()) continue;
    offer(countedKey(n.counted), { documentId: n.documentId, outlet: n.outlet, camp: n.camp, value: n.value, approx: n.approx,
      hedged: n.hedged, attributedTo: n.attributedTo, evidence: n.evidence });
  }
  const out: ClaimComparison[] = [];
  for (const [counted, g] of groups) {
    const values = [...g.values()].sort((a, b) => b.value - a.value || a.documentId.localeCompare(b.documentId));
    const min = values[values.length - 1]!.value;
    const max = values[0]!.value;
    out.push({ counted, date: cluster.dateFrom, place: cluster.placeName, values, min, max, agree: withinTolerance(min, max) });
  }
  return out.sort((a, b) => b.values.length - a.values.length || a.counted.localeCompare(b.counted));
}
