// `pmo`: the spreadsheet exchange from a terminal, over the same shared/ code as the app, for a
// consultant's batch work and for testing the importer without a browser.
//
//   pmo inspect FILE [--json]
//   pmo import FILE --into WORKBOOK.pmowb [--mapping MAP.json] [--dry-run] [--json]
//   pmo export WORKBOOK.pmowb (--xlsx OUT.xlsx [--grid week|month] | --csv DIR)
//
// Exit codes: 0 done; 1 rows failed (the rest were imported); 2 bad usage or a refused file.
import { commandOf, parseArgs, UsageError, USAGE, type Io } from './args';

export type { Io } from './args';

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    const cmd = args.positional[0];
    if (!cmd || args.flags.has('--help')) {
      io.out(USAGE);
      return cmd || args.flags.has('--help') ? 0 : 2;
    }
    const command = commandOf(args);
    // Loaded only now, once the arguments are known to be good: see commands.ts.
    const commands = await import('./commands');
    if (command.name === 'inspect') return commands.inspect(command, io);
    if (command.name === 'import') return commands.importCmd(command, io);
    return commands.exportCmd(command, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`pmo: ${e.message}`);
      if (/needs|Unknown/.test(e.message)) io.err(USAGE);
      return 2;
    }
    io.err(`pmo: ${(e as Error).stack ?? String(e)}`);
    return 2;
  }
}
