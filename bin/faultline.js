#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/present/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('faultline: dist/ is missing. Run `npm install` (or `npm run build`) in the project folder first.');
  process.exit(2);
}
// a closed pipe (`faultline export | head`) is a normal end, not an error
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv.slice(2));
