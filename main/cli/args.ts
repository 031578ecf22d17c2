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
             [--conflicts ours|file|fail] [--deletions keep|apply]
             [--name NAME] [--currency GBP] [--date-order DMY|MDY|YMD]
  pmo export WORKBOOK.pmowb --xlsx OUT.xlsx [--grid week|month]
  pmo export WORKBOOK.pmowb --csv DIR [--csv-for reimport|people]

FILE is .xlsx, .xlsm, .xls, .ods, .fods (flat ODS), .csv or .tsv.

import of one of this workbook's own exports (it carries the hidden sheet _pmo) merges it cell by
cell, as the app's merge review does: cells changed only in the file are taken, rows added in it
are created, rows removed from it are listed. It prints every change (--dry-run writes nothing).
  --conflicts  a cell changed both in the file and in the workbook since the export:
               ours (default, as in the app) keeps the workbook's value; file takes the file's;
               fail lists the conflicts and exits 3 with nothing written.
  --deletions  rows removed from the file: keep (default, as in the app) lists them; apply deletes them.
Any other file, or an export of another workbook, is imported row by row (matched by id, code, name).

When WORKBOOK.pmowb does not exist, import creates it; --name (default: the file's name),
--currency (ISO 4217 code, default GBP) and --date-order (how text dates such as 03/04/2026 are
read, default DMY) set it up. They are refused for a workbook that exists (change its settings in the app).

A mapping file is JSON:
  { "sheets": [ { "sheet": "Portfolio", "kind": "project", "dateOrder": "DMY",
                  "columns": { "Proj Name": "name", "PM": "manager", "Budget": { "field": "budget", "scale": 1000 }, "Notes": null } } ] }
kind is one of: ${IMPORT_KINDS.join(', ')}. Columns not listed keep the suggested mapping; null ignores one.

export --csv writes one CSV per kind of record. --csv-for reimport (default) puts an apostrophe
before text a spreadsheet would run as a formula (= + - @), which PMO Workbench drops on import;
Excel and LibreOffice show it as part of the text, Gnumeric hides it. --csv-for people writes no
apostrophes and no record ids, leaves such cells empty and lists them.

Exit codes: 0 done; 1 rows or cells failed (the rest were imported); 2 bad usage or a refused file;
3 conflicts with --conflicts fail (nothing written).`;

/** Bad usage: reported with exit code 2, and with the usage text when something is missing or unknown. */
export class UsageError extends Error {}

export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const takesValue = new Set(['--into', '--mapping', '--xlsx', '--csv', '--grid', '--conflicts', '--deletions', '--name', '--currency', '--date-order', '--csv-for']);
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
  /** A merge's conflicting cells: keep the workbook's value (as the app), take the file's, or refuse. */
  conflicts: 'ours' | 'file' | 'fail';
  /** A merge's rows removed from the file: listed only (as the app), or deleted. */
  deletions: 'keep' | 'apply';
  /** Settings for a workbook that `into` creates (refused when it exists). */
  create: { name?: string; currency?: string; dateOrder?: 'DMY' | 'MDY' | 'YMD' };
}
export interface ExportCommand {
  name: 'export';
  workbook: string;
  xlsx?: string;
  csv?: string;
  /** Which CSV: for re-import (formula-like text behind an apostrophe, record ids) or for people. */
  csvFor: 'reimport' | 'people';
  grid: 'week' | 'month';
}
export type Command = InspectCommand | ImportCommand | ExportCommand;

const value = (args: Args, flag: string): string | undefined => {
  const v = args.flags.get(flag);
  return typeof v === 'string' ? v : undefined;
};

/**
 * A currency for a new workbook: what the settings accept (three capital letters, ISO 4217) and a
 * code this runtime's Intl knows, so a typo ("EUE") is refused rather than shown on every amount.
 */
function currencyCode(text: string): string {
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new UsageError(`--currency must be a 3-letter ISO 4217 code such as GBP, EUR or USD (got "${text}")`);
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : null;
  if (known && !known.includes(code)) throw new UsageError(`--currency: "${code}" is not an ISO 4217 currency code (GBP, EUR, USD, CHF, JPY…)`);
  return code;
}

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
      const conflicts = value(args, '--conflicts') ?? 'ours';
      if (conflicts !== 'ours' && conflicts !== 'file' && conflicts !== 'fail') throw new UsageError('--conflicts must be ours, file or fail');
      const deletions = value(args, '--deletions') ?? 'keep';
      if (deletions !== 'keep' && deletions !== 'apply') throw new UsageError('--deletions must be keep or apply');
      const create: ImportCommand['create'] = {};
      const name = value(args, '--name');
      if (name !== undefined) {
        if (!name.trim() || name.trim().length > 100) throw new UsageError('--name must be 1 to 100 characters');
        create.name = name.trim();
      }
      const currency = value(args, '--currency');
      if (currency !== undefined) create.currency = currencyCode(currency);
      const dateOrder = value(args, '--date-order');
      if (dateOrder !== undefined) {
        const d = dateOrder.toUpperCase();
        if (d !== 'DMY' && d !== 'MDY' && d !== 'YMD') throw new UsageError('--date-order must be DMY, MDY or YMD');
        create.dateOrder = d;
      }
      return { name: 'import', file: target, into, mapping: value(args, '--mapping'), dryRun: args.flags.has('--dry-run'), json, conflicts, deletions, create };
    }
    case 'export': {
      if (!target) throw new UsageError('export needs WORKBOOK.pmowb');
      const xlsx = value(args, '--xlsx');
      const csv = value(args, '--csv');
      if (xlsx === undefined && csv === undefined) throw new UsageError('export needs --xlsx OUT.xlsx or --csv DIR');
      const grid = value(args, '--grid') ?? 'week';
      if (grid !== 'week' && grid !== 'month') throw new UsageError('--grid must be week or month');
      const csvFor = value(args, '--csv-for') ?? 'reimport';
      if (csvFor !== 'reimport' && csvFor !== 'people') throw new UsageError('--csv-for must be reimport or people');
      return { name: 'export', workbook: target, xlsx, csv, csvFor, grid };
    }
    default:
      throw new UsageError(`Unknown command "${cmd}"`);
  }
}
