// Page object for the capacity heat map: open it, switch rows and periods, read the
// over-allocation list and the drill-down, and click cells (found through the view's test hook,
// window.__pmoCapacity, present only under automation, since the heat map is a canvas).
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
// The hook's type (window.__pmoCapacity), declared by the view.
import type {} from '../../../renderer/views/capacity/test-hook';

export interface OverloadEntry {
  key: string;
  kind: string;
  name: string;
  peak: string;
  projects: string;
}

export class CapacityPage {
  readonly heatmap: Locator;
  readonly overloads: Locator;
  readonly drilldown: Locator;

  constructor(readonly page: Page) {
    this.heatmap = page.getByTestId('capacity-heatmap');
    this.overloads = page.getByRole('complementary', { name: 'Over-allocation' });
    this.drilldown = page.getByTestId('capacity-drilldown');
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Capacity', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Capacity' })).toBeVisible();
    await expect.poll(() => this.page.evaluate(() => window.__pmoCapacity?.drawn()?.cells ?? 0)).toBeGreaterThan(0);
  }

  async rowsBy(kind: 'People' | 'Roles' | 'Teams') {
    await this.page.getByRole('group', { name: 'Rows' }).getByRole('button', { name: kind, exact: true }).click();
  }

  async periods(grain: 'Weeks' | 'Months' | 'Quarters') {
    await this.page.getByRole('group', { name: 'Periods' }).getByRole('button', { name: grain, exact: true }).click();
  }

  rowKeys(): Promise<string[]> {
    return this.page.evaluate(() => window.__pmoCapacity?.rows() ?? []);
  }

  async overloadEntries(): Promise<OverloadEntry[]> {
    return this.overloads.getByTestId('overload').evaluateAll((els) =>
      els.map((el) => ({
        key: el.getAttribute('data-key') ?? '',
        kind: el.getAttribute('data-kind') ?? '',
        name: el.querySelector('.cap-ol-name')?.textContent ?? '',
        peak: el.querySelector('.cap-ol-peak')?.textContent ?? '',
        projects: el.querySelector('.cap-ol-projects')?.textContent ?? '',
      })),
    );
  }

  /** Clicks a heat map cell as a user does. */
  async clickCell(key: string, period: number) {
    const p = await this.page.evaluate(([k, i]) => window.__pmoCapacity?.cellPoint(k, i) ?? null, [key, period] as const);
    if (!p) throw new Error(`Cell ${key} ${period} is not in the heat map`);
    await this.page.waitForTimeout(50);
    const q = await this.page.evaluate(([k, i]) => window.__pmoCapacity?.cellPoint(k, i) ?? null, [key, period] as const);
    await this.page.mouse.click(q!.x, q!.y);
  }

  /** Clicks a row's name (a role or team expands or collapses). */
  async clickRowName(key: string) {
    const p = await this.page.evaluate((k) => window.__pmoCapacity?.cellPoint(k, 0) ?? null, key);
    const box = (await this.heatmap.boundingBox())!;
    if (!p) throw new Error(`Row ${key} is not in the heat map`);
    await this.page.mouse.click(box.x + 60, p.y);
  }

  /** The drill-down's lines, its total and the cell's demand. */
  async drill(): Promise<{ key: string; period: number; demand: number; total: number; lines: { projectId: string; hours: number; text: string }[] }> {
    await expect(this.drilldown).toBeVisible();
    return this.drilldown.evaluate((el) => ({
      key: el.getAttribute('data-key') ?? '',
      period: Number(el.getAttribute('data-period')),
      demand: Number(el.getAttribute('data-demand')),
      total: Number(el.querySelector('[data-testid="cell-total"]')?.getAttribute('data-hours') ?? 'NaN'),
      lines: [...el.querySelectorAll('ul[aria-label="Projects in this cell"] > li')].map((li) => ({ projectId: li.getAttribute('data-project-id') ?? '', hours: Number(li.getAttribute('data-hours')), text: li.textContent ?? '' })),
    }));
  }

  async exportPng(): Promise<{ download: Download; bytes: Buffer }> {
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export PNG' }).click();
    const download = await downloading;
    return { download, bytes: await readFile(await download.path()) };
  }
}
