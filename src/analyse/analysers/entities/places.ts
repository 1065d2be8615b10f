// Analyser `places`: every place the document names, resolved to one gazetteer entry with
// coordinates, country and first-level region (see resolve-places.ts for the rules).
import type { Analyser } from '../../analyser.js';
import './sections.js';
import { entities } from './resolve.js';

export const placesAnalyser: Analyser = {
  id: 'places',
  description: 'places in all their spellings, resolved to GeoNames or the pack gazetteer, with coordinates and region',
  run(ctx) {
    ctx.doc.places.push(...entities(ctx).places);
  },
};
