// Analyser `sources-cited`: the outlets, agencies, NGOs, ministries and people the text relies on.
import type { Analyser } from '../../analyser.js';
import './sections.js';
import { entities } from './resolve.js';

export const sourcesCitedAnalyser: Analyser = {
  id: 'sources-cited',
  after: ['actors', 'persons'],
  description: 'outlets, agencies, NGOs, ministries and people cited as sources (registry and attribution patterns)',
  run(ctx) {
    ctx.doc.sourcesCited.push(...entities(ctx).sourcesCited);
  },
};
