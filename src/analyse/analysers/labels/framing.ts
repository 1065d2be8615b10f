// The framing layer (how a text tells what it reports): labels, propaganda techniques, stance.
export { labelsAnalyser } from './index.js';
export { techniquesAnalyser } from '../techniques/index.js';
export { stanceAnalyser } from '../stance/index.js';
export { techniqueDefinition, STANCE_RULES } from '../techniques/definitions.js';
