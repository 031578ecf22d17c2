// Page object for the roadmap: open it, read its status line and side panel, and act on the
// chart as a user does (wheel, keys, dragging a bar with the mouse). Bars are found through the
// view's test hook (window.__pmoRoadmap, present only under automation), since the chart is a
// canvas.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
// The hook's type (window.__pmoRoadmap), declared by the view.
import type {} from '../../../renderer/views/roadmap/test-hook';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class RoadmapPage {
  readonly status: Locator;
  readonly chart: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('roadmap-status');
    this.chart = page.getByTestId('roadmap-chart');
    this.panel = page.getByRole('complementary', { name: 'Roadmap details' });
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Roadmap', exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
    await expect.poll(() => this.page.evaluate(() => window.__pmoRoadmap?.frames() ?? 0)).toBeGreaterThan(0);
  }

  /** "40 projects, 139 milestones, 3 unscheduled" as numbers. */
  async counts(): Promise<{ projects: number; milestones: number; unscheduled: number }> {
    const text = (await this.status.textContent()) ?? '';
    const m = /^([\d,]+) projects?, ([\d,]+) milestones?, ([\d,]+) unscheduled$/.exec(text.trim());
    if (!m) throw new Error(`Unexpected status line: ${text}`);
    const n = (s: string) => Number(s.replace(/,/g, ''));
    return { projects: n(m[1]!), milestones: n(m[2]!), unscheduled: n(m[3]!) };
  }

  async groupBy(label: string) {
    await this.page.getByLabel('Group by').selectOption({ label });
  }

  /** Waits for the chart to draw what the last action asked for. */
  async settle() {
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }

  async drawn() {
    await this.settle();
    return this.page.evaluate(() => window.__pmoRoadmap!.drawn());
  }

  async visibleProjects(): Promise<string[]> {
    await this.settle();
    return this.page.evaluate(() => window.__pmoRoadmap!.visibleProjects());
  }

  async criticalBars(): Promise<string[]> {
    await this.settle();
    return this.page.evaluate(() => window.__pmoRoadmap!.criticalBars());
  }

  async pxPerDay(): Promise<number> {
    return this.page.evaluate(() => window.__pmoRoadmap!.pxPerDay());
  }

  async barRect(projectId: string): Promise<Rect | null> {
    await this.settle();
    return this.page.evaluate((id) => window.__pmoRoadmap!.barRect(id), projectId);
  }

  async reveal(projectId: string): Promise<Rect> {
    await this.page.evaluate((id) => window.__pmoRoadmap!.reveal(id), projectId);
    const r = await this.barRect(projectId);
    if (!r) throw new Error(`The bar of ${projectId} is not on screen`);
    return r;
  }

  /** Keys pressed on the focused chart. */
  async keys(...keys: string[]) {
    await this.chart.focus();
    for (const k of keys) await this.page.keyboard.press(k);
    await this.settle();
  }

  /** Scrolls the rows with the mouse wheel over the chart. */
  async wheel(dy: number, dx = 0) {
    const box = (await this.chart.boundingBox())!;
    await this.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
    await this.page.mouse.wheel(dx, dy);
    await this.settle();
  }

  /**
   * Drags a bar by whole days with the mouse: its middle to move it, or an end to change that
   * date. Calls `during` before releasing, with the mouse still down.
   */
  async dragBar(projectId: string, days: number, part: 'move' | 'start' | 'finish' = 'move', during?: () => Promise<void>) {
    const r = await this.reveal(projectId);
    const px = await this.pxPerDay();
    const y = r.y + r.height / 2;
    const x = part === 'move' ? r.x + Math.min(r.width / 2, 60) : part === 'start' ? r.x + 2 : r.x + r.width - 2;
    const dx = days * px;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    const steps = 8;
    for (let i = 1; i <= steps; i++) await this.page.mouse.move(x + (dx * i) / steps, y);
    await this.settle();
    if (during) await during();
    await this.page.mouse.up();
    await this.settle();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  async exportImage(format: 'PNG' | 'SVG', size: 'As on screen' | 'A4 landscape' | 'A3 landscape'): Promise<{ download: Download; bytes: Buffer }> {
    await this.button('Export…').click();
    const dialog = this.page.getByRole('dialog', { name: 'Export image' });
    const downloading = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: `${format} — ${size}` }).click();
    const download = await downloading;
    return { download, bytes: await readFile(await download.path()) };
  }
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  signature.forEach((b, i) => {
    if (bytes[i] !== b) throw new Error('Not a PNG file');
  });
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
