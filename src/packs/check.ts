// `npm run check:packs`: validates every pack's sections against their owners' schemas and
// cross-reference checks. Exit 1 with one line per problem.
import '../analyse/registry.js';
import '../cluster/areas.js';
import { listPacks, loadPack } from './loader.js';
import { readSection, registeredSections } from './sections.js';

export function checkPack(name: string): string[] {
  const problems: string[] = [];
  const pack = loadPack(name);
  const m = pack.manifest;
  if (!m || typeof m.name !== 'string' || !Array.isArray(m.camps) || !Array.isArray(m.affiliations) || !Array.isArray(m.countries)) {
    return [`pack ${name}: pack.yaml needs name, version, description, countries, camps, affiliations`];
  }
  for (const spec of registeredSections()) {
    try {
      readSection(pack, spec);
      if (pack.section(spec.file) !== undefined && spec.check) problems.push(...spec.check(pack).map((p) => `pack ${name}: ${spec.file}.yaml: ${p}`));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  return problems;
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').slice(-2).join('/'));
if (isMain) {
  const packs = listPacks();
  let bad = 0;
  for (const name of packs) {
    const problems = checkPack(name);
    bad += problems.length;
    for (const p of problems) console.error(p);
    console.log(`pack ${name}: ${problems.length ? `${problems.length} problem(s)` : 'ok'} (${registeredSections().length} section kinds checked)`);
  }
  if (!packs.length) console.error('no packs found under packs/');
  process.exit(bad || !packs.length ? 1 : 0);
}
