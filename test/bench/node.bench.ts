// npm run bench: figures for code that runs in Node (shared/ and the command line), timed here
// rather than in unit tests so that the tests pass on any machine. Each figure is printed beside
// a baseline measured in the same run where there is one; the run asserts only that the work was
// done.
import { expect, test } from '@playwright/test';
import * as XLSX from '@e965/xlsx';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, printTable } from './report';
import { buildRows } from '../../shared/register/pipeline';
import { buildScaleWorkbook } from '../../shared/demo/scale';
import { checkWorkbook } from '../../shared/model/invariants';
import { readSpreadsheet } from '../../shared/exchange/read/read';
import { parseDelimited } from '../../shared/exchange/read/text';
import { writeXlsx } from '../../shared/exchange/xlsx/writer';
import { zipBomb } from '../helpers/hostile-files';
import { wideRegister } from '../helpers/wide-register';
import { mixedColumns, mixedRows } from '../helpers/mixed-rows';

/** Milliseconds of each of `rounds` runs of `fn` (the first is a warm-up and is not counted). */
function time(fn: () => unknown, rounds = 3): number[] {
  fn();
  return Array.from({ length: rounds }, () => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  });
}
const ms = (xs: number[]) => `${median(xs).toFixed(1)} ms`;

test('node: register pipeline at 10,000 records × 40 columns', () => {
  const big = wideRegister();
  const run = (over: Partial<typeof big.view>, fresh = true) => () => buildRows(big.records, big.columns, { ...big.view, ...over }, fresh ? { ...big.ctx } : big.ctx, new Set());
  buildRows(big.records, big.columns, { ...big.view, search: 'b' }, big.ctx, new Set());
  printTable('buildRows, 10,000 records × 40 columns, median of 3 (target ≤ 300 ms each; first search ≤ 600 ms)', [
    ['filter + sort + group', ms(time(run({})))],
    ['sort + group, no filter', ms(time(run({ filters: [] })))],
    ['group by a multi-valued column', ms(time(run({ groupBy: 'f5' })))],
    ['search, texts not yet cached', ms(time(run({ filters: [], search: 'beta programme 1' })))],
    ['search while typing (texts cached)', ms(time(run({ filters: [], search: 'beta programme 1' }, false)))],
  ]);
  expect(run({ filters: [] })().shown).toBe(10_000);
});

test('node: scale workbook, spreadsheet reading and writing', () => {
  test.setTimeout(10 * 60_000);
  let wb: ReturnType<typeof buildScaleWorkbook> | null = null;
  const build = time(() => (wb = buildScaleWorkbook({ projects: 10_000, people: 2_000, allocations: 200_000, today: '2026-05-14' })), 1);
  const check = time(() => expect(checkWorkbook(wb!.records)).toEqual([]), 1);

  const rows: unknown[][] = [Array.from({ length: 12 }, (_, c) => `Column ${c + 1}`)];
  for (let r = 0; r < 50_000; r++) rows.push([`P-${r}`, `Project ${r}`, r, r * 1.5, r % 2 === 0, 'Active', 'Owner name', r * 100, 'x', 'y', r % 7, 'z']);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Projects');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  const sheetJs = time(() => XLSX.read(bytes, { type: 'array', dense: true, cellNF: true }), 2);
  const ours = time(() => expect(readSpreadsheet(bytes, 'big.xlsx').ok).toBe(true), 2);

  const line = Array.from({ length: 20 }, (_, c) => (c % 5 === 0 ? `"quoted, ${c}"` : `value${c}`)).join(',');
  const text = Array.from({ length: 50_000 }, () => line).join('\r\n');
  const csv = time(() => parseDelimited(text, ','));

  const bomb = zipBomb();
  const refuse = time(() => expect(readSpreadsheet(bomb, 'bomb.xlsx').ok).toBe(false), 5);

  const rows10k = mixedRows(10_000, 35);
  const write10k = time(() => writeXlsx({ sheets: [{ name: 'Big', columns: mixedColumns(35), rows: rows10k, freezeHeader: true, autoFilter: true }] }), 2);
  const rows100k = mixedRows(100_000, 10);
  const write100k = time(() => writeXlsx({ sheets: [{ name: 'Big', columns: mixedColumns(10), rows: rows100k }] }), 1);

  printTable('Node-side figures, median of the runs after a warm-up', [
    ['what', 'time', 'against'],
    ['buildScaleWorkbook 10k projects / 2k people / 200k allocations', ms(build), 'target ≤ 2000 ms'],
    ['checkWorkbook on it', ms(check), ''],
    ['XLSX.read, 50,000 × 12 xlsx (dense)', ms(sheetJs), 'baseline'],
    ['readSpreadsheet, same bytes', ms(ours), `${(median(ours) / median(sheetJs)).toFixed(2)}× SheetJS (target < 2×)`],
    ['parseDelimited, 50,000 × 20 CSV', ms(csv), 'target ≤ 1000 ms'],
    ['readSpreadsheet refusing a 300 MB zip bomb', ms(refuse), 'target ≤ 1000 ms'],
    ['writeXlsx 10k rows × 35 columns', ms(write10k), 'target ≤ 2000 ms'],
    ['writeXlsx 100k rows × 10 columns', ms(write100k), ''],
  ]);
});

test('node: `pmo --help` beside `node -e 0`', () => {
  const pmo = fileURLToPath(new URL('../../build/pmo.mjs', import.meta.url));
  // Playwright's worker passes its own loader in NODE_OPTIONS; a user's shell does not.
  const cleanEnv = { ...process.env };
  delete cleanEnv['NODE_OPTIONS'];
  const wall = (args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: cleanEnv });
    const t = performance.now() - t0;
    expect(r.status).toBe(0);
    return { t, out: r.stdout, err: r.stderr };
  };
  // The bundle is what is timed: a missing or stale one would say so on stderr and run from source.
  const first = wall([pmo, '--help']);
  expect(first.out).toContain('Usage:');
  expect(first.err).toBe('');
  // Interleaved, so both see the same load on the machine.
  const node: number[] = [];
  const help: number[] = [];
  for (let i = 0; i < 15; i++) {
    node.push(wall(['-e', '0']).t);
    help.push(wall([pmo, '--help']).t);
  }
  printTable('Command line start, wall time, median of 15 interleaved runs', [
    ['node -e 0', ms(node), 'baseline'],
    ['pmo --help (bundled)', ms(help), `${(median(help) / median(node)).toFixed(2)}× node (target ≤ 2×)`],
  ]);
});
