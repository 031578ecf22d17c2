// Benchmarks of the app's views start the same way: a scale workbook written as a .pmowb file,
// opened through the welcome screen as a user would, waited for until its overview shows.
import { expect, type Page } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { buildScaleWorkbook, type ScaleOptions } from '../../shared/demo/scale';
import { serializeWorkbook } from '../../shared/file/pmowb';

/** The app as served for benchmarks (PMO_WEB_PORT lets a run use its own port). */
export const APP_URL = `http://127.0.0.1:${process.env['PMO_WEB_PORT'] ?? 5173}/`;

/** Writes a scale workbook named `name` to `path`. */
export async function writeScaleWorkbook(path: string, name: string, opts: ScaleOptions): Promise<void> {
  const wb = buildScaleWorkbook(opts);
  wb.settings.name = name;
  await writeFile(path, serializeWorkbook(wb, { exportedAt: '2026-11-21T00:00:00Z', appVersion: 'bench' }));
}

/** Opens a workbook file in the app from its welcome screen and waits for its overview. */
export async function openWorkbookFile(page: Page, path: string, name: string, timeout = 180_000): Promise<void> {
  await page.goto(APP_URL);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Open a workbook file/ }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout });
}
