// Text kept exactly: free text with line breaks, leading and trailing spaces, a leading tab,
// runs of spaces, blank lines and non-Latin scripts goes out in our export, is re-saved by
// LibreOffice and by Gnumeric as .xlsx and .ods, comes back through the reader and the merge,
// and the merge finds no change; every such cell reads back equal to what was stored.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { createIdGenerator } from '../util/ids';
import { buildExport } from './export';
import { writeXlsxReport } from './xlsx/writer';
import { readSpreadsheet } from './read/read';
import { diffReturnedWorkbook } from './merge';
import { cellText, type SourceWorkbook } from './source';
import { TRICKY_TEXTS, trickyData } from '../../test/helpers/tricky-text';

const SOFFICE = process.env['SOFFICE'] || 'soffice';
const SSCONVERT = process.env['SSCONVERT'] || 'ssconvert';
const has = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
const programs = { libreoffice: has(SOFFICE), gnumeric: has(SSCONVERT) };
if (process.env['CI'] && !(programs.libreoffice && programs.gnumeric)) throw new Error('LibreOffice (soffice) and Gnumeric (ssconvert) are required in CI: .ci/run installs them');

/** The demo workbook with the tricky texts in free-text fields of every kind of record. */
function trickyWorkbook(): WorkbookState {
  const clock = { newId: createIdGenerator({ now: () => Date.UTC(2026, 10, 21), random: Math.random }), now: () => '2026-11-21T09:00:00.000Z' };
  const p = planNewWorkbook(trickyData(), { ...clock, origin: 'demo', label: 'Demo' });
  return new WorkbookState(p.workbook, p.rows);
}

/** Every cell of the file holding one of the tricky texts, as read: they must all be exact. */
function trickyCells(wb: SourceWorkbook): { found: Set<string>; mangled: string[] } {
  const found = new Set<string>();
  const mangled: string[] = [];
  const loose = new Map(TRICKY_TEXTS.map((t) => [t.replace(/\s+/g, ' ').trim(), t]));
  for (const s of wb.sheets) {
    if (s.name === '_pmo') continue;
    for (const row of s.rows)
      for (const c of row) {
        const t = cellText(c);
        const want = loose.get(t.replace(/\s+/g, ' ').trim());
        if (want === undefined) continue;
        if (t === want) found.add(t);
        else mangled.push(`${JSON.stringify(want)} read as ${JSON.stringify(t)}`);
      }
  }
  return { found, mangled };
}

function convert(program: 'libreoffice' | 'gnumeric', from: string, ext: 'xlsx' | 'ods', dir: string): string {
  const outDir = join(dir, program, ext);
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `export.${ext}`);
  const r =
    program === 'libreoffice'
      ? spawnSync(SOFFICE, [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--headless', '--norestore', '--convert-to', ext === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'ods:calc8', '--outdir', outDir, from], { encoding: 'utf8', timeout: 300_000 })
      : spawnSync(SSCONVERT, ['-T', ext === 'xlsx' ? 'Gnumeric_Excel:xlsx2' : 'Gnumeric_OpenCalc:odf', from, out], { encoding: 'utf8', timeout: 300_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${program} could not save .${ext}: ${r.stderr}`);
  return out;
}

describe('text kept exactly: export → re-save → merge', () => {
  const state = trickyWorkbook();
  const { workbook, snapshot } = buildExport(state, { exportId: 'x-text', exportedAt: '2026-11-21T09:00:00.000Z', today: '2026-11-21', grid: 'week' });
  const { bytes, losses } = writeXlsxReport(workbook);
  const dir = mkdtempSync(join(tmpdir(), 'pmo-text-'));
  const original = join(dir, 'export.xlsx');
  writeFileSync(original, bytes);
  const total = snapshot.sheets.reduce((n, s) => n + s.rows.length, 0);

  const check = (path: string) => {
    const read = readSpreadsheet(new Uint8Array(readFileSync(path)), path);
    if (!read.ok) throw new Error(read.reason);
    const { found, mangled } = trickyCells(read.workbook);
    expect(mangled).toEqual([]);
    expect([...found].sort()).toEqual([...TRICKY_TEXTS].sort());
    const diff = diffReturnedWorkbook(state, read.workbook, snapshot, { today: '2026-11-21' });
    expect(diff.issues).toEqual([]);
    expect(diff.rows.flatMap((r) => r.cells.map((c) => `${r.sheet} ${r.label} ${c.label}: ${JSON.stringify(c.baseText)} → ${JSON.stringify(c.theirsText)}`))).toEqual([]);
    expect(diff.rows).toEqual([]);
    expect(diff.unchanged).toBe(total);
  };

  it('our own file: nothing lost in writing, no change on merge', () => {
    expect(losses).toEqual([]);
    check(original);
  });

  for (const program of ['libreoffice', 'gnumeric'] as const) {
    for (const ext of ['xlsx', 'ods'] as const) {
      it.skipIf(!programs[program])(`re-saved by ${program === 'libreoffice' ? 'LibreOffice' : 'Gnumeric'} as .${ext}: the same text, 0 changes`, () => {
        check(convert(program, original, ext, dir));
      }, 300_000);
    }
  }

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
