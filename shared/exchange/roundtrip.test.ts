// The round trip through a real spreadsheet program: our export, re-saved by Gnumeric as .xlsx
// and as .ods, read back and diffed against the workbook it came from: no cell differs.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { buildDemoWorkbook } from '../demo/demo';
import { createIdGenerator } from '../util/ids';
import { buildExport } from './export';
import { writeXlsx } from './xlsx/writer';
import { readSpreadsheet } from './read/read';
import { diffReturnedWorkbook, exportSnapshotOf } from './merge';

const SSCONVERT = process.env['SSCONVERT'] ?? 'ssconvert';

function hasSsconvert(): boolean {
  try {
    execFileSync(SSCONVERT, ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

const available = hasSsconvert();
if (!available && process.env['CI']) throw new Error('ssconvert (Gnumeric) is required in CI: .ci/run installs it');

describe.skipIf(!available)('export → Gnumeric re-save → merge', () => {
  const clock = { newId: createIdGenerator({ now: () => Date.UTC(2026, 10, 21), random: Math.random }), now: () => '2026-11-21T09:00:00.000Z' };
  const data = buildDemoWorkbook({ today: '2026-11-21' });
  const p = planNewWorkbook(data, { ...clock, origin: 'demo', label: 'Demo' });
  const state = new WorkbookState(p.workbook, p.rows);
  const { workbook, snapshot } = buildExport(state, { exportId: 'x-1', exportedAt: '2026-11-21T09:00:00.000Z', today: '2026-11-21', grid: 'week' });
  const dir = mkdtempSync(join(tmpdir(), 'pmo-roundtrip-'));
  const original = join(dir, 'export.xlsx');
  writeFileSync(original, writeXlsx(workbook));

  for (const ext of ['xlsx', 'ods'] as const) {
    it(`re-saved as .${ext}: every cell reads back the same`, () => {
      const out = join(dir, `resaved.${ext}`);
      const stderr = execFileSync(SSCONVERT, [original, out], { stdio: 'pipe', encoding: 'utf8' });
      expect(stderr).toBe('');
      const read = readSpreadsheet(new Uint8Array(readFileSync(out)), `resaved.${ext}`);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const snap = exportSnapshotOf(read.workbook);
      expect(snap).toMatchObject({ exportId: 'x-1' });
      const diff = diffReturnedWorkbook(state, read.workbook, snapshot, { today: '2026-11-21' });
      expect(diff.issues).toEqual([]);
      expect(diff.rows).toEqual([]);
      expect(diff.unchanged).toBe(snapshot.sheets.reduce((n, s) => n + s.rows.length, 0));
    }, 60_000);
  }

  it('cleans up', () => rmSync(dir, { recursive: true, force: true }));
});
