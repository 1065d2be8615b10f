// The dossier: one real-world event as each source tells it. The JSON shape the API and
// `faultline export --format dossiers` emit, and the terminal view renders.
import type { ClusterRecord } from '../store/types.js';

export interface DossierMention {
  index: number;
  start: number;
  end: number;
  type: string;
  subType: string | null;
  date: string | null;
  placeName: string | null;
  agent: string | null;
  target: string | null;
  fatalities: number | null;
  evidence: string;
  /** the event the source is about (events analyser's main event): listed first */
  main?: boolean;
}

export interface DossierSource {
  documentId: string;
  title: string | null;
  outlet: string | null;
  camp: string | null;
  published: string | null;
  /** set when this document reprints another (counted once, under its original) */
  duplicateOf: string | null;
  reprints: string[];
  mentions: DossierMention[];
}

export interface DossierLabel {
  documentId: string;
  outlet: string | null;
  camp: string | null;
  /** the camp whose vocabulary the label belongs to */
  labelCamp: string | null;
  label: string;
  refersTo: string | null;
  start: number;
  end: number;
  evidence: string;
}

export interface DossierNumber {
  documentId: string;
  outlet: string | null;
  camp: string | null;
  value: number;
  counted: string;
  approx: boolean;
  hedged: boolean;
  attributedTo: string | null;
  start: number;
  end: number;
  evidence: string;
}

export interface DossierBlame {
  documentId: string;
  outlet: string | null;
  camp: string | null;
  agent: string;
  agentName: string;
  affiliation: string | null;
  target: string | null;
  evidence: string;
}

export interface ClaimValue {
  documentId: string;
  outlet: string | null;
  camp: string | null;
  value: number;
  approx: boolean;
  hedged: boolean;
  attributedTo: string | null;
  evidence: string;
}

/** The same counted thing in the same event, with the value each source gives. */
export interface ClaimComparison {
  counted: string;
  date: string | null;
  place: string | null;
  values: ClaimValue[];
  min: number;
  max: number;
  /** values within tolerance of each other */
  agree: boolean;
}

export type DisagreementKind = 'numbers' | 'blame' | 'outcome';

export interface Disagreement {
  kind: DisagreementKind;
  summary: string;
  /** who says what: one entry per source */
  accounts: { documentId: string; outlet: string | null; camp: string | null; says: string }[];
}

export interface Dossier {
  cluster: ClusterRecord;
  sources: DossierSource[];
  labels: DossierLabel[];
  numbers: DossierNumber[];
  blame: DossierBlame[];
  earliest: { documentId: string; outlet: string | null; published: string | null } | null;
  claims: ClaimComparison[];
  disagreements: Disagreement[];
  /** set when the dossier was built from some of the cluster's documents (dossier.ts DOSSIER_DOCUMENTS) */
  partial?: { documents: number; of: number };
}
