// The analysers Faultline runs, in registration order (the pipeline re-orders by `after`).
// Each analysis layer adds its analysers here with one import and one list entry.
import type { Analyser } from './analyser.js';

export const analysers: Analyser[] = [];
