// The CLI straight from src/ through tsx, for running the robustness battery while dist/ is
// being rebuilt (FAULTLINE_CLI_FROM_SOURCE=1); the default is the compiled bin/faultline.js.
import { run } from '../../src/present/cli/main.js';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
process.exitCode = await run(process.argv.slice(2));
