// npm run bench: database layer versus raw IndexedDB, open time and heap, on a scale workbook.
import { expect, test } from '@playwright/test';
import { median, printTable } from './report';

test('database: write through the layer vs raw IndexedDB, open, heap', async ({ page }) => {
  await page.goto('/db.html');
  await expect(page.locator('#status')).toHaveText('ready');
  const size = { projects: 10_000, people: 2_000, allocations: 200_000 };
  const r = await page.evaluate((s) => window.runDbBench({ ...s, rounds: 3 }), size);
  const raw = median(r.rawMs);
  const layer = median(r.layerMs);
  printTable(`Database, ${size.projects} projects / ${size.people} people / ${size.allocations} allocations (${r.records} records), median of ${r.rawMs.length}`, [
    ['raw IndexedDB puts, one transaction', `${raw.toFixed(0)} ms`, 'baseline'],
    ['database layer (records + journal + undo)', `${layer.toFixed(0)} ms`, `${(layer / raw).toFixed(2)}× raw (target ≤ 1.5×)`],
    ['open: load into memory ready for views', `${median(r.openMs).toFixed(0)} ms`, ''],
    ['JS heap held by the open workbook', r.heapOfOpenMB === null ? 'n/a' : `${r.heapOfOpenMB.toFixed(0)} MB`, 'after GC'],
  ]);
  expect(r.records).toBeGreaterThan(size.projects + size.allocations);
});
