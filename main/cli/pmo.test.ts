import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { runCli } from './pmo';
import { serializeWorkbook, parseWorkbookText } from '../../shared/file/pmowb';
import { tinyWorkbook } from '../../test/helpers/tiny-workbook';

const dir = mkdtempSync(join(tmpdir(), 'pmo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => new Date('2026-11-21T10:00:00Z') });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function workbookFile(name: string) {
  const path = join(dir, name);
  writeFileSync(path, serializeWorkbook(tinyWorkbook(), { exportedAt: '2026-11-21T00:00:00Z', appVersion: 'test' }));
  return path;
}

function clientXlsx(name: string, rows: unknown[][]) {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Portfolio');
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

const CLIENT = [
  ['Client portfolio — Q3'],
  [],
  ['Proj #', 'Proj Name', 'PM', 'Go-live', 'Budget'],
  ['PRJ-001', 'CRM replacement', 'Ann Lee', '30/06/2026', '$120,000.50'],
  ['PRJ-050', 'New intranet', 'Bo Chen', '15/09/2026', '1.2m'],
  ['PRJ-051', 'Broken dates', 'Cy Day', 'someday', '10'],
];

describe('pmo', () => {
  it('inspect prints the header row and the suggested mapping, as text and JSON', async () => {
    const file = clientXlsx('inspect.xlsx', CLIENT);
    const text = await run('inspect', file);
    expect(text.code).toBe(0);
    expect(text.out).toContain('header row 3');
    expect(text.out).toMatch(/"PM"\s+→ manager/);
    expect(text.out).toMatch(/"Go-live"\s+→ finish/);
    const json = JSON.parse((await run('inspect', file, '--json')).out);
    expect(json.sheets[0]).toMatchObject({ sheet: 'Portfolio', kind: 'project', headerRow: 3 });
    expect(json.sheets[0].columns.map((c: { field: string }) => c.field)).toEqual(['code', 'name', 'manager', 'finish', 'budget']);
    // The first command loads the commands' chunk (SheetJS, zod, shared/): seconds on a busy machine.
  }, 60_000);

  it('import writes the good rows, prints the report and exits 1 when rows of data fail', async () => {
    const wbPath = workbookFile('into.pmowb');
    const file = clientXlsx('import.xlsx', [...CLIENT, ['PRJ-052', '', 'Di Eve', '01/10/2026', '5']]);
    const r = await run('import', file, '--into', wbPath);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/2 new, 1 updated, 0 unchanged, 1 rows of data not imported, 3 set aside as layout; 1 errors \(1 cells not read on imported rows\)/);
    expect(r.out).toMatch(/Portfolio!D6 \(Go-live\): cell not read: Finish is not a date.*; left empty/);
    expect(r.out).toMatch(/Portfolio!7: not imported: a new project needs Name/);
    expect(r.out).toMatch(/Portfolio!1: set aside: title above the table/);
    const saved = parseWorkbookText(readFileSync(wbPath, 'utf8'), 'into.pmowb');
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const p = saved.workbook.records.project;
    expect(p.find((x) => x.code === 'PRJ-050')).toMatchObject({ name: 'New intranet', manager: 'Bo Chen', finish: '2026-09-15', budget: 120_000_000 });
    expect(p.find((x) => x.code === 'PRJ-001')).toMatchObject({ manager: 'Ann Lee', finish: '2026-06-30' });
    expect(p.find((x) => x.code === 'PRJ-051')).toMatchObject({ name: 'Broken dates', budget: 1000 });
    expect(p.find((x) => x.code === 'PRJ-051')!.finish ?? null).toBeNull();
    expect(p.some((x) => x.code === 'PRJ-052')).toBe(false);
  });

  it('import --dry-run writes nothing; --mapping overrides a column and is checked', async () => {
    const wbPath = workbookFile('dry.pmowb');
    const before = readFileSync(wbPath, 'utf8');
    const file = clientXlsx('dry.xlsx', CLIENT);
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ sheets: [{ sheet: 'Portfolio', kind: 'project', columns: { PM: 'sponsor' } }] }));
    const r = await run('import', file, '--into', wbPath, '--mapping', map, '--dry-run', '--json');
    const report = JSON.parse(r.out);
    expect(report.rows.find((x: { row: number }) => x.row === 5).status).toBe('new');
    expect(readFileSync(wbPath, 'utf8')).toBe(before);
    writeFileSync(map, JSON.stringify({ sheets: [{ sheet: 'Portfolio', columns: { PM: 'nonsense' } }] }));
    const bad = await run('import', file, '--into', wbPath, '--mapping', map);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/"nonsense" is not a project field/);
  });

  it('export writes a styled xlsx and one CSV per entity; bad input exits 2 with a reason', async () => {
    const wbPath = workbookFile('export.pmowb');
    const out = join(dir, 'out.xlsx');
    expect((await run('export', wbPath, '--xlsx', out, '--grid', 'month')).code).toBe(0);
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Projects', 'Milestones', 'Resources', 'Allocations', 'RAID', 'Status reports', 'Capacity', 'Lists', 'How to edit', '_pmo']);
    const csvDir = join(dir, 'csv');
    expect((await run('export', wbPath, '--csv', csvDir)).code).toBe(0);
    expect(readdirSync(csvDir).sort()).toEqual(['Allocations.csv', 'Milestones.csv', 'Projects.csv', 'RAID.csv', 'Resources.csv', 'Status reports.csv']);
    expect(readFileSync(join(csvDir, 'Projects.csv'), 'utf8')).toContain('PRJ-001,CRM replacement');
    const missing = await run('export', join(dir, 'nope.pmowb'), '--xlsx', out);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.pmowb cannot be read: ENOENT/);
    expect((await run('frobnicate')).code).toBe(2);
    const bomb = join(dir, 'not-a-sheet.xlsx');
    writeFileSync(bomb, 'PK\u0003\u0004garbage');
    const refused = await run('inspect', bomb);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/not-a-sheet\.xlsx/);
  });

  it('help and usage errors answer without loading the commands (SheetJS, schemas, shared/)', async () => {
    vi.resetModules();
    let loaded = false;
    vi.doMock('./commands', () => {
      loaded = true;
      return { inspect: () => 0, importCmd: () => 0, exportCmd: () => 0 };
    });
    try {
      const fresh = await import('./pmo');
      const call = async (...argv: string[]) => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await fresh.runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => new Date() });
        return { code, out: out.join('\n'), err: err.join('\n') };
      };
      const help = await call('--help');
      expect(help).toMatchObject({ code: 0, err: '' });
      expect(help.out).toContain('kind is one of: project, milestone, resource, allocation, raid, status.');
      expect(await call()).toMatchObject({ code: 2, err: '' });
      for (const argv of [['inspect'], ['import', 'a.xlsx'], ['export', 'w.pmowb'], ['export', 'w.pmowb', '--xlsx', 'o.xlsx', '--grid', 'day'], ['frobnicate'], ['inspect', 'a.xlsx', '--nope']]) {
        const r = await call(...argv);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/^pmo: /);
      }
      expect(loaded).toBe(false);
      // A real command does load them, so the check above can fail.
      expect((await call('inspect', 'a.xlsx')).code).toBe(0);
      expect(loaded).toBe(true);
    } finally {
      vi.doUnmock('./commands');
      vi.resetModules();
    }
  });
});
