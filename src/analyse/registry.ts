// The analysers Faultline runs, in registration order (the pipeline re-orders by `after`).
// Each analysis layer adds its analysers here with one import and one list entry.
import type { Analyser } from './analyser.js';
import { claimsAnalyser } from './analysers/claims/index.js';
import { eventsAnalyser } from './analysers/events/index.js';
import { placesAnalyser, actorsAnalyser, personsAnalyser, sourcesCitedAnalyser } from './analysers/entities/index.js';
import { labelsAnalyser, stanceAnalyser, techniquesAnalyser } from './analysers/labels/framing.js';

export const analysers: Analyser[] = [
  claimsAnalyser,
  eventsAnalyser,
  placesAnalyser,
  actorsAnalyser,
  personsAnalyser,
  sourcesCitedAnalyser,
  labelsAnalyser,
  techniquesAnalyser,
  stanceAnalyser,
];
