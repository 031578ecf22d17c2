// `pmo import` of our own exports: the app's round-trip merge from the command line (issue 12,
// item 8), on the demo and a 10k-project workbook, re-saved by LibreOffice and by Gnumeric;
// and `--into NEW.pmowb`, which creates the workbook.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { runCli } from './pmo';
import { parseWorkbookText, serializeWorkbook } from '../../shared/file/pmowb';
import { buildDemoWorkbook } from '../../shared/demo/demo';
import { buildScaleWorkbook } from '../../shared/demo/scale';
import type { WorkbookData } from '../../shared/model/workbook';
import { tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { editExport, type ExportEdit } from '../../test/helpers/messy-workbook';

const TODAY = '2026-11-21';
const dir = mkdtempSync(join(tmpdir(), 'pmo-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => new Date(`${TODAY}T10:00:00Z`) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function writeWorkbook(name: string, data: WorkbookData): string {
  const path = join(dir, name);
  writeFileSync(path, serializeWorkbook(data, { exportedAt: `${TODAY}T00:00:00Z`, appVersion: 'test' }));
  return path;
}

function readWorkbook(path: string) {
  const r = parseWorkbookText(readFileSync(path, 'utf8'), basename(path));
  if (!r.ok) throw new Error(r.reason);
  return r.workbook;
}

async function exportOf(pmowb: string, xlsx: string): Promise<string> {
  const path = join(dir, xlsx);
  const r = await run('export', pmowb, '--xlsx', path);
  expect(r).toMatchObject({ code: 0, err: '' });
  return path;
}

/** The --json report of a merge. */
interface MergeJson {
  mode: string;
  changes: number;
  cells: number;
  newRows: number;
  deletedRows: number;
  conflicts: number;
  unchanged: number;
  rows: { sheet: string; change: string; recordId?: string; cells: { field: string; kind: string; theirs: unknown }[] }[];
  issues: unknown[];
  written: boolean;
}
async function mergeJson(file: string, into: string, ...more: string[]): Promise<MergeJson> {
  const r = await run('import', file, '--into', into, '--json', ...more);
  expect(r.err).toBe('');
  const j = JSON.parse(r.out) as MergeJson;
  expect(j.mode).toBe('merge');
  return j;
}

// ---- Other programs (as shared/exchange/xlsx/interop.test.ts: skipped outside CI only) --------

const inCi = !!process.env['CI'];
const SOFFICE = process.env['SOFFICE'] || 'soffice';
const SSCONVERT = process.env['SSCONVERT'] || 'ssconvert';
const hasSoffice = spawnSync(SOFFICE, ['--version'], { encoding: 'utf8' }).status === 0;
const hasSsconvert = spawnSync(SSCONVERT, ['--version'], { encoding: 'utf8' }).status === 0;
function requireProgram(ok: boolean, what: string, pkg: string, skip: (note?: string) => void) {
  if (ok) return;
  if (inCi) throw new Error(`${what} is not installed; .ci/run installs it (apt-get install ${pkg}).`);
  const note = `${what} is not installed: test skipped. Install the ${pkg} package to run it (in CI it fails instead).`;
  console.warn(note);
  skip(note);
}

/** The file re-saved as .xlsx by LibreOffice, with a profile of its own (so a running soffice does not swallow the job). */
function libreOfficeResave(file: string, tag: string): string {
  const out = join(dir, `lo-${tag}`);
  mkdirSync(out, { recursive: true });
  const profile = join(dir, `lo-profile-${tag}`);
  const r = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, file], { encoding: 'utf8', timeout: 120_000 });
  const path = join(out, basename(file).replace(/\.[^.]+$/, '.xlsx'));
  if (r.error || !existsSync(path)) throw new Error(`LibreOffice did not convert ${file}: ${r.error?.message ?? ''} ${r.stderr} ${r.stdout}`);
  return path;
}

function gnumericResave(file: string, tag: string): string {
  const path = join(dir, `gnumeric-${tag}.xlsx`);
  const r = spawnSync(SSCONVERT, [file, path], { encoding: 'utf8', timeout: 120_000 });
  if (r.error || r.status !== 0) throw new Error(`ssconvert did not convert ${file}: ${r.error?.message ?? ''} ${r.stderr}`);
  return path;
}

// ---- The demo ---------------------------------------------------------------------------------

const demo = buildDemoWorkbook({ today: TODAY });
const demoRows = (wb: WorkbookData) => ({ projects: wb.records.project.length, allocations: wb.records.allocation.length, milestones: wb.records.milestone.length, raid: wb.records.raid.length });

describe('pmo import of an export of the same workbook: the merge', () => {
  it('an unedited export reports 0 changes and writes nothing; the allocation grid is not imported again (a plain import made the demo’s 297 allocations 3,340)', async () => {
    const wbPath = writeWorkbook('demo.pmowb', demo);
    const before = readFileSync(wbPath, 'utf8');
    const xlsx = await exportOf(wbPath, 'demo.xlsx');
    const dry = await run('import', xlsx, '--into', wbPath, '--dry-run');
    expect(dry.code, dry.out + dry.err).toBe(0);
    expect(dry.out).toMatch(/merged with this workbook's export .*: 0 changes; [\d,]+ rows unchanged/);
    expect(dry.out).toContain('Dry run: nothing written.');
    const r = await run('import', xlsx, '--into', wbPath);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('0 changes');
    expect(r.out).toContain('Nothing to merge: nothing written.');
    expect(readFileSync(wbPath, 'utf8')).toBe(before);
    expect(demoRows(readWorkbook(wbPath))).toEqual(demoRows(demo));
    const j = await mergeJson(xlsx, wbPath, '--dry-run');
    expect(j).toMatchObject({ changes: 0, cells: 0, newRows: 0, deletedRows: 0, conflicts: 0, rows: [], issues: [], written: false });
    // Every record of the exported sheets is accounted for as unchanged.
    const wb = XLSX.read(readFileSync(xlsx), { type: 'buffer' });
    const dataRows = ['Projects', 'Milestones', 'Resources', 'Allocations', 'RAID'].reduce((n, s) => n + XLSX.utils.sheet_to_json(wb.Sheets[s]!).length, 0);
    expect(j.unchanged).toBeGreaterThanOrEqual(dataRows);
  }, 60_000);

  it('a 10k-project export reports 0 changes', async () => {
    const big = buildScaleWorkbook({ projects: 10_000, people: 500, allocations: 5_000, today: TODAY, seed: 5 });
    const wbPath = writeWorkbook('big.pmowb', big);
    const xlsx = await exportOf(wbPath, 'big.xlsx');
    const j = await mergeJson(xlsx, wbPath, '--dry-run');
    expect(j).toMatchObject({ changes: 0, rows: [], issues: [] });
    expect(j.unchanged).toBeGreaterThanOrEqual(10_000 + big.records.milestone.length + 500);
  }, 300_000);

  for (const [program, ok, pkg, resave] of [
    ['LibreOffice', hasSoffice, 'libreoffice-calc', libreOfficeResave],
    ['Gnumeric', hasSsconvert, 'gnumeric', gnumericResave],
  ] as const) {
    it(`re-saved by ${program}: 0 changes; five edits made in it are exactly those five, and a deleted row is reported as deleted`, async (t) => {
      requireProgram(ok, program, pkg, t.skip);
      const tag = program.toLowerCase();
      const wbPath = writeWorkbook(`demo-${tag}.pmowb`, demo);
      const xlsx = await exportOf(wbPath, `demo-${tag}.xlsx`);
      const resaved = resave(xlsx, `plain-${tag}`);
      expect(await mergeJson(resaved, wbPath, '--dry-run')).toMatchObject({ changes: 0, rows: [], issues: [] });

      // Five cells edited and a RAID row deleted in the re-saved file, then saved by the program again.
      const book = XLSX.read(readFileSync(resaved), { type: 'buffer' });
      const rowsOf = (sheet: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[sheet]!, { raw: true });
      const ID = 'Record id (do not edit)';
      const [p1, p2] = rowsOf('Projects');
      const [m1] = rowsOf('Milestones');
      const [r1, , r3] = rowsOf('RAID');
      const alloc = rowsOf('Allocations').find((r) => Object.keys(r).some((k) => /^\d{4}-W\d\d$/.test(k) && typeof r[k] === 'number'))!;
      const week = Object.keys(alloc).find((k) => /^\d{4}-W\d\d$/.test(k) && typeof alloc[k] === 'number')!;
      const edits: ExportEdit[] = [
        { sheet: 'Projects', matchHeader: ID, match: String(p1![ID]), header: 'Name', value: 'CRM replacement, phase 1' },
        { sheet: 'Projects', matchHeader: ID, match: String(p2![ID]), header: 'Budget', value: 2_345_678.5 },
        { sheet: 'Milestones', matchHeader: ID, match: String(m1![ID]), header: 'Forecast', value: { date: '2027-02-15' } },
        { sheet: 'RAID', matchHeader: ID, match: String(r1![ID]), header: 'Title', value: 'Partner keeps its velocity (checked in review)' },
        { sheet: 'Allocations', matchHeader: ID, match: String(alloc[ID]), header: week, value: Number(alloc[week]) + 4 },
      ];
      const edited = join(dir, `edited-${tag}.xlsx`);
      writeFileSync(edited, editExport(new Uint8Array(readFileSync(resaved)), edits, { deleteRows: [{ sheet: 'RAID', matchHeader: ID, match: String(r3![ID]) }] }).bytes);
      const returned = resave(edited, `edited-${tag}`);

      const j = await mergeJson(returned, wbPath, '--dry-run');
      expect(j.issues).toEqual([]);
      expect({ cells: j.cells, newRows: j.newRows, deletedRows: j.deletedRows, conflicts: j.conflicts, changes: j.changes }).toEqual({ cells: 5, newRows: 0, deletedRows: 1, conflicts: 0, changes: 6 });
      const changed = j.rows.filter((r) => r.change === 'changed').map((r) => ({ sheet: r.sheet, id: r.recordId, cells: r.cells.map((c) => [c.field, c.kind, c.theirs]) }));
      expect(changed).toEqual(
        expect.arrayContaining([
          { sheet: 'Projects', id: p1![ID], cells: [['name', 'theirs', 'CRM replacement, phase 1']] },
          { sheet: 'Projects', id: p2![ID], cells: [['budget', 'theirs', 234_567_850]] },
          { sheet: 'Milestones', id: m1![ID], cells: [['forecastDate', 'theirs', '2027-02-15']] },
          { sheet: 'RAID', id: r1![ID], cells: [['title', 'theirs', 'Partner keeps its velocity (checked in review)']] },
          { sheet: 'Allocations', id: alloc[ID], cells: [[expect.stringMatching(/^period:\d{4}-\d\d-\d\d$/), 'theirs', Number(alloc[week]) + 4]] },
        ]),
      );
      expect(changed).toHaveLength(5);
      expect(j.rows.filter((r) => r.change === 'deleted')).toEqual([expect.objectContaining({ sheet: 'RAID', recordId: r3![ID] })]);

      // The text report names each change, and the deletion is listed, not applied by default.
      const text = await run('import', returned, '--into', wbPath);
      expect(text.code, text.out + text.err).toBe(0);
      expect(text.out).toMatch(/6 changes: 5 cells in 5 rows, 0 new rows, 1 row removed from the file/);
      expect(text.out).toMatch(/Name \([A-Z]+\): "CRM replacement" → "CRM replacement, phase 1"/);
      expect(text.out).toMatch(/deleted RAID .*: not in the file; kept \(--deletions apply deletes it\)/);
      const saved = readWorkbook(wbPath);
      expect(saved.records.project.find((p) => p.id === p1![ID])?.name).toBe('CRM replacement, phase 1');
      expect(saved.records.project.find((p) => p.id === p2![ID])?.budget).toBe(234_567_850);
      expect(saved.records.milestone.find((m) => m.id === m1![ID])?.forecastDate).toBe('2027-02-15');
      expect(saved.records.raid.find((r) => r.id === r1![ID])?.title).toBe('Partner keeps its velocity (checked in review)');
      expect(saved.records.raid.some((r) => r.id === r3![ID])).toBe(true);
      // Applied once: the same file again has nothing left to take (the workbook now holds the file's values).
      const again = await mergeJson(returned, wbPath, '--dry-run');
      expect({ cells: again.cells, deletedRows: again.deletedRows }).toEqual({ cells: 0, deletedRows: 1 });
      // --deletions apply deletes the row removed from the file.
      const del = await run('import', returned, '--into', wbPath, '--deletions', 'apply');
      expect(del.code, del.out + del.err).toBe(0);
      expect(del.out).toMatch(/deleted RAID .*: not in the file; deleted \(--deletions apply\)/);
      expect(readWorkbook(wbPath).records.raid.some((r) => r.id === r3![ID])).toBe(false);
    }, 300_000);
  }

  it('--conflicts: ours keeps the workbook value (the default, as the app), file takes the file’s, fail exits 3 with nothing written', async () => {
    const wbPath = writeWorkbook('conflict.pmowb', demo);
    const xlsx = await exportOf(wbPath, 'conflict.xlsx');
    const p1 = demo.records.project[0]!;
    const p2 = demo.records.project[1]!;
    const returned = join(dir, 'conflict-edited.xlsx');
    writeFileSync(
      returned,
      editExport(new Uint8Array(readFileSync(xlsx)), [
        { sheet: 'Projects', matchHeader: 'Code', match: p1.code, header: 'Name', value: 'Name from the file' },
        { sheet: 'Projects', matchHeader: 'Code', match: p2.code, header: 'Business unit', value: 'Unit from the file' },
      ]).bytes,
    );
    // Meanwhile the workbook's PRJ name changed too.
    const here = readWorkbook(wbPath);
    here.records.project.find((p) => p.id === p1.id)!.name = 'Name changed here';
    writeFileSync(wbPath, serializeWorkbook(here, { exportedAt: `${TODAY}T00:00:00Z`, appVersion: 'test' }));
    const before = readFileSync(wbPath, 'utf8');

    const fail = await run('import', returned, '--into', wbPath, '--conflicts', 'fail');
    expect(fail.code, fail.out + fail.err).toBe(3);
    expect(fail.out).toMatch(/Name \([A-Z]+\): conflict: file "Name from the file", workbook "Name changed here", was "[^"]+": refused \(--conflicts fail\)/);
    expect(fail.out).toContain('1 conflict and --conflicts fail: nothing written.');
    expect(readFileSync(wbPath, 'utf8')).toBe(before);

    const dry = await mergeJson(returned, wbPath, '--dry-run');
    expect({ cells: dry.cells, conflicts: dry.conflicts }).toEqual({ cells: 2, conflicts: 1 });

    const ours = await run('import', returned, '--into', wbPath);
    expect(ours.code, ours.out + ours.err).toBe(0);
    expect(ours.out).toMatch(/conflict: .*keeps the workbook's/);
    let saved = readWorkbook(wbPath);
    expect(saved.records.project.find((p) => p.id === p1.id)?.name).toBe('Name changed here');
    expect(saved.records.project.find((p) => p.id === p2.id)?.businessUnit).toBe('Unit from the file');

    const file = await run('import', returned, '--into', wbPath, '--conflicts', 'file');
    expect(file.code, file.out + file.err).toBe(0);
    expect(file.out).toMatch(/conflict: .*takes the file's/);
    saved = readWorkbook(wbPath);
    expect(saved.records.project.find((p) => p.id === p1.id)?.name).toBe('Name from the file');
  }, 60_000);

  it('an export of another workbook, or a snapshot of a newer app, is imported row by row with the app’s note; --mapping is refused for a merge', async () => {
    const tiny = writeWorkbook('tiny.pmowb', tinyWorkbook('wb-tiny'));
    const other = writeWorkbook('other.pmowb', tinyWorkbook('wb-other'));
    const xlsx = await exportOf(tiny, 'tiny.xlsx');
    const r = await run('import', xlsx, '--into', other, '--dry-run');
    expect(r.out).toMatch(/^note: This file is an export of “[^”]+”, another workbook: its rows are imported like any spreadsheet’s, matched by code and name\./);
    expect(r.out).toMatch(/rows: \d+ new, \d+ updated, \d+ unchanged/);

    const wb = XLSX.read(readFileSync(xlsx), { type: 'buffer' });
    wb.Sheets['_pmo']!['B2'] = { t: 's', v: 'pmo-workbench-export/99' };
    const newer = join(dir, 'newer.xlsx');
    writeFileSync(newer, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const n = await run('import', newer, '--into', tiny, '--dry-run');
    expect(n.out).toMatch(/^note: This file was exported by a newer PMO Workbench \(pmo-workbench-export\/99\), so it cannot be merged cell by cell: its rows are imported like any spreadsheet’s\./);

    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ sheets: [{ sheet: 'Projects', kind: 'project' }] }));
    const m = await run('import', xlsx, '--into', tiny, '--mapping', map);
    expect(m.code, m.out + m.err).toBe(2);
    expect(m.err).toMatch(/--mapping does not apply: tiny\.xlsx is an export of this workbook/);
  }, 60_000);
});

// ---- --into NEW.pmowb ----------------------------------------------------------------------

function clientXlsx(name: string): string {
  const ws = XLSX.utils.aoa_to_sheet([
    ['Proj #', 'Proj Name', 'PM', 'Go-live', 'Budget'],
    ['PRJ-001', 'CRM replacement', 'Ann Lee', '06/30/2026', '120,000.50'],
    ['PRJ-002', 'New intranet', 'Bo Chen', '09/15/2026', '80,000'],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Portfolio');
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

describe('pmo import --into a workbook that does not exist', () => {
  it('creates it with --name, --currency and --date-order; --dry-run creates nothing', async () => {
    const file = clientXlsx('client.xlsx');
    const into = join(dir, 'new.pmowb');
    const dry = await run('import', file, '--into', into, '--dry-run', '--currency', 'eur');
    expect(dry.out).toMatch(/new\.pmowb does not exist: a new workbook “client” \(EUR, dates DMY\) is created/);
    expect(existsSync(into)).toBe(false);
    const r = await run('import', file, '--into', into, '--name', 'Client portfolio', '--currency', 'eur', '--date-order', 'MDY');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/2 new, 0 updated/);
    const wb = readWorkbook(into);
    expect(wb.settings).toMatchObject({ name: 'Client portfolio', currency: 'EUR', dateOrder: 'MDY' });
    expect(wb.records.project.map((p) => [p.code, p.finish, p.budget])).toEqual([
      ['PRJ-001', '2026-06-30', 12_000_050],
      ['PRJ-002', '2026-09-15', 8_000_000],
    ]);
    // The workbook then exists: the same import updates nothing, and the creation options are refused.
    const before = readFileSync(into, 'utf8');
    expect((await run('import', file, '--into', into)).out).toMatch(/0 new, 0 updated, 2 unchanged/);
    const refused = await run('import', file, '--into', into, '--currency', 'USD', '--name', 'Other');
    expect(refused.code, refused.out + refused.err).toBe(2);
    expect(refused.err).toMatch(/--name, --currency set up a new workbook, and .*new\.pmowb exists: its settings are left as they are/);
    expect(readFileSync(into, 'utf8')).toBe(before);
  });

  it('an export imported into a new workbook is a plain import of all its rows', async () => {
    const src = writeWorkbook('demo-src.pmowb', demo);
    const xlsx = await exportOf(src, 'demo-src.xlsx');
    const into = join(dir, 'fresh.pmowb');
    const r = await run('import', xlsx, '--into', into);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^note: This file is an export of “Northwind Portfolio \(sample\)”, another workbook/);
    const wb = readWorkbook(into);
    expect(wb.records.project.length).toBe(demo.records.project.length);
    expect(wb.records.milestone.length).toBe(demo.records.milestone.length);
  }, 60_000);

  it('bad values are refused before anything is read: currency, date order, name, a target that is not .pmowb', async () => {
    const file = clientXlsx('client2.xlsx');
    const into = join(dir, 'never.pmowb');
    for (const [args, message] of [
      [['--currency', 'EURO'], /--currency must be a 3-letter ISO 4217 code/],
      [['--currency', 'EUE'], /"EUE" is not an ISO 4217 currency code/],
      [['--date-order', 'DDMMYY'], /--date-order must be DMY, MDY or YMD/],
      [['--name', '  '], /--name must be 1 to 100 characters/],
      [['--conflicts', 'theirs'], /--conflicts must be ours, file or fail/],
      [['--deletions', 'yes'], /--deletions must be keep or apply/],
    ] as const) {
      const r = await run('import', file, '--into', into, ...args);
      expect(r.code, r.out + r.err).toBe(2);
      expect(r.err).toMatch(message);
    }
    const notWb = await run('import', file, '--into', join(dir, 'portfolio.json'));
    expect(notWb.code, notWb.out + notWb.err).toBe(2);
    expect(notWb.err).toMatch(/portfolio\.json does not exist; to create a workbook, name it \.pmowb/);
    const noFolder = await run('import', file, '--into', join(dir, 'no-such-folder', 'new.pmowb'));
    expect(noFolder.code).toBe(2);
    expect(noFolder.err).toMatch(/new\.pmowb cannot be created: the folder .*no-such-folder does not exist/);
    expect(existsSync(into)).toBe(false);
  });
});
