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
    ['raw IndexedDB put of the same records (no journal)', `${median(r.rawPutMs).toFixed(0)} ms`, `${(median(r.rawPutMs) / sheetjs).toFixed(2)}× SheetJS: the write's floor`],
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

test('exchange: a 50k-row xlsx through the import wizard of the real app, with every long task', async ({ page }, testInfo) => {
  test.setTimeout(10 * 60_000);
  const XLSX = await import('@e965/xlsx');
  const { writeFile } = await import('node:fs/promises');
  const aoa: unknown[][] = [['Project code', 'Project name', 'Programme', 'Project Manager', 'Start', 'Go-live', 'Budget', 'RAG', 'Status']];
  for (let i = 0; i < 50_000; i++) aoa.push([`C-${i + 1}`, `Client project ${i + 1}`, `Programme ${1 + (i % 40)}`, `Manager ${1 + (i % 300)}`, new Date(Date.UTC(2026, i % 12, 1)), new Date(Date.UTC(2027, i % 12, 1)), 10_000 + (i % 1000) * 250.5, ['Green', 'Amber', 'Red'][i % 3], ['Active', 'Closed', 'Approved'][i % 3]]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { cellDates: true }), 'Portfolio');
  const file = testInfo.outputPath('client-50k.xlsx');
  await writeFile(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

  await page.goto(`http://127.0.0.1:${process.env['PMO_WEB_PORT'] ?? 5173}/`);
  await page.getByRole('button', { name: /Start an empty workbook/ }).click();
  await page.getByRole('dialog', { name: 'New workbook' }).getByLabel('Name').fill('Bench import');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bench import' })).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  const wizard = page.getByRole('dialog', { name: /^Import/ });
  const t0 = Date.now();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Import \/ Export/ }).click();
  await page.getByRole('menuitem', { name: /^Import from spreadsheet/ }).click();
  await (await chooser).setFiles(file);
  await wizard.getByRole('button', { name: 'Next: columns' }).click({ timeout: 120_000 });
  const readMs = Date.now() - t0;
  const t1 = Date.now();
  await wizard.getByRole('button', { name: 'Next: check' }).click();
  const commit = wizard.getByRole('button', { name: /^Import [\d,]+ rows?$/ });
  await commit.waitFor({ timeout: 120_000 });
  const checkMs = Date.now() - t1;
  const beforeCommit = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
  const t2 = Date.now();
  await commit.click();
  await expect(page.getByRole('button', { name: /^Undo Import client-50k\.xlsx/ })).toBeVisible({ timeout: 120_000 });
  const commitMs = Date.now() - t2;
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  printTable('Import wizard in the app, 50,000-row xlsx (9 columns)', [
    ['read and analyse (worker), to the Sheets step', `${readMs} ms`, ''],
    ['convert, match and validate every row (worker)', `${checkMs} ms`, ''],
    ['commit: one transaction, one undo step', `${commitMs} ms`, ''],
    ['longest task on the page', `${Math.round(Math.max(0, ...tasks))} ms`, `${tasks.length} tasks over 50 ms, ${tasks.filter((t) => t > 100).length} over 100 ms (target ≤ 100 ms)`],
    ['  before the commit / during and after it', `${Math.round(Math.max(0, ...tasks.slice(0, beforeCommit)))} ms / ${Math.round(Math.max(0, ...tasks.slice(beforeCommit)))} ms`, ''],
  ]);
});
