// npm run bench: the renderer's read side. (a) React component renders for one edit in the
// project register after the Overview, Roadmap and Capacity areas were visited (sample
// portfolio), counted by a stand-in for the React DevTools hook installed before React loads;
// (b) capacity model rebuilds caused by renaming a programme; (c) the heat map's update after one
// allocation edit; (d) edit → persisted in the register (both at 10,000 projects, 2,000 people,
// 200,000 allocations). Figures are printed beside their targets; the run asserts only that the
// work was done.
import { expect, test, type Page } from '@playwright/test';
import { APP_URL, openWorkbookFile, writeScaleWorkbook } from './open-scale';
import { median, printTable } from './report';
import { armSaved, editCell } from './edit-timing';
import type {} from '../../renderer/views/capacity/test-hook';

/**
 * Counts, for every React commit, the components that rendered in it (function, class,
 * forwardRef and simple memo components whose fiber did work), walking only the subtrees the
 * commit changed, as React DevTools does. React talks to `__REACT_DEVTOOLS_GLOBAL_HOOK__` in
 * production builds too.
 */
function installRenderCounter() {
  const w = window as unknown as { __pmoRenders: { commits: number; renders: number; byName: Record<string, number> }; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
  w.__pmoRenders = { commits: 0, renders: 0, byName: {} };
  interface Fiber {
    tag: number;
    flags: number;
    type: { displayName?: string; name?: string; render?: { name?: string } } | string | null;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
  }
  const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
  const PERFORMED_WORK = 1;
  const walk = (next: Fiber, prev: Fiber | null) => {
    if (COMPONENT_TAGS.has(next.tag) && (prev === null || (next.flags & PERFORMED_WORK) !== 0)) {
      w.__pmoRenders.renders++;
      const t = next.type;
      const name = t && typeof t === 'object' ? t.displayName || t.name || t.render?.name || '?' : typeof t === 'function' ? (t as { name: string }).name || '?' : '?';
      w.__pmoRenders.byName[name] = (w.__pmoRenders.byName[name] ?? 0) + 1;
    }
    // A subtree the commit did not touch keeps its children: nothing under it rendered.
    if (prev !== null && next.child === prev.child) return;
    for (let c = next.child; c; c = c.sibling) walk(c, c.alternate);
  };
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      w.__pmoRenders.commits++;
      walk(root.current, root.current.alternate);
    },
  };
}

const area = (page: Page, name: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name, exact: true });

/** Lets the page settle (a few frames and a quiet moment) so effects after a commit are counted. */
async function settle(page: Page) {
  await page.evaluate(async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => setTimeout(r, 150));
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  });
}

test('read model: React renders for one register edit with Overview, Roadmap and Capacity visited', async ({ page }) => {
  test.setTimeout(5 * 60_000);
  await page.addInitScript(installRenderCounter);
  await page.goto(APP_URL);
  await page.getByRole('button', { name: /Open the sample portfolio/ }).click();
  await expect(page.locator('.busy-overlay')).toHaveCount(0, { timeout: 60_000 });
  await area(page, 'Overview').click();
  await area(page, 'Roadmap').click();
  await expect(page.getByTestId('roadmap-chart')).toBeVisible();
  await area(page, 'Capacity').click();
  await expect.poll(() => page.evaluate(() => window.__pmoCapacity?.drawn()?.cells ?? 0)).toBeGreaterThan(0);
  await area(page, 'Projects').click();
  await expect(page.locator('.data-grid .ag-row[row-index="2"]')).toBeVisible();
  await settle(page);

  const runs: { renders: number; commits: number; ms: number; byName: Record<string, number> }[] = [];
  for (let i = 0; i < 5; i++) {
    const ms = await editCell(page, 2, 'businessUnit', `Unit ${i}`, true);
    await settle(page);
    const counted = await page.evaluate(() => (window as unknown as { __pmoRenders: { commits: number; renders: number; byName: Record<string, number> } }).__pmoRenders);
    runs.push({ ...counted, ms });
  }
  expect(runs.every((r) => r.commits > 0)).toBe(true);
  printTable('Renderer read side: one edit in the project register, sample portfolio (Overview, Roadmap, Capacity visited)', [
    ['figure', 'median of 5', 'all runs'],
    ['React commits for one edit', String(median(runs.map((r) => r.commits))), runs.map((r) => r.commits).join(' ')],
    ['component renders for one edit', String(median(runs.map((r) => r.renders))), runs.map((r) => r.renders).join(' ')],
    ['component renders per React commit', (median(runs.map((r) => r.renders)) / median(runs.map((r) => r.commits))).toFixed(1), ''],
    // The same run on the code before the read model (05e7521: one snapshot published three times a commit, 26 bare useApp() readers).
    ['before the read model (05e7521): commits / renders for one edit', '10 / 271', 'ratio now ÷ before: ' + (median(runs.map((r) => r.renders)) / 271).toFixed(2)],
    ['edit → persisted (sample portfolio)', `${median(runs.map((r) => r.ms)).toFixed(1)} ms`, ''],
    // Who rendered in the last run (readable names in an unminified build: PMO_NO_MINIFY=1).
    ['most rendered components (last run)', Object.entries(runs.at(-1)!.byName).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, c]) => `${n} ${c}`).join(', '), ''],
  ]);
});

test('read model at scale: programme rename, allocation edit in the heat map, register edit → persisted', async ({ page }, testInfo) => {
  test.setTimeout(15 * 60_000);
  const file = testInfo.outputPath('scale-read-model.pmowb');
  await writeScaleWorkbook(file, 'Scale read model', { projects: 10_000, people: 2_000, allocations: 200_000, today: '2026-11-21', seed: 11 });
  await openWorkbookFile(page, file, 'Scale read model', 180_000);
  const hook = () => page.evaluate(() => ({ builds: window.__pmoCapacity?.builds?.() ?? null, buildMs: window.__pmoCapacity?.buildMs() ?? null }));

  // The capacity model exists (first build), then the Overview and Roadmap are visited.
  await area(page, 'Capacity').click();
  await expect.poll(() => page.evaluate(() => window.__pmoCapacity?.drawn()?.cells ?? 0), { timeout: 120_000 }).toBeGreaterThan(0);
  const first = await hook();
  await area(page, 'Overview').click();
  await area(page, 'Roadmap').click();

  // (b) Rename a programme in its register, then go back to Capacity: no rebuild.
  await area(page, 'Programmes').click();
  await expect(page.locator('.data-grid .ag-row[row-index="0"]')).toBeVisible({ timeout: 60_000 });
  await editCell(page, 0, 'name', 'Renamed programme');
  await area(page, 'Capacity').click();
  await expect.poll(() => page.evaluate(() => window.__pmoCapacity?.drawn()?.cells ?? 0), { timeout: 120_000 }).toBeGreaterThan(0);
  const afterRename = await hook();
  // Without a build counter (the code before the read model), a build shows as build time above 0.
  const renameRebuilds = afterRename.builds !== null && first.builds !== null ? afterRename.builds - first.builds : (afterRename.buildMs ?? 0) > 0 ? 1 : 0;

  // (c) One allocation edit in the demand grid while the heat map shows: from the commit landing
  // in memory to the heat map painted with it (the IndexedDB write before it is not counted).
  await page.getByRole('complementary', { name: 'Over-allocation' }).getByTestId('overload').first().getByRole('button').first().click();
  await page.getByTestId('capacity-drilldown').getByRole('button', { name: /^Edit demand of / }).first().click();
  const panel = page.getByTestId('demand-panel');
  await expect(panel).toBeVisible();
  const updates: { total: number; storage: number; heat: number; rebuilt: boolean; buildMs: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const cell = panel.locator('.ag-row[row-index="0"] .ag-cell:not([col-id="who"]):not([col-id="tentative"])').nth(3);
    await cell.click();
    await page.keyboard.press('F2');
    await panel.locator('.cell-input').fill(String(10 + i));
    const before = await hook();
    await page.evaluate(() => {
      const w = window as unknown as { __t0: number };
      document.addEventListener('keydown', () => (w.__t0 = performance.now()), { once: true, capture: true });
    });
    const paints0 = await page.evaluate(() => window.__pmoCapacity?.paints?.() ?? 0);
    await armSaved(page);
    await page.keyboard.press('Enter');
    await page.evaluate(() => (window as unknown as { __saved: Promise<number> }).__saved);
    await settle(page);
    const m = await page.evaluate((p0) => {
      const storage = performance.getEntriesByName('pmo:commit:storage').at(-1)!;
      const stored = storage.startTime + storage.duration;
      const t0 = (window as unknown as { __t0: number }).__t0;
      const paintedAt = window.__pmoCapacity?.paints && window.__pmoCapacity.paints() > p0 ? window.__pmoCapacity.lastPaintAt() : null;
      return { total: paintedAt === null ? NaN : paintedAt - t0, storage: storage.duration, heat: paintedAt === null ? NaN : paintedAt - stored };
    }, paints0);
    const after = await hook();
    updates.push({ ...m, rebuilt: after.builds !== null && before.builds !== null ? after.builds > before.builds : (after.buildMs ?? 0) > 0, buildMs: after.buildMs ?? 0 });
  }
  await panel.getByRole('button', { name: 'Close the demand grid' }).click();

  // (d) Edit → persisted in the project register.
  await area(page, 'Projects').click();
  await expect(page.locator('.data-grid .ag-row[row-index="2"]')).toBeVisible({ timeout: 60_000 });
  const editMs: number[] = [];
  for (let i = 0; i < 5; i++) editMs.push(await editCell(page, 2, 'businessUnit', `Unit ${i}`));
  const parts = await page.evaluate(() => {
    const last = (name: string) => performance.getEntriesByName(name).slice(-5).map((e) => e.duration);
    return { storage: last('pmo:commit:storage'), total: last('pmo:commit:total') };
  });

  const heat = updates.map((u) => u.heat).filter((x) => Number.isFinite(x));
  printTable('Renderer read side at 10,000 projects, 2,000 people, 200,000 allocations', [
    ['figure', 'measured', 'target', 'ratio to target'],
    ['capacity model rebuilds after renaming a programme', String(renameRebuilds), '0', ''],
    ['heat map update after one allocation edit (commit in memory → painted), median of 5', heat.length ? `${median(heat).toFixed(1)} ms` : 'not painted', '≤ 16 ms', heat.length ? (median(heat) / 16).toFixed(2) : ''],
    ['  all runs', heat.map((x) => x.toFixed(1)).join(' '), '', ''],
    ['  full model rebuilds among those edits', String(updates.filter((u) => u.rebuilt).length), '0', ''],
    ['  model build time of those rebuilds (median)', updates.some((u) => u.rebuilt) ? `${median(updates.filter((u) => u.rebuilt).map((u) => u.buildMs)).toFixed(1)} ms` : '—', '', ''],
    ['  edit → heat map painted, incl. IndexedDB write (median)', `${median(updates.map((u) => u.total)).toFixed(1)} ms`, '', ''],
    ['register edit → persisted (median of 5)', `${median(editMs).toFixed(1)} ms`, '≤ 50 ms', (median(editMs) / 50).toFixed(2)],
    ['  all runs', editMs.map((x) => x.toFixed(1)).join(' '), '', ''],
    ['  of which: validate + IndexedDB transaction', `${median(parts.storage).toFixed(1)} ms`, '', ''],
    ['  of which: commit incl. undo state and re-render', `${median(parts.total).toFixed(1)} ms`, '', ''],
  ]);
  expect(editMs.length).toBe(5);
});
