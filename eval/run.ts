// `npm run eval [-- <suite> [args]]`: runs one evaluation suite, or all of them in turn.
// Suites read ../shared (development data) and skip with a one-line message when it is absent.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const suites = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'shared.ts'].includes(f) && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (name === '--help' || name === '-h') {
  console.log(`usage: npm run eval [-- <suite> [args]]\nsuites: ${suites.join(', ')}\nWithout a suite name every suite runs in turn.`);
  process.exit(0);
}
const chosen = name ? [name] : suites;
for (const suite of chosen) {
  const file = join(here, `${suite}.ts`);
  if (!existsSync(file)) {
    console.error(`unknown eval suite "${suite}"; available: ${suites.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== eval ${suite} ===`);
  const mod = (await import(pathToFileURL(file).href)) as { main?: (args: string[]) => Promise<void> };
  if (typeof mod.main === 'function') await mod.main(args);
}
