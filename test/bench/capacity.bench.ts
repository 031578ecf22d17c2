// npm run bench: capacity maths (shared/capacity) at 2,000 people × 156 weeks × 200,000
// allocations, against a naive compute in the same run. Figures beside their targets; the run
// asserts only that the work was done (and agrees with the naive compute).
import { expect, test } from '@playwright/test';
import { median, percentile, printTable } from './report';

test('capacity: full build, incremental update and a naive baseline at 2,000 × 156 × 200,000', async ({ page }) => {
  test.setTimeout(10 * 60_000);
  await page.goto('/capacity.html');
  await expect(page.locator('#status')).toHaveText('ready');
  const r = await page.evaluate(() => window.runCapacityBench({ builds: 5, edits: 50, naive: 3 }));
  const build = median(r.buildMs);
  const naive = median(r.naiveMs);
  printTable(`Capacity model, ${r.people.toLocaleString('en')} people × ${r.weeks} weeks × ${r.allocations.toLocaleString('en')} allocations`, [
    ['generate the scale workbook (not timed below)', `${r.generateMs.toFixed(0)} ms`, ''],
    [`full build, median of ${r.buildMs.length}`, `${build.toFixed(1)} ms`, `target ≤ 200 ms; runs ${r.buildMs.map((x) => x.toFixed(0)).join(', ')}`],
    [`update after one allocation edit, median of ${r.updateMs.length}`, `${median(r.updateMs).toFixed(3)} ms`, `mean ${(r.updateMs.reduce((a, b) => a + b, 0) / r.updateMs.length).toFixed(3)} ms, p95 ${percentile(r.updateMs, 95).toFixed(3)} ms, max ${Math.max(...r.updateMs).toFixed(3)} ms (target ≤ 16 ms; timer steps 0.1 ms)`],
    ['rows(person, week, include) after an edit', `${median(r.rowsMs).toFixed(1)} ms`, 'fresh arrays for all 2,000 rows'],
    ['overloads(person, week, include)', `${r.overloadsMs.toFixed(0)} ms`, `${r.overloads.toLocaleString('en')} overloaded person-weeks`],
    [`naive full compute (every allocation × every week), median of ${r.naiveMs.length}`, `${naive.toFixed(0)} ms`, `${(naive / build).toFixed(1)}× the model's full build`],
    ['largest person-week difference model vs naive', `${r.maxDiff.toExponential(1)} h`, ''],
  ]);
  expect(r.buildMs.length).toBe(5);
  expect(r.maxDiff).toBeLessThan(1e-6);
});
