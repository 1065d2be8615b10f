// Analyser `persons`: registered figures (with role and actor) and unregistered person names,
// titles stripped, surname-only mentions merged.
import type { Analyser } from '../../analyser.js';
import './sections.js';
import { entities } from './resolve.js';

export const personsAnalyser: Analyser = {
  id: 'persons',
  after: ['actors'],
  description: 'people named in the text, registry figures with their role, other names by title and first name',
  run(ctx) {
    ctx.doc.persons.push(...entities(ctx).persons);
  },
};
