// The four entity analysers (places, actors, persons, sources-cited) share one dictionary scan.
export { placesAnalyser } from './places.js';
export { actorsAnalyser } from './actors.js';
export { personsAnalyser } from './persons.js';
export { sourcesCitedAnalyser } from './sources-cited.js';
export { entities } from './resolve.js';
