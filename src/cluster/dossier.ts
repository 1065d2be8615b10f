// Builds the dossier of one cluster from its member documents: sources and camps, the labels
// and numbers each uses around the event, whom each blames, the earliest report, the claim
// comparison and the computed disagreements. Reprints are listed under their original and
// counted once.
import type { AnalysedDocument, EventFinding, Span } from '../core/types.js';
import { sentenceSpans } from '../core/text.js';
import type { ClusterRecord, Store } from '../store/types.js';
import { compareClaims } from './claims.js';
import { findDisagreements } from './disagreements.js';
import type { Dossier, DossierBlame, DossierLabel, DossierNumber, DossierSource } from './dossier-types.js';

/** The sentence(s) of the event with one sentence either side: the lede before it names and labels
 * the event, the sentence after usually carries the toll and the blame. */
export function eventContext(text: string, e: Span, sentences: Span[] = sentenceSpans(text)): Span {
  let first = sentences.findIndex((s) => s.end > e.start);
  if (first < 0) return { start: e.start, end: e.end };
  let last = first;
  while (last + 1 < sentences.length && sentences[last + 1]!.start < e.end) last++;
  if (last + 1 < sentences.length) last++;
  first = Math.max(0, first - 1);
  return { start: Math.min(sentences[first]!.start, e.start), end: Math.max(sentences[last]!.end, e.end) };
}

const inside = (s: Span, ctx: Span): boolean => s.start >= ctx.start && s.end <= ctx.end;
const HARM = new Set<string>(['Explosions/Remote violence', 'Violence against civilians']);

interface Member { doc: AnalysedDocument; events: { e: EventFinding; index: number; ctx: Span }[] }

function members(clusterId: string, docs: AnalysedDocument[]): Member[] {
  return docs.map((doc) => {
    const sentences = sentenceSpans(doc.text);
    const events = doc.events.flatMap((e, index) => (e.clusterId === clusterId ? [{ e, index, ctx: eventContext(doc.text, e, sentences) }] : []));
    return { doc, events };
  }).filter((m) => m.events.length);
}

export function dossierFrom(cluster: ClusterRecord, docs: AnalysedDocument[], duplicateOf: Map<string, string>): Dossier {
  const ms = members(cluster.id, docs);
  const sources: DossierSource[] = [];
  const labels: DossierLabel[] = [];
  const numbers: DossierNumber[] = [];
  const blame: DossierBlame[] = [];
  for (const { doc, events } of ms) {
    const camp = doc.stance.camp ?? null;
    const base = { documentId: doc.id, outlet: doc.outlet, camp };
    const dup = duplicateOf.get(doc.id) ?? null;
    sources.push({
      documentId: doc.id, title: doc.title, outlet: doc.outlet, camp, published: doc.published, duplicateOf: dup,
      reprints: ms.filter((o) => duplicateOf.get(o.doc.id) === doc.id).map((o) => o.doc.id),
      // the source's main event first: what it leads with is how it tells this event
      mentions: [...events].sort((a, b) => Number(Boolean(b.e.main)) - Number(Boolean(a.e.main))).map(({ e, index }) => ({
        index, start: e.start, end: e.end, type: e.type, subType: e.subType, date: e.date,
        placeName: doc.places.find((p) => p.id === e.place)?.name ?? null, agent: e.agent, target: e.target,
        fatalities: e.fatalities, evidence: doc.text.slice(e.start, e.end),
        ...(e.main ? { main: true } : {}),
      })),
    });
    if (dup && ms.some((o) => o.doc.id === dup)) continue; // a reprint adds no labels, numbers or blame of its own
    const actors = new Set(events.flatMap(({ e }) => [e.agent, e.target]).filter((x): x is string => !!x));
    const seen = new Set<string>();
    const addLabel = (l: { start: number; end: number; label: string; camp: string | null; refersTo?: string | null }): void => {
      const key = `${l.start}:${l.end}`;
      if (seen.has(key)) return;
      seen.add(key);
      labels.push({ ...base, labelCamp: l.camp, label: l.label, refersTo: l.refersTo ?? null, start: l.start, end: l.end, evidence: doc.text.slice(l.start, l.end) });
    };
    for (const l of doc.labels) {
      if (events.some(({ ctx }) => inside(l, ctx)) || (l.refersTo && actors.has(l.refersTo))) addLabel(l);
    }
    for (const a of doc.actors) if (actors.has(a.id)) for (const l of a.labels) addLabel({ ...l, refersTo: a.id });
    for (const c of doc.claims) {
      if (!events.some(({ ctx }) => inside(c, ctx))) continue;
      numbers.push({ ...base, value: c.value, counted: c.counted, approx: c.approx, hedged: c.hedged, attributedTo: c.attributedTo,
        start: c.start, end: c.end, evidence: doc.text.slice(c.start, c.end) });
    }
    for (const { e } of events) {
      // blame is for harm: an attack, violence against civilians, or deaths; a capture has an actor, not a culprit
      if (!e.agent || !(HARM.has(e.type) || (e.fatalities ?? 0) > 0)) continue;
      const actor = doc.actors.find((a) => a.id === e.agent);
      blame.push({ ...base, agent: e.agent, agentName: actor?.name ?? e.agent, affiliation: actor?.affiliation ?? null, target: e.target,
        evidence: doc.text.slice(e.start, e.end) });
    }
  }
  labels.sort((a, b) => (a.camp ?? '').localeCompare(b.camp ?? '') || a.documentId.localeCompare(b.documentId) || a.start - b.start);
  const dated = sources.filter((s) => s.published && !s.duplicateOf).sort((a, b) => a.published!.localeCompare(b.published!));
  const first = dated[0] ?? sources[0];
  const originals = ms.filter((m) => !(duplicateOf.has(m.doc.id) && ms.some((o) => o.doc.id === duplicateOf.get(m.doc.id))));
  const claims = compareClaims(originals, cluster, numbers);
  return {
    cluster, sources, labels, numbers, blame,
    earliest: first ? { documentId: first.documentId, outlet: first.outlet, published: first.published } : null,
    claims,
    disagreements: findDisagreements(sources, claims, blame),
  };
}

/**
 * Documents a dossier reads at most. In a big corpus one event is retold by thousands of
 * documents; reading them all would take seconds, and no reader compares thousands of accounts.
 */
export const DOSSIER_DOCUMENTS = 50;
/** events looked at to choose them: the newest */
const EVENTS_READ = 500;

/**
 * The dossier of a stored cluster, or null when there is no such cluster. A cluster told by more
 * than `maxDocuments` documents is read from the earliest report, then each outlet's newest
 * account, then the newest others; `partial` says so.
 */
export async function buildDossier(store: Store, clusterId: string, maxDocuments = DOSSIER_DOCUMENTS): Promise<Dossier | null> {
  const cluster = await store.getCluster(clusterId);
  if (!cluster) return null;
  const page = await store.events({ clusterId, limit: EVENTS_READ });
  const newest = [...new Set(page.items.map((e) => e.documentId))];
  const outletFirst = new Map<string, string>();
  for (const e of page.items) if (!outletFirst.has(e.outlet ?? '')) outletFirst.set(e.outlet ?? '', e.documentId);
  const chosen = new Set<string>();
  for (const id of [cluster.earliestDocument, ...outletFirst.values(), ...newest]) {
    if (id && chosen.size < maxDocuments) chosen.add(id);
  }
  const ids = [...chosen];
  const docs: AnalysedDocument[] = [];
  for (const id of ids) {
    const d = await store.getDocument(id);
    if (d) docs.push(d);
  }
  const duplicateOf = new Map<string, string>();
  for (const s of await store.getSignatures(ids)) if (s.duplicateOf) duplicateOf.set(s.documentId, s.duplicateOf);
  const dossier = dossierFrom(cluster, docs, duplicateOf);
  return cluster.documents > docs.length ? { ...dossier, partial: { documents: docs.length, of: cluster.documents } } : dossier;
}
