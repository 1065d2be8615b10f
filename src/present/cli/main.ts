// The `faultline` command line (contract: ../shared/contracts/cli.md). Usage errors exit 2,
// rejected inputs exit 1; no stack trace reaches the user for an expected problem.
import { Command, CommanderError } from 'commander';
import { PackError } from '../../packs/loader.js';
import { StoreError } from '../../store/types.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerCluster } from './commands/cluster.js';
import { registerCorroborate } from './commands/corroborate.js';
import { registerDossier } from './commands/dossier.js';
import { registerReference } from './commands/reference.js';
import { registerDemo } from './commands/demo.js';
import { registerExport } from './commands/export.js';
import { registerServe, serve } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { EXIT, InputError, UsageError } from './errors.js';

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('faultline')
    .description('Faultline: who claims what about the war, where accounts split, and how each side tells it.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerAnalyze(program, setExit);
  registerExport(program);
  registerShow(program);
  registerCluster(program);
  registerDossier(program);
  registerReference(program);
  registerCorroborate(program);
  registerStats(program);
  registerServe(program);
  registerDemo(program, (db) => serve({ db }));
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function run(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (err instanceof UsageError || err instanceof PackError) {
      process.stderr.write(`faultline: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError || err instanceof StoreError) {
      process.stderr.write(`faultline: ${err.message}\n`);
      return EXIT.rejected;
    }
    const e = err as NodeJS.ErrnoException;
    process.stderr.write(`faultline: ${e.message}${process.env.FAULTLINE_DEBUG ? `\n${e.stack}` : '\n  (set FAULTLINE_DEBUG=1 for details)'}\n`);
    return EXIT.rejected;
  }
}
