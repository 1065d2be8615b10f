// Analyser `actors`: armed and political actors from the pack registry, countries and capitals
// used as agents, bare group words, and the epithets each camp uses for them (as labels).
import type { Analyser } from '../../analyser.js';
import './sections.js';
import { entities } from './resolve.js';

export const actorsAnalyser: Analyser = {
  id: 'actors',
  after: ['places'],
  description: 'armed and political actors with affiliation, their aliases, renamings and the epithets used for them',
  run(ctx) {
    ctx.doc.actors.push(...entities(ctx).actors);
  },
};
