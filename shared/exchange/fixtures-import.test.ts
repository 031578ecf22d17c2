// Every file under test/fixtures (written by Excel, LibreOffice and others) goes through
// the whole importer, every sheet forced in: it opens or is refused with a reason, never
// crashes, and the report accounts for every row of every sheet.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkbookState } from '../commands/state';
import { planNewWorkbook } from '../commands/new-workbook';
import { testClock, tinyWorkbook } from '../../test/helpers/tiny-workbook';
import { readSpreadsheet } from './read/read';
import { analyseWorkbook, previewImport } from './analyse';

const ROOT = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('fixtures through the importer', () => {
  const all = files(ROOT);
  it('finds the fixtures', () => expect(all.length).toBeGreaterThan(40));
  for (const path of all) {
    it(relative(ROOT, path), () => {
      const clock = testClock();
      const p = planNewWorkbook(tinyWorkbook(), { ...clock, origin: 'create', label: 'New' });
      const state = new WorkbookState(p.workbook, p.rows);
      const read = readSpreadsheet(new Uint8Array(readFileSync(path)), path.split('/').pop()!);
      if (!read.ok) {
        expect(read.reason).toMatch(/\S{10,}/);
        return;
      }
      const proposals = analyseWorkbook(read.workbook, state.settings, []).map((x) => ({ ...x, include: true }));
      const { report } = previewImport(state, read.workbook, proposals, { ...clock, today: '2026-11-21' });
      for (const prop of proposals) {
        const sheet = read.workbook.sheets.find((s) => s.name === prop.sheet)!;
        const reported = new Set(report.rows.filter((r) => r.sheet === prop.sheet).map((r) => r.row));
        const nonBlank = sheet.rows.flatMap((r, i) => (r.some((c) => c !== null && c !== '') ? [i + 1] : []));
        for (const row of nonBlank) expect(reported.has(row), `${prop.sheet} row ${row} accounted for`).toBe(true);
      }
      for (const i of report.issues) expect(i.message.length).toBeGreaterThan(5);
    });
  }
});
