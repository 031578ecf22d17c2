// npm run bench: spreadsheet import and export. Figures beside their targets; the run asserts
// only that the work was done.
import { expect, test } from '@playwright/test';
import { median, printTable } from './report';

test('exchange: 50k-row xlsx import vs SheetJS parse, long tasks, 10k-project export', async ({ page }) => {
  test.setTimeout(15 * 60_000);
  await page.goto('/exchange.html');
  await expect(page.locator('#status')).toHaveText('ready');
  const rows = 50_000;
  const r = await page.evaluate((n) => window.runExchangeBench({ rows: n, rounds: 3 }), rows);
  const sheetjs = median(r.sheetjsMs);
  const total = median(r.ours.map((o) => o.totalMs));
  const part = (k: 'readMs' | 'analyseMs' | 'planMs' | 'writeMs') => `${median(r.ours.map((o) => o[k])).toFixed(0)} ms`;
  printTable(`Import of a ${rows.toLocaleString('en')}-row xlsx (${r.fileMB.toFixed(1)} MB, 12 columns), median of ${r.sheetjsMs.length}`, [
    ['SheetJS XLSX.read of the same bytes (dense)', `${sheetjs.toFixed(0)} ms`, 'baseline'],
    ['ours end to end: read + map + validate + write', `${total.toFixed(0)} ms`, `${(total / sheetjs).toFixed(2)}× SheetJS (target ≤ 1.5×)`],
    ['  read (zip check, SheetJS parse, cells)', part('readMs'), ''],
    ['  analyse (header, kind, mapping)', part('analyseMs'), ''],
    ['  convert, match, validate (planChange)', part('planMs'), ''],
    ['  write to IndexedDB (one transaction)', part('writeMs'), ''],
    ['peak JS heap during import (sampled)', r.peakHeapMB === null ? 'n/a' : `${r.peakHeapMB.toFixed(0)} MB`, ''],
    ['app path (worker reads and plans, page commits)', `${r.app.totalMs.toFixed(0)} ms`, ''],
    ['  longest main-thread task', `${r.app.longestTaskMs.toFixed(0)} ms`, `${r.app.longTasks} tasks over 50 ms (target ≤ 100 ms)`],
  ]);
  printTable('Export to a styled xlsx, 10,000 projects (weekly allocation grid)', [
    ['allocations', 'build sheets', 'write xlsx', 'total', 'file'],
    ...r.export.map((e) => [e.allocations.toLocaleString('en'), `${e.buildMs.toFixed(0)} ms`, `${e.writeMs.toFixed(0)} ms`, `${(e.buildMs + e.writeMs).toFixed(0)} ms (target ≤ 2000)`, `${e.fileMB.toFixed(1)} MB`]),
  ]);
  expect(r.imported).toBe(rows);
  expect(r.app.committed).toBe(rows);
});
