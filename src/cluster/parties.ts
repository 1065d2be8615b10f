// Which party an actor belongs to, for the actor-conflict test of event matching: the Syrian Air
// Force, the Syrian Arab Army and "the regime" are one party, so a report blaming "regime
// warplanes" and one blaming "the Syrian government" name the same agent. Read from the pack's
// actor list (`parent` links, owned by the entities analyser; read here without its schema and
// defensively); the root of the parent chain is the party. A few lines, no library needed.
import { listPacks, loadPack, type Pack } from '../packs/loader.js';

/** actor id -> party id (the root of its parent chain); an actor absent is its own party */
export type PartyMap = ReadonlyMap<string, string>;

export const NO_PARTIES: PartyMap = new Map();

/** The parties of one pack's actors. */
export function packParties(pack: Pack): PartyMap {
  return pack.memo('cluster:parties', () => {
    const raw = pack.section('actors') as { actors?: unknown } | undefined;
    const parentOf = new Map<string, string>();
    for (const a of Array.isArray(raw?.actors) ? (raw.actors as unknown[]) : []) {
      const { id, parent } = (a ?? {}) as { id?: unknown; parent?: unknown };
      if (typeof id === 'string' && typeof parent === 'string') parentOf.set(id, parent);
    }
    const out = new Map<string, string>();
    for (const id of parentOf.keys()) {
      let root = id;
      // a cycle in the data stops at the first repeat instead of looping
      const seen = new Set<string>([root]);
      while (parentOf.has(root) && !seen.has(parentOf.get(root)!)) {
        root = parentOf.get(root)!;
        seen.add(root);
      }
      out.set(id, root);
    }
    return out;
  });
}

/** The parties of every installed pack (stored documents do not record their pack). */
export function allParties(): PartyMap {
  const out = new Map<string, string>();
  for (const name of listPacks()) {
    try {
      for (const [a, p] of packParties(loadPack(name))) out.set(a, p);
    } catch {
      // a broken pack is reported by the pack check; clustering goes on without its links
    }
  }
  return out;
}

export function partyOf(parties: PartyMap, actor: string): string {
  return parties.get(actor) ?? actor;
}
