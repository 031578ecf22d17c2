// The `pmo` help text and argument parsing, with nothing heavier than the list of record kinds,
// so `pmo --help` and usage errors answer in about the time Node takes to start.
import { IMPORT_KINDS } from '../../shared/exchange/kinds';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => Date;
}

export const USAGE = `Usage:
  pmo inspect FILE [--json]
  pmo import FILE --into WORKBOOK.pmowb [--mapping MAP.json] [--dry-run] [--json]
  pmo export WORKBOOK.pmowb --xlsx OUT.xlsx [--grid week|month]
  pmo export WORKBOOK.pmowb --csv DIR

FILE is .xlsx, .xlsm, .xls, .ods, .csv or .tsv. A mapping file is JSON:
  { "sheets": [ { "sheet": "Portfolio", "kind": "project", "columns": { "Proj Name": "name", "PM": "manager", "Notes": null } } ] }
kind is one of: ${IMPORT_KINDS.join(', ')}. Columns not listed keep the suggested mapping; null ignores one.`;

/** Bad usage: reported with exit code 2, and with the usage text when something is missing or unknown. */
export class UsageError extends Error {}

export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const takesValue = new Set(['--into', '--mapping', '--xlsx', '--csv', '--grid']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      if (takesValue.has(a)) {
        const v = argv[++i];
        if (v === undefined) throw new UsageError(`${a} needs a value`);
        flags.set(a, v);
      } else if (['--json', '--dry-run', '--help'].includes(a)) flags.set(a, true);
      else throw new UsageError(`Unknown option ${a}`);
    } else positional.push(a);
  }
  return { positional, flags };
}

export interface InspectCommand {
  name: 'inspect';
  file: string;
  json: boolean;
}
export interface ImportCommand {
  name: 'import';
  file: string;
  into: string;
  mapping?: string;
  dryRun: boolean;
  json: boolean;
}
export interface ExportCommand {
  name: 'export';
  workbook: string;
  xlsx?: string;
  csv?: string;
  grid: 'week' | 'month';
}
export type Command = InspectCommand | ImportCommand | ExportCommand;

const value = (args: Args, flag: string): string | undefined => {
  const v = args.flags.get(flag);
  return typeof v === 'string' ? v : undefined;
};

/** The command the arguments ask for, checked here so a usage error never loads the commands. */
export function commandOf(args: Args): Command {
  const [cmd, target] = args.positional;
  const json = args.flags.has('--json');
  switch (cmd) {
    case 'inspect':
      if (!target) throw new UsageError('inspect needs a FILE');
      return { name: 'inspect', file: target, json };
    case 'import': {
      const into = value(args, '--into');
      if (!target || into === undefined) throw new UsageError('import needs FILE and --into WORKBOOK.pmowb');
      return { name: 'import', file: target, into, mapping: value(args, '--mapping'), dryRun: args.flags.has('--dry-run'), json };
    }
    case 'export': {
      if (!target) throw new UsageError('export needs WORKBOOK.pmowb');
      const xlsx = value(args, '--xlsx');
      const csv = value(args, '--csv');
      if (xlsx === undefined && csv === undefined) throw new UsageError('export needs --xlsx OUT.xlsx or --csv DIR');
      const grid = value(args, '--grid') ?? 'week';
      if (grid !== 'week' && grid !== 'month') throw new UsageError('--grid must be week or month');
      return { name: 'export', workbook: target, xlsx, csv, grid };
    }
    default:
      throw new UsageError(`Unknown command "${cmd}"`);
  }
}
