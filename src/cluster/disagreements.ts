// Where accounts of one event split, computed rather than eyeballed: death tolls apart beyond the
// tolerance (claims.ts), opposite blame (agents of different affiliations), and contradicting outcomes
// (ground taken by one side against the other, civilians targeted against a clash, dead
// against no dead).
// Reprints were already folded into their originals by the caller.
import type { ClaimComparison, Disagreement, DossierBlame, DossierSource } from './dossier-types.js';

type Account = Disagreement['accounts'][number];

/** Death tolls as the events analyser read them: the numbers that mean the same in every account. */
const TOLLS = new Set(['deaths', 'civilian deaths', 'child deaths']);

function numberDisagreements(claims: ClaimComparison[]): Disagreement[] {
  return claims.filter((c) => TOLLS.has(c.counted) && c.values.length >= 2 && !c.agree).map((c) => ({
    kind: 'numbers' as const,
    summary: `${c.counted}: ${c.min} to ${c.max} across ${c.values.length} sources`,
    accounts: c.values.map((v) => ({ documentId: v.documentId, outlet: v.outlet, camp: v.camp,
      says: `${v.approx ? '~' : ''}${v.value}${v.attributedTo ? ` (according to ${v.attributedTo})` : ''}${v.hedged ? ' [hedged]' : ''}: "${v.evidence.slice(0, 80)}"` })),
  }));
}

function blameDisagreements(blame: DossierBlame[]): Disagreement[] {
  const perDoc = new Map<string, DossierBlame>();
  for (const b of blame) if (!perDoc.has(b.documentId)) perDoc.set(b.documentId, b);
  const agents = new Map<string, DossierBlame[]>();
  for (const b of perDoc.values()) agents.set(b.agent, [...(agents.get(b.agent) ?? []), b]);
  if (agents.size < 2) return [];
  const affiliations = new Set([...perDoc.values()].map((b) => b.affiliation ?? b.agent));
  const opposite = affiliations.size > 1;
  return [{
    kind: 'blame',
    summary: `${opposite ? 'opposite' : 'different'} blame: ${[...agents.keys()].map((a) => agents.get(a)![0]!.agentName).join(' vs ')}`,
    accounts: [...perDoc.values()].map((b) => ({ documentId: b.documentId, outlet: b.outlet, camp: b.camp,
      says: `${b.agentName}${b.affiliation ? ` (${b.affiliation})` : ''}${b.target ? ` against ${b.target}` : ''}` })),
  }];
}

/** Tellings that cannot both be true of one event: who ended up holding the ground, and
 * whether the dead were civilians targeted or fighters in a clash. */
const CONTRADICTIONS: [string, string, string][] = [
  ['Government regains territory', 'Non-state actor overtakes territory', 'who took the ground'],
  ['Violence against civilians', 'Battles', 'an attack on civilians or a clash between armed groups'],
];

/** Every type and sub-type a source tells the event as. */
function telling(s: DossierSource): Set<string> {
  const out = new Set<string>();
  for (const m of s.mentions) {
    out.add(m.type);
    if (m.subType) out.add(m.subType);
  }
  return out;
}

function outcomeDisagreements(sources: DossierSource[]): Disagreement[] {
  const originals = sources.filter((s) => !s.duplicateOf || !sources.some((o) => o.documentId === s.duplicateOf));
  const out: Disagreement[] = [];
  const account = (s: DossierSource, says: string): Account => ({ documentId: s.documentId, outlet: s.outlet, camp: s.camp, says });
  const told = originals.map((s) => ({ s, t: telling(s) }));
  for (const [a, b, what] of CONTRADICTIONS) {
    // a source that tells both sides of a pair is not contradicting anyone on it
    const sayA = told.filter((x) => x.t.has(a) && !x.t.has(b));
    const sayB = told.filter((x) => x.t.has(b) && !x.t.has(a));
    if (!sayA.length || !sayB.length) continue;
    out.push({ kind: 'outcome', summary: `${what}: "${a}" vs "${b}"`,
      accounts: [...sayA.map((x) => account(x.s, a)), ...sayB.map((x) => account(x.s, b))] });
  }
  const dead = originals.map((s) => ({ s, max: Math.max(-1, ...s.mentions.map((m) => m.fatalities ?? -1)) })).filter((x) => x.max >= 0);
  if (dead.some((x) => x.max === 0) && dead.some((x) => x.max > 0)) {
    out.push({ kind: 'outcome', summary: 'deaths reported by some sources, none by others',
      accounts: dead.map((x) => account(x.s, x.max === 0 ? 'no deaths' : `${x.max} dead`)) });
  }
  return out;
}

export function findDisagreements(sources: DossierSource[], claims: ClaimComparison[], blame: DossierBlame[]): Disagreement[] {
  return [...numberDisagreements(claims), ...blameDisagreements(blame), ...outcomeDisagreements(sources)];
}
